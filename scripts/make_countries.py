"""Write paradiplomacy/data/countries.csv: every ISO 3166 country by its Russian names.

The names are pycountry's own Russian translations (short and official name),
with the names and abbreviations of ``data/country_aliases.csv`` (США, КНР, ...);
the keys are those names lower-cased and lemmatised as the gazetteer looks
places up, so that "Республики Казахстан" finds Kazakhstan. Computing the
keys takes pymorphy a fifth of a second, so they are made once here rather than
on every run.

    python scripts/make_countries.py [--out paradiplomacy/data/countries.csv]
"""

import argparse
import csv
import gettext
import sys
from pathlib import Path

import pycountry

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import lemma_key

OUT = Path(__file__).resolve().parent.parent / "paradiplomacy" / "data" / "countries.csv"


def rows() -> list[dict]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    aliases: dict[str, list[str]] = {}
    for row in read_data("country_aliases.csv"):
        aliases.setdefault(row["code"], []).append(row["alias"])
    out = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = getattr(country, "common_name", None) or country.name
        official = (country.name, getattr(country, "official_name", country.name))
        names = list(dict.fromkeys([russian.gettext(n) for n in official] + aliases.get(country.alpha_2, [])))
        keys = list(dict.fromkeys(k for n in names for k in (n.lower(), lemma_key(n))))
        out.append({"code": country.alpha_2, "name": names[0], "name_latin": english, "keys": "|".join(keys)})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with args.out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["code", "name", "name_latin", "keys"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows())
    return 0


if __name__ == "__main__":
    sys.exit(main())
