"""Command line: ``python -m paradiplomacy extract SEEDS_DIR --out DIR``."""

import argparse
import sys
from pathlib import Path

from .corpus import SeedsError
from .pipeline import extract


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m paradiplomacy", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="extract documents, actors, agreements and relations")
    run.add_argument("seeds_dir", type=Path, help="folder of article files (and an optional manifest.csv)")
    run.add_argument("--out", type=Path, required=True, help="output folder, replaced whole on success")
    args = parser.parse_args(argv)
    try:
        counts = extract(args.seeds_dir, args.out)
    except SeedsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    summary = f"{counts['documents']} documents: {counts['ok']} ok, {counts['skipped']} skipped"
    if counts["duplicate"]:
        summary += f", {counts['duplicate']} duplicate"
    print(summary)
    return 0
