"""Parallel, cached and distributed runs give the same bytes; bad and changing input is handled."""

import fcntl
import os
import shutil
import struct
import subprocess
import sys
import termios
import time

import pytest

from conftest import EXTRA, SEEDS, read_out
from paradiplomacy import pipeline
from paradiplomacy.pipeline import extract, read_tables


def corpus(folder):
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(EXTRA.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def same_outputs(a, b):
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


@pytest.mark.slow
def test_two_workers_give_the_bytes_of_one(tmp_path):
    seeds = corpus(tmp_path / "seeds")
    extract(seeds, tmp_path / "one", workers=1)
    extract(seeds, tmp_path / "two", workers=2)
    same_outputs(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_same_bytes_whatever_the_hash_seed(tmp_path):
    """Python salts string hashes per process: nothing may depend on the order of a set of strings."""
    seeds = corpus(tmp_path / "seeds")
    for path in sorted(EXTRA.parent.glob("holdout*/*.txt")):
        shutil.copy(path, seeds / f"{path.parent.name}_{path.name}")
    for seed in ("1", "3"):
        subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(seeds), "--out", str(tmp_path / seed), "--cache", "none"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
    same_outputs(tmp_path / "1", tmp_path / "3")


def test_cache_reuses_finished_documents_and_ignores_bad_entries(tmp_path):
    seeds = corpus(tmp_path / "seeds")
    moved = [seeds / "kaluga_jiangxi.txt", seeds / "pskov_voru.txt"]
    for path in moved:
        path.rename(tmp_path / path.name)
    cache = tmp_path / "cache"
    first = extract(seeds, tmp_path / "out", cache_dir=cache)
    assert first["computed"] == first["ok"]
    for path in moved:
        (tmp_path / path.name).rename(path)
    second = extract(seeds, tmp_path / "out", cache_dir=cache)
    assert second["computed"] == 2
    entries = sorted(cache.glob("*.pickle"))
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[2].read_bytes())  # a result stored under another document's key
    third = extract(seeds, tmp_path / "out", cache_dir=cache)
    assert third["computed"] == 2
    extract(seeds, tmp_path / "fresh")
    same_outputs(tmp_path / "out", tmp_path / "fresh")


@pytest.mark.slow
def test_dask_cluster_gives_the_same_bytes(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    seeds = corpus(tmp_path / "seeds")
    extract(seeds, tmp_path / "local")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        extract(seeds, tmp_path / "dask", dask_address=cluster.scheduler_address)
    same_outputs(tmp_path / "local", tmp_path / "dask")


def test_huge_file_is_skipped_with_a_reason_quickly(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "002_73576530f1f9f9ee.txt", seeds)
    sentence = "Губернатор области провёл рабочее совещание с руководителями районов и поручил подготовить отчёт. "
    (seeds / "dump.txt").write_text((sentence * 20 + "\n\n") * 3000, encoding="utf-8")
    assert (seeds / "dump.txt").stat().st_size > 5_000_000
    started = time.monotonic()
    counts = extract(seeds, tmp_path / "out")
    assert time.monotonic() - started < 120
    docs = read_out(tmp_path / "out", "documents").set_index("doc_id")
    assert docs.loc["dump", "status"] == "skipped" and "too long" in docs.loc["dump", "reason"]
    assert counts["ok"] == 1


def test_folder_changing_during_a_run(tmp_path, monkeypatch):
    seeds = corpus(tmp_path / "seeds")
    real = pipeline.process_document

    def meddling(doc):
        (seeds / "late_arrival.txt").write_text((SEEDS / "000_9622bea02cfd8869.txt").read_text() + "\nЕщё одна строка.\n")
        (seeds / "pskov_voru.txt").unlink(missing_ok=True)
        return real(doc)

    monkeypatch.setattr(pipeline, "process_document", meddling)
    extract(seeds, tmp_path / "out")
    docs = read_out(tmp_path / "out", "documents")
    assert "late_arrival" not in set(docs.doc_id)  # listed after the run started: next run
    assert "pskov_voru" in set(docs[docs.status == "ok"].doc_id)  # read before it was deleted
    monkeypatch.setattr(pipeline, "process_document", real)
    with pytest.raises(pipeline.TablesError, match="make data"):
        read_tables(seeds, tmp_path / "out")  # stale now: reading says so and never extracts
    extract(seeds, tmp_path / "out")
    tables = read_tables(seeds, tmp_path / "out")
    assert "late_arrival" in set(tables["documents"].doc_id)
    assert "pskov_voru" not in set(tables["documents"].doc_id)


def test_interrupted_run_keeps_the_last_good_outputs(tmp_path, monkeypatch):
    seeds = corpus(tmp_path / "seeds")
    extract(seeds, tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}

    def interrupted(doc):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "process_document", interrupted)
    (seeds / "new.txt").write_text((EXTRA / "pskov_voru.txt").read_text() + "\nДобавлено.\n")
    with pytest.raises(KeyboardInterrupt):
        extract(seeds, tmp_path / "out")
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")} == before
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


@pytest.mark.slow
def test_cli_is_quiet_off_a_terminal(tmp_path):
    seeds = corpus(tmp_path / "seeds")
    result = subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(seeds), "--out", str(tmp_path / "out"), "--workers", "2"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.strip() == "9 documents: 9 ok, 0 skipped"


def test_cli_shows_progress_on_a_terminal(tmp_path):
    seeds = corpus(tmp_path / "seeds")
    master, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a bare pty has no width
    process = subprocess.Popen([sys.executable, "-m", "paradiplomacy", "extract", str(seeds), "--out", str(tmp_path / "out")],
                               stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    shown = b""
    while chunk := read_terminal(master):
        shown += chunk
    assert process.wait() == 0
    frames = shown.decode(errors="replace").split("\r")
    assert any("0/9" in f for f in frames) and any("doc/s" in f for f in frames)


def read_terminal(fd) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the child closed its end
        return b""
