"""Bring a corpus index up to date: only new or changed files are analysed again."""

from __future__ import annotations

import fcntl
import json
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import MAX_FILE_BYTES
from .errors import KzError
from .ingest import CorpusFile, SkipFile, content_hash, discover, load, read_bytes
from .store import Store
from .structure import parse, word_count


@dataclass
class Plan:
    """What an index run has to do, decided from sizes and modification times alone."""

    changed: list[CorpusFile] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    known_skips: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.changed or self.removed)


@dataclass
class Report:
    analysed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    chars: int = 0
    seconds: float = 0.0


def plan(store: Store, corpus: Path) -> Plan:
    if not corpus.is_dir():
        raise KzError(f"corpus folder not found: {corpus}")
    try:
        files = discover(corpus)
    except OSError as err:
        raise KzError(f"cannot read the corpus folder {corpus}: {err.strerror or err}") from None
    indexed = store.file_states()
    skipped = store.skipped_states()
    result = Plan()
    for file in files:
        known = indexed.get(file.rel) or skipped.get(file.rel)
        if known and known[0] == file.size and known[1] == file.mtime:
            if file.rel in skipped:
                result.known_skips.append((file.rel, skipped[file.rel][2]))
            else:
                result.unchanged += 1
        else:
            result.changed.append(file)
    present = {file.rel for file in files}
    result.removed = sorted((set(indexed) | set(skipped)) - present)
    return result


@contextmanager
def index_lock(store: Store):
    """One writer per index at a time; a second run waits, then finds little left to do."""
    lock_path = Path(str(store.path) + ".lock")
    with open(lock_path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update(store: Store, corpus: Path, rebuild: bool = False, show_progress: bool | None = None) -> Report:
    """Analyse what changed, forget what disappeared, record what cannot be read."""
    with index_lock(store):
        if rebuild:
            store.forget(list(store.file_states()) + list(store.skipped_states()))
        todo = plan(store, corpus)
        report = Report(unchanged=todo.unchanged, skipped=list(todo.known_skips))
        if todo.removed:
            store.forget(todo.removed)
            report.removed = todo.removed
        started = time.perf_counter()
        analyser = None
        indexed = store.file_states()
        with _progress(todo.changed, show_progress) as advance:
            for file in todo.changed:
                try:
                    if file.rel in indexed and _same_content(file, indexed[file.rel][2]):
                        store.touch(file.rel, file.size, file.mtime)
                        report.unchanged += 1
                        advance(file, 0)
                        continue
                    doc, digest = load(file, MAX_FILE_BYTES)
                except SkipFile as skip:
                    store.mark_skipped(file.rel, file.size, file.mtime, str(skip))
                    report.skipped.append((file.rel, str(skip)))
                    advance(file, 0)
                    continue
                if analyser is None:
                    from .analysis import Analyzer

                    analyser = Analyzer()
                structure = parse(doc)
                analysis = analyser.analyse(structure)
                store.write_article(_record(file, doc.encoding, digest, structure, analysis), structure.paragraphs, analysis)
                report.analysed.append(file.rel)
                report.chars += len(doc.text)
                advance(file, len(doc.text))
        if store.people_stale():
            store.regroup_people()
        report.seconds = time.perf_counter() - started
        report.skipped.sort()
        return report


def _same_content(file: CorpusFile, digest: str) -> bool:
    try:
        return content_hash(read_bytes(file.path, MAX_FILE_BYTES)) == digest
    except SkipFile:
        return False


def _record(file: CorpusFile, encoding: str, digest: str, structure, analysis) -> dict:
    return {
        "id": file.id,
        "file": file.path.name,
        "path": file.rel,
        "size": file.size,
        "mtime": file.mtime,
        "hash": digest,
        "encoding": encoding,
        "title": structure.title,
        "outlet": structure.outlet,
        "published": structure.published,
        "published_source": structure.published_source,
        **dict(zip(("window_from", "window_to"), (None, None) if structure.published else analysis.published_window())),
        "genre": structure.genre,
        "interviewee": analysis.interviewee,
        "words": sum(word_count(para.text) for para in structure.paragraphs),
        "paragraphs": len(structure.paragraphs),
        "boilerplate": json.dumps(structure.boilerplate, ensure_ascii=False),
    }


@contextmanager
def _progress(files: list[CorpusFile], show: bool | None):
    """A rich progress bar on stderr (files, chars/s, ETA); silent when stderr is not a terminal."""
    if show is None:
        show = sys.stderr.isatty()
    if not show or not files:
        yield lambda file, chars: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.perf_counter()
    done_chars = 0
    columns = (
        TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("index", total=len(files), rate="", name="")

        def advance(file: CorpusFile, chars: int) -> None:
            nonlocal done_chars
            done_chars += chars
            rate = done_chars / max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{rate / 1000:,.0f}k chars/s", name=file.rel[-40:])

        yield advance
