"""Output: the one place that decides the format, and writes records or views in it.

A rich view on a terminal; a header line and tab-separated rows when piped; `--json`; `--csv`
(RFC 4180, the JSON fields in the JSON order); `--markdown` where a table is shown.
"""

from __future__ import annotations

from bisect import bisect_left

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..errors import USAGE, KzError
from ..terminal import stderr_console, stdout_console
from ..lang.calendar import MODIFIER_NAMES, MONTH_GENITIVE, MONTH_NOMINATIVE, PERIOD_MONTHS


class Format(Enum):
    TERMINAL = "terminal"  # rich views
    PLAIN = "plain"  # piped: a header line, then one tab-separated line per row
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"

    @property
    def records(self) -> bool:
        """JSON and CSV write the records themselves, every field; the others write a view of them."""
        return self in (Format.JSON, Format.CSV)


def choose_format(json: bool = False, csv: bool = False, markdown: bool = False) -> Format:
    """The format the flags ask for; without one, a rich view on a terminal and plain text when piped."""
    asked = [fmt for fmt, on in ((Format.JSON, json), (Format.CSV, csv), (Format.MARKDOWN, markdown)) if on]
    if len(asked) > 1:
        raise KzError("choose one of --json, --csv and --markdown", USAGE)
    if asked:
        return asked[0]
    return Format.TERMINAL if stdout_console().is_terminal else Format.PLAIN


def emit_records(rows: list[dict], fmt: Format) -> None:
    """Records as JSON (an array of objects) or CSV (a header row, then one row per record)."""
    if fmt is Format.JSON:
        return emit_json(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    fields = list(rows[0]) if rows else []
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row.get(field)) for field in fields])
    sys.stdout.write(buffer.getvalue())


def csv_cell(value: Any) -> str:
    """A JSON value as a CSV cell: null empty, strings as they are, numbers, booleans, lists and objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def write_grid(headers: list[str], lines: list[list[str]], fmt: Format) -> None:
    """Rows of plain cells as tab-separated lines (tabs and newlines inside cells become spaces) or as a
    Markdown table (pipes escaped, newlines as <br>)."""
    write = sys.stdout.write
    if fmt is Format.MARKDOWN:
        def cell(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", "<br>")

        write("| " + " | ".join(cell(h) for h in headers) + " |\n|" + "---|" * len(headers) + "\n")
        for line in lines:
            write("| " + " | ".join(cell(text) for text in line) + " |\n")
        return
    write("\t".join(headers) + "\n")
    for line in lines:
        write("\t".join(" ".join(text.replace("\t", " ").split("\n")) for text in line) + "\n")


@dataclass
class Column:
    """A table column: `ratio` columns share the width left by the others (text goes there); words wrap at
    word boundaries and a word too long for its cell ends with "…"."""

    key: str
    header: str
    style: str = ""
    max_width: int | None = None
    no_wrap: bool = False
    ratio: int | None = None


SHORT_IDS: dict[str, str] = {}
ALL_IDS: list[str] = []  # every article id of the corpus, sorted, once a view shows one
ID_READERS: list[Callable[[], list[str]]] = []  # what reads them, until then


def use_short_ids(read_ids: Callable[[], list[str]]) -> None:
    """Views show each article id as its shortest unique prefix of at least 3 characters, as git does
    ("001" for 001_cd68da5dc231e281 among the seeds); JSON, CSV and plain output keep the full id.
    Worked out for the ids a view shows, against their neighbours in sorted order; every id of the
    corpus is read (`read_ids`) when a view first shows one, so output that keeps full ids reads none."""
    ALL_IDS.clear()
    SHORT_IDS.clear()
    ID_READERS[:] = [read_ids]


def short_id(full: str) -> str:
    if ID_READERS:
        ALL_IDS[:] = sorted(ID_READERS.pop()())
    if full not in SHORT_IDS:
        index = bisect_left(ALL_IDS, full)
        if index == len(ALL_IDS) or ALL_IDS[index] != full:
            return full
        shared = max((_common_prefix(full, ALL_IDS[other]) for other in (index - 1, index + 1)
                      if 0 <= other < len(ALL_IDS)), default=0)
        SHORT_IDS[full] = full[: max(3, shared + 1)]
    return SHORT_IDS[full]


def _common_prefix(a: str, b: str) -> int:
    length = 0
    while length < min(len(a), len(b)) and a[length] == b[length]:
        length += 1
    return length


class ReaderGoneExits:
    """stdout that ends the run quietly, exit 0, once its reader has gone (`kzcli search … | head -1`).

    typer turns a broken pipe into exit code 1, which here means "nothing found"; and whether the
    pipe breaks inside the command or at the final flush depends on timing.
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._stop()

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._stop()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    def _stop(self) -> None:
        os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())  # what is still buffered goes nowhere
        raise SystemExit(0)


def error(message: str) -> None:
    stderr_console().print(Text(f"kzcli: {message}", style="red"), soft_wrap=True)


def note(message: str) -> None:
    """A one-line remark on stderr (what auto-indexing did, hints)."""
    stderr_console().print(Text(message, style="dim"))


def emit_json(rows: Any) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def emit_table(rows: list[dict], columns: list[Column], title: str | None = None, caption: str | None = None,
               fmt: Format | None = None) -> None:
    """A rich table on a terminal; otherwise the same columns, plain, through `write_grid`."""
    console = stdout_console()
    fmt = fmt or (Format.TERMINAL if console.is_terminal else Format.PLAIN)
    if fmt is not Format.TERMINAL:
        headers = [column.key for column in columns]
        return write_grid(headers, [[plain_cell(row.get(column.key)) for column in columns] for row in rows], fmt)
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold",
                  expand=any(column.ratio for column in columns))
    for column in columns:
        table.add_column(column.header, style=column.style, max_width=column.max_width, no_wrap=column.no_wrap,
                         overflow="ellipsis", ratio=column.ratio)
    for row in rows:
        table.add_row(*(rich_cell(row.get(column.key)) for column in columns))
    console.print(table)


def plain_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Text):
        value = value.plain
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    return str(value).replace("\t", " ").replace("\n", " ")


def rich_cell(value: Any) -> Text | str:
    if value is None:
        return Text("—", style="dim")
    if isinstance(value, Text):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


KIND_MARKS = {"question": "Q", "answer": "A", "heading": "#", "item": "•", "text": ""}
KIND_STYLES = {"question": "bold cyan", "heading": "bold", "answer": "", "item": "", "text": ""}


def show_article(view: dict, fmt: Format) -> None:
    """Headline, metadata lines, then numbered paragraphs with their Q/A/heading marks; piped, one line
    per paragraph, unwrapped."""
    lines = [view["title"] or "(без заголовка)"]
    meta = [(key, view.get(key)) for key in ("id", "file", "outlet", "published", "url", "genre", "interviewee",
                                              "words", "encoding")]
    if view.get("language") not in (None, "ru"):
        meta.append(("language", f"{view['language']} (not analysed: kzcli reads Russian)"))
    if view.get("dropped"):
        meta.append(("dropped", f"{len(view['dropped'])} lines of page furniture (listed by --json)"))
    paragraphs = [(f"[{para['n']}]" + (f" {KIND_MARKS[para['kind']]}" if KIND_MARKS.get(para["kind"]) else ""),
                   para) for para in view["paragraphs"]]
    if fmt is not Format.TERMINAL:
        lines += [f"{key}: {value}" for key, value in meta if value is not None] + [""]
        lines += [f"{mark} {para['text']}" for mark, para in paragraphs]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    console = stdout_console()
    console.print(Text(lines[0], style="bold", overflow="ellipsis"))
    for key, value in meta:
        if value is not None:
            console.print(Text(f"{key}: ", style="dim") + Text(str(value), overflow="ellipsis"))
    console.print()
    for mark, para in paragraphs:
        text = Text(mark + " ", style="dim", overflow="ellipsis")
        text.append(para["text"], style=KIND_STYLES.get(para["kind"], ""))
        console.print(text)


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    result = Text(text)
    for start, end in spans:
        result.stylize("bold yellow", start, end)
    return result


def sources(rows: list[dict], leads: dict[str, str], fmt: Format, caption: str) -> None:
    """One row per article; a headline-less article shows its lead's first words; interviews name the
    interviewee under the title."""
    if fmt is not Format.TERMINAL:
        return emit_table(rows, [Column(key, key) for key in
                                 ("id", "title", "outlet", "published", "genre", "interviewee", "words")], fmt=fmt)
    shown = []
    for row in rows:
        title = Text(row["title"]) if row["title"] else Text(f"[начало] {leads.get(row['id'], '')}", style="dim italic")
        if row["genre"] == "interview":
            title.append(f"\nинтервью: {row['interviewee'] or '—'}", style="dim")
        if row.get("language") not in (None, "ru"):
            title.append(f"\nязык: {row['language']} (не анализировалась)", style="dim")
        shown.append({**row, "id": short_id(row["id"]), "title": title})
    emit_table(shown, [
        Column("id", "id", "cyan", no_wrap=True),
        Column("title", "title", ratio=1),
        Column("outlet", "outlet", "green", max_width=16),
        Column("published", "published", no_wrap=True),
        Column("words", "words", "magenta", no_wrap=True),
    ], caption=caption, fmt=fmt)


def hits(rows: list[dict], query: str, fmt: Format) -> None:
    """Search results: where each passage is (id, outlet, date, paragraph) and the cited sentences."""
    if fmt is not Format.TERMINAL:
        return emit_table(rows, [Column(key, key) for key in
                                 ("id", "outlet", "published", "paragraph", "score", "snippet")], fmt=fmt)
    table_rows = [
        {
            **row,
            "where": f"{short_id(row['id'])} ¶{row['paragraph']}\n{row['outlet'] or '—'}\n{row['published'] or 'без даты'}",
            "snippet": highlighted(row["snippet"], row["highlights"]),
        }
        for row in rows
    ]
    emit_table(table_rows, [
        Column("where", "source", "cyan", max_width=16),
        Column("snippet", "passage", ratio=1),
        Column("score", "score", "magenta", no_wrap=True),
    ], caption=f"{len(rows)} passages for {query!r}", fmt=fmt)


def people(rows: list[dict], fmt: Format, caption: str) -> None:
    """One row per person: name with the role under it, the forms seen, and the counts."""
    if fmt is not Format.TERMINAL:
        return emit_table(rows, [Column(key, key) for key in
                                 ("name", "role", "aliases", "mentions", "quotes", "sources")], fmt=fmt)
    shown = []
    for row in rows:
        name = Text(row["name"], style="bold")
        if row["role"]:
            name.append(f"\n{row['role']}", style="dim")
        shown.append({**row, "name": name})
    emit_table(shown, [
        Column("name", "name", ratio=1),
        Column("aliases", "written as", ratio=1),
        Column("mentions", "mentions", "magenta", no_wrap=True),
        Column("quotes", "quotes", "magenta", no_wrap=True),
        Column("sources", "sources", "cyan", no_wrap=True),
    ], caption=caption, fmt=fmt)


KIND_LABELS = {"direct": "прямая речь", "indirect": "косвенная речь", "interview": "интервью"}


def referred_by(row: dict) -> str:
    """The words a statement's text used for its speaker when they are not the speaker's name (a pronoun
    or a role noun: "Смирнов ← «чиновник»"); "" when the text named the speaker.

    >>> referred_by({"speaker": "Олег Смирнов", "speaker_phrase": "Смирнова", "speaker_type": "person"})
    ''
    >>> referred_by({"speaker": "Олег Смирнов", "speaker_phrase": "чиновник", "speaker_type": "person"})
    'чиновник'
    """
    phrase = row.get("speaker_phrase") or ""
    if row.get("speaker_type") == "description" or not phrase:
        return ""
    name = {word.casefold()[:5] for word in row["speaker"].replace(".", " ").split()}
    return "" if {word.casefold()[:5] for word in phrase.replace(".", " ").split()} & name else phrase


def statements(rows: list[dict], fmt: Format) -> None:
    """Quotes grouped by speaker then source: the speaker once as a heading, then per statement a line
    saying where and how (id, outlet, date, kind and cue) and the statement itself, indented."""
    if fmt is not Format.TERMINAL:
        return emit_table(rows, [Column(key, key) for key in
                                 ("speaker", "id", "outlet", "published", "kind", "cue", "text")], fmt=fmt)
    console = stdout_console()
    previous = None
    for row in rows:
        if row["speaker"] != previous:
            if previous is not None:
                console.print()
            console.print(Text(row["speaker"], style="bold", overflow="ellipsis"))
            previous = row["speaker"]
        label = KIND_LABELS[row["kind"]]
        cue = row["cue"] if row["cue"] and row["cue"] != label else ""
        where = Text("  ")
        where.append(short_id(row["id"]), style="cyan")
        where.append(f" · {row['outlet'] or '—'} · {row['published'] or 'без даты'} · ", style="dim")
        where.append(label, style="green")
        if cue:
            where.append(f" «{cue}»", style="green")
        via = referred_by(row)
        if via:
            where.append(f" · ← «{via}»", style="yellow")
        where.overflow = "ellipsis"
        console.print(where)
        console.print(Padding(Text(row["text"], overflow="ellipsis"), (0, 0, 0, 4)))
    console.print(Text(f"{len(rows)} statements", style="dim"))


def russian_date(value: str, modifier: str | None = None) -> str:
    """2025-11-06 → "6 ноября 2025"; 2025-11 → "ноябрь 2025"; 2025 + end → "конец 2025"; ranges with a dash;
    2025-03/2025-05 + spring → "весна 2025"; --05 → "май (год не указан)"."""
    if value.startswith("--"):
        parts = value[2:].split("-")
        month = int(parts[0]) - 1
        day = f"{int(parts[1])} {MONTH_GENITIVE[month]}" if len(parts) > 1 else MONTH_NOMINATIVE[month]
        return f"{day} (год не указан)"
    if "/" in value and modifier in PERIOD_MONTHS:
        return f"{MODIFIER_NAMES[modifier]} {value.split('/')[1][:4]}"
    if "/" in value:
        first, last = value.split("/")
        a, b = first.split("-"), last.split("-")
        if len(a) == len(b) == 3 and a[:2] == b[:2]:
            return f"{int(a[2])}–{int(b[2])} {MONTH_GENITIVE[int(a[1]) - 1]} {a[0]}"
        return f"{russian_date(first)} – {russian_date(last)}"
    parts = value.split("-")
    if len(parts) == 3:
        text = f"{int(parts[2])} {MONTH_GENITIVE[int(parts[1]) - 1]} {parts[0]}"
    elif len(parts) == 2:
        month = MONTH_GENITIVE[int(parts[1]) - 1] if modifier and modifier != "recent" else MONTH_NOMINATIVE[int(parts[1]) - 1]
        text = f"{month} {parts[0]}"
    else:
        text = parts[0]
    if modifier:
        word = MODIFIER_NAMES.get(modifier, modifier)
        text = f"{word} {text}" if modifier not in ("spring", "summer", "autumn", "winter") or len(parts) == 1 else text
    return text


EVENT_WORDS = 16  # an event's words in the terminal view; JSON and CSV keep the whole clause


def timeline(rows: list[dict], fmt: Format) -> None:
    """One table row per merged event, under year and month headings; plans in italics and marked."""
    if fmt is not Format.TERMINAL:
        return emit_table([{**row, "dated_by": (row["cross_reference"] or {}).get("id")} for row in rows], [
            Column(key, key) for key in
            ("date", "partial", "modifier", "mention", "event", "id", "outlet", "year_inferred", "planned", "dated_by")],
            fmt=fmt)
    console = stdout_console()
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=False)
    table.add_column("date", style="cyan", max_width=16, overflow="ellipsis")
    table.add_column("event", ratio=1, overflow="ellipsis")
    table.add_column("sources", style="green", max_width=16, overflow="ellipsis")
    groups: dict[int, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    heading = None
    for members in groups.values():
        first = members[0]
        value = first["date"] or first["partial"]
        if first["date"] is None:
            period = "год не указан"
        else:
            period = value[:7] if first["granularity"] in ("day", "month") else value[:4]
        if period != heading:
            heading = period
            label = russian_date(period) if len(period) == 7 else period
            table.add_row(Text(label, style="bold"), "", "", end_section=False)
        borrowed = all(m["cross_reference"] for m in members)
        date_text = ("≈ " if borrowed else "") + russian_date(value, first["modifier"]) \
            + ("*" if first["year_inferred"] else "")
        event = Text(clip_words(first["event"], EVENT_WORDS), style="italic magenta" if first["planned"] else "")
        if first["planned"]:
            event.append(" (запланировано)", style="dim")
        sources = "\n".join(_timeline_source(m) for m in members)
        table.add_row(date_text, event, sources)
    console.print(table)
    console.print(Text(f"{len(groups)} events from {len(rows)} date mentions; * year inferred;"
                       " ≈ date from another source (← its id)", style="dim"))


def clip_words(text: str, limit: int) -> str:
    """The first `limit` words of a text, "…" for the rest: clip_words("а б в г", 2) == "а б …"."""
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]).rstrip(",;:") + " …"


def _timeline_source(row: dict) -> str:
    source = short_id(row["id"])
    return f"{source} ← {short_id(row['cross_reference']['id'])}" if row["cross_reference"] else source


def explain(lines: list[dict]) -> None:
    """What each query word matched in the corpus, on stderr so that --json stays clean."""
    console = stderr_console()
    for line in lines:
        forms = ", ".join(line["forms"])
        console.print(Text(f"{line['query']} → {line['term']} ({line['why']}, {line['weight']}): {forms}", style="dim"))
