"""The actors of a document: persons, bodies and places, named once, typed, with roles.

Natasha's NER finds the spans; this module repairs them (joins a span cut
before an abbreviation, splits off "(АСИ)"), adds the bodies NER misses
("администрацией Измалковского района"), types each span with the gazetteer
and morphology, puts it in the nominative, merges the mentions of one entity,
and reads each person's office from the words around the name.
"""

import itertools
from copy import copy
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from pymorphy2.analyzer import Parse

from .datafiles import read_data, read_words
from .codebook import PLACE_TYPES, SUBNATIONAL_TYPES, TYPED_PLACES
from .gazetteer import (DEPUTY_PREFIX, LARGE_TOWN, Place, centre_of, find_place, lemma_key, named_places, place_by_id, place_in, places, places_named, region_or_town_of_adjective,
                        territory_levels, territory_of, town_of_adjective, word_kind)
from .morph import (ADJECTIVAL, NAME_GRAMMEMES, UD_CASE, cases_of, genitive, is_adjective, is_common_word, is_place_word, join_tokens, join_words, name_case, normalize_name,
                    match_case, normalize_phrase, region_nouns, singular_form, surname_key)
from .nlp import morph_vocab, reaches

ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,6}$")


DASHES = {"-", "–", "—"}
QUOTES = {"«", "»", '"', "„", "“", "”"}
BRACKETS = {"[", "]", "(", ")"}
QUOTE_PAIRS = {"»": "«", "”": "“"}  # closing quote: its opening one
ROLE_INNER_SIGNS = QUOTES | {"№"}  # "директор школы № 5", "гендиректор ООО «Ромашка»": signs inside an office phrase
CLOSING_QUOTE = {"«": "»", "„": "“", "“": "”", '"': '"'}  # each opening mark and the mark that closes it
ROLE_INNER_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM", "X"}  # X: a foreign word ("директор Lockheed Martin")
MAX_ROLE_TOKENS = 20
MAX_OUTER_QUOTE_WORDS = 5  # words of an outer quoted name before its inner one: «Национальная компания «...»
AGE = re.compile(r"\d+-(?:летн|лет)\w*$|\w+летн(?:ий|его|ему|им|ем|яя|ей|юю|ие|их|ими)$")  # "68-летнего", "шестидесятилетний": a name's age
SPAN_END_PUNCTUATION = {";", ",", ":"}


@dataclass
class Mention:
    start: int
    stop: int
    text: str
    type: str  # person | organization | country | region | district | city | other
    name: str = ""  # nominative, canonical within the document
    tokens: list = field(default_factory=list, repr=False)
    role: str = ""
    affiliation: str = ""
    inferred: bool = False  # the affiliation is not in the text's words for the office: taken from the places named before
    aliases: set = field(default_factory=set)
    place_id: str = ""  # the gazetteer's id of a place, "" for a place it does not know and for any other actor
    shared: bool = False  # one of the bodies a plural noun shares out among places ("правительствами X и Y"), on the same words
    body_of: str = ""  # the place a shared body is the body of, where its words name several ("правительствами Москвы и ЛНР")
    key: str = ""  # the registry's key for the actor (``registry.actor_key``), set once the document's mentions are final
    name_latin: str = ""  # the name in Latin letters (``registry.latin``), set with the key


def extract_mentions(doc) -> list[Mention]:
    """Return the actor mentions of a parsed natasha Doc, resolved within the document."""
    by_id = {t.id: t for t in doc.tokens}
    spans = repaired_spans(doc)
    mentions = []
    for tokens, ner_type in spans:
        mention = typed_mention(tokens, ner_type, doc.text, by_id)
        if mention:
            mentions.append(mention)
    coordinated = coordinated_places(doc)
    mentions = [m for m in mentions if not any(c.start <= m.start < c.stop or m.start <= c.start < m.stop for c in coordinated)]
    mentions += coordinated
    mentions += towns_after_state_adjectives(doc, mentions, by_id)
    mentions += towns_after_abbreviations(doc, mentions, by_id)
    mentions += places_the_tagger_missed(doc, mentions, by_id)
    mentions += body_mentions(doc, mentions, by_id)
    mentions = drop_nested_organizations(mentions)
    mentions = [m for m in mentions if not (m.type == "organization" and m.tokens and cited_as_source(m.tokens[0], by_id))]
    attach_parenthesised_abbreviations(mentions, doc.text)
    expand_abbreviations(mentions)
    resolve_persons(mentions)
    mentions = drop_namesakes(mentions, by_id)
    resolve_places(mentions)
    name_places_of_a_state(mentions)
    name_bodies_of_the_one_place(doc, mentions)
    bodies_named_in_full(mentions)
    bodies_named_by_their_noun(mentions)
    mentions += units_named_by_their_state(doc, mentions)  # once the places named before are resolved
    capitals = capitals_of_regions(doc, mentions, by_id)
    # the tagger may take "административным центром Хубсугульского аймака" for an organisation: it is the town
    mentions = [m for m in mentions if not (m.type == "organization" and any((c.start, c.stop) == (m.start, m.stop) for c in capitals))] + capitals
    for sent in doc.sents:
        assign_roles(sent.tokens, mentions)
    mentions += titles_of_the_one_unnamed(doc, mentions)
    colleagues(doc, mentions, by_id)
    respective_places(doc, mentions, by_id)
    affiliate_from_context(doc, mentions)
    share_affiliations(mentions)
    fuller_titles(mentions)
    return sorted(mentions, key=lambda m: (m.start, -m.stop))


def capitals_of_regions(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Mentions of the towns a text names as a region's capital ("столица Прибайкалья", "столицей Кузбасса",
    "административным центром Хубсугульского аймака"): the region's administrative centre (gazetteer.centre_of), on
    the words that call it so (``capital_words_before``) and the region's name. Not where the
    town is named beside it ("столицы Хакасии Абакана")."""
    found = []
    for m in mentions:
        place = place_by_id(m.place_id) if m.place_id and m.tokens else None
        before = capital_words_before(m.tokens[0], by_id) if place is not None and place.type == "region" else None
        if before is None:
            continue
        if any(o.type == "city" and 0 <= o.start - m.stop <= 2 and not doc.text[m.stop : o.start].strip() for o in mentions):
            continue
        centre = centre_of(place)
        if centre is not None:
            found.append(Mention(before.start, m.stop, doc.text[before.start : m.stop], centre.type, centre.name,
                                 tokens=[before] + m.tokens, place_id=centre.place_id))
    # "мэр чеченской столицы": a region's adjective before the capital noun (not a state's: "белорусской столицы")
    for adjective, noun in zip(doc.tokens, doc.tokens[1:]):
        if (noun.lemma or "") in read_words("capital_nouns.csv", "lemma") and adjective.pos == "ADJ" and adjective.text.islower() \
                and (region := region_or_town_of_adjective((adjective.lemma or "").lower())) is not None and region.type == "region" \
                and (centre := centre_of(region)) is not None:
            found.append(Mention(adjective.start, noun.stop, doc.text[adjective.start : noun.stop], centre.type, centre.name,
                                 tokens=[adjective, noun], place_id=centre.place_id))
    return found


def capital_words_before(token, by_id):
    """The first of the words right before ``token`` that call a town a region's capital (data/capital_nouns.csv:
    "столица", "административный центр"), or None."""
    for phrase in read_words("capital_nouns.csv", "lemma"):
        first, words = token, phrase.split()
        for word in reversed(words):
            first = previous_token(first, by_id)
            if first is None or (first.lemma or "").lower() != word:
                break
        else:
            return first
    return None


def titles_of_the_one_unnamed(doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the one person the article names with no office, at each title of an office of a named place or body
    that later acts with no name ("Накануне Валентин Коновалов подписал ... соглашение", then "отметил глава Хакасии";
    "По словам мэра Москвы" after "Собянин и Джаксыбеков подписали"): the title is his. Where two persons have no
    office, the title is no subject of a clause (nor whose words are cited), or a named person holds it, it is left to no one."""
    persons = [m for m in mentions if m.type == "person"]
    unnamed = {m.name for m in persons} - {m.name for m in persons if m.role}
    if len(unnamed) != 1:
        return []
    name = next(iter(unnamed))
    first = min(m.start for m in persons if m.name == name)
    held = {frozenset(lemma_key(m.role).split()) for m in persons if m.role}
    named_at = {t for m in persons for t in range(m.start, m.stop)}
    found = []
    for sent in doc.sents:
        by_id = {t.id: t for t in sent.tokens}
        for office in sent.tokens:
            if (office.start < first or not is_office_word(office) or office.feats.get("Number") == "Plur"
                    or not (office.rel == "nsubj" or (head := by_id.get(office.head_id)) is not None and (head.lemma or "") == "слово")):
                continue
            phrase = office_phrase(office, sent.tokens, by_id, set())
            start, stop = phrase[0].start, phrase[-1].stop
            places = [m for m in mentions if m.type != "person" and start <= m.start < stop]
            at = sent.tokens.index(phrase[-1])
            after = sent.tokens[at + 1 : at + 3]
            if not places or any(t.start in named_at for t in after) or any(start <= p < stop for p in named_at):
                continue  # no body or place named, or a person named with it: "глава Хакасии Валентин Коновалов"
            if any(office_of_body_held(place, persons) for place in places if place.type == "organization"):
                continue  # "Глава «Сбербанка» отметил" where "председатель правления «Сбербанка»" is a named person's
            mention = Mention(start, stop, doc.text[start:stop], "person", name, tokens=phrase)
            set_role(mention, phrase, mentions)
            if frozenset(lemma_key(mention.role).split()) not in held:  # "президент США" after "Президент США Дональд Трамп" is his
                found.append(mention)
    return found


def office_of_body_held(body: Mention, persons: list[Mention]) -> bool:
    """Whether a named person's office is of the body (its name's words among the office's)."""
    unquoted = lambda name: lemma_key("".join(" " if c in QUOTES else c for c in name)).split()  # noqa: E731
    words = set(unquoted(body.name))
    return any(words <= set(unquoted(m.role)) for m in persons if m.role)


def fuller_titles(mentions: list[Mention]) -> None:
    """A title of a person whom the article gives it in full elsewhere is that title, one office, not two: a bare
    "губернатор" beside "губернатор Курской области", "президент Южной Осетии" beside "президент Республики Южная
    Осетия", "глава Гагаузии" beside "глава АТО Гагаузия" (every word of the one, by lemma, in the other). Where two
    fuller titles are given, the short one stays as written."""
    roles: dict[str, set] = {}
    for m in mentions:
        if m.type == "person" and m.role:
            roles.setdefault(m.name, set()).add(m.role)
    words = {role: set(lemma_key(role.replace("–", " ").replace("—", " ")).split()) for named in roles.values() for role in named}
    for m in mentions:
        if m.type == "person" and m.role:
            fuller = sorted(r for r in roles.get(m.name, ()) if words[m.role] < words[r])
            if len(fuller) == 1:
                m.role = fuller[0]


def repaired_spans(doc) -> list[tuple[list, str]]:
    """NER spans as token lists, with cut spans joined and parenthesised abbreviations split."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    spans = []
    for span in doc.spans:
        first = bisect_left(starts, span.start)
        toks = [t for t in itertools.takewhile(lambda t: t.start < span.stop, tokens[first:]) if t.stop <= span.stop]
        # NER reads the whole text, not sentence by sentence, so a span can run over a paragraph break
        # or a sentence boundary (razdel's, or a long line cut into pieces); the actors stage reads each
        # mention within its sentence, so a span ends where its first sentence does.
        breaks = [i for i in range(1, len(toks))
                  if "\n\n" in doc.text[toks[i - 1].stop : toks[i].start] or sentence_of(toks[i - 1]) != sentence_of(toks[i])]
        if breaks:
            toks = toks[: breaks[0]]
        rest = tokens[first + len(toks):]
        if toks and rest and span.type != "PER" and is_adjective(toks[-1]) and (rest[0].lemma or "") in region_nouns() \
                and rest[0].feats.get("Case") == toks[-1].feats.get("Case") and sentence_of(rest[0]) == sentence_of(toks[-1]):
            toks = toks + rest[:1]  # "Ровеньковским муниципальным" + "округом ЛНР": the unit's noun the span left out
        after = tokens[first + len(toks):]
        if toks and span.type == "ORG":
            toks = tokens[outer_quote_opened(tokens, first) + 1 : first] + toks
        if toks:
            spans.append([close_quotes(toks, after), span.type])
    joined, inner = [], []
    for toks, kind in spans:
        previous = joined[-1] if joined else None
        adjacent = (previous and doc.text[previous[0][-1].stop : toks[0].start].strip() == ""
                    and sentence_of(previous[0][-1]) == sentence_of(toks[0]))
        # An adjective cannot end a name: "Луганской региональной" + "ТПП" is one span; and a body's
        # genitive complement is part of its name: "Министерство сельского хозяйства" + "Республики Беларусь".
        if adjacent and previous[1] == "ORG" and complements(toks, previous[0]):
            previous[0] = previous[0] + toks
            inner.append([toks, kind])  # the place stays an actor of its own, inside the body's name
            continue
        if adjacent and previous[1] == kind == "PER" and is_patronymic(previous[0][-1].text) and len(toks) == 1:
            previous[0] = previous[0] + toks  # "Александра Григорьевича" + "Лукашенко": one name the tagger cut in two
            continue
        if adjacent and kind == "PER" and len(previous[0]) == 1 and surname_before(previous[0][0], toks, previous[1] == "PER"):
            previous[0], previous[1] = previous[0] + toks, "PER"  # "Приваловым" + "Владимиром Александровичем": surname first
            continue
        if adjacent and kind == "PER" and previous[1] == "PER" and place_before_another_name(previous[0], toks):
            previous[1] = "LOC"  # "хоким Ферганы | Алишер Турсунов": the town of the office, in another case than the name
        if adjacent and kind == "PER" and previous[1] in ("LOC", "ORG") and name_run_into_place(previous[0], toks):
            # "президентом Турецкой Республики Реджепом" + "Тайипом Эрдоганом": the given name is the person's
            previous[0], toks = previous[0][:-1], previous[0][-1:] + toks
        if adjacent and previous[0][-1].pos == "ADJ":
            previous[0] = previous[0] + toks
            previous[1] = "ORG" if "ORG" in (previous[1], kind) else kind
            continue
        joined.append([toks, kind])
    result = []
    spanned = {t.id for toks, _ in joined + inner for t in toks}

    def token_before(token):
        at = bisect_left(starts, token.start)
        return tokens[at - 1] if at else None

    for toks, kind in joined + inner:
        if kind == "PER" and len(toks) == 1 and (before := given_name_left_out(toks[0], token_before(toks[0]), spanned)) is not None:
            toks = [before] + toks  # "с мэром округа Ладой | Мудровой": the given name the tagger left out
        if (kind == "PER" and (before := token_before(toks[0])) is not None and before.id not in spanned
                and sentence_of(before) == sentence_of(toks[0]) and surname_before(before, toks)):
            toks = [before] + toks  # "Приваловым | Владимиром Александровичем": the surname the tagger left out
        if (kind == "LOC" and len(toks) == 2 and given_name_left_out(toks[1], toks[0], set()) is toks[0] and is_surname(toks[1].text)
                and not find_place(toks[0].text) and not find_place(" ".join(t.text for t in toks))):
            # "Ладой Мудровой" read as a place: a given name and a surname, the given name no place's (not "Аль Аин");
            # the surname may be a town's too ("Айсен Николаев", "Николаев" being Mykolaiv)
            kind = "PER"
        if kind == "LOC" and (parts := places_either_side_of_dash(toks)):
            result += [(part, "LOC") for part in parts]
            continue
        texts = [t.text for t in toks]
        if "(" in texts:
            cut = texts.index("(")
            after = toks[texts.index(")", cut) + 1:] if ")" in texts[cut:] else []
            if kind != "PER" and len(after) >= 2 and is_first_name(after[0].text) and is_personal_name(after[1:], strict=True):
                # "Республики Саха (Якутия) Айсена Николаева" read as one place: the name after the bracket is a person's
                result.append((after, "PER"))
            toks = toks[:cut]
        while toks and toks[-1].text in SPAN_END_PUNCTUATION:  # "Мэри Браун;" cut at razdel's break after ";"
            toks = toks[:-1]
        at = bisect_left(starts, toks[0].start) if toks else 0
        # "мэр китайского города Вэйхай Кун Фаньпин" read as one place: an office a few words before makes the
        # words after the known town a person's name
        named_after_office = kind == "LOC" and any(is_office_word(t) for t in tokens[max(0, at - 4) : at]) and find_place(join_tokens(toks[1:])) is None
        if (kind == "PER" or named_after_office) and place_before_a_name(toks, tokens[at - 1] if at else None):
            # "председатель правительства Воеводины Милан Ковачевич": the tagger ran the body's place into the name
            result.append((toks[:1], "LOC"))
            toks, kind = toks[1:], "PER"
        if toks:
            result.append((toks, kind))
    return result


def places_either_side_of_dash(toks) -> list[list]:
    """The two parts of a place's span the tagger ran over a dash, where each names another place the gazetteer knows
    and the whole none ("субъектами Российской Федерации - Республикой Татарстан"); else [] ("Кемеровской области –
    Кузбасса" is one region's two names)."""
    cut = next((i for i, t in enumerate(toks) if t.text in DASHES), None)
    if cut is None or cut == 0 or cut == len(toks) - 1:
        return []
    before, after = toks[:cut], toks[cut + 1 :]
    first, second = find_place(join_tokens(before)), find_place(join_tokens(after))
    if find_place(join_tokens(toks)) is not None or first is None or second is None or first == second:
        return []
    return [before, after]


def surname_before(word, name, tagged_person: bool = False) -> bool:
    """Whether ``word`` is the surname of a name written surname first, whose given name and patronymic ``name`` the
    tagger read apart ("Приваловым | Владимиром Александровичем"): a capitalised word that the tagger took for a
    person ("Сомовой", though a town is Сомово) or the dictionary reads as a surname and no place, in a case the given
    name may share."""
    return (len(name) == 2 and is_patronymic(name[1].text, known=True) and word.text[:1].isupper()
            and (tagged_person or is_surname(word.text) and find_place(word.text) is None) and bool(cases_of(word.text) & cases_of(name[0].text)))


def given_name_left_out(surname, before, spanned: set):
    """``before``, the word right before a one-word name, if the dictionary knows it as a given name in a case the
    name may share, capitalised, in the same sentence and no other span ("Ладой" of "Ладой Мудровой", which the
    tagger takes for something else); None otherwise."""
    if (before is None or before.id in spanned or not before.text[:1].isupper() or sentence_of(before) != sentence_of(surname)
            or not is_first_name(before.text)):
        return None
    return before if cases_of(before.text) & (cases_of(surname.text) | {UD_CASE.get(surname.feats.get("Case"))}) else None


def cases_of_apposed_name(tokens, by_id) -> list[str | None]:
    """The cases of a name's words: as tagged, but an unknown given name in apposition to an office in an oblique case
    takes that case for every word ("акима области Даниала Кадырова": Даниал Кадыров, not a woman Даниала Кадырова;
    the tagger and the dictionary can only guess at the given name)."""
    office = by_id.get(tokens[0].head_id) if tokens[0].rel == "appos" else None
    # "с заместителем губернатора провинции Хэйлунцзян Юй Цзянем", hung on "губернатора": the name is the deputy's,
    # the office the genitive complements
    while office is not None and office.rel == "nmod" and (outer := by_id.get(office.head_id)) is not None and is_office_word(outer):
        office = outer
    case = office.feats.get("Case") if office is not None and is_office_word(office) else None
    # (a given name the dictionary knows only as a plural, "Хайруллы", is as unknown: one person bears it)
    if case in (None, "Nom") or len(tokens) < 2 or any(p.is_known and p.tag.number != "plur" for p in morph_vocab().parse(tokens[0].text)):
        return tagged_cases(tokens)
    return [UD_CASE.get(case)] * len(tokens)


def place_before_another_name(word, name) -> bool:
    """Whether a one-word "name" right before a name is a place the gazetteer knows, in a case the name is not in
    ("хоким Ферганы Алишер Турсунов"), and no first name."""
    if len(word) != 1 or find_place(word[0].text) is None or is_first_name(word[0].text):
        return False
    case, name_case_ = word[0].feats.get("Case"), name[0].feats.get("Case")
    return case is not None and name_case_ is not None and case != name_case_


def name_run_into_place(place, name) -> bool:
    """Whether a place's span ends in a word of the name's case that is not the case of the place's own words, and
    no place: the tagger ran the given name into the body's place ("Турецкой Республики Реджепом Тайипом Эрдоганом")."""
    if len(place) < 2:
        return False
    last, before, first = place[-1], place[-2], name[0]
    case = first.feats.get("Case")
    return (case is not None and last.pos == "PROPN" and last.feats.get("Case") == case and before.feats.get("Case") not in (None, case)
            and find_place(last.text) is None)


def place_before_a_name(toks, before=None) -> bool:
    """Whether a person's span opens with a place the gazetteer knows, no given name, before a name of two words or
    more ("Бач-Кишкун Габор Бордаш"; not "Владимир Владимирович Путин"); a given name too where the word before the
    span is the noun of the place's kind ("акима области Абай Берика Уали": the region Abai)."""
    if len(toks) < 3 or not is_personal_name(toks[1:]) or toks[1].text == "." and len(toks[0].text) == 1:
        return False  # (nor an initial the tokenizer cut from its full stop: "О. Эргашев", "О" being no town Об)
    designated = before is not None and (before.lemma or "").lower() in region_nouns() and find_place(f"{before.text} {toks[0].text}") is not None
    given = any(p.is_known and "Name" in p.tag.grammemes for p in morph_vocab().parse(toks[0].text))
    surname_first = len(toks) == 3 and is_patronymic(toks[2].text, known=True)  # "Сомовой Натальей Викторовной", though a town is Сомово
    return designated or not given and not surname_first and find_place(toks[0].text) is not None


def is_first_name(word: str) -> bool:
    """True for a word the dictionary knows as a first name ("Раис", "Глеб")."""
    return any(p.is_known and "Name" in p.tag.grammemes for p in morph_vocab().parse(word))


def is_surname(word: str) -> bool:
    """True for a word the dictionary reads as a surname, known or guessed by its ending ("Мудровой")."""
    return any("Surn" in p.tag.grammemes for p in morph_vocab().parse(word))


def is_patronymic(word: str, known: bool = False) -> bool:
    """Whether the dictionary reads the word as a patronymic; ``known``: one it lists ("Николаевичем"), not one it
    guesses by the ending alone ("Йович", a Serbian surname)."""
    return any("Patr" in p.tag.grammemes and (p.is_known or not known) for p in morph_vocab().parse(word))


def outer_quote_opened(tokens, first: int) -> int:
    """The index of the outer opening mark of a quoted name whose inner quoted name starts at ``tokens[first]`` («Национальная
    компания «КазАвтоЖол»: the tagger names only the inner one; a writer sets one closing mark for both), where the outer
    quote opens at most MAX_OUTER_QUOTE_WORDS words before, in the same sentence and unclosed; ``first`` otherwise."""
    inner = first - 1
    if inner < 0 or tokens[inner].text not in CLOSING_QUOTE or tokens[inner].text == '"':
        return first
    for at in range(inner - 1, max(-1, inner - 1 - MAX_OUTER_QUOTE_WORDS), -1):
        token = tokens[at]
        if sentence_of(token) != sentence_of(tokens[first]) or token.text in CLOSING_QUOTE.values():
            return first
        if token.text == tokens[inner].text:
            return at if at < inner - 1 else first
    return first


def close_quotes(toks, after) -> list:
    """The span with the closing marks of the quotes it opens: NER ends "ТОО «Агрохолдинг Кустанай»" before "»"."""
    opened = []
    for token in toks:
        if opened and token.text == CLOSING_QUOTE[opened[-1]]:
            opened.pop()
        elif token.text in CLOSING_QUOTE:
            opened.append(token.text)
    toks = list(toks)
    for token in after:
        if not opened or token.text != CLOSING_QUOTE[opened[-1]] or sentence_of(token) != sentence_of(toks[-1]):
            break
        toks.append(token)
        opened.pop()
    return toks


def complements(toks, body) -> bool:
    """The span is a genitive complement of the body before it: its head word hangs from the body's, or, where
    the body's name opens with a body's noun, from anywhere ("Министерство сельского хозяйства Саратовской области
    и Министерство сельского хозяйства | Республики Беларусь": the parser hangs the state on the first ministry)."""
    ids = {t.id for t in toks}
    heads = [t for t in toks if t.head_id not in ids]
    if len(heads) != 1 or heads[0].rel != "nmod" or heads[0].feats.get("Case") != "Gen":
        return False
    # the body's noun after its adjectives: "Верховным Хуралом | Республики Тыва" (the tagger may call "Верховным" a name)
    noun = next((t for t in body if t.pos != "ADJ" and t.rel != "amod"), body[0])
    return heads[0].head_id in {t.id for t in body} or word_kind(noun.lemma or "") in ("body", "executive")


def tagged_cases(tokens) -> list[str | None]:
    """The case the tagger gave each token, in pymorphy's names."""
    return [UD_CASE.get(t.feats.get("Case", "")) for t in tokens]


def sentence_of(token) -> str:
    """The sentence of a natasha token, from its id ("6_1": the first token of sentence 6)."""
    return token.id.rpartition("_")[0]


GLUED_INITIAL = re.compile(r"\b([А-ЯЁA-Z])\.(?=[А-ЯЁA-Z])")
INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$")  # one capital and its full stop: "А." of "А. Кодири"


def typed_mention(tokens, ner_type: str, text: str, by_id) -> Mention | None:
    if ner_type == "PER" and len(tokens) > 1 and unit_noun(tokens[-1]) is not None:
        ner_type = "LOC"  # "Кентшинским Повятом": a unit of a state named with its kind, not a person
    if len(tokens) > 1 and word_kind(tokens[0].lemma or "") == "settlement" and tokens[1].text[:1].isupper():
        tokens = tokens[1:]  # "Город Тихвин" opening a sentence: the designation is outside the name, as "город Тихвин"
    if len(tokens) > 1 and word_kind(tokens[0].lemma or "") == "office" and not (
            len(tokens) == 2 and is_first_name(tokens[0].text) and find_place(tokens[1].text) is None):
        # "Хоким Ферганской области" opening a sentence, "с Губернатором А.М.Осиповым": the title is no part of the name
        # (but "Раис Сулейманов" is a first name and a surname; "Аким ВКО" a title and a region)
        tokens = tokens[1:]
    if ner_type == "ORG" and tokens[0].pos == "ADP" and tokens[0].text.islower():
        return None  # "Уполномоченным | по правам человека": the complement of a title, which the tagger cut off it
    if ner_type == "ORG" and is_office_word(tokens[-1]) and all(is_adjective(t) for t in tokens[:-1]):
        return None  # "Кременчугский городской голова": a title, whose holder's name follows
    if ner_type == "ORG" and all(is_adjective_word(t.text) for t in tokens):
        return None  # "с Чрезвычайным | и Полномочным Послом": the adjectives of a title; a body's name has a noun
    if len(tokens) > 1 and ner_type == "LOC" and tokens[0].pos == "ADJ" and outside_the_name(tokens, text):
        tokens = tokens[1:]  # "Польский Гданьск" opening a sentence: the state's adjective, as "польский Гданьск"
    while len(tokens) > 1 and tokens[0].pos in ("ADV", "ADP", "NUM") and is_common_word(tokens[0].text) and previous_token(tokens[0], by_id) is None:
        tokens = tokens[1:]  # "Ранее Львов", "Между районами", "Три района": a common word capitalised at a sentence's start is no part of the name (not "Ван")
    if all(not t.text[:1].isupper() for t in tokens) and (phrase_head(tokens).lemma or "") in region_nouns():
        return None  # "районами" left of "Между районами": a kind of unit names none
    if len(tokens) == 1 and word_kind(tokens[0].lemma or "") == "settlement" and find_place(tokens[0].text) is None:
        return None  # "Города" opening "Города Владимир и Гомель подписали": the kind of the places after it
    tokens = without_instruments(tokens)
    if not tokens or ner_type == "LOC" and describes_a_thing(tokens, by_id):
        return None
    start, stop = tokens[0].start, tokens[-1].stop
    mention = Mention(start, stop, text[start:stop], "", tokens=tokens)
    before = previous_token(tokens[0], by_id)
    settlement = before is not None and names_a_settlement(before)
    if ner_type == "PER":
        # an editor's bracket inside the name: "с Андреем Юрьевичем [Воробьевым]"
        tokens = [t for t in tokens if t.text not in BRACKETS] or tokens
        if len(tokens) == 1 and word_kind(tokens[0].lemma or "") == "office":
            return None  # "Башкан заявил": a title opening a sentence names no one by itself
        governed = previous_token(before, by_id) if settlement else None
        mayor = governed is not None and is_office_word(governed) and is_personal_name(tokens, strict=True)  # "мэр города Лужков"
        if settlement and not mayor and (len(tokens) == 1 or not is_personal_name(tokens, strict=True)):
            mention.name = join_tokens(tokens)
            mention.type = "city"
        elif len(tokens) == 1 and (place := unit_named_as_person(tokens[0]) or (place_of_states_adjective(before, tokens[0]) if before is not None else None)) is not None:
            mention.name, mention.type = place.name, place.type  # "губернаторы Арарата, Лори, Котайка": a province
        elif len(tokens) == 1 or is_personal_name(tokens):
            mention.type = "person"
            name = normalize_name([t.text for t in tokens], cases_of_apposed_name(tokens, by_id), [t.feats.get("Number") == "Plur" for t in tokens])
            mention.name = join_words(name.split(), tokens) if len(name.split()) == len(tokens) else name  # "П. Качур"
            mention.name = GLUED_INITIAL.sub(r"\1. ", mention.name)  # "А.Кулешов" as "А. Кулешов"
        else:
            return None
    elif (before is not None and (before.lemma or "") in region_nouns() and not before.text[:1].isupper() and len(tokens) == 1
          and not names_a_region_before(before, by_id) and before.feats.get("Number") != "Plur"):
        # "уезда Вырумаа", "провинции Цзянси": the designation is part of a foreign place's name; "районов Дагестана"
        # are some districts of Dagestan
        mention.start = before.start
        mention.text = text[before.start : stop]
        mention.tokens = [before] + tokens
        mention.name = f"{before.lemma} {tokens[0].text}"
        mention.type = region_nouns()[before.lemma]
    elif len(tokens) == 2 and is_adjective(tokens[0]) and tokens[1].text[:1].isupper() and (kind := unit_noun(tokens[1])) is not None:
        # "Кентшинским Повятом": an adjective and the noun of a unit, the noun capitalised as a name's part
        gender = morph_vocab().parse(kind)[0].tag.gender or "masc"
        mention.name = f"{nominative_adjective(tokens[0].text, gender)} {kind}"
        mention.type = region_nouns()[kind]
    elif len(tokens) >= 2 and tokens[-1].lemma in region_nouns() and tokens[-2].pos == "PROPN" and "nomn" in cases_of(tokens[-2].text):
        # "Ховд аймака": a foreign name before its designation keeps its form, the designation is nominative (a name
        # declined before it is what the designation is of: "Народным Хуралом республики")
        mention.name = f"{join_tokens(tokens[:-1])} {tokens[-1].lemma}"
        mention.type = region_nouns()[tokens[-1].lemma]
    elif ner_type == "ORG" and is_non_actor(tokens, by_id):
        return None
    elif len(tokens) == 1 and (is_office_word(tokens[0]) or tokens[0].pos in NOT_NAME_POS) and find_place(tokens[0].text) is None:
        # "Аким Алматинской области ...", "Сегодня подписано ...": an office noun or an adverb capitalised at a
        # sentence's start names no one
        return None
    else:
        mention.name = nominative_name(in_conjuncts_case(tokens, by_id))
        if ner_type == "ORG":
            mention.name = sentence_case(mention.name, tokens, None, before)
        place = None if named_in_quotes(tokens, by_id) else find_place(mention.name) or find_place(mention.text) or place_and_its_state(tokens, before)
        if place is None and ner_type == "LOC" and len(tokens) == 1:
            place = place_of_word(tokens[0])  # "Котайка": a province the dictionary does not know, in an oblique case
        if place:
            mention.name, mention.type = place.name, place.type
        elif (ner_type == "ORG" or named_in_quotes(tokens, by_id) or word_kind(phrase_head(tokens).lemma or "") in ("body", "executive")
              or names_a_business(phrase_head(tokens).lemma or "")):  # "Борисовский райисполком", "Гомельский мясокомбинат" read as places
            mention.type = "organization"
        else:
            mention.type = "city" if settlement else place_type_from_morphology(tokens)
    return mention


def unit_named_as_person(token):
    """The region, district or state the gazetteer knows by a word the tagger took for a person's name, where the
    dictionary knows no person so named ("Котайка": Kotayk province); None otherwise."""
    if is_dictionary_name(token.text):
        return None
    return place_of_word(token, ("region", "district", "country"))


def place_of_word(token, types=PLACE_TYPES):
    """The place of one of the given types the gazetteer knows by any dictionary reading of the word, whatever case
    the guesser reads it in ("Котайка": Котайк, Kotayk province); None if none."""
    forms = dict.fromkeys([token.text] + [p.normal_form.capitalize() for p in morph_vocab().parse(token.text)])
    return next((place for form in forms if (place := find_place(form)) is not None and place.type in types), None)


def unit_noun(token) -> str | None:
    """The noun of a kind of unit (data/region_nouns.csv) the token is a form of, by the dictionary's readings of it
    ("Повятом": повят, which the tagger leaves as its own lemma); None if it is none."""
    return next((p.normal_form for p in morph_vocab().parse(token.text.lower()) if p.normal_form in region_nouns()), None)


def in_conjuncts_case(tokens, by_id) -> list:
    """The name's tokens; a one-word name coordinated with another name takes that name's case where the tagger gave
    it one the word cannot have: "с Вроцлавом (Польша), Вальдштадтом (Германия)" (tagged nominative, a guess the
    dictionary makes instrumental). Copies, so the sentence's own tokens keep their tags."""
    head = by_id.get(tokens[0].head_id) if len(tokens) == 1 and tokens[0].rel == "conj" else None
    own, theirs = tokens[0].feats.get("Case"), head.feats.get("Case") if head is not None and head.pos == "PROPN" else None
    words = {p.tag.case for p in morph_vocab().parse(tokens[0].text) if p.tag.POS == "NOUN"}
    if theirs is None or own == theirs or UD_CASE.get(own) in words or UD_CASE.get(theirs) not in words:
        return tokens
    token = copy(tokens[0])
    token.feats = {**tokens[0].feats, "Case": theirs}
    return [token]


def place_and_its_state(tokens, before):
    """The place a span names that ends with the place's state: after the word of its kind ("аймак Сэлэнгэ Монголии"
    tagged as "Сэлэнгэ Монголии"), or a region by its initials ("АРВМ КНР" tagged as an organisation); None otherwise."""
    if len(tokens) < 2 or (state := find_place(tokens[-1].lemma or "")) is None or state.type != "country":
        return None
    place = find_place(join_tokens(tokens[:-1]))
    if place is None or place.type == "country" or place.state != state.name_latin:
        return None
    return place if place.type == "region" and len(tokens) == 2 and tokens[0].text.isupper() or before is not None and (before.lemma or "") in region_nouns() else None


def nominative_name(tokens) -> str:
    """A place's or body's name in the nominative; each side of a dash alike, for a body with two names ("Государственным
    собранием — Курултаем Республики Башкортостан" -> "Государственное собрание — Курултай Республики Башкортостан")."""
    dash = next((i for i, t in enumerate(tokens) if t.text in DASHES and 0 < i < len(tokens) - 1), None)
    if dash is None:
        return normalize_phrase(tokens, phrase_head(tokens))
    return f"{nominative_name(tokens[:dash])} {tokens[dash].text} {nominative_name(tokens[dash + 1:])}"


NOT_NAME_POS = ("ADV", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "VERB")  # parts of speech no name is tagged as alone


def describes_a_thing(tokens, by_id) -> bool:
    """A lone place adjective that modifies a common noun of no place or body: "Смоленская и Херсонская школы" are
    two schools, no region."""
    head = by_id.get(tokens[0].head_id) if len(tokens) == 1 and tokens[0].pos == "ADJ" and tokens[0].rel == "amod" else None
    return (head is not None and head.pos == "NOUN" and not head.text[:1].isupper()
            and (head.lemma or "") not in region_nouns() and not word_kind(head.lemma or ""))


def names_a_region_before(noun, by_id) -> bool:
    """Whether the region noun ends a name before it: in "Ферганская область Узбекистана" "область" is Fergana's, and
    "Узбекистана" the state it lies in, not "область Узбекистана"."""
    adjective = previous_token(noun, by_id)
    return (adjective is not None and adjective.pos == "ADJ" and adjective.text[:1].isupper()
            and (adjective.lemma or "") not in state_adjectives())  # "Финская область Кюменлааксо" is Kymenlaakso


@lru_cache(maxsize=1)
def state_adjectives() -> dict[str, str]:
    """The state's ISO code of each adjective of a state (data/state_adjectives.csv)."""
    return {row["lemma"]: row["state"] for row in read_data("state_adjectives.csv")}


def names_a_business(lemma: str) -> bool:
    """A noun of data/company_markers.csv, alone or ending a compound ("мясокомбинат", "агрохолдинг")."""
    markers = read_words("company_markers.csv")
    return lemma in markers or any(len(m) >= 5 and lemma.endswith(m) for m in markers)


def towns_after_state_adjectives(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Mentions of the one-word places the tagger left out after an adjective of their state ("Грузинский Рустави стал
    городом-побратимом ...", "с польским Люблином"): the word is a place the gazetteer knows in that state, and no
    mention covers it."""
    found = []
    for adjective, word in zip(doc.tokens, doc.tokens[1:]):
        # (the adjective first: few words are one, and the covering test reads every mention)
        if (place_of_states_adjective(adjective, word) is not None and not any(m.start <= word.start < m.stop for m in mentions)
                and (mention := typed_mention([word], "LOC", doc.text, by_id))):
            found.append(mention)
    return found


def units_named_by_their_state(doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a unit named only by its kind and its state's adjective ("соглашение между нашей областью и китайской
    провинцией" after "провинции Ляонин"): the one place of that kind in that state the text names before it, where
    no name follows the words ("китайской провинции Хэйлунцзян" names its own); a plural noun names many."""
    found = []
    for adjective, noun in zip(doc.tokens, doc.tokens[1:]):
        state = place_by_id(state_adjectives().get((adjective.lemma or "").lower(), ""))
        kind = unit_noun(noun) if state is not None and not plural_word(noun) else None  # not "лидеров российских областей"
        if kind is None or any(m.start <= noun.start < m.stop or m.start >= noun.stop and not doc.text[noun.stop : m.start].strip()
                               for m in mentions):
            continue
        named = {m.place_id: m for m in mentions if m.stop <= adjective.start and m.place_id
                 and (place := place_by_id(m.place_id)) is not None and place.type == region_nouns()[kind] and place.state == state.name_latin}
        if len(named) == 1:
            (earlier,) = named.values()
            found.append(Mention(adjective.start, noun.stop, doc.text[adjective.start : noun.stop], earlier.type, earlier.name,
                                 tokens=[adjective, noun], place_id=earlier.place_id))
    return found


def place_of_states_adjective(adjective, word):
    """The town or region the gazetteer knows by a capitalised word in the state its adjective names ("с китайским
    Шэньчжэнем", which the tagger may take for a person's name); None otherwise."""
    state = place_by_id(state_adjectives().get((adjective.lemma or "").lower(), ""))
    if state is None or not word.text[:1].isupper() or not word.text.isalpha():
        return None
    place = find_place(word.text)
    return place if place is not None and place.type in ("city", "region") and place.state == state.name_latin else None


def places_the_tagger_missed(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Mentions of the regions and large towns the gazetteer names by a noun where the tagger found no name at all
    ("Приморье и провинция Северная Чхунчхон договорились ...", "Гродно стал городом-побратимом Твери": reading the
    whole article, it skipped them). A region's name is seldom anything else; a town's may be a person's or a word, so
    a town only where it has at least ``LARGE_TOWN`` people and no word of its name can be a name of a person
    ("Королёв", "Пушкин") or a word of the language ("Шахты", "Мир"); and only by a noun, since an adjective alone
    ("Московский зоопарк") names no place; and a word of the language ("Марка определится", not the Italian Marche) only
    where it is a region's kept short form ("Приморье", ``data/place_short_forms.csv``)."""
    covered = [(m.start, m.stop) for m in mentions] + [(span.start, span.stop) for span in doc.spans]
    found = []
    for start, stop, place in named_places(doc.text):
        if (place.type not in ("region", "city") or not doc.text[start].isupper() or any(a < stop and start < b for a, b in covered)
                or place.type == "city" and place.population < LARGE_TOWN):
            continue  # (tested first: most places the gazetteer finds are the tagger's already)
        tokens = [t for t in doc.tokens if start <= t.start and t.stop <= stop]
        if (not tokens or tokens[-1].pos not in ("NOUN", "PROPN")
                or len(tokens) == 1 and is_common_word(tokens[0].text) and lemma_key(tokens[0].text) not in short_form_keys()
                or place.type == "city" and any(is_common_word(t.text) or may_be_a_persons_name(t.text) for t in tokens)):
            continue
        if mention := typed_mention(tokens, "LOC", doc.text, by_id):
            found.append(mention)
    return found + towns_listed_beside_places(doc, mentions + found, by_id)


def towns_listed_beside_places(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Mentions of towns of any size the gazetteer names, where only a comma or "и" parts them from a place found
    ("Среди них Пуатье и Кассель": the list makes the smaller town a place too), unless a word of the name may be a
    person's or a word of the language."""
    covered = [(m.start, m.stop) for m in mentions] + [(span.start, span.stop) for span in doc.spans]
    places = [(m.start, m.stop) for m in mentions if m.type in PLACE_TYPES]
    listed = lambda a, b: listed_apart(doc.text[a:b])  # noqa: E731
    found = []
    for start, stop, place in named_places(doc.text):
        if (place.type != "city" or not doc.text[start].isupper() or any(a < stop and start < b for a, b in covered)
                or not any(listed(stop, a) or listed(b, start) for a, b in places if 0 < a - stop <= 4 or 0 < start - b <= 4)):
            continue
        tokens = [t for t in doc.tokens if start <= t.start and t.stop <= stop]
        if not tokens or tokens[-1].pos not in ("NOUN", "PROPN") or any(is_common_word(t.text) or may_be_a_persons_name(t.text) for t in tokens):
            continue
        if mention := typed_mention(tokens, "LOC", doc.text, by_id):
            found.append(mention)
    return found


def listed_apart(gap: str) -> bool:
    """Whether the text between two names is only what parts the items of a list: a comma, "и", or both."""
    return gap.strip() in (",", "и", ", и")


def may_be_a_persons_name(word: str) -> bool:
    """Whether the dictionary reads the word as a first name, surname or patronymic in any of its parses."""
    return any(NAME_GRAMMEMES & p.tag.grammemes for p in morph_vocab().parse(word.lower()))


@lru_cache(maxsize=1)
def short_form_keys() -> frozenset[str]:
    return frozenset(lemma_key(row["form"]) for row in read_data("place_short_forms.csv"))


def towns_after_abbreviations(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Mentions of the towns the tagger left out after the abbreviation of a kind of settlement ("с г. Самчёк"): a
    capitalised word right after "г." that no mention covers, where no number makes the abbreviation a year's ("в
    2010 г. Корсаков")."""
    found = []
    for abbreviation, point, word in zip(doc.tokens, doc.tokens[1:], doc.tokens[2:]):
        before = previous_token(abbreviation, by_id)
        if (not settlement_abbreviation(abbreviation) or point.text != "." or not word.text[:1].isupper() or not word.text.isalpha()
                or before is not None and before.pos == "NUM" or any(m.start <= word.start < m.stop for m in mentions)):
            continue
        mention = typed_mention([word], "LOC", doc.text, by_id)
        if mention is not None:
            mention.type = mention.type if mention.type in PLACE_TYPES else "city"
            found.append(mention)
    return found


def outside_the_name(tokens, text: str) -> bool:
    """The first word is the adjective of the state the rest of the name lies in: "Польский Гданьск", not
    "Северная Карелия" (the gazetteer's Karelia is another) or "Нижний Новгород"."""
    state = place_by_id(state_adjectives().get((tokens[0].lemma or "").lower(), ""))
    rest = find_place(text[tokens[1].start : tokens[-1].stop])
    return state is not None and rest is not None and rest.state == state.name_latin


@lru_cache(maxsize=1)
def non_actor_nouns() -> frozenset[str]:
    """Nouns of outlets, events and rankings (data/non_actor_nouns.csv)."""
    return frozenset(row["lemma"] for row in read_data("non_actor_nouns.csv"))


@lru_cache(maxsize=1)
def instrument_nouns() -> frozenset[str]:
    """The one-word nouns of agreements (data/agreement_terms.csv): "Меморандумы", capitalised in a list, name no actor."""
    return frozenset(row["lemma"] for row in read_data("agreement_terms.csv") if row["category"] == "noun" and " " not in row["lemma"])


def is_non_actor(tokens, by_id) -> bool:
    """A name headed by an outlet, event or ranking noun, or in quotes after one: "портал «Липецк-онлайн»"."""
    before = previous_token(tokens[0], by_id)
    while before is not None and before.text in QUOTES:
        before = previous_token(before, by_id)
    heads = [phrase_head(tokens)] + ([before] if before is not None else [])
    return any((t.lemma or "").lower() in non_actor_nouns() for t in heads)


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, str]:
    """Each noun that names a body as a source of news, with the preposition it must follow (data/source_nouns.csv)."""
    return {row["lemma"]: row["preposition"] for row in read_data("source_nouns.csv")}


def cited_as_source(first, by_id) -> bool:
    """Whether a body's name stands after a noun that only cites it: "пресс-служба | администрации области", "по
    данным | правительства региона"."""
    noun = previous_token(first, by_id)
    if noun is None or (noun.lemma or "").lower() not in source_nouns():
        return False
    preposition = source_nouns()[(noun.lemma or "").lower()]
    before = previous_token(noun, by_id)
    return not preposition or (before is not None and before.text.lower() == preposition)


def names_a_settlement(token) -> bool:
    """Whether the word is a noun of a kind of settlement ("города"), or a compound that starts with one ("городом-побратимом
    Аланьей": the tagger lemmatises the compound whole, so its first part is read by the dictionary)."""
    if word_kind(token.lemma or token.text) == "settlement":
        return True
    first, dash, _ = token.text.lower().partition("-")
    return bool(dash) and any(word_kind(p.normal_form) == "settlement" for p in morph_vocab().parse(first) if "NOUN" in p.tag)


def is_instrument_word(token) -> bool:
    """An agreement's noun, capitalised ("Меморандумы", "Меморандум"): the tagger takes it for a name and keeps its form as
    the lemma, so the dictionary reads it; so is a compound that ends in one ("Городами-побратимами" opening a sentence)."""
    return any(p.normal_form.rsplit("-", 1)[-1] in instrument_nouns() for p in morph_vocab().parse(token.text.lower()) if "NOUN" in p.tag)


def without_instruments(tokens) -> list:
    """The name's tokens less the agreement's nouns at either end: "Гомелем Меморандум" is Gomel, "Меморандумы" no one."""
    while tokens and is_instrument_word(tokens[0]):
        tokens = tokens[1:]
    while tokens and is_instrument_word(tokens[-1]):
        tokens = tokens[:-1]
    return tokens


def resolve_places(mentions: list[Mention]) -> None:
    """Give each place mention the gazetteer's id, and the gazetteer's name and type where the name was found; a
    town's name that more than one town bears is the one in a region the document names, where one is."""
    for m in mentions:
        place = find_place(m.name) if m.type in PLACE_TYPES else None
        if place:
            m.place_id, m.name, m.type = place.place_id, place.name, place.type
    # the regions the document's other names point to ("Луганск" beside "Свердловск")
    pointed = {(lemma_key(m.text), p.region or p.place_id) for m in mentions
               if m.place_id and (p := place_by_id(m.place_id)) and p.type in ("city", "region")}
    for m in [m for m in mentions if m.type == "city" and m.place_id and len(places_named(m.text)) > 1]:
        regions = {region for key, region in pointed if key != lemma_key(m.text)}
        if place_by_id(m.place_id).region not in regions and (place := place_in(m.text, regions)):
            m.place_id, m.name = place.place_id, place.name


def name_bodies_of_the_one_place(doc, mentions: list[Mention]) -> None:
    """Name an executive the text gives only by its kind and level ("правительство города", "администрации области",
    "правительство российского города") after the one place of that level (in that state, where an adjective names
    one) the document names: "В Санкт-Петербурге ... соглашение между правительством города и Санкт-Петербургской ТПП"
    is the city government's. A place counts where the name of a body of another sentence names it by its adjective
    ("Одесский городской совет ... Мэрия предложила": Odesa; in its own sentence such a body is the executive's
    partner, "подписали правительство области и Гродненский облисполком"), and not where the executive's own sentence
    names it as its partner ("Администрация города подписала соглашение с городом Батуми" is not Batumi's). Where the
    document names two or more, it stays as written."""
    levels = territory_levels()
    bodies = None  # (body, place) of each body that names its place: read only for a document with such an executive
    for m in mentions:
        words = m.name.split()
        lemmas = lemma_key(m.name).split()
        if (m.type != "organization" or len(words) > 3 or len(lemmas) != len(words)
                or word_kind(lemmas[0]) != "executive" or lemmas[-1] not in levels):
            continue
        state = place_by_id(state_adjectives().get(lemmas[1], "")) if len(words) == 3 else None
        if len(words) == 3 and state is None:
            continue  # "правительство соседней области": which one the text does not say
        sent = next((sn for sn in doc.sents if sn.start <= m.start < sn.stop), None)
        partners = {p.name for p in mentions if sent is not None and m.stop <= p.start < sent.stop
                    and PARTNER_BEFORE.search(doc.text[max(sent.start, p.start - 40) : p.start])}
        places = {p.name for p in mentions if p.place_id and p.name not in partners and of_level(place_by_id(p.place_id), levels[lemmas[-1]], state)}
        bodies = [(o, place) for o in mentions for place in places_of_bodies([o])] if bodies is None else bodies
        places |= {place.name for o, place in bodies if of_level(place, levels[lemmas[-1]], state)
                   and not (sent is not None and sent.start <= o.start < sent.stop)}
        # of those, the one the same word names ("правительство области" beside "Мурманская область" and "фюльке Финнмарк")
        worded = {name for name in places if lemmas[-1] in lemma_key(name).split()}
        if len(places) == 1 or len(worded) == 1:
            m.name = f"{words[0]} {genitive((worded if len(worded) == 1 else places).pop())}"


def of_level(place: Place | None, level: str, state: Place | None) -> bool:
    """Whether the place is of the level (place type), and in the state where one is given."""
    return place is not None and place.type == level and (state is None or place.state == state.name_latin)


# "с", "со" before a place, with its kind between: "с городом Батуми", "с грузинским городом-портом Батуми"
PARTNER_BEFORE = re.compile(r"(?:^|\s)со?\s+(?:[\w-]+\s+){0,2}$", re.I)


def places_of_bodies(mentions: list[Mention]) -> list[Place]:
    """The places the names of the bodies among the mentions hold (``territory_of``: "Одесский городской совет" is
    Odesa)."""
    return [place for m in mentions if m.type == "organization" and (place := territory_of(m.name)) is not None]


def bodies_named_in_full(mentions: list[Mention]) -> None:
    """Name a body the text gives bare ("Законодательное Собрание", "ЗС" spelt out) after the one body of the document
    whose name is the same words followed by its place ("Законодательное Собрание Иркутской области"): the text shortens
    a name it gives in full, before or after (the shortest, where the others only add to it). With two such names, or a
    bare name that alone names a state's body (data/state_body_names.csv: "Государственная Дума"), it stays as
    written."""
    places = [m for m in mentions if m.type in PLACE_TYPES]
    full = {}  # lemma key of each organisation's name that goes on to name a place inside its own words
    for m in mentions:
        if m.type == "organization" and any(m.start < p.start and p.stop <= m.stop for p in places):
            full.setdefault(lemma_key(m.name), set()).add(m.name)
    for m in mentions:
        key = lemma_key(m.name)
        if m.type != "organization" or len(key.split()) < 2 or key in read_words("state_body_names.csv", "name"):
            continue
        fuller = {k: names for k, names in full.items() if k.startswith(key + " ")}
        # the shortest, where the others only add to it ("... провинции Ляонин" and "... провинции Ляонин КНР")
        shortest = min(fuller, key=len, default="")
        if fuller and all(k.startswith(shortest) for k in fuller) and len(fuller[shortest]) == 1:
            m.aliases.add(m.name)
            m.name = next(iter(fuller[shortest]))


def bodies_named_by_their_noun(mentions: list[Mention]) -> None:
    """Name a body the text gives by its noun alone, capitalised ("между Правительством Ивановской области и Агентством")
    after the one body of the document whose name begins with that noun ("Агентство стратегических инициатив"): a press
    release shortens a name it gave in full. With two such bodies it stays as written."""
    named = {m.name for m in mentions if m.type == "organization"}
    for m in mentions:
        key = lemma_key(m.name)
        if m.type != "organization" or " " in key or not m.name[:1].isupper() or word_kind(key) not in ("body", "executive"):
            continue
        fuller = {name for name in named if lemma_key(name).startswith(key + " ")}
        if len(fuller) == 1:
            m.aliases.add(m.name)
            m.name = fuller.pop()


def name_places_of_a_state(mentions: list[Mention]) -> None:
    """Name a place the text gives only by its kind and state ("заключил соглашение с районом Молдовы") as the one
    place of that state below the state the document names, where there is one ("Дрокиевским районом Республики
    Молдова"); with none or several it stays as written."""
    for m in mentions:
        noun, _, rest = m.name.partition(" ")
        if m.place_id or m.type not in SUBNATIONAL_TYPES or noun.lower() not in region_nouns() or not rest:
            continue
        state = find_place(rest)
        if state is None or state.type != "country":
            continue
        named = {p.place_id: p for o in mentions if o.place_id and (p := place_by_id(o.place_id)) is not None
                 and p.type != "country" and p.state == state.state}
        if len(named) == 1:
            place = next(iter(named.values()))
            m.place_id, m.name, m.type = place.place_id, place.name, place.type


def named_in_quotes(tokens, by_id) -> bool:
    """The name stands in quotation marks after a common noun, so it names that thing, not a place:
    "клуб «Урал»", "завод «Липецк»" (but "город «Липецк»", "муниципальное образование «Кимрский район»" would still be
    the place)."""
    opening = previous_token(tokens[0], by_id)
    noun = previous_token(opening, by_id) if opening is not None and opening.text in QUOTES else None
    return (noun is not None and noun.pos == "NOUN" and word_kind(noun.lemma or "") != "settlement" and (noun.lemma or "") not in region_nouns()
            and (noun.lemma or "") not in read_words("unit_level_words.csv"))


def sentence_case(name: str, tokens, sent_tokens, before=None) -> str:
    """Lower-case a designation capitalised only because it opens the sentence.

    "Правительство Пензенской области" and "Министерство сельского хозяйства" are written in
    lower case anywhere else in a sentence; an adjective that opens a body's name keeps its capital
    ("Липецкая торгово-промышленная палата"), and so does a noun before a capitalised word that is
    not a place ("Совет Федерации") or a state's body ("Министерство промышленности Республики Беларусь").
    """
    first, rest = tokens[0], tokens[1:]
    opens_sentence = (sent_tokens[0] is first) if sent_tokens is not None else before is None
    # (an adjective the tagger calls a noun keeps its capital too: "Могилёвский облисполком одобрил ...")
    if not opens_sentence or first.pos not in ("NOUN", "PROPN") or first.text.isupper() or not is_common_word(first.text) or is_adjective(first):
        return name
    if any(t.text[:1].isupper() and (place := find_place(t.lemma or "")) and place.type == "country" for t in rest):
        return name  # a state's body keeps the capital of its official name: "Министерство ... Республики Беларусь"
    names_a_place = any((t.lemma or "") in region_nouns() or is_place_word(t.text) for t in rest)
    if not rest or not rest[0].text[:1].isupper() or names_a_place:
        return name[0].lower() + name[1:]
    return name


def previous_token(token, by_id):
    sent, index = token.id.split("_")
    return by_id.get(f"{sent}_{int(index) - 1}")


PARENTHESISED = re.compile(r"\s*\(([А-ЯЁA-Z]{2,6})\)")


def attach_parenthesised_abbreviations(mentions: list[Mention], text: str) -> None:
    """"(АСИ)" after a name is that name's abbreviation; the longest name ending there takes it."""
    ends = {}
    for m in mentions:
        if m.type != "person":
            ends.setdefault(m.stop, []).append(m)
    for stop, candidates in ends.items():
        match = PARENTHESISED.match(text, stop)
        if not match:
            continue
        owners = [m for m in candidates if match[1] in expansion_index([m.name])]
        if match and owners:
            max(owners, key=lambda m: m.stop - m.start).aliases.add(match[1])


def is_personal_name(tokens, strict: bool = False) -> bool:
    """At least one word is a known given name, surname or patronymic (or, unless ``strict``, an unknown capitalised word)."""
    for token in tokens:
        if not token.text[:1].isupper():
            continue
        parses = morph_vocab().parse(token.text)
        if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
            return True
        if not strict and all("UNKN" in p.tag or not p.is_known for p in parses):
            return True
    return False


def phrase_head(tokens):
    """The phrase's syntactic head: its first noun hung outside it (not "Борисовским" tagged PROPN); else its first noun,
    where the parser hangs an adjective outside ("Верховным (-> Республики) Хуралом (-> Верховным)"); else its first
    word hung outside it."""
    ids = {t.id for t in tokens}
    heads = [t for t in tokens if t.head_id not in ids]
    # a word of a place adjective's shape before a noun of its case modifies it, however tagged ("Шкловского | райсовета")
    modifiers = {t.id for t, after in zip(tokens, tokens[1:]) if ADJECTIVAL.search(t.text) and after.pos == "NOUN"
                 and after.feats.get("Case") == t.feats.get("Case")}
    nouns = [t for t in tokens if t.pos in ("NOUN", "PROPN") and not is_adjective(t) and t.id not in modifiers]
    noun_ids = {t.id for t in nouns}
    head = ([t for t in heads if t.id in noun_ids] or nouns or heads or tokens)[0]
    # a genitive complement is no head of a name with a noun before it: "Верховным Хуралом Республики Тыва", the parser
    # hanging the complement outside; "Шкловского райсовета депутатов", the parser hanging the noun before on it
    governing = [t for t in nouns if t.start < head.start and t.feats.get("Case") is not None and (
        t.feats.get("Case") != "Gen" or is_common_word(t.text))]  # a common noun, not "Шкловского" tagged a noun (or a surname)
    return governing[0] if head.feats.get("Case") == "Gen" and governing else head


def place_type_from_morphology(tokens) -> str:
    """The type a unit's noun gives ("область": region), or the level a word before it says, where it says one of a
    town or district ("Костомукшский городской округ" is a town's, not a region's; data/territory_levels.csv)."""
    head = phrase_head(tokens)
    found = region_nouns().get((head.lemma or "").lower(), "other")
    said = [territory_levels()[lemma] for t in tokens[: tokens.index(head)] if (lemma := (t.lemma or "").lower()) in territory_levels()]
    return said[-1] if found == "region" and said and said[-1] in ("city", "district") else found


@lru_cache(maxsize=1)
def region_noun_genders() -> dict[str, str]:
    """The gender of each noun of a unit of territory (data/region_nouns.csv), in which a list of adjectives sharing it
    is named."""
    return {row["lemma"]: row["gender"] for row in read_data("region_nouns.csv")}


MAX_ASIDE = 4  # tokens inside a parenthesis that a list of places steps over: "(РФ)", "(Республика Беларусь)"


def without_asides(tokens) -> list:
    """The tokens less short parenthetical asides with their brackets: "Курской (РФ) и Гомельской (Беларусь)
    областей" reads as "Курской и Гомельской областей"."""
    out, i = [], 0
    while i < len(tokens):
        close = next((j for j in range(i + 1, min(i + MAX_ASIDE + 2, len(tokens))) if tokens[j].text == ")"), None)
        if tokens[i].text == "(" and close is not None:
            i = close + 1
            continue
        out.append(tokens[i])
        i += 1
    return out


def nominative_adjective(word: str, gender: str) -> str:
    """The adjective in the nominative singular of ``gender`` ("Могилёвской", femn -> "Могилёвская"), its
    capital kept; the dictionary's normal form where it has no such form."""
    parses = morph_vocab().parse(word.lower())
    forms = (Parse.inflect(p, {"nomn", "sing", gender}) for p in parses if "ADJF" in p.tag)
    form = next((f for f in forms if f is not None), None)
    return match_case(form.word if form is not None else parses[0].normal_form, word)  # "Восточно-Казахстанская"


def plural_after(noun, adjective) -> bool:
    """The noun is plural, as tagged or as it may be read in the adjective's case: after a bracket the tagger can
    read "Черниговская (Украина) области" as a genitive singular, yet "области" is also the nominative plural."""
    if noun.feats.get("Number") == "Plur":
        return True
    # an adjective the tagger gave no case ("Северо-Казахстанская"), or one the word cannot be in ("Актюбинская" as a
    # genitive), may be read in any case the dictionary gives it
    tagged = UD_CASE.get(adjective.feats.get("Case", ""))
    cases = {p.tag.case for p in morph_vocab().parse(adjective.text.lower()) if "ADJF" in p.tag and p.tag.case}
    cases = {tagged} if tagged in cases else cases
    return any({"plur", case} <= p.tag.grammemes for case in cases for p in morph_vocab().parse(noun.text.lower()))


def singular_shared(noun, adjectives) -> bool:
    """A singular noun that news writes for two regions ("между Рязанской и Курской областью"): every adjective may
    be read in the noun's own case and number, feminine or masculine as the noun is."""
    case = UD_CASE.get(noun.feats.get("Case", ""))
    if case is None or noun.feats.get("Number") != "Sing":
        return False
    return all(any({"ADJF", "sing", case} <= p.tag.grammemes for p in morph_vocab().parse(a.text.lower())) for a in adjectives)


def coordinated_places(doc) -> list[Mention]:
    """"Брянская и Гомельская области": regions sharing one plural noun (with or without their states in
    brackets: "Курской (РФ) и Гомельской (Беларусь) областей"), two or more: "Марковского, Меловского и
    Новопсковского районов"; or a singular one, as headlines write it ("между Рязанской и Курской областью")."""
    found = []
    # read past short asides ("Курской (РФ) и Гомельской (Беларусь) областей"), and read inside them too:
    # "«Ярославна» (Курская и Сумская области)"
    readings = [t for sent in doc.sents for t in (without_asides(sent.tokens), sent.tokens)]
    for t in readings:
        found += coordinated_bodies(t, doc.text, found)
        for j, noun in enumerate(t[3:], 3):
            lemma = region_noun_lemma(noun)
            if lemma is None:
                continue
            # a word of level between the names and the noun is part of each name: "Ямало-Ненецким и
            # Ханты-Мансийским автономными округами"; so is another lower-case adjective where the gazetteer knows the
            # names with it: "Донецкой и Луганской народными республиками"
            gender = region_noun_genders()[lemma]
            level = t[j - 1] if is_adjective(t[j - 1]) and t[j - 1].text.islower() else None
            if level is not None and (level.lemma or "").lower() not in read_words("unit_level_words.csv") and not (
                    len(listed_adjectives(t, j - 2)) >= 2  # names listed before it, before asking the gazetteer
                    and find_place(f"{nominative_adjective(t[j - 2].text, gender)} {nominative_adjective(level.text, gender)} {lemma}")):
                level = None
            last = j - 2 if level is not None else j - 1
            adjectives = listed_adjectives(t, last)
            if len(adjectives) < 2 or not (plural_after(noun, t[last]) or singular_shared(noun, adjectives) and not town_named(adjectives[-1])):
                continue
            kind = f"{nominative_adjective(level.text, gender)} {lemma}" if level is not None else lemma
            for adj in reversed(adjectives):
                name = f"{nominative_adjective(adj.text, gender)} {kind}"
                stop = noun.stop if adj is t[last] else adj.stop
                if not any(m.start == adj.start for m in found):
                    found.append(Mention(adj.start, stop, doc.text[adj.start : stop], region_nouns()[lemma], name, tokens=[adj, noun]))
    return found


def town_named(token) -> bool:
    """Whether the word as written is a town's name that names no district with "район" but its centre's, as a headline's
    "Грозный и Московский район Минска" begins: the town and a district, not two districts sharing one singular noun
    (but "Советский и Московский район": towns of those names are few beside the districts so named)."""
    place = places().get(token.text.lower().replace("ё", "е"))
    district = find_place(f"{token.text} район") if place is not None and place.type == "city" else None
    return district is not None and district.place_id == f"{place.place_id}/district"


def region_noun_lemma(token) -> str | None:
    """The noun of a kind of region the token is a form of, whatever lemma the tagger chose ("округами" may be
    given the lemma "округа"); None if it is none."""
    return region_noun_of((token.lemma or "").lower(), token.pos, token.text.lower())


@lru_cache(maxsize=50_000)
def region_noun_of(lemma: str, pos: str, word: str) -> str | None:
    """``region_noun_lemma`` by the token's lemma, part of speech and lower-case text (cached: every word of a
    document is asked twice)."""
    if lemma in region_noun_genders():
        return lemma
    if pos != "NOUN":
        return None
    return next((p.normal_form for p in morph_vocab().parse(word) if p.normal_form in region_noun_genders()), None)


def guessed_adjective(word: str) -> bool:
    """Whether a word the dictionary does not know may be an adjective by its ending ("Мангистауской", which the guesser
    reads first as a noun)."""
    parses = morph_vocab().parse(word.lower())
    return not parses[0].is_known and any("ADJF" in p.tag for p in parses)


def listed_adjectives(t, last: int) -> list:
    """The capitalised adjectives that end at ``t[last]``, each after a comma or "и", last first: "Минским, Гомельским
    и Витебским" before the noun they share."""
    adjectives = []
    for i in range(last, -1, -2):
        if not (t[i].text[:1].isupper() and (is_adjective(t[i]) or guessed_adjective(t[i].text))):
            break
        adjectives.append(t[i])
        if i == 0 or t[i - 1].text.lower() not in ("и", ","):
            break
    return adjectives


def coordinated_bodies(t, text: str, found: list[Mention]) -> list[Mention]:
    """"с Минским, Гомельским и Витебским областными Советами депутатов", "Гомельского и Могилёвского облисполкомов":
    bodies sharing one plural noun, each its own body ("Минский областной Совет депутатов"), named by the places'
    adjectives before the word of level (if any), with the noun's genitive complements after it."""
    out = []
    for j, noun in enumerate(t):
        if j < 3 or word_kind(noun.lemma or "") not in ("body", "executive"):
            continue
        # the word of level, if any: "Гомельского и Могилёвского облисполкомов" have none
        level = t[j - 1] if is_adjective(t[j - 1]) and (t[j - 1].lemma or "").lower() in territory_levels() else None
        adjectives = listed_adjectives(t, j - 2 if level is not None else j - 1)
        if len(adjectives) < 2 or not plural_after(noun, adjectives[0]):
            continue
        gender = next((p.tag.gender for p in morph_vocab().parse(noun.lemma or "") if p.tag.POS == "NOUN" and p.tag.gender), "masc")
        tail = []
        for k in t[j + 1 :]:
            if k.feats.get("Case") != "Gen" or k.pos not in ("NOUN", "ADJ"):
                break
            tail.append(k)
        head = match_case(noun.lemma or noun.text, noun.text)
        words = [level] if level is not None else []
        for adj in reversed(adjectives):
            name = " ".join([nominative_adjective(w.text, gender) for w in [adj] + words] + [head] + [k.text for k in tail])
            stop = (tail[-1] if tail else noun).stop if adj is adjectives[0] else adj.stop
            if not any(m.start == adj.start for m in found + out):
                out.append(Mention(adj.start, stop, text[adj.start : stop], "organization", name, tokens=[adj, *words, noun], shared=True))
    return out


def body_mentions(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Bodies named by a common noun and a complement: "администрацией Измалковского района Липецкой области"."""
    found = []
    for sent in doc.sents:
        for token in sent.tokens:
            if word_kind(token.lemma or "") not in ("body", "executive"):
                continue
            phrase = body_phrase(token, sent.tokens, by_id)
            if phrase is None and token.rel == "nsubj" and token.feats.get("Number") == "Sing" and (token.lemma or "") in territory_levels():
                # "мэрия предложила", "горисполком утвердил": the executive of a place of its level the text names
                # (name_bodies_of_the_one_place), where it acts (in an office, "председатель облисполкома", it is the
                # office's)
                found.append(Mention(token.start, token.stop, token.text, "organization", (token.lemma or "").lower(), tokens=[token]))
                continue
            if phrase is None or names_an_act(token, phrase, sent.tokens):
                continue
            phrase = without_state(phrase, token, mentions, doc.text)
            start, stop = phrase[0].start, phrase[-1].stop
            places = distributed_places(phrase, token, mentions)
            if places:  # one body of each place, all on the phrase's span
                # less the noun of the places' kind after the body's ("администрациями городов Курск и Гомель")
                own = [t for t in phrase if t.stop <= places[0].start and t.pos != "CCONJ" and not (
                    t.start > token.start and (word_kind(t.lemma or "") == "settlement" or (t.lemma or "") in region_nouns()))]
                base = normalize_phrase(own, token, singular=True)
                found += [Mention(start, stop, doc.text[start:stop], "organization", f"{base[:1].lower()}{base[1:]} {genitive(p.name)}",
                                  tokens=phrase, shared=True, body_of=p.name) for p in places]
                continue
            if plural_word(token) and not any(t.text[:1].isupper() for t in phrase[1:]):
                continue  # "главы администраций районов": bodies of some places, no one body
            named = without_asides(phrase)
            name = sentence_case(normalize_phrase(named, token), named, sent.tokens)
            found.append(Mention(start, stop, doc.text[start:stop], "organization", name, tokens=phrase))
    return found


def names_an_act(head, phrase, sent_tokens) -> bool:
    """A noun of data/act_nouns.csv, in lower case, before a plural common noun names the act, not a body:
    "представительство липецких предприятий в ДНР", "объединение усилий" (but "представительство Тверской области")."""
    if (head.lemma or "") not in read_words("act_nouns.csv", "lemma") or (head.text[:1].isupper() and head is not sent_tokens[0]):
        return False
    after = phrase[phrase.index(head) + 1 :]
    noun = next((t for t in after if t.pos in ("NOUN", "PROPN")), None)
    following = after[after.index(noun) + 1 :] if noun is not None else []
    return (noun is not None and noun.pos == "NOUN" and not noun.text[:1].isupper() and noun.feats.get("Number") == "Plur"
            and not (following and following[0].text in QUOTES))  # "объединение предприятий «Агропром»" is a body


def distributed_places(phrase, head, mentions: list[Mention]) -> list[Mention]:
    """The places an executive's noun, or a plural body's, is shared out among: "между правительствами Кемеровской
    области и Алтайского края", "Администрации Курска и Орла" are the government of each; [] for one place or a
    singular body of several ("Совет регионов Беларуси и России")."""
    plural = plural_word(head)  # "с законодательными собраниями Калужской области и Краснодарского края", "думами городов"
    if word_kind(head.lemma or "") != "executive" and not plural or not any(t.text.lower() in ("и", ",") for t in phrase if t.start > head.start):
        return []  # an executive is one territory's; a council or union may be of two ("Совет регионов Беларуси и России")
    inside = [m for m in mentions if m.type in TYPED_PLACES and head.stop <= m.start and m.stop <= phrase[-1].stop]
    outer = [m for m in inside if not any(o is not m and o.start <= m.start and m.stop <= o.stop for o in inside)]
    return sorted(outer, key=lambda m: m.start) if len(outer) >= 2 else []


def without_state(phrase, head, mentions: list[Mention], text: str) -> list:
    """The phrase less a state named right after the region or town the head governs: "правительство
    Ленинградской области | Российской Федерации" is the region's government; "Министерство ... Республики
    Беларусь" and "комитет по подготовке Дней ... в уезде Вырумаа Эстонской Республики" keep their state."""
    after_head = phrase[phrase.index(head) + 1].start if phrase[-1] is not head else None
    inside = [m for m in mentions if phrase[0].start <= m.start and m.stop <= phrase[-1].stop]
    state = next((m for m in inside if m.type == "country" and m.stop == phrase[-1].stop), None)
    place = next((m for m in inside if state is not None and m.start == after_head and m.type in SUBNATIONAL_TYPES
                  and not text[m.stop : state.start].strip()), None)
    return phrase if place is None else [t for t in phrase if t.stop <= place.stop]


def body_phrase(head, sent_tokens, by_id):
    """The head noun with its adjectives and its contiguous complement, or None if it has neither name nor complement."""
    index = sent_tokens.index(head)
    left = index
    while left > 0 and sent_tokens[left - 1].pos == "ADJ" and cases_of(sent_tokens[left - 1].text) & cases_of(head.text):
        left -= 1
    right = index
    while right + 1 < len(sent_tokens):
        following = sent_tokens[right + 1]
        if following.text == "," and lists_complements(sent_tokens, right + 1, head, by_id):
            right += 1  # "министерство промышленности, торговли и развития предпринимательства"
            continue
        if (right == index or sent_tokens[right].feats.get("Case") == "Gen") and genitive_region_at(sent_tokens, right + 1):
            # "и Акиматом Алматинской области", "министерством культуры Астраханской области": the region the parser
            # hung elsewhere is still the body's complement
            right += 2
            continue
        if ((following.text == "," or following.text == "и" and sent_tokens[right].pos in ("NOUN", "PROPN")) and right > index
                and head.feats.get("Number") == "Plur" and word_kind(head.lemma or "") == "executive" and genitive_region_at(sent_tokens, right + 2)):
            # "правительствами Республики Башкортостан, Курской области", "... Башкортостан и Курской области": one
            # executive of each place listed (not "правительствами Пензенской | и Ульяновской областей", one noun shared)
            right += 3
            continue
        if following.text == "(" and (close := aside_before_complement(sent_tokens, right + 1, head, by_id)):
            right = close + 1  # "Народным Хуралом (Парламентом) Калмыкии": the aside is left out of the name
            continue
        if following.pos == "ADJ" and (noun := complement_after_adjectives(sent_tokens, right + 1, head, by_id)):
            right = noun  # "управлением культуры Могилевского | областного исполнительного комитета": the parser hung an adjective elsewhere
            continue
        if not (descends_from(following, head, by_id) and following.pos in ("NOUN", "PROPN", "ADJ", "ADP", "CCONJ")):
            break
        if following.text.lower() in TOPIC_PREPOSITIONS:
            break  # "соглашение с министерством | о ремонте дорог": what the agreement is about, no part of a body's name
        # "и" right after the head joins another head ("райисполком и муниципальный округ"), not a complement
        if following.pos == "CCONJ" and (right == index or starts_another_body(sent_tokens, right + 2) or changes_case(sent_tokens, right)):
            break
        right += 1
    # "... Кировского района г." before a full stop: the abbreviation of "город" whose name the stop cut off
    while right > index and (sent_tokens[right].pos in ("ADP", "CCONJ", "ADJ") or sent_tokens[right].text.lower() in ("г", "гор")):
        right -= 1
    right = quoted_name_after(sent_tokens, right)
    has_complement = right > index and any(t.pos in ("NOUN", "PROPN") for t in sent_tokens[index + 1 : right + 1])
    # At a sentence's start a capital proves nothing, unless the adjective is a place's ("Киевская областная администрация")
    proper = left < index and sent_tokens[left].text[:1].isupper() and (left > 0 or find_place(sent_tokens[left].text) is not None)
    if not has_complement and not proper:
        return None
    return sent_tokens[left : right + 1]


MAX_QUOTED_NAME = 8  # words of an association's quoted name
TOPIC_PREPOSITIONS = {"о", "об", "обо"}  # a topic; bodies are named with "по" ("комитет по туризму"), never with "о"


def quoted_name_after(tokens, right: int) -> int:
    """The index of the closing quote of a name that follows an association's noun at ``right`` ("партии «Союз правых
    сил»", data/named_associations.csv), else ``right``."""
    if right + 1 >= len(tokens) or tokens[right + 1].text not in QUOTES or (tokens[right].lemma or "") not in read_words("named_associations.csv"):
        return right
    close = next((j for j in range(right + 2, min(right + 2 + MAX_QUOTED_NAME, len(tokens))) if tokens[j].text in QUOTES), None)
    return close if close is not None else right


def aside_before_complement(tokens, i: int, head, by_id) -> int:
    """The index of the bracket that closes a short aside opened at ``i``, where the head's genitive complement follows
    it ("Народным Хуралом (Парламентом) Калмыкии"); else 0."""
    close = next((j for j in range(i + 1, min(i + MAX_ASIDE + 2, len(tokens))) if tokens[j].text == ")"), 0)
    after = tokens[close + 1] if close and close + 1 < len(tokens) else None
    # the parser may hang the place elsewhere ("делегация Верховного Хурала (парламента) | Тувы"): a place's name still is
    of_head = after is not None and (descends_from(after, head, by_id) or after.pos == "PROPN" and find_place(after.text) is not None)
    return close if of_head and after.feats.get("Case") == "Gen" else 0


def complement_after_adjectives(tokens, i: int, head, by_id) -> int:
    """The index of the noun that the adjectives from ``i`` on, all in its case, end on, where it is the head's
    complement: the parser's, or a body's or region's noun in the genitive after a genitive complement ("управлением
    спорта и туризма | Брестского областного исполнительного комитета", the committee hung on another noun); else 0."""
    j = i
    while j < len(tokens) and tokens[j].pos == "ADJ" and tokens[j].feats.get("Case") == tokens[i].feats.get("Case"):
        j += 1
    if not (j < len(tokens) and tokens[j].pos in ("NOUN", "PROPN") and tokens[j].feats.get("Case") == tokens[i].feats.get("Case")):
        return 0
    lemma = tokens[j].lemma or ""
    complement = descends_from(tokens[j], head, by_id) or (
        tokens[j].feats.get("Case") == "Gen" == tokens[i - 1].feats.get("Case") and tokens[i - 1].pos == "NOUN"
        and (word_kind(lemma) in ("body", "executive") or lemma in region_nouns()))
    return j if complement else 0


def genitive_region_at(tokens, i: int) -> bool:
    """Whether a place adjective and a territorial noun, both genitive, start at ``i`` ("Алматинской области"); the
    noun may be read so (the tagger takes "области" after a comma for a locative)."""
    return (i + 1 < len(tokens) and tokens[i].pos == "ADJ" and tokens[i].feats.get("Case") == "Gen"
            and (tokens[i + 1].lemma or "") in region_nouns() and "gent" in cases_of(tokens[i + 1].text.lower()))


def lists_complements(tokens, comma: int, head, by_id) -> bool:
    """A comma inside a list of genitive complements of ``head``, closed by "и" within a few words."""
    after = tokens[comma + 1] if comma + 1 < len(tokens) else None
    return (after is not None and after.pos == "NOUN" and after.feats.get("Case") == "Gen" and descends_from(after, head, by_id)
            and any(t.pos == "CCONJ" for t in tokens[comma + 2 : comma + 6]))


def starts_another_body(tokens, i: int) -> bool:
    """Whether a body's or a company's name starts at ``i`` ("Правительство Башкирии | и ПАО «Газпром нефть»")."""
    while i < len(tokens) and tokens[i].pos == "ADJ":
        i += 1
    return i < len(tokens) and (word_kind(tokens[i].lemma or "") in ("body", "executive") or names_a_business((tokens[i].lemma or "").lower()))


def changes_case(tokens, i: int) -> bool:
    """After "и", a noun in another case than the one before it starts a new phrase
    ("Министерство ... Карелия | и региональный союз"), a noun in the same case continues it
    ("министерство промышленности и торговли")."""
    before = next((t for t in reversed(tokens[: i + 1]) if t.pos in ("NOUN", "PROPN")), None)
    after = next((t for t in tokens[i + 2 :] if t.pos in ("NOUN", "PROPN")), None)
    return before is not None and after is not None and before.feats.get("Case") != after.feats.get("Case")


def descends_from(token, ancestor, by_id) -> bool:
    """Whether ``ancestor`` is above ``token`` in the tree (not the token itself)."""
    return reaches(by_id.get(token.head_id), ancestor, by_id)


def drop_nested_organizations(mentions: list[Mention]) -> list[Mention]:
    """An organisation inside a longer organisation is part of its name, not another actor."""
    orgs = [m for m in mentions if m.type == "organization"]
    kept = []
    for m in mentions:
        inside = any(o is not m and o.start <= m.start and m.stop <= o.stop and (o.stop - o.start) > (m.stop - m.start) for o in orgs)
        same_words = [o for o in orgs if o is not m and (o.start, o.stop) == (m.start, m.stop)]
        # the bodies of a shared-out plural noun replace any other name of their words, and stay side by side
        duplicate = (not m.shared and any(o.shared for o in same_words)) or any(
            (o.start, o.stop) == (m.start, m.stop) and o.type == m.type and not (o.shared and m.shared) for o in kept)
        if (m.type == "organization" and inside) or duplicate:
            continue
        kept.append(m)
    return kept


def initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if len(w) > 2 or w[:1].isupper())


def expansion_index(names) -> dict[str, str]:
    """Runs of two to six words of each name, by their initials ("ТПП": "торгово-промышленная палата"), each as the
    name spells it (hyphens included)."""
    index = {}
    for name in names:
        parts = SEPARATORS.split(name.strip(" -"))  # words and, between them, what separates them in the name
        words = parts[::2]
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                index.setdefault(initials(words[i:j]), "".join(parts[2 * i : 2 * j - 1]))
    return index


SEPARATORS = re.compile(r"([\s-]+)")


@lru_cache(maxsize=1)
def federal_short_names() -> dict[str, str]:
    """Each federal body's short name (lower case, ё as е) and its name spelt out (data/federal_short_names.csv)."""
    return {row["short"]: row["long"] for row in read_data("federal_short_names.csv")}


def expand_abbreviations(mentions: list[Mention], index: dict[str, str] | None = None) -> None:
    """Spell out abbreviations inside names ("Липецкая ТПП" -> "Липецкая торгово-промышленная палата")."""
    longhand = {a: m.name for m in mentions for a in m.aliases if m.type != "person"}
    abbreviated = any(ABBREVIATION.match(w) for m in mentions if m.type != "person" for w in m.name.split())
    if index is None:
        index = expansion_index(m.name for m in mentions if m.type != "person") if abbreviated else {}
    for m in mentions:
        if m.type == "person":
            continue
        words = m.name.split()
        if len(words) == 1 and words[0] in longhand and longhand[words[0]] != m.name:
            m.aliases.add(m.name)
            m.name, m.type = longhand[words[0]], "organization"
            continue
        short = words[0].lower().replace("ё", "е")
        changed = short in federal_short_names()
        if changed:  # "Минспорт РФ": "Министерство спорта РФ"
            words[:1] = [federal_short_names()[short]]
        for i, word in enumerate(words):
            place = find_place(word) if ABBREVIATION.match(word) else None
            if i > 0 and place is not None and place.type == "region" and place.name.lower() != word.lower():
                words[i] = genitive(place.name)  # "акимат ВКО": a region's initials the gazetteer knows, spelt out
                changed = True
                continue
            expanded = index.get(word) if ABBREVIATION.match(word) and place is None else None
            if expanded and expanded != m.name:
                words[i] = expanded[0].lower() + expanded[1:] if i > 0 else expanded
                if i > 0 and find_place(expanded) is not None:
                    words[i] = genitive(expanded)  # "акимат ЗКО": "акимат Западно-Казахстанской области"
                gender = head_gender(expanded)
                if gender:  # "Могилёвской ТПП": the adjectives before it agree with the spelt-out noun, in the nominative
                    words[:i] = [nominative_adjective(w, gender) if is_adjective_word(w) else w for w in words[:i]]
                changed = True
        if changed:
            m.aliases.add(m.name)
            m.name = " ".join(words)
            m.type = "organization" if m.type == "other" else m.type
            if len(words) == 1 and len(m.text) >= 3 and (place := find_place(m.name)) is not None:
                # "ВКО" beside "Восточно-Казахстанская область": the place, whatever the tagger called it; not two letters,
                # which stand for too many things ("СК" beside "Ставропольский край" may be the Investigative Committee)
                m.type = place.type


def is_adjective_word(word: str) -> bool:
    return "ADJF" in morph_vocab().parse(word.lower())[0].tag


def head_gender(phrase: str) -> str:
    """The gender of the first noun of a phrase ("торгово-промышленная палата": femn); '' if it has none."""
    for word in phrase.split():
        parse = morph_vocab().parse(word.lower())[0]
        if "NOUN" in parse.tag and parse.tag.gender:
            return parse.tag.gender
    return ""


def person_key(name: str) -> str:
    return name.lower().replace("ё", "е")


# an ending a name takes in an oblique case, or stands in its nominative with ("Гарсия", "Цзюнь")
INFLECTION = re.compile(r"(?:ами|ями|ому|ему|ого|его|ом|ем|ой|ей|ым|им|ью|а|я|ы|и|у|ю|е|о|ь|й)$")


def spelling_key(name: str) -> tuple[str, ...]:
    """The name's words less their endings: "Алана Гарсии" and "Алан Гарсия" share it."""
    return tuple(INFLECTION.sub("", word.lower().replace("ё", "е")) for word in name.split())


def is_dictionary_name(word: str) -> bool:
    return any(p.is_known and NAME_GRAMMEMES & p.tag.grammemes for p in morph_vocab().parse(word))


def oblique(word: str) -> bool:
    """Whether pymorphy's likeliest reading of the word is a case other than the nominative ("Ганбатом")."""
    case = morph_vocab().parse(word.lower())[0].tag.case
    return case is not None and case != "nomn"


def adopt_written_nominatives(persons: list[Mention]) -> None:
    """A foreign name put in the nominative from its ending alone takes the spelling the same text gives it in
    the nominative, where the words' stems are the same ("Алана Гарсии" -> "Алан Гарсия", not "Алан Гарсии"):
    pymorphy declines Russian names itself, but an unknown name's nominative cannot be told from one oblique
    form. A stem written two ways in the nominative (two people) decides nothing."""
    written: dict[tuple, set] = {}
    for m in persons:
        if len(m.name.split()) >= 2 and " ".join(m.text.split()) == m.name:
            written.setdefault(spelling_key(m.name), set()).add(m.name)
    for key, spellings in written.items():
        # a name the tagger left in its case is written too ("Цэрэндоржем Ганбатом" beside "Цэрэндорж Ганбат"): the
        # spelling whose last word is no oblique form is the nominative
        nominative = {name for name in spellings if not oblique(name.split()[-1])}
        if len(spellings) > 1 and len(nominative) == 1:
            written[key] = nominative
    for m in persons:
        spellings = written.get(spelling_key(m.name), set())
        if len(spellings) == 1 and m.name not in spellings and not is_dictionary_name(m.name.split()[-1]):
            m.aliases.add(m.name)
            m.name = next(iter(spellings))


def one_person(full_names: list[str]) -> list[str]:
    """The full names less those another gives with a patronymic too: "Борис Ельцин" and "Борис Николаевич Ельцин" are
    one man, named by the longer."""
    identity = lambda name: (person_key(name.split()[0]), person_key(name.split()[-1]))
    longest = {}
    for name in full_names:
        if len(name.split()) > len(longest.get(identity(name), "").split()):
            longest[identity(name)] = name
    return [longest[identity(name)] for name in full_names]


def resolve_persons(mentions: list[Mention]) -> None:
    """Give a surname alone, or a first name with patronymic, the full name it stands for.

    A lone word that matches no full name and is no known name is not a person
    ("Псковстат"); it is removed.
    """
    persons = [m for m in mentions if m.type == "person"]
    adopt_written_nominatives(persons)
    full = {}
    for m in persons:
        words = m.name.split()
        if len(words) >= 2 and not is_patronymic(words[-1]) and not INITIAL.match(words[0]):  # "А. Кодири" is no full name
            full.setdefault(person_key(m.name), m.name)
    full_names = list(full.values())
    for m in persons:
        if person_key(m.name) in full:
            whole = one_person(full_names + [m.name])[-1]  # "Борис Ельцин" beside "Борис Николаевич Ельцин"
            if whole != m.name:
                m.aliases.add(m.name)
                m.name = whole
            continue
        words = GLUED_INITIAL.sub(r"\1. ", m.text).split()
        surname = [f for f in full_names if surname_key(f.split()[-1]) == surname_key(words[-1])] or [
            f for f in full_names if not is_dictionary_name(words[-1]) and spelling_key(f.split()[-1]) == spelling_key(words[-1])]
        first = [f for f in full_names if person_key(f.split()[0]) == person_key(m.name.split()[0])]
        # "А.Кодири" (or "В.В.Путин") after "Абдурахмон Кодири": the full name of that surname whose first name has that initial
        initialled = len(words) >= 2 and all(INITIAL.match(w) for w in words[:-1])
        candidates = one_person([f for f in surname if f[:1] == words[0][:1]] if initialled else surname if len(words) == 1 and surname else first)
        if len(set(candidates)) == 1:
            m.aliases.add(m.name)
            m.name = candidates[0]
        elif len(words) == 1 and (place := place_named_elsewhere(m, mentions)) is not None:
            # "Воеводина — житница Сербии" in an article about "Автономный край Воеводина": the place, not a Воеводин
            m.name, m.type = place.name, place.type
        elif len(words) == 1 and not is_personal_name(m.tokens, strict=True):
            mentions.remove(m)


def place_named_elsewhere(m: Mention, mentions: list[Mention]):
    """The place a lone word tagged as a person names, where another mention of the article names that place."""
    place = find_place(m.text)
    return place if place is not None and any(
        o is not m and o.type != "person" and (found := find_place(o.name)) is not None and found.place_id == place.place_id
        for o in mentions) else None


@lru_cache(maxsize=1)
def office_verbs() -> dict[str, str]:
    """Words that give a person an office outside apposition, and how (link, holds, post)."""
    return {row["lemma"]: row["kind"] for row in read_data("office_verbs.csv")}


def is_office_word(token) -> bool:
    return word_kind(token.lemma or "") == "office"


@lru_cache(maxsize=1)
def namesake_nouns() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_data("namesake_nouns.csv"))


GENERATION_YEARS = 25  # a clause set this many years back or more tells of history, not of the article's events


def long_ago(m: Mention, ago: list, by_id) -> bool:
    """The person is the subject of a clause set decades back: "85 лет назад ставил свои рекорды ... Алексей Стаханов".
    ``ago`` are the document's tokens "назад"."""
    ids = {t.id for t in m.tokens}
    subject = next((t for t in m.tokens if t.head_id not in ids), None)
    if subject is not None and subject.rel == "appos":
        subject = by_id.get(subject.head_id)  # "уроженец Измалковского района Алексей Стаханов"
    verb = by_id.get(subject.head_id) if subject is not None and subject.rel.startswith("nsubj") else None
    if verb is None:
        return False
    for token in (t for t in ago if descends_from(t, verb, by_id)):
        years = previous_token(token, by_id)
        number = previous_token(years, by_id) if years is not None and years.lemma == "год" else None
        if number is not None and number.text.isdigit() and int(number.text) >= GENERATION_YEARS:
            return True
    return False


def named_after(m: Mention) -> bool:
    """Whether the name is in a case a thing is named after someone in: genitive ("музей Пушкина", "улица Ленина") or
    dative ("памятник Юрию Долгорукому"); "директор Художественного музея | Пётр Хрисанов" is the director."""
    return name_case([t.text for t in m.tokens], tagged_cases(m.tokens)) in ("gent", "datv")


def drop_namesakes(mentions: list[Mention], by_id) -> list[Mention]:
    """Leave out a person named only after "имени", "родина", "памятник", ... (data/namesake_nouns.csv):
    the school, town or monument is named after him, he does not act in the article; and one who acts
    only decades before it."""
    ago = [t for t in by_id.values() if t.lemma == "назад"]

    def namesake(m: Mention) -> bool:
        before = previous_token(m.tokens[0], by_id) if m.tokens else None
        return (before is not None and ((before.lemma or "").lower() in namesake_nouns() or before.text.lower() in namesake_nouns())
                and named_after(m) or bool(m.tokens) and long_ago(m, ago, by_id))
    persons = {}
    for m in mentions:
        if m.type == "person":
            persons.setdefault(m.name, []).append(m)
    dropped = {id(m) for group in persons.values() if all(namesake(m) for m in group) for m in group}
    return [m for m in mentions if id(m) not in dropped]


def assign_roles(sent_tokens, mentions: list[Mention]) -> None:
    """Read the office of each person mentioned in the sentence from the words around the name,
    then share a plural office among the names listed after it."""
    ids = [t.id for t in sent_tokens]
    by_id = {t.id: t for t in sent_tokens}
    persons = sorted((m for m in mentions if m.type == "person" and m.tokens and m.tokens[0].id in ids), key=lambda m: m.start)
    found = {}
    for m in persons:
        first = ids.index(m.tokens[0].id)
        last = ids.index(m.tokens[-1].id)
        role_tokens = office_before(sent_tokens, first, mentions, by_id) or office_after(sent_tokens, last, m, mentions) or office_predicate(m, sent_tokens, by_id)
        role_tokens = before_kin(role_tokens, sent_tokens, m)
        if role_tokens:
            found[id(m)] = role_tokens
            set_role(m, role_tokens, mentions)
    for before, m in zip(persons, persons[1:]):
        if id(before) in found and id(m) not in found and (phrase := own_complement_of_plural_office(before, m, found[id(before)], sent_tokens, ids)):
            # "губернаторы Курской области Роман Старовойт и Белгородской области Вячеслав Гладков": the plural office
            # with the body or place written before the second name
            found[id(m)] = phrase
            set_role(m, phrase, mentions)
            m.affiliation = affiliation_in(phrase[1:], mentions)  # its own words, not the first name's between
    for run in listed_persons(persons, sent_tokens, ids):
        role_tokens = found.get(id(run[0]))
        office = next((t for t in role_tokens or [] if is_office_word(t)), None)
        if office is None or any(id(m) in found for m in run[1:]):
            continue
        if of_several(office, sent_tokens) or plural_for_names(office, run[0]):
            share_office(run, role_tokens, mentions)
        elif len(offices := coordinated_offices(role_tokens, sent_tokens)) == len(run):
            for person, phrase in zip(run, offices):
                set_role(person, phrase, mentions)


def before_kin(role_tokens, sent_tokens, person: Mention) -> list:
    """The office words before a noun of kinship (data/kinship_nouns.csv), less the "и" or comma that joins them to
    it, where they hold an office: "министр культуры и дочь главы республики" is "министр культуры", the rest the
    father's; [] where none is left, or where the office follows the noun in another case than the name ("дочь
    действующего президента Иванка Трамп"; but "брата президента Джона Кеннеди" names the president). A capital is a
    name's ("Братья-мусульмане"), no kin."""
    def kin(t) -> bool:
        return t.pos == "NOUN" and t.text[:1].islower() and (t.lemma or "").lower() in read_words("kinship_nouns.csv")
    start = sent_tokens.index(role_tokens[0]) if role_tokens else 0
    if start and kin(sent_tokens[start - 1]):
        office = next((t for t in role_tokens if is_office_word(t)), None)
        named_case = name_case([t.text for t in person.tokens], tagged_cases(person.tokens))
        return [] if office is not None and UD_CASE.get(office.feats.get("Case", "")) != named_case else role_tokens
    at = next((i for i, t in enumerate(role_tokens) if kin(t)), None)
    if at is None:
        return role_tokens
    kept = role_tokens[:at]
    while kept and kept[-1].pos in ("CCONJ", "PUNCT"):
        kept = kept[:-1]
    return kept if any(is_office_word(t) for t in kept) else []


def own_complement_of_plural_office(first: Mention, second: Mention, role_tokens, sent_tokens, ids) -> list:
    """The office phrase of the second of two names a plural office heads, each name after its own genitive body or
    place ("председатели Госсовета Крыма X и Заксобрания Севастополя Y"): the office word and the second's genitive
    words; [] where the words between the names are not "и" or a comma and such a phrase."""
    office = next((t for t in role_tokens if is_office_word(t)), None)
    if office is None or not of_several(office, sent_tokens):
        return []
    end, start = ids.index(first.tokens[-1].id), ids.index(second.tokens[0].id)
    between = sent_tokens[end + 1 : start]
    phrase = between[1:]
    if not phrase or between[0].text not in (",", "и") or len(phrase) > MAX_ROLE_TOKENS or any(
            is_office_word(t) or t.feats.get("Case") != "Gen" or t.pos not in ("ADJ", "NOUN", "PROPN") for t in phrase):
        return []
    return [office] + phrase


def plural_for_names(office, person: Mention) -> bool:
    """Whether an office the tagger reads as singular can only be plural in the case of the names it lists: "Главы МИД
    России и Китая Сергей Лавров и Ли Чжаосин" (a sentence's first word, tagged as a genitive singular)."""
    case = name_case([t.text for t in person.tokens], tagged_cases(person.tokens))
    numbers = {p.tag.number for p in morph_vocab().parse(office.text.lower()) if p.tag.case == case and p.tag.POS == "NOUN"}
    return numbers == {"plur"}


def coordinated_offices(role_tokens, sent_tokens) -> list[list]:
    """The offices joined by commas and "и" that end in a name's office, in order, each in the office's case: "Президент
    России и премьер-министр Армении | Владимир Путин и Никол Пашинян" lists one office for each name."""
    office = first_office(role_tokens)
    offices, at = [role_tokens], sent_tokens.index(role_tokens[0])
    while at > 1 and sent_tokens[at - 1].text.lower() in (",", "и"):
        end = at - 1
        i = end - 1
        while i >= 0 and end - i <= MAX_ROLE_TOKENS and not is_office_word(sent_tokens[i]) and sent_tokens[i].pos in ROLE_INNER_POS:
            i -= 1
        if i < 0 or not is_office_word(sent_tokens[i]) or not cases_of(sent_tokens[i].text) & cases_of(office.text):
            break
        at = adjectives_start(sent_tokens, i)
        offices.insert(0, sent_tokens[at:end])
    return offices


def first_office(tokens):
    """The first office word of an office phrase ("заместителя" of "заместителя главы администрации")."""
    return next(t for t in tokens if is_office_word(t))


def of_several(office, sent_tokens) -> bool:
    """Whether an office word names several holders: plural, or counted ("три экс-губернатора")."""
    at = sent_tokens.index(office)
    return office.feats.get("Number") == "Plur" or at > 0 and sent_tokens[at - 1].pos == "NUM"


def set_role(m: Mention, role_tokens, mentions, complement: Mention | None = None) -> None:
    """The office as a nominative singular phrase, and the body or place it names."""
    office = first_office(role_tokens)
    role_tokens = [t for t in role_tokens if not (t.pos in ("DET", "PRON") and t is role_tokens[0])]
    while role_tokens[0] is not office and (role_tokens[0].lemma or "").lower() in read_words("passing_adjectives.csv"):
        role_tokens = role_tokens[1:]  # "новый премьер-министр Крыма": when he took the office, not which it is
    if len(role_tokens) > 3 and role_tokens[-2].pos == "NUM" and role_tokens[-1].pos == "NOUN" and role_tokens[-2] is not office:
        role_tokens = role_tokens[:-2]  # "министры иностранных дел двух стран": whose they are, counted, not which office
    if role_tokens[-1].text == ")" and "(" in (texts := [t.text for t in role_tokens]) and len(texts) - texts.index("(") <= MAX_ASIDE:
        # "председатель Бобруйского горисполкома (Беларусь)": the state an aside adds is where, not which office
        role_tokens = role_tokens[: len(texts) - 1 - texts[::-1].index("(")]
    acting = acting_prefix(role_tokens, role_tokens.index(office))
    if acting:
        role = join_tokens(role_tokens)
    else:
        # each office of a compound title in the nominative: "заместителя главы администрации – руководителя аппарата"
        # (a deputy's office in one word, "замгубернатора", does not decline: as written)
        role = " ".join(part if isinstance(part, str) else join_tokens(part) if deputy_in_one_word(first.text)
                        else normalize_phrase(part, first, singular=first.feats.get("Number") == "Plur")
                        for part, first in compound_parts(role_tokens))
    if (acting or is_office_word(role_tokens[0]) or is_common_word(role_tokens[0].text)) and not capitalised_title(role_tokens, office):
        role = role[0].lower() + role[1:]
    m.role = role
    m.affiliation = complement.name if complement is not None else affiliation_in(role_tokens, mentions)


def capitalised_title(role_tokens, office) -> bool:
    """Whether the title's words up to its office noun are all capitalised, as a title written so in full ("Чрезвычайный
    и Полномочный Посол"): the first keeps its capital (not a title's one word opening a sentence: "Губернатор области")."""
    words = [t for t in role_tokens[: role_tokens.index(office) + 1] if t.pos != "CCONJ"]
    return len(words) > 1 and all(t.text[:1].isupper() for t in words)


MAX_ASIDE = 5  # tokens of a closing aside an office drops, brackets included: "(Республика Беларусь)"


def compound_parts(role_tokens) -> list[tuple]:
    """The offices of a title joined by dashes, each with its first office word, and the dashes between them (with None):
    "вице-губернатор — председатель правительства" is two offices; a dash that no office follows is inside one."""
    def starts_an_office(j: int) -> bool:
        while j < len(role_tokens) - 1 and is_adjective(role_tokens[j]):
            j += 1
        return is_office_word(role_tokens[j])

    parts, start = [], 0
    for i, t in enumerate(role_tokens):
        if t.text in DASHES and start < i < len(role_tokens) - 1 and any(is_office_word(c) for c in role_tokens[start:i]) and starts_an_office(i + 1):
            parts += [(role_tokens[start:i], first_office(role_tokens[start:i])), (t.text, None)]
            start = i + 1
    return parts + [(role_tokens[start:], first_office(role_tokens[start:]))]


def listed_persons(persons: list[Mention], tokens, ids) -> list[list[Mention]]:
    """Runs of two or more names joined only by commas and "и", less what the parser hangs on a name ("Алексей Карякин,
    Александр Кофман и Ирина Бурмыкина", "Рэнд Пол из Кентукки и Марко Рубио")."""
    by_id = {t.id: t for t in tokens}
    runs = []
    for m in persons:
        if runs:
            previous = runs[-1][-1]
            gap = without_parentheses(tokens[ids.index(previous.tokens[-1].id) + 1 : ids.index(m.tokens[0].id)])
            gap = without_origin(gap, previous, by_id)
            if gap and all(t.text in (",", "и") for t in gap):
                runs[-1].append(m)
                continue
        runs.append([m])
    return [run for run in runs if len(run) > 1]


def without_origin(gap, person: Mention, by_id) -> list:
    """A gap between two names less a prepositional phrase the parser hangs on the first, up to the next comma or "и"
    ("Рэнд Пол | из Кентукки | и Марко Рубио")."""
    out, skipping = [], False
    for t in gap:
        if t.text in (",", "и"):
            skipping = False
        elif t.pos == "ADP" and any(descends_from(t, name, by_id) for name in person.tokens):
            skipping = True
        if not skipping:
            out.append(t)
    return out


def without_parentheses(tokens) -> list:
    """The tokens less each bracketed aside: "Иван Петров (Курская область) и" is a name's gap of "и"."""
    out, depth = [], 0
    for t in tokens:
        depth += t.text == "("
        if not depth:
            out.append(t)
        depth -= t.text == ")" and depth > 0
    return out


def share_office(run: list[Mention], role_tokens, mentions) -> None:
    """A plural office before a list of names is each one's: "губернаторы Валерий Голенко и Василий Голубев".
    When it lists as many territories or bodies as there are names, the n-th name holds the office of the
    n-th ("председатели общественных палат ЛНР, ДНР и Липецкой области" + three names)."""
    start, stop = role_tokens[0].start, role_tokens[-1].stop
    inside = sorted((m for m in mentions if m.type != "person" and start <= m.start and m.stop <= stop), key=lambda m: m.start)
    listed = [m for m in inside if not any(o is not m and m.start <= o.start and o.stop <= m.stop for o in inside)]
    if len(listed) == len(run) and len(run) > 1:
        before = [t for t in role_tokens if t.stop <= listed[0].start]
        if len(before) > 1 and (before[-1].lemma or "") in read_words("generic_unit_nouns.csv"):
            before = before[:-1]  # "главы администраций регионов Алтайского края и Ховдского аймака": each place is the region
        for k, (person, place) in enumerate(zip(run, listed)):
            # the words a place of the list has to itself: "главы Скопинского района и администрации Скопина"
            own = [t for t in role_tokens if k and listed[k - 1].stop <= t.start and t.stop <= place.start and t.text not in (",", "и")]
            # "губернаторы Курской и Белгородской областей": the list's noun, written once, is plural; each holds the
            # office of one place, named in the genitive singular
            shared_noun = any(t.pos == "NOUN" and plural_word(t) for t in place.tokens)
            set_role(person, before + own + ([] if shared_noun else place.tokens), mentions, complement=place)
            person.role = singular_complements(person.role, before)
            if shared_noun:
                person.role = f"{person.role} {genitive(place.name)}"
    else:
        for person in run:
            set_role(person, role_tokens, mentions)
            if len(run) > 1 and not any(t.pos == "NUM" for t in role_tokens):
                # "глав районов Михаила Гулого и ...": one district each ("губернаторы двух субъектов": counted, as written)
                person.role = singular_complements(person.role, role_tokens)


def plural_word(token) -> bool:
    """Whether the noun is plural as tagged, or in every reading the dictionary gives it ("облисполкомов", which the
    tagger may call singular)."""
    parses = [p for p in morph_vocab().parse(token.text.lower()) if "NOUN" in p.tag]
    return token.feats.get("Number") == "Plur" or bool(parses) and all("plur" in p.tag for p in parses)


def singular_complements(role: str, before) -> str:
    """One of a listed office's holders has one body: "председатель общественных палат ЛНР" -> "... общественной палаты ЛНР"."""
    office = first_office(before)
    words = role.split()
    complements = before[before.index(office) + 1 :]
    for i, token in enumerate(complements):
        if token.feats.get("Number") == "Plur" and token.text in words:
            noun = next((t for t in complements[i:] if t.pos == "NOUN"), token)
            words[words.index(token.text)] = singular_form(token.text, UD_CASE.get(token.feats.get("Case", ""), "gent"), noun.text)
    return " ".join(words)


def name_root(person: Mention, ids: set):
    """The word of the name the parser hangs outside the name, an initial only if nothing else is: it hangs "Ю." of
    "Ю.Балуевский" anywhere, the surname where the sentence puts the person; or None."""
    outside = [t for t in person.tokens if t.head_id not in ids]
    return min(outside, key=lambda t: len(t.text.strip(".")) <= 1, default=None)


def office_predicate(person: Mention, tokens, by_id) -> list:
    """An office the sentence gives the person through a verb: "Сиссе был министром финансов",
    "Кравцов стал руководителем службы", "назначил руководителем службы Ивана Муравьева",
    "пост главы правительства Кейта занимал", "Иван Сорокин, занимающий пост главы района"."""
    ids = {t.id for t in person.tokens}
    office = office_of_governor(person, ids, tokens, by_id)
    if office is None:
        clause = clause_on(person, tokens, ids)
        office = office_of_verb(clause, tokens) if clause is not None else None
    if office is None:
        office = office_of_subjectless_clause(person, ids, tokens, by_id)
    if office is None and (appointed := office_appointed_inside(person, ids, tokens, by_id)) is not None:
        office, described = appointed
        ids = ids | {described.id}  # the name's rank or description is no part of the office
    return office_phrase(office, tokens, by_id, exclude=ids) if office is not None else []


def office_appointed_inside(person: Mention, ids: set, tokens, by_id):
    """The instrumental office of an appointing verb with no object, whose object the parser hung inside that office's
    phrase as an apposition ("назначил начальником Генерального штаба генерал-лейтенанта | Григория Педченко",
    "назначил министром обороны страны адмирала | Кармен Мелендес"), with the word the name hangs on; or None."""
    root = name_root(person, ids)
    if root is None or root.rel != "appos":
        return None
    described = root
    head = by_id.get(root.head_id)
    if head is not None and head.pos == "NOUN" and not is_office_word(head) and (
            head.rel == "appos" or (head.lemma or "").lower() in read_words("ranks.csv")):
        described, head = head, by_id.get(head.head_id)  # the rank before the name: "генерал-лейтенанта | Григория"
    if "accs" not in cases_of(described.text) | undeclined_cases(person.tokens):
        return None
    while head is not None and not is_office_word(head) and head.rel in ("nmod", "appos"):
        head = by_id.get(head.head_id)
    if head is None or not is_office_word(head) or head.feats.get("Case") != "Ins" or head.rel not in ("xcomp", "obl"):
        return None
    verb = by_id.get(head.head_id)
    if (verb is None or office_verbs().get(verb.lemma or "") != "link" or verb.feats.get("Voice") != "Act"
            or any(t.head_id == verb.id and t.rel == "obj" for t in tokens)):
        return None
    return head, described


def office_of_governor(person: Mention, ids: set, tokens, by_id):
    """The office word the name's governor gives it (a copula's office, a link or holds verb's office, an appointing
    verb's office for its object), or None."""
    root = name_root(person, ids)
    governor = by_id.get(root.head_id) if root is not None else None
    if (governor is not None and root.rel == "appos" and (governor.rel.startswith("nsubj") or governor.rel == "obj")
            and (governor.pos == "NOUN" or governor.pos == "PROPN" and is_common_word(governor.text))
            and not is_office_word(governor)):
        # "Внук президента | Тимур Шаймиев занял пост", "назначил начальником штаба генерала | Ивана Петрова": the subject
        # or object the name describes; not "станет сын Баффета Говард", where the post is only expected
        verb = by_id.get(governor.head_id)
        root, governor = governor, verb if verb is not None and not is_future(verb, tokens) else None
    if governor is None:
        return None
    dash = any(t.text in DASHES and person.tokens[-1].stop <= t.start < governor.start for t in tokens)
    if root.rel.startswith("nsubj") and is_office_word(governor) and (governor.feats.get("Case") == "Ins" or dash):
        return governor  # "Сиссе был министром", "Санников — бывший заместитель министра": the copula hangs on the office
    if root.rel.startswith("nsubj") and governor.pos == "NOUN" and governor.feats.get("Case") == "Ins":
        # "Сергеев был юристом, а затем был председателем суда": an office conjoined to what he was
        return next((t for t in tokens if t.head_id == governor.id and t.rel == "conj" and is_office_word(t)
                     and t.feats.get("Case") == "Ins"), None)
    subject_holds = root.rel.startswith("nsubj") and office_verbs().get(governor.lemma or "") in ("link", "holds")
    object_appointed = root.rel == "obj" and office_verbs().get(governor.lemma or "") == "link"  # "назначил Петрова начальником"
    if (subject_holds or object_appointed) and (office := office_of_verb(governor, tokens)) is not None:
        return office
    if governor.pos == "VERB" and office_verbs().get(governor.lemma or "") != "nominates" and (
            root.rel in ("obj", "nsubj:pass")
            or root.rel == "nsubj" and not any(t.head_id == governor.id and t.rel == "obj" and office_verbs().get(t.lemma or "") != "post" for t in tokens)):
        # "Шмидт ушёл с поста гендиректора", "освободил Суркова от должности заместителя", "назначен на пост главы": the
        # post its holder takes, keeps or leaves (not "боролся за пост", "выдвинут на пост": no one holds it yet)
        return office_of_post(governor, tokens)
    if root.rel == "appos" and is_office_word(governor) and governor.feats.get("Case") == "Ins" and governor.rel == "xcomp":
        verb = by_id.get(governor.head_id)
        return governor if verb is not None and office_verbs().get(verb.lemma or "") == "link" else None
    return None


def office_of_subjectless_clause(person: Mention, ids: set, tokens, by_id):
    """The office of a later clause with a copula, or of a verb of office joined to the name's predicate, with no subject
    of its own, whose subject is the name's ("Сиссе занимал различные посты, в том числе был министром финансов": the
    parser makes the second clause a root of its own; "Амано был дипломатом и работал генеральным консулом Японии"), or
    None."""
    root = name_root(person, ids)
    verb = by_id.get(root.head_id) if root is not None and root.rel.startswith("nsubj") else None
    if verb is None:
        return None
    # "Амано был дипломатом и работал генеральным консулом Японии": a verb of office joined to the name's predicate,
    # with no subject of its own, gives its office to the name's subject
    joined = next((x for c in tokens if c.head_id == verb.id and c.rel == "conj" and office_verbs().get(c.lemma or "") == "link"
                   and not any(u.head_id == c.id and u.rel.startswith("nsubj") for u in tokens)
                   for x in tokens if x.head_id == c.id and x.rel in ("xcomp", "obl") and is_office_word(x) and x.feats.get("Case") == "Ins"), None)
    # (the name's predicate a verb, or a noun in the instrumental, whichever word the parser hung the copula on: "Амано
    # был дипломатом ..., а также был генеральным консулом")
    if joined is not None or verb.pos != "VERB" and not (verb.pos == "NOUN" and verb.feats.get("Case") == "Ins"):
        return joined
    return next((t for t in tokens if t.start > verb.start and is_office_word(t) and t.feats.get("Case") == "Ins"
                 and (t.rel == "root" or t.rel == "conj" and t.head_id == verb.id)
                 and any(c.head_id == t.id and c.rel == "cop" for c in tokens)
                 and not any(c.head_id == t.id and c.rel.startswith("nsubj") for c in tokens)), None)


def clause_on(person: Mention, tokens, ids: set):
    """The participle or relative clause of an office verb that describes the name ("Иван Сорокин, занимающий пост главы
    района,", "назначенная заместителем губернатора", "Сорокин, который ранее занимал пост главы района"), or None: one
    the parser hangs on the name with no other name between them, or a participle that follows the name after a comma in
    its case (the parser hangs "уволил Лобова, который сменил Сёмина, занимающего пост" on the earlier name)."""
    position = {id(t): i for i, t in enumerate(tokens)}
    first, last = position[id(person.tokens[0])], position[id(person.tokens[-1])]
    case = person.tokens[0].feats.get("Case")
    for i, t in enumerate(tokens):
        if office_verbs().get(t.lemma or "") not in ("link", "holds"):
            continue
        between = tokens[last + 1:i] if i > last else tokens[i + 1:first]
        # "Сорокин, который занимал пост главы района"; "Иващенко, которого назначили мэром": the relative pronoun the
        # subject, or the object of an appointing verb
        relative = t.rel == "acl:relcl" and i > last and any(
            u.head_id == t.id and u.lemma == "который" and (u.rel.startswith("nsubj") or u.rel == "obj" and office_verbs().get(t.lemma or "") == "link")
            for u in tokens)
        participle = t.feats.get("VerbForm") == "Part"
        if ((participle and t.rel in ("acl", "amod") or relative) and t.head_id in ids
                and not any(u.pos == "PROPN" for u in between)):
            return t
        if (participle and i > last and between and between[0].text == "," and all(u.pos in ("PUNCT", "ADV") for u in between)
                and case is not None and t.feats.get("Case") == case):
            return t
    return None


def is_future(verb, tokens) -> bool:
    """Whether a verb is in the future tense, alone ("станет") or with an auxiliary ("будет назначен")."""
    return any(t.feats.get("Tense") == "Fut" for t in tokens if t is verb or (t.head_id == verb.id and t.rel.startswith("aux")))


def office_of_verb(verb, tokens):
    """The office word a verb of office_verbs.csv gives its subject: a link verb's instrumental ("был министром"), a
    holds verb's post's genitive ("занимал пост главы"); or None."""
    if office_verbs().get(verb.lemma or "") == "link":
        return next((t for t in tokens if t.head_id == verb.id and is_office_word(t) and t.feats.get("Case") == "Ins"), None)
    return office_of_post(verb, tokens)


def office_of_post(verb, tokens):
    """The office word in the genitive of a post noun (office_verbs.csv) that hangs on a verb ("занимал пост главы", "ушёл
    с поста главы"), not a post fought for ("за пост"); or None."""
    post = next((t for t in tokens if t.head_id == verb.id and office_verbs().get(t.lemma or "") == "post"
                 and not any(c.head_id == t.id and c.text.lower() == "за" for c in tokens)), None)
    return next((t for t in tokens if post is not None and t.head_id == post.id and is_office_word(t)), None)


def adjectives_start(tokens, index: int, alike: bool = False) -> int:
    """Where the adjectives before the office word at ``index`` begin: those in its case (tagged alike, where
    ``alike``), two of them joined by "и" too ("Чрезвычайный и Полномочный Посол")."""
    office, left = tokens[index], index
    fits = lambda t: is_adjective(t) and cases_of(t.text) & cases_of(office.text) and (not alike or tagged_alike(t, office))  # noqa: E731
    while left > 0:
        if fits(tokens[left - 1]):
            left -= 1
        elif (left < index and left > 1 and tokens[left - 1].text.lower() == "и" and fits(tokens[left - 2])
              and not (tokens[left - 2].pos == "PROPN" and left > 2 and is_first_name(tokens[left - 3].text))):
            # not the surname after a first name: "Игорь Руденский и нынешний председатель" (but "Чрезвычайный", which
            # the tagger may call a name, is the office's)
            left -= 2
        else:
            break
    return left


def office_phrase(office, tokens, by_id, exclude: set) -> list:
    """The office word with its adjectives and the contiguous complements that hang on it."""
    index = tokens.index(office)
    left = adjectives_start(tokens, index)
    right = index
    # (a name's age ends the office the parser may hang it on: "назначил министром экономики региона 35-летнего Игната")
    while (right + 1 < len(tokens) and tokens[right + 1].id not in exclude and descends_from(tokens[right + 1], office, by_id)
           and not AGE.match(tokens[right + 1].text)
           and (tokens[right + 1].pos in ROLE_INNER_POS or tokens[right + 1].text in ROLE_INNER_SIGNS or attributive_participle(tokens[right + 1]))):
        right += 1
    while right > index and tokens[right].pos in ("ADP", "CCONJ"):
        right -= 1
    return tokens[left : right + 1]


def office_before(tokens, first: int, mentions, by_id: dict) -> list:
    """Office words before the name: "министром промышленности и торговли ДНР | Гургеном"."""
    person = next(m for m in mentions if m.type == "person" and m.tokens and m.tokens[0] is tokens[first])
    words_case = name_case([t.text for t in person.tokens], tagged_cases(person.tokens))
    # An unknown first name ("Зулема", "Клишасa") has only the cases the guesser makes up: the name's voted case stands for it.
    known = any(p.is_known for p in morph_vocab().parse(tokens[first].text))
    name_cases = (cases_of(tokens[first].text) if known else set()) | {words_case} | undeclined_cases(person.tokens)
    ids = {t.id for t in person.tokens}
    root = name_root(person, ids)
    described_by = root.head_id if root is not None and root.rel == "appos" else None
    person_starts = {m.start for m in mentions if m.type == "person"}
    listed_starts = {m.start for m in mentions if m.type != "person"}
    i = first - 1
    while i >= 0 and AGE.match(tokens[i].text):
        i -= 1  # "директора ФБР 68-летнего | Роберта": the name's age is no part of the office
    if i < first - 1 and i >= 0 and tokens[i].text == ",":
        i -= 1  # "вице-губернатор области, 42-летний | Олег Смирнов": the comma sets off the age alone
    if i >= 0 and i == first - 1 and {(tokens[i].lemma or "").lower(), tokens[i].text.lower()} & read_words("honorifics.csv"):
        i -= 1  # "губернатором провинции госпожой | Лян Хуэйлин": the form of address is no part of the office
    if i >= 0 and tokens[i].pos == "CCONJ":
        return []  # "конфликт бывшего губернатора и | Алексея Чалого": the office before "и" is another's
    if i >= 2 and [t.text.lower() for t in tokens[i - 2 : i + 1]] in (["во", "главе", "с"], ["во", "главе", "со"]):
        return []  # "делегация во главе с | Лазаренко": he leads it, and "глава" is no title of his
    adjacent = i
    i = before_apposition(tokens, i)
    if (parted := office_before_comma(tokens, i, root, by_id)):
        return parted
    between = []
    while i >= 0 and first - i <= MAX_ROLE_TOKENS:
        token = tokens[i]
        opening = QUOTE_PAIRS.get(token.text)
        j = next((j for j in range(i - 1, -1, -1) if tokens[j].text == opening), -1) if opening else -1
        if j >= 0 and any(t.text in DASHES for t in tokens[j:i]):
            # a name in quotes is inside the office, its dash too: "координатор комитета «Россия – Донбасс» | Андрей"
            between[:0] = tokens[j : i + 1]
            i = j - 1
            continue
        if token.text in DASHES:
            # skip a parenthetical between dashes: "глава района - родины Стаханова - Коршиков"
            j = i - 1
            while j >= 0 and tokens[j].text not in DASHES:
                j -= 1
            if any(m.type in PLACE_TYPES and m.start < token.start and token.stop < m.stop for m in mentions) or \
                    between and all(t.text[:1].isupper() for t in between) and same_place_both_sides(token, between, mentions):
                # "губернатором Ханты-Мансийского автономного округа – Югры | Натальей", "Кемеровской области – Кузбасса":
                # a region's official name and its short one, joined by a dash, are one place's
                between.insert(0, token)
                i -= 1
                continue
            named = [(m.start, m.stop) for m in mentions if m.type == "person"]
            heading = office_heading(tokens[:i], named) if i == adjacent and words_case == "nomn" else []
            if j < 0 or heading:
                # "Министр обороны — Сергей Иванов, министр финансов — | Алексей Кудрин": in a list of offices and names
                # the office before the name's own dash is his, not one before an earlier dash
                return heading
            i = j - 1
            continue
        if token.text == ")":
            # a parenthesis inside the office: "пресс-секретарь Федеральной службы ... (Роскомнадзора) | Вадим"
            j = i - 1
            while j >= 0 and tokens[j].text not in ("(", ")"):
                j -= 1
            if j < 0 or tokens[j].text != "(":
                break
            between[:0] = tokens[j : i + 1]
            i = j - 1
            continue
        if token.text == ":" and not between and i > 0 and is_office_word(tokens[i - 1]) and of_several(tokens[i - 1], tokens):
            return [tokens[i - 1]]  # "пять экс-президентов: Альберто Фухимори, ...": a plural office introduces the list, in any case
        if token.text == "," and between and any(t.text == "и" for t in between) and (
                between[0].start in listed_starts or between[0].pos in ("NOUN", "ADJ") and between[0].text.islower()):
            # a list of the office's territories or fields: "палат ЛНР, ДНР и Липецкой области", "службы по надзору в
            # сфере связи, информационных технологий и массовых коммуникаций"
            between.insert(0, token)
            i -= 1
            continue
        inner = next((m for m in mentions if m.type == "person" and m.tokens and m.tokens[-1] is token and m is not person), None)
        if inner is not None and words_case != "gent" and name_case([t.text for t in inner.tokens], tagged_cases(inner.tokens)) == "gent":
            # a person in the genitive inside the office: "пресс-секретарю экс-президента США Билла Клинтона | Джо Локхарту"
            between[:0] = inner.tokens
            i = tokens.index(inner.tokens[0]) - 1
            continue
        # an initial's full stop is inside the office ("Ректор МГУ имени А. А. Кулешова | Денис Дук"), as is that of the
        # abbreviation of a kind of settlement ("глава администрации г. Симферополя | Геннадий Бахарев")
        initial = token.text == "." and i > 0 and (len(tokens[i - 1].text) == 1 and tokens[i - 1].text.isupper()
                                                  or settlement_abbreviation(tokens[i - 1]))
        if (token.pos not in ROLE_INNER_POS and token.text not in ROLE_INNER_SIGNS and not initial and not attributive_participle(token)
                or token.start in person_starts or (token.lemma or "").lower() in read_words("colleague_nouns.csv")):
            break  # (an office before "с коллегой из ..." is the other's: the colleague's is read by ``colleagues``)
        # "г." of "акимом г. Астаны | Аскаром" is the parser's head of the name, no description of it
        # (a place describes no one: "консул ... в г. Владивостоке | Ли Ян Гу", the parser hanging the name on the town)
        if (token.id == described_by and not is_office_word(token) and not settlement_abbreviation(token) and cases_of(token.text) & name_cases
                and not (token.feats.get("Number") == "Plur" and root.feats.get("Number") == "Sing")
                and not any(m.type in PLACE_TYPES and m.start <= token.start < m.stop for m in mentions)):
            # "республиканца | Джеймса Коми": the name's own description; an office before it is another's, unless the
            # description continues an office after a comma ("председателю суда, заслуженному юристу | Ивану Кротову").
            # A noun in another case describes nothing ("с акимом района (Gen) | Нурланом (Ins)": the parser's slip), nor
            # does a plural noun describe one person ("главу одного из кланов (Plur) | Фрэнка (Sing)").
            return (office_before_description(token, tokens, by_id) or office_of_post_before(token, tokens, by_id)
                    or office_over_description(token, tokens, by_id))
        between.insert(0, token)
        if is_office_word(token) and acting_prefix(tokens, i):
            return acting_prefix(tokens, i) + between  # "врио губернатора": the office stays in the genitive
        # the office the parser hangs the name on may be in any case the surname allows ("акима (Gen) области | Хайруллы
        # Турсунбаева", a given name the dictionary reads as a plural nominative and the tagger follows)
        surname_cases = cases_of(person.tokens[-1].text)
        if (is_office_of_name(token, tokens, words_case, name_cases | (surname_cases if token.id == described_by else set()), token.id == described_by)
                and agrees(token, words_case, name_cases | surname_cases) and not plural_complement(token, by_id)):
            left = adjectives_start(tokens, i, alike=True)
            return compound_prefix(tokens, left) + tokens[left:i] + between
        i -= 1
    return []


def plural_complement(token, by_id: dict) -> bool:
    """Whether an office word is a plural complement of a body's noun before it ("председатель совета директоров CNPC |
    Ван Илинь", "председатель ассоциации губернаторов"): what the body is made of, no title of one person (but
    "встреча глав районов | Ивана Ершова и Петра Лыкова" gives each his title)."""
    head = by_id.get(token.head_id)
    return (token.feats.get("Number") == "Plur" and token.rel == "nmod" and head is not None and head.start < token.start
            and word_kind(head.lemma or "") in ("body", "executive"))


def attributive_participle(token) -> bool:
    """Whether the token is a participle used as an adjective, which an office may hold ("глава правящей фракции")."""
    return token.pos == "VERB" and token.feats.get("VerbForm") == "Part" and token.rel == "amod"


def same_place_both_sides(dash, after: list, mentions: list[Mention]) -> bool:
    """Whether the words after a dash name the place whose name ends right before it ("Кемеровской области – Кузбасса")."""
    place = find_place(" ".join(t.text for t in after))
    before = next((m for m in mentions if m.type in PLACE_TYPES and m.tokens and 0 <= dash.start - m.tokens[-1].stop <= 1), None)
    return place is not None and before is not None and find_place(before.name) == place


def settlement_abbreviation(token) -> bool:
    """Whether the token is the abbreviation of a kind of settlement before its full stop ("г" of "г. Тулы")."""
    return word_kind(token.text.lower() + ".") == "settlement"


def undeclined_cases(tokens) -> set[str]:
    """The cases all words of a name may be in, where they are three or more: a name that does not decline ("Маттео
    Сальвини", "Мэри Ферро"; a declined form is at most two cases, "Медведева"); or none. A name none of whose words
    the dictionary knows may be in any case all its words' forms allow ("Амарсанаа Лувсандагва": the nominative),
    whatever case the tagger guessed from its neighbours."""
    known = [cases for cases in map(word_cases, (t.text for t in tokens)) if cases]  # "Ренци": no case at all
    shared = set.intersection(*known) if known else set()
    unknown = not any(p.is_known for t in tokens for p in morph_vocab().parse(t.text))
    return shared if len(shared) >= 3 or unknown else set()


ALL_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}
UNDECLINED_ENDINGS = tuple("еиоэ") + ("аа", "оо", "уу", "ээ")  # not "у", "ю": the dative of a declined foreign name ("Райкконену")


def word_cases(word: str) -> set[str]:
    """The cases a word of a name may be in: a word the dictionary does not know that ends in a vowel Russian names do
    not decline in ("Моракане", "Мосупье") in every case, whatever the guesser makes up; any other as the dictionary
    reads it."""
    if word.lower().endswith(UNDECLINED_ENDINGS) and not any(p.is_known for p in morph_vocab().parse(word)):
        return set(ALL_CASES)
    return cases_of(word)


def office_before_comma(tokens, i: int, root, by_id) -> list:
    """The office a comma sets off before the name the parser sets in apposition to it, in its case: "Президент России,
    | Владимир Путин, выразил соболезнования"; or []."""
    if i < 0 or tokens[i].text != "," or root is None:
        return []
    phrase = office_over_description(root, tokens, by_id)
    return phrase if phrase and phrase[-1] is tokens[i - 1] else []


def before_apposition(tokens, i: int) -> int:
    """Where to look on for an office before the name, past a description of the office's last word set off by commas
    ("Глава Абакана, столицы Хакасии, | Николай Булакин": a common noun in the case of "Абакана", no office, no verb; not
    another name of a list): the index before the first comma, or ``i`` itself where there is no such description."""
    if i < 0 or tokens[i].text != ",":
        return i
    j = next((k for k in range(i - 1, max(i - 8, 0) - 1, -1) if tokens[k].text == ","), None)
    if j is None or j == 0 or j == i - 1:
        return i
    group, described = tokens[j + 1:i], tokens[j - 1]
    # the group's head: its first noun, skipping one under a preposition ("второго по величине | города")
    head = next((t for t in group if t.pos in ("NOUN", "PROPN") and not any(c.head_id == t.id and c.rel == "case" for c in group)), None)
    if (head is None or head.pos != "NOUN" or described.pos not in ("NOUN", "PROPN") or head.feats.get("Case") != described.feats.get("Case")
            or any(t.pos not in ROLE_INNER_POS or is_office_word(t) for t in group)):
        return i
    return j - 1


def office_heading(tokens, named: list[tuple[int, int]] = ()) -> list:
    """The words before a dash, back to the first that can be no part of an office or is part of another person's name
    (``named``: "главы района Валентин Левченко и глава администрации города — | Владимир Серов"), when they are an
    office and nothing else: "Министр обороны — | Ицунори Онодэра" (a list of a cabinet), "открыла посол доброй воли
    ЮНИСЕФ — | Мария Кольцова"; or []."""
    start = len(tokens)
    while start > 0 and (tokens[start - 1].pos in ROLE_INNER_POS or tokens[start - 1].text in ROLE_INNER_SIGNS
                         or listed_field(tokens, start - 1)) and not any(a <= tokens[start - 1].start < b for a, b in named):
        start -= 1
    while start < len(tokens) and tokens[start].pos == "CCONJ":
        start += 1  # "и глава администрации": the conjunction joins this name to the one before
    tokens = tokens[start:]
    head = next((t for t in tokens if not is_adjective(t)), None)
    if head is None or not is_office_word(head) or head.feats.get("Case") != "Nom":
        return []
    return tokens


def listed_field(tokens, i: int) -> bool:
    """Whether the comma at ``i`` lists the fields of one office: between two nouns in the genitive the parser joins
    ("Министр экономики, торговли и промышленности")."""
    if tokens[i].text != "," or not 0 < i < len(tokens) - 1:
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    return after.rel == "conj" and after.feats.get("Case") == "Gen" and (
        after.head_id == before.id or before.rel == "conj" and after.head_id == before.head_id)


def comma_before(tokens, at: int) -> int | None:
    """The index of the last comma before ``tokens[at]``, or None."""
    return next((i for i in range(at - 1, -1, -1) if tokens[i].text == ","), None)


def office_before_description(noun, tokens, by_id) -> list:
    """The office a name's description continues: in "председателю областного суда, заслуженному юристу России Ивану
    Кротову" the name describes "юристу", which follows the office across one comma, in its case, and which the parser
    joins to it (conj, acl through its adjective, or both hung alike on one word): the office phrase, or []."""
    at = tokens.index(noun)
    comma = comma_before(tokens, at)
    office = next((t for t in reversed(tokens[:comma]) if is_office_word(t)), None) if comma is not None else None
    if office is None or office.feats.get("Case") != noun.feats.get("Case") or any(t.pos == "VERB" for t in tokens[tokens.index(office):at]):
        return []
    phrase = office_phrase(office, tokens, by_id, exclude={noun.id})
    if [t.text for t in tokens[tokens.index(office):comma]].count(",") or phrase[-1].stop > tokens[comma].start:
        return []
    head = by_id.get(noun.head_id)
    joined = (noun.rel == "conj" and head is office
              or head is not None and head.rel == "acl" and head.head_id == office.id
              or noun.head_id == office.head_id and noun.rel == office.rel)
    return phrase if joined else []


def office_over_description(noun, tokens, by_id) -> list:
    """The office a name's description, or the name itself, stands in apposition to: "начальник ГРУ генерал-полковник |
    Александр Шляхтуров", "заместитель муфтия имам | Курман Исмаилов" (a rank or title of the office's holder, in its
    case; not "сыном президента студентом | Иваном", where the description hangs on a kinship noun): the office
    phrase, or []."""
    office = by_id.get(noun.head_id)
    at = tokens.index(noun)
    comma = comma_before(tokens, at)
    if (noun.rel == "appos" and office is not None and comma is not None and office.start < tokens[comma].start
            and any(t.pos == "PROPN" and t.rel in ("appos", "flat:name") for t in tokens[tokens.index(office) + 1 : comma])):
        # the parser hung the rank on an office across a comma, another person's ("губернатор ... Александр Мишарин,
        # командующий Черноморским флотом контр-адмирал | Александр Федотенков"): the office is the one of its own
        # stretch of the list, the words from it to the rank
        own = next((i for i in range(at - 1, comma, -1) if is_office_word(tokens[i])), None)
        words = tokens[own:at] if own is not None else []
        fits = words and all(t.pos in ROLE_INNER_POS or t.text in ROLE_INNER_SIGNS for t in words)
        return words if fits and words[0].feats.get("Case") == noun.feats.get("Case") else []
    if (noun.rel != "appos" or office is None or not is_office_word(office) or office.start > noun.start
            or office.feats.get("Case") != noun.feats.get("Case")):
        return []
    post = by_id.get(office.head_id)
    if post is not None and office_verbs().get(post.lemma or "") == "post" and post_is_held(post, tokens) is False:
        return []  # "выдвинул на пост главы Росгвардии генерала | Павла Кострова": a nominee
    phrase = office_phrase(office, tokens, by_id, exclude={noun.id})
    return phrase if phrase[-1].stop <= noun.start else []


def office_of_post_before(noun, tokens, by_id) -> list:
    """The office of a post the sentence appoints to, named before the name's description: "назначил на пост главы МЧС
    генерала Ивана Сорокина" (a post noun with "на", office_verbs.csv, whose genitive is an office, under a verb that
    gives the office, not "выдвинул на пост": a nominee holds nothing yet): the office phrase, or []."""
    at = tokens.index(noun)
    for i in range(at - 1, max(at - MAX_ROLE_TOKENS, 0) - 1, -1):
        token = tokens[i]
        if token.pos == "VERB" or token.text in (",", ";", ":"):
            return []
        post = by_id.get(token.head_id)
        verb = by_id.get(post.head_id) if post is not None else None
        if (is_office_word(token) and post is not None and office_verbs().get(post.lemma or "") == "post"
                and any(c.text.lower() == "на" and c.head_id == post.id for c in tokens)
                and verb is not None and office_verbs().get(verb.lemma or "") == "link"):
            phrase = office_phrase(token, tokens, by_id, exclude={noun.id})
            return phrase if phrase[-1].stop <= noun.start else []
    return []


def tagged_alike(adjective, office) -> bool:
    """The tagger gives the adjective the office's case, or one of them none: "В приёмной (Loc) губернатора
    (Gen)": the room the office has, no part of it."""
    cases = (adjective.feats.get("Case"), office.feats.get("Case"))
    # the parser's own word that the adjective is the office's outweighs its tag ("первого (Acc) заместителя (Gen)")
    return None in cases or cases[0] == cases[1] or adjective.head_id == office.id


ACTING = (["врио"], ["врид"], ["ио"], ["вр.и.о."], ["вр", ".", "и", ".", "о", "."], ["и.о."], ["и", ".", "о", "."], ["и.", "о."],
          ["исполняющий", "обязанности"], ["исполняющий", "полномочия"])


def agrees(office, name_case_of: str, name_cases: set[str]) -> bool:
    """A genitive name after an office the tagger does not read as genitive completes the office
    rather than holds it ("советник Цзян Цзэминя"), unless the name may be in the office's case too ("бывшего
    вице-президента (Acc) Джо Байдена": a man's name in the accusative is spelled as the genitive); other
    disagreements are the tagger's slips."""
    office_case = office.feats.get("Case")
    same_spelling = office_case == "Acc" and "accs" in name_cases
    return not (name_case_of == "gent" and office_case is not None and office_case != "Gen" and not same_spelling)


def acting_prefix(tokens, left: int) -> list:
    """"врио", "и. о.", "(временно) исполняющий обязанности (полномочия)" before an office in the genitive: the tokens, or []."""
    words = ["исполняющий" if t.text.lower().startswith("исполняющ") else t.text.lower() for t in tokens[:left]]
    for prefix in ACTING:
        n = len(prefix)
        if left >= n and words[left - n :] == prefix:
            temporarily = prefix[0] == "исполняющий" and left > n and words[left - n - 1] == "временно"
            return tokens[left - n - temporarily : left]
    return []


def compound_prefix(tokens, left: int) -> list:
    """A first office joined by a dash, with the body it heads: "вице-губернатор — | председатель правительства",
    "председатель городской Думы – | глава города"."""
    if left < 2 or tokens[left - 1].text not in DASHES:
        return []
    for office in range(left - 2, max(left - 6, -1), -1):
        if is_office_word(tokens[office]):
            break
        if tokens[office].pos not in ("NOUN", "PROPN", "ADJ"):
            return []  # only the words of the first office's body between it and the dash
    else:
        return []
    start = office
    while start > 0 and (is_adjective(tokens[start - 1]) or is_office_word(tokens[start - 1])):
        start -= 1  # "первого заместителя главы администрации –": the office whose holder's office it is, too
    return tokens[start:left]


def is_office_of_name(token, tokens, name_case_of: str, name_cases: set[str], described: bool = False) -> bool:
    """An office word in apposition to the name: same case, and not a complement of another word
    ("Председатель Совета министров | Дмитрий": "министров" is not his office), unless the parser hangs the name on
    it (``described``: "советником президента | Владимира Путина")."""
    if word_kind(token.lemma or "") != "office":
        return False
    at = tokens.index(token)
    if at > 0 and tokens[at - 1].text.lower() == "в" and tokens[at - 1].head_id == token.id:
        return False  # "кандидат в президенты | Хиллари Клинтон": an office run for, not held (not "в качестве главы")
    parent = next((t for t in tokens if t.id == token.head_id), None)
    if token.rel == "nmod" and parent is not None and office_verbs().get(parent.lemma or "") == "post":
        held = post_is_held(parent, tokens)
        if held is not None:
            return held  # "сменит на посту директора ФБР | Роберта Мюллера": the genitive office whatever the name's case
    if name_cases and not cases_of(token.text) & name_cases:
        return False
    if token.rel == "nmod" and parent is not None and word_kind(parent.lemma or "") == "office" and not described:
        return False
    # A genitive complement ("Совета министров") is no office of a nominative name; an animate noun's genitive the tagger
    # reads as its accusative, the same letters ("противник президента (Acc) | Владимира Путина (Gen)"), is the name's.
    tagged = UD_CASE.get(token.feats.get("Case", ""))
    same_letters = {tagged, name_case_of} == {"gent", "accs"} and name_case_of in cases_of(token.text)
    # An undeclined name the parser hangs on the office may be in its case whatever the vote ("заместителя министра США
    # | Мэри Миллер"), unless the office is the complement of one in the voted case ("пресс-секретарь президента |
    # Альфредо Скоссимарро заявил": the secretary's name).
    outer_agrees = parent is not None and is_office_word(parent) and UD_CASE.get(parent.feats.get("Case", "")) == name_case_of
    undeclined = described and tagged in name_cases and not outer_agrees
    return not (token.rel == "nmod" and tagged != name_case_of and not same_letters and not undeclined)


def post_is_held(noun, tokens) -> bool | None:
    """Whether a post noun (office_verbs.csv) says its office is held: True in the locative with "на" or "в" ("на посту",
    "в должности") or under a verb that gives or holds it ("назначил на пост", "занимал пост"); False under a word that
    nominates ("выдвинула на пост": a nominee holds nothing yet); None where the sentence does not say."""
    if noun.feats.get("Case") == "Loc" and any(t.head_id == noun.id and t.text.lower() in ("на", "в") for t in tokens):
        return True
    verb = next((t for t in tokens if t.id == noun.head_id), None)
    kind = office_verbs().get(verb.lemma or "") if verb is not None else None
    if kind in ("link", "holds"):
        return True
    return False if kind == "nominates" else None


def office_after(tokens, last: int, person: Mention, mentions: list[Mention]) -> list:
    """Office words after the name and a comma, in the name's case: "Андрей Кочетов, ректор университета,"
    (not "соратник Цзян Цзэминя, премьер ...": the office is the first name's; nor "Татьяна Мастюкова, мэр Милана
    Джузеппе Сала": an office that another name follows is that one's)."""
    if last + 1 < len(tokens) and tokens[last + 1].text == "(":
        # a parenthesis after the name: "Томас Шефер (Thomas Schäfer), министр финансов"
        close = next((j for j in range(last + 2, len(tokens)) if tokens[j].text in ("(", ")")), None)
        if close is None or tokens[close].text != ")":
            return []
        last = close
    if last + 2 >= len(tokens) or tokens[last + 1].text not in {","} | DASHES:
        return []  # "Андрей Кочетов, ректор", "Корасон Акино — президент Филиппин"
    i = last + 2
    case = name_case([t.text for t in person.tokens], tagged_cases(person.tokens))
    if (i + 2 < len(tokens) and tokens[i + 1].text == "," and tokens[i].pos == "NOUN" and tokens[i].text.islower()
            and not is_office_word(tokens[i]) and case in cases_of(tokens[i].text)):
        i += 2  # a word of rank or calling before the office: "Глеб Ракитин, генерал, замначальника штаба"
    start = i
    while i < len(tokens) and is_adjective(tokens[i]):
        i += 1
    if i >= len(tokens) or word_kind(tokens[i].lemma or "") != "office":
        return []
    if case not in office_cases(tokens[i].text):
        return []
    if subject_of_another_clause(tokens[i], person, tokens):
        return []  # "Как пояснил Олег Пастухов, мэр забайкальского города лично предложил подписать соглашение"
    j = i + 1
    while j < len(tokens):
        if tokens[j].pos in ROLE_INNER_POS or tokens[j].text in ROLE_INNER_SIGNS:
            j += 1
        elif tokens[j].text == "," and j + 1 < len(tokens) and tokens[j + 1].pos == "NOUN" and tokens[j + 1].feats.get("Case") == "Gen" \
                and any(t.pos == "CCONJ" for t in tokens[j + 1 : j + 6]):
            j += 1  # "министр промышленности, торговли и предпринимательства"
        else:
            break
    if any(m.type == "person" and m is not person and tokens[i].stop <= m.start < (tokens[j].start if j < len(tokens) else m.stop + 1)
           and name_case([t.text for t in m.tokens], tagged_cases(m.tokens)) in office_cases(tokens[i].text) for m in mentions):
        return []  # (but "Людмила Бокова, первый заместитель Клишаса": the name in the genitive is whose deputy she is)
    return tokens[start:j]


def office_cases(word: str) -> set[str]:
    """The cases an office word may stand in: a deputy's office in one word built on a genitive (``deputy_in_one_word``)
    stands in any; any other as the dictionary reads it."""
    return set(ALL_CASES) if deputy_in_one_word(word) else cases_of(word)


def deputy_in_one_word(word: str) -> bool:
    """Whether the word is a deputy's office built on a genitive ("замначальника", "замгендиректора"), which does not
    decline."""
    rest = word.lower().removeprefix(DEPUTY_PREFIX)
    return rest != word.lower() and any(p.tag.case == "gent" and word_kind(p.normal_form) == "office" for p in morph_vocab().parse(rest))


def subject_of_another_clause(office, person: Mention, tokens) -> bool:
    """Whether the office word after a name is the subject of a verb the name does not hang on: a clause of its own,
    no apposition to the name."""
    by_id = {t.id: t for t in tokens}
    verb = by_id.get(office.head_id) if office.rel == "nsubj" else None
    if verb is None or verb.pos != "VERB" or verb.start < office.start:
        return False
    return not any(t.head_id == verb.id or t.head_id == office.id for t in person.tokens)


def affiliation_in(role_tokens, mentions) -> str:
    """The first body or place named inside the office words."""
    start, stop = role_tokens[0].start, role_tokens[-1].stop
    # NER sometimes takes the office into a body's name ("Хоким Ферганской области"): that is no affiliation
    inside = [m for m in mentions if m.type != "person" and start <= m.start and m.stop <= stop and not (m.tokens and is_office_word(m.tokens[0]))]
    if not inside:
        return state_of_the_office(role_tokens, mentions) or town_of_the_office(role_tokens, mentions)
    # a body named only by its kind ("городской Думы") is a place's that a later word of the office names: "председатель
    # городской Думы – глава города Шахты" is of Шахты
    named = [m for m in inside if not (m.type == "organization" and len(m.tokens) == 1 and word_kind((m.tokens[0].lemma or "").lower()))]
    first = min(named or inside, key=lambda m: (m.start, -(m.stop - m.start)))
    if any((t.lemma or "") in read_words("generic_unit_nouns.csv") for t in role_tokens if t.stop <= first.start):
        return ""  # "главы двух субъектов РФ": Russia is where the regions are, not the heads' body
    if any((t.lemma or "") in read_words("resident_offices.csv") for t in role_tokens):
        # "полпред президента Кыргызстана в Иссык-Кульской области": the region he heads for the state
        posted = [m for m in inside if m.type in ("region", "district") and any(
            t.text.lower() in ("в", "во") and t.stop <= m.start for t in role_tokens) and m is not first]
        if posted:
            return posted[0].name
    return first.name


def state_of_the_office(role_tokens, mentions) -> str:
    """The state an adjective before the office word names, where the article names that state: "российский президент"
    is Russia's (data/state_adjectives.csv); '' otherwise."""
    office = next((t for t in role_tokens if is_office_word(t)), None)
    codes = [state_adjectives()[lemma] for t in role_tokens if office is not None and t.stop <= office.start
             and (lemma := (t.lemma or "").lower()) in state_adjectives()]
    state = place_by_id(codes[0]) if codes else None
    named = state is not None and any(m.type == "country" and (m.place_id == state.place_id or m.name == state.name) for m in mentions)
    return state.name if named else ""


def town_of_the_office(role_tokens, mentions) -> str:
    """The town an adjective before the office word of a town names ("одесский мэр": Odesa's), where the town is a
    large one, whose adjective news uses alone, or one the article names, or a word of the town's level follows the
    adjective ("Болградский городской голова": Bolhrad's, whatever its size); '' otherwise."""
    office = next((t for t in role_tokens if is_office_word(t)), None)
    words = " ".join(t.text for t in role_tokens)
    if office is None or "city" not in (territory_types(office.lemma or "") or territory_types(words)):
        return ""
    levels = territory_levels()
    towns = [(town, levels.get((after.lemma or "").lower()) == "city") for t, after in zip(role_tokens, role_tokens[1:])
             if t.stop <= office.start and is_adjective(t) and (town := town_of_adjective((t.lemma or "").lower())) is not None]
    named = {m.place_id for m in mentions}
    return next((town.name for town, leveled in towns if leveled or town.population >= LARGE_TOWN or town.place_id in named), "")


@lru_cache(maxsize=1)
def office_territories() -> list[tuple[list[str], frozenset[str]]]:
    return [(row["words"].split(), frozenset(row["types"].split("|"))) for row in read_data("office_territories.csv")]


def office_head(role: str) -> str:
    """The first word of an office, as a lemma ("губернатор" of "губернатор Ленинградской области"), or ''."""
    return next(iter(lemma_key(role).split()), "")


def deputy_of(role: str) -> str:
    """The office whose deputy the role names ("первый заместитель губернатора": "губернатор"), else ""."""
    lemmas = lemma_key(role).split()
    return next((lemmas[i + 1] for i, w in enumerate(lemmas[:-1]) if w == "заместитель"), "")


def territory_types(role: str) -> frozenset[str]:
    """The place types an office belongs to (data/office_territories.csv), by the last of its words the file lists:
    "руководитель исполнительной власти региона" a region's; empty for an office the file does not list."""
    lemmas = lemma_key(role).split()
    end, types = 0, frozenset()
    for words, kinds in office_territories():
        for i in range(len(lemmas) - len(words) + 1):
            if lemmas[i : i + len(words)] == words and i + len(words) > end:
                end, types = i + len(words), kinds
    return types


def share_affiliations(mentions: list[Mention]) -> None:
    """A person named again without an office, in the nominative, keeps the body or territory the text gave him
    before or after: "губернатор Рязанской области Павел Малков ... Павел Малков и глава Курской области ...
    договорились" is an accord of both regions. Named in another case he is whom one speaks or deals with
    ("Договорились с Архимедом Бегежановичем"), and the speaker's side is the other party."""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "person" and m.affiliation:
            known.setdefault(m.name, m)
    for m in mentions:
        nominative = bool(m.tokens) and m.tokens[0].feats.get("Case") == "Nom"
        if m.type == "person" and nominative and not m.affiliation and not m.role and m.name in known:
            m.affiliation, m.inferred = known[m.name].affiliation, known[m.name].inferred


PLACE_MENTIONS = frozenset(PLACE_TYPES)  # the "DPR" and "LPR" authorities too


def colleagues(doc, mentions: list[Mention], by_id) -> None:
    """A person the text names as another's colleague holds the office of the person with an office named last before
    him, in this sentence or the one before ("министр иностранных дел Азербайджана Джейхун Байрамов и его турецкий
    коллега Мевлют Чавушоглу": the minister of foreign affairs of Turkey; data/colleague_nouns.csv), for the place of
    the adjective beside the noun (a state's, else a region's or a town's as the office is) or of "из X" after it;
    the office's own words of its body are left out ("министр иностранных дел"). Where the text gives no such place,
    nor does it give the office."""
    persons = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.start)
    places = [p for p in mentions if p.type in PLACE_MENTIONS and p.tokens]
    for m in persons:
        if m.role or not m.tokens:
            continue
        # "с коллегой из Гомеля Петром Ковалёвым": the place between the noun and the name
        source = next((p for p in places if not doc.text[p.stop : m.start].strip()
                       and (before := previous_token(p.tokens[0], by_id)) is not None and before.text.lower() == "из"), None)
        noun = previous_token(m.tokens[0] if source is None else previous_token(source.tokens[0], by_id), by_id)
        if noun is None or (noun.lemma or "").lower() not in read_words("colleague_nouns.csv"):
            continue
        sentence = int(sentence_of(noun))
        holder = next((p for p in reversed(persons) if p.start < m.start and p.role and p.tokens
                       and int(sentence_of(p.tokens[0])) >= sentence - 1), None)
        if holder is not None:
            # (less the adjective of the holder's own place: "ереванский градоначальник ... и его тегеранский коллега",
            # "российский министр иностранных дел ... и его турецкий коллега", a state's office)
            words = list(itertools.takewhile(lambda w: not w[:1].isupper(), holder.role.split()))
            office = " ".join(w for w in words if w not in state_adjectives() and region_or_town_of_adjective(w) is None)
            of_a_state = (state := find_place(holder.affiliation)) is not None and state.type == "country" or any(
                w in state_adjectives() for w in words)
        elif (office := unnamed_office_before(noun, by_id)):
            of_a_state = False  # "Губернатор Приморья с коллегой из провинции Цзилинь Чжан Цисяном": the governor unnamed
        else:
            continue
        place = source.name if source is not None else colleague_place(previous_token(noun, by_id), office, of_a_state)
        if place:  # "украинский коллега" of a mayor: whose mayor the text does not say, so no office is given
            m.role, m.affiliation = office, place


def unnamed_office_before(noun, by_id) -> str:
    """The office of the subject a colleague noun is with, where no name follows it: "Мэр Владивостока с коллегой из
    Даляня": "мэр" (its lower-case words, the first in its lemma); "" where the words before "с" are no such office."""
    with_word = previous_token(noun, by_id)
    office = previous_token(with_word, by_id) if with_word is not None and with_word.text.lower() in ("с", "со") else None
    words = []
    while office is not None and office.text[:1].isupper() and not is_office_word(office):
        office = previous_token(office, by_id)  # the office's place: "Приморья"
    while office is not None and office.pos in ("NOUN", "ADJ") and office.text[:1].islower():
        words.insert(0, office)
        office = previous_token(office, by_id)
    if office is not None and is_office_word(office):
        words.insert(0, office)
    if not words or not is_office_word(words[0]) or words[0].feats.get("Case") != "Nom":
        return ""
    return " ".join([(words[0].lemma or words[0].text).lower()] + [w.text for w in words[1:]])


def colleague_place(adjective, office: str, of_a_state: bool) -> str:
    """The place an adjective before "коллега" names: a state's ("турецкий") for the office of a state, none for
    another ("украинский коллега" of a mayor is some Ukrainian town's); a town's for a town's office ("тульский" of a
    mayor) and a region's for any other ("гомельский" of a governor); '' for none."""
    lemma = (adjective.lemma or "").lower() if adjective is not None and adjective.pos == "ADJ" else ""
    if lemma in state_adjectives():
        state = place_by_id(state_adjectives()[lemma])
        return state.name if of_a_state and state is not None else ""
    if not lemma:
        return ""
    place = town_of_adjective(lemma) if "city" in territory_types(office) else region_or_town_of_adjective(lemma)
    return place.name if place is not None else ""


def respective_places(doc, mentions: list[Mention], by_id) -> None:
    """Persons listed under one plural office of places named before hold it each for one of those places: "Приморье и
    провинция X ... обсудили вице-губернаторы двух территорий Константин Богданенко и Ли Чан Соп", "мэры обоих
    городов", "главы этих регионов" (data/places_named_before.csv; the words of those places are no body of the
    office), "Харьковская и Белгородская области ... встреча двух губернаторов Арсена Авакова и Евгения Савченко", "Динской
    район ... с Кореновским районом ... главы районов Сергей Жиленко и Сергей Голобородько".
    Where the nearest text before the list that names places of the office's kind names exactly as many as the list
    has persons, each holds the office for one, in the order both are given (the order news keeps); elsewhere the
    office stays without a body rather than take a guess."""
    pointing = read_words("places_named_before.csv")
    kinds_of_place = read_words("generic_unit_nouns.csv") | read_words("generic_places.csv", "lemma") | set(region_nouns())
    lists: dict[tuple, tuple[str, list[Mention]]] = {}  # by sentence and office: the office as worded, the persons
    for m in sorted((m for m in mentions if m.type == "person" and m.role and m.tokens), key=lambda m: m.start):
        words = m.role.split()
        office = previous_token(m.tokens[0], by_id)
        before = previous_token(office, by_id) if office is not None else None
        key = (sentence_of(m.tokens[0]), m.role)
        if len(words) > 2 and words[-2].lower() in pointing and lemma_key(words[-1]) in kinds_of_place:
            # "глава этого региона", not "глава этого ведомства"
            m.role = " ".join(words[:-2])
            lists.setdefault((key[0], m.role), (" ".join(words), []))[1].append(m)
        elif not m.affiliation and before is not None and before.text.lower() in pointing and key not in lists:
            lists[key] = (m.role, [m])  # "двух губернаторов Арсена Авакова": the first of the list
        elif (not m.affiliation and key not in lists and office is not None and before is not None and plural_word(office)
              and lemma_key(office.text) in kinds_of_place and word_kind(before.lemma or "") == "office" and plural_word(before)):
            lists[key] = (m.role, [m])  # "главы районов Сергей Жиленко и ...": a plural office of places of a kind, bare
        elif not m.affiliation and key in lists:
            lists[key][1].append(m)  # "и Евгения Савченко": the list goes on
    for role, persons in lists.values():
        kinds = (territory_types(role) | {"other"}) & PLACE_MENTIONS or PLACE_MENTIONS
        earlier = sorted((p for p in mentions if p.type in kinds and p.stop <= persons[0].start), key=lambda p: p.start)
        sent = next((s for s in reversed(doc.sents) if any(s.start <= p.start < s.stop for p in earlier)), None)
        if sent is None:
            continue
        places = list(dict.fromkeys(p.name for p in earlier if sent.start <= p.start < sent.stop))
        if len(places) == len(persons) > 1 or len(places) == len(persons) and role != persons[0].role:
            for m, place in zip(persons, places):
                m.affiliation, m.inferred = place, True


def affiliate_from_context(doc, mentions: list[Mention]) -> None:
    """An office the text gives without its body takes the place of its kind the text named last before the person
    ("в ходе поездки в Донецкую Народную Республику встретился с председателем правительства Андреем Чертковым"):
    the nearest sentence, this one first, that names a place of that kind decides, and only where it names one, the
    places of the offices of persons named before in it left aside ("Вице-губернатор Липецкой области Сергей
    Курбатов"); where it names two, the office stays without a body rather than take a guess. A person whose body the
    text gives with one of his offices keeps that one."""
    persons = [m for m in mentions if m.type == "person"]
    # not a word of a person's name: "Беслан Эшба", "Владимир Путин" name no town
    places = [(start, end, place) for start, end, place in named_places(doc.text)
              if not any(p.start <= start and end <= p.stop for p in persons)]
    given = {m.name for m in persons if m.affiliation}  # a body the text gives the person elsewhere is his
    for m in persons:
        types = territory_types(m.role) if m.role and m.name not in given else frozenset()
        if not types:
            continue
        # a place another person of the article holds the same office for ("губернатором Ленинградской области
        # Александром Дрозденко") is not this one's
        held = {o.affiliation for o in persons if o is not m and o.affiliation and o.role and office_head(o.role) == office_head(m.role)}
        for sent in reversed([s for s in doc.sents if s.start <= m.start]):
            stop = min(sent.stop, m.start)
            named = {place.name for start, end, place in places if sent.start <= start and end <= stop and place.type in types}
            if not named:
                continue
            # "Белгородская и Ленинградская области ... визита ленинградского губернатора": the place the office's own
            # adjective names
            own = {name for name in named if lemma_key(name.split()[0]) in lemma_key(m.role).split()}
            if len(own) == 1:
                m.affiliation, m.inferred = own.pop(), True
                break
            earlier = [o for o in persons if o is not m and sent.start <= o.start < m.start]
            # "представитель администрации Смоленской области Пётр Илюхин, сенатор ...": Smolensk Oblast is Ilyukhin's
            taken = {o.affiliation for o in earlier} | {place.name for o in earlier for _, _, place in named_places(o.affiliation)}
            # "сенаторы Рэнд Пол из Кентукки и Марко Рубио": a place the parser hangs on an earlier name is that one's
            by_id = {t.id: t for t in sent.tokens}
            said_of = [t for t in sent.tokens if any(descends_from(t, name, by_id) for o in earlier for name in o.tokens)]
            taken |= {place.name for start, _, place in places if any(t.start <= start < t.stop for t in said_of)}
            # "Глава Курганского района провёл переговоры с акимом района ...": a place right after another official's
            # office is that one's (not "Совета министров Союзного государства", a body's words)
            taken |= {place.name for start, _, place in places if sent.start <= start < stop and (before := [t for t in sent.tokens if t.stop <= start])
                      and word_kind(before[-1].lemma or "") == "office" and not plural_word(before[-1]) and not m.start <= before[-1].start < m.stop}
            taken |= held
            if len(named - taken) == 1:
                m.affiliation, m.inferred = (named - taken).pop(), True
            if named - taken:
                break
            # every place of the sentence is another's: the sentences before may name his
        # "первый заместитель губернатора Ю. Андрианов" in a list of officials whose places are taken, in an article whose
        # one governor is Tula's: that governor's deputy
        base = deputy_of(m.role) if not m.affiliation else ""
        holders = {o.affiliation for o in persons if base and o.affiliation and office_head(o.role) == base}
        if len(holders) == 1:
            m.affiliation, m.inferred = holders.pop(), True


def body_of_office(role: str) -> str:
    """The body a minister's office names, which is his side ("министр спорта Республики Узбекистан" stands for the
    Министерство спорта Республики Узбекистан, a party in its own right, not for the state); '' for other offices
    (data/office_bodies.csv)."""
    head, _, rest = role.partition(" ")
    body = office_bodies().get(head.lower())
    return f"{body} {rest}" if body and rest else ""


@lru_cache(maxsize=1)
def office_bodies() -> dict[str, str]:
    """The body each office of data/office_bodies.csv heads, by the office's first word."""
    return {row["office"]: row["body"] for row in read_data("office_bodies.csv")}
