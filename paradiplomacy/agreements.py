"""Agreements reported in a document, read from natasha's syntax tree, stage by stage.

1. The instrument: a noun that names one (соглашение, меморандум, дорожная
   карта, побратимские отношения, договорённости; ``agreement_noun``), or a verb
   of agreeing (договорились) that governs none (``accords_in``).
2. Its stage (``status_of``): the verbs that govern the noun, up the tree; a
   verb of planning (планируют заключить) makes it planned, a verb of agreeing
   agreed, a verb of signing is read by its tense and voice (подписали,
   подписано: signed; подпишут, будет подписано: planned).
3. Its parties and signatories (``find_parties``, ``signatories_from``): the
   subjects and objects of those verbs, the members of "между X и Y", the
   written-out list where the parser attaches it elsewhere; signatories are the
   persons who are subjects of a verb of signing.
4. Merging within the document (``merge``): sentences about the same agreement,
   whose parties stand for the same localities, make one record at its furthest
   stage; a record left without parties takes the sides that met or the parties
   of the agreement it refers back to (``bind_sides``).

``extract_agreements`` composes them.
"""

import itertools
import re
from functools import lru_cache
from dataclasses import dataclass, field, replace

from .actors import CLOSING_QUOTE, DASHES, Mention, body_of_office, listed_apart, places_of_bodies, state_adjectives
from .agreement_places import acts_for, acts_for_a_place, heads_of_regions
from .codebook import PLACE_TYPES, SUBNATIONAL_TYPES, TYPED_PLACES, status_rank
from .datafiles import read_data, read_words
from .events import event_terms
from .grammars import renewal_in, term_in
from .gazetteer import Place, find_place, lemma_key, place_by_id, territory_of, word_kind
from .morph import cases_of, genitive, is_adjective, join_tokens, normalize_phrase, region_nouns
from .nlp import morph_vocab, reaches
from .quotations import speech_kind
from .references import kind_nouns
from .relationships import locality, own_name
from .lists import list_items
from .scope import CHAMBER, INTERGOVERNMENTAL, WITH_COMPANY, chambers_only
from .scope import category as scope_category
from .scope import compound_body, municipal_context, nongovernmental_nouns, party_levels
from .sentence import MAX_CHAIN, TWIN_STEM, Sentence, category, date_in, kind_of_place, next_bound, partner_town_nouns, terms

ACT_NOUNS = ("act_noun", "terminate", "suspend")  # the categories whose nouns name a step taken on an agreement
TWINNING = "twinning"
EUROREGION = "euroregion"
# "X и Y договорились о поставках. Соответствующий протокол подписали ...": the document of the accord before it
OF_THE_ACCORD = re.compile(r"\bсоответствующ\w+ (?:протокол|соглашени|меморандум|договор|документ)", re.I)
# words that refer back to parties named before: "стороны", "в развитие соглашения", "Мэры городов подписали",
# "соответствующий протокол"
REFERS_BACK = re.compile(r"\bсторон[ыа]\b|реализаци\w+ (этого |данного )?соглашени|в развитие соглашени|" + OF_THE_ACCORD.pattern +
                         r"|\b(?:мэры|главы|губернаторы|руководители|лидеры) (?:двух |обоих |этих )?(?:городов|регионов|областей|районов|субъектов)\b"
                         # "После переговоров губернаторы подписали соглашение": the heads who met, the subject of a past verb
                         r"|\b(?:мэры|губернаторы|акимы|градоначальники) (?:также |затем |вместе |совместно )?[а-яё]+(?:ли|лись)\b", re.I)
# "Между регионами заключено Соглашение", "между правительствами двух столиц": the parties are named only by their kind
# (or by their executives and their kind), as the sentence before named them
BETWEEN_THEIR_KIND = re.compile(r"\b[Мм]ежду (?:(?:правительствами|администрациями|мэриями|властями) (?:двух |обоих |обеих |этих |наших )?"
                                r"(?:регионов|областей|республик|городов|районов|субъектов|провинций|столиц)"
                                r"|(?:двумя |обоими |этими |нашими )?(?:[а-яё]+[ыи]ми )?(?:регионами|областями|республиками|городами|районами|субъектами|провинциями|столицами|территориями))\b")
NAME_AFTER = re.compile(r"\s+([А-ЯЁA-Z][\w-]*)")
# "главы приграничных регионов намерены подписать": the sides named only by the kind of place their heads head
HEADS_OF_THEIR_KIND = re.compile(r"\b(?:[Гг]лавы|[Гг]убернаторы|[Рр]уководители|[Мм]эры) (?:двух |обоих |обеих |этих )?(?:[а-яё]+[ыи]х )?"
                                 r"(?:регионов|областей|республик|городов|районов|субъектов|провинций|территорий)\b")


def between_their_kind(text: str, heads: bool = False) -> re.Match | None:
    """Where ``text`` names the sides of an agreement only by their kind (``BETWEEN_THEIR_KIND``, or, with ``heads``,
    their heads': ``HEADS_OF_THEIR_KIND``): a kind noun with no
    name of its own after it ("между городами Тула и Гомель" names them), though perhaps with the states they lie in
    ("между двумя приграничными регионами России и Японии")."""
    for found in [*BETWEEN_THEIR_KIND.finditer(text), *(HEADS_OF_THEIR_KIND.finditer(text) if heads else [])]:
        after = NAME_AFTER.match(text, found.end())
        if after is None or (place := find_place(after.group(1))) is not None and place.type == "country":
            return found
    return None



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
    category: str = ""  # intergovernmental, chamber or with_company (see scope)
    kinds_seen: set = field(default_factory=set)  # the kinds merged into it (a twinning made by a cooperation agreement)
    stages_seen: set = field(default_factory=set)  # the stages merged into it ("Тогда ... договорились" before "подписали")
    names_no_one: bool = False  # its sentence gives it no subject, object or partner ("Соглашение будет подписано в ноябре")
    names_no_actor: bool = False  # nor any word of a party that could be one ("намечен план мероприятий")
    one_of_pairs: bool = False  # one of the agreements a plural noun names with each partner in turn (partner_pairs)
    several: bool = False  # named by a plural noun ("Соглашения ... заключены уже со многими регионами")
    listed: bool = False  # one of the partners a sentence lists after a tally (tally_members), which the next may go on with
    counted: bool = False  # a number of them with partners of a kind ("34 соглашения с субъектами РФ"): a tally, unless two parties are named
    friendship: bool = False  # a twinning only by "дружба" in its topic ("соглашение о дружбе и сотрудничестве")
    document_kind: str = "cooperation_agreement"  # the kind its noun names without that topic (a memorandum "о дружбе")
    like_another: bool = False  # "подобное соглашение": another agreement like an earlier one, never that one (similar_words.csv)
    about_this: bool = False  # "Соглашение об этом подписали": the agreement just told, whoever its sentence names
    sides: list[str] = field(default_factory=list)  # where the sentence names partners ("с X"), the parties it names besides
    company_partner: bool = False  # its "с" partner is a company the actor stage did not name ("с холдингом ...")
    unnamed_partner: bool = False  # its "с" partner is no actor's name ("с белорусскими муниципальными образованиями")
    in_dialogue: bool = False  # its parties are only "мы" and "вы" (data/dialogue_pronouns.csv): the sides that met
    detailed: bool = False  # no record of its own: the sentences after it tell its particulars, each a record ("В частности, ...")
    vague: bool = False  # no record of its own (an accord on cooperation in general, or the umbrella of listed pairs), but it names the sides
    tie_only: bool = False  # an accord on cooperation itself ("договорились о сотрудничестве"): a record only where the article has no other
    bound: str = ""  # how it got parties its sentences do not name: meeting, earlier, each_side or previous (PARTY_BASES)
    party_basis: list[str] = field(default_factory=list)  # for each party, how the record has it (``party_bases``)
    met_side: str = ""  # the party the sides that met gave a record of one side (``other_side_met``)
    standing: bool = False  # a twinning the text states as a fact of the towns ("между городами-побратимами X и Y"), no act
    of_twins: bool = False  # the document of a standing twinning's towns ("Города-побратимы X и Y развивают ... Соответствующее соглашение"): not the twinning
    in_force: bool = False  # the words around it show it exists ("обсудили реализацию соглашения"): signed, once parties are known
    head: str = ""  # the lemma of its noun, which alone names it again ("программа сотрудничества" ... "подписали программу")
    signed_by_sides: bool = False  # its signers are named only as the sides ("Стороны подписали", "главы регионов подписали")
    former: bool = False  # "старое соглашение": the one before another (former_words.csv), never that other one
    these: bool = False  # a plural noun with a determiner that points back ("одобрил данные проекты соглашений"): those just listed
    confirms: bool = False  # an accord on the agreement the sentence before told ("Об этом договорились мэры"): its stage
    this_one: bool = False  # a singular noun with a determiner that points back ("вопрос подписания данного соглашения")
    partner_only: bool = False  # its sentence names only "с" partners, and no subject but the noun ("Уже действуют соглашения с ...")
    narrator: str = ""  # the territory of the official the sentences before it report on (``narrated_side``)
    by_pronoun: bool = False  # its verb's subject is a pronoun of that official's ("Он заключил с ... соглашение")
    narrator_person: str = ""  # the official's name, where ``by_pronoun``: he signed it
    apart: bool = False  # its noun is coordinated with another document's ("соглашение о ... и соглашение о ..."): an act of its own
    untitled: bool = False  # a bare "соглашение" that says no topic ("Соглашение, подписанное акимом ..."): may name the document just told
    side_untold: bool = False  # one partner of a noun that is its verb's subject, "Уже действуют соглашения с X и Y": kept only with the narrator's side


@lru_cache(maxsize=1)
def term_words() -> frozenset[str]:
    """Every word of an agreement term ("дорожный карта": both)."""
    return frozenset(word for lemma in terms() for word in lemma.split())


def agreement_noun(token, sent: Sentence) -> str:
    """The kind an agreement noun names, 'anaphor' for "документ", or ''."""
    lemma = (token.lemma or "").replace("ё", "е")
    if lemma in partner_town_nouns() and any((m := sent.mention_at(k, person=False)) is not None and m.type in PLACE_TYPES
                                              for k in sent.kids(token, "nmod")):
        # "Минск стал городом-партнёром Харькова": what Russian, Belarusian and Kyrgyz news call a town's twin; a
        # partner of anything else ("городом-партнёром выставки") is none
        lemma = TWIN_STEM
    if (token.pos == "PRON" and token.rel == "nsubj:pass" and token.text.lower() in ("оно", "он")
            and (verb := sent.head(token)) is not None and category(verb) == "act"):
        return "anaphor"  # "Как мы сообщали, подписано соглашение ... Оно заключено между ...": the agreement, not a person
    last = lemma.rpartition("-")[2]
    if last not in term_words():
        return ""  # most words of a text: no term has them (a cheap test before the sentence's tree)
    if token.pos not in ("NOUN", "PROPN") and not (token.pos == "ADJ" and terms().get(last, ("",))[0] == "noun"):
        return ""  # an adjective only where its lemma is a noun term: the tagger's slip on "стали побратимами"
    if "-" in lemma and last in terms():
        lemma = last  # "города-побратимы": the last part names the tie
    if lemma in read_words("intention_nouns.csv", "lemma") and token.feats.get("Number") == "Plur" and not (
            (verb := sent.head(token)) is not None and category(verb) == "act"):
        return ""  # "У Ставрополья и Белоруссии есть планы сотрудничества": intentions, unless signed or adopted
    index = sent.tokens.index(token)
    previous = sent.tokens[index - 1] if index else None
    before = [previous] if previous is not None and (previous.pos == "ADJ" or (previous.lemma or "").startswith(TWIN_STEM)) else []
    # the adjective right before the noun, whatever the parser hung on what ("побратимские связи"), or the tagger
    # took it for ("побратимские" as a verb: the dictionary does not know the word)
    # the complement of a noun of furthering or of a framework counts as the noun's own: "программа развития
    # сотрудничества", "декларация о приоритетных направлениях сотрудничества"
    furthered = [k for m in sent.kids(token, "nmod") if (m.lemma or "") in read_words("development_nouns.csv") | read_words("framework_nouns.csv")
                 for k in sent.kids(m, "nmod")]
    for mod in sent.kids(token, "amod", "nmod") + before + furthered:
        phrase = f"{lemma} {mod.lemma}" if mod.rel == "nmod" and mod not in before else f"{mod.lemma} {lemma}"
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
    # the topic, each of its conjuncts too: "соглашение о сотрудничестве и установлении побратимских связей"
    # the sides "между" names are not the topic: "договор о сотрудничестве между городами-побратимами" is between twins
    # (and the topic's other name in brackets: "договор о сотрудничестве (побратимстве)")
    topic = [t for n in sent.kids(token, "nmod") + topics_hung_on_names(token, sent) if not between_case(n, sent) for c in sent.conjuncts(n)
             for t in [c] + sent.kids(c, "amod", "nmod") + [g for k in sent.kids(c, "nmod") for g in sent.kids(k, "amod")]
             + [a for a in sent.kids(c, "appos") if bracketed(a, sent)]]
    topic += quoted_title(token, sent)
    if entry[1] in ("cooperation_agreement", "accord") and any((t.lemma or "").startswith(TWIN_STEM) for t in topic + sent.kids(token, "amod") + before):
        # "соглашение о побратимских связях", "об установлении побратимских связей", "побратимское соглашение",
        # "договорённость о побратимстве"
        return "twinning"
    if entry[1] == "memorandum" and any((t.lemma or "").startswith(TWIN_STEM) for n in sent.kids(token, "nmod")
                                        if about(n, sent) and lemma_of(n) not in read_words("development_nouns.csv")
                                        for t in [n] + sent.kids(n, "amod") + [a for k in sent.kids(n, "nmod") for a in sent.kids(k, "amod")]):
        # "Меморандум о побратимских отношениях между Уфой и Бишкеком", "об установлении побратимских отношений" is the
        # twinning; a memorandum "по установлению побратимских связей" is one towards it, one "о развитии побратимских
        # связей" furthers a twinning made before
        return "twinning"
    if entry[1] == "cooperation_agreement" and any(lemma_of(t) in read_words("friendship_words.csv") for t in topic):
        # "соглашение о дружбе и сотрудничестве", "об установлении дружественных отношений" (a Chinese province's
        # sister ties): the codebook's twinning of towns and regions
        return "twinning"
    establishing = any(lemma_of(t) in read_words("establishing_nouns.csv") for t in topic)
    if entry[1] == "memorandum" and any(lemma_of(t) == "дружба" or establishing and lemma_of(t) in read_words("friendship_words.csv") for t in topic):
        # "меморандум о дружбе (и сотрудничестве)", "об установлении партнёрских и дружеских связей" between towns (not
        # "о развитии дружественных связей"); between regions friendship_of_regions makes it a memorandum again
        return "twinning"
    if entry[1] == "cooperation_agreement" and any(names_a_euroregion(t) for t in topic):
        return EUROREGION  # "соглашение о создании Еврорегиона «Донбасс»": the euroregion it sets up
    return entry[1]


def topics_hung_on_names(noun, sent: Sentence) -> list:
    """The "о" topics after the noun that the parser hung on a person's name, which takes none: "подписание соглашения
    председателем ... Сергеем Ложечником и главой ... Александром Разовым об установлении дружественных отношений"."""
    names = [m for m in sent.mentions if m.type == "person" and m.start > noun.start]
    return [t for t in sent.tokens if t.start > noun.start and about(t, sent) and (head := sent.head(t)) is not None
            and head.pos == "PROPN" and any(m.start <= head.start < m.stop for m in names)]


def quoted_title(noun, sent: Sentence) -> list:
    """The words of the title in quotes right after the noun, which the parser may hang anywhere: "соглашения «Об
    установлении дружественных отношений между муниципальным районом «Олекминский район» ...»" ([] where none is)."""
    at = sent.tokens.index(noun) + 1
    if at >= len(sent.tokens) or sent.tokens[at].text != "«":
        return []
    depth = 0
    for i in range(at, len(sent.tokens)):
        depth += {"«": 1, "»": -1}.get(sent.tokens[i].text, 0)
        if not depth:
            return sent.tokens[at + 1 : i]
    return []


def about(noun, sent: Sentence) -> bool:
    """Whether the noun is a topic given with "о" / "об" / "обо"."""
    return any(c.text.lower() in ("о", "об", "обо") for c in sent.kids(noun, "case"))


def between_case(token, sent: Sentence) -> bool:
    """Whether the token is governed by "между"."""
    return any(c.text.lower() == "между" for c in sent.kids(token, "case"))


def names_a_euroregion(token) -> bool:
    return terms().get(lemma_of(token), ("", ""))[1] == EUROREGION


def signing_participles(token, sent: Sentence) -> list:
    """Participles of signing or drafting on the noun ("о разработанном соглашении": drafted, not yet signed); also on
    its complement where they agree with the noun, not with the complement ("соглашением о сотрудничестве, подписанным
    в 2007 году"); and on a copy of it ("обменялись подписанными экземплярами соглашения")."""
    case = token.feats.get("Case")
    hangers = [(token, True)] + [(c, False) for c in sent.kids(token, "nmod")]
    copy = sent.head(token)
    if token.rel == "nmod" and copy is not None and lemma_of(copy) in read_words("document_copies.csv"):
        hangers.append((copy, True))
    return [c for holder, own in hangers for c in sent.kids(holder, "acl", "amod")
            if category(c) in ("act", "create") and (c.feats.get("VerbForm") == "Part" or sealed_by(c, holder))
            and (own or c.feats.get("Case") == case != holder.feats.get("Case"))]


def sealed_by(participle, noun) -> bool:
    """Whether a participle the tagger calls an adjective, which the parser hung on an instrumental noun, is sealed by
    it ("дружбы, скреплённой соглашением": the agreement is the act's instrument, so it was made)."""
    return participle.pos == "ADJ" and noun.feats.get("Case") == "Ins" and verb_features(participle.text).get("VerbForm") == "Part"


POSSESSIVE_PRONOUNS = ("его", "её", "ее")  # a town's or region's, as the owner of its twin or agreement
PRONOUNS_OF_THINGS = ("он", "она", "оно", "они")  # lemmas of "его", "её", "их" as objects


def stage_category(token, sent: Sentence) -> str:
    """The token's category in the lexicon, else the one a verb has with its complement ("поставил на паузу":
    data/phrase_verbs.csv)."""
    if sends_a_draft(token, sent):
        # "направило проект соглашения в облисполком", "обменялись проектами соглашения": the agreement is to come
        # (whatever the verb does to a signed copy)
        return "plan"
    found = category(token)
    if found or token.pos != "VERB" or (by_complement := phrase_verbs().get(lemma_of(token))) is None:
        return found
    # the complement by its lemma, or by its preposition alone ("Меморандум заключался с Циндао": concluded with a partner,
    # where "заключается в обмене опытом" is what it consists in)
    return next((by_complement[key] for k in sent.kids(token, "obl", "nmod") for key in [lemma_of(k)] + [lemma_of(c) for c in sent.kids(k, "case")]
                 if key in by_complement), "")


def sends_a_draft(verb, sent: Sentence) -> bool:
    """Whether the verb is one of sending (data/sending_verbs.csv) whose object is a draft (draft_nouns.csv)."""
    return (verb.pos == "VERB" and lemma_of(verb) in read_words("sending_verbs.csv")
            and any(lemma_of(k) in read_words("draft_nouns.csv", "lemma") for k in sent.kids(verb, "obj", "nsubj:pass", "obl")))


def addressees(noun, verbs, sent: Sentence) -> list:
    """Whom a draft is sent to, anywhere under a verb of sending: "направило проект соглашения в Витебский облисполком"
    ("в" with the accusative, wherever the parser hangs it), "передал проект губернатору" (the dative); [] where
    "между" names the sides ("проект соглашения между X и Y направлен на согласование в министерство")."""
    senders = [] if betweens_after(noun, sent) else [v for v in verbs if sends_a_draft(v, sent)]
    return [t for t in sent.tokens for v in senders if t is not v and reaches(t, v, sent.by_id) and (
        t.feats.get("Case") == "Acc" and any(c.text.lower() in ("в", "во") for c in sent.kids(t, "case"))
        or t.feats.get("Case") == "Dat" and t.rel in ("obl", "iobj") and not sent.kids(t, "case"))]


@lru_cache(maxsize=1)
def phrase_verbs() -> dict[str, dict[str, str]]:
    """verb -> {complement -> category} (data/phrase_verbs.csv), read once: every verb the lexicon lacks is looked up."""
    found: dict[str, dict[str, str]] = {}
    for row in read_data("phrase_verbs.csv"):
        found.setdefault(row["verb"], {})[row["complement"]] = row["category"]
    return found


def governing_chain(token, sent: Sentence) -> list:
    """The lexicon verbs (and signing nouns) above the noun, nearest first.

    A participle on the noun counts ("соглашением, подписанным в 2024 году"),
    and so does one on a noun the phrase hangs from through another
    participle ("договорённостей, закреплённых соглашением, подписанным ...").
    """
    chain = signing_participles(token, sent)
    # "30-летие побратимских связей" where the parser made the anniversary a numeral of the noun, or of its
    # adjective ("30-летию породненных связей")
    modifiers = sent.kids(token, "nummod", "amod")
    chain += [c for c in modifiers + [k for a in modifiers for k in sent.kids(a, "nummod", "amod")] if category(c) == "anniversary"]
    current, seen = token, {token.id}
    for _ in range(MAX_CHAIN):
        parent = sent.head(current)
        if parent is not None and parent.id in seen:
            # the parser can make two words each other's head ("установили побратимские связи": the adjective
            # and the noun, hung from no verb); the verb of the agreement right before the pair governs it
            parent = verb_before((current, parent), sent)
            if parent is None or parent.id in seen:
                break
        if parent is None:
            break
        seen.add(parent.id)
        if parent.pos == "VERB" and lemma_of(parent) in read_words("developing_verbs.csv"):
            break  # "намерена развивать партнёрские отношения": the wish is to further the tie, not to conclude one
        kind = stage_category(parent, sent)
        if kind in ("terminate", "act", "create") and (needed := terms().get(lemma_of(parent), ("", ""))[1].split("|")) != [""] and not any(
                c.text.lower() in needed for c in sent.kids(current, "case")) and not (current.rel in ("nsubj", "obl") and lemma_of(current) in needed) \
                and not any(lemma_of(k) in needed for k in sent.kids(parent, "obj", "obl")):
            # "вышел из соглашения" ends it, "выйдем на побратимство" does not; "действие соглашения истекло" ends it,
            # "переговоры завершились подписанием соглашения" does not; "соглашение утратило силу" ends it;
            # "обменялись экземплярами соглашения" concludes it, "обменялись мнениями о соглашении" does not; "вступило в
            # силу" puts it in force
            kind = ""
        if kind in ("act", "create") and any(c.text.lower() == "к" for c in sent.kids(current, "case")):
            kind = ""  # "оформлены в виде протоколов к соглашению": the protocols are made, not the agreement
        if kind == "plan" == category(parent) and (needed := terms().get(lemma_of(parent), ("", ""))[1]) and not any(
                category(k) == needed for k in sent.kids(parent, "xcomp")):
            kind = ""  # "соглашение должно быть подписано" is to come; "план должен поддержать отношения" says what it is for
        if current.rel == "conj" and own_subject(current, sent) and own_subject(parent, sent):
            break  # "были обсуждены вопросы ... и подписан меморандум": each verb has its own subject
        if current is not token and current.rel == "conj" and current in chain and (sent.kids(parent, "obj") or about_what(parent, sent)):
            # "обсудили взаимодействие и договорились о подписании соглашения", "договорились о сотрудничестве и подписали
            # программу": the first verb acts on its own object or topic
            break
        if current is not token and current.rel == "conj" and ends_one_signs_other(current, parent):
            break  # "расторг соглашение с Курском и подписал соглашения с Люблином": the second is signed, not ended
        if kind == "become" and current.rel not in ("xcomp", "obl") and cases_of(current.text) != {"ablt"} and not outcome_of(parent, sent):
            break  # "соглашение стало основой": the noun is the subject, not what the parties became (but "Результатом
            # переговоров стал меморандум": it came about; a word that can only be instrumental is the predicate whatever
            # the parser and the tagger call it: "городом-побратимом Смоленска является Гомель")
        if kind == "plan" and current.pos == "VERB" and current.feats.get("VerbForm") == "Fin":
            break  # "Сессия постановила: Чернигов и Тамбов больше не являются ...": the clause says its own stage
        if kind:
            chain.append(parent)
        elif parent.feats.get("VerbForm") == "Part":
            grand = sent.head(parent)
            if grand is not None and grand.pos == "NOUN" and existing_word(current) and grand.id not in seen:
                # "подписали дорожную карту, направленную на реализацию соглашения": the act the noun frames is what
                # shows it, as with "дорожную карту по реализации соглашения"
                seen.add(grand.id)
                current = grand
                continue
            if grand is not None and grand.pos == "NOUN":
                chain += signing_participles(grand, sent)
            break
        elif parent.pos == "VERB" and parent.rel not in ("xcomp", "conj") and current.rel != "xcomp":
            break  # a verb conjoined to a lexicon verb shares its object: "подготовить и утвердить план"
        current = parent
    chain = chain or subjectless_verb_beside(token, sent) or signatures_under(token, sent)
    # "согласовали план мероприятий ... и подписали его": a verb of signing joined to the chain's, with a pronoun for
    # its object, acts on the noun too
    return chain + [v for top in chain[-1:] for v in sent.kids(top, "conj") if category(v) == "act"
                    and any(o.pos == "PRON" and lemma_of(o) in PRONOUNS_OF_THINGS for o in sent.kids(v, "obj"))]


def signatures_under(noun, sent: Sentence) -> list:
    """The signatures put under the noun where the parser hung "под документом" on the verb, not on them: "Под
    документом поставили свои подписи мэр ... и глава ..." ([] otherwise)."""
    verb = sent.head(noun)
    if verb is None or verb.pos != "VERB" or not any(c.text.lower() == "под" for c in sent.kids(noun, "case")):
        return []
    return [o for o in sent.kids(verb, "obj") if category(o) == "act_noun"][:1]


def subjectless_verb_beside(noun, sent: Sentence) -> list:
    """A verb of signing right after or before the noun that lacks the noun's role of its own, where the parser hung
    the noun on another clause's verb: as subject ("...: соответствующее соглашение подписано в Челябинске" hung on
    "сотрудничать", "экскурсия в музей, где и было принято Соглашение" hung on "стало"; a verb before must agree in
    gender too), or as object of a verb before it ("совершил визит в Минск, где мэры подписали меморандум" hung on
    "совершил")."""
    at = sent.tokens.index(noun)
    after = sent.tokens[at + 1] if at + 1 < len(sent.tokens) else None
    before = sent.tokens[at - 1] if at else None
    for verb in (after, before):
        if verb is None or verb.pos != "VERB" or category(verb) != "act":
            continue
        if noun.rel == "obj" and verb is before and not sent.kids(verb, "obj") and verb.feats.get("Voice") != "Pass":
            return [verb]
        if (noun.rel != "nsubj" or sent.kids(verb, "nsubj", "nsubj:pass") or verb.feats.get("Number") != noun.feats.get("Number")):
            continue
        if verb is before and verb.feats.get("Gender") != noun.feats.get("Gender"):
            continue
        return [verb]
    return []


def outcome_of(verb, sent: Sentence) -> bool:
    """Whether a verb of being in the past says its subject was an event's outcome ("Результатом переговоров стал
    меморандум", data/outcome_nouns.csv); "Соглашения станут итогами визита" says nothing of a signing's stage."""
    return verb.feats.get("Tense") == "Past" and any(lemma_of(k) in read_words("outcome_nouns.csv", "lemma") for k in sent.kids(verb, "obl", "xcomp"))


def ends_one_signs_other(verb, other) -> bool:
    """Whether of two conjoined verbs one ends an agreement and the other concludes one ("расторг ... и подписал")."""
    ending = {category(verb) in ("terminate", "suspend"), category(other) in ("terminate", "suspend")}
    return ending == {True, False} and bool(category(verb)) and bool(category(other))


def own_subject(verb, sent: Sentence) -> bool:
    return bool(sent.kids(verb, "nsubj", "nsubj:pass"))


def subjects_holder(verb, sent: Sentence):
    """The verb whose subjects are the verb's: its head verb, where it is conjoined to one, or tacked on to one in the
    same number, with no subject of its own ("Житомир расторг ... и подписал", "X согласовали план ... и подписали его");
    else the verb itself."""
    head = sent.head(verb) if verb.rel == "conj" and not own_subject(verb, sent) else None
    if head is None and verb.feats.get("VerbForm") == "Conv" and not own_subject(verb, sent):
        head = sent.head(verb)  # "мы уже сделали первый шаг, подписав протокол": a verbal adverb's subject is its verb's
    if head is None and verb.rel == "root" and not own_subject(verb, sent):
        head = dashed_from(verb, sent)
    if head is None and verb.rel == "parataxis" and not own_subject(verb, sent) and (joined := sent.head(verb)) is not None \
            and joined.feats.get("Number") and joined.feats.get("Number") == verb.feats.get("Number"):
        head = joined  # "X и Y встретились в Минске, после чего подписали программу": a clause tacked on, in the same number
    return head if head is not None and head.pos == "VERB" else verb


def dashed_from(verb, sent: Sentence):
    """The verb of the clause before a dash that a verb with no subject of its own spells out, of the same number:
    "губернатор и председатель облисполкома сделали важный шаг - подписали соглашение" (the parser making both roots); None if none."""
    index = sent.tokens.index(verb)
    if index < 2 or sent.tokens[index - 1].text not in DASHES:
        return None
    before = [t for t in sent.tokens[: index - 1] if t.rel == "root" and t.pos == "VERB" and t.feats.get("Number") == verb.feats.get("Number")]
    return before[-1] if before else None


def verb_before(pair, sent: Sentence):
    """The lexicon verb right before a pair of words ("установили | побратимские связи"), or the noun of an act
    on it ("о разрыве | побратимских отношений", "подписание | дорожной карты"); None if there is neither."""
    index = min(sent.tokens.index(t) for t in pair)
    before = sent.tokens[index - 1] if index else None
    if before is None or not category(before):
        return None
    return before if before.pos == "VERB" or before.pos == "NOUN" and category(before) in ACT_NOUNS else None


def since(act_noun, sent: Sentence) -> bool:
    """Whether the noun of an act marks the time since it ("со дня подписания", "с момента заключения"; data/since_nouns.csv)."""
    head = sent.head(act_noun)
    span = sent.head(head) if head is not None else None
    # "в течение месяца с момента подписания", "через год со дня подписания": a deadline counted from a signing
    # that may be still to come
    deadline = span is not None and any(c.text.lower() in ("в", "через") for c in sent.kids(span, "case"))
    return head is not None and lemma_of(head) in read_words("since_nouns.csv") and any(
        c.text.lower() in ("с", "со") for c in sent.kids(head, "case")) and not deadline


def drafted(noun, sent: Sentence) -> str:
    """'planned' where the noun is the complement of a noun of a draft ("поручил передать проект соглашения":
    data/draft_nouns.csv), else ''."""
    head = sent.head(noun)
    return "planned" if head is not None and noun.rel == "nmod" and lemma_of(head) in read_words("draft_nouns.csv", "lemma") else ""


def drafted_below(chain, index: int) -> bool:
    """Whether a noun of drafting ("подготовка", "разработка") lies in the chain below its ``index``-th word: what
    that word does is done to the drafting, not to the agreement ("Принято решение о подготовке соглашения")."""
    return any(category(t) == "create" and t.pos == "NOUN" for t in chain[:index])


def status_of(chain, sent: Sentence, kind: str) -> str:
    """The stage an agreement is at, from the verbs that govern it; '' when they say none."""
    if chain and category(chain[-1]) == "become" and no_longer(chain[-1], sent):
        return "terminated"  # "Житомир и Курск больше не являются городами-побратимами"
    if not chain or any(sent.negated(t) for t in chain):
        return ""
    cats = ["terminate" if category(t) == "refuse" and renounces(t, sent) else stage_category(t, sent) for t in chain]
    if "anniversary" in cats and set(cats[: cats.index("anniversary")]) <= {"act_noun"}:
        return "signed"  # "30-летие побратимских связей", "годовщина подписания соглашения": it exists
    if any(c in ("act", "become") and any(k.text.lower() == "бы" for k in sent.kids(t, "aux")) for c, t in zip(cats, chain)):
        return "discussed"  # "были бы рады, если бы Фано стал побратимом Ялты": an act wished for, not done
    if any(sends_a_draft(t, sent) for t in chain) and "terminate" not in cats:
        return "planned"  # "решил направить проекты соглашений в парламенты ...": a draft sent is no agreement signed
    if "refuse" in cats and {"terminate", "suspend"} & set(cats[: cats.index("refuse")]):
        return "signed"  # "отказался разрывать побратимские связи": refusing to end it keeps it in force
    if "refuse" in cats or "urge" in cats:
        # "отказалась подписывать": no agreement, and none planned; "призвал прекратить отношения", "рекомендовал
        # подписать": a call on someone else says nothing of the stage the agreement is at
        return ""
    for terminal in ("terminate", "suspend"):
        if terminal in cats:
            # its ending intended, proposed or considered: "намерен заморозить партнёрские связи", "рассмотрит
            # предложение о разрыве побратимских отношений" (data/proposal_nouns.csv)
            intended = [t for c, t in zip(cats[cats.index(terminal) + 1 :], chain[cats.index(terminal) + 1 :])
                        if c in ("plan", "discuss") or lemma_of(t) in read_words("proposal_nouns.csv")]
            if any(lemma_of(t) not in read_words("decision_verbs.csv") for t in intended):
                return "signed"  # still in force
            ending = chain[cats.index(terminal)]
            return "terminated" if terminal == "terminate" and not temporarily(ending, sent) else "suspended"
    if (cats[0] == "act" and chain[0].feats.get("VerbForm") == "Part" and chain[0].feats.get("Tense") == "Past" and len(chain) > 1
            and not sent.kids(chain[0], "aux", "aux:pass")):
        # "наметили перспективы в целях реализации соглашения, подписанного в 2024 году": signed already (but "выразил
        # надежду, что соглашение будет подписано": the auxiliary gives the tense)
        return "signed"
    verbs = act_noun_verbs(chain, sent)
    if verbs and lemma_of(verbs[0]) in read_words("approval_verbs.csv"):
        # "одобрили заключение соглашения", "постановление, которым одобрено подписание соглашения": a signing approved
        # is still to come, whatever is done above it
        return "planned"
    outer = cats[-1]
    if outer == "plan":
        return "planned"
    if outer == "agree":
        # "договорились подписать / формировать дорожную карту / о разработке программы": the document is yet to be made
        # "договорились, что области подпишут соглашение": a signing still to come, in the clause of what was agreed
        creates = any(c in ("act", "act_noun", "create") and (t.feats.get("VerbForm") == "Inf" or t.pos == "NOUN"
                                                            or c == "act" and tense_status(t, sent) == "planned") for c, t in zip(cats, chain))
        return "planned" if creates and kind != "accord" else "agreed"
    if outer == "discuss":
        return "discussed"
    if outer == "create" and set(cats) == {"create"} and chain[-1].feats.get("VerbForm") != "Inf":
        # "разработают дорожную карту", "проект соглашения разработан": a document being drawn up is not yet signed
        # (an infinitive "сформировать" belongs to a verb above it that says the stage)
        return "planned"
    if cats[0] == "act_noun" and (above := sent.head(chain[0])) is not None and lemma_of(above) in read_words("preparing_nouns.csv", "lemma"):
        return "planned"  # "ведётся работа по подписанию соглашения", "подготовка к подписанию": the signing is to come
    acts = [t for t, c in zip(chain, cats) if c in ("act", "become", "bind")]
    if acts and drafted_below(chain, chain.index(acts[0])):
        return "planned"  # "Принято решение о подготовке соглашения": what was adopted is its drafting
    if acts:
        return tense_status(acts[0], sent)
    if cats[0] == "act_noun" and since(chain[0], sent):
        return "signed"  # "30 лет со дня подписания соглашения": time counted since it was signed
    if cats[0] == "act_noun" and outcome_without_verb(chain[0], sent):
        return "signed"
    # "подписи под документом поставили": the signing noun takes the tense of its verb
    return tense_status(verbs[0], sent) if verbs else ""


def outcome_without_verb(noun, sent: Sentence) -> bool:
    """Whether a signing noun is what an outcome noun names, with a dash for the verb ("Среди итогов форума — подписание
    соглашения ...": the signing was one of the results; data/outcome_nouns.csv)."""
    outcome = sent.head(noun)
    return (outcome is not None and noun.rel == "nsubj" and outcome.pos == "NOUN" and lemma_of(outcome) in read_words("outcome_nouns.csv", "lemma")
            and any(t.text in DASHES and outcome.start < t.start < noun.start for t in sent.tokens))


def no_longer(verb, sent: Sentence) -> bool:
    """Whether the verb is negated with a word of "no longer" ("больше не являются", "отныне не является"), or is a
    negated participle a body declares by (data/declaring_verbs.csv: "признал города ... не являющимися побратимами")."""
    adverbs = [a for m in sent.kids(verb, "advmod") for a in [m] + sent.kids(m, "advmod")]  # "больше" may hang on "не"
    # (the participle on the verb, or on the verb's object: the parser hangs it either way)
    above = [h for h in [sent.head(verb)] if h is not None for h in [sent.first_conjunct(h)] for h in ([h] + ([sent.head(h)] if h.rel == "obj" and sent.head(h) is not None else []))]
    declared = verb.feats.get("VerbForm") == "Part" and any(lemma_of(h) in read_words("declaring_verbs.csv") for h in above)
    return sent.negated(verb) and (declared or any(a.text.lower() in read_words("no_longer_words.csv") for a in adverbs))


def temporarily(verb, sent: Sentence) -> bool:
    """Whether ending is done for a time ("временно прекратил все взаимоотношения"): a suspension (temporary_words.csv)."""
    return any(a.text.lower() in read_words("temporary_words.csv") for a in sent.kids(verb, "advmod"))


def renounces(verb, sent: Sentence) -> bool:
    """Whether a verb of refusing gives up what there is: what it refuses taken with "от" ("отказался от побратимства с
    Костромой"), a verb of regarding under it ("отказался считать побратимами шесть городов"; regarding_verbs.csv) or
    of keeping it in force ("отказался продлевать соглашение"; renewing_verbs.csv) end the agreement, where
    "отказалась подписывать соглашение" refuses one."""
    giving_up = read_words("regarding_verbs.csv") | read_words("renewing_verbs.csv")
    return (any(k.text.lower() == "от" for o in sent.kids(verb, "obl") for k in sent.kids(o, "case"))
            or any(lemma_of(x) in giving_up for x in sent.kids(verb, "xcomp")))


def act_noun_verbs(chain, sent: Sentence) -> list:
    """The verbs of the chain's signing nouns ("подписи ... поставили"), past a noun of ceremony that frames the
    signing ("Церемония подписания соглашения прошла 15 апреля"; category frame in data/agreement_terms.csv)."""
    verbs = []
    for noun in (t for t in chain if category(t) == "act_noun"):
        verb = sent.head(noun)
        if verb is not None and category(verb) == "frame":
            verb = sent.head(verb)
        if verb is not None and verb.pos == "VERB":
            verbs.append(verb)
    return verbs


def tense_status(verb, sent: Sentence) -> str:
    feats = verb.feats if verb.pos in ("VERB", "AUX") else verb_features(verb.text)
    if any(c.lemma == "быть" and c.feats.get("Tense") == "Fut" or c.text.lower() in ("будет", "будут")
           for c in sent.kids(verb, "aux", "aux:pass")):
        return "planned"
    if feats.get("VerbForm") == "Inf" and (success := sent.head(verb)) is not None and verb.rel in ("xcomp", "csubj") \
            and lemma_of(success) in read_words("success_verbs.csv"):
        return tense_status(success, sent)  # "удалось подписать": done where the success is, planned where "удастся"
    if feats.get("VerbForm") == "Conv" and (head := sent.head(verb)) is not None and head.pos in ("VERB", "AUX") and head is not verb:
        return tense_status(head, sent)  # "завершил визит, подписав соглашение": a verbal adverb's act is in its verb's time
    if feats.get("Tense") == "Fut" or feats.get("VerbForm") == "Inf":
        return "planned"
    if feats.get("Tense") == "Past" or feats.get("VerbForm") == "Part":
        return "signed"
    if feats.get("Tense") == "Pres":
        return "signed"
    return ""


def verb_features(word: str) -> dict:
    """The tense and verb form of a word the parser tagged as another part of speech ("скрепили" as
    an adjective), from the dictionary's first reading of it as a verb or participle; {} when it has none."""
    for parse in morph_vocab().parse(word.lower()):
        if "VERB" in parse.tag.grammemes:
            tense = {"past": "Past", "futr": "Fut", "pres": "Pres"}.get(parse.tag.tense, "")
            return {"Tense": tense, "VerbForm": "Fin"} if tense else {}
        if "INFN" in parse.tag.grammemes:
            return {"VerbForm": "Inf"}
        if "PRTF" in parse.tag.grammemes:
            return {"VerbForm": "Part"}  # "дружбы, скреплённой соглашением": a participle the tagger calls an adjective
    return {}


def party_tokens(noun, chain, sent: Sentence) -> list:
    """Subjects and objects of the governing verbs, and the members of "между X и Y"."""
    found = []
    verbs = chain + [x for v in chain for x in sent.kids(v, "xcomp") if x not in chain]
    # "поставили подписи на дорожной карте": who put the signatures signed it
    verbs += [v for v in act_noun_verbs(chain, sent) if v not in verbs]
    # "Мэрия Риги объявила о расторжении соглашения": who speaks of the act does it
    verbs += [v for v in stage_noun_verbs(chain, sent) if v not in verbs]
    if any(category(t) == "anniversary" for t in chain):
        # "Ярославль и Эксетер отметили 30-летие побратимских связей": who marks it are its parties
        verbs += [h for x in [noun] + chain if (h := sent.head(x)) is not None and h.pos == "VERB" and h not in verbs]
    found += deciders(chain, sent) + described_by(verbs, sent)
    # "Житомир расторг ... и подписал соглашения с Люблином": a conjoined verb's subject is its head verb's
    found += [t for v in verbs if (h := subjects_holder(v, sent)) is not v for s_ in sent.kids(h, "nsubj") for t in sent.conjuncts(s_)]
    for child in (with_partners(noun, verbs, sent) + cooperating(noun, verbs, sent) + possessors(noun, verbs, sent) + regarded(verbs, sent) + addressees(noun, verbs, sent)
                  + twinned_for(noun, verbs, sent) + [t for side in cooperating_within(noun, sent) for t in side]):
        found += sent.conjuncts(child)
        found += names_of_kind(sent.conjuncts(child), sent)
    # "Правительство Таджикистана утвердило соглашения о сотрудничестве Хатлонской области с тремя регионами": the tie
    # names both its sides, and the verb's subject approves or reports it
    own_sides = tie_names_both_sides(noun, sent)
    for holder in [noun] + sent.kids(noun, "nmod") + verbs:
        for child in sent.children[holder.id]:
            if child is noun:
                continue
            is_between = between_case(child, sent)
            is_agent = holder in verbs and holder.feats.get("Voice") == "Pass" and child.rel in ("obl", "obl:agent", "iobj") and child.feats.get("Case") == "Ins"
            # "был образован Республикой Карелия и ... союзами"; "между X и Y"; "X подписала ... Y"
            if is_between and names_no_party(child, sent):
                continue  # "между школой № 31 и ...": sides the text names by what they are, none of them a government
            if is_agent or is_between or stray_object(child, holder, sent) or (
                    holder in verbs and (child.rel in ("nsubj", "obj") and not located(child) or stray_subject(child, sent)) and not own_sides):
                # "Собрание приняло постановление, которым одобрено подписание соглашения": the relative agent (which the
                # parser may make an indirect object) stands for the resolution, and so for the body that adopted it
                found += [antecedent(c, sent) for c in sent.conjuncts(child)]
                # "между администрацией X и облисполкомами всех 6 областей Беларуси: Брестской, ...": the list after the colon
                found += names_of_kind(sent.conjuncts(child), sent) if is_between else []
                # "города Кассель и Ханау, которые являются партнерами Ярославля": the names the relative's noun is told by
                found += [t for c in sent.conjuncts(child) if (a := antecedent(c, sent)) is not c
                          for name in sent.kids(a, "appos") for t in sent.conjuncts(name)]
    found += [t for c in comitative_subjects(verbs, sent) for t in sent.conjuncts(c) if t not in found]
    # "исключить из перечня побратимов Орёл": or on the noun the agreement's noun hangs on
    found += [t for h in [sent.head(noun)] if h is not None for c in sent.children[h.id] if stray_object(c, h, sent) for t in sent.conjuncts(c)]
    # "Переговоры ... завершились подписанием соглашения": the meeting is the frame, its sides are the parties
    found = [t for t in found if (t.lemma or "") not in event_terms()]
    # "подписанного на Форуме межрегионального сотрудничества России и Казахстана": where the forum's regions are
    found = [t for t in found if not in_a_gatherings_name(t.start, sent)]
    return found + represented(found, sent)


def deciders(chain, sent: Sentence) -> list:
    """The subjects of the finite verb above an infinitive that ends the chain: "Сеймик ... принял решение приостановить
    действие соглашения" (the sejmik); [] where the chain ends in no infinitive."""
    current = chain[-1] if chain and chain[-1].feats.get("VerbForm") == "Inf" else None
    for _ in range(3 if current is not None else 0):
        current = sent.head(current)
        if current is None:
            break
        if current.pos == "VERB" and current.feats.get("VerbForm") == "Fin" or current.pos == "ADJ" and current.rel == "root":  # "готовы подписать"
            return [t for s_ in sent.kids(current, "nsubj") for t in sent.conjuncts(s_)]
    return []


def described_by(verbs, sent: Sentence) -> list:
    """Who an active participle of the verbs says acted: the noun it describes, or, where that noun is what a subject
    became or is, the subject: "Корсаков стал первым городом области, заключившим договор о побратимстве с ..."
    (Корсаков; the parser may hang the participle on the verb "стал", beside the noun of its case)."""
    found = []
    for verb in verbs:
        head = sent.head(verb) if verb.feats.get("VerbForm") == "Part" and verb.feats.get("Voice") == "Act" and verb.rel in ("acl", "amod", "xcomp") else None
        if head is not None and head.pos in ("VERB", "AUX"):
            # or, failing a noun of its case, the verb's object the participle says something of ("признал города
            # Курск и Орёл не являющимися побратимами")
            head = next((k for k in sent.kids(head, "xcomp", "obl") if k.pos == "NOUN" and k.feats.get("Case") == verb.feats.get("Case")),
                        next(iter(sent.kids(head, "obj")), None))
        if head is None or head.pos not in ("NOUN", "PROPN"):
            continue
        head = sent.first_conjunct(head)  # "признал города X, Y, а также Республику Z не являющимися": all of them
        above = sent.head(head) if head.rel == "xcomp" else None
        described = [t for s_ in sent.kids(above, "nsubj") for t in sent.conjuncts(s_)] if above is not None else sent.conjuncts(head)
        found += described + names_of_kind(described, sent)
    return found


def comitative_subjects(verbs, sent: Sentence) -> list:
    """Who a plural verb's subject acts with, and where such a person is from: "Мэр Якутска ... с коллегой из Харбина
    ... согласовали план" (the colleague, and Harbin)."""
    withs = [k for v in verbs if v.feats.get("Number") == "Plur" for s_ in sent.kids(v, "nsubj") for k in sent.kids(s_, "nmod")
             if any(c.text.lower() in ("с", "со") for c in sent.kids(k, "case"))]
    return withs + [o for k in withs for o in sent.kids(k, "nmod") if any(c.text.lower() == "из" for c in sent.kids(o, "case"))]


def located(token) -> bool:
    """Whether a subject or object is in the prepositional case, so the parser took a place of the clause for one:
    "... стали побратимами, прошла в г. Полоцке" (the preposition left before the abbreviation)."""
    return token.feats.get("Case") == "Loc"


def stray_object(token, holder, sent: Sentence) -> bool:
    """Whether an accusative the parser hung on a noun is the verb's object: "исключить из списка побратимов Белгород,
    Курск и ..." (a noun takes no object, and no bare accusative)."""
    return holder.pos == "NOUN" and (token.rel == "obj" or token.rel == "nmod" and token.feats.get("Case") == "Acc" and not sent.kids(token, "case"))


def stray_subject(token, sent: Sentence) -> bool:
    """Whether a noun in the nominative that the parser joined to a verb with a subject is another subject: "Соглашение
    подписали первый заместитель председателя правительства ... и | хоким Андижанской области ..." (hung on the verb)."""
    verb = sent.head(token)
    # (in the nominative, or in a form the dictionary reads so: the tagger calls an unknown "хоким" locative)
    return (token.rel == "conj" and token.pos in ("NOUN", "PROPN") and (token.feats.get("Case") == "Nom" or "nomn" in cases_of(token.text))
            and verb is not None and verb.pos == "VERB" and bool(sent.kids(verb, "nsubj")))


def next_agreement_noun(noun, sent: Sentence):
    """The next agreement's noun after this one that is not part of it (joined to it, or not under it at all: "соглашение
    между X и Y было подписано 24 июня, а соглашение с Z — 17 марта"), or None."""
    return next((t for t in sent.tokens if t.start > noun.start and agreement_noun(t, sent) not in ("", "anaphor")
                 and (t.rel == "conj" or not reaches(t, noun, sent.by_id))), None)


def previous_agreement_noun(noun, sent: Sentence):
    """The agreement noun before this one of which this one is the next (``next_agreement_noun``), or None."""
    return next((t for t in reversed(sent.tokens) if t.start < noun.start and agreement_noun(t, sent) not in ("", "anaphor")
                 and next_agreement_noun(t, sent) is noun), None)


def tie_names_both_sides(noun, sent: Sentence) -> bool:
    """Whether the tie the agreement is about names a side in the genitive and a partner after "с": "соглашения о
    сотрудничестве Хатлонской области с тремя регионами России"."""
    ties = [t for t in sent.kids(noun, "nmod") if lemma_of(t) in read_words("cooperation_nouns.csv")]
    side = [k for t in ties for k in sent.kids(t, "nmod") if k.feats.get("Case") == "Gen" and not sent.kids(k, "case")
            and sent.mention_at(k, person=False) is not None]
    partner = [k for t in ties for k in sent.kids(t, "nmod") if any(c.text.lower() in ("с", "со") for c in sent.kids(k, "case"))]
    return bool(side and partner)


def stage_noun_verbs(chain, sent: Sentence) -> list:
    """The verbs above a noun of ending or suspending in the chain ("объявила о расторжении", "направил письмо о
    разрыве", "приняла решение о приостановлении"), within two steps."""
    found = []
    for noun in (t for t in chain if t.pos == "NOUN" and category(t) in ("terminate", "suspend")):
        current = noun
        for _ in range(2):
            current = sent.head(current)
            if current is None:
                break
            if current.pos == "VERB":
                found.append(current)
                break
    return found


def represented(tokens, sent: Sentence) -> list:
    """Who the people at the tokens act for: "власти Керчи и Курска", "представители Гомельской области", and
    an official named by the office alone: "Губернатор Орловской области и глава Гомельщины поставили подписи"."""
    acting = [t for t in tokens if (t.lemma or "") in read_words("representative_nouns.csv")
              or word_kind(t.lemma or "") == "office" and sent.person_named(t, next_bound(t, tokens, sent.stop)) is None]
    of = lambda t: posted_in(t, sent) or [k for k in sent.kids(t, "nmod") if k.feats.get("Case") == "Gen"]  # noqa: E731
    return [c for t in acting for k in of(t) for c in sent.conjuncts(k)]


def posted_in(office, sent: Sentence) -> list:
    """The place after "в" of an office whose holder heads it for the state (data/resident_offices.csv): "полпред
    правительства Кыргызстана в Таласской области" acts for the Talas region."""
    if (office.lemma or "") not in read_words("resident_offices.csv"):
        return []
    below = [k for n in [office] + sent.kids(office, "nmod") for k in sent.kids(n, "nmod", "obl")]
    return [k for k in below if any(c.text.lower() in ("в", "во") for c in sent.kids(k, "case")) and sent.mention_at(k, person=False)]


# "со стороны Пермского края": the side that does something, no partner of a "с" complement
SIDE_NOUN = "сторона"


def with_partners(noun, verbs, sent: Sentence) -> list:
    """The "с" complements that name a partner: of a verb ("подписала с Гомельской областью"), of the
    noun ("соглашения с Витебской и Могилёвской областями"), of its topic ("соглашение о
    сотрудничестве с Калининградской областью") or of the topic's side ("о сотрудничестве Крыма с Орловской областью")."""
    topics = [c for t in sent.kids(noun, "nmod") for c in sent.conjuncts(t)]
    # a tie under the noun's own complement: "план мероприятий по сотрудничеству с Павлодарской областью"
    # (or a twinning tie under it: "об установлении побратимских связей с Гродно")
    topics += [k for t in topics for k in sent.kids(t, "nmod") if k not in topics and (
        lemma_of(k) in read_words("cooperation_nouns.csv")
        or lemma_of(k) in read_words("twinning_tie_nouns.csv") and any(lemma_of(a).startswith(TWIN_STEM) for a in sent.kids(k, "amod")))]
    # the side of the tie the agreement is about may hold the partner: "о сотрудничестве региона с провинцией Хунань";
    # so may the tie a topic develops: "о сотрудничестве и развитии взаимоотношений с законодательными собраниями ..."
    sides = [k for t in topics for k in sent.kids(t, "nmod") if k.feats.get("Case") == "Gen"
             and (lemma_of(t) in read_words("cooperation_nouns.csv") or lemma_of(k) in read_words("cooperation_nouns.csv"))]
    # "обсудил с послом Беларуси подписание соглашения между Костромской и Витебской областями": whom a verb of
    # discussing is done with is no partner of an agreement whose "между" names its sides
    own_sides = bool(between_words(noun, sent))
    holders = [(v, "obl") for v in verbs if not (own_sides and category(v) == "discuss")] + [(n, "nmod") for n in [noun] + topics + sides]
    # the preposition may hang on the first of the adjectives that share the noun ("с Павлодарской, ... областями")
    # (not "со стороны", which the parser makes one preposition: "разработка документа со стороны Пермского края")
    cases = lambda child: [c for c in sent.kids(child, "case") + [k for a in sent.kids(child, "amod") for k in sent.kids(a, "case")]
                           if not any(lemma_of(f) == SIDE_NOUN for f in sent.kids(c, "fixed"))]
    later = next_agreement_noun(noun, sent)
    found = [child for holder, rel in holders for child in sent.kids(holder, rel)
             if child is not noun and (any(c.text.lower() in ("с", "со") for c in cases(child)) or shared_after_with(child, sent))
             and (later is None or child.start < later.start) and lemma_of(child) != SIDE_NOUN]
    # a partner the parser coordinated with the topic: "о сотрудничестве с Гродненской и Брестской областями, а
    # также с Минском"
    found += [t for t in topics[1:] if found and any(c.text.lower() in ("с", "со") for c in cases(t)) and t not in found
              and sent.mention_at(t, person=False) is not None]
    # a topic fronted before the verb, which the parser hung on the noun after it, is not the partner where the noun has
    # one of its own: "с Арменией в этом году область подписала соглашение о сотрудничестве с Ширакской областью"
    fronted = [c for child in found if child.start < noun.start and any(child.start < v.start < noun.start for v in verbs)
               for c in sent.conjuncts(child)]
    if any(child not in fronted for child in found):
        found = [child for child in found if child not in fronted]
    if not found and (case := partner_case_after(noun, sent)) is not None and (named := sent.head(case)) is not None:
        # "..., а соглашение с Кировской областью — 17 марта", "соглашения о ... сотрудничестве с Волынской и
        # Закарпатской областями": the parser hung the partner on another word
        found = [named]
    return [antecedent(child, sent) for child in found]  # "город, с которым Пермь подписала": the town


def partner_case_after(noun, sent: Sentence):
    """The "с" that follows the agreement's noun, with only the words of its topic between ("о торгово-экономическом,
    научно-техническом и культурном сотрудничестве"), or None."""
    after = sent.tokens[sent.tokens.index(noun) + 1 :]
    for token, following in zip(after, after[1:] + [None]):
        if token.text.lower() in ("с", "со"):
            return token if following is None or lemma_of(following) != SIDE_NOUN else None
        if not (is_adjective(token) or token.text in (",", "и") or token.text.lower() in ("о", "об")
                or token.pos == "NOUN" and lemma_of(token) in read_words("cooperation_nouns.csv")):
            return None
    return None


SHARED_GAP = re.compile(r"^\s*(?:,|и)?\s*$")


def shared_after_with(token, sent: Sentence) -> bool:
    """Whether the token lies in one of the bodies a plural noun shares out whose list "с" opens: "с Минским, Гомельским
    и Витебским областными Советами" (the parser may hang "с" on any of the adjectives)."""
    mention = sent.mention_at(token, person=False)
    if mention is None or not mention.shared:
        return False
    run = sorted((m for m in sent.mentions if m.shared), key=lambda m: m.start)
    first = run.index(mention)
    while first and SHARED_GAP.match(sent.text[run[first - 1].stop - sent.start : run[first].start - sent.start]):
        first -= 1
    return bool(re.search(r"\bсо?\s+$", sent.text[: run[first].start - sent.start], re.I))


def said_with_u(token, sent: Sentence) -> bool:
    """Whether the token is the noun of an "у" phrase: "у Твери"."""
    return any(c.text.lower() == "у" for c in sent.kids(token, "case"))


def possessors(noun, verbs, sent: Sentence) -> list:
    """The "у" complements that name whose agreements they are: "Соглашения о сотрудничестве у Твери уже
    подписаны с Гомелем" (the parser hangs "у Твери" on the noun, its topic or the verb)."""
    holders = [noun] + sent.kids(noun, "nmod") + verbs
    return [child for holder in holders for child in sent.kids(holder, "nmod", "obl") if child is not noun and said_with_u(child, sent)]


def cooperating_within(noun, sent: Sentence) -> tuple[list, list]:
    """Who cooperates within the agreement, and with whom: "в рамках соглашений мэрия Калининграда сотрудничала с
    Гданьском, Гдыней ..." (the subjects and the "с" complements of a verb of cooperation, cooperation_verbs.csv, that
    the frame "в рамках" hangs on); two empty lists where there is no such frame."""
    frame = sent.head(noun)
    verb = sent.head(frame) if frame is not None and lemma_of(frame) == "рамка" else None
    if verb is None or lemma_of(verb) not in read_words("cooperation_verbs.csv"):
        return [], []
    return sent.kids(verb, "nsubj"), with_complements(verb, sent)


def with_complements(verb, sent: Sentence) -> list:
    """The verb's "с" complements: whom its subject acts with ("будет сотрудничать с Костанайской областью")."""
    return [k for k in sent.kids(verb, "obl") if any(c.text.lower() in ("с", "со") for c in sent.kids(k, "case"))]


def cooperating(noun, verbs, sent: Sentence) -> list:
    """The sides of the tie an agreement is about, in the genitive of its noun within two steps of the
    agreement or its verb: "дорожная карта по развитию сотрудничества Курской области и Республики
    Беларусь", "Подписана «Дорожная карта» по развитию сотрудничества ..." (the parser hangs it on the verb);
    and those of the agreement's own noun: "к 25-летию побратимских связей Калуги и Зуля"."""
    ties, level = [noun], sent.kids(noun, "nmod") + [k for v in verbs for k in sent.kids(v, "obl")]
    for _ in range(2):
        ties += [t for t in level if (t.lemma or "").replace("ё", "е") in read_words("cooperation_nouns.csv")]
        level = [k for t in level for k in sent.kids(t, "nmod")]
    # the genitive may be hung as an apposition ("Побратимство Дюссельдорфа с Москвой", "договор о побратимстве
    # Бобруйска и Тулы")
    # a genitive the parser made a conjunct of a tie in another case can only be a side ("о сотрудничестве Калужской
    # области и Гродненской области", the second hung on "сотрудничестве")
    return [k for tie in ties for k in sent.kids(tie, "nmod") + sent.kids(tie, "appos")
            + [c for c in sent.kids(tie, "conj") if tie.feats.get("Case") not in ("Gen", None)]
            if k.feats.get("Case") == "Gen" and not sent.kids(k, "case")]


def parties_from(tokens, sent: Sentence, persons_stand_for_bodies: bool) -> list[str]:
    """Names of the actors at the tokens; a person stands for the body of their office only where allowed."""
    names = []
    for token in tokens:
        m = sent.mention_at(token, person=False)
        if m is None and acts_for_a_place(token):
            # "Воронежские и ростовские власти", "Омский и иркутский губернаторы": the places of the adjectives
            # (agreement_places.authorities_by_adjective); a governor named otherwise stands for his office's body below
            places = [p for c in sent.kids(token, "amod") for a in sent.conjuncts(c) if (p := sent.mention_at(a, person=False)) is not None]
            if places or (token.lemma or "") not in heads_of_regions():
                names += [p.name for p in places if p.name not in names]
                continue
        if m is None and kind_of_place(token) and (listed := dash_listed(token, sent)):
            names += [name for name in listed if name not in names]  # "с двумя российскими городами – Калугой и Тверью"
            continue
        if m is not None and titled_by_church(m, sent):
            continue  # "митрополит Екатеринбургский": the see of a church's title, no side
        if m is None and persons_stand_for_bodies:
            persons = sent.persons_named(token, next_bound(token, tokens, sent.stop))
            # an office no name holds stands for the place it is of: "Мэр Новосибирска и председатель горисполкома ..."
            unnamed_office = not persons and word_kind(lemma_of(token)) == "office"
            sides = office_places(token, sent) if unnamed_office else [body_of_office(p.role) or p.affiliation for p in persons]
            names += [side for side in dict.fromkeys(sides) if side and side not in names]
            continue
        for name in [m.name if m else ""] + (sent.shared_head_places(token, m) + [o.name for o in sent.same_span(m)]
                                             + apposed_list(token, m, sent) if m else []):
            if name and name not in names:
                names.append(name)
    return names


def dash_listed(token, sent: Sentence) -> list[str]:
    """The places a dash lists after a noun of their kind, where the parser hung the list on it ("с двумя
    городами – Калугой и Тверью")."""
    return [o.name for a in sent.kids(token, "parataxis", "appos") if mark_before(a, sent, DASHES)
            for c in sent.conjuncts(a) if (o := sent.mention_at(c, person=False)) is not None]


RELATIVE_AFTER = re.compile(r"^[»\"]?\s*,\s*котор", re.I)  # ", которые являются партнерами Ярославля"


def apposed_list(token, mention: Mention, sent: Sentence) -> list[str]:
    """The other places of a list in apposition to a noun, of the kind of the first ("Города-побратимы Тамбов и Кобрин
    подписали": the noun's mention is Тамбов, and Кобрин is its conjunct; the tagger may call the noun singular);
    not where a relative clause says what the list is to another ("Немецкие города Кассель и Ханау, которые являются партнерами Ярославля,
    приостановили": each with that one)."""
    listed = [c for a in sent.kids(token, "appos") for c in sent.conjuncts(a)]
    if not listed or RELATIVE_AFTER.match(sent.text[max(t.stop for t in listed) - sent.start :]):
        return []
    return [o.name for c in listed[1:]
            if (o := sent.mention_at(c, person=False)) is not None and o.type == mention.type]


def titled_by_church(mention, sent: Sentence) -> bool:
    """Whether the name follows a title of a church, union or NGO (data/nongovernmental_nouns.csv): "митрополит
    Екатеринбургский", "муфтий Татарстана" name its see or seat, not a side of the agreement."""
    before = [t for t in sent.tokens if t.stop <= mention.start]
    return bool(before) and nongovernmental_at(before[-1:], sent)


ASIDE = re.compile(r"\([^()]{1,40}\)")


def in_aside(mention, sent: Sentence) -> bool:
    """The mention is the whole of a short parenthesis: "(РФ)", "(Беларусь)" say where the place before it is."""
    before = sent.text[: mention.start - sent.start].rstrip()
    after = sent.text[mention.stop - sent.start :].lstrip()
    return before.endswith("(") and after.startswith(")")


VENUE_BEFORE = re.compile(r"(?:^|\s)(?:в|во)\s+$", re.I)
# "и", up to two lower-case words ("городом", "муниципальным районом") and the opening quote of a name the kind word
# may begin ("городским округом «Город Архангельск»")
GAP_BETWEEN_PARTIES = re.compile(r"^[\s,]*(?:и\s+)?(?:[а-яё]+\s+){0,2}(?:«\s*(?:Город\s+)?)?$")


# "со стороны X ..., со стороны Y — ...", "от имени X ..., от имени Y — ...": the words that name each side of a signing
SIDE_MARKER = re.compile(r"\b(?:[Сс]о стороны|[Оо]т имени)\s+")


def marked_sides(sent: Sentence) -> list[str]:
    """The side each of two or more markers names ("со стороны Курской области ..., со стороны Гомельской области —
    ..."): the first name after it that is no person's; [] for fewer than two."""
    starts = [sent.start + m.end() for m in SIDE_MARKER.finditer(sent.text)]
    names = outermost_names([m for m in sent.mentions if m.type != "person"])
    sides = [next((m.name for m in names if m.start == start), None) for start in starts]
    return list(dict.fromkeys(s for s in sides if s)) if len(starts) >= 2 else []


def outermost_names(spans: list[Mention]) -> list[Mention]:
    """The mentions no longer mention holds, in the order of the text: "Совет ... провинции Цзянси", not "Цзянси" inside it."""
    return sorted((m for m in spans if not any(o is not m and o.start <= m.start and m.stop <= o.stop
                                               and o.stop - o.start > m.stop - m.start for o in spans)), key=lambda m: m.start)


def linear_parties(sent: Sentence, anchor: int, backwards: bool, until: int | None = None) -> list[str]:
    """Actors listed one after another from ``anchor`` ("между X, Y и Z"; "X и Y подписали"), forwards up to ``until``
    where given.

    Used where the parser attached the list somewhere else. Only outermost
    mentions count: "Совет ... провинции Цзянси", not "Цзянси" inside it.
    """
    outermost = outermost_names([m for m in sent.mentions if m.type != "person" and not in_aside(m, sent)])
    names, edge, last = [], anchor, None
    ordered = sorted(outermost, key=lambda m: m.start, reverse=backwards)
    for i, m in enumerate(ordered):
        if last is not None and any(o is m for o in sent.same_span(last)):
            names += [m.name] if m.name not in names else []  # "правительствами Калмыкии и Белоруссии": one body each
            continue
        if (backwards and m.stop > edge) or (not backwards and m.start < edge):
            continue
        if not backwards and states_own_town(m, ordered[i + 1] if i + 1 < len(ordered) else None, sent):
            edge = m.stop  # "и столицей Армении Ереваном": the state says where the town after it is
            continue
        if until is not None and m.start >= until:
            break
        gap = sent.text[m.stop - sent.start : edge - sent.start] if backwards else sent.text[edge - sent.start : m.start - sent.start]
        gap = ASIDE.sub(" ", gap)  # "Курской (РФ) и Гомельской": the state in brackets is no member of the list
        if names and not backwards and where_the_last_is(m, gap):
            edge = m.stop  # "Управой Басманного района г. Москвы и Урмарским районом": where the party before is
            continue
        if not names and not backwards and m.type == "country" and units_of_the_state(gap) and (
                dash := LIST_DASH.match(sent.text[m.stop - sent.start :])):
            # "между субъектами Российской Федерации - Республикой Татарстан и Республикой Башкортостан": the state is
            # where the units listed after the dash are
            edge = m.stop + dash.end()
            continue
        if not names and gap.strip() and (not generic_words(gap) or m.type == "country") and not adjectives_of(gap, m):
            # the list starts right at the anchor (or after "собой", "города": "между собой города Тверь и Гомель");
            # a state after "городами" is where they are ("с городами России"), not one of them
            break
        if VENUE_BEFORE.search(sent.text[: m.start - sent.start]):
            break  # "в Москве подписали": where it was signed, not who
        if names and generic_words_in(gap) and country_listed(m, names, backwards):
            # "между Гагаузией и рядом регионов РФ": the state is where the unnamed partners are
            names = names[:-1] if backwards else names
            break
        if complement_of_a_noun(m, sent) and not same_phrase(m, last):
            break  # "Столица Крыма и столица ДНР подписали", "Жители Курска": the place is what the noun before it is of
        if names and (not GAP_BETWEEN_PARTIES.match(gap) or read_words("party_gap_words.csv") & set(gap.lower().replace(",", " ").split())):
            break
        if of_a_gathering(m, sent):
            break  # "В рамках Форума регионов Беларуси и России | Смоленская область и Витебская область подписали"
        if m.name not in names:
            names.append(m.name)
        edge, last = (m.start if backwards else m.stop), m
    return names


LIST_DASH = re.compile(r"\s*[-–—:]\s*")


def units_of_the_state(gap: str) -> bool:
    """Whether the words are only a noun of a kind of unit (data/generic_unit_nouns.csv: "субъектами", "регионами")."""
    words = re.findall(r"\w+", gap.lower())
    return bool(words) and all(morph_vocab().parse(w)[0].normal_form in read_words("generic_unit_nouns.csv") for w in words)


def states_own_town(m: Mention, after: Mention | None, sent: Sentence) -> bool:
    """Whether a state is followed right away by a town or region of its own, which the state's genitive describes:
    "столицей Армении Ереваном"."""
    if m.type != "country" or after is None or sent.text[m.stop - sent.start : after.start - sent.start].strip():
        return False
    state, place = place_by_id(m.place_id), place_by_id(after.place_id)
    return state is not None and place is not None and place.type != "country" and place.state == state.name_latin


def of_a_gathering(m: Mention, sent: Sentence) -> bool:
    """Whether a place is in the genitive of a gathering's name (gathering_nouns.csv): "Форума регионов Беларуси и
    России" names where the forum's regions are, not who signed."""
    return in_a_gatherings_name(m.start, sent)


def in_a_gatherings_name(start: int, sent: Sentence) -> bool:
    """Whether the words from ``start`` are in the genitive of a gathering's name (gathering_nouns.csv)."""
    first = next((t for t in sent.tokens if t.start >= start), None)
    if first is None or first.feats.get("Case") != "Gen":
        return False
    for t in reversed([t for t in sent.tokens if t.start < start]):
        if lemma_of(t) in read_words("gathering_nouns.csv"):
            return True
        if not (t.pos in ("CCONJ", "PUNCT") and t.text in ("и", ",") or t.pos in ("NOUN", "PROPN", "ADJ") and t.feats.get("Case") == "Gen"):
            return False
    return False


def same_phrase(m: Mention, other: Mention | None) -> bool:
    """Whether two places share the noun of one phrase ("Сумской и Курской областей"): taken together or not at all,
    so the first is no complement of the noun before it ("на территории") where the second was a party."""
    return other is not None and len(m.tokens) > 1 and len(other.tokens) > 1 and m.tokens[-1] is other.tokens[-1]


SETTLEMENT_ABBREVIATION = re.compile(r"^[\s»”\"]*(?:г\.|гор\.|города)?\s*$", re.I)  # after the name's closing quote too


def where_the_last_is(m: Mention, gap: str) -> bool:
    """Whether a place right after a listed party (nothing between but the party's closing quote, or "г.") is in the
    genitive: it says where that party is, and the list goes on after it ("районом «Олекминский район» Республики
    Саха (Якутия) и ...")."""
    return (m.type in PLACE_TYPES and bool(SETTLEMENT_ABBREVIATION.match(gap)) and bool(m.tokens)
            and m.tokens[0].feats.get("Case") == "Gen")


def complement_of_a_noun(m: Mention, sent: Sentence) -> bool:
    """Whether the mention, in the genitive, follows a plain noun (no office, body, representative, kind of place or
    meeting) whose complement it is: "столица Крыма", "жители Гомеля"."""
    if not m.tokens or m.tokens[0].feats.get("Case") != "Gen":
        return False
    index = next((i for i, t in enumerate(sent.tokens) if t is m.tokens[0]), 0)
    if not index:
        return False
    before = sent.tokens[index - 1]
    kind = word_kind(before.lemma or "")
    if kind == "settlement" or TWIN_STEM in lemma_of(before):
        return m.type not in ("city", "other")  # "столица Крыма", but "города Твери", "городов-побратимов Курска и Гродно"
    if lemma_of(before) in region_nouns() and before.feats.get("Number") == "Plur":
        return True  # "один из районов Донецка": where the units lie, not one of them
    return (before.pos == "NOUN" and not kind and lemma_of(before) not in region_nouns()
            and lemma_of(before) not in read_words("representative_nouns.csv") | read_words("speaker_sides.csv") | term_words()
            and lemma_of(before) not in event_terms()  # "по итогам переговоров ТПП и Совета": the sides of the talks
            and sent.mention_at(before, person=True) is None)


def country_listed(m: Mention, names: list[str], backwards: bool) -> bool:
    """Whether the later of two listed names, in the order of the text, is a state (read backwards: the one taken last)."""
    return m.type == "country" if not backwards else bool(find_place(names[-1])) and find_place(names[-1]).type == "country"


def generic_words_in(gap: str) -> bool:
    """Whether the words between two listed names hold a noun of a kind of place ("и рядом регионов")."""
    lemmas = [morph_vocab().parse(w)[0].normal_form for w in re.findall(r"\w+", gap.lower())]
    return any(l in region_nouns() or l in read_words("speaker_sides.csv") or word_kind(l) == "settlement" for l in lemmas)


def adjectives_of(gap: str, m: Mention) -> bool:
    """Whether the words before a body's name are only adjectives the name left out ("между районной Управой ..."), or
    those before a place only the adjective of its state ("с китайским Ханчжоу")."""
    words = re.findall(r"[\w-]+", gap.lower())
    if m.type in PLACE_TYPES and len(words) == 1:
        return morph_vocab().parse(words[0])[0].normal_form in state_adjectives()
    return (m.type == "organization" and bool(words) and len(words) <= 2
            and all(morph_vocab().parse(w)[0].tag.POS == "ADJF" for w in words))


def generic_words(text: str) -> bool:
    """Whether the words are only "собой" and nouns of a kind of place ("города", "областями", with the adjectives of its
    level, unit_level_words.csv: "муниципальным районом"), of the executives
    of the places that follow ("между правительствами Челябинской и Курганской областей") or of those who act for the
    places before ("Тамбовские и пензенские власти подписали"), or of their legislatures, with the adjective of their
    branch ("с законодательными органами Омской и Сахалинской областей", "с парламентами"), or the noun of twin
    towns that names them ("между городами-побратимами — Казанью и Анкарой")."""
    words = re.findall(r"\w+", text.lower())
    lemmas = [morph_vocab().parse(w)[0].normal_form for w in words]
    return bool(words) and all(w == "собой" or l in region_nouns() or word_kind(l) in ("settlement", "body") or acts_for(l)
                               or l in read_words("unit_level_words.csv") or l in branch_adjectives()
                               or terms().get(l) == ("noun", "twinning") for w, l in zip(words, lemmas))


@lru_cache(maxsize=1)
def branch_adjectives() -> frozenset[str]:
    """The adjectives of a body of a territory's own that are not a chamber's (regional_body_words.csv: "законодательный",
    "исполнительный", "областной")."""
    return frozenset(row["word"] for row in read_data("regional_body_words.csv") if row["chamber"] != "yes")


def without_their_states(parties: list[str], sent: Sentence) -> list[str]:
    """The parties less any country named right after a party's region or town, and any region named right after
    a party's town or district: in "Томской областью Российской Федерации", "Павлодарская область Казахстана" or
    "Оршанским районом Витебской области" (or after the party's closing quote: "районом «Олекминский район» Республики
    Саха") the place in the genitive is where the party is."""
    names = sorted((m for m in sent.mentions if m.type != "person"), key=lambda m: m.start)
    # a party's region or town, or a body whose name ends with its territory ("Народным правительством провинции
    # Ганьсу КНР"): where a country follows right after, it is where the party is
    ends = {m.stop: m.type for m in names if m.name in parties and m.type in SUBNATIONAL_TYPES + ("organization",)}
    holders = {"country": set(ends.values()), "region": {"city", "district"}}
    right_after = lambda e, b: e <= b.start and sent.text[e - sent.start : b.start - sent.start].strip(" »”\"") == ""  # noqa: E731
    around = {b.name for b in names if b.type in holders and any(t in holders[b.type] and right_after(e, b) for e, t in ends.items())}
    return [p for p in parties if p not in around]


def twin_worded(noun, sent: Sentence) -> bool:
    """Whether the noun or an adjective of it is a word of twins ("побратимские связи"), not of partners only."""
    return any(TWIN_STEM in lemma_of(t) for t in [noun] + sent.kids(noun, "amod"))


def kinds_of(sent: Sentence) -> dict[str, str]:
    """The type of each name the sentence mentions."""
    return {m.name: m.type for m in sent.mentions}


def without_states(parties: list[str], sent: Sentence) -> list[str]:
    """The parties of a twinning less the states among them, which twin with no one (a twinning is of towns or
    regions): "развитие отношений двух городов-побратимов обсудили мэр Иркутска и генеральный консул Монголии" (the
    consul stands for his state); all of them where every party is a state."""
    states = {m.name for m in sent.mentions if m.type == "country"}
    return [p for p in parties if p not in states] or parties


# A clause that leaves out the verb, its subject a list of names before a dash and the noun right after it:
# "..., а Кинешма и Новополоцк — договор о побратимстве"
GAPPED_SUBJECTS = re.compile(r",\s*а\s+([^,;—–]+?)\s*[—–]\s*$")


def find_parties(noun, chain, sent: Sentence) -> list[str]:
    """Parties from the syntax; where it finds fewer than two, the lists the text writes out (``parties_named``); each at
    the level of the others where a signer's title joins offices of two places (``at_the_others_level``)."""
    return at_the_others_level(parties_named(noun, chain, sent), sent)


def at_the_others_level(parties: list[str], sent: Sentence) -> list[str]:
    """The parties, a place of a title that joins offices of two places by a dash replaced by the title's other place
    where that one is of the kind of the other parties and it is not ("мэр Улан-Удэ ... и губернатор Орхонского аймака
    – мэр города Эрдэнэт ... подписали меморандум": the mayor of Erdenet signs with the mayor, for the town)."""
    types = kinds_of(sent)
    out = list(parties)
    for person in (m for m in sent.mentions if m.type == "person" and m.role and DASH_IN_TITLE.search(m.role)):
        places = places_of_compound_office(person, sent)
        held = [p for p in places if p.name in out]
        others = {types.get(p) for p in out if p not in {h.name for h in held}}
        fitting = [p for p in places if p.type in others and p.name not in out]
        if len(held) == 1 and held[0].type not in others and len(fitting) == 1:
            out[out.index(held[0].name)] = fitting[0].name
    return out


def places_of_compound_office(person: Mention, sent: Sentence) -> list[Mention]:
    """The places of the offices of a title joined by a dash ("губернатор Орхонского аймака – мэр города Эрдэнэт"),
    where they are of different kinds; [] otherwise."""
    places = [m for m in sent.mentions if m.type in PLACE_TYPES and m.stop <= person.start and m.start >= person.start - len(person.role) - 3
              and m.text in person.role]
    return places if len({m.type for m in places}) == len(places) > 1 else []


# a dash between two offices of one title ("губернатор Орхонского аймака – мэр города Эрдэнэт")
DASH_IN_TITLE = re.compile(r"\s[–—-]\s")


def parties_named(noun, chain, sent: Sentence) -> list[str]:
    """Parties from the syntax; where it finds fewer than two, the lists the text writes out."""
    gapped = GAPPED_SUBJECTS.search(sent.text[: noun.start - sent.start])
    if gapped and len(names := linear_parties(sent, sent.start + gapped.start(1), backwards=False, until=sent.start + gapped.end(1))) >= 2:
        return names  # the clause's own subjects, not the first clause's
    between = next(iter(betweens_after(noun, sent)), None)
    if between is not None and any(lemma_of(v) in read_words("ratifying_verbs.csv") for v in chain):
        # "Законодательное собрание ратифицировало соглашение между правительством региона и ...": the sides it names
        # (up to the verb: "Соглашение между X и Y было ратифицировано областным Советом")
        verb_after = min((v.start for v in chain if v.start > between.start), default=None)
        if len(sides := linear_parties(sent, between.stop, backwards=False, until=verb_after)) >= 2:
            return without_their_states(sides, sent)
    signing = any(category(v) == "act" for v in chain)
    if signing and len(sides := marked_sides(sent)) >= 2:
        return without_their_states(sides, sent)  # "со стороны X соглашение подписал A, со стороны Y — B"
    # "соглашение ... между Ярославской и Гомельской областями и меморандум ... между Ярославлем и Гомелем": what
    # follows a second agreement joined to this one is that one's (the parser may hang it on this one's topic)
    later = next_agreement_noun(noun, sent)
    tokens = [t for t in party_tokens(noun, chain, sent) if not across_clauses(t, noun, sent) and (later is None or t.start < later.start)]
    # and where this noun has its own "между", what lies between it and an agreement before it is that one's:
    # "подписано соглашение между X и Y, а также меморандум между Z и W"
    earlier = previous_agreement_noun(noun, sent) if between is not None else None
    tokens = [t for t in tokens if earlier is None or not earlier.start < t.start < noun.start]
    parties = parties_from(tokens, sent, persons_stand_for_bodies=not signing)
    if len(parties) < 2 or plural(noun, sent):  # agreements between several: the whole list
        first = sent.tokens[sent.tokens.index(between) + 1 :][:1] if between is not None else []
        if between is not None and not companies_at(first) and not any(names_no_party(t, sent) for t in first):
            parties += [p for p in linear_parties(sent, between.stop, backwards=False, until=later.start if later else None) if p not in parties]
    if len(parties) < 2:
        parties += [p for p in tie_between(noun, sent) if p not in parties]
    # "соглашение между X и Y было подписано ..., а соглашение с Z": the names before the verb are the earlier noun's
    earlier = any(t.start < noun.start and agreement_noun(t, sent) not in ("", "anaphor") for v in chain
                  for t in sent.kids(v, "nsubj", "nsubj:pass", "obj"))
    if len(parties) < 2 and chain and not earlier:
        # "Сегодня между Татарстаном и Гагаузией подписано соглашение": the sides written before the verb
        verb_start = min(t.start for t in chain)
        fronted = [t for t in sent.tokens if t.text.lower() == "между" and t.start < min(verb_start, noun.start)]
        if fronted:
            parties += [p for p in linear_parties(sent, fronted[-1].stop, backwards=False, until=verb_start) if p not in parties]
    subjects = [k for v in chain for k in sent.kids(v, "nsubj")]
    @lru_cache(maxsize=1)
    def partners() -> frozenset[str]:
        # the sides of the "с" complement: where they are all the sides found, the signer's or speaker's own is
        # missing; read only where a rule below asks
        return frozenset(parties_from(partner_tokens(noun, chain, sent), sent, False))

    # "Брянская и Курская области подписали соглашения с Гомельской и Могилевской областями", the verb given no
    # subject by the parser: the names before it are the other side
    only_partners = bool(parties) and not subjects and set(parties) <= partners()
    # "Мэр Екатеринбурга и митрополит Екатеринбургский подписали": a church's side names no place, whatever its title holds
    churches = nongovernmental_at([c for s_ in subjects for c in sent.conjuncts(s_)], sent)
    owner = pronoun_owner(noun, chain, sent)
    if owner is not None:
        # "Липецк имеет соглашения с Воронежем и Курском, но Тамбов стал его первым побратимом": the pronoun's town,
        # not the names before the verb
        parties += [p for p in parties_from([owner], sent, False) if p not in parties]
    elif ((len(parties) < 2 or only_partners) and chain and not companies_at(subjects) and not churches and not any(private_person(t, sent) for t in subjects)
            and not tie_names_both_sides(noun, sent) and not earlier):
        parties += [p for p in linear_parties(sent, min(t.start for t in chain), backwards=True) if p not in parties]
    if not parties and act_noun_agents(noun, chain, sent):
        parties = signers_sides(noun, chain, sent)  # "подписание соглашения председателем райисполкома X и главой Y"
    if not parties and signing:
        # "глава администрации Феодосии ... и глава Арзамаса ... подписали": the signatories' bodies
        parties = parties_from(tokens, sent, persons_stand_for_bodies=True)
        if not parties and all(sent.person_named(t, sent.stop) is not None for v in chain for s_ in sent.kids(v, "nsubj") for t in sent.conjuncts(s_)):
            # the parser gave the verb no subject, or officials the text named with their bodies earlier ("глава региона
            # Максим Егоров и исполняющий обязанности главы района ... заключили"): the persons before it
            parties = signers_sides(noun, chain, sent)
        elif len(parties) == 1:
            # "Минниханов и губернатор Санкт-Петербурга ... подписали": a signer whose office the article gave earlier
            parties += [side for side in signers_sides(noun, chain, sent) if side not in parties]
    elif signing and (len(parties) == 1 or set(parties) <= partners()):
        # "Губернатор Липецкой области ... подписал соглашение с Брестской областью": the signer's side, also beside
        # several partners ("подписал соглашения с руководителями Марковского и Меловского районов")
        parties += [side for side in signers_sides(noun, chain, sent) if side not in parties]
    if len(parties) == 1 and chain:
        # "Губернатор Вологодской области Георгий Филимонов и аким Костанайской области договорились подписать", the
        # parser hanging both regions on the first office: the bodies of the officials who are the subjects
        officials = [c for s_ in subjects for c in sent.conjuncts(s_) if word_kind(lemma_of(c)) == "office"]
        parties += [p for p in parties_from(officials, sent, persons_stand_for_bodies=True) if p not in parties]
    # «Уже подписаны соглашения с Ошской, Чуйской, Иссык-Кульской областями», — подчеркнул губернатор: the speaker's
    # side beside the partners it names
    if parties and (len(parties) == 1 or set(parties) <= partners()) and speaker_names_own_side(noun, chain, sent):
        parties += [side for side in speakers_sides(sent) if side not in parties]
    if not parties and any(lemma_of(a) == "соответствующий" for a in sent.kids(noun, "amod")):
        # "Кемерово и Караганда будут сотрудничать в сфере туризма: соответствующее соглашение подписано"
        # (and "Челябинская область будет сотрудничать с Костанайской областью": the partner in its "с")
        cooperate = [v for v in sent.tokens if v.pos == "VERB" and lemma_of(v) in read_words("cooperation_verbs.csv")]
        parties = parties_from([t for v in cooperate for k in sent.kids(v, "nsubj") + with_complements(v, sent) for t in sent.conjuncts(k)],
                               sent, False)
    return without_their_states(parties, sent)


def pronoun_owner(noun, chain, sent: Sentence):
    """The subject of the clause before, where a possessive pronoun before the noun (and its adjectives; the parser
    hangs it on either) gives the noun its owner in a clause joined to that one ("Липецк имеет ..., но Тамбов стал его
    первым побратимом": Липецк); None where the noun has no such pronoun or the clause no such neighbour (then the
    pronoun's town is not in the sentence)."""
    at = sent.tokens.index(noun)
    before = next((t for t in reversed(sent.tokens[:at]) if t.pos != "ADJ"), None)  # "его первым побратимом"
    if before is None or before.text.lower() not in POSSESSIVE_PRONOUNS:
        return None
    verb = next((v for v in chain if v.rel == "conj"), None)
    first = sent.head(verb) if verb is not None else None
    return next(iter(sent.kids(first, "nsubj")), None) if first is not None else None


def tie_between(noun, sent: Sentence) -> list[str]:
    """The sides of a tie "между X и Y" the agreement's own clause is about: "Новый виток взаимодействия между
    Забайкальским краем и Восточным аймаком Монголии начался с подписания протокола"; else of a tie "X и Y" in the
    genitive that the agreement's clause, or a relative clause on it, makes the agreement a basis or an opening for
    ("Подписанное соглашение станет основой сотрудничества X и Y", "соглашение, которое откроет возможности для
    сотрудничества X и Y"); [] where none is."""
    for between in sent.tokens:
        side = sent.head(between) if between.text.lower() == "между" and between.rel == "case" else None
        tie = sent.head(side) if side is not None else None
        # a tie is no signer: one the parser made the subject of the signing verb is of another clause ("Партнёрство
        # между Россией и Китаем крепнет, а область подписала соглашение с ...")
        signs = tie is not None and tie.rel == "nsubj" and category(sent.head(tie)) == "act"
        if (tie is not None and lemma_of(tie) in read_words("cooperation_nouns.csv") and not signs
                and in_its_clause(tie, noun, sent) and not companies_at([side])):
            return linear_parties(sent, between.stop, backwards=False)
    for tie in sent.tokens:
        if (tie is not noun and tie.rel != "nsubj" and lemma_of(tie) in read_words("cooperation_nouns.csv")
                and in_its_clause(tie, noun, sent, as_subject=True)):
            sides = [c for k in sent.kids(tie, "nmod") if k.feats.get("Case") == "Gen" for c in sent.conjuncts(k)]
            if len(names := parties_from(sides, sent, False)) >= 2:
                return names
    return []


def in_its_clause(tie, noun, sent: Sentence, as_subject: bool = False) -> bool:
    """Whether the tie is in the agreement noun's clause, or in a relative clause on the noun ("соглашение, которое
    станет основой сотрудничества"); ``as_subject``: a clause the noun is the subject of, which says what the agreement
    does ("соглашение станет основой сотрудничества X и Y", not "на форуме сотрудничества X и Y подписали план")."""
    verb = clause_verb(tie, sent)
    if verb is None:
        return False
    if verb.rel == "acl:relcl" and sent.head(verb) is noun:
        return True
    return verb is clause_verb(noun, sent) and (not as_subject or noun.rel in ("nsubj", "nsubj:pass"))


def clause_verb(token, sent: Sentence):
    """The nearest verb above the token: the clause it belongs to (None for a verbless one)."""
    current = sent.head(token)
    for _ in range(MAX_CHAIN):
        if current is None or current.pos in ("VERB", "AUX"):
            return current
        current = sent.head(current)
    return None


def names_no_party(token, sent: Sentence) -> bool:
    """A common noun of neither a place, a body nor a person that names its own: "между школой № 31 и «Тавричанской
    школой»" names the sides, and they are no government; places further on in the sentence are not theirs."""
    # (not those who act for a place: "между властями Брянской области и Белоруссии")
    return (token.pos == "NOUN" and not token.text[:1].isupper() and not word_kind(token.lemma or "")
            and (token.lemma or "") not in region_nouns() and (token.lemma or "") not in read_words("representative_nouns.csv")
            and sent.mention_at(token, person=False) is None)


def private_person(token, sent: Sentence) -> bool:
    """Whether the token names people who act for no body: "Пенсионер из Твери договорился с мошенниками", "Жители
    Воронежа договорились": a noun of persons that is no office, no representative and no actor's name, so the
    place beside it is where they live, not a party."""
    return (token.pos == "NOUN" and token.feats.get("Animacy") == "Anim" and not word_kind(token.lemma or "")
            and (token.lemma or "") not in read_words("representative_nouns.csv") | read_words("speaker_sides.csv")
            and sent.mention_at(token, person=False) is None and sent.person_named(token, sent.stop) is None)


def nongovernmental_at(tokens, sent: Sentence) -> bool:
    """Whether a token is a noun of a trade union, church or NGO (``data/nongovernmental_nouns.csv``, the words that
    mark one wherever they stand: "федерация" does so only as a name's head, and "Российской Федерацией" is a state)."""
    rows, heads = nongovernmental_nouns()
    # a row of two words is the noun and its adjective ("общественными организациями") or complement ("союз работодателей")
    phrase = lambda t: {lemma_of(t)} | {lemma_of(k) for k in sent.kids(t, "amod", "nmod")}  # noqa: E731
    return any(any(row <= phrase(t) for row in rows) or lemma_of(t) in heads and not placed(t, sent) for t in tokens)


def placed(token, sent: Sentence) -> bool:
    """Whether the token lies in the name of a state or other place ("Российской Федерацией")."""
    m = sent.mention_at(token, person=False)
    return m is not None and m.type in PLACE_TYPES


def between_words(noun, sent: Sentence, rels=("nmod",)) -> list:
    """The words "между" gives the noun (or a verb, by its ``rels``), whatever they name ("меморандум между предприятиями")."""
    return [c for k in sent.kids(noun, *rels) if between_case(k, sent) for c in sent.conjuncts(k)]


def may_be_actor(token, sent: Sentence) -> bool:
    """Whether a word given as a party could name one: a named actor, a living being, or a noun of a company, an NGO
    or an institution; "мероприятий" in "план мероприятий" cannot."""
    return (token.pos != "NOUN" or token.feats.get("Animacy") == "Anim" or companies_at([token])
            or nongovernmental_at([token], sent) or lemma_of(token) in read_words("institution_nouns.csv")
            or any(sent.mention_at(token, person=p) is not None for p in (False, True)))


def companies_at(tokens) -> bool:
    """Whether a token is a noun of companies or clubs: in "Хоккейные клубы Брянска и Гомеля подписали договор" or
    "договор между банками Курска и Минска" the places in the genitive are where they are, not parties."""
    markers = read_words("company_markers.csv")
    # by the tagger's lemma, else the dictionary's: the tagger reads a capitalised "Энергетики" as "энергетика"
    return any((t.lemma or "") in markers or t.text[:1].isupper() and any(p.normal_form in markers for p in morph_vocab().parse(t.text.lower()))
               for t in tokens)


CLAUSE_BREAK = re.compile(r",\s*(?:а|но|тогда как|в то время как)\s+(?!также\b|и\b)|;", re.I)


def across_clauses(token, noun, sent: Sentence) -> bool:
    """The token and the agreement noun lie in two clauses joined by "а", "но" or ";": in "Ярославль и Полоцк
    подписали соглашение, а Ярославская область и Витебская область планируют подписать дорожную карту"
    the parser may hang the first pair on the second verb, yet they are not the roadmap's parties."""
    first, last = sorted((token, noun), key=lambda t: t.start)
    return bool(CLAUSE_BREAK.search(sent.text[first.stop - sent.start : last.start - sent.start]))


def speaker_names_own_side(noun, chain, sent: Sentence) -> bool:
    """The agreement's subject is only a word by which a speaker names their side ("мы", "регион" without a
    name; ``data/speaker_sides.csv``), such a word beside named places, or it has none ("соглашение ... будет подписано")."""
    subjects = [t for v in chain for s_ in sent.kids(v, "nsubj") for t in sent.conjuncts(s_) if t is not noun]
    own = [t for t in subjects if (t.lemma or "") in read_words("speaker_sides.csv") and sent.mention_at(t, person=False) is None]
    # beside a named partner too: "сообщил, что республика и китайская провинция Аньхой подготовили проект"
    named = [t for t in subjects if t not in own and sent.mention_at(t, person=False) is not None]
    return len(own) + len(named) == len(subjects) and (bool(own) or not subjects)


def speakers_sides(sent: Sentence) -> list[str]:
    """The territories (else the bodies) of the officials whose words the sentence reports: the subject of a
    verb of speech ("— сказал губернатор Брянской области ...", "заявил, что ..."), the genitive of "по словам"."""
    said = [(h, t) for t in sent.tokens for kind in [speech_kind(t)] if kind in ("verb", "source")
            for h in sent.kids(t, "nsubj" if kind == "verb" else "nmod")]
    holders = [h for h, _ in said]
    # the name of an office before its verb is before the verb too ("Глава Башкирии отметил, что с хокимом ... Хайрулло
    # Бозоровым ...": the name after the verb is another's)
    persons = [sent.person_named(h, t.start if h.start < t.start else sent.stop) for h, t in said]
    places = territories(sent.mentions)
    kinds = kinds_of(sent)
    # the body the article gives the speaker elsewhere too: "По словам Журавлёва" after "Губернатор Орловской области Пётр Журавлёв"
    bodies = [body for p in persons if p is not None and (body := sent.affiliation_of(p))]
    # an official the sentence names by office alone: "Губернатор Брянской области заявил, что регион подписал ..."
    bodies += [place for h, p in zip(holders, persons) if p is None and word_kind(h.lemma or "") == "office"
               for place in office_places(h, sent)]
    return list(dict.fromkeys(places.get(body, body) for body in bodies
                              if body in places or kinds.get(body) in TYPED_PLACES or territory_of(body) is not None))


def office_places(office, sent: Sentence) -> list[str]:
    """The places or bodies an office noun names in its genitive ("Губернатор Брянской области": Брянская область)."""
    return [m.name for k in sent.kids(office, "nmod") if (m := sent.mention_at(k, person=False)) is not None]


def in_topic(token, noun, sent: Sentence) -> bool:
    """The token lies inside what the sides agreed about ("договорились о возобновлении сообщения между
    Орском и Актобе"): a phrase under an "о" complement of a verb of agreeing. Under an agreement noun
    it names the parties ("соглашение о сотрудничестве между X и Y")."""
    if noun.pos != "VERB":
        return False
    current = sent.head(token)
    for _ in range(MAX_CHAIN * 2):
        if current is None or current is noun:
            return False
        if any(c.text.lower() in ("о", "об") for c in sent.kids(current, "case")) and sent.head(current) is noun:
            return True
        current = sent.head(current)
    return False


def signers_sides(noun, chain, sent: Sentence) -> list[str]:
    """The territories (else the bodies) of the offices of those who signed: "Губернатор Липецкой
    области" signs for Липецкая область, "председатель Совета министров Республики Крым" for Crimea."""
    signers = set(signatories_from(noun, chain, sent))
    return list(dict.fromkeys(side for m in sent.mentions if m.type == "person" and m.name in signers and (side := side_of(m, sent))))


def act_noun_agents(noun, chain, sent: Sentence) -> list:
    """The agents of a noun of signing in the chain, in the instrumental: "подписание соглашения председателем
    райисполкома X и главой администрации Y" (also where the parser hung the word right after the agreement's noun
    elsewhere): their tokens, offices or names."""
    acts = [act for act in chain if category(act) == "act_noun"]
    if not acts:
        return []
    index = sent.tokens.index(noun)
    agents = [t for c in [c for act in acts for c in sent.kids(act, "nmod")] + sent.tokens[index + 1 : index + 2]
              if c.feats.get("Case") == "Ins" and not sent.kids(c, "case")
              for t in sent.conjuncts(c) if word_kind(t.lemma or "") == "office" or sent.mention_at(t, person=True)]
    return [t for i, t in enumerate(agents) if all(o is not t for o in agents[:i])]


def signatories_from(noun, chain, sent: Sentence) -> list[str]:
    """Persons who are subjects of the signing verb; in "со стороны X соглашение подписал A,
    со стороны Y — B" every person named is a signatory."""
    # "приняли решение о подготовке соглашения": who decided to draft it signs nothing
    # (a participle with a subject is the tagger's slip on a finite verb: "Губернатор ... и глава ... скрепили подписями")
    # (a short passive participle is a predicate: "соглашение подписано губернатором")
    signing = [v for i, v in enumerate(chain) if category(v) == "act" and (v.feats.get("VerbForm") != "Part" or sent.kids(v, "nsubj")
                                                                           or v.feats.get("Variant") == "Short")
               and not drafted_below(chain, i)]
    # who speaks at the signing signs nothing by it: "Об этом на церемонии подписания соглашения заявил губернатор"
    signing += [v for v in act_noun_verbs(chain, sent) if speech_kind(v) != "verb"]
    if signing and len(SIDE_MARKER.findall(sent.text)) >= 2:
        return list(dict.fromkeys(m.name for m in sent.mentions if m.type == "person"))
    names: list[str] = []
    agents = act_noun_agents(noun, chain, sent)
    for token in agents:
        names += [p.name for p in sent.persons_named(token, next_bound(token, agents, sent.stop)) if p.name not in names]
    for verb in signing:
        doer = subjects_holder(verb, sent)  # "X согласовали план ... и подписали его": the head verb's subjects sign
        subjects = [t for s_ in sent.kids(doer, "nsubj") + [c for c in sent.kids(doer, "conj") if stray_subject(c, sent)]
                    for t in sent.conjuncts(s_)]
        subjects += [t for t in comitative_subjects([doer], sent) if t not in subjects]  # "X с коллегой Y подписали"
        if doer.feats.get("Voice") == "Pass":  # "подписано губернатором X и мэром Y": the agents in the instrumental sign
            subjects += [t for c in sent.kids(doer, "obl", "obl:agent") if c.feats.get("Case") == "Ins" and not sent.kids(c, "case")
                         for t in sent.conjuncts(c) if word_kind(t.lemma or "") == "office" or sent.mention_at(t, person=True)]
        # names the parser hung on the first office as appositions: in "Аким Алматинской области Амандык Баталов и
        # губернатор Челябинской области Борис Дубровский подписали" both names are the first noun's
        # (and the names joined to such a name: "Губернаторы ... Владимир Якушев, Олег Богомолов и Виктор Назаров")
        subjects += [c for t in list(subjects) for a in sent.appositions(t) if sent.mention_at(a, person=True)
                     for c in sent.conjuncts(a) if c not in subjects and sent.mention_at(c, person=True)]
        if not subjects and verb.feats.get("Voice") != "Pass":
            names += [name for name in persons_before(verb, sent) if name not in names]
        # "подписал соглашение с председателем облисполкома Иваном Криницким": he signs too
        partners = with_partners(noun, [verb], sent)
        subjects += [t for c in partners for t in sent.conjuncts(c)
                     if word_kind(t.lemma or "") == "office" or sent.mention_at(t, person=True)]
        for token in subjects:
            names += [p.name for p in sent.persons_named(token, next_bound(token, subjects + [verb], sent.stop)) if p.name not in names]
        listed = [m for c in partners for case in sent.kids(c, "case") for m in officials_listed_after(case, sent)]
        names += [m.name for m in listed if m.name not in names]
    return names


def signatories_of_pair(members: list[str], signatories: list[str], sent: Sentence) -> list[str]:
    """The signatories of one of the agreements a plural noun names with each partner: those who act for a party of the
    pair, or whose side the text does not give ("Губернатор ... подписал соглашения с главой Чувашии ..., губернатором
    Вологодской области ...": the governor and each partner's own head)."""
    persons = {m.name: m for m in sent.mentions if m.type == "person"}
    return [s for s in signatories if s not in persons or side_of(persons[s], sent) in ("", *members)]


def persons_before(verb, sent: Sentence) -> list[str]:
    """The persons named in the verb's clause before it, where the parser gave the verb no subject: in "аким
    Павлодарской области Ерлан Сатаев и губернатор Омской области Пётр Сидоров подписали" it may hang the
    names on each other."""
    start = max([t.stop for t in sent.tokens if t.pos == "VERB" and t.stop <= verb.start] + [sent.start])
    return list(dict.fromkeys(m.name for m in sent.mentions if m.type == "person" and start <= m.start and m.stop <= verb.start))


def scope_of(noun, sent: Sentence) -> list[str]:
    """Spheres ("торгово-экономическая сфера") and activities ("обмен коммерческой информацией")."""
    items = []
    fields = [t for t in sent.tokens if field_noun(t, anywhere=True) or t.lemma == "сотрудничество"]
    for token in fields + elaborated_fields(noun, sent):
        for adj in sent.kids(token, "amod"):
            items += [a.lemma for a in sent.conjuncts(adj)]
    for topic in sent.kids(noun, "nmod"):
        if any(c.text.lower() == "о" for c in sent.kids(topic, "case")) and topic.pos == "NOUN" and topic.lemma != "сотрудничество":
            items.append(normalize_phrase(subtree(topic, sent, skip_case=True), topic))
    for verb in sent.tokens:
        if verb.lemma in ("предусматривать", "предполагать") and any(
                s is noun or category(s) in ("anaphor",) or s.lemma == "который" for s in sent.kids(verb, "nsubj")):
            for obj in sent.kids(verb, "obj")[:1]:
                items += list_items(obj, sent.tokens)
    return list(dict.fromkeys(i for i in items if i))


@lru_cache(maxsize=1)
def field_nouns() -> dict[str, bool]:
    """The nouns of a field of cooperation (field_nouns.csv), each with whether it names one anywhere in the sentence."""
    return {row["word"]: row["anywhere"] == "yes" for row in read_data("field_nouns.csv")}


def field_noun(token, anywhere: bool) -> bool:
    """Whether the token is a noun of a field of cooperation; with ``anywhere``, one that names it wherever it stands in
    the agreement's sentence."""
    return token.lemma in field_nouns() and (field_nouns()[token.lemma] or not anywhere)


def elaborated_fields(noun, sent: Sentence) -> list:
    """The field nouns that are subjects of the clause the agreement's clause elaborates after a dash: in "Активно
    развивается аграрное направление — подписан меморандум" the memorandum's clause is in parataxis with the clause
    whose subject is "направление" (one field: "Развиваются новые направления — подписано соглашение" names none)."""
    verb = noun if noun.pos == "VERB" else sent.head(noun)
    if verb is None or verb.rel != "parataxis" or not any(p.text in "—–-" for p in sent.kids(verb, "punct")):
        return []
    head = sent.head(verb)
    return [s for s in sent.kids(head, "nsubj") if field_noun(s, anywhere=False) and s.feats.get("Number") == "Sing"] if head else []


CONTENT_VERBS = frozenset({"включать", "предусматривать", "предполагать", "охватывать"})
REFERRING_SUBJECTS = frozenset({"это", "он", "она", "оно", "документ"})


def scope_from_next_sentence(records: list[Agreement], sent: Sentence, previous: str) -> None:
    """The scope a sentence gives the agreement of the sentence before it, which it refers back to and names no
    agreement of its own: "Мы с губернатором договорились формировать дорожную карту ... Это достаточно большой пласт,
    который включает вопросы от поставки транспорта до культурных взаимоотношений" (a verb of content whose subject is
    "это", "он", or "который" of a noun whose subject is one of them; "документ" refers to the latest agreement that is
    a document, not an accord); the ends of a range "от X до Y" are its items, else the list of its object."""
    if any(sent.text in r.sentences for r in records):
        return
    subject = lambda verb: next((s for s in sent.kids(verb, "nsubj") if lemma_of(s) in REFERRING_SUBJECTS), None)
    for verb in (t for t in sent.tokens if lemma_of(t) in CONTENT_VERBS):
        head = sent.head(verb)
        relative = any(lemma_of(s) == "который" for s in sent.kids(verb, "nsubj")) and head is not None
        refers = subject(verb) or (subject(head) if relative else None)
        if refers is None:
            continue
        if lemma_of(refers) == "документ":  # a document: the latest agreement that is one, not an accord
            record = next((r for r in reversed(records) if r.kind != "accord" and not r.vague), None)
        else:  # "это", "он": the agreement of the sentence before
            record = next((r for r in reversed(records) if r.sentences and r.sentences[-1] == previous), None)
        if record is not None:
            for obj in sent.kids(verb, "obj")[:1]:
                record.scope += [i for i in range_ends(obj, sent) or list_items(obj, sent.tokens) if i and i not in record.scope]
            return


def range_ends(token, sent: Sentence) -> list[str]:
    """The two ends of a range under the token ("вопросы от поставки транспорта до культурных взаимоотношений": "поставка
    транспорта", "культурные взаимоотношения"), each with its adjectives and complements in the genitive; [] if none."""
    ends, queue = [], [token]
    while queue:
        current = queue.pop(0)
        kids = sent.kids(current, "nmod")
        ends += [k for k in kids if any(c.text.lower() in ("от", "до") for c in sent.kids(k, "case"))]
        queue += kids
    if len(ends) != 2:
        return []
    items = []
    for end in sorted(ends, key=lambda t: t.start):
        words = [end] + sent.kids(end, "amod") + [k for k in sent.kids(end, "nmod") if k.feats.get("Case") == "Gen" and not sent.kids(k, "case")]
        words += [a for w in words[1:] for a in sent.kids(w, "amod")]
        items.append(normalize_phrase(sorted(words, key=lambda t: t.start), end))
    return items


def subtree(token, sent: Sentence, skip_case=False) -> list:
    """Contiguous tokens of ``token``'s subtree (without its preposition)."""
    ids = {token.id}
    for t in sent.tokens:
        chain, current = [], t
        while current is not None and current.id not in ids and len(chain) < 10:
            chain.append(current)
            current = sent.head(current)
        if current is not None and current.id in ids:
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


PAIR_LOOKBACK = 3  # sentences: "между двумя городами" is a pair told just before, not paragraphs earlier


def pair_types(between: re.Match) -> frozenset[str]:
    """The place types the kind noun of "между двумя городами" (``between_their_kind``'s match) may stand for
    (data/generic_places.csv); any place's where the table has no such noun ("между нашими территориями")."""
    noun = between.group().split()[-1]
    return kind_nouns().get(lemma_key(noun), frozenset(PLACE_TYPES))


def the_pair_before(read: list[Sentence], types: frozenset[str], headline: Sentence | None) -> list[str]:
    """The pair "между двумя городами" stands for: the two places of its kind the sentence before names, else the
    headline's two of its kind ("Москва и Луганск стали побратимами" over "посетил Москву ... ЛНР ... между
    городами"), else any two the sentence before names ("посетил Брест ... между двумя регионами": a town and a
    region), else two of its kind a sentence a little earlier names ("Делегация Калуги побывала в Сувалках. ...
    намечена в Подмосковье. ... между двумя городами"), else any two the headline names."""
    before = read[-1]
    return (places_of_the_pair(before, types) or (places_of_the_pair(headline, types) if headline is not None else [])
            or places_of_the_pair(before)
            or next((pair for s in reversed(read[-PAIR_LOOKBACK:-1]) if (pair := places_of_the_pair(s, types))), [])
            or (places_of_the_pair(headline) if headline is not None else []))


def tied_pair(sent: Sentence) -> list[str]:
    """The two places a sentence names and ties by a word of cooperation ("X и Y связывает давнее сотрудничество",
    "X и Y сотрудничают"); [] unless it names exactly two."""
    ties = read_words("cooperation_nouns.csv") | read_words("cooperation_verbs.csv")
    return places_of_the_pair(sent) if any(lemma_of(t) in ties for t in sent.tokens) else []


WITH_BEFORE = re.compile(r"(?:^|\s)со?\s+$", re.I)


def bracketed(token, sent: Sentence) -> bool:
    """Whether the token stands right inside an opening bracket."""
    before = sent.text[: token.start - sent.start].rstrip()
    return before.endswith("(")


def opens_likewise(sent: Sentence) -> bool:
    """Whether the sentence opens with an adverb of likewise_words.csv ("Также подписано соглашение ...")."""
    first = next((t for t in sent.tokens if t.pos != "PUNCT"), None)
    return first is not None and lemma_of(first) in read_words("likewise_words.csv")


def told_in_general(sent: Sentence, records: list[Agreement], found: Agreement) -> Agreement | None:
    """The record of one party, at the found record's stage, that a sentence of particulars ("В частности, прекращены
    отношения с ...": elaboration_words.csv before its main verb) details: the last one before it, where its party is
    not one of the found record's parties, all named after "с"."""
    root = next((t for t in sent.tokens if t.rel == "root"), None)
    after_with = {m.name for m in sent.mentions if WITH_BEFORE.search(sent.text[: m.start - sent.start])}
    if root is None or not found.parties or not elaborates(root, sent) or not set(found.parties) <= after_with:
        return None
    # (not the records this sentence's first particulars just gave)
    earlier = [r for r in records if r.status == found.status and (r.detailed or not r.vague) and r.evidence != sent.text]
    last = earlier[-1] if earlier else None
    return last if last is not None and len(last.parties) == 1 and last.parties[0] not in found.parties else None


def partner_told_before(sent: Sentence, party: str, kinds: dict[str, str]) -> str:
    """The one place of the party's type that the sentence names after "с" ("контакты поддерживаем с Хорезмской
    областью"), other than the party; '' where there is none or more than one."""
    found = {m.name for m in sent.mentions if m.type == kinds.get(party) and m.name != party
             and WITH_BEFORE.search(sent.text[: m.start - sent.start])}
    return next(iter(found)) if len(found) == 1 else ""


def places_of_the_pair(sent: Sentence, types=PLACE_TYPES) -> list[str]:
    """The two places (of ``types``) a sentence names, outermost mentions only ("Забайкальский край и провинцию
    Хэйлунцзян связывают долгие отношения"); [] unless there are exactly two."""
    places = [m for m in sent.mentions if m.type in PLACE_TYPES and not in_aside(m, sent)]
    outermost = [m for m in places if not any(o is not m and o.start <= m.start and m.stop <= o.stop for o in places)]
    # a state one of the places lies in is where it is, not its pair: "посетил Республику Карелию, входящую в состав
    # Российской Федерации"
    states = {p.state for m in outermost if m.type != "country" and (p := place_by_id(m.place_id)) is not None}
    outermost = [m for m in outermost if not (m.type == "country" and (p := place_by_id(m.place_id)) is not None and p.name_latin in states)]
    names = list(dict.fromkeys(m.name for m in outermost if m.type in types))
    return names if len(names) == 2 else []


def extract_agreements(sentences: list[Sentence], mentions: list[Mention], published: str, meeting_sides: list[str],
                       title_stop: int = 0, sentence_sides: dict[int, list[str]] | None = None) -> list[Agreement]:
    """The agreements of a parsed document, one record per agreement.

    ``meeting_sides`` are the territories whose officials met (``events.sides``): an agreement
    reached at the meeting with no parties of its own binds them; ``sentence_sides`` those of the events of each
    sentence, by its start, which an agreement of that sentence binds first. ``title_stop`` is where the headline ends
    (0: none).
    """
    records: list[Agreement] = []
    territory = territories(mentions)
    kinds = {m.name: m.type for m in mentions}
    before: Sentence | None = None  # the sentence before, read by the rules that look back one sentence
    read: list[Sentence] = []  # the sentences before
    twin_article = any(TWIN_STEM in (t.lemma or "") for sent in sentences for t in sent.tokens)
    contract = headline_contract(sentences, title_stop)
    # the pair the headline names stands for "двумя регионами" where the sentences before name none (the_pair_before)
    headline = sentences[0] if sentences and sentences[0].start < title_stop else None
    owner_before = ""  # the town whose twins the sentences so far named
    opener: Sentence | None = None  # the last sentence with a verb, which the verbless sentences after it may list the documents of
    narrator = Narrator()  # the official the sentences so far report on (narrated_side)
    for sent in sentences:
        used_verbs: set = set()
        for found in instruments_in(sent, records, published, used_verbs, twin_article, contract, listing_status(sent, opener), owner_before):
            found.narrator = narrator.side if found.partner_only else ""
            found.narrator_person = narrator.person if found.partner_only and found.by_pronoun else ""
            if not found.sides and (general := told_in_general(sent, records, found)) is not None:
                # "Днепр разорвал побратимские отношения с российскими городами. В частности, прекращены отношения с
                # Улан-Удэ и Красноярском": each partner of the particulars with the side of the record they detail, which
                # no longer stands alone
                general.detailed = True
                for partner in found.parties:
                    merge(records, replace(found, parties=[general.parties[0], partner], bound="previous"), territory, kinds)
                continue
            # (the heads of places of a kind are those of an agreement told before where there is one: ``bind_sides``)
            between = between_their_kind(found.evidence, heads=not records) if before is not None else None
            pair = (the_pair_before(read, pair_types(between), headline)
                    if between is not None and all(kinds.get(p) == "country" for p in found.parties) else None)
            # the states of "между двумя регионами России и Японии" are where the pair lies, not its sides
            if pair is not None and (pair or not found.parties):
                found.parties = pair
                found.bound = "previous" if found.parties else ""
                if not found.parties and len(meeting_sides) == 2:
                    # "Губернатор ... планирует встретиться с президентом Беларуси ... Главным событием станет подписание
                    # соглашения между нашими территориями": the two sides that meet
                    found.parties, found.bound = list(meeting_sides), "meeting"
            elif not found.parties and not found.these and found.date and found.status == "signed" and len(meeting_sides) < 2 \
                    and before is not None and (pair := tied_pair(before)):
                # "Приамурье и Еврейскую АО связывает давнее сотрудничество. В 1996 году было подписано соглашение ...": the
                # dated signing of the two the sentence before ties, where no meeting or earlier record gives sides (not
                # "предметом договора являются ...": a document spoken of, its stage and sides not told)
                found.parties, found.bound = pair, "previous"
            elif (not found.parties and not found.these and found.status == "signed" and before is not None and records
                  and before.text in records[-1].sentences and len(records[-1].parties) == 2 and opens_likewise(sent)):
                # "... с хокимом Ферганской области достигнута договоренность о строительстве центра. Также подписано
                # соглашение о ... сотрудничестве": the sides of the record just told
                found.parties, found.bound = list(records[-1].parties), "previous"
            elif found.kind == TWINNING and len(found.parties) == 1 and before is not None and (
                    owner := town_owning_twins(before, PLACE_TYPES)) and owner not in found.parties:
                # "У Гомельской области появился ещё один побратим. Соглашение ... с провинцией Ляонин подписано ...": the
                # new twin's owner is the other side
                found.parties = [owner, *found.parties]
            elif len(found.parties) == 1 and not found.sides and found.kind != "accord" and before is not None and not any(
                    before.text in [r.evidence, *r.sentences] for r in records) and (partner := partner_told_before(before, found.parties[0], kinds)):
                # "Тесные контакты поддерживаем с Хорезмской областью. В прошлом году мы подписали план мероприятий": the
                # partner of the ties the sentence before tells, where that sentence reports no agreement of its own
                found.parties, found.bound = [*found.parties, partner], "previous"
            if found.this_one and not found.parties and (last := next((r for r in reversed(records) if not r.vague and not r.detailed), None)):
                # "Инициатива о подписании соглашения с Минском ... Позднее вопрос подписания данного соглашения
                # обсуждался на встрече губернатора ...": the agreement just told, not another between the sides that met
                told_of(last, found)
                continue
            if found.these and not found.parties and len(listed := listed_just_before(records, found, read)) > 1:
                for record in listed:  # "Рассмотрены проекты: «О Соглашении ...»; «О Соглашении ...». Депутаты одобрили данные проекты"
                    told_of(record, found)
                continue
            merge(records, found, territory, kinds)
        just_told = bool(records) and before is not None and before.text in records[-1].sentences
        for found in accords_in(sent, published, used_verbs, just_told):
            if found.confirms:
                # "Нови-Бечей станет еще одним побратимом Новочеркасска. Об этом договорились градоначальники": agreed
                told_of(records[-1], found)
                continue
            merge(records, found, territory, kinds)
        previous = before.text if before is not None else ""
        for found in listed_pairs(sent, records, in_a_list=previous.rstrip().endswith(";")):
            merge(records, found, territory, kinds)
        for found in elided_pairs(sent, records):
            merge(records, found, territory, kinds)
        for found in tally_members(sent, records, before):
            merge(records, found, territory, kinds)
        for found in signings_without_a_noun(sent, records, published):
            merge(records, found, territory, kinds)
        for found in cooperating_likewise(sent, before, records, published):
            merge(records, found, territory, kinds)
        for found in euroregion_members(sent, published):
            merge(records, found, territory, kinds)
        for found in twinnings_by_verb(sent, published):
            merge(records, found, territory, kinds)
        for found in twins_among_them(sent, before, published):
            merge(records, found, territory, kinds)
        ended_by_reference(sent, records, before)
        signers_without_a_noun(sent, records, before)
        scope_from_next_sentence(records, sent, previous)
        before = sent
        read.append(sent)
        opener = sent if has_verb(sent) else opener
        narrator = narrated_side(sent, narrator)
        owner_before = town_owning_twins(sent) or owner_before
        attach_terms(records, sent)
    bind_sides(records, meeting_sides, mentions, sentence_sides or {})
    other_side_met(records, meeting_sides, territory, kinds)
    narrators_side(records, territory, kinds)
    signers_of_the_sides(records, mentions, territory, kinds)
    records = one_outcome_per_meeting(documents_of_accords(headline_states(told_again(records), title_stop, territory, kinds), territory, kinds))
    records = headline_region(records, title_stop, territory)
    records = headline_instruments(records, title_stop, territory, kinds)
    ended_together(records)
    if twin_article:
        twin_towns_agreements(records, kinds, territory)
        records = twins_of_other_places(records, mentions)
    friendship_of_regions(records, kinds)
    # a tally of agreements with partners it does not name ("Область связывают с регионами России 34 соглашения") is no record
    # nor are agreements counted between sides the text names only by the meeting ("Поднебесная и 47 регион связаны
    # шестью соглашениями" after a meeting of the region's and a province's officials)
    governed = cities_governed(mentions) | cities_headed(sentences) if records else set()
    kept = in_scope([r for r in records if not r.vague and not r.detailed and not (r.counted and (len(r.parties) < 2 or r.bound))
                     and not accord_beside_signed(r, records)], mentions, territory, governed)
    # an accord on cooperation itself is the outcome told between sides no other record joins ("мэр Москвы провёл
    # переговоры с главой Шанхая ... договорились о сотрудничестве" beside the programme Moscow signed with Beijing)
    ties = [r for r in in_scope(only_ties(records, territory, kinds), mentions, territory, governed)
            if not joined_by_another(r, kept, territory, kinds)]
    kept = [r for r in records if any(r is k for k in kept + ties)]
    by_text = {sent.text: sent for sent in sentences}
    for record in kept:
        record.party_basis = party_bases(record, [by_text[t] for t in record.sentences if t in by_text])
    return kept


def only_ties(records: list[Agreement], territory: dict[str, str], kinds: dict[str, str]) -> list[Agreement]:
    """The accords on cooperation itself of an article that reports no other agreement ("Область и провинция
    договорились о сотрудничестве"): there the accord is the outcome told, one per set of localities (the headline's
    regions and the body's governments of them are one accord)."""
    found = {}
    for record in records:
        if record.tie_only and len(record.parties) > 1:
            found.setdefault(frozenset(party_localities(record.parties, territory, kinds)), record)
    return list(found.values())


def joined_by_another(record: Agreement, others: list[Agreement], territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """Whether one of the other records joins the record's sides: each of its localities is, or holds, a locality of
    that record's parties."""
    wheres = [where for _, where in party_localities(record.parties, territory, kinds)]
    return any(all(any(holds(where, place) for _, place in party_localities(other.parties, territory, kinds)) for where in wheres)
               for other in others)


def holds(outer: str, inner: str) -> bool:
    """Whether locality ``outer`` is ``inner`` or the state or region it lies in ("Хуралы Тувы и Монголии договорились
    сотрудничать" over the treaty of Tuva's and Uvs aimag's khurals: Mongolia holds the aimag)."""
    if outer == inner:
        return True
    big, small = place_by_id(outer), place_by_id(inner)
    return big is not None and small is not None and (small.region == outer or big.type == "country" and small.state == big.name_latin)


def accord_beside_signed(record: Agreement, records: list[Agreement]) -> bool:
    """Whether an accord whose sides are only those of an agreement signed before it ("Стороны также договорились
    принимать совместное участие в выставках" after the protocol's signing) tells what the same occasion settled, no
    agreement of its own."""
    return record.kind == "accord" and record.bound == "earlier" and any(
        other.status == "signed" and set(other.parties) == set(record.parties) for other in records if other is not record)


# How a record has each party (agreements.party_basis): named in one of its sentences; taken from the office of a
# person who signed or spoke there ("подписал губернатор", the region given elsewhere); the sides that met; the parties
# of an agreement it refers back to or of the record before it; a body of each side the text names only by a role
# ("между профильными министерствами"); the two places the sentence before, else the headline, names ("между двумя регионами").
PARTY_BASES = ("named", "officials", "meeting", "earlier", "each_side", "previous", "narrator")


def party_bases(record: Agreement, sentences: list[Sentence]) -> list[str]:
    """For each party of the record, in order, how the record has it (PARTY_BASES): the parties ``bind_sides`` gave it
    by its way; a party no sentence of the record names (as a place, a body, or a reference to the text's own place)
    from the office of a person those sentences name, else from the record before it ("Ранее подобные соглашения были
    подписаны с ...": the same side)."""
    if record.bound:
        return [record.bound] * len(record.parties)
    for given, basis in ((record.met_side, "meeting"), (record.narrator, "narrator")):
        if given:
            own = party_bases(replace(record, parties=[p for p in record.parties if p != given], met_side="", narrator=""), sentences)
            return [own.pop(0) if p != given else basis for p in record.parties]
    named = {m.name for s in sentences for m in s.mentions if m.type != "person"}
    # a place a body's name holds is named ("Представители Харьковского городского совета ...": Kharkiv)
    named |= {place.name for s in sentences for place in places_of_bodies(s.mentions)}
    offices = {a for s in sentences for m in s.mentions if m.type == "person" and (a := s.affiliation_of(m))}
    offices |= {place.get(a, a) for place in (territories(s.mentions) for s in sentences) for a in offices}
    return ["named" if p in named else "officials" if p in offices else "earlier" for p in record.parties]


def by_friendship_alone(noun, sent: Sentence) -> bool:
    """Whether the noun names a twinning only by a word of friendship of towns in its topic ("договор о дружбе и
    сотрудничестве", "об установлении партнерских отношений"), not by twin words or by establishing friendly relations
    ("об установлении дружественных отношений")."""
    topic = [t for n in sent.kids(noun, "nmod") for c in sent.conjuncts(n)
             for t in [c] + sent.kids(c, "amod", "nmod") + [a for k in sent.kids(c, "nmod") for a in sent.kids(k, "amod")]]
    lemmas = {lemma_of(t) for t in topic}
    of_towns = friendship_words_of_towns()
    return bool(lemmas & of_towns) and not lemmas & (read_words("friendship_words.csv") - of_towns) and not any(
        lemma.startswith(TWIN_STEM) for lemma in lemmas)


@lru_cache(maxsize=1)
def friendship_words_of_towns() -> frozenset[str]:
    """The words of friendship that make a twinning of towns only (friendship_words.csv: towns_only)."""
    return frozenset(row["word"] for row in read_data("friendship_words.csv") if row["towns_only"] == "yes")


def friendship_of_regions(records: list[Agreement], kinds: dict[str, str]) -> None:
    """An agreement "о дружбе и сотрудничестве" is the twinning of towns and districts, and between regions, states or a
    region's bodies a cooperation agreement ("соглашение о дружбе, сотрудничестве и взаимной помощи между ЛНР и
    Харьковской областью"); establishing friendly relations is twinning at any level."""
    for record in [r for r in records if r.kind == TWINNING and r.friendship]:
        levels = [kinds.get(p) if kinds.get(p) in PLACE_TYPES else (place.type if (place := territory_of(p)) else "")
                  for p in record.parties]
        if any(level in ("region", "occupation_authority", "country") for level in levels):
            record.kind = record.document_kind if record.document_kind in ("cooperation_agreement", "memorandum") else "cooperation_agreement"


def twin_towns_agreements(records: list[Agreement], kinds: dict[str, str], territory: dict[str, str]) -> None:
    """In an article about twin towns, a cooperation agreement between towns is their twinning: "Три города области
    связаны побратимскими соглашениями с турецкими городами", then "У Ельца подписано соглашение с Измиром и
    Бурсой" (unless the article names that town's twins apart: "Тверь и Бобруйск стали городами-побратимами", then
    "Соглашения о сотрудничестве у Твери уже подписаны с Гомелем и Ригой" are Tver's other ties); so is one
    between districts, or their executives ("Договор подписали глава Псковского района и председатель райисполкома
    Шарковщинского района"); and a memorandum between towns where the article has twinnings made by memoranda
    ("Меморандумы об установлении побратимских отношений ... подписаны", then "Подписи под меморандумами поставили")."""
    by_memoranda = any(r.kind == TWINNING and r.document_kind == "memorandum" for r in records)
    told = [r for r in records if r.kind == TWINNING]  # the twinnings the article names as such
    work = list(records)
    while work:
        record = work.pop(0)
        types = [kinds.get(territory.get(p, p)) for p in record.parties]
        # towns, and places the gazetteer types otherwise that the text pairs with a town (a federal city is a
        # region by its status, a foreign town the gazetteer lacks "other")
        # a region's agreement with a town is no twinning of towns ("соглашение о сотрудничестве региона и города"),
        # nor is the "DPR"'s or "LPR"'s ("между правительствами Москвы и ЛНР" beside the towns' twinning)
        if (record.kind == "cooperation_agreement" or record.kind == "memorandum" and by_memoranda) and len(types) >= 2 and {"city", "district"} & set(types) and all(
                t in PLACE_TYPES and t not in ("region", "occupation_authority", "country") for t in types):
            # the same towns' twinning the article reports at another stage is the same tie: "Конин разорвал побратимские
            # отношения с Брянском", then "Брянск и Конин подписали соглашение о сотрудничестве в 1995 году"
            own = party_localities(record.parties, territory, kinds)
            same = next((r for r in records if r is not record and r.kind == TWINNING and party_localities(r.parties, territory, kinds) == own), None)
            if same is not None and same.status in ("planned", "discussed") and record.status == "signed":
                continue  # "станут городами-побратимами" beside "первый договор ... был подписан в 2012 году": not yet twins
            # a memorandum the towns signed in a sentence of twin words ("меморандум о ... укреплении побратимских связей")
            # says they are twins already, as their twinning would
            twinned = same or next((r for r in records if r is not record and r.kind == "memorandum" and r.status == "signed"
                                    and TWIN_STEM in r.evidence.lower() and party_localities(r.parties, territory, kinds) == own), None)
            if twinned is not None and twinned.status == "signed" and record.status in ("planned", "agreed", "discussed"):
                continue  # "города-побратимы подпишут дополнительное соглашение": a new document of towns twinned already
            if same is not None and same.standing and (record.of_twins or record.evidence in same.sentences + [same.evidence]):
                continue  # "договор о сотрудничестве между городами-побратимами": an agreement of towns that are twins already
            if record.former:
                continue  # "началась ещё в 2009 году с подписанного соглашения между администрациями": the tie before the twinning
            if same is not None and same.status == record.status and told_apart_in_time(same, record):
                continue  # "Напомним, в 2023 году Обнинск и Гомель стали городами-побратимами" beside the agreement signed now
            if same is not None and documents_apart(same, record):
                continue  # "подписали соглашение о подтверждении побратимских связей и соглашение о сотрудничестве": two documents
            if same is None and twins_told_apart(record, told, territory, kinds):
                # "Городами-побратимами Калуги считаются Зуль и Могилёв. Кроме того, договоры о сотрудничестве заключены с Люблином
                # и Кошице": the article tells a town's twins from its partners by agreement
                continue
            if len(record.sides) == 1 and len(record.parties) > 2:
                # a twinning is of two towns: "У Ельца подписано соглашение с Измиром, Бурсой и Коньей" is
                # one per partner, each judged as a record of its own
                pieces = [replace(record, parties=[record.sides[0], p], one_of_pairs=True) for p in record.parties if p != record.sides[0]]
                at = records.index(record)
                records[at:at + 1] = pieces
                work[:0] = pieces
                continue
            record.kind = TWINNING
            if same is not None:
                take_stage(same, record)
                same.signatories = same.signatories or record.signatories  # who signed the document signed the twinning
                records.remove(record)


def twins_told_apart(agreement: Agreement, twinnings: list[Agreement], territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """Whether one of the ``twinnings`` the article names, in another sentence, pairs the agreement's side (the party
    its partners are "с", or any party where it names none) with a town that is no party of it: the town's twins are
    named apart from its partners by agreement."""
    own = party_localities(agreement.parties, territory, kinds)
    side = party_localities(agreement.sides or agreement.parties, territory, kinds)
    for record in twinnings:
        theirs = party_localities(record.parties, territory, kinds)
        if record.evidence != agreement.evidence and len(theirs) >= 2 and theirs & side and theirs - own:
            return True
    return False


def twins_of_other_places(records: list[Agreement], mentions: list[Mention]) -> list[Agreement]:
    """The records less a town's twinning with the region it lies in ("Меморандумы об установлении побратимских
    отношений между Астраханью и городами Казахстана подписаны ..., сообщил губернатор Астраханской области"): twins
    are towns or regions of elsewhere. The region is dropped; a record left with one party that another twinning
    already holds is dropped with it."""
    places = {m.name: place for m in mentions if m.place_id and (place := place_by_id(m.place_id)) is not None}
    kept = []
    for record in records:
        if record.kind == TWINNING:
            held = {places[p].region for p in record.parties if p in places and places[p].region}
            record.parties = [p for p in record.parties if not (p in places and places[p].place_id in held)] or record.parties
            if len(record.parties) < 2 and any(r is not record and r.kind == TWINNING and set(record.parties) < set(r.parties) for r in records):
                continue
        kept.append(record)
    return kept


def in_scope(records: list[Agreement], mentions: list[Mention], territory: dict[str, str], governed: set[str]) -> list[Agreement]:
    """The records a subnational government is a party to, each with its category (see scope).

    A record whose parties the text leaves unnamed, and that no earlier step bound to the sides that met or to the
    agreement it refers back to (``bind_sides``), is no record: "подписание соглашения станет событием для двух
    областей" beside a record of both regions, "церемонии подписания соглашений и протоколов" above the pairs that
    signed them, repeat or sum up what the article's named records say, and alone nothing shows whose it is.
    ``governed``: the towns whose own government the document names (a capital among them acts as a town).
    """
    levels = party_levels(mentions, territory)
    twinned = [set(r.parties) for r in records if r.kind == TWINNING]
    for record in records:
        # towns act as towns where any sentence of the record says so, where the article calls them twins, or where
        # it names a capital's own government ("Москва и Республика Беларусь подписали дорожную карту" over "Министр
        # Правительства Москвы ... обсудил с первым заместителем председателя Минского горисполкома")
        municipal = (municipal_context(record.kind, " ".join(record.sentences or [record.evidence])) or set(record.parties) in twinned
                     or bool(governed & set(record.parties)))
        found = levels(record.parties, municipal)
        record.category = scope_category(found)
        if record.category == INTERGOVERNMENTAL and chambers_only(record.parties, found):
            record.category = CHAMBER
        if record.category and record.company_partner and len(record.parties) == 1:
            record.category = WITH_COMPANY  # "подписало соглашение с холдингом ...": a company the tagger did not name
    return [r for r in records if r.category]


def cities_governed(mentions: list[Mention]) -> set[str]:
    """The towns whose own government the document names, as a body or a person's office ("Правительства Москвы",
    "мэр Москвы")."""
    names = [m.name for m in mentions if m.type == "organization"] + [m.role for m in mentions if m.type == "person" and m.role]
    return {place.name for name in names if any(word_kind(w) in ("executive", "office") for w in lemma_key(name).split())
            and (place := territory_of(name)) is not None and place.type == "city"}


def cities_headed(sentences: list[Sentence]) -> set[str]:
    """The towns an office or executive governs in the genitive where no name follows ("мэр Москвы провёл переговоры с
    главой Шанхая"): their own government acts, as in ``cities_governed``."""
    return {m.name for sent in sentences for t in sent.tokens if word_kind(t.lemma or "") in ("executive", "office")
            for c in sent.kids(t, "nmod") if c.feats.get("Case") == "Gen" and not sent.kids(c, "case")
            and (m := sent.mention_at(c, person=False)) is not None and m.type == "city"}


def headline_contract(sentences: list[Sentence], title_stop: int) -> bool:
    """Whether the headline reports a private contract and no agreement: "Иркутская область получила кредит
    министерства финансов РФ" (data/private_contracts.csv); the article's agreement with no topic of its own
    ("Соглашение с минфином России, подписанное 20 октября") is then that contract."""
    headline = [(t, sent) for sent in sentences if sent.start < title_stop for t in sent.tokens]
    words = read_words("private_contracts.csv")
    return any(lemma_of(t) in words for t, _ in headline) and not any(agreement_noun(t, sent) for t, sent in headline)


def without_topic(noun, sent: Sentence) -> bool:
    """Whether the agreement noun is given no topic or kind of its own: "Соглашение с минфином", not "соглашение о
    сотрудничестве" or "договор о дружбе"."""
    return not has_topic(noun, sent) and not sent.kids(noun, "amod")


def has_topic(noun, sent: Sentence) -> bool:
    """Whether the agreement noun says what it is about ("о сотрудничестве", "по развитию ...")."""
    return any(k.text.lower() in ("о", "об", "по") for c in sent.kids(noun, "nmod") for k in sent.kids(c, "case"))


def has_verb(sent: Sentence) -> bool:
    return any(t.pos in ("VERB", "AUX") for t in sent.tokens)


def listing_status(sent: Sentence, opener: Sentence | None) -> str:
    """The stage of the documents a sentence with no verb lists after ``opener``, the last sentence with one, where
    that counted them ("Стороны подписали три документа. Меморандум о взаимопонимании между ..., а также ...") or opened
    a list with a colon ("Депутаты рассмотрели проекты постановлений:" then a line "«О Соглашении ... между X и Y»;"
    for each); "" where it has a verb."""
    if opener is None or has_verb(sent):
        return ""
    for verb in opener.tokens:
        counted = [o for o in opener.kids(verb, "obj", "nsubj:pass") if agreement_noun(o, opener) not in ("", "accord")
                   and (o.feats.get("Number") == "Plur" or numbered(o, opener))]
        if verb.pos == "VERB" and category(verb) == "act" and counted:
            return tense_status(verb, opener)
    roots = [t for t in opener.tokens if t.rel == "root" and t.pos == "VERB"]
    if not roots or not opener.text.rstrip().endswith(":"):
        return ""
    # "одобрены следующие проекты постановлений:": a signing approved is still to come
    return "planned" if lemma_of(roots[0]) in read_words("approval_verbs.csv") else status_of(roots, opener, "cooperation_agreement")


def words_only(sent: Sentence, words: list) -> str:
    """The sentence's text with all but ``words`` blanked, each character in its place."""
    text = [" "] * len(sent.text)
    for t in words:
        text[t.start - sent.start : t.stop - sent.start] = sent.text[t.start - sent.start : t.stop - sent.start]
    return "".join(text)


def holds_the_parties(parties: list[str], earlier: list[str]) -> bool:
    """Whether each of the parties (one at least) is a region or state that holds one of the earlier record's parties,
    and no two hold the same one ("Нижегородская область" and "Армения" of Арзамас and Вагаршапат)."""
    places = [find_place(p) for p in parties]
    inner = [q for p in earlier if (q := find_place(p)) is not None]
    holds = lambda outer, q: q.place_id != outer.place_id and (q.region == outer.place_id or outer.type == "country" and q.state == outer.name_latin)
    held = [next((q.place_id for q in inner if holds(outer, q)), None) if outer is not None else None for outer in places]
    return bool(parties) and None not in held and len(set(held)) == len(held)


def states_compounded(token, sent: Sentence) -> list[str]:
    """The two states a compound adjective of the noun names ("российско-монгольское соглашение", "армяно-российский
    меморандум"): the first half is the combining form of a state's adjective (data/state_adjectives.csv) with or
    without its "-ск-"; [] where there is no such adjective."""
    adjectives = state_adjectives()
    for a in sent.kids(token, "amod"):
        first, _, second = a.text.lower().partition("-")
        firsts = [code for lemma, code in adjectives.items() if first[:-1] in (lemma[:-2], lemma[:-4])]
        seconds = [code for lemma, code in adjectives.items() if second.startswith(lemma[:-2]) and len(second) - len(lemma) <= 1]
        states = [place.name for code in (firsts[:1] + seconds[:1]) if (place := place_by_id(code)) is not None]
        if len(firsts) == 1 and len(seconds) == 1 and len(set(states)) == 2:
            return states
    return []


def documents_apart(a: Agreement, b: Agreement) -> bool:
    """Whether two records are of coordinated agreement nouns of one sentence (``coordinated_documents``): two acts,
    never folded into one as a twinning and its document."""
    return a.apart and b.apart and a.evidence == b.evidence


def coordinated_documents(token, sent: Sentence) -> bool:
    """Whether the noun and another agreement noun are conjuncts: "подписали соглашение о подтверждении побратимских
    связей и соглашение о сотрудничестве в сфере туризма" names two documents."""
    head = sent.head(token)
    others = sent.kids(token, "conj") + ([head] if token.rel == "conj" and head is not None else [])
    return any(agreement_noun(t, sent) for t in others)


def own_date(token, sent: Sentence, published: str) -> str:
    """The date of the document ``token`` names: the date its participle gives, else the sentence's first date,
    leaving out the words of another document the sentence names apart ("В рамках соглашения, подписанного в 2019
    году, стороны договорились подготовить план мероприятий": 2019 is the agreement's, not the plan's)."""
    date = date_in(sent.text, published)
    if not date:
        return date
    # "соглашения, заключенного в 2019 году": the date its own participle gives, the participle in its case (the parser
    # may hang it on the topic: "соглашения о сотрудничестве, заключенного")
    participles = [c for c in sent.below(token) if c.rel == "acl" and c.feats.get("Case") == token.feats.get("Case")]
    if told := date_in(words_only(sent, [t for c in participles for t in sent.below(c)]), published):
        return told
    return date_in(own_text(token, sent), published)


def own_text(token, sent: Sentence) -> str:
    """The sentence's text with the words of another document it names blanked (each character in its place), unless
    that document holds this one: "... подписать план мероприятий, соглашение, которое было подписано 20 лет назад"
    and "план мероприятий к соглашению, которое было подписано 15 лет назад" without the agreement's words, for the plan."""
    blanked = set()
    for other in (t for t in sent.tokens if t is not token and agreement_noun(t, sent)):
        words = sent.below(other)
        if any(t is token for t in words):
            continue  # the document that holds this one ("план мероприятий по реализации соглашения, подписанного ...")
        blanked.update(t.id for t in words)
    return words_only(sent, [t for t in sent.tokens if t.id not in blanked])


def instruments_in(sent: Sentence, records: list[Agreement], published: str, used_verbs: set, twin_article: bool = False,
                   contract: bool = False, counted_stage: str = "", owner_before: str = ""):
    """Yield a record for each agreement noun whose stage the sentence gives; "документ" refers to
    the latest record (read when reached, so after the sentence's earlier records merged); in an article about twin
    towns, also for each tie between places it says was broken off or suspended (``broken_tie``). ``counted_stage`` is
    the stage of the documents a verbless sentence lists (``listing_status``); ``owner_before`` the town whose twins an
    earlier sentence named (``town_owning_twins``).
    Adds the verbs read to ``used_verbs``."""
    twinned = any(r.kind == TWINNING for r in records)
    for token in sent.tokens:
        kind = agreement_noun(token, sent)
        if not kind and records and lemma_of(token) == records[-1].head and token.pos == "NOUN":
            kind = "anaphor"  # the head of a term named just before, alone: "... программу сотрудничества. ... подписали программу"
        if not kind and (listed := twin_list(token, sent, twinned)) and not governing_chain(token, sent):
            yield from standing_twinnings(listed, sent, published)  # "Среди других партнёров Озёрска – ..."
            continue
        tie = not kind and twin_article and (token.lemma or "").replace("ё", "е") in read_words("twinning_tie_nouns.csv")
        kind = TWINNING if tie else kind
        topic = topic_of_another(token, sent) if kind else ""
        if not kind or private_contract(token, sent) or topic == "topic" or names_a_gathering(token, sent) or of_a_kind(token, sent) or (
                kind == "anaphor" and provides(token, sent)):
            continue
        if contract and kind == "cooperation_agreement" and without_topic(token, sent):
            continue  # the contract the headline reports ("получила кредит ... Соглашение с минфином ... подписано")
        if records and kind == "cooperation_agreement" and similar(token, sent) and not has_topic(token, sent):
            kind = records[-1].kind  # "... подписал соглашение о побратимских отношениях. Аналогичное соглашение подписано между ...": a twinning too
        chain = governing_chain(token, sent) or having_verb(token, sent)
        # "Итогом переговоров стала договорённость о заключении соглашения": the accord to sign it is its stage
        draft = drafted(token, sent)
        status = status_of(chain, sent, kind) or ("planned" if topic == "planned" else "") or counted_stage or draft
        # "одобрили проекты соглашений", "согласовали проект соглашения": the draft is agreed, the agreement to come
        status = (draft or status) if status == "agreed" else status
        # "договор ... между городами-побратимами — X и Y": towns that are twins already, whatever is done now
        # (but "расторг соглашение ... между городами-побратимами" ends the twinning with it)
        described = kind == TWINNING and (between_case(token, sent) and bool(chain) or of_their_officials(token, sent)) and status not in ("terminated", "suspended")
        status = "signed" if described else status
        listed = twin_list(token, sent, owner_before=owner_before)
        if not chain and kind == "twinning" and listed:
            yield from standing_twinnings(listed, sent, published)
            continue
        if not chain and kind == "twinning" and (sides := twins_predicated(token, sent)):
            # "Вологда — город-побратим Кеми": a twinning stated as a standing fact, with no verb
            yield Agreement(kind, "signed", sides, [], date_in(sent.text, published), evidence=sent.text, start=sent.start, stop=sent.stop,
                            standing=True)
            continue
        if kind == "accord" and records and any(lemma_of(d) in read_words("anaphoric_determiners.csv") for d in sent.kids(token, "det", "amod")):
            kind = "anaphor"  # "Такой договорённости достигли ...": the agreement just reported, its sides named here
            status = records[-1].status if status == "agreed" and records[-1].status == "planned" else status
        # "Соответствующее соглашение подписали мэры ..." after a tie or agreement just told: that one's document
        corresponding = bool(records) and records[-1].kind != "accord" and any(lemma_of(a) == "соответствующий" for a in sent.kids(token, "amod"))
        # but after towns called twins as a fact ("Города-побратимы X и Y развивают сотрудничество в сфере торговли"),
        # the document of what they do now, between them
        of_twins = corresponding and records[-1].standing
        corresponding = corresponding and not of_twins
        told = kind not in ("", "anaphor") and bool(records) and (about_this(token, sent) or corresponding)
        referred_record = None
        if kind == "anaphor" or told:
            # "Евпатория и Нижний Тагил стали побратимами. Соглашение об этом подписали ...": that twinning
            if not status or not records:
                continue
            # a document is the latest agreement that is one, not an accord told after it ("... подписал соглашение ...
            # Договорились дружить ... Подписи под документом поставили ...")
            documents = [r for r in records if r.kind != "accord"] if lemma_of(token) == "документ" else []
            latest = (documents or records)[-1]
            # of the documents one sentence names, the one it reports, not one it names as in force around it
            # ("подписание плана мероприятий по реализации Соглашения ... Документ подписали ...": the plan)
            referred_record = next((r for r in reversed(documents) if latest.evidence in [r.evidence, *r.sentences] and not r.in_force), latest)
            # "договорились открыть пункт пропуска. Соглашение об этом было подписано": the accord became this document
            kind = kind if told and referred_record.kind == "accord" else referred_record.kind
        # "в рамках соглашения между X и Y", "обсудили реализацию соглашения": it was signed, whatever the verb
        # above says of what is done within it ("планируют подписать в рамках соглашения дорожную карту")
        # (a town's twins are twin_owners' business: "у Твери три города-побратима" names no agreement)
        owners = [] if kind == TWINNING else [m.name for t in possessors_of(token, sent) if (m := sent.mention_at(t, person=False)) is not None]
        may_exist = status not in ("terminated", "suspended") and kind != "accord" and (exists(token, sent) or topic == "exists" or bool(owners))
        if kind == "accord" and status == "signed" and any(lemma_of(v) == "заключить" for v in chain):
            status = "agreed"  # "была заключена договорённость о передаче помощи": reached, with no document
        # "по договорённости мэра Москвы с губернатором ... город получит": an accord reached, by which something is done
        # (not "в рамках договорённостей": an accord in force, mostly one the article has told)
        by_accord = kind == "accord" and not status and any(c.text.lower() == "по" for c in sent.kids(token, "case"))
        if not (status or may_exist or by_accord) or (kind == "accord" and status == "signed"):
            continue
        # "подписано российско-монгольское соглашение": where no one else is named, the states its adjective names
        parties = find_parties(token, chain, sent) or states_compounded(token, sent)
        parties = [o for o in owners if o not in parties] + parties  # "У Курганской области есть соглашение с ...": its own
        # "Для подписания документов делегация Нижегородской области прибыла в Армению" after the twinning of Арзамас and
        # Вагаршапат: the places that hold the parties of the document referred to name that one again
        told = told or referred_record is not None and not has_topic(token, sent) and holds_the_parties(parties, referred_record.parties)
        if kind == TWINNING:
            states = [p for p, type_ in kinds_of(sent).items() if p in parties and type_ == "country"]
            if referred_record is None and states and (len(states) == len(parties) or not twin_worded(token, sent)):
                continue  # "регион и Узбекистан связывают партнёрские отношения": a region's ties with a state, no twinning
            parties = without_states(parties, sent)
        if of_twins and set(parties) < set(records[-1].parties):
            parties = list(records[-1].parties)
        if by_accord and len(own_parties(token, parties, sent)) > 1:
            # (between sides its own words name: "по договорённости с продавцом" binds no two governments, nor does
            # "по договорённости с инвестором область получит" bind the region)
            status = "agreed"
        if may_exist and (parties or records and like_another(token, sent)):
            status = "signed"  # (the one before another, "срок действия старого соглашения истекал", is the same sides')
        if not status or tie and not broken_tie(token, status, parties, sent):
            continue
        if topic == "planned" and status in ("signed", "agreed"):
            status = "planned"  # "подписали протокол о намерениях о подписании соглашения": the agreement is to come
        used_verbs.update(t.id for t in chain)
        with_tokens = partner_tokens(token, chain, sent)
        if (own := partners_in_turn(token, sent)) is not None:
            # "заключил договор ... с Ровенской ... администрацией и соглашение ... с Запорожской ...": each noun its own partner
            named, theirs = own
            partners = list(dict.fromkeys(m.name for m in named))
            parties = [p for p in parties if p not in theirs] + partners
            with_tokens = [t for m in named for t in m.tokens]
        else:
            partners = partners_of(with_tokens, sent, parties)
        # "..., город Гюмри с Курском, Моздоком и Тверью": the clauses that leave out the verb are agreements of their own
        paired = each_with_its_partner(token, sent)
        gapped = [] if paired else gapped_pairs(token, sent)  # "Ржева с Оршей и Торжка с Полоцком" are pairs, not a clause
        in_gaps = {name for pair in gapped for name in pair}
        parties, partners = [p for p in parties if p not in in_gaps], [p for p in partners if p not in in_gaps]
        sides = [p for p in parties if p not in partners]
        each_alone = side_untold = False
        if partners and not sides and (earlier := next((r for r in reversed(records) if r.sides), None)):
            # "Ранее подобные соглашения были подписаны с Витебской и Могилёвской областями": with the same side
            sides = earlier.sides
            parties = sides + partners
        elif partners and not sides and owner_before and owner_before not in partners:
            # "Побратимами Калуги являются Зуль и Могилёв. Договоры о сотрудничестве подписаны также с Люблином": the
            # town whose twins the article listed is the side of its other agreements
            sides = [owner_before]
            parties = sides + partners
        elif len(partners) > 1 and not sides and plural(token, sent):
            # "Ранее подобные соглашения командование флота подписало с Ямало-Ненецким и Ханты-Мансийским
            # автономными округами": each partner's agreement is with a side no actor's name gives, not with the others
            if any(k is not token for v in chain for k in sent.kids(v, "nsubj")):
                continue
            # the noun itself the subject ("Уже действуют соглашения с ..."): a record only with the narrator's side
            side_untold = any(token in sent.kids(v, "nsubj") for v in chain)
            # with no subject ("В ходе визита были подписаны соглашения с Минской и Гомельской областями") the side is
            # the one that met (bind_sides): each partner an agreement of its own
            parties, each_alone = partners, True
        betweens = between_each(token, sent)
        pairs = [[p] for p in partners] if each_alone else (betweens or each_topic_its_sides(token, parties, sent) or paired or dashed_partners(sides, partners, sent) or partner_pairs(token, sides, partners, sent, tie or kind == TWINNING) or owned_twin_pairs(token, chain, kind, parties, sent) or state_pairs(token, parties, sent) or written_in_pairs(parties, sent)
                 or shared_out_pairs(token, parties, sent) or listed)
        said_parties = party_tokens(token, chain, sent)
        document_kind = terms().get(lemma_of(token), ("", "cooperation_agreement"))[1]  # the kind its noun names without its topic
        for members in pairs or [parties]:
            # "с профсоюзами", "между администрацией Екатеринбурга и екатеринбургской епархией": no government beside it
            if len(members) == 1 and nongovernmental_at(with_tokens + said_parties, sent):
                continue  # "область достигла соглашения с профсоюзами": no government or public body beside it
            if len(members) == 1 and own_plan(kind, chain, with_tokens, token, sent):
                continue
            signed_by = [] if topic == "planned" or framed(token, sent) else signatories_from(token, chain, sent)
            content = accord_content(token, sent) if kind == "accord" else ""
            own_kind = document_kind if kind == TWINNING and members in betweens and topic_of_its_own(members, sent) else kind
            yield Agreement(own_kind, status, members, signatories_of_pair(members, signed_by, sent) if pairs else signed_by,
                            own_date(token, sent, published),
                            scope=scope_of(token, sent), evidence=sent.text, start=sent.start, stop=sent.stop,
                            # an accord reached ("была заключена договорённость") binds the sides that met, as "договорились" does
                            sides_may_bind=bool(chain) and category(chain[-1]) in ("agree", "discuss") or kind == "accord",
                            intends=bool(chain) and category(chain[-1]) == "plan",
                            names_no_one=not said_parties, names_no_actor=not any(may_be_actor(t, sent) for t in said_parties + with_tokens + between_words(token, sent)),
                            one_of_pairs=bool(pairs), several=plural(token, sent), counted=tally(token, sent) or numbered(token, sent) and (
                                any(category(v) == "bind" for v in chain) or len(members) == 1)
                            or partners_counted(token, chain, with_tokens, sent),
                            sides=sides if partners else [], vague=content != "", tie_only=content == "tie",
                            company_partner=companies_at(with_tokens + said_parties + subject_words_left_over(chain, sent)),
                            unnamed_partner=bool(with_tokens) and not partners or unnamed_between(token, sent),
                            in_dialogue=bool(said_parties + with_tokens) and all(
                                t.pos == "PRON" and lemma_of(t) in read_words("dialogue_pronouns.csv") for t in said_parties + with_tokens),
                            like_another=like_another(token, sent), about_this=told, friendship=kind == TWINNING and by_friendship_alone(token, sent),
                            document_kind=document_kind, in_force=may_exist, standing=described, head=lemma_of(token),
                            these=points_back(token, sent), this_one=points_back(token, sent, "Sing"), former=former(token, sent), partner_only=bool(partners) and not sides and not [
                                t for t in subjects_besides(token, chain, sent) if not narrator_pronoun(t)],
                            by_pronoun=any(narrator_pronoun(k) for v in chain for k in sent.kids(v, "nsubj")), side_untold=side_untold,
                            signed_by_sides=not signed_by and sides_signed(chain, sent), apart=coordinated_documents(token, sent),
                            of_twins=of_twins, untitled=lemma_of(token) == "соглашение" and not has_topic(token, sent))
        for members in gapped:
            yield Agreement(kind, status, members, [], own_date(token, sent, published), evidence=sent.text, start=sent.start,
                            stop=sent.stop, one_of_pairs=True, several=plural(token, sent))


def of_their_officials(noun, sent: Sentence) -> bool:
    """Whether the twin towns are those whose officials or bodies the sentence names ("Главы администраций
    городов-побратимов обсудили ...", "мэры городов-побратимов"): twins already, whatever they do now."""
    head = sent.head(noun) if noun.rel == "nmod" else None
    return head is not None and word_kind(lemma_of(head)) in ("office", "body", "executive")


def unnamed_between(noun, sent: Sentence) -> bool:
    """Whether "между" gives the noun a side that is no actor of the text: "меморандум ... между правительством
    Татарстана и зоной технологического развития «Долина информационных технологий»" is with that zone, whoever met."""
    later = next_agreement_noun(noun, sent)
    between = next((b for b in betweens_after(noun, sent) if later is None or b.start < later.start), None)
    head = sent.head(between) if between is not None else None  # "между" may hang on the topic ("о взаимопонимании между")
    return head is not None and any(t.pos == "NOUN" and not may_be_actor(t, sent) for t in sent.conjuncts(head))


def own_plan(kind: str, chain, with_tokens, noun, sent: Sentence) -> bool:
    """Whether a plan is one body's own: adopted (data/adopting_verbs.csv) with no partner named, nor sides between which
    it is, nor an agreement it carries out ("Правительство Тульской области утвердило план мероприятий по поддержке
    малого бизнеса", not "... план мероприятий по реализации соглашения с Витебской областью")."""
    return (kind == "roadmap" and bool(chain) and not with_tokens and not between_words(noun, sent)
            and all(lemma_of(v) in read_words("adopting_verbs.csv") for v in chain)
            and not any(t is not noun and agreement_noun(t, sent) for t in sent.tokens))


def numbered(noun, sent: Sentence) -> bool:
    """Whether a numeral counts several agreements the noun names ("34 соглашения", "четыре договора", which the tagger
    calls singular), not "оба" of two the text names (data/both_words.csv)."""
    return any(t.pos == "NUM" and lemma_of(t) not in read_words("both_words.csv") and (not t.text.isdigit() or int(t.text) > 1)
               for t in sent.kids(noun, "nummod", "nummod:gov"))


def tally(noun, sent: Sentence) -> bool:
    """Whether the noun counts agreements with partners named only by their kind: "Гомельскую область с субъектами
    Российской Федерации связывают 34 соглашения", "подписала четыре меморандума с регионами России"."""
    return numbered(noun, sent) and any(units_by_kind(t) and any(k.text.lower() in ("с", "со") for k in sent.kids(t, "case"))
                                        for t in sent.tokens)


def units_by_kind(token) -> bool:
    """Whether the token names places by their kind alone, in the plural: "субъектами", "регионов", "городами"."""
    return (token.pos == "NOUN" and token.feats.get("Number") == "Plur" and not token.text[:1].isupper()
            and (lemma_of(token) in read_words("generic_unit_nouns.csv") or lemma_of(token) in region_nouns()
                 or word_kind(lemma_of(token)) == "settlement"))


def partners_counted(noun, chain, with_tokens, sent: Sentence) -> bool:
    """Whether a plural agreement noun's other side is places only counted, by a word of quantity
    (data/quantity_words.csv) or a number: "Между Гагаузией и рядом регионов РФ подписаны соглашения", "соглашения со
    многими регионами", "с тремя регионами Казахстана" (but "соглашения с регионами Китая" names whose they are)."""
    words = with_tokens + [c for head in [noun, *chain] for c in between_words(head, sent, ("nmod", "obl"))]
    # "меморандумы между двумя регионами": the pair the article is about, counted as a pair
    words = [w for w in words if not (any(k.text.lower() == "между" for k in sent.kids(w, "case"))
                                      and any(lemma_of(q) in ("два", "оба") for q in sent.kids(w, "nummod", "nummod:gov", "amod", "det")))]
    quantity = read_words("quantity_words.csv")
    return noun.feats.get("Number") == "Plur" and any(
        lemma_of(w) in quantity and any(units_by_kind(t) for t in sent.kids(w, "nmod"))
        or units_by_kind(w) and any(lemma_of(q) in quantity or q.pos == "NUM" for q in sent.kids(w, "amod", "det", "nummod", "nummod:gov"))
        for w in words)


def subject_words_left_over(chain, sent: Sentence) -> list:
    """The words between the last comma and a signing verb the parser gave no subject: "Как сообщил губернатор ..., банк
    и омское правительство заключили соглашение" (the parser hung "банк и ... правительство" on "губернатор")."""
    verb = chain[-1] if chain else None
    if verb is None or verb.pos != "VERB" or sent.kids(verb, "nsubj", "nsubj:pass"):
        return []
    before = [t for t in sent.tokens if t.stop <= verb.start]
    commas = [i for i, t in enumerate(before) if t.text == ","]
    return before[commas[-1] + 1 :] if commas else before


def points_back(noun, sent: Sentence, number: str = "Plur") -> bool:
    """Whether a plural agreement noun (or one of ``number``), or the draft noun it hangs on, has a determiner that
    points back (data/anaphoric_determiners.csv): "данные проекты соглашений", "эти соглашения"; "данного соглашения"."""
    head = sent.head(noun)
    holders = [noun] + ([head] if head is not None and noun.rel == "nmod" and lemma_of(head) in read_words("draft_nouns.csv", "lemma") else [])
    return any(h.feats.get("Number") == number and any(lemma_of(d) in read_words("anaphoric_determiners.csv") for d in sent.kids(h, "det", "amod"))
               for h in holders)


def listed_just_before(records: list[Agreement], found: Agreement, read: list[Sentence]) -> list[Agreement]:
    """The records of ``found``'s kind that the sentences just before it report (up to PAIR_LOOKBACK of them)."""
    recent = {s.text for s in read[-PAIR_LOOKBACK:]}
    return [r for r in records if r.kind == found.kind and not r.vague and recent & set(r.sentences or [r.evidence])]


def about_this(noun, sent: Sentence) -> bool:
    """Whether the noun's topic is "это" ("Соглашение об этом подписали"): what the text just told."""
    return any(lemma_of(n) == "это" and n.pos == "PRON" and any(c.text.lower() in ("о", "об") for c in sent.kids(n, "case"))
               for n in sent.kids(noun, "nmod"))


@lru_cache(maxsize=None)
def kind_phrase_words(role: str) -> frozenset[str]:
    """The words of one ``role`` (noun, determiner) in phrases that name a kind of agreement (kind_phrases.csv)."""
    return frozenset(row["word"] for row in read_data("kind_phrases.csv") if row["role"] == role)


def of_a_kind(noun, sent: Sentence) -> bool:
    """Whether the noun names a kind of agreement in a sentence that names no place or body for one ("первое сообщение
    о расторжении такого рода договора": no agreement, and none for a later sentence's sides to take the stage of);
    data/kind_phrases.csv."""
    kinds = [k for k in sent.kids(noun, "nmod") if lemma_of(k) in kind_phrase_words("noun")
             and any(lemma_of(d) in kind_phrase_words("determiner") for d in sent.kids(k, "det", "amod"))]
    return bool(kinds) and not any(m.type in PLACE_TYPES or m.type == "organization" for m in sent.mentions)


def like_another(noun, sent: Sentence) -> bool:
    """Whether an adjective of similar_words.csv or former_words.csv makes the noun name another agreement like an
    earlier one ("подобное соглашение", "аналогичное соглашение", "старое соглашение"), or the first of a dated
    series (``first_dated``)."""
    return similar(noun, sent) or former(noun, sent) or first_dated(noun, sent)


def told_apart_in_time(a: Agreement, b: Agreement) -> bool:
    """Whether two records come from different sentences, one of which dates its act as long past and the other not."""
    return a.evidence != b.evidence and long_past(a.evidence) != long_past(b.evidence)


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def first_dated(noun, sent: Sentence) -> bool:
    """Whether an adjective of first_words.csv calls the noun the first between sides named only by their kind, in a
    sentence with a year: "В 2011 году было подписано первое побратимское соглашение между городами", after the
    twinning signed now, is an earlier one between the same sides (``merge`` keeps it apart unless its date is the
    other's); "первое соглашение между Курском и Гомелем подписано в 2004 году" may be the article's own."""
    return (bool(YEAR.search(sent.text)) and any(lemma_of(a) in read_words("first_words.csv", "lemma") for a in sent.kids(noun, "amod"))
            and between_their_kind(join_tokens(sorted(sent.below(noun), key=lambda t: t.start))) is not None)


def similar(noun, sent: Sentence) -> bool:
    """Whether an adjective of similar_words.csv makes the noun name another agreement like an earlier one ("подобное
    соглашение"), of the same kind unless its topic says otherwise."""
    return any((a.lemma or "") in read_words("similar_words.csv", "lemma") for a in sent.kids(noun, "amod"))


# "ещё в 2009 году", "еще с 2002 года": a date the sentence stresses as long past
LONG_AGO = re.compile(r"\bещ[её]\s+(?:в|с|со)\s+(?:\d{1,2}\s+\w+\s+)?\d{4}\b", re.IGNORECASE)
# "более семнадцати лет назад", "пять лет тому назад": a time counted back from the article's
COUNTED_BACK = re.compile(r"\b(?:лет|года?)\s+(?:тому\s+)?назад\b", re.IGNORECASE)


def long_past(text: str) -> bool:
    """Whether a sentence dates what it tells as long past: "ещё в 2009 году", "31 год назад", or recalls it with its
    year ("Напомним, в 2023 году ..."; recall_words.csv)."""
    return bool(LONG_AGO.search(text) or COUNTED_BACK.search(text)) or recalled_with_year(text)


YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def recalled_with_year(text: str) -> bool:
    """Whether a sentence opens with a word of recalling (recall_words.csv) and names a year."""
    opening = text.lstrip(" «\"—–-").lower()
    return any(opening.startswith(p) for p in read_words("recall_words.csv", "phrase")) and bool(YEAR.search(text))


def former(noun, sent: Sentence) -> bool:
    """Whether the noun names the agreement before another: by an adjective of former_words.csv ("старое
    соглашение"), by a date the sentence stresses as long past ("началась ещё в 2009 году с подписанного
    соглашения"), or as one like another signed a time ago ("Аналогичное соглашение было подписано более семнадцати лет
    назад"; but "Год назад стороны договорились ..." may be an earlier stage of the same), read in its own words."""
    if any((a.lemma or "") in read_words("former_words.csv", "lemma") for a in sent.kids(noun, "amod")):
        return True
    if not long_past(sent.text):
        return False  # (the noun's own words are read only where the sentence has such a date at all)
    text = own_text(noun, sent)
    return bool(LONG_AGO.search(text)) or similar(noun, sent) and bool(COUNTED_BACK.search(text))


GAP_OPENS = re.compile(r"(?:,|\bа)\s*(?:[а-яё]+\s+)?$")  # ", город Гюмри", "а Черновцы": a clause whose verb is the one before
GAP_PARTNER = re.compile(r"^\s*(?:[-–—]\s*)?со?\s+$")  # "Черновцы - с Брянском", "город Гюмри с Курском"
GAP_LIST = re.compile(r"^\s*(?:,|и|,\s*и)\s*$")
CLAUSE_AFTER = re.compile(r"^\s*[-–—]\s*со?\s")  # a place that opens a clause of its own: "Жуковка — с ..."


DASHED_PARTNER = re.compile(r"[,;]\s*(?:а\s+)?[^,;–—]{0,40}?[–—-]\s*со?\s+[^,;]*$")  # ", а в 2016 году – с "


def dashed_partners(sides: list[str], partners: list[str], sent: Sentence) -> list[list[str]]:
    """One party list per partner where a later partner opens a clause that leaves out the verb and its subject
    after a dash: "подписала соглашение с Гомельской областью, а в 2016 году – с Брестской областью" is two
    agreements, each of the same sides with its partner; [] otherwise."""
    starts = {m.name: m.start for m in reversed(sent.mentions)}
    at = sorted((starts[p], p) for p in partners if p in starts)
    dashed = any(DASHED_PARTNER.search(sent.text[a - sent.start : b - sent.start]) for (a, _), (b, _) in zip(at, at[1:]))
    return [sides + [p] for p in partners] if dashed else []


def gapped_pairs(noun, sent: Sentence) -> list[list[str]]:
    """The pairs of clauses after the agreement's own that leave out its verb and noun: "заключила соглашения с
    Ульяновском, город Гюмри с Курском, Моздоком и Тверью", "отказался от побратимства с Костромой, а Черновцы - с
    Брянском и Подольском" are Gyumri's agreements with each town, and Chernivtsi's with each. A clause is a place in
    the nominative after a comma or "а", then "с" and places listed with commas and "и"."""
    spans = [m for m in sent.mentions if m.type in TYPED_PLACES and m.start > noun.stop and not in_aside(m, sent)]
    places = sorted((m for m in spans if not any(o is not m and o.start <= m.start and m.stop <= o.stop for o in spans)), key=lambda m: m.start)
    text = lambda a, b: sent.text[a - sent.start : b - sent.start]
    pairs = []
    # "У Ельца подписано соглашение с Измиром, у Данкова – с Трабзоном": the clause keeps the first one's "у"
    owner_case = "Gen" if any(t.text.lower() == "у" and t.start < noun.start for t in sent.tokens) else "Nom"
    for i, subject in enumerate(places):
        if not subject.tokens or subject.tokens[0].feats.get("Case") not in ("Nom", owner_case):
            continue
        if not GAP_OPENS.search(text(places[i - 1].stop if i else noun.stop, subject.start)):
            continue
        partners, edge = [], subject.stop
        for m in places[i + 1 :]:
            gap = text(edge, m.start)
            if not (GAP_PARTNER.match(gap) if not partners else GAP_LIST.match(gap)):
                break
            if partners and CLAUSE_AFTER.match(sent.text[m.stop - sent.start :]):
                break  # "Навля — с Чадыр-Лунга, Жуковка — с Вулканешты": the next clause's subject, not a partner
            partners.append(m.name)
            edge = m.stop
        pairs += [[subject.name, p] for p in dict.fromkeys(partners) if p != subject.name]
    return pairs


def topic_of_another(noun, sent: Sentence) -> str:
    """'exists' where another agreement noun is about continuing it ("Меморандум о пролонгации Соглашения":
    continuing_nouns.csv); 'topic' where the noun lies in what another agreement noun is about: "протокол о намерении развития
    побратимских связей" is a protocol, not a twinning (the outer noun makes the record, and ``agreement_noun`` reads
    its topic); 'planned' where the outer one is a document of intent to sign or set up the noun's agreement:
    "протокол о намерениях о подписании Соглашения о сотрудничестве" is a protocol and a planned agreement; ''
    otherwise."""
    if provided_for(noun, sent):
        return "topic"  # "Документ предполагает содействие заключению прямых договоров": what the document provides for
    if between_case(noun, sent):
        return ""  # "договор о сотрудничестве между городами-побратимами — X и Y": the sides, not what it is about
    topical, signing, continued, current = False, False, False, noun
    for _ in range(MAX_CHAIN * 2):
        topical = topical or about(current, sent) or (
            # "меморандум о намерениях по установлению побратимских отношений": a tie to be set up is a topic too
            lemma_of(current) in read_words("establishing_nouns.csv") and any(c.text.lower() == "по" for c in sent.kids(current, "case")))
        if current.rel == "conj" and not topical and lemma_of(current) not in read_words("twinning_tie_nouns.csv"):
            # "соглашение о сотрудничестве ... и меморандум": a second agreement the parser hung on the first's topic (but
            # twin ties so hung are in it: "о продолжении сотрудничества и укрепления ... побратимских связей")
            return ""
        parent = sent.head(current)
        if parent is None or parent.pos in ("VERB", "AUX"):
            return ""
        signing = signing or category(parent) == "act_noun"
        continued = continued or lemma_of(parent) in read_words("continuing_nouns.csv")
        outer = agreement_noun(parent, sent) if topical else ""
        if outer not in ("", "anaphor") and continued:
            return "exists"  # "Меморандум о пролонгации Соглашения": the agreement extended is one of its own, signed before
        if outer not in ("", "anaphor"):
            # a document of intent to sign or set up another ("протокол о намерениях"; kind other) plans it; an agreement
            # "об установлении побратимских связей" is that twinning itself
            # so does an accord to sign it ("договорённость о заключении соглашения")
            return "planned" if signing and outer in ("other", "accord") else "topic"
        current = parent
    return ""


def provides(noun, sent: Sentence) -> bool:
    """Whether the noun is the subject of a verb of content with an object ("Документ предполагает содействие ..."):
    a reference back that says what an agreement provides for (its scope, ``scope_from_next_sentence``), not a stage
    of one ("Документ предполагают подписать")."""
    verb = sent.head(noun)
    return (noun.rel == "nsubj" and verb is not None and lemma_of(verb) in CONTENT_VERBS and bool(sent.kids(verb, "obj")))


def provided_for(noun, sent: Sentence) -> bool:
    """Whether the noun lies in what an agreement provides for: under the object of a verb of content (CONTENT_VERBS)
    whose subject is an agreement or refers to one ("Документ", "Соглашение", "который")."""
    top = noun
    for _ in range(MAX_CHAIN * 2):
        verb = sent.head(top)
        if verb is None or verb.pos in ("VERB", "AUX"):
            break
        top = verb
    else:
        return False
    return (verb is not None and lemma_of(verb) in CONTENT_VERBS and top.rel == "obj"
            and any(agreement_noun(s, sent) or lemma_of(s) == "который" for s in sent.kids(verb, "nsubj")))


def names_a_gathering(noun, sent: Sentence) -> bool:
    """Whether the noun is part of a gathering's or association's name ("Форума городов-побратимов России и
    Беларуси", "Ассоциация городов-побратимов"): it says who gathers, and no agreement. The parser may hang the noun
    on a word above the gathering's, so the word right before it counts too (``data/gathering_nouns.csv``)."""
    index = sent.tokens.index(noun)
    if index and sent.tokens[index - 1].text in CLOSING_QUOTE and TWIN_STEM not in lemma_of(noun):
        return False  # "подписав в рамках форума «Протокол намерений»": a document's title in quotation marks, no name of the forum
    near = [sent.head(noun)] + ([sent.tokens[index - 1]] if index else [])
    # (not a place's name: "... Ленинградской области Российской Федерации соглашение")
    return any(t is not None and lemma_of(t) in read_words("gathering_nouns.csv") and not placed(t, sent) for t in near)


@lru_cache(maxsize=1)
def concluded_ties() -> frozenset[str]:
    """The tie nouns that concluding makes a twinning (``concluded`` rows of data/twinning_tie_nouns.csv)."""
    return frozenset(row["word"] for row in read_data("twinning_tie_nouns.csv") if row["concluded"] == "yes")


def broken_tie(token, status: str, parties: list[str], sent: Sentence) -> bool:
    """Whether a tie noun ("отношения", "сотрудничество") of an article about twin towns names a twinning: it was
    broken off or suspended, or, for a partnership, concluded ("решил заключить новое партнерство с Черновцами");
    and between towns only ("Варшава разорвала отношения с Москвой", not "разорвала отношения с компанией"; regions
    that suspend cooperation suspend their cooperation agreement). A place the gazetteer does not know beside towns
    it knows is a town too ("приостановил отношения с Хагеном (Германия), Тюлем (Франция)")."""
    kinds = kinds_of(sent)
    types = [kinds.get(p) for p in parties]
    made = (token.lemma or "").replace("ё", "е") in concluded_ties() and status in ("signed", "planned")
    towns = set(types) <= {"city", "other"} and types.count("city") >= 2
    return (status in ("terminated", "suspended") or made) and len(parties) >= 2 and towns


def having_verb(noun, sent: Sentence) -> list:
    """The verb of having whose object the noun is ("Днепропетровск имел побратимские связи с ..."), as a chain whose
    subject is a party; [] for any other head."""
    head = sent.head(noun)
    return [head] if head is not None and head.pos == "VERB" and noun.rel == "obj" and existing_word(head) else []


def possessors_of(noun, sent: Sentence) -> list:
    """The owner an "у" phrase gives the noun with no verb of its own: "У Курганской области есть соглашение с ...",
    "У области 15 соглашений с регионами" (the parser hangs the noun on the owner); [] otherwise."""
    head = sent.head(noun)
    if noun.rel not in ("nsubj", "nmod") or head is None:
        return []
    if noun.rel == "nsubj" and head.pos in ("VERB", "AUX") and lemma_of(head) == "быть":
        # "у Севастополя будет 11-й город-побратим": one to come is no agreement that exists
        # (by the form: the tagger may call "будет" present)
        return [] if head.text.lower().startswith("буд") else possessors(noun, [head], sent)
    # verbless, the parser hangs the noun on the owner, as subject or (counted: "18 соглашений") as complement
    return [head] if said_with_u(head, sent) and head.rel == "root" else []


def exists(noun, sent: Sentence) -> bool:
    """Whether the words around the noun show a signed agreement: "в рамках соглашения", "реализация соглашения",
    "действующее соглашение", "согласно протоколу" (``data/existing_agreement_words.csv``)."""
    words = sent.kids(noun, "amod") + sent.kids(noun, "case")  # "согласно протоколу": by a document in force
    return framed(noun, sent) or any(existing_word(w) for w in words)


def framed(noun, sent: Sentence) -> bool:
    """Whether the noun hangs from a word that shows it exists, as the frame of another act ("подписали план
    мероприятий по реализации соглашения", "в рамках соглашения"): whoever signs that act does not sign it."""
    head = sent.head(noun)
    if head is not None and lemma_of(head) in read_words("document_parts.csv") and noun.rel == "nmod":
        head = sent.head(head)  # "по реализации положений Меморандума": the provisions' implementation is the memorandum's
    return head is not None and existing_word(head)


def existing_word(word) -> bool:
    """Whether the word's lemma shows an agreement exists (data/existing_agreement_words.csv)."""
    return (word.lemma or "").replace("ё", "е") in read_words("existing_agreement_words.csv")


def partners_in_turn(noun, sent: Sentence) -> tuple[list[Mention], set[str]] | None:
    """Where coordinated agreement nouns each take a "с" partner ("договор ... с X и соглашение ... с Y"), the partners
    written between this noun and the next one, and the names of all of them; None unless two such nouns share a verb.
    By position, because the parser hangs such partners on whichever noun of the chain it likes."""
    nouns = [t for t in sent.tokens if agreement_noun(t, sent) not in ("", "anaphor", "accord")]
    if noun not in nouns:
        return None
    # the nouns joined with this one: no verb between one and the next (the parser may join them to the verb instead)
    first = last = nouns.index(noun)
    while first > 0 and not verb_between(nouns[first - 1], nouns[first], sent):
        first -= 1
    while last + 1 < len(nouns) and not verb_between(nouns[last], nouns[last + 1], sent):
        last += 1
    nouns = nouns[first : last + 1]
    if len(nouns) < 2:
        return None
    bounds = [n.start for n in nouns] + [sent.stop]
    after_with = [m for m in sent.mentions if m.type != "person" and m.tokens and follows_with(m, sent)]
    found = {n.start: [m for m in after_with if n.start < m.start < bounds[bounds.index(n.start) + 1]] for n in nouns}
    if sum(bool(v) for v in found.values()) < 2:
        return None
    return found[noun.start], {m.name for v in found.values() for m in v}


def verb_between(a, b, sent: Sentence) -> bool:
    """Whether a verb (a participle too) stands between two tokens."""
    return any(t.pos in ("VERB", "AUX") for t in sent.tokens if a.stop <= t.start and t.stop <= b.start)


def follows_with(m: Mention, sent: Sentence) -> bool:
    """Whether the mention stands right after "с"/"со", adjectives the mention leaves out aside ("с Ровенской областной ...")."""
    index = next((i for i, t in enumerate(sent.tokens) if t is m.tokens[0]), None)
    while index:
        index -= 1
        word = sent.tokens[index]
        if word.text.lower() in ("с", "со"):
            return True
        if word.pos != "ADJ":
            return False
    return False


def partners_of(tokens, sent: Sentence, parties: list[str]) -> list[str]:
    """The parties the sentence names as partners in a "с" complement (``tokens``, see partner_tokens: "подписала
    соглашение с Гомельской областью"), with the rest of a list that follows "с" where the parser hung some of it
    elsewhere ("с Костанайской, Северо-Казахстанской и Карагандинской областями"); those are added to ``parties``."""
    partners = [p for p in parties_from(tokens, sent, persons_stand_for_bodies=False) if p in parties]
    named = {m.name: m for m in reversed(sent.mentions)}

    def add(name: str) -> None:
        if name not in partners:
            partners.append(name)
            if name not in parties:
                parties.append(name)

    for case in (k for t in tokens for k in sent.kids(t, "case") if k.text.lower() in ("с", "со")):
        for name in linear_parties(sent, case.stop, backwards=False) or listed_after_a_dash(case, sent):
            # the same list only: places of the partners' own type, before any second clause
            between = sent.text[case.stop - sent.start : named[name].start - sent.start]
            first = named.get(partners[0]) if partners else None
            verb = any(t.pos in ("VERB", "AUX") and case.stop <= t.start < named[name].start for t in sent.tokens)
            if first is not None and not listed_alike(named[name], first) or CLAUSE_BREAK.search(between) or verb:
                break  # (nor past a verb: "с Николаевской областью подписал Минский облисполком")
            add(name)
        # a plural body shared out among places ("с законодательными собраниями Калужской области и Краснодарского
        # края") is each place's body; officials listed after "с" are each their side's
        officials = [side for m in officials_listed_after(case, sent) if (side := side_of(m, sent))]
        for name in [*shared_with(partners, sent), *officials]:
            add(name)
    return partners


def listed_after_a_dash(case, sent: Sentence) -> list[str]:
    """The places a dash lists after partners named by their kind: "заключила четыре договора с регионами Узбекистана —
    Сырдарьинской, Кашкадарьинской, Бухарской и Навоийской областями" ([] where the words between are not only
    nouns of a kind of place and their state)."""
    dash = next((t for t in sent.tokens if t.start > case.start and t.text in DASHES), None)
    if dash is None:
        return []
    words = [t for t in sent.tokens if case.stop <= t.start and t.stop <= dash.start and sent.mention_at(t, person=False) is None]
    kinds = read_words("generic_unit_nouns.csv")
    if not words or not all(lemma_of(t) in kinds or generic_words(t.text) or t.pos == "NUM" for t in words):
        return []  # only nouns of a kind of place, their number and their state ("тремя регионами Узбекистана"), before the dash
    return linear_parties(sent, dash.stop, backwards=False)


def officials_listed_after(case, sent: Sentence) -> list[Mention]:
    """The officials listed after "с" where the parser hung the list elsewhere: "подписал документы с главой Татарстана
    Рустамом Миннихановым, врио губернатора Нижегородской области Глебом Никитиным и врио губернатора Магаданской
    области Сергеем Носовым" (two or more; [] unless "с" opens with an office)."""
    following = [t for t in sent.tokens if t.start >= case.stop]
    if not following or word_kind(following[0].lemma or "") != "office":
        return []
    listed, edge = [], case.stop
    for person in sorted((m for m in sent.mentions if m.type == "person" and m.start >= case.stop), key=lambda m: m.start):
        gap = sent.text[edge - sent.start : person.start - sent.start]
        words = [t for t in sent.tokens if edge <= t.start < person.start]
        # the next official continues the list: after a comma or "и", with no verb and no second clause between
        if listed and (not re.search(r",|\bи\b", gap) or CLAUSE_BREAK.search(gap) or any(t.pos in ("VERB", "AUX") for t in words)):
            break
        listed.append(person)
        edge = person.stop
    return listed if len(listed) >= 2 else []


def side_of(person: Mention, sent: Sentence) -> str:
    """The territory (else the body) a person acts for, '' where the text gives none."""
    body = sent.affiliation_of(person)
    return territories(sent.mentions).get(body, body) if body else ""


def listed_alike(mention: Mention, first: Mention) -> bool:
    """Whether the mention may continue a list of partners that starts with ``first``: places of one type, or a body
    named with its territory beside a region or town ("с Республикой Татарстан, правительством Москвы, администрацией
    Кемеровской области"); a region after a district is where the district is ("с Измалковским районом Липецкой
    области")."""
    if mention.type == first.type:
        return True
    body = lambda m: m.type == "organization" and territory_of(m.name) is not None  # noqa: E731
    return body(mention) and first.type in SUBNATIONAL_TYPES or body(first) and mention.type in SUBNATIONAL_TYPES


def names_of_kind(tokens, sent: Sentence) -> list:
    """The names a noun of a kind of place introduces in apposition, each with its conjuncts: "с российскими городами
    Красноярск, Самара и Улан-Удэ" (the parser hangs the list on the first name), or after a colon ("с тремя городами:
    Кеми (Финляндия), Ческе-Будеёвице (Чехия) и Мешхедом (Иран)"); and those of the places an executive or body is of
    ("с облисполкомами трех областей Беларуси: Гомельской, Могилевской и Витебской")."""
    tokens = tokens + [k for t in tokens if word_kind(lemma_of(t)) in ("executive", "body")
                       for k in sent.kids(t, "nmod") if kind_of_place(k) or units_by_kind(k)]
    listed = [a for t in tokens if kind_of_place(t) for a in sent.kids(t, "appos")]
    listed += [a for t in tokens if kind_of_place(t) for a in sent.kids(t, "parataxis") if mark_before(a, sent, (":",))]
    named = [c for a in listed for c in sent.conjuncts(a)]
    # a list after the colon the parser hung elsewhere ("с пятью регионами: Тюменской, Свердловской и Челябинской
    # областями, Башкирией и Татарстаном"): the names written after it, in order
    colons = [sent.tokens[i + 1] for t in tokens if (kind_of_place(t) or units_by_kind(t)) and (i := sent.tokens.index(t)) + 1 < len(sent.tokens)
              and sent.tokens[i + 1].text == ":"]
    if colons and not named:
        names = set(linear_parties(sent, colons[0].stop, backwards=False))
        named = [m.tokens[-1] for m in sent.mentions if m.start >= colons[0].stop and m.name in names and m.tokens]
    return named


def mark_before(token, sent: Sentence, marks) -> bool:
    """Whether one of the punctuation ``marks`` comes right before the token (a dash, a colon)."""
    at = sent.tokens.index(token)
    return at > 0 and sent.tokens[at - 1].text in marks


def regarded(verbs, sent: Sentence) -> list:
    """What a verb of regarding among ``verbs`` regards: "отказался считать побратимами | города Тверь и Псков", and the
    list a dash sets after it or after its conjunct ("шесть российских городов и регионов - | Москву, Тверь и Омск")."""
    objects = [o for v in verbs if lemma_of(v) in read_words("regarding_verbs.csv") for o in sent.kids(v, "obj")]
    return objects + [t for o in objects for c in sent.conjuncts(o) for t in sent.kids(c, "parataxis", "appos") if mark_before(t, sent, DASHES)]


def partner_tokens(noun, chain, sent: Sentence) -> list:
    """The tokens of the "с" complements of the noun and its verbs, each with its conjuncts."""
    verbs = chain + [x for v in chain for x in sent.kids(v, "xcomp") if x not in chain]
    # "отказался считать побратимами города Тверь и Псков": what a verb of regarding regards is the partner
    # "Москва, Волгоград и Махачкала не являются для Киева городами-побратимами": the places said to be twins are Kyiv's partners
    twins = [k for v in verbs if twinned_for(noun, [v], sent) for k in sent.kids(v, "nsubj")]
    tokens = [t for c in with_partners(noun, verbs, sent) + regarded(verbs, sent) + twins + cooperating_within(noun, sent)[1] + addressees(noun, verbs, sent)
              for t in sent.conjuncts(c)]
    # "с правительством провинции Аньхой, в 2011 году – с правительством провинции Сычуань": a "с" the parser hung in
    # apposition on the partner repeats the preposition, so it is another partner
    tokens += [a for t in tokens for a in sent.kids(t, "appos") if a not in tokens and any(k.text.lower() in ("с", "со") for k in sent.kids(a, "case"))]
    tokens += [t for t in names_of_kind(tokens, sent) if t not in tokens]
    # "с руководителями Марковского и Меловского районов": the partners are who those people act for
    return tokens + [t for t in represented(tokens, sent) if t not in tokens]


def antecedent(token, sent: Sentence):
    """What a relative "который" stands for: the noun its clause is hung on, or that noun's subject where the noun is only
    said of it ("Луисвилл - первый город, с которым Пермь подписала договор") or, for an act a body adopts, that body;
    any other token itself."""
    if lemma_of(token) != "который":
        return token
    clause = next((v for v in [sent.head(token)] if v is not None and v.rel == "acl:relcl"), None)
    noun = sent.head(clause) if clause is not None else None
    if noun is None:
        return token
    # "Собрание приняло постановление, которым одобрено ...": a body's act stands for the body that adopted it
    adopted = noun.rel == "obj" and lemma_of(sent.head(noun)) in read_words("adopting_verbs.csv")
    subject = next(iter(sent.kids(noun, "nsubj") + (sent.kids(sent.head(noun), "nsubj") if adopted else [])), None)
    return subject if sent.mention_at(noun, person=False) is None and subject is not None else noun


def twinned_for(noun, verbs, sent: Sentence) -> list:
    """Whom the places a verb of being says are twins are twins for: "Москва, Волгоград и Махачкала не являются для
    Киева городами-побратимами" (Kyiv is the side that faces each), "Варна станет городом-побратимом для Ярославля"
    (the parser hangs "для" on the verb or on the twin noun)."""
    being = [v for v in verbs if category(v) == "become"]
    return [c for h in being + ([noun] if being else []) for c in sent.kids(h, "obl", "nmod")
            if any(k.text.lower() == "для" for k in sent.kids(c, "case"))]


def standing_twinnings(pairs: list[list[str]], sent: Sentence, published: str):
    """Yield one standing twinning per pair of a town's listed twins ("Среди городов-побратимов Озёрска – Венгожево,
    Кентшин и Элк"): the list states them as a fact, so each is signed."""
    for pair in pairs:
        yield Agreement(TWINNING, "signed", pair, [], date_in(sent.text, published), evidence=sent.text, start=sent.start,
                        stop=sent.stop, one_of_pairs=True, standing=True)


def twins_among_them(sent: Sentence, before: Sentence | None, published: str):
    """Yield a standing twinning with each place a sentence lists after "среди них" (data/among_them_openers.csv), where
    the sentence before names the twins of one town without listing them: "У Казани есть и другие города-побратимы.
    Среди них Гуандун, ..."."""
    opening = sent.text.lstrip().lower()
    if before is None or not any(opening.startswith(w + " ") for w in read_words("among_them_openers.csv")):
        return
    owner = town_owning_twins(before, PLACE_TYPES)
    places = sorted((m for m in sent.mentions if m.type in PLACE_TYPES and m.name != owner), key=lambda m: m.start)
    noun_end = twin_noun_end(before)
    if not owner or not places or any(m.type in PLACE_TYPES and m.name != owner for m in before.mentions if m.start > noun_end):
        return  # the sentence before lists twins of its own
    # the list runs from the first place on while only commas and "и" stand between (a verbless sentence the parser
    # may not join)
    listed = places[:1]
    for m in places[1:]:
        if not listed_apart(sent.text[listed[-1].stop - sent.start : m.start - sent.start]):
            break
        listed.append(m)
    yield from standing_twinnings([[owner, name] for name in dict.fromkeys(m.name for m in listed)], sent, published)


def twin_noun_end(sent: Sentence) -> int:
    """Where the sentence's last twin noun ends (its start if it has none)."""
    return max((t.stop for t in sent.tokens if TWIN_STEM in lemma_of(t)), default=sent.start)


def plural(noun, sent: Sentence) -> bool:
    """Whether an agreement noun is plural: as tagged, or the object of a verb of signing that the tagger read as a
    genitive singular ("подпишет с Гомельской и Брестской областями соглашения": the accusative plural; a negated verb
    takes the genitive, "не подписали соглашения")."""
    if noun.feats.get("Number") == "Plur":
        return True
    verb = sent.head(noun)
    return (noun.rel == "obj" and noun.feats.get("Case") == "Gen" and verb is not None and category(verb) == "act"
            and not sent.negated(verb) and any(p.tag.number == "plur" and p.tag.case == "accs" for p in morph_vocab().parse(noun.text.lower())))


def partner_pairs(noun, sides: list[str], partners: list[str], sent: Sentence, tie: bool = False) -> list[list[str]]:
    """One party list per agreement where a plural noun names agreements with each of several partners: "Курская
    область заключила соглашения с Брестской и Гродненской областями" is two agreements, "Липецк и Елец подписали соглашения
    с Гомелем" two; [] where the noun is singular or one agreement of them all ("трёхсторонние соглашения"). A tie
    between towns (``tie``: "прекратил сотрудничество с Санкт-Петербургом и Калининградом") is one per pair whatever its number.
    Lists of equal length that "соответственно" pairs (respective_words.csv) give one agreement per pair in order."""
    if not plural(noun, sent) and not numbered(noun, sent) and not tie or not sides or not partners or len(sides) + len(partners) < 3:
        return []
    if multilateral(noun, sent):
        return []
    if len(sides) == len(partners) and any(lemma_of(t) in read_words("respective_words.csv") for t in sent.tokens):
        return [[side, partner] for side, partner in zip(sides, partners)]  # "... с Оршей и Гомелем соответственно"
    return [[side, partner] for side in sides for partner in partners]


def owned_twin_pairs(noun, chain, kind: str, parties: list[str], sent: Sentence) -> list[list[str]]:
    """One twinning per town a twin noun pairs with its one owner: "Тула, Калуга и Рязань больше не являются побратимами
    Житомира" is three (a twinning is of two towns); so is a list the one town or council that acts on it acts on
    ("Горсовет решил исключить из списка побратимов Тулу, Калугу и Рязань"); [] otherwise."""
    if kind != TWINNING or len(parties) <= 2:
        return []
    owners = [m.name for m in twin_owners(noun, sent) if m.name in parties]
    subjects = [t for v in chain for t in sent.kids(subjects_holder(v, sent), "nsubj")] + deciders(chain, sent)
    # (one town or council: "города Тверь и Гомель, Калуга и Могилёв подписали" are pairs of their own)
    owners = owners or [m.name for t in subjects if t.feats.get("Number") != "Plur" and not sent.kids(t, "conj")
                        and (m := sent.mention_at(t, person=False)) is not None and m.name in parties]
    return [[owners[0], p] for p in parties if p != owners[0]] if len(owners) == 1 else []


def twin_owners(noun, sent: Sentence, types=PLACE_TYPES) -> list[Mention]:
    """Whose twins a twin noun names: its genitive, or "у" on it or on the verb of being it is the subject of ("у
    Новосибирска есть 14 городов-побратимов: ..."), or the "у" phrase itself with no verb ("У Ярославля пять
    городов-побратимов"); places of ``types`` only."""
    carrier = sent.head(noun)
    if carrier is not None and word_kind(lemma_of(carrier)) == "settlement" and sent.tokens.index(carrier) == sent.tokens.index(noun) - 1:
        noun = carrier  # written apart, "три города побратима": the town noun before the twin noun stands for both
    head = sent.head(noun) if noun.rel == "nsubj" else None
    being = [head] if head is not None and head.pos in ("VERB", "AUX") else []
    owned_by = [head] if head is not None and said_with_u(head, sent) else []
    possessed = possessors(noun, being, sent) + owned_by  # after "у", whatever case the tagger read ("у Бишкеке", a slip)
    # the parser may hang the noun on the genitive right after it ("Побратимами | Твери являются ...": an amod)
    at = sent.tokens.index(noun)
    inverted = [governor] if (governor := sent.head(noun)) is not None and at + 1 < len(sent.tokens) and sent.tokens[at + 1] is governor else []
    return [m for k in sent.kids(noun, "nmod") + inverted + possessed if (k.feats.get("Case") == "Gen" or k in possessed)
            and (m := sent.mention_at(k, person=False)) is not None and m.type in types]


def town_owning_twins(sent: Sentence, types=("city",)) -> str:
    """The one town (or place of ``types``) whose twins a twin noun of the sentence names ("делегации городов-побратимов
    Брянска", whichever word the parser hung the town on; "У Гомельской области появился ещё один побратим"), or ''."""
    nouns = [t for t in sent.tokens if TWIN_STEM in lemma_of(t)]
    after = [sent.tokens[i + 1] for t in nouns if (i := sent.tokens.index(t)) + 1 < len(sent.tokens) and sent.tokens[i + 1].feats.get("Case") == "Gen"]
    owners = {m.name for t in nouns for m in twin_owners(t, sent, types)}
    owners |= {m.name for t in after if (m := sent.mention_at(t, person=False)) is not None and m.type in types}
    return next(iter(owners)) if len(owners) == 1 else ""


def twin_list(noun, sent: Sentence, twinned: bool = False, owner_before: str = "") -> list[list[str]]:
    """One pair per listed town where a twin noun names a town's twins and lists them: "Среди городов-побратимов
    Озёрска – польские города Венгожево, Кентшин и Элк" is three twinnings of Озёрск; so does a partner noun
    ("партнёров Озёрска") once the article has reported a twinning (``twinned``), and a partner-town noun
    ("городами-партнёрами Оша являются ...") by itself. The owner is the noun's
    place in the genitive, the list the first place after it with its conjuncts; [] for fewer than two. Two towns
    the noun's genitive coordinates ("городов-побратимов Курска и Гродно") are one pair. A noun of no owner that opens
    a list with a colon lists the twins of the town an earlier twin noun owned (``owner_before``: "Глава принял
    делегации городов-побратимов Брянска", then "приехали делегации городов-побратимов: Гомеля и Минска, ...")."""
    lemma = (noun.lemma or "").lower().replace("ё", "е")
    partners = lemma in partner_town_nouns() or twinned and lemma in read_words("twin_partner_nouns.csv")
    if TWIN_STEM not in lemma and not partners:
        return []
    # a town's partners are towns (or places the gazetteer does not know); a region's are its trade partners
    # ("партнёров области – Беларусь, Китай")
    owner_types, types = (("city",), ("city", "other")) if partners else (PLACE_TYPES, PLACE_TYPES)
    owners = twin_owners(noun, sent, owner_types)
    at = sent.tokens.index(noun) + 1
    besides = []  # the twins a "помимо" phrase names beside the list
    if not owners and owner_before and at < len(sent.tokens) and sent.tokens[at].text == ":":
        owner, anchor = owner_before, sent.tokens[at].stop
    elif not owners and owner_before and (said := more_twins_said(noun, sent)) is not None:
        (owner, anchor), besides = (owner_before, said[0].start), said[1]
    elif len(owners) == 1 and plural(noun, sent) and len(listed := genitive_run(noun, sent)) >= 2 and len(hosts := towns_named(
            [m for m in sent.mentions if m.stop <= noun.start and m.name not in listed])) == 1:
        # "Петрозаводск посетят делегации из городов-побратимов Нарвы (Эстония), Варкауса и Тюбингена", "Мэр Брянска
        # принял делегации городов-побратимов Гомеля и Минска": the genitive lists the twins of the town the sentence
        # names before them, and owns none of them
        host = next(iter(hosts))
        return [[host, name] for name in listed]
    elif len(owners) == 1:
        owner, anchor = owners[0].name, owners[0].stop
    elif not owners and (hosted := host_of_listed_twins(noun, sent)) is not None:
        owner, anchor = hosted
    else:
        return []
    first = next((m for m in sorted(sent.mentions, key=lambda m: m.start)
                  if m.start >= anchor and m.type in PLACE_TYPES and m.name != owner), None)
    if first is not None and sent.text[anchor - sent.start : first.start - sent.start].strip() == "и":
        # "главы городов-побратимов Курска и Гродно": the twins are the two, not the first one's list
        return [[owner, first.name]] if first.type in types else []
    heads = [t for t in sent.tokens if first is not None and first.start <= t.start and t.stop <= first.stop]
    # "французский город Дижон, польский Ополе и ...": the list may hang on the noun the first name stands beside
    heads += [h for t in heads if t.rel == "appos" and (h := sent.head(t)) is not None]
    # or on a first name the tagger did not take for a place ("Эксетер, Ханау, ...": the list is the first one's conjuncts)
    heads += [h for t in heads if t.rel == "conj" and (h := sent.head(t)) is not None and h.start < t.start]
    if any(c.text.lower() in ("в", "во", "на") for h in heads for c in sent.kids(h, "case")):
        return []  # "У Одессы 23 города-побратима в Европе, Азии и Африке": where the twins are, not which
    listed = [m for h in besides + heads for t in sent.conjuncts(h) if (m := sent.mention_at(t, person=False)) is not None
              and m.type in types and m.name != owner]
    names = list(dict.fromkeys(m.name for m in listed))
    return [[owner, name] for name in names] if len(names) >= 2 else []


# what may stand between two places of a list: a bracketed state, a comma, "и", "а также"
LIST_GAP = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*)?(?:(?:и|а также)\s+)?$")


def genitive_run(noun, sent: Sentence) -> list[str]:
    """The towns listed in the genitive right after the noun, one after another with only commas, "и", "а также" and
    bracketed states between them ("городов-побратимов Эчмиадзина (Армения), Нарвы (Эстония) и Варкауса"), the places of
    other kinds among them left out."""
    found, at = [], noun.stop
    for m in sorted((m for m in sent.mentions if m.start >= noun.stop and m.type in PLACE_TYPES), key=lambda m: m.start):
        gap = sent.text[at - sent.start : m.start - sent.start]
        if m.start < at or m.type == "country" and gap.rstrip().endswith("("):
            continue  # inside a bracket: the state a town lies in
        if not LIST_GAP.match(gap) or not any("gent" in cases_of(t.text.lower()) for t in sent.tokens if m.start <= t.start < m.stop):
            break  # (a name in another case starts another clause: "побратимом Бобруйска, Ржев — с Оршей")
        found += [m.name] if m.type == "city" else []
        at = m.stop
    return list(dict.fromkeys(found))


def towns_named(mentions: list[Mention]) -> set[str]:
    """The towns the mentions name, by themselves or by a body's name ("Харьковского городского совета": Kharkiv)."""
    return {m.name for m in mentions if m.type == "city"} | {place.name for place in places_of_bodies(mentions) if place.type == "city"}


def host_of_listed_twins(noun, sent: Sentence) -> tuple[str, int] | None:
    """(the town, where its list starts) where a twin noun of no owner opens a list with a colon, after the words that
    describe it, and the sentence names one town before the noun, by itself or by its body or official: the host whose
    twins came ("Мэр Новосибирска встретился с делегациями из четырёх городов-побратимов, прибывших по случаю Дня
    города: Оша, Минска, ..."); else None."""
    at = sent.tokens.index(noun)
    colon = next((i for i in range(at + 1, len(sent.tokens)) if sent.tokens[i].text == ":"), None)
    # (the words before the colon describe the noun: no verb of the sentence's own stands between)
    if colon is None or any(t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" for t in sent.tokens[at + 1 : colon]):
        return None
    towns = towns_named([m for m in sent.mentions if m.stop <= noun.start])
    return (towns.pop(), sent.tokens[colon].stop) if len(towns) == 1 else None


def more_twins_said(noun, sent: Sentence) -> tuple | None:
    """Where a twin noun of no owner is said with a plural verb of being of a subject that adds to twins named before
    ("Помимо Могилева, городами-побратимами также являются Орша, Витебск и ...": "также", or "помимо"/"кроме" on the
    verb), the subject and the words "помимо" names (twins too); else None: without such a word "Калуга и Могилёв
    являются городами-побратимами" are each other's twins."""
    verb = sent.head(noun)
    if noun.rel != "xcomp" or verb is None or verb.feats.get("Number") != "Plur" or category(verb) != "become":
        return None
    besides = [o for o in sent.kids(verb, "obl") if any(c.text.lower() in ("помимо", "кроме") for c in sent.kids(o, "case"))]
    subject = next(iter(sent.kids(verb, "nsubj")), None)
    adds = besides or any(lemma_of(a) in read_words("likewise_words.csv") for a in sent.kids(verb, "advmod"))
    return (subject, besides) if adds and subject is not None else None


def shared_out_pairs(noun, parties: list[str], sent: Sentence) -> list[list[str]]:
    """One party list per partner where a plural noun's partners are the executives one plural noun shares out among
    places and one other party faces them: "соглашений между Гомельским облисполкомом и правительствами Республики
    Башкортостан, Курской области" is one agreement with each government; [] otherwise, or where the text makes the
    agreements joint ("трёхсторонние")."""
    if not plural(noun, sent) or multilateral(noun, sent):
        return []
    return each_shared_body(parties, sent)


def each_shared_body(parties: list[str], sent: Sentence) -> list[list[str]]:
    """The first party with each of the others, where those are two or more bodies one plural noun shares out among
    places ("между Гомельским облисполкомом и правительствами Республики Башкортостан, Курской области"), or places of
    one noun (``one_noun_list``); [] otherwise."""
    shared = {m.name for m in sent.mentions if m.shared}
    return [[parties[0], p] for p in parties[1:]] if len(parties) > 2 and (set(parties[1:]) <= shared or one_noun_list(parties[1:], sent) and not one_noun_list(parties, sent)) else []


def one_noun_list(names: list[str], sent: Sentence) -> bool:
    """Whether the places are adjectives of one noun ("облисполкомами Гомельской, Могилевской и Витебской областей"),
    or a list after a colon that a noun of their kind opens ("облисполкомами всех 6 областей Беларуси: Брестской,
    Витебской ... и Могилевской")."""
    found = [next((m for m in sent.mentions if m.name == n and m.type in PLACE_TYPES), None) for n in names]
    if None in found:
        return False
    if len(found[0].tokens) > 1 and all(same_phrase(found[0], m) for m in found[1:]):
        return True
    found.sort(key=lambda m: m.start)
    text = lambda a, b: sent.text[a - sent.start : b - sent.start]
    return (text(sent.start, found[0].start).rstrip().endswith(":")
            and all(GAP_LIST.match(text(a.stop, b.start)) for a, b in zip(found, found[1:])))


def with_all_shared(parties: list[str], sent: Sentence) -> list[str]:
    """The parties and, where the list ends in a body one plural noun shares out among places, the others it shares out
    too (the list read word by word stops at the comma of "правительствами Республики Татарстан, Тамбовской области")."""
    return parties + [name for name in shared_with(parties, sent) if name not in parties] if len(parties) >= 2 else parties


def shared_with(parties: list[str], sent: Sentence) -> list[str]:
    """Where the last party is a body one plural noun shares out among places, every body it shares out; [] otherwise."""
    shared = list(dict.fromkeys(m.name for m in sorted(sent.mentions, key=lambda m: m.start) if m.shared))
    return shared if parties and parties[-1] in shared else []


def multilateral(noun, sent: Sentence) -> bool:
    """Whether the noun is said to bind all its parties together ("трёхсторонние соглашения")."""
    return any((a.lemma or "").replace("ё", "е") in read_words("multilateral_words.csv") for a in sent.kids(noun, "amod"))


def state_pairs(noun, parties: list[str], sent: Sentence) -> list[list[str]]:
    """One party list per agreement where a plural noun's parties alternate between two states, each place of the
    first state followed by its partners of the other: "соглашения между Брянской, Гомельской и
    Могилёвской областями, Смоленской и Витебской областями" is Bryansk with Gomel and with Mogilev, and Smolensk
    with Vitebsk; [] unless every place has a state, there are two, and each place of the first
    has a partner."""
    if not plural(noun, sent) or len(parties) < 3 or multilateral(noun, sent):
        return []
    return alternating_pairs(parties, sent)


def alternating_pairs(parties: list[str], sent: Sentence) -> list[list[str]]:
    """The pairs of ``state_pairs``: each place of the first state with its partners of the other, in the order of the
    text; [] unless every place has a state, there are two, and each place of the first has a partner."""
    starts = {m.name: m.start for m in reversed(sent.mentions)}
    places = [(starts.get(p), p, place.state if (place := find_place(p)) else None) for p in parties]
    if any(start is None or not state for start, _, state in places):
        return []
    places.sort()
    first = places[0][2]
    if len({state for _, _, state in places}) != 2:
        return []
    pairs, side = [], None
    for _, name, state in places:
        if state == first:
            if side is not None and not any(pair[0] == side for pair in pairs):
                return []  # a place of the first state with no partner: not an alternating list
            side = name
        else:
            pairs.append([side, name])
    return pairs if any(pair[0] == side for pair in pairs) else []


PAIR_GAPS = (re.compile(r"^\s*и\s+(?:[а-яё-]+\s+){0,2}$"), re.compile(r"^\s*,\s*(?:[а-яё-]+\s+){0,2}$"))


def between_each(noun, sent: Sentence) -> list[list[str]]:
    """One party list per "между" where a plural noun has several: "соглашения о сотрудничестве между Курском и
    Гомелем, а также между Брянском и Могилёвом" are two agreements, each of its own pair ("два протокола ... между
    X и Y, а также между Z и W" too: a numeral's genitive singular; and a singular noun whose "между" comes again with
    a pair each: "подписание Соглашения между X и Y, а также между Z и W"); [] otherwise."""
    betweens = betweens_after(noun, sent)
    # each list ends where the next "между" begins: "между X и Y, между Z и W"
    groups = [between_group(sent, t.stop, n.start if n else None) for t, n in zip(betweens, betweens[1:] + [None])]
    if len(betweens) == 1 and plural(noun, sent) and (also := also_after(betweens[0], sent)) is not None:
        # "программ сотрудничества между районом X и префектурой Y, а также районом Z и префектурой W": one "между", two pairs
        groups = [between_group(sent, betweens[0].stop, also.start), between_group(sent, also.stop, None)]
    if len(groups) < 2 or not all(len(g) >= 2 for g in groups):
        return []
    # (but "соглашение ... между X и Y и меморандум ... между Z и W": each noun its own "между")
    pairs_of_one_noun = all(len(g) == 2 for g in groups) and not any(
        agreement_noun(t, sent) for t in sent.tokens if betweens[0].start < t.start < betweens[-1].start)
    if not (plural(noun, sent) or numbered(noun, sent) or pairs_of_one_noun):
        return []
    # "между городом Кашгар и Каттакурганским районом ... и городом Фергана": one side with two partners of another state
    return [pair for g in groups for pair in ((len(g) > 2 and alternating_pairs(g, sent)) or [g])]


def also_after(token, sent: Sentence):
    """The "также" of the first "а также" after the token ("между X и Y, а также Z и W"), else None."""
    words = [t for t in sent.tokens if t.start > token.start]
    return next((b for a, b in zip(words, words[1:]) if a.text.lower() == "а" and b.text.lower() == "также"), None)


def between_group(sent: Sentence, start: int, until: int | None) -> list[str]:
    """The parties listed after one "между" up to ``until`` (the next one), with each place's body where a plural body
    is shared out among places ("между правительствами Курской и Гомельской областей"): those stand on one span,
    which the list read word by word passes once."""
    group = linear_parties(sent, start, backwards=False, until=until)
    stop = sent.stop if until is None else until
    return group + list(dict.fromkeys(m.name for m in sent.mentions if m.shared and start <= m.start < stop and m.name not in group))


def topic_of_its_own(members: list[str], sent: Sentence) -> bool:
    """Whether a "между" group of parties is followed by a topic of its own that is no twinning: in "Соглашения об
    установлении дружественных отношений между Псковом и Гудаутским районом, а также между правительством Псковской
    области и правительством Республики Абхазия об осуществлении ... связей" the second agreement is one of cooperation."""
    named = [m for m in sent.mentions if m.name in members]
    if not named:
        return False
    last = max(m.stop for m in named)
    following = next((t for t in sent.tokens if t.start >= last), None)
    if following is None or following.text.lower() not in ("о", "об", "обо"):
        return False
    head = sent.head(following)
    words = [head] + sent.kids(head, "amod", "nmod") if head is not None else []
    lemmas = {lemma_of(t) for t in words}
    return bool(words) and not lemmas & read_words("friendship_words.csv") and not any(l.startswith(TWIN_STEM) for l in lemmas)


def each_topic_its_sides(noun, parties: list[str], sent: Sentence) -> list[list[str]]:
    """One party list per topic where a plural noun lists topics of cooperation each with its own sides: "соглашения
    о сотрудничестве между Краснодарским краем и Республикой Абхазия, о сотрудничестве Торгово-промышленных палат
    Кубани и Абхазии" are two agreements; [] unless every topic names two parties or more and every party falls in one."""
    if not plural(noun, sent):
        return []
    topics = []
    for t in sent.tokens[sent.tokens.index(noun) + 1 :]:
        if t.pos in ("VERB", "AUX"):
            break
        if about(t, sent) and lemma_of(t) in read_words("cooperation_nouns.csv"):
            topics.append(t)
    if len(topics) < 2:
        return []
    starts = {m.name: m.start for m in outermost_names([m for m in sent.mentions if m.type != "person"]) if m.name in parties}
    bounds = [t.start for t in topics] + [sent.stop]
    groups = [[p for p in parties if p in starts and bounds[i] <= starts[p] < bounds[i + 1]] for i in range(len(topics))]
    if all(len(g) >= 2 for g in groups) and sum(len(g) for g in groups) == len(parties):
        return groups
    return []


WITH_GAP = re.compile(r"^\s+(?:с|со)\s+$")
TOPIC_GAP = re.compile(r"^(?:\s+[а-яё-]+)*\s+$")
NEXT_PAIR_GAP = re.compile(r"^\s*(?:,|и|,\s*а\s+также)\s+$")


def each_with_its_partner(noun, sent: Sentence) -> list[list[str]]:
    """One party list per pair where the noun's places come each with its own "с" partner: "партнёрские связи
    Магадана с Анкориджем и Якутска с Фэрбенксом" are two ties; [] unless the run of names right after the noun
    alternates so for two pairs or more."""
    outermost = outermost_names([m for m in sent.mentions if m.type != "person" and not in_aside(m, sent) and m.start > noun.start])
    if not outermost or not TOPIC_GAP.match(sent.text[noun.stop - sent.start : outermost[0].start - sent.start]):
        return []  # the names follow the noun, or its topic ("соглашения о побратимстве Твери с ...")
    pairs, previous = [], None
    for m in outermost:
        gap = ASIDE.sub(" ", sent.text[previous.stop - sent.start : m.start - sent.start]) if previous else ""
        if previous is None or (len(pairs[-1]) == 2 and NEXT_PAIR_GAP.match(gap)):
            pairs.append([m.name])
        elif len(pairs[-1]) == 1 and WITH_GAP.match(gap):
            pairs[-1].append(m.name)
        else:
            break
        previous = m
    pairs = [p for p in pairs if len(p) == 2]
    return pairs if len(pairs) >= 2 else []


def betweens_after(noun, sent: Sentence) -> list:
    """The words "между" after the noun that name sides, not what the sides agreed about (``in_topic``)."""
    return [t for t in sent.tokens if t.text.lower() == "между" and t.start > noun.start and not in_topic(t, noun, sent)]


def written_in_pairs(parties: list[str], sent: Sentence) -> list[list[str]]:
    """One party list per pair where the sentence writes its parties as pairs, "и" within a pair and a comma between
    pairs: "подпишут между собой города Кашира и Шоугуан, Сергиев-Посад и Вэйхай, Ступино и Циндао" is three
    agreements. The run of names starts at the first party and goes on while the gaps alternate (a bracket that
    says where a town is, "Кинель (Самарская область)", and up to two lower-case words, "город", are no gap);
    [] unless it holds two pairs or more and every party."""
    outermost = outermost_names([m for m in sent.mentions if m.type != "person" and not in_aside(m, sent)])
    first = next((i for i, m in enumerate(outermost) if m.name in parties), None)
    if first is None:
        return []
    run = [outermost[first]]
    for m in outermost[first + 1 :]:
        gap = ASIDE.sub(" ", sent.text[run[-1].stop - sent.start : m.start - sent.start])
        words = set(re.findall(r"[а-яё-]+", gap.lower())) - {"и"}
        if not PAIR_GAPS[(len(run) + 1) % 2].match(gap) or words & read_words("party_gap_words.csv"):
            break
        run.append(m)
    names = [m.name for m in run]
    pairs = [names[i : i + 2] for i in range(0, len(names), 2)]
    # one side may be in two pairs ("Западно-Казахстанской и Оренбургской, Костанайской и Оренбургской"), not twice in one
    if len(run) < 4 or len(run) % 2 or not set(parties) <= set(names) or any(a == b for a, b in pairs):
        return []
    # "между правительством X и облисполкомами Гомельской, Могилевской и Витебской областей": adjectives of one noun
    # are one list, which no pair splits unless every name is of it
    if not all(same_phrase(run[0], m) for m in run[1:]) and any(same_phrase(run[i], run[i + 1]) for i in range(1, len(run) - 1, 2)):
        return []
    return pairs


PAIR_DASH = re.compile(r"\s[–—-]\s")


def listed_pairs(sent: Sentence, records: list[Agreement], in_a_list: bool):
    """Yield one record per pair of a list that follows an agreement, written as "X – Y" items between semicolons:
    "Договоры о сотрудничестве подписали десять городов республики. В их числе: Горловка – Тверская область;
    Енакиево и Енакиевский район – Тульская область; ..." (each place on the left with each on the right), of the earlier record's kind
    and stage. The segmenter may cut the list at its semicolons: an item is one where the sentence before ends with
    one (``in_a_list``) or it ends with one itself."""
    if not records or ";" not in sent.text and not in_a_list:
        return
    earlier = records[-1]
    places = [m for m in sent.mentions if m.type in PLACE_TYPES]
    body = sent.text[sent.text.rfind(":") + 1 :]
    offset = sent.start + len(sent.text) - len(body)
    items = []
    for part in re.finditer(r"[^;]+", body):
        sides = PAIR_DASH.split(part.group())
        if len(sides) != 2:
            continue
        cut = offset + part.start() + len(sides[0])
        left = [m.name for m in places if offset + part.start() <= m.start < cut]
        right = [m.name for m in places if cut <= m.start < offset + part.end()]
        if left and right:
            items.append((left, right))
    if len(items) < 2 and not (items and (in_a_list or sent.text.rstrip().endswith(";"))):
        return  # one dash is an aside, not a list of pairs
    if len(earlier.parties) < 2:
        earlier.vague = True  # "подписали десять городов республики": the list's pairs are its agreements
    for left, right in items:
        for a in dict.fromkeys(left):
            for b in dict.fromkeys(right):
                yield Agreement(earlier.kind, earlier.status, [a, b], [], earlier.date, evidence=sent.text, start=sent.start,
                                stop=sent.stop, one_of_pairs=True)


def tally_members(sent: Sentence, records: list[Agreement], before: Sentence | None):
    """Yield one record per place a sentence lists after a phrase that opens the members of a tally
    (data/tally_openers.csv), where the sentence before counted agreements of one side with partners it did not
    name: "У Курганской области 15 соглашений с другими регионами. В их числе Москва, Тверская область и Карелия."
    is an agreement of the region with each, of the tally's kind and stage."""
    opening = sent.text.lstrip(" -–—•").lower().replace("ё", "е")
    if before is None or not records or records[-1].evidence != before.text:
        return
    tally, listed = records[-1], [m for m in sent.mentions if m.type in PLACE_TYPES]
    if any(opening.startswith(p) for p in read_words("tally_openers.csv", "phrase")):
        if not (tally.counted or tally.several) or len(tally.parties) != 1:
            return
        side = tally.parties[0]
    elif tally.one_of_pairs and tally.listed and not any(agreement_noun(t, sent) for t in sent.tokens):
        # "Также это ближайшие соседи: Архангельская и Вологодская области": the listing goes on, after a colon or
        # a phrase of going on (list_continuations.csv)
        colon = next((t.stop for t in sent.tokens if t.text == ":"), None)
        if colon is None and not any(opening.startswith(p + " ") for p in read_words("list_continuations.csv", "phrase")):
            return
        listed = [m for m in listed if colon is None or m.start >= colon]
        side = tally.parties[0]
    else:
        return
    for name in dict.fromkeys(m.name for m in listed if m.name != side):
        yield Agreement(tally.kind, tally.status, [side, name], [], tally.date, evidence=sent.text, start=sent.start,
                        stop=sent.stop, one_of_pairs=True, listed=True)


def signings_without_a_noun(sent: Sentence, records: list[Agreement], published: str):
    """Yield a record for a signing "между X и Y" whose sentence names no agreement, of the latest record's kind
    ("пакет соглашений пополнится еще четырьмя. Так, ожидается подписание между Гомельским облисполкомом и
    правительствами Республики Башкортостан, Курской области"): one per partner where a plural body names several."""
    if not records or any(agreement_noun(t, sent) for t in sent.tokens):
        return
    for token in sent.tokens:
        if category(token) != "act_noun" or lemma_of(token) not in SIGNING_NOUNS:
            continue
        between = next((t for t in sent.tokens if t.text.lower() == "между" and t.start > token.start), None)
        if between is None:
            continue
        kind = records[-1].kind
        status = status_of([token] + governing_chain(token, sent), sent, kind)
        parties = with_all_shared(linear_parties(sent, between.stop, backwards=False), sent)
        pairs = each_shared_body(parties, sent) or [parties]
        for members in pairs if status and len(parties) >= 2 else []:
            yield Agreement(kind, status, members, [], date_in(sent.text, published), evidence=sent.text,
                            start=sent.start, stop=sent.stop, one_of_pairs=len(pairs) > 1,
                            intends=status == "planned")  # "ожидается подписание": one still to be signed


def signers_without_a_noun(sent: Sentence, records: list[Agreement], before: Sentence | None) -> None:
    """Give the agreement the sentence before reported, with no signatories yet, the persons who put their signatures
    in a sentence that names no agreement: "Соглашение подписано в Твери. Подписи поставили мэр ... и председатель
    ...", "Подписями обменялись ..." (the signature's verb and its subjects, as ``signatories_from`` reads them)."""
    record = records[-1] if records else None
    if (record is None or record.signatories or before is None or before.text not in record.sentences + [record.evidence]
            or any(agreement_noun(t, sent) for t in sent.tokens)):
        return
    for token in sent.tokens:
        if lemma_of(token) == SIGNATURE_NOUN and (signers := signatories_from(token, [token], sent)):
            record.signatories = signers
            return


def ended_by_reference(sent: Sentence, records: list[Agreement], before: Sentence | None = None) -> None:
    """Give the agreement the sentence reports the end a later clause puts to it by a word that refers back: "Соглашение
    ... было подписано в 2007 году, но в 2014 году Сумская администрация его расторгла", "стали городами-побратимами,
    однако в 2014 году горсовет разорвал эти отношения" (signed, then terminated); so does the next sentence, where it
    names no agreement of its own ("... подписал договор о побратимстве. Но политика ... это сотрудничество остановила")."""
    record = records[-1] if records else None
    nouns = len([t for t in sent.tokens if agreement_noun(t, sent) not in ("", "anaphor")])
    # one agreement in the sentence, or the pronoun could stand for another
    if record is None or not (sent.text in record.sentences and nouns == 1
                              or before is not None and before.text in record.sentences and nouns == 0):
        return
    for verb in sent.tokens:
        stage = {"terminate": "terminated", "suspend": "suspended"}.get(category(verb))
        if stage and verb.pos == "VERB" and not sent.negated(verb) and any(refers_back(o, sent) for o in sent.kids(verb, "obj")):
            take_stage(record, Agreement(record.kind, stage, evidence=sent.text, start=sent.start, stop=sent.stop))


def refers_back(word, sent: Sentence) -> bool:
    """Whether an object stands for an agreement named before it: a pronoun ("его расторгла") or a tie with a word that
    points back ("разорвал эти отношения")."""
    return (word.pos == "PRON" and lemma_of(word) == "он") or (
        lemma_of(word) in read_words("twinning_tie_nouns.csv")
        and any(lemma_of(d) in read_words("anaphoric_determiners.csv") for d in sent.kids(word, "det", "amod")))


def cooperating_likewise(sent: Sentence, before: Sentence | None, records: list[Agreement], published: str):
    """Yield a record of the latest record's kind and stage where the sentence after it says, with no agreement noun,
    that other sides will cooperate likewise: "Брестский облисполком заключил ... соглашение ... с Запорожской областной
    государственной администрацией. С Запорожской областью также будет сотрудничать и Могилевский облисполком"."""
    if not records or before is None or before.text not in records[-1].sentences or any(agreement_noun(t, sent) for t in sent.tokens):
        return
    for verb in sent.tokens:
        if verb.pos != "VERB" or lemma_of(verb) not in read_words("cooperation_verbs.csv") or not any(
                lemma_of(a) in read_words("likewise_words.csv") for a in sent.kids(verb, "advmod")):
            continue
        tokens = [t for k in sent.kids(verb, "nsubj") + with_complements(verb, sent) for t in sent.conjuncts(k)]
        parties = parties_from(tokens, sent, persons_stand_for_bodies=True)
        if len(parties) >= 2:
            yield Agreement(records[-1].kind, records[-1].status, parties, [], date_in(sent.text, published), evidence=sent.text,
                            start=sent.start, stop=sent.stop)


SIGNING_NOUNS = ("подписание", "заключение")
SIGNATURE_NOUN = "подпись"
NAME_AND_MEMBERS = re.compile(r"«[^«»]{2,40}»\s*\((?P<members>[^()]{5,200})\)")


def euroregion_members(sent: Sentence, published: str):
    """Yield one euroregion per name followed by its members in brackets, where the sentence speaks of euroregions:
    "вслед за еврорегионами «Днепр» (Брянская, Черниговская и Гомельская области), «Ярославна» (Курская и Сумская
    области)": each exists, so it is at the signed stage."""
    if not any(names_a_euroregion(t) for t in sent.tokens):
        return
    places = [m for m in sent.mentions if m.type in PLACE_TYPES and m.type != "country"]
    for item in NAME_AND_MEMBERS.finditer(sent.text):
        start, stop = sent.start + item.start("members"), sent.start + item.end("members")
        members = list(dict.fromkeys(m.name for m in places if start <= m.start < stop))
        if len(members) >= 2:
            yield Agreement(EUROREGION, "signed", members, [], date_in(sent.text, published), evidence=sent.text,
                            start=sent.start, stop=sent.stop, one_of_pairs=True)


# "..., а Чистополь – с городом Измит", "У Бугульмы – с Кютахьей": a place, a dash and "с" with its partner, the verb elided
ELIDED_PAIR = re.compile(r"(?:^|[,;:]\s*(?:а\s+)?|\bа\s+)(?P<left>[^,;:–—]{2,60}?)\s+[–—-]\s+(?:с|со)\s+(?P<right>[^,;]+)")


def elided_pairs(sent: Sentence, records: list[Agreement]):
    """Yield one record per "X – с Y" item whose verb the text leaves out, of the latest record's kind and stage:
    "Елабуга подписала соглашение о побратимстве с Бурсой, а Чистополь – с Измитом"; "Города установили
    побратимские связи с турецкими городами. У Бугульмы – с Кютахьей, у Елабуги – с Бурсой"."""
    if not records or not any(t.text in "–—-" for t in sent.tokens):
        return
    earlier = records[-1]
    places = [m for m in sent.mentions if m.type in PLACE_TYPES]
    for item in ELIDED_PAIR.finditer(sent.text):
        span = lambda g: (sent.start + item.start(g), sent.start + item.end(g))  # noqa: E731
        left = [m.name for m in places if span("left")[0] <= m.start < span("left")[1]]
        right = [m.name for m in places if span("right")[0] <= m.start < span("right")[1]]
        if len(left) == 1 and right:
            yield Agreement(earlier.kind, earlier.status, [left[0], right[0]], [], earlier.date, evidence=sent.text,
                            start=sent.start, stop=sent.stop, one_of_pairs=True)


def twins_predicated(noun, sent: Sentence) -> list[str]:
    """The two places of a twin noun said of a place with no verb ("Вологда — город-побратим Кеми", "Дюссельдорф
    — побратим Москвы"): the place it is said of (its subject, or the name it stands in apposition to) and its own
    complement, or the two of a coordinated subject ("Калуга и Могилёв — города-побратимы") or apposition ("городами-
    побратимами Хабаровском и Портлендом"); [] unless both are places."""
    head = sent.head(noun)
    subject = head if noun.rel == "appos" and head is not None else next(iter(sent.kids(noun, "nsubj")), None)
    index = sent.tokens.index(noun)
    if subject is None and index >= 2 and sent.tokens[index - 1].text in "—–-":
        subject = sent.tokens[index - 2]  # "Псков — город-побратим Нойса" where the parser hangs Псков elsewhere
    # its own complement, not a place with a preposition ("наш первый побратим в Китайской Народной Республике" says where
    # the twin lies)
    partner = next((k for k in sent.kids(noun, "nmod", "appos") if not sent.kids(k, "case")), None)
    members = [subject, partner]
    if subject is None and partner is not None and partner.rel == "appos" and noun.feats.get("Number") == "Plur" and len(sent.conjuncts(partner)) == 2:
        members = sent.conjuncts(partner)  # "между городами-побратимами Хабаровском и Портлендом": the pair it names
    elif partner is None and subject is not None:
        # "Калуга и Могилёв — города-побратимы": the coordinated subject is the pair (the tagger may call the
        # hyphenated noun singular)
        members = sent.conjuncts(sent.head(subject) if subject.rel == "conj" and sent.head(subject) is not None else subject)
    sides = [sent.mention_at(t, person=False) for t in members if t is not None]
    places = list(dict.fromkeys(m.name for m in sides if m is not None and m.type in PLACE_TYPES))
    if subject is None and len(places) == 1 and partner.rel == "appos" and (noun.feats.get("Number") == "Sing" or singular_in_every_reading(noun)):
        # "В Новороссийске принимали делегацию из города-побратима Самсун": the twin of the one other town named, by
        # itself or by its body's name ("Представители Харьковского городского совета посетят город-побратим Белгород")
        others = towns_named(sent.mentions) - {places[0]}
        places += others if len(others) == 1 else []
    return places if len(places) == 2 else []


def singular_in_every_reading(token) -> bool:
    """Whether every reading the dictionary gives the word's last part is singular ("город-побратим", which the tagger
    may call plural)."""
    parses = morph_vocab().parse(token.text.lower().split("-")[-1])
    return bool(parses) and all(p.tag.number == "sing" for p in parses)


def accords_in(sent: Sentence, published: str, used_verbs: set, just_told: bool = False):
    """Yield an accord for each verb of agreeing ("договорились") that governs no agreement noun; where the sentence
    before reported an agreement (``just_told``), "Об этом договорились" is that agreement's accord, no other."""
    for token in sent.tokens:
        if (token.pos == "VERB" and (token.lemma or "") in read_words("accord_verbs.csv") and token.id not in used_verbs
                and not negated_or_failed(token, sent) and not about_a_meeting(token, sent) and not aim_of(token, sent)):
            parties, with_tokens = find_parties(token, [token], sent), partner_tokens(token, [token], sent)
            subjects = [t for s_ in sent.kids(token, "nsubj") for t in sent.conjuncts(s_)]
            if len(parties) == 1 and (not with_tokens or nongovernmental_at(with_tokens + subjects, sent)):
                # "Депутаты городской думы договорились не повышать тарифы": one body agreeing with itself; "договорился
                # с профсоюзами": with no government or public body
                continue
            content = accord_content(token, sent)
            yield Agreement("accord", "agreed", parties, [],
                            date_in(sent.text, published), evidence=sent.text, start=sent.start, stop=sent.stop,
                            sides_may_bind=True, company_partner=companies_at(with_tokens),
                            unnamed_partner=bool(with_tokens) and len(parties) == 1,
                            vague=content != "" or just_told and (about_the_last_report(token, sent) or elaborates(token, sent)),
                            tie_only=content == "tie" and not just_told,
                            confirms=just_told and content == "" and about_the_last_report(token, sent))


WITH_AFTER = re.compile(r"[»\"']?\s+со?\s+")  # "побратались с", "«побраталась» с"


def twinnings_by_verb(sent: Sentence, published: str):
    """Yield a signed twinning for each verb of twinning (data/twinning_verbs.csv) that is not negated: of its subject
    with each partner of "с" ("Казань «побраталась» с Ханчжоу, Юрмалой и Стамбулом" is three), or of its coordinated
    subjects ("Тверь и Гродно породнились")."""
    for token in sent.tokens:
        if (token.lemma or "") not in read_words("twinning_verbs.csv") or negated_or_failed(token, sent):
            continue
        parties = find_parties(token, [token], sent)
        partners = partners_of(partner_tokens(token, [token], sent), sent, parties)
        if not partners and (after := WITH_AFTER.match(sent.text, token.stop - sent.start)):
            # "Казань «побраталась» с китайским Ханчжоу, ...": the parser hung the list on the subject
            partners = linear_parties(sent, sent.start + after.end(), backwards=False)
            parties = [p for p in parties if p not in partners] + partners
        # a subject the parser did not hang on it, right before it or its opening quote
        before_verb = sent.start + len(sent.text[: token.start - sent.start].rstrip(" «\"'"))
        sides = [p for p in parties if p not in partners] or (linear_parties(sent, before_verb, backwards=True) if partners else [])
        # "побратались": signed; "побратаются", "намерены побрататься": planned, as the verb above says
        head = sent.head(token) if token.feats.get("VerbForm") == "Inf" and token.rel in ("xcomp", "csubj") else None
        # (the dictionary's tense of the word first: the tagger reads "побратаются" as a past, "породнились" as a future)
        tense = verb_features(token.text).get("Tense")
        status = (status_of([head], sent, TWINNING) if head is not None and head.pos == "VERB"
                  else {"Fut": "planned", "Past": "signed"}.get(tense) or tense_status(token, sent))
        if not status:
            continue
        pairs = partner_pairs(token, sides, partners, sent, tie=True) or [sides + partners] if partners else [parties]
        for members in [m for m in pairs if len(m) == 2]:
            yield Agreement(TWINNING, status, members, [], date_in(sent.text, published), evidence=sent.text,
                            start=sent.start, stop=sent.stop, one_of_pairs=len(partners) > 1)


def elaborates(verb, sent: Sentence) -> bool:
    """Whether a parenthetical before the verb (elaboration_words.csv: "в частности") makes its clause the particulars
    of what was just told."""
    before = " ".join(t.text.lower() for t in sent.tokens if t.start < verb.start)
    return any(re.search(rf"(?:^|[,—–-] ?){re.escape(p)}(?: ?,|$)", before.replace(" ,", ",")) for p in read_words("elaboration_words.csv", "phrase"))


def negated_or_failed(verb, sent: Sentence) -> bool:
    """Whether the verb, or the verb whose infinitive it is, is negated: "не договорились", "не могут договориться",
    "так и не смогли договориться"."""
    head = sent.head(verb) if verb.rel == "xcomp" else None
    return sent.negated(verb) or head is not None and sent.negated(head)


def accord_content(token, sent: Sentence) -> str:
    """What makes an accord no record of its own: 'agreement' (the sentence names the agreement agreed on), 'meeting'
    ("договорились о визите"), 'tie' (cooperation itself, "договорились о сотрудничестве"), or ''."""
    ties = read_words("cooperation_nouns.csv") | read_words("cooperation_verbs.csv")
    content = about_what(token, sent)
    for verb in sent.kids(token, "xcomp"):
        # "договорились содействовать в развитии ...": what the verb furthers, where it is not a tie itself
        content += [verb] if lemma_of(verb) in ties else sent.kids(verb, "obj", "iobj") or sent.kids(verb, "obl") or [verb]
    content = [t for c in content for t in sent.conjuncts(c)]
    words = [t for c in content for t in [c] + sent.kids(c, "nmod")]
    # "договорились, что Татарстан и Ломбардия будут работать над подписанием соглашения": the clause of what was
    # agreed names the agreement with its stage, a record of its own
    clause = [t for c in sent.kids(token, "ccomp") for t in within_steps(c, sent, 3)]
    if any(agreement_noun(t, sent) not in ("", "accord") for t in words) or any(
            agreement_noun(t, sent) not in ("", "accord", "anaphor") and governing_chain(t, sent) for t in clause):
        return "agreement"
    if content and all(lemma_of(t) in event_terms() for t in content):
        return "meeting"  # "достигли договорённости о встрече", "договорились о визите": they arranged to meet, no agreement
    content = [k for t in content for k in furthered(t, sent)]
    return "tie" if content and all(lemma_of(t) in ties for t in content) else ""


def within_steps(token, sent: Sentence, steps: int) -> list:
    """The token and the words below it, at most ``steps`` links down."""
    found, level = [token], [token]
    for _ in range(steps):
        level = [k for t in level for k in sent.kids(t)]
        found += level
    return found


def about_the_last_report(verb, sent: Sentence) -> bool:
    """Whether what the verb's sides agreed on is "это", what was just told: "Об этом договорились во время визита"."""
    return any(lemma_of(c) == "это" for c in about_what(verb, sent))


def about_what(verb, sent: Sentence) -> list:
    """The verb's complements with "о": what the sides agreed on ("договорились о сотрудничестве")."""
    return [c for c in sent.kids(verb, "obl", "nmod") if about(c, sent)]


def lemma_of(token) -> str:
    return (token.lemma or "").replace("ё", "е")


def furthered(token, sent: Sentence) -> list:
    """What a noun of furthering a tie furthers ("развитие сотрудничества и торговли": both), else the token itself.
    Coordinated nouns share it: "в развитии и расширении сотрудничества"."""
    if lemma_of(token) not in read_words("development_nouns.csv"):
        return [token]
    found = [t for n in sent.conjuncts(token) for k in sent.kids(n, "nmod") if k.feats.get("Case") == "Gen" for t in sent.conjuncts(k)]
    return found or [token]


@lru_cache(maxsize=1)
def topic_contracts() -> frozenset[str]:
    """The words of data/private_contracts.csv that make a contract also as the genitive of the agreement's topic."""
    return frozenset(row["word"] for row in read_data("private_contracts.csv") if row["in_topic"] == "yes")


def private_contract(noun, sent: Sentence) -> bool:
    """"договор аренды", "мировое соглашение", "кредитное соглашение": a contract or legal act, no
    agreement between governments (``data/private_contracts.csv``)."""
    words = read_words("private_contracts.csv")
    # the type of the contract, not its topic: "договор поставки" is one, "договорённости о поставках" is not
    kinds = [c for c in sent.kids(noun, "amod")] + [c for c in sent.kids(noun, "nmod") if c.feats.get("Case") == "Gen" and not sent.kids(c, "case")]
    # "соглашения по реструктуризации бюджетных кредитов": what the topic is done to names the contract
    topics = [c for c in sent.kids(noun, "nmod") if any(k.text.lower() in ("о", "об", "по") for k in sent.kids(c, "case"))]
    kinds += [c for t in topics for c in sent.kids(t, "nmod") if c.feats.get("Case") == "Gen" and not sent.kids(c, "case") and lemma_of(c) in topic_contracts()]
    return any((c.lemma or "") in words or (c.lemma or "").replace("ё", "е") in words for c in kinds)


def own_parties(noun, parties: list[str], sent: Sentence) -> list[str]:
    """The parties named in the noun's own words ("договорённости мэра Москвы с губернатором области")."""
    below = sent.below(noun)
    named = {m.name for t in below for m in [sent.mention_at(t, person=False)] if m is not None}
    named |= {territory for t in below if (m := sent.mention_at(t, person=True)) is not None and (territory := m.affiliation)}
    return [p for p in parties if p in named]


def aim_of(verb, sent: Sentence) -> bool:
    """Whether the verb is the aim of another act ("приехал в Ялту, чтобы договориться о братских отношениях"): an
    accord sought, not reached."""
    return verb.feats.get("VerbForm") == "Inf" and any(lemma_of(m) in read_words("aim_conjunctions.csv") for m in sent.kids(verb, "mark"))


def about_a_meeting(verb, sent: Sentence) -> bool:
    """"договорились о встрече", "договорились встретиться": an appointment, not an accord. A meeting that
    frames the accord ("в ходе визита ... стороны договорились о поставках") is no appointment."""
    if any((c.lemma or "") in event_terms() and (c.rel != "obl" or any(k.text.lower() in ("о", "об") for k in sent.kids(c, "case")))
           for c in sent.kids(verb, "obl", "xcomp", "obj", "ccomp")):
        return True
    index = sent.tokens.index(verb)
    after = sent.tokens[index + 1 : index + 3]  # "договорились о встрече" where the parser hung "встрече" elsewhere
    return len(after) == 2 and after[0].text.lower() in ("о", "об") and (after[1].lemma or "") in event_terms()


def bind_sides(records: list[Agreement], meeting_sides: list[str], mentions: list[Mention], sentence_sides: dict[int, list[str]]) -> None:
    """Give a record without parties the sides that met ("стороны договорились"), or the parties of
    the record it refers back to ("план мероприятий по реализации соглашения", "стороны намерены"),
    or a body of each side where the text names them only so ("между профильными министерствами"):
    those bodies are added to ``mentions``; else, where its own words name no one, the parties of an agreement of its
    sentence, or the two sides that met."""
    if len(meeting_sides) < 2:
        meeting_sides = []  # one side named is no pair of sides: who else met is unknown
    for i, record in enumerate(records):
        if record.parties:
            continue
        earlier = next((r.parties for r in reversed(records[:i]) if r.parties), None)
        if earlier is None and not meeting_sides and REFERS_BACK.search(record.evidence):
            # "главы двух субъектов ... договорились", then "губернаторы Тульской и Курганской областей подписали" (where
            # no meeting gives the sides: "стороны подписали программу" after the governor met the chairman is theirs,
            # not that of the chambers' memorandum told next)
            earlier = next((r.parties for r in records[i + 1 :] if r.parties and not r.vague), None)
        if record.sides_may_bind and (meeting_sides or earlier):
            record.parties = list(meeting_sides or earlier)
            record.bound = "meeting" if meeting_sides else "earlier"
        elif (earlier or meeting_sides) and REFERS_BACK.search(record.evidence):
            record.parties = list(earlier or meeting_sides)  # "По итогам переговоров стороны подписали"
            record.bound = "earlier" if earlier else "meeting"
            # "Протокол о намерениях ... подписали ...", then "Подписывая соглашение, руководители двух регионов
            # обязуются ...": a bare "соглашение" of the same sides at the same stage is that document again (but the
            # agreement a plan implements is another: "подписали план мероприятий по реализации соглашения")
            record.vague = bool(earlier) and record.kind == "cooperation_agreement" and not record.scope and any(
                r.parties == earlier and r.status == record.status and not r.vague and (r.kind == record.kind or not record.in_force)
                for r in records[:i])
        elif (accord := accord_beside(records, i)) is not None:
            record.parties = list(accord.parties)
            record.bound = "earlier"
        elif meeting_sides and (between_their_kind(record.evidence) or record.in_dialogue):
            # "«В рамках соглашения, подписанного между нашими регионами, ...»", "«Соглашение с вами мы подписали»", said
            # at a meeting: the sides that met
            record.parties = list(meeting_sides)
            record.bound = "meeting"
        elif (earlier or meeting_sides) and (found := unnamed_body(record.evidence)):
            body, span = found
            start, stop = record.start + span[0], record.start + span[1]
            sides_bodies = [Mention(start, stop, record.evidence[span[0] : span[1]], "organization", f"{body} {genitive(side)}")
                            for side in (meeting_sides or earlier)]
            mentions += sides_bodies  # actors of the document like any other, so the parties are actors' names
            record.parties = [m.name for m in sides_bodies]
            record.bound = "each_side"
        elif record.names_no_actor and not record.several and (same := next((
                r.parties for r in reversed(records[:i]) if r.parties and not r.vague
                and record.evidence in (r.sentences or [r.evidence])), None)):
            # "Рязанская область подписала соглашение с Курской областью, намечен план мероприятий": an instrument
            # of no one's named beside an agreement in its sentence is between the same sides
            record.parties = list(same)
            record.bound = "earlier"
        elif record.names_no_one and not record.company_partner and len(here := sentence_sides.get(record.start, [])) >= 2:
            # "протокол ..., подписанный в прошлом году в Эскишехире в ходе визита чебоксарской делегации": the sides of
            # the visit its own sentence reports, before those of the article's other meetings
            record.parties = list(here)
            record.bound = "meeting"
        elif meeting_sides and record.names_no_one and not record.company_partner:
            # an agreement whose sentence names no one, after two sides met ("Делегация Вологодской области
            # посетила Витебскую область. Соглашение будет подписано в ноябре"), is theirs; one signed by
            # someone the text leaves unnamed, or by companies ("местная компания подписала"), is not
            record.parties = list(meeting_sides)
            record.bound = "meeting"
        if record.in_force and record.bound == "meeting":
            record.status = "signed"  # "Они обсудили реализацию соглашения" after the sides met: theirs, in force


def accord_beside(records: list[Agreement], i: int) -> Agreement | None:
    """The accord of two or more parties told right before or after record ``i`` ("Ярославская область и Белоруссия
    договорились о сотрудничестве ... Программа развития сотрудничества на 2026-2027 годы была подписана в Минске", the
    document perhaps told first in a subtitle), where it is no record of its own (on cooperation itself, on a field,
    or telling again the document just told): a document whose own words name no party, and no partner the actor
    stage left unnamed, is that accord's; else None."""
    record = records[i]
    if record.kind == "accord" or record.company_partner or record.unnamed_partner:
        return None
    beside = [records[j] for j in (i - 1, i + 1) if 0 <= j < len(records)]
    return next((r for r in beside if r.kind == "accord" and (r.tie_only or r.vague) and len(r.parties) >= 2), None)


def sides_signed(chain, sent: Sentence) -> bool:
    """Whether a signing verb's subjects are only words for the sides themselves (data/side_signers.csv): "Стороны
    подписали", "они подписали", "подписали главы Иркутской области и Республики Бурятия"."""
    subjects = [t for v in chain if category(v) == "act" for s_ in sent.kids(v, "nsubj") for t in sent.conjuncts(s_)]
    return bool(subjects) and all(lemma_of(t) in read_words("side_signers.csv") and sent.person_named(t, sent.stop) is None
                                  and (t.pos == "PRON" or t.feats.get("Number") == "Plur") for t in subjects)


def signers_of_the_sides(records: list[Agreement], mentions: list[Mention], territory: dict[str, str], kinds: dict[str, str]) -> None:
    """Give a record its sides signed (``signed_by_sides``) the heads of its parties the article names: "Игорь Бабушкин
    встретился с акимом Атырауской области Сериком Шапкеновым ... Стороны подписали план": both sign. Only where each
    party has one such head (data/head_offices.csv; no deputy)."""
    heads = [m for m in mentions if m.type == "person" and m.affiliation and m.role
             and is_head_office(m.role)]
    for record in records:
        if not record.signed_by_sides or record.signatories or len(record.parties) < 2:
            continue
        by_party = [{m.name for m in heads if party_locality(m.affiliation, territory, kinds) == party_locality(p, territory, kinds)}
                    for p in record.parties]
        if all(len(names) == 1 for names in by_party):
            record.signatories = [next(iter(names)) for names in by_party]


def other_side_met(records: list[Agreement], meeting_sides: list[str], territory: dict[str, str], kinds: dict[str, str]) -> None:
    """Give a record of one side, which is one of two sides that met, the other: "Делегация района посетила округ ...
    В администрации округа состоялось подписание соглашения. С белорусской стороны подпись под документом поставил
    председатель райисполкома" is the district's and the okrug's. A record that names a partner of its own ("с
    компанией", "с белорусскими муниципальными образованиями") keeps it alone."""
    if len(meeting_sides) != 2:
        return
    sides = [party_locality(side, territory, kinds) for side in meeting_sides]
    for record in records:
        if (len(record.parties) != 1 or record.vague or record.counted or record.sides or record.company_partner
                or record.unnamed_partner):
            continue
        own = party_locality(record.parties[0], territory, kinds)
        at = sides.index(own) if own in sides else in_visited_state(record.parties[0], meeting_sides, territory)
        if at is not None:
            record.met_side = meeting_sides[1 - at]
            record.parties.append(record.met_side)


def narrator_pronoun(token) -> bool:
    """Whether the word is a pronoun by which a sentence goes on with the official the sentence before reported on
    ("Он заключил с ..."; narrator_pronouns.csv)."""
    return token.pos == "PRON" and lemma_of(token) in read_words("narrator_pronouns.csv")


@dataclass(frozen=True)
class Narrator:
    """The official the sentences so far report on: the territory of his office and his name (empty where unnamed)."""
    side: str = ""
    person: str = ""


def narrated_side(sent: Sentence, previous: Narrator) -> Narrator:
    """The official the text reports on after this sentence: the one whose office names a territory, where he is the
    subject of the main verb ("Кроме того, орловский губернатор выступил на заседании"); ``previous`` where the
    sentence leaves its subject out or gives it as a pronoun ("Подчеркнул давние связи с Беларусью", "Он отметил ...");
    no one where anyone or anything else is the subject."""
    root = next((t for t in sent.tokens if t.rel == "root"), None)
    if root is None:
        return previous
    subjects = sent.kids(root, "nsubj") if root.pos == "VERB" else []
    if not subjects:
        # "— Нам повезло, — признался председатель горсовета", "«Это большой день», — сказал губернатор": the speaker
        # of the words the sentence attributes
        subjects = [s_ for k in sent.kids(root, "parataxis") if speech_kind(k) == "verb" for s_ in sent.kids(k, "nsubj")][:1]
        if not subjects and root.pos != "VERB":
            return previous if not sent.kids(root, "nsubj") else Narrator()
    if not subjects or all(map(narrator_pronoun, subjects)):
        return previous
    if len(subjects) > 1 or sent.conjuncts(subjects[0])[1:] or not heads_a_territory(subjects[0], sent):
        return Narrator()
    # "Губернатор Курской области выступил": the office's own place where no name follows it
    sides = parties_from(subjects, sent, persons_stand_for_bodies=True) or office_places(subjects[0], sent)
    if len(sides) != 1:
        return Narrator()
    person = sent.mention_at(subjects[0], person=True)
    return Narrator(territories(sent.mentions).get(sides[0], sides[0]), person.name if person is not None and person.type == "person" else "")


def subjects_besides(noun, chain, sent: Sentence) -> list:
    """The subjects of the noun's verbs and of the sentence's main verb other than the noun itself ("демонстрации" of
    "прошли демонстрации с требованиями разорвать договор с Израилем")."""
    top = noun
    while (head := sent.head(top)) is not None and top.rel != "root":
        top = head  # the main verb of the noun's own clause (a parse may give a sentence two roots)
    return [k for v in list(chain) + [top] for k in sent.kids(v, "nsubj", "nsubj:pass") if k is not noun]


def heads_a_territory(token, sent: Sentence) -> bool:
    """Whether the subject is the head of a territory or of its executive (data/head_offices.csv, no deputy): by the
    office it is ("губернатор", "глава"), or a person the sentence gives such an office or none (named earlier)."""
    person = sent.person_named(token, sent.stop)
    office = person.role if person is not None and person.role else lemma_of(token) if person is None else ""
    if not office:
        return bool(sent.affiliation_of(person))
    return is_head_office(office)


def is_head_office(office: str) -> bool:
    """Whether an office heads a territory or its executive by its first word (data/head_offices.csv: "губернатор
    Иркутской области", "председатель облисполкома"), and is no deputy's ("заместитель ...", "замглавы")."""
    return lemma_key(office).split()[0] in read_words("head_offices.csv") and "зам" not in office.lower()


def narrators_side(records: list[Agreement], territory: dict[str, str], kinds: dict[str, str]) -> None:
    """Give a record of one "с" partner, whose sentence names no side of its own and which no meeting bound, the side
    of the official the sentences before it report on: "Кроме того, орловский губернатор выступил на заседании.
    Подчеркнул давние связи с Беларусью. Уже действуют соглашения с Гомельской и Брестской областями"."""
    for record in records:
        if (len(record.parties) == 1 and record.partner_only and record.narrator and not record.vague and not record.counted
                and not record.company_partner and party_locality(record.narrator, territory, kinds) != party_locality(record.parties[0], territory, kinds)):
            record.parties = [record.narrator, *record.parties]
            record.signatories = record.signatories or ([record.narrator_person] if record.narrator_person else [])
        else:
            record.narrator = ""
    records[:] = [r for r in records if not (r.side_untold and not r.narrator)]


def in_visited_state(party: str, meeting_sides: list[str], territory: dict[str, str]) -> int | None:
    """The index of the side that is the state the party's region or town lies in, where one side is a state and the
    other is not ("Делегация Удмуртии посетила Беларусь. ... подписаны соглашения с Минской и Гомельской
    областями": Minsk oblast stands in Belarus's place); None otherwise."""
    place = find_place(territory.get(party, party))
    states = [find_place(territory.get(side, side)) for side in meeting_sides]
    if place is None or place.type == "country" or sum(s is not None and s.type == "country" for s in states) != 1:
        return None
    return next((i for i, s in enumerate(states) if s is not None and s.type == "country" and s.name_latin == place.state), None)


def headline_instruments(records: list[Agreement], title_stop: int, territory: dict[str, str], kinds: dict[str, str]) -> list[Agreement]:
    """The records less each headline's "соглашение" the body tells as its instruments of other kinds between the
    same places or their executives at the same stage: "Соглашение о сотрудничестве заключили власти Сахалина и
    Хоккайдо" over "Власти Сахалина и ... Хоккайдо подписали меморандум о сотрудничестве" is the memorandum. A body's
    instrument between chambers or ministries of the same regions is another agreement."""
    kept = list(records)
    body = [r for r in records if r.start >= title_stop and not r.vague]
    for head in [r for r in records if r.start < title_stop and r.kind == "cooperation_agreement" and not r.vague and len(r.sentences) == 1]:
        own = party_localities(head.parties, territory, kinds)
        same = [r for r in body if party_localities(r.parties, territory, kinds) == own]
        # the body's instruments may be two or more ("подписали меморандум ... и дорожную карту"): the headline's
        # "соглашение" is the first of them
        if (same and all(r.kind in ("memorandum", "roadmap", "other") and r.status == head.status
                         and all(branch_of(p) in ("", "executive") for p in r.parties) for r in same)):
            same[0].sentences = [head.evidence] + [t for t in same[0].sentences if t != head.evidence]
            kept.remove(head)
    return kept


def headline_states(records: list[Agreement], title_stop: int, territory: dict[str, str], kinds: dict[str, str]) -> list[Agreement]:
    """The records less each headline record whose partner is a state where a body record of the same kind has a region
    or body of that state and the same other side: "Вологодская область и Казахстан подписали меморандум" over
    "Меморандум ... между Правительством Вологодской области и Акиматом Алматинской области" is one memorandum,
    folded into the body's record."""
    kept = list(records)
    for head in [r for r in records if r.start < title_stop and not r.vague]:
        states = {p for p in head.parties if kinds.get(p) == "country"}
        own = party_localities([p for p in head.parties if p not in states], territory, kinds)
        if len(states) != 1 or not own:
            continue
        state = find_place(next(iter(states)))
        body = next((r for r in kept if r is not head and r.start >= title_stop and r.kind == head.kind and not r.vague
                     and own <= party_localities(r.parties, territory, kinds)
                     and not any(kinds.get(p) == "country" for p in r.parties)
                     and any((place := find_place(territory.get(p, p))) is not None and place.type != "country"
                             and state is not None and place.state == state.state for p in r.parties)), None)
        if body is None:
            continue
        fold_into(body, head, before=True)
        kept.remove(head)
    return kept


def told_again(records: list[Agreement]) -> list[Agreement]:
    """The records less each that took an earlier record's parties and is of its kind: the same agreements told again
    ("Польские города приостановили соглашения с Калининградом", then "«Соглашения приостановлены с их стороны»"),
    folded into it; each that took the sides that met as one before it did, of its kind, stage and topic; and each that
    took the sides that met as a record before it names, of its kind and stage."""
    kept: list[Agreement] = []
    for record in records:
        # only a record that names its parties is told again; "Первое подобное соглашение между регионами" took their
        # parties too and is another agreement; one sentence's two stages are two agreements ("парафировали текст
        # нового соглашения, которое придет на смену подписанному")
        same = next((k for k in kept if record.bound == "earlier" and not record.like_another and not k.vague and not k.bound
                     and k.kind == record.kind and set(k.parties) == set(record.parties)
                     and not set(k.sentences) & set(record.sentences)), None)
        # "Будет подписан ряд меморандумов" in the lead and "По итогам встречи будет подписан ряд меморандумов": both
        # given the sides that met, of one kind, stage and topic, they are one
        same = same or next((k for k in kept if record.bound == k.bound == "meeting" and k.kind == record.kind
                             and k.status == record.status and k.scope == record.scope), None)
        # "Абхазия и Адыгея планируют подписать договор" in the headline, then "в ходе его визита планируется подписание
        # договора" given the sides that meet: the same sides, kind and stage are that agreement told again
        # ("договор о дружбе и сотрудничестве" is a twinning by its friendship until ``friendship_of_regions``)
        same = same or next((k for k in kept if record.bound == "meeting" and not k.bound and not k.vague
                             and (k.kind == record.kind or record.friendship and k.kind == "cooperation_agreement")
                             and k.status == record.status and set(k.parties) == set(record.parties)
                             and not set(k.sentences) & set(record.sentences)), None)
        if same is None:
            kept.append(record)
        else:
            fold_into(same, record)
    return kept


def headline_region(records: list[Agreement], title_stop: int, territory: dict[str, str]) -> list[Agreement]:
    """The records less each headline record of one party, a region, where a body record of the same kind (the only
    one) has a town of that region: "... с кем регион подписал договор о побратимских отношениях" over "Фэрбенкс -
    первый город, с которым Якутск подписал договор" is Yakutsk's twinning, folded into the body's record."""
    kept = list(records)
    for head in [r for r in records if r.start < title_stop and not r.vague and len(r.parties) == 1]:
        region = find_place(territory.get(head.parties[0], head.parties[0]))
        if region is None or region.type not in SUBNATIONAL_TYPES or region.type == "city":
            continue
        body = [r for r in kept if r is not head and r.start >= title_stop and r.kind == head.kind and not r.vague]
        towns = [r for r in body if any((place := find_place(territory.get(p, p))) is not None and place.type == "city"
                                        and place.region == region.place_id for p in r.parties)]
        if len(towns) == 1:
            fold_into(towns[0], head, before=True)
            kept.remove(head)
    return kept


def fold_into(record: Agreement, other: Agreement, before: bool = False) -> None:
    """Fold ``other``, a report of the same agreement found after the merge, into ``record``: its stage, its sentences
    (first where ``before``: a headline's) and its signatories."""
    take_stage(record, other)
    new = [t for t in other.sentences if t not in record.sentences]
    record.sentences = new + record.sentences if before else record.sentences + new
    record.signatories += [p for p in other.signatories if p not in record.signatories]


def documents_of_accords(records: list[Agreement], territory: dict[str, str], kinds: dict[str, str]) -> list[Agreement]:
    """The records less each accord that the next record's document embodies ("Вологодская и Минская области
    договорились о поставках. Соответствующий протокол подписали ..."; ``signed_for_some_sides``): one act, the
    document's, whose evidence the accord's sentences join."""
    kept = []
    for record in records:
        accord = kept[-1] if kept else None
        if accord is None or accord.kind != "accord" or accord.vague and not accord.tie_only:
            kept.append(record)
            continue
        # (an accord on cooperation itself, "О сотрудничестве договорились Псковский и Могилёвский районы", names the
        # sides of the document signed next)
        some_sides = signed_for_some_sides(accord, record, territory, kinds)
        if some_sides:
            record.parties = merged_parties(accord.parties, record.parties, territory, kinds)
        if some_sides or not accord.vague and record.bound == "earlier" and OF_THE_ACCORD.search(record.evidence) and set(accord.parties) == set(record.parties):
            record.sentences = accord.sentences + [s for s in record.sentences if s not in accord.sentences]
            record.stages_seen |= {accord.status}
            kept[-1] = record
            continue
        kept.append(record)
    return kept


def signed_for_some_sides(accord: Agreement, record: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """Whether a document signed right after an accord names as its parties only some of the accord's, through the
    signatories whose bodies the text gives: "О сотрудничестве договорились Псковский и Могилёвский районы. Соглашение
    подписали глава муниципалитета Наталья Фёдорова и председатель Могилёвского райисполкома Олег Чикида" is the
    accord's document, between both districts."""
    return (record.kind != "accord" and record.status == "signed" and bool(record.signatories) and 0 < len(record.parties) < len(accord.parties)
            and party_localities(record.parties, territory, kinds) <= party_localities(accord.parties, territory, kinds))


def one_outcome_per_meeting(records: list[Agreement]) -> list[Agreement]:
    """The records less each accord that names no one and only the meeting binds, where the meeting gave another record
    too: each side's account of one talk ("Мы с губернатором договорились формировать дорожную карту", then
    "Договорились с Александром Николаевичем наращивать товарооборот") is one outcome, the document's. Its sentence
    joins that record's evidence; the record's stage stays its own. A record only discussed is no outcome ("Китайская
    сторона предложила рассмотреть возможность заключения соглашения", then "стороны договорились о создании рабочей
    группы"), nor is one signed (what else they agreed is another act than the document)."""
    outcomes = [r for r in records if r.bound == "meeting" and r.kind != "accord" and not r.vague and r.status in ("planned", "agreed")]
    kept = []
    for record in records:
        outcome = next((o for o in outcomes if set(o.parties) == set(record.parties)), None)
        if record.kind == "accord" and record.bound == "meeting" and outcome is not None:
            outcome.sentences += [s for s in record.sentences if s not in outcome.sentences]
            outcome.scope += [s for s in record.scope if s not in outcome.scope]
            continue
        kept.append(record)
    return kept


@lru_cache(maxsize=1)
def unnamed_body_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern of "между <form>", the body's name) for each row of data/unnamed_bodies.csv."""
    return tuple((re.compile(r"\bмежду\s+(" + r"\s+".join(row["form"].split()) + r")\b", re.I), row["name"])
                 for row in read_data("unnamed_bodies.csv"))


def unnamed_body(text: str) -> tuple[str, tuple[int, int]] | None:
    """The body the text gives each side without naming it ("между профильными министерствами"), with the
    span of its words in ``text``; None if there is none."""
    for pattern, name in unnamed_body_patterns():
        if found := pattern.search(text):
            return name, found.span(1)
    return None


def territories(mentions: list[Mention]) -> dict[str, str]:
    """The territory each body stands for: the place a shared-out body is made for ("правительствами Москвы и ЛНР":
    one each), else the first place named inside its name, not after the words that say whom it is named after
    ("фонд имени ...": relationships.own_name)."""
    places = [m for m in mentions if m.type in PLACE_TYPES]
    out = {}
    for m in mentions:
        if m.type == "organization" and m.body_of:
            out.setdefault(m.name, m.body_of)
        elif m.type == "organization":
            inside = [p for p in places if m.start <= p.start and p.stop <= m.stop
                      and p.stop - m.start <= len(own_name(m.text))]
            if inside:
                out.setdefault(m.name, min(inside, key=lambda p: p.start).name)
            elif place := compound_territory(m.name, places):
                out.setdefault(m.name, place)
    return out


def compound_territory(name: str, places: list[Mention]) -> str:
    """The place a compound word of local government acts for ("Мингорисполком": the one city named in the article
    whose name begins with "Мин"), or ''."""
    found = compound_body(name)
    if found is None:
        return ""
    prefix, kind = found
    named = {p.name for p in places if p.type == kind and p.name.lower().startswith(prefix)}
    return named.pop() if len(named) == 1 else ""


def earlier_stages(record: Agreement) -> list[str]:
    """The stages the article reports for the agreement before its furthest one, in the order of stages."""
    return sorted((s for s in record.stages_seen if status_rank(s) < status_rank(record.status)), key=status_rank)


def told_twice_in_one_sentence(record: Agreement, found: Agreement) -> bool:
    """Whether two records of one sentence, one of them named by the word that refers back ("документ"), are the same
    in kind, stage, date and parties: "Подобный документ ... будет подписан впервые, хотя ещё в 1994 году соглашение о
    сотрудничестве ... было подписано", where the parser hung both nouns on one verb, is one agreement."""
    return (record.evidence == found.evidence and "anaphor" in (terms().get(record.head, ("", ""))[0], terms().get(found.head, ("", ""))[0])
            and (record.kind, record.status, record.date, set(record.parties)) == (found.kind, found.status, found.date, set(found.parties)))


def merge(records: list[Agreement], found: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> None:
    """Fold a sentence's agreement into an earlier record of the same agreement, or add it.

    Parties match when they are the same actors or the same territories (an
    administration stands for its district).
    """
    if found.vague:
        records.append(found)  # kept apart until the sides are bound, then dropped
        return
    if any(told_twice_in_one_sentence(r, found) for r in records):
        return
    pairs = [r for r in records if r.one_of_pairs and r.evidence == found.evidence and r.status == found.status
             and found.kind in (r.kind, "cooperation_agreement")]  # not a plan of events of the twins ("главы городов-побратимов ... подписали план")
    if pairs and not found.one_of_pairs and set(found.parties) <= {p for r in pairs for p in r.parties}:
        return  # "Договоры о побратимстве ... с Оршей и Витебском": the topic's noun names the same pairs again
    if found.one_of_pairs and any(set(r.parties) == set(found.parties) for r in pairs):
        return  # the same pair again, from the topic's noun: "Соглашения о побратимстве подписали A и B, C и D"
    if told_in_pairs(records, found, territory, kinds):
        return
    if (found.several or found.counted) and (not found.parties or found.counted and len(found.parties) < 2):
        # (counted: "34 соглашения" is a genitive singular after the numeral)
        # "Соглашения ... заключены уже со многими регионами", "связывают 34 соглашения с субъектами РФ": agreements
        # of no named partner are none of the article's named agreements (kept apart, then dropped unless bound to
        # the sides that met)
        found.sentences.append(found.evidence)
        records.append(found)
        return
    if found.about_this:
        found.parties = []  # the signatories' bodies of the agreement just told: it keeps its own parties
    if found.like_another and (
            model := next((r for r in reversed(records) if r.kind == found.kind and r.parties and not r.vague), None)) is not None:
        if not found.parties:
            # "Первое подобное соглашение между регионами было подписано в 1997 году": between the same sides
            found.parties, found.bound = list(model.parties), "earlier"
        # "подписание подобного документа имеет важное значение", of the same sides and of no other stage or date,
        # speaks of that one
        same_sides = party_localities(found.parties, territory, kinds) == party_localities(model.parties, territory, kinds)
        found.like_another = found.former or not same_sides or found.status != model.status or bool(found.date) and found.date != model.date
    candidates = list(reversed(records))
    if found.intends:  # a plan to sign belongs to an agreement not yet signed, where the article has one
        candidates.sort(key=lambda r: r.status == "signed")
    if found.parties:  # a record of all its parties first: of the pairs "с Курганской и Тамбовской", the one it names
        own = party_localities(found.parties, territory, kinds)
        candidates.sort(key=lambda r: not own <= party_localities(r.parties, territory, kinds))
    for record in candidates:
        if record.vague or record.detailed:
            continue
        documented = found.about_this and record.kind == "accord"  # the document of the accord just told
        # "подписан Меморандум о сотрудничестве между ...", then "Соглашение, подписанное акимом ... и губернатором ...": the
        # memorandum just told, called by the general word
        renamed = (found.untitled and record is records[-1] and record.kind == "memorandum" and found.status == record.status
                   and found.date in ("", record.date)
                   and party_localities(found.parties, territory, kinds) <= party_localities(record.parties, territory, kinds))
        if (record.kind != found.kind and found.kind not in record.kinds_seen and not documented and not renamed
                and not twinning_by_agreement(record, found, territory, kinds)):
            continue
        if record.status == "signed" and found.intends and found.parties:
            continue  # an intention reported after a signature is another agreement ("отдельное соглашение")
        if found.like_another:
            continue  # "Первое подобное соглашение ... было подписано в 1997 году" after the one planned now
        if other_partners(record, found, territory, kinds):
            continue  # "соглашение с Костромской областью", then "аналогичные соглашения с Кировской": one side, two agreements
        if other_branches(record, found):
            continue  # the governments' agreement and the legislatures' of the same two regions are two
        # (but "было подписано в 1995 году, однако в 2022 году Пуатье разорвал отношения" ends the one it signed)
        ended_here = record.status == "signed" and found.status in ("terminated", "suspended")
        if record.evidence == found.evidence and (record.status != found.status and not ended_here or record.one_of_pairs and found.one_of_pairs):
            # one sentence, two stages: "парафировали текст нового соглашения, которое придет на смену подписанному";
            # or two of the agreements a plural noun names, one with each partner
            continue
        a = party_localities(record.parties, territory, kinds)
        # "Подпись под документом поставил председатель Верховного Совета ...": the record's body, named without its territory
        b = party_localities([next((p for p in record.parties if without_its_territory(f, p)), f) for f in found.parties], territory, kinds)
        if found.one_of_pairs and not (b <= a or len(a) == 1 and places(a) < places(b) and not record.one_of_pairs):
            # one of several agreements a plural noun names joins only a record of both its parties, or of its side
            # alone (a headline that names one side: "Харьков разорвал побратимские связи с городами России")
            continue
        if record.one_of_pairs and not found.one_of_pairs and found.evidence != record.evidence and known_places(b - a):
            continue  # a pair of a list ("три города-побратима: Киркенес, Ваншенг и Кольмар") takes no town of another sentence
        # parties of one agreement share a locality, unless each names a known place the other lacks: X–Y and X–Z are
        # two agreements ("Курская область подписала соглашение с Витебской областью" beside "Курская и Брестская области заключили соглашение")
        same_parties = not found.parties or not record.parties or (a & b and not (known_places(a - b) and known_places(b - a)))
        if same_parties and (found.parties or found.status != "agreed" or record.status == "agreed" or found.kind != "accord"):
            # a twinning only by friendship, whichever of the two reports named it so
            record.friendship = (record.friendship or record.kind != TWINNING) and (found.friendship or found.kind != TWINNING)
            record.kinds_seen |= {record.kind, found.kind}
            record.kind = TWINNING if TWINNING in record.kinds_seen else found.kind if documented else record.kind
            take_stage(record, found)
            record.parties = merged_parties(record.parties, found.parties, territory, kinds)
            record.signatories += [s for s in found.signatories if s not in record.signatories]
            record.scope += [s for s in found.scope if s not in record.scope]
            record.date = record.date or found.date
            record.sentences.append(found.evidence)
            return
    found.sentences.append(found.evidence)
    # "Депутаты Государственного Совета Чувашии утвердили соглашение о сотрудничестве Чувашии с ...": one side, twice
    found.parties = without_bare_territories(found.parties, territory, kinds)
    records.append(found)


def ended_together(records: list[Agreement]) -> None:
    """A town's twins (or partners of one kind of agreement: "Польские города приостановили соглашения о сотрудничестве с
    Калининградом ... в рамках соглашений мэрия Калининграда сотрудничала с Гданьском, Гдыней ...") listed in one
    sentence share the end the article reports of one of them: "Днепр разорвал
    отношения с российскими городами-побратимами ... Днепропетровск имел побратимские связи с российскими городами
    Красноярск, Самара и Улан-Удэ" ends all three, though the record of the headline merged with the first alone."""
    for ended in [r for r in records if r.status in ("terminated", "suspended")]:
        for record in records:
            # the end reported in another sentence than the list: one sentence that ends one tie and signs others
            # ("расторг ... с Курском и подписал ... с Люблином") has its own stage for each
            listed_with = set(record.sentences) & set(ended.sentences) - {ended.evidence}
            if (record is not ended and record.kind == ended.kind and record.one_of_pairs and record.status == "signed"
                    and listed_with and set(record.parties) & set(ended.parties)):
                take_stage(record, ended)


def take_stage(record: Agreement, found: Agreement) -> None:
    """Fold the stage of ``found``, a report of the same agreement, into ``record``: both stages are seen, and the
    furthest is the record's, with the sentence that reports it."""
    record.stages_seen |= {record.status, found.status}
    if status_rank(found.status) > status_rank(record.status):
        record.status = found.status
        record.evidence, record.start, record.stop = found.evidence, found.start, found.stop


def told_of(record: Agreement, found: Agreement) -> None:
    """Fold ``found``, a sentence that speaks of ``record`` ("данного соглашения", "Об этом договорились", "данные
    проекты"), into it: its stage and its sentence."""
    take_stage(record, found)
    record.sentences.append(found.evidence)


def places(localities: set) -> set:
    """The places of (level, locality) pairs, whatever their level: a city council is of its city."""
    return {where for _, where in localities}


def known_places(localities: set) -> bool:
    """Whether any of the (level, locality) pairs is a territory the gazetteer knows."""
    return any(level == "territory" and place_by_id(where) is not None for level, where in localities)


def other_partners(record: Agreement, found: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """Whether two records, each with partners named by "с", name different partners."""
    if not record.sides or not found.sides:
        return False
    partners = lambda r: party_localities([p for p in r.parties if p not in r.sides], territory, kinds)
    return not partners(record) & partners(found)


def other_branches(record: Agreement, found: Agreement) -> bool:
    """Whether each record's parties are all bodies and no branch is on both: "Гомельский облисполком | правительство
    Республики Башкортостан" and "Гомельский областной Совет депутатов | Государственное собрание — Курултай Республики
    Башкортостан" (executives, then assemblies) are two agreements of the same two regions."""
    def branches(r: Agreement) -> set:
        kinds = [branch_of(p) for p in r.parties]
        return set(kinds) if len(kinds) >= 2 and all(kinds) else set()
    a, b = branches(record), branches(found)
    return bool(a and b) and not a & b


def branch_of(party: str) -> str:
    """"executive" or "body" (an assembly or chamber), by the first word of the party's name the lexicon gives either;
    "" for a place."""
    for word in re.findall(r"[а-яё]+", party.lower()):
        kind = word_kind(morph_vocab().parse(word)[0].normal_form)
        if kind in ("executive", "body"):
            return kind
    return ""


def twinning_by_agreement(record: Agreement, found: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """A twinning and a cooperation agreement or memorandum at the same stage between the same places are one act:
    "Стаханов установил побратимские отношения с Измалковским районом" over "Соглашение о
    сотрудничестве подписано между исполкомом ... и администрацией ...", "Севастополь и Латакия стали
    городами-побратимами: соответствующий меморандум подписан"."""
    if {record.kind, found.kind} not in ({TWINNING, "cooperation_agreement"}, {TWINNING, "memorandum"}) or record.status != found.status:
        return False
    if record.standing or found.standing:
        return False  # "договор о сотрудничестве между городами-побратимами": an agreement of towns that are twins already
    if documents_apart(record, found):
        return False  # "подписали соглашение о подтверждении побратимских связей и соглашение о сотрудничестве": two documents
    if told_apart_in_time(record, found):
        return False  # "31 год назад Улан-Удэ и Маньчжурия стали побратимами" beside "Сегодня ... подписали Меморандум"
    if not found.parties and found.evidence == record.evidence:
        return True  # "X и Y стали городами-побратимами: соответствующий меморандум подписан": its document, no one else's
    a = party_localities(record.parties, territory, kinds)
    b = party_localities(found.parties, territory, kinds)
    return bool(a and b) and (a <= b or b <= a) and len(a | b) >= 2  # the headline may name one side only


def party_locality(party: str, territory: dict[str, str], kinds: dict[str, str]) -> tuple[str, str]:
    """The locality a party stands for: a body's own territory as its name gives it ("исполком Стахановского
    горсовета Луганской области" is Stakhanov's), else the first place named inside it, else the party; an authority
    Russia installed stands in its territory ("Крым" and "Республика Крым": data/authority_territories.csv)."""
    own = territory_of(party) if kinds.get(party) == "organization" else None
    place = own.name if own else territory.get(party, party)
    level, where = locality(place, own.type if own else kinds.get(place, ""))
    return level, authority_territories().get(where, where)


@lru_cache(maxsize=1)
def authority_territories() -> dict[str, str]:
    """The place id of the territory each installed authority stands in, by the authority's place id."""
    return {row["place_id"]: row["territory"] for row in read_data("authority_territories.csv")}


def party_localities(parties: list[str], territory: dict[str, str], kinds: dict[str, str]) -> set[tuple[str, str]]:
    """The localities the parties stand for (``party_locality``), as a set."""
    return {party_locality(p, territory, kinds) for p in parties}


def stands_for_territory(party: str, territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """A body that acts for the territory its name holds, not a unit of another body."""
    return (party in territory or kinds.get(party) == "organization") and not part_of_a_body(party)


def without_bare_territories(parties: list[str], territory: dict[str, str], kinds: dict[str, str]) -> list[str]:
    """The parties less each bare territory whose own body is a party too."""
    bodies = {party_locality(p, territory, kinds)[1] for p in parties if stands_for_territory(p, territory, kinds)}
    return [p for p in parties if p in territory or kinds.get(p) == "organization" or party_locality(p, territory, kinds)[1] not in bodies]


def told_in_pairs(records: list[Agreement], found: Agreement, territory: dict[str, str], kinds: dict[str, str]) -> bool:
    """Whether a plural noun's record names again the agreements one plural noun named with each partner, its parties
    each a party of one of them at the same stage: "заключило соглашения ... с законодательными органами Омской и
    Сахалинской областей", then "Подписи под соглашениями поставили ... спикер Сахалинской областной думы ... и
    председатель Законодательного собрания Омской области". Those records take its sentence."""
    if not found.several or found.one_of_pairs or len(found.parties) < 2:
        return False
    pairs = [r for r in records if r.one_of_pairs and r.kind == found.kind and r.status == found.status and not r.vague]
    localities = [party_localities(r.parties, territory, kinds) for r in pairs]
    own = party_localities(found.parties, territory, kinds)
    theirs = [r for r, places in zip(pairs, localities) if own & places]
    if len(theirs) < 2 or not own <= set().union(*localities):
        return False
    for record in theirs:
        record.sentences += [found.evidence] if found.evidence not in record.sentences else []
    return True


def merged_parties(old: list[str], new: list[str], territory: dict[str, str], kinds: dict[str, str]) -> list[str]:
    """Union of two party lists, a body replacing the bare territory it stands for, and a body's full name the same
    body's name without its territory."""
    out = list(old)
    for party in new:
        if party in out:
            continue
        # "Народный Совет", then "Народный Совет Луганской Народной Республики": one body, named with its territory
        shorter = next((p for p in out if without_its_territory(p, party)), None)
        if shorter is not None:
            out[out.index(shorter)] = party
            continue
        if any(without_its_territory(party, p) for p in out):
            continue
        where = party_locality(party, territory, kinds)[1]
        same_place = [p for p in out if party_locality(p, territory, kinds)[1] == where]
        if not same_place:
            out.append(party)
        elif kinds.get(party) == "district" and (town := next((p for p in same_place if kinds.get(p) == "city"), None)):
            out[out.index(town)] = party  # "Смоленск и Орша" in a headline, "... с Оршанским районом" in the body: the district
        elif kinds.get(party) == "occupation_authority" and (land := next((p for p in same_place if kinds.get(p) != "occupation_authority"), None)):
            out[out.index(land)] = party  # "Крым" in a headline, "Республика Крым" in the body: the authority that signed
        elif stands_for_territory(party, territory, kinds):
            bare = [p for p in same_place if p not in territory and kinds.get(p) != "organization"]
            if bare:
                out[out.index(bare[0])] = party  # the body replaces the bare territory it stands for
    return out


def without_its_territory(short: str, full: str) -> bool:
    """Whether ``short`` names the body ``full`` names with its territory ("Народный Совет", "Народный Совет Луганской
    Народной Республики")."""
    return full.startswith(short + " ") and find_place(full[len(short) + 1 :]) is not None


def part_of_a_body(name: str) -> bool:
    """Whether the body's name holds another body it belongs to: "департамент внешних связей правительства провинции
    Хунань" is a unit of the province's government, and signs for it without being the side of the agreement."""
    parses = [morph_vocab().parse(w)[0] for w in re.findall(r"[а-яё]+", name.lower())]
    # its noun after any adjective: "профильные управления администрации Тамбова" are units too
    nouns = list(itertools.dropwhile(lambda p: {"ADJF", "PRTF"} & p.tag.grammemes, parses))
    lemmas = [p.normal_form for p in nouns]
    return bool(lemmas) and lemmas[0] in read_words("government_units.csv") and any(
        word_kind(lemma) in ("executive", "body") for lemma in lemmas[1:])


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


