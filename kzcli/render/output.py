"""Output: rich tables on a terminal, tab-separated plain text when piped, JSON on request."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


@dataclass
class Column:
    key: str
    header: str
    style: str = ""
    max_width: int | None = None
    no_wrap: bool = False


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


def stdout_console() -> Console:
    """Colours follow the terminal and NO_COLOR; rich turns them off when piped."""
    return Console(highlight=False, soft_wrap=False)


def error(message: str) -> None:
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"kzcli: {message}", style="red"))


def note(message: str) -> None:
    """A one-line remark on stderr (what auto-indexing did, hints)."""
    Console(stderr=True, highlight=False).print(Text(message, style="dim"))


def emit_json(rows: Any) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def emit_table(rows: list[dict], columns: list[Column], title: str | None = None, caption: str | None = None) -> None:
    """A rich table on a terminal; a header line and tab-separated rows otherwise."""
    console = stdout_console()
    if not console.is_terminal:
        sys.stdout.write("\t".join(column.key for column in columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join(plain_cell(row.get(column.key)) for column in columns) + "\n")
        return
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold", expand=False)
    for column in columns:
        table.add_column(column.header, style=column.style, max_width=column.max_width,
                         no_wrap=column.no_wrap, overflow="ellipsis" if column.no_wrap else "fold")
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


def show_article(view: dict) -> None:
    """Headline, metadata lines, then numbered paragraphs with their Q/A/heading marks."""
    console = stdout_console()
    title = view["title"] or "(no headline)"
    console.print(Text(title, style="bold"))
    for key in ("id", "file", "outlet", "published", "genre", "interviewee", "words", "encoding"):
        value = view.get(key)
        if value is not None:
            label = f"{key}: "
            console.print(Text(label, style="dim") + Text(str(value)))
    console.print()
    for para in view["paragraphs"]:
        mark = KIND_MARKS.get(para["kind"], "")
        prefix = Text(f"[{para['n']}]{' ' + mark if mark else ''} ", style="dim")
        console.print(prefix + Text(para["text"], style=KIND_STYLES.get(para["kind"], "")))


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    result = Text(text)
    for start, end in spans:
        result.stylize("bold yellow", start, end)
    return result


def hits(rows: list[dict], query: str) -> None:
    """Search results: where each passage is (id, outlet, date, paragraph) and the cited sentences."""
    table_rows = [
        {
            **row,
            "where": f"{row['id'][:12]}\n{row['outlet'] or '—'}\n{row['published'] or 'no date'} ¶{row['paragraph']}",
            "snippet": highlighted(row["snippet"], row["highlights"]),
        }
        for row in rows
    ]
    emit_table(table_rows, [
        Column("where", "source", "cyan", max_width=16),
        Column("snippet", "passage"),
        Column("score", "score", "magenta"),
    ], caption=f"{len(rows)} passages for {query!r}")


KIND_LABELS = {"direct": "«»", "indirect": "reported", "interview": "interview"}


def statements(rows: list[dict]) -> None:
    """Quotes grouped by speaker then source; the speaker and source are written once per group."""
    table_rows, previous = [], (None, None)
    for row in rows:
        speaker = row["speaker"] if row["speaker"] != previous[0] else ""
        source = row["id"] if (row["speaker"], row["id"]) != previous else ""
        where = f"{source[:12]}\n{row['outlet'] or '—'}\n{row['published'] or 'no date'}" if source else ""
        table_rows.append({
            **row,
            "speaker": Text(speaker, style="bold"),
            "where": where,
            "how": f"{KIND_LABELS[row['kind']]}\n{row['cue']}",
        })
        previous = (row["speaker"], row["id"])
    console = stdout_console()
    if not console.is_terminal:
        table_rows = rows
    emit_table(table_rows, [
        Column("speaker", "speaker", max_width=22),
        Column("where", "source", "cyan", max_width=16),
        Column("how", "how", "green", max_width=16),
        Column("text", "statement"),
    ] if console.is_terminal else [
        Column("speaker", "speaker"), Column("id", "id"), Column("outlet", "outlet"), Column("published", "published"),
        Column("kind", "kind"), Column("cue", "cue"), Column("text", "text"),
    ], caption=f"{len(rows)} statements")


MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                     "октябрь", "ноябрь", "декабрь"]
MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря"]
MODIFIERS = {
    "start": "начало", "middle": "середина", "end": "конец", "first_half": "первая половина",
    "second_half": "вторая половина", "q1": "I квартал", "q2": "II квартал", "q3": "III квартал",
    "q4": "IV квартал", "spring": "весна", "summer": "лето", "autumn": "осень", "winter": "зима",
    "recent": "на днях,",
}


def russian_date(value: str, modifier: str | None = None) -> str:
    """2025-11-06 → "6 ноября 2025"; 2025-11 → "ноябрь 2025"; 2025 + end → "конец 2025"; ranges with a dash."""
    if "/" in value:
        first, last = value.split("/")
        a, b = first.split("-"), last.split("-")
        if len(a) == len(b) == 3 and a[:2] == b[:2]:
            return f"{int(a[2])}–{int(b[2])} {MONTHS_GENITIVE[int(a[1]) - 1]} {a[0]}"
        return f"{russian_date(first)} – {russian_date(last)}"
    parts = value.split("-")
    if len(parts) == 3:
        text = f"{int(parts[2])} {MONTHS_GENITIVE[int(parts[1]) - 1]} {parts[0]}"
    elif len(parts) == 2:
        month = MONTHS_GENITIVE[int(parts[1]) - 1] if modifier and modifier != "recent" else MONTHS_NOMINATIVE[int(parts[1]) - 1]
        text = f"{month} {parts[0]}"
    else:
        text = parts[0]
    if modifier:
        word = MODIFIERS.get(modifier, modifier)
        text = f"{word} {text}" if modifier not in ("spring", "summer", "autumn", "winter") or len(parts) == 1 else text
    return text


def timeline(rows: list[dict]) -> None:
    """One table row per merged event, under year and month headings; plans in italics."""
    console = stdout_console()
    if not console.is_terminal:
        emit_table([{**row, "dated_by": (row["cross_reference"] or {}).get("id")} for row in rows], [
            Column(key, key) for key in
            ("date", "modifier", "mention", "event", "id", "outlet", "year_inferred", "planned", "dated_by")])
        return
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    table.add_column("date", no_wrap=True, style="cyan", max_width=24)
    table.add_column("event", ratio=1)
    table.add_column("sources", style="green", max_width=28)
    groups: dict[int, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    heading = None
    for members in groups.values():
        first = members[0]
        period = first["date"][:7] if first["granularity"] in ("day", "month") else first["date"][:4]
        if period != heading:
            heading = period
            label = russian_date(period) if len(period) == 7 else period
            table.add_row(Text(label, style="bold"), "", "", end_section=False)
        borrowed = all(m["cross_reference"] for m in members)
        date_text = ("≈ " if borrowed else "") + russian_date(first["date"], first["modifier"]) \
            + ("*" if first["year_inferred"] else "")
        event = Text(first["event"], style="italic magenta" if first["planned"] else "")
        if first["planned"]:
            event.append("  (planned)", style="dim")
        sources = "\n".join(_timeline_source(m) for m in members)
        table.add_row(date_text, event, sources)
    console.print(table)
    console.print(Text(f"{len(groups)} events from {len(rows)} date mentions; * year inferred;"
                       " ≈ date from another source (← its id)", style="dim"))


def _timeline_source(row: dict) -> str:
    source = f"{row['id'][:12]} {row['outlet'] or ''}".strip()
    return f"{source} ← {row['cross_reference']['id'][:12]}" if row["cross_reference"] else source


def explain(lines: list[dict]) -> None:
    """What each query word matched in the corpus, on stderr so that --json stays clean."""
    console = Console(stderr=True, highlight=False)
    for line in lines:
        forms = ", ".join(line["forms"])
        console.print(Text(f"{line['query']} → {line['term']} ({line['why']}, {line['weight']}): {forms}", style="dim"))
