"""Putting words and phrases into their nominative dictionary form.

Natasha's ``span.normalize`` misses hyphenated adjectives ("торгово-промышленной
палаты") and given names it does not know ("Гургеном Малхасян"). These
functions decide the phrase's case once from all its words, then inflect each
word that agrees with the head, and keep every other word as written.
"""

import re
from collections import Counter
from functools import lru_cache
from itertools import zip_longest

from pymorphy2.analyzer import Parse

from .datafiles import read_data
from .gazetteer import with_yo
from .nlp import UD_CASE, morph_vocab

NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Endings of foreign masculine names the dictionary does not know, by case, and what replaces them in the
# nominative: "Райкконена" -> "Райкконен", and a name in -а or -я declined like a noun: "Маехары" -> "Маехара",
# "Дерипаске" -> "Дерипаска", "Кравченей" -> "Кравченя", "Синишу" -> "Синиша" (the accusative of any other is its genitive).
FOREIGN_ENDINGS = {"gent": (("ы", "а"), ("а", ""), ("я", "")), "datv": (("у", ""), ("ю", ""), ("е", "а")), "accs": (("у", "а"), ("ю", "я"), ("а", ""), ("я", "")),
                   "ablt": (("ом", ""), ("ей", "я"), ("ем", ""), ("ой", "а")), "loct": (("е", ""),)}
# a woman's unknown name in "-а" declined as a noun ("Гульшары", "Гульшару", "Гульшарой": Гульшара), by case
FEMININE_ENDINGS = {"gent": (("ы", "а"),), "accs": (("у", "а"),), "datv": (("е", "а"),), "loct": (("е", "а"),), "ablt": (("ой", "а"),)}
# the oblique endings of a woman's name in "-ия" ("Талии", "Талию", "Талией": Талия), by case
IYA_ENDINGS = {"gent": "ии", "datv": "ии", "loct": "ии", "accs": "ию", "ablt": "ией"}
STEM_J_ENDINGS = ("я", "ю", "ем", "е")  # the endings of a masculine stem in "-й" ("Гоя", "Гою", "Гоем", "Гое")
VOWELS = "аеёиоуыэюя"
SOFT_STEM_ENDINGS = ("я", "ю", "ем")  # after a consonant, the endings of a masculine stem in "-ь" ("Горбаня", "Горбаню", "Горбанем")
HISSING = "жшщчц"  # consonants that take "-ем" in a hard stem ("Брнабичем")
# the oblique endings of a surname declined as an adjective ("Гулого", "Гулому", "Гулым": Гулый), by case
ADJECTIVAL_ENDINGS = {"gent": ("ого", "его"), "accs": ("ого", "его"), "datv": ("ому", "ему"), "ablt": ("ым",)}
INSTRUMENTAL_ENDINGS = ("ом", "ем", "ым", "ой")  # no nominative of a name the dictionary does not know ends so
# a woman's surname in -ова, -ина, -ская in any oblique case but the accusative ("Минуллиной": of, to, by or about her)
WOMANS_SURNAME_OBLIQUE = ("овой", "евой", "ёвой", "иной", "ыной", "ской", "цкой")
POSSESSIVE_ADJECTIVES = ("овый", "евый", "ёвый", "иный", "ыный")  # the nominatives of "-овым", "-иным" that a surname in -ов, -ин shares


@lru_cache(maxsize=1)
def region_nouns() -> dict[str, str]:
    """Nouns of territorial units and the place type they make: область -> region, район -> district."""
    return {row["lemma"]: row["type"] for row in read_data("region_nouns.csv")}


def genitive(name: str) -> str:
    """A nominative name in the genitive, word by word ("Липецкая область" -> "Липецкой области"); a word
    with no nominative parse stays as it is, and so does the name after the noun of a unit ("Республика", "провинция")."""
    words, previous = [], ""
    for word in name.split():
        after_a_unit, previous = previous.lower() in region_nouns(), word
        if after_a_unit and word[:1].isupper():
            # the unit's name is in apposition and keeps its case: "Республики Башкортостан", "провинции Хэйлунцзян"
            words.append(word)
            continue
        parse = next((p for p in morph_vocab().parse(word) if p.tag.case == "nomn"), None)
        form = Parse.inflect(parse, {"gent"}) if parse is not None else None
        words.append(match_case(form.word, word) if form else word)
    return " ".join(words)


def match_case(word: str, original: str) -> str:
    """Give ``word`` (lower case) the capitalisation of ``original``, and its ё where the dictionary wrote е in the same
    place ("могилевская" from "Могилёвской" is "Могилёвская")."""
    word = with_yo(word, original)
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts, originals = word.split("-"), original.split("-")
    if len(parts) == len(originals):
        return "-".join(p.capitalize() if o[:1].isupper() else p for p, o in zip(parts, originals))
    return word.capitalize() if original[:1].isupper() else word


ADJECTIVE_ENDINGS = {  # oblique singular endings of "-ский/-ская/-ское" adjectives, by gender
    "femn": (("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая")),
    "masc": (("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"), ("цкого", "цкий"), ("цким", "цкий")),
    "neut": (("ского", "ское"), ("скому", "ское"), ("ским", "ское"), ("ском", "ское")),
}


@lru_cache(maxsize=100_000)
def inflect(word: str, case: str, gender: str | None = None, names_only: bool = False, singular: bool = False) -> str | None:
    """Return ``word`` moved from ``case`` to the nominative (singular too, if ``singular``), or None if no parse fits.

    Cached: a corpus names the same bodies and places again and again.
    """
    if word.isupper() and len(word) > 1:
        return None  # abbreviations do not inflect
    if gender in ADJECTIVE_ENDINGS and not any(p.is_known for p in morph_vocab().parse(word)):
        # an adjective the dictionary does not know ("Мангистауской"): its ending says it all
        for old, new in ADJECTIVE_ENDINGS[gender]:
            if word.lower().endswith(old):
                return word[: -len(old)] + new
    parses = [p for p in morph_vocab().parse(word) if p.tag.case == case]
    if names_only:
        # one person's name is singular: "Беназир" in the accusative is no plural "Беназиры"
        parses = [p for p in parses if p.tag.number != "plur"]
        parses = [p for p in parses if NAME_GRAMMEMES & p.tag.grammemes] or parses
    if gender:
        parses = [p for p in parses if p.tag.gender is None or p.tag.gender == gender] or parses
    for parse in parses:
        target = {"nomn", "sing"} if parse.tag.number == "sing" or singular else {"nomn"}
        if parse.tag.POS in ("ADJF", "PRTF") and parse.tag.number == "sing" and parse.tag.gender:
            target = {"nomn", "sing", gender or parse.tag.gender}
        elif parse.tag.POS in ("ADJF", "PRTF") and singular and gender:
            target = {"nomn", "sing", gender}  # a plural adjective made singular takes its noun's gender
        form = Parse.inflect(parse, target)  # natasha's MorphForm.inflect takes UD names
        if form:
            return match_case(form.word, word)
    return None


def guessed_vote(word: str, parses) -> float:
    """How much a name word's dictionary cases count: a whole vote where the dictionary knows the word or an instrumental
    ending gives its case away ("Хуном", "Жумабаевым"); half a vote, as much as the tagger's, for the cases the guesser
    makes up from any other ending ("Бакили" as the genitive of "Бакиля", "Таксина" as a nominative)."""
    return 1 if any(p.is_known for p in parses) or word.lower().endswith(INSTRUMENTAL_ENDINGS) else 0.5


def name_case(words: list[str], hints: list[str | None]) -> str:
    """The grammatical case of a person's name, voted by its words.

    Each word votes with the cases the dictionary allows a singular name in (one person's name is
    singular, so "Анатолий Иксанов" is not the genitive plural the dictionary also reads in it);
    the case the tagger gave each word in context (``hints``, one per word) adds half a vote
    and decides for names the dictionary does not know ("Сэйдзи Маэхара").
    """
    votes = Counter()
    instrumental = False  # a word the dictionary does not know with an ending no nominative has
    # an initial ("А", "М.") may be any case and says nothing of the name's
    pairs = [(w, h) for w, h in zip_longest(words, hints) if w is not None and len(w.rstrip(".")) > 1]
    words, hints = [w for w, _ in pairs], [h for _, h in pairs]
    parsed = [morph_vocab().parse(word) for word in words]
    for word, parses in zip(words, parsed):
        weight = guessed_vote(word, parses)
        if (not any(p.is_known for p in parses) and word.lower().endswith(INSTRUMENTAL_ENDINGS) and any(p.tag.case == "ablt" for p in parses)
                and not word.lower().endswith(WOMANS_SURNAME_OBLIQUE)):
            votes["ablt"] += weight  # "Ганбатом": the guesser also makes it a nominative name, which no such ending is
            instrumental = True
            continue
        # a surname in -ин/-ов the dictionary knows only as a possessive adjective ("Маминым") votes as a name
        for case in {p.tag.case for p in parses if (NAME_GRAMMEMES & p.tag.grammemes or {"ADJF", "Poss"} <= p.tag.grammemes)
                     and p.tag.number != "plur"}:
            votes[case] += weight
    for parses, hint in zip(parsed, hints):
        # the case the tagger gives a word that never changes ("Мали", "Гюго") tells nothing
        if hint in CASES and not all("Fixd" in p.tag.grammemes for p in parses):
            votes[hint] += 0.5
    # a name is no nominative where a word of it the dictionary knows only as a name cannot be one ("Берика Уали"
    # tagged nominative: "Берика" is the genitive or accusative of Берик)
    # ("Чжан Цисяном" tagged nominative and genitive: the second word's ending is the instrumental's)
    # (but not where the other word is a woman's name only in the nominative and that one a man's: "Оксана Фадина" is a
    # woman's name and surname, though the dictionary knows "Фадина" only as the genitive of the man's name "Фадин")
    never = [parses for parses in parsed if never_nominative_name(parses)]
    women = any(only_nominative_name(parses) and all(p.tag.gender == "femn" for p in parses) for parses in parsed)
    if instrumental or never and not (women and all(p.tag.gender == "masc" for parses in never for p in parses)):
        votes = Counter({case: n for case, n in votes.items() if case != "nomn"}) or votes
    if not votes:
        return "nomn"
    # Ties ("Владимира": genitive or accusative) go to the earlier case, not to whichever the
    # set of parses happened to list first, which depends on the interpreter's hash seed.
    return min(votes, key=lambda case: (-votes[case], CASES.index(case) if case in CASES else len(CASES), case))


def only_nominative_name(parses) -> bool:
    """Whether the dictionary knows the word only as a name in the singular nominative ("Оксана")."""
    return bool(parses) and all(p.is_known and NAME_GRAMMEMES & p.tag.grammemes and p.tag.number != "plur" and p.tag.case == "nomn"
                                for p in parses)


def never_nominative_name(parses) -> bool:
    """Whether the dictionary knows the word only as a name, and in no singular nominative (a plural or a vocative
    reading does not count: "Лёв" of "Лёва")."""
    singular = [p for p in parses if p.tag.number != "plur" and p.tag.case != "voct"]
    return bool(singular) and all(p.is_known and NAME_GRAMMEMES & p.tag.grammemes for p in parses) and not any(
        p.tag.case == "nomn" for p in singular)


def normalize_name(words: list[str], hints: list[str | None] = (), plural: list[bool] = ()) -> str:
    """Return a person's name in the nominative singular ("Гургеном Малхасяном" -> "Гурген Малхасян",
    "братьев Ямадаевых" -> "Ямадаев"); ``hints`` are the cases the tagger gave the words, ``plural``
    whether it tagged each one plural. A word in capitals ("Тахиру ИСМАИЛОВУ", as press releases set surnames) is read
    and given as a name is written."""
    words = [w.capitalize() if len(w) > 2 and w.isalpha() and w.isupper() else w for w in words]
    case = name_case(words, list(hints))
    plural = list(plural) or [False] * len(words)
    if case == "nomn" and not any(p and plural_surname(w) for w, p in zip(words, plural)):
        return " ".join(words)
    genders = Counter(
        p.tag.gender for w in words for p in morph_vocab().parse(w) if NAME_GRAMMEMES & p.tag.grammemes and p.tag.case == case
        and p.tag.number != "plur"
    )
    gender = genders.most_common(1)[0][0] if genders else "masc"
    return " ".join(nominative_name_word(word, case, gender, p) for word, p in zip(words, plural))


def plural_surname(word: str) -> bool:
    """Only a plural surname reads this word ("Ямадаевых", "Ямадаевы")."""
    parses = [p for p in morph_vocab().parse(word) if NAME_GRAMMEMES & p.tag.grammemes]
    return bool(parses) and all(p.tag.number == "plur" for p in parses) and any("Surn" in p.tag.grammemes for p in parses)


def nominative_name_word(word: str, case: str, gender: str, plural: bool = False) -> str:
    """One word of a name in the nominative singular: a known name by the dictionary, a surname
    declined as an adjective ("Долгорукому" -> "Долгорукий") as one, an unknown name by its ending;
    a surname the tagger and the dictionary both read as plural by its lemma ("Ямадаевых" -> "Ямадаев")."""
    if plural and plural_surname(word):
        surname = next(p for p in morph_vocab().parse(word) if "Surn" in p.tag.grammemes)
        return match_case(surname.normal_form, word)
    if case == "nomn":
        return word
    if case == "ablt" and gender == "masc" and word.lower().endswith(tuple(a[:-2] + "ым" for a in POSSESSIVE_ADJECTIVES)) and not any(
            p.is_known and p.tag.POS == "ADJF" for p in morph_vocab().parse(word.lower())):
        # "Шумковым": the instrumental of a surname in -ов, -ин, not of the rarer "-овой" the dictionary knows as a surname
        # ("Луговым" stays "Луговой": a word of the language declined so)
        return word[: -len("ым")]
    if any(NAME_GRAMMEMES & p.tag.grammemes and p.tag.number != "plur" for p in morph_vocab().parse(word)):
        form = inflect(word, case, gender, names_only=True)
        if form:
            return form
    noun = [p for p in morph_vocab().parse(word.lower()) if p.is_known and p.tag.POS == "NOUN" and p.tag.case == case
            and p.tag.number == "sing" and p.tag.gender == gender == "masc"]
    if noun:
        # a man's surname that is a common noun declines as the noun, a vowel dropped too: "Локтя" -> "Локоть"
        return match_case(noun[0].normal_form, word)
    adjective = [p for p in morph_vocab().parse(word.lower()) if p.is_known and p.tag.POS == "ADJF" and p.tag.case == case
                 and p.tag.number == "sing" and p.tag.gender in (gender, None)]
    if adjective and case == "ablt" and gender == "masc" and len(word) > 6 and adjective[0].normal_form.endswith(POSSESSIVE_ADJECTIVES):
        # a surname in -ов/-ин that a rare adjective shares ("Травниковым", not "травниковый"; "Новым" is too short to
        # be one); a surname declined as an adjective ends in a stressed "-ой" ("Луговым" -> "Луговой")
        return word[: -len("ым")]
    if adjective and gender == "femn" and len(word) > 6 and word.endswith("ой") and adjective[0].normal_form.endswith(POSSESSIVE_ADJECTIVES):
        return word[: -len("ой")] + "а"  # a woman's surname in -ова, -ина: "Сомовой" -> "Сомова", not "сомовая"
    if adjective:
        form = Parse.inflect(adjective[0], {"nomn", "sing", gender})
        if form:
            return match_case(form.word, word)
    return strip_foreign_ending(word, case, gender)


def strip_foreign_ending(word: str, case: str, gender: str) -> str:
    """An unknown name's nominative from its ending: "Райкконена" -> "Райкконен", "Маехары" -> "Маехара", a woman's
    "Гульшары" -> "Гульшара", "Талии" -> "Талия"; a soft
    ending after a vowel is of a stem in "-й": "Гоя" -> "Гой"; "-я", "-ю" or "-ем" after a consonant other than a
    hissing one, of a stem in "-ь": "Горбаня" -> "Горбань" (a hard stem takes "-а", "-у", "-ом": "Горбана"); a surname
    declined as an adjective takes "-ый", or "-ий" after a soft or hissing stem or г, к, х: "Гулого" -> "Гулый"."""
    if gender == "masc" and len(word) > 4 and (ending := next((e for e in ADJECTIVAL_ENDINGS.get(case, ()) if word.endswith(e)), "")):
        stem = word[: -len(ending)]
        return stem + ("ий" if ending.startswith("е") or stem[-1].lower() in "гкх" + HISSING else "ый")
    if gender == "femn" and len(word) > 4 and word.endswith(IYA_ENDINGS.get(case, "-")):
        return word[: -len(IYA_ENDINGS[case])] + "ия"
    if gender == "femn" and len(word) > 4:
        ending = next((e for e in FEMININE_ENDINGS.get(case, ()) if word.endswith(e[0]) and word[-len(e[0]) - 1].lower() not in VOWELS), None)
        if ending:
            return word[: -len(ending[0])] + ending[1]
    if gender == "masc" and len(word) > 2:
        for ending, nominative in FOREIGN_ENDINGS.get(case, ()):
            if word.endswith(ending):
                stem = word[: -len(ending)]
                if ending in STEM_J_ENDINGS and not nominative and stem[-1:].lower() in VOWELS:
                    return stem + "й"
                if ending in SOFT_STEM_ENDINGS and not nominative and stem[-1:].lower() not in VOWELS + HISSING + "йь":
                    return stem + "ь"
                return stem + nominative
    return word


def normalize_phrase(tokens, head, singular: bool = False) -> str:
    """Nominative of a noun phrase given as natasha tokens and its syntactic head.

    The head and the run of adjectives directly before it change; complements
    after it ("... Липецкой области") stay as written. ``singular`` makes them
    singular too ("губернаторы" -> "губернатор", one office of two names).
    """
    case = UD_CASE.get(head.feats.get("Case", ""), None)
    # a surname's reading is none of a common noun's ("голова" read as the genitive of the surname Голов)
    noun_parses = [p for p in morph_vocab().parse(head.text) if p.tag.POS == "NOUN" and p.tag.case and p.is_known and "Surn" not in p.tag]
    noun_cases = {p.tag.case for p in noun_parses}
    if singular and noun_parses and not any(p.tag.number == "plur" for p in noun_parses):
        singular = False  # the tagger's plural of a word that cannot be one: "городской голова" (masculine in sense)
    if len(noun_cases) == 1 and case not in noun_cases:
        case = noun_cases.pop()  # the tagger's case is one the word cannot have ("облисполкомом" as genitive)
    if case is None or (case == "nomn" and not singular):
        return join_tokens(tokens)
    head_parse = [p for p in morph_vocab().parse(head.text) if p.tag.case == case and p.tag.POS == "NOUN"]
    gender = head_parse[0].tag.gender if head_parse else None
    index = tokens.index(head)
    agreeing = {index}
    i = index - 1
    agrees = lambda t: (is_adjective(t) or ADJECTIVAL.search(t.text) or t.pos in ("DET", "NUM")) and case in cases_of(t.text)  # noqa: E731
    while i >= 0:
        if agrees(tokens[i]):
            agreeing.add(i)
            i -= 1
        elif i > 0 and i < index - 1 and tokens[i].text.lower() == "и" and agrees(tokens[i - 1]):
            i -= 1  # "Чрезвычайного и Полномочного Посла": both adjectives agree with the head
        else:
            break
    out = []
    for i, token in enumerate(tokens):
        form = inflect(token.text, case, gender, singular=singular) if i in agreeing else None
        out.append(form or token.text)
    return join_words(out, tokens)


def singular_form(word: str, case: str, noun: str = "") -> str:
    """A plural noun or adjective made singular in the same case ("общественных палат" -> "общественной палаты");
    an adjective takes the gender of its ``noun``."""
    gender = next((p.tag.gender for p in morph_vocab().parse(noun) if p.tag.POS == "NOUN" and p.tag.gender), "masc")
    for parse in morph_vocab().parse(word):
        if parse.tag.number == "plur" and parse.tag.case == case:
            target = {"sing", case}
            if parse.tag.POS in ("ADJF", "PRTF"):
                target.add(gender)
            form = Parse.inflect(parse, target)
            if form:
                return match_case(form.word, word)
    return word


# a word shaped like a place adjective, which the dictionary may know only as a surname ("Горецким районом")
ADJECTIVAL = re.compile(r"[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$", re.I)


def is_adjective(token) -> bool:
    """The tagger sometimes calls an adjective a noun ("генеральным консулом"); the dictionary knows better."""
    return token.pos == "ADJ" or morph_vocab().parse(token.text)[0].tag.POS in ("ADJF", "PRTF")


def cases_of(word: str) -> set[str]:
    return {p.tag.case for p in morph_vocab().parse(word) if p.tag.case}


def is_common_word(word: str) -> bool:
    """True for a dictionary word that is not a name ("Губернатор", not "Игорь" or "Липецк")."""
    parses = morph_vocab().parse(word.lower())
    return any(p.is_known and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & p.tag.grammemes) for p in parses)


def is_place_word(word: str) -> bool:
    """True for a word the dictionary knows as a place name ("Москвы", "Тихвин")."""
    return any("Geox" in p.tag.grammemes for p in morph_vocab().parse(word.lower()))


def surname_key(word: str) -> str:
    """The dictionary form of a surname, the same for "Голубева" and "Голубев"."""
    for parse in morph_vocab().parse(word):
        if "Surn" in parse.tag.grammemes:
            return parse.normal_form.replace("ё", "е")
    return word.lower().replace("ё", "е")


def join_tokens(tokens) -> str:
    return join_words([t.text for t in tokens], tokens)


def join_words(words: list[str], tokens) -> str:
    """Join words with the spacing the tokens had in the text."""
    text = ""
    for i, (word, token) in enumerate(zip(words, tokens)):
        if i and token.start > tokens[i - 1].stop:
            text += " "
        text += word
    return text
