"""The floor to beat: one agreement per sentence that contains an agreement keyword.

Kind from the first keyword, status from words anywhere in the sentence,
parties all the places and bodies the sentence names. No syntax, no merging.
"""

import re
from pathlib import Path

import pandas as pd
from razdel import sentenize

from paradiplomacy.output import join_list

KEYWORDS = [
    (re.compile(r"побратим", re.I), "twinning"),
    (re.compile(r"меморандум", re.I), "memorandum"),
    (re.compile(r"дорожн\w+ карт|план\w* мероприяти", re.I), "roadmap"),
    (re.compile(r"соглашени|договор(?!ил|ённ|енн)", re.I), "cooperation_agreement"),
    (re.compile(r"договорённост|договоренност|договорил", re.I), "accord"),
]
PLANNED = re.compile(r"подпишут|планир|предполага|будет подписан|намерен", re.I)
SIGNED = re.compile(r"подписа|заключил|заключен", re.I)
AGREED = re.compile(r"договорил|договорённост|договоренност|согласова", re.I)


def keyword_status(sentence: str) -> str:
    if PLANNED.search(sentence):
        return "planned"
    if SIGNED.search(sentence):
        return "signed"
    if AGREED.search(sentence):
        return "agreed"
    return "discussed"


def baseline_agreements(clean_dir: Path, actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Agreements found by keywords in each sentence of the clean texts."""
    kind_of = dict(zip(actors.actor_id, actors.type))
    name_of = dict(zip(actors.actor_id, actors.name))
    rows = []
    for doc_id, group in mentions.groupby("doc_id", sort=True):
        text = (Path(clean_dir) / f"{doc_id}.txt").read_text(encoding="utf-8")
        for paragraph in re.finditer(r"[^\n]+", text):
            for sentence in sentenize(paragraph.group()):
                start = paragraph.start() + sentence.start
                kind = next((k for pattern, k in KEYWORDS if pattern.search(sentence.text)), None)
                if kind is None:
                    continue
                inside = group[(group.start >= start) & (group.stop <= start + len(sentence.text))]
                parties = [name_of[a] for a in inside.actor_id if kind_of[a] != "person"]
                rows.append({"doc_id": doc_id, "kind": kind, "status": keyword_status(sentence.text),
                             "parties": join_list(dict.fromkeys(parties)), "evidence": sentence.text})
    return pd.DataFrame(rows, columns=["doc_id", "kind", "status", "parties", "evidence"])
