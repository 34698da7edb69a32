"""Spheres of cooperation (trade, culture, ...) and activities (information exchange, exhibitions, ...) that a Russian
text touches, by the word beginnings of spheres.csv and activities.csv."""

import re
from functools import lru_cache

from paradiplomacy.datafiles import read_data


@lru_cache(maxsize=None)
def patterns(name: str, column: str) -> dict[str, re.Pattern]:
    """Each label of the data file ``name`` (its ``column``) and the pattern of its ``stems``, each starting a word."""
    return {row[column]: re.compile(rf"(?<!\w)(?:{row['stems']})", re.I) for row in read_data(name, __package__)}


def spheres_in(text: str) -> list[str]:
    """The spheres the text touches, in the order of spheres.csv."""
    return [sphere for sphere, pattern in sphere_patterns().items() if pattern.search(text)]


def activities_in(text: str) -> list[str]:
    """The activities the text names, in the order of activities.csv."""
    return [activity for activity, pattern in patterns("activities.csv", "activity").items() if pattern.search(text)]


def sphere_patterns() -> dict[str, re.Pattern]:
    """Each sphere and its pattern (spheres.csv)."""
    return patterns("spheres.csv", "sphere")
