"""The one natasha pipeline of a process, loaded on first use.

Natasha's models ship inside its packages (navec embeddings, slovnet taggers,
pymorphy2 dictionaries), so nothing is downloaded at run time.
"""

import bisect
import re
from functools import lru_cache

import numpy as np

from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.doc import DocSpan, inject_morph, inject_syntax, offset_syntax
from natasha.segment import Sent
from pymorphy2 import MorphAnalyzer
from slovnet.bio import bio_spans

from .datafiles import read_data

# pymorphy's cases as Universal Dependencies writes them (for a tag the dictionary corrects; UD_CASE reads them back)
UD_CASES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"}
UD_CASE = {ud: case for case, ud in UD_CASES.items()}  # pymorphy's case of each Universal Dependencies case
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
PIECE = re.compile(r"\S+")
# Longer "sentences" (a table flattened into a line, a run of words with no punctuation) are cut into
# pieces of this many words: the syntax parser's cost grows with the square of the longest sentence in
# its batch, so one sentence of 5,000 words made every sentence batched with it cost as much as it.
# News sentences are well under it.
MAX_SENTENCE_WORDS = 150
QUOTED_NAME_TAIL = 3  # words after a full stop inside a quoted name before its closing »
# A wire dateline before the first sentence, in capitals and ended by a dash: "КАЗИНФОРМ - ", "МОСКВА, 5 мая — ".
# Words of four letters or more, so that "ДНР — ..." stays a sentence; the parser took "КАЗИНФОРМ" for a subject.
DATELINE = re.compile(r"^(?:[А-ЯЁA-Z][А-ЯЁA-Z-]{3,}[ ,.]+){1,3}(?:\d{1,2} [а-яё]+\.? )?[-–—] ")


class ParagraphSegmenter(Segmenter):
    """Natasha's segmenter, but no sentence crosses a paragraph break, and none is over MAX_SENTENCE_WORDS.

    A headline has no full stop, so razdel would glue it to the first
    sentence of the body.
    """

    def sentenize(self, text):
        for paragraph in PARAGRAPH.finditer(text):
            for start, stop in quoted_names_joined(list(super().sentenize(paragraph.group()))):
                for start, stop in glued_apart(paragraph.group(), start, stop):
                    sentence = paragraph.group()[start:stop]
                    for piece_start, piece_stop in without_dateline(sentence):
                        offset = start + paragraph.start()
                        yield Sent(offset + piece_start, offset + piece_stop, sentence[piece_start:piece_stop])


GLUED = re.compile(r"(?<=[а-яё])\.(?=[А-ЯЁ])")
GLUED_MIN_LETTERS = 4  # "г.Москва", "ул.Ленина", "обл.Гомель": an abbreviation's full stop before a name ends nothing


def glued_apart(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(start, stop) of the sentence ``text[start:stop]`` cut after each full stop that a scraped text left with no space
    before the next sentence ("— прокомментировала Бабушкина.С 2019 года ..."): the word before it a word of the
    dictionary (or a name) of at least GLUED_MIN_LETTERS letters, not an abbreviation; razdel does not cut there."""
    cuts = []
    for found in GLUED.finditer(text, start, stop):
        word = re.search(r"[А-ЯЁа-яё]+$", text[start : found.start()])
        if word and len(word.group()) >= GLUED_MIN_LETTERS and morph_vocab().parse(word.group().lower())[0].is_known:
            cuts.append(found.end())
    bounds = [start] + cuts + [stop]
    return [(a, b) for a, b in zip(bounds, bounds[1:])]


def quoted_names_joined(sents) -> list[tuple[int, int]]:
    """(start, stop) of razdel's sentences, joining two where a full stop fell inside a quoted name: the
    first leaves a «» open and the second closes it within its first QUOTED_NAME_TAIL words ("на выставку
    «ИННОПРОМ. Беларусь» в Минске"). Quoted speech of several sentences closes later and stays apart."""
    spans = []
    for sent in sents:
        previous = spans[-1] if spans else None
        head = " ".join(sent.text.split()[:QUOTED_NAME_TAIL])
        if previous is not None and previous[2].count("«") > previous[2].count("»") and "»" in head:
            spans[-1] = (previous[0], sent.stop, previous[2] + sent.text)
        else:
            spans.append((sent.start, sent.stop, sent.text))
    return [(start, stop) for start, stop, _ in spans]


def within_sentences(spans, doc: Doc) -> list[DocSpan]:
    """The tagger's spans, each within one sentence: reading the text as one sequence, it can run a name across a
    sentence break ("КАЗИНФОРМ - Аким Павлодарской области" over a wire dateline). A span cut by a break keeps its
    piece of most words (the first of equals), from its first to its last word."""
    starts = [sent.start for sent in doc.sents]
    out = []
    for span in spans:
        first = max(0, bisect.bisect_right(starts, span.start) - 1)
        pieces = []
        for sent in doc.sents[first:]:
            if sent.start >= span.stop:
                break
            words = [t for t in sent.tokens if span.start <= t.start and t.stop <= span.stop and any(c.isalnum() for c in t.text)]
            if words:
                pieces.append(words)
        if pieces:
            words = max(pieces, key=len)
            out.append(DocSpan(words[0].start, words[-1].stop, span.type, doc.text[words[0].start : words[-1].stop]))
    return out


def without_dateline(sentence: str) -> list[tuple[int, int]]:
    """The sentence as (start, stop) pieces (``bounded``), a wire dateline at its start a piece of its own."""
    found = DATELINE.match(sentence)
    if found is None or found.end() == len(sentence):
        return bounded(sentence)
    rest = found.end()
    return [(0, rest - 1)] + [(rest + a, rest + b) for a, b in bounded(sentence[rest:])]


def bounded(text: str, limit: int = MAX_SENTENCE_WORDS) -> list[tuple[int, int]]:
    """``text`` as (start, stop) pieces of at most ``limit`` whitespace-separated words (usually one piece)."""
    words = [m.span() for m in PIECE.finditer(text)]
    if len(words) <= limit:
        return [(0, len(text))]
    return [(words[i][0], words[min(i + limit, len(words)) - 1][1]) for i in range(0, len(words), limit)]


class Pipeline:
    def __init__(self):
        self.segmenter = ParagraphSegmenter()
        self.morph_vocab = morph_vocab()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)

    def parse(self, text: str, needs_syntax=None) -> Doc:
        """Return ``text`` segmented, morph-tagged, NER-tagged, lemmatised and parsed.

        ``needs_syntax(doc)``, given the doc before parsing, says for each sentence whether the
        parser reads it (default: every sentence); the others get ``without_syntax``."""
        doc = Doc(text)
        doc.segment(self.segmenter)
        self.tag_morph(doc)
        self.tag_ner(doc)
        # a sentence's first word, which the tagger may take for a name by its capital ("— Подписали с Костромой ...")
        first_words = {id(first) for sent in doc.sents if (first := next((t for t in sent.tokens if t.pos != "PUNCT"), None))}
        for token in doc.tokens:
            noun = self.noun_reading(token.text) if token.pos in ("VERB", "ADJ") else None
            adjective = self.adjective_reading(token.text.lower()) if token.pos == "VERB" and noun is None else None
            slipped = token.pos == "ADV" or token.pos == "PROPN" and id(token) in first_words
            verb = self.finite_verb_reading(token.text.lower()) if slipped else None
            if verb is not None:  # "истёк" as an adverb: the tagger's slip on a word the dictionary knows only as a verb
                token.pos, token.lemma = "VERB", verb.normal_form
                token.feats = {"VerbForm": "Fin", "Tense": "Past" if verb.tag.tense == "past" else "Pres"}
                if verb.tag.number:
                    token.feats["Number"] = "Plur" if verb.tag.number == "plur" else "Sing"
            elif noun is not None:  # "договорённость" as a verb, "акиматом" as an adjective: the tagger's slips
                token.pos, token.lemma = "NOUN", noun.normal_form
                token.feats = {"Case": UD_CASES.get(noun.tag.case, ""), "Number": "Plur" if noun.tag.number == "plur" else "Sing"}
            elif token.pos in ("NOUN", "PROPN") and (reading := self.lexical_reading(token.text.lower(), token.feats.get("Case", ""))) is not None:
                # "акиматом" tagged nominative, "Акиматом" a name: the lexicon's noun the dictionary guesses, in the case it reads
                token.pos, token.lemma = "NOUN", reading.normal_form
                token.feats = {**token.feats, "Case": UD_CASES.get(reading.tag.case, "")}
            elif adjective is not None:  # "побратимские" as a verb
                token.pos, token.lemma = "ADJ", adjective.normal_form
                token.feats = {"Case": UD_CASES.get(adjective.tag.case, ""), "Number": "Plur" if adjective.tag.number == "plur" else "Sing"}
            else:
                token.lemma = self.lemma(token.text, token.pos, tuple(token.feats.items()))
        chosen = needs_syntax(doc) if needs_syntax else [True] * len(doc.sents)
        for sent, parse in zip(doc.sents, chosen):
            if not parse:
                without_syntax(sent.tokens)
        self.parse_syntax([sent for sent, parse in zip(doc.sents, chosen) if parse])
        for sent_id, sent in enumerate(doc.sents, 1):
            offset_syntax(sent_id, sent.tokens)  # ids unique in the document, as natasha's own
        return doc

    def parse_syntax(self, sents) -> None:
        """The parser's heads and relations put in ``sents``, given to it shortest first, as ``tag_morph`` does: less
        padding in each batch (on the 357 parsed articles of 1,000 RuCoCo texts the parser's time fell from 3.9 s to
        3.4 s), and the same parses (none of 3,000 sentences of RuCoCo changed with the order)."""
        order = sorted(range(len(sents)), key=lambda i: len(sents[i].tokens))
        for i, markup in zip(order, self.syntax_parser.map([[t.text for t in sents[i].tokens] for i in order])):
            inject_syntax(sents[i].tokens, markup.tokens)
            break_cycles(sents[i].tokens)
            object_conjuncts_rehung(sents[i].tokens)
            second_subject_rehung(sents[i].tokens)

    def tag_morph(self, doc: Doc) -> None:
        """natasha's ``doc.tag_morph`` with the sentences given to the tagger shortest first: it pads each batch to its
        longest sentence, so batches of like lengths cost a sixth less, and each sentence's tags do not depend on
        its batch."""
        words = [[t.text for t in sent.tokens] for sent in doc.sents]
        order = sorted(range(len(words)), key=lambda i: len(words[i]))
        for i, markup in zip(order, self.morph_tagger.map([words[i] for i in order])):
            inject_morph(doc.sents[i].tokens, markup.tokens)

    def tag_ner(self, doc: Doc) -> None:
        """natasha's ``doc.tag_ner``: the tagger reads the whole text as one sequence and its spans are put in
        the document; but it reads the document's own tokens, where natasha's tagger would split the text into
        the same tokens a second time (a sixth of the tagger's cost), and its tags are decoded by ``viterbi``."""
        doc.spans = []
        if doc.tokens:
            infer = self.ner_tagger.infer
            batch = next(infer.encoder([[t.text for t in doc.tokens]]))
            emissions = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)[0]
            best = viterbi(emissions, infer.model.head.crf.transitions.array, ~batch.pad_mask[0])
            tags = [infer.decoder.tags_vocab.decode(tag) for tag in best]
            doc.spans = within_sentences(bio_spans(doc.tokens, tags), doc)
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()

    @lru_cache(maxsize=50_000)
    def noun_reading(self, word: str):
        """The dictionary's noun parse where it knows the word only as a noun, or, not knowing it, guesses first a
        noun of the lexicon ("акиматом", "хокимиятом": bodies the dictionary lacks) or reads it as two nouns it knows
        joined by a hyphen ("города-побратимы", which the tagger may call a verb); else None."""
        parses = self.morph_vocab.parse(word)
        if not parses or "NOUN" not in parses[0].tag:
            return None
        known = all(p.is_known for p in parses)
        nouns = all("NOUN" in p.tag for p in parses)
        if known and nouns or not known and parses[0].normal_form.replace("ё", "е") in lexicon_words():
            return parses[0]
        if nouns and word.count("-") == 1 and all(self.known_noun(part) for part in word.split("-")):
            return parses[0]
        return None

    @lru_cache(maxsize=50_000)
    def known_noun(self, word: str) -> bool:
        """Whether the dictionary knows the word, and only as a noun."""
        parses = self.morph_vocab.parse(word)
        return bool(parses) and all(p.is_known and "NOUN" in p.tag for p in parses)

    @lru_cache(maxsize=50_000)
    def lexical_reading(self, word: str, case: str):
        """The first guessed reading of a word the dictionary does not know that is a noun of the lexicon, where no
        such reading is in the tagged ``case`` (a UD case); else None."""
        lexical = lexicon_guesses(word)
        return lexical[0] if lexical and not any(UD_CASES.get(p.tag.case, "") == case for p in lexical) else None

    @lru_cache(maxsize=50_000)
    def finite_verb_reading(self, word: str):
        """The dictionary's parse where it knows the word, and only as a finite verb ("истёк"); else None."""
        parses = self.morph_vocab.parse(word)
        return parses[0] if parses and all(p.is_known and p.tag.POS == "VERB" for p in parses) else None

    @lru_cache(maxsize=50_000)
    def adjective_reading(self, word: str):
        """The dictionary's first parse where it is a full adjective and no parse is a form of a verb (the word the
        tagger called a verb cannot be one: "побратимские", which the dictionary guesses); else None."""
        parses = self.morph_vocab.parse(word)
        if not parses or parses[0].tag.POS != "ADJF" or any(p.tag.POS in VERB_FORMS for p in parses):
            return None
        return parses[0]

    @lru_cache(maxsize=200_000)
    def lemma(self, text: str, pos: str, feats: tuple) -> str:
        """natasha's lemmatizer, cached: news repeats its words, and choosing a parse is the costly part. A word the
        dictionary does not know whose guessed readings include a word of the lexicon in the tagged case takes that
        one ("примара" of "генерального примара" is "примар", not a feminine "примара")."""
        lemma = self.morph_vocab.lemmatize(text, pos, dict(feats))
        if pos != "NOUN" or lemma.replace("ё", "е") in lexicon_words():
            return lemma
        parses = self.morph_vocab.parse(text.lower())
        case = UD_CASE.get(dict(feats).get("Case", ""))
        if "-" in text and lemma.partition("-")[0].lower() == text.partition("-")[0].lower():
            # "городом-партнёром": where the tagger's features choose the compound whose first part stays inflected
            # ("городом-партнёр"), the first reading in the tagged case that puts both parts in the nominative
            lemma = next((p.normal_form for p in parses if p.tag.case == case
                          and p.normal_form.partition("-")[0] != text.partition("-")[0].lower()), lemma)
        if any(p.is_known for p in parses):
            return lemma
        return next((p.normal_form for p in parses if p.tag.case == case and p.normal_form.replace("ё", "е") in lexicon_words()), lemma)


def viterbi(emissions, transitions, mask) -> list[int]:
    """The best tag sequence of one sentence under the NER tagger's CRF: slovnet's ``CRF.decode`` for a batch of one,
    with the same sums in the same order (so the same tags), but none of the index arrays a batch needs at each
    word, which made decoding a third of the tagger's time. ``emissions``: words x tags; ``mask``: the real words."""
    tags = np.arange(transitions.shape[1])
    score, history = emissions[0], []
    for index in range(1, len(emissions)):
        candidates = score[:, None] + transitions + emissions[index][None, :]  # previous tag x tag
        best = candidates.argmax(0)
        if mask[index]:
            score = candidates[best, tags]
        history.append(best)
    path = [score.argmax()]
    for best in reversed(history[: mask.sum() - 1]):
        path.append(best[path[-1]])
    return path[::-1]


def lexicon_guesses(word: str) -> list:
    """The guessed readings of a lower-case word the dictionary does not know that are nouns of the lexicon ("акиматом",
    "маслихат"), in the guesser's order; [] for a word it knows."""
    parses = morph_vocab().parse(word)
    if any(p.is_known for p in parses):
        return []
    return [p for p in parses if "NOUN" in p.tag and p.normal_form.replace("ё", "е") in lexicon_words()]


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """The lemmas of data/lexicon.csv (offices, bodies, settlements), ё read as е."""
    return frozenset(row["lemma"].lower().replace("ё", "е") for row in read_data("lexicon.csv"))


CONTENT_POS = ("NOUN", "PROPN", "VERB")
VERB_FORMS = ("VERB", "INFN", "PRTF", "PRTS", "GRND")  # pymorphy's parts of speech of a verb's forms


def break_cycles(tokens) -> None:
    """Make a sentence's parse a tree. slovnet's parser picks each word's head on its own, and about one sentence in ten
    of real news closes a cycle ("с Верховным Хуралом (-> Республики) Республики (-> Хуралом) Тыва"), which no walk up
    the tree leaves. Each cycle's first prepositional noun is hung on the nearest noun or verb before the cycle that does
    not depend on it ("соглашение с | Хуралом"), as is a genitive noun ("о разрыве | отношений"); its first other noun
    or verb on the nearest verb; else on the root."""
    by_id = {t.id: t for t in tokens}
    position = {t.id: i for i, t in enumerate(tokens)}
    root = next((t for t in tokens if t.head_id == "0"), None)
    while (cycle := next(filter(None, (cycle_from(t, by_id) for t in tokens)), None)):
        members = sorted(cycle, key=lambda t: position[t.id])
        prepositional = [t for t in members if t.pos in ("NOUN", "PROPN") and any(c.head_id == t.id and c.rel == "case" for c in tokens)]
        head = (prepositional or [t for t in members if t.pos in CONTENT_POS] or members)[0]
        inside = {t.id for t in tokens if reaches(t, head, by_id)}  # the cycle's own words too: each walk passes the head
        # a genitive completes the noun before it ("разрыве | отношений"); another case without a preposition a verb
        kinds = CONTENT_POS if prepositional or head.feats.get("Case") == "Gen" else ("VERB",)
        anchor = next((t for t in reversed(tokens[: position[members[0].id]]) if t.pos in kinds and t.id not in inside), None)
        if anchor is None and root is not None and root.id not in inside:
            anchor = root
        if anchor is None:
            head.head_id, head.rel, root = "0", "root", head
            continue
        head.head_id = anchor.id
        if prepositional:
            head.rel = "nmod" if anchor.pos in ("NOUN", "PROPN") else "obl"


def object_conjuncts_rehung(tokens) -> None:
    """A noun that may be accusative, which the parser made a conjunct of the subject before the verb, is the object's
    conjunct where it comes after the verb and its accusative object: "Главы Сухума и Краснодара подписали соглашение о
    ... и «Соглашение о ...»" (the second "Соглашение" hung on "Главы", tagged nominative)."""
    by_id = {t.id: t for t in tokens}
    for t in tokens:
        subject = by_id.get(t.head_id)
        verb = by_id.get(subject.head_id) if subject is not None and t.rel == "conj" and subject.rel == "nsubj" else None
        if (verb is None or t.pos != "NOUN" or subject.feats.get("Case") != "Nom" or not subject.start < verb.start < t.start
                or t.feats.get("Case") != "Acc" and "accs" not in {p.tag.case for p in morph_vocab().parse(t.text)}):
            continue
        objects = [o for o in tokens if o.head_id == verb.id and o.rel == "obj" and verb.start < o.start < t.start and o.feats.get("Case") == "Acc"]
        if objects:
            t.head_id = objects[-1].id


def second_subject_rehung(tokens) -> None:
    """A second subject the parser hangs on the verb of an earlier clause, past a comma, is the subject of the next
    finite verb after it, where that verb has none and agrees with it in number: "В этом году исполняется 75 лет ..., а
    31 год назад Улан-Удэ и Маньчжурия стали побратимами" (Улан-Удэ hung on "исполняется", whose subject is "лет")."""
    by_id = {t.id: t for t in tokens}
    position = {t.id: i for i, t in enumerate(tokens)}
    subjects: dict[str, list] = {}
    for t in tokens:
        if t.rel == "nsubj":
            subjects.setdefault(t.head_id, []).append(t)
    for verb_id, own in list(subjects.items()):
        verb = by_id.get(verb_id)
        for subject in own[1:]:
            if verb is None or position[verb.id] > position[subject.id] or \
                    not any(t.text == "," for t in tokens[position[verb.id] + 1: position[subject.id]]):
                continue
            following = (t for t in tokens[position[subject.id] + 1:] if t.pos in ("VERB", "AUX") and not reaches(t, subject, by_id))
            nxt = next(following, None)
            number = "Plur" if any(c.head_id == subject.id and c.rel == "conj" for c in tokens) else subject.feats.get("Number")
            if nxt is not None and nxt.id not in subjects and nxt.feats.get("VerbForm") == "Fin" and nxt.feats.get("Number", number) == number:
                subject.head_id = nxt.id
                subjects[nxt.id] = [subject]


def cycle_from(token, by_id) -> list:
    """The tokens of the cycle the walk up from ``token`` runs into, or []."""
    path, at = [], {}
    while token is not None and token.id not in at:
        at[token.id] = len(path)
        path.append(token)
        token = by_id.get(token.head_id)
    return path[at[token.id]:] if token is not None else []


def reaches(token, ancestor, by_id) -> bool:
    """Whether the walk up from ``token`` passes ``ancestor`` (a walk that runs into a cycle stops there)."""
    seen = set()
    while token is not None and token.id not in seen:
        if token.id == ancestor.id:
            return True
        seen.add(token.id)
        token = by_id.get(token.head_id)
    return False


def without_syntax(tokens) -> None:
    """Tokens of a sentence the parser did not read: each hangs from the root with no relation,
    so every walk of the tree ends at once and no rule finds a dependent."""
    for i, token in enumerate(tokens, 1):
        token.id, token.head_id, token.rel = str(i), "0", ""


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline()


class CaseFoldedMorphVocab(MorphVocab):
    """natasha's MorphVocab with one cache entry per word whatever its capitals (pymorphy lower-cases
    every word first, so "Петр" and "петр" parse alike), and room for the common vocabulary of a corpus."""

    def parse(self, word):
        return self.parse_lower(word.lower())

    __call__ = parse

    # 50,000 words hold nearly every token of news (a few thousand words make most of any text); a cached
    # parse costs about 2 KB, so a larger cache bought little speed for hundreds of MB on a large corpus
    @lru_cache(maxsize=50_000)
    def parse_lower(self, word):
        return MorphAnalyzer.parse(self, word)  # pymorphy's own, below natasha's small cache


@lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    """The morphology dictionary alone, for stages that need no neural model."""
    return CaseFoldedMorphVocab()
