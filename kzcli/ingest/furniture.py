"""Furniture a folder teaches: short lines its sites repeat near the top or bottom of their pages.

A line of at most ten words that stands verbatim among the first ten or last five lines of at least
three files of the folder is furniture there ("Главная", "Политика Экономика Общество", "Все права
защищены", "Наш канал в Телеграм"), and is dropped wherever it appears in those files. A line that
reads as a byline (it names the outlet, and stays the outlet's evidence), a file's headline, or a
sentence with a finite verb ("Министр прибыл в Астану") or a line that dates the file ("date 2025-09-10",
"10.09.2025 14:05": a day's news shares its stamps) is never learned, however often it repeats.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lang.calendar import explicit_dates, stamp_date
from ..lang.dictionary import dictionary
from .files import RawDocument
from .structure import DATELINE, HEADER_DATE, byline_outlet, choose_headline, clean_line, word_count

TOP_LINES = 10
BOTTOM_LINES = 5
MAX_WORDS = 10
MIN_FILES = 3
WORD = re.compile(r"[А-ЯЁа-яё]+")


def edge_lines(doc: RawDocument) -> dict[str, bool]:
    """The document's lines that may be its site's furniture, casefolded, each with True when it is the
    document's headline (which no file may then learn): short lines near its top or bottom that are
    not a byline nor a sentence with a finite verb.

    >>> edge_lines(RawDocument("Главная\\nВизит министра в город\\nМинистр прибыл с визитом в город.", ""))
    {'главная': False, 'визит министра в город': True}
    """
    lines = [line for line in (clean_line(line) for line in doc.text.split("\n")) if line]
    headline = doc.title
    if headline is None and (found := choose_headline(lines)) is not None:
        headline = lines[found]
    edges = dict.fromkeys(lines[:TOP_LINES] + lines[-BOTTOM_LINES:])
    return {line.casefold(): line == headline for line in edges
            if word_count(line) <= MAX_WORDS and not byline_outlet(line) and not DATELINE.match(line + " ")
            and not _dates(line) and not _has_finite_verb(line)}


def learned(lines_per_file) -> frozenset[str]:
    """The lines at least MIN_FILES files share, from each file's edge_lines(), none of them a headline
    anywhere."""
    counts = Counter(line for lines in lines_per_file for line, headline in lines.items() if not headline)
    headlines = {line for lines in lines_per_file for line, headline in lines.items() if headline}
    return frozenset(line for line, count in counts.items() if count >= MIN_FILES and line not in headlines)


def _dates(line: str) -> bool:
    return bool(HEADER_DATE.match(line) or stamp_date(line) or explicit_dates(line))


def _has_finite_verb(line: str) -> bool:
    """A verb in the indicative among the line's words' likeliest readings: an article's sentence or a
    slogan, not a menu ("Подписывайтесь на канал" is an imperative: furniture)."""
    morph = dictionary()
    return any(parse.tag.POS == "VERB" and "indc" in parse.tag
               for word in WORD.findall(line) for parse in morph.parse(word)[:1])
