"""No document stops a run: failures are isolated, time-limited, never cached, and counted."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import EXTRA, SEEDS, read_out
from paradiplomacy import pipeline
from paradiplomacy.isolation import DocumentTimeout, isolated, stage, time_limit

FAILING = "pskov_voru"
PER_DOCUMENT_TABLES = ("lines", "framing", "mentions", "agreements", "events", "quotations")
REAL_PROCESS_DOCUMENT = pipeline.process_document


def corpus(folder):
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(EXTRA.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def broken_agreements(*args, **kwargs):
    raise ValueError("injected failure\nwith a second line")


def process_with_broken_agreements(doc):
    """The real work, with the agreements stage replaced by one that raises, for one document only.

    Defined at module level so worker processes can import it; they patch their own copy of the stage.
    """
    if doc.doc_id != FAILING:
        return REAL_PROCESS_DOCUMENT(doc)
    real = pipeline.extract_agreements
    pipeline.extract_agreements = broken_agreements
    try:
        return REAL_PROCESS_DOCUMENT(doc)
    finally:
        pipeline.extract_agreements = real


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clean")
    seeds = corpus(folder / "seeds")
    extract_counts = pipeline.extract(seeds, folder / "out")
    return seeds, folder / "out", extract_counts


def others(out, name):
    table = read_out(out, name)
    return table[table.doc_id != FAILING].to_csv(index=False, lineterminator="\n")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_document_is_isolated(clean_run, tmp_path, monkeypatch, workers):
    seeds, clean_out, clean_counts = clean_run
    monkeypatch.setattr(pipeline, "process_document", process_with_broken_agreements)
    cache = tmp_path / "cache"
    counts = pipeline.extract(seeds, tmp_path / "out", workers=workers, cache_dir=cache)
    assert counts["failed"] == 1 and counts["ok"] == clean_counts["ok"] - 1
    assert counts["failures"] == [(FAILING, "agreements", "ValueError: injected failure with a second line")]
    docs = read_out(tmp_path / "out", "documents").set_index("doc_id")
    failed = docs.loc[FAILING]
    assert (failed.status, failed.stage, failed.reason) == ("failed", "agreements", "ValueError: injected failure with a second line")
    for name in PER_DOCUMENT_TABLES:
        assert others(tmp_path / "out", name) == others(clean_out, name), name
        if name != "lines":  # lines are the corpus stage's, which succeeded
            assert FAILING not in set(read_out(tmp_path / "out", name).doc_id), name
    assert others(tmp_path / "out", "documents") == others(clean_out, "documents")
    assert not (tmp_path / "out" / "clean" / f"{FAILING}.txt").exists()
    # Never cached: a rerun after the fix computes that document alone, and gives the clean run's bytes.
    monkeypatch.setattr(pipeline, "process_document", REAL_PROCESS_DOCUMENT)
    again = pipeline.extract(seeds, tmp_path / "out", workers=workers, cache_dir=cache)
    assert again["computed"] == 1 and again["failed"] == 0
    for path in sorted(clean_out.glob("*.csv")):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_stage_is_the_innermost_one():
    with pytest.raises(KeyError) as raised:
        with stage("actors"):
            with stage("nlp"):
                raise KeyError("x")
    assert raised.value._paradiplomacy_stage == "nlp"


class Doc:
    doc_id = "slow"


def sleepy(doc):
    with stage("agreements"):
        time.sleep(5)


def test_a_document_over_the_time_limit_fails_with_reason_timeout():
    started = time.monotonic()
    result = isolated(Doc(), sleepy, timeout=0.2)
    assert time.monotonic() - started < 2
    assert (result.doc_id, result.stage, result.reason) == ("slow", "agreements", "timeout")


def swallowing(doc):
    try:
        time.sleep(5)
    except Exception:  # a stage's own catch-all must not swallow the time limit
        pass
    time.sleep(5)


def test_the_time_limit_is_not_swallowed_by_a_stage():
    started = time.monotonic()
    assert isolated(Doc(), swallowing, timeout=0.2).reason == "timeout"
    assert time.monotonic() - started < 2


def test_the_time_limit_is_cancelled_after_the_document():
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # an alarm left set would raise here
    with pytest.raises(DocumentTimeout):
        with time_limit(0.1):
            time.sleep(1)


def run_cli(*args):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SEEDS.parent), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "paradiplomacy", *map(str, args)], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.slow
def test_cli_lists_failures_and_fails_only_when_strict(tmp_path, workers):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, seeds / path.name)
    # A limit no document can meet: each one times out, in this process or in a worker.
    args = ["extract", seeds, "--out", tmp_path / "out", "--cache", "none", "--timeout", "0.001", "--workers", workers]
    lenient = run_cli(*args)
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stdout.strip() == "3 documents: 0 ok, 0 skipped, 3 failed"
    assert lenient.stderr.count("failed: ") == 3 and "(stage nlp): timeout" in lenient.stderr
    docs = read_out(tmp_path / "out", "documents")
    assert set(docs.status) == {"failed"} and set(docs.reason) == {"timeout"}
    strict = run_cli(*args, "--strict")
    assert strict.returncode == 3
    relaxed = run_cli("extract", seeds, "--out", tmp_path / "out", "--cache", "none", "--strict")
    assert relaxed.returncode == 0 and relaxed.stdout.strip() == "3 documents: 3 ok, 0 skipped"


def test_summary_line_has_thousands_separators():
    from paradiplomacy.cli import summary_line

    counts = {"documents": 3002, "ok": 2970, "skipped": 31, "duplicate": 0, "failed": 1, "cached": 0}
    assert summary_line(counts) == "3,002 documents: 2,970 ok, 31 skipped, 1 failed"


# Sentences (written for these tests) that once made a document fail, with the persons the actors stage finds in them.
REGRESSIONS = [
    # NER reads the whole text: a place ending in an adjective at the end of one paragraph was joined with
    # the name opening the next into one person mention over two sentences ("ValueError: '2_2' is not in
    # list" in actors.assign_roles; issue 17's "'32_1'").
    ("Гастроли прошли в Нижегородской\n\nИван Петров поздравил коллег.", ["Иван Петров"]),
    ("Театр открылся в Московской\n\nАнна Петрова вышла на сцену.", ["Анна Петрова"]),
    # razdel ends a sentence at a semicolon inside brackets, and NER's span of the name ran on into the
    # next one ("'3_3' is not in list" on a NEREL text, in the sweep).
    ("Премию получила актриса Мэри Браун (Мэри Браун; Mary Brown), известная по сериалам.", ["Мэри Браун"]),
    # A line longer than MAX_SENTENCE_WORDS is cut into pieces; a name cut by the piece boundary
    # was one NER span over two sentences.
    ("Пришли " + " ".join(["гости"] * 148) + " Иван Петров и Анна Сидорова.", ["Анна Сидорова", "Иван"]),
]


@pytest.mark.parametrize("text, persons", REGRESSIONS)
def test_sentences_that_once_failed(text, persons):
    from paradiplomacy.actors import extract_mentions
    from paradiplomacy.nlp import pipeline as nlp

    parsed = nlp().parse(text)
    mentions = extract_mentions(parsed)
    assert sorted({m.name for m in mentions if m.type == "person"}) == persons
    for sent in parsed.sents:  # every mention lies in one sentence
        ids = {t.id for t in sent.tokens}
        for m in mentions:
            if m.tokens and m.tokens[0].id in ids:
                assert all(t.id in ids for t in m.tokens), m.text


def test_long_lines_are_cut_into_pieces_of_bounded_length():
    from paradiplomacy.nlp import MAX_SENTENCE_WORDS, bounded, pipeline as nlp

    assert bounded("один два три") == [(0, 12)]
    assert bounded("а б в г д", 2) == [(0, 3), (4, 7), (8, 9)]
    parsed = nlp().parse("Начало. " + " ".join(["слово"] * (3 * MAX_SENTENCE_WORDS)) + ".")
    assert max(len(s.text.split()) for s in parsed.sents) == MAX_SENTENCE_WORDS


def test_a_full_stop_inside_a_quoted_name_ends_no_sentence():
    from paradiplomacy.nlp import pipeline as nlp

    text = ("Делегация Курской области посетила выставку «АГРО. Минск» в Минске. "
            "«Мы довольны. Это важный шаг для нас», — сказал губернатор.")
    sents = [s.text for s in nlp().parse(text).sents]
    assert sents[0] == "Делегация Курской области посетила выставку «АГРО. Минск» в Минске."
    assert sents[1:3] == ["«Мы довольны.", "Это важный шаг для нас», — сказал губернатор."]  # quoted speech stays apart


@pytest.mark.slow
def test_a_failing_document_is_isolated_on_dask(clean_run, tmp_path, monkeypatch):
    """On Dask the work runs on a worker's thread: failures are isolated there too (no time limit off the main thread)."""
    distributed = pytest.importorskip("dask.distributed")
    seeds, clean_out, _ = clean_run
    monkeypatch.setattr(pipeline, "process_document", process_with_broken_agreements)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        counts = pipeline.extract(seeds, tmp_path / "out", dask_address=cluster.scheduler_address, timeout=0.001)
    assert counts["failures"] == [(FAILING, "agreements", "ValueError: injected failure with a second line")]
    for name in PER_DOCUMENT_TABLES + ("documents",):
        assert others(tmp_path / "out", name) == others(clean_out, name), name


def test_no_time_limit_off_the_main_thread():
    import threading

    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(isolated(Doc(), lambda doc: time.sleep(0.3) or "done", timeout=0.05)))
    thread.start()
    thread.join()
    assert outcome == ["done"]
