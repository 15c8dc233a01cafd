"""Date mentions in running text, normalised: days, months, years, ranges, parts of periods, relative dates.

natasha's DatesExtractor reads only plain dates (no ranges, parts, seasons,
adjectival months or relative expressions, and "05.03.24" as 1924), so the
grammar here covers every class itself. A mention without a year is completed
later (`complete_year`), from the text around it or the publication date; a
relative one ("вчера", "в среду", "на прошлой неделе", "три года назад") is
fixed to the publication date (`resolve_relative`).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..lang.calendar import (
    ADJECTIVE_MONTHS,
    HOLIDAYS,
    PART_WORDS,
    PERIOD_MONTHS,
    SEASON_WORDS,
    WEEKDAYS,
    WEEKDAYS_FROM,
    expand_year,
    format_value,
    month_number,
    period,
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
# Words that place a period relative to the one the article is written in: "этого года", "на прошлой неделе".
SHIFT_STEMS = {
    "эт": 0, "текущ": 0, "нынешн": 0, "уходящ": 0, "позапрошл": -2, "прошл": -1, "минувш": -1, "прошедш": -1,
    "следующ": 1, "будущ": 1, "наступающ": 1, "предстоящ": 1,
}
PASSED = ("минувш", "прошедш")  # the latest one gone by, not the one before this one ("прошлой зимой")
SHIFT = "(" + "|".join(stem + r"[а-яё]*" for stem in sorted(SHIFT_STEMS, key=len, reverse=True)) + ")"
SHIFTED_YEAR = rf"{SHIFT}\s+года\b"  # "этого года", "прошлого года"
YEAR_TAIL = rf"(?:\s+{YEAR}{YEAR_WORD}?|\s+{SHIFTED_YEAR})?"  # "2025 года" | "этого года" | nothing
SEASON_DAYS = 91  # how much nearer another year must bring an undirected date to beat the publication's year
COUNTS = {
    "один": 1, "одну": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
}
PLURAL_UNITS = {"дней", "недель", "месяцев", "лет"}  # the units a count must go with
COUNT = "(" + "|".join(sorted(COUNTS, key=len, reverse=True)) + r"|\d{1,3})"
UNIT = r"(дней|дня|день|недел[июь]|недель|месяц[аев]*|год[а]?|лет|полгода)"
WEEKDAY = "(" + "|".join(WEEKDAYS) + r")(?![а-яё-])"
ORDINAL = r"(перв[а-яё]*|втор[а-яё]*|трет[а-яё]*|четв[её]рт[а-яё]*|iv|iii|ii|i|[1-4]-?(?:м|й|го))"
PARTS = "(" + "|".join(sorted(PART_WORDS, key=len, reverse=True)) + ")"
SEASONS = "(" + "|".join(sorted(SEASON_WORDS, key=len, reverse=True)) + r")(?![а-яё])"
TIME_OF_DAY = r"(?:утром|днем|днём|вечером|ночью|в\s+ночь\s+на|в\s+ночь\s+с\s+\d{1,2}\s+на)"
PREPOSITION = r"(?:(?:в|во|с|со|до|к|по|на|за|под)\s+)?"
DAY_WORDS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
YEAR_WORDS = {  # phrase → years from the publication year
    "годом ранее": -1, "годом раньше": -1, "по итогам года": 0, "с начала года": 0, "в течение года": 0,
}
DAY_NOUN = r"(?:день|дня|дню|дн[её]м)"
HOLIDAY = "(" + "|".join(name.replace(" ", r"\s+") for name in HOLIDAYS) + r")(?![а-яё])"
GRAMMAR = [
    # before "day_word", so that "накануне Дня Победы" is the eve of the holiday, not of the publication
    ("holiday", rf"(накануне\s+|в\s+канун\s+)?(?:(?:в|во|ко|к|до|на|после|перед)\s+)?(?:{DAY_NOUN}\s+{HOLIDAY}"
                rf"|(международн)[а-яё]*\s+женск[а-яё]*\s+{DAY_NOUN})(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("day_range_months", rf"(?:с\s+)?(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?(?:{DASH}|\s+по\s+|\s+до\s+)"
                         rf"(\d{{1,2}})\s+{MONTH}{YEAR_TAIL}"),
    ("day_range", rf"(?:с\s+)?(\d{{1,2}})(?:{DASH}|\s+по\s+|\s+до\s+)(\d{{1,2}})\s+{MONTH}{YEAR_TAIL}"),
    ("dated_day_word", rf"({'|'.join(DAY_WORDS)}),?\s+(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("weekday_day", rf"(?:(?:в|во)\s+)?(?:ночь\s+на\s+)?{WEEKDAY},?\s+(\d{{1,2}})\s+{MONTH}(?:\s+{YEAR}{YEAR_WORD}?)?"),
    ("day_pair", rf"(\d{{1,2}})(?:-?го)?\s+и\s+(\d{{1,2}})(?:-?го)?\s+{MONTH}{YEAR_TAIL}"),  # "5 и 6 мая": two days
    ("day", rf"(?:{TIME_OF_DAY}\s+)?(?:с\s+)?(\d{{1,2}})(?:-?го)?\s+{MONTH}{YEAR_TAIL}"),
    ("numbered_days", rf"(?:с\s+)?(\d{{1,2}})(?:-?го)?(?:(?:{DASH}|\s+по\s+)(\d{{1,2}})(?:-?го)?)?\s+числа"),
    ("numeric", r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b"),
    ("iso", r"(\d{4})-(\d{2})-(\d{2})\b"),
    ("month_range", rf"{PREPOSITION}{MONTH}(?:{DASH}|\s+по\s+){MONTH}{YEAR_TAIL}"),  # "с января по март"
    ("month_decade", rf"{PREPOSITION}(перв|втор|трет|последн)[а-яё]*\s+декад[а-яё]*\s+{MONTH}{YEAR_TAIL}"),
    ("month_part", rf"{PREPOSITION}{PARTS}\s+{MONTH}{YEAR_TAIL}"),
    ("year_period", rf"{PREPOSITION}(?:{PARTS}\s+)?{ORDINAL}\s+(квартал[а-яё]*|полугоди[а-яё]*)"
                    rf"(?:\s+{YEAR}{YEAR_WORD}?|\s+{SHIFTED_YEAR}|\s+(года))?"),
    ("first_months", rf"{PREPOSITION}первы[ехм]\s+{COUNT}\s+(месяц[а-яё]*|дн[а-яё]+|дня)"
                     rf"(?:\s+{YEAR}{YEAR_WORD}?|\s+{SHIFTED_YEAR}|\s+(года))?"),
    # "за 9 месяцев 2024 года": the first months of a year named, as in a report's period ("за 9 месяцев" alone
    # is a duration)
    ("months_of_year", rf"за\s+{COUNT}\s+месяц[а-яё]*\s+(?:{YEAR}{YEAR_WORD}?|{SHIFTED_YEAR})"),
    ("year_part", rf"{PREPOSITION}{PARTS}\s+(?:{YEAR}{YEAR_WORD}|{SHIFTED_YEAR}|(года|году)\b)"),
    ("season", rf"(?:{SHIFT}\s+)?{SEASONS}(?:\s+{YEAR}{YEAR_WORD}?|\s+{SHIFTED_YEAR})?"),
    ("decade", rf"{PREPOSITION}(?:{PARTS}\s+)?(\d{{4}}|\d{{2}})-(?:е|х|ые|ых)(?![а-яё])(\s+(?:годы|годах|годов|гг\.))?"),
    ("year_range", rf"(?:(?:в|с)\s+)?{YEAR}(?:\s+года?)?(?:{DASH}|\s+по\s+|\s+до\s+){YEAR}"
                   rf"(?:\s+[а-яё]+(?:ом|ый|ого|ых|ий|ем))?{YEAR_WORD}"),  # "в 2024–2025 учебном году"
    ("season_years", rf"(?:в\s+)?сезон[а-яё]*\s+{YEAR}\s*/\s*(\d{{4}}|\d{{2}})(?!\d)"),  # "в сезоне 2023/24"
    ("year_pair", rf"(?:в\s+)?{YEAR}\s+и\s+{YEAR}\s+годах"),
    ("month", rf"{PREPOSITION}{MONTH}(?:\s+{YEAR}{YEAR_WORD}?|\s+{SHIFTED_YEAR})"),
    ("bare_month", rf"(?:в|во|с|до|к|за|на|по)\s+{MONTH}(?!\s*\d)"),
    ("adjective_month", rf"({'|'.join(ADJECTIVE_MONTHS)})[а-яё]+"),
    ("year", rf"(?:(?:в|во|с|до|к|на|за|по|от)\s+)?{YEAR}{YEAR_WORD}"),
    ("shifted_year", rf"(?:(?:в|во|на|с|до|к|за|по\s+итогам|с\s+начала)\s+)?{SHIFT}\s+(?:году|года|год)\b"),
    ("shifted_month", rf"(?:(?:в|во|с\s+начала)\s+)?{SHIFT}\s+(?:месяце|месяца)\b|{PREPOSITION}{PARTS}\s+{SHIFT}\s+месяца\b"),
    ("shifted_quarter", rf"(?:(?:в|во|за)\s+)?{SHIFT}\s+(?:квартале|квартал)\b"
                        rf"|{PREPOSITION}{PARTS}\s+{SHIFT}\s+квартала\b"),
    ("week", rf"на\s+{SHIFT}\s+неделе|{PREPOSITION}{PARTS}\s+(?:{SHIFT}\s+)?недели\b"),  # "до конца недели": this
    ("weekend", rf"в\s+{SHIFT}\s+выходные"),
    ("days_back", rf"(?:в|за)\s+(?:минувшие|прошедшие|последние)\s+{COUNT}\s+(?:дня|дней)"),
    ("ago", rf"(?:ровно\s+)?(?:{COUNT}\s+)?{UNIT}\s+назад"),
    ("later", rf"через\s+(?:{COUNT}\s+)?{UNIT}(?![а-яё])"),
    ("shifted_weekday", rf"(?:в|во)\s+(минувш|прошл|эт|ближайш|следующ|предстоящ)[а-яё]*\s+{WEEKDAY}"),
    ("weekday", rf"(?:в|во)\s+(?:ночь\s+на\s+)?{WEEKDAY}"),
    ("weekday_from", rf"(?:с|со)\s+({'|'.join(WEEKDAYS_FROM)})(?![а-яё])"),  # "с понедельника": from that day
    ("day_word", rf"({'|'.join(DAY_WORDS)})(?![а-яё-])"),
    ("year_word", r"(" + "|".join(p.replace(" ", r"\s+") for p in YEAR_WORDS) + r"|позапрошлогодн[а-яё]+|прошлогодн[а-яё]+)"),
    ("recent", r"(на\s+днях|с\s+начала\s+месяца)"),
]
# The grammar is written in lower case and read on a lower-cased copy of the text (`_lowered`), which is
# three times faster than matching regardless of case. Every alternative starts at a word boundary: tested
# once per position rather than once per alternative.
PATTERN = re.compile(r"\b(?:" + "|".join(rf"(?P<{name}>{regex})" for name, regex in GRAMMAR) + ")")
# Every alternative needs a digit, a month or one of these words: a cheap first test before the full grammar.
CUE = re.compile(
    r"\d|" + MONTH + "|" + "|".join(ADJECTIVE_MONTHS)
    + r"|год|месяц|дн[яе]|недел|выходн|назад|через|днях|вчера|сегодня|завтра|накануне|квартал|полугод|весн|летом|осен|зим"
    + r"|понедельник|вторник|сред[уы]|четверг|пятниц|суббот|воскресень|день|дню|дн[её]м"
)
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
    end_value: tuple | None = None  # (year, month, day) of a range's last point
    modifier: str | None = None  # start | middle | end | first_half | second_half | q1… | h1 | h2 | spring… | recent
    shift: tuple | None = None  # relative to the publication date: (unit, amount), unit day|weekday|weekday_before|
    # weekday_after|weekday_this|week|weekend|days_back|month|quarter|year
    year_shift: int | None = None  # "в марте этого года": the publication year plus this
    lead_year: int = 0  # the first point's year relative to the period's year (a winter starts in December before)
    weekday: int | None = None  # 0 = Monday, for a date written with its weekday ("в пятницу, 14 ноября")
    needs_month: bool = False  # "15-го числа": the month comes from the text before
    condition: str | None = None  # today | eve | weekday: kept only when the sentence bears it out (events.py)
    year_inferred: bool = False

    @property
    def value(self) -> str | None:
        """The normalised date ("2025-05", "2024-09-21/2024-09-23"), or None while it is incomplete
        (no year yet) or impossible ("31 февраля")."""
        return format_value(self.granularity, self.year, self.month, self.day, self.end_value)

    @property
    def needs_anchor(self) -> bool:
        """Whether only the publication date can fix it ("вчера", "в этом году", "в среду")."""
        return self.shift is not None or self.year_shift is not None

    def set_year(self, year: int) -> None:
        """Give the period its year ("весной" + 2025 → 2025-03/2025-05; "зимой" + 2025 → 2024-12/2025-02)."""
        self.year = year + self.lead_year
        if self.end_value and self.end_value[0] is None:
            self.end_value = (year, *self.end_value[1:])

    def with_year(self, year: int) -> DateMention:
        copy = replace(self)
        copy.set_year(year)
        return copy


def find_mentions(text: str) -> list[DateMention]:
    """Every date expression in `text`, years left empty where the text gives none."""
    found = []
    lowered = _lowered(text)
    if not CUE.search(lowered):
        return found
    for match in PATTERN.finditer(lowered):
        found += _read(match, text)
    return found


def _lowered(text: str) -> str:
    """The text in lower case, letter for letter: "В Марте" → "в марте" (a letter whose lower case is
    longer, as "İ", is kept as written, so that offsets stay those of the text)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _read(match: re.Match, written: str) -> list[DateMention]:
    """The mentions one match of `PATTERN` on the lower-cased text stands for; `written` is the text as
    written, for the mention's own words."""
    kind = match.lastgroup
    g = _own_groups(match, kind)
    text = written[match.start(kind):match.end(kind)].rstrip()
    start, end = match.start(kind), match.start(kind) + len(text)

    def make(granularity: str, year: int | None = None, **fields) -> list[DateMention]:
        return [DateMention(start, end, text, granularity, year, **fields)]

    if kind == "holiday":  # "ко Дню Победы" → 9 May; "накануне Дня знаний" → 31 August
        eve, name, womens, y = g
        if not re.search(r"\b(?:Д(?:ень|ня|ню|н[её]м)|Международн)", text):
            return []  # a holiday's name is written with a capital: "в течение дня России" is none
        month, day = HOLIDAYS[" ".join((name or "международный женский").lower().split())]
        if eve:
            before = date(2001, month, day) - timedelta(days=1)
            month, day = before.month, before.day
        return make("day", _year(y), month=month, day=day)
    if kind == "day_range_months":
        d1, m1, y1, d2, m2, y2, shifted = g
        month1, month2 = month_number(m1), month_number(m2)
        backwards = bool(month1 and month2 and month1 > month2)  # "с 25 декабря по 5 января"
        year2 = _year(y2)
        if y1:
            return make("range", int(y1), month=month1, day=int(d1), end_value=(year2 or int(y1), month2, int(d2)))
        return make("range", year2 - backwards if year2 else None, month=month1, day=int(d1),
                    end_value=(year2, month2, int(d2)), lead_year=-backwards, year_shift=_shift(shifted))
    if kind == "day_range":
        d1, d2, m, y, shifted = g
        month = month_number(m)
        return make("range", _year(y), month=month, day=int(d1), end_value=(_year(y), month, int(d2)),
                    year_shift=_shift(shifted))
    if kind == "dated_day_word":
        word, d, m, y = g
        return make("day", _year(y), month=month_number(m), day=int(d), shift=("day", DAY_WORDS[word.lower()]))
    if kind == "weekday_day":
        weekday, d, m, y = g
        return make("day", _year(y), month=month_number(m), day=int(d), weekday=WEEKDAYS.index(weekday.lower()))
    if kind == "day_pair":
        d1, d2, m, y, shifted = g
        return [mention for d in (d1, d2)
                for mention in make("day", _year(y), month=month_number(m), day=int(d), year_shift=_shift(shifted))]
    if kind == "day":
        d, m, y, shifted = g
        return make("day", _year(y), month=month_number(m), day=int(d), year_shift=_shift(shifted))
    if kind == "numbered_days":
        d1, d2 = g
        if d2:
            return make("range", None, day=int(d1), end_value=(None, None, int(d2)), needs_month=True)
        return make("day", None, day=int(d1), needs_month=True)
    if kind == "numeric":
        d, m, y = g
        if not safe_date(expand_year(y), int(m), int(d)):
            return []
        return make("day", expand_year(y), month=int(m), day=int(d))
    if kind == "iso":
        y, m, d = g
        if not safe_date(int(y), int(m), int(d)):
            return []
        return make("day", int(y), month=int(m), day=int(d))
    if kind == "month_range":
        m1, m2, y, shifted = g
        return _months(make, month_number(m1), month_number(m2), _year(y), _shift(shifted))
    if kind == "month_decade":  # "в первой декаде июля": days 1–10, 11–20, or 21 to the month's end
        ordinal, m, y, shifted = g
        month, year = month_number(m), _year(y)
        first = {"перв": 1, "втор": 11}.get(ordinal.lower(), 21)
        last = 10 if first == 1 else 20 if first == 11 else monthrange(year or 2001, month)[1]
        return make("range", year, month=month, day=first, end_value=(year, month, last), year_shift=_shift(shifted))
    if kind == "month_part":
        part, m, y, shifted = g
        return make("month", _year(y), month=month_number(m), modifier=PART_WORDS[part.lower()], year_shift=_shift(shifted))
    if kind == "year_period":
        part, ordinal, noun, y, shifted, bare = g
        number = _ordinal(ordinal)
        name = (f"q{number}" if noun.lower().startswith("квартал") and number <= 4
                else f"h{number}" if number <= 2 else None)
        if name is None:
            return []
        return _months(make, *PERIOD_MONTHS[name], _year(y), _shift(shifted, bare),
                       modifier=PART_WORDS[part.lower()] if part else name)
    if kind == "months_of_year":
        count, y, shifted = g
        number = _count(count)
        return _months(make, 1, number, _year(y), _shift(shifted)) if 2 <= number <= 11 else []
    if kind == "first_months":
        count, unit, y, shifted, bare = g
        number = _count(count)
        if unit.lower().startswith("месяц"):
            return _months(make, 1, number, _year(y), _shift(shifted, bare)) if 1 <= number <= 12 else []
        if not 1 <= number <= 31:
            return []
        return make("range", _year(y), month=1, day=1, end_value=(_year(y), 1, number), year_shift=_shift(shifted, bare))
    if kind == "year_part":
        part, y, shifted, bare = g
        modifier = PART_WORDS[part.lower()]
        if modifier in ("first_half", "second_half"):
            return _months(make, *PERIOD_MONTHS["h1" if modifier == "first_half" else "h2"], _year(y),
                           _shift(shifted, bare), modifier=modifier)
        return make("year", _year(y), modifier=modifier, year_shift=_shift(shifted, bare))
    if kind == "season":
        before, season, y, shifted = g
        name = SEASON_WORDS[season.lower()]
        if before and before.lower().startswith(PASSED) and not y and not shifted:
            mentions = _months(make, *PERIOD_MONTHS[name], None, None, modifier=name)
            mentions[0].shift = ("season_passed", PERIOD_MONTHS[name][1])  # "минувшим летом": the latest over
            return mentions
        return _months(make, *PERIOD_MONTHS[name], _year(y), _shift(shifted), modifier=name, shift_before=_shift(before))
    if kind == "decade":
        part, digits, years = g
        first = int(digits) if len(digits) == 4 else (1900 if int(digits) >= 30 else 2000) + int(digits)
        if first % 10 or (len(digits) == 2 and not years and not part):
            return []  # "10-х классов" is no decade: two digits need "годы" or "в начале"
        return make("range", first, end_value=(first + 9, None, None), modifier=PART_WORDS[part.lower()] if part else None)
    if kind == "year_range":
        y1, y2 = g
        return make("range", int(y1), end_value=(int(y2), None, None))
    if kind == "season_years":  # "в сезоне 2023/24": two years in a row
        y1, y2 = g
        last = int(y2) if len(y2) == 4 else int(y1) // 100 * 100 + int(y2)
        return make("range", int(y1), end_value=(last, None, None)) if last == int(y1) + 1 else []
    if kind == "year_pair":  # one phrase, two dates: "в 1998 и 2011 годах"
        y1, y2 = g
        return make("year", int(y1)) + make("year", int(y2))
    if kind in ("month", "bare_month"):
        m, y, shifted = (g + [None, None])[:3]
        return make("month", _year(y), month=month_number(m), year_shift=_shift(shifted))
    if kind == "adjective_month":
        (stem,) = g
        return make("month", None, month=ADJECTIVE_MONTHS[stem.lower()])
    if kind == "year":
        (y,) = g
        return make("year", int(y))
    if kind == "shifted_year":
        return make("year", None, shift=("year", _shift(g[0])))
    if kind == "shifted_quarter":  # "в прошлом квартале", "в конце текущего квартала"
        shifted, part, part_shifted = g
        return make("range", None, shift=("quarter", _shift(shifted or part_shifted)),
                    modifier=PART_WORDS[part.lower()] if part else None)
    if kind in ("shifted_month", "week"):  # "в прошлом месяце", "на этой неделе", "в конце прошлой недели"
        shifted, part, part_shifted = g
        return make("month" if kind == "shifted_month" else "range", None,
                    shift=("month" if kind == "shifted_month" else kind, _shift(shifted or part_shifted) or 0),
                    modifier=PART_WORDS[part.lower()] if part else None)
    if kind == "weekend":
        return make("range", None, shift=(kind, _shift(g[0])))
    if kind == "days_back":
        return make("range", None, shift=("days_back", _count(g[0])))
    if kind in ("ago", "later"):
        count, unit = g
        if not count and unit.lower() in PLURAL_UNITS:
            return []  # "несколько лет назад", "через пару недель" count nothing
        number, unit = _count(count) if count else 1, unit.lower()
        sign = -1 if kind == "ago" else 1
        if unit == "полгода":
            return make("month", None, shift=("month", 6 * sign))
        if unit.startswith(("год", "лет")):
            return make("year", None, shift=("year", number * sign))
        if unit.startswith("месяц"):
            return make("month", None, shift=("month", number * sign))
        days = number * (7 if unit.startswith("недел") else 1)
        return make("day", None, shift=("day", days * sign))
    if kind == "weekday":
        return make("day", None, shift=("weekday", WEEKDAYS.index(g[0].lower())), condition="weekday")
    if kind == "shifted_weekday":  # "в минувший четверг", "в эту субботу", "в следующий вторник"
        which, weekday = g
        units = {"минувш": "weekday_before", "прошл": "weekday_before", "эт": "weekday_this"}
        unit = units.get(which.lower(), "weekday_after")
        return make("day", None, shift=(unit, WEEKDAYS.index(weekday.lower())))
    if kind == "weekday_from":
        return make("day", None, shift=("weekday", WEEKDAYS_FROM.index(g[0].lower())), condition="weekday")
    if kind == "day_word":
        word = g[0].lower()
        condition = {"сегодня": "today", "накануне": "eve"}.get(word)
        return make("day", None, shift=("day", DAY_WORDS[word]), condition=condition)
    if kind == "year_word":
        phrase = " ".join(g[0].lower().split())
        shift = YEAR_WORDS.get(phrase, -2 if phrase.startswith("позапрошлогодн") else -1)
        return make("year", None, shift=("year", shift))
    phrase = " ".join(g[0].lower().split())
    if phrase == "на днях":
        return make("month", None, shift=("month", 0), modifier="recent")
    return make("month", None, shift=("month", 0))


def _months(make, first: int, last: int, year: int | None, year_shift: int | None,
            modifier: str | None = None, shift_before: int | None = None) -> list[DateMention]:
    """A run of months of one year ("весной", "во втором квартале", "за январь–май")."""
    if not (first is not None and last and first <= last):
        return []
    lead = -1 if first == 0 else 0  # a winter starts in the December before
    shift = year_shift if year_shift is not None else shift_before
    mention = make("range", None, month=first or 12, end_value=(None, last, None), modifier=modifier,
                   lead_year=lead, year_shift=shift)[0]
    if year is not None:
        mention.set_year(year)
    return [mention]


def _own_groups(match: re.Match, kind: str) -> list:
    """The capture groups inside the named alternative that matched."""
    first, last = GROUP_RANGES[kind]
    return list(match.groups()[first:last])


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _shift(word: str | None, bare: str | None = None) -> int | None:
    """Years (or weeks, months) from the publication's: "прошлого" → -1; a bare "года" ("до конца года") → 0."""
    if word:
        word = word.lower()
        return next(shift for stem, shift in sorted(SHIFT_STEMS.items(), key=lambda item: -len(item[0]))
                    if word.startswith(stem))
    return 0 if bare else None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


def _ordinal(word: str) -> int:
    """"втором", "II", "2-м" → 2."""
    word = word.lower()
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
    if word in roman:
        return roman[word]
    if word[0].isdigit():
        return int(word[0])
    return next(number for number, stem in enumerate(("перв", "втор", "трет", "четв"), 1) if word.startswith(stem))


def resolve_relative(mention: DateMention, anchor: date, direction: str | None = None) -> None:
    """Fix a relative expression to the publication date `anchor`.

    "вчера" is the day before it; "в среду" the latest Wednesday on or before it
    when the clause tells of the past (`direction` "past"), the next one on or
    after it for the future, else the Wednesday of its week ("в минувшую среду"
    the latest before it, "в следующую среду" the next after it, "в эту среду"
    that of its week); "на прошлой неделе"
    is the week (Monday–Sunday) before; "три года назад" the year three before;
    "в марте этого года" its March.
    """
    if mention.shift is None:
        mention.set_year(anchor.year + mention.year_shift)
        return
    unit, amount = mention.shift
    if unit == "season_passed":  # its last month is `amount`: this year's season unless it is not over yet
        mention.set_year(anchor.year - (amount >= anchor.month))
    elif unit == "day":
        _set_day(mention, anchor + timedelta(days=amount))
    elif unit.startswith("weekday"):
        offset = amount - anchor.weekday()  # the day in the publication's week
        if (unit == "weekday" and direction == "past" and offset > 0) or (unit == "weekday_before" and offset >= 0):
            offset -= 7
        elif (unit == "weekday" and direction == "future" and offset < 0) or (unit == "weekday_after" and offset <= 0):
            offset += 7
        _set_day(mention, anchor + timedelta(days=offset))
    elif unit in ("week", "weekend", "days_back"):
        if unit == "days_back":
            first, last = anchor - timedelta(days=amount), anchor - timedelta(days=1)
        else:
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=amount)
            first = monday + timedelta(days=5 if unit == "weekend" else 0)
            if unit == "weekend" and amount == 0 and direction == "past" and first > anchor:
                first -= timedelta(weeks=1)
            last = first + timedelta(days=1 if unit == "weekend" else 6)
        mention.year, mention.month, mention.day = first.year, first.month, first.day
        mention.end_value = (last.year, last.month, last.day)
    elif unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        mention.year, mention.month = index // 12, index % 12 + 1
    elif unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + amount
        year, first = index // 4, index % 4 * 3 + 1
        mention.year, mention.month, mention.end_value = year, first, (year, first + 2, None)
        mention.modifier = mention.modifier or f"q{index % 4 + 1}"  # as "в третьем квартале" has it
    else:
        mention.year = anchor.year + amount


def _set_day(mention: DateMention, day: date) -> None:
    """A relative day; a date written beside it ("вчера, 3 марта") keeps its own month and day."""
    if mention.month is None:
        mention.year, mention.month, mention.day = day.year, day.month, day.day
    elif mention.year is None:
        mention.set_year(day.year if (mention.month, mention.day) == (day.month, day.day) else _nearest_year(mention, day))


def complete_year(mention: DateMention, candidates: list[int], anchor: date | None, direction: str | None) -> None:
    """Give a year-less mention the year the context implies; marks it `year_inferred`.

    `candidates` are explicit years nearby, nearest first ("В 2019 году … 12 декабря"
    → 2019). Without one, the publication date and the clause's `direction` decide:
    a past event falls on or before it, a future or planned one after it, anything
    else in the nearest year ("12 марта" in an April article → that March). A
    weekday written beside the date picks the year in which it falls on that day.
    """
    if candidates:
        year = candidates[0]
    elif anchor is not None:
        year = _nearest_year(mention, anchor, direction)
    else:
        return
    mention.set_year(year)
    mention.year_inferred = True


def _nearest_year(mention: DateMention, anchor: date, direction: str | None = None) -> int:
    """The year, within one of the anchor's, that puts the mention where its direction says; without
    a direction, the publication's own year unless another is nearer by more than a season
    ("в январе" written on 28 December is next January; "в первом квартале" in September is this year's)."""
    today = anchor.isoformat()
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = mention.with_year(year).value
        if value is None:
            continue
        first, last = period("range" if "/" in value else mention.granularity, value)
        if mention.weekday is not None and date.fromisoformat(first).weekday() != mention.weekday:
            continue
        fits = {"past": first <= today, "future": last >= today}.get(direction, True)
        distance = 0 if first <= today <= last else min(
            abs((date.fromisoformat(first) - anchor).days), abs((date.fromisoformat(last) - anchor).days))
        if year == anchor.year:
            distance -= SEASON_DAYS
        options.append((not fits, distance, year))
    return min(options)[2] if options else anchor.year
