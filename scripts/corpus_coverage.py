"""How much of real news the corpus stage keeps, and how much of the pages' metadata it reads.

    .venv/bin/python scripts/corpus_coverage.py [--realnews ../shared/realnews] [--limit N] [--out FILE.csv] [--show]

``--show`` prints, for each Russian page that keeps less than 99% of its article
sentences, the sentences lost and what the stage said of the line holding each
(its shape and the reason it was dropped), on the HTML and on the text.

Prints, for the pages of ``realnews/web`` (HTML):
  - the languages of the pages (the reference is py3langid on the page's headline
    and ``<p>`` text, independent of the pipeline) and how the pipeline treated each;
  - of the Russian pages: how many were kept, how many dated from the page's
    metadata (and the basis of the others);
  - of the Russian pages: the share of the article sentences of each page that
    survive in the clean text, read from the HTML and from the same pages saved
    as plain text (the page's visible text, as a browser saves it).

    The article sentences are the sentences of the ``<p>`` elements of the page's
    ``<article>``, less the ``<p>`` lines the page itself shows are not article
    text. Counting every ``<p>`` line was unfair to the stage: outlets put their
    furniture in ``<p>`` too, and 290 of the 323 sentences the HTML run "lost" at
    the first look were such lines. The page's evidence, judged here without the
    pipeline's rules, is
      * a ``<p>`` all of whose text is link text (a tag list, a list of links);
      * a line with no letter (a view counter, a vote tally: "28", "2 0"), or
        nothing but a date and a clock time ("1 ноября, 15:19");
      * a line found in three or more pages of the same outlet (``og:site_name``):
        the outlet's template ("subscribe to our channel", a shop notice, a
        copyright line), not this article's report;
      * a short line (at most 12 words) that is a credit or a pointer by its
        first words: "Фото:", "Видео:", "Источник:", "Автор фото:", "Текст:",
        "Читайте также", "Смотрите также", "Подписывайтесь", "Читайте нас", or
        that holds a copyright sign (a date or time before those words aside).
    Sentences are compared as the stage decodes text (NFC, Latin look-alikes in
    Cyrillic words made Cyrillic), white space aside.
    The raw figures over every ``<p>`` line are printed and recorded too
    (``web_*_all_p_*``), and so is the share leaving out the lines the stage
    dropped on its own evidence (``*_without_evidenced_chrome_*``, which is
    circular: it trusts the stage's cue words).
for the factRuEval-2016 test texts (clean news, no chrome): the share of
characters kept; and for a folder holding the seeds, RuCoCo's texts.jsonl and
pages two levels down: whether every file and row has one document, with unique ids.

The data sets are read in place and nothing of them is written to the project;
without ``../shared/realnews`` the script says so and exits 0.
"""

import argparse
import csv
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from razdel import sentenize  # noqa: E402

from paradiplomacy.corpus import load_corpus  # noqa: E402
from paradiplomacy.decode import normalize_text  # noqa: E402

SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def page_paragraphs(markup: str) -> tuple[list[str], set[str], str, str]:
    """The lines of the article's <p> elements, those of them that are all link text, the outlet and the headline
    (``<h1>``, else ``og:title``)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    outlet = soup.find("meta", attrs={"property": "og:site_name"})
    article = soup.find("article") or soup
    for br in article.find_all("br"):
        br.replace_with("\n")
    lines, links_only = [], set()
    for p in article.find_all("p"):
        # A <br> breaks a paragraph into lines, as a browser shows it; inline markup joins into its line.
        here = [norm(line) for line in p.get_text("").split("\n") if norm(line)]
        if here and squeeze("".join(a.get_text("") for a in p.find_all("a"))) == squeeze(p.get_text("")):
            links_only.update(here)
        lines += here
    h1, og_title = soup.find("h1"), soup.find("meta", attrs={"property": "og:title"})
    headline = norm(h1.get_text(" ")) if h1 else (og_title.get("content") or "").strip() if og_title else ""
    return lines, links_only, (outlet.get("content") or "").strip() if outlet else "", headline


# A short line that credits a picture or a source, or points elsewhere, by its first words; or a copyright line.
CREDIT_OR_POINTER = re.compile(r"^[\W\d]*(?:(?:фото|видео|источник|автор\s+фото|текст|иллюстрация)\s*:|"
                               r"(?:читайте|смотрите)\s+(?:также|еще|ещё)|подписывайтесь|читайте\s+нас)|©", re.I)
CREDIT_MAX_WORDS = 12
TEMPLATE_PAGES = 3  # a line in this many pages of one outlet is the outlet's template
LETTER = re.compile(r"[^\W\d_]")
WORDS = re.compile(r"[^\W\d_]+")
DATE_WORD = re.compile(r"(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                       r"|г$|года$)", re.I)


def date_or_time_only(line: str) -> bool:
    """A line of nothing but a date or a clock time ("1 ноября, 15:19"): a timestamp."""
    return any(c.isdigit() for c in line) and all(DATE_WORD.match(w) for w in WORDS.findall(line))


def not_article_lines(lines: list[str], links_only: set[str], outlet_lines: Counter) -> set[str]:
    """The <p> lines a page shows are not article text (see the module's docstring)."""
    return {line for line in lines
            if line in links_only or not LETTER.search(line) or date_or_time_only(line) or outlet_lines[line] >= TEMPLATE_PAGES
            or (len(line.split()) <= CREDIT_MAX_WORDS and CREDIT_OR_POINTER.search(line))}


BLOCK_TAGS = ["p", "div", "article", "section", "header", "footer", "aside", "nav", "main", "blockquote", "figure",
              "figcaption", "address", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
              "h6", "hr", "pre", "related", "dl", "dt", "dd"]


def page_as_text(markup: str) -> str:
    """The visible text of a page, a line for each block and <br>, as a browser's 'save as text' gives it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text("").split("\n"))
    return "\n\n".join(line for line in lines if line)


def reference_language(paragraphs: list[str], headline: str = "") -> str:
    """py3langid's language of the page's headline and <p> text: the headline counts because a page whose <p> lines
    are only names ("Юрген Клопп («Ливерпуль»)") is in the headline's language; a page with no <p> text has no
    article, whatever its headline ("none")."""
    import py3langid

    text = " ".join(paragraphs)
    return py3langid.classify(f"{headline} {text}")[0] if text.strip() else "none"


INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


def squeeze(text: str) -> str:
    """Text as the stage decodes it (NFC, Latin look-alikes inside Cyrillic words made Cyrillic), without white
    space or invisible characters: a sentence survives whatever spaces (or zero-width spaces) the cleaning
    added or removed, and "Cуд" typed with a Latin C survives as the "Суд" the stage reads."""
    return INVISIBLE.sub("", SPACE.sub("", normalize_text(text)))


def survival(sentences: list[str], clean: str) -> float:
    """Share of the sentences (by count) found whole in the clean text, white space aside."""
    if not sentences:
        return 1.0
    clean = squeeze(clean)
    return sum(squeeze(s) in clean for s in sentences) / len(sentences)


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [norm(s.text) for p in paragraphs for s in sentenize(p) if len(s.text.split()) >= 1]


EVIDENCE = ("(cue words)", "recurs in other documents")


def chrome_by_evidence(doc) -> list[str]:
    """The lines the stage dropped on strong evidence (cue words, recurrence), white space aside."""
    if doc is None:
        return []
    return [squeeze(l.text) for l in doc.lines if not l.kept and any(e in l.reason for e in EVIDENCE)]


def summarise_survival(label: str, shares: list[float], rows: list, what: str = "<p> sentences") -> None:
    if not shares:
        print(f"  {label}: no pages")
        return
    full = sum(s >= 0.99 for s in shares)
    half = sum(s < 0.5 for s in shares)
    mean = sum(shares) / len(shares)
    print(f"  {label}: {full}/{len(shares)} articles keep >= 99% of their {what} "
          f"({full / len(shares):.1%}); mean share {mean:.1%}; {half} keep less than half")
    rows += [(f"web_{label}_articles_99pct", full / len(shares)), (f"web_{label}_mean_sentence_share", mean),
             (f"web_{label}_articles_under_half", half)]


def lost_sentences(sentences: list[str], doc) -> list[tuple[str, str]]:
    """The sentences missing from the document's clean text, each with the stage's word on the line holding it."""
    clean = squeeze(doc.text) if doc is not None and doc.status == "ok" else ""
    lost = []
    for s in sentences:
        if squeeze(s) in clean:
            continue
        key = squeeze(s)
        holder = next((l for l in (doc.lines if doc is not None else []) if key and key in squeeze(l.text)), None)
        said = (f"line {holder.number} [{holder.shape}] {'kept' if holder.kept else 'dropped'}: {holder.reason}"
                if holder is not None else "no line holds it whole" if doc is not None else "no document")
        lost.append((s, said))
    return lost


def show_losses(label: str, k: str, share: float, doc, sentences: list[str]) -> None:
    status = f"{doc.status} {doc.reason}".strip() if doc is not None else "no document"
    print(f"--- {label} {k}: {share:.1%} kept; {status}")
    for sentence, said in lost_sentences(sentences, doc):
        print(f"    LOST {sentence[:160]!r}\n         {said}")


def web_figures(web: Path, limit: int | None, rows: list, show: bool = False) -> None:
    pages = sorted(web.glob("*.html"))[:limit] if limit else sorted(web.glob("*.html"))
    print(f"web/: {len(pages)} pages")
    paragraphs, language, links_only, outlet = {}, {}, {}, {}
    for page in pages:
        markup = page.read_text(encoding="utf-8", errors="replace")
        paragraphs[page.stem], links_only[page.stem], outlet[page.stem], headline = page_paragraphs(markup)
        language[page.stem] = reference_language(paragraphs[page.stem], headline)
    pages_holding: dict[str, Counter] = {}  # outlet -> line -> pages of the outlet holding it
    for k, lines in paragraphs.items():
        pages_holding.setdefault(outlet[k], Counter()).update(set(lines))
    article_lines = {k: [l for l in lines if l not in not_article_lines(lines, links_only[k], pages_holding[outlet[k]])]
                     for k, lines in paragraphs.items()}
    russian = {k for k, v in language.items() if v == "ru"}
    languages = Counter(language.values())
    print("  reference languages (py3langid on the headline and <p> text): "
          + ", ".join(f"{lang} {n}" for lang, n in languages.most_common()))
    rows.append(("web_pages", len(pages)))
    rows.append(("web_russian_pages", len(russian)))
    with tempfile.TemporaryDirectory() as tmp:
        html_dir, text_dir = Path(tmp) / "html", Path(tmp) / "text"
        html_dir.mkdir()
        text_dir.mkdir()
        for page in pages:
            shutil.copy(page, html_dir / page.name)
            (text_dir / f"{page.stem}.txt").write_text(page_as_text(page.read_text(encoding="utf-8", errors="replace")),
                                                        encoding="utf-8")
        for label, folder in (("html", html_dir), ("text", text_dir)):
            docs = {Path(d.source_file).stem: d for d in load_corpus(folder, warn=lambda m: None)}
            ru_docs = [docs[k] for k in sorted(russian) if k in docs]
            statuses = Counter(d.status for d in ru_docs)
            print(f" {label}: Russian pages {dict(statuses)}")
            rows.append((f"web_{label}_russian_skipped", statuses.get("skipped", 0)))
            skipped_other = Counter()
            for k, lang in language.items():
                if lang != "ru" and k in docs:
                    skipped_other[(lang, docs[k].status == "skipped" and lang in docs[k].reason)] += 1
            named = sum(n for (lang, ok), n in skipped_other.items() if ok)
            other = sum(skipped_other.values())
            print(f"  non-Russian pages skipped with their language named: {named}/{other}")
            rows.append((f"web_{label}_non_russian_skipped_named", named / other if other else 1.0))
            if label == "html":
                basis = Counter(d.date_basis for d in ru_docs)
                sources = Counter(getattr(d, "date_source", "") or "(none)" for d in ru_docs if d.date_basis == "stated")
                stated = basis.get("stated", 0)
                print(f"  Russian pages dated from the page (stated): {stated}/{len(ru_docs)} "
                      f"({stated / max(1, len(ru_docs)):.1%}); bases {dict(basis)}; sources {dict(sources)}")
                outlets = sum(bool(d.outlet) for d in ru_docs)
                urls = sum(bool(d.url) for d in ru_docs)
                titles = sum(bool(d.title) for d in ru_docs)
                print(f"  with outlet {outlets}, url {urls}, title {titles} of {len(ru_docs)}")
                rows += [("web_html_dated_stated", stated / max(1, len(ru_docs))),
                         ("web_html_outlet", outlets / max(1, len(ru_docs))),
                         ("web_html_url", urls / max(1, len(ru_docs)))]
            shares, shares_all, shares_text = [], [], []
            for k in sorted(russian):
                doc = docs.get(k)
                clean = doc.text if doc is not None and doc.status == "ok" else ""
                shares.append(survival(sentences_of(article_lines[k]), clean))
                if show and shares[-1] < 0.99:
                    show_losses(label, k, shares[-1], doc, sentences_of(article_lines[k]))
                sentences = sentences_of(paragraphs[k])
                shares_all.append(survival(sentences, clean))
                # The same, leaving out the <p> lines the stage dropped as chrome on strong evidence
                # (photo credits, "read also", appeals, copyright: cue words; lines recurring across pages).
                evidence = chrome_by_evidence(doc)
                text_only = [s for s in sentences if not any(squeeze(s) in e for e in evidence)]
                shares_text.append(survival(text_only, clean))
            summarise_survival(label, shares, rows, "article sentences (<p> lines less those the page shows are not article text)")
            summarise_survival(f"{label}_all_p", shares_all, rows)
            summarise_survival(f"{label}_without_evidenced_chrome", shares_text, rows,
                               "<p> sentences, leaving out lines dropped on cue words or recurrence")


def factrueval_figures(folder: Path, rows: list) -> None:
    texts = sorted(t for t in folder.glob("*.txt") if t.with_suffix(".objects").exists())  # not the index list.txt
    with tempfile.TemporaryDirectory() as tmp:
        for t in texts:
            shutil.copy(t, Path(tmp) / t.name)
        docs = {Path(d.source_file).stem: d for d in load_corpus(Path(tmp), warn=lambda m: None)}
    total = kept = 0
    cut = 0
    for t in texts:
        source = t.read_text(encoding="utf-8-sig")
        doc = docs.get(t.stem)
        clean = squeeze(doc.text) if doc is not None and doc.status == "ok" else ""
        sentences = [norm(s.text) for line in source.split("\n") for s in sentenize(line) if norm(s.text)]
        chars = [(len(s), squeeze(s) in clean) for s in sentences]
        here = sum(n for n, _ in chars)
        kept_here = sum(n for n, ok in chars if ok)
        total += here
        kept += kept_here
        cut += kept_here < here
    print(f"factRuEval-2016 testset: {len(texts)} texts; characters kept {kept / max(1, total):.2%}; "
          f"{cut} texts lost some text")
    rows += [("factrueval_chars_kept", kept / max(1, total)), ("factrueval_texts_cut", cut)]


def mixed_folder_figures(realnews: Path, rows: list) -> None:
    """A folder as a researcher holds one: the seeds, a JSONL of real articles and pages two levels down."""
    seeds = ROOT / "seeds"
    table = realnews / "rucoco" / "texts.jsonl"
    if not table.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        shutil.copytree(seeds, folder)
        shutil.copy(table, folder / "texts.jsonl")
        nested = folder / "pages" / "2019-11"
        nested.mkdir(parents=True)
        for page in sorted((realnews / "web").glob("*.html"))[:200]:
            shutil.copy(page, nested / page.name)
        docs = load_corpus(folder, warn=lambda m: None)
    n_rows = sum(1 for line in table.open(encoding="utf-8") if line.strip())
    files = len(list(seeds.glob("*"))) - 1 + 200  # the manifest is not a document
    ids = [d.doc_id for d in docs]
    statuses = Counter(d.status for d in docs)
    print(f"mixed folder (seeds, rucoco texts.jsonl with {n_rows} rows, 200 pages two levels down): "
          f"{len(docs)} documents for {files} files and {n_rows} rows; ids unique: {len(set(ids)) == len(ids)}; {dict(statuses)}")
    rows += [("mixed_documents", len(docs)), ("mixed_expected", files + n_rows), ("mixed_ids_unique", int(len(set(ids)) == len(ids)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realnews", type=Path, default=ROOT.parent / "shared" / "realnews")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of web/")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures to this CSV")
    parser.add_argument("--show", action="store_true",
                        help="print the sentences lost from each page under 99%%, with the stage's reason")
    args = parser.parse_args(argv)
    if not (args.realnews / "web").is_dir():
        print(f"{args.realnews}/web not found: no real news to measure on (the figures need ../shared/realnews)")
        return 0
    rows: list = []
    web_figures(args.realnews / "web", args.limit, rows, args.show)
    if (args.realnews / "factrueval" / "testset").is_dir():
        factrueval_figures(args.realnews / "factrueval" / "testset", rows)
    mixed_folder_figures(args.realnews, rows)
    if args.out:
        with args.out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["figure", "value"])
            writer.writerows((k, f"{v:.4f}" if isinstance(v, float) else v) for k, v in rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
