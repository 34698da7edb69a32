"""How the evaluation tells whether two names are one person, one office or one party.

The rules here are the gold's, not the extractor's: they use pymorphy2's
dictionary (through natasha's ``MorphVocab``) and the evaluation's own word lists, so an error in the
extractor's notion of a place is not shared by the measure of it.

A party is known by whether it is a territory (or an executive that acts for
one: администрация, правительство, исполком) or another body, and by the roots
of its proper words, where a toponym and its adjective share a root:
"Астрахань" and "Астраханская область" are one party, "Калуга" and
"Калужская область" too, "Краснодарский край" and "Красноярский край" are not.
"""

import re
from functools import lru_cache

from natasha import MorphVocab

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import find_place

ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,6}$")
PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn"}
INITIAL = re.compile(r"^\w{1,2}\.$")
# An adjective made from a place name, in any case: Липецкой, чувашский, Измалковского.
TOPONYMIC = re.compile(r"^\w+(ск|цк)(ая|ой|ий|ого|ому|ым|ом|ую|ое|ие|их|ими)$")
FUNCTION_WORDS = {"в", "и", "по", "на", "при", "с", "имени", "им"}
ADJECTIVE = re.compile(r"^(.+?)(ая|яя|ой|ей|ий|ый|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими)$")
# A consonant that alternates before an adjective's suffix (Калуга / калужский) is read as its plain form.
ALTERNATIONS = str.maketrans({"ж": "г", "ч": "к", "ш": "х"})


@lru_cache(maxsize=1)
def morph() -> MorphVocab:
    """pymorphy2's dictionary, as natasha packages it for this Python."""
    return MorphVocab()


@lru_cache(maxsize=1)
def designations() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_data("designations.csv", __package__)}


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {row["abbreviation"]: row["long"] for row in read_data("abbreviations.csv", __package__)}


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    if ABBREVIATION.match(word):
        return word.lower()  # abbreviations do not inflect
    return morph().parse(word.lower())[0].normal_form.replace("ё", "е")


def lemma_key(text: str) -> str:
    """Lower-case lemmas of the words of ``text``, ё read as е."""
    return " ".join(lemma(w) for w in text.replace("(", " ").replace(")", " ").split())


def genitive(phrase: str) -> str:
    """A name in the nominative put in the genitive, word by word ("Кривой Рог" is "Кривого Рога"), as it follows an
    office; a word with no nominative reading stays as it is, and so does a word after the head noun that may be a
    genitive already, its complement ("комитет экономики облисполкома" is "комитета экономики облисполкома", not
    "... экономик ..."; "Министерство транспорта Российской Федерации" keeps "Федерации"), while a name in apposition
    follows the head ("город Москва" is "города Москвы")."""
    words, head_seen = [], False
    for word in phrase.split():
        parses = [] if ABBREVIATION.match(word) else morph().parse(word.lower())
        complement = head_seen and any("gent" in p.tag for p in parses)
        parse = None if complement else next((p for p in parses if "nomn" in p.tag), None)
        inflected = parse.inflect({"Gen"}) if parse else None
        words.append(as_written(inflected.word, word) if inflected else word)
        head_seen = head_seen or (parse is not None and parse.tag.POS == "NOUN")
    return " ".join(words)


def as_written(form: str, word: str) -> str:
    """``form`` with the capitals of ``word`` part by part: "Ростов-на-Дону" is "Ростова-на-Дону", not "Ростова-на-дону"."""
    parts, written = form.split("-"), word.split("-")
    if len(parts) != len(written):
        return form.capitalize() if word[:1].isupper() else form
    return "-".join(p.capitalize() if w[:1].isupper() else p for p, w in zip(parts, written))


def person_key(name: str) -> str:
    """A name in lower case, initials spaced alike ("А.М.Осипов" is "А. М. Осипов")."""
    return re.sub(r"\.\s*", ". ", name.lower().replace("ё", "е"))


def common_noun(word: str) -> bool:
    """A dictionary word that is no name: палата, агентство; not Бавария, Стаханов or an unknown Ховд."""
    parses = morph().parse(word.lower())
    if any("Geox" in p.tag for p in parses):
        return False  # "Турку" is a town before it is the dative of "турок"
    return parses[0].is_known and not PROPER & parses[0].tag.grammemes and not ABBREVIATION.match(word)


def root(word: str) -> str:
    """The root a toponym shares with its adjective: липецк for Липецк and Липецкой, калуг for
    Калуга and калужский, астрахан for Астрахань and Астраханская. An adjective is cut by its
    written ending (pymorphy guesses odd lemmas for unknown ones: "Мангистауская")."""
    word = word.lower().replace("ё", "е").replace("э", "е")  # "Шэньян" and "Шеньян" are one spelling
    word = word.removeprefix("санкт-")  # "Петербург" is "Санкт-Петербург" written short
    parse = morph().parse(word)[0]
    adjective = ADJECTIVE.match(word) if "ADJF" in parse.tag or not parse.is_known or TOPONYMIC.match(word) else None
    if adjective:
        word = adjective.group(1)
    else:
        word = lemma(word)
        if word.endswith("ия") and len(word) > 5:
            word = word[:-2]  # Чувашия and чувашский, Бурятия and бурятский
        # Калуга, Москва, Тверь; not Актау, nor the "й" of Алтай, Абай, Китай (алтайский, абайская)
        word = word[:-1] if word[-1:] in "аяоеыь" or word[-1:] == "й" and word[-2:-1] not in "аеуяюэ" else word
    if word.endswith("ск"):
        word = word[:-2]
        if adjective and word.endswith("нен"):
            word = word[:-2]  # гродненский of Гродно, березненский of Березна: the adjective adds "ен"
        word = word[:-2] if word.endswith("ий") else word  # Россия and российский
    word = word.rstrip("ь")
    # пензенский of Пенза adds "ен"; cut from every root alike (Тюмень and тюменский are both "тюм")
    word = word[:-2] if len(word) > 4 and word.endswith("ен") else word
    word = word[:-1] if len(word) > 3 and word[-1] == word[-2] else word  # Одесса and одесский, Мекка and мекканский
    return word[:-1] + word[-1:].translate(ALTERNATIONS)


def town_spelling(name: str) -> str:
    """A town's name as the gazetteer spells it, where ``name`` is one of its other spellings ("Кишинэу" is
    "Кишинёв", "Хайдельберг" "Гейдельберг", "Сейлем" "Салем"); any other name as it is. Annotators write a town as
    their text does, the pipeline as the gazetteer does: one town is one party."""
    place = find_place(name) if name[:1].isupper() and len(name.split()) <= 2 else None
    return place.name if place is not None and place.type == "city" else name


@lru_cache(maxsize=100_000)
def party_key(name: str, by_full_name: bool = True) -> tuple[str, str]:
    """("territory" or "body", the root of its first proper word) of a party name: the word that
    says which place or body it is ("администрация Измалковского района Липецкой области":
    territory, измалков)."""
    words = []
    for word in re.findall(r"[\w.-]+", town_spelling(name)):
        words.extend(abbreviations().get(word, word).split())
    if not words:
        return "body", ""
    lemmas = [lemma(w) for w in words]
    nouns = [i for i, w in enumerate(words) if "NOUN" in morph().parse(w.lower())[0].tag]
    head = nouns[0] if nouns else 0
    # a two-word designation around the head: "областной совет", "совет министров"
    head_kind = ((designations().get(f"{lemmas[head - 1]} {lemmas[head]}") if head else None)
                 or (designations().get(f"{lemmas[head]} {lemmas[head + 1]}") if head + 1 < len(words) else None)
                 or designations().get(lemmas[head]))
    named = head_kind in ("territory", "executive") or not head_kind and (head > 0 and words[head][:1].isupper() or not common_noun(words[head]))
    named_words = [w for w, l in zip(words, lemmas) if l not in designations() and not INITIAL.match(w)]
    # a capitalised name before a lower-case adjective of place: "правительство китайской провинции Хэйлунцзян" is Heilongjiang's
    proper = [w for w in named_words if w[:1].isupper()] or [w for w in named_words if TOPONYMIC.match(w.lower())]
    content = proper or [w for w, l in zip(words, lemmas) if l not in FUNCTION_WORDS and l not in designations()] or words
    kind = "territory" if named else "body"
    full = full_name(content[0]) if by_full_name else None
    return kind, party_key(full, by_full_name=False)[1] if full else root(content[0])


def full_name(word: str) -> str | None:
    """The gazetteer's own name of the place ``word`` names by another name ("Чечня" is "Чеченская Республика",
    "Кубань" "Краснодарский край", "Ростов" "Ростов-на-Дону"), else None: an annotator writes a party as the text
    names it, the pipeline as the gazetteer does."""
    place = find_place(word) if word[:1].isupper() else None
    return place.name if place is not None and word not in re.findall(r"[\w.-]+", place.name) else None


def same_party(a: str, b: str) -> bool:
    return party_key(a) == party_key(b)
