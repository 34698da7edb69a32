"""Running the per-document stages: in this process, in worker processes, or on a Dask cluster,
with a cache of finished documents.

Every path returns the results in the order of the documents, so the tables
that follow are the same bytes however they were computed.
"""

import gc
import hashlib
import multiprocessing
import os
import pickle
import sys
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from .isolation import is_failure

CHUNK = 8
# The loaded models, lexicons and caches are hundreds of thousands of objects that live as long as the process; with
# Python's default threshold (700 allocations) the collector walks them again and again while natasha builds
# per-token records, about a tenth of a run. Raised, and the loaded objects frozen out of its view.
COLLECTOR_THRESHOLD = (10_000, 50, 50)


def cache_key(doc, version: str) -> str:
    """What a document's result depends on: the pipeline's code, its text and its date."""
    material = "\0".join([version, doc.published, doc.text])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class Cache:
    """One pickle per document in ``folder``, named by its key, holding the key it was made for."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str):
        if not self.folder:
            return None
        path = self.folder / f"{key}.pickle"
        try:
            stored_key, result = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            return None  # missing or unreadable: compute again
        return result if stored_key == key else None  # a cache that disagrees with its key is not trusted

    def put(self, key: str, result) -> None:
        if not self.folder:
            return
        path = self.folder / f"{key}.pickle"
        partial = path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)


def run_documents(docs, work, version: str, executor: "Executor", cache_dir=None, total: int | None = None,
                  consume=None) -> tuple[list, int]:
    """Apply ``work`` to every document ``docs`` yields; return the results in order and how many were computed.

    Documents are looked up in the cache as they arrive and only the missing
    ones are sent on, so workers start on the first while later ones are
    still being prepared. ``consume``, if given, is called on each result in
    the order of the documents as soon as it and all before it are known, so
    that gathering them overlaps the work still running in the workers.
    ``total`` sizes the progress bar shown on a terminal. Runs with the collector's threshold raised: this process
    holds the corpus and every result so far (and, working in process, the models), which the default threshold
    would have the collector walk again and again.
    """
    cache = Cache(cache_dir)
    results: list = []
    sent: list[tuple[int, str]] = []  # (position, key) of each document sent, in the order sent
    bar = tqdm(total=total, unit="doc", disable=not sys.stderr.isatty(), leave=False)
    consumed = 0

    def consume_ready():
        nonlocal consumed
        # ``results`` grows as documents are read; a slot still None is a document being computed
        while consume is not None and consumed < len(results) and results[consumed] is not None:
            consume(results[consumed])
            consumed += 1

    def missing():
        for doc in docs:
            key = cache_key(doc, version)
            results.append(cache.get(key))
            if results[-1] is None:
                sent.append((len(results) - 1, key))
                yield doc
            else:
                bar.update()

    with bar, fewer_collections():
        for n, result in enumerate(executor.imap(work, missing())):
            position, key = sent[n]  # recorded before its document was sent
            results[position] = result
            if not is_failure(result):  # a failed document is computed again next run
                cache.put(key, result)
            bar.update()
            consume_ready()
        consume_ready()  # documents found in the cache after the last one computed
    return results, len(sent)


THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def single_threaded_children():
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: "1" for name in THREAD_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def warmed_up(warm_up) -> None:
    """``warm_up`` (loading the models), then the loaded objects frozen out of the collector's view: they live as long
    as the process. Module-level, so that a worker process can run it as its initializer."""
    if warm_up is not None:
        warm_up()
    gc.freeze()


@contextmanager
def fewer_collections():
    """The collector's threshold raised (COLLECTOR_THRESHOLD) while documents are processed, restored after."""
    saved = gc.get_threshold()
    gc.set_threshold(*COLLECTOR_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


class Executor:
    """Where the per-document work runs: in this process, in ``workers`` processes, or on the
    Dask cluster at ``dask_address``.

    Worker processes start on entering and run ``warm_up`` (loading their models) while this
    process is still reading the corpus, so their start-up is not added to the run.
    """

    def __init__(self, workers: int = 1, dask_address: str | None = None, warm_up=None):
        self.workers, self.dask_address, self.warm_up = workers, dask_address, warm_up
        self.pool = self.client = None

    def __enter__(self):
        if self.dask_address:
            from dask.distributed import Client

            self.client = Client(self.dask_address)
        elif self.workers > 1:
            # Fresh interpreters with one BLAS thread each: forked children would share the parent's
            # thread pools, and N workers times N threads on N cores spin against each other.
            with single_threaded_children():
                self.pool = multiprocessing.get_context("spawn").Pool(self.workers, initializer=worker_start, initargs=(self.warm_up,))
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        if self.client is not None:
            self.client.close()

    def imap(self, work, docs):
        """Results of ``work`` over the iterable ``docs``, in order, as they are ready."""
        if self.client is not None:
            docs = list(docs)
            return iter(self.client.gather(self.client.map(work, docs, pure=False)) if docs else [])
        if self.pool is not None:
            return self.pool.imap(work, docs, chunksize=CHUNK)
        return self.in_process(work, docs)

    def in_process(self, work, docs):
        """``work`` over ``docs`` here, warming up before the first (so model loading is outside its time limit)."""
        warmed = False
        for doc in docs:
            if not warmed:
                warmed_up(self.warm_up)
                warmed = True
            yield work(doc)


def worker_start(warm_up) -> None:
    """A worker process's initializer: its models loaded and frozen, and the collector's threshold raised for its life."""
    warmed_up(warm_up)
    gc.set_threshold(*COLLECTOR_THRESHOLD)
