"""Dated events of an article: each date mention with the clause it anchors, year completed, plans marked.

Runs at index time over the analysis already made (tokens with syntax); it loads no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..lang.calendar import period, safe_date
from .chronology import complete_year, resolve_relative
from .clauses import ClauseExtent, ClauseSpan, clause_lemmas, clause_span
from .crossref import PRECISE, EventName, anchors, references
from .speech import CUE_VERBS, is_parenthetical
from .syntax import Tree

PLAN_LEMMAS = {
    "намеренный", "ожидать", "рассчитывать", "прогнозировать", "планировать", "запланировать", "намереваться", "собираться", "ожидаться", "предстоять", "предстоящий",
    "запланированный", "планироваться", "намечать", "наметить", "намечаться", "готовиться", "предполагаться",
}
# Plans only on the date's own verb or the word it depends on: "может быть подписано до конца года",
# "необходимо завершить реформу до марта", "снижение ставки возможно не раньше первого квартала".
MODAL_LEMMAS = {"мочь", "должный", "нужный", "необходимый", "надо", "возможный"}  # natasha: "нужно" → нужный
# Verbs whose infinitive carries the event, the verb its subject and mood: "может стать", "планирует открыть".
CARRIERS = MODAL_LEMMAS | PLAN_LEMMAS | {"хотеть", "начать", "продолжить", "пытаться", "попытаться", "успеть", "решить"}
SIDE_CLAUSES = {"advcl", "acl:relcl", "parataxis", "conj", "ccomp", "punct", "cc", "mark", "csubj"}
PREDICATES = {"VERB", "AUX"}
NOUNS = {"NOUN", "PROPN"}
NOUN_MODIFIERS = {"amod", "det", "nmod", "flat", "flat:name", "flat:foreign", "appos", "nummod", "advmod"}


@dataclass
class DatedEvent:
    sent: int
    para: int
    start: int  # offsets of the mention in the paragraph
    end: int
    mention: str
    value: str  # "2025-05-12", "2025-05/2025-06" …; "--05-12" (ISO 8601 without a year) when no year is known
    granularity: str
    modifier: str | None
    year_inferred: bool
    planned: bool
    clause: ClauseSpan  # the event's words, whose text a query works out from the sentence
    lemmas: str  # the event's content lemmas, for merging across sources
    first_day: str | None  # None for a date without a year
    last_day: str | None
    anchors: list[EventName]  # the named events the date identifies, for dating other sources


@dataclass
class UndatedEvent:
    """A named event in a sentence without a date; another source may date it."""
    para: int
    start: int  # offsets of the phrase in the paragraph
    end: int
    name: EventName
    clause: ClauseExtent  # its text and lemmas are worked out when another source dates it
    planned: bool


def dated_events(sentences, dates: list[list], published: str | None) -> list[DatedEvent]:
    """Events of the sentences; `dates` holds each sentence's date mentions (chronology.find_mentions).

    `published` is the publication day, or only its month ("2021-03"), which gives year-less dates its year.
    """
    anchor = date.fromisoformat(published) if published and len(published) == 10 else None
    month_year = int(published[:4]) if published and len(published) == 7 else None
    found = [(index, sent, mention) for index, sent in enumerate(sentences) for mention in dates[index]]
    explicit = [(index, sent.para, m.year, Clause(sent, m.start, m.end).direction)
                for index, sent, m in found if _sets_year(m)]
    last_month: dict[int, int] = {}  # paragraph → the month its latest date named ("… ноября, с 11 по 17 числа")
    events = []
    for index, sent, mention in found:
        if not _says_more(sent, mention):
            continue
        start, end = _coordinated(sent, mention, dates[index])
        clause = Clause(sent, start, end, drop=True)
        if mention.condition and not clause.bears(mention.condition, mention.end):
            continue
        if mention.needs_month and not _give_month(mention, last_month.get(sent.para), anchor):
            continue
        direction = clause.direction
        if mention.needs_anchor and anchor is not None:
            resolve_relative(mention, anchor, direction)
        elif mention.needs_anchor and mention.shift is None and month_year:  # "в марте этого года", a month known
            mention.set_year(month_year + mention.year_shift)
        elif mention.needs_anchor:
            continue  # "в начале следующего года" with no publication date: no year to count from
        elif mention.year is None:
            years = _nearby_years(index, sent.para, explicit, anchor, direction) or ([month_year] if month_year else [])
            complete_year(mention, years, anchor, direction)
        value = mention.value or _partial(mention)
        if value is None:  # "31 февраля", a range that ends before it starts
            continue
        if mention.month:
            last_month[sent.para] = mention.month
        first, last = period(mention.granularity, value) if mention.value else (None, None)
        planned = direction == "future" or (
            anchor is not None and first is not None and first > anchor.isoformat() and direction != "past")
        events.append(DatedEvent(
            index, sent.para, sent.start + mention.start, sent.start + mention.end, mention.text, value,
            mention.granularity, mention.modifier, mention.year_inferred, planned, clause.offsets(), clause.lemmas(),
            first, last, clause.anchors(index) if mention.granularity in PRECISE and first else [],
        ))
    return events


COORDINATING = re.compile(r"\s*(?:,\s*)?(?:(?:и|или|либо)\s+)?")  # ", ", " и ", ", или " between two dates


def _coordinated(sent, mention, mentions) -> tuple[int, int]:
    """The sentence offsets of a date with the dates coordinated with it, which its clause leaves out
    with it: "залы пустовали в конце марта и начале апреля" → "залы пустовали" for both; a date set off
    by commas after another takes its closing comma ("рассчитывает по итогам года, к декабрю, окупить …")."""
    text = sent.text
    start, end = mention.start, mention.end
    others = sorted(mentions, key=lambda m: m.start)
    joints = []
    for other in others:  # the dates after it, one by one
        if other.start >= end and text[end:other.start] and COORDINATING.fullmatch(text, end, other.start):
            joints.append(text[end:other.start])
            end = other.end
    for other in reversed(others):  # and before it
        if other.end <= start and text[other.end:start] and COORDINATING.fullmatch(text, other.end, start):
            joints.append(text[other.end:start])
            start = other.start
    if joints and all(joint.strip() == "," for joint in joints) and text[end:end + 1] == ",":
        end += 1
    return start, end


CLAUSE_OPENERS = {
    "что", "чтобы", "который", "когда", "если", "то", "а", "но", "где", "как", "хотя", "поскольку", "пока", "и",
    "однако", "тогда", "чем", "причем", "причём", "зато",
}
CLAUSE_BREAKS = {";", ":", "—", "–", "(", ")", "?", "!"}
DASHES = {"—", "–"}
# Nouns that only frame a date: "по состоянию на 1 мая", "в период с 1 по 10 мая" ("по итогам года" tells what
# the figures are for, and stays).
FRAME_NOUNS = {"состояние", "течение", "протяжение", "период"}
NAMES_AND_MARKS = {"PROPN", "PUNCT", "SYM", "X"}
CORRELATIVES = {"случай", "тот", "то"}  # "в случае, если …", "после того, как …", "в том, что …"


def _says_more(sent, mention) -> bool:
    """Whether a sentence holds words besides its date and names: an agency's dateline ("ПАРИЖ, 5 июня
    2025 — ИА Вестник.") dates the article, and tells of no event."""
    return any(token.pos not in NAMES_AND_MARKS for token in sent.tokens
               if not mention.start <= token.start < mention.end)


def _asides(tokens, inside: list[int]) -> set[int]:
    """The bracketed asides of a sentence that do not hold the date, brackets included: the clause reads
    through them ("накануне в профсоюзе (он объединяет тысячу рабочих) объявили …")."""
    asides: set[int] = set()
    opened = None
    for i, token in enumerate(tokens):
        if token.text == "(":
            opened = i
        elif token.text == ")" and opened is not None:
            if not any(opened < k < i for k in inside):
                asides.update(range(opened, i + 1))
            opened = None
    return asides


def _attribution(tokens, inside: list[int]) -> set[int]:
    """Who said it, opening or closing the sentence around a date it does not hold: "Как пояснил
    заместитель акима, …", "По словам министра, …", "По её словам, …", "…, — сказал он."."""
    commas = [i for i, token in enumerate(tokens) if token.text == ","]
    if not commas or not inside:
        return set()
    found: set[int] = set()
    first, last = commas[0], commas[-1]
    opening = tokens[:first]
    noun = 2 if len(opening) > 2 and opening[1].pos in {"PRON", "DET"} else 1  # "По его словам, …"
    if first < min(inside) and len(opening) >= 2 and (
            (opening[0].lemma == "как" and any(t.lemma in CUE_VERBS and t.pos == "VERB" for t in opening[1:3]))
            or is_parenthetical(opening[0], opening[noun])):
        if first + 1 < len(tokens) and tokens[first + 1].lemma == "ссылаться":  # "…, ссылаясь на министерство, …"
            first = next((c for c in commas if c > first), first)
        if first < min(inside):
            found.update(range(first + 1))
    closing = [i for i in range(last + 1, len(tokens)) if tokens[i].pos != "PUNCT"]
    said = any(_finite(tokens[i]) for i in range(last) if i not in found)  # "Об этом, 5 мая, сообщил X" is all
    if said and last > max(inside) and closing and tokens[closing[0]].lemma in CUE_VERBS \
            and tokens[closing[0]].pos == "VERB" and len(closing) <= 8 \
            and not any(tokens[i].lemma in ("что", "чтобы") for i in closing):
        found.update(range(last, closing[-1] + 1))
    return found


def _agree(noun, pronoun, coordinated: bool = False) -> bool:
    """"который" agrees with its noun in number, and in the singular in gender: "строителей моста, которые"
    tells about the builders; nouns joined by "и" are plural ("мэру и команде, которые")."""
    def feats(token) -> dict[str, str]:
        return dict(part.split("=", 1) for part in token.feats.split("|") if "=" in part)

    a, b = feats(noun), feats(pronoun)
    if coordinated:
        return b.get("Number") == "Plur"
    if a.get("Number") != b.get("Number"):
        return False
    return b.get("Number") == "Plur" or a.get("Gender") == b.get("Gender")


def _opens_clause(tokens, comma: int) -> bool:
    """A comma before a subordinator or conjunction ("…, что", "…, а") opens a clause."""
    return comma + 1 < len(tokens) and tokens[comma + 1].lemma in CLAUSE_OPENERS


def _asks_for_clause(tokens, comma: int) -> bool:
    """A correlative before the comma asks for the clause after it: a date before it keeps that clause
    ("ярмарка пройдёт в октябре в случае, если …")."""
    return (tokens[comma].text == "," and comma >= 2 and tokens[comma - 1].lemma in CORRELATIVES
            and tokens[comma - 2].pos == "ADP")


def _segment(tokens, inside: list[int], asides: set[int] = frozenset()) -> tuple[int, int]:
    """The run of tokens around a date that one clause holds: cut at semicolons, colons, dashes, brackets and
    commas that open a clause ("…, то в прошлом месяце совет утвердил …"); joined with the next clause
    (else the one before) while it has no finite verb ("с 1 августа — этот разговор выглядит"); a closing
    aside after a dash that has no verb of its own stays ("в марте завод снизил прогноз — не более 3% роста")."""
    breaks = [i for i, t in enumerate(tokens) if i not in asides and (
        t.text in CLAUSE_BREAKS or (t.text == "," and _opens_clause(tokens, i)))]
    first, last = min(inside), max(inside)
    lo = max((b + 1 for b in breaks if b < first), default=0)
    hi = min((b - 1 for b in breaks if b > last and not _asks_for_clause(tokens, b)), default=len(tokens) - 1)
    for _ in range(2):
        if any(_finite(tokens[i]) for i in range(lo, hi + 1)):
            break
        after = [b for b in breaks if b > hi + 1]
        if hi + 1 < len(tokens) - 1:
            hi = after[0] - 1 if after else len(tokens) - 1
        elif lo > 0:
            lo = max((b + 1 for b in breaks if b < lo - 1), default=0)
    if hi + 1 < len(tokens) and tokens[hi + 1].text in DASHES:
        end = min((b - 1 for b in breaks if b > hi + 1), default=len(tokens) - 1)
        if not any(_finite(tokens[i]) for i in range(hi + 2, end + 1)):
            hi = end
    return lo, hi


def _opens_statement(tokens, comma: int) -> bool:
    return comma + 1 < len(tokens) and tokens[comma].text == "," and tokens[comma + 1].lemma in ("что", "чтобы")


def _predicative(token) -> bool:
    """A word that can be a clause's predicate: a verb, or a short adjective ("снижение возможно весной")."""
    return token.pos in PREDICATES or (token.pos == "ADJ" and "Variant=Short" in token.feats)


def _finite(token) -> bool:
    """A verb that makes a clause: finite, or a short participle ("подписано")."""
    return token.pos in PREDICATES and ("VerbForm=Fin" in token.feats or "Variant=Short" in token.feats)


def _partial(mention) -> str | None:
    """A day or month whose year nothing in the text gives, in ISO 8601 without the year: "--05", "--05-12"."""
    if mention.year is not None or mention.granularity not in ("day", "month") or not mention.month:
        return None
    if mention.granularity == "month":
        return f"--{mention.month:02d}"
    return f"--{mention.month:02d}-{mention.day:02d}" if safe_date(2000, mention.month, mention.day) else None


def _sets_year(mention) -> bool:
    """Whether a mention's year is context for year-less dates after it: a written date with its year
    ("5 мая 2021 года") or a year as a time ("в 2019 году"); not a period reported on ("по итогам 2020 года"),
    a deadline ("до 2030 года", "к 2030 году") or a span of years ("в начале 90-х", "в 2020–2022 годах")."""
    if not mention.year or mention.needs_anchor:
        return False
    if mention.end_value and mention.end_value[0] not in (None, mention.year):
        return False
    return mention.granularity != "year" or bool(re.match(r"(в|во|с|на)\s", mention.text, re.IGNORECASE))


def _give_month(mention, month: int | None, anchor: date | None) -> bool:
    """"с 11 по 17 числа" takes the month named before it in the paragraph, else the publication's."""
    month = month or (anchor.month if anchor else None)
    if month is None:
        return False
    mention.month = month
    if mention.end_value:
        mention.end_value = (mention.end_value[0], month, mention.end_value[2])
    return True


def undated_events(sentences, dated: set[int]) -> list[UndatedEvent]:
    """Named events in the sentences whose indexes are not in `dated`."""
    found = []
    for index, sent in enumerate(sentences):
        if index in dated:
            continue
        for name in references(sent, index):
            clause = Clause(sent, name.start, name.end)
            found.append(UndatedEvent(sent.para, sent.start + name.start, sent.start + name.end, name,
                                      clause.extent(), clause.planned))
    return found


def _nearby_years(index: int, para: int, explicit: list, anchor: date | None, direction: str | None) -> list[int]:
    """Explicit years to borrow, nearest first: earlier in the paragraph; else (no date) the article. Never
    a year told the other way in time: a plan's "в 2026 году" does not date "Ранее, 5 ноября, премьер
    поручил …", nor a past year what is still to come."""
    usable = [(i, p, year) for i, p, year, told in explicit if not (direction and told and told != direction)]
    local = [year for i, p, year in usable if p == para and i <= index]
    if local:
        return local[::-1]
    if anchor is not None:
        return []
    before = [year for i, _, year in usable if i <= index][::-1]
    after = [year for i, _, year in usable if i > index]
    return before + after


class Clause:
    """The predicate a date mention hangs on, and the short clause around it."""

    def __init__(self, sent, start: int, end: int, drop: bool = False) -> None:
        """The clause around sentence offsets start–end; with `drop`, the words there are left out of its text
        (the date words; another date of the sentence stays: "выставку перенесли на следующий год")."""
        self.sent = sent
        self.drop = (start, end) if drop and start < end else None
        tokens = sent.tokens
        inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
        self.span = set(inside)
        self.inside = set(self.span) if self.drop else set()  # left out of the clause
        head = next((i for i in inside if tokens[i].head not in inside), inside[0] if inside else -1)
        self.predicate = head
        seen = set()
        while self.predicate >= 0 and not _predicative(tokens[self.predicate]) and self.predicate not in seen:
            seen.add(self.predicate)
            if tokens[self.predicate].head < 0:
                break
            self.predicate = tokens[self.predicate].head
        while self.predicate >= 0 and tokens[self.predicate].rel == "xcomp" and tokens[self.predicate].head >= 0 \
                and "VerbForm=Inf" in tokens[self.predicate].feats and tokens[tokens[self.predicate].head].lemma in CARRIERS:
            self.predicate = tokens[self.predicate].head  # "Южноморье может стать наблюдателем до конца года"
        self.tree = Tree(sent)
        if self.drop:  # the date's own prepositions go with it: "на 1 апреля" leaves no "на"; so does the noun that
            # frames it, with its own: "по состоянию на 1 мая", "на протяжении 2020 года"
            frames = {tokens[i].head for i in inside if tokens[i].head >= 0 and tokens[i].head not in self.inside
                      and tokens[tokens[i].head].lemma in FRAME_NOUNS and tokens[tokens[i].head].head >= 0}
            self.inside |= {f for f in frames  # a preposition's, when nothing but the date hangs on it ("итоги 2024
                            # года" as an object stay)
                            if any(t.head == f and t.rel == "case" for t in tokens)
                            and all(j in self.inside for j, t in enumerate(tokens) if t.head == f and t.rel != "case")}
            self.inside = self.inside | {i for i, t in enumerate(tokens) if t.rel == "case" and t.head in self.inside}
        asides = _asides(tokens, inside)
        self.inside |= asides
        self.attribution = _attribution(tokens, inside) - self.span  # left out of the clause's words only
        self.segment = _segment(tokens, inside, asides) if inside else (0, len(tokens) - 1)
        lo, hi = self.segment
        if not lo <= self.predicate <= hi:  # the tree links the date across a clause boundary: trust the clause
            self.predicate = next((i for i in range(lo, hi + 1) if _finite(tokens[i])), self.predicate)
        if self.predicate >= 0 and tokens[self.predicate].lemma in CUE_VERBS and _opens_statement(tokens, hi + 1):
            # "Вчера X заявил, что покидает пост": the date is the statement's, so the statement goes with it
            self.segment = lo, _segment(tokens, [hi + 2])[1]
        self.antecedent = self._antecedent()
        if self.antecedent:
            self.segment = min(self.antecedent), self.segment[1]
        self.question = sent.text.rstrip().endswith("?")

    @property
    def tense(self) -> str | None:
        """The predicate's tense; an infinitive takes that of the finite verb before it ("не хотели посылать")."""
        if self.predicate < 0:
            return None
        tokens = self.sent.tokens
        verb = self.predicate
        if "VerbForm=Inf" in tokens[verb].feats:
            verb = next((i for i in range(verb - 1, -1, -1) if "VerbForm=Fin" in tokens[i].feats), verb)
        match = re.search(r"Tense=(\w+)", tokens[verb].feats)
        return match.group(1) if match else None

    @property
    def planned(self) -> bool:
        return self.tense == "Fut" or self._plan_words()

    @property
    def direction(self) -> str | None:
        """"future" for a future tense or a plan ("намечена на 14 ноября", "может быть подписано"),
        "past" for a past tense, else None (the present, or no verb)."""
        tense = self.tense
        finite_past = tense == "Past" and "VerbForm=Fin" in self.sent.tokens[self.predicate].feats
        if tense == "Fut" or (self._plan_words() and not finite_past):
            return "future"
        return "past" if tense == "Past" and not self._state_since() else None

    def _state_since(self) -> bool:
        """A short passive participle with "с" and no "был" tells of a state from the date on, not of a
        past act: "график отменён с 1 ноября" in October is this November's ("был отменён" is past)."""
        tokens = self.sent.tokens
        predicate = tokens[self.predicate]
        if "Variant=Short" not in predicate.feats or "VerbForm=Part" not in predicate.feats:
            return False
        if any(tokens[k].lemma == "быть" for k in self.tree.kids(self.predicate)):
            return False
        return any(tokens[i].lemma == "с" and (i in self.span or tokens[i].head in self.span)
                   for i, t in enumerate(tokens) if t.pos == "ADP")

    def _plan_words(self) -> bool:
        if self.predicate < 0:
            return False
        nodes = [self.predicate] + self.tree.kids(self.predicate) + [k for i in self.span for k in self.tree.kids(i)]
        tokens = self.sent.tokens
        lemmas = {tokens[i].lemma for i in nodes} | {tokens[i].lemma for i in self.span}
        own = [self.predicate, tokens[self.predicate].head] + self.tree.kids(self.predicate, {"aux", "aux:pass", "cop"})
        return bool(lemmas & PLAN_LEMMAS) or any(i >= 0 and tokens[i].lemma in MODAL_LEMMAS for i in own)

    def bears(self, condition: str, end: int) -> bool:
        """Whether the sentence bears out a doubtful date word: "сегодня" dates an event only beside a past
        or future verb (not "сегодня наше партнёрство крепче"); "накануне" and "в среду" are no dates
        before a noun they govern ("накануне выборов", "в среду обитания")."""
        if condition == "today":
            return self.tense in ("Past", "Fut")
        if condition == "eve":
            return not any(self.sent.tokens[i].pos == "ADP" for i in self.span)
        after = next((t for t in self.sent.tokens if t.start >= end and t.pos != "PUNCT"), None)
        governed = after is not None and after.pos == "NOUN" and "Case=Gen" in after.feats and after.text.islower()
        return not governed

    def _nodes(self) -> list[int]:
        """The clause's tokens without the date: the date's predicate and its arguments within the clause
        around the date; in a question, only the thing asked about."""
        lo, hi = self.segment
        span = [i for i in range(lo, hi + 1) if i not in self.inside]
        told = [i for i in span if i not in self.attribution] or span  # who said it goes
        if self.predicate < 0 or not lo <= self.predicate <= hi:
            return told
        tokens = self.sent.tokens

        def keep(child: int) -> bool:
            if tokens[child].rel == "conj" and self._shares_subject(child):
                return True
            return tokens[child].rel not in SIDE_CLAUSES or self._holds_mention(child)

        root = self.predicate
        if self.question:
            asked = self.tree.kids(self.predicate, {"obj"}) or self.tree.kids(self.predicate, {"nsubj"})
            root = asked[0] if asked else self.predicate
        nodes = set(self.tree.subtree(root, keep))
        if not self.question:  # words the tree hangs outside the clause belong to it all the same
            for orphan in (i for i in range(lo, hi + 1) if not lo <= tokens[i].head <= hi and i != root
                           and tokens[i].rel != "punct" and tokens[i].pos not in PREDICATES):
                nodes.update(self.tree.subtree(orphan, keep))
        nodes = sorted(i for i in (nodes | set(self.antecedent)) - self.inside - self.attribution if lo <= i <= hi)
        if self.question or 2 * len(nodes) > len(span):
            return nodes or told
        return told  # the tree keeps less than half of the clause: it is doubtful, the clause is not

    def _antecedent(self) -> list[int]:
        """For a relative clause, the noun phrase it tells about, before its comma ("строителей моста,
        которые в июне закончили работы" keeps "строителей моста"); else []."""
        tokens = self.sent.tokens
        lo = self.segment[0]
        if not (2 <= lo < len(tokens) and tokens[lo].lemma == "который" and tokens[lo - 1].text == ","):
            return []
        comma = lo - 1
        # the noun before the comma and the nouns it hangs on: "строителей моста", "мэру и команде города"
        chain = [comma - 1]
        while tokens[chain[-1]].rel in NOUN_MODIFIERS | {"conj"} and 0 <= tokens[chain[-1]].head < comma \
                and tokens[tokens[chain[-1]].head].pos in NOUNS and tokens[chain[-1]].head not in chain:
            chain.append(tokens[chain[-1]].head)
        noun = next((i for k, i in enumerate(chain) if tokens[i].pos in NOUNS and _agree(
            tokens[i], tokens[lo], coordinated=k > 0 and tokens[chain[k - 1]].rel == "conj")), None)
        if noun is None:
            return []
        phrase = NOUN_MODIFIERS | {"case", "conj", "cc"}
        return sorted(self.tree.subtree(noun, lambda c: c < comma and tokens[c].rel in phrase))

    def _shares_subject(self, node: int) -> bool:
        """A conjunct that continues the clause: a noun, or a verb without its own subject ("склады были
        закрыты либо проданы")."""
        if self.sent.tokens[node].pos not in PREDICATES:
            return True
        return not self.tree.kids(node, {"nsubj", "nsubj:pass"})

    def _holds_mention(self, node: int) -> bool:
        return bool(self.span.intersection(self.tree.subtree(node)))

    def extent(self) -> ClauseExtent:
        """The clause as token indexes: its words, how many of them open it (a conjunction, a comma: not
        in its text), and the words inside its extent it leaves out (the date, asides)."""
        tokens = self.sent.tokens
        nodes = [i for i in self._nodes() if i > 0 or tokens[i].pos != "PUNCT"]
        if not nodes:
            return ClauseExtent((), 0, (), self.drop)
        opener = 0
        while len(nodes) - opener > 1 and (tokens[nodes[opener]].pos in ("CCONJ", "SCONJ", "PUNCT")
                                           or tokens[nodes[opener]].lemma == "то"
                                           or tokens[nodes[opener]].rel in ("mark", "fixed")):
            opener += 1  # "…, то в прошлом месяце совет утвердил": the clause starts after its opener
        lo = tokens[nodes[opener]].start
        hi = max(tokens[i].start + len(tokens[i].text) for i in nodes[opener:])
        blanks = sorted(i for i in self.inside | self.attribution
                        if tokens[i].start < hi and tokens[i].start + len(tokens[i].text) > lo)
        return ClauseExtent(tuple(nodes), opener, tuple(blanks), self.drop)

    def offsets(self) -> ClauseSpan:
        """The clause as character offsets: its text without the date words (whole: the terminal view shortens it)."""
        return clause_span(self.sent.tokens, self.extent())

    def lemmas(self) -> str:
        return clause_lemmas(self.sent.tokens, self._nodes())

    def anchors(self, index: int) -> list[EventName]:
        return anchors(self.sent, index, self.tree, sorted(self.span))
