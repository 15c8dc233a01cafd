"""The SQLite index: one database per corpus; each article replaced atomically, many per transaction."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import NamedTuple

from ..analysis.aliases import article_names
from ..analysis.copies import text_sketch
from ..analysis.names import Mention
from ..analysis.terms import paragraph_terms
from ..lang.derivation import derivation_root, has_root
from ..errors import KzError
from ..lang.frequent import FREQUENT_WORDS
from .words import SCHEMA as WORDS_SCHEMA, WordMaps, damaged_record, endings_text

SCHEMA_VERSION = 42
# Bytes per database page, set when an index is created: 1 KB pages leave less of each small table's
# last page, each one-page index and each kilobyte-long row empty than SQLite's 4 KB.
PAGE_SIZE = 1024

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    aid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    encoding TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    published_source TEXT,
    window_from TEXT,
    window_to TEXT,
    window_linked TEXT,
    genre TEXT,
    interviewee TEXT,
    words INTEGER,
    paragraphs INTEGER,
    url TEXT,
    language TEXT,
    sketch BLOB,  -- analysis/copies.py
    copy_of INTEGER  -- the aid of the article this one copies
);
CREATE INDEX IF NOT EXISTS articles_copies ON articles (copy_of) WHERE copy_of IS NOT NULL;
-- Each article's paragraphs, its sentences, and its names, figures, named events, person mentions and
-- statements' words, one compressed record of each (`packed_paragraphs`, `packed_sentences`, `packed_facts`),
-- which `Store.paragraphs`, `Store.sentences`, `Store.figures`, `Store.article_names`, `Store.event_names`,
-- `Store.mentions` and `Store.quote_words` read: compressed together, an article's short paragraphs,
-- sentences, names, figures, events, mentions and statements take a half to a third of the bytes they took
-- one row each. A rowid table:
-- records run to kilobytes, which a WITHOUT ROWID table would push half-empty into overflow pages.
CREATE TABLE IF NOT EXISTS article_texts (
    aid INTEGER PRIMARY KEY,
    paragraphs BLOB NOT NULL,
    sentences BLOB NOT NULL,
    facts BLOB NOT NULL
);
-- The terms no paragraph holds any longer (their articles changed or left), which queries pass over;
-- worked out again by the corpus passes after a removal (`Store.bury_terms`).
CREATE TABLE IF NOT EXISTS dead_terms (
    tid INTEGER PRIMARY KEY
);
-- Other names of one organisation the corpus uses (grp): its name, abbreviations, compounds, short forms;
-- tids is the name's vocabulary ids in order, space-separated.
CREATE TABLE IF NOT EXISTS aliases (
    grp INTEGER NOT NULL,
    tids TEXT NOT NULL,
    term TEXT NOT NULL,
    kind TEXT NOT NULL
);
-- Each paragraph's terms in order (and the terms it holds at no place: codes, other spellings), as
-- space-separated `term_token`s, which the full-text index reads as its content.
CREATE TABLE IF NOT EXISTS para_terms (
    rowid INTEGER PRIMARY KEY,
    aid INTEGER NOT NULL,
    para INTEGER NOT NULL,
    length INTEGER NOT NULL,
    terms TEXT NOT NULL,
    extra TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS para_terms_by_article ON para_terms (aid, para);
-- The paragraphs' count and summed length, which BM25 normalises by, kept by triggers so that no
-- query reads every paragraph for them.
CREATE TABLE IF NOT EXISTS paragraph_totals (
    paragraphs INTEGER NOT NULL,
    length INTEGER NOT NULL
);
INSERT INTO paragraph_totals VALUES (0, 0);
CREATE TRIGGER IF NOT EXISTS paragraph_added AFTER INSERT ON para_terms BEGIN
    UPDATE paragraph_totals SET paragraphs = paragraphs + 1, length = length + new.length;
END;
CREATE TRIGGER IF NOT EXISTS paragraph_removed AFTER DELETE ON para_terms BEGIN
    UPDATE paragraph_totals SET paragraphs = paragraphs - 1, length = length - old.length;
END;
CREATE VIRTUAL TABLE IF NOT EXISTS para_fts USING fts5(
    terms, extra, content='para_terms', content_rowid='rowid', tokenize='unicode61'
);
-- The term ids the full-text index holds (no storage of its own).
CREATE VIRTUAL TABLE IF NOT EXISTS para_vocab USING fts5vocab(para_fts, 'row');
-- Each person mention's sentence and person, for `--person` filters; the mention itself (its name, role …)
-- is in its article's facts record (`Store.mentions`), in the same order (idx).
CREATE TABLE IF NOT EXISTS mentions (
    aid INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    pid INTEGER,
    PRIMARY KEY (aid, idx)
) WITHOUT ROWID;
-- Each statement's place, kind and speaker, which `quotes` filters and orders by; its words (cue, text, the
-- speaker's phrase) are in its article's facts record, the idx-th (`Store.quote_words`).
CREATE TABLE IF NOT EXISTS quotes (
    qid INTEGER PRIMARY KEY,
    aid INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    para INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_type TEXT NOT NULL,
    speaker TEXT NOT NULL,
    mention INTEGER,
    pid INTEGER
);
CREATE INDEX IF NOT EXISTS quotes_by_article ON quotes (aid);
CREATE INDEX IF NOT EXISTS quotes_by_person ON quotes (pid);
CREATE TABLE IF NOT EXISTS people (
    pid INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    files TEXT NOT NULL
);
-- What a --person value is matched against (`analysis.names.person_keys`), so that a query finds a name
-- through an index instead of reading every person: the table is its own index of keys, a surname key
-- ("токаев") and its sound after `SOUND_KEY` ("~tokaef") each a key of its own (`person_key_rows`).
CREATE TABLE IF NOT EXISTS person_keys (
    key TEXT NOT NULL,
    pid INTEGER NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (key, pid, first)
) WITHOUT ROWID;
-- Dated events: the date's words at paragraph offsets start–end, the event's words as character offsets of
-- its sentence (`clauses.ClauseSpan`), whose text a query works out from the sentence, and its content
-- lemmas for merging across sources, compressed (`packed_text`).
CREATE TABLE IF NOT EXISTS events (
    aid INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    para INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value TEXT NOT NULL,
    granularity TEXT NOT NULL,
    modifier TEXT,
    year_inferred INTEGER NOT NULL,
    planned INTEGER NOT NULL,
    clause TEXT NOT NULL,
    lemmas BLOB NOT NULL,
    first_day TEXT,
    last_day TEXT,
    xref_aid INTEGER,
    xref_mention TEXT
);
CREATE INDEX IF NOT EXISTS events_by_day ON events (first_day);
-- Short lines near the top or bottom of each file, for the folder's furniture (ingest/furniture.py);
-- headline 1 marks the file's own headline, which no file may learn.
CREATE TABLE IF NOT EXISTS edge_lines (
    aid INTEGER NOT NULL,
    line TEXT NOT NULL,
    headline INTEGER NOT NULL,
    PRIMARY KEY (aid, line)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    hash TEXT,
    version INTEGER NOT NULL,
    reason TEXT NOT NULL
);
"""
SOUND_KEY = "~"  # marks a person key that is a surname's sound, not its letters (no key holds it)
READ_ARTICLES = 256  # articles' texts a Store keeps as read: a query's hits come a few per article
HAS_LATIN = re.compile(r"[A-Za-z]")
TOKEN_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
NOMINATIVE_EDIT = re.compile(r"(\d+)(.*)")
# Child tables whose columns do not simply start with the article key.
INSERT_COLUMNS = {"quotes": "(aid, idx, para, sent, kind, start, end, speaker_type, speaker, mention)"}
# What `token_lines` often hold, so that a short article's tokens compress as well as a long one's.
TOKEN_ZDICT = "".join(f"\t\t{pos}\t{case}\n" for pos in (
    "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "NUM", "DET", "PRON", "AUX", "VERB", "ADJ", "PROPN", "NOUN")
    for case in ("", "Nom", "Acc", "Dat", "Ins", "Loc", "Gen")).encode("utf-8")
# What an article's paragraphs and names often hold (`_packed_record`), so that a short article's text
# compresses nearly as well as a long one's: the commonest words, then the records' openings.
TEXT_ZDICT = (" ".join(FREQUENT_WORDS) + ' {"names":[["org","' + ' {"paragraphs":[["body","').encode("utf-8")
CHILD_TABLES = ("article_texts", "mentions", "quotes", "events", "edge_lines")
# A figure's fields as `packed_facts` keeps them (its text is its sentence's span start–end).
FIGURE_FIELDS = ("sent", "start", "end", "kind", "amount", "unit", "qualifier", "about", "measure", "measure_key",
                 "period", "step", "shown", "according_to")


class EventName(NamedTuple):
    """An event an article names (`analysis.crossref`), as the corpus passes read it: a dated event's names
    with its date (value …), to date other sources by; an undated one's with its clause as token indexes
    (`events.ClauseExtent`), to be dated. `packed_facts` keeps every field but the article's `aid`."""

    aid: int
    sent: int
    para: int
    start: int
    end: int
    noun: str
    names: str  # "|"-separated
    planned: int
    clause: str | None
    value: str | None
    granularity: str | None
    modifier: str | None
    first_day: str | None
    last_day: str | None
    mention: str | None


class StoredToken(NamedTuple):
    """A token as the index keeps it for the queries."""

    start: int  # offset in its sentence
    text: str
    lemma: str
    pos: str
    case: str  # "Nom", …, or ""
    nominative: str  # the lemma, or for an adjective before a noun and a plural noun the nominative that
    # agrees: "стратегическое" (партнерство), "минералы"


class StoredSentence(NamedTuple):
    """A sentence as the index keeps it: its span of paragraph `para` (of the headline for -1) and its text."""

    idx: int
    para: int
    start: int
    end: int
    text: str


def stored_tokens(lines: str, sentence: str) -> list[StoredToken]:
    """A sentence's tokens read back from their `token_lines`, given the sentence's text."""
    tokens, previous = [], 0
    for line in lines.split("\n") if lines else ():
        gap, written, cut, tail, pos, case, *nominative = line.split("\t")
        start = previous + int(gap or 1)
        text = written[1:] if written.startswith("'") else sentence[start:start + int(written)]
        lower = text.lower()
        lemma = lower[:len(lower) - int(cut or 0)] + tail
        if nominative:
            edit = NOMINATIVE_EDIT.match(nominative[0])
            nominative = lemma[:len(lemma) - int(edit.group(1))] + edit.group(2)
        tokens.append(StoredToken(start, text, lemma, pos, case, nominative or lemma))
        previous = start + len(text)
    return tokens


def token_lines(sentence: str, tokens) -> str:
    """A sentence's tokens as the queries need them (start, text, lemma, part of speech, case), compactly:
    one line per token of tab-separated fields, the gap since the previous token (empty for one space),
    the text's length in the sentence (the text itself after "'" where the tokenizer changed it), the
    lemma as an edit of the lower-cased text (characters cut from its end, then characters added), the
    part of speech and the case. Features and the tree are used at index time only. Tokens hold no
    whitespace, so tabs and newlines never occur in a field. A seventh field, only where it differs from
    the lemma, holds the word's nominative for a topic label, as an edit of the lemma (characters cut
    from its end, then characters added): "стратегическом" before "партнерстве" is "стратегическое"
    ("2ое"), a plural "минералам" is "минералы" ("0ы").

    A token "Казахстана" (lemma "казахстан", PROPN, Gen) right after a space is "\t10\t1\t\tPROPN\tGen".
    """
    lines, previous = [], 0
    for token in tokens:
        case = token.feats.partition("Case=")[2][:3]
        text, start = token.text, token.start
        written = str(len(text)) if sentence[start:start + len(text)] == text else "'" + text
        lower, lemma = text.lower(), token.lemma
        kept = _common_prefix(lower, lemma)
        cut = len(lower) - kept
        gap = start - previous
        line = f"{'' if gap == 1 else gap}\t{written}\t{cut or ''}\t{lemma[kept:]}\t{token.pos}\t{case}"
        if token.nominative and token.nominative != lemma:
            same = _common_prefix(lemma, token.nominative)
            line += f"\t{len(lemma) - same}{token.nominative[same:]}"
        lines.append(line)
        previous = start + len(text)
    return "\n".join(lines)


def _common_prefix(a: str, b: str) -> int:
    """The length of the start two words share: ("соглашениям", "соглашение") → 9."""
    if b.startswith(a):
        return len(a)
    if a.startswith(b):
        return len(b)
    same = 0
    while a[same] == b[same]:  # neither is a prefix of the other, so they differ before either ends
        same += 1
    return same


def packed_paragraphs(paragraphs: list, sentences: list, dropped: list[str]) -> bytes:
    """An article's paragraphs (kind, text), its sentences' spans (paragraph, start, end) and the lines its
    file dropped as furniture, compressed together as JSON:
    {"paragraphs": [["body", "…"], …], "sentences": [[0, 0, 84], …], "dropped": ["Главная", …]}."""
    record = {"paragraphs": [[para.kind, para.text] for para in paragraphs],
              "sentences": [[sent.para, sent.start, sent.end] for sent in sentences], "dropped": dropped}
    return _packed_record(record)


def packed_sentences(sentences: list) -> bytes:
    """An article's sentences' `token_lines`, a blank line after each sentence's, compressed together."""
    return packed_text("\n\n".join(token_lines(sent.text, sent.tokens) for sent in sentences), TOKEN_ZDICT)


def packed_facts(names: list[tuple[str, str, str]], figures: list, event_names: list[tuple], mentions: list[Mention],
                 quote_words: list[tuple[str, str, str]]) -> bytes:
    """An article's names of organisations and places (kind, lemmas, abbreviation) for `analysis.aliases`,
    its figures (`FIGURE_FIELDS`), the events it names (`EventName`'s fields after `aid`), its person
    mentions (the fields of `names.Mention`) and its statements' words (cue, text or "" for its span,
    speaker's phrase),
    compressed together as JSON:
    {"names": [["org", "министерство финансы", "минфин"], …], "figures": [[3, 12, 24, "money", 5000000.0, …], …],
    "events": [[4, 2, 10, 31, "саммит", "шос", 0, null, "2025-07", "month", …], …],
    "mentions": [[0, 5, 18, "Ивану Петрову", "Иван", "И", "Петрову", "петров", false, "Masc", "министр"], …],
    "quotes": [["заявил что", "", "Иван Петров"], …]}."""
    record = {"names": [list(name) for name in names],
              "figures": [[getattr(figure, field) for field in FIGURE_FIELDS] for figure in figures],
              "events": [list(row) for row in event_names],
              "mentions": [list(astuple(mention)) for mention in mentions],
              "quotes": [list(words) for words in quote_words]}
    return _packed_record(record)


def _packed_record(record: dict) -> bytes:
    """A record as compact JSON, compressed (`packed_text`)."""
    return packed_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


def _unpacked_record(blob: bytes) -> dict:
    text = unpacked_text(blob)
    try:
        return json.loads(text)
    except ValueError as err:
        raise damaged_record(err) from None


def packed_text(text: str, zdict: bytes = TEXT_ZDICT) -> bytes:
    """A text compressed alone, with a preset dictionary of what such texts often hold (by default the
    commonest words of news prose) and no header: an event's 130 bytes of lemmas take about 60."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=zdict)
    return packer.compress(text.encode("utf-8")) + packer.flush()


def unpacked_text(blob: bytes, zdict: bytes = TEXT_ZDICT) -> str:
    unpacker = zlib.decompressobj(-15, zdict=zdict)
    try:
        return (unpacker.decompress(blob) + unpacker.flush()).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as err:
        raise damaged_record(err) from None


def _mentions(facts: dict) -> list[Mention]:
    """The person mentions of a facts record (`packed_facts`)."""
    return [Mention(*row) for row in facts["mentions"]]


def _unpacked_sentences(blob: bytes) -> list[str]:
    """The `token_lines` of each sentence `packed_sentences` stored."""
    return unpacked_text(blob, TOKEN_ZDICT).split("\n\n")


def term_token(tid: int) -> str:
    """A term id as the full-text index and `para_terms` write it: in base 36 (digits, then Latin letters,
    which FTS5's tokenizer keeps in one token), a third shorter than in decimal: 412 → "bg"."""
    if tid < 0:
        raise ValueError(f"no term has the id {tid}")
    digits = ""
    while True:
        tid, digit = divmod(tid, 36)
        digits = TOKEN_DIGITS[digit] + digits
        if not tid:
            return digits


def token_tid(token: str) -> int:
    """The term id a `term_token` writes: "bg" → 412."""
    return int(token, 36)


def person_key_rows(pid: int, keys) -> set[tuple[str, int, int]]:
    """A person's `person_keys` rows from its (surname key, sound, first word) triples: the letters and the
    sound each a key, ("токаев", "tokaef", False) → ("токаев", pid, 0) and ("~tokaef", pid, 0)."""
    return {(value, pid, int(first)) for key, sound, first in keys for value in (key, SOUND_KEY + sound)}


def in_list(values) -> str:
    """The placeholders of an SQL `IN` list for these values: "(?, ?, ?)"; "(NULL)" for none, which matches nothing."""
    return "(" + (", ".join("?" * len(values)) or "NULL") + ")"


def in_many(values) -> tuple[str, list]:
    """An SQL `IN` list of any length as one parameter (SQLite allows 32,766 placeholders):
    ("(SELECT value FROM json_each(?))", ["[3, 5, 8]"])."""
    return "(SELECT value FROM json_each(?))", [json.dumps(list(values))]


def is_damage(err: sqlite3.DatabaseError) -> bool:
    """A damaged database file ("malformed", "not a database"), as opposed to a locked or unwritable one."""
    return type(err) is sqlite3.DatabaseError


def discard(path: Path) -> None:
    """Delete an index and its journal files; the next run rebuilds it from the corpus."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


class FileState(NamedTuple):
    """What the index knows of a file: as seen on disk, its content hash, the analysis version that read
    it, and for a skipped file the reason."""

    size: int
    mtime: float
    hash: str | None
    version: int
    reason: str = ""


def one_line(err: BaseException, limit: int = 200) -> str:
    """An exception as "TypeError: message" on one line, cut to `limit` characters."""
    text = " ".join(f"{type(err).__name__}: {err}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ArticleRows:
    """One article as the index stores it, built where it was analysed: the `articles` row, the rows of
    each child table without their article key, and the paragraphs' search terms."""

    record: dict
    tables: dict[str, list[tuple]]
    terms: dict
    lexemes: set[tuple[str, int, str]]  # (stem, paradigm, term) of the words written, `analysis.inflection`
    paradigms: dict[int, tuple[tuple[str, str], ...]]  # their paradigms' (prefix, suffix) pairs


def article_rows(record: dict, paragraphs: list, dropped: list[str], analysis) -> ArticleRows:
    sentences = analysis.sentences
    event_names = [
        (n.sent, e.para, e.start, e.end, n.noun, "|".join(n.names), int(e.planned),
         None, e.value, e.granularity, e.modifier, e.first_day, e.last_day, e.mention)
        for e in analysis.events for n in e.anchors
    ] + [
        (u.name.sent, u.para, u.start, u.end, u.name.noun, "|".join(u.name.names), int(u.planned),
         u.clause.encode(), None, None, None, None, None, None)
        for u in analysis.undated
    ]
    places = [_stored_quote(q.text, q.para, q.start, q.end, paragraphs, record["title"]) for q in analysis.quotes]
    tables = {
        "article_texts": [(packed_paragraphs(paragraphs, sentences, dropped), packed_sentences(sentences),
                           packed_facts(sorted(article_names(sentences)), analysis.figures, event_names,
                                        analysis.mentions,
                                        [(q.cue, text, q.speaker.phrase) for q, (text, _, _) in zip(analysis.quotes, places)]))],
        "mentions": [(index, m.sent, None) for index, m in enumerate(analysis.mentions)],
        "quotes": [
            (index, q.para, q.sent, q.kind, start, end, q.speaker.type, q.speaker.name, q.speaker.mention)
            for index, (q, (_, start, end)) in enumerate(zip(analysis.quotes, places))
        ],
        "events": [
            (e.sent, e.para, e.start, e.end, e.value, e.granularity, e.modifier,
             int(e.year_inferred), int(e.planned), e.clause.encode(), packed_text(e.lemmas), e.first_day, e.last_day,
             None, None)
            for e in analysis.events
        ],
    }
    record = {**record, "sketch": text_sketch([para.text for para in paragraphs])}
    return ArticleRows(record, tables, paragraph_terms(sentences), analysis.lexemes, analysis.paradigms)


def _stored_quote(text: str, para: int, start: int, end: int, paragraphs: list, title: str | None) -> tuple[str, int, int]:
    """A quote's text, start and end as stored. Where the text lies inside its span of its paragraph (of the
    headline for paragraph -1), as nearly every quote's does, the text is left empty and the span narrowed
    to it, which `Store.quote_words` reads back: a reported quote's span "` не знает, сколько`" stores ""
    and the span of "не знает, сколько"."""
    source = (title or "") if para < 0 else paragraphs[para].text
    at = source.find(text, start, end) if text else -1
    return (text, start, end) if at < 0 else ("", at, at + len(text))


class ArticleTexts:
    """One article's `article_texts` record as read: its paragraphs and sentence spans decompressed at once,
    its tokens when first asked for."""

    def __init__(self, paragraphs: bytes, sentences: bytes, facts: bytes, title: str | None) -> None:
        record = _unpacked_record(paragraphs)
        self.paragraphs: list[list[str]] = record["paragraphs"]  # [kind, text]
        self.spans: list[list[int]] = record["sentences"]  # [para, start, end]
        self.dropped: list[str] = record["dropped"]
        self.title = title or ""
        self._packed_tokens = sentences
        self._token_lines: list[str] | None = None
        self._packed_facts = facts
        self._facts: dict | None = None

    def source(self, para: int) -> str:
        """The text of paragraph `para`, or of the headline for -1."""
        return self.title if para < 0 else self.paragraphs[para][1]

    def sentence(self, idx: int) -> StoredSentence:
        para, start, end = self.spans[idx]
        return StoredSentence(idx, para, start, end, self.source(para)[start:end])

    def token_lines(self, idx: int) -> str:
        if self._token_lines is None:
            self._token_lines = _unpacked_sentences(self._packed_tokens)
        return self._token_lines[idx]

    def facts(self) -> dict:
        """What `packed_facts` stored, decompressed when first asked for."""
        if self._facts is None:
            self._facts = _unpacked_record(self._packed_facts)
        return self._facts


class Store:
    """Connection to one corpus index; creates or rebuilds it on open as needed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.words: WordMaps | None = None  # the word maps, once the database is open
        self._vocab: dict[str, int] | None = None  # term → tid while writing
        self._next_tid = 0  # the next new term's tid, once `_vocab` is read
        self._forms: set[tuple[str, int]] = set()  # (form, tid) pairs written in this run
        self._spellings: set[tuple[str, int, str]] = set()  # (spelling in the other script, tid, term), likewise
        self._buried: bool | None = None  # whether dead_terms holds any, once asked while writing
        self._read: dict[int, ArticleTexts] = {}  # aid → its texts, as read (`_texts`)
        self._corpus_reads: dict[str, list] = {}  # what the corpus passes read of every article, read once
        self._written = 0  # articles written through this connection
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._connect()
            self.words = WordMaps(self.db)
        except (OSError, sqlite3.Error) as err:
            raise KzError(f"cannot open the index at {path}: {err}") from None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before anything reads the file; a no-op once it exists
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as err:  # SQLite's message quoting a damaged schema
            if isinstance(err, sqlite3.DatabaseError) and not is_damage(err):  # may not decode as UTF-8 itself
                raise
            db.close()
            print(f"kzcli: the index at {self.path} is damaged; rebuilding it", file=sys.stderr)
            self._delete_files()
            return self._connect()
        if tables and version != SCHEMA_VERSION:
            db.close()
            self._delete_files()
            return self._connect()
        if not tables:  # before the first table: pages freed by an update can be handed back (`reclaim`)
            db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        if not tables:
            db.executescript(SCHEMA + WORDS_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.row_factory = sqlite3.Row
        return db

    def _delete_files(self) -> None:
        discard(self.path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self):
        """All writes inside commit together or not at all; nested uses join the outer transaction."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._vocab, self._forms, self._spellings = None, set(), set()  # they may hold rows the rollback removed
            self.words.forget()
            self._read = {}
            self._corpus_reads.clear()
            self._buried = None
            raise

    # -- freshness ---------------------------------------------------------

    def file_states(self) -> dict[str, FileState]:
        """path → what was known of each indexed article when it was analysed."""
        rows = self.db.execute("SELECT path, size, mtime, hash, version FROM articles")
        return {row[0]: FileState(*row[1:]) for row in rows}

    def edge_lines(self) -> dict[str, dict[str, bool]]:
        """path → the file's edge lines (ingest/furniture.py), each with True for its headline."""
        found: dict[str, dict[str, bool]] = {}
        rows = self.db.execute("SELECT a.path, e.line, e.headline FROM edge_lines e JOIN articles a ON a.aid = e.aid")
        for path, line, headline in rows:
            found.setdefault(path, {})[line] = bool(headline)
        return found

    def learned_furniture(self) -> frozenset[str]:
        """The folder's furniture the last index run learned and analysed with."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'furniture'").fetchone()
        return frozenset(json.loads(row[0])) if row else frozenset()

    def set_learned_furniture(self, lines: frozenset[str]) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('furniture', ?)",
                            (json.dumps(sorted(lines), ensure_ascii=False),))

    def seen_digest(self) -> str | None:
        """The digest of every file's state as the last complete update left the index (`states_digest` in
        indexer.py); None after any change to those states, until the next update ends."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'seen'").fetchone()
        return row[0] if row else None

    def remember_seen(self, digest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('seen', ?)", (digest,))

    def _states_changed(self) -> None:
        """A file's state in the index changed: the digest no longer describes it (`seen_digest`)."""
        self.db.execute("DELETE FROM meta WHERE key = 'seen'")

    def seen_as(self) -> dict[str, tuple[int, float, int]]:
        """path → (size, mtime, analysis version) of every file the index knows, read or skipped."""
        rows = self.db.execute("SELECT path, size, mtime, version FROM skipped"
                               " UNION ALL SELECT path, size, mtime, version FROM articles")
        return {path: (size, mtime, version) for path, size, mtime, version in rows}

    def skipped_states(self) -> dict[str, FileState]:
        """path → the same for each file that was skipped, with the reason."""
        rows = self.db.execute("SELECT path, size, mtime, hash, version, reason FROM skipped")
        return {row[0]: FileState(*row[1:]) for row in rows}

    # -- writing -------------------------------------------------------------

    def write_article(self, rows: ArticleRows) -> None:
        """Replace one article and everything derived from it, atomically."""
        db = self.db
        record = rows.record
        self._corpus_reads.clear()
        with self.transaction():
            self._remove(record["path"])
            self._remove(record["id"], column="id")
            db.execute("DELETE FROM skipped WHERE path = ?", (record["path"],))
            columns = ", ".join(record)
            marks = ", ".join("?" * len(record))
            aid = db.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", list(record.values())).lastrowid
            for table, table_rows in rows.tables.items():
                if table_rows:
                    marks = ", ".join("?" * (len(table_rows[0]) + 1))
                    columns = INSERT_COLUMNS.get(table, "")
                    db.executemany(f"INSERT INTO {table} {columns} VALUES ({marks})", [(aid, *row) for row in table_rows])
            self._write_terms(aid, rows.terms, rows.lexemes, rows.paradigms)
        self._written += 1

    def _write_terms(self, aid: int, by_para: dict, lexemes: set[tuple[str, int, str]], paradigms: dict) -> None:
        """Paragraph term sequences into the full-text index, with the vocabulary, surface forms and the
        paradigms of their words (`index.words`)."""
        db, words = self.db, self.words
        counts = Counter(term for terms, extra, *_ in by_para.values() for term in terms + extra)
        tids = self._term_ids(list(counts))
        if self._buried is None:
            self._buried = db.execute("SELECT 1 FROM dead_terms LIMIT 1").fetchone() is not None
        if self._buried:
            clause, values = in_many(tids.values())
            db.execute(f"DELETE FROM dead_terms WHERE tid IN {clause}", values)
        tokens = {term: term_token(tid) for term, tid in tids.items()}
        forms = {(form, tids[term]) for _, _, pairs, _ in by_para.values() for form, term in pairs} - self._forms
        words.add("form", sorted(forms))
        self._forms |= forms
        words.add("lexeme", sorted((stem, para, tids[term]) for stem, para, term in lexemes if term in tids))
        words.add("paradigm", [(para, endings_text(endings)) for para, endings in sorted(paradigms.items())])
        spellings = {(form, tids[term], term) for *_, pairs in by_para.values() for form, term in pairs} - self._spellings
        words.add("spelling", sorted(row for row in spellings if HAS_LATIN.search(row[0])))
        words.add("reading", sorted(row for row in spellings if not HAS_LATIN.search(row[0])))
        self._spellings |= spellings
        db.executemany(
            "INSERT INTO para_terms (aid, para, length, terms, extra) VALUES (?, ?, ?, ?, ?)",
            [(aid, para, len(terms), " ".join(tokens[t] for t in terms), " ".join(tokens[t] for t in extra))
             for para, (terms, extra, *_) in sorted(by_para.items())],
        )
        db.execute("INSERT INTO para_fts (rowid, terms, extra) SELECT rowid, terms, extra FROM para_terms WHERE aid = ?",
                   (aid,))

    def _term_ids(self, terms: list[str]) -> dict[str, int]:
        """Vocabulary ids of the terms, adding the new ones; the vocabulary is read once per run."""
        if self._vocab is None:
            self._vocab = {term: tid for term, tid in self.words.scan("term")}
            self._next_tid = max(self._vocab.values(), default=0) + 1
        vocab = self._vocab
        new = [term for term in dict.fromkeys(terms) if term not in vocab]
        vocab.update((term, tid) for tid, term in enumerate(new, self._next_tid))
        self._next_tid += len(new)
        words = self.words
        words.add("term", [(term, vocab[term]) for term in new])
        words.add("vocab", [(vocab[term], term) for term in new])
        words.add("latin", [(vocab[term], term) for term in new if HAS_LATIN.search(term)])
        words.add("root", [(derivation_root(term), vocab[term]) for term in new if has_root(term)])
        return {term: vocab[term] for term in terms}

    def bury_terms(self) -> None:
        """After articles left or changed: the terms no paragraph holds any longer are dead to queries."""
        if self.db.execute("SELECT 1 FROM meta WHERE key = 'terms removed'").fetchone() is None:
            return
        live = {token_tid(row[0]) for row in self.db.execute("SELECT term FROM para_vocab")}
        with self.transaction():
            self.db.execute("DELETE FROM dead_terms")
            self.db.executemany("INSERT INTO dead_terms VALUES (?)",
                                [(tid,) for tid, _ in self.words.scan("vocab") if tid not in live])
            self.db.execute("DELETE FROM meta WHERE key = 'terms removed'")
        self._buried = None

    def merge_full_text(self) -> None:
        """After a run that wrote half the index's articles or more (a cold index), merge the full-text index's
        segments into one: FTS5's own merging of an index built article by article leaves about a quarter of
        its pages empty (the same answers either way; 0.08 s at 1,000 articles)."""
        total = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if self._written and 2 * self._written >= total:
            with self.transaction():
                self.db.execute("INSERT INTO para_fts (para_fts) VALUES ('optimize')")

    def reclaim(self) -> None:
        """Give the pages an update freed back to the file system (the words waiting to be packed run
        to as many pages as their blocks)."""
        self.db.executescript("PRAGMA incremental_vacuum;")  # run to its end: a statement step frees one page

    def dead_terms(self) -> frozenset[int]:
        return frozenset(row[0] for row in self.db.execute("SELECT tid FROM dead_terms"))

    def corpus_stale(self) -> bool:
        """True when articles changed since the corpus-wide passes last ran (also after an interrupted run)."""
        return self.db.execute("SELECT 1 FROM meta WHERE key = 'corpus'").fetchone() is not None

    def corpus_passes_done(self) -> None:
        """The corpus-wide passes ran (or failed and were reported) since the last change."""
        self.db.execute("DELETE FROM meta WHERE key = 'corpus'")
        self._corpus_reads.clear()

    def touch(self, path: str, size: int, mtime: float) -> None:
        """Record a new size and mtime for a file whose content did not change (indexed or skipped)."""
        self._states_changed()
        for table in ("articles", "skipped"):
            self.db.execute(f"UPDATE {table} SET size = ?, mtime = ? WHERE path = ?", (size, mtime, path))

    def mark_skipped(self, path: str, size: int, mtime: float, digest: str | None, version: int, reason: str) -> None:
        """Remember that a file could not be indexed, and why; it is tried again when its content
        (`digest`, when it could be read) or the analysis `version` changes."""
        db = self.db
        with self.transaction():
            self._remove(path)
            db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?, ?, ?)",
                       (path, size, mtime, digest, version, reason))

    def forget(self, paths: list[str]) -> None:
        """Drop files that have left the corpus."""
        db = self.db
        with self.transaction():
            for path in paths:
                self._remove(path)
                db.execute("DELETE FROM skipped WHERE path = ?", (path,))

    def _remove(self, value: str, column: str = "path") -> None:
        row = self.db.execute(f"SELECT aid FROM articles WHERE {column} = ?", (value,)).fetchone()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('corpus', 'stale')")
        self._states_changed()
        if row:
            self._remove_terms(row["aid"])
            for table in CHILD_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE aid = ?", (row["aid"],))
            self._read.pop(row["aid"], None)
            self._corpus_reads.clear()
            self.db.execute("DELETE FROM articles WHERE aid = ?", (row["aid"],))

    def _remove_terms(self, aid: int) -> None:
        db = self.db
        rows = db.execute("SELECT rowid, terms, extra FROM para_terms WHERE aid = ?", (aid,)).fetchall()
        if rows:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('terms removed', '1')")
        db.executemany(
            "INSERT INTO para_fts (para_fts, rowid, terms, extra) VALUES ('delete', ?, ?, ?)",
            [(row["rowid"], row["terms"], row["extra"]) for row in rows],
        )
        db.execute("DELETE FROM para_terms WHERE aid = ?", (aid,))

    # -- reading -------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles")]

    def articles(self) -> list[sqlite3.Row]:
        """Every article in id order, with `copy_of_id`: the id of the article it copies, or None."""
        return self.db.execute("SELECT a.*, o.id AS copy_of_id FROM articles a LEFT JOIN articles o"
                               " ON o.aid = a.copy_of ORDER BY a.id").fetchall()

    def quote_words(self, row) -> tuple[str, str, str]:
        """A `quotes` row's cue, text and speaker's phrase, from its article's facts record; the text read
        from its paragraph where the record leaves it empty (`_stored_quote`)."""
        texts = self._texts(row["aid"])
        cue, text, phrase = texts.facts()["quotes"][row["idx"]]
        return cue, text or texts.source(row["para"])[row["start"]:row["end"]], phrase

    def figures(self, aid: int) -> list[dict]:
        """An article's figures as `FIGURE_FIELDS` with its id (`aid`) and text, in (sentence, offset) order."""
        texts = self._texts(aid)
        rows = [dict(zip(FIGURE_FIELDS, fields), aid=aid) for fields in texts.facts()["figures"]]
        rows.sort(key=lambda row: (row["sent"], row["start"]))
        for row in rows:
            row["text"] = texts.sentence(row["sent"]).text[row["start"]:row["end"]]
            row["amount"], row["step"] = float(row["amount"]), float(row["step"])
        return rows

    def article_names(self) -> list[tuple[str, str, str]]:
        """The names of organisations and places (kind, lemmas, abbreviation) every article writes, each once,
        article by article."""
        found = {}
        for _, facts in self._facts_of_every_article():
            found.update(dict.fromkeys(tuple(name) for name in facts["names"]))
        return list(found)

    def mentions(self, aid: int) -> list[Mention]:
        """An article's person mentions, in text order (`mentions.idx`)."""
        return _mentions(self._texts(aid).facts())

    def mentions_of_every_article(self) -> list[tuple[int, Mention]]:
        """Every article's person mentions: (aid, mention), article by article in text order."""
        if "mentions" not in self._corpus_reads:
            self._corpus_reads["mentions"] = [(aid, mention) for aid, facts in self._facts_of_every_article()
                                              for mention in _mentions(facts)]
        return self._corpus_reads["mentions"]

    def event_names(self) -> list[EventName]:
        """The events every article names, article by article in text order."""
        return [EventName(aid, *row) for aid, facts in self._facts_of_every_article() for row in facts["events"]]

    def _facts_of_every_article(self) -> list[tuple[int, dict]]:
        """Every article's facts record (`packed_facts`) in aid order, read once for the corpus passes."""
        if "facts" not in self._corpus_reads:
            rows = self.db.execute("SELECT aid, facts FROM article_texts ORDER BY aid")
            self._corpus_reads["facts"] = [(aid, _unpacked_record(blob)) for aid, blob in rows]
        return self._corpus_reads["facts"]

    def paragraphs(self, aid: int) -> list[dict]:
        """An article's paragraphs in order: [{"idx": 0, "kind": "body", "text": "…"}, …]."""
        return [{"idx": idx, "kind": kind, "text": text} for idx, (kind, text) in enumerate(self._texts(aid).paragraphs)]

    def dropped(self, aid: int) -> list[str]:
        """The lines an article's file dropped as page furniture, in the page's order."""
        return self._texts(aid).dropped

    def sentences(self, aid: int, para: int | None = None) -> list[StoredSentence]:
        """An article's sentences in order (of paragraph `para` only when given; -1 is the headline)."""
        texts = self._texts(aid)
        return [texts.sentence(idx) for idx, span in enumerate(texts.spans) if para is None or span[0] == para]

    def sentence(self, aid: int, idx: int) -> StoredSentence:
        return self._texts(aid).sentence(idx)

    def tokens(self, aid: int, sentence: StoredSentence) -> list[StoredToken]:
        """A sentence's stored tokens."""
        return stored_tokens(self._texts(aid).token_lines(sentence.idx), sentence.text)

    def _texts(self, aid: int) -> ArticleTexts:
        """An article's `article_texts` record, kept for the next questions about the same article."""
        texts = self._read.get(aid)
        if texts is None:
            if len(self._read) >= READ_ARTICLES:
                self._read.clear()
            row = self.db.execute("SELECT t.paragraphs, t.sentences, t.facts, a.title FROM article_texts t"
                                  " JOIN articles a ON a.aid = t.aid WHERE t.aid = ?", (aid,)).fetchone()
            texts = self._read[aid] = ArticleTexts(*row)
        return texts
