"""One document cannot stop a run: failures and time limits at the document boundary.

Every per-document stage runs inside ``stage(name)``; an exception leaving it
carries the name of the innermost stage it came from. ``isolated`` runs the
whole per-document work under a time limit and turns any exception into a
``DocumentFailure`` (type, one-line message, stage), which travels back from a
worker process or a Dask worker like any result, is never cached, and makes
the document ``failed`` in ``documents.csv``.

The time limit is ``signal.setitimer(ITIMER_REAL)`` with a SIGALRM handler in
the process doing the work. It works in this process and in worker processes
(each runs the work in its main thread). Python delivers signals only to the
main thread, so where the work runs on another thread (a Dask worker's thread
pool, or ``extract`` called from a thread) there is no time limit; failures are
still isolated there. A limit also fires only between Python bytecodes, so a
single call into compiled code (one numpy product) finishes before it.
"""

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_TIMEOUT = 300.0  # seconds per document; a long news article takes one or two
STAGE_ATTRIBUTE = "_paradiplomacy_stage"
MAX_MESSAGE = 300


class DocumentTimeout(BaseException):
    """A document over its time limit. A BaseException, so no ``except Exception`` in a stage swallows it."""


@dataclass
class DocumentFailure:
    doc_id: str
    stage: str
    error: str  # the exception's type, or "timeout"
    message: str  # one line
    seconds: float = 0.0
    failed = True

    @property
    def reason(self) -> str:
        return "timeout" if self.error == "timeout" else f"{self.error}: {self.message}"


@contextmanager
def stage(name: str):
    """Mark exceptions leaving the block with ``name``, unless an inner stage marked them first."""
    try:
        yield
    except BaseException as e:
        if getattr(e, STAGE_ATTRIBUTE, None) is None:
            try:
                setattr(e, STAGE_ATTRIBUTE, name)
            except AttributeError:  # an exception type without attributes: the stage goes unrecorded
                pass
        raise


def stage_of(error: BaseException) -> str:
    return getattr(error, STAGE_ATTRIBUTE, None) or "unknown"


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or repr(error)
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def limit_applies() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def over_the_limit(seconds: float) -> str:
    return f"over the time limit of {seconds:g} s"


@contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout in the block after ``seconds`` (none if falsy, or off the main thread)."""
    if not seconds or seconds <= 0 or not limit_applies():
        yield
        return

    def expired(signum, frame):
        raise DocumentTimeout(over_the_limit(seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def isolated(doc, work, timeout: float | None = DEFAULT_TIMEOUT):
    """``work(doc)``, or a DocumentFailure when it raises or runs over ``timeout`` seconds.

    KeyboardInterrupt and SystemExit still stop the run. The result carries the
    seconds it took (never written to a table).
    """
    started = time.perf_counter()
    try:
        with time_limit(timeout):
            result = work(doc)
    except DocumentTimeout as e:
        return DocumentFailure(doc.doc_id, stage_of(e), "timeout", one_line(e), time.perf_counter() - started)
    except Exception as e:
        return DocumentFailure(doc.doc_id, stage_of(e), type(e).__name__, one_line(e), time.perf_counter() - started)
    seconds = time.perf_counter() - started
    if timeout and timeout > 0 and limit_applies() and seconds > timeout:
        # the alarm came during a call into compiled code and was lost when the limit was lifted: still over it
        return DocumentFailure(doc.doc_id, "", "timeout", over_the_limit(timeout), seconds)
    try:
        result.seconds = seconds
    except AttributeError:
        pass
    return result


def is_failure(result) -> bool:
    return getattr(result, "failed", False) is True
