"""Bring a corpus index up to date: only new or changed files are analysed again."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import MAX_FILE_BYTES
from .errors import KzError
from .ingest import CorpusFile, SkipFile, content_hash, discover, load, read_bytes
from .store import ArticleRows, Store, article_rows
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


def update(store: Store, corpus: Path, rebuild: bool = False, show_progress: bool | None = None,
           jobs: int | None = None) -> Report:
    """Analyse what changed (in `jobs` worker processes, default one per core), forget what
    disappeared, record what cannot be read. Results are written in batches, one transaction each."""
    with index_lock(store):
        if rebuild:
            store.forget(list(store.file_states()) + list(store.skipped_states()))
        todo = plan(store, corpus)
        report = Report(unchanged=todo.unchanged, skipped=list(todo.known_skips))
        if todo.removed:
            store.forget(todo.removed)
            report.removed = todo.removed
        started = time.perf_counter()
        with _progress(todo.changed, show_progress) as advance:
            files = _to_read(store, todo.changed, report, advance)
            jobs = min(jobs or available_cores(), len(files)) or 1
            for batch in _batches(prepared(files, jobs)):
                with store.transaction():
                    for file, result in batch:
                        if isinstance(result, SkipFile):
                            store.mark_skipped(file.rel, file.size, file.mtime, str(result))
                            report.skipped.append((file.rel, str(result)))
                            advance(file, 0)
                            continue
                        rows, chars = result
                        store.write_article(rows)
                        report.analysed.append(file.rel)
                        report.chars += chars
                        advance(file, chars)
        if store.corpus_stale():
            store.relink_corpus()
        report.seconds = time.perf_counter() - started
        report.skipped.sort()
        return report


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _to_read(store: Store, files: list[CorpusFile], report: Report, advance) -> list[CorpusFile]:
    """The changed files whose content did change; for the others only the new size and time are noted."""
    indexed = store.file_states()
    found = []
    for file in files:
        if file.rel in indexed and _same_content(file, indexed[file.rel][2]):
            store.touch(file.rel, file.size, file.mtime)
            report.unchanged += 1
            advance(file, 0)
        else:
            found.append(file)
    return found


def prepared(files: list[CorpusFile], jobs: int):
    """Each file with its index rows and length, or the SkipFile saying why it cannot be indexed; in
    input order. Reading, natasha and row building run in `jobs` worker processes (in this process
    when one is enough), each loading the models once and taking the files a few at a time."""
    chunks = _batches(files, max(1, min(CHUNK_ARTICLES, -(-len(files) // jobs))))
    if jobs <= 1:
        analyser = None
        for chunk in chunks:
            if analyser is None:
                from .analysis import Analyzer

                analyser = Analyzer()
            yield from zip(chunk, prepare(chunk, analyser))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Fresh interpreters rather than forks: a fork would inherit the index lock and the database handle.
    context = multiprocessing.get_context("spawn")
    pending: deque = deque()
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_prepare_in_worker, chunk)))
                while len(pending) >= jobs * IN_FLIGHT:
                    chunk, future = pending.popleft()
                    yield from zip(chunk, future.result())
            while pending:
                chunk, future = pending.popleft()
                yield from zip(chunk, future.result())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def prepare(files: list[CorpusFile], analyser) -> list[tuple[ArticleRows, int] | SkipFile]:
    """Read, parse and analyse files into the rows the index stores, each with its length in characters
    (or the reason it cannot be read). The files' sentences go through natasha's models together."""
    results: list = []
    loaded = []
    for file in files:
        try:
            doc, digest = load(file, MAX_FILE_BYTES)
        except SkipFile as skip:
            results.append(skip)
            continue
        loaded.append((len(results), file, doc, digest, parse(doc)))
        results.append(None)
    analyses = analyser.analyse_all([structure for *_, structure in loaded])
    for (index, file, doc, digest, structure), analysis in zip(loaded, analyses):
        record = _record(file, doc.encoding, digest, structure, analysis)
        results[index] = article_rows(record, structure.paragraphs, analysis), len(doc.text)
    return results


CHUNK_ARTICLES = 16  # files a worker analyses together: their sentences fill the models' batches
IN_FLIGHT = 2  # chunks queued per worker
BATCH_ARTICLES = 32  # articles written per transaction
_worker_analyser = None


def _start_worker(parent: int) -> None:
    global _worker_analyser
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # one process per core already; threads would compete
    from .analysis import Analyzer

    _worker_analyser = Analyzer()


def _exit_with(parent: int) -> None:
    """Leave when the indexing process is gone (killed), instead of lingering as an orphan."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prepare_in_worker(files: list[CorpusFile]):
    return prepare(files, _worker_analyser)


def _batches(items, size: int = BATCH_ARTICLES):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


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
