"""Bytes to text: encoding detection, HTML reduction, Unicode normalisation.

Which language the text is in is judged later, on the article (``language.py``).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data
from .pages import Page, read_page


# Cyrillic news arrives in these; limiting the detector to them keeps short
# texts from being read as some unrelated single-byte code page.
CANDIDATE_ENCODINGS = ["utf_8", "utf_16", "cp1251", "koi8_r", "iso8859_5", "mac_cyrillic"]

HTML_MARKERS = re.compile(r"<\s*(html|body|div|p|br|head|article|span|a\s)[^>]*>", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
FOREIGN_LETTERS = "a-zA-Zα-ωΑ-Ω"  # Latin and Greek: the scripts whose letters can pass for Cyrillic ones
FOREIGN_LETTER = re.compile(f"[{FOREIGN_LETTERS}]")
# Soft hyphens and zero-width characters: invisible on the page, but they cut a name in two for NER.
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe00-\ufe0f]")  # soft hyphens, zero widths, variation selectors left of emoji
MIXED_WORD = re.compile(rf"\b(?=\w*[{FOREIGN_LETTERS}])(?=\w*[а-яёА-ЯЁ])\w+")  # a word with Cyrillic and Latin or Greek letters
LETTER = re.compile(r"[^\W\d_]")
# Cyrillic written as UTF-8 and read back as cp1251: each letter becomes "Р" or "С" and a sign of the bytes 0x80-0xBF
# ("СЃ" for "с", "РІ" for "в"); a page may hold such words amid sound ones. A run of two letters or more, or one
# standing alone as a word, is put back; one inside a word ("Рёмер") is a word of its own.
SECOND_BYTES = "".join(ch for b in range(0x80, 0xC0) for ch in bytes([b]).decode("cp1251", errors="ignore"))
MANGLED_LETTER = f"[РС][{re.escape(SECOND_BYTES)}]"
MOJIBAKE = re.compile(rf"(?:{MANGLED_LETTER}){{2,}}|(?<![а-яёА-ЯЁ]){MANGLED_LETTER}(?![а-яёА-ЯЁ])")
MANGLED = re.compile(MANGLED_LETTER)  # what every match of MOJIBAKE holds: a text without it is searched no further
RUSSIAN_LETTERS = re.compile(r"^[а-яёА-ЯЁ]+$")


@dataclass
class Decoded:
    text: str | None
    encoding: str
    problem: str = ""  # why the bytes cannot be used as text
    page: Page | None = None  # what an HTML page states about itself


def decode_bytes(data: bytes) -> Decoded:
    """Return the text of a file, or the reason it cannot be read as Russian text."""
    if not data.strip():
        return Decoded(None, "", "empty file")
    if looks_binary(data):
        return Decoded(None, "", "binary content (control bytes), not text")
    text, encoding = detect_text(data)
    if text is None:
        return Decoded(None, "", "undecodable: no Cyrillic or Unicode encoding fits")
    return decode_text(text, encoding)


def decode_text(text: str, encoding: str = "") -> Decoded:
    """Reduce a page to its article's text (keeping what it states about itself) and normalise."""
    page = None
    if HTML_MARKERS.search(text):
        page = read_page(text)
        text = page.text
        encoding += "+html"
    text = normalize_text(text)
    problem = "" if LETTER.search(text) else "no letters: not an article"
    return Decoded(text, encoding, problem, page)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 carries NUL bytes legitimately
    if b"\x00" in head:
        return True
    controls = len(CONTROL.findall(head.decode("latin-1")))
    return controls > 0.05 * len(head)


def detect_text(data: bytes) -> tuple[str | None, str]:
    """Strict UTF-8 first (the common case, and BOM-aware), then the detector."""
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # imported here: most corpora are UTF-8 and never need it

    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        return None, ""
    return str(best), best.encoding


def normalize_text(text: str) -> str:
    """NFC, Cyrillic read back from cp1251 mojibake, unified line breaks and spaces, no trailing blanks."""
    if MANGLED.search(text):  # (most texts hold none; the simple pattern is searched ten times faster)
        text = MOJIBAKE.sub(unmangled, text)  # before NFC and the spaces: the mojibake of "Р" holds a no-break space
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = INVISIBLE.sub("", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = MIXED_WORD.sub(cyrillic_word, text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def unmangled(match: re.Match) -> str:
    """The Russian letters a run of cp1251 mojibake stands for ("СЃ" -> "с"); the run itself where it stands for none."""
    run = match.group(0)
    try:
        fixed = run.encode("cp1251").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run
    return fixed if RUSSIAN_LETTERS.match(fixed) else run


@lru_cache(maxsize=1)
def homoglyphs() -> dict[int, str]:
    """Latin and Greek letters that look like Cyrillic ones (paradiplomacy/data/homoglyphs.csv), for str.translate."""
    return {ord(row["letter"]): row["cyrillic"] for row in read_data("homoglyphs.csv")}


def cyrillic_word(match: re.Match) -> str:
    """A Cyrillic word with Latin or Greek look-alikes typed into it ("Мaлхасян" with a Latin a, "Доκумент" with a
    Greek kappa), in Cyrillic alone.

    A word whose Latin letters are not all look-alikes ("Яndex") is left as it is.
    """
    word = match.group(0)
    fixed = word.translate(homoglyphs())
    return word if FOREIGN_LETTER.search(fixed) else fixed
