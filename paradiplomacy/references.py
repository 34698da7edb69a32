"""The text's own place named only by its kind: "соглашение ... нашего региона и Республики Абхазия", "между
Республикой и гуманитарным центром" after a headline naming the republic.

Such a reference stands for the one place of that kind (``data/generic_places.csv``) the text names (or, of several,
the one the title names, else the one named before the reference), less the places the sentence itself names and any
place of a state the sentence names ("между нашим регионом и казахстанским субъектом" is not a
region of Kazakhstan). Where the text leaves two such places possible, the reference stays unresolved: a guess
would make a party the text does not give.
"""

from functools import lru_cache

from .actors import Mention, state_adjectives
from .datafiles import read_data, read_words
from .gazetteer import named_places, place_by_id, territory_levels, word_kind
from .sentence import category

OWN = "наш"  # "наш регион", "нашей области"
AUTHORITIES = "власть"  # "областные / городские власти": the adjective's level of territory (gazetteer.territory_levels)
QUOTES = set("«\"„“'")  # «Республика» in quotation marks is a title (a newspaper, a hotel), not a place
SIDES_VERBS = ("act", "agree", "bind", "plan")  # verbs whose subjects are an agreement's sides (data/agreement_terms.csv)


@lru_cache(maxsize=1)
def kind_nouns() -> dict[str, frozenset[str]]:
    """The place types each noun of a kind of place can stand for, by its lemma."""
    return {row["lemma"]: frozenset(row["types"].split("|")) for row in read_data("generic_places.csv")}


def reference_spans(sent) -> list[tuple[list, frozenset[str]]]:
    """The tokens of each reference to the text's own place in the sentence, with the types it may stand for: "наш"
    before a noun of a kind of place, or such a noun alone with a capital inside the sentence and no name after it."""
    found, tokens = [], sent.tokens
    for i, token in enumerate(tokens):
        lemma = (token.lemma or "").lower()
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if lemma == OWN and after is not None and (after.lemma or "") in kind_nouns():
            found.append(([token, after], kind_nouns()[after.lemma]))
        elif (token.pos == "ADJ" and lemma in territory_levels() and after is not None and (after.lemma or "") == AUTHORITIES
              and not token.text[:1].isupper()):
            found.append(([token, after], frozenset({territory_levels()[lemma]})))  # "областные власти": the text's own region's
        elif (i and lemma in kind_nouns() and token.text[:1].isupper() and not tokens[i - 1].text[:1].isupper()
              and tokens[i - 1].text not in QUOTES and (after is None or not after.text[:1].isupper())):
            found.append(([token], kind_nouns()[lemma]))
        elif lemma in kind_nouns() and (one_side_of_a_tie(token, tokens, after) or bare_party(token, i, tokens, after)):
            found.append(([token], kind_nouns()[lemma]))
    return found


def bare_party(token, index: int, tokens, after) -> bool:
    """Whether a bare singular noun of a kind of place, with no word of its own and no name after it, is a side of
    an agreement: under "между" ("между регионом и республикой было заключено соглашение") or "у" (the owner of
    agreements: "у региона 20 соглашений с другими субъектами"), or a subject of a verb of
    signing or agreeing ("Город и область заключили соглашение"), itself or the first of its conjuncts."""
    before = tokens[index - 1] if index else None  # an adjective right before, wherever the parser hung it ("Перевальским районом")
    if (token.feats.get("Number") != "Sing" or token.text[:1].isupper() and index
            or after is not None and after.text[:1].isupper() or before is not None and before.pos in ("ADJ", "DET", "PROPN")
            or any(t.head_id == token.id and t.rel in ("amod", "det", "nmod", "appos", "flat:name") and not adverbial(t, token, tokens) for t in tokens)):
        return False  # the cheap tests first: most nouns of a kind of place have a word of their own
    by_id = {t.id: t for t in tokens}
    first = by_id.get(token.head_id) if token.rel == "conj" else token
    if first is None:
        return False
    if any(t.head_id == first.id and t.rel == "case" and t.text.lower() in ("между", "у") for t in tokens):
        return True  # "между регионом и республикой", "у региона 20 соглашений с другими субъектами" (the owner)
    verb = by_id.get(first.head_id)
    return first.rel in ("nsubj", "nsubj:pass") and verb is not None and category(verb) in SIDES_VERBS


def adverbial(word, noun, tokens) -> bool:
    """Whether a prepositional phrase hung on a noun that heads a verbless clause is the clause's own adverbial, not
    the noun's word: "к настоящему моменту у региона 20 соглашений" (the parser makes "региона" the root)."""
    return noun.rel == "root" and word.rel == "nmod" and any(t.head_id == word.id and t.rel == "case" for t in tokens)


def one_side_of_a_tie(token, tokens, after) -> bool:
    """Whether a bare noun of a kind of place is one side of a tie whose other has "с": "соглашение о сотрудничестве
    региона с Гомельской областью" (singular, lower case, with no word of its own and no name after it)."""
    head = next((t for t in tokens if t.id == token.head_id), None)
    return (token.rel == "nmod" and token.feats.get("Case") == "Gen" and token.feats.get("Number") == "Sing"
            and not token.text[:1].isupper() and head is not None and (head.lemma or "") in read_words("cooperation_nouns.csv")
            and not any(t.head_id == token.id and t.rel in ("amod", "det", "nmod", "appos") for t in tokens)
            and after is not None and after.text.lower() in ("с", "со"))


def states_named(sent, mentions: list[Mention]) -> set[str]:
    """The states (by English name) the sentence names, as a name or as an adjective ("казахстанским")."""
    codes = {state_adjectives().get((t.lemma or "").lower()) for t in sent.tokens}
    places = [place_by_id(code) for code in codes if code] + [place_by_id(m.place_id) for m in mentions
                                                                 if m.type == "country" and sent.start <= m.start < sent.stop]
    return {p.name_latin for p in places if p is not None}


def in_a_title(start: int, mentions: list[Mention]) -> bool:
    """Whether a place's word lies in the proper name of an organisation that is no government body, every word of it
    capitalised ("по данным Псковской Ленты Новостей": an outlet, which names no place of the sentence)."""
    return any(m.type in ("organization", "other") and m.start <= start < m.stop and len(m.tokens) > 1
               and all(t.text[:1].isupper() for t in m.tokens if t.text.isalpha())
               and not any(word_kind(t.lemma or "") in ("body", "executive") for t in m.tokens) for m in mentions)


def resolve_references(doc, mentions: list[Mention], title_stop: int = 0) -> list[Mention]:
    """The mentions, with a mention of the text's own place for each reference that names it by kind alone (replacing
    a mention the actor stage made of the bare noun: "Республика"). Of two places the reference may be, the one the
    title (the text before ``title_stop``) names is the text's own."""
    places = named_places(doc.text)
    titled = {p.place_id for s, _, p in places if s < title_stop}
    for sent in doc.sents:
        for tokens, types in reference_spans(sent):
            start, stop = tokens[0].start, tokens[-1].stop
            states = states_named(sent, mentions)
            inside = {p.place_id for s, _, p in places if sent.start <= s < sent.stop and not in_a_title(s, mentions)}
            candidates = {p.place_id: p for _, _, p in places if p.type in types and p.place_id not in inside and p.state not in states}
            if len(candidates) > 1 and len(set(candidates) & titled) == 1:
                candidates = {k: v for k, v in candidates.items() if k in titled}
            before = {p.place_id for s, _, p in places if s < start}
            if len(candidates) > 1 and len(set(candidates) & before) == 1:
                # a reference points back: of the places it may be, the one named before it ("Губернатор Псковской
                # области ... У региона 20 соглашений. В их числе Москва, Тверская область ...")
                candidates = {k: v for k, v in candidates.items() if k in before}
            # of two regions, the one whose name holds the noun: "между округом и областью" after "Главы НАО и
            # Архангельской области" (Ненецкий автономный округ, Архангельская область)
            called = {k: v for k, v in candidates.items() if (tokens[-1].lemma or "").lower() in v.name.lower().split()}
            if len(candidates) > 1 and len(called) == 1:
                candidates = called
            if len(candidates) != 1:
                continue
            place = next(iter(candidates.values()))
            mentions = [m for m in mentions if not (start <= m.start < stop or m.start <= start < m.stop)]
            mentions.append(Mention(start, stop, doc.text[start:stop], place.type, place.name, tokens=list(tokens), place_id=place.place_id))
    return sorted(mentions, key=lambda m: (m.start, -m.stop))
