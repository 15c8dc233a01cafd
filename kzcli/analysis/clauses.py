"""A clause kept as token indexes of its sentence, and its text and content lemmas worked out from the
sentence's tokens: at indexing from natasha's tokens (`events.Clause`), in the queries from the tokens the
index stores (an event shown or merged with another source's). Loads nothing: query commands import it.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import NamedTuple


class ClauseExtent(NamedTuple):
    """A clause as token indexes of its sentence, kept in the index (`encode`): the clause's text and
    lemmas are worked out again from the stored tokens, for a dated event when it is shown, for an
    undated one when another source dates it."""

    nodes: tuple[int, ...]  # the clause's words, in order
    opener: int  # how many of them open the clause and stay out of its text ("то", a conjunction)
    blanks: tuple[int, ...]  # words inside its extent left out
    drop: tuple[int, int] | None = None  # sentence offsets of the date words, which a one-word clause's
    # sentence leaves out

    def encode(self) -> str:
        """"3-7 9;1;5" for words 3–7 and 9, the first an opener, with word 5 left out; "3-7 9;1;5;20-31"
        with the date words at sentence offsets 20–31."""
        text = f"{_ranges(self.nodes)};{self.opener};{_ranges(self.blanks)}"
        return f"{text};{self.drop[0]}-{self.drop[1]}" if self.drop else text

    @classmethod
    def decode(cls, text: str) -> ClauseExtent:
        nodes, opener, blanks, *drop = text.split(";")
        return cls(_numbers(nodes), int(opener), _numbers(blanks),
                   tuple(int(offset) for offset in drop[0].split("-")) if drop else None)


LOOSE_ENDS = " ,;:—–-?."  # punctuation a clause cut out of its sentence does not end or begin with


def clause_text(sentence: str, tokens, extent: ClauseExtent) -> str:
    """The clause's words as the sentence writes them, the words left out blanked, capitalised; the
    sentence itself, without its date words, when the clause is a single word. `tokens` need `start` (in
    the sentence), `text`.

    In "Стороны, как известно, подписали соглашение." with "как известно" left out: "Стороны подписали соглашение".
    """
    if not extent.nodes:
        return sentence.strip()
    words = extent.nodes[extent.opener:]
    lo = tokens[words[0]].start
    hi = max(tokens[i].start + len(tokens[i].text) for i in words)
    chars = list(sentence[lo:hi])
    for i in extent.blanks:  # the date words go, wherever the clause's extent runs over them
        begin = tokens[i].start - lo
        chars[max(begin, 0): max(begin + len(tokens[i].text), 0)] = " " * len(tokens[i].text[max(-begin, 0):])
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
        text = _without_gaps(sentence.replace(sentence[slice(*extent.drop)], " ")) if extent.drop else sentence
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
