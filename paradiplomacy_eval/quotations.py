"""Quotations and their speakers scored against a gold list (``tests/gold/quotations.csv``).

A gold quotation is found when a predicted one of the same document overlaps its span (the gold's
start:stop, or where its first words, ``quote_start``, stand in the clean text); pairs are one to
one, the largest overlap first. Its speaker is right when the names agree by the evaluation's own
rules: a person by the surname, a body by the lemmas of its name, one name's words holding the
other's ("пресс-служба правительства области" holds "правительство области").
"""

import csv
from pathlib import Path

import pandas as pd

from .names import FUNCTION_WORDS, lemma_key
from .scores import Score, greedy_pairs


def name_words(name: str) -> list[str]:
    return [w for w in lemma_key(name.replace("«", " ").replace("»", " ")).split() if w not in FUNCTION_WORDS]


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether a predicted speaker's name (actors.csv) and the gold's name one speaker: surname, or a body's words."""
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    return p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p)


def gold_spans(gold: pd.DataFrame, clean_dir) -> pd.DataFrame:
    """The gold with integer start and stop: as given, else found from the quote's first words."""
    starts, stops = [], []
    for row in gold.itertuples():
        start, stop = str(row.start).strip(), str(row.stop).strip()
        if start.isdigit() and stop.isdigit():
            starts.append(int(start))
            stops.append(int(stop))
            continue
        text = (Path(clean_dir) / f"{row.doc_id}.txt").read_text(encoding="utf-8") if clean_dir else ""
        at = text.find(row.quote_start) if row.quote_start else -1
        starts.append(at)
        stops.append(at + len(row.quote_start) if at >= 0 else -1)
    return gold.assign(start=starts, stop=stops)


def match_quotations(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted row, gold row) of one document whose spans overlap, the largest overlap first."""
    candidates = []
    for i, p in predicted.iterrows():
        for j, g in gold[gold.doc_id == p.doc_id].iterrows():
            overlap = min(p.stop, g.stop) - max(p.start, g.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    return greedy_pairs(candidates)


def score_quotations(quotations: pd.DataFrame, actors: pd.DataFrame, gold: pd.DataFrame, judged, clean_dir=None) -> dict:
    """Scores of quotations found and of speakers attributed, over the documents ``judged``.

    ``found``: a predicted quotation is right when it overlaps a gold one. ``speakers``: of the
    quotations given a speaker, those matched to a gold quotation with that speaker (precision), and
    of the gold quotations with a speaker, those matched with the right one (recall); a quotation
    left without a speaker costs recall, never precision. ``rows`` lists every gold and predicted
    quotation with what it was matched to, for reading the errors.
    """
    judged = set(judged)
    names = dict(zip(actors.actor_id, actors.name))
    predicted = quotations[quotations.doc_id.isin(judged)].reset_index(drop=True)
    predicted = predicted.assign(speaker_name=predicted.speaker.map(lambda a: names.get(a, "")))
    gold = gold_spans(gold[gold.doc_id.isin(judged)].reset_index(drop=True), clean_dir)
    pairs = match_quotations(predicted, gold)
    found = Score(len(pairs), len(predicted), len(pairs), len(gold))
    right = [(i, j) for i, j in pairs if same_speaker(predicted.speaker_name[i], gold.speaker_name[j])]
    speakers = Score(len(right), int((predicted.speaker_name != "").sum()), len(right), int((gold.speaker_name != "").sum()))
    matched_gold = {j: i for i, j in pairs}
    rows = []
    for j, g in gold.iterrows():
        i = matched_gold.get(j)
        rows.append({"doc_id": g.doc_id, "gold_speaker": g.speaker_name, "speaker": predicted.speaker_name[i] if i is not None else "",
                     "quote_start": g.quote_start, "result": result(i, j, right, predicted, gold)})
    for i in sorted(set(predicted.index) - {i for i, _ in pairs}):
        p = predicted.loc[i]
        rows.append({"doc_id": p.doc_id, "gold_speaker": "", "speaker": p.speaker_name, "quote_start": p.quote[:60], "result": "not in gold"})
    return {"found": found, "speakers": speakers, "rows": pd.DataFrame(rows, columns=["doc_id", "gold_speaker", "speaker", "quote_start", "result"])}


def result(i, j, right, predicted, gold) -> str:
    if i is None:
        return "missed"
    if (i, j) in right or predicted.speaker_name[i] == gold.speaker_name[j] == "":
        return "right"
    return "wrong speaker"


def sentence_texts(table: Path) -> dict[str, str]:
    """The documents of a sentence table (``tests/data/quotation_sentences.csv``): text by id, a literal \\n a line break."""
    with Path(table).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return {row["id"]: row["text"].replace("\\n", "\n") + "\n" for row in rows}
