"""Files to text: discovery, decoding, Markdown extraction (saved web pages: `webpages`; Word documents and
web archives: `containers`)."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".docx"}
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
    suffix = file.path.suffix.lower()
    fields: dict[str, str] = {}
    if suffix in (".mhtml", ".mht", ".docx"):
        from .containers import docx_text, mhtml_page  # only indexing opens containers

        if suffix == ".docx":
            text, encoding, address = docx_text(data), "docx", None
        else:
            text, encoding, address = mhtml_page(data)
    else:
        text, encoding = decode(data)
    if suffix in (".html", ".htm", ".mhtml", ".mht"):
        from .webpages import html_to_document  # only indexing reads pages

        doc = html_to_document(text)
        if suffix in (".mhtml", ".mht") and not doc.url:
            doc.url = address
    elif suffix == ".docx":
        doc = RawDocument(_checked(text), encoding)
    else:
        fields, text = front_matter(text)
        markdown = suffix in (".md", ".markdown") or MD_TITLE.match(text.lstrip("\n")) is not None
        doc = markdown_to_document(text, encoding) if markdown else RawDocument(text, encoding)
    for name, value in fields.items():
        setattr(doc, name, value)  # the file's own record of itself beats anything read from its text
    doc.encoding = encoding
    if not doc.text.strip():
        raise SkipFile("no text")
    return doc, content_hash(data)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
# Front-matter keys of site generators and web clippers (Hugo, Jekyll, Obsidian …), by the field they fill.
FRONT_MATTER_KEYS = {
    "title": ("title", "headline", "заголовок"),
    "published": ("date", "published", "pubdate", "published_at", "date_published", "дата"),
    "url": ("url", "link", "canonical", "canonical_url", "source_url", "permalink"),
    "outlet": ("source", "outlet", "site_name", "site", "publisher", "источник", "издание"),
}
URL = re.compile(r"^https?://\S+$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """A YAML block between "---" lines opening a text file, as RawDocument fields, and the text after it.
    A block of "title: Тарифы вырастут", "date: 2025-11-20", "source: https://example.org/tarify" gives the
    title, the date and the url (a `source` that is an address is the url, else the outlet). A block that
    does not parse as a record is text."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml  # only indexing reads files

    try:
        record = yaml.safe_load(match[1])
    except yaml.YAMLError:  # not a record after all: a rule line opening the text
        return {}, text
    if not isinstance(record, dict):
        return {}, text
    values = {str(key).strip().lower(): _scalar(value) for key, value in record.items()}
    fields: dict[str, str] = {}
    for name, keys in FRONT_MATTER_KEYS.items():
        found = [values[key] for key in keys if values.get(key)]
        addresses = [value for value in found if URL.match(value)]
        if name in ("outlet", "url") and addresses:
            fields.setdefault("url", addresses[0])  # "source: https://…" is where the clip came from
        words = [value for value in found if not URL.match(value)]
        if name != "url" and words:
            fields[name] = words[0]
    return (fields, text[match.end():]) if fields else ({}, text)


def _scalar(value) -> str:
    """A front-matter value as text: a date in ISO 8601, a string or number as written; a list is none."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)")
MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?=\S)")
ITEM_MARK = "• "  # how a reader marks a list item's line for the structure ("• пункт")


# A level-one heading, "# Заголовок" (never a hashtag, "#новости"): a text file opening with one is Markdown.
MD_TITLE = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.M)


def markdown_to_document(text: str, encoding: str) -> RawDocument:
    """A Markdown file as plain lines; its first line, when it is a level-one heading ("# Заголовок"), is
    the title."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    heading = MD_TITLE.match(first)
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
