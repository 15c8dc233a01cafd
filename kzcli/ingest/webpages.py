"""Saved web pages: the article's main text as trafilatura extracts it, with the page's title, date, site
name and address; every visible line when trafilatura finds no main text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..lang.calendar import stamp_date
from .files import ITEM_MARK, RawDocument

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article",
    "header", "footer", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "time",
}
# A news section or site closing a page's title after a dash or bar: "… - Новости Примерска", "… — Новости дня"
TITLE_SECTION = re.compile(r"\s+[-–—|]\s+(?=[A-ZА-ЯЁ])(?=[^-–—|]*\b[Нн]овости\b)(?:[^\s|–—-]+\s?){1,4}$")
SITE_DATE = re.compile(r"\s*[,|–—-]\s*([^,|–—]*\d[^,|–—]*)$")  # ", 12.03.2025" after a site's name
DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "nav", "form", "button"}


class _HtmlExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self._stack: list[str] = []
        self._dropped = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_TAGS:
            self._dropped += 1
        elif tag == "meta":
            attr = dict(attrs)
            key = attr.get("property") or attr.get("name") or ""
            if attr.get("content"):
                self.meta[key.lower()] = attr["content"]
        elif tag == "link":
            attr = dict(attrs)
            if (attr.get("rel") or "").lower() == "canonical" and attr.get("href"):
                self.meta["canonical"] = attr["href"]
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in DROPPED_TAGS and self._dropped:
            self._dropped -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._dropped:
            return
        if "title" in self._stack:
            self.title.append(data)
            return
        if "h1" in self._stack:
            self.h1.append(data)
        self.parts.append(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_to_document(html: str) -> RawDocument:
    """A saved web page's article: its main text as trafilatura extracts it (menus, consent and account
    lines, related articles, comments and the footer left out, each block on a line of its own, list
    items marked), the title, the publication date from the page's metadata (`article:published_time`,
    `<time datetime>`, JSON-LD `datePublished`; the local date as written, not converted to UTC), the
    site's name and address. The page's visible lines the extraction left out are listed in `dropped`,
    save a date stamp between the headline and the text of a page whose metadata has no date
    ("15 августа 2025, 11:42 · 1 245"), which opens the text, to be read as a stamp is in any file.
    When trafilatura finds no main text, every visible line is kept."""
    page, meta = _visible_page(html)
    main = _main_text(html)
    if main is None:
        return page
    lines, title, site, published, url = main
    title = TITLE_SECTION.sub("", title or page.title or "") or None
    body = {line.removeprefix(ITEM_MARK).casefold() for line in lines}
    kept = body | {(title or "").casefold()}
    page_lines = page.text.split("\n")
    stamp = None if page.published or published else _stamp_under_headline(page_lines, title, body)
    dropped = [line for line in page_lines if line.casefold() not in kept and line != stamp]
    return RawDocument(
        text="\n".join(([stamp] if stamp else []) + lines),
        encoding="",
        title=title,
        outlet=page.outlet or _site_name(site, page.url, meta),
        published=page.published or published,
        url=page.url or url,
        dropped=dropped,
    )


def _stamp_under_headline(page_lines: list[str], title: str | None, body: set[str]) -> str | None:
    """The first line with a date between the page's headline and its first line of text: the article's
    stamp (a date above the headline, as a header's "today", is not the article's)."""
    folded = [line.casefold() for line in page_lines]
    if not title or title.casefold() not in folded:
        return None
    top = folded.index(title.casefold())
    end = next((k for k in range(top + 1, len(folded)) if folded[k] in body), len(folded))
    return next((line for line in page_lines[top + 1:end] if stamp_date(line)), None)


def _visible_page(html: str) -> tuple[RawDocument, dict[str, str]]:
    """Every visible line of a page, one block per line, with its title and metadata (the reader used
    when trafilatura finds no main text), and the page's <meta> values."""
    parser = _HtmlExtractor()
    parser.feed(html)
    parser.close()
    lines = [_squash(line) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    title = _squash("".join(parser.h1)) or _squash("".join(parser.title)) or None
    meta = parser.meta
    return RawDocument(
        text=text,
        encoding="",
        title=title,
        outlet=meta.get("og:site_name"),
        published=meta.get("article:published_time") or meta.get("pubdate") or meta.get("date"),
        url=meta.get("canonical") or meta.get("og:url"),
    ), meta


def _main_text(html: str) -> tuple[list[str], str | None, str | None, str | None, str | None] | None:
    """trafilatura's reading of a page: (lines, title, site name, date, url), or None when it finds no
    main text. Imported here: only indexing reads pages."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its notes on odd markup are not the user's
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, output_format="python",
            date_extraction_params={"original_date": True, "extensive_search": False},  # metadata, not text
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read is read by the fallback
        return None
    if found is None or found.body is None:
        return None
    lines = [line for block in found.body for line in _block_lines(block)]
    if not lines:
        return None
    return lines, found.title, found.sitename, found.date, found.url


def _block_lines(block) -> list[str]:
    """One extracted block (trafilatura's <head>, <p>, <list>, <quote>, <table>) as text lines: a list's
    items marked as items, a table's rows one per line, line breaks kept."""
    if block.tag == "list":
        return [ITEM_MARK + text for item in block.iter("item") if (text := _element_text(item))]
    if block.tag == "table":
        return [text for row in block.iter("row") if (text := " | ".join(
            _element_text(cell) for cell in row.iter("cell") if _element_text(cell)))]
    return [line for line in (_squash(part) for part in _element_text(block, breaks=True).split("\n")) if line]


def _element_text(element, breaks: bool = False) -> str:
    parts = []
    for node in element.iter():
        if node.tag == "lb" and breaks:
            parts.append("\n")
        parts.append(node.text or "")
        if node is not element:
            parts.append(node.tail or "")
    text = "".join(parts)
    return text if breaks else _squash(text)


def _site_name(site: str | None, url: str | None, meta: dict[str, str]) -> str | None:
    """trafilatura's site name when the page states one (a publisher, JSON-LD), not when it guessed it
    from the address's host or a social-media handle ("@vestnik"); without the date a title's suffix
    glues to it ("Мэр открыл мост - Вестник, 12.03.2025" → Вестник)."""
    dated = SITE_DATE.search(site or "")
    if dated and stamp_date(dated[1]):
        site = site[:dated.start()].strip()
    if not site:
        return None
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url or "").split("/")[0]
    guesses = {host, host.split(".")[0], meta.get("twitter:site", "").lstrip("@")} - {""}
    return None if site.casefold() in {guess.casefold() for guess in guesses} else site
