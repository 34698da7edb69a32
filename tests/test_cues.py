"""Which articles are parsed: only those with a word an agreement or event rule starts from, unless told."""

import pandas as pd
import pytest

from conftest import ROOT
from paradiplomacy.cues import may_be_an_anchor, may_start_a_rule, record_anchors
from paradiplomacy.nlp import morph_vocab
from paradiplomacy.pipeline import extract, process_every_document

WEB = ROOT.parent / "shared" / "realnews" / "web"

SPORT = """Хоккеисты вышли в полуфинал

Команда Ивана Соколова обыграла соперников со счётом 3:1. Главный тренер Пётр Лебедев похвалил вратаря.
"""
TREATY = """Районы стали партнёрами

Глава Ковровского района Ольга Миронова и председатель Слуцкого райисполкома подписали соглашение о сотрудничестве.
"""


def inflected(lemma: str) -> list[str]:
    """Every form of ``lemma`` that the tagger could lemmatise to it: pymorphy's forms of it, less those whose own
    parses lead elsewhere (the guessed lexeme of an unknown word, "хокимиятами")."""
    parse = next((p for p in morph_vocab().parse(lemma) if p.normal_form.replace("ё", "е") == lemma), None)
    forms = {f.word for f in parse.lexeme} if parse else {lemma}
    return sorted(f for f in forms if any(p.normal_form.replace("ё", "е") == lemma for p in morph_vocab().parse(f)))


@pytest.mark.parametrize("lemma", sorted(record_anchors()[0]))
def test_every_form_of_a_rule_word_opens_the_gate(lemma):
    for form in inflected(lemma):
        assert may_start_a_rule(f"Вчера {form.capitalize()} и {form} были в новостях."), form


@pytest.mark.parametrize("lemma", sorted(set().union(*record_anchors()[1])))
def test_every_form_of_a_word_of_a_term_is_looked_up(lemma):
    # the gate looks up only words that begin as an anchor does: no form of a term's word may begin otherwise
    for form in inflected(lemma):
        assert may_be_an_anchor(form.lower()), form


def test_multiword_terms_and_words_of_twinning_open_the_gate():
    assert may_start_a_rule("Стороны утвердили дорожные карты на три года.")
    assert may_start_a_rule("Города отметили 30-летие побратимских уз.")  # "уз" is a tie only beside twinning
    assert not may_start_a_rule("Карта дорог района висит в школе.")  # the words of a term, apart, in other senses
    assert not may_start_a_rule(SPORT)


def test_words_that_only_qualify_a_record_do_not_open_the_gate():
    # a delegation sent, a mayor's office, a signature, an anniversary: no agreement noun, accord or event to anchor one
    assert not may_start_a_rule("Губернатор поручил мэрии проверить подписи под обращением жителей.")
    assert not may_start_a_rule("Школа отметила 50-летие со дня основания, заключение экспертов готово.")


def test_an_article_without_a_rule_word_has_framing_but_no_parse(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "sport.txt").write_text(SPORT, encoding="utf-8")
    (seeds / "treaty.txt").write_text(TREATY, encoding="utf-8")
    extract(seeds, tmp_path / "default", cache_dir=None)
    extract(seeds, tmp_path / "all", cache_dir=None, parse_all=True)
    read = lambda run, name: pd.read_csv(tmp_path / run / f"{name}.csv", dtype=str, keep_default_na=False)  # noqa: E731
    assert read("default", "documents").set_index("doc_id")["parsed"].to_dict() == {"sport": "False", "treaty": "True"}
    assert set(read("all", "documents")["parsed"]) == {"True"}
    assert "sport" not in set(read("default", "mentions")["doc_id"])
    assert "sport" in set(read("all", "mentions")["doc_id"])  # Соколов, Лебедев: the actors of every article
    assert len(read("default", "agreements")) == 1
    for name in ("agreements", "events", "mentions"):  # the relevant article comes out the same either way
        default, every = read("default", name), read("all", name)
        assert default.equals(every[every["doc_id"] == "treaty"].reset_index(drop=True)), name


@pytest.mark.slow
def test_no_real_article_the_gate_rejects_yields_a_record_or_an_event():
    if not WEB.is_dir():
        pytest.skip(f"{WEB} is absent: the real-news pages are not on this machine")
    from paradiplomacy.corpus import load_corpus

    docs = [d for d in load_corpus(WEB) if d.status == "ok" and d.language == "ru"]
    rejected = [d for d in docs if not may_start_a_rule(d.text)]
    assert 0.2 < len(rejected) / len(docs) < 0.8  # it does decide, on a general archive
    for doc in rejected:  # parsed whatever its words, it comes out with nothing the gate would have lost
        result = process_every_document(doc)
        assert not result.agreements and not result.events, doc.doc_id
