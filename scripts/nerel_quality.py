"""Offices and affiliations of persons on NEREL: the project's actors against WORKS_AS and WORKPLACE.

Reads ``../shared/realnews/nerel/<set>`` in place (see its README): the texts go
through the library as a folder of .txt files; each person mention's office
(``mentions.role``) and the person's affiliation (``mentions.affiliation``, else ``actors.affiliation``) are
compared per document with the gold relations (``paradiplomacy_eval.nerel``).

``dev`` is for development; ``test`` gives the reported figures.

    python scripts/nerel_quality.py [--set test|dev] [--workers 1] [--errors N] [--out book/nerel_quality.csv]
"""

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"
sys.path.insert(0, str(ROOT))

from paradiplomacy.output import write_table  # noqa: E402
from paradiplomacy_eval.extraction import extract_texts, public_gold_command  # noqa: E402
from paradiplomacy_eval.nerel import Predicted, office_head, person_stem, place_roots, read_gold, score_affiliations, score_offices  # noqa: E402


def project_predictions(gold, workers: int) -> dict:
    run = extract_texts([d.path for d in gold], workers)
    persons = run.actors[run.actors.type == "person"].set_index("actor_id")
    predictions = {d.doc_id: Predicted(set(), set()) for d in gold}
    for row in run.mentions[run.mentions.actor_id.isin(persons.index)].itertuples():
        actor = persons.loc[row.actor_id]
        stem = person_stem(actor["name"])
        if row.role:
            predictions[row.doc_id].offices.add((stem, office_head(row.role)))
            affiliation = row.affiliation or actor["affiliation"]  # the document's own, else the actor's over all documents
            if affiliation:
                predictions[row.doc_id].affiliations.add((stem, place_roots(affiliation)))
    return predictions


def main(argv=None) -> int:
    args, folder = public_gold_command(argv, __doc__, "nerel", "NEREL", ["test", "dev"], "book/nerel_quality.csv", REALNEWS)
    if folder is None:
        return 0
    gold = read_gold(folder)
    predicted = project_predictions(gold, args.workers)
    print(f"NEREL {args.set}: {len(gold)} texts")
    measures = {"offices": lambda: score_offices(gold, predicted, "offices"),
                "all_professions": lambda: score_offices(gold, predicted, "professions"),
                "affiliations": lambda: score_affiliations(gold, predicted)}
    rows = []
    for measure, score in measures.items():
        result, errors = score()
        rows.append({"set": args.set, "system": "project", **result.as_row(measure)})
        print(f"{measure:16} P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}  "
              f"(gold {result.gold}, predicted {result.predicted}, correct {result.correct_predicted})")
        for error in errors[: args.errors]:
            print("   ", *error)
    if args.out:
        write_table(pd.DataFrame(rows), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
