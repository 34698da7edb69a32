"""English names for what the book names, from the actors table's ``name_english`` (see the codebook), with the
Cyrillic beside them where the reader needs it; the occupation authorities in quotation marks."""

import pandas as pd

from paradiplomacy.english import quote_authorities

__all__ = ["Names", "quote_authorities"]


class Names:
    """English names of the actors of the tables."""

    def __init__(self, actors: pd.DataFrame):
        self.latin = dict(zip(actors.name, actors.name_latin))
        self.english_of = dict(zip(actors.name, actors.name_english))

    @classmethod
    def of(cls, tables: dict) -> "Names":
        return cls(tables["actors"])

    def english(self, name: str) -> str:
        """"Липецкая торгово-промышленная палата" → "Lipetsk Chamber of Commerce and Industry"; a name the actors
        table lacks keeps its Latin name, or its own."""
        return self.english_of.get(name) or quote_authorities(self.latin.get(name, name))

    def both(self, name: str) -> str:
        """The English name with the Cyrillic beside it: "Lipetsk Oblast (Липецкая область)"."""
        english = self.english(name)
        return english if english == name else f"{english} ({name})"

    def join(self, names, both: bool = False, sep: str = "; ") -> str:
        return sep.join((self.both if both else self.english)(n) for n in names)
