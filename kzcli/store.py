"""The SQLite index: one database per corpus, one transaction per article."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

from .errors import KzError

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    aid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    hash TEXT NOT NULL,
    encoding TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_source TEXT,
    genre TEXT,
    interviewee TEXT,
    words INTEGER,
    paragraphs INTEGER,
    boilerplate TEXT
);
CREATE TABLE IF NOT EXISTS paragraphs (
    aid INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (aid, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentences (
    aid INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    para INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    tokens TEXT NOT NULL,
    PRIMARY KEY (aid, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    aid INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    normal TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_article ON entities (aid);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    reason TEXT NOT NULL
);
"""
CHILD_TABLES = ("paragraphs", "sentences", "entities")


class Store:
    """Connection to one corpus index; creates or rebuilds it on open as needed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
        except (OSError, sqlite3.Error) as err:
            raise KzError(f"cannot open the index at {path}: {err}") from None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError:
            db.close()
            self._delete_files()
            return self._connect()
        if tables and version != SCHEMA_VERSION:
            db.close()
            self._delete_files()
            return self._connect()
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        if not tables:
            db.executescript(SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.row_factory = sqlite3.Row
        return db

    def _delete_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        self.db.close()

    # -- freshness ---------------------------------------------------------

    def file_states(self) -> dict[str, tuple[int, float, str]]:
        """path → (size, mtime, hash) for every indexed article."""
        rows = self.db.execute("SELECT path, size, mtime, hash FROM articles")
        return {row["path"]: (row["size"], row["mtime"], row["hash"]) for row in rows}

    def skipped_states(self) -> dict[str, tuple[int, float, str]]:
        rows = self.db.execute("SELECT path, size, mtime, reason FROM skipped")
        return {row["path"]: (row["size"], row["mtime"], row["reason"]) for row in rows}

    # -- writing -------------------------------------------------------------

    def write_article(self, record: dict, paragraphs: list, sentences: list) -> None:
        """Replace one article and everything derived from it, atomically."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._remove(record["path"])
            self._remove(record["id"], column="id")
            db.execute("DELETE FROM skipped WHERE path = ?", (record["path"],))
            columns = ", ".join(record)
            marks = ", ".join("?" * len(record))
            aid = db.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", list(record.values())).lastrowid
            db.executemany(
                "INSERT INTO paragraphs VALUES (?, ?, ?, ?)",
                [(aid, index, para.kind, para.text) for index, para in enumerate(paragraphs)],
            )
            db.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, index, sent.para, sent.start, sent.end, sent.text,
                     json.dumps([list(asdict(token).values()) for token in sent.tokens], ensure_ascii=False))
                    for index, sent in enumerate(sentences)
                ],
            )
            db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, index, entity.start, entity.end, entity.type, entity.text, entity.normal)
                    for index, sent in enumerate(sentences)
                    for entity in sent.entities
                ],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def touch(self, path: str, size: int, mtime: float) -> None:
        """Record a new size and mtime for a file whose content did not change."""
        self.db.execute("UPDATE articles SET size = ?, mtime = ? WHERE path = ?", (size, mtime, path))

    def mark_skipped(self, path: str, size: int, mtime: float, reason: str) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._remove(path)
            db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)", (path, size, mtime, reason))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def forget(self, paths: list[str]) -> None:
        """Drop files that have left the corpus."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for path in paths:
                self._remove(path)
                db.execute("DELETE FROM skipped WHERE path = ?", (path,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _remove(self, value: str, column: str = "path") -> None:
        row = self.db.execute(f"SELECT aid FROM articles WHERE {column} = ?", (value,)).fetchone()
        if row:
            for table in CHILD_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE aid = ?", (row["aid"],))
            self.db.execute("DELETE FROM articles WHERE aid = ?", (row["aid"],))

    # -- reading -------------------------------------------------------------

    def articles(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM articles ORDER BY id").fetchall()

    def article(self, aid: int) -> sqlite3.Row:
        return self.db.execute("SELECT * FROM articles WHERE aid = ?", (aid,)).fetchone()

    def paragraphs(self, aid: int) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM paragraphs WHERE aid = ? ORDER BY idx", (aid,)).fetchall()

    def skipped(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM skipped ORDER BY path").fetchall()
