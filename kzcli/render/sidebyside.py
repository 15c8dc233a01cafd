"""Rendering for `compare`: one column per source, paged to the terminal width, or stacked,
or as a Markdown table for notes, or tab-separated when piped."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

from .output import Format, highlighted, plain_cell, short_id, stdout_console, write_grid

LABEL_WIDTH = 18
MIN_COLUMN = 24  # narrower source columns would be unreadable slivers
BORDERS = 3  # rich's padding and rule per column
ABSENT = "—"


@dataclass
class Sheet:
    """Rows of labelled cells, one cell per source."""
    sources: list[str]  # column headings
    rows: list[tuple[str, list[Any]]]
    title: str | None = None
    caption: str | None = None


def emit(sheet: Sheet, fmt: Format, stack: bool = False) -> None:
    """The sheet on a terminal (paged to its width, or stacked), as plain text or as Markdown."""
    if fmt is not Format.TERMINAL:
        return _grid(sheet, fmt)
    console = stdout_console()
    if sheet.title:
        console.print(Text(sheet.title, style="bold"))
    per_page = 1 if stack else max(1, (console.width - LABEL_WIDTH - BORDERS) // (MIN_COLUMN + BORDERS))
    for start in range(0, len(sheet.sources), per_page):
        table = Table(show_header=True, header_style="bold cyan", show_lines=True, expand=False)
        table.add_column("", style="bold", max_width=LABEL_WIDTH, overflow="ellipsis")
        shown = range(start, min(start + per_page, len(sheet.sources)))
        width = (console.width - LABEL_WIDTH - BORDERS) // len(shown) - BORDERS if not stack else None
        for index in shown:
            table.add_column(short_id(sheet.sources[index]), overflow="ellipsis", max_width=width)
        for label, cells in sheet.rows:
            table.add_row(label, *(_rich(cells[index]) for index in shown))
        console.print(table)
    if sheet.caption:
        console.print(Text(sheet.caption, style="dim"))


def _rich(value: Any) -> Text | str:
    if value is None or value == [] or value == "":
        return Text(ABSENT, style="dim")
    if isinstance(value, Text):
        return value
    if isinstance(value, bool):
        return Text("✓", style="green") if value else Text(ABSENT, style="dim")
    if isinstance(value, (list, tuple)):
        return "\n".join(str(item) for item in value)
    return str(value)


def _text(value: Any, line_break: str) -> str:
    if isinstance(value, bool):
        return "✓" if value else ABSENT
    if isinstance(value, (list, tuple)):
        return line_break.join(plain_cell(item) for item in value) or ABSENT
    if isinstance(value, Text):
        value = value.plain
    return ABSENT if value is None or value == "" else re.sub(r"\n+", line_break, str(value))  # a blank line is one break


def _grid(sheet: Sheet, fmt: Format) -> None:
    """Plain: one line per row label, one column per source, list items joined by "; ".
    Markdown: the same table, list items on lines of their own, with the title and caption around it."""
    markdown = fmt is Format.MARKDOWN
    if markdown and sheet.title:
        sys.stdout.write(f"**{sheet.title}**\n\n")
    lines = [[f"**{label}**" if markdown else label] + [_text(cell, "\n" if markdown else "; ") for cell in cells]
             for label, cells in sheet.rows]
    write_grid(["" if markdown else "field"] + sheet.sources, lines, fmt)
    if markdown and sheet.caption:
        sys.stdout.write(f"\n{sheet.caption}\n")


def published(row: dict) -> str:
    if not row["published_estimated"]:
        return row["published"]
    low, high = row["published_window"]
    if not low and not high:
        return "без даты"
    return f"≈ {low or '…'} – {high or '…'}"


def overview_sheet(rows: list[dict]) -> Sheet:
    topics = list(rows[0]["topics"]) if rows else []
    sheet_rows = [
        ("outlet", [row["outlet"] for row in rows]),
        ("published", [published(row) for row in rows]),
        ("genre", [row["genre"] + (f":\n{row['interviewee']}" if row["interviewee"] else "") for row in rows]),
        ("length", [f"{row['words']} words, {row['paragraphs']} ¶" for row in rows]),
        ("people", [row["people"] for row in rows]),
        ("quoted", [row["quoted"] for row in rows]),
        ("terms", [", ".join(row["terms"]) for row in rows]),
        ("figures", [row["figures"] for row in rows]),
    ]
    sheet_rows += [(topic, [row["topics"][topic] for row in rows]) for topic in topics]
    return Sheet([row["id"] for row in rows], sheet_rows,
                 caption=f"{len(rows)} sources; the last {len(topics)} rows are topics shared by several sources")


def topic_sheet(rows: list[dict]) -> Sheet:
    def passages(row: dict) -> Text:
        if not row["covers"]:
            return Text("не упоминается", style="dim italic")
        text = Text()
        for number, passage in enumerate(row["passages"]):
            if number:
                text.append("\n\n")
            text.append(f"¶{passage['paragraph']} ", style="dim")
            text.append_text(highlighted(passage["text"], passage["highlights"]))
        return text

    sheet_rows = [
        ("outlet", [row["outlet"] for row in rows]),
        ("published", [published(row) for row in rows]),
        ("passages", [passages(row) for row in rows]),
        ("quoted", [row["quoted"] for row in rows]),
        ("figures", [row["figures"] for row in rows]),
    ]
    if any(row["repeats"] for row in rows):
        sheet_rows.append(("repeats", [row["repeats"] and f"повторяет {short_id(row['repeats'])}" for row in rows]))
    first = rows[0]
    return Sheet([row["id"] for row in rows], sheet_rows,
                 title=f"«{first['topic']}»: covered by {first['coverage']} sources")


AGREEMENT_STYLES = {"agree": "green", "differ": "bold red", "single": "dim"}


def figures(rows: list[dict], fmt: Format) -> None:
    """Figures grouped by what they measure (with the period), agreement between sources marked per group;
    amounts as a reader writes them ("712 млн $")."""
    headers = ["group", "about", "figure", "amount", "source", "agreement"]
    plain = fmt is not Format.TERMINAL
    lines, previous = [], None
    for row in rows:
        first = plain or row["group"] != previous
        previous = row["group"]
        lines.append([
            str(row["group"]) if first else "",
            ", ".join(part for part in (row["about"], row["period"]) if part) if first else "",
            row["text"],
            row["amount_text"],
            f"{row['id'] if plain else short_id(row['id'])} {row['outlet'] or ''}".strip(),
            row["agreement"] if first else "",
        ])
    if plain:
        return write_grid(headers, lines, fmt)
    console = stdout_console()
    table = Table(show_header=True, header_style="bold", show_lines=False, expand=True)
    for header in headers:
        table.add_column(header, overflow="ellipsis", ratio=1 if header in ("about", "figure") else None,
                         max_width=14 if header in ("source", "amount") else None,
                         no_wrap=header in ("group", "agreement"))
    for line, row in zip(lines, rows):
        agreement = Text(line[5], style=AGREEMENT_STYLES.get(row["agreement"], ""))
        table.add_row(*line[:5], agreement, end_section=False)
    console.print(table)
    groups = len({row["group"] for row in rows})
    console.print(Text(f"{len(rows)} figures in {groups} groups", style="dim"))
