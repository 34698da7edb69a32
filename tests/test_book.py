"""The rendered book: every page loads, every image exists, no glue left unrendered,
no traceback, and text from the sources is escaped."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXTRA, ROOT, SEEDS

pytestmark = pytest.mark.slow  # builds the book: deselect with -m 'not slow'

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def build(source: Path, out: Path) -> Path:
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(source), "--path-output", str(out), "--warningiserror", "--keep-going"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "_build" / "html"


def pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and p.name not in ("genindex.html", "search.html"))


@pytest.fixture(scope="module")
def book_html(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("book"))


def test_every_page_of_the_toc_is_built(book_html):
    toc = re.findall(r"file: (\S+)", (ROOT / "_toc.yml").read_text()) + ["book/intro"]
    for doc in toc:
        assert (book_html / f"{doc}.html").exists(), doc


def test_pages_have_no_unrendered_glue_or_traceback(book_html):
    for page in pages(book_html):
        text = page.read_text(encoding="utf-8")
        assert "{glue" not in text and "glue:text" not in text, page.name
        assert "Traceback (most recent call last)" not in text, page.name
        assert "&lt;NA&gt;" not in text, page.name  # a missing count shows blank


def test_every_linked_image_exists(book_html):
    for page in pages(book_html):
        for src in re.findall(r'<img[^>]+src="([^"]+)"', page.read_text(encoding="utf-8")):
            if not src.startswith(("http", "data:")):
                assert (page.parent / src).resolve().exists(), (page.name, src)


def test_source_text_is_escaped_in_the_html(tmp_path):
    """A seed whose text holds markup renders it as text, in tables and in marked-up evidence."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_9622bea02cfd8869.txt", seeds)
    (seeds / "evil.txt").write_text(
        "Тверь и Гомель подпишут соглашение <script>alert('x')</script>\n\n"
        "Соглашение о сотрудничестве <script>alert('x')</script> планируют заключить Тверь и Гомель в ближайшее время. "
        "Об этом сообщил губернатор Тверской области Игорь Руденя <b>жирным</b> шрифтом.\n", encoding="utf-8")
    book = tmp_path / "book"
    (book / "book").mkdir(parents=True)
    (book / "_config.yml").write_text((ROOT / "_config.yml").read_text())
    (book / "_toc.yml").write_text("format: jb-book\nroot: book/01_corpus\nchapters:\n  - file: book/03_agreements\n")
    # what `make data` makes: the seeds' tables and, beside them, those of the test corpora the quality table reads
    corpora = {"data": seeds, "data-extra": EXTRA} | {f"data-{h.name}": h for h in sorted((ROOT / "tests" / "data").glob("holdout*"))}
    for out, source in corpora.items():
        subprocess.run([sys.executable, "-m", "paradiplomacy", "extract", str(source), "--out", str(tmp_path / out)], check=True)
    for name in ("01_corpus", "03_agreements"):
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), "--book-dir", str(book / "book"),
                                 "--seeds-dir", str(seeds), "--data-dir", str(tmp_path / "data"), name], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
    html = build(book, tmp_path / "out")
    text = "".join(p.read_text(encoding="utf-8") for p in pages(html))
    assert "<script>alert" not in text
    assert "&lt;script&gt;" in text
    assert "<b>жирным</b>" not in text
