"""Meetings, visits and sessions a document reports as held, one record per event.

A word of meeting or visiting (``data/event_terms.csv``) in a sentence in the
past starts a record, with the persons the sentence names and the place after
в/на; a visit needs a named person or a delegation. Later sentences about "the
meeting" join the first that names it.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .actors import Mention, body_of_office
from .codebook import PLACE_TYPES, TYPED_PLACES
from .datafiles import read_data, read_words
from .dates import MONTH_RE
from .gazetteer import is_capital, lemma_key, place_by_id, territory_of, word_kind
from .morph import region_nouns
from .sentence import MAX_CHAIN, Sentence, category, date_in

DAY_OF_MONTH = re.compile(r"\b\d{1,2}\s+" + MONTH_RE, re.I)  # "28 марта"
AFTER_IN = re.compile(r"\b(в|во|на)\s+$")  # the words before a place where something was held ("прошла в Луганске")


@lru_cache(maxsize=1)
def event_terms() -> dict[str, str]:
    return {row["lemma"]: row["kind"] for row in read_data("event_terms.csv")}


@lru_cache(maxsize=1)
def event_phrases() -> dict[tuple[str, str], str]:
    """(verb, object) -> kind (data/event_phrases.csv): "принял делегацию" is a meeting, "принял закон" nothing."""
    return {(row["verb"], row["object"]): row["kind"] for row in read_data("event_phrases.csv")}


def event_kind(token, sent: Sentence) -> str:
    """The kind of event the word reports: by itself (event_terms.csv), or a verb by its object (event_phrases.csv)."""
    return event_terms().get(token.lemma or "") or next(
        (kind for k in sent.kids(token, "obj") if (kind := event_phrases().get((token.lemma or "", k.lemma or "")))), "")


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
    offices: list[str] = field(default_factory=list)  # the bodies and places of officials named without a name, and of delegations
    date_basis: str = ""  # text (the sentence gives the date) or article (the article's date: held by then)
    part_of: "Event | None" = None  # the visit this meeting was held during: one occasion, not two
    sentences: list[int] = field(default_factory=list)  # starts of the sentences that report it, once merged


def extract_events(sentences: list[Sentence], published: str, planned: bool = False) -> list[Event]:
    """The events of a document, merged: one record per meeting, visit or session; with ``planned``, instead
    those it reports as yet to come ("губернатор посетит Костанай", "запланирована встреча с акимом"), which
    are no record but tell whose sides an agreement to be signed there binds.

    "В мероприятии приняли участие ...": those the sentence names took part in the latest event.
    """
    events: list[Event] = []
    for i, sent in enumerate(sentences):
        own = events_in(sent, published, planned)
        if not own and events and not events[-1].place and any(events[-1].start == s.start for s in sentences[max(0, i - 2) : i]):
            events[-1].place = place_told_after(sent)
        events += own
        if events and any(t.lemma == "участие" for t in sent.tokens):
            senders = delegators(sent)
            events[-1].participants += [m.name for m in sent.mentions if m.type == "person" and m.name not in events[-1].participants + list(senders)]
    return dated(during_visits(merge_events(events)), published)


def dated(events: list[Event], published: str) -> list[Event]:
    """The events with the basis of their date: the sentence's own (``text``), else the article's publication date,
    by which an event it reports as held had taken place (``article``); none where the article has none either."""
    for event in events:
        if event.date:
            event.date_basis = "text"
        elif published:
            event.date, event.date_basis = published, "article"
    return events


def sides_to_bind(events: list[Event], sentences: list[Sentence], mentions: list[Mention], published: str) -> list[str]:
    """The territories that met (``sides``); where the events held give fewer than two, those of the meetings and
    visits yet to come ("Губернатор посетит Костанай ... По итогам встречи будет подписан ряд меморандумов")."""
    met = sides(events, mentions)
    return met if len(met) >= 2 else sides(extract_events(sentences, published, planned=True), mentions)


def sides(events: list[Event], mentions: list[Mention]) -> list[str]:
    """The territories that met: offices of the participants and the place a visit went to, unless that place lies
    in the territory of a participant's office (a visit to Vladivostok of Primorsky Krai's governor) or is the
    capital of a participant's own state ("в ходе рабочей поездки главы региона в Москву")."""
    affiliation = {m.name: m.affiliation for m in mentions if m.type == "person" and m.affiliation}
    # a minister meets for his ministry, a party in its own right ("Министр спорта Республики Узбекистан ... встретился с
    # ... делегацией"), not for his state
    ministries = {m.name: body for m in mentions if m.type == "person" and (body := body_of_office(m.role))}
    kinds: dict[str, str] = {}
    for m in mentions:  # a name the tagger once read as a person's ("мэра Эскишехира Мехмета ...") stays a place
        kinds[m.name] = kinds[m.name] if kinds.get(m.name) in TYPED_PLACES else m.type
    place_ids = {m.name: m.place_id for m in mentions if m.place_id}
    out, visits = [], []
    for event in events:
        offices = [ministries.get(p) or affiliation.get(p, "") for p in event.participants] + event.offices
        venue = place_by_id(place_ids[event.place]) if event.place in place_ids else None
        within = venue is not None and venue.region and venue.region in {place_ids.get(o) for o in offices}
        # a governor's trip to his own state's capital goes to its federal bodies or companies, not to the city
        home = {p.state for o in offices if (p := place_by_id(place_ids.get(o, ""))) is not None}
        at_home = venue is not None and venue.state in home and is_capital(venue)
        # the place visited is the host's side; the venue of a meeting ("в Сочи") is only where they met
        if event.kind == "visit" and not within and not at_home:
            visits.append((event.place, venue))
        for name in offices:
            acts_for = (kinds.get(name) in TYPED_PLACES or name in event.offices or name in ministries.values()
                        or governs_a_territory(name, kinds) or federal_body(name, kinds))
            if acts_for and conducts_external_ties(name) and (place := territory_of(name)) is not None:
                # a government's body for external ties is its territory's side, as the territory the text names
                name = next((n for n, i in place_ids.items() if i == place.place_id and kinds.get(n) in TYPED_PLACES), name)
            if name and acts_for and name not in out:
                out.append(name)
    # a state visited where the trip's events took place in one of its regions is that region ("визит в Иран", then
    # "посетил несколько городов провинции Хормозган и встретился с ее руководителем")
    venues = [place_by_id(place_ids[e.place]) for e in events if e.place in place_ids]
    visits = [(region, None) if (region := region_visited(venue, venues)) else (name, venue) for name, venue in visits]
    # a town visited in a state that is already a side adds no side ("визит ... в Минске" beside the ambassador of Belarus)
    states = {place.name_latin for name in out if (place := place_by_id(place_ids.get(name, ""))) is not None and place.type == "country"}
    # nor does a town visited in a region that is a side, or whose executive is ("посетил Могилёв, где встретился с
    # председателем Могилёвского облисполкома"): the visit went to that region
    regions = {place_ids.get(name) or (place.place_id if (place := territory_of(name)) is not None else None) for name in out}
    for name, venue in visits:
        if (name and kinds.get(name) in TYPED_PLACES and name not in out
                and not (venue is not None and (venue.state in states or venue.region in regions))):
            out.append(name)
    # a state one of whose regions or towns is a side is where that side lies, not a side of its own ("визит в
    # Курганскую область Российской Федерации", "делегация Северо-Казахстанской области Республики Казахстан")
    places = [place_by_id(place_ids.get(name, "")) for name in out]
    held = {place.state for place in places if place is not None and place.type != "country"}
    # a body whose territory is a side is that side again ("администрация Ростова" beside Ростов-на-Дону)
    named = {place.place_id for place in places if place is not None}
    return [name for name, place in zip(out, places) if (place is None or place.type != "country" or place.name_latin not in held)
            and not (place is None and (own := territory_of(name)) is not None and own.place_id in named)]


def region_visited(venue, venues) -> str:
    """The one region of a visited state where the trip's events took place ('' if none or several)."""
    if venue is None or venue.type != "country":
        return ""
    there = {v.name for v in venues if v is not None and v.type == "region" and v.state == venue.name_latin}
    return next(iter(there)) if len(there) == 1 else ""


def sides_by_sentence(events: list[Event], mentions: list[Mention]) -> dict[int, list[str]]:
    """The sides of the events each sentence reports, by the sentence's start: "протокол ..., подписанный в прошлом году
    в Эскишехире в ходе визита чебоксарской делегации" is between the visitors and the town visited."""
    found: dict[int, list[str]] = {}
    for event in events:
        own = sides([event], mentions)
        for start in event.sentences or [event.start]:
            found.setdefault(start, [])
            found[start] += [s for s in own if s not in found[start]]
    return found


def governs_a_territory(name: str, kinds: dict[str, str]) -> bool:
    """Whether an official's body is an executive, a legislature or a body for external ties whose name holds its
    territory ("председатель Гомельского облисполкома", "Минского городского исполнительного комитета", "Законодательного
    Собрания Петербурга", "Комитета по внешним связям Петербурга"): that body is his side of the meeting; a university or
    a council in a town is not."""
    words = lemma_key(name).split()
    governs = any(word_kind(w) == "executive" for w in words + [" ".join(p) for p in zip(words, words[1:])])
    # its territory as the gazetteer knows it, or as a place the text names ("парламента провинции Гаутенг")
    named = f" {' '.join(words)} "
    placed = territory_of(name) is not None or any(f" {lemma_key(p)} " in named for p, kind in kinds.items() if kind in PLACE_TYPES)
    return kinds.get(name) == "organization" and (governs or assembly(name) or conducts_external_ties(name)) and placed


def federal_body(name: str, kinds: dict[str, str]) -> bool:
    """Whether an official's body is a federal agency or service ("руководитель Росавтодора": Федеральное дорожное
    агентство), a party in its own right as a ministry is."""
    words = lemma_key(name).split()
    return kinds.get(name) == "organization" and "федеральный" in words and any(word_kind(w) in ("body", "executive") for w in words)


def assembly(name: str) -> bool:
    """Whether a body's name is a legislature's or a chamber's that speaks for its territory (data/legislature_words.csv)."""
    return named_by(name, "legislature_words.csv")


def conducts_external_ties(name: str) -> bool:
    """Whether a body's name is that of a government's body for its territory's external ties ("Комитет по внешним
    связям Петербурга"; data/external_ties_words.csv)."""
    return named_by(name, "external_ties_words.csv")


def named_by(name: str, words_file: str) -> bool:
    named = f" {lemma_key(name)} "
    return any(f" {word} " in named for word in read_words(words_file))


def events_in(sent: Sentence, published: str, planned: bool = False) -> list[Event]:
    """Meetings, visits and sessions the sentence reports as held (one of each kind at most); with ``planned``,
    those it reports as yet to come.

    A visit needs a named person or a delegation: tourists visiting a city are no event.
    """
    found = {}
    root = next((t for t in sent.tokens if t.rel == "root"), None)
    # a present tense with "сегодня" reports what is being held ("Сегодня губернатор принимает делегацию ...")
    # (so does one with the day's date: "28 марта губернатор находится с рабочим визитом в Костромской области")
    held = any(t.feats.get("Tense") == "Past" or t.feats.get("VerbForm") == "Part" for t in sent.tokens) or (
        root is not None and root.feats.get("Tense") == "Pres"
        and (any((t.lemma or "") in read_words("today_words.csv") for t in sent.tokens) or DAY_OF_MONTH.search(sent.text)))
    if not (held or planned) or (root is not None and sent.negated(root)):
        return []
    triggers = sorted(sent.tokens, key=lambda t: t.pos != "VERB")
    for token in triggers:
        kind = event_kind(token, sent)
        if not kind or kind in found or sent.negated(token):
            continue
        if planned_event(token, sent) != planned:
            continue
        senders = delegators(sent)
        # a visit is the visitors': those a verb of the sentence says they met ("встретился с председателем ...") host it
        hosts = met_persons(sent) if kind == "visit" else set()
        participants = list(dict.fromkeys(m.name for m in sent.mentions if m.type == "person" and m.name not in senders | hosts))
        offices = unnamed_offices(sent)
        offices += [b for b in bodies_of(token, sent) if b not in offices]  # "заседание правительств X и Y"
        # the side whose delegation took part, where the text names it ("визит делегации Липецкой области")
        participants += [side for side in delegations(sent) if side not in participants]
        if kind == "visit" and not participants and not offices and "делегаци" not in sent.text.lower():
            continue  # an official named by office alone visits too ("визит губернатора Тамбовской области")
        found[kind] = Event(kind, participants, event_place(token, sent), date_in(sent.text, published),
                            sent.text, sent.start, sent.stop, within=frames_another(token, sent), offices=offices)
    return list(found.values())


def bodies_of(trigger, sent: Sentence) -> list[str]:
    """The places whose governments the event's noun names as who meets: "заседание правительств Сербии и Республики
    Сербской", "переговоры администраций Пскова и Витебска" (an executive in the genitive, its places' conjuncts)."""
    bodies = [k for k in sent.kids(trigger, "nmod") if word_kind(k.lemma or "") == "executive"]
    complements = [c for b in bodies for k in sent.kids(b, "nmod") for c in sent.conjuncts(k)]
    # the place at each complement, not the body's mention that spans it
    places = [m for c in complements for m in sent.mentions if m.type in TYPED_PLACES and m.start <= c.start < m.stop]
    return list(dict.fromkeys(m.name for m in places))


def delegations(sent: Sentence) -> list[str]:
    """The territories whose delegation or representatives the sentence names (``unnamed_offices`` of the nouns of
    data/representative_nouns.csv), less the state a region or town of them lies in ("делегации Могилевской области
    Республики Беларусь" is Mogilev oblast's)."""
    names = unnamed_offices(sent, representatives_only=True)
    ids = {m.name: m.place_id for m in sent.mentions if m.place_id}
    places = {name: place_by_id(ids[name]) for name in names if name in ids}
    held = {p.state for p in places.values() if p is not None and p.type != "country"}
    return [n for n in names if not ((p := places.get(n)) is not None and p.type == "country" and p.name_latin in held)]


def met_persons(sent: Sentence) -> set[str]:
    """Persons in a verb's "с" complement, with their conjuncts: whom the subject met or talked with."""
    met = [t for v in sent.tokens if v.pos == "VERB" for k in sent.kids(v, "obl")
           if any(c.text.lower() in ("с", "со") for c in sent.kids(k, "case")) for t in sent.conjuncts(k)]
    found = [sent.mention_at(t, person=True) for t in met]
    return {m.name for m in found if m is not None}


def delegators(sent: Sentence) -> set[str]:
    """Persons who sent others to the event ("Губернатор Василий Анохин поручил делегации ... принять
    участие"): subjects of a verb of ``data/delegating_verbs.csv``, with the name in apposition."""
    verbs = [t for t in sent.tokens if (t.lemma or "") in read_words("delegating_verbs.csv")]
    subjects = [s_ for v in verbs for s_ in sent.kids(v, "nsubj")]
    found = [sent.mention_at(t, person=True) for t in subjects]
    return {m.name for m in found if m is not None}


def unnamed_offices(sent: Sentence, representatives_only: bool = False) -> list[str]:
    """What officials named only by their office, and delegations, stand for: "переговоры главы Удмуртии и
    председателя Гомельского облисполкома" met for Удмуртия and Gomel oblast; "Делегация Вологодской
    области посетила ..." and "переговоры с делегацией из Гродно" for the delegation's territory
    (``data/representative_nouns.csv``; with ``representatives_only``, those alone). An office followed by a
    name is the person's, and the person's affiliation says it."""
    persons = [m for m in sent.mentions if m.type == "person"]
    out = []
    for token in sent.tokens:
        represents = (token.lemma or "") in read_words("representative_nouns.csv")
        # a name after the office is its holder's, unless a verb stands between ("Губернатор Рязанской области
        # встретился с главой округа Павлом Филипчуком": the governor is named by his office alone)
        if not represents and (representatives_only or word_kind(token.lemma or "") != "office" or any(
                0 <= m.start - token.stop < 60 and not sent.text[token.stop - sent.start : m.start - sent.start].count(" и ")
                and not any(t.pos == "VERB" and token.stop <= t.start < m.start for t in sent.tokens) for m in persons)):
            continue
        # "участие липецкой делегации": an adjective of place (agreement_places.authorities_by_adjective) says whose
        # (also the adjective right before the noun that the parser made its head: "северо-осетинской делегации")
        at = sent.tokens.index(token)
        before = [sent.tokens[at - 1]] if at and sent.head(token) is sent.tokens[at - 1] else []
        adjectives = [a for a in sent.kids(token, "amod") + before if represents and a.pos == "ADJ" and (m := sent.mention_at(a, person=False)) is not None
                      and m.type in TYPED_PLACES]
        # each of a list: "делегаций Курской области и Гомельской области", also where the parser made the second the
        # conjunct of the delegation whose noun it leaves out
        elided = [c for c in sent.kids(token, "conj") if represents and (c.lemma or "") in region_nouns()]
        for complement in [c for k in sent.kids(token, "nmod") for c in sent.conjuncts(k)] + elided + adjectives:
            # (a preposition stands before its noun: "делегация ... района Монголии во главе с" hangs "во" on "района"
            # by mistake)
            if represents and complement not in adjectives and not (complement.feats.get("Case") == "Gen" and all(
                    c.text.lower() == "из" for c in sent.kids(complement, "case") if c.start < complement.start)):
                continue  # whom a delegation stands for, not what it is about ("делегация на переговорах")
            found = sent.mention_at(complement, person=False)
            # a place, or the territory a body's name holds ("Гомельского облисполкома": Gomel oblast)
            home = found.name if found is not None and found.type in TYPED_PLACES else None
            mission = (complement.lemma or "") in read_words("diplomatic_missions.csv")
            if represents and home is None and word_kind(complement.lemma or "") != "executive" and not mission:
                continue  # "руководство университета": a body's own people, no territory's (but "делегация хокимията
                # Бухарской области" is the region's, by its executive)
            if found is not None and home is None and (place := territory_of(found.name)) is not None:
                # (a chamber's or legislature's members are that body's side, as its chairman is: "встреча с членами
                # Общественной палаты Брянской области")
                home = found.name if found.type == "organization" and assembly(found.name) else place.name
            elif found is not None and home is None and represents and mission:
                home = found.name  # "представитель посольства Республики Беларусь": the mission is a side itself
            # each place a plural noun is shared out to: "руководителей Курской и Гомельской областей", "руководителей
            # органов исполнительной власти Нижегородской и Новгородской областей"
            shared = [] if found is None else sent.shared_head_places(complement, found) if found.name == home else [
                place.name for m in sent.same_span(found) if (place := territory_of(m.name)) is not None]
            out += [name for name in dict.fromkeys([home, *shared]) if name and name not in out]
    return out


def frames_another(token, sent: Sentence) -> bool:
    """An event noun in the genitive under a noun or preposition of time or frame: "в ходе визита",
    "в первый день визита", "накануне визита", "итогом визита"."""
    head = sent.head(token)
    return token.pos == "NOUN" and token.feats.get("Case") == "Gen" and head is not None and head.pos in ("NOUN", "ADP", "ADV")


def planned_event(token, sent: Sentence) -> bool:
    """An event under a verb of planning or in the future ("планирует ... для проведения переговоров"), unless
    named as what has outcomes ("станут итогами визита": data/outcome_nouns.csv)."""
    current = token
    for _ in range(MAX_CHAIN):
        if current is not token and current.pos == "NOUN" and (current.lemma or "") in read_words("outcome_nouns.csv", "lemma"):
            return False
        if current.pos == "VERB" and (current.feats.get("Tense") == "Fut" or category(current) == "plan"):
            return True
        if current.pos == "VERB" and current is not token:
            return False
        current = sent.head(current)
        if current is None:
            return False
    return False


def event_place(token, sent: Sentence) -> str:
    """Where it happened: the object of посетить (or a second subject in the accusative the parser took for one:
    "Делегация ... посетила Витебск, где ..."), or a place after в/на in the sentence."""
    places = [m for m in sent.mentions if m.type in PLACE_TYPES]
    if token.lemma == "посетить":
        subjects = sent.kids(token, "nsubj")
        for obj in sent.kids(token, "obj") + [s for s in subjects[1:] if s.feats.get("Case") == "Acc" and s.start > token.start]:
            m = sent.mention_at(obj, person=False)
            if m:
                return m.name
    candidates = places + [m for m in sent.mentions if m.type == "organization"]
    for m in sorted(candidates, key=lambda m: m.start < token.start):  # what follows the trigger first
        before = sent.text[max(0, m.start - sent.start - 4) : m.start - sent.start].lower()
        if AFTER_IN.search(before) or re.search(r"\bгород\w*\s+$", sent.text[max(0, m.start - sent.start - 8): m.start - sent.start].lower()):
            return m.name  # a place, else the body that hosted it ("прошла в Луганской ТПП")
    return ""


def place_told_after(sent: Sentence) -> str:
    """Where the sentence says the event it refers back to was held: "Праздничные мероприятия состоялись в Луганской
    области" (a noun of event_anaphors.csv, subject of a verb of holding_verbs.csv, and a place after "в"); "" if it
    does not."""
    for verb in (t for t in sent.tokens if (t.lemma or "") in read_words("holding_verbs.csv")):
        if any((s.lemma or "") in read_words("event_anaphors.csv") for s in sent.kids(verb, "nsubj")):
            places = [m for m in sent.mentions if m.type in PLACE_TYPES]
            for m in places:
                if AFTER_IN.search(sent.text[max(0, m.start - sent.start - 4) : m.start - sent.start].lower()):
                    return m.name
    return ""


def during_visits(events: list[Event]) -> list[Event]:
    """The events with each meeting held during a visit pointing to that visit (``part_of``): a meeting reported in
    the sentence of the visit ("в ходе рабочей поездки в ... встретился с ..."), in a sentence framed by it ("в
    рамках визита ... встреча прошла в ...") or in the sentence right after it ("посетил посол ... На встрече с
    губернатором ...")."""
    visits = {}
    for e in events:
        if e.kind == "visit":
            for start in e.sentences:
                visits.setdefault(start, e)
    for e in events:
        if e.kind == "meeting":
            e.part_of = next((visits[s] for s in e.sentences if s in visits), e.part_of)
    return events


def merge_events(events: list[Event]) -> list[Event]:
    """One record per event: later sentences about "the meeting" join the first that names it.

    A meeting reported right after a visit is the visitor's: "посетил посол ... На встрече с
    губернатором" gives the ambassador and the governor, at the place visited.
    """
    merged: list[Event] = []
    for e in events:
        earlier = next((m for m in reversed(merged) if m.kind == e.kind), None) if e.within else None
        e.sentences = e.sentences or [e.start]
        if earlier is not None:
            # "В первый день визита Сорокин встретился ...": the visit already reported, not another
            earlier.sentences += e.sentences
            earlier.participants += [p for p in e.participants if p not in earlier.participants]
            earlier.offices += [o for o in e.offices if o not in earlier.offices]
            earlier.place = earlier.place or e.place
            continue
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == "visit" and e.kind == "meeting":
            e.participants = list(dict.fromkeys(previous.participants + e.participants))
            e.place = e.place or previous.place
            e.part_of = previous
        twin = next((m for m in reversed(merged) if m.kind == e.kind and (
            set(m.participants) & set(e.participants) or (m.place and m.place == e.place) or not (e.participants or e.place))), None)
        if twin:
            twin.participants += [p for p in e.participants if p not in twin.participants]
            twin.offices += [o for o in e.offices if o not in twin.offices]
            twin.place = twin.place or e.place
            twin.sentences += e.sentences
        elif e.participants or e.place or e.offices:  # "Переговоры губернатора ... с акимом ...": officials named by office
            merged.append(e)
    return merged
