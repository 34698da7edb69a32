"""Crash sweep: the extraction over every corpus in ../shared/realnews, counting how each document ended.

    python scripts/sweep.py [--realnews ../shared/realnews] [--workers 2] [--timeout 300] [--corpora web rucoco ...]

Each corpus becomes a temporary seeds folder (links to the web pages and to the
factRuEval and NEREL .txt files; the RuCoCo texts written one .txt per text,
named from its id) outside the repository, and is extracted without a cache.
Prints, for all corpora together, the documents ok / skipped / duplicate /
failed, skipped by reason, failed by stage and reason, and the slowest
documents. Not a test: it takes minutes. The data stay where they are; nothing
of them is written into the project.
"""

import argparse
import json
import re
import shutil
import sys
import tempfile
import time

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paradiplomacy.cli import summary_line  # noqa: E402
from paradiplomacy.isolation import DEFAULT_TIMEOUT  # noqa: E402
from paradiplomacy.pipeline import extract  # noqa: E402

CORPORA = ("web", "rucoco", "factrueval", "nerel")
DEFAULT_REALNEWS = ROOT.parent / "shared" / "realnews"


def link(source: Path, target: Path) -> None:
    try:
        target.symlink_to(source.resolve())
    except OSError:
        shutil.copy(source, target)


def web_seeds(realnews: Path, folder: Path) -> None:
    for path in sorted((realnews / "web").glob("*.html")):
        link(path, folder / path.name)


def rucoco_seeds(realnews: Path, folder: Path) -> None:
    """One .txt per RuCoCo text, named from its id ("json_data/2000_finance_bujet_004.json" -> 2000_finance_bujet_004.txt)."""
    taken = set()
    with (realnews / "rucoco" / "texts.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            stem = re.sub(r"[^\w.-]", "_", Path(str(row["id"])).stem) or "text"
            name, n = stem, 1
            while name in taken:
                n += 1
                name = f"{stem}_{n}"
            taken.add(name)
            (folder / f"{name}.txt").write_text(row["text"], encoding="utf-8")


def split_seeds(realnews: Path, folder: Path, corpus: str, splits) -> None:
    for split in splits:
        for path in sorted((realnews / corpus / split).glob("*.txt")):
            link(path, folder / f"{split}_{path.name}")


BUILDERS = {
    "web": web_seeds,
    "rucoco": rucoco_seeds,
    "factrueval": lambda realnews, folder: split_seeds(realnews, folder, "factrueval", ("testset", "devset")),
    "nerel": lambda realnews, folder: split_seeds(realnews, folder, "nerel", ("train", "dev", "test")),
}


def reason_kind(reason: str) -> str:
    """A skip reason without its figures: "too long for one article (…)", "only N% of letters"."""
    return re.sub(r"\d+", "N", re.sub(r"\s*\([^)]*\d[^)]*\)", " (…)", reason))


def sweep(realnews: Path, corpora, workers: int, timeout: float | None, work_dir: Path) -> pd.DataFrame:
    rows = []
    for corpus in corpora:
        seeds = work_dir / corpus / "seeds"
        seeds.mkdir(parents=True)
        BUILDERS[corpus](realnews, seeds)
        started = time.monotonic()
        counts = extract(seeds, work_dir / corpus / "out", workers=workers, cache_dir=None, timeout=timeout,
                         warn=lambda message: None)
        print(f"{corpus}: {summary_line(counts)} in {time.monotonic() - started:,.0f} s", flush=True)
        docs = pd.read_csv(work_dir / corpus / "out" / "documents.csv", keep_default_na=False)
        docs["corpus"] = corpus
        docs["seconds"] = docs.doc_id.map(counts["seconds"]).fillna(0.0)
        rows.append(docs)
    return pd.concat(rows, ignore_index=True)


def report(docs: pd.DataFrame, slowest: int = 10) -> None:
    print(f"\nall: {len(docs):,} documents")
    print(docs.status.value_counts().reindex(["ok", "skipped", "duplicate", "failed"], fill_value=0).to_string())
    skipped = docs[docs.status == "skipped"]
    if len(skipped):
        print("\nskipped by reason:")
        print(skipped.reason.map(reason_kind).value_counts().to_string())
    failed = docs[docs.status == "failed"]
    print(f"\nfailed: {len(failed):,}")
    if len(failed):
        kinds = failed.reason.str.split(":").str[0]
        print(pd.crosstab(failed.stage, kinds).to_string())
        for row in failed.itertuples():
            print(f"  {row.corpus}/{row.source_file} ({row.stage}): {row.reason}")
    print(f"\n{slowest} slowest documents:")
    top = docs.sort_values("seconds", ascending=False, kind="stable").head(slowest)
    print(top[["corpus", "source_file", "status", "chars_clean", "seconds"]].round({"seconds": 2}).to_string(index=False))
    ok = docs[docs.status == "ok"]
    if len(ok):
        print(f"\nseconds per ok document: median {ok.seconds.median():.3f}, total {ok.seconds.sum():,.0f}")


def summary_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Documents by corpus, status, stage and reason kind (figures only, no text of the data sets)."""
    kinds = docs.assign(reason=docs.reason.map(reason_kind).where(docs.status != "failed", docs.reason.str.split(":").str[0]))
    kinds.loc[kinds.status == "ok", "reason"] = ""
    table = kinds.groupby(["corpus", "status", "stage", "reason"], sort=True).size().reset_index(name="documents")
    seconds = docs[docs.status == "ok"].groupby("corpus").seconds
    table["median_seconds_ok"] = table.corpus.map(seconds.median().round(3)).where(table.status == "ok")
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", type=Path, default=DEFAULT_REALNEWS, help="the shared real-news folder")
    parser.add_argument("--corpora", nargs="+", choices=CORPORA, default=list(CORPORA))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per document (0 for none)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the seeds and outputs in this new folder (outside the repository)")
    parser.add_argument("--csv", type=Path, default=None, help="also write every document's status, stage, reason and seconds here")
    parser.add_argument("--summary", type=Path, default=None,
                        help="also write the counts by corpus, status, stage and reason kind here (a CSV the book can read)")
    args = parser.parse_args(argv)
    if not args.realnews.is_dir():
        print(f"sweep skipped: {args.realnews} is absent (the shared real-news data sets are not on this machine)")
        return 0
    if args.keep:
        args.keep.mkdir(parents=True)
        work_dir = args.keep
    else:
        work_dir = Path(tempfile.mkdtemp(prefix="paradiplomacy-sweep-"))
    try:
        docs = sweep(args.realnews, args.corpora, max(1, args.workers), args.timeout or None, work_dir)
    finally:
        if not args.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
    report(docs)
    if args.summary:
        summary_table(docs).to_csv(args.summary, index=False, lineterminator="\n")
    if args.csv:
        docs[["corpus", "doc_id", "source_file", "status", "stage", "reason", "chars_clean", "seconds"]].to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
