"""Quotations and speaker attribution scored against the independent gold (``tests/gold/quotations.csv``).

The gold lists, for each corpus it names (``seeds``, the quotation sentence table, the test
texts), every quotation of every document with its speaker. Each corpus is extracted into a
temporary folder (no cache) and scored with ``paradiplomacy_eval.quotations``: quotations found
(spans overlapping), and speakers (precision: of the quotations given a speaker, those with the
gold's; recall: of the gold's quotations with a speaker, those found with it). Prints the figures
(and, with ``--errors``, every quotation that is missed, wrongly attributed or not in the gold) and
writes them as CSV.

    python scripts/quotations_quality.py [--gold tests/gold/quotations.csv] [--out book/quotations_quality.csv] [--errors]
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paradiplomacy.pipeline import extract  # noqa: E402
from paradiplomacy_eval.quotations import score_quotations, sentence_texts  # noqa: E402

SENTENCES = ROOT / "tests" / "data" / "quotation_sentences.csv"
# Where the texts of each corpus the gold may name live.
FOLDERS = {"seeds": ROOT / "seeds", "extra": ROOT / "tests" / "data" / "extra", "holdout": ROOT / "tests" / "data" / "holdout",
           "holdout2": ROOT / "tests" / "data" / "holdout2", "holdout3": ROOT / "tests" / "data" / "holdout3"}
TABLES = {"sentences": SENTENCES, "quotation_sentences": SENTENCES}


def corpus_input(corpus: str, folder: Path) -> bool:
    """Put the corpus's texts into ``folder``; False for a corpus this script does not know."""
    if corpus in FOLDERS:
        shutil.copytree(FOLDERS[corpus], folder)
        return True
    if corpus in TABLES:
        folder.mkdir()
        for doc_id, text in sentence_texts(TABLES[corpus]).items():
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        return True
    return False


def score_corpus(corpus: str, gold: pd.DataFrame) -> tuple[list[dict], pd.DataFrame] | None:
    with tempfile.TemporaryDirectory() as tmp:
        texts, out = Path(tmp) / "texts", Path(tmp) / "out"
        if not corpus_input(corpus, texts):
            return None
        extract(texts, out, cache_dir=None)
        read = lambda table: pd.read_csv(out / f"{table}.csv", keep_default_na=False)
        documents = read("documents")
        judged = documents[documents.status == "ok"].doc_id
        result = score_quotations(read("quotations"), read("actors"), gold, judged, out / "clean")
    rows = [dict(corpus=corpus, **result[measure].as_row(label))
            for measure, label in (("found", "quotations found"), ("speakers", "speaker attribution"))]
    return rows, result["rows"].assign(corpus=corpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "quotations.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "book" / "quotations_quality.csv", help="write the figures as CSV here")
    parser.add_argument("--errors", action="store_true", help="print every quotation missed, wrongly attributed or not in the gold")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: no gold at {args.gold}")
        return 0
    gold = pd.read_csv(args.gold, keep_default_na=False, dtype=str)
    rows, details = [], []
    for corpus, group in gold.groupby("corpus", sort=True):
        scored = score_corpus(corpus, group)
        if scored is None:
            print(f"skipped corpus {corpus!r}: its texts are not known to this script", file=sys.stderr)
            continue
        rows += scored[0]
        details.append(scored[1])
    table = pd.DataFrame(rows)
    print(table.to_string(index=False))
    if args.errors and details:
        errors = pd.concat(details, ignore_index=True)
        print(errors[errors.result != "right"].to_string(index=False))
    if args.out:
        table.to_csv(args.out, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
