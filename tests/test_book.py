"""The book a reader uses: English names for bodies, codes in English, the register, the data to take
away and the corpus pages (fast, on the seeds' tables); then the rendered book (slow, built once): every
page loads, every linked CSV parses, datapackage.json validates, and no page shows a hash id, a code value
in running text, "<NA>", a raw glue role, a traceback or a bare DPR/LPR."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS
from paradiplomacy.pipeline import read_tables
from paradiplomacy_book.codes import ISO_DURATION, code_values, duration, in_ten, in_words
from paradiplomacy_book.names import Names, quote_authorities
from paradiplomacy_book.register import register
from paradiplomacy_book.site import marked_text, write_corpus_pages, write_downloads

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
HASH_ID = re.compile(r"(?<![0-9a-f])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}(?![0-9a-f])")
BARE_AUTHORITY = re.compile(r'(?<!["“«\w])(DPR|LPR)(?![\w"”»])')
CODE_VALUE = re.compile(r"\b(" + "|".join(sorted(code_values(), key=len, reverse=True)) + r")\b")


@pytest.fixture(scope="module")
def seeds_tables(seeds_out):
    return read_tables(SEEDS, seeds_out)


def test_bodies_are_named_in_english_from_their_term_and_place(seeds_tables):
    names = Names.of(seeds_tables)
    assert names.english("Липецкая торгово-промышленная палата") == "Lipetsk Chamber of Commerce and Industry"
    assert names.english("Луганская региональная торгово-промышленная палата") == "Luhansk Regional Chamber of Commerce and Industry"
    assert names.english("администрация Липецкой области") == "Lipetsk Oblast Administration"
    assert names.english("администрация Измалковского района Липецкой области") == "Izmalkovsky District Administration"
    assert names.both("Липецкая область") == "Lipetsk Oblast (Липецкая область)"
    assert names.english("Донецкая Народная Республика") == '"Donetsk People\'s Republic"'


def test_occupation_authorities_are_quoted_once():
    assert quote_authorities("DPR case; the LPR; DPRK") == '"DPR" case; the "LPR"; DPRK'
    assert quote_authorities('the "DPR"') == 'the "DPR"'


def test_codes_read_as_english():
    assert duration("P5Y") == "five years" and duration("P18M") == "18 months"
    assert in_words(1, "relationship") == "one relationship" and in_words(3, "relationship") == "three relationships"
    # a median precision of 0.75 is no "three records in ten wrong", nor a recall of 0.56 "six in ten found"
    assert in_ten(0.25) == "between two and three" and in_ten(0.56) == "between five and six" and in_ten(0.61) == "about six"
    assert {"cooperation_agreement", "republic_unquoted", "party_to"} <= code_values()
    assert "doc_id" not in code_values()


def test_register_has_one_row_per_relationship_with_its_stages(seeds_tables):
    table = register(seeds_tables)
    assert len(table) == seeds_tables["agreements"].relationship_id.nunique()
    assert '"DPR"' in set(table.case) and "DPR" not in set(table.case)
    chambers = table[table.parties.str.contains("Chamber of Commerce")]
    assert len(chambers) == 1 and "Липецкая торгово-промышленная палата" in chambers.parties.iloc[0]
    assert table.stages.str.contains(" → ").any()  # a relationship seen at two stages
    # no code in a cell, no document id either (reader 12, item 10): the article's number, which its page keys
    assert not table.apply(lambda row: row.astype(str).str.contains("_").any(), axis=1).any()
    # each source with its outlet and the address the manifest records
    assert "Article 1, OstroV (ОстроВ) https://www.ostro.org/lugansk/economics/news/136653" in set(table.sources)


def test_register_says_which_parties_the_text_left_unnamed(seeds_tables):
    table = register(seeds_tables)
    ministries = table[table.parties.str.contains("relevant ministry")]
    assert len(ministries) == 1
    assert ministries.parties.iloc[0].count("inferred from “профильными министерствами”: a body of each side") == 2
    # the roadmap's and accords' parties: "Мы с губернатором договорились", "Достигнуты договорённости" name none (party_basis)
    assert ministries.parties.iloc[0].count("[inferred: the sides that met]") == 2
    dpr_accord = table[table.instrument == "accord reached (no document named)"]
    assert len(dpr_accord) == 1 and dpr_accord.parties.iloc[0].count("[inferred: the sides that met") == 2
    assert not table.drop(ministries.index).drop(dpr_accord.index).parties.str.contains("inferred").any()
    from paradiplomacy_book.casebook import gloss
    from paradiplomacy_book.register import unnamed_parties

    memorandum = seeds_tables["agreements"][seeds_tables["agreements"].parties.str.contains("профильное министерство")].iloc[0]
    assert gloss(memorandum, Names.of(seeds_tables), unnamed_parties(seeds_tables)).endswith(
        "(inferred: the text says only “профильными министерствами”, one body for each side).")


def test_register_glosses_each_scope_item_in_english(seeds_tables):
    table = register(seeds_tables)
    chambers = table[table.parties.str.contains("Chamber of Commerce")].scope.iloc[0]
    assert "information exchange (обмен коммерческой информацией)" in chambers
    assert "business meetings and contacts (проведение взаимных деловых встреч)" in chambers
    # a relationship of several instruments gives each its own ("roadmap: Spheres: ...; memorandum: Spheres: ...")
    own = [part for cell in table.scope[table.scope != ""]
           for part in re.split(r"(?:^|; )[a-z /]+: (?=Spheres: |Items: )", cell) if part]
    assert len(own) > len(table.scope[table.scope != ""])
    for cell in own:
        spheres, items = cell.split(" Items: ") if " Items: " in cell else ("", cell.removeprefix("Items: "))
        assert not spheres or re.fullmatch(r"Spheres: [a-z &,]+\.", spheres), cell
        for item in items.split("; "):  # each item: its English, then the text's words in brackets
            assert re.match(r"[a-z][a-z &,'-]* \(.*[а-яё].*\)$", item), item


def test_the_events_tables_give_english_names_beside_the_cyrillic(seeds_tables):
    from paradiplomacy_eval.scores import event_errors

    gold = pd.read_csv(ROOT / "tests" / "gold" / "events.csv", keep_default_na=False)
    names = Names.of(seeds_tables)
    gold = gold[gold.doc_id.isin(seeds_tables["documents"].doc_id)].copy()
    # the seeds' events may all match their gold: one gold place moved makes a missed row and one not in the gold
    gold.loc[gold.index[0], "place"] = "Тверская область"
    errors = event_errors(seeds_tables["events"], gold)
    assert set(errors.error) == {"missed", "not in gold"}
    for events in (seeds_tables["events"], errors):
        table = names.in_table(events, lists=["participants"], single=["place"])
        cells = [c for v in table.participants for c in v.split("; ") if c] + [v for v in table.place if v]
        assert cells and all(re.fullmatch(r"[^а-яё]+ \([^a-z]*[а-яё][^a-z]*\)", c, re.I) for c in cells), cells
    assert names.both("Тверская область") == "Tver Oblast (Тверская область)"  # a name the actors table lacks (the gold's)


def test_error_tables_read_as_words_not_codes():
    from paradiplomacy_book.report import readable

    errors = pd.DataFrame({"doc_id": ["tver_gomel", "bryansk_gomel", "tver_gomel"], "status": ["", "signed", "planned"],
                           "gold_status": ["signed", "", "agreed"], "error": ["missed", "not in gold", "wrong status"]})
    table = readable(errors, {"bryansk_gomel": 1, "tver_gomel": 2}, noun="Text")
    assert list(table.text) == ["Text 2", "Text 1", "Text 2"]  # the set's texts by number, not by id
    assert not table.error.isin(["missed", "not in gold", "wrong status"]).any()
    assert not any("_" in column for column in table.columns), list(table.columns)
    persons = readable(pd.DataFrame({"doc_id": ["tver_gomel"], "person": ["олег ветров"], "predicted": ["губернатор"], "gold": ["(not in gold)"]}),
                       {"tver_gomel": 2}, noun="Text")
    assert list(persons.gold) == ["(not annotated)"]


def test_pdf_tables_give_a_column_room_for_its_longest_word():
    from paradiplomacy_book.report import Table

    df = pd.DataFrame({"text": ["Text 1", "Text 12"], "kind": ["cooperation agreement", "memorandum"],
                       "parties": ["Нижегородская область | хокимият Андижанской области", "Тверь"]})
    widths = [int(w) for w in re.search(r":widths: (.*)", Table(df)._repr_markdown_())[1].split()]
    longest = [max(len(word) for value in list(df[c]) + [c] for word in value.split()) for c in df.columns]
    assert all(w > n for w, n in zip(widths, longest)), (widths, longest)  # no word wider than its column's share
    assert widths[0] < widths[1] < widths[2]  # a short column leaves the room to the others


def test_datapackage_describes_every_table_and_validates(seeds_out, seeds_tables, tmp_path):
    from frictionless import validate

    write_downloads(seeds_out, tmp_path, seeds_tables)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = (tmp_path / "datapackage.json").read_text(encoding="utf-8")
    assert '"name": "start",\n            "type": "integer"' in descriptor
    assert '"name": "kept",\n            "type": "boolean"' in descriptor
    # reader 15, item 6: the register in English, keyed by the book's article numbers, no code value or id in it
    register = pd.read_csv(tmp_path / "register.csv", keep_default_na=False)
    assert len(register) == seeds_tables["agreements"].relationship_id.nunique()
    assert register.sources.str.contains(r"^Article \d", regex=True).all()
    assert not register.drop(columns="sources").apply(lambda c: c.str.contains("_")).any().any()


def test_corpus_pages_escape_the_source_and_mark_its_actors(seeds_tables, seeds_out, tmp_path):
    text = "Тверь <script>alert(1)</script> и Гомель"
    mentions = pd.DataFrame([{"actor_id": "city:tver", "start": 0, "stop": 5}, {"actor_id": "city:gomel", "start": 33, "stop": 39}])
    agreements = pd.DataFrame(columns=["start", "stop", "kind", "status"])
    html = marked_text(text, mentions, agreements, {"city:tver": "city", "city:gomel": "city"}, {"city:tver": "Tver", "city:gomel": "Gomel"})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('<mark class="pd-city"') == 2
    write_corpus_pages(seeds_tables, seeds_out, tmp_path / "corpus")
    pages = sorted((tmp_path / "corpus").glob("article-*.md"))
    assert len(pages) == (seeds_tables["documents"].status == "ok").sum()
    # a document's id stands only as an identifier (code), beside the article's number: the key of the downloads
    assert not any(HASH_ID.search(re.sub(r"(?<!`)`[^`\n]+`(?!`)|<code>.*?</code>", "", p.read_text(encoding="utf-8"))) for p in pages)


# The rendered book (slow)

def build(source: Path, out: Path, toc: Path | None = None) -> Path:
    command = [str(JUPYTER_BOOK), "build", str(source), "--path-output", str(out), "--warningiserror", "--keep-going"]
    result = subprocess.run(command + (["--toc", str(toc)] if toc else []), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / "html"


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and p.name not in ("genindex.html", "search.html"))


def visible_text(page: Path) -> str:
    """What a reader reads on the page: no scripts, styles, code or attributes."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["script", "style", "code", "pre"]):
        tag.decompose()
    return soup.get_text(" ")


@pytest.fixture(scope="module")
def book_html(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("book"))


@pytest.mark.slow
def test_every_page_of_the_toc_is_built_and_loads(book_html):
    toc = re.findall(r"file: (\S+)", (ROOT / "_toc.yml").read_text()) + ["book/intro"]
    for doc in toc:
        assert (book_html / f"{doc}.html").exists(), doc
    for page in pages(book_html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if page.name == "index.html" and page.parent == book_html:
            continue  # the redirect to book/intro.html
        main = soup.find("main") or soup.find("article")
        assert soup.title and main and len(main.get_text(strip=True)) > 100, page


@pytest.mark.slow
def test_every_linked_csv_exists_and_parses_and_the_data_package_validates(book_html):
    from frictionless import validate

    linked = set()
    for page in pages(book_html):
        for href in re.findall(r'href="([^"#]+\.(?:csv|json))"', page.read_text(encoding="utf-8")):
            if not href.startswith("http"):
                linked.add((page.parent / href).resolve())
    tables = {p.stem for p in linked if p.suffix == ".csv"}
    assert {"documents", "lines", "actors", "mentions", "agreements", "events", "relations", "framing"} <= tables
    for path in linked:
        assert path.exists(), path
        if path.suffix == ".csv":
            assert len(pd.read_csv(path, keep_default_na=False).columns) > 1, path
    package = book_html / "downloads" / "datapackage.json"
    assert package.resolve() in linked
    assert validate(str(package)).valid


@pytest.mark.slow
def test_no_page_shows_ids_codes_missing_values_glue_or_tracebacks(book_html):
    for page in pages(book_html):
        text, raw = visible_text(page), page.read_text(encoding="utf-8")
        assert not HASH_ID.search(text), (page.name, HASH_ID.search(text)[0])
        assert "<NA>" not in text, page.name
        assert "{glue" not in raw and "glue:text" not in raw and "glue:figure" not in raw, page.name
        assert "Traceback (most recent call last)" not in raw, page.name
        if page.stem != "a6_codebook":  # the codebook appendix is where the codes are defined
            for pattern in (CODE_VALUE, ISO_DURATION):
                found = pattern.search(text)
                assert not found, (page.name, text[max(0, found.start() - 80):found.end() + 40])


@pytest.mark.slow
def test_only_the_method_codebook_and_reproduce_pages_name_repository_files(book_html):
    """Reader 15, item 9: a reader of the site cannot open "tests/gold/agreements.csv" or "paradiplomacy/scope.py";
    the architecture appendix, like the method, codebook and reproduce pages, is written for those who have the code;
    the findings and quality pages say in words what the files are, and link the gold in the downloads."""
    path = re.compile(r"tests/gold|scripts/\w+\.py|\bparadiplomacy(?:_\w+)?[/.]\w|\.\./shared|\bbook/\w+\.csv")
    for page in pages(book_html):
        if page.stem in ("a1_method", "ARCHITECTURE", "a6_codebook", "a9_reproduce"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        found = path.search(soup.get_text(" "))
        assert not found, (page.name, found[0])


@pytest.mark.slow
def test_dpr_and_lpr_are_always_in_quotation_marks(book_html):
    for page in pages(book_html):
        text = visible_text(page)
        found = BARE_AUTHORITY.search(text)
        assert not found, (page.name, text[max(0, found.start() - 80):found.end() + 40])
        # one style: the straight quotes of the tables and figures, in the prose too (book15b item 7)
        assert not re.search(r"[“”](DPR|LPR)|(DPR|LPR)[“”]", text), page.name


@pytest.mark.slow
def test_the_register_sorts_and_filters_without_a_network(book_html):
    page = (book_html / "book" / "06_register.html").read_text(encoding="utf-8")
    assert 'id="register"' in page and "new ITable(" in page
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', page)
    assert not [s for s in scripts if s.startswith(("http:", "https:", "//"))]
    assert "window._itables_2_9_1" in page  # the DataTables bundle is inside the page


@pytest.mark.slow
def test_every_linked_image_exists_and_says_what_it_shows(book_html):
    for page in pages(book_html):
        for image in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("img"):
            src = image.get("src", "")
            if not src.startswith(("http", "data:")):
                assert (page.parent / src).resolve().exists(), (page.name, src)
            if "logo" not in image.get("class", []):  # the theme's logo; every figure of the book has its alt text
                assert len(image.get("alt", "")) > 40, (page.name, src)


@pytest.mark.slow
def test_source_text_is_escaped_in_the_html(tmp_path):
    """A seed whose text holds markup renders it as text, in tables and on its corpus page."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_9622bea02cfd8869.txt", seeds)
    (seeds / "evil.txt").write_text(
        "Тверь и Гомель подпишут соглашение <script>alert('x')</script>\n\n"
        "Соглашение о сотрудничестве <script>alert('x')</script> планируют заключить Тверь и Гомель в ближайшее время. "
        "Об этом сообщил губернатор Тверской области Игорь Руденя <b>жирным</b> шрифтом.\n", encoding="utf-8")
    book = tmp_path / "book"
    (book / "book").mkdir(parents=True)
    (book / "_config.yml").write_text((ROOT / "_config.yml").read_text())
    shutil.copy(ROOT / "book" / "a9_reproduce.md", book / "book")  # the corpus chapter links it
    (book / "_toc.yml").write_text("format: jb-book\nroot: book/a2_corpus\nchapters:\n  - file: book/corpus/index\n"
                                   "    sections:\n      - glob: book/corpus/article-*\n  - file: book/a9_reproduce\n")
    subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(seeds), "--out", str(tmp_path / "data")], check=True)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), "--book-dir", str(book / "book"),
                             "--seeds-dir", str(seeds), "--data-dir", str(tmp_path / "data"), "a2_corpus"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    html = build(book, tmp_path / "out")
    text = "".join(p.read_text(encoding="utf-8") for p in pages(html))
    assert "<script>alert" not in text
    assert "&lt;script&gt;" in text
    assert "<b>жирным</b>" not in text


def test_make_html_makes_the_pdf_it_links_first():
    """The HTML links downloads/book.pdf (intro, the register's downloads): `make html` alone builds it first."""
    commands = subprocess.run(["make", "-n", "-B", "html"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()
    pdf = next(i for i, c in enumerate(commands) if "--builder pdflatex" in c)
    copied = next(i for i, c in enumerate(commands) if c.startswith("cp ") and c.endswith("book/site/downloads/book.pdf"))
    html = next(i for i, c in enumerate(commands) if "jupyter-book build ." in c and "pdflatex" not in c)
    assert pdf < copied < html
    assert 'href="../downloads/book.pdf"' in (ROOT / "book" / "intro.md").read_text(encoding="utf-8")


def test_tables_for_the_pdf_break_across_pages_and_keep_cells_as_text():
    from paradiplomacy_book.report import Table

    markdown = Table(pd.DataFrame({"aspect": ["stage", "- note"], "Lipetsk": ["1. planned", "*агентство*"]}))._repr_markdown_()
    assert markdown.startswith("```{list-table}") and ":class: longtable" in markdown.splitlines()
    assert "  - 1\\. planned" in markdown and "* - \\- note" in markdown and "\\*агентство\\*" in markdown


def test_the_dates_row_names_the_articles_it_could_not_date(seeds_tables):
    """Issue 15 (book15b, item 1): "2025 (two undated articles)" read as if the undated ones were of 2025."""
    from paradiplomacy_book.casebook import date_range

    # reader 13, item 1: article 4's year is inferred from its events (its header's 2012 contradicts them)
    assert date_range(seeds_tables, "Lipetsk") == (
        "written about 2025 (inferred from the events it reports) (article 4); no date found (articles 1, 3)")
    assert date_range(seeds_tables, "DPR") == "published 2025-12-07 (article 2); an act dated 2024 (article 2)"


def test_undated_articles_clues_to_their_time_are_quoted_not_used(seeds_tables, seeds_out):
    """The book quotes an undated article's own clues to its time (data/date_clues.csv) for the reader to weigh;
    the pipeline's date stays empty."""
    from paradiplomacy_book.casebook import date_clues, date_clues_phrase

    clean = {p.stem: p.read_text(encoding="utf-8") for p in (seeds_out / "clean").glob("*.txt")}
    clues = date_clues(seeds_tables, "Lipetsk", clean)
    assert [(n, words) for n, _, words in clues] == [(1, "85 лет назад ставил свои рекорды"), (3, "75-летия стахановского движения"),
                                                    (3, "в августе прошлого года")]
    assert date_clues(seeds_tables, "DPR", clean) == []  # a dated article needs no clue
    assert date_clues_phrase(clues).startswith("article 1: «85 лет назад ставил свои рекорды» (")


def test_words_the_article_relays_are_the_speakers_and_page_markers_carry_the_pages_dates(seeds_tables):
    """Issue 15 (book15b, item 2): "украинского региона" is the Lipetsk chamber of commerce's, relayed by article 1;
    the occupation markers of the Luhansk pages are the outlet's teasers of 2025 and 2026, not the articles'."""
    from paradiplomacy_book.casebook import frames_of, page_dates
    from paradiplomacy_book.speech import who_says

    [(words, speaker, how, article)] = who_says(seeds_tables, "Lipetsk", "ukrainian_region")
    assert (words, article) == ("украинского региона", "Article 1")
    assert speaker.startswith("Lipetsk Chamber of Commerce and Industry") and how == "reported speech, «сообщили»"
    dates = page_dates(seeds_tables)
    assert dates["000_9622bea02cfd8869"] == "2026-03-08 to 2026-03-12"
    # reader 15, item 3: the teasers describe the outlet ("Sources and limits"), not the case; the chamber's words
    # are shown as words of their time, not as "none"
    frames = frames_of(seeds_tables, "Lipetsk")
    assert "teaser" not in frames and "occupation" not in frames
    assert frames.startswith("no framing marker; words of their time") and "«украинского региона», article 1" in frames
    assert frames_of(seeds_tables, "DPR").startswith("Russian official terms («ДНР», article 2)")


def test_the_comparison_says_its_speaker_scores_are_in_sample():
    """Book15b item 5: the seeds' speaker precision and recall (1.00, 1.00) are measured on the texts the rules were
    written on; the Comparison says so, as the quality appendix does, and gives the holdout's beside them."""
    text = " ".join((ROOT / "notebooks" / "04_comparison.md").read_text(encoding="utf-8").split())
    paragraph = text[text.index("Who said what rests on the attribution of speakers"):]
    paragraph = paragraph[:paragraph.index("a7_quality")]
    assert "in-sample" in paragraph and "holdout_speaker_precision" in paragraph and "holdout_speaker_recall" in paragraph


def test_no_code_value_in_a_tooltip_and_bodies_and_offices_in_english(seeds_tables, seeds_out, tmp_path):
    """Book15b item 3: the corpus page's hover text read "occupation_authority: ..."; "правительство региона" read
    "Government of the region" where the article had just named Lipetsk Oblast; the Comparison's signatories'
    offices were Russian only ("глава Измалковского района")."""
    from paradiplomacy_book.casebook import signatory_offices
    from paradiplomacy_book.names import document_names

    html = marked_text("ДНР", pd.DataFrame([{"actor_id": "x", "start": 0, "stop": 3}]), pd.DataFrame(columns=["start", "stop", "kind", "status"]),
                       {"x": "occupation_authority"}, {"x": '"DPR"'})
    assert 'title="occupation authority: &quot;DPR&quot;"' in html
    actors = pd.DataFrame({"actor_id": ["region:lipetsk-oblast", "organization:pravitelstvo-regiona"],
                           "name": ["Липецкая область", "правительство региона"],
                           "name_english": ["Lipetsk Oblast", "Government of the region"], "type": ["region", "organization"]})
    mentions = pd.DataFrame({"doc_id": ["d", "d"], "actor_id": list(actors.actor_id), "start": [0, 40], "stop": [16, 61]})
    assert document_names({"actors": actors, "mentions": mentions}, "d")["organization:pravitelstvo-regiona"] == "Government of Lipetsk Oblast"
    assert signatory_offices(seeds_tables, "Lipetsk") == ["head of Izmalkovsky District (глава Измалковского района)"]


def test_articles_carry_their_doc_id_and_file_where_the_book_numbers_them(seeds_tables, seeds_out, tmp_path):
    """Book15b item 4: the book numbers articles 1-5, the CSVs key them by doc_id; each corpus page and the corpus
    index give the doc_id, as an identifier (code). Reader 12, item 10: the other tables give the article's number
    alone, not a hash beside it on every row."""
    from paradiplomacy_book.report import Table, readable
    from paradiplomacy_book.site import article_numbers
    from paradiplomacy_book.speech import quotations_table

    write_corpus_pages(seeds_tables, seeds_out, tmp_path / "corpus")
    page = (tmp_path / "corpus" / "article-001.md").read_text(encoding="utf-8")
    assert "<code>000_9622bea02cfd8869</code>" in page and "<code>000_9622bea02cfd8869.txt</code>" in page
    assert "`000_9622bea02cfd8869`" in page  # the PDF's table too
    index = (tmp_path / "corpus" / "index.md").read_text(encoding="utf-8")
    # reader 15, item 6: a file named by its id is not repeated beside it; documents.csv numbers the articles
    assert "| [Article 1](article-001.md) | `000_9622bea02cfd8869` | Луганск" in index
    numbers = article_numbers(seeds_tables["documents"])
    assert numbers == {d: int(n) for d, n in zip(seeds_tables["documents"].doc_id, seeds_tables["documents"].article)}
    table = readable(seeds_tables["framing"][["doc_id", "frame"]], numbers)
    assert list(table.columns[:2]) == ["article", "frame"] and table.article.iloc[0] == "Article 1"
    assert "000_9622bea02cfd8869" not in Table(table)._repr_html_()
    assert "doc_id" not in readable(seeds_tables["framing"][["doc_id", "frame"]], numbers, noun="Text")
    assert set(quotations_table(seeds_tables, "DPR").article) == {"Article 2"}


def test_the_pdf_link_says_how_the_pdf_is_made():
    """Book15b item 4: downloads/book.pdf exists only in a site that `make html` or `make book` built; the intro and
    the downloads list point to "Reproduce it", which says so and where `make pdf` writes it (reader 16, item 11:
    build notes belong there, not in the intro)."""
    from paradiplomacy_book.report import Downloads

    intro = " ".join((ROOT / "book" / "intro.md").read_text(encoding="utf-8").split())
    sentence = intro[intro.index("The whole book is also a PDF"):]
    assert "a9_reproduce" in sentence and "make pdf" not in sentence
    assert "Reproduce it" in dict(Downloads("downloads", {})._items())["book.pdf"]
    reproduce = " ".join((ROOT / "book" / "a9_reproduce.md").read_text(encoding="utf-8").split())
    assert "make pdf" in reproduce and "_build/latex/book.pdf" in reproduce and "jupyter-book build" in reproduce


def test_an_empty_table_says_what_was_looked_for_and_where():
    """Book15b item 6: "None found in this corpus." stood for "in this case" in the Smolensk chapter, and two tables
    of the Sources chapter said it one after the other; each empty table now names what it looked for and where."""
    from paradiplomacy_book.report import Table, show

    empty = show(pd.DataFrame(columns=["a"]), empty="No quotation with a speaker found in this case's articles.")
    assert "No quotation with a speaker found in this case's articles." in empty._repr_html_()
    assert empty._repr_markdown_() == "*No quotation with a speaker found in this case's articles.*"
    for chapter in ("01_lipetsk", "02_dpr", "03_smolensk", "05_sources"):
        assert "None found in this corpus" not in (ROOT / "book" / f"{chapter}.ipynb").read_text(encoding="utf-8"), chapter
    smolensk = (ROOT / "book" / "03_smolensk.ipynb").read_text(encoding="utf-8")
    assert "No agreement found in this case's articles." in smolensk


def test_the_prose_keeps_the_quotation_marks_of_the_tables():
    """Book15b item 7: the tables and figures write '"DPR"' as the data has it, and Sphinx's smart quotes turned the
    prose's into curly ones; they are off, so both read the same (the built pages: test_dpr_and_lpr_are_always_in_quotation_marks)."""
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["smartquotes"] is False


def test_a_source_the_manifest_says_is_no_outlet_is_not_counted_as_one(seeds_tables):
    """Book15b item 8: "three outlets" counted the forum post the manifest calls "not an outlet"; "not recorded
    (article 4)" read like a source's name; the Reproduce page's manifest columns left out outlet_note."""
    from paradiplomacy.corpus import MANIFEST_COLUMNS
    from paradiplomacy_book.casebook import outlets_phrase, sources_of

    assert outlets_phrase(seeds_tables["documents"]).startswith("three outlets; besides them, one source that the manifest says is not an outlet")
    # the fresh reader's note: the two sources with no outlet and no address are unverified wherever they are used
    # the sources each article relays (reader 13, item 5): in English where the text names a body or a press service
    # outlets transliterated, the Cyrillic beside (reader 49: Cyrillic-only outlet names)
    assert sources_of(seeds_tables, "Lipetsk") == (
        "OstroV (ОстроВ), relaying “портал «БИЗНЕС ЛИПЕЦК»” (the text's words) and Lipetsk Chamber of Commerce and Industry "
        "(Липецкой торгово-промышленной палате) (article 1); OstroV (ОстроВ), relaying press service of the administration of Lipetsk "
        "Oblast (пресс-служба администрации Липецкой области) (article 3); Gorod48 (Город48) (article 4)")
    assert sources_of(seeds_tables, "Smolensk") == "forum post (user zerro-ai), not an outlet, unverified: no address recorded (article 5)"
    # an outlet, named by the manifest; its photo from the Lipetsk government's site (reader 12, item 2)
    assert sources_of(seeds_tables, "DPR") == "Vybor naroda (Выбор народа), whose photo the page credits to липецкаяобласть.рф (article 2)"
    reproduce = (ROOT / "book" / "a9_reproduce.md").read_text(encoding="utf-8")
    assert all(f"| `{column}` |" in reproduce for column in MANIFEST_COLUMNS)


def test_a_map_caption_explains_only_the_shading_its_map_has(seeds_tables):
    """Book15b item 9: the caption about occupied regions' shading stood under the Smolensk map too, which shades
    nothing; each case's caption now says what its own map shades (casebook.map_note, glued into the caption)."""
    import matplotlib.pyplot as plt

    from paradiplomacy_book.casebook import SHADING_NOTE, case_map, map_note

    notes = {}
    for case in ("Lipetsk", "DPR", "Smolensk"):
        fig = case_map(seeds_tables, case)
        notes[case] = map_note(fig, seeds_tables, case)
        plt.close(fig)
    assert notes["Lipetsk"].startswith(SHADING_NOTE) and notes["DPR"].startswith(SHADING_NOTE)
    assert "occupation" not in notes["Smolensk"] and notes["Smolensk"].startswith("Nothing is shaded")
    # the Smolensk map has no agreement to draw: its caption says so, and explains the delegation's arrow it has instead
    assert "report no agreement" in notes["Smolensk"] and "report no agreement" not in notes["Lipetsk"]
    # reader 17, item 7: the "DPR" map draws the vice-governor's working trip from the place of his office too
    assert all("A dotted arrow runs from the place whose delegation" in notes[case] for case in ("Lipetsk", "DPR", "Smolensk"))
    for chapter in ("01_lipetsk", "02_dpr", "03_smolensk"):
        source = (ROOT / "notebooks" / f"{chapter}.md").read_text(encoding="utf-8")
        caption = source[source.index("```{glue:figure} map"):]
        caption = caption[:caption.index("\n```", 3)]
        assert "{glue:text}`map_note`" in caption and "occupation" not in caption.split(":alt:")[1].split("\n", 1)[1], chapter


def test_a_wide_table_gives_the_pdf_its_document_ids_below_it():
    """A document id cannot break: in a table with no room for it, the PDF's list table leaves the id column out and
    gives each id after the cell beside it, under the table (the overfull boxes of the doc_id columns, book15b item 4)."""
    from paradiplomacy_book.report import Table

    wide = pd.DataFrame({"article": ["Article 1"], "doc_id": ["000_9622bea02cfd8869"], "frame": ["Ukrainian sovereignty"],
                         "marker": ["names the occupation authorities as republics without distancing"], "example": ["оккупированного"],
                         "outlet": ['портал АНО "Центр ПРИСП"'], "published": ["2025-12-07"], "count": ["6"]})
    markdown = Table(wide)._repr_markdown_()
    assert "doc_id" not in markdown.split("```")[1] and markdown.endswith("Article 1: `000_9622bea02cfd8869` (doc_id)")
    narrow = Table(wide[["article", "doc_id"]])._repr_markdown_()
    assert "  - `000_9622bea02cfd8869`" in narrow


def test_a_sphere_the_article_mentions_is_not_read_from_an_office_or_a_bodys_name(seeds_tables, seeds_out):
    """Reader 12, item 6: "министром промышленности и торговли ДНР" made the "DPR" article speak of trade; the
    article's topic ("углубление промышленной кооперации") still counts."""
    from paradiplomacy_book.casebook import spheres_of

    clean = {p.stem: p.read_text(encoding="utf-8") for p in (seeds_out / "clean").glob("*.txt")}
    _, said = spheres_of(seeds_tables, "DPR", clean)
    assert "trade" not in said and "industry" in said


def test_a_relationships_instruments_each_have_their_own_course_in_the_register(seeds_tables):
    """Reader 12, item 1: the Belarus roadmap (planned) and the ministries' memorandum (signed) are two instruments
    the article does not connect; the register must not draw "roadmap planned → memorandum signed"."""
    from paradiplomacy_book.register import register

    stages = register(seeds_tables).set_index("instrument").stages
    assert stages["roadmap, memorandum"] == "roadmap: planned (article 4, 2025); memorandum: signed (article 4, 2025)"
    assert all("→" not in course.split(": ", 1)[0] for cell in stages if "; " in cell for course in cell.split("; "))


def test_a_relationships_instruments_each_have_their_own_furthest_stage_and_scope(seeds_tables):
    """Reader 15, item 2: "furthest: signed" for the Belarus row read as if the roadmap were signed, and its scope
    (the roadmap's trade, culture, transport) left out the memorandum's field, agriculture, which its own sentence
    names ("аграрное направление — подписан меморандум")."""
    from paradiplomacy_book.register import register

    row = register(seeds_tables).set_index("instrument").loc["roadmap, memorandum"]
    assert row.furthest == "roadmap: planned; memorandum: signed"
    roadmap, memorandum = row.scope.split("; memorandum: ")
    assert "transport" in roadmap and "agriculture" not in roadmap
    assert memorandum.startswith("Spheres: agriculture.")


def test_one_instrument_named_differently_by_two_articles_has_one_course(seeds_tables):
    """Readers 13 and 14, item 1: article 1's planned "подобный документ" (a cooperation agreement of Izmalkovo and
    Stakhanov) and article 3's signed twinning, set up by a cooperation agreement, are one instrument: one course from
    plan to signature, each stage with the name its article gives it."""
    from paradiplomacy_book.register import register

    stages = register(seeds_tables).set_index("instrument").stages
    course = stages["cooperation agreement / twinning"]
    assert course.startswith("planned as cooperation agreement (article 1) → ") and course.endswith("signed as twinning (article 3)")


def test_an_undated_case_of_uncontested_places_is_not_said_to_have_unknown_control(seeds_tables):
    """Reader 12, item 14: the Smolensk map said the control of Smolensk and Vitebsk at the articles' date was not
    known; neither place was ever held by another state."""
    from paradiplomacy_book.casebook import contested_places

    assert not contested_places(seeds_tables, "Smolensk") and contested_places(seeds_tables, "Lipetsk")


def test_an_office_of_an_installed_authority_is_its_own_title_in_quotation_marks():
    """The book does not grant the "DPR" a government: its chairman's office is the authority's own title, quoted."""
    from paradiplomacy_book.speech import office_gloss

    assert office_gloss("председатель правительства", installed=True).startswith("“chairman of the government”")
    assert office_gloss("председатель правительства").startswith("chairman of the government (")


def test_a_case_chapter_says_how_many_relationships_the_register_has_of_it(seeds_tables):
    """Reader 48, item 7: the Smolensk chapter said "Every relationship of the case ... is in the register" of a case
    with none; the sentence now counts them from the tables."""
    from paradiplomacy_book.casebook import agreements_of, relationships_phrase

    assert relationships_phrase(agreements_of(seeds_tables, "Smolensk")).startswith("no relationship of this case")
    lipetsk = agreements_of(seeds_tables, "Lipetsk")
    assert relationships_phrase(lipetsk).startswith(f"the case's {in_words(lipetsk.relationship_id.nunique(), 'relationship')}")


def test_a_case_chapter_names_a_page_date_its_text_contradicts(seeds_tables):
    """Reader 48, item 17: the Lipetsk chapter showed article 4 as 2025 without saying its page states an earlier date."""
    from paradiplomacy_book.casebook import date_conflicts

    docs = seeds_tables["documents"]
    conflicting = docs[(docs.case == "Lipetsk") & (docs.date_conflict.astype(str) == "True")]
    assert not conflicting.empty  # the seeds hold one: article 4 (page header 2012, events of 2025)
    sentence = date_conflicts(seeds_tables, "Lipetsk")
    assert all(r.date_stated in sentence and f"date it {r.published}" in sentence for r in conflicting.itertuples())
    assert date_conflicts(seeds_tables, "Smolensk").startswith("No article's stated date")
