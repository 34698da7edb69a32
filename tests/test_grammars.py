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
])
def test_term_and_renewal(text, term, renewal):
    assert term_in(text) == term
    assert renewal_in(text) == renewal


def test_terms_found_in_the_texts():
    seeds_and_extra = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(EXTRA.glob("*.txt"))]
    assert sorted(filter(None, map(term_in, seeds_and_extra))) == ["P3Y", "P5Y"]
