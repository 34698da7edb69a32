"""Whose report an article relays and whose photos it carries, in the text's own words.

An outlet often reprints a press service's release or another outlet's report ("Об этом сообщает
портал «БИЗНЕС ЛИПЕЦК»", "сообщает пресс-служба администрации Липецкой области"), or credits its
photo to a government's site ("Фото с сайта: липецкаяобласть.рф"); the framing of such a text is
first its source's. The cues are data (``data/relay_cues.csv``); photo credits are read from every
line of the page, since the corpus stage drops them as chrome.
"""

import re
from functools import lru_cache

from .datafiles import read_data


@lru_cache(maxsize=1)
def relay_cues() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["pattern"], re.IGNORECASE), row["kind"]) for row in read_data("relay_cues.csv"))


def sources_named(text: str, kind: str) -> list[str]:
    """The sources the cues of ``kind`` name in ``text``, in order, each once; a source another one holds is that one
    ("пресс-служба администрации" inside "пресс-служба администрации Липецкой области"). A credit whose source is
    on the next line ("Фото с сайта:" above "липецкаяобласть.рф") takes that line."""
    found = []
    for pattern, cue_kind in relay_cues():
        if cue_kind != kind:
            continue
        for match in pattern.finditer(text):
            source = match.group("source").strip()
            if not source:
                rest = text[match.end():].lstrip("\n")
                source = rest.split("\n", 1)[0].strip()
            if source:
                found.append((match.start("source"), source))
    ordered = [s for _, s in sorted(found)]
    return [s for i, s in enumerate(ordered) if s not in ordered[:i] and not any(s != o and s in o for o in ordered)]
