"""Hostile text inside an otherwise good article: the article is still read, in bounded time, with its findings.

Every hostile text is generated here from the test data (no real page is copied).
"""

import re
import shutil
import time

import pytest

from conftest import EXTRA, SEEDS, read_gold, read_out
from paradiplomacy.pipeline import extract

BASE = EXTRA / "pskov_voru.txt"  # a governor's order, three officials with offices, one agreement
MAX_SECONDS = 60  # per hostile document, on a busy machine; a normal article takes a fraction of a second


def base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def with_paragraph(extra: str) -> str:
    """The base article with ``extra`` as a paragraph after its second one."""
    paragraphs = base_text().split("\n\n")
    return "\n\n".join(paragraphs[:2] + [extra] + paragraphs[2:])


def words_of(text: str) -> list[str]:
    return re.findall(r"[а-яё]+", text.lower())


# The lead-ins and final full stops make each hostile line a sentence line, so the corpus stage keeps it
# in the article and the NLP stages see it (a line without one is dropped as page chrome, see below).
def long_unpunctuated_sentence(n=5000) -> str:
    words = words_of(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    return " ".join(words[i % len(words)] for i in range(n)) + "."


def flattened_table(rows=400) -> str:
    cells = " ".join(f"{i} {i * 37 % 1000},{i % 10} {i * 7919 % 100000} {i % 13}%" for i in range(1, rows + 1))
    return f"Данные по районам области приводятся ниже: {cells}."


def names_list(n=300) -> str:
    names = sorted(set(read_gold("persons").name))
    first = sorted({name.split()[0] for name in names if len(name.split()) == 2})
    last = sorted({name.split()[-1] for name in names if len(name.split()) == 2})
    combined = [f"{f} {l}" for l in last for f in first][:n]
    assert len(combined) == n
    return "В списке приглашённых: " + ", ".join(combined) + "."


def unclosed_quotes(depth=200) -> str:
    words = words_of(base_text())
    marks = ["«", "„", "\"", "“"]
    return "Компания " + " ".join(f"{marks[i % len(marks)]}{words[i % len(words)]}" for i in range(depth)) + " подписала договор."


def invisible_in_names() -> str:
    # a variation selector left where an emoji was cut from a post ("\ufe0fПод документом ...") glues itself to the word
    return (base_text().replace("Николай Веденеев", "Ни\u00adко\u00adлай Веде\u200bнеев").replace("Александр Шилов", "Алек\u200bсандр Ши\u00adлов")
            .replace("Виктор Гаврилов", "\ufe0fВиктор Гаврилов"))


def homoglyph_names() -> str:
    # Latin B, e, a, p, o typed into Cyrillic names, as in pages assembled from several keyboards; Greek kappa and
    # omicron, as pages that mix look-alikes into their words against copying do
    return (base_text().replace("Николай Веденеев", "Николaй Beдeнеев").replace("Виктор Гаврилов", "Bиктop Гaврилoв")
            .replace("Александр Шилов", "Алеκсандр Шилοв"))


def mojibake_words() -> str:
    # short words written as UTF-8 and read back as cp1251 amid sound ones, as some scraped pages hold them
    words = {" с ": " СЃ ", " и ": " Рё ", " в ": " РІ ", " о ": " Рѕ "}
    text = base_text()
    for word, mangled in words.items():
        text = text.replace(word, mangled)
    return text


HOSTILE = {
    "long_sentence": lambda: with_paragraph(long_unpunctuated_sentence()),
    "flat_table": lambda: with_paragraph(flattened_table()),
    "names_list": lambda: with_paragraph(names_list()),
    "unclosed_quotes": lambda: with_paragraph(unclosed_quotes()),
    "invisible": invisible_in_names,
    "homoglyphs": homoglyph_names,
    "mojibake": mojibake_words,
}


def run_one(folder, name, text):
    seeds = folder / name / "seeds"
    seeds.mkdir(parents=True)
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    counts = extract(seeds, folder / name / "out", cache_dir=None)
    return counts, time.monotonic() - started, folder / name / "out"


@pytest.fixture(scope="module")
def base_run(tmp_path_factory):
    counts, _, out = run_one(tmp_path_factory.mktemp("hostile"), "base", base_text())
    assert counts["ok"] == 1
    return out


def findings(out):
    persons = read_out(out, "actors")
    persons = persons[persons.type == "person"]
    agreements = read_out(out, "agreements")
    return (
        set(zip(persons.name, persons.roles)),
        set(zip(agreements.kind, agreements.status, agreements.parties)),
    )


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_inside_a_good_article(tmp_path, base_run, name):
    text = HOSTILE[name]()
    counts, seconds, out = run_one(tmp_path, name, text)
    assert counts["ok"] == 1 and counts["failed"] == 0, read_out(out, "documents").reason.tolist()
    assert seconds < MAX_SECONDS
    clean = (out / "clean" / f"{name}.txt").read_text(encoding="utf-8")
    assert len(clean) > 0.9 * len(text)  # the hostile line is part of the article the NLP stages read
    base_persons, base_agreements = findings(base_run)
    persons, agreements = findings(out)
    assert base_persons <= persons, base_persons - persons  # every official, with the office, still found
    assert base_agreements <= agreements, base_agreements - agreements


def test_names_list_persons_are_found_without_offices(tmp_path):
    counts, _, out = run_one(tmp_path, "names_list", with_paragraph(names_list()))
    actors = read_out(out, "actors")
    listed = actors[actors.type == "person"]
    assert len(listed) >= 250  # natasha finds nearly all the listed names
    assert (listed.roles != "").sum() <= 5  # and a list gives none of them an office


def test_mojibake_words_are_read_back_as_cyrillic(tmp_path):
    assert mojibake_words() != base_text()  # the base text has words to mangle
    _, _, out = run_one(tmp_path, "mojibake", mojibake_words())
    _, _, base = run_one(tmp_path, "plain", base_text())
    assert (out / "clean" / "mojibake.txt").read_text(encoding="utf-8") == (base / "clean" / "plain.txt").read_text(encoding="utf-8")


def test_invisible_characters_and_homoglyphs_do_not_split_or_change_names(tmp_path):
    for name in ("invisible", "homoglyphs"):
        _, _, out = run_one(tmp_path, name, HOSTILE[name]())
        clean = (out / "clean" / f"{name}.txt").read_text(encoding="utf-8")
        assert "\u00ad" not in clean and "\u200b" not in clean and "\ufe0f" not in clean
        assert "Николай Веденеев" in clean and "Александр Шилов" in clean and "Виктор Гаврилов" in clean


@pytest.mark.parametrize("name, hostile, kept", [
    ("bare_sentence", long_unpunctuated_sentence()[:-1], True),
    ("bare_table", flattened_table().split(": ")[1][:-1], False),
    ("bare_quotes", unclosed_quotes()[: -len(" подписала договор.")], True),
])
def test_hostile_line_without_a_full_stop(tmp_path, name, hostile, kept):
    """Inside an article, running words without a full stop are article text (recall first: a cut-off
    paragraph reads the same), a line of bare numbers is chrome; either way the run stays bounded in time."""
    counts, seconds, out = run_one(tmp_path, name, with_paragraph(hostile))
    assert counts["ok"] == 1 and seconds < MAX_SECONDS
    lines = read_out(out, "lines")
    assert list(lines[lines.text == hostile.strip()].kept) == [kept]


def test_two_megabytes_of_text_is_skipped_with_a_reason(tmp_path):
    """Decided: 2 MB of running text is not one news article; it is skipped ("too long", split it) before any NLP, in seconds."""
    sentences = [line for p in sorted(SEEDS.glob("*.txt")) + sorted(EXTRA.glob("*.txt"))
                 for line in p.read_text(encoding="utf-8").splitlines() if line.endswith(".") and len(line.split()) > 5]
    text = ""
    n = 0
    while len(text.encode("utf-8")) < 2_000_000:
        text += f"{sentences[n % len(sentences)]} Это абзац номер {n}.\n\n"
        n += 1
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(BASE, seeds / BASE.name)
    (seeds / "two_mb.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    counts = extract(seeds, tmp_path / "out", cache_dir=None)
    assert time.monotonic() - started < MAX_SECONDS
    docs = read_out(tmp_path / "out", "documents").set_index("doc_id")
    assert docs.loc["two_mb", "status"] == "skipped" and "too long" in docs.loc["two_mb", "reason"]
    assert counts["ok"] == 1 and counts["failed"] == 0
