"""Files to text: discovery, decoding, Markdown extraction (saved web pages: `webpages`)."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
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
        from .webpages import html_to_document  # only indexing reads pages

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
