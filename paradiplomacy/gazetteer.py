"""The places the report knows by name, their status as of a date, and words that say what a phrase is.

``data/gazetteer.csv`` (made by ``scripts/make_gazetteer.py`` from pycountry's ISO 3166-2 subdivisions, GeoNames'
cities and the hand-kept overlay) gives each place one stable id (``RU-LIP``, ``geonames:535121``, ``pp:dpr``), its
canonical Russian name, an English name, a type, the state it belongs to under international law, its region and
coordinates, and the lookup keys of all its names. ``data/countries.csv`` (``scripts/make_countries.py``) adds every
other country of the world by its Russian names. ``data/control_periods.csv`` says who controlled a place from when
where that is not its own state; ``status_at`` reads it for a date. ``data/lexicon.csv`` lists the nouns of offices
(губернатор), of bodies (администрация) and of settlements (город). Names are looked up by lemmas, so any inflected
form matches; a district named after its centre ("Измалковский район") is found through the centre's name.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import iuliia

from .datafiles import read_data, read_words
from .nlp import lexicon_guesses, morph_vocab

# When several places share a name, the country wins, then a place the overlay made, a region, then the largest city.
TYPE_PRIORITY = {"country": 0, "occupation_authority": 1, "other": 1, "region": 2, "city": 3}
DISTRICT_NOUNS = {"район", "округ"}
CAPITAL_DEGREES = 0.3  # how near a gazetteer city must be to GeoNames' capital to be it


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    name_latin: str  # the English name
    type: str
    state: str  # the state under international law, by its English name
    region: str  # the place id of the region a city lies in, where known
    installed_by: str  # the occupying state, for authorities it set up ("DPR")
    lat: float | None
    lon: float | None
    population: int = 0
    locality: str = ""  # the place id that stands for it in relationship keys: a district's centre, else its own id


@dataclass(frozen=True)
class Status:
    """A place's status on a date: its state under international law and, where another controls it, who and since when."""
    state: str
    controlled_by: str = ""
    since: str = ""  # since when the controller has held it without a break
    extent: str = ""  # "whole" or "in part"
    extended: str = ""  # since when it has held the present extent, where that is later: "in part since 2014, more since 2022"


@lru_cache(maxsize=100_000)
def lemma_key(text: str) -> str:
    """Lower-case lemmas of the words of ``text``, ё read as е."""
    words = text.replace("(", " ").replace(")", " ").split()
    lemmas = []
    for word in words:
        if word.isupper() and len(word) > 1:
            lemmas.append(word.lower())  # abbreviations do not inflect
        else:
            lemmas.append(word_lemma(word.lower()))
    return " ".join(lemmas).replace("ё", "е")


@lru_cache(maxsize=50_000)
def word_lemma(word: str) -> str:
    """The lemma of a lower-case word; of one the dictionary does not know, the first guess that is a noun of the
    lexicon where there is one ("маслихат": маслихат, where the guesser's first lemma is "маслихата")."""
    lexical = lexicon_guesses(word)
    return lexical[0].normal_form if lexical else morph_vocab().parse(word)[0].normal_form


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """English name of each state by its ISO 3166-1 code; the gazetteer's own rows (Russia) before pycountry's."""
    names = {row["code"]: row["name_latin"] for row in read_data("countries.csv")}
    names.update({row["place_id"]: row["name_latin"] for row in read_data("gazetteer.csv") if row["type"] == "country"})
    return names


def _place(row: dict) -> Place:
    return Place(
        row["place_id"], row["name"], row["name_latin"], row["type"], state_names().get(row["state"], ""), row["region"],
        state_names().get(row["installed_by"], ""), float(row["lat"]) if row["lat"] else None,
        float(row["lon"]) if row["lon"] else None, int(row["population"] or 0), row["place_id"],
    )


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Every place by its id, countries included."""
    by_id = {row["place_id"]: _place(row) for row in read_data("gazetteer.csv")}
    for row in read_data("countries.csv"):
        if row["code"] not in by_id:
            by_id[row["code"]] = Place(row["code"], row["name"], row["name_latin"], "country", row["name_latin"], "", "", None, None, 0, row["code"])
    return by_id


@lru_cache(maxsize=1)
def places_by_key() -> dict[str, list[Place]]:
    """Every place of each lookup key of its names (lower-cased, lemmatised), the likeliest first: by type, then
    population ("Свердловск" is Yekaterinburg's old name before it is the town of Luhansk oblast), then the report's
    own states."""
    rows = [(row, row["keys"].split("|")) for row in read_data("gazetteer.csv")]
    rows += [({"place_id": row["code"], "type": "country", "population": ""}, row["keys"].split("|")) for row in read_data("countries.csv")]
    # a name two places share with no population to tell them apart is the report's own states' first: "Тува" is Tuva,
    # not the genitive of Mongolia's "Тув" (gazetteer_states.csv: the states of every settlement)
    core = {row["code"] for row in read_data("gazetteer_states.csv") if row["min_population"] == "500"}
    rows.sort(key=lambda r: (TYPE_PRIORITY.get(r[0]["type"], 3), -int(r[0]["population"] or 0), r[0].get("state") not in core, r[0]["place_id"]))
    index: dict[str, list[Place]] = {}
    for row, keys in rows:
        for key in keys:
            index.setdefault(key, []).append(gazetteer()[row["place_id"]])
    return index


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """The likeliest place of each lookup key."""
    return {key: found[0] for key, found in places_by_key().items()}


def places_named(name: str) -> list[Place]:
    """Every place ``name`` may name, in any case, the likeliest first."""
    return places_by_key().get(name.lower().replace("ё", "е")) or places_by_key().get(lemma_key(name)) or []


def place_in(name: str, regions: set[str]) -> Place | None:
    """The place a town's name names in a document about ``regions`` (region ids): of the places the name may be,
    one that lies in one of them ("Свердловск" beside Luhansk is the town of Luhansk oblast); None if none does.
    Where some bear the name as their own, only those: "Луганска" beside Donetsk oblast is still Luhansk, not the
    village of Луганское that GeoNames also lists as "луганск"."""
    named = places_named(name)
    keys = {name.lower().replace("ё", "е"), lemma_key(name)}
    own = [p for p in named if p.name.lower().replace("ё", "е") in keys]
    return next((p for p in own or named if p.region in regions), None)


def place_by_id(place_id: str) -> Place | None:
    """The place of a gazetteer id (as in actors.place_id), None for an id the gazetteer does not have."""
    if "/" in place_id:  # a district known by its centre: "geonames:554806/district"
        centre = gazetteer().get(place_id.split("/")[0])
        return None if centre is None else district_of(centre, "")
    return gazetteer().get(place_id)


@lru_cache(maxsize=1)
def capital_points() -> tuple[tuple[float, float], ...]:
    """Where the national capitals are (data/capitals.csv, made from GeoNames by scripts/make_gazetteer.py)."""
    return tuple((float(row["lat"]), float(row["lon"])) for row in read_data("capitals.csv"))


@lru_cache(maxsize=1)
def centres() -> dict[str, str]:
    """The administrative centre of each subdivision that data/subdivisions_ru.csv gives one, by its id."""
    return {row["code"]: row["centre"] for row in read_data("subdivisions_ru.csv") if row["centre"]}


def centre_of(place: Place) -> Place | None:
    """The town that is the region's administrative centre ("столица Прибайкалья" is Irkutsk), or None."""
    name = centres().get(place.place_id)
    return (place_in(name, {place.place_id}) or find_place(name)) if name else None


def is_capital(place: Place) -> bool:
    """Whether the place is a state's capital city (matched by position: the gazetteer and GeoNames spell
    Washington, Beijing or Kyiv differently)."""
    return place.type == "city" and place.lat is not None and any(
        abs(place.lat - lat) < CAPITAL_DEGREES and abs(place.lon - lon) < CAPITAL_DEGREES for lat, lon in capital_points())


SHORT_FORM = re.compile(r"^([а-я]{2,})[щч]ин(?:а|ы|е|у|ой)$")  # "Лидчина", "Слонимщины": the land of a centre, in any case


# The endings of the oblique cases of a noun in -ь, masculine or feminine
SOFT_ENDINGS = ("ем", "ью", "ю", "я", "е", "и")
MIN_STEM = 3  # letters before such an ending: "Рё" (a mis-decoded "и") is no town


@lru_cache(maxsize=100_000)  # news names the same places again and again; a Place is frozen
def find_place(name: str) -> Place | None:
    """The place ``name`` names, in any case: by its own names, a region by its adjective alone, a district by its
    centre's name."""
    index = places()
    if " – " in name:
        return find_place(name.replace(" – ", " — "))  # the en dash some outlets write for the em dash of a name
    key = name.lower().replace("ё", "е")
    found = index.get(key) or index.get(lemma_key(name))
    if found is None and key.endswith(("ском", "цком")) and (town := index.get(key[:-2])) is not None and town.type == "city":
        found = town  # "между Алчевском и ...": a town in -ск the dictionary reads as an adjective in the locative
    if found is None and " " not in name and name[:1].isupper():
        # a foreign town in -ь the dictionary does not decline: "Торунем", "Торуне" are Торунь
        found = next((town for ending in SOFT_ENDINGS if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM
                      and (town := index.get(key[: -len(ending)] + "ь")) is not None and town.type == "city"), None)
    if found is None and " " not in name and key.count("-") == 1:
        # "ХМАО-Югры": a region's abbreviation and its short name, both of the one place
        first, second = (find_place(part) for part in name.split("-"))
        found = first if first is not None and second is not None and first.place_id == second.place_id else None
    if found is None and " " not in name and (derived := SHORT_FORM.match(key)):
        # "Лидчина": the "-щина / -чина" of a district, where no region has it (data/place_short_forms.csv lists the regions')
        found = find_place(f"{derived.group(1)}ский район")
    if found or " " not in name:
        # a region's adjective alone: "Липецкой" of "Липецкой и Тамбовской областей"
        return found or (_regions_by_adjective().get(lemma_key(name)) if name[:1].isupper() else None)
    words = lemma_key(name).split()
    if words[-1] in DISTRICT_NOUNS and (len(words) == 2 or words[1:-1] == ["муниципальный"]) \
            and words[0] not in read_words("urban_district_adjectives.csv"):
        # "Измалковский район" by its centre's adjective; "Гусь-Хрустальный район" by its centre's own name
        centre = town_of_adjective(words[0], district=True)
        if centre:
            return district_of(centre, words[0])
        town = index.get(words[0])
        return district_of(town, town.name) if town is not None and town.type == "city" else None
    return designated(name, words)


@lru_cache(maxsize=1)
def region_level_nouns() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_data("region_nouns.csv") if row["type"] == "region")


def designated(name: str, words: list[str]) -> Place | None:
    """A region or state named with the noun of its kind before its own name, which the gazetteer lists without it:
    "Республика Абхазия" is Abkhazia, "провинция Хунань" Hunan (``data/region_nouns.csv``); a town is not ("область
    Липецк" names no town)."""
    if words[0] not in region_level_nouns():
        return None
    place = find_place(name.split(" ", 1)[1])
    return place if place is not None and place.type in ("region", "country", "occupation_authority") else None


# a run of capitalised words ("Донецкой Народной Республики"), an abbreviation ("ДНР"), each with the lower-case
# word after it that may end its name ("Союзного государства"); or a lower-case adjective ("липецкой делегации")
NAME_RUN = re.compile(r"[А-ЯЁ][А-ЯЁа-яё-]*(?: [А-ЯЁ][А-ЯЁа-яё-]*)*(?=((?: [а-яё]+)?))|\b[а-яё]+(?:ой|ий|ый|ая|ую|ого|ому|ым|ом|ых|ые|ие|ими|ыми)\b")
LONGEST_NAME = 3  # words: "Донецкая Народная Республика"


@lru_cache(maxsize=64)
def named_places(text: str) -> tuple[tuple[int, int, Place], ...]:
    """The places ``text`` names, with their offsets, in order: by capitalised words, the longest name first
    ("Донецкой Народной Республики" is the "DPR", not Donetsk oblast), and regions by a lower-case adjective
    ("липецкой делегации", "на луганской земле"). Cached: the actors and references stages each read a document's
    whole text."""
    found = []
    for run in NAME_RUN.finditer(text):
        if run.group()[:1].islower():
            region = _regions_by_adjective().get(lemma_key(run.group()))
            if region is not None and not (found and run.start() < found[-1][1]):
                found.append((run.start(), run.end(), region))
            continue
        words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group() + (run.group(1) or ""))]
        i = 0
        while i < len(words) and text[words[i][0]].isupper():  # a name starts with a capital
            size = 1
            for size in range(min(LONGEST_NAME, len(words) - i), 0, -1):
                name = text[words[i][0] : words[i + size - 1][1]]
                # a region's adjective alone is the region's ("Курской и Брянской областей"), not a village's name
                place = (size == 1 and place_of_adjective_alone(name, text, words[i][1])) or find_place(name)
                if place is not None and not (size == 1 and function_word(name)):  # "Об этом сообщает": no Aube
                    found.append((words[i][0], words[i + size - 1][1], place))
                    break
            i += size
    return tuple(found)


def place_of_adjective_alone(word: str, text: str, end: int) -> "Place | None":
    """The region a capitalised adjective names alone ("Курской и Брянской областей"), or None; but the town where the
    word is as well a case form of a town's name and no lower-case word it could qualify follows: "с Минском и Омском",
    "городом Новосибирском" are the towns, "в Новосибирском районе" is the adjective's."""
    region = _regions_by_adjective().get(lemma_key(word))
    town = town_of_noun_form(word) if region is not None else None
    if town is None:
        return region
    following = re.match(r"\s+(\w+)", text[end:])
    return region if following is not None and following.group(1)[:1].islower() and following.group(1) not in ("и", "или") else town


@lru_cache(maxsize=10_000)
def town_of_noun_form(word: str) -> "Place | None":
    """The town whose name the dictionary reads ``word`` as a case form of ("Минском": Минск), or None."""
    for parse in morph_vocab().parse(word.lower()):
        if parse.tag.POS == "NOUN" and "Geox" in parse.tag:
            town = find_place(parse.normal_form[:1].upper() + parse.normal_form[1:])
            if town is not None and town.type == "city":
                return town
    return None


FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB"}


@lru_cache(maxsize=10_000)
def function_word(word: str) -> bool:
    """A preposition, conjunction, particle, pronoun (a pronominal adjective too) or adverb, which a capital at a
    sentence's start does not make a name: "Об", "Но", "Так", "Там", "Таким" (образом; no Taki in India)."""
    tag = morph_vocab().parse(word.lower())[0].tag
    return tag.POS in FUNCTION_WORDS or "Apro" in tag


def with_yo(word: str, original: str) -> str:
    """``word`` with ё wherever ``original``, a form of the same stem, has ё and ``word`` е in the same place: the
    dictionary writes е ("могилевский" from "Могилёв" is "могилёвский")."""
    return "".join("ё" if c == "е" and i < len(original) and original[i] in "ёЁ" else c for i, c in enumerate(word))


def district_of(centre: Place, adjective: str) -> Place:
    """The district whose centre is ``centre``, named by ``adjective`` ("измалковский"); it lies where its centre does."""
    # each part of a compound capitalised, as in the centre's name: "Усть-Абаканский"
    adjective = with_yo("-".join(part[:1].upper() + part[1:] for part in adjective.split("-")), centre.name)
    name, latin = (f"{adjective} район", f"{iuliia.WIKIPEDIA.translate(adjective)} District") if adjective else (f"{centre.name} (район)", f"{centre.name_latin} District")
    return Place(f"{centre.place_id}/district", name, latin, "district", centre.state, centre.region, "", centre.lat, centre.lon, 0, centre.place_id)


@lru_cache(maxsize=2)
def _towns_by_stem(district_states: bool = False) -> dict[str, Place]:
    """The largest town of each name and of each name less one or two final letters ("липецк", "липец", "липе"),
    of an adjectival name less its ending ("шпаковское": "шпаков"), and of a name "X-на-Y" by X; only the towns of states whose districts
    are named by their centres (data/district_states.csv) where ``district_states``."""
    stems = {}
    states = read_words("district_states.csv", "state") if district_states else None
    towns = sorted((p for p in gazetteer().values() if p.type == "city" and (states is None or p.state in states)),
                   key=lambda p: (-p.population, p.place_id))
    for town in towns:
        name = town.name.lower().replace("ё", "е")
        cuts = (0, 1, 2, 4) if name.endswith(("ское", "ский", "ская")) else (0, 1, 2)
        for cut in cuts:
            if len(name) - cut >= 3:
                stems.setdefault(name[: len(name) - cut], town)
        if "-на-" in name:  # "Ростов-на-Дону", "Комсомольск-на-Амуре" by their first word: "ростовский", "комсомольский"
            stems.setdefault(name.split("-на-")[0], town)
    return stems


@lru_cache(maxsize=100_000)
def town_of_adjective(adjective: str, district: bool = False) -> Place | None:
    """The town an adjective is made from: "измалковский" Измалково, "липецкий" Липецк, "стахановский" Стаханов;
    of a district's adjective (``district``), a town of a state whose districts are so named before any other."""
    adjective = adjective.lower().replace("ё", "е")
    if adjective in read_words("urban_district_adjectives.csv"):
        return None
    for stems in ([_towns_by_stem(True)] if district else []) + [_towns_by_stem()]:
        # "грязинский" is Грязи's, "воркутинский" Воркута's, "гродненский" Гродно's: after the usual cut, try letters less
        for ending, cut in (("цкий", 3), ("ский", 4), ("ской", 4), ("нский", 5), ("инский", 6), ("енский", 6), ("ьский", 5)):
            stem = adjective[: len(adjective) - cut]
            if adjective.endswith(ending) and (found := next((stems[s] for s in [stem, *alternated(stem)] if s in stems), None)):
                return found
    return None


def alternated(stem: str) -> list[str]:
    """The stems of a town's name that its adjective's stem may stand for after a change of letters: "калуж" of
    Калуга ("калужский"), "москов" of Москва and "вологод" of Вологда (an "о" put between two consonants)."""
    out = [stem[:-1] + "г"] if stem.endswith("ж") else []
    return out + ([stem[:-2] + stem[-1]] if len(stem) >= 5 and stem[-2] == "о" else [])


@lru_cache(maxsize=1)
def _regions_by_adjective() -> dict[str, Place]:
    """Regions named "adjective + noun" by the lemmas of the adjective: "липецкий" Липецкая область. The adjective is
    read off the region's keys "<adjective> <noun>" (область, край, округ, республика), which hold every lemma of its
    forms; the adjectives of regions whose names hold none are data/region_adjectives.csv's."""
    found = {}
    for row in read_data("gazetteer.csv"):
        if row["type"] != "region":
            continue
        for key in row["keys"].split("|"):
            words = key.split()
            if len(words) == 2 and words[1] in ("область", "край", "округ", "республика") and words[0].endswith(("ий", "ой", "ая")):
                found.setdefault(words[0], set()).add(row["place_id"])
    for row in read_data("region_adjectives.csv"):
        found.setdefault(row["adjective"], set()).add(row["place_id"])
    # a state's adjective is the state's ("сербская делегация" is Serbia's, not the Republika Srpska's)
    for adjective in read_words("state_adjectives.csv", "lemma"):
        found.pop(adjective, None)
    # an adjective two regions share names neither
    return {adjective: gazetteer()[ids.pop()] for adjective, ids in found.items() if len(ids) == 1}


LARGE_TOWN = 100_000  # people: a town whose adjective news uses alone for its authorities ("петербургские власти")


def region_or_town_of_adjective(adjective: str) -> Place | None:
    """The region an adjective names alone ("воронежский": Voronezh Oblast), else the large town it is made from
    ("петербургский"); not a small town whose name looks like a common adjective ("городской" is no Городец's)."""
    region = _regions_by_adjective().get(adjective.lower().replace("ё", "е"))
    if region is not None:
        return region
    town = town_of_adjective(adjective)
    return town if town is not None and town.population >= LARGE_TOWN else None


@lru_cache(maxsize=1)
def territory_levels() -> dict[str, str]:
    """The level of territory (place type) each word of level names: region_nouns.csv and territory_levels.csv."""
    levels = {row["lemma"]: row["type"] for row in read_data("region_nouns.csv")}
    levels.update({row["lemma"]: row["type"] for row in read_data("territory_levels.csv")})
    return levels


TERRITORY_TYPES = ("city", "region", "district", "occupation_authority")


@lru_cache(maxsize=100_000)
def territory_of(name: str) -> Place | None:
    """The place a body's name holds: "исполком Стахановского горсовета" Stakhanov, "администрация Измалковского
    района" the Izmalkovo district, "Витебский облисполком" and "Липецкая ТПП" their regions.

    A name of several capitalised words ("Луганской Народной Республики") names it; else the first capitalised
    adjective does, where a word of level (горсовет, района, облисполком) says whether it is a town, a district or a
    region, and a name without one is a region's, else a town's; else the first town or region the name holds.
    """
    words = name.split()
    lemmas = lemma_key(name).split()
    if len(lemmas) != len(words):
        return None
    found = [(start, stop, place) for start, stop, place in named_places(name) if place.type in TERRITORY_TYPES]
    named = [place for _, _, place in found]
    spelled_out = [(start, place) for start, stop, place in found if sum(w[:1].isupper() for w in name[start:stop].split()) > 1]
    # a capitalised adjective before it names the body's own unit, which lies in the spelled-out one: "администрация
    # Перевальского муниципального округа Луганской Народной Республики" is the okrug's
    own_unit = spelled_out and any(w[:1].isupper() and re.search(r"(?:ск|цк)(?:ого|ой|ий|ая)$", w) for w in name[: spelled_out[0][0]].split()[1:])
    if spelled_out and not own_unit:
        return spelled_out[0][1]  # "правительство Луганской Народной Республики": the "LPR", not the oblast its adjective names
    level = next((territory_levels()[lemma] for lemma in lemmas if lemma in territory_levels()), "")
    offsets = [m.start() for m in re.finditer(r"\S+", name)]
    starts = [(start, place) for start, _, place in found]
    for word, lemma, offset in zip(words, lemmas, offsets):
        before = [place for start, place in starts if start < offset]
        if before:
            return before[0]  # "администрация города Мелитополь Запорожской области": the town, named before the region's adjective
        if not word[:1].isupper() or not lemma.endswith(("ский", "цкий", "ской")) or lemma in territory_levels():
            continue  # "Городской совет Харькова": a word of level that starts the name is no town's adjective
        region = _regions_by_adjective().get(lemma)
        town = town_of_adjective(lemma, district=level == "district")
        if level == "district" and town:
            return district_of(town, lemma)
        found = (town or region) if level == "city" else (region or town)
        if found:
            return found
    return named[0] if named else None  # a town or region by its own name: "правительство Москвы", "Правительство ЛНР"


@lru_cache(maxsize=1)
def _control_periods() -> dict[str, list[dict]]:
    periods = {}
    for row in read_data("control_periods.csv"):
        periods.setdefault(row["place_id"], []).append(row)
    return periods


def ever_held_by_another(place: Place) -> bool:
    """Whether control_periods.csv has any period for the place, its district's centre or its region."""
    periods = _control_periods()
    return any(key and key in periods for key in (place.place_id, place.locality, place.region))


def status_at(place_id: str, date: str) -> Status:
    """The status of a place on ``date``: its state under international law and, where another controlled it then,
    who, since when and over what extent. A date of a year or a month counts as its last day ("2014": 31 December).
    A district has its centre's status; a city, its region's where the region was controlled whole (Crimea), and
    only its own where the region was controlled in part (Donetsk city, not every town of Donetsk oblast)."""
    place = place_by_id(place_id)
    if place is None:
        return Status("")
    day = (date + "-12-31"[len(date) - 4 :])[:10] if len(date) in (4, 7) else date
    periods = sorted(_control_periods().get(place.locality if place.type == "district" else place_id, []), key=lambda p: p["since"])
    for i, period in enumerate(periods):
        if period["since"] <= day and (not period["until"] or day <= period["until"]):
            first = i
            while first > 0 and periods[first - 1]["controller"] == period["controller"] \
                    and dt.date.fromisoformat(periods[first - 1]["until"]) + dt.timedelta(days=1) == dt.date.fromisoformat(periods[first]["since"]):
                first -= 1
            controller = state_names().get(period["controller"], period["controller"])
            since = periods[first]["since"]
            return Status(place.state, controller, since, period["extent"], period["since"] if since != period["since"] else "")
    region = _control_periods().get(place.region, [])
    if region and all(p["extent"] == "whole" for p in region):
        return status_at(place.region, date)
    return Status(place.state)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Kinds by lower-case lemma, ё read as е."""
    return {row["lemma"].lower().replace("ё", "е"): row["kind"] for row in read_data("lexicon.csv")}


@lru_cache(maxsize=100_000)
def word_kind(lemma: str) -> str:
    """'office', 'body', 'executive' (a body that governs a territory), 'settlement' or ''; a former office
    ("экс-президент", "экс-мэр") and a deputy's ("замначальник") are offices."""
    lemma = lemma.lower().replace("ё", "е")
    kind = lexicon().get(lemma, "")
    if not kind and lemma.startswith(EX_PREFIX) and lexicon().get(lemma.removeprefix(EX_PREFIX)) == "office":
        return "office"
    if not kind and lemma.startswith(DEPUTY_PREFIX) and lexicon().get(lemma.removeprefix(DEPUTY_PREFIX)) == "office":
        return "office"  # a deputy's office in one word, as the lemmatiser gives it: "замначальник", "замгендиректор"
    if not kind and COMPOUND_DASH.search(lemma) and all(lexicon().get(part) == "office" for part in COMPOUND_DASH.split(lemma)):
        return "office"  # "Губернатор–Председатель", written as one word: two offices of one person
    return kind


COMPOUND_DASH = re.compile(r"[–—]")


EX_PREFIX = "экс-"
DEPUTY_PREFIX = "зам"
