"""Running the per-document stages: in this process, in worker processes, or on a Dask cluster,
with a cache of finished documents.

Every path returns the results in the order of the documents, so the tables
that follow are the same bytes however they were computed.
"""

import hashlib
import multiprocessing
import os
import pickle
import sys
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

CHUNK = 8


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


def run_documents(docs, work, version: str, workers: int = 1, cache_dir=None, dask_address=None) -> tuple[list, int]:
    """Apply ``work`` to every document; return the results in order and how many were computed."""
    cache = Cache(cache_dir)
    keys = [cache_key(d, version) for d in docs]
    results = [cache.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    missing = [docs[i] for i in todo]
    for i, result in zip(todo, compute(missing, work, workers, dask_address)):
        results[i] = result
        cache.put(keys[i], result)
    return results, len(todo)


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


def compute(docs, work, workers: int, dask_address):
    """Results of ``work`` over ``docs`` in order, with a progress bar on a terminal."""
    if not docs:
        return []
    progress = dict(total=len(docs), unit="doc", disable=not sys.stderr.isatty(), leave=False)
    if dask_address:
        from dask.distributed import Client

        with Client(dask_address) as client:
            futures = client.map(work, docs, pure=False)
            return client.gather(futures)
    if workers > 1:
        # Fresh interpreters with one BLAS thread each: forked children would share the parent's
        # thread pools, and N workers times N threads on N cores spin against each other.
        with single_threaded_children(), multiprocessing.get_context("spawn").Pool(workers) as pool:
            return list(tqdm(pool.imap(work, docs, chunksize=CHUNK), **progress))
    return [work(d) for d in tqdm(docs, **progress)]
