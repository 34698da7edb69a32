"""Agreements on real news: the extraction and the keyword baseline scored against independent gold.

Three sets from ``../shared/realnews`` (see its README), annotated by helpers who did
not read the rules (``tests/gold/realnews_*/README.md``):

- ``web``: 2,552 pages of many outlets (November 2019), a development set;
- ``nerel``: the 1,187 NEREL and factRuEval texts (news of the 2000s and 2010s), a development set;
- ``rucoco``: 3,075 texts of 2000-2021, the holdout, never used to change a rule.

Each set is extracted into a temporary folder (nothing of it enters the repository),
then scored: precision and recall of agreement records (same document and kind,
parties overlapping by half: ``paradiplomacy_eval.scores.match_agreements``), and the
share of reported records that are in scope. Prints one line per set and system,
and with ``--out`` writes them as CSV for the book.

    python scripts/realnews_agreements.py [--sets web rucoco] [--workers 2] [--out book/realnews_agreements.csv]
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews"
sys.path.insert(0, str(ROOT))

from paradiplomacy_eval.baseline import baseline_agreements  # noqa: E402
from paradiplomacy_eval.scores import agreement_errors, score_agreements  # noqa: E402


def rucoco_stem(text_id: str) -> str:
    """A file name for a RuCoCo id ("json_data/2002_x_004.json" -> "json_data__2002_x_004")."""
    return text_id.removesuffix(".json").replace("/", "__")


def web_input(folder: Path) -> dict[str, str]:
    for page in sorted((REALNEWS / "web").glob("*.html")):
        (folder / page.name).symlink_to(page)
    return {}


def rucoco_input(folder: Path) -> dict[str, str]:
    """Each text as title, blank line, body; returns the gold's id of each file stem."""
    ids = {}
    with open(REALNEWS / "rucoco" / "texts.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            stem = rucoco_stem(row["id"])
            ids[stem] = row["id"]
            body = row["text"]
            if not body.startswith(row["title"]):
                body = row["title"] + "\n\n" + body
            (folder / f"{stem}.txt").write_text(body, encoding="utf-8")
    return ids


def nerel_input(folder: Path) -> dict[str, str]:
    """The NEREL and factRuEval texts in subfolders, so that their ids are "nerel/train/<stem>" as the gold's."""
    for corpus, splits in (("nerel", ("train", "dev", "test")), ("factrueval", ("devset", "testset"))):
        for split in splits:
            (folder / corpus / split).mkdir(parents=True)
            for text in sorted((REALNEWS / corpus / split).glob("*.txt")):
                if text.name != "list.txt":  # factRuEval's list of file names, no text
                    (folder / corpus / split / text.name).symlink_to(text)
    return {}


SETS = {"web": ("development", web_input), "nerel": ("development", nerel_input), "rucoco": ("holdout", rucoco_input)}


def score_set(name: str, workers: int, show_errors: bool = False) -> list[dict]:
    role, make_input = SETS[name]
    gold_dir = ROOT / "tests" / "gold" / f"realnews_{name}"
    gold = pd.read_csv(gold_dir / "agreements.csv", keep_default_na=False)
    screened = pd.read_csv(gold_dir / "screened.csv", keep_default_na=False)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        ids = make_input(corpus)
        subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(corpus), "--out", str(out),
                        "--workers", str(workers), "--cache", "none"], check=True)
        read = lambda table: pd.read_csv(out / f"{table}.csv", keep_default_na=False)
        documents, agreements = read("documents"), read("agreements")  # a region's agreements with companies are apart
        baseline = baseline_agreements(out / "clean", read("actors"), read("mentions"))
    rows = []
    for system, predicted in (("pipeline", agreements), ("keyword baseline", baseline)):
        # the gold keys a page by its file name without .html, a RuCoCo text by its own id
        predicted = predicted.assign(doc_id=predicted.doc_id.map(lambda d: ids.get(d, d.removesuffix(".html"))))
        result = score_agreements(predicted, gold, judged=screened.doc_id)  # the annotator judged every document
        score = result["score"]
        if show_errors and role == "development" and system == "pipeline":  # a holdout's errors are never shown
            print(agreement_errors(result).to_string(index=False))
        rows.append({"set": name, "role": role, "system": system, "documents_ok": int((documents.status == "ok").sum()),
                     "gold": score.gold, "predicted": score.predicted, "correct": score.correct_predicted,
                     "precision": round(score.precision, 3), "recall": round(score.recall, 3), "f1": round(score.f1, 3),
                     "status_accuracy": round(result["status_accuracy"], 3)})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=sorted(SETS), choices=sorted(SETS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="write the figures as CSV here")
    parser.add_argument("--errors", action="store_true", help="print the pipeline's errors on the development set (never on a holdout)")
    args = parser.parse_args()
    if not REALNEWS.is_dir():
        print(f"skipped: {REALNEWS} is absent (the real-news sets live beside the project, see README)")
        return 0
    rows = [row for name in args.sets for row in score_set(name, args.workers, args.errors)]
    table = pd.DataFrame(rows)
    print(table.to_string(index=False))
    if args.out:
        table.to_csv(args.out, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
