"""Benchmark: the project's extraction against natasha's own pipeline on the same texts.

Two kinds of corpus:
- ``rucoco``: the first N of the 3,075 distinct real articles of
  ``../shared/realnews/rucoco/texts.jsonl``, written as one JSONL file in a
  temporary folder (nothing is copied into the project) and read through the
  tabular input, as a researcher's export would be;
- ``texts``: N articles made from the seeds and the test texts, each copy made
  distinct by a last line of its own (which the corpus stage drops as chrome).
  Larger corpora repeat the source texts, which lets the caches of words and
  names warm faster than an archive of distinct articles would.

Runs ``python -m paradiplomacy extract`` on each in a fresh process, then
natasha's segmenter, morphology tagger, syntax parser and NER (no project
code) over the same clean article texts, and prints documents per second,
seconds per MB of input, peak memory, the ratio of the two, the speed of two
workers and whether they wrote the same bytes as one.

Every process gets one BLAS thread, so a one-process run uses one core and a
two-worker run two: with its default threads numpy would spread one process
over both cores and the comparison with two workers would be of two cores
against two. Each configuration runs ``--repeat`` times, interleaved, and the
fastest run counts (the others were slowed by something else on the machine).

    python scripts/benchmark.py [--corpus rucoco texts] [--sizes 1000 3000] [--workers 2] [--repeat 1] [--out book/benchmark.csv]

``--out`` also writes the machine (processor, cores, memory, Python) to ``<out>_machine.csv``.
Without ``../shared/realnews`` the ``rucoco`` corpus is skipped with a message.
"""

import argparse
import csv
import filecmp
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/data/*/*.txt"))
RUCOCO = ROOT.parent / "shared" / "realnews" / "rucoco" / "texts.jsonl"
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщэюя"

NATASHA_ONLY = """
import sys
from pathlib import Path
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
segmenter = Segmenter()
embedding = NewsEmbedding()
morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    doc = Doc(path.read_text(encoding="utf-8"))
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    doc.tag_ner(ner)
"""


def word(i: int) -> str:
    """A distinct Cyrillic word for copy ``i`` (digits would not make lines distinct)."""
    out = ""
    while True:
        out = LETTERS[i % len(LETTERS)] + out
        i //= len(LETTERS)
        if not i:
            return out


def build_texts(folder: Path, n: int) -> int:
    """``n`` articles from the seeds and test texts, each copy distinct; returns the bytes written."""
    folder.mkdir(parents=True)
    size = 0
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        text = source.read_text(encoding="utf-8") + f"\n\nВыпуск {word(i)}\n"
        (folder / f"{i:05d}_{source.stem}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def build_rucoco(folder: Path, n: int) -> int:
    """The first ``n`` RuCoCo articles as one JSONL file (rows as they are); returns the bytes written."""
    folder.mkdir(parents=True)
    with RUCOCO.open(encoding="utf-8") as source:
        rows = [line for _, line in zip(range(n), source)]
    if len(rows) < n:
        raise SystemExit(f"{RUCOCO} has only {len(rows)} articles, fewer than {n}")
    (folder / "rucoco.jsonl").write_text("".join(rows), encoding="utf-8")
    return sum(len(row.encode("utf-8")) for row in rows)


BUILDERS = {"rucoco": build_rucoco, "texts": build_texts}


def same_tree(a: Path, b: Path) -> bool:
    """Whether two output folders hold the same files with the same bytes."""
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return left == right and all(filecmp.cmp(a / p, b / p, shallow=False) for p in left)


ONE_THREAD = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of a command run in a fresh process."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env={**os.environ, **ONE_THREAD})
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak, not the largest child so far
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def measure(corpus: str, n: int, workers: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        size = BUILDERS[corpus](tmp / "seeds", n)
        extract = [sys.executable, "-m", "paradiplomacy", "extract", str(tmp / "seeds"), "--cache", "none"]
        runs = {
            "ours": extract + ["--out", str(tmp / "out")],
            "natasha": [sys.executable, "-c", NATASHA_ONLY, str(tmp / "out" / "clean")],
            "parallel": extract + ["--out", str(tmp / "out2"), "--workers", str(workers)],
        }
        seconds, memory = {k: [] for k in runs}, {k: [] for k in runs}
        for _ in range(repeat):
            for name, command in runs.items():  # in turn, so a slow spell of the machine hits all three
                s, m = timed(command)
                seconds[name].append(s)
                memory[name].append(m)
        same = same_tree(tmp / "out", tmp / "out2")
    ours_s, floor_s, parallel_s = (min(seconds[k]) for k in runs)
    mb = size / 1e6
    return {
        "corpus": corpus, "articles": n, "distinct_texts": n if corpus == "rucoco" else min(n, len(SOURCES)), "input_mb": round(mb, 2),
        "docs_per_s": round(n / ours_s, 1), "s_per_mb": round(ours_s / mb, 1), "peak_mib": round(max(memory["ours"])),
        "natasha_docs_per_s": round(n / floor_s, 1), "natasha_s_per_mb": round(floor_s / mb, 1),
        "natasha_peak_mib": round(max(memory["natasha"])), "ratio_to_natasha": round(ours_s / floor_s, 2),
        f"docs_per_s_{workers}_workers": round(n / parallel_s, 1), "speedup": round(ours_s / parallel_s, 2),
        "same_bytes_2_workers": same,
    }


def machine() -> dict:
    """The machine the figures were measured on: processor, cores, memory, Python and system."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "") if Path("/proc/cpuinfo").exists() else ""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"processor": cpu or platform.processor() or "unknown", "cores": os.cpu_count(), "memory_gib": round(memory),
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}"}


def write_rows(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", choices=sorted(BUILDERS), default=["rucoco"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000], help="corpus sizes (default: 1,000 and 3,000 articles)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration; the fastest counts")
    parser.add_argument("--out", type=Path, help="also write the figures to this CSV")
    args = parser.parse_args()
    rows = []
    for corpus in args.corpus:
        if corpus == "rucoco" and not RUCOCO.exists():
            print(f"skipped the rucoco corpus: {RUCOCO} is absent (../shared/realnews, see its README)")
            continue
        for n in args.sizes:
            row = measure(corpus, n, args.workers, args.repeat)
            rows.append(row)
            print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if not rows:
        return 0
    if args.out:
        write_rows(args.out, rows)
        write_rows(args.out.with_name(args.out.stem + "_machine.csv"), [machine()])  # beside the figures it describes
    return 0


if __name__ == "__main__":
    sys.exit(main())
