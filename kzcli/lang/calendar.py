"""Calendar vocabulary and the date stamps news sites print as metadata."""

from __future__ import annotations

import re
from datetime import date, timedelta

# One table of the calendar's words, read both ways: the text's words for a date, and the words views print.
MONTHS = (  # nominative, genitive, adjective stem ("ноябрьский визит")
    ("январь", "января", "январск"), ("февраль", "февраля", "февральск"), ("март", "марта", "мартовск"),
    ("апрель", "апреля", "апрельск"), ("май", "мая", "майск"), ("июнь", "июня", "июньск"),
    ("июль", "июля", "июльск"), ("август", "августа", "августовск"), ("сентябрь", "сентября", "сентябрьск"),
    ("октябрь", "октября", "октябрьск"), ("ноябрь", "ноября", "ноябрьск"), ("декабрь", "декабря", "декабрьск"),
)
MONTH_NOMINATIVE = tuple(names[0] for names in MONTHS)
MONTH_GENITIVE = tuple(names[1] for names in MONTHS)
ADJECTIVE_MONTHS = {names[2]: number for number, names in enumerate(MONTHS, 1)}
PERIOD_PARTS = (  # modifier, its name in views, how the text writes it ("в начале мая", "до конца года")
    ("start", "начало", ("начале",)), ("middle", "середина", ("середине",)),
    ("end", "конец", ("конце", "конца", "концу", "конец")),
    ("first_half", "первая половина", ("первой половине",)), ("second_half", "вторая половина", ("второй половине",)),
)
# Named parts of a year, each a run of its months: (modifier, name in views, first month, last month, written forms).
# A winter runs from the December before its year: "зимой 2025 года" is 2024-12/2025-02.
YEAR_PERIODS = (
    ("q1", "I квартал", 1, 3, ()), ("q2", "II квартал", 4, 6, ()),
    ("q3", "III квартал", 7, 9, ()), ("q4", "IV квартал", 10, 12, ()),
    ("h1", "I полугодие", 1, 6, ()), ("h2", "II полугодие", 7, 12, ()),
    ("spring", "весна", 3, 5, ("весной", "весна", "весну")), ("summer", "лето", 6, 8, ("летом", "лето")),
    ("autumn", "осень", 9, 11, ("осенью", "осень")), ("winter", "зима", 0, 2, ("зимой", "зима", "зиму")),
)
# Holidays kept on one fixed day across the region, by the words after "День": "ко Дню Победы" is 9 May.
HOLIDAYS = {"победы": (5, 9), "знаний": (9, 1), "космонавтики": (4, 12), "защитника отечества": (2, 23),
            "россии": (6, 12), "народного единства": (11, 4), "международный женский": (3, 8)}
WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")  # as in "в среду"
WEEKDAYS_FROM = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья")  # "с среды"
PART_WORDS = {written: modifier for modifier, _, forms in PERIOD_PARTS for written in forms}
SEASON_WORDS = {written: modifier for modifier, _, _, _, forms in YEAR_PERIODS for written in forms}
PERIOD_MONTHS = {modifier: (first, last) for modifier, _, first, last, _ in YEAR_PERIODS}
MODIFIER_NAMES = ({modifier: name for modifier, name, _ in PERIOD_PARTS}
                  | {modifier: name for modifier, name, *_ in YEAR_PERIODS} | {"recent": "на днях,"})

# Month stems: full names in any case, genitive, and the usual abbreviations.
MONTH_STEMS = {
    "январ": 1, "янв": 1, "феврал": 2, "фев": 2, "февр": 2, "март": 3, "мар": 3,
    "апрел": 4, "апр": 4, "июн": 6, "июл": 7,
    "август": 8, "авг": 8, "сентябр": 9, "сен": 9, "сент": 9, "октябр": 10, "окт": 10,
    "ноябр": 11, "ноя": 11, "нояб": 11, "декабр": 12, "дек": 12,
}
MAY_FORMS = {"май", "мая", "мае", "маю", "маем"}  # "ма" is too short a stem to match by prefix
MONTH_WORD = (
    r"(?:январ[ьяеюё]\w*|янв\.?|феврал[ьяеюё]\w*|февр?\.?|марта?|марте|мар\.?|апрел[ьяеюё]\w*|апр\.?|"
    r"ма[йяеюё]|июн[ьяеюё]\w*|июн\.?|июл[ьяеюё]\w*|июл\.?|августа?|августе|авг\.?|"
    r"сентябр[ьяеюё]\w*|сент?\.?|октябр[ьяеюё]\w*|окт\.?|ноябр[ьяеюё]\w*|нояб?\.?|декабр[ьяеюё]\w*|дек\.?)"
)
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")
NUMERIC_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
LOOSE_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")  # "2022-1-19 12:50", as some sites print it
TEXT_RE = re.compile(rf"\b(\d{{1,2}})(?:-го)?\s+({MONTH_WORD})(?:,?\s+(\d{{4}}))?", re.IGNORECASE)
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
# The place a stamp may open with, as agencies print it: "Москва, 14 февраля 2025 г.", "НУР-СУЛТАН. 5.03.2021".
STAMP_PLACE = re.compile(r"\s*[А-ЯЁA-Z][\w-]*(?:[ -][\w-]+){0,2}\s*[,.]\s*")  # "Москва, …", "Деловой вестник, …"
UPDATE_RE = re.compile(r"(обновлено|обновлён|обновлен|изменено|updated|ред\.)", re.IGNORECASE)
STAMP_LABELS = re.compile(
    r"(понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье|"
    r"опубликовано|опубликован|дата публикации|дата|published|posted|время|просмотр[а-яё]*|г\.|года?|в|от|мск|utc|gmt)",
    re.IGNORECASE,
)


def month_number(word: str) -> int | None:
    """1–12 for a Russian month word or abbreviation in any case, else None."""
    word = word.lower().rstrip(".").replace("ё", "е")
    if word in MAY_FORMS:
        return 5
    for cut in range(len(word), 2, -1):
        month = MONTH_STEMS.get(word[:cut])
        if month:
            return month
    return None


def expand_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def stamp_date(line: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) when `line` is nothing but a publication stamp.

    Accepts "27.10.2025", "14:05, 3 марта 2025", "Опубликовано в четверг, 17-го марта, 2022",
    "- 11 янв.", "2022-1-19 12:50", "Москва, 14 февраля 2025 г." (a place or a paper's name before it), ISO
    timestamps, a view counter beside the time; the part after "обновлено" is ignored, so the
    first publication wins.
    """
    update = UPDATE_RE.search(line)
    head = line[: update.start()] if update else line
    for regex, kind in ((ISO_RE, "iso"), (LOOSE_ISO_RE, "iso"), (NUMERIC_RE, "num"), (TEXT_RE, "text")):
        match = regex.search(head)
        if not match:
            continue
        before = "" if STAMP_PLACE.fullmatch(head[: match.start()]) else head[: match.start()]
        rest = before + " " + head[match.end():]
        if TIME_RE.search(rest):  # a stamp with its time may carry a view counter: "05:41 07 Октябрь 2020 4030"
            rest = re.sub(r"\b\d{1,7}\b", " ", TIME_RE.sub(" ", rest))
        rest = STAMP_LABELS.sub(" ", rest)
        if re.search(r"\w", rest):
            return None
        if kind == "iso":
            year, month, day = int(match[1]), int(match[2]), int(match[3])
        elif kind == "num":
            year, month, day = expand_year(match[3]), int(match[2]), int(match[1])
        else:
            month = month_number(match[2])
            year, day = (int(match[3]) if match[3] else None), int(match[1])
            if month is None:
                return None
        if safe_date(year or 2000, month, day) is None:
            return None
        return year, month, day
    return None


def explicit_dates(text: str) -> list[date]:
    """Fully specified day dates written in running text ("10 января 2026 года", "27.10.2025"), in text order."""
    found = []
    for match in TEXT_RE.finditer(text):
        month = month_number(match[2])
        if match[3] and month:
            found.append((match.start(), safe_date(int(match[3]), month, int(match[1]))))
    for match in NUMERIC_RE.finditer(text):
        found.append((match.start(), safe_date(expand_year(match[3]), int(match[2]), int(match[1]))))
    for match in ISO_RE.finditer(text):
        found.append((match.start(), safe_date(int(match[1]), int(match[2]), int(match[3]))))
    return [day for _, day in sorted(found, key=lambda item: item[0]) if day]


def complete_year(month: int, day: int, text: str) -> date | None:
    """Give a year-less stamp the year that puts it on or just after the text's first explicit date.

    A report's first dated sentence is usually its news peg, and the report
    follows it: "- 11 янв." above "10 января 2026 года …" is 11 January 2026.
    """
    known = explicit_dates(text)
    if not known:
        return None
    peg = known[0]
    stamp = safe_date(peg.year, month, day)
    if stamp is not None and stamp < peg:
        stamp = safe_date(peg.year + 1, month, day)
    return stamp


def year_after(month: int, day: int, latest: date, within_days: int = 62) -> date | None:
    """Give a year-less stamp the year that puts it on or just after the latest past event its article
    reports, when that is at most two months before it: "12 фев" over a report of the week of 25–31
    January 2021 is 12 February 2021; over events of a spring six years back alone it stays year-less.
    """
    stamp = safe_date(latest.year, month, day)
    if stamp is not None and stamp < latest:
        stamp = safe_date(latest.year + 1, month, day)
    return stamp if stamp is not None and (stamp - latest).days <= within_days else None


def format_value(granularity, year, month, day, end_value=None) -> str | None:
    """ISO form of a date or period; None when a part it needs is missing or the date does not exist.

    >>> format_value("day", 2025, 5, 12), format_value("month", 2025, 5, None), format_value("month", None, 5, None)
    ('2025-05-12', '2025-05', None)
    """
    if granularity == "range":
        if not end_value:
            return None
        first, last = _point(year, month, day), _point(*end_value)
        return f"{first}/{last}" if first and last and first <= last else None
    if granularity == "day":
        return _point(year, month, day) if day else None
    if granularity == "month":
        return _point(year, month, None) if month else None
    return _point(year, None, None)


def _point(year, month, day) -> str | None:
    """"2025", "2025-05" or "2025-05-12"; None for a missing year, a month without a year or a day that does not exist."""
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return None if day else f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}-{month:02d}-{day:02d}" if safe_date(year, month, day) else None


def period(granularity: str, value: str) -> tuple[str, str]:
    """First and last day a normalised value covers, as ISO strings (for sorting and --since/--until)."""
    if "/" in value:
        first, last = value.split("/")
        return period_bounds(first)[0], period_bounds(last)[1]
    return period_bounds(value)


def period_bounds(value: str) -> tuple[str, str]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return f"{year:04d}-{month:02d}-01", (following - timedelta(days=1)).isoformat()
    return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"
