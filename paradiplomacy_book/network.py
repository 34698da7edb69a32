"""The level of government each actor acts at.

Reads only the tables of the codebook (actors, relations).
"""

import pandas as pd

from paradiplomacy.gazetteer import find_place

LEVELS = ("municipal", "regional", "occupation authority", "national", "chamber of commerce", "other organisation")


def government_levels(actor_ids, actors: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """Which level of government each actor acts at: a town or district is municipal, a region
    regional, a state or a body without a territory (a federal agency) national; authorities an
    occupying state installed, and chambers of commerce, are levels of their own. A person acts
    at the level of the office's body, a body at the level of the place its name holds.

    The lookups are built once, so the cost grows with the number of actors asked about.
    """
    rows = actors.set_index("actor_id")
    office = dict(zip(*relations[relations.relation == "holds_office_in"][["source", "target"]].values.T)) if len(relations) else {}
    based = dict(zip(*relations[relations.relation == "based_in"][["source", "target"]].values.T)) if len(relations) else {}

    def level(actor_id: str) -> str:
        row = rows.loc[actor_id]
        kind = row["type"]
        place = find_place(row["name"])
        if place and place.installed_by:
            return "occupation authority"  # not a region of any state: set up by the occupying one
        if kind in ("city", "district"):
            return "municipal"
        if kind == "region":
            return "regional"
        if kind == "country":
            return "national"
        if kind == "person":
            return level(office[actor_id]) if actor_id in office else "other organisation"
        if "палат" in row["name"].lower():
            return "chamber of commerce"
        if actor_id in based:
            return level(based[actor_id])
        return "national" if row["name"][:1].isupper() else "other organisation"

    return [level(a) for a in actor_ids]
