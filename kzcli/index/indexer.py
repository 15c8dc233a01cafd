"""Bring a corpus index up to date: only new or changed files are analysed again."""

from __future__ import annotations

import fcntl
import gc
import hashlib
import os
import signal
import sys
import threading
import time
from array import array
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.version import ANALYSIS_VERSION
from ..config import MAX_FILE_BYTES, index_path
from ..errors import KzError
from ..terminal import stderr_console
from ..ingest.files import CorpusFile, SkipFile, content_hash, discover, load, read_bytes, scan
from .store import ArticleRows, Store, article_rows, one_line


@dataclass
class Plan:
    """What an index run has to do, decided from sizes, modification times and analysis versions alone."""

    changed: list[CorpusFile] = field(default_factory=list)
    unchanged: int = 0
    unchanged_files: list[CorpusFile] = field(default_factory=list)
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
    newly_skipped: int = 0  # of `skipped`, those found in this run
    problems: list[str] = field(default_factory=list)  # corpus-wide passes that failed
    unread: list[tuple[str, str]] = field(default_factory=list)  # (path, language) stored but not analysed
    chars: int = 0
    seconds: float = 0.0


@dataclass
class Skip:
    """A file left out of the index: the one-line reason, and its content hash when it could be read
    (a failure is then tried again only when the content or the analysis version changes)."""

    reason: str
    digest: str | None = None


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
        if known and (known.size, known.mtime, known.version) == (file.size, file.mtime, ANALYSIS_VERSION):
            if file.rel in skipped:
                result.known_skips.append((file.rel, known.reason))
            else:
                result.unchanged += 1
                result.unchanged_files.append(file)
        else:
            result.changed.append(file)
    present = {file.rel for file in files}
    result.removed = sorted((set(indexed) | set(skipped)) - present)
    return result


def open_index(corpus: Path, fresh: bool = True, store: Store | None = None, on_update=None, on_wait=None) -> Store:
    """The index of a corpus folder (in $KZCLI_CACHE_DIR); with `fresh`, first brought up to date when a
    file was added, changed or removed, `on_update` then receiving the Report (`on_wait` is called when
    another run holds the index).

    >>> store = open_index(Path("~/news").expanduser())  # doctest: +SKIP
    """
    if not corpus.is_dir():  # before the index file is created: a typo leaves no empty index behind
        raise KzError(f"corpus folder not found: {corpus}")
    if store is None:
        store = Store(index_path(corpus))
    if fresh and (not _as_indexed(store, corpus) or store.corpus_stale()):
        report = update(store, corpus, on_wait=on_wait)
        if on_update:
            on_update(report)
    return store


def _as_indexed(store: Store, corpus: Path) -> bool:
    """Every file as the index saw it, by the current analysis, and none gone: what `plan` finds with
    nothing to do, without building its records (this runs before every query). The digest of the files'
    states the last update left spares reading every file's row (18 → 5 ms at 10,000 files)."""
    try:
        files = scan(corpus)
    except OSError:
        return False
    seen = store.seen_digest()
    if seen is not None:
        return seen == states_digest((rel, size, mtime) for _, rel, size, mtime in files)
    return {rel: (size, mtime, ANALYSIS_VERSION) for _, rel, size, mtime in files} == store.seen_as()


def states_digest(states) -> str:
    """A digest of files' (relative path, size, mtime) states, in any order, and of the analysis version:
    equal digests, equal states."""
    states = sorted(states)
    digest = hashlib.blake2b(str(ANALYSIS_VERSION).encode(), digest_size=16)
    digest.update("\0".join(rel for rel, _, _ in states).encode("utf-8", "surrogateescape"))
    digest.update(array("q", [size for _, size, _ in states]).tobytes())
    digest.update(array("d", [mtime for _, _, mtime in states]).tobytes())
    return digest.hexdigest()


def _remember_states(store: Store) -> None:
    """Keep the digest of the files' states the index now holds, when every one was read by the current
    analysis (`_as_indexed` compares it with the folder's)."""
    if store.seen_digest() is None:
        seen = store.seen_as()
        if all(version == ANALYSIS_VERSION for _, _, version in seen.values()):
            store.remember_seen(states_digest((rel, size, mtime) for rel, (size, mtime, _) in seen.items()))


@contextmanager
def index_lock(store: Store, on_wait=None):
    """One writer per index at a time; a second run calls `on_wait` at once, waits, then finds little left to do."""
    lock_path = Path(str(store.path) + ".lock")
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update(store: Store, corpus: Path, rebuild: bool = False, show_progress: bool | None = None,
           jobs: int | None = None, on_wait=None) -> Report:
    """Analyse what changed (in `jobs` worker processes, default one per core), forget what
    disappeared, record what cannot be read. Results are written in batches, one transaction each."""
    with index_lock(store, on_wait):
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
            jobs = jobs or available_cores()
            pool = _started_pool(min(jobs, len(files)))  # its workers load the models while the furniture is learned
            try:
                furniture, edges, recheck = _learn_furniture(store, todo, files)
            except BaseException:
                if pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                raise
            report.unchanged -= len(recheck)
            files += recheck
            jobs = min(jobs, len(files)) or 1
            for batch in _batches(prepared(files, jobs, furniture, pool)):
                with store.transaction():
                    for file, result in batch:
                        if isinstance(result, Skip):
                            store.mark_skipped(file.rel, file.size, file.mtime, result.digest, ANALYSIS_VERSION,
                                               result.reason)
                            report.skipped.append((file.rel, result.reason))
                            report.newly_skipped += 1
                            advance(file, 0)
                            continue
                        rows, chars = result
                        rows.tables["edge_lines"] = [(line, int(headline)) for line, headline in
                                                     edges.get(file.rel, {}).items()]
                        store.write_article(rows)
                        report.analysed.append(file.rel)
                        if rows.record["language"] != "ru":
                            report.unread.append((file.rel, rows.record["language"]))
                        report.chars += chars
                        advance(file, chars)
            if furniture != store.learned_furniture():
                store.set_learned_furniture(furniture)
        if store.corpus_stale():
            from .passes import relink_corpus

            report.problems = relink_corpus(store)
        _remember_states(store)
        report.seconds = time.perf_counter() - started
        report.skipped.sort()
        return report


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _to_read(store: Store, files: list[CorpusFile], report: Report, advance) -> list[CorpusFile]:
    """The changed files to analyse: new ones, those whose content did change, and those an older
    analysis version read. For the others only the new size and time are noted."""
    if not files:  # nothing changed: the index's states need not be read a second time (40 ms at 10,000)
        return []
    known = {**store.skipped_states(), **store.file_states()}
    found = []
    for file in files:
        state = known.get(file.rel)
        if state and state.hash and state.version == ANALYSIS_VERSION and _same_content(file, state.hash):
            store.touch(file.rel, file.size, file.mtime)
            if state.reason:
                report.skipped.append((file.rel, state.reason))
            else:
                report.unchanged += 1
            advance(file, 0)
        else:
            found.append(file)
    return found


def _learn_furniture(store: Store, todo: Plan, files: list[CorpusFile]):
    """The folder's furniture (ingest/furniture.py) from the edge lines of the files about to be analysed
    (read here) and those of the indexed ones (stored), with every file's edge lines and the indexed
    files whose lines became or ceased to be furniture: they are analysed again, so a growing folder
    re-checks their titles. Nothing is read when no file was added, changed or removed."""
    if not files and not todo.removed:
        return store.learned_furniture(), {}, []
    from ..ingest.furniture import edge_lines, learned

    fresh = {}
    for file in files:
        try:
            fresh[file.rel] = edge_lines(load(file, MAX_FILE_BYTES)[0])
        except Exception:  # noqa: BLE001 - the analysis reports why this file cannot be read
            fresh[file.rel] = {}
    stored = {path: lines for path, lines in store.edge_lines().items() if path not in fresh}
    furniture = learned(list(stored.values()) + list(fresh.values()))
    turned = furniture ^ store.learned_furniture()
    recheck = [file for file in todo.unchanged_files + todo.changed
               if file.rel not in fresh and turned & stored.get(file.rel, {}).keys()]
    return furniture, {**stored, **fresh}, recheck


def prepared(files: list[CorpusFile], jobs: int, furniture: frozenset[str] = frozenset(), pool=None):
    """Each file with its index rows and length, or the Skip saying why it is left out; in input order.
    Reading, natasha and row building run in `jobs` worker processes (in this process when one is
    enough; in `pool` when one was started), each loading the models once and taking the files a few at
    a time. A worker that dies (out of memory, a crash in a native library) costs no file but the one
    that killed it: its chunk is analysed again one file at a time in a fresh worker, and a file that
    kills that one too is skipped."""
    chunks = _chunks(files, jobs)
    if jobs <= 1 and pool is None:
        if chunks:
            yield from _prepared_here(chunks, furniture)
        return
    pending: deque = deque()
    pool = pool or _worker_pool(jobs)
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_prepare_in_worker, chunk, furniture)))
            while len(pending) >= jobs * IN_FLIGHT:
                pool = yield from _collect(pending, pool, jobs, furniture)
        while pending:
            pool = yield from _collect(pending, pool, jobs, furniture)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _collect(pending: deque, pool, jobs: int, furniture: frozenset[str]):
    """Yield the oldest chunk's results; the pool to go on with (a fresh one when a worker died)."""
    from concurrent.futures.process import BrokenProcessPool

    chunk, future = pending.popleft()
    try:
        results = future.result()
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        suspects = [(chunk, None)] + list(pending)
        pending.clear()
        for chunk, future in suspects:  # in order; chunks that finished before the death keep their results
            if future is not None and future.done() and future.exception() is None:
                yield from zip(chunk, future.result())
            else:
                yield from _one_at_a_time(chunk, furniture)
        return _worker_pool(jobs)
    yield from zip(chunk, results)
    return pool


def _one_at_a_time(files: list[CorpusFile], furniture: frozenset[str]):
    """Analyse files one by one in a single fresh worker; a file during which it dies is skipped."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _worker_pool(1)
    try:
        for file in files:
            try:
                yield from zip([file], pool.submit(_prepare_in_worker, [file], furniture).result())
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                yield file, Skip("worker died while analysing it (out of memory, or a crash in a library)")
                pool = _worker_pool(1)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _started_pool(jobs: int):
    """A pool of `jobs` workers already starting (each loads the models as it starts), or None for fewer
    than two: the pool starts its workers only as tasks arrive, so each is handed one that does nothing."""
    if jobs < 2:
        return None
    pool = _worker_pool(jobs)
    for _ in range(jobs):
        pool.submit(int)
    return pool


def _worker_pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Fresh interpreters rather than forks: a fork would inherit the index lock and the database handle.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))


def prepare(files: list[CorpusFile], analyser, furniture: frozenset[str] = frozenset()
            ) -> list[tuple[ArticleRows, int] | Skip]:
    """Read, parse and analyse files into the rows the index stores, each with its length in characters,
    or the Skip saying why it cannot be indexed. The files' sentences go through natasha's models
    together; an article whose reading, structure, analysis or rows fail is skipped with the reason,
    never its neighbours.

    A failure reads "analysis failed (TypeError: …); please report it".
    """
    from ..ingest.structure import parse  # index time only: queries import this module too

    results: list = []
    loaded = []
    for file in files:
        digest = None
        try:
            doc, digest = load(file, MAX_FILE_BYTES)
            structure = parse(doc, furniture)
        except SkipFile as skip:
            results.append(Skip(str(skip)))
            continue
        except Exception as err:  # noqa: BLE001 - one article must not cost the folder
            results.append(_failure("reading" if digest is None else "structure", err, digest))
            continue
        loaded.append((len(results), file, doc, digest, structure))
        results.append(None)
    try:
        analyses = analyser.analyse_all([structure for *_, structure in loaded])
    except Exception:  # noqa: BLE001 - find the article that fails, keep the others
        analyses = [_guarded(analyser.analyse, structure) for *_, structure in loaded]
    for (index, file, doc, digest, structure), analysis in zip(loaded, analyses):
        if isinstance(analysis, Exception):
            results[index] = _failure("analysis", analysis, digest)
            continue
        try:
            record = _record(file, doc.encoding, digest, structure, analysis)
            results[index] = article_rows(record, structure.paragraphs, structure.boilerplate, analysis), len(doc.text)
        except Exception as err:  # noqa: BLE001
            results[index] = _failure("building index rows", err, digest)
    return results


def _guarded(step, *args):
    """The step's result, or the exception it raised."""
    try:
        return step(*args)
    except Exception as err:  # noqa: BLE001
        return err


def _failure(stage: str, err: Exception, digest: str | None) -> Skip:
    return Skip(f"{stage} failed ({one_line(err)}); please report it", digest)


CHUNK_ARTICLES = 16  # files a worker analyses together: their sentences fill the models' batches
IN_FLIGHT = 2  # chunks queued per worker
BATCH_ARTICLES = 32  # articles written per transaction
_worker_analyser = None
DIE_ON_ENV = "KZCLI_TEST_WORKER_DIES_ON"  # a test hook: workers exit at once when given this file


def _start_worker(parent: int) -> None:
    global _worker_analyser
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # one process per core already; threads would compete
    from ..analysis.pipeline import Analyzer

    _worker_analyser = Analyzer()
    _collect_garbage_seldom()


def _collect_garbage_seldom() -> Callable[[], None]:
    """Spare the analysis most of Python's cycle collections, which otherwise take about 8 % of its time;
    returns what puts the process's settings back.

    Each chunk's sentences and tokens live long enough to reach the oldest generation, so the collector
    keeps walking everything that lives there, the models and the word caches included. Freezing what
    the models loaded takes it out of those walks, and a higher first threshold makes them rarer; cycles
    are still collected. The rows are the same; one worker analyses 800 realistic articles about 6 %
    faster, and the workers of a 10,000-article index use 13 % less CPU (their caches grow). A program
    that froze objects itself keeps them frozen: then nothing is frozen or thawed here.
    """
    thresholds, freezing = gc.get_threshold(), gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    gc.set_threshold(10_000, 20, 20)

    def as_before() -> None:
        gc.set_threshold(*thresholds)
        if freezing:
            gc.unfreeze()

    return as_before


def _prepared_here(chunks: list[list[CorpusFile]], furniture: frozenset[str]):
    """`prepared` in this process: the models loaded once; the process's collector settings given back."""
    from ..analysis.pipeline import Analyzer

    analyser = Analyzer()
    as_before = _collect_garbage_seldom()
    try:
        for chunk in chunks:
            yield from zip(chunk, prepare(chunk, analyser, furniture))
    finally:
        as_before()


def _exit_with(parent: int) -> None:
    """Leave when the indexing process is gone (killed), instead of lingering as an orphan."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prepare_in_worker(files: list[CorpusFile], furniture: frozenset[str]):
    doomed = os.environ.get(DIE_ON_ENV)
    if doomed and any(file.rel == doomed for file in files):  # tests: a worker that dies on one file
        os._exit(70)
    return prepare(files, _worker_analyser, furniture)


def _chunks(files: list[CorpusFile], jobs: int) -> list[list[CorpusFile]]:
    """The files in the chunks the workers take: CHUNK_ARTICLES each (fewer when the files are few), and
    quarter chunks for the last round, so that no worker still has a whole chunk to do when the others
    are finished (100 files, 2 jobs: four chunks of 16, then nine of 4)."""
    size = max(1, min(CHUNK_ARTICLES, -(-len(files) // jobs)))
    tail = max(0, len(files) - jobs * size)
    return list(_batches(files[:tail], size)) + list(_batches(files[tail:], max(1, size // 4)))


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
    except (SkipFile, OSError):
        return False


def _record(file: CorpusFile, encoding: str, digest: str, structure, analysis) -> dict:
    from ..ingest.structure import word_count

    return {
        "id": file.id,
        "file": file.path.name,
        "path": file.rel,
        "size": file.size,
        "mtime": file.mtime,
        "hash": digest,
        "version": ANALYSIS_VERSION,
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
        "url": structure.url,
        "language": structure.language,
    }


@contextmanager
def _progress(files: list[CorpusFile], show: bool | None):
    """A rich progress bar on stderr (files, chars/s, ETA); silent when stderr is not a terminal."""
    if show is None:
        show = sys.stderr.isatty()
    if not show or not files:
        yield lambda file, chars: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.perf_counter()
    done_chars = 0
    columns = (
        TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
    )
    with Progress(*columns, console=stderr_console(), transient=True) as progress:
        task = progress.add_task("index", total=len(files), rate="", name="")

        def advance(file: CorpusFile, chars: int) -> None:
            nonlocal done_chars
            done_chars += chars
            rate = done_chars / max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{rate / 1000:,.0f}k chars/s", name=file.rel[-40:])

        yield advance
