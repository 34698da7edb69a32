"""The actors of a document: persons, bodies and places, named once, typed, with roles.

Natasha's NER finds the spans; this module repairs them (joins a span cut
before an abbreviation, splits off "(АСИ)"), adds the bodies NER misses
("администрацией Измалковского района"), types each span with the gazetteer
and morphology, puts it in the nominative, merges the mentions of one entity,
and reads each person's office from the words around the name.
"""

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from pymorphy2.analyzer import Parse

from .datafiles import read_data
from .codebook import PLACE_TYPES
from .gazetteer import find_place, word_kind
from .morph import UD_CASE, cases_of, is_adjective, is_common_word, join_tokens, name_case, normalize_name, normalize_phrase, surname_key
from .nlp import morph_vocab

ABBREVIATION = re.compile(r"^[А-ЯЁA-Z]{2,6}$")


@lru_cache(maxsize=1)
def region_nouns() -> dict[str, str]:
    """Nouns of territorial units and the place type they make: область -> region, район -> district."""
    return {row["lemma"]: row["type"] for row in read_data("region_nouns.csv")}


DASHES = {"-", "–", "—"}
QUOTES = {"«", "»", '"', "„", "“", "”"}
ROLE_INNER_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM"}
MAX_ROLE_TOKENS = 12
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
    aliases: set = field(default_factory=set)
    place_id: str = ""  # the gazetteer's id of a place, "" for a place it does not know and for any other actor


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
    mentions += body_mentions(doc, mentions, by_id)
    mentions = drop_nested_organizations(mentions)
    attach_parenthesised_abbreviations(mentions, doc.text)
    expand_abbreviations(mentions)
    resolve_persons(mentions)
    resolve_places(mentions)
    for sent in doc.sents:
        assign_roles(sent.tokens, mentions)
    return sorted(mentions, key=lambda m: (m.start, -m.stop))


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
        if toks:
            spans.append([toks, span.type])
    joined = []
    for toks, kind in spans:
        previous = joined[-1] if joined else None
        # An adjective cannot end a name: "Луганской региональной" + "ТПП" is one span.
        if (previous and previous[0][-1].pos == "ADJ" and doc.text[previous[0][-1].stop : toks[0].start].strip() == ""
                and sentence_of(previous[0][-1]) == sentence_of(toks[0])):
            previous[0] = previous[0] + toks
            previous[1] = "ORG" if "ORG" in (previous[1], kind) else kind
            continue
        joined.append([toks, kind])
    result = []
    for toks, kind in joined:
        if "(" in [t.text for t in toks]:
            cut = [t.text for t in toks].index("(")
            toks = toks[:cut]
        while toks and toks[-1].text in SPAN_END_PUNCTUATION:  # "Мэри Браун;" cut at razdel's break after ";"
            toks = toks[:-1]
        if toks:
            result.append((toks, kind))
    return result


def sentence_of(token) -> str:
    """The sentence of a natasha token, from its id ("6_1": the first token of sentence 6)."""
    return token.id.rpartition("_")[0]


def typed_mention(tokens, ner_type: str, text: str, by_id) -> Mention | None:
    start, stop = tokens[0].start, tokens[-1].stop
    mention = Mention(start, stop, text[start:stop], "", tokens=tokens)
    before = previous_token(tokens[0], by_id)
    settlement = before is not None and word_kind(before.lemma or before.text) == "settlement"
    if ner_type == "PER":
        if settlement:
            mention.name = join_tokens(tokens)
            mention.type = "city"
        elif len(tokens) == 1 or is_personal_name(tokens):
            mention.type = "person"
            mention.name = normalize_name([t.text for t in tokens], UD_CASE.get(tokens[-1].feats.get("Case", "")))
        else:
            return None
    elif before is not None and (before.lemma or "") in region_nouns() and not before.text[:1].isupper() and len(tokens) == 1:
        # "уезда Вырумаа", "провинции Цзянси": the designation is part of a foreign place's name
        mention.start = before.start
        mention.text = text[before.start : stop]
        mention.tokens = [before] + tokens
        mention.name = f"{before.lemma} {tokens[0].text}"
        mention.type = region_nouns()[before.lemma]
    elif len(tokens) >= 2 and tokens[-1].lemma in region_nouns() and tokens[-2].pos == "PROPN":
        # "Ховд аймака": a foreign name before its designation keeps its form, the designation is nominative
        mention.name = f"{join_tokens(tokens[:-1])} {tokens[-1].lemma}"
        mention.type = region_nouns()[tokens[-1].lemma]
    else:
        mention.name = normalize_phrase(tokens, phrase_head(tokens))
        if ner_type == "ORG":
            mention.name = sentence_case(mention.name, tokens[0], None, before)
        place = find_place(mention.name) or find_place(mention.text)
        if place:
            mention.name, mention.type = place.name, place.type
        elif ner_type == "ORG":
            mention.type = "organization"
        else:
            mention.type = "city" if settlement else place_type_from_morphology(tokens)
    return mention


def resolve_places(mentions: list[Mention]) -> None:
    """Give each place mention the gazetteer's id, and the gazetteer's name and type where the name was found."""
    for m in mentions:
        place = find_place(m.name) if m.type in PLACE_TYPES else None
        if place:
            m.place_id, m.name, m.type = place.place_id, place.name, place.type


def sentence_case(name: str, first, sent_tokens, before=None) -> str:
    """Lower-case a common word that is capitalised only because it opens the sentence."""
    opens_sentence = (sent_tokens[0] is first) if sent_tokens is not None else before is None
    second = name.split()[1] if len(name.split()) > 1 else ""
    if opens_sentence and is_common_word(first.text) and not first.text.isupper() and not second[:1].isupper():
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
    ids = {t.id for t in tokens}
    heads = [t for t in tokens if t.head_id not in ids]
    nouns = [t for t in heads if t.pos in ("NOUN", "PROPN")]
    return (nouns or heads or tokens)[0]


def place_type_from_morphology(tokens) -> str:
    head = phrase_head(tokens)
    return region_nouns().get((head.lemma or "").lower(), "other")


GENDER_OF_REGION_NOUN = {"область": "femn", "губерния": "femn", "республика": "femn", "провинция": "femn",
                         "край": "masc", "район": "masc", "округ": "masc", "уезд": "masc"}


def coordinated_places(doc) -> list[Mention]:
    """"Брянская и Гомельская области": two regions sharing one plural noun."""
    found = []
    for sent in doc.sents:
        t = sent.tokens
        for i in range(len(t) - 3):
            noun = t[i + 3]
            lemma = (noun.lemma or "").lower()
            if not (t[i].text[:1].isupper() and t[i + 2].text[:1].isupper() and t[i + 1].text.lower() in ("и", ",")
                    and is_adjective(t[i]) and is_adjective(t[i + 2]) and lemma in GENDER_OF_REGION_NOUN
                    and noun.feats.get("Number") == "Plur"):
                continue
            gender = GENDER_OF_REGION_NOUN[lemma]
            for adj in (t[i], t[i + 2]):
                base = morph_vocab().parse(adj.text.lower())[0].normal_form
                forms = (Parse.inflect(p, {"nomn", "sing", gender}) for p in morph_vocab().parse(adj.text.lower()) if "ADJF" in p.tag)
                form = next((f for f in forms if f is not None), None)
                word = form.word if form is not None else base
                name = f"{word[:1].upper()}{word[1:]} {lemma}"
                stop = noun.stop if adj is t[i + 2] else adj.stop
                found.append(Mention(adj.start, stop, doc.text[adj.start : stop], region_nouns()[lemma], name, tokens=[adj, noun]))
    return found


def body_mentions(doc, mentions: list[Mention], by_id) -> list[Mention]:
    """Bodies named by a common noun and a complement: "администрацией Измалковского района Липецкой области"."""
    found = []
    for sent in doc.sents:
        for token in sent.tokens:
            if word_kind(token.lemma or "") not in ("body", "executive"):
                continue
            phrase = body_phrase(token, sent.tokens, by_id)
            if phrase is None:
                continue
            start, stop = phrase[0].start, phrase[-1].stop
            name = sentence_case(normalize_phrase(phrase, token), phrase[0], sent.tokens)
            found.append(Mention(start, stop, doc.text[start:stop], "organization", name, tokens=phrase))
    return found


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
        if not (descends_from(following, head, by_id) and following.pos in ("NOUN", "PROPN", "ADJ", "ADP", "CCONJ")):
            break
        if following.pos == "CCONJ" and (starts_another_body(sent_tokens, right + 2) or changes_case(sent_tokens, right)):
            break
        right += 1
    while right > index and sent_tokens[right].pos in ("ADP", "CCONJ", "ADJ"):
        right -= 1
    has_complement = right > index and any(t.pos in ("NOUN", "PROPN") for t in sent_tokens[index + 1 : right + 1])
    proper = left < index and sent_tokens[left].text[:1].isupper() and left > 0
    if not has_complement and not proper:
        return None
    return sent_tokens[left : right + 1]


def lists_complements(tokens, comma: int, head, by_id) -> bool:
    """A comma inside a list of genitive complements of ``head``, closed by "и" within a few words."""
    after = tokens[comma + 1] if comma + 1 < len(tokens) else None
    return (after is not None and after.pos == "NOUN" and after.feats.get("Case") == "Gen" and descends_from(after, head, by_id)
            and any(t.pos == "CCONJ" for t in tokens[comma + 2 : comma + 6]))


def starts_another_body(tokens, i: int) -> bool:
    while i < len(tokens) and tokens[i].pos == "ADJ":
        i += 1
    return i < len(tokens) and word_kind(tokens[i].lemma or "") in ("body", "executive")


def changes_case(tokens, i: int) -> bool:
    """After "и", a noun in another case than the one before it starts a new phrase
    ("Министерство ... Карелия | и региональный союз"), a noun in the same case continues it
    ("министерство промышленности и торговли")."""
    before = next((t for t in reversed(tokens[: i + 1]) if t.pos in ("NOUN", "PROPN")), None)
    after = next((t for t in tokens[i + 2 :] if t.pos in ("NOUN", "PROPN")), None)
    return before is not None and after is not None and before.feats.get("Case") != after.feats.get("Case")


def descends_from(token, ancestor, by_id) -> bool:
    seen = set()
    while token is not None and token.id not in seen:
        if token.head_id == ancestor.id:
            return True
        seen.add(token.id)
        token = by_id.get(token.head_id)
    return False


def drop_nested_organizations(mentions: list[Mention]) -> list[Mention]:
    """An organisation inside a longer organisation is part of its name, not another actor."""
    orgs = [m for m in mentions if m.type == "organization"]
    kept = []
    for m in mentions:
        inside = any(o is not m and o.start <= m.start and m.stop <= o.stop and (o.stop - o.start) > (m.stop - m.start) for o in orgs)
        duplicate = any(o.start == m.start and o.stop == m.stop and o.type == m.type for o in kept)
        if (m.type == "organization" and inside) or duplicate:
            continue
        kept.append(m)
    return kept


def initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if len(w) > 2 or w[:1].isupper())


def expansion_index(names) -> dict[str, str]:
    """Runs of two to six words of each name, by their initials ("ТПП": "торгово-промышленная палата")."""
    index = {}
    for name in names:
        words = name.replace("-", " ").split()
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                key = initials(words[i:j])
                if key not in index:
                    index[key] = rebuild(name, words[i:j])
    return index


def rebuild(name: str, words: list[str]) -> str:
    """The original spelling (hyphens included) of ``words`` inside ``name``."""
    pattern = r"[\s-]*".join(re.escape(w) for w in words)
    match = re.search(pattern, name)
    return match.group(0) if match else " ".join(words)


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
        changed = False
        for i, word in enumerate(words):
            expanded = index.get(word) if ABBREVIATION.match(word) and not find_place(word) else None
            if expanded and expanded != m.name:
                words[i] = expanded[0].lower() + expanded[1:] if i > 0 else expanded
                changed = True
        if changed:
            m.aliases.add(m.name)
            m.name = " ".join(words)
            m.type = "organization" if m.type == "other" else m.type


def person_key(name: str) -> str:
    return name.lower().replace("ё", "е")


def resolve_persons(mentions: list[Mention]) -> None:
    """Give a surname alone, or a first name with patronymic, the full name it stands for.

    A lone word that matches no full name and is no known name is not a person
    ("Псковстат"); it is removed.
    """
    persons = [m for m in mentions if m.type == "person"]
    full = {}
    for m in persons:
        words = m.name.split()
        if len(words) >= 2 and not any("Patr" in p.tag.grammemes for p in morph_vocab().parse(words[-1])):
            full.setdefault(person_key(m.name), m.name)
    full_names = list(full.values())
    for m in persons:
        if person_key(m.name) in full:
            continue
        words = m.text.split()
        surname = [f for f in full_names if surname_key(f.split()[-1]) == surname_key(words[-1])]
        first = [f for f in full_names if person_key(f.split()[0]) == person_key(m.name.split()[0])]
        candidates = surname if len(words) == 1 and surname else first
        if len(set(candidates)) == 1:
            m.aliases.add(m.name)
            m.name = candidates[0]
        elif len(words) == 1 and not is_personal_name(m.tokens, strict=True):
            mentions.remove(m)


def assign_roles(sent_tokens, mentions: list[Mention]) -> None:
    """Read the office of each person mentioned in the sentence from the words around the name."""
    ids = [t.id for t in sent_tokens]
    for m in mentions:
        if m.type != "person" or m.tokens[0].id not in ids:
            continue
        first = ids.index(m.tokens[0].id)
        last = ids.index(m.tokens[-1].id)
        role_tokens = office_before(sent_tokens, first, mentions) or office_after(sent_tokens, last)
        if not role_tokens:
            continue
        office = next(t for t in role_tokens if word_kind(t.lemma or "") == "office")
        role_tokens = [t for t in role_tokens if not (t.pos in ("DET", "PRON") and t is role_tokens[0])]
        role = normalize_phrase(role_tokens, office)
        if is_common_word(role_tokens[0].text):
            role = role[0].lower() + role[1:]
        m.role = role
        m.affiliation = affiliation_in(role_tokens, mentions)


def office_before(tokens, first: int, mentions) -> list:
    """Office words before the name: "министром промышленности и торговли ДНР | Гургеном"."""
    person = next(m for m in mentions if m.type == "person" and m.tokens and m.tokens[0] is tokens[first])
    words_case = name_case([t.text for t in person.tokens], UD_CASE.get(person.tokens[-1].feats.get("Case", "")))
    name_cases = cases_of(tokens[first].text)
    person_starts = {m.start for m in mentions if m.type == "person"}
    i = first - 1
    between = []
    while i >= 0 and first - i <= MAX_ROLE_TOKENS:
        token = tokens[i]
        if token.text in DASHES:
            # skip a parenthetical between dashes: "глава района - родины Стаханова - Коршиков"
            j = i - 1
            while j >= 0 and tokens[j].text not in DASHES:
                j -= 1
            if j < 0:
                break
            i = j - 1
            continue
        if (token.pos not in ROLE_INNER_POS and token.text not in QUOTES) or token.start in person_starts:
            break
        between.insert(0, token)
        if is_office_of_name(token, tokens, words_case, name_cases):
            left = i
            while left > 0 and is_adjective(tokens[left - 1]) and cases_of(tokens[left - 1].text) & cases_of(token.text):
                left -= 1
                between.insert(0, tokens[left])
            return between
        i -= 1
    return []


def is_office_of_name(token, tokens, name_case_of: str, name_cases: set[str]) -> bool:
    """An office word in apposition to the name: same case, and not a complement of another word
    ("Председатель Совета министров | Дмитрий": "министров" is not his office)."""
    if word_kind(token.lemma or "") != "office":
        return False
    if name_cases and not cases_of(token.text) & name_cases:
        return False
    parent = next((t for t in tokens if t.id == token.head_id), None)
    if token.rel == "nmod" and parent is not None and word_kind(parent.lemma or "") == "office":
        return False
    # A genitive complement ("Совета министров") is no office of a nominative name.
    return not (token.rel == "nmod" and UD_CASE.get(token.feats.get("Case", "")) != name_case_of)


def office_after(tokens, last: int) -> list:
    """Office words after the name and a comma: "Андрей Кочетов, ректор университета,"."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return []
    i = last + 2
    while i < len(tokens) and is_adjective(tokens[i]):
        i += 1
    if i >= len(tokens) or word_kind(tokens[i].lemma or "") != "office":
        return []
    j = i + 1
    while j < len(tokens):
        if tokens[j].pos in ROLE_INNER_POS or tokens[j].text in QUOTES:
            j += 1
        elif tokens[j].text == "," and j + 1 < len(tokens) and tokens[j + 1].pos == "NOUN" and tokens[j + 1].feats.get("Case") == "Gen" \
                and any(t.pos == "CCONJ" for t in tokens[j + 1 : j + 6]):
            j += 1  # "министр промышленности, торговли и предпринимательства"
        else:
            break
    return tokens[last + 2 : j]


def affiliation_in(role_tokens, mentions) -> str:
    """The first body or place named inside the office words."""
    start, stop = role_tokens[0].start, role_tokens[-1].stop
    inside = [m for m in mentions if m.type != "person" and start <= m.start and m.stop <= stop]
    if not inside:
        return ""
    return min(inside, key=lambda m: (m.start, -(m.stop - m.start))).name
