"""How a page frames the territories it names: words of occupation, of the Russian
official narrative, of Ukrainian sovereignty or of the Union State.

Markers are counted separately in the article and in the rest of the page (the
outlet's own chrome), because an outlet's stance often shows in its headlines
and appeals more than in a republished press release.

A word that says what a territory is ("occupied", "a Ukrainian region", "new
regions") is a framing choice only once the territory is held by a state other
than its own: a 2010 article that calls Luhansk "украинского региона" states a
fact of its time. Such a marker counts as its frame only where a place it speaks of
(one the sentence names, else one the text names) was so held at the article's date;
elsewhere it is kept, visible, as words of their time (frame ``of_its_time``). An
undated article is dated no earlier than the occupation authorities it names
("ДНР" exists since April 2014); the rest of an undated article's page
(teasers, sidebars) is as of the latest date the page itself shows; with no
date at all, these markers are words of their time rather than a guessed frame.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from razdel import sentenize

from .datafiles import read_data
from .dates import find_dates
from .gazetteer import Place, named_places, state_names, status_at

FRAMING_COLUMNS = ["doc_id", "frame", "marker", "where", "count", "example"]
OF_ITS_TIME = "of_its_time"  # the frame of territory words that were no framing choice at the words' date


@dataclass(frozen=True)
class Marker:
    marker: str
    frame: str
    territory: str  # "" (frames whatever the date), "*" (a place of any state held by another), else that state's name
    pattern: re.Pattern


def places_in(text: str) -> list[Place]:
    return [place for _, _, place in named_places(text)]


@lru_cache(maxsize=1)
def markers() -> list[Marker]:
    return [Marker(row["marker"], row["frame"], row["territory"] if row["territory"] in ("", "*") else state_names()[row["territory"]],
                   re.compile(row["pattern"], re.I)) for row in read_data("framing.csv")]


def earliest_date(date: str, places: list[Place]) -> str:
    """The article's date, or for an undated one the latest founding date of the occupation authorities it names;
    empty when neither is known."""
    if date:
        return date
    return max((status_at(p.place_id, "9999").since for p in places if p.type == "occupation_authority"), default="")


def held_by_another(places: list[Place], territory: str, date: str) -> bool:
    """Whether one of ``places`` (of the state ``territory``, or of any for "*") was held by another state at ``date``."""
    return bool(date) and any((territory == "*" or p.state == territory) and status_at(p.place_id, date).controlled_by
                              for p in places)


def marker_matches(text: str, date: str) -> list[tuple[Marker, str, list[str]]]:
    """The markers in ``text``, each with its frame and the words that matched, in the order of ``markers()``; a
    territorial marker has its frame only where the place it speaks of was held by another at ``date`` (see the
    module's docstring), elsewhere the frame OF_ITS_TIME."""
    sentences = in_text = None  # the text's sentences and places, read only when a territorial marker needs them
    in_sentence = {}
    found = []
    for marker in markers():
        words, of_its_time = [], []
        for match in marker.pattern.finditer(text):
            if marker.territory:
                if in_text is None:
                    sentences, in_text = list(sentenize(text)), places_in(text)
                    date = earliest_date(date, in_text)
                sentence = next((s for s in sentences if s.start <= match.start() < s.stop), None)
                if sentence is not None and sentence.start not in in_sentence:
                    in_sentence[sentence.start] = places_in(sentence.text)
                places = (in_sentence[sentence.start] if sentence is not None else []) or in_text
                if not held_by_another(places, marker.territory, date):
                    of_its_time.append(match.group(0))
                    continue
            words.append(match.group(0))
        found += [(marker, frame, w) for frame, w in ((marker.frame, words), (OF_ITS_TIME, of_its_time)) if w]
    return found


def framing_rows(doc) -> list[dict]:
    """The markers found in a clean document's article and in the rest of its page, as of the article's date (for
    the rest of an undated article's page, as of the latest date the page shows)."""
    page_rest = "\n".join(l.text for l in doc.lines if not l.kept)
    # the rest of the page (teasers, sidebars) is of the page's own dates where the article has none
    page_date = doc.published or max((d.iso for d in find_dates(page_rest)), default="")
    rows = []
    for where, text, date in (("article", doc.text, doc.published), ("page", page_rest, page_date)):
        for marker, frame, words in marker_matches(text, date):
            rows.append({"doc_id": doc.doc_id, "frame": frame, "marker": marker.marker, "where": where,
                         "count": len(words), "example": words[0][:80]})
    return rows


def framing_table(rows_by_document) -> pd.DataFrame:
    return pd.DataFrame([row for rows in rows_by_document for row in rows], columns=FRAMING_COLUMNS)
