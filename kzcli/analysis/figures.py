"""Figures: numbers with a unit ("17 миллиардов долларов", "более 30% мировых запасов",
"свыше 500 американских компаний", "в течение пяти лет"), normalised from the tagged tokens.

Runs at indexing time over a sentence's tokens (lemmas, parts of speech, syntax);
dates are left to the chronology grammar and never read as figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
DURATIONS = {
    "год": ("years", 1), "десятилетие": ("years", 10), "век": ("years", 100), "столетие": ("years", 100),
    "месяц": ("months", 1), "неделя": ("weeks", 1), "день": ("days", 1), "сутки": ("days", 1),
    "час": ("hours", 1), "минута": ("minutes", 1), "мин": ("minutes", 1),
}
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
DURATION_LEADS = {"течение", "протяжение", "период"}
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
GROUP = re.compile(r"^\d{3}$")
PERCENT_ADJECTIVE = re.compile(r"^(\d+(?:[.,]\d+)?)-?процентн", re.IGNORECASE)
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}


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
    about: str  # the words saying what the figure measures
    lemmas: str  # content lemmas of `about` and the figure, for grouping


def sentence_figures(index: int, sent, dates: list) -> list[Figure]:
    """Every figure of one analysed sentence; `dates` are its date mentions, which are not figures."""
    tokens = sent.tokens
    dated = [(m.start, m.end) for m in dates]
    figures, position = [], 0
    while position < len(tokens):
        token = tokens[position]
        if any(start <= token.start < end for start, end in dated):
            position += 1
            continue
        figure = _figure_at(index, sent, position)
        if figure is None:
            position += 1
            continue
        figures.append(figure[0])
        position = figure[1]
    return figures


def _figure_at(index: int, sent, position: int) -> tuple[Figure, int] | None:
    tokens = sent.tokens
    number = _number(tokens, position)
    if number is None:
        return None
    amount, after, percent = number
    first = position
    currency = None
    if position > 0 and tokens[position - 1].text in CURRENCY_SIGNS:
        currency = CURRENCY_SIGNS[tokens[position - 1].text]
        first = position - 1
    while after < len(tokens) and _lemma(tokens[after]) in MULTIPLIERS:
        amount *= MULTIPLIERS[_lemma(tokens[after])]
        after += 1
        if after < len(tokens) - 1 and tokens[after].text == ".":  # "тыс." written with its dot
            after += 1
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
    lemmas = " ".join(sorted({_lemma(tokens[i]) for i in about_tokens if tokens[i].pos in CONTENT_POS}))
    figure = Figure(index, tokens[first].start, tokens[last].start + len(tokens[last].text), text, kind,
                    round(amount, 6), unit, qualifier, about, lemmas)
    return figure, last + 1


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
    word = _unit_word(token)
    return word in MULTIPLIERS or word in CURRENCY_WORDS or word in PERCENT_WORDS or word in DURATIONS \
        or bool(PERCENT_ADJECTIVE.match(token.text))
