"""Agreements and events reported in a document, read from natasha's syntax tree.

An agreement is found from a noun that names one (соглашение, меморандум,
дорожная карта, побратимские отношения, договорённости) or from a verb of
agreeing (договорились). Its status comes from the verbs that govern the noun:
a verb of planning (планируют заключить) makes it planned, a verb of agreeing
makes it agreed, and a verb of signing is read by its tense and voice
(подписали, подписано: signed; подпишут, будет подписано: planned). Parties
are the subjects and objects of those verbs and the members of a "между X и Y"
phrase; signatories are the persons who are subjects of a verb of signing.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .actors import REGION_NOUNS, Mention
from .gazetteer import word_kind
from .grammars import renewal_in, term_in
from .datafiles import read_data
from .dates import find_dates, resolve_relative, years_mentioned
from .morph import normalize_phrase
from .relationships import locality

KINDS = {
    "cooperation_agreement": "соглашение / договор о сотрудничестве: a written agreement between the parties",
    "memorandum": "меморандум: a memorandum of understanding or cooperation",
    "twinning": "побратимские / партнёрские отношения: twinning of towns, districts or regions",
    "roadmap": "дорожная карта, план мероприятий: a plan of joint measures",
    "accord": "договорённости: an agreement reached without a document",
    "euroregion": "еврорегион: a cross-border euroregion",
    "other": "another instrument (протокол о намерениях, ...)",
}
STATUSES = {
    "signed": "the document was signed or concluded (подписано, подписали, заключили)",
    "planned": "the parties plan or intend to sign (планируют заключить, подпишут, будет подписано)",
    "agreed": "the parties agreed, without a signed document (договорились, достигнуты договорённости)",
    "discussed": "the agreement was discussed (обсудили)",
    "suspended": "the agreement was suspended or frozen",
    "terminated": "the agreement was terminated or denounced",
}
# When sentences about one agreement disagree, the furthest stage wins.
STATUS_RANK = {"discussed": 0, "planned": 1, "agreed": 2, "signed": 3, "suspended": 4, "terminated": 5}
MAX_CHAIN = 4
SPHERE_NOUNS = {"сфера", "отрасль"}
REFERS_BACK = re.compile(r"\bсторон[ыа]\b|реализаци\w+ (этого |данного )?соглашени|в развитие соглашени", re.I)
EVENT_TERMS = {"встретиться": "meeting", "встреча": "meeting", "переговоры": "meeting", "посетить": "visit",
               "визит": "visit", "поездка": "visit", "заседание": "session", "совещание": "session"}


@dataclass
class Agreement:
    kind: str
    status: str
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    date: str = ""
    duration: str = ""
    renewal: str = ""
    scope: list[str] = field(default_factory=list)
    evidence: str = ""
    start: int = 0
    stop: int = 0
    sentences: list[str] = field(default_factory=list)
    sides_may_bind: bool = False  # reached by a verb of agreeing or discussing, so "the sides" that met are its parties
    intends: bool = False  # stated as an intention (планируют, намерены), not as a past step


@dataclass
class Event:
    kind: str
    participants: list[str]
    place: str
    date: str
    evidence: str
    start: int
    stop: int
    within: bool = False  # named as the frame of something else: "в ходе визита", "в первый день визита"


@lru_cache(maxsize=1)
def terms() -> dict[str, tuple[str, str]]:
    return {row["lemma"]: (row["category"], row["value"]) for row in read_data("agreement_terms.csv")}


def category(token) -> str:
    return terms().get((token.lemma or "").replace("ё", "е"), terms().get(token.lemma or "", ("", "")))[0]


class Sentence:
    """A sentence's tokens with the lookups the rules need."""

    def __init__(self, sent, mentions: list[Mention], longhand: dict[str, Mention]):
        self.tokens = sent.tokens
        self.start, self.stop, self.text = sent.start, sent.stop, sent.text
        self.by_id = {t.id: t for t in self.tokens}
        self.children = defaultdict(list)
        for t in self.tokens:
            self.children[t.head_id].append(t)
        self.mentions = [m for m in mentions if self.start <= m.start < self.stop]
        self.longhand = longhand

    def head(self, token):
        return self.by_id.get(token.head_id)

    def kids(self, token, *rels):
        return [c for c in self.children[token.id] if not rels or c.rel in rels]

    def negated(self, token) -> bool:
        return any(c.text.lower() == "не" for c in self.children[token.id])

    def conjuncts(self, token) -> list:
        out = [token]
        for c in self.kids(token, "conj"):
            out += self.conjuncts(c)
        return out

    def mention_at(self, token, person: bool) -> Mention | None:
        """The longest mention (of a person, or of a non-person) covering the token or its apposition."""
        found = []
        generic = word_kind(token.lemma or "") == "settlement" or (token.lemma or "") in REGION_NOUNS
        named = [c for c in self.kids(token, "nmod") if c.pos == "PROPN"] if generic else []
        for candidates in ([token], self.kids(token, "appos", "flat:name"), named):
            found = [m for m in self.mentions for t in candidates if m.start <= t.start < m.stop and (m.type == "person") == person]
            if found:
                break
        if not found and not person and token.text in self.longhand:
            return self.longhand[token.text]  # "ТПП" where NER saw no name
        return max(found, key=lambda m: m.stop - m.start) if found else None


def agreement_noun(token, sent: Sentence) -> str:
    """The kind an agreement noun names, 'anaphor' for "документ", or ''."""
    lemma = (token.lemma or "").replace("ё", "е")
    if token.pos not in ("NOUN", "PROPN"):
        return ""
    for mod in sent.kids(token, "amod", "nmod"):
        phrase = f"{mod.lemma} {lemma}" if mod.rel == "amod" else f"{lemma} {mod.lemma}"
        entry = terms().get(phrase.replace("ё", "е"))
        if entry and entry[0] == "noun":
            return entry[1]
    entry = terms().get(lemma)
    if not entry:
        return ""
    if entry[0] == "anaphor":
        return "anaphor"
    if entry[0] != "noun" or " " in lemma:
        return ""
    if entry[1] == "cooperation_agreement" and any(
            (t.lemma or "").startswith("побратим") for c in sent.kids(token, "nmod") for t in [c] + sent.kids(c, "amod", "nmod") + [g for k in sent.kids(c, "nmod") for g in sent.kids(k, "amod")]):
        return "twinning"  # "соглашение о побратимских связях", "об установлении побратимских связей"
    return entry[1]


def signing_participles(token, sent: Sentence) -> list:
    return [c for c in sent.kids(token, "acl", "amod") if category(c) == "act" and c.feats.get("VerbForm") == "Part"]


def governing_chain(token, sent: Sentence) -> list:
    """The lexicon verbs (and signing nouns) above the noun, nearest first.

    A participle on the noun counts ("соглашением, подписанным в 2024 году"),
    and so does one on a noun the phrase hangs from through another
    participle ("договорённостей, закреплённых соглашением, подписанным ...").
    """
    chain = signing_participles(token, sent)
    current = token
    for _ in range(MAX_CHAIN):
        parent = sent.head(current)
        if parent is None:
            break
        kind = category(parent)
        if kind:
            chain.append(parent)
        elif parent.feats.get("VerbForm") == "Part":
            grand = sent.head(parent)
            if grand is not None and grand.pos == "NOUN":
                chain += signing_participles(grand, sent)
            break
        elif parent.pos == "VERB" and parent.rel not in ("xcomp", "conj") and current.rel != "xcomp":
            break  # a verb conjoined to a lexicon verb shares its object: "подготовить и утвердить план"
        current = parent
    return chain


def status_of(chain, sent: Sentence, kind: str) -> str:
    """The stage an agreement is at, from the verbs that govern it; '' when they say none."""
    if not chain or any(sent.negated(t) for t in chain):
        return ""
    cats = [category(t) for t in chain]
    for terminal in ("terminate", "suspend"):
        if terminal in cats:
            return "terminated" if terminal == "terminate" else "suspended"
    outer = cats[-1]
    if outer == "plan":
        return "planned"
    if outer == "agree":
        # "договорились подписать / формировать дорожную карту": the document is yet to be made
        creates = any(c in ("act", "create") and t.feats.get("VerbForm") == "Inf" for c, t in zip(cats, chain))
        return "planned" if creates and kind != "accord" else "agreed"
    if outer == "discuss":
        return "discussed"
    acts = [t for t in chain if category(t) == "act"]
    if acts:
        return tense_status(acts[0], sent)
    # "подписи под документом поставили": the signing noun takes the tense of its verb
    for noun in (t for t in chain if category(t) == "act_noun"):
        verb = sent.head(noun)
        if verb is not None and verb.pos == "VERB":
            return tense_status(verb, sent)
    return ""


def tense_status(verb, sent: Sentence) -> str:
    feats = verb.feats
    if any(c.lemma == "быть" and c.feats.get("Tense") == "Fut" or c.text.lower() in ("будет", "будут")
           for c in sent.kids(verb, "aux", "aux:pass")):
        return "planned"
    if feats.get("Tense") == "Fut" or feats.get("VerbForm") == "Inf":
        return "planned"
    if feats.get("Tense") == "Past" or feats.get("VerbForm") == "Part":
        return "signed"
    if feats.get("Tense") == "Pres":
        return "signed"
    return ""


def party_tokens(noun, chain, sent: Sentence) -> list:
    """Subjects and objects of the governing verbs, and the members of "между X и Y"."""
    found = []
    verbs = chain + [x for v in chain for x in sent.kids(v, "xcomp") if x not in chain]
    if chain and chain[-1].feats.get("VerbForm") == "Inf":
        # "Сеймик ... принял решение приостановить действие соглашения": the subject of the finite verb above
        current = chain[-1]
        for _ in range(3):
            current = sent.head(current)
            if current is None:
                break
            if current.pos == "VERB" and current.feats.get("VerbForm") == "Fin" or current.pos == "ADJ" and current.rel == "root":  # "готовы подписать"
                found += [t for s_ in sent.kids(current, "nsubj") for t in sent.conjuncts(s_)]
                break
    for holder in [noun] + sent.kids(noun, "nmod") + verbs:
        for child in sent.children[holder.id]:
            if child is noun:
                continue
            is_between = any(c.text.lower() == "между" for c in sent.kids(child, "case"))
            is_with = any(c.text.lower() in ("с", "со") for c in sent.kids(child, "case"))
            is_agent = holder in verbs and holder.feats.get("Voice") == "Pass" and child.rel == "obl" and child.feats.get("Case") == "Ins"
            if is_agent:
                found += sent.conjuncts(child)  # "был образован Республикой Карелия и ... союзами"
            elif is_with and holder is not noun and holder not in verbs and child.rel == "nmod":
                found += sent.conjuncts(child)  # "соглашение о сотрудничестве с Калининградской областью"
            elif is_between or (holder in verbs and (child.rel in ("nsubj", "obj") or (child.rel == "obl" and is_with))):
                found += sent.conjuncts(child)
    return found


def parties_from(tokens, sent: Sentence, persons_stand_for_bodies: bool) -> list[str]:
    """Names of the actors at the tokens; a person stands for the body of their office only where allowed."""
    names = []
    for token in tokens:
        m = sent.mention_at(token, person=False)
        if m is None and persons_stand_for_bodies:
            person = sent.mention_at(token, person=True)
            m = None if person is None or not person.affiliation else person
            name = m.affiliation if m else ""
        else:
            name = m.name if m else ""
        if name and name not in names:
            names.append(name)
    return names


GAP_BETWEEN_PARTIES = re.compile(r"^[\s,]*(?:и\s+)?(?:[а-яё]+\s+){0,2}$")
STOP_WORDS = {"о", "об", "в", "во", "на", "по", "для", "с", "со", "от", "к", "при", "который", "которое", "которая"}


def linear_parties(sent: Sentence, anchor: int, backwards: bool) -> list[str]:
    """Actors listed one after another from ``anchor`` ("между X, Y и Z"; "X и Y подписали").

    Used where the parser attached the list somewhere else. Only outermost
    mentions count: "Совет ... провинции Цзянси", not "Цзянси" inside it.
    """
    spans = [m for m in sent.mentions if m.type != "person"]
    outermost = [m for m in spans if not any(o is not m and o.start <= m.start and m.stop <= o.stop and o.stop - o.start > m.stop - m.start for o in spans)]
    names, edge = [], anchor
    for m in sorted(outermost, key=lambda m: m.start, reverse=backwards):
        if (backwards and m.stop > edge) or (not backwards and m.start < edge):
            continue
        gap = sent.text[m.stop - sent.start : edge - sent.start] if backwards else sent.text[edge - sent.start : m.start - sent.start]
        if not names and gap.strip():
            break  # the list starts right at the anchor
        if names and (not GAP_BETWEEN_PARTIES.match(gap) or STOP_WORDS & set(gap.lower().replace(",", " ").split())):
            break
        if m.name not in names:
            names.append(m.name)
        edge = m.start if backwards else m.stop
    return names


def without_their_states(parties: list[str], sent: Sentence) -> list[str]:
    """The parties less any country named right after a party's region or town: in "Томской областью
    Российской Федерации" or "Павлодарская область Казахстана" the state is where the region is."""
    names = sorted((m for m in sent.mentions if m.type != "person"), key=lambda m: m.start)
    states = {b.name for a, b in zip(names, names[1:])
              if a.name in parties and a.type in ("region", "district", "city", "other") and b.type == "country"
              and sent.text[a.stop - sent.start : b.start - sent.start].strip() == ""}
    return [p for p in parties if p not in states]


def find_parties(noun, chain, sent: Sentence) -> list[str]:
    """Parties from the syntax; where it finds fewer than two, the lists the text writes out."""
    signing = any(category(v) == "act" for v in chain)
    tokens = party_tokens(noun, chain, sent)
    parties = parties_from(tokens, sent, persons_stand_for_bodies=not signing)
    if len(parties) < 2:
        between = next((t for t in sent.tokens if t.text.lower() == "между" and t.start > noun.start), None)
        if between is not None:
            parties += [p for p in linear_parties(sent, between.stop, backwards=False) if p not in parties]
    if len(parties) < 2 and chain:
        parties += [p for p in linear_parties(sent, min(t.start for t in chain), backwards=True) if p not in parties]
    if not parties and signing:
        # "глава администрации Феодосии ... и глава Арзамаса ... подписали": the signatories' bodies
        parties = parties_from(tokens, sent, persons_stand_for_bodies=True)
    return without_their_states(parties, sent)


def signatories_from(chain, sent: Sentence) -> list[str]:
    """Persons who are subjects of the signing verb; in "со стороны X соглашение подписал A,
    со стороны Y — B" every person named is a signatory."""
    signing = [v for v in chain if category(v) == "act" and v.feats.get("VerbForm") != "Part"]
    signing += [sent.head(n) for n in chain if category(n) == "act_noun" and sent.head(n) is not None and sent.head(n).pos == "VERB"]
    if signing and sent.text.lower().count("со стороны") >= 2:
        return list(dict.fromkeys(m.name for m in sent.mentions if m.type == "person"))
    names = []
    for verb in signing:
        for subject in sent.kids(verb, "nsubj"):
            for token in sent.conjuncts(subject):
                person = sent.mention_at(token, person=True) or next(
                    (sent.mention_at(c, person=True) for c in sent.kids(token, "appos")), None)
                if person and person.name not in names:
                    names.append(person.name)
    return names


TARGET_YEAR = re.compile(r"\b(на|до|к|по)\s+(\d{4}\s*[-–]?\s*)?$", re.I)


def date_in(text: str, published: str) -> str:
    """The first date in the sentence that dates an event, not a target ("на 2020–2021 годы")."""
    years = [y for y in years_mentioned(text) if text[y.start] not in "-–"]  # not "Белагро-2025"
    dates = find_dates(text) + years + resolve_relative(text, published)
    dates = [d for d in dates if not TARGET_YEAR.search(text[max(0, d.start - 12) : d.start])]
    return min(dates, key=lambda d: d.start).iso if dates else ""


def scope_of(noun, sent: Sentence) -> list[str]:
    """Spheres ("торгово-экономическая сфера") and activities ("обмен коммерческой информацией")."""
    items = []
    for token in sent.tokens:
        if (token.lemma or "") in SPHERE_NOUNS or token.lemma == "сотрудничество":
            adjectives = [t for t in sent.kids(token, "amod")]
            for adj in adjectives:
                for a in sent.conjuncts(adj):
                    items.append(a.lemma)
    for topic in sent.kids(noun, "nmod"):
        if any(c.text.lower() == "о" for c in sent.kids(topic, "case")) and topic.pos == "NOUN" and topic.lemma != "сотрудничество":
            items.append(normalize_phrase(subtree(topic, sent, skip_case=True), topic))
    for verb in sent.tokens:
        if verb.lemma in ("предусматривать", "предполагать") and any(
                s is noun or category(s) in ("anaphor",) or s.lemma == "который" for s in sent.kids(verb, "nsubj")):
            for obj in sent.kids(verb, "obj"):
                for item in sent.conjuncts(obj):
                    items.append(normalize_phrase(subtree(item, sent, skip_conj=True), item))
    return list(dict.fromkeys(i for i in items if i))


def subtree(token, sent: Sentence, skip_case=False, skip_conj=False) -> list:
    """Contiguous tokens of ``token``'s subtree (without its preposition or its conjuncts)."""
    ids = {token.id}
    for t in sent.tokens:
        chain, current = [], t
        while current is not None and current.id not in ids and len(chain) < 10:
            chain.append(current)
            current = sent.head(current)
        if current is not None and current.id in ids:
            if skip_conj and any(c.rel in ("conj", "cc", "punct") and sent.head(c) is token for c in chain):
                continue
            if skip_case and any(c.rel == "case" and sent.head(c) is token for c in chain):
                continue
            ids.update(c.id for c in chain)
    members = [t for t in sent.tokens if t.id in ids and t.pos != "PUNCT"]
    start = members.index(token)
    end = start
    while end + 1 < len(members) and sent.tokens.index(members[end + 1]) == sent.tokens.index(members[end]) + 1:
        end += 1
    begin = start
    while begin > 0 and sent.tokens.index(members[begin - 1]) == sent.tokens.index(members[begin]) - 1:
        begin -= 1
    return members[begin : end + 1]


def extract_agreements(doc, mentions: list[Mention], published: str) -> tuple[list[Agreement], list[Event]]:
    """Return the agreements (one record per agreement) and the events of a parsed document."""
    records: list[Agreement] = []
    events: list[Event] = []
    longhand = {a: m for m in mentions if m.type != "person" for a in m.aliases if a.isupper()}
    sentences = [Sentence(s, mentions, longhand) for s in doc.sents]
    territory = territories(mentions)
    kinds = {m.name: m.type for m in mentions}
    for sent in sentences:
        used_verbs = set()
        for token in sent.tokens:
            kind = agreement_noun(token, sent)
            if not kind:
                continue
            chain = governing_chain(token, sent)
            status = status_of(chain, sent, kind)
            if kind == "anaphor":
                if not status or not records:
                    continue
                kind = records[-1].kind
            if not status or (kind == "accord" and status == "signed"):
                continue
            used_verbs.update(t.id for t in chain)
            found = Agreement(kind, status, find_parties(token, chain, sent),
                              signatories_from(chain, sent), date_in(sent.text, published),
                              scope=scope_of(token, sent), evidence=sent.text, start=sent.start, stop=sent.stop,
                              sides_may_bind=category(chain[-1]) in ("agree", "discuss"), intends=category(chain[-1]) == "plan")
            merge(records, found, territory, kinds)
        for token in sent.tokens:
            if category(token) == "agree" and token.pos == "VERB" and token.id not in used_verbs and not sent.negated(token):
                found = Agreement("accord", "agreed", find_parties(token, [token], sent), [],
                                  date_in(sent.text, published), evidence=sent.text, start=sent.start, stop=sent.stop,
                                  sides_may_bind=True)
                merge(records, found, territory, kinds)
        attach_terms(records, sent)
        events += events_in(sent, published)
        if events and any(t.lemma == "участие" for t in sent.tokens):
            # "В мероприятии приняли участие ...": those named took part in the latest event
            events[-1].participants += [m.name for m in sent.mentions if m.type == "person" and m.name not in events[-1].participants]
    events = merge_events(events)
    meeting_sides = sides(events, mentions)
    for i, record in enumerate(records):
        if record.parties:
            continue
        earlier = next((r.parties for r in reversed(records[:i]) if r.parties), None)
        if record.sides_may_bind and (meeting_sides or earlier):
            record.parties = list(meeting_sides or earlier)  # "стороны договорились": the sides that met
        elif earlier and REFERS_BACK.search(record.evidence):
            record.parties = list(earlier)  # "план мероприятий по реализации соглашения", "стороны намерены"
    return records, events


def territories(mentions: list[Mention]) -> dict[str, str]:
    """The territory each body stands for: the first place named inside its name."""
    places = [m for m in mentions if m.type in ("country", "region", "district", "city", "other")]
    out = {}
    for m in mentions:
        if m.type == "organization":
            inside = [p for p in places if m.start <= p.start and p.stop <= m.stop]
            if inside:
                out.setdefault(m.name, min(inside, key=lambda p: p.start).name)
    return out


def merge(records: list[Agreement], found: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> None:
    """Fold a sentence's agreement into an earlier record of the same agreement, or add it.

    Parties match when they are the same actors or the same territories (an
    administration stands for its district).
    """
    candidates = list(reversed(records))
    if found.intends:  # a plan to sign belongs to an agreement not yet signed, where the article has one
        candidates.sort(key=lambda r: r.status == "signed")
    for record in candidates:
        if record.kind != found.kind:
            continue
        if record.status == "signed" and found.intends and found.parties:
            continue  # an intention reported after a signature is another agreement ("отдельное соглашение")
        if record.evidence == found.evidence and record.status != found.status:
            continue  # one sentence, two stages: "парафировали текст нового соглашения, которое придет на смену подписанному"
        a = {party_locality(p, territory, kinds) for p in record.parties}
        b = {party_locality(p, territory, kinds) for p in found.parties}
        same_parties = a & b or not found.parties or not record.parties
        if same_parties and (found.parties or found.status != "agreed" or record.status == "agreed"):
            if STATUS_RANK[found.status] > STATUS_RANK[record.status]:
                record.status = found.status
                record.evidence, record.start, record.stop = found.evidence, found.start, found.stop
            record.parties = merged_parties(record.parties, found.parties, territory)
            record.signatories += [s for s in found.signatories if s not in record.signatories]
            record.scope += [s for s in found.scope if s not in record.scope]
            record.date = record.date or found.date
            record.sentences.append(found.evidence)
            return
    found.sentences.append(found.evidence)
    records.append(found)


def party_locality(party: str, territory: dict[str, str], kinds: dict[str, str]) -> tuple[str, str]:
    place = territory.get(party, party)
    return locality(place, kinds.get(place, ""))


def merged_parties(old: list[str], new: list[str], territory: dict[str, str]) -> list[str]:
    """Union of two party lists, a body replacing the bare territory it stands for."""
    out = list(old)
    for party in new:
        if party in out:
            continue
        same_place = [p for p in out if p not in territory and territory.get(party) and locality(p, "")[1] == locality(territory[party], "")[1]]
        if same_place:
            out[out.index(same_place[0])] = party  # the body replaces the bare territory it stands for
        elif not any(territory.get(p) and locality(territory[p], "")[1] == locality(party, "")[1] for p in out):
            out.append(party)
    return out


def sides(events: list, mentions: list[Mention]) -> list[str]:
    """The territories that met: offices of the participants and the place visited."""
    affiliation = {m.name: m.affiliation for m in mentions if m.type == "person" and m.affiliation}
    kinds = {m.name: m.type for m in mentions}
    out = []
    for event in events:
        for name in [affiliation.get(p, "") for p in event.participants] + [event.place]:
            if name and kinds.get(name) in ("country", "region", "city", "district") and name not in out:
                out.append(name)
    return out


def attach_terms(records: list[Agreement], sent: Sentence) -> None:
    """A term ("в течение 5-ти лет") and renewal belong to the latest agreement the sentence names."""
    if not records:
        return
    duration, renewal = term_in(sent.text), renewal_in(sent.text)
    if not (duration or renewal):
        return
    names_agreement = any(agreement_noun(t, sent) for t in sent.tokens)
    if names_agreement:
        target = records[-1]
        target.duration = target.duration or duration
        target.renewal = target.renewal or renewal


def events_in(sent: Sentence, published: str) -> list[Event]:
    """Meetings, visits and sessions the sentence reports as held (one of each kind at most).

    A visit needs a named person or a delegation: tourists visiting a city are no event.
    """
    found = {}
    root = next((t for t in sent.tokens if t.rel == "root"), None)
    held = any(t.feats.get("Tense") == "Past" or t.feats.get("VerbForm") == "Part" for t in sent.tokens)
    if not held or (root is not None and sent.negated(root)):
        return []
    triggers = sorted(sent.tokens, key=lambda t: t.pos != "VERB")
    for token in triggers:
        kind = EVENT_TERMS.get(token.lemma or "")
        if not kind or kind in found or sent.negated(token):
            continue
        if planned_event(token, sent):
            continue
        participants = list(dict.fromkeys(m.name for m in sent.mentions if m.type == "person"))
        if kind == "visit" and not participants and "делегаци" not in sent.text.lower():
            continue
        found[kind] = Event(kind, participants, event_place(token, sent), date_in(sent.text, published),
                            sent.text, sent.start, sent.stop, within=frames_another(token, sent))
    return list(found.values())


def frames_another(token, sent: Sentence) -> bool:
    """An event noun in the genitive under a noun or preposition of time or frame: "в ходе визита",
    "в первый день визита", "накануне визита", "итогом визита"."""
    head = sent.head(token)
    return token.pos == "NOUN" and token.feats.get("Case") == "Gen" and head is not None and head.pos in ("NOUN", "ADP", "ADV")


def planned_event(token, sent: Sentence) -> bool:
    """An event under a verb of planning or in the future ("планирует ... для проведения переговоров")."""
    current = token
    for _ in range(MAX_CHAIN):
        if current.pos == "VERB" and (current.feats.get("Tense") == "Fut" or category(current) == "plan"):
            return True
        if current.pos == "VERB" and current is not token:
            return False
        current = sent.head(current)
        if current is None:
            return False
    return False


def event_place(token, sent: Sentence) -> str:
    """Where it happened: the object of посетить, or a place after в/на in the sentence."""
    places = [m for m in sent.mentions if m.type in ("city", "region", "country", "district", "other")]
    if token.lemma == "посетить":
        for obj in sent.kids(token, "obj"):
            m = sent.mention_at(obj, person=False)
            if m:
                return m.name
    candidates = places + [m for m in sent.mentions if m.type == "organization"]
    for m in sorted(candidates, key=lambda m: m.start < token.start):  # what follows the trigger first
        before = sent.text[max(0, m.start - sent.start - 4) : m.start - sent.start].lower()
        if re.search(r"\b(в|во|на)\s+$", before) or re.search(r"\bгород\w*\s+$", sent.text[max(0, m.start - sent.start - 8): m.start - sent.start].lower()):
            return m.name  # a place, else the body that hosted it ("прошла в Луганской ТПП")
    return ""


def merge_events(events: list[Event]) -> list[Event]:
    """One record per event: later sentences about "the meeting" join the first that names it.

    A meeting reported right after a visit is the visitor's: "посетил посол ... На встрече с
    губернатором" gives the ambassador and the governor, at the place visited.
    """
    merged: list[Event] = []
    for e in events:
        earlier = next((m for m in reversed(merged) if m.kind == e.kind), None) if e.within else None
        if earlier is not None:
            # "В первый день визита Сорокин встретился ...": the visit already reported, not another
            earlier.participants += [p for p in e.participants if p not in earlier.participants]
            earlier.place = earlier.place or e.place
            continue
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == "visit" and e.kind == "meeting":
            e.participants = list(dict.fromkeys(previous.participants + e.participants))
            e.place = e.place or previous.place
        twin = next((m for m in reversed(merged) if m.kind == e.kind and (
            set(m.participants) & set(e.participants) or (m.place and m.place == e.place) or not (e.participants or e.place))), None)
        if twin:
            twin.participants += [p for p in e.participants if p not in twin.participants]
            twin.place = twin.place or e.place
        elif e.participants or e.place:
            merged.append(e)
    return merged
