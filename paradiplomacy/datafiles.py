"""The package's data files: word lists and tables kept as CSV beside the code.

A data file may open with comment lines (``# ...``) that say what it holds
and where its entries come from; they are skipped here.
"""

import csv
from functools import lru_cache
from importlib import resources


def read_data(name: str, package: str = "paradiplomacy") -> list[dict]:
    """The rows of ``data/<name>`` of ``package`` as dictionaries, comment lines skipped."""
    with resources.files(package).joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@lru_cache(maxsize=None)
def read_words(name: str, column: str = "word", package: str = "paradiplomacy") -> frozenset[str]:
    """One column of ``data/<name>``: a word list, as a set."""
    return frozenset(row[column] for row in read_data(name, package))
