"""Places the NER misses or reads as persons in a sentence about an agreement.

"Орёл и Могилёв подписали протокол" (no name found), "Владимир и Эрланген отметили 40-летие побратимских
связей" (two first names), "Литовский Алитус вышел из соглашения": beside a word of an agreement, a
capitalised proper noun that the gazetteer knows as a town or region of ``MIN_POPULATION`` people or more
names that place (a region whatever its size: "Брянщина и Гомельщина подписали"), where the NER found nothing there or only a lone first name with no office. A person
who signs is named with a first and last name or an office, so a lone "Владимир" there is the city.
"""

from functools import lru_cache

from .actors import Mention, office_territories
from .datafiles import read_words
from .events import event_terms
from .gazetteer import find_place, region_or_town_of_adjective, word_kind
from .morph import region_nouns
from .nlp import morph_vocab
from .sentence import TWIN_STEM, category, terms

MIN_POPULATION = 10_000  # a village whose name is also a common word ("Мир", "Сокол" of 500 people) is no party
AGREEMENT_CATEGORIES = ("noun", "anniversary")


@lru_cache(maxsize=1)
def last_words_of_terms() -> frozenset[str]:
    """The head word of each multi-word agreement noun: "карта" of "дорожная карта", "мероприятие" of "план мероприятий"."""
    return frozenset(lemma.split()[-1] for lemma, (kind, _) in terms().items() if kind == "noun" and " " in lemma)


def about_an_agreement(sent) -> bool:
    """The sentence has a noun of an agreement ("протокол", "дорожная карта", "побратимские связи") or an anniversary."""
    return any(category(t) in AGREEMENT_CATEGORIES or (t.lemma or "").startswith(TWIN_STEM) or (t.lemma or "") in last_words_of_terms()
               for t in sent.tokens)


def lone_first_name(mention: Mention, token) -> bool:
    """A person mention of this one token alone, with no office: what the NER makes of "Владимир" or "Эрланген"."""
    return mention.type == "person" and not mention.role and (mention.start, mention.stop) == (token.start, token.stop)


def beside_a_common_noun(token, sent) -> bool:
    """The name stands in apposition to a common noun other than a town's or region's: "Хоккеист Владимир",
    "Владимир, капитан команды" name a person; "город Владимир" names the town."""
    by_id = {t.id: t for t in sent.tokens}
    nouns = [by_id.get(token.head_id)] if token.rel == "appos" else []
    nouns += [t for t in sent.tokens if t.head_id == token.id and t.rel == "appos"]
    return any(n is not None and n.pos in ("NOUN", "PROPN") and word_kind(n.lemma or "") != "settlement"
               and (n.lemma or "") not in region_nouns() for n in nouns)


def after_a_first_name(token, sent) -> bool:
    """The word follows a first name, so it is a surname: "родины Алексея Стаханова" names the miner, not the town."""
    index = sent.tokens.index(token)
    before = sent.tokens[index - 1] if index else None
    return before is not None and before.text[:1].isupper() and any("Name" in p.tag for p in morph_vocab().parse(before.text.lower()))


def places_beside_agreements(doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the towns and regions of sentences about agreements that the NER missed or took for
    persons made places (a person's mention is retyped in place), and the places of authorities and delegations named
    by an adjective in sentences about agreements or events, in text order."""
    out = list(mentions)
    for sent in doc.sents:
        agreement = about_an_agreement(sent)
        if agreement or any((t.lemma or "") in event_terms() for t in sent.tokens):
            out += authorities_by_adjective(sent, out)  # "воронежские власти подписали", "визит курской делегации"
        if not agreement:
            continue
        for token in sent.tokens:
            if token.pos != "PROPN" or not token.text[:1].isupper() or beside_a_common_noun(token, sent) or after_a_first_name(token, sent):
                continue
            covering = [m for m in out if m.start <= token.start < m.stop]
            if any(not lone_first_name(m, token) for m in covering):
                continue
            place = find_place(token.text) or find_place(token.lemma or "")
            # a region's name or short form ("Брянщина") is no common word; a town's may be, unless the town is large
            if place is None or place.type not in ("city", "region") or place.type == "city" and place.population < MIN_POPULATION:
                continue
            for m in covering:
                m.type, m.name, m.place_id = place.type, place.name, place.place_id
            if not covering:
                out.append(Mention(token.start, token.stop, token.text, place.type, place.name, tokens=[token], place_id=place.place_id))
    return sorted(out, key=lambda m: (m.start, -m.stop))


def authorities_by_adjective(sent, mentions: list[Mention]) -> list[Mention]:
    """The places of an executive or of those who act for a place (data/representative_nouns.csv) named by an adjective
    of place, as news writes regional authorities ("Воронежские и ростовские власти заключили соглашение", "курская
    делегация"): each adjective of a run of adjectives ("и", commas between) that ends on such a noun is its place's
    mention (a region the adjective names alone, else the large town it is made from), where no mention covers it.
    Read in the order of the words, since the parser may hang the noun on the first adjective."""
    found, run = [], []
    for token in sent.tokens:
        if token.pos == "ADJ":
            run.append(token)
        elif token.text.lower() in ("и", ",") and run:
            continue
        else:
            if run and acts_for_a_place(token):
                for adjective in run:
                    place = region_or_town_of_adjective(adjective.lemma or "")
                    if place is not None and place.type in ("region", "city") and not any(m.start <= adjective.start < m.stop for m in mentions):
                        found.append(Mention(adjective.start, adjective.stop, adjective.text, place.type, place.name, tokens=[adjective],
                                             place_id=place.place_id))
            run = []
    return found


def acts_for_a_place(token) -> bool:
    """A noun of an executive or of those who act for a place: "власти", "администрация", "делегация"; or the head of
    a region (office_territories.csv: "Омский и иркутский губернаторы подписали")."""
    return token.pos == "NOUN" and (acts_for(token.lemma or "") or (token.lemma or "") in heads_of_regions())


@lru_cache(maxsize=1)
def heads_of_regions() -> frozenset[str]:
    """The one-word offices that belong to a region alone (office_territories.csv): "губернатор"."""
    return frozenset(words[0] for words, types in office_territories() if types == {"region"} and len(words) == 1)


def acts_for(lemma: str) -> bool:
    """Whether the lemma names an executive or those who act for a place (data/representative_nouns.csv)."""
    return word_kind(lemma) == "executive" or lemma in read_words("representative_nouns.csv")
