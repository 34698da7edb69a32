"""Which language a document's article is in, by py3langid (its model ships inside the package).

The article, not the page, is judged: a Russian article on a page whose menus are
in English is Russian. A Russian article quoting an English paragraph is Russian
too: when the whole article is not classed as Russian, each paragraph is, and
the article is kept if Russian paragraphs hold most of its letters.
"""

import re
from functools import lru_cache

from .datafiles import read_data

LETTER = re.compile(r"[^\W\d_]")
RUSSIAN = "ru"
MIN_LETTERS = 20  # a paragraph shorter than this says too little to be judged alone
# Short texts fool the detector between Cyrillic languages ("Кострома и Солигорск стали городами-побратимами"
# read as Macedonian). Letters settle it: each other Cyrillic language has letters or spellings Russian lacks
# (Ukrainian і ї є ґ, Belarusian і ў, Serbian and Macedonian ј љ њ ћ ђ ѓ ќ ѕ џ, Kazakh ә ғ қ ң ө ұ ү һ,
# Bulgarian ъ before a consonant: "със", "България"), while ы and э are Russian's own among them but
# Belarusian's, which has і. A text with none of the others' marks is Russian if it has ы or э, or if it
# is too short for the detector to know better. (Uzbek, Tajik, Tatar and Chuvash in Cyrillic have their own
# letters too: ҳ ҷ ӣ ӯ җ ӑ ӗ ҫ ӳ.)
RUSSIAN_LETTERS = re.compile(r"[ыэЫЭ]")
OTHER_CYRILLIC_LETTERS = re.compile(
    r"[іїєґўјљњћђѓќѕџәғқңөұүһҳҷӣӯҗӑӗҫӳІЇЄҐЎЈЉЊЋЂЃЌЅЏӘҒҚҢӨҰҮҺҲҶӢӮҖӐӖҪӲ]|ъ[бвгджзклмнпрстфхцчшщ]", re.I)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SHORT_TEXT_LETTERS = 300
CYRILLIC_LANGUAGES = {"uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"}


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in read_data("languages.csv")}


@lru_cache(maxsize=1)
def identifier():
    import py3langid  # imported here: loading the model takes a moment, and only the corpus stage needs it

    return py3langid


def classify(text: str) -> str:
    return identifier().classify(text)[0]


def language_name(code: str) -> str:
    """The language's English name: the data file's, else ISO 639's by pycountry ("bn": Bengali), else the code."""
    if code in language_names():
        return language_names()[code]
    import pycountry  # imported here: only a skipped document of a language the data file lacks needs it

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return found.name.split(" (")[0] if found is not None else code  # "Swahili (macrolanguage)": Swahili


def identify(text: str) -> str:
    """The language code of the text, Russian when Russian paragraphs hold most of its letters."""
    if mostly_cyrillic(text) and russian_by_letters(text):
        # Cyrillic letters with none of another Cyrillic language's own are Russian's, whatever the detector would
        # say (it reads a list of foreign names in Russian spelling, "Юрген Клопп («Ливерпуль»)", as Uzbek): it is
        # not asked, which spares most articles of an archive its cost
        return RUSSIAN
    language = classify(text)
    if language == RUSSIAN or language in CYRILLIC_LANGUAGES and russian_by_letters(text):
        return RUSSIAN
    letters: dict[str, int] = {}
    for paragraph in text.split("\n"):
        n = len(LETTER.findall(paragraph))
        if n >= MIN_LETTERS:
            code = classify(paragraph)
            letters[code] = letters.get(code, 0) + n
    total = sum(letters.values())
    if total and letters.get(RUSSIAN, 0) > 0.5 * total:
        return RUSSIAN
    return language


def mostly_cyrillic(text: str) -> bool:
    """True when Cyrillic letters are most of the text's letters."""
    letters = len(LETTER.findall(text))
    return bool(letters) and len(CYRILLIC.findall(text)) > 0.5 * letters


def russian_by_letters(text: str) -> bool:
    """None of the other Cyrillic languages' own letters, and ы or э, or a text too short to judge otherwise."""
    if OTHER_CYRILLIC_LETTERS.search(text):
        return False
    return bool(RUSSIAN_LETTERS.search(text)) or len(LETTER.findall(text)) < SHORT_TEXT_LETTERS


NO_LANGUAGE = "zxx"  # ISO 639-2 "no linguistic content", which py3langid gives too


def judge_language(text: str) -> tuple[str, str]:
    """The article's language code, and the reason it cannot be used (empty for a Russian article)."""
    if not LETTER.search(text):
        return "", "no letters: not an article"
    code = identify(text)
    if code == RUSSIAN:
        return code, ""
    if code == NO_LANGUAGE:  # the detector's word for figures and stray letters ("12 34 a"): no language to name
        return code, "no linguistic content: not an article"
    return code, f"not Russian: the article is in {language_name(code)} ({code})"
