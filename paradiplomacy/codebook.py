"""The values the codebook fixes, in one place: the types of places, the kinds of agreement and their stages.

``data/kinds.csv`` and ``data/statuses.csv`` are the only source of both the
values and their order; the extraction ranks stages by it and the book lists
them in it.
"""

from functools import lru_cache

from .datafiles import read_data

# The types of place an actor can be (actors.type), from the most local; "other" is a place neither the
# gazetteer nor a designation types. An occupation authority is no region of any state: the "DPR" and "LPR",
# set up by the occupying state on a part of another's territory.
TYPED_PLACES = ("city", "district", "region", "occupation_authority", "country")
PLACE_TYPES = TYPED_PLACES + ("other",)
# Places below a state (the parties of the agreements' scope): every state is in the gazetteer
# (data/countries.csv), so an untyped place is one too.
SUBNATIONAL_TYPES = ("city", "district", "region", "occupation_authority", "other")


@lru_cache(maxsize=1)
def kinds() -> dict[str, str]:
    """Each kind of agreement and what it covers, in the book's order."""
    return {row["kind"]: row["meaning"] for row in read_data("kinds.csv")}


@lru_cache(maxsize=1)
def statuses() -> dict[str, str]:
    """Each stage and what it means, from the least to the furthest."""
    return {row["status"]: row["meaning"] for row in read_data("statuses.csv")}


def status_rank(status: str) -> int:
    """How far the stage is: discussed 0, planned 1, ..., terminated 5."""
    return list(statuses()).index(status)
