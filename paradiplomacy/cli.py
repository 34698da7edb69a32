"""Command line: ``python -m paradiplomacy extract SEEDS_DIR --out DIR``."""

import argparse
import sys
from pathlib import Path

from .corpus import SeedsError
from .isolation import DEFAULT_TIMEOUT
from .sources import ROLES
from .pipeline import extract

EXIT_SEEDS = 2  # the seeds folder cannot be read
EXIT_FAILED = 3  # with --strict: at least one document failed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m paradiplomacy", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="extract documents, actors, agreements and relations")
    run.add_argument("seeds_dir", type=Path, help="folder of article files (and an optional manifest.csv)")
    run.add_argument("--out", type=Path, required=True, help="output folder, replaced whole on success")
    run.add_argument("--workers", type=int, default=1, help="processes for the per-document work (default 1)")
    run.add_argument("--cache", type=Path, default=None,
                     help="folder of per-document results to reuse (default: OUT's sibling .<OUT>.cache; 'none' to disable)")
    run.add_argument("--dask", metavar="ADDRESS", default=None, help="send the per-document work to this Dask scheduler")
    run.add_argument("--timeout", metavar="SECONDS", type=float, default=DEFAULT_TIMEOUT,
                     help=f"time limit per document; one over it is failed (default {DEFAULT_TIMEOUT:g}; 0 for none; "
                          "not applied on Dask worker threads)")
    run.add_argument("--strict", action="store_true",
                     help=f"exit with code {EXIT_FAILED} when any document failed (default: exit 0, failures listed on stderr)")
    run.add_argument("--column", action="append", default=[], metavar="ROLE=NAME",
                     help=f"in tables of articles (.csv, .tsv, .jsonl, .json, .parquet), the column of a role: {', '.join(ROLES)} "
                          "(default: recognised from common names; repeat for several roles)")
    run.add_argument("--parse", choices=("relevant", "all"), default="relevant",
                     help="parse only the articles with a word an agreement or event rule starts from (default), or "
                          "all, for the actors of every article")
    args = parser.parse_args(argv)
    columns = {}
    for item in args.column:
        role, _, name = item.partition("=")
        if role not in ROLES or not name:
            parser.error(f"--column {item}: expected ROLE=NAME with ROLE one of {', '.join(ROLES)}")
        columns[role] = name
    cache = None if str(args.cache) == "none" else (args.cache or args.out.with_name(f".{args.out.name}.cache"))
    try:
        counts = extract(args.seeds_dir, args.out, workers=max(1, args.workers), cache_dir=cache, dask_address=args.dask,
                         timeout=args.timeout or None, columns=columns,
                         parse_all=args.parse == "all")
    except SeedsError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_SEEDS
    for doc_id, stage, reason in counts["failures"]:
        print(f"failed: {doc_id} (stage {stage}): {reason}", file=sys.stderr)
    print(summary_line(counts))
    return EXIT_FAILED if args.strict and counts["failed"] else 0


def summary_line(counts: dict) -> str:
    """``3,002 documents: 2,970 ok, 31 skipped, 1 failed``; duplicates, failures and cache hits when there are any."""
    summary = f"{counts['documents']:,} documents: {counts['ok']:,} ok, {counts['skipped']:,} skipped"
    if counts["duplicate"]:
        summary += f", {counts['duplicate']:,} duplicate"
    if counts["failed"]:
        summary += f", {counts['failed']:,} failed"
    if counts["cached"]:
        summary += f" ({counts['cached']:,} from cache)"
    return summary
