"""Which sentences the syntax parser reads.

The parser costs as much as the morphology tagger or the NER, and most
sentences of a general archive hold no word any rule starts from. It reads:

- the title, which reports an agreement as often as the body does;
- a sentence with a word of an agreement (an act noun, "побратимы", a verb of
  agreeing that makes an accord, an anniversary), of a meeting, visit or
  session, of sending a delegation, or a local body's name; an anaphor
  ("документ") only where the document names an agreement elsewhere, and so a noun of a tie between places
  beside a word of breaking it off or concluding it ("разорвала отношения с Москвой", "заключить новое
  партнерство", ``data/twinning_tie_nouns.csv``);
- a sentence with a body's common noun ("администрация района"), whose
  complement makes the body's name; one with an office word beside a name the
  NER found (the person's office); one where the NER's organisation is
  followed at once by another name (its genitive complement, "Форум регионов
  Беларуси");
- a sentence with a word of speech (the quotation's speaker).

The words come from the rules' own data files, so a word added to a rule's
list is read by the parser too. The other sentences keep their morphology,
lemmas and names; their tokens have no syntax (see ``nlp.without_syntax``).

A whole article with no word a record is anchored on (most of a general
archive) is not parsed at all (``may_start_a_rule``): no agreement or event
rule could fire in it. The anchors are fewer than the words above: a verb of
sending a delegation, a local body, an act noun ("подписание", "заключение")
or an anniversary only qualify a record that an agreement noun, a verb of
agreeing, a word of twinning or an event term starts.
"""

import re
from functools import lru_cache

from .datafiles import read_data, read_words
from .events import event_phrases, event_terms
from .gazetteer import word_kind
from .nlp import morph_vocab
from .quotations import speech_words
from .sentence import TWIN_STEM, category, partner_town_nouns, terms

ACT_CATEGORIES = ("noun", "act_noun", "anniversary")  # verbs of signing or planning act only on these nouns


def record_verbs() -> frozenset[str]:
    """The verbs that report a record on their own: of agreeing ("договориться") and of twinning ("побрататься")."""
    return read_words("accord_verbs.csv") | read_words("twinning_verbs.csv")


@lru_cache(maxsize=1)
def act_terms() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """Single-word lemmas that start a rule, and the multi-word terms as sets of lemmas ("дорожный карта")."""
    words = set(event_terms()) | record_verbs() | read_words("delegating_verbs.csv") | read_words("local_bodies.csv")
    single, multi = with_terms(words | partner_town_nouns(), ACT_CATEGORIES)
    return single, multi + tuple(frozenset(pair) for pair in event_phrases())  # "принял" with "делегацию"


def with_terms(words: set[str], categories) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The single-word lemmas ``words`` and the agreement terms of ``categories``, and those terms of several words
    as sets of lemmas."""
    single, multi = set(words), []
    for lemma, (kind, _) in terms().items():
        if kind in categories:
            parts = lemma.split()
            if len(parts) == 1:
                single.add(lemma)
            else:
                multi.append(frozenset(parts))
    return frozenset(single), tuple(multi)


@lru_cache(maxsize=1)
def ending_words() -> frozenset[str]:
    """Lemmas of ending or suspending an agreement ("разорвать", "разрыв", "приостановить")."""
    return frozenset(lemma for lemma, (kind, _) in terms().items() if kind in ("terminate", "suspend"))


@lru_cache(maxsize=1)
def tie_verbs() -> frozenset[str]:
    """What makes a tie between places a twinning in an article about twin towns: a word of ending or suspending it,
    or of concluding it ("решил заключить новое партнерство с Черновцами")."""
    return ending_words() | frozenset(lemma for lemma, (kind, _) in terms().items() if kind == "act")


@lru_cache(maxsize=1)
def anaphors() -> frozenset[str]:
    return frozenset(lemma for lemma, (kind, _) in terms().items() if kind == "anaphor")


def with_last_parts(lemmas: set[str]) -> set[str]:
    """The lemmas, each hyphenated one also by its last part, as the rules read it ("городами-побратим")."""
    return lemmas | {lemma.rpartition("-")[2] for lemma in lemmas if "-" in lemma}


def lemmas_of(sent) -> set[str]:
    """The sentence's lemmas, as the rules read them (``with_last_parts``)."""
    return with_last_parts({(t.lemma or "").lower().replace("ё", "е") for t in sent.tokens})


def holds_act_term(lemmas: set[str]) -> bool:
    """Whether the lemmas hold a word a rule starts from, or every word of a multi-word term."""
    single, multi = act_terms()
    return bool(lemmas & single) or any(words <= lemmas for words in multi)


def has_act(sent, lemmas: set[str]) -> bool:
    return holds_act_term(lemmas) or any(category(t) == "anniversary" for t in sent.tokens)


WORD = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=1)
def record_anchors() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The lemmas a record starts from (event terms, verbs of agreeing, agreement nouns), and the multi-word
    agreement nouns as sets of lemmas. Words of twinning (``TWIN_STEM``) anchor records too."""
    return with_terms(set(event_terms()) | record_verbs() | partner_town_nouns(), ("noun",))


@lru_cache(maxsize=100_000)
def dictionary_forms(word: str) -> frozenset[str]:
    """The lower-case ``word`` and every normal form pymorphy offers for it, ё read as е, hyphenated ones also by
    their last part. Cached: most words of an archive recur from article to article."""
    return frozenset(with_last_parts({f.replace("ё", "е") for f in {word} | {p.normal_form for p in morph_vocab().parse(word)}}))


# Prefixes of degree that a word's dictionary form drops ("поближе", "наилучший"): a word is also read after them.
DEGREE_PREFIXES = ("по", "наи")


def beginnings(word: str) -> set[str]:
    """The first three letters of the word (ё read as е), and of the word after a prefix of degree."""
    word = word.replace("ё", "е")
    return {word[:3]} | {word[len(p):len(p) + 3] for p in DEGREE_PREFIXES if word.startswith(p)}


@lru_cache(maxsize=1)
def anchor_beginnings() -> frozenset[str]:
    single, multi = record_anchors()
    return frozenset(b for lemma in set(single).union(*multi) | {TWIN_STEM} for b in beginnings(lemma))


def may_be_an_anchor(word: str) -> bool:
    """Whether the lower-case word could have an anchor among its dictionary forms: Russian inflection keeps a word's
    beginning, so only a word that begins as an anchor does (or a short or hyphenated one, read whole). This spares
    the dictionary most words of an archive (a test checks every form of every anchor passes)."""
    return len(word) < 4 or "-" in word or TWIN_STEM in word or bool(beginnings(word) & anchor_beginnings())


def may_start_a_rule(text: str) -> bool:
    """Whether any word of ``text``, read as any of its dictionary forms, is one a record is anchored on
    (``record_anchors``). Before any tagging, every form pymorphy offers counts, so each lemma the tagger
    could choose is among them: a text this rejects yields no agreement and no event."""
    words = [w for w in set(WORD.findall(text.lower())) if may_be_an_anchor(w)]
    lemmas = set().union(*map(dictionary_forms, words))
    single, multi = record_anchors()
    return bool(lemmas & single) or any(words <= lemmas for words in multi) or any(TWIN_STEM in lemma for lemma in lemmas)


def names_a_body_or_office(sent, lemmas: set[str], text: str) -> bool:
    kinds = {word_kind(lemma) for lemma in lemmas}
    if kinds & {"body", "executive"} or "office" in kinds and sent.spans:
        return True
    return any(a.type == "ORG" and not text[a.stop : b.start].strip() for a, b in zip(sent.spans, sent.spans[1:]))


def needs_syntax(doc, title_stop: int = 0) -> list[bool]:
    """For each sentence of the tagged, NER-tagged and lemmatised ``doc``: whether the parser should read it.

    ``title_stop`` is where the title ends in the text (0: no title)."""
    lemmas = [lemmas_of(s) for s in doc.sents]
    acts = [has_act(s, ls) for s, ls in zip(doc.sents, lemmas)]
    document_acts = any(acts)
    speech = speech_words()
    # "На заседании были одобрены следующие проекты постановлений:" gives the stage of the documents listed after it
    opens_a_list = [s.text.rstrip().endswith(":") and i + 1 < len(acts) and acts[i + 1] for i, s in enumerate(doc.sents)]
    return [
        sent.start < title_stop or act or opens or (document_acts and bool(ls & anaphors()))
        or (document_acts and bool(ls & read_words("twinning_tie_nouns.csv")) and bool(ls & tie_verbs()))
        or (document_acts and bool(ls & read_words("twin_partner_nouns.csv")))
        # "Праздничные мероприятия состоялись в Луганской области": where the event just reported was held
        or (document_acts and bool(ls & read_words("event_anaphors.csv")) and bool(ls & read_words("holding_verbs.csv")))
        or names_a_body_or_office(sent, ls, doc.text) or any(lemma in speech for lemma in ls)
        for sent, ls, act, opens in zip(doc.sents, lemmas, acts, opens_a_list)
    ]
