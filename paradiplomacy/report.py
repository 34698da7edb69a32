"""Helpers for the book's notebooks: tables that render the same way every run."""

import pandas as pd


class Table:
    """A DataFrame shown without its index, its text HTML-escaped.

    Styler output carries random element ids (which nbval would see change) and
    does not escape cell text; ``DataFrame.to_html`` does both right.
    """

    def __init__(self, df: pd.DataFrame):
        self.df = df.reset_index(drop=True)

    def _repr_html_(self) -> str:
        return self.df.to_html(index=False, escape=True, border=0, classes="dataframe table", na_rep="")

    def __repr__(self) -> str:
        return self.df.to_string(index=False)


def show(df: pd.DataFrame) -> Table:
    return Table(df)
