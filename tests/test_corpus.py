"""The corpus stage on the seeds (against the line-level gold) and on awkward files."""

import subprocess
import sys

import pandas as pd
import pytest

from conftest import SEEDS, read_gold
from paradiplomacy.corpus import latest_past_event, load_corpus
from paradiplomacy.pipeline import extract

ARTICLE = (
    "Губернатор области подписал соглашение о сотрудничестве с соседним регионом. "
    "Документ предусматривает обмен делегациями и совместные выставки в течение трёх лет.\n"
)


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "paradiplomacy", *map(str, args)], capture_output=True, text=True
    )


def test_every_article_line_kept_and_every_chrome_line_dropped(seeds_corpus):
    gold = read_gold("lines")
    kept = {(doc_id, l.number): l.kept for doc_id, d in seeds_corpus.items() for l in d.lines}
    wrong = [
        (row.doc_id, row.line, row.label, row.text[:60])
        for row in gold.itertuples()
        if kept[(row.doc_id, row.line)] != (row.label == "article")
    ]
    assert set(gold.doc_id) == set(seeds_corpus)
    assert wrong == []


def test_gold_covers_every_non_blank_line(seeds_corpus):
    gold = read_gold("lines")
    assert len(gold) == sum(len(d.lines) for d in seeds_corpus.values())


def test_no_chrome_word_reaches_the_clean_text(seeds_corpus):
    gold = read_gold("lines")
    chrome = gold[(gold.label == "chrome") & (gold.text.str.split().str.len() >= 3)]
    assert len(chrome) > 20
    for row in chrome.itertuples():
        assert row.text not in seeds_corpus[row.doc_id].text


def test_run_together_sentences_are_separated(seeds_corpus):
    text = "".join(d.text for d in seeds_corpus.values())
    assert "Рогожник. «Договорились" in text
    assert "Рогожник.«" not in text


def test_stated_date_read_from_the_page_header(seeds_corpus):
    dated = {d.date_stated for d in seeds_corpus.values()}
    assert "2025-12-07" in dated  # "07 декабря 2025, 16:16" above the headline
    assert "2012-12-28" in dated  # "date 2012-12-28" glued to the first line


def test_header_older_than_reported_events_is_a_conflict(seeds_corpus):
    conflicts = [d for d in seeds_corpus.values() if d.date_conflict]
    assert [d.date_stated for d in conflicts] == ["2012-12-28"]
    assert conflicts[0].published == "2025" and conflicts[0].date_basis == "inferred"


def test_dates_of_related_articles_are_not_publication_dates(seeds_corpus):
    # Seed 000 has dated related-article teasers under it, but no date of its own.
    related = [d for d in seeds_corpus.values() if "12.03.2026" in "\n".join(l.text for l in d.lines)]
    assert related and all(d.date_basis == "unknown" for d in related)


def test_cases_assigned_from_the_regions_named(seeds_corpus):
    cases = sorted(d.case for d in seeds_corpus.values())
    assert cases == ["DPR", "Lipetsk", "Lipetsk", "Lipetsk", "Smolensk"]


def awkward_folder(folder):
    folder.mkdir()
    (folder / "a_utf8.txt").write_text("Заголовок новости о сотрудничестве\n\n" + ARTICLE, encoding="utf-8")
    (folder / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + ("Другая новость региона\n\n" + ARTICLE.replace("соседним", "дальним")).encode())
    (folder / "c_cp1251.txt").write_bytes(ARTICLE.replace("Губернатор", "Мэр").encode("cp1251"))
    (folder / "d_koi8.txt").write_bytes(ARTICLE.replace("Губернатор", "Глава района").encode("koi8_r"))
    (folder / "e_page.html").write_text(
        "<html><head><script>alert(1)</script></head><body><p>"
        + ARTICLE.replace("Губернатор", "Сенатор") + "</p></body></html>", encoding="utf-8")
    (folder / "f_empty.txt").write_bytes(b"")
    (folder / "g_binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "h_duplicate.txt").write_text("Заголовок новости о сотрудничестве\n\n" + ARTICLE, encoding="utf-8")
    (folder / "i_english.txt").write_text("The governor signed a cooperation agreement with a neighbouring region today.\n" * 3)
    (folder / "j_ukrainian.txt").write_text("Губернатор підписав угоду про співпрацю з сусідньою областю, і це важливо для її розвитку.\n")
    (folder / "k_menu.txt").write_text("Главная\nНовости\nКонтакты\n")
    return folder


def test_awkward_files_each_accounted_for(tmp_path):
    seeds = awkward_folder(tmp_path / "seeds")
    result = run_cli("extract", seeds, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "11 documents: 5 ok, 5 skipped, 1 duplicate"
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False).set_index("doc_id")
    # A .txt file keeps its stem as id; any other file keeps its whole name, so ids cannot collide.
    assert sorted(docs.index) == sorted(p.stem if p.suffix == ".txt" else p.name for p in seeds.iterdir())
    assert docs.loc["c_cp1251", "encoding"] == "cp1251"
    assert docs.loc["d_koi8", "encoding"] == "koi8_r"
    assert docs.loc["b_bom", "encoding"] == "utf-8-sig"
    assert docs.loc["e_page.html", "encoding"].endswith("+html")
    assert docs.loc["h_duplicate", "status"] == "duplicate" and "a_utf8" in docs.loc["h_duplicate", "reason"]
    expected_reasons = {"f_empty": "empty", "g_binary.bin": "binary", "i_english": "not Russian",
                        "j_ukrainian": "Ukrainian", "k_menu": "no article text"}
    for doc_id, words in expected_reasons.items():
        assert docs.loc[doc_id, "status"] == "skipped"
        assert words in docs.loc[doc_id, "reason"]
    clean = (tmp_path / "out" / "clean" / "e_page.html.txt").read_text()
    assert "alert" not in clean and clean.startswith("Сенатор области подписал")
    assert (tmp_path / "out" / "clean" / "d_koi8.txt").read_text().startswith("Глава района области подписал")


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    result = run_cli("extract", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert result.returncode != 0
    assert "seeds folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_runs_give_identical_bytes(tmp_path):
    extract(SEEDS, tmp_path / "one")
    extract(SEEDS, tmp_path / "two")
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_failed_run_leaves_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract(SEEDS, out)
    before = (out / "documents.csv").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("paradiplomacy.pipeline.write_table", broken)
    with pytest.raises(RuntimeError):
        extract(SEEDS, out)
    assert (out / "documents.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_manifest_overrides_and_malformed_rows_are_named(tmp_path):
    seeds = awkward_folder(tmp_path / "seeds")
    (seeds / "manifest.csv").write_text(
        "file,outlet,url,retrieved,case,published\n"
        "a_utf8.txt,Вести,https://example.org/a,2026-01-01,Smolensk,2011-03\n"
        "zzz.txt,Nowhere,,,,\n"
        "c_cp1251.txt,X,,,Atlantis,\n"
        "d_koi8.txt,Y,,,,March 2011\n",
        encoding="utf-8",
    )
    messages = []
    docs = {d.doc_id: d for d in load_corpus(seeds, warn=messages.append)}
    assert docs["a_utf8"].outlet == "Вести" and docs["a_utf8"].case == "Smolensk"
    assert docs["a_utf8"].published == "2011-03" and docs["a_utf8"].date_basis == "manifest"
    assert any("row 3" in m and "zzz.txt" in m for m in messages)
    assert any("row 4" in m and "Atlantis" in m for m in messages)
    assert any("row 5" in m and "March 2011" in m for m in messages)
    assert len(docs) == 11  # the manifest is not an article


def test_the_sources_an_article_relays_and_its_photo_credits_are_read_in_its_words():
    """Reader 12, item 2: "Об этом сообщает ..." and a photo credit the corpus stage drops as chrome say whose words
    a reprint carries; the documents table keeps them (relays, photo_credit)."""
    from paradiplomacy.provenance import sources_named

    body = ("Тверская область и Витебская область подписали соглашение. Об этом сообщает информационное агентство «Верхневолжье».\n"
            "Как сообщили в министерстве экономики Тверской области, документ рассчитан на пять лет. "
            "Подробности сообщает пресс-служба губернатора Тверской области.\n")
    assert sources_named(body, "text") == ["информационное агентство «Верхневолжье»", "министерстве экономики Тверской области",
                                           "пресс-служба губернатора Тверской области"]
    assert sources_named("Фото с сайта:\nтверскаяобласть.рф\nТекст статьи.\nФото: Иван Петров", "photo") == ["тверскаяобласть.рф", "Иван Петров"]
    assert sources_named("Губернатор сообщил, что соглашение подписано.", "text") == []  # a speaker is no source of the report


def test_the_seeds_documents_name_the_sources_they_relay(seeds_out):
    documents = pd.read_csv(seeds_out / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert documents.relays["002_73576530f1f9f9ee"] == "пресс-служба администрации Липецкой области"
    assert documents.photo_credit["001_9db930ce4d4846eb"] == "липецкаяобласть.рф"  # dropped from the text as chrome


def test_year_a_plan_runs_to_is_no_inferred_date():
    body = ("Делегация района прибыла в область в 2019 году и провела переговоры.\n"
            "Недавно была принята Концепция приграничного сотрудничества до 2030 года.")
    assert latest_past_event(body) == "2019"
