"""The typer layer: options, exit codes and the choice of output; the work happens elsewhere."""

import gc
import os
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import CORPUS_ENV, index_path, resolve_corpus
from .errors import NOTHING_FOUND, KzError
from .index.store import discard, is_damage
from .query import reports
from .render import output

app = typer.Typer(
    name="kzcli",
    help="Research assistant for folders of Russian-language news: index, search, timeline, quotes, compare.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by several commands, declared once.
Corpus = Annotated[Optional[Path], typer.Option(
    "--corpus", envvar=CORPUS_ENV, metavar="DIR", show_default=False,
    help="Folder of articles (default: the bundled seeds); also accepted after the command.")]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON array of objects (every row).")]
Csv = Annotated[bool, typer.Option("--csv", help="Print CSV: a header row, the JSON fields in order (every row).")]
Markdown = Annotated[bool, typer.Option("--markdown", help="Print a Markdown table, for notes.")]
Source = Annotated[Optional[str], typer.Option("--source", metavar="ID|OUTLET", help="Only this article or outlet.")]
Since = Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="On or after YYYY[-MM[-DD]].")]
Until = Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="On or before YYYY[-MM[-DD]].")]
Person = Annotated[Optional[str], typer.Option(
    "--person", "-p", metavar="NAME", help="Any form of a person's name, a typo or a Latin spelling.")]
Query = Annotated[Optional[str], typer.Option(
    "--query", "-q", metavar="TEXT", help="Only rows whose sentence matches this search.")]
TIMELINE_VIEW_EVENTS = 100  # a timeline view's events unless --limit says otherwise
QUOTES_VIEW_STATEMENTS = 100  # a quotes view's statements, likewise
Limit = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=1, metavar="N", help="At most N rows (default: 10 in views, every row in --json and --csv).")]


class State:
    """The corpus chosen on the command line and its index, opened on first use."""

    opened: Path | None = None  # the index this process opened, to discard if it proves damaged
    stores: list = []  # every index this process opened, closed as it ends (`_end`)

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self._store = None

    def store(self, fresh: bool = True):
        """The index; with `fresh`, first brought up to date if any file changed. Views learn the
        corpus's short ids from it."""
        from .index.indexer import open_index

        if self._store is None:
            State.opened = index_path(self.corpus)
            self._store = open_index(self.corpus, fresh=False)
            State.stores.append(self._store)
        if fresh:
            open_index(self.corpus, store=self._store, on_update=_report_update, on_wait=_waiting)
            output.use_short_ids(self._store.article_ids)
        return self._store


def _report_update(report) -> None:
    """What a query command's own indexing did, on stderr."""
    output.note(f"indexed {len(report.analysed)} changed file(s) in {report.seconds:.1f} s"
                + (f"; {report.newly_skipped} skipped (see kzcli index)" if report.newly_skipped else ""))
    for problem in report.problems:
        output.note(problem)


def state(ctx: typer.Context, corpus: Optional[Path]) -> State:
    """The command's corpus: `--corpus` given after the command wins over the one before it."""
    if corpus is not None:
        ctx.obj = State(resolve_corpus(str(corpus)))
    return ctx.obj


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"kzcli {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    ctx: typer.Context,
    corpus: Corpus = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = State(resolve_corpus(str(corpus) if corpus else None))


@app.command()
def index(
    ctx: typer.Context,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Analyse every file again.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N",
                                                help="Worker processes (default: one per core).")] = None,
    corpus: Corpus = None,
) -> None:
    """Analyse new and changed files of the corpus into the cached index.

    \b
    Example: kzcli --corpus ~/news index
    """
    from .index.indexer import update

    current = state(ctx, corpus)
    report = update(current.store(fresh=False), current.corpus, rebuild=rebuild, jobs=jobs,
                    on_wait=_waiting)
    rate = report.chars / report.seconds if report.seconds and report.chars else 0
    print(
        f"{current.corpus}: {len(report.analysed)} analysed, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped, {len(report.removed)} removed"
        + (f" ({report.seconds:.1f} s, {rate:,.0f} chars/s)" if report.analysed else "")
    )
    for path, reason in report.skipped:
        print(f"  skipped {path}: {reason}")
    for path, language in report.unread:
        print(f"  not Russian ({language}): {path} is listed, not analysed")
    for problem in report.problems:
        print(f"  {problem}")


def _waiting() -> None:
    output.note("waiting for another kzcli run to finish indexing…")


@app.command()
def sources(ctx: typer.Context, json: Json = False, csv: Csv = False, markdown: Markdown = False,
            corpus: Corpus = None) -> None:
    """One row per article: id, title, outlet, date, genre, interviewee, length.

    \b
    Example: kzcli sources --csv > articles.csv
    """
    fmt = output.choose_format(json, csv, markdown)
    current = state(ctx, corpus)
    store = current.store()
    rows = reports.sources(store)
    if not rows:
        raise KzError("the corpus has no readable articles", NOTHING_FOUND)
    if fmt.records:
        return output.emit_records(rows, fmt)
    leads = {article["id"]: reports.lead_words(store, article["aid"]) for article in store.articles()
             if article["title"] is None}
    output.sources(rows, leads, fmt, caption=f"{len(rows)} articles in {current.corpus}")


@app.command()
def show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id, file name or a unique prefix.")],
    json: Json = False,
    corpus: Corpus = None,
) -> None:
    """The article as read: headline, metadata and paragraphs, with questions and answers marked.

    \b
    Example: kzcli show 001
    """
    fmt = output.choose_format(json)
    store = state(ctx, corpus).store()
    view = reports.article_view(store, reports.resolve_article(store, article_id))
    if fmt.records:
        return output.emit_records([view], fmt)
    output.show_article(view, fmt)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words to find; "quoted words" must stand together.')],
    limit: Limit = None,
    source: Source = None,
    since: Since = None,
    until: Until = None,
    semantic: Annotated[bool, typer.Option("--semantic", help="Also match words close in meaning (navec).")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show which corpus words each query word matched, and why (on stderr).")] = False,
    json: Json = False,
    csv: Csv = False,
    markdown: Markdown = False,
    corpus: Corpus = None,
) -> None:
    """Ranked passages matching the query in any inflection, derivation, spelling or script.

    \b
    Example: kzcli search "Авраамовы соглашения" --since 2025 --limit 5
    """
    fmt = output.choose_format(json, csv, markdown)
    since, until = reports.date_bound(since, "--since"), reports.date_bound(until, "--until")
    store = state(ctx, corpus).store()
    rows, words, suggestions = reports.search(store, query, _limit(limit, fmt), source, since, until, semantic)
    if explain:
        output.explain(reports.explain(store, words))
    if not rows:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise KzError(f"nothing found for {query!r}{hint}", NOTHING_FOUND)
    if fmt.records:
        return output.emit_records([{key: value for key, value in row.items() if key != "highlights"} for row in rows], fmt)
    output.hits(rows, query, fmt)


def _limit(limit: Optional[int], fmt, view_default: int = 10) -> Optional[int]:
    """Views (on a terminal or piped) show `view_default` rows unless told; JSON and CSV give every row
    unless told."""
    return limit if limit is not None else (None if fmt.records else view_default)


def _one_more(shown: Optional[int]) -> Optional[int]:
    """Asked of a listing: one more than is shown tells whether there are more."""
    return None if shown is None else shown + 1


def _first(rows: list, shown: Optional[int], units: list, fmt, what: str) -> list:
    """The rows of the first `shown` units (events group their rows); a view says when there are more, so
    a huge folder's view starts with its first rows and says how to see the rest."""
    kept = list(dict.fromkeys(units))[:shown]
    if shown is None or len(kept) == len(set(units)):
        return rows
    if not fmt.records:
        output.note(f"the first {shown} {what} shown; --limit N or --json for more")
    kept = set(kept)
    return [row for row, unit in zip(rows, units) if unit in kept]


@app.command()
def quotes(
    ctx: typer.Context,
    person: Person = None,
    source: Source = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="KIND", help="direct, indirect or interview.")] = None,
    query: Query = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, metavar="N",
        help=f"At most N statements (default: {QUOTES_VIEW_STATEMENTS} in views, every row in --json and --csv).")] = None,
    json: Json = False,
    csv: Csv = False,
    markdown: Markdown = False,
    corpus: Corpus = None,
) -> None:
    """Who said what: direct quotes, reported speech and interview answers, by speaker and source.

    \b
    Example: kzcli quotes --person Токаев --kind direct
    """
    fmt = output.choose_format(json, csv, markdown)
    shown = _limit(limit, fmt, QUOTES_VIEW_STATEMENTS)
    rows = reports.quotes(state(ctx, corpus).store(), person, source, kind, query, _one_more(shown))
    if not rows:
        raise KzError("no statements found" + (f" for {person!r}" if person else ""), NOTHING_FOUND)
    rows = _first(rows, shown, list(range(len(rows))), fmt, "statements")
    if fmt.records:
        return output.emit_records(rows, fmt)
    output.statements(rows, fmt)


@app.command()
def timeline(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    person: Person = None,
    source: Source = None,
    query: Query = None,
    no_merge: Annotated[bool, typer.Option("--no-merge", help="Show each source's mention separately.")] = False,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, metavar="N",
        help=f"At most N events (default: {TIMELINE_VIEW_EVENTS} in views, every row in --json and --csv).")] = None,
    json: Json = False,
    csv: Csv = False,
    markdown: Markdown = False,
    corpus: Corpus = None,
) -> None:
    """Every dated event across the sources in date order, years completed, plans marked.

    \b
    Example: kzcli timeline --since 2025-11 --person Токаев
    """
    fmt = output.choose_format(json, csv, markdown)
    since, until = reports.date_bound(since, "--since"), reports.date_bound(until, "--until")
    shown = _limit(limit, fmt, TIMELINE_VIEW_EVENTS)
    rows = reports.timeline(state(ctx, corpus).store(), since, until, person, source, query,
                            merge=not no_merge, limit=_one_more(shown))
    if not rows:
        raise KzError("no dated events found", NOTHING_FOUND)
    rows = _first(rows, shown, [row["group"] for row in rows], fmt, "events")
    if fmt.records:
        return output.emit_records(rows, fmt)
    output.timeline(rows, fmt)


@app.command()
def compare(
    ctx: typer.Context,
    topic: Annotated[Optional[str], typer.Argument(
        metavar="[TOPIC]", help="What to compare the sources on; none gives an overview.")] = None,
    sources: Annotated[Optional[str], typer.Option(
        "--sources", metavar="A,B,…", help="Comma-separated article ids or outlet names.")] = None,
    figures: Annotated[bool, typer.Option(
        "--figures", help="List the figures (money, shares, counts, durations).")] = False,
    stack: Annotated[bool, typer.Option("--stack", help="One source after another instead of side by side.")] = False,
    json: Json = False,
    csv: Csv = False,
    markdown: Markdown = False,
    corpus: Corpus = None,
) -> None:
    """Sources side by side: an overview, what each says on a topic, or the figures they cite.

    \b
    Example: kzcli compare "Авраамовы соглашения" --sources 001,altyn
    """
    from .query import compare as comparison
    from .render import sidebyside

    fmt = output.choose_format(json, csv, markdown)
    store = state(ctx, corpus).store()
    articles = comparison.choose_sources(store, sources)
    if not articles:
        raise KzError("the corpus has no readable articles", NOTHING_FOUND)
    if figures:
        where = comparison.topic_sentences(store, topic, articles) if topic else None
        rows = comparison.figures(store, articles, where)
        if not rows:
            raise KzError("no figures found" + (f" on {topic!r}" if topic else ""), NOTHING_FOUND)
        return output.emit_records(rows, fmt) if fmt.records else sidebyside.figures(rows, fmt)
    if topic:
        rows = comparison.on_topic(store, topic, articles)
        if not any(row["covers"] for row in rows):
            raise KzError(f"no source mentions {topic!r}", NOTHING_FOUND)
        sheet = sidebyside.topic_sheet(rows)
    else:
        if len(articles) > comparison.OVERVIEW_SOURCES:
            raise KzError(f"an overview compares at most {comparison.OVERVIEW_SOURCES} sources and {len(articles)} are"
                          " chosen: pick some with --sources, or compare them on a topic (kzcli compare TOPIC)")
        rows = comparison.overview(store, articles)
        sheet = sidebyside.overview_sheet(rows)
    if fmt.records:
        return output.emit_records(rows, fmt)
    sidebyside.emit(sheet, fmt, stack=stack)


@app.command()
def people(
    ctx: typer.Context,
    orgs: Annotated[bool, typer.Option("--orgs", help="Also list the organisations quoted as speakers.")] = False,
    json: Json = False,
    csv: Csv = False,
    markdown: Markdown = False,
    corpus: Corpus = None,
) -> None:
    """The people the corpus mentions, one row each however their name is inflected or abbreviated.

    \b
    Example: kzcli people --orgs --csv
    """
    fmt = output.choose_format(json, csv, markdown)
    rows = reports.people(state(ctx, corpus).store(), orgs)
    if not rows:
        raise KzError("no people found in the corpus", NOTHING_FOUND)
    if fmt.records:
        return output.emit_records(rows, fmt)
    output.people(rows, fmt, caption=f"{len(rows)} {'speakers' if orgs else 'people'}")


def main() -> None:
    """Console entry point: one-line errors and exit codes 0 / 1 / 2, never a traceback."""
    sys.stdout = output.ReaderGoneExits(sys.stdout)
    try:
        try:
            app(prog_name="kzcli")
        except sqlite3.DatabaseError as err:
            if not is_damage(err) or State.opened is None:
                raise
            output.note(f"the index at {State.opened} is damaged ({err}); rebuilding it")
            discard(State.opened)
            app(prog_name="kzcli")
    except KzError as err:
        output.error(str(err))
        sys.exit(err.code)
    except KeyboardInterrupt:
        output.error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as err:  # the promise is one line, never a traceback
        output.error(f"unexpected error: {type(err).__name__}: {err}")
        sys.exit(2)
    finally:
        _end()


def _end() -> None:
    """The command is done and the process ends: close the indexes it opened, then take every object out
    of the cycle collector's reach, so that Python's collections at exit do not walk them all (40–50 ms
    of a search of 10,000 articles). Objects are still freed as the interpreter shuts down, and the output
    flushed; only cycles are left to the operating system, which reclaims the memory anyway."""
    for store in State.stores:
        try:
            store.close()
        except sqlite3.Error:
            pass
    gc.freeze()
