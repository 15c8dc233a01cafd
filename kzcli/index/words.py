"""The corpus's word maps (terms, forms, paradigms, spellings, roots, families), kept sorted and packed
into compressed blocks of a few kilobytes: a sorted list of words compresses to about a quarter, where
one SQLite row per word costs more than the word itself.

Rows written while indexing wait in `word_rows`; the corpus passes pack them into `word_blocks`
(`pack`), in one transaction, so an interrupted run leaves every row readable in one place or the
other. Readers see both, merged in key order as if one table held them.

>>> maps = WordMaps(db)  # doctest: +SKIP
>>> maps.rows("form", "соглашениями")  # doctest: +SKIP
[('соглашениями', 412)]
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from bisect import bisect_left, bisect_right
from typing import Callable

SCHEMA = """
-- Each word map's rows in key order, in compressed blocks (`index.words`); `first` is a block's first key.
CREATE TABLE IF NOT EXISTS word_blocks (
    bid INTEGER PRIMARY KEY,
    map TEXT NOT NULL,
    first NOT NULL,
    rows BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS word_blocks_by_key ON word_blocks (map, first);
-- Rows written since the last packing: the key, then the row's other fields tab-separated.
CREATE TABLE IF NOT EXISTS word_rows (
    map TEXT NOT NULL,
    key NOT NULL,
    rest TEXT NOT NULL,
    PRIMARY KEY (map, key, rest)
) WITHOUT ROWID;
"""


def _similarity(text: str) -> float | None:
    return float(text) if text else None


# Each map's field types, the key first. A row is identified by all its fields, or by as many leading
# ones as IDENTITY says (a later row with the same ones replaces an earlier one).
FIELDS: dict[str, tuple[Callable, ...]] = {
    "term": (str, int),  # term → tid
    "vocab": (int, str),  # tid → term
    "latin": (int, str),  # tid → term, of the terms with a Latin letter
    "form": (str, int),  # a written form (lower case) → tid of its lemma
    "lexeme": (str, int, int),  # stem → paradigm, tid (`analysis.inflection`)
    "paradigm": (int, str),  # paradigm → its (prefix, suffix) pairs, `endings_text`
    "spelling": (str, int, str),  # a Cyrillic word's Latin spelling → tid, term
    "reading": (str, int, str),  # a Latin word's Cyrillic reading → tid, term
    "root": (str, int),  # derivational root → tid (`lang.derivation`)
    "family": (int, int, _similarity),  # tid → a relative's tid, navec's similarity
}
IDENTITY = {"paradigm": 1, "family": 2}
KEY = re.compile(r"^([^\t\n]*)\t", re.M)  # a line's key: every row has a field after it
# A block's compressed bytes (about 16 KB of text): a larger block compresses a sorted list better (16 KB of
# text to about a quarter, 4 KB to about a third), and a lookup still reads and decompresses only one.
BLOCK_BYTES = 4096


def endings_text(endings) -> str:
    """A paradigm's (prefix, suffix) pairs as one field: space-separated suffixes, a prefix before "|":
    [("", "а"), ("", ""), ("по", "ее")] is "а  по|ее"."""
    return " ".join(f"{prefix}|{suffix}" if prefix else suffix for prefix, suffix in endings)


def text_endings(text: str) -> list[tuple[str, str]]:
    """The pairs `endings_text` wrote."""
    return [tuple(part.split("|")) if "|" in part else ("", part) for part in (text.split(" ") if text else [])]


def damaged_record(err: Exception) -> sqlite3.DatabaseError:
    """A stored block or record that does not unpack: the database file is damaged, as SQLite says of a page
    that does not read, so the index is rebuilt (`store.is_damage`)."""
    return sqlite3.DatabaseError(f"a stored record does not unpack ({type(err).__name__}: {err})")


def _field(value) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


def _line(row: tuple) -> str:
    return "\t".join(_field(value) for value in row)


class WordMaps:
    """Reading and writing the word maps of one index. A map's block directory, its waiting rows and the
    blocks read are kept for the object's life: a query reads a few blocks, the corpus passes most."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._texts: dict[int, str] = {}  # bid → its text
        self._lookups: dict[int, tuple[list, list[str]]] = {}  # bid → its keys and lines
        self._directories: dict[str, tuple[list, list[int]]] = {}  # map → first keys and bids, in key order
        self._waiting: dict[str, list[tuple]] = {}

    # -- reading -------------------------------------------------------------

    def rows(self, name: str, key, waiting: bool = True) -> list[tuple]:
        """The rows of one key, in order: rows("form", "визит") → [("визит", 17)]; without `waiting`, the
        packed rows only."""
        return self.rows_between(name, key, key, inclusive=True, waiting=waiting)

    def rows_in(self, name: str, keys) -> list[tuple]:
        """The rows of several keys, in key order."""
        found = []
        for key in sorted(set(keys)):
            found += self.rows(name, key)
        return found

    def rows_between(self, name: str, low, high, inclusive: bool = False, waiting: bool = True) -> list[tuple]:
        """The rows whose key is from `low` up to `high` (excluded unless `inclusive`), in order."""
        firsts, bids = self._directory(name)
        start = max(bisect_right(firsts, low) - 1, 0)
        end = bisect_right(firsts, high) if inclusive else bisect_left(firsts, high)
        upto = bisect_right if inclusive else bisect_left
        packed = []
        for bid in bids[start:end]:
            keys, lines = self._lines(name, bid)
            packed += _decoded(name, "\n".join(lines[bisect_left(keys, low):upto(keys, high)]))
        if not waiting:
            return packed
        staged = self.waiting(name)
        keys = [row[0] for row in staged]
        return _merged(name, packed, staged[bisect_left(keys, low):upto(keys, high)])

    def scan(self, name: str) -> list[tuple]:
        """Every row of a map, in order."""
        _, bids = self._directory(name)
        return _merged(name, [row for bid in bids for row in _decoded(name, self._text(bid))], self.waiting(name))

    def waiting(self, name: str) -> list[tuple]:
        """The rows of a map that wait to be packed, in order."""
        if name not in self._waiting:
            rows = self.db.execute("SELECT key, rest FROM word_rows WHERE map = ?", (name,)).fetchall()
            self._waiting[name] = _merged(name, [], _decoded(name, "\n".join(f"{key}\t{rest}" for key, rest in rows)))
        return self._waiting[name]

    def _directory(self, name: str) -> tuple[list, list[int]]:
        if name not in self._directories:
            rows = self.db.execute("SELECT first, bid FROM word_blocks WHERE map = ? ORDER BY first", (name,)).fetchall()
            self._directories[name] = ([first for first, _ in rows], [bid for _, bid in rows])
        return self._directories[name]

    def _text(self, bid: int) -> str:
        if bid not in self._texts:
            blob = self.db.execute("SELECT rows FROM word_blocks WHERE bid = ?", (bid,)).fetchone()[0]
            try:
                self._texts[bid] = zlib.decompress(blob).decode("utf-8")
            except (zlib.error, UnicodeDecodeError) as err:
                raise damaged_record(err) from None
        return self._texts[bid]

    def _lines(self, name: str, bid: int) -> tuple[list, list[str]]:
        """A block's keys and lines, for a lookup; a row is decoded only when read."""
        if bid not in self._lookups:
            text = self._text(bid)
            keys = KEY.findall(text)
            self._lookups[bid] = ([int(key) for key in keys] if FIELDS[name][0] is int else keys, text.split("\n"))
        return self._lookups[bid]

    # -- writing -------------------------------------------------------------

    def add(self, name: str, rows) -> None:
        """Rows to be packed; a row already waiting is kept once."""
        self.db.executemany("INSERT OR IGNORE INTO word_rows VALUES (?, ?, ?)",
                            [(name, row[0], _line(row[1:])) for row in rows])
        self._waiting.pop(name, None)

    def pack(self, name: str) -> None:
        """Merge the waiting rows of a map into its blocks: the blocks their keys fall in are rewritten,
        split where they outgrow `BLOCK_BYTES`."""
        db = self.db
        staged = self.waiting(name)
        if not staged:
            return
        firsts, bids = self._directory(name)
        by_block: dict[int | None, list[tuple]] = {}
        for row in staged:
            by_block.setdefault(bids[max(bisect_right(firsts, row[0]) - 1, 0)] if bids else None, []).append(row)
        for bid, rows in by_block.items():
            if bid is not None:
                rows = _merged(name, _decoded(name, self._text(bid)), rows)
                db.execute("DELETE FROM word_blocks WHERE bid = ?", (bid,))
                self._texts.pop(bid)
                self._lookups.pop(bid, None)
            db.executemany("INSERT INTO word_blocks (map, first, rows) VALUES (?, ?, ?)",
                           [(name, first, blob) for first, blob in _compressed_blocks(rows, BLOCK_BYTES)])
        db.execute("DELETE FROM word_rows WHERE map = ?", (name,))
        del self._directories[name], self._waiting[name]

    def forget(self) -> None:
        """Drop what was read (after a rollback, say)."""
        self._texts, self._lookups, self._directories, self._waiting = {}, {}, {}, {}


def _decoded(name: str, text: str) -> list[tuple]:
    """The rows of a block's text (or some of its lines), converted column by column: a scan decodes
    tens of thousands."""
    if not text:
        return []
    types = FIELDS[name]
    fields = text.replace("\n", "\t").split("\t")
    columns = [fields[at::len(types)] for at in range(len(types))]
    return list(zip(*(column if kind is str else map(kind, column) for kind, column in zip(types, columns))))


def _merged(name: str, packed: list[tuple], staged: list[tuple]) -> list[tuple]:
    """Packed and waiting rows as one sorted list; a waiting row replaces a packed one of the same identity."""
    width = IDENTITY.get(name, len(FIELDS[name]))
    if not staged:
        return packed
    rows = {row[:width]: row for row in packed}
    rows.update((row[:width], row) for row in staged)
    return [rows[key] for key in sorted(rows)]


def _compressed_blocks(rows: list[tuple], block_bytes: int) -> list[tuple[object, bytes]]:
    """Rows packed into compressed blocks of about `block_bytes` each, every key's rows in one block:
    (first key, block). A block's text is cut by the ratio the block before it compressed by."""
    blocks, lines, size, limit = [], [], 0, 3 * block_bytes
    for at, row in enumerate(rows):
        line = _line(row)
        lines.append(line)
        size += len(line) + 1
        if size > limit and (at + 1 == len(rows) or rows[at + 1][0] != row[0]):
            blob = zlib.compress("\n".join(lines).encode("utf-8"), 9)
            blocks.append((rows[at + 1 - len(lines)][0], blob))
            limit = size * block_bytes // len(blob)
            lines, size = [], 0
    if lines:
        blocks.append((rows[len(rows) - len(lines)][0], zlib.compress("\n".join(lines).encode("utf-8"), 9)))
    return blocks
