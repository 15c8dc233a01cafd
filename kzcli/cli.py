"""The typer layer: options, exit codes and the choice of output; the work happens elsewhere."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from .config import CORPUS_ENV, index_path, resolve_corpus
from .errors import NOTHING_FOUND, KzError
from .index.store import discard, is_damage
from .query import reports
from .render import output
from .render.output import Column

app = typer.Typer(
    name="kzcli",
    help="Research assistant for folders of Russian-language news: index, search, timeline, quotes, compare.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JSON_HELP = "Print a JSON array of objects instead of a table."


class State:
    """The corpus chosen on the command line and its index, opened on first use."""

    opened: Path | None = None  # the index this process opened, to discard if it proves damaged

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self._store = None

    def store(self, fresh: bool = True):
        """The index; with `fresh`, first brought up to date if any file changed."""
        from .index.indexer import open_index

        if self._store is None:
            State.opened = index_path(self.corpus)
            self._store = open_index(self.corpus, fresh=False)
        if fresh:
            open_index(self.corpus, store=self._store, on_update=_report_update)
        return self._store


def _report_update(report) -> None:
    """What a query command's own indexing did, on stderr."""
    output.note(f"indexed {len(report.analysed)} changed file(s) in {report.seconds:.1f} s"
                + (f"; {report.newly_skipped} skipped (see kzcli index)" if report.newly_skipped else ""))
    for problem in report.problems:
        output.note(problem)


@app.callback()
def options(
    ctx: typer.Context,
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", envvar=CORPUS_ENV, help="Folder of articles (default: the bundled seeds).",
        show_default=False,
    ),
) -> None:
    ctx.obj = State(resolve_corpus(str(corpus) if corpus else None))


@app.command()
def index(
    ctx: typer.Context,
    rebuild: bool = typer.Option(False, "--rebuild", help="Analyse every file again."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
) -> None:
    """Analyse new and changed files of the corpus into the cached index."""
    from .index.indexer import update

    state: State = ctx.obj
    report = update(state.store(fresh=False), state.corpus, rebuild=rebuild, jobs=jobs)
    rate = report.chars / report.seconds if report.seconds and report.chars else 0
    print(
        f"{state.corpus}: {len(report.analysed)} analysed, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped, {len(report.removed)} removed"
        + (f" ({report.seconds:.1f} s, {rate:,.0f} chars/s)" if report.analysed else "")
    )
    for path, reason in report.skipped:
        print(f"  skipped {path}: {reason}")
    for problem in report.problems:
        print(f"  {problem}")


@app.command()
def sources(ctx: typer.Context, json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """One row per article: id, title, outlet, date, genre, interviewee, length."""
    store = ctx.obj.store()
    rows = reports.sources(store)
    if not rows:
        raise KzError("the corpus has no readable articles", NOTHING_FOUND)
    if json:
        return output.emit_json(rows)
    table_rows = []
    for row, article in zip(rows, store.articles()):
        shown = dict(row)
        if row["title"] is None:
            shown["title"] = Text(f"[lead] {reports.lead_words(store, article['aid'])}", style="dim italic")
        table_rows.append(shown)
    output.emit_table(table_rows, [
        Column("id", "id", "cyan", no_wrap=True),
        Column("title", "title", max_width=50),
        Column("outlet", "outlet", "green"),
        Column("published", "published", no_wrap=True),
        Column("genre", "genre"),
        Column("interviewee", "interviewee"),
        Column("words", "words", "magenta"),
    ], caption=f"{len(rows)} articles in {ctx.obj.corpus}")


@app.command()
def show(
    ctx: typer.Context,
    article_id: str = typer.Argument(..., metavar="ID", help="Article id, file name or a unique prefix."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The article as read: headline, metadata and paragraphs, with questions and answers marked."""
    store = ctx.obj.store()
    view = reports.article_view(store, reports.resolve_article(store, article_id))
    if json:
        return output.emit_json([view])
    output.show_article(view)


@app.command()
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words to find; "quoted words" must stand together.'),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many passages to show."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this article id or outlet."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on or before (YYYY[-MM[-DD]])."),
    semantic: bool = typer.Option(False, "--semantic", help="Also match words close in meaning (navec)."),
    explain: bool = typer.Option(False, "--explain", help="Show which corpus words each query word matched, and why."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Ranked passages matching the query in any inflection, derivation, spelling or script."""
    since, until = reports.date_bound(since, "--since"), reports.date_bound(until, "--until")
    store = ctx.obj.store()
    rows, words, suggestions = reports.search(store, query, limit, source, since, until, semantic)
    if explain:
        output.explain(reports.explain(store, words))
    if not rows:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise KzError(f"nothing found for {query!r}{hint}", NOTHING_FOUND)
    if json:
        return output.emit_json([{key: value for key, value in row.items() if key != "highlights"} for row in rows])
    output.hits(rows, query)


@app.command()
def quotes(
    ctx: typer.Context,
    person: Optional[str] = typer.Option(None, "--person", "-p", help="Speaker: any form of the name, a typo or Latin."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this article id or outlet."),
    kind: Optional[str] = typer.Option(None, "--kind", help="direct, indirect or interview."),
    query: Optional[str] = typer.Option(None, "--query", "-q", help="Only statements whose words match this search."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Who said what: direct quotes, reported speech and interview answers, by speaker and source."""
    store = ctx.obj.store()
    rows = reports.quotes(store, person, source, kind, query)
    if not rows:
        raise KzError("no statements found" + (f" for {person!r}" if person else ""), NOTHING_FOUND)
    if json:
        return output.emit_json(rows)
    output.statements(rows)


@app.command()
def timeline(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before (YYYY[-MM[-DD]])."),
    person: Optional[str] = typer.Option(None, "--person", "-p", help="Only events whose sentence names this person."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this article id or outlet."),
    query: Optional[str] = typer.Option(None, "--query", "-q", help="Only events whose sentence matches this search."),
    no_merge: bool = typer.Option(False, "--no-merge", help="Show each source's mention separately."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Every dated event across the sources in date order, years completed, plans marked."""
    since, until = reports.date_bound(since, "--since"), reports.date_bound(until, "--until")
    rows = reports.timeline(ctx.obj.store(), since, until, person, source, query, merge=not no_merge)
    if not rows:
        raise KzError("no dated events found", NOTHING_FOUND)
    if json:
        return output.emit_json(rows)
    output.timeline(rows)


@app.command()
def compare(
    ctx: typer.Context,
    topic: Optional[str] = typer.Argument(None, help="What to compare the sources on; none gives an overview."),
    sources: Optional[str] = typer.Option(None, "--sources", help="Comma-separated article ids or outlet names."),
    figures: bool = typer.Option(False, "--figures", help="List the figures (money, shares, counts, durations)."),
    stack: bool = typer.Option(False, "--stack", help="One source after another instead of side by side."),
    markdown: bool = typer.Option(False, "--markdown", help="A Markdown table for pasting into notes."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Sources side by side: an overview, what each says on a topic, or the figures they cite."""
    from .query import compare as comparison
    from .render import sidebyside

    store = ctx.obj.store()
    articles = comparison.choose_sources(store, sources)
    if not articles:
        raise KzError("the corpus has no readable articles", NOTHING_FOUND)
    if figures:
        where = comparison.topic_paragraphs(store, topic, articles) if topic else None
        rows = comparison.figures(store, articles, where)
        if not rows:
            raise KzError("no figures found" + (f" on {topic!r}" if topic else ""), NOTHING_FOUND)
        return output.emit_json(rows) if json else sidebyside.figures(rows, markdown)
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
    if json:
        return output.emit_json(rows)
    sidebyside.emit(sheet, stack=stack, markdown=markdown)


@app.command()
def people(
    ctx: typer.Context,
    orgs: bool = typer.Option(False, "--orgs", help="Also list the organisations quoted as speakers."),
    json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The people the corpus mentions, one row each however their name is inflected or abbreviated."""
    rows = reports.people(ctx.obj.store(), orgs)
    if not rows:
        raise KzError("no people found in the corpus", NOTHING_FOUND)
    if json:
        return output.emit_json(rows)
    output.emit_table(rows, [
        Column("name", "name", "bold", no_wrap=True),
        Column("role", "role", max_width=40),
        Column("aliases", "written as", max_width=50),
        Column("mentions", "mentions", "magenta"),
        Column("quotes", "quotes", "magenta"),
        Column("sources", "sources", "cyan"),
    ], caption=f"{len(rows)} {'speakers' if orgs else 'people'}")


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
