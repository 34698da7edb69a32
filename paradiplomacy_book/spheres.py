"""Spheres of cooperation (trade, culture, ...) that a Russian text touches, by the word beginnings of spheres.csv."""

import re
from functools import lru_cache

from paradiplomacy.datafiles import read_data


@lru_cache(maxsize=1)
def sphere_patterns() -> dict[str, re.Pattern]:
    return {row["sphere"]: re.compile(rf"(?<!\w)(?:{row['stems']})", re.I) for row in read_data("spheres.csv", __package__)}


def spheres_in(text: str) -> list[str]:
    """The spheres the text touches, in the order of spheres.csv."""
    return [sphere for sphere, pattern in sphere_patterns().items() if pattern.search(text)]
