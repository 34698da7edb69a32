"""Agreements and persons on a folder of real news excerpts labelled by an independent annotator.

The excerpts are third-party text and stay outside the repository; each folder holds

- ``texts/NNN.txt``: one excerpt each (headline, blank line, body);
- ``gold/agreements.csv`` (``doc_id,kind,status,parties,signatories,date,evidence``; ``doc_id`` is NNN),
  ``gold/company.csv`` (a region's agreements with companies, same columns) and ``gold/persons.csv``
  (``doc_id,name,office``).

A set is split by number before its first score: the odd-numbered excerpts are the development half,
the even-numbered ones a half never read. ``--errors`` prints the errors of the development half only,
and never those of a set named with ``--holdout`` (``tests/gold/README.md`` says which sets are which).

    python scripts/excerpts_quality.py DIR [--half dev|unread|all] [--holdout] [--errors] [--persons] [--parse all]
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paradiplomacy.output import split_list  # noqa: E402
from paradiplomacy_eval.baseline import baseline_agreements  # noqa: E402
from paradiplomacy_eval.names import person_key  # noqa: E402
from paradiplomacy_eval.scores import agreement_errors, score_agreements, score_persons  # noqa: E402


def in_half(doc_id: str, half: str) -> bool:
    """Whether excerpt ``doc_id`` ("007") belongs to the half asked for."""
    odd = int(doc_id) % 2 == 1
    return half == "all" or (half == "dev") == odd


def read_gold(folder: Path, name: str) -> pd.DataFrame:
    table = pd.read_csv(folder / "gold" / f"{name}.csv", dtype=str, keep_default_na=False)
    return table.assign(doc_id=table.doc_id.str.zfill(3))


def signatories_agree(result: dict) -> tuple[int, int]:
    """Of the matched records where either side names signatories, how many name the same ones (by surname)."""
    predicted, gold = result["predicted"], result["gold"]
    surnames = lambda names: frozenset(person_key(n) for n in split_list(names))  # noqa: E731
    judged = [(surnames(predicted.signatories[i]), surnames(gold.signatories[j])) for i, j in result["pairs"]]
    judged = [(p, g) for p, g in judged if p or g]
    return sum(p == g for p, g in judged), len(judged)


def offices_right(found, errors: pd.DataFrame) -> int:
    """How many of the persons found have exactly the annotator's offices."""
    return found.correct_gold - int((~errors.predicted.eq("(not found)") & ~errors.gold.eq("(not in gold)")).sum())


def extract(texts: Path, out: Path, workers: int, parse: str) -> None:
    subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(texts), "--out", str(out),
                    "--workers", str(workers), "--cache", "none", "--parse", parse], check=True, stdout=subprocess.DEVNULL)


def score(folder: Path, out: Path, half: str, show_errors: bool, persons: bool) -> list[str]:
    """The lines of figures for one folder, extracted into ``out``."""
    read = lambda table: pd.read_csv(out / f"{table}.csv", dtype={"doc_id": str}, keep_default_na=False)  # noqa: E731
    judged = sorted(p.stem for p in (folder / "texts").glob("*.txt") if in_half(p.stem, half))
    gold = read_gold(folder, "agreements")
    gold = gold[gold.doc_id.isin(judged)]
    lines = [f"{folder.name} ({half}): {len(judged)} excerpts, {len(gold)} gold agreements"]
    baseline = baseline_agreements(out / "clean", read("actors"), read("mentions"))
    for system, predicted in (("pipeline", read("agreements")), ("baseline", baseline)):
        result = score_agreements(predicted, gold, judged=judged)
        s = result["score"]
        lines.append(f"  {system:8} agreements P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} "
                     f"({s.correct_predicted}/{s.predicted} right, {s.correct_gold}/{s.gold} found)"
                     + (f"; status {result['status_accuracy']:.2f}" if system == "pipeline" else ""))
        if system == "pipeline":
            same, named = signatories_agree(result)
            lines.append(f"  signatories the annotator's: {same} of {named}")
            if show_errors and len(errors := agreement_errors(result)):
                lines.append(errors.to_string(index=False))
    if persons:
        gold_persons = read_gold(folder, "persons")
        gold_persons = gold_persons[gold_persons.doc_id.isin(judged)]
        found, offices, errors = score_persons(read("actors"), read("mentions"), gold_persons, with_bodies=True)
        right = offices_right(found, errors)
        found_as_worded, _, errors_as_worded = score_persons(read("actors"), read("mentions"), gold_persons)
        worded = offices_right(found_as_worded, errors_as_worded)
        lines.append(f"  persons P {found.precision:.3f} R {found.recall:.3f} F1 {found.f1:.3f}; "
                     f"offices right for {right} of {found.correct_gold} ({right / max(found.correct_gold, 1):.3f}) with the affiliation, "
                     f"{worded} ({worded / max(found.correct_gold, 1):.3f}) as worded")
        if show_errors and len(errors):
            lines.append(errors.to_string(index=False))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--half", choices=["dev", "unread", "all"], default="dev")
    parser.add_argument("--holdout", action="store_true", help="the folders are holdouts: never print their errors")
    parser.add_argument("--errors", action="store_true", help="print the errors of the development half")
    parser.add_argument("--persons", action="store_true", help="score persons and offices too")
    parser.add_argument("--workers", type=int, default=2)
    # Persons are looked for only in the articles the pipeline parses; "all" measures the actor stage on every article
    parser.add_argument("--parse", choices=("relevant", "all"), default="relevant", help="passed to the extract command")
    args = parser.parse_args()
    show_errors = args.errors and args.half == "dev" and not args.holdout
    for folder in args.folders:
        if not (folder / "texts").is_dir():
            print(f"skipped: {folder} has no texts/ (the excerpts live outside the repository)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            extract(folder / "texts", Path(tmp) / "out", args.workers, args.parse)
            print("\n".join(score(folder, Path(tmp) / "out", args.half, show_errors, args.persons)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
