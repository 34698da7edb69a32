"""HTML pages: the article element as lines of text, and the page's own metadata.

A page states what a scraped text has to guess: its headline (``og:title``,
``<h1>``, ``<title>``), its publication date (``article:published_time``,
``<time datetime>``, JSON-LD ``datePublished``), its outlet (``og:site_name``)
and its address (``og:url``, the canonical link). The text is that of the
``<article>`` element (or ``<main>``, or the body), one block element a line,
so a link inside a paragraph does not break the paragraph.
"""

import json
import re
from dataclasses import dataclass

from .dates import find_dates

# Elements that never hold article text; they go before the text is read.
NEVER_TEXT = ["script", "style", "noscript", "template", "nav", "form", "button", "select", "svg", "iframe",
              "related", "head"]
# Elements that start a new line of text.
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure",
    "figcaption", "address", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "caption", "details", "summary", "cite",
}
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
SPACES = re.compile(r"[ \t\u00a0]+")

# Metadata that states the publication date, in order of trust: (attribute, value) of a <meta>.
DATE_META = [
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
]


@dataclass
class Page:
    text: str  # the article element's text, one block a line
    title: str = ""
    title_source: str = ""
    published: str = ""  # ISO date the page states
    date_source: str = ""  # which metadata stated it
    outlet: str = ""
    url: str = ""
    url_source: str = ""  # which metadata gave the address: og:url or canonical link
    found_article: bool = False  # an <article> or <main> element was found


def read_page(markup: str) -> Page:
    from bs4 import BeautifulSoup  # imported here: only HTML pages need it

    soup = BeautifulSoup(markup, "html.parser")
    title, title_source = page_title(soup)
    published, date_source = page_date(soup)
    outlet = meta_content(soup, ("property", "og:site_name")) or meta_content(soup, ("name", "application-name"))
    og_url = meta_content(soup, ("property", "og:url"))
    url, url_source = (og_url, "og:url") if og_url else (canonical_link(soup), "canonical link")
    content, found = content_element(soup)
    return Page(block_text(content), title, title_source, published, date_source, outlet, url, url_source if url else "", found)


def meta_content(soup, key: tuple[str, str]) -> str:
    attribute, value = key
    for tag in soup.find_all("meta"):
        if (tag.get(attribute) or "").strip().lower() == value.lower():
            content = (tag.get("content") or "").strip()
            if content:
                return clean_inline(content)
    return ""


def canonical_link(soup) -> str:
    for tag in soup.find_all("link"):
        rel = tag.get("rel") or []
        rel = rel if isinstance(rel, list) else [rel]
        if "canonical" in [r.lower() for r in rel] and tag.get("href"):
            return tag["href"].strip()
    return ""


def page_title(soup) -> tuple[str, str]:
    title = meta_content(soup, ("property", "og:title"))
    if title:
        return title, "og:title"
    h1 = soup.find("h1")
    if h1 and clean_inline(h1.get_text(" ")):
        return clean_inline(h1.get_text(" ")), "h1"
    if soup.title and clean_inline(soup.title.get_text(" ")):
        return clean_inline(soup.title.get_text(" ")), "title"
    return "", ""


def iso_date(value: str) -> str:
    """The calendar date at the start of an ISO timestamp (or a written date), or ''."""
    m = ISO_DATE.match(value or "")
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31 else ""
    found = find_dates(value or "")
    return found[0].iso if found else ""


def page_date(soup) -> tuple[str, str]:
    for key in DATE_META:
        date = iso_date(meta_content(soup, key))
        if date:
            return date, key[1]
    for tag in soup.find_all("time"):
        date = iso_date(tag.get("datetime") or "")
        if date:
            return date, "time datetime"
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        date = iso_date(json_ld_value(script.string or script.get_text(), "datePublished"))
        if date:
            return date, "JSON-LD datePublished"
    return "", ""


def json_ld_value(raw: str, key: str) -> str:
    try:
        data = json.loads(raw)
    except (ValueError, TypeError):
        return ""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get(key), str):
                return item[key]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return ""


def content_element(soup):
    """The element holding the article: the <article> with the most text, <main>, or the body."""
    for tag in soup(NEVER_TEXT):
        tag.decompose()
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text())), True
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main, True
    return (soup.body or soup), False


def block_text(element) -> str:
    """The text of ``element``, a line for each block element, inline markup joined into its line."""
    from bs4 import NavigableString, Comment

    parts: list[str] = []

    def walk(node):
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child).replace("\n", " "))
                continue
            name = (child.name or "").lower()
            if name in BLOCKS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    lines = (clean_inline(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def clean_inline(text: str) -> str:
    return SPACES.sub(" ", text).strip()
