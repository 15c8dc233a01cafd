"""Dated events of an article: each date mention with the clause it anchors, year completed, plans marked.

Runs at index time over the analysis already made (tokens with syntax); it loads no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..lang.calendar import period
from .chronology import complete_year, resolve_relative
from .crossref import PRECISE, EventName, anchors, references
from .syntax import Tree

PLAN_LEMMAS = {
    "планировать", "запланировать", "намереваться", "собираться", "ожидаться", "предстоять", "предстоящий",
    "запланированный", "планироваться", "намечать", "наметить", "намечаться", "готовиться", "предполагаться",
}
SIDE_CLAUSES = {"advcl", "acl:relcl", "parataxis", "conj", "ccomp", "punct", "cc", "mark", "csubj"}
PREDICATES = {"VERB", "AUX"}
MAX_EVENT_WORDS = 16


@dataclass
class DatedEvent:
    sent: int
    para: int
    start: int  # offsets of the mention in the paragraph
    end: int
    mention: str
    value: str
    granularity: str
    modifier: str | None
    year_inferred: bool
    planned: bool
    event: str
    lemmas: str  # the event's content lemmas, for merging across sources
    first_day: str
    last_day: str
    anchors: list[EventName]  # the named events the date identifies, for dating other sources


@dataclass
class UndatedEvent:
    """A named event in a sentence without a date; another source may date it."""
    para: int
    start: int  # offsets of the phrase in the paragraph
    end: int
    name: EventName
    event: str
    lemmas: str
    planned: bool


def dated_events(sentences, dates: list[list], published: str | None) -> list[DatedEvent]:
    """Events of the sentences; `dates` holds each sentence's date mentions (chronology.find_mentions)."""
    anchor = date.fromisoformat(published) if published and len(published) == 10 else None
    found = [(index, sent, mention) for index, sent in enumerate(sentences) for mention in dates[index]]
    explicit = [(index, sent.para, m.year) for index, sent, m in found if m.year and not m.relative]
    events = []
    for index, sent, mention in found:
        clause = Clause(sent, mention.start, mention.end, drop=mention.text)
        if mention.relative:
            if anchor is None:
                continue
            resolve_relative(mention, anchor)
        elif mention.year is None:
            complete_year(mention, _nearby_years(index, sent.para, explicit, anchor), anchor, clause.tense)
            if mention.year is None:
                continue
        value = mention.value
        if value is None:  # "31 февраля", a range that ends before it starts
            continue
        first, last = period(mention.granularity, value)
        planned = clause.planned or (anchor is not None and first > anchor.isoformat())
        events.append(DatedEvent(
            index, sent.para, sent.start + mention.start, sent.start + mention.end, mention.text, value,
            mention.granularity, mention.modifier, mention.year_inferred, planned, clause.text(), clause.lemmas(),
            first, last, clause.anchors(index) if mention.granularity in PRECISE else [],
        ))
    return events


def undated_events(sentences, dated: set[int]) -> list[UndatedEvent]:
    """Named events in the sentences whose indexes are not in `dated`."""
    found = []
    for index, sent in enumerate(sentences):
        if index in dated:
            continue
        for name in references(sent, index):
            clause = Clause(sent, name.start, name.end)
            found.append(UndatedEvent(sent.para, sent.start + name.start, sent.start + name.end, name,
                                      clause.text(), clause.lemmas(), clause.planned))
    return found


def _nearby_years(index: int, para: int, explicit: list, anchor: date | None) -> list[int]:
    """Explicit years to borrow, nearest first: earlier in the paragraph; else (no date) the article."""
    local = [year for i, p, year in explicit if p == para and i <= index]
    if local:
        return local[::-1]
    if anchor is not None:
        return []
    before = [year for i, _, year in explicit if i <= index][::-1]
    after = [year for i, _, year in explicit if i > index]
    return before + after


class Clause:
    """The predicate a date mention hangs on, and the short clause around it."""

    def __init__(self, sent, start: int, end: int, drop: str | None = None) -> None:
        """The clause around sentence offsets start–end; `drop` is left out of its text (the date words)."""
        self.sent = sent
        self.drop = drop
        tokens = sent.tokens
        inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
        self.span = set(inside)
        self.inside = self.span if drop else set()  # left out of the clause
        head = next((i for i in inside if tokens[i].head not in inside), inside[0] if inside else -1)
        self.predicate = head
        seen = set()
        while self.predicate >= 0 and tokens[self.predicate].pos not in PREDICATES and self.predicate not in seen:
            seen.add(self.predicate)
            if tokens[self.predicate].head < 0:
                break
            self.predicate = tokens[self.predicate].head
        self.tree = Tree(sent)

    @property
    def tense(self) -> str | None:
        if self.predicate < 0:
            return None
        match = re.search(r"Tense=(\w+)", self.sent.tokens[self.predicate].feats)
        return match.group(1) if match else None

    @property
    def planned(self) -> bool:
        if self.predicate < 0:
            return False
        nodes = [self.predicate] + self.tree.kids(self.predicate) + [k for i in self.span for k in self.tree.kids(i)]
        lemmas = {self.sent.tokens[i].lemma for i in nodes} | {self.sent.tokens[i].lemma for i in self.span}
        return self.tense == "Fut" or bool(lemmas & PLAN_LEMMAS)

    def _nodes(self) -> list[int]:
        if self.predicate < 0:
            return list(range(len(self.sent.tokens)))
        def keep(child: int) -> bool:
            return self.sent.tokens[child].rel not in SIDE_CLAUSES or self._holds_mention(child)

        return sorted(set(self.tree.subtree(self.predicate, keep)) - self.inside)

    def _holds_mention(self, node: int) -> bool:
        return bool(self.span.intersection(self.tree.subtree(node)))

    def text(self) -> str:
        """The clause without the date words, cut to a readable length."""
        tokens = self.sent.tokens
        nodes = [i for i in self._nodes() if i > 0 or tokens[i].pos != "PUNCT"]
        if not nodes:
            return self.sent.text.strip()
        lo = tokens[nodes[0]].start
        hi = max(tokens[i].start + len(tokens[i].text) for i in nodes)
        text = self.sent.text[lo:hi]
        if self.drop:
            text = text.replace(self.drop, " ")
        text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,;:—–-")
        words = text.split()
        if len(words) < 3:
            text = self.sent.text.replace(self.drop, " ") if self.drop else self.sent.text
            words = re.sub(r"\s+", " ", text).strip(" ,;:—–-").split()
        if len(words) > MAX_EVENT_WORDS:
            text = " ".join(words[:MAX_EVENT_WORDS]).rstrip(",;:") + " …"
        return text[:1].upper() + text[1:] if text else self.sent.text.strip()

    def anchors(self, index: int) -> list[EventName]:
        return anchors(self.sent, index, self.tree, sorted(self.span))

    def lemmas(self) -> str:
        tokens = self.sent.tokens
        return " ".join(tokens[i].lemma for i in self._nodes() if tokens[i].pos in {"NOUN", "PROPN", "VERB", "ADJ"})
