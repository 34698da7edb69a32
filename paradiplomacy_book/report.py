"""Helpers for the book's notebooks: tables that render the same way every run."""

import html
import re
from pathlib import Path

import pandas as pd
from ipymarkup import format_span_box_markup
from razdel import sentenize

from paradiplomacy.output import split_list


# Columns that hold the downloads' keys (documents.csv's doc_id and source_file): shown as identifiers (code), so that a
# reader can join a table of the book to the CSV files, and never mistaken for a name in the prose.
IDENTIFIER_COLUMNS = ("doc_id", "file")


class Table:
    """A DataFrame shown without its index, its text HTML-escaped.

    Styler output carries random element ids (which nbval would see change) and
    does not escape cell text; ``DataFrame.to_html`` does both right.
    """

    def __init__(self, df: pd.DataFrame, identifiers=(), empty: str = "None found in this corpus."):
        df = df.reset_index(drop=True)
        self.empty = empty  # what an empty table says: what was looked for, and where (this case, this corpus)
        # cells shown as identifiers (code): every value of IDENTIFIER_COLUMNS, and the ``identifiers`` given
        self.identifiers = {str(v) for c in df.columns if c in IDENTIFIER_COLUMNS for v in df[c] if v} | set(identifiers)
        # pandas prints a missing whole number as "<NA>" whatever na_rep says: show it blank
        for column in df.columns[df.dtypes.astype(str) == "Int64"]:
            df[column] = df[column].astype(object).where(df[column].notna(), "")
        self.df = df

    def _repr_html_(self) -> str:
        if self.df.empty:
            return f"<p><em>{html.escape(self.empty, quote=False)}</em></p>"
        table = self.df.to_html(index=False, escape=True, border=0, classes="dataframe table", na_rep="")
        for value in sorted(self.identifiers, key=len, reverse=True):
            escaped = html.escape(value)
            table = table.replace(f"<td>{escaped}</td>", f"<td><code>{escaped}</code></td>")
        return table

    def __repr__(self) -> str:
        return self.empty if self.df.empty else self.df.to_string(index=False)

    def _repr_markdown_(self) -> str:
        """A list table that LaTeX may break across pages, its columns as wide as their text needs: what the
        PDF shows (the HTML takes the HTML)."""
        if self.df.empty:
            return f"*{markdown_text(self.empty)}*"
        cell = lambda v: list_safe(markdown_text("" if v is None or v != v else str(v))) or " "
        code = lambda v: f"`{v}`" if v else " "
        df, keys = self.df, ""
        rows = [[cell(c) for c in df.columns]] + [[code(v) if str(v) in self.identifiers else cell(v) for v in row] for row in df.itertuples(index=False)]
        moved = [i for i, c in enumerate(df.columns) if c in IDENTIFIER_COLUMNS and i > 0]
        if moved and sum(len(max(" ".join(col).split(), key=len)) + 3 for col in zip(*rows)) > LINE_LETTERS:
            # a document id cannot break, and a wide table has no room for it: the PDF gives the ids under the
            # table, each after the cell beside it ("Article 1: 000_9622bea02cfd8869"), so the table still joins
            pairs = dict.fromkeys((cell(r[i - 1]), r[i]) for r in df.itertuples(index=False) for i in moved if r[i])
            keys = "\n\n" + "; ".join(f"{a}: {code(b)}" for a, b in pairs) + f" ({', '.join(df.columns[i] for i in moved)})"
            df = df.drop(columns=[df.columns[i] for i in moved])
            rows = [[cell(c) for c in df.columns]] + [[code(v) if str(v) in self.identifiers else cell(v) for v in row] for row in df.itertuples(index=False)]
        widths = column_widths(rows)
        lines = ["```{list-table}", ":header-rows: 1", ":class: longtable", ":widths: " + " ".join(map(str, widths)), ""]
        for row in rows:
            lines += [("* - " if i == 0 else "  - ") + value for i, value in enumerate(row)]
        return "\n".join(lines + ["```"]) + keys


LINE_LETTERS = 85  # letters of 10 pt text on the PDF's line


def column_widths(rows: list[list[str]]) -> list[int]:
    """The share of the line each column of a PDF table gets: first the room its longest word needs (LaTeX breaks a
    line only between words: "Нижегородская" in a narrower column runs over), with three letters for its padding;
    then what the line has left, shared out by the length of each column's longest cell (at most 40 letters)."""
    columns = list(zip(*rows))
    need = [max(len(word) for cell in column for word in cell.split()) + 3 for column in columns]
    want = [min(40, max(len(cell) for cell in column)) for column in columns]
    spare = max(0, LINE_LETTERS - sum(need))
    return [n + round(spare * w / sum(want)) for n, w in zip(need, want)]


def markdown_text(text: str) -> str:
    """Text from a source as Markdown that shows it as written: one line, markup characters escaped."""
    text = " ".join(text.split())
    return "".join("\\" + c if c in "\\`*_[]{}<>#!$~&" else c for c in text)


def list_safe(text: str) -> str:
    """Markdown text that a list item cannot read as a nested list: "- 5", "+1", "1. item" stay text."""
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+])", r"\\\1", text))


def show(df: pd.DataFrame, empty: str = "None found in this corpus.") -> Table:
    """The table; ``empty`` is what it says when it has no row (name what was looked for, and where)."""
    return Table(df, empty=empty)


class Markup:
    """A sentence with its spans boxed by ipymarkup (which escapes the text)."""

    def __init__(self, text: str, spans: list[tuple[int, int, str]]):
        self.text, self.spans = text, spans

    def _repr_html_(self) -> str:
        return "".join(format_span_box_markup(self.text, self.spans))

    def __repr__(self) -> str:
        return self.text


def sentence_around(text: str, start: int, stop: int) -> tuple[int, int]:
    """Offsets of the sentence of ``text`` that holds the span."""
    for sentence in sentenize(text):
        if sentence.start <= start < sentence.stop:
            return sentence.start, max(sentence.stop, stop)
    return start, stop


def evidence(text: str, start: int, stop: int, spans: list[tuple[int, int, str]]) -> Markup:
    """The sentence around ``start:stop`` with the given spans (document offsets) marked."""
    s_start, s_stop = sentence_around(text, start, stop)
    inside = sorted((a - s_start, b - s_start, label) for a, b, label in spans if s_start <= a and b <= s_stop)
    non_overlapping, last = [], -1
    for a, b, label in inside:
        if a >= last:
            non_overlapping.append((a, b, label))
            last = b
    return Markup(text[s_start:s_stop], non_overlapping)


def glue_scores(table: pd.DataFrame, glue) -> None:
    """Glue every precision, recall, gold count and status accuracy as ``<corpus>_<measure>_<metric>``, the corpus
    by its first word ("seeds", "extra") or as "set1", "set2", ... for "written set 1", "written set 2", ..."""
    for row in table[~table.corpus.str.contains("first look")].itertuples():
        key = f"{row.corpus.replace('written set ', 'set').split()[0]}_{row.measure.replace(', keyword baseline', '_baseline')}"
        glue(f"{key}_precision", float(row.precision), display=False)
        glue(f"{key}_recall", float(row.recall), display=False)
        glue(f"{key}_gold", int(row.gold), display=False)
        if row.status_accuracy == row.status_accuracy and row.status_accuracy is not None:
            glue(f"{key}_status", float(row.status_accuracy), display=False)


class Evidence:
    """A label, a sentence with spans marked, and an English gloss if any, as one block."""

    def __init__(self, label: str, markup: Markup, gloss: str = ""):
        self.label, self.markup, self.gloss = label, markup, gloss

    def _repr_html_(self) -> str:
        gloss = f"<p><em>Gloss:</em> {html.escape(self.gloss)}</p>" if self.gloss else ""
        return f"<p><strong>{html.escape(self.label)}</strong></p>" + self.markup._repr_html_() + gloss

    def __repr__(self) -> str:
        return f"{self.label}\n{self.markup.text}" + (f"\nGloss: {self.gloss}" if self.gloss else "")

    def _repr_markdown_(self) -> str:
        gloss = f"\n\n*Gloss:* {markdown_text(self.gloss)}" if self.gloss else ""
        return f"**{markdown_text(self.label)}**\n\n> {markdown_text(self.markup.text)}" + gloss


def show_agreement_evidence(tables, data_dir, rows, empty: str = "No agreement found in this corpus.") -> None:
    """Each agreement's sentence with its parties and signatories marked, and an English gloss."""
    from IPython.display import display

    from .casebook import evidence_label, gloss
    from .names import Names
    from .register import unnamed_parties
    from .site import article_numbers

    english = Names.of(tables)
    unnamed = unnamed_parties(tables)
    numbers = article_numbers(tables["documents"])
    mentions = tables["mentions"]
    names = dict(zip(tables["actors"].actor_id, tables["actors"].name))
    types = dict(zip(tables["actors"].actor_id, tables["actors"].type))
    if rows.empty:
        display(Table(rows, empty=empty))
    for row in rows.itertuples():
        text = (Path(data_dir) / "clean" / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        marked = set(split_list(row.parties)) | set(split_list(row.signatories))
        spans = [(m.start, m.stop, "party" if names[m.actor_id] in marked else types[m.actor_id])
                 for m in mentions[mentions.doc_id == row.doc_id].itertuples()]
        display(Evidence(evidence_label(row, numbers), evidence(text, row.start, row.stop, spans), gloss(row, english, unnamed)))


def figure_image(fig):
    """The figure as a PNG image object: it displays the same under any matplotlib backend."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png")


def glue_figures(figures: dict, glue, save_dir=None) -> None:
    """Glue each figure as a PNG (and save it to ``save_dir`` if given)."""
    for name, fig in figures.items():
        if save_dir is not None:
            fig.savefig(Path(save_dir) / f"{name}.png", dpi=100)
        glue(name, figure_image(fig), display=False)



# book.pdf is in the site's downloads/ only when `make html` or `make book` built the PDF before the site
PDF_NOTE = "this book as a PDF (Reproduce it says how it is built)"


class Downloads:
    """The list of the tables' CSV files with links (relative to the page), datapackage.json and the PDF."""

    def __init__(self, folder: str, tables: dict[str, str], gold: dict[str, str] | None = None):
        self.folder, self.tables, self.gold = folder, tables, gold or {}

    def _items(self) -> list[tuple[str, str]]:
        items = [(f"{t}.csv", note) for t, note in self.tables.items()]
        items += [("datapackage.json", "the Frictionless descriptor of the tables")] + list(self.gold.items())
        return items + [("book.pdf", PDF_NOTE)]

    def _repr_html_(self) -> str:
        rows = "".join(f'<li><a href="{html.escape(self.folder)}/{html.escape(name)}">{html.escape(name)}</a>: {html.escape(note)}</li>'
                       for name, note in self._items())
        return f'<ul class="pd-downloads">{rows}</ul>'

    def __repr__(self) -> str:
        return "\n".join(f"{name}: {note}" for name, note in self._items())

    def _repr_markdown_(self) -> str:
        """The list for the PDF: the files' names, since the PDF cannot link the site's downloads."""
        return "\n".join(f"- `{name}`: {markdown_text(note)}" for name, note in self._items())


def readable(df: pd.DataFrame, numbers: dict[str, int] | None = None, noun: str = "Article") -> pd.DataFrame:
    """A table as the reader sees it: codes of kind, frame, marker and error in English, the case's name in English,
    and the document as "Article n" (or another ``noun``: "Text n" of a written set) where ``numbers``
    (paradiplomacy_book.site.article_numbers) has it."""
    from .codes import duration, label, labels, marker_label
    from .names import quote_authorities

    df = df.copy()
    for column in ("kind", "frame", "error"):
        if column in df:
            df[column] = df[column].map(lambda v: label(v) if v else v)
    for column in ("predicted", "gold"):  # a person's offices against the gold: "(not in gold)" is a code too
        if column in df:
            df[column] = df[column].map(lambda v: labels().get(v, v) if isinstance(v, str) else v)
    if "marker" in df:
        df["marker"] = df["marker"].map(lambda v: marker_label(v) if v else v)
    if "duration" in df:
        df["duration"] = df["duration"].map(duration)
    if "case" in df:
        df["case"] = df["case"].map(lambda v: quote_authorities(v) if isinstance(v, str) else v)
    if numbers is not None and "doc_id" in df:
        # the book's article number alone: the article's own page gives the document's id, the key of the downloads
        position = list(df.columns).index("doc_id")
        df.insert(position, noun.lower(), df["doc_id"].map(lambda d: f"{noun} {numbers[d]}" if d in numbers else d))
        df = df.drop(columns="doc_id")
    return df.rename(columns={"gold_status": "annotated stage"})


class Interactive:
    """HTML that needs the browser (a sortable table); the PDF and plain text say where to find it instead, and give
    a static ``table`` (a Table) where there is one."""

    def __init__(self, html_text: str, elsewhere: str, table: "Table | None" = None):
        self.html_text, self.elsewhere, self.table = html_text, elsewhere, table

    def _repr_html_(self) -> str:
        return self.html_text

    def __repr__(self) -> str:
        return self.elsewhere

    def _repr_markdown_(self) -> str:
        static = "\n\n" + self.table._repr_markdown_() if self.table is not None else ""
        return markdown_text(self.elsewhere) + static
