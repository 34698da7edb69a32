"""Every column of every output table is documented in the codebook, and nothing else is."""

import pandas as pd

from conftest import read_out
from paradiplomacy.gazetteer import read_data


def test_codebook_matches_the_outputs(seeds_out):
    codebook = pd.DataFrame(read_data("codebook.csv"))
    for table, group in codebook.groupby("table"):
        assert list(read_out(seeds_out, table).columns) == list(group.column), table
    written = {p.stem for p in seeds_out.glob("*.csv")}
    assert written == set(codebook.table)
