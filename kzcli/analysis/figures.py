"""Figures: measured quantities ("17 миллиардов долларов", "более 30% мировых запасов",
"свыше 500 американских компаний", "в течение пяти лет"), normalised from the tagged tokens, with
what each measures, for which period, how precisely it is written and on whose word.

"Товарооборот Армении и Ирана в 2025 году составил 712 млн долларов" gives 712 000 000 USD,
measure «товарооборот Армении и Ирана», period 2025, written to the million (step 1e6), shown
as "712 млн $". A cardinal that only says how many parties act ("лидеры двух стран") is no figure.

Runs at indexing time over a sentence's tokens (lemmas, parts of speech, syntax); dates are left to
the chronology grammar and never read as figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

NUMERALS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5,
}
MULTIPLIERS = {
    "тысяча": 1e3, "тыс": 1e3, "миллион": 1e6, "млн": 1e6, "миллиард": 1e9, "млрд": 1e9,
    "триллион": 1e12, "трлн": 1e12, "десяток": 10, "сотня": 100,
}
CURRENCY_WORDS = {
    "доллар": "USD", "долл": "USD", "евро": "EUR", "рубль": "RUB", "руб": "RUB", "тенге": "KZT", "тенг": "KZT",
    "иена": "JPY", "йена": "JPY", "юань": "CNY", "фунт": "GBP", "франк": "CHF", "рупия": "INR", "лира": "TRY",
    "гривна": "UAH", "сум": "UZS", "сом": "KGS", "манат": "AZN", "дирхам": "AED", "вона": "KRW",
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "₽": "RUB", "₸": "KZT", "£": "GBP", "¥": "JPY"}
CURRENCY_CODES = {"USD", "EUR", "RUB", "KZT", "JPY", "CNY", "GBP", "CHF", "UZS", "KGS", "TRY"}
SHOWN_CURRENCY = {"USD": "$", "EUR": "€", "RUB": "₽", "KZT": "₸", "GBP": "£"}
DURATIONS = {
    "год": ("years", 1), "десятилетие": ("years", 10), "век": ("years", 100), "столетие": ("years", 100),
    "месяц": ("months", 1), "неделя": ("weeks", 1), "день": ("days", 1), "сутки": ("days", 1),
    "час": ("hours", 1), "минута": ("minutes", 1), "мин": ("minutes", 1),
}
# A duration as a reader writes it: the unit's forms after 1, after 2–4 and after 5 or a fraction.
DURATION_WORDS = {
    "years": ("год", "года", "лет"), "months": ("месяц", "месяца", "месяцев"), "weeks": ("неделя", "недели", "недель"),
    "days": ("день", "дня", "дней"), "hours": ("час", "часа", "часов"), "minutes": ("мин", "мин", "мин"),
}
# Units of measurement shown by their usual abbreviation ("5 млн т").
UNIT_SIGNS = {
    "тонна": "т", "килограмм": "кг", "грамм": "г", "километр": "км", "метр": "м", "гектар": "га", "литр": "л",
    "баррель": "барр.", "кубометр": "м³", "киловатт": "кВт", "мегаватт": "МВт", "гигаватт": "ГВт",
}
SCALES = ((1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "тыс."))
PERCENT_WORDS = {"процент", "%"}
QUALIFIERS = {
    "более", "свыше", "около", "почти", "примерно", "порядка", "менее", "больше", "меньше", "приблизительно",
    "минимум", "максимум", "лишь", "всего", "только", "целых", "ровно", "до",
}
QUALIFYING_VERBS = {"превысить", "превышать", "достичь", "достигать", "превзойти", "приблизиться"}
MEASURE_NOUNS = {
    "сумма", "объем", "размер", "уровень", "доля", "стоимость", "ставка", "число", "количество", "показатель",
    "рост", "снижение", "итог", "общий",
}
# Nouns that only carry the quantity: the measure is their genitive ("объём торговли" measures торговля).
CARRIER_NOUNS = {"сумма", "объем", "размер", "уровень", "показатель", "величина", "количество", "число", "итог"}
# A verb of change with "на N" measures the change: "товарооборот вырос на 12%" is рост товарооборота.
CHANGE_VERBS = {
    "вырасти": "рост", "расти": "рост", "возрасти": "рост", "возрастать": "рост", "увеличиться": "рост",
    "увеличиваться": "рост", "подрасти": "рост", "прибавить": "рост", "сократиться": "снижение",
    "сокращаться": "снижение", "снизиться": "снижение", "снижаться": "снижение", "уменьшиться": "снижение",
    "упасть": "снижение", "падать": "снижение",
}
CHANGE_NOUNS = {"рост": "рост", "прирост": "рост", "увеличение": "рост", "снижение": "снижение",
                "сокращение": "снижение", "падение": "снижение"}
# Words over a figure that make it a goal or a forecast rather than a result.
TARGET_WORDS = {"цель", "задача", "план", "планировать", "намереваться", "намерен", "довести", "поставить"}
FORECAST_WORDS = {"прогноз", "прогнозировать", "ожидать", "ожидаться", "оценка", "предполагать"}
# Who acts, not what is measured: "двух стран", "обеих сторон", "двух президентов".
PARTY_NOUNS = {
    "страна", "государство", "сторона", "республика", "народ", "нация", "президент", "лидер", "глава", "министр",
    "премьер", "правительство", "делегация", "партнер", "участник", "держава",
}
# Nouns of time that say when, not what ("за год", "по итогам года").
TIME_NOUNS = set(DURATIONS) | {"квартал", "полугодие", "период", "итог", "время", "срок"}
# "по данным таможни", "по оценкам экспертов", "согласно отчёту": the figure is someone else's.
ATTRIBUTION_NOUNS = {"данные", "данный", "оценка", "информация", "подсчет", "сведение", "сведения", "расчет",
                     "статистика", "прогноз"}
APPROXIMATE = {"около", "примерно", "порядка", "приблизительно", "почти"}
LOWER_BOUNDS = {"более", "свыше", "больше", "минимум"}  # and the verbs "превысил", "превзошёл"
UPPER_BOUNDS = {"менее", "меньше", "максимум"}
DURATION_LEADS = {"течение", "протяжение", "период"}
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
GROUP = re.compile(r"^\d{3}$")
PERCENT_ADJECTIVE = re.compile(r"^(\d+(?:[.,]\d+)?)-?процентн", re.IGNORECASE)
NOUNS = {"NOUN", "PROPN"}
MEASURE_RELS = {"amod", "nmod", "conj", "cc", "case", "det", "flat", "flat:name", "flat:foreign", "appos"}
MEASURE_WORDS = 7  # a longer measure phrase keeps its head and adjectives only


class Wording(Protocol):
    """The morphology a figure's words need (natasha's span normalisation, pymorphy's agreement)."""

    def nominative(self, sent, nodes: list[int]) -> str:
        """The words at `nodes` with their head in the nominative: "прямых иностранных инвестиций" →
        "прямые иностранные инвестиции"."""

    def counted(self, lemma: str) -> tuple[str, str, str]:
        """A counted noun's forms after 1, after 2–4 and after 5: "компания" → (компания, компании, компаний)."""


@dataclass
class Figure:
    sent: int
    start: int  # offsets in the sentence
    end: int
    text: str
    kind: str  # money | percent | duration | count
    amount: float
    unit: str  # currency code, "%", years/months/…, or the counted noun's lemma
    qualifier: str | None
    about: str  # the words around the figure, where no measure is found
    measure: str = ""  # the measured noun phrase, nominative: "товарооборот Армении и Ирана", "цель: товарооборот"
    measure_key: str = ""  # what must match for two figures to measure the same thing (`same_measure`)
    period: str | None = None  # "2025", "2025-03", "к 2030" (a deadline)
    step: float = 1.0  # the rounding of the written amount: 712 млн → 1e6, 43,8 млрд → 1e8
    shown: str = ""  # the amount as a reader writes it: "712 млн $", "свыше 500 компаний", "5 лет"
    according_to: str | None = None  # "по данным таможни": whose figure it is, as written


def sentence_figures(index: int, sent, dates: list, wording: Wording) -> list[Figure]:
    """Every figure of one analysed sentence; `dates` are its date mentions, which are not figures."""
    tokens = sent.tokens
    dated = [(m.start, m.end) for m in dates]
    figures, position = [], 0
    furniture = len(tokens) <= 4 and not any(token.pos in {"VERB", "AUX"} for token in tokens)  # "3 мин"
    while position < len(tokens) and not furniture:
        token = tokens[position]
        if any(start <= token.start < end for start, end in dated):
            position += 1
            continue
        found = _figure_at(index, sent, position)
        if found is None:
            position += 1
            continue
        figure, written = found
        position = _end_index(tokens, figure) + 1
        if _counts_parties(figure, written):
            continue
        _describe(figure, sent, dates, wording)
        figures.append(figure)
    return figures


def _end_index(tokens, figure: Figure) -> int:
    return max(i for i, token in enumerate(tokens) if token.start < figure.end)


def _figure_at(index: int, sent, position: int) -> tuple[Figure, str] | None:
    """The figure starting at `position` and its number as written ("712", "12,3", "двух")."""
    tokens = sent.tokens
    number = _number(tokens, position)
    if number is None:
        return None
    amount, after, percent = number
    written = " ".join(token.text for token in tokens[position:after]) if not percent else \
        PERCENT_ADJECTIVE.match(tokens[position].text).group(1)
    first = position
    currency = None
    if position > 0 and tokens[position - 1].text in CURRENCY_SIGNS:
        currency = CURRENCY_SIGNS[tokens[position - 1].text]
        first = position - 1
    multiplier = 1.0
    while after < len(tokens) and _lemma(tokens[after]) in MULTIPLIERS:
        multiplier *= MULTIPLIERS[_lemma(tokens[after])]
        after += 1
        if after < len(tokens) - 1 and tokens[after].text == ".":  # "тыс." written with its dot
            after += 1
    amount *= multiplier
    kind, unit, last = None, None, after - 1
    if percent:
        kind, unit = "percent", "%"
        last = _noun_after(tokens, after) or last
    elif currency:
        kind, unit = "money", currency
    elif after < len(tokens):
        following = tokens[after]
        lemma = _lemma(following)
        if following.text in PERCENT_WORDS or lemma == "процент":
            kind, unit, last = "percent", "%", after
        elif following.text in CURRENCY_SIGNS or following.text.upper() in CURRENCY_CODES or lemma in CURRENCY_WORDS:
            code = CURRENCY_SIGNS.get(following.text) or CURRENCY_WORDS.get(lemma) or following.text.upper()
            kind, unit, last = "money", code, after
        else:
            noun = _noun_after(tokens, after)
            if noun is not None:
                lemma = _unit_word(tokens[noun])
                if lemma in DURATIONS:
                    unit, scale = DURATIONS[lemma]
                    kind, amount, last = "duration", amount * scale, noun
                    multiplier *= scale
                elif lemma in CURRENCY_WORDS:
                    kind, unit, last = "money", CURRENCY_WORDS[lemma], noun
                else:
                    kind, unit, last = "count", lemma, noun
    if kind is None or (kind == "count" and amount == 1 and not NUMBER.match(tokens[position].text)):
        return None
    if kind != "duration":
        last = _genitive_after(tokens, last + 1) or last
    first, qualifier = _lead(tokens, first, last, kind)
    text = sent.text[tokens[first].start: tokens[last].start + len(tokens[last].text)]
    about_tokens = _about(tokens, first, last)
    about = " ".join(tokens[i].text for i in about_tokens)
    figure = Figure(index, tokens[first].start, tokens[last].start + len(tokens[last].text), text, kind,
                    round(amount, 6), unit, qualifier, about)
    figure.step = _step(written, qualifier) * multiplier
    return figure, written


def _counts_parties(figure: Figure, written: str) -> bool:
    """A count that only says how many act or are named ("двух стран", "пяти стран Центральной Азии",
    "двух основных факторов"): a party noun counted, or a small number written in words; or a number
    before an abbreviation that is no unit ("105 УК", "2 ст.", "13 дек"): a reference, not a quantity."""
    if figure.kind != "count":
        return False
    return (figure.unit in PARTY_NOUNS and figure.amount <= 10) or (not written[:1].isdigit() and figure.amount < 10) \
        or (len(figure.unit) <= 3 and figure.unit not in UNIT_SIGNS.values())


def _step(written: str, qualifier: str | None) -> float:
    """The rounding of a written number: "43,8" → 0.1, "712" → 1, "около 700" → 100 (a round number
    qualified as approximate is rounded to its zeros)."""
    digits = written.replace(" ", "").replace(",", ".")
    if not digits[:1].isdigit():
        return 1.0
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    if bound(qualifier) != "exact":
        zeros = len(digits) - len(digits.rstrip("0"))
        return 10.0 ** min(zeros, len(digits) - 1)
    return 1.0


def bound(qualifier: str | None) -> str:
    """What a qualifier makes of the amount: "exact", "about" (около), "below" (почти), "over" (более,
    превысил) or "under" (менее)."""
    word = (qualifier or "").lower()
    if word in LOWER_BOUNDS or word.startswith(("превы", "превз")):
        return "over"
    if word in UPPER_BOUNDS:
        return "under"
    if word == "почти":
        return "below"
    return "about" if word in APPROXIMATE else "exact"


def amount_range(amount: float, step: float, qualifier: str | None) -> tuple[float, float]:
    """The amounts a written figure allows: 712 (step 1) → 711.5–712.5; "около 700" (step 100) →
    600–800; "почти 44" → 43–44; "более 30" or "превысил 30" → 30 and up; "менее 5" → up to 5."""
    return {
        "over": (amount, math.inf), "under": (-math.inf, amount), "below": (amount - step, amount),
        "about": (amount - step, amount + step), "exact": (amount - step / 2, amount + step / 2),
    }[bound(qualifier)]


# -- what a figure measures ----------------------------------------------------------


def _describe(figure: Figure, sent, dates: list, wording: Wording) -> None:
    """Fill in the figure's measure, period, attribution and shown amount."""
    tokens = sent.tokens
    inside = {i for i, token in enumerate(tokens) if figure.start <= token.start < figure.end}
    outward = [i for i in sorted(inside) if tokens[i].head not in inside] or sorted(inside)  # its own head word
    anchor = next((i for i in outward if tokens[i].pos in NOUNS | {"SYM"}), outward[-1])
    figure.period = _period(tokens, figure, anchor, dates)
    purpose = _purpose(tokens, anchor, figure.period)
    noun, change, inside = _what_is_measured(tokens, figure, anchor, inside)
    if noun is not None and not _is_party(sent, noun):
        nodes = _measure_nodes(tokens, noun, inside, dates)
        phrase = wording.nominative(sent, nodes)
        if nodes[0] == 0 and not _in_entity(sent, 0):  # "Товарооборот … составил": not a name's capital
            phrase = phrase[:1].lower() + phrase[1:]
        figure.measure = ": ".join(word for word in (purpose, change, phrase) if word)
        figure.measure_key = _measure_key(sent, noun, nodes, purpose, change)
    figure.according_to = _attribution(tokens)
    figure.shown = _shown(figure, wording)


def _what_is_measured(tokens, figure: Figure, anchor: int, inside: set[int]) -> tuple[int | None, str | None, set[int]]:
    """The measured noun, the change or share it is measured by, and the figure's words that are not part
    of the measure: the nouns counted or taxed ("500 американских компаний", "25-процентных пошлин"), the
    whole of a share ("30% мировых запасов"), else what the figure hangs on (`_measured_noun`)."""
    counted = _counted_noun(tokens, figure, inside)
    whole = _share_of(tokens, inside) if counted is None and figure.kind == "percent" else None
    noun = counted if counted is not None else whole
    if noun is None:
        return (*_measured_noun(tokens, anchor, inside), inside)
    own_words = {i for i in inside if tokens[i].head == noun and tokens[i].pos == "ADJ"} | {noun}
    return noun, None if whole is None else "доля", inside - own_words


def _measured_noun(tokens, anchor: int, inside: set[int]) -> tuple[int | None, str | None]:
    """The noun whose quantity the figure gives, and the change it measures ("рост") if any: the noun
    the figure hangs on, or the subject (the object, for "довести товарооборот до …") of its verb."""
    by_change = any(tokens[i].head == anchor and _lemma(tokens[i]) == "на" for i in range(len(tokens)))
    change = None
    head = tokens[anchor].head
    for _ in range(4):
        if head < 0 or head in inside:
            return None, change
        token = tokens[head]
        lemma = _lemma(token)
        if token.pos in NOUNS and lemma not in TIME_NOUNS and not _is_unit(token):
            return _through_carrier(tokens, head, change)
        if token.pos not in {"VERB", "AUX"} and "VerbForm=Part" not in token.feats:
            return None, change
        if by_change and lemma in CHANGE_VERBS:
            change = CHANGE_VERBS[lemma]
        arguments = [i for i, t in enumerate(tokens) if t.head == head and i not in inside and t.pos in NOUNS
                     and _lemma(t) not in TIME_NOUNS and not _is_unit(t) and (t.rel.startswith("nsubj") or t.rel == "obj")]
        arguments.sort(key=lambda i: tokens[i].rel != "obj")  # "довести товарооборот до": the object
        if arguments:
            return _through_carrier(tokens, arguments[0], change)
        if tokens[head].rel not in {"xcomp", "conj", "ccomp", "advcl"}:
            return None, change
        head = tokens[head].head
    return None, change


def _counted_noun(tokens, figure: Figure, inside: set[int]) -> int | None:
    """The noun a count counts ("компаний" in "свыше 500 американских компаний") or a percent adjective
    qualifies ("пошлин" in "25-процентных пошлин")."""
    if figure.kind == "count" and figure.unit not in UNIT_SIGNS:
        return next((i for i in sorted(inside) if tokens[i].pos in NOUNS and _lemma(tokens[i]) == figure.unit), None)
    adjectives = [i for i in inside if PERCENT_ADJECTIVE.match(tokens[i].text)]
    if adjectives and tokens[adjectives[0]].head in inside and tokens[tokens[adjectives[0]].head].pos in NOUNS:
        return tokens[adjectives[0]].head
    return None


def _share_of(tokens, inside: set[int]) -> int | None:
    """The whole a percentage is a share of: the genitive noun after it ("30% мировых запасов")."""
    percent = [i for i in sorted(inside) if tokens[i].text == "%" or _lemma(tokens[i]) == "процент"]
    if not percent:
        return None
    return next((i for i in sorted(inside) if i > percent[0] and tokens[i].pos in NOUNS and "Case=Gen" in tokens[i].feats
                 and tokens[i].head == percent[0]), None)


def _through_carrier(tokens, noun: int, change: str | None) -> tuple[int, str | None]:
    """A noun that only carries the quantity passes to its genitive ("объём торговли" → торговли), and
    so does a noun of change, which becomes the change ("рост товарооборота" → рост, товарооборота)."""
    lemma = _lemma(tokens[noun])
    if lemma not in CARRIER_NOUNS and lemma not in CHANGE_NOUNS:
        return noun, change
    owned = [i for i, t in enumerate(tokens) if t.head == noun and t.rel == "nmod" and t.pos in NOUNS
             and "Case=Gen" in t.feats and _lemma(t) not in TIME_NOUNS and not _is_unit(t)]
    if not owned:
        return noun, change
    return owned[0], CHANGE_NOUNS.get(lemma, change)


def _measure_nodes(tokens, noun: int, inside: set[int], dates: list) -> list[int]:
    """The measured noun with its adjectives and dependents, as long as they stay one short phrase."""
    dated = [(m.start, m.end) for m in dates]
    nodes, frontier = [noun], [noun]
    while frontier:
        head = frontier.pop()
        for i, token in enumerate(tokens):
            if token.head == head and i not in nodes and i not in inside and token.rel in MEASURE_RELS \
                    and token.pos != "PUNCT" \
                    and not any(start <= token.start < end for start, end in dated) \
                    and _lemma(token) not in TIME_NOUNS:
                nodes.append(i)
                frontier.append(i)
    nodes.sort()
    run = [noun]  # the contiguous run around the noun
    for step in (-1, 1):
        position = noun + step
        while position in nodes:
            run.append(position)
            position += step
    run.sort()
    if len(run) > MEASURE_WORDS:
        run = [i for i in run if i == noun or tokens[i].head == noun and tokens[i].rel == "amod"]
    while run and tokens[run[-1]].pos in {"ADP", "CCONJ"}:
        run.pop()
    while run and tokens[run[0]].pos in {"ADP", "CCONJ"}:
        run.pop(0)
    return run


def _measure_key(sent, noun: int, nodes: list[int], purpose: str, change: str | None) -> str:
    """"head|adjectives|dependents": the measured noun's lemma (after its purpose and change), the
    lemmas of its adjectives, and of the dependents that change what is measured. Names of the parties
    ("Армении и Ирана", "двух стран", "в стране") and "между …" are left out: they say whose, not what;
    a preposition's named object stays ("экспорт в Иран" is not "экспорт из Ирана")."""
    tokens = sent.tokens
    head = " ".join(word for word in (purpose, change, _lemma(tokens[noun])) if word)
    adjectives = sorted({_lemma(tokens[i]) for i in nodes if tokens[i].head == noun and tokens[i].pos == "ADJ"
                         and not _is_party(sent, i)})
    dependents = set()
    for i in nodes:
        token = tokens[i]
        if i == noun or token.pos not in NOUNS or _lemma(token) in TIME_NOUNS:
            continue
        owner = token.head if token.rel == "conj" else i
        preposition = next((_lemma(t) for t in tokens if t.head == owner and t.rel == "case"), None)
        if preposition == "между" or _lemma(token) in PARTY_NOUNS or preposition is None and _is_party(sent, i):
            continue
        dependents.add(f"{preposition or 'gen'}:{_lemma(token)}")
    return f"{head}|{' '.join(adjectives)}|{' '.join(sorted(dependents))}"


def _is_party(sent, index: int) -> bool:
    """A word naming who acts: inside a named entity, or a party noun ("стран", "сторон")."""
    token = sent.tokens[index]
    return _lemma(token) in PARTY_NOUNS or token.pos == "PROPN" and _in_entity(sent, index)


def _in_entity(sent, index: int) -> bool:
    return any(entity.start <= sent.tokens[index].start < entity.end for entity in sent.entities)


def _purpose(tokens, anchor: int, period: str | None) -> str:
    """"цель" for a goal ("поставили цель довести … до", a deadline "к 2030 году"), "прогноз" for a
    forecast, "" for a result."""
    lemmas, head = set(), tokens[anchor].head
    for _ in range(4):
        if head < 0:
            break
        lemmas.add(_lemma(tokens[head]))
        head = tokens[head].head
    if lemmas & FORECAST_WORDS:
        return "прогноз"
    if lemmas & TARGET_WORDS or (period or "").startswith("к "):
        return "цель"
    return ""


def _period(tokens, figure: Figure, anchor: int, dates: list) -> str | None:
    """The date of the figure's own clause, nearest the figure: "2025", "2025-03", or a deadline
    "к 2030" ("довести до 3 млрд долларов к 2030 году")."""
    verb = _clause_verb(tokens, anchor)
    dated = [m for m in dates if m.value and _clause_verb(tokens, _token_at(tokens, m.start)) == verb]
    if not dated:
        return None
    nearest = min(dated, key=lambda m: min(abs(m.start - figure.end), abs(figure.start - m.end)))
    deadline = nearest.text.lower().split()[0] in {"к", "до"}
    return f"к {nearest.value}" if deadline else nearest.value


def _clause_verb(tokens, index: int | None) -> int | None:
    """The verb whose clause holds the word: its nearest verb ancestor (or the root)."""
    seen = set()
    while index is not None and index >= 0 and index not in seen:
        seen.add(index)
        if tokens[index].pos in {"VERB", "AUX"} or tokens[index].head < 0:
            return index
        index = tokens[index].head
    return None


def _token_at(tokens, offset: int) -> int | None:
    return next((i for i, token in enumerate(tokens) if token.start <= offset < token.start + len(token.text)), None)


def _attribution(tokens) -> str | None:
    """"по данным Комитета государственных доходов", "согласно отчёту МВФ": whose figure it is."""
    for i, token in enumerate(tokens):
        lemma = _lemma(token)
        lead = i > 0 and _lemma(tokens[i - 1]) == "по" and lemma in ATTRIBUTION_NOUNS or lemma == "согласно"
        if not lead:
            continue
        first = i - 1 if lemma != "согласно" else i
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].pos in {"NOUN", "PROPN", "ADJ", "ADP", "DET", "CCONJ"} \
                and tokens[last + 1].text not in {",", "."}:
            last += 1
        if last > i:
            return " ".join(t.text for t in tokens[first:last + 1])
    return None


def _shown(figure: Figure, wording: Wording) -> str:
    """The amount as a reader writes it: "712 млн $", "43,8 млрд $", "5 млн т", "12 %", "свыше 500
    компаний", "5 лет"."""
    qualifier = f"{figure.qualifier} " if figure.qualifier and figure.qualifier in QUALIFIERS else ""
    if figure.kind == "duration":
        return f"{qualifier}{_human(figure.amount, figure.step)} {_agreeing(DURATION_WORDS[figure.unit], figure.amount)}"
    if figure.kind == "percent":
        return f"{qualifier}{_human(figure.amount, figure.step)} %"
    size, scale = _scale(figure.amount)
    amount = _human(figure.amount / size, figure.step / size)
    amount = f"{amount} {scale}" if scale else amount
    if figure.kind == "money":
        return f"{qualifier}{amount} {SHOWN_CURRENCY.get(figure.unit, figure.unit)}"
    unit = UNIT_SIGNS.get(figure.unit) or _agreeing(wording.counted(figure.unit), 5 if scale else figure.amount)
    return f"{qualifier}{amount} {unit}"


def _scale(amount: float) -> tuple[float, str]:
    """(size, word) to write an amount with: 712000000 → (1e6, "млн"); under ten thousand, (1, "")."""
    for size, word in SCALES:
        if amount >= max(size, 1e4):
            return size, word
    return 1.0, ""


def _human(number: float, step: float) -> str:
    """A number with the decimals its writing had and a comma: 43.8 → "43,8"; 1500 → "1 500"."""
    decimals = 0 if step >= 1 else min(3, round(-math.log10(step)))
    text = f"{number:,.{decimals}f}".replace(",", " ").replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def _agreeing(forms: tuple[str, str, str], amount: float) -> str:
    """The form of a unit word after a number: 1 год, 2 года, 5 лет, 1,5 года; after "млн", as after 5."""
    if not float(amount).is_integer():
        return forms[1]
    number = int(amount)
    if number % 10 == 1 and number % 100 != 11:
        return forms[0]
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return forms[1]
    return forms[2]


def _number(tokens, position: int) -> tuple[float, int, bool] | None:
    """(value, index after the number, written as a percent adjective) of a number starting here."""
    token = tokens[position]
    adjective = PERCENT_ADJECTIVE.match(token.text)
    if adjective:
        return _float(adjective.group(1)), position + 1, True
    if NUMBER.match(token.text):
        value, after = token.text, position + 1
        while after < len(tokens) and GROUP.match(tokens[after].text) and len(token.text) <= 3 \
                and tokens[after].start > tokens[after - 1].start + len(tokens[after - 1].text):
            value += tokens[after].text
            after += 1
        return _float(value), after, False
    lemma = _lemma(token)
    if token.pos == "NUM" and lemma in NUMERALS:
        value, after = 0.0, position
        while after < len(tokens) and _lemma(tokens[after]) in NUMERALS and tokens[after].pos == "NUM":
            value += NUMERALS[_lemma(tokens[after])]
            after += 1
        return (value, after, False) if after > position else None
    return None


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def _lemma(token) -> str:
    return token.lemma.rstrip(".")


def _unit_word(token) -> str:
    """The lemma, or the abbreviation as written when it names a unit ("мин" is not "мина")."""
    written = token.text.lower()
    return written if written in DURATIONS or written in CURRENCY_WORDS else _lemma(token)


def _noun_after(tokens, position: int) -> int | None:
    """The counted noun: the next noun, past at most three adjectives."""
    for offset in range(position, min(position + 4, len(tokens))):
        pos = tokens[offset].pos
        if pos in {"NOUN", "PROPN"}:
            return offset
        if pos not in {"ADJ", "DET"} and not (pos == "VERB" and "VerbForm=Part" in tokens[offset].feats):
            return None
    return None


def _genitive_after(tokens, position: int) -> int | None:
    """The end of a genitive noun phrase right after the figure ("… мирового предложения")."""
    end = None
    offset = position
    while offset < len(tokens) and tokens[offset].pos in {"ADJ", "DET"} and "Case=Gen" in tokens[offset].feats:
        offset += 1
    while offset < len(tokens) and tokens[offset].pos in {"NOUN", "PROPN"} and "Case=Gen" in tokens[offset].feats:
        if len(tokens[offset].text) < 2 or _lemma(tokens[offset]) in MULTIPLIERS or _lemma(tokens[offset]) in DURATIONS:
            break
        end = offset
        offset += 1
    return end


def _lead(tokens, first: int, last: int, kind: str) -> tuple[int, str | None]:
    """Move the start back over a qualifier ("свыше"), agreeing adjectives ("другими") and, for
    durations, their preposition ("в течение", "за последние"); return the start and the qualifier."""
    qualifier = None
    inside = set(range(first, last + 1))
    position = first - 1
    while position >= 0:
        token = tokens[position]
        lemma = _lemma(token)
        if qualifier is None and lemma in QUALIFIERS and token.pos in {"ADP", "ADV", "ADJ", "PART"}:
            qualifier = token.text.lower()
            position -= 1
            break
        if token.pos in {"ADJ", "DET"} and token.head in inside:
            inside.add(position)
            position -= 1
            continue
        if kind == "duration" and token.pos == "ADP":
            position -= 1
            break
        if kind == "duration" and lemma in DURATION_LEADS and position > 0 and tokens[position - 1].pos == "ADP":
            position -= 2
            break
        break
    start = position + 1
    if qualifier is None:
        head = tokens[first].head if tokens[first].head >= 0 else None
        candidates = [t for t in (head, first - 1) if t is not None and 0 <= t < len(tokens)]
        for candidate in candidates:
            if _lemma(tokens[candidate]) in QUALIFYING_VERBS and candidate < first:
                qualifier = tokens[candidate].text.lower()
                break
    return start, qualifier


def _about(tokens, first: int, last: int) -> list[int]:
    """Token indexes naming what the figure measures: its own words and the phrase it hangs from."""
    inside = range(first, last + 1)
    own = [i for i in inside if tokens[i].pos in {"NOUN", "PROPN", "ADJ"} and not _is_unit(tokens[i])
           and _lemma(tokens[i]) not in DURATION_LEADS]
    heads = [tokens[i].head for i in inside if not first <= tokens[i].head <= last and tokens[i].head >= 0]
    context: list[int] = []
    if heads:
        head = heads[0]
        for _ in range(2):
            context += _phrase(tokens, head)
            if _lemma(tokens[head]) not in MEASURE_NOUNS or tokens[head].head < 0:
                break
            head = tokens[head].head
    return sorted(set(own + [i for i in context if not first <= i <= last]))


def _phrase(tokens, head: int) -> list[int]:
    """A head word with its adjectives and genitive nouns; a verb with its subject."""
    words = [head]
    for i, token in enumerate(tokens):
        if token.head != head:
            continue
        if token.rel in {"amod", "nmod"} and token.pos in {"ADJ", "NOUN", "PROPN"} and abs(i - head) <= 4:
            words.append(i)
        elif token.rel.startswith("nsubj") and tokens[head].pos == "VERB":
            words += [i] + [j for j, t in enumerate(tokens) if t.head == i and t.pos in {"ADJ", "NOUN", "PROPN"}
                            and abs(j - i) <= 3]
    if len(words) == 1 and tokens[head].rel == "xcomp" and tokens[head].head >= 0:  # "планирует инвестировать"
        words += [i for i, t in enumerate(tokens) if t.head == tokens[head].head and t.rel.startswith("nsubj")]
    return words


def _is_unit(token) -> bool:
    return is_unit_word(_unit_word(token)) or bool(PERCENT_ADJECTIVE.match(token.text))


def is_unit_word(lemma: str) -> bool:
    """A word that only says how much or in what: "млн", "доллар", "процент", "год", "тонна"."""
    return lemma in MULTIPLIERS or lemma in CURRENCY_WORDS or lemma in PERCENT_WORDS or lemma in DURATIONS \
        or lemma in UNIT_SIGNS
