"""A parsed sentence with the lookups the rules of agreements and events share.

``Sentence`` indexes natasha's syntax tree (heads, children, conjuncts) and the
mentions inside the sentence; ``category`` reads a word's role in an agreement
from ``data/agreement_terms.csv`` (a verb of signing, of planning, of agreeing,
an act noun); ``date_in`` the date the sentence gives an act or an event.
"""

import re
from collections import defaultdict
from functools import lru_cache

from .actors import Mention
from .codebook import PLACE_TYPES
from .datafiles import read_data, read_words
from .dates import find_dates, resolve_relative, years_mentioned
from .gazetteer import word_kind
from .morph import cases_of, region_nouns

MAX_CHAIN = 4  # how far up the tree a verb may govern an agreement noun or an event


@lru_cache(maxsize=1)
def terms() -> dict[str, tuple[str, str]]:
    """The agreement words by lemma, spelt without ё (natasha's lemmas drop it: "партнерский")."""
    return {row["lemma"].replace("ё", "е"): (row["category"], row["value"]) for row in read_data("agreement_terms.csv")}


# The stem of the words of twinning ("побратим", "побратимский", "побратимство", "города-побратимы"): an
# article with one is about twin towns, whose ties its other nouns may name ("разорвать отношения").
TWIN_STEM = "побратим"


@lru_cache(maxsize=1)
def partner_town_nouns() -> frozenset[str]:
    """Nouns that name a town's partners as towns and so list its twins by themselves ("городами-партнёрами Оша
    являются ..."; data/twin_partner_nouns.csv, ``alone``)."""
    return frozenset(row["word"] for row in read_data("twin_partner_nouns.csv") if row["alone"] == "yes")

# "40-летие", and a numeral's compound in any case, which natasha leaves unlemmatised ("к 30-летию")
ANNIVERSARY = re.compile(r"(?:летие|\d-летия|\d-летию|\d-летием|\d-летии)$")


def category(token) -> str:
    lemma = (token.lemma or "").replace("ё", "е")
    if ANNIVERSARY.search(lemma) and lemma != "столетие":  # not "столетие", a century
        return "anniversary"  # "к 30-летию установления побратимских связей"
    return terms().get(lemma, ("", ""))[0]


# A wire story's dateline: the town it was filed from, the day and month, then the agency or a dash ("Минск, 31
# августа /Синьхуа/ --", "ТАШКЕНТ, 26 апр — Sputnik.", "МОСКВА, 5 марта. /ТАСС/."). The town is where the report
# comes from, not an actor of it.
DATELINE = re.compile(
    r"^\s*[А-ЯЁA-Z][\w-]*(?:\s+[\w-]+){0,2},\s+\d{1,2}\s+(?:янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?"
    r"(?:\s+\d{4}(?:\s*г(?:ода|\.)?)?)?\.?\s*(?:/|[-–—])", re.I)


def dateline_stop(text: str) -> int:
    """Where the dateline that opens ``text`` ends (0: none)."""
    found = DATELINE.match(text)
    return found.end() if found else 0


# Words inside a witness's phrase that are no noun of it: the preposition of a place ("полпреда в ЦФО"), a list's joints
WITNESS_INNER = {"ADP", "CCONJ", "PUNCT"}


def witness_spans(tokens) -> list[tuple[int, int]]:
    """The (start, stop) of each phrase after a word of witnessing (witness_words.csv) up to the first word that cannot be
    in its genitive: in "подписали в присутствии полпреда президента в ЦФО Игоря Щёголева губернатор Рязанской области
    и ..." or "В присутствии президентов России и Беларуси губернатор ..." the witness and his places are no party."""
    spans = []
    for i, token in enumerate(tokens):
        if (token.lemma or "") not in read_words("witness_words.csv"):
            continue
        stop, after_preposition = token.stop, False
        for word in tokens[i + 1 :]:
            if word.pos in WITNESS_INNER:
                if word.text not in (",", "и") and word.pos == "PUNCT":
                    break
                after_preposition = word.pos == "ADP"
                continue
            if not (after_preposition or "gent" in cases_of(word.text)):
                break
            stop, after_preposition = word.stop, False
        spans.append((token.start, stop))
    return spans


def kind_of_place(token) -> bool:
    """Whether the token is a noun of a kind of place, which names in apposition make particular: a settlement, a unit
    of territory, or twin towns ("с городами-побратимами Тверью и Ярославлем")."""
    lemma = token.lemma or ""
    return word_kind(lemma) == "settlement" or lemma in region_nouns() or TWIN_STEM in lemma


class Sentence:
    """A sentence's tokens with the lookups the rules need. A town in the sentence's dateline is no mention of it."""

    def __init__(self, sent, mentions: list[Mention], longhand: dict[str, Mention], affiliations: dict[str, str] | None = None):
        self.tokens = sent.tokens
        self.start, self.stop, self.text = sent.start, sent.stop, sent.text
        self.by_id = {t.id: t for t in self.tokens}
        self.children = defaultdict(list)
        for t in self.tokens:
            self.children[t.head_id].append(t)
        dateline = self.start + dateline_stop(self.text)
        witnessed = witness_spans(self.tokens)
        self.mentions = [m for m in mentions if self.start <= m.start < self.stop and m.start >= dateline
                         and not any(start <= m.start < stop for start, stop in witnessed)]
        self.longhand = longhand
        self.affiliations = affiliations or {}

    def affiliation_of(self, person: Mention) -> str:
        """The body or territory the person acts for: as this mention gives it, else as the article gave it earlier
        ("президент Татарстана Рустам Минниханов", then "Минниханов и губернатор Санкт-Петербурга ... подписали")."""
        return person.affiliation or self.affiliations.get(person.name, "")

    def head(self, token):
        return self.by_id.get(token.head_id)

    def kids(self, token, *rels):
        return [c for c in self.children[token.id] if not rels or c.rel in rels]

    def below(self, token) -> list:
        """The token and every token below it in the tree (each once: the parser can make two words each other's
        head, and a walk without a record of where it has been would never end)."""
        found, seen, todo = [], {token.id}, [token]
        while todo:
            t = todo.pop()
            found.append(t)
            under = [k for k in self.kids(t) if k.id not in seen]
            seen.update(k.id for k in under)
            todo += under
        return found

    def negated(self, token) -> bool:
        return any(c.text.lower() == "не" for c in self.children[token.id])

    def conjuncts(self, token) -> list:
        out = [token]
        for c in self.listed_appositions(token) + self.kids(token, "conj"):
            out += self.conjuncts(self.modified(c))
        return out

    def listed_appositions(self, token) -> list:
        """The common nouns the parser hung on the token as appositions where they are members of its list: "Правительство
        области, акимат области и компания подписали": the noun after a comma, before a conjunct of the token."""
        at = self.tokens.index
        last = max((at(c) for c in self.kids(token, "conj")), default=-1)
        return [a for a in self.kids(token, "appos") if a.pos == "NOUN" and at(token) < at(a) < last
                and self.tokens[at(a) - 1].text == "," and a.feats.get("Case") == token.feats.get("Case")]

    def first_conjunct(self, token):
        """The first of the conjuncts the token is one of (the token itself where it is the first)."""
        while token.rel == "conj" and (head := self.head(token)) is not None:
            token = head
        return token

    def modified(self, token):
        """The proper noun right after an adjective the parser made the head of it ("и словацким Кошице", with
        Кошице hung on the adjective), else the token."""
        after = [k for k in self.kids(token) if k.pos == "PROPN" and self.tokens.index(k) == self.tokens.index(token) + 1]
        return after[0] if token.pos == "ADJ" and after else token

    def mention_at(self, token, person: bool) -> Mention | None:
        """The longest mention (of a person, or of a non-person) covering the token or its apposition."""
        found = []
        generic = kind_of_place(token)
        named = [c for c in self.kids(token, "nmod") if c.pos == "PROPN"] if generic else []
        # a state in the genitive of such a noun is where the places are, not one of them: "с городами России"; so is
        # any place in the genitive of a plural noun of places ("с республиками Донбасса", "с районами области"), but
        # not of twins, whose genitive is their owner ("с городами-побратимами Москвы")
        where = lambda m: m.type == "country" or (m.type in PLACE_TYPES and token.feats.get("Number") == "Plur" and TWIN_STEM not in (token.lemma or ""))
        wheres = {id(m) for m in self.mentions if where(m) and any(
            m.start <= c.start < m.stop and c.feats.get("Case") == "Gen" for c in named)}
        # a place the parser hangs in apposition on a common noun is where the thing is, unless the noun names a
        # place or its body: "с гимназиями Гродно" are schools, "с компанией «Гомсельмаш»" a company; a unit named by
        # its kind names it ("с соседним регионом Беларуси — Витебской областью")
        places_stand = (generic or word_kind(token.lemma or "") in ("body", "executive") or token.pos == "PROPN"
                        or (token.lemma or "") in read_words("generic_unit_nouns.csv"))
        # a region in the genitive of a noun of a settlement is where the town is: "столица Крыма" is no Crimea
        settlement = word_kind(token.lemma or "") == "settlement"
        for candidates in ([token], self.kids(token, "appos", "flat:name"), named):
            found = [m for m in self.mentions for t in candidates if m.start <= t.start < m.stop and (m.type == "person") == person
                     and (t is token or places_stand or m.type not in PLACE_TYPES) and id(m) not in wheres
                     and not (settlement and candidates is named and m.type not in ("city", "other"))]
            if found:
                break
        if not found and not person and token.text in self.longhand:
            return self.longhand[token.text]  # "ТПП" where NER saw no name
        return max(found, key=lambda m: m.stop - m.start) if found else None

    def shared_head_places(self, token, head_mention: Mention) -> list[str]:
        """The other places of coordinated adjectives that share the token as their plural noun:
        "Брянская и Гомельская области", "с Витебской и Могилёвской областями" (the actor stage makes
        one mention of each adjective; the noun belongs only to the last)."""
        adjectives = [a for c in self.kids(token, "amod") if len(self.conjuncts(c)) > 1 for a in self.conjuncts(c)]
        found = [self.mention_at(a, person=False) for a in adjectives]
        # The actor stage gives each adjective's mention the shared noun too (its text ends before the noun),
        # wherever the parser hung the adjectives.
        found += [m for m in self.mentions if m.stop <= token.start and any(t is token for t in m.tokens)]
        names = [m.name for m in found if m is not None and m is not head_mention and m.type == head_mention.type]
        return list(dict.fromkeys(names))

    def same_span(self, mention: Mention) -> list[Mention]:
        """The other bodies the actor stage made of the same words: "между правительствами Кемеровской области и
        Алтайского края" is the government of each region."""
        return [m for m in self.mentions if m.shared and mention.shared and m is not mention and (m.start, m.stop) == (mention.start, mention.stop)]

    def appositions(self, token) -> list:
        """The token's appositions, less a name after a word of witnessing (witness_words.csv): in "... подписали
        соглашение в присутствии полпреда Игоря Щёголева" the parser may hang the witness's name on a signer's office."""
        return [a for a in self.kids(token, "appos") if not any(
            (t.lemma or "") in read_words("witness_words.csv") and token.start < t.start < a.start for t in self.tokens)]

    def persons_named(self, token, until: int) -> list[Mention]:
        """The persons a subject names: the one ``person_named`` gives, and for a plural office the names listed after
        that one ("председатели облисполкомов Гомельской и Могилевской областей Иван Крупко и Леонид Заяц", whatever
        the parser hung the second name on)."""
        first = self.person_named(token, until)
        if first is None:
            return []
        found = [first]
        if token.feats.get("Number") == "Plur" and word_kind(token.lemma or "") == "office":
            # (past ``until``: the parser may make the first name a subject of its own)
            for m in sorted((m for m in self.mentions if m.type == "person" and first.stop <= m.start), key=lambda m: m.start):
                if not LIST_GAP.fullmatch(self.text[found[-1].stop - self.start : m.start - self.start]):
                    break
                found.append(m)
        return found

    def person_named(self, token, until: int) -> Mention | None:
        """The person a subject names: the name itself, else the nearest name in apposition to it;
        for an office noun with neither ("Губернатор Псковской области Олег Ведерин и председатель
        Витебского облисполкома Антон Субботько подписали", where the parser hung both names on the
        first office), the first name after it and before ``until`` (the next subject or the verb)."""
        # a name follows its office: one hung on the office from before it belongs to an earlier office, one after
        # another office of its list to that one ("Мэр Новосибирска и председатель горисполкома Владимир Кухарев")
        later_offices = [c.start for c in self.conjuncts(token)[1:] if c.start > token.start and word_kind(c.lemma or "") == "office"]
        for candidates in ([token], sorted(self.appositions(token), key=lambda t: (t.start < token.start, t.start))):
            for candidate in candidates:
                if candidate is not token and any(start < candidate.start for start in later_offices):
                    continue
                # or the name the parser hung on it ("аким области Абай | Нурлан Уранхаев": the place took the name's head)
                words = [candidate] + (self.kids(candidate, "flat:name") if candidate is not token else [])
                found = [m for m in self.mentions for w in words if m.type == "person" and m.start <= w.start < m.stop]
                if found:
                    return max(found, key=lambda m: m.stop - m.start)
        # "И.о. губернатора ... Игорь Петров": the parser takes the "И" of "И.о." for the subject (or the participle
        # of "исполняющий обязанности главы района ... Игорь Петров")
        acting = re.match(r"и\.\s?о\.|исполняющ\w*\s+(?:обязанност|полномочи)", self.text[token.start - self.start :], re.I)
        if word_kind(token.lemma or "") == "office" or acting:
            return min((m for m in self.mentions if m.type == "person" and token.start < m.start < until), key=lambda m: m.start, default=None)
        return None


LIST_GAP = re.compile(r"\s*(,|,?\s*и)\s*")  # what stands between two names of one list


def next_bound(token, tokens, stop: int) -> int:
    """Where the phrase of ``token`` ends at the latest: the start of the next of ``tokens`` after it, else ``stop``."""
    return min((t.start for t in tokens if t.start > token.start), default=stop)


TARGET_YEAR = re.compile(r"\b(на|до|к|по)\s+(\d{4}\s*[-–]?\s*)?$", re.I)
TARGET_START = re.compile(r"(на|до|к|по)\s", re.I)  # a year mention that takes its preposition in: "до 2027 года"


def date_in(text: str, published: str) -> str:
    """The first date in the sentence that dates an event, not a target ("на 2020–2021 годы")."""
    years = [y for y in years_mentioned(text) if text[y.start] not in "-–"]  # not "Белагро-2025"
    dates = find_dates(text) + years + resolve_relative(text, published)
    dates = [d for d in dates if not TARGET_YEAR.search(text[max(0, d.start - 12) : d.start]) and not TARGET_START.match(text, d.start)]
    return min(dates, key=lambda d: d.start).iso if dates else ""


def sentences_of(doc, mentions: list[Mention]) -> list[Sentence]:
    """The document's sentences, each with its mentions and the document's abbreviations."""
    longhand = {a: m for m in mentions if m.type != "person" for a in m.aliases if a.isupper()}
    affiliations: dict[str, str] = {}
    for m in mentions:
        if m.type == "person" and m.affiliation:
            affiliations.setdefault(m.name, m.affiliation)
    return [Sentence(s, mentions, longhand, affiliations) for s in doc.sents]
