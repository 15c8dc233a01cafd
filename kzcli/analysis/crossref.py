"""Events an article names without a date, dated by another source that names the same event with one.

"Визит Токаева в США" in an undated interview is the "визит Токаева в США в ноябре 2025 года" of another
outlet: the same head noun, and the names around it agree. At index time each article records its
*anchors* (the noun a month- or day-precise date hangs on, with the names in its phrase) and its
*references* (noun phrases with names in sentences that carry no date). `link` matches them across the
corpus; a reference is dated only when every anchor it fits agrees on the date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from ..lang.text import latin_code, normal_word
from .names import surname_key
from .syntax import Tree

NAME_RELS = {"nmod", "appos", "flat", "flat:name", "flat:foreign", "conj", "nummod"}
NAME_DEPTH = 3
ARGUMENT_RELS = {"nsubj", "nsubj:pass"}
PRECISE = {"day", "month", "range"}  # a year is too coarse to identify an event by
CODE = re.compile(r"\b[A-ZА-Я]{1,3}\d+(?:\s*\+\s*\d+)?")  # «C5+1», «G20»


@dataclass
class EventName:
    sent: int
    start: int  # offsets of the phrase in the sentence
    end: int
    noun: str  # lemma of the head noun
    names: tuple[str, ...]  # the people, places, organisations and codes in its phrase
    phrase: str


def named_phrase(sent, tree: Tree, noun: int, index: int, nodes: list[int] | None = None) -> EventName | None:
    """The noun's phrase (its name-bearing dependents, or the given `nodes`) when it names someone or
    something (an entity or a code), else None."""
    tokens = sent.tokens
    if any(entity.start <= tokens[noun].start < entity.end for entity in sent.entities):
        return None  # a word of a name ("регионов" in "Совета глав регионов") names no event
    nodes = nodes or [noun] + tree.descendants(noun, NAME_RELS, NAME_DEPTH)
    starts = {tokens[i].start for i in nodes}
    names = set()
    for entity in sent.entities:
        if any(entity.start <= start < entity.end for start in starts):
            if entity.type == "PER":
                names.add(surname_key(entity.text.split()[-1]) if entity.text.split() else "")
            else:
                names.add(normal_word(" ".join(entity.normal.split())))
    last = max(tokens[i].start + len(tokens[i].text) for i in nodes)
    for code in CODE.finditer(sent.text):
        if code.start() in starts:
            names.add(re.sub(r"\s+", "", latin_code(code.group())))
            last = max(last, code.end())
    names.discard("")
    names.discard(tokens[noun].lemma)
    if not names:
        return None
    first = min(tokens[i].start for i in nodes)
    return EventName(index, first, last, tokens[noun].lemma, tuple(sorted(names)), sent.text[first:last])


def references(sent, index: int) -> list[EventName]:
    """Inanimate noun phrases with names in a sentence (one that carries no date)."""
    if not sent.entities and not CODE.search(sent.text):
        return []
    tree = Tree(sent)
    found = []
    for i, token in enumerate(sent.tokens):
        if token.pos == "NOUN" and "Animacy=Inan" in token.feats:
            name = named_phrase(sent, tree, i, index)
            if name:
                found.append(name)
    return found


def anchors(sent, index: int, tree: Tree, date_tokens: list[int]) -> list[EventName]:
    """The named event a date (its token indexes) identifies: the noun it hangs on ("ноябрьский визит",
    "состоявшийся 6 ноября саммит"); else the noun phrase it closes ("визит Токаева в США в ноябре",
    where the parser often hangs the date on the verb); else the inanimate subject of its verb
    ("6 ноября прошёл саммит")."""
    tokens = sent.tokens
    inside = set(date_tokens)
    head = next((tokens[i].head for i in date_tokens if tokens[i].head not in inside), -1)
    if 0 <= head < len(tokens) and tokens[head].pos == "VERB" and "VerbForm=Part" in tokens[head].feats:
        head = tokens[head].head
    if not 0 <= head < len(tokens):
        return []
    before = _phrase_before(tokens, min(date_tokens))
    if tokens[head].pos == "NOUN":
        phrases = [(head, None)]
    elif before is not None:
        phrases = [(before, list(range(before, min(date_tokens))))]
    elif tokens[head].pos in {"VERB", "AUX"}:
        phrases = [(i, None) for i in tree.kids(head, ARGUMENT_RELS) if tokens[i].pos == "NOUN"]
    else:
        phrases = []
    found = []
    for noun, nodes in phrases:
        if "Animacy=Inan" in tokens[noun].feats:
            name = named_phrase(sent, tree, noun, index, nodes)
            if name:
                found.append(name)
    return found


NAME_FILLERS = {"PROPN", "ADP", "CCONJ", "ADJ", "DET", "PUNCT"}


def _phrase_before(tokens, first: int) -> int | None:
    """The common noun before the name the date follows ("визита Токаева в США | в ноябре"). Read
    linearly: the parser often hangs such a name on a noun further back."""
    i, names = first - 1, 0
    while i >= 0 and tokens[i].pos in NAME_FILLERS:
        names += tokens[i].pos == "PROPN"
        i -= 1
    return i if i >= 0 and names and tokens[i].pos == "NOUN" else None


@dataclass
class Anchor:
    aid: int
    noun: str
    names: frozenset
    value: str
    granularity: str
    modifier: str | None
    first_day: str
    last_day: str
    planned: bool
    mention: str


@dataclass
class Reference:
    aid: int
    noun: str
    names: frozenset
    planned: bool
    published: str | None  # the referring article's date, when it states one


Roles = dict[int, dict[str, set[str]]]  # article → surname key → the roles the article gives that person


def link(references: list[Reference], anchors: list[Anchor], roles: Roles | None = None) -> list[Anchor | None]:
    """For each reference, the anchor that dates it, or None.

    An anchor fits when it is in another article, has the same head noun, and one set of names
    contains the other, unless a person only one side names has a role in which the other article
    names someone else ("саммит в Женеве" of an article about one president is not the "саммит Иванова
    в Женеве" of another president). Anchors in the reference's own article veto: that article dates its own
    events. So do its other phrases with that noun and a shared name that do not fit: an article
    about "визит Токаева в Нью-Йорк" may mean that visit by "визит Токаева в США". A past reference
    needs an anchor on or before its article's date, a planned one after it (without that date,
    plans fit plans and past events past ones). The fitting anchors must agree:
    the finest date must lie within all the others, or the reference stays undated.
    """
    by_noun: dict[str, dict[frozenset, list[Anchor]]] = {}  # noun → names → anchors
    for anchor in anchors:
        by_noun.setdefault(anchor.noun, {}).setdefault(anchor.names, []).append(anchor)
    siblings: dict[tuple, list[Reference]] = {}
    for ref in references:
        siblings.setdefault((ref.aid, ref.noun), []).append(ref)
    fitting: dict[tuple, tuple[list[Anchor], list[str], set]] = {}  # news repeats its phrases: match each once
    agreed: dict[tuple, Anchor | None] = {}
    found = []
    for ref in references:
        key = (ref.noun, ref.names)
        if key not in fitting:
            group = sorted((a for names, group in by_noun.get(ref.noun, {}).items()
                            if ref.names <= names or names <= ref.names for a in group), key=lambda a: a.first_day)
            fitting[key] = (group, [a.first_day for a in group], {a.aid for a in group})
        group, firsts, aids = fitting[key]
        if ref.aid in aids:
            found.append(None)
            continue
        cut = bisect_right(firsts, ref.published) if ref.published else None
        when = key + (ref.planned, cut)  # articles of different dates often cut the anchors at the same place
        if when not in agreed:
            if cut is not None:
                agreed[when] = _agreed(group[cut:] if ref.planned else group[:cut])
            else:
                agreed[when] = _agreed([a for a in group if a.planned == ref.planned])
        anchor = agreed[when]
        related = [other for other in siblings[(ref.aid, ref.noun)] if other.names & ref.names]
        found.append(anchor if anchor and all(_fits(other, anchor) for other in related)
                     and not _stands_in(ref, anchor, roles or {}) else None)
    return found


def _stands_in(ref: Reference, anchor: Anchor, roles: Roles) -> bool:
    """Whether a person named on one side only is matched, in the other article, by someone else in
    the same role: then the two phrases tell of different people's events."""
    for owner, other, names in ((anchor.aid, ref.aid, anchor.names - ref.names),
                                (ref.aid, anchor.aid, ref.names - anchor.names)):
        theirs = roles.get(other, {})
        for name in names:
            if name in theirs:
                continue
            if any(_same_role(mine, role) for mine in roles.get(owner, {}).get(name, ())
                   for person_roles in theirs.values() for role in person_roles):
                return True
    return False


def _same_role(a: str, b: str) -> bool:
    """"президент" and "президент США" may be one role; "президент США" and "президент Франции" are not."""
    a_words, b_words = a.casefold().split(), b.casefold().split()
    shorter, longer = sorted((a_words, b_words), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def _fits(ref: Reference, anchor: Anchor) -> bool:
    return ref.names <= anchor.names or anchor.names <= ref.names


def _agreed(anchors: list[Anchor]) -> Anchor | None:
    """The most precise anchor, when its period lies within every other one's."""
    periods = {(a.first_day, a.last_day) for a in anchors}
    if not periods:
        return None
    first, last = min(periods, key=lambda period: (_days(*period), period))
    if all(low <= first and last <= high for low, high in periods):
        return min((a for a in anchors if (a.first_day, a.last_day) == (first, last)), key=lambda a: a.aid)
    return None


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days
