from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
EXTRA = ROOT / "tests" / "data" / "extra"


def read_gold(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / f"{name}.csv", keep_default_na=False)


@pytest.fixture(scope="session")
def seeds_corpus():
    from paradiplomacy.corpus import load_corpus

    return {d.doc_id: d for d in load_corpus(SEEDS)}


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory):
    """The CLI's outputs for the seeds, made once for the session."""
    from paradiplomacy.pipeline import extract

    out = tmp_path_factory.mktemp("seeds") / "out"
    extract(SEEDS, out)
    return out


@pytest.fixture(scope="session")
def all_out(tmp_path_factory):
    """The CLI's outputs for the seeds and the extra texts together."""
    import shutil

    from paradiplomacy.pipeline import extract

    folder = tmp_path_factory.mktemp("all") / "seeds"
    folder.mkdir()
    for path in list(SEEDS.glob("*.txt")) + list(EXTRA.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    out = folder.parent / "out"
    extract(folder, out)
    return out


def read_out(out, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False)


def extract_texts(tmp_path_factory, name: str, texts: dict[str, str]) -> Path:
    """Each text written as its own document of a fresh folder, extracted once (no cache), every text parsed
    (the tables test persons and quotations in texts that report no agreement); the output folder."""
    from paradiplomacy.pipeline import extract

    root = tmp_path_factory.mktemp(name)
    folder = root / "texts"
    folder.mkdir()
    for doc, text in texts.items():
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
    extract(folder, root / "out", cache_dir=None, parse_all=True)
    return root / "out"
