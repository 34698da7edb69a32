"""Quotations: who said what, verbatim or reported, and of which agreement.

Direct speech is found by its punctuation: a span in quotation marks («...», "...", „...“,
a paragraph quoted over several paragraphs) or a paragraph opened by a dash. Its speaker
comes from the attribution beside it, read with natasha's syntax:

- after it: «...», — отметил X; «... ,» — сообщил по итогам встречи X; «...», — отметили в палате;
- before it: X: «...»; X отметил: «...»; X заявил, что «...»; по словам X, «...»;
- inside it: «...», — сказал он. — «...» and «..., — сказал он, — ...» are one quotation of two parts.

Indirect speech is a что-clause of a verb of speech (подчеркнул, что ...) or a sentence opened by
"Как сообщили в X," or "По словам X,". The speaker is the subject of the verb of speech (a person, a
body, "он"/"она" read as the last person of that gender named outside quotations, an office noun
read as the last person holding that office), else the person, then the body, named in the
attribution. A quotation whose speaker cannot be found this way keeps an empty speaker: no guess.
The words of speech are ``data/speech_verbs.csv``.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .actors import DASHES, Mention
from .datafiles import read_data
from .gazetteer import lemma_key, word_kind
from .nlp import morph_vocab
from .sentence import Sentence

OPENERS = {"«": "»", "„": "“”", "“": "”", '"': '"'}
PART_JOIN = " […] "  # between the parts of a quotation split by its attribution
# After a closing quotation mark: the punctuation and the dash that lead to the attribution ("», —", ",» -").
LEAD = re.compile(r"[,.!?…]?\s*(?:—|–|-(?=\s))\s*")
BARE_LEAD = re.compile(r",\s*")  # "«...», отметили в СКР": no dash; then the verb must come first
# Where an attribution ends: a sentence's end (not an initial's full stop), a comma ("— отметили в сообщении, но не
# уточнили ..."), a colon, a line. Its subject is found in the syntax tree wherever it stands; the clause is where
# a speaker with no subject is looked for.
CLAUSE_END = re.compile(r"(?<![А-ЯЁA-Z])[.!?…;:,\n«]")
RESUME = re.compile(r"[.,]\s*(?:—|–|-(?=\s))\s*")
DIALOGUE = re.compile(r"^[ \t]*(?:—|–|-)[ \t]+", re.M)
ATTRIBUTION_REACH = 4  # the word of speech is among the first words of an attribution ("— так прокомментировал итоги ...")
CLAUSE_REACH = 6  # words between a verb of speech and its ", что" ("сообщил журналистам на пресс-конференции, что")
MIN_UNATTRIBUTED_WORDS = 4  # a quoted span with no attribution is speech only if it is a clause ("«Белагро-2025»" is a name)
GENDERS = {"Masc": "masc", "Fem": "femn"}
POSSESSIVES = {"его": "masc", "её": "femn", "ее": "femn"}  # "по его словам"


@lru_cache(maxsize=1)
def speech_words() -> dict[str, str]:
    """The words that attribute speech, by lemma: verb, stance, source or quoter."""
    return {row["lemma"]: row["kind"] for row in read_data("speech_verbs.csv")}


def speech_kind(token) -> str:
    """verb, stance, source or quoter; empty for any other word, and for the author's own aside."""
    if token.feats.get("Person") == "1" or token.feats.get("Mood") == "Imp" or token.feats.get("VerbForm") == "Inf":
        return ""  # "Отметим, что", "напомним", "Нужно отметить, что": the author speaks
    kind = speech_words().get((token.lemma or "").lower().replace("ё", "е"), "")
    if kind in ("verb", "quoter") and token.pos not in ("VERB", "AUX"):
        return ""
    if kind == "stance" and token.pos != "ADJ":
        return ""
    return kind


@dataclass
class Quotation:
    start: int  # the first part's start in the clean text
    stop: int  # the last part's stop
    quote: str  # verbatim; the parts of a split quotation joined by PART_JOIN
    kind: str  # direct | indirect
    verb: str = ""  # the word of speech as written, lower case ("отметили", "по словам"); empty for "X: «...»"
    speaker: str = ""  # the name of the speaker's mention in the document; empty when none is findable
    speaker_office: str = ""
    agreements: list[int] = field(default_factory=list)  # 1-based numbers of the document's agreements it speaks of
    parts: list[tuple[int, int]] = field(default_factory=list, repr=False)


@dataclass
class Attribution:
    start: int  # the clause that attributes the quotation
    stop: int
    word: object = None  # the natasha token of the word of speech, if any
    sentence: Sentence | None = None
    verb: str = ""
    bare: bool = False  # after a comma with no dash: attributes only a quotation that is a clause


class Reader:
    """A document's text, tokens and mentions, with the lookups that find quotations and speakers."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: list[Mention]):
        self.text = text
        self.tokens = [(t, s) for s in sentences for t in s.tokens]
        self.starts = [t.start for t, _ in self.tokens]
        self.sentences = sentences
        self.mentions = mentions
        self.quoted: list[tuple[int, int]] = []  # spans inside quotation marks: no antecedent for "он"

    def tokens_in(self, start: int, stop: int) -> list:
        """(token, sentence) of the tokens that start inside start:stop."""
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.tokens) and self.tokens[i][0].start < stop:
            found.append(self.tokens[i])
            i += 1
        return found

    def words_in(self, start: int, stop: int) -> list:
        return [(t, s) for t, s in self.tokens_in(start, stop) if t.pos != "PUNCT"]

    # -- attributions -------------------------------------------------------------------------

    def attribution_after(self, pos: int, limit: int | None = None) -> Attribution | None:
        """The attribution that follows a quotation ending at ``pos``: "», — отметил X."."""
        lead = LEAD.match(self.text, pos)
        bare = lead is None and self.text.startswith(",", pos)
        if bare:
            lead = BARE_LEAD.match(self.text, pos)
        if not lead or "\n" in lead.group():
            return None
        limit = len(self.text) if limit is None else limit
        end = CLAUSE_END.search(self.text, lead.end(), limit)
        stop = end.start() if end else limit
        for token, sentence in self.words_in(lead.end(), stop)[:1 if bare else ATTRIBUTION_REACH]:
            if speech_kind(token) in ("verb", "stance", "quoter"):
                return Attribution(lead.end(), stop, token, sentence, token.text.lower(), bare)
        return None

    def attribution_before(self, pos: int) -> Attribution | None:
        """The attribution that opens a quotation starting at ``pos``: "X:", "X отметил:", "заявил, что", "по словам X,"."""
        head = self.text[:pos].rstrip()
        boundary = max(head.rfind(c, 0, len(head) - 1) for c in ".!?…»\n")
        clause_start = boundary + 1
        while clause_start < len(head) and head[clause_start] in " \t\n" + "".join(DASHES):
            clause_start += 1
        words = self.words_in(clause_start, len(head))
        if not words:
            return None
        source = self.source_in(words)
        if head.endswith(",") and source:
            return source
        if head.endswith(":") or (words[-1][0].text.lower() == "что" and words[-1][0].stop == len(head)):
            speech = [(t, s) for t, s in words if speech_kind(t) in ("verb", "stance")]
            if speech:
                token, sentence = speech[-1]
                return Attribution(clause_start, len(head), token, sentence, token.text.lower())
            named = [m for m in self.mentions if clause_start <= m.start and m.stop < len(head) and m.type in ("person", "organization")]
            if head.endswith(":") and named:  # "Министр Анна Белова: «...»", not "В программе форума: «...»"
                return Attribution(clause_start, len(head) - 1)
        return None

    def source_in(self, words) -> Attribution | None:
        """ "по словам X" / "по его словам" among ``words``: the attribution from "по" to the clause's end."""
        for (first, sentence), (second, _), (third, _) in zip(words, words[1:], words[2:] + [(None, None)]):
            if first.text.lower() != "по":
                continue
            if speech_kind(second) == "source":
                return Attribution(first.start, words[-1][0].stop, second, sentence, f"по {second.text.lower()}")
            if third is not None and second.text.lower() in POSSESSIVES and speech_kind(third) == "source":
                return Attribution(first.start, words[-1][0].stop, third, sentence, f"по {third.text.lower()}")
        return None

    # -- speakers -----------------------------------------------------------------------------

    def speaker(self, attribution: Attribution, before: int) -> Mention | None:
        """The speaker an attribution names: the subject of its word of speech, else a person, then a body, in it."""
        word, sentence = attribution.word, attribution.sentence
        subjects = []
        possessive = [k for k in sentence.kids(word, "det") if k.text.lower() in POSSESSIVES] if word is not None else []
        if possessive and speech_kind(word) == "source":  # "по его словам": he is the last man named
            return self.last_person(POSSESSIVES[possessive[0].text.lower()], min(before, possessive[0].start))
        if word is not None:
            # "по словам X": X depends on "словам"; "— цитирует губернатора пресс-служба": the object is the speaker
            relations = {"source": ("nmod",), "quoter": ("obj",)}.get(speech_kind(word), ("nsubj", "nsubj:pass"))
            subjects = sentence.kids(word, *relations)
        if subjects:
            # a subject that names no actor ("— сказал собеседник", "— прокомментировали подписчики") is the
            # speaker all the same: no other name in the attribution is taken for it
            return next(filter(None, (self.subject_actor(token, sentence, before) for token in subjects)), None)
        inside = [m for m in self.mentions if attribution.start <= m.start and m.stop <= attribution.stop]
        for wanted in ("person", "organization"):
            named = [m for m in inside if m.type == wanted]
            if named:
                # "X: «...»" names the speaker last ("На встрече губернатор Артамонов:"), "— отметил X" first
                return named[-1] if word is None else named[0]
        offices = [t for t, _ in self.words_in(attribution.start, attribution.stop) if word_kind(t.lemma or "") == "office"]
        return self.holder_of(offices[0].lemma, before) if offices else None

    def subject_actor(self, token, sentence: Sentence, before: int) -> Mention | None:
        """The actor a subject stands for: a name, "он"/"она", an office noun with or without its holder's name, a body."""
        person = sentence.mention_at(token, person=True)
        if person:
            return person
        lemma = (token.lemma or "").lower()
        if token.pos == "PRON":
            gender = GENDERS.get(token.feats.get("Gender", ""), "")
            return self.last_person(gender, min(before, token.start)) if lemma in ("он", "она") else None
        if word_kind(lemma) == "office":
            # "губернатор Липецкой области Игорь Артамонов": the name hangs somewhere below the office noun
            below = sentence.below(token)
            named = [m for m in sentence.mentions if m.type == "person" and any(m.start <= t.start < m.stop for t in below)]
            return named[0] if named else self.holder_of(lemma, before)
        body = sentence.mention_at(token, person=False)
        if body is not None and body.type == "organization":
            return body
        # "пресс-служба правительства области": a body named below the subject's noun
        below = sentence.below(token)
        named = [m for m in sentence.mentions if m.type in ("person", "organization") and any(m.start <= t.start < m.stop for t in below)]
        return min(named, key=lambda m: (m.type != "person", m.start)) if named else None

    def outside_quotes(self, m: Mention) -> bool:
        return not any(a <= m.start < b for a, b in self.quoted)

    def last_person(self, gender: str, before: int) -> Mention | None:
        """The last person of that gender named before ``before``, outside quotation marks."""
        persons = [m for m in self.mentions if m.type == "person" and m.start < before and self.outside_quotes(m)]
        persons = [m for m in persons if gender_of(m.name) == gender]
        return persons[-1] if persons else None

    def holder_of(self, office_lemma: str, before: int) -> Mention | None:
        """The last person named before ``before`` whose office in the document is ``office_lemma`` ("губернатор")."""
        heads = {m.name for m in self.mentions if m.type == "person" and m.role and lemma_key(m.role.split()[0]) == lemma_key(office_lemma)}
        holders = [m for m in self.mentions if m.name in heads and m.start < before and self.outside_quotes(m)]
        return holders[-1] if holders else None

    def office_of(self, speaker: Mention) -> str:
        """The speaker's office: the mention's own, else the nearest earlier (then later) mention's of the same actor."""
        if speaker.role:
            return speaker.role
        same = [m for m in self.mentions if m.name == speaker.name and m.role]
        earlier = [m for m in same if m.start < speaker.start]
        return (earlier[-1] if earlier else same[0]).role if same else ""

    # -- quotations ---------------------------------------------------------------------------

    def speechlike(self, start: int, stop: int) -> bool:
        """A quoted span with no attribution is speech when it is a clause of a few words with a finite verb."""
        words = self.words_in(start, stop)
        return len(words) >= MIN_UNATTRIBUTED_WORDS and any(
            t.feats.get("VerbForm") == "Fin" or t.feats.get("Variant") == "Short" for t, _ in words)

    def split_inside(self, start: int, stop: int) -> tuple[list[tuple[int, int]], Attribution] | None:
        """A quotation that its attribution interrupts: "..., — сказал он, — ..." or "..., — сказал он. — ..."."""
        for lead in re.finditer(r"[,!?…]\s*(?:—|–|-(?=\s))", self.text[start:stop]):
            attribution = self.attribution_after(start + lead.start(), stop)
            if attribution is None:
                continue
            punct = self.text[start + lead.start()]
            first = trimmed(self.text, start, start + lead.start() + (punct != ","))
            resume = RESUME.match(self.text, attribution.stop)
            parts = [first]
            if resume and resume.end() < stop:
                parts.append(trimmed(self.text, resume.end(), stop))
            return parts, attribution
        return None

    def direct(self) -> list[Quotation]:
        """Quotations in quotation marks, and dialogue paragraphs opened by a dash."""
        spans = quoted_spans(self.text)
        self.quoted = [(a, b) for a, b, _ in spans]
        found, used = [], set()
        for i, (start, stop, closed) in enumerate(spans):
            if i in used:
                continue
            parts = [trimmed(self.text, start, stop)]
            attribution = None
            inner = self.split_inside(start, stop)
            if inner:
                parts, attribution = inner
            elif closed:
                attribution = self.attribution_after(stop + 1)
            # a paragraph of a quotation over several paragraphs is left open; the last one closes it
            j = i
            while not closed and j + 1 < len(spans) and self.text[stop:spans[j + 1][0] - 1].strip() == "":
                j += 1
                used.add(j)
                start2, stop, closed = spans[j]
                parts.append(trimmed(self.text, start2, stop))
                if closed:
                    attribution = self.attribution_after(stop + 1)
            if attribution is not None and not inner:
                resume = RESUME.match(self.text, attribution.stop)
                following = next((k for k in range(j + 1, len(spans)) if resume and spans[k][0] - 1 == resume.end()), None)
                if following is not None:
                    used.add(following)
                    parts.append(trimmed(self.text, spans[following][0], spans[following][1]))
            if attribution is not None and attribution.bare and not self.speechlike(start, stop):
                attribution = None  # "компания «Газпром», сообщил губернатор": a name, not a quotation
            if attribution is None:
                attribution = self.attribution_before(start - 1)
            if attribution is None and not self.speechlike(start, stop):
                continue
            found.append(self.quotation(parts, "direct", attribution))
        for line in DIALOGUE.finditer(self.text):
            stop = self.text.find("\n", line.end())
            stop = len(self.text) if stop < 0 else stop
            if any(a <= line.end() < b for a, b, _ in spans):
                continue
            inner = self.split_inside(line.end(), stop)
            if inner:
                found.append(self.quotation(inner[0], "direct", inner[1]))
        return found

    def indirect(self) -> list[Quotation]:
        """Reported speech: "X подчеркнул, что ...", "Как сообщили в X, ...", "По словам X, ...". Reads the spans
        in quotation marks that ``direct`` found."""
        found = []
        for sentence in self.sentences:
            tokens = sentence.tokens
            opening = self.opening_attribution(sentence)
            if opening is not None:
                attribution, comma = opening
                found.append(self.quotation([self.reported(sentence, comma + 1)], "indirect", attribution))
            for i, token in enumerate(tokens):
                if speech_kind(token) != "verb" or any(a <= token.start < b for a, b in self.quoted):
                    continue  # a verb of speech inside a quotation is the speaker's, not an attribution
                if any(k.pos == "PRON" and k.feats.get("Person") == "1" for k in sentence.kids(token, "nsubj")):
                    continue  # "Ранее мы писали, что": the outlet's own voice
                that = that_clause(tokens, i)
                if that is not None and that < len(tokens):
                    # "в пресс-службе сообщили журналистам, что": the speaker may stand anywhere before "что"
                    attribution = Attribution(sentence.start, tokens[that - 1].start, token, sentence, token.text.lower())
                    found.append(self.quotation([self.reported(sentence, that)], "indirect", attribution))
        return found

    def reported(self, sentence: Sentence, first: int) -> tuple[int, int]:
        """The reported words from token ``first`` to the sentence's end, or to a comma before a verb of speech
        ("стороны считают, что ..., пояснил министр"); without the closing full stop."""
        tokens = sentence.tokens
        stop = next((t.start for t, after in zip(tokens[first:], tokens[first + 1 :]) if t.text == "," and speech_kind(after) == "verb"),
                    sentence.stop)
        start, stop = trimmed(self.text, tokens[first].start, stop)
        return start, stop - (self.text[stop - 1] == "." if stop > start else 0)

    def opening_attribution(self, sentence: Sentence) -> tuple[Attribution, int] | None:
        """ "Как сообщили в X, ..." or "По словам X, ...": the attribution and the index of the comma closing it."""
        tokens = sentence.tokens
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is None or comma + 1 >= len(tokens) or len(tokens) < 2:
            return None
        first = tokens[0].text.lower()
        if first == "как" and speech_kind(tokens[1]) == "verb":
            return Attribution(tokens[0].start, tokens[comma].start, tokens[1], sentence, tokens[1].text.lower()), comma
        if first == "по":
            source = self.source_in([(t, sentence) for t in tokens[:comma] if t.pos != "PUNCT"])
            if source:
                return source, comma
        return None

    def quotation(self, parts: list[tuple[int, int]], kind: str, attribution: Attribution | None) -> Quotation:
        quote = PART_JOIN.join(self.text[a:b] for a, b in parts)
        q = Quotation(parts[0][0], parts[-1][1], quote, kind, parts=parts)
        if attribution is not None:
            q.verb = attribution.verb
            speaker = self.speaker(attribution, parts[0][0])
            if speaker is not None:
                q.speaker, q.speaker_office = speaker.name, self.office_of(speaker)
        return q


def trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """start:stop without surrounding spaces, a trailing comma or a dash: the words quoted."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ",;" or text[stop - 1] in DASHES):
        stop -= 1
    return start, stop


def quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, stop, closed) of the text inside each outermost pair of quotation marks, line by line.

    A guillemet left open at the end of a line is an open paragraph of a quotation that goes on over
    several paragraphs (closed False); its span runs to the end of the line. A straight quotation mark
    opens or closes by what stands around it (a space before it opens, a word before it closes), so that
    "объединение "Батькивщина" выступают" nests; one left open at the end of a line quoted nothing.
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        stack, opened_at = [], 0
        for i, c in enumerate(line.group(), start=line.start()):
            role = straight_role(text, i) if c == '"' else ""
            if stack and c in OPENERS[stack[-1]] and role != "open":
                stack.pop()
                if not stack:
                    spans.append((opened_at, i, True))
            elif c in OPENERS and role != "close":
                if not stack:
                    opened_at = i + 1
                stack.append(c)
        if stack and stack[0] != '"':
            spans.append((opened_at, line.end(), False))
    return spans


def straight_role(text: str, i: int) -> str:
    """Whether the straight quotation mark at ``i`` opens (space or start before, a word after), closes
    (a word or punctuation before, no word after) or cannot tell (empty)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "(«„:—–-") and not after.isspace():
        return "open"
    if not before.isspace() and not after.isalnum():
        return "close"
    return ""


def that_clause(tokens, verb: int) -> int | None:
    """The index of the first word of the что-clause a verb of speech introduces, or None."""
    for j in range(verb + 1, min(len(tokens) - 1, verb + CLAUSE_REACH + 1)):
        t = tokens[j]
        if t.text in OPENERS or t.text in ".!?;:" or t.pos == "VERB":
            return None
        if t.text != ",":
            continue
        words = [w.text.lower() for w in tokens[j + 1 : j + 5]]
        if words[:1] == ["что"]:
            return j + 2
        if words[:4] == ["о", "том", ",", "что"]:
            return j + 5
    return None


@lru_cache(maxsize=10_000)
def gender_of(name: str) -> str:
    """masc or femn from a person's given name (else surname), as pymorphy reads it; empty if unknown."""
    for grammeme in ("Name", "Surn"):
        for word in name.split():
            for parse in morph_vocab().parse(word):
                if grammeme in parse.tag.grammemes and parse.tag.gender:
                    return parse.tag.gender
    return ""


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def extract_quotations(text: str, sentences: list[Sentence], mentions: list[Mention], agreements=()) -> list[Quotation]:
    """The quotations of a parsed document, in text order, each with the agreements whose sentences it overlaps.

    Direct quotations come first: reported speech that overlaps one ("пояснил, что отношения «утратили смысл»")
    is the direct one, which takes the reported speech's verb and speaker if its own punctuation gave none.
    """
    reader = Reader(text, sentences, mentions)
    kept: list[Quotation] = [q for q in reader.direct() if q.start < q.stop]
    for q in reader.indirect():
        inside = [k for k in kept if any(overlaps(p, r) for p in q.parts for r in k.parts)]
        for k in inside:
            if not k.verb and not k.speaker:
                k.verb, k.speaker, k.speaker_office = q.verb, q.speaker, q.speaker_office
        if not inside and q.start < q.stop:
            kept.append(q)
    kept.sort(key=lambda q: (q.start, q.stop))
    for n, agreement in enumerate(agreements, start=1):
        spans = [(agreement.start, agreement.stop)]
        spans += [(i, i + len(s)) for s in agreement.sentences for i in [text.find(s)] if i >= 0]
        for q in kept:
            if any(overlaps(p, s) for p in q.parts for s in spans):
                q.agreements.append(n)
    return kept
