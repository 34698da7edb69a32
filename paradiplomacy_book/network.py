"""The level of government each actor acts at.

Reads only the tables of the codebook (actors, relations).
"""

import pandas as pd

from paradiplomacy.gazetteer import find_place

LEVELS = ("municipal", "regional", "occupation authority", "national", "chamber", "other organisation")
# The levels of government among them: a chamber (of commerce, a non-state business association; or a public
# chamber, a consultative one) is no level of government.
GOVERNMENT_LEVELS = LEVELS[:4]
PUBLIC_BODIES = ("торгово-промышленн", "тпп", "общественн палат", "палат предпринимател")  # word beginnings, in order


def government_levels(actor_ids, actors: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """Which level of government each actor acts at: a town or district is municipal, a region
    regional, a state or a body without a territory (a federal agency) national; authorities an
    occupying state installed are a level of their own; a chamber of commerce (or a public chamber) is a public
    body, whatever place it is based in, not a level of government (GOVERNMENT_LEVELS). A person acts
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
        if public_body(row["name"]):
            return "chamber"
        if actor_id in based:
            return level(based[actor_id])
        return "national" if row["name"][:1].isupper() else "other organisation"

    return [level(a) for a in actor_ids]


def public_body(name: str) -> bool:
    """A chamber of commerce or a public chamber ("Липецкая торгово-промышленная палата", "Липецкая ТПП", "Общественная
    палата"): a public body that speaks for business or the public, not a government. "Палата представителей" is not one."""
    words = name.lower().replace("ё", "е")
    return any(all(any(w.startswith(stem) for w in words.split()) for stem in term.split()) for term in PUBLIC_BODIES)
