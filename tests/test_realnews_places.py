"""Places that real news names as a region, district or city resolve to a gazetteer id with coordinates.

Reads ``../shared/realnews/web/`` (2,552 news pages of November 2019) in place through the corpus stage and finds,
in the Russian pages' clean text, every place named with its designation: an adjective and a noun of territory
("Липецкой области", "Измалковского района", "Ханты-Мансийского автономного округа"), "Республика" and a name
("Республики Татарстан"), a noun of settlement and a name ("в городе Брянске", "села Ивановка", "г. Казань"). Those
that resolve to a place of Russia, Belarus, Ukraine or Kazakhstan, and those that resolve to nothing (with these
designations, the four states' own), are counted; fewer than 2% may be left unresolved, and the test lists them.
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
WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*\.?")


def lemma(word: str) -> str:
    return word.lower() if word.endswith(".") else morph_vocab().parse(word.lower())[0].normal_form


def is_capitalised_adjective(word: str) -> bool:
    return word[:1].isupper() and any("ADJF" in p.tag for p in morph_vocab().parse(word.lower()))


def designated_places(text: str) -> list[tuple[str, list[str]]]:
    """(phrase, names to look up, the longest first) for every place the text names with its designation."""
    words = WORD.findall(text)
    found = []
    for i, word in enumerate(words):
        head = lemma(word)
        if head in TERRITORY:
            j = i
            while j > 0 and (is_capitalised_adjective(words[j - 1]) or lemma(words[j - 1]) == "автономный"):
                j -= 1
            if j < i and words[j][:1].isupper():
                phrase = " ".join(words[j : i + 1])
                found.append((phrase, [phrase]))
        elif head == "республика" or head in SETTLEMENT:
            k = i + 1
            while k < len(words) and k <= i + 3 and words[k][:1].isupper():
                k += 1
            names = [" ".join(words[i + 1 : n]).rstrip(".") for n in range(k, i + 1, -1)]
            if names:
                prefix = "Республика " if head == "республика" else ""
                found.append((f"{word} {names[0]}", [prefix + n for n in names]))
    return found


@pytest.mark.slow
def test_places_named_as_regions_districts_and_cities_resolve():
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
            elif place.state in STATES:
                assert place.lat is not None, place
                resolved[place.place_id] += 1
    named = sum(resolved.values()) + sum(unresolved.values())
    share = sum(unresolved.values()) / named
    listing = ", ".join(f"{p} ({n})" for p, n in unresolved.most_common())
    assert named > 1000, named
    assert share < 0.02, f"{share:.1%} of {named} unresolved: {listing}"
