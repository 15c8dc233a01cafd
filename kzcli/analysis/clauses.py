"""A clause kept as token indexes of its sentence (`ClauseExtent`), its text and content lemmas worked out
from the sentence's tokens: at indexing from natasha's tokens (`events.Clause`), in the corpus passes from
the tokens the index stores (an undated event another source dates). A dated event keeps its clause as
character offsets (`ClauseSpan`), whose text a query works out from the sentence alone. Loads nothing:
query commands import it.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import NamedTuple


class ClauseExtent(NamedTuple):
    """A clause as token indexes of its sentence, kept in the index for undated events (`encode`): the
    clause's text and lemmas are worked out again from the stored tokens when another source dates it."""

    nodes: tuple[int, ...]  # the clause's words, in order
    opener: int  # how many of them open the clause and stay out of its text ("то", a conjunction)
    blanks: tuple[int, ...]  # words inside its extent left out
    drop: tuple[int, int] | None = None  # sentence offsets of the date words, which a one-word clause's
    # sentence leaves out (a dated event's, kept in its `ClauseSpan`)

    def encode(self) -> str:
        """"3-7 9;1;5" for words 3–7 and 9, the first an opener, with word 5 left out."""
        return f"{_ranges(self.nodes)};{self.opener};{_ranges(self.blanks)}"

    @classmethod
    def decode(cls, text: str) -> ClauseExtent:
        nodes, opener, blanks = text.split(";")
        return cls(_numbers(nodes), int(opener), _numbers(blanks))


class ClauseSpan(NamedTuple):
    """A clause as character offsets of its sentence (`clause_span`), kept in the index for dated events:
    its text needs the sentence only (`span_text`)."""

    start: int  # the clause's first and last characters (start–end); -1 for a clause of no words
    end: int
    blanks: tuple[tuple[int, int], ...]  # characters inside it left out (the date, asides)
    drop: tuple[int, int] | None = None  # the date words, which a one-word clause's sentence leaves out

    def encode(self) -> str:
        """"4-31;12-20 25-27" for characters 4–31 with 12–20 and 25–27 left out; "4-31;12-20;12-20" with
        the date words at 12–20."""
        text = f"{self.start}-{self.end};{' '.join(f'{a}-{b}' for a, b in self.blanks)}"
        return f"{text};{self.drop[0]}-{self.drop[1]}" if self.drop else text

    @classmethod
    def decode(cls, text: str) -> ClauseSpan:
        extent, blanks, *drop = text.split(";")
        return cls(*_span(extent), tuple(_span(part) for part in blanks.split()), _span(drop[0]) if drop else None)


def _span(text: str) -> tuple[int, int]:
    """"12-20" → (12, 20); "-1--1" → (-1, -1)."""
    start, end = re.fullmatch(r"(-?\d+)-(-?\d+)", text).groups()
    return int(start), int(end)


LOOSE_ENDS = " ,;:—–-?."  # punctuation a clause cut out of its sentence does not end or begin with


def clause_span(tokens, extent: ClauseExtent) -> ClauseSpan:
    """The character offsets of a clause given as token indexes; `tokens` need `start` (in the sentence),
    `text`. Words left out count where they fall inside the clause's characters."""
    if not extent.nodes:
        return ClauseSpan(-1, -1, (), extent.drop)
    words = extent.nodes[extent.opener:]
    lo = tokens[words[0]].start
    hi = max(tokens[i].start + len(tokens[i].text) for i in words)
    blanks = [(max(tokens[i].start, lo), min(tokens[i].start + len(tokens[i].text), hi)) for i in extent.blanks]
    return ClauseSpan(lo, hi, tuple((a, b) for a, b in blanks if a < b), extent.drop)


def clause_text(sentence: str, tokens, extent: ClauseExtent) -> str:
    """The clause's words as the sentence writes them (`span_text` of its `clause_span`).

    In "Стороны, как известно, подписали соглашение." with "как известно" left out: "Стороны подписали соглашение".
    """
    return span_text(sentence, clause_span(tokens, extent))


def span_text(sentence: str, span: ClauseSpan) -> str:
    """A clause's words as the sentence writes them, the words left out blanked, capitalised; the sentence
    itself, without its date words, when the clause is a single word or none."""
    if span.start < 0:
        return sentence.strip()
    chars = list(sentence[span.start:span.end])
    for start, end in span.blanks:  # the date words go, wherever the clause's extent runs over them
        chars[start - span.start:end - span.start] = " " * (end - start)
    text = "".join(chars)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text)).strip(LOOSE_ENDS)
    text = re.sub(r"^(\w+),(\s*,)+", r"\1", text)  # "Ранее, 3 октября, президент" → "Ранее президент"
    text = re.sub(r",(\s*,)+", ",", text)
    if text.endswith("»") and text.count("»") > text.count("«"):  # a quotation's close, its date left out
        text = text[:-1].strip(LOOSE_ENDS)
    if text.startswith("«") and text.count("«") > text.count("»"):
        text = text[1:].strip()
    if text.count('"') % 2:
        text = text.strip('"').strip(LOOSE_ENDS)
    if sentence.rstrip().endswith("?"):
        return f"Вопрос: {text}" if text else sentence.strip()
    if len(text.split()) < 2:
        text = _without_gaps(sentence.replace(sentence[slice(*span.drop)], " ")) if span.drop else sentence
    return text[:1].upper() + text[1:] if text else sentence.strip()


def _without_gaps(text: str) -> str:
    """A sentence with its date words taken out, without the gaps they leave: "Выборы  ." → "Выборы.",
    "больше, чем  , сообщил" → "больше, чем, сообщил", "Москва,  ." → "Москва.", "-  21:00" → "21:00"."""
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"[,;:—–-]+(?=[.!?]$)", "", text)
    return text.lstrip(LOOSE_ENDS)


def clause_lemmas(tokens, nodes) -> str:
    """The content words' lemmas of a clause, for merging events across sources: "сторона подписать соглашение"."""
    return " ".join(tokens[i].lemma for i in nodes if tokens[i].pos in {"NOUN", "PROPN", "VERB", "ADJ"})


def _ranges(numbers) -> str:
    """Consecutive numbers as runs: (0, 1, 2, 5) is "0-2 5"."""
    runs = [[n for _, n in run] for _, run in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0])]
    return " ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _numbers(ranges: str) -> tuple[int, ...]:
    found = []
    for part in ranges.split():
        first, _, last = part.partition("-")
        found += range(int(first), int(last or first) + 1)
    return tuple(found)
