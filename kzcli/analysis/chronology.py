"""Date mentions in running text, normalised: days, months, years, ranges, parts of periods, relative dates.

natasha's DatesExtractor reads only plain dates (no ranges, parts, seasons,
adjectival months or relative expressions, and "05.03.24" as 1924), so the
grammar here covers every class itself. A mention without a year is completed
later (`complete`), from the text around it or the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang.calendar import (
    ADJECTIVE_MONTHS,
    PART_WORDS,
    SEASON_WORDS,
    expand_year,
    format_value,
    month_number,
    safe_date,
)

MONTH = (
    r"(январ[ьяюе]|феврал[ьяюе]|марта?|марте|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|августа?|августе|"
    r"сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]|янв\.|февр?\.|апр\.|авг\.|сент?\.|окт\.|нояб?\.|дек\.)"
    r"(?![а-яё])"
)
YEAR = r"(\d{4})"
YEAR_WORD = r"(?:\s*(?:-?м\b|года\b|году\b|год\b|годах\b|годы\b|годов\b|г\.|гг\.))"
DASH = r"\s*[-–—]\s*"
RELATIVE = {
    "на днях": ("month", 0, "recent"), "вчера": ("day", -1, None), "позавчера": ("day", -2, None),
    "в этом году": ("year", 0, None), "в текущем году": ("year", 0, None),
    "в течение года": ("year", 0, None), "в прошлом году": ("year", -1, None),
    "в следующем году": ("year", 1, None), "в будущем году": ("year", 1, None),
    "в этом месяце": ("month", 0, None), "в прошлом месяце": ("month", -1, None),
}
PART_ALTERNATIVES = "|".join(sorted(PART_WORDS, key=len, reverse=True))
GRAMMAR = [
    ("day_range_months", rf"(?:с\s+)?(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?(?:{DASH}|\s+по\s+|\s+до\s+)(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("day_range", rf"(?:с\s+)?(\d{{1,2}})(?:{DASH}|\s+по\s+|\s+до\s+)(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("day", rf"(?:с\s+)?(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("numeric", r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b"),
    ("iso", r"(\d{4})-(\d{2})-(\d{2})\b"),
    ("month_part", rf"(?:в\s+)?({PART_ALTERNATIVES})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("year_part", rf"(?:в\s+)?({PART_ALTERNATIVES})\s+{YEAR}{YEAR_WORD}"),
    ("season", rf"({'|'.join(SEASON_WORDS)})\s+{YEAR}{YEAR_WORD}"),
    ("year_range", rf"(?:в\s+)?{YEAR}{DASH}{YEAR}{YEAR_WORD}"),
    ("month", rf"(?:(?:в|с|до|к|по)\s+)?{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)"),
    ("bare_month", rf"(?:в|с|до|к)\s+{MONTH}(?!\s*\d)"),
    ("adjective_month", rf"({'|'.join(ADJECTIVE_MONTHS)})\w+"),
    ("year", rf"(?:(?:в|с|до|к|на|за|по)\s+)?{YEAR}{YEAR_WORD}"),
    ("relative", "(" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + ")"),
]
PATTERN = re.compile("|".join(rf"(?P<{name}>\b{regex})" for name, regex in GRAMMAR), re.IGNORECASE)
# Every alternative needs a digit, a month, an adjectival month or a relative phrase: a cheap first test.
CUE = re.compile(r"\d|" + MONTH + "|" + "|".join(ADJECTIVE_MONTHS) + "|" + "|".join(map(re.escape, RELATIVE)), re.IGNORECASE)
_STARTS = sorted(PATTERN.groupindex.values()) + [PATTERN.groups + 1]
# name → slice of match.groups() holding that alternative's own captures
GROUP_RANGES = {name: (index, _STARTS[_STARTS.index(index) + 1] - 1) for name, index in PATTERN.groupindex.items()}


@dataclass
class DateMention:
    start: int  # offsets in the text searched
    end: int
    text: str
    granularity: str  # day | month | year | range
    year: int | None  # None until completed
    month: int | None = None
    day: int | None = None
    end_value: tuple | None = None  # (year, month, day) of a range's last day
    modifier: str | None = None  # start | middle | end | first_half | … | spring | … | recent
    relative: tuple | None = None  # (unit, shift) for "вчера", "в прошлом году"
    year_inferred: bool = False

    @property
    def value(self) -> str | None:
        """The normalised date ("2025-05", "2024-09-21/2024-09-23"), or None while it is incomplete
        (no year yet) or impossible ("31 февраля")."""
        return format_value(self.granularity, self.year, self.month, self.day, self.end_value)


def find_mentions(text: str) -> list[DateMention]:
    """Every date expression in `text`, years left empty where the text gives none."""
    found = []
    if not CUE.search(text):
        return found
    for match in PATTERN.finditer(text):
        mention = _read(match)
        if mention:
            found.append(mention)
    return found


def _read(match: re.Match) -> DateMention | None:
    kind = match.lastgroup
    g = _own_groups(match, kind)
    text = match.group(kind).rstrip()
    start, end = match.start(kind), match.start(kind) + len(text)
    make = lambda **kw: DateMention(start, end, text, **kw)  # noqa: E731
    if kind == "day_range_months":
        d1, m1, y1, d2, m2, y2 = g
        year2, month1, month2 = _year(y2), month_number(m1), month_number(m2)
        year1 = _year(y1) or (year2 - 1 if year2 and month1 and month2 and month1 > month2 else year2)
        return make(granularity="range", year=year1, month=month1, day=int(d1), end_value=(year2, month2, int(d2)))
    if kind == "day_range":
        d1, d2, m, y = g
        month = month_number(m)
        return make(granularity="range", year=_year(y), month=month, day=int(d1), end_value=(_year(y), month, int(d2)))
    if kind == "day":
        d, m, y = g
        return make(granularity="day", year=_year(y), month=month_number(m), day=int(d))
    if kind == "numeric":
        d, m, y = g
        if not safe_date(expand_year(y), int(m), int(d)):
            return None
        return make(granularity="day", year=expand_year(y), month=int(m), day=int(d))
    if kind == "iso":
        y, m, d = g
        if not safe_date(int(y), int(m), int(d)):
            return None
        return make(granularity="day", year=int(y), month=int(m), day=int(d))
    if kind == "month_part":
        part, m, y = g
        return make(granularity="month", year=_year(y), month=month_number(m), modifier=PART_WORDS[part.lower()])
    if kind == "year_part":
        part, y = g
        return make(granularity="year", year=int(y), modifier=PART_WORDS[part.lower()])
    if kind == "season":
        season, y = g
        return make(granularity="year", year=int(y), modifier=SEASON_WORDS[season.lower()])
    if kind == "year_range":
        y1, y2 = g
        return make(granularity="range", year=int(y1), end_value=(int(y2), None, None))
    if kind in ("month", "bare_month"):
        m, y = (g + [None])[:2]
        return make(granularity="month", year=_year(y), month=month_number(m))
    if kind == "adjective_month":
        (stem,) = g
        return make(granularity="month", year=None, month=ADJECTIVE_MONTHS[stem.lower()])
    if kind == "year":
        (y,) = g
        return make(granularity="year", year=int(y))
    unit, shift, modifier = RELATIVE[" ".join(g[0].lower().split())]
    return make(granularity=unit, year=None, relative=(unit, shift), modifier=modifier)


def _own_groups(match: re.Match, kind: str) -> list:
    """The capture groups inside the named alternative that matched."""
    first, last = GROUP_RANGES[kind]
    return list(match.groups()[first:last])


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def resolve_relative(mention: DateMention, anchor: date) -> None:
    """Fix a relative expression ("вчера", "в прошлом году", "на днях") to the publication date."""
    unit, shift = mention.relative
    if unit == "day":
        day = anchor + timedelta(days=shift)
        mention.year, mention.month, mention.day = day.year, day.month, day.day
    elif unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        mention.year, mention.month = index // 12, index % 12 + 1
    else:
        mention.year = anchor.year + shift


def complete_year(mention: DateMention, candidates: list[int], anchor: date | None, tense: str | None) -> None:
    """Give a year-less mention the year the context implies; marks it `year_inferred`.

    `candidates` are explicit years nearby, nearest first. With a publication
    date the tense decides: past events fall on or before it, future ones after.
    """
    month, day = mention.month or 1, mention.day or 1
    if candidates and (anchor is None or candidates[0] in (anchor.year, anchor.year - 1, anchor.year + 1)):
        year = candidates[0]
    elif anchor is not None:
        year = anchor.year
        moment = safe_date(year, month, min(day, 28))
        if tense == "Fut" and moment and moment < anchor:
            year += 1
        elif tense != "Fut" and moment and moment > anchor + timedelta(days=1):
            year -= 1
    else:
        return
    mention.year = year
    if mention.end_value and mention.end_value[0] is None:
        mention.end_value = (year, *mention.end_value[1:])
    mention.year_inferred = True
