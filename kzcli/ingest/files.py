"""Files to text: discovery, decoding and HTML/Markdown extraction."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
LEGACY_ENCODINGS = ("cp1251", "koi8-r")
# The most frequent Russian lower-case letters; a wrong single-byte code page
# turns them into capitals or rare letters, so their share picks the right one.
FREQUENT_RU = set("оеаинтсрвлкмдпу")
ODD_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs"}


class SkipFile(Exception):
    """A file that cannot be indexed; the message is the one-line reason."""


@dataclass
class CorpusFile:
    location: str  # the file's path (a string: building 10,000 Path objects slows every query's freshness check)
    rel: str  # path relative to the corpus, with forward slashes
    id: str
    size: int
    mtime: float

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass
class RawDocument:
    text: str
    encoding: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)  # lines of the page the reader left out (menus, footers)


def discover(corpus: Path) -> list[CorpusFile]:
    """All readable-looking files below `corpus`, sorted, with stable ids."""
    found = [CorpusFile(location, rel, "", size, mtime) for location, rel, size, mtime in scan(corpus)]
    found.sort(key=lambda item: item.rel.split("/"))
    stems: dict[str, int] = {}
    for item in found:
        stem = item.rel.rsplit(".", 1)[0]
        stems[stem] = stems.get(stem, 0) + 1
    for item in found:
        stem = item.rel.rsplit(".", 1)[0]
        item.id = stem if stems[stem] == 1 else item.rel
    return found


def scan(corpus: Path) -> list[tuple[str, str, int, float]]:
    """(path, path relative to the corpus, size, mtime) of the readable-looking files below `corpus`, in
    no order: one stat per file and plain tuples, for this runs before every query."""
    found = []
    pending = [(str(corpus), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, prefix + name + "/"))
                elif name[name.rfind("."):].lower() in SUFFIXES and entry.is_file():
                    stat = entry.stat()
                    found.append((entry.path, prefix + name, stat.st_size, stat.st_mtime))
            except OSError:
                continue
    return found


def content_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SkipFile(f"too large ({size / 1048576:.1f} MB > {max_bytes / 1048576:.0f} MB)")
        data = path.read_bytes()
    except OSError as err:
        raise SkipFile(f"unreadable ({err.strerror or err})") from None
    if not data.strip():
        raise SkipFile("empty")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, trying BOMs, UTF-8 (a few broken bytes become "\ufffd") and legacy Cyrillic code pages."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                raise SkipFile(f"undecodable (bad {encoding})") from None
    if b"\x00" in data:
        raise SkipFile("binary")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    if _damaged_utf8(text):
        return _checked(text), "utf-8"
    best = max(LEGACY_ENCODINGS, key=lambda enc: _russian_score(data.decode(enc, "replace")))
    return _checked(data.decode(best, "replace")), best


def _damaged_utf8(text: str) -> bool:
    """UTF-8 with a few broken sequences (a file cut off mid-character, a bad copy), judged by their count
    and not their share, so that a short file qualifies too: at most three broken sequences beside real
    UTF-8 letters, or one per hundred non-ASCII characters. Cyrillic in a legacy code page, read as
    UTF-8, breaks at nearly every letter and has almost no valid multi-byte letter.

    >>> _damaged_utf8("Короткий текст о визите министра в Ташкент.\ufffd"), _damaged_utf8("\ufffd\ufffd\ufffd")
    (True, False)
    """
    broken = len(re.findall("\ufffd+", text))
    wide = len(text) - len(text.encode("ascii", "ignore"))
    valid = wide - text.count("\ufffd")
    return (broken <= 3 and valid >= broken) or broken <= 0.01 * wide


def _russian_score(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch in FREQUENT_RU for ch in letters) / len(letters)


def _checked(text: str) -> str:
    """Reject text that is not mostly letters: control or unassigned characters mean binary."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    visible = Counter("".join(text[:20000].split()))  # each character once: the loop runs over dozens, not thousands
    if not visible:
        raise SkipFile("empty")
    broken = visible["\ufffd"]
    odd = sum(n for ch, n in visible.items() if unicodedata.category(ch) in ODD_CATEGORIES) + max(0, broken - 3)
    letters = sum(n for ch, n in visible.items() if ch.isalpha())
    total = sum(visible.values())
    if odd / total > 0.02 or letters / total < 0.5:
        raise SkipFile("binary or unknown encoding")
    return text


def load(file: CorpusFile, max_bytes: int) -> tuple[RawDocument, str]:
    """Read, decode and extract one file; returns the document and its content hash."""
    data = read_bytes(file.path, max_bytes)
    text, encoding = decode(data)
    suffix = file.path.suffix.lower()
    if suffix in (".html", ".htm"):
        doc = html_to_document(text)
    elif suffix in (".md", ".markdown"):
        doc = markdown_to_document(text, encoding)
    else:
        doc = RawDocument(text, encoding)
    doc.encoding = encoding
    if not doc.text.strip():
        raise SkipFile("no text")
    return doc, content_hash(data)


MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)")
MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
ITEM_MARK = "• "  # how a reader marks a list item's line for the structure ("• пункт")


def markdown_to_document(text: str, encoding: str) -> RawDocument:
    """A Markdown file as plain lines; its first line, when it is a level-one heading ("# Заголовок"), is
    the title."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    heading = re.match(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", first)
    title = markdown_to_text(heading[1]).strip() if heading else None
    return RawDocument(markdown_to_text(text), encoding, title=title or None)


def markdown_to_text(text: str) -> str:
    """Markdown to plain lines: headings and quote marks dropped, links to their text, list items
    marked as items ("- пункт", "2. пункт" → "• пункт")."""
    lines = []
    for line in text.split("\n"):
        if re.match(r"^\s*(```|---+\s*$|\*\*\*+\s*$)", line):
            continue
        line = MD_PREFIX.sub("", line)
        if MD_ITEM.match(line):
            line = ITEM_MARK + MD_ITEM.sub("", line)
        line = MD_LINK.sub(r"\1", line)
        line = MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines)


BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article",
    "header", "footer", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "time",
}
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
    site's name and address. The page's visible lines the extraction left out are listed in `dropped`.
    When trafilatura finds no main text, every visible line is kept."""
    page, meta = _visible_page(html)
    main = _main_text(html)
    if main is None:
        return page
    lines, title, site, published, url = main
    kept = {line.removeprefix(ITEM_MARK).casefold() for line in lines} | {(title or "").casefold()}
    dropped = [line for line in page.text.split("\n") if line.casefold() not in kept]
    return RawDocument(
        text="\n".join(lines),
        encoding="",
        title=title or page.title,
        outlet=page.outlet or _site_name(site, page.url, meta),
        published=page.published or published,
        url=page.url or url,
        dropped=dropped,
    )


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
    from the address's host or a social-media handle ("@vestnik")."""
    if not site:
        return None
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url or "").split("/")[0]
    guesses = {host, host.split(".")[0], meta.get("twitter:site", "").lstrip("@")} - {""}
    return None if site.casefold() in {guess.casefold() for guess in guesses} else site
