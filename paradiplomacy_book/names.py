"""English names for what the book names, from the actors table's ``name_english`` (see the codebook), with the
Cyrillic beside them where the reader needs it; the occupation authorities in quotation marks."""

import pandas as pd

from paradiplomacy.english import quote_authorities
from paradiplomacy.output import split_list
from paradiplomacy.registry import latin

__all__ = ["Names", "beside", "outlet_name", "quote_authorities"]


def beside(english: str, name: str) -> str:
    """``english`` with the text's ``name`` beside it in brackets, unless the two are one: "OstroV (ОстроВ)"."""
    return english if english == name else f"{english} ({name})"


def outlet_name(outlet: str) -> str:
    """An outlet's name as the manifest gives it, transliterated with the Cyrillic beside it where it has Cyrillic:
    "OstroV (ОстроВ)", "Gorod48 (Город48)"; "" for none."""
    return beside(latin(outlet), outlet)


class Names:
    """English names of the actors of the tables."""

    def __init__(self, actors: pd.DataFrame):
        self.latin = dict(zip(actors.name, actors.name_latin))
        self.english_of = dict(zip(actors.name, actors.name_english))
        self.kind = dict(zip(actors.name, actors.type))

    @classmethod
    def of(cls, tables: dict) -> "Names":
        return cls(tables["actors"])

    def english(self, name: str) -> str:
        """"Липецкая торгово-промышленная палата" → "Lipetsk Chamber of Commerce and Industry"; a name the actors
        table lacks (a gold annotation's) takes the gazetteer's English name, else its transliteration."""
        return self.english_of.get(name) or quote_authorities(self.latin.get(name) or latin(name))

    def both(self, name: str) -> str:
        """The English name with the Cyrillic beside it: "Lipetsk Oblast (Липецкая область)"."""
        return beside(self.english(name), name)

    def join(self, names, both: bool = False, sep: str = "; ") -> str:
        return sep.join((self.both if both else self.english)(n) for n in names)

    def in_table(self, df: pd.DataFrame, lists=(), single=()) -> pd.DataFrame:
        """The table with the names of its ``lists`` columns (' | '-joined) and ``single`` columns in English, the
        Cyrillic beside each: the meetings of the appendix, the errors against the gold."""
        df = df.copy()
        for column in lists:
            df[column] = df[column].map(lambda v: self.join(split_list(v), both=True))
        for column in single:
            df[column] = df[column].map(lambda v: self.both(v) if v else v)
        return df


def document_names(tables: dict, doc_id: str) -> dict[str, str]:
    """The English name of each actor as one article's page gives it: the actors table's, except for a body that names
    its place only by a generic noun ("правительство региона": one actor across the articles, tied to no region), which
    takes the place of the noun's types (paradiplomacy/data/generic_places.csv) that this article named last before
    it: "Government of the region" → "Government of Lipetsk Oblast"; where it named none, the name stays."""
    from paradiplomacy.datafiles import read_data

    actors = tables["actors"]
    english = dict(zip(actors.actor_id, actors.name_english))
    kinds = dict(zip(actors.actor_id, actors.type))
    actor_names = dict(zip(actors.actor_id, actors.name))
    generic = {row["genitive"]: (row["english"], set(filter(None, row["types"].split("|")))) for row in read_data("generic_places.csv")}
    mentions = tables["mentions"][tables["mentions"].doc_id == doc_id].sort_values("start")
    named = dict(english)
    for m in mentions.itertuples():
        if kinds.get(m.actor_id) != "organization":
            continue
        for word in actor_names[m.actor_id].lower().split():
            words, types = generic.get(word, ("", set()))
            before = mentions[(mentions.stop <= m.start) & mentions.actor_id.map(kinds).isin(types)]
            if words and words in named[m.actor_id] and len(before):
                named[m.actor_id] = named[m.actor_id].replace(words, english[before.actor_id.iloc[-1]])
    return named
