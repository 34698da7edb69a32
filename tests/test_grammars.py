"""The yargy grammars of an agreement's term and renewal, on phrases from the test texts."""

import pytest

from conftest import EXTRA, SEEDS
from paradiplomacy.grammars import renewal_in, term_in


@pytest.mark.parametrize("text, term, renewal", [
    ("Соглашение будет действовать в течение 5-ти лет, после чего планируется его автоматическое продление на очередной срок.", "P5Y", "automatic"),
    ("Документ заключён на три года с возможностью продления и предусматривает создание совместной рабочей группы.", "P3Y", "possible"),
    ("Документ, рассчитанный на пять лет, затронет сферы образования, культуры и туризма.", "P5Y", ""),
    ("подписали дорожную карту совместных мероприятий на 2020–2021 годы.", "", ""),
    ("Соглашение заключено сроком на шесть месяцев.", "P6M", ""),
    # Only the words around a hint are parsed: a term far into a long sentence, or at its very start.
    ("Правительство региона и торгово-промышленная палата соседней страны, представленные на форуме "
     "руководителями, заключили соглашение, которое, как сообщили в пресс-службе, рассчитано на 10 лет "
     "и может быть пролонгировано автоматически.", "P10Y", ""),
    ("На 2 года вперёд стороны продлили автоматически все договорённости.", "P2Y", "automatic"),
])
def test_term_and_renewal(text, term, renewal):
    assert term_in(text) == term
    assert renewal_in(text) == renewal


def test_terms_found_in_the_texts():
    seeds_and_extra = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(EXTRA.glob("*.txt"))]
    assert sorted(filter(None, map(term_in, seeds_and_extra))) == ["P3Y", "P5Y"]
