"""Person names: mentions from natasha's PER spans, and their grouping into people.

Russian surnames inflect (Токаев, Токаеву, Токаевым) and the lemmatiser guesses
wrong on them (Токаеву → "токаева", С.Гора → "гора", Путин → "путина"), so a
surname is grouped by a *key* (the form with its case ending cut off after a
consonant) and displayed in the form natasha's tagger read as nominative in
context; when the text never uses the nominative, it is rebuilt from the key.
Nothing here loads a model: index time passes a dictionary lookup in, and pymorphy2's dictionary
loads only when a role's adjective is put to agree with its noun.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from ..lang.dictionary import nominative
from ..lang.text import normal_word
from .roles import FEMININE_SURNAME_ENDINGS, MASCULINE_SURNAME_ENDINGS, is_role_noun

# Case endings of nouns and adjectival surnames, longest first.
CASE_ENDINGS = ("ого", "ому", "ыми", "ими", "ым", "им", "ом", "ем", "ой", "ою", "ий", "ый", "ая", "ую",
                "а", "у", "е", "ы", "я", "ю")
BRACKETS = "[](){}«»\"“”„"  # an editor's insertion may cut through a name: "[бывшего капитана команды Томаса] Гросса"
VOWELS = set("аеёиоуыэюяaeiouy")
FUNCTION_POS = {"ADP", "CCONJ", "SCONJ", "PART"}
INITIAL = re.compile(r"^[А-ЯЁA-Z]$")
# A patronymic in any case: Викторович, Сергеевна, Ильинична, Мамед оглы, Нурлан улы, Айгуль кызы.
TURKIC = "оглы|улы|уулу|кызы|қызы"  # written apart or joined to the father's name, never declined
TURKIC_PATRONYMIC = re.compile(rf"(?:{TURKIC})$", re.IGNORECASE)
PATRONYMIC = re.compile(rf"(?:[ео]вич|[ео]вн|[иы]чн|{TURKIC})[а-яё]*$", re.IGNORECASE)
# A dictionary word's (part of speech, first reading is a name, some reading is a name, some reading is
# animate); None when unknown.
Lookup = Callable[[str], "tuple[str, bool, bool, bool] | None"]


@dataclass(slots=True)
class Mention:
    """One occurrence of a person's name in an article, with any role words peeled off."""

    sent: int
    start: int  # offsets of the name (role words excluded) in the sentence
    end: int
    text: str
    first: str  # nominative first name, "" when not given
    initial: str  # "К" for "К.Токаев"; the first name's initial when it is given
    surname: str  # the surname as written
    key: str  # grouping key of the surname (lower case, case ending cut)
    nominative: bool  # the tagger read the surname as nominative here
    gender: str  # Masc | Fem | ""
    role: str = ""


@lru_cache(maxsize=1 << 16)  # the people pass keys every name of the corpus on each update
def surname_key(word: str) -> str:
    """Токаеву, Токаевым, Токаев → "токаев"; Гора → "гор"; Нуртлеу, Рубио stay as they are; a double
    surname part by part: Вершининой-Ким, Вершинина-Ким → "вершинин-ким"."""
    if "-" in word.strip("-"):
        return "-".join(surname_key(part) for part in word.split("-"))
    word = word.lower().replace("ё", "е")
    for ending in CASE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1] not in VOWELS:
            return stem
    return word


@lru_cache(maxsize=1 << 16)
def name_sound(word: str) -> str:
    """A rough sound key for typo-tolerant name matching: Токаефф and Токаев both read "tokaef"."""
    from ..lang.translit import to_latin

    latin = re.sub(r"(.)\1+", r"\1", to_latin(word))
    return latin.replace("w", "v").replace("v", "f").replace("y", "i")


def person_keys(name: str, aliases: Iterable[str]) -> set[tuple[str, str, bool]]:
    """(surname key, its sound, whether it is the first word) a --person value is matched against: the last
    word of the name and of each alias, and the name's first word ("Касым-Жомарт" alone names him too).

    >>> sorted(person_keys("Касым-Жомарт Токаев", ["Токаеву"]))
    [('касым-жомарт', 'kasim-zhomart', True), ('токаев', 'tokaef', False)]
    """
    keys = {surname_key(re.split(r"[\s.]+", alias)[-1]) for alias in [name, *aliases]}
    found = {(key, name_sound(key), False) for key in keys}
    if " " in name:
        first = surname_key(name.split()[0])
        found.add((first, name_sound(first), True))
    return found


def _feats(token) -> dict[str, str]:
    return dict(part.split("=", 1) for part in token.feats.split("|") if "=" in part)


def _is_role_word(word: str, lookup: Lookup) -> bool:
    """A dictionary noun for a person that is not also a name: Президент, Госсекретарь, Посол (not
    София, which the dictionary knows as a city only, nor Си)."""
    reading = lookup(word)
    return bool(reading) and reading[0] == "NOUN" and not reading[2] and reading[3]


def _is_name_like(word: str, lookup: Lookup) -> bool:
    """Rejects one-word "names" the NER tagger took from adjectives and verbs (Кыргызский, Напомним)."""
    reading = lookup(word)
    return reading is None or reading[0] == "NOUN" or reading[1]


def sentence_mentions(index: int, sent, lookup: Lookup) -> list[Mention]:
    """Person mentions among a sentence's PER entities."""
    mentions = []
    for entity in sent.entities:
        if entity.type != "PER":
            continue
        tokens = _with_surname_before_initials(sent, [t for t in sent.tokens if entity.start <= t.start < entity.end])
        words = [t for t in tokens if t.pos != "PUNCT"]
        if all(INITIAL.match(w.text) for w in words):  # "С.Т." alone names no one
            continue
        while len(words) > 1 and words[0].pos in FUNCTION_POS:  # "При Токаеве" at a sentence start
            words.pop(0)
        role_words = []
        while len(words) > 1 and _is_role_word(words[0].text, lookup) and (
                words[0] is sent.tokens[0] or is_role_noun(words[0].lemma)):
            role_words.append(words.pop(0))  # "с главой МИД Хаканом Фиданом": "хакан" names a title, not him
        if not words or (len(words) == 1 and (words[0].pos not in {"PROPN", "NOUN"} or not _is_name_like(words[0].text, lookup))):
            continue
        if not all(w.text[:1].isupper() for w in words):
            continue
        count = len(words) + len(role_words)
        names = _names_in(words)
        for offset, group in names:
            mention = _mention(index, sent, entity, group, len(role_words) + offset, count)
            if len(names) == 1:
                mention.role = " ".join(w.lemma for w in role_words) or _role_before(sent, tokens, lookup)
            elif offset:  # "адвокат Карипова" is the role of the name after the owner, not the owner's
                mention.role = _role_before(sent, [t for t in tokens if t.start >= group[0].start], lookup)
            mentions.append(mention)
    return mentions


def _with_surname_before_initials(sent, tokens: list) -> list:
    """An entity's tokens, with the surname before them where the tagger took only the initials after it:
    "Бекмуратова С.Т. отметила" tagged "С.Т." alone."""
    at = sent.tokens.index(tokens[0]) if tokens else 0
    before = sent.tokens[at - 1] if at > 0 else None
    if before is None or not all(INITIAL.match(t.text) or t.pos == "PUNCT" for t in tokens) or before.pos != "PROPN" \
            or INITIAL.match(before.text) or not before.text[:1].isupper() \
            or sent.text[before.start + len(before.text):tokens[0].start] != " ":
        return tokens
    return [before] + tokens


def _names_in(words) -> list[tuple[int, list]]:
    """The names one PER span holds, with their offsets: the tagger runs an owner in the genitive into
    the name after it ("Адвокат Карипова Дина Омарова": Карипова is whose lawyer Омарова is)."""
    for k in range(1, len(words)):
        owner, name = words[k - 1], words[k]
        if owner.rel == "nmod" and name.rel == "appos" and \
                _feats(owner).get("Case") == "Gen" and _feats(name).get("Case") == "Nom":
            return [(0, words[:k]), (k, words[k:])]
    return [(0, words)]


def _mention(index: int, sent, entity, words, position: int, count: int) -> Mention:
    """A mention of the name `words`, whose first word is the `position`-th of the entity's `count`; a
    surname before initials, as official texts write it ("Смагулова А.К.", "Петров А. заявил"), is read
    as "А. Смагулова" (never "Лю Ю", a one-letter given name with no stop after it)."""
    surname, first = words[-1], words[:-1]
    if _initials_after(sent, words):
        surname, first = words[0], words[1:2]
    feats = _feats(surname)
    woman = _woman_subject(sent, surname)
    end = words[-1].start + len(words[-1].text)
    mention = Mention(
        sent=index, start=words[0].start, end=end, text=sent.text[words[0].start:end],
        first="", initial="", surname=surname.text, key=surname_key(surname.text),
        nominative=woman or surname.pos == "PROPN" and feats.get("Case") == "Nom",
        gender="Fem" if woman else feats.get("Gender", "") if surname.pos == "PROPN" else "",
    )
    if first:
        given = first[0]
        if INITIAL.match(given.text):
            mention.initial = given.text
        else:
            mention.first = given.text if woman else _first_name(entity, given, position + len(first), count)
            if mention.first == given.text and "Case=Ins" in given.feats + surname.feats:
                mention.first = _instrumental_first(given.text)
            elif not woman and mention.first == given.text and all("Case=Gen" in t.feats and "Gender=Masc" in t.feats
                                                      for t in (given, surname)):
                mention.first = _genitive_first(given.text)
            mention.initial = mention.first[:1]
    return mention


def _initials_after(sent, words) -> bool:
    """Whether a name is a surname then initials, each with its stop: "Смагулова А.К.", "Петров А. заявил".
    A lone one whose stop ends the sentence counts after a surname of Russian form only ("… сообщил
    Петров А."; "… встретился с Лю Ю." names a man Лю Ю)."""
    initials = words[1:]
    if not initials or INITIAL.match(words[0].text) or not all(INITIAL.match(w.text) for w in initials):
        return False
    stops = [sent.text[w.start + 1: w.start + 2] == "." for w in initials]
    sentence_end = len(initials) == 1 and sent.text[initials[-1].start + 2:].strip() == ""
    russian_surname = len(words) == 2 and words[0].text.lower().endswith(FEMININE_SURNAME_ENDINGS + MASCULINE_SURNAME_ENDINGS)
    return all(stops) and (not sentence_end or russian_surname)


def _woman_subject(sent, surname) -> bool:
    """The name is the subject of a verb in the feminine past, itself or in apposition to it: "Делегацию
    возглавила замминистра Гулноза Рахимова", which the tagger may read as a man's genitive. Her names
    are then as written, in the nominative; not when another nominative hangs on the verb, the subject
    the parser missed ("Кандидатуру Тимура Жакупова поддержала фракция")."""
    tokens = sent.tokens
    i = next((j for j, token in enumerate(tokens) if token is surname), None)
    for _ in range(4):
        if i is None or tokens[i].head < 0:
            return False
        if tokens[i].rel in {"nsubj", "nsubj:pass"}:
            head = tokens[i].head
            verb = _feats(tokens[head])
            other = any(t.head == head and k != i and t.pos in {"NOUN", "PROPN"} and "Case=Nom" in t.feats
                        for k, t in enumerate(tokens))  # "… поддержала партия": the subject it missed
            return verb.get("Gender") == "Fem" and verb.get("VerbForm") == "Fin" and not other
        if tokens[i].rel not in {"flat:name", "flat", "appos"}:
            return False
        i = tokens[i].head
    return False


def _first_name(entity, token, position: int, count: int) -> str:
    """The first name in the nominative: natasha's span normal when it lines up, else the text."""
    parts = entity.normal.split()
    if len(parts) == count and position - 1 < len(parts):
        candidate = parts[position - 1].strip(BRACKETS)
        if candidate[:2].lower() == token.text[:2].lower():
            return candidate
    return token.text.strip(BRACKETS)


def _instrumental_first(written: str) -> str:
    """A man's first name the tagger reads in the instrumental and natasha left as written: "Нурланом" →
    "Нурлан", "Андреем" → "Андрей", "Игорем" → "Игорь"; as written when no such ending shows."""
    for ending in ("ом", "ём", "ем"):
        stem = written[: -len(ending)]
        if written.endswith(ending) and len(stem) >= 3:
            return stem if ending == "ом" else stem + ("й" if stem[-1].lower() in VOWELS else "ь")
    return written


def _genitive_first(written: str) -> str:
    """A man's first name the tagger reads in the genitive, with his surname, and natasha left as written,
    taking it for a woman's: "советника Лазиза Кудратова" → "Лазиз"; as written when no such ending shows."""
    stem = written[:-1]
    return stem if written.endswith("а") and len(stem) >= 3 and stem[-1].lower() not in VOWELS else written


def _role_before(sent, name_tokens, lookup: Lookup) -> str:
    """The role phrase a name stands in apposition to: "министр торговли США Говард Латник", its
    adjectives agreeing with its noun ("американская теннисистка"); a role noun opening the sentence
    may be tagged a proper noun ("Аким области Асхат Берденов"), a surname there may not ("Гребень Анна", a
    byline)."""
    positions = {id(t): i for i, t in enumerate(sent.tokens)}
    indexes = [positions[id(t)] for t in name_tokens]
    first = min(indexes)
    for i in indexes:
        head = sent.tokens[i].head
        if head < 0 or head >= first or head in indexes:
            continue
        head = _role_above_genitives(sent, head, sent.tokens[i])
        noun = sent.tokens[head]
        animate, agrees = _animate_and_agreeing(noun, sent.tokens[i])
        words = sum(t.pos != "PUNCT" for t in sent.tokens[head:first])  # "(ГКДМ)" counts as one word
        opening = head == 0 and noun.pos == "PROPN" and (is_role_noun(noun.lemma) or _is_role_word(noun.text, lookup))
        if (noun.pos != "NOUN" and not opening) or words > 9 or not (agrees and animate):
            continue
        if _name_between(sent, head, first):
            continue
        start = head
        while start > 0 and sent.tokens[start - 1].head == head and sent.tokens[start - 1].pos == "ADJ":
            start -= 1
        gender = _feats(noun).get("Gender")
        lemmas = " ".join(nominative(t, False, gender) if t.pos == "ADJ" or "VerbForm=Part" in t.feats else t.lemma
                          for t in sent.tokens[start: head + 1])
        rest = sent.text[noun.start + len(noun.text): sent.tokens[first].start]
        return (lemmas + rest).strip(" ,—–-")
    return ""


def _animate_and_agreeing(noun, name) -> tuple[bool, bool]:
    """A role noun names a person and stands in the name's case (an animate accusative is written as the
    genitive)."""
    cases = {_feats(noun).get("Case"), _feats(name).get("Case")}
    return _feats(noun).get("Animacy") == "Anim", len(cases) == 1 or cases == {"Acc", "Gen"}


def _role_above_genitives(sent, head: int, name) -> int:
    """The token a name stands in apposition to, where the parser hung the name on a genitive word of
    the role phrase instead ("Руководитель управления связи Д. Сапаров": "Д" on "управления"): up the
    chain of genitive dependents to the first noun that is animate and agrees with the name in case and
    number, else `head` ("встреча глав ведомств двух стран М.Иванова и П.Петрова" names no one's role)."""
    above = head
    while not all(_animate_and_agreeing(sent.tokens[above], name)) and sent.tokens[above].rel == "nmod" \
            and _feats(sent.tokens[above]).get("Case") == "Gen" and 0 <= sent.tokens[above].head < above:
        above = sent.tokens[above].head
    found = all(_animate_and_agreeing(sent.tokens[above], name)) \
        and _feats(sent.tokens[above]).get("Number") == _feats(name).get("Number", "Sing")
    return above if found else head


def _name_between(sent, head: int, first: int) -> bool:
    """Another person's name stands between a role noun (token `head`) and the name (from token `first`),
    so the role is not this name's: "президента клуба Олега Рябова и главы организации Анны Морозовой", or a
    name in the nominative ("Канцлер Иван Петров Канцлер Иван Петров", repeated by a page). The owner's
    genitive name right after the noun may stand there ("Адвокат Карипова Дина Омарова")."""
    lo, hi = sent.tokens[head].start, sent.tokens[first].start
    owner = sent.tokens[head + 1].start if head + 1 < first else None
    for entity in (e for e in sent.entities if e.type == "PER"):
        if lo < entity.start < hi and entity.start != owner:
            return True
        if any(lo < t.start < hi and t.pos == "PROPN" and _feats(t).get("Case") == "Nom"
               for t in sent.tokens if entity.start <= t.start < entity.end):
            return True
    return False


def link_first_names(mentions: list[Mention]) -> None:
    """A lone first name ("Канатбек") joins the full name it belongs to in the same article."""
    full = {normal_word(m.first): m for m in mentions if m.first}
    for mention in mentions:
        if not mention.first and not mention.initial:
            owner = full.get(normal_word(mention.surname))
            if owner and owner.key != mention.key:
                mention.first, mention.initial = owner.first, owner.initial
                mention.key, mention.surname, mention.nominative = owner.key, "", False


# -- people across the corpus --------------------------------------------------


@dataclass
class Person:
    pid: int
    key: str
    first: str
    initial: str
    name: str = ""
    role: str = ""


def cluster(mentions: Iterable[tuple[int, Mention]]) -> tuple[list[Person], list[int]]:
    """Group (article, mention) pairs into people; returns the people and each mention's person id.

    Within one surname key, each distinct first name (Семён and Семен alike) is a person; an initial
    joins the one first name it fits; a bare surname joins the person of that
    surname in the same article, else the corpus's only (or most mentioned) one.
    """
    mentions = list(mentions)
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, (_, mention) in enumerate(mentions):
        by_key[mention.key].append(index)
    people: list[Person] = []
    owner = [-1] * len(mentions)
    for key, indexes in by_key.items():
        firsts = Counter(normal_word(mentions[i][1].first) for i in indexes if mentions[i][1].first)
        group: dict[str, Person] = {}
        for first in firsts:
            group[first] = Person(len(people), key, first, first[:1])
            people.append(group[first])
        for initial in sorted({mentions[i][1].initial.lower() for i in indexes if not mentions[i][1].first} - {""}):
            fits = [p for p in group.values() if p.initial == initial]
            if len(fits) == 1:
                group["." + initial] = fits[0]
            else:
                group["." + initial] = Person(len(people), key, "", initial)
                people.append(group["." + initial])
        for i in indexes:
            mention = mentions[i][1]
            if mention.first:
                owner[i] = group[normal_word(mention.first)].pid
            elif mention.initial:
                owner[i] = group["." + mention.initial.lower()].pid
        _place_bare_surnames(mentions, indexes, owner, people, key)
    owned: dict[int, list[Mention]] = defaultdict(list)
    for (_, mention), pid in zip(mentions, owner):
        owned[pid].append(mention)
    for person in people:
        own = owned[person.pid]
        person.name = display_name(own)
        roles = Counter(m.role for m in own if m.role)
        person.role = max(roles, key=lambda role: (roles[role], len(role))) if roles else ""
    return people, owner


def _place_bare_surnames(mentions, indexes, owner, people, key) -> None:
    named = [i for i in indexes if owner[i] >= 0]
    totals = Counter(owner[i] for i in named)
    in_article: dict[int, set[int]] = defaultdict(set)
    for i in named:
        in_article[mentions[i][0]].add(owner[i])
    fallback, most_mentioned = None, totals.most_common(1)[0][0] if totals else None
    for i in indexes:
        if owner[i] >= 0:
            continue
        local = in_article.get(mentions[i][0], set())
        if len(local) == 1:
            owner[i] = next(iter(local))
        elif local:
            owner[i] = max(local, key=lambda pid: totals[pid])
        elif most_mentioned is not None:
            owner[i] = most_mentioned
        else:
            if fallback is None:
                fallback = Person(len(people), key, "", "")
                people.append(fallback)
            owner[i] = fallback.pid


def _spelling(forms: Counter) -> str:
    """The most written form, counting Семён and Семен as one and writing it with ё if any source does
    (nobody writes ё for е); the shorter on a tie."""
    folded = Counter()
    for form, count in forms.items():
        folded[normal_word(form)] += count
    return max(forms, key=lambda form: (folded[normal_word(form)], "ё" in form.lower(), forms[form], -len(form)))


# A man's first name's case, by the letters its written form adds to its nominative: "Сергея" is "Сергей"
# + "я"; and what each case adds to a surname then: (ending, what replaces it in the nominative).
FIRST_NAME_CASES = {"а": "gen", "я": "gen", "ом": "ins", "ем": "ins", "ём": "ins", "е": "loc"}
SURNAME_CASES = {  # adjectival surnames first: Достоевского, Толстого
    "gen": (("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("а", ""), ("я", "ь")),  # Петрова, Герша, Гуся
    "ins": (("ским", "ский"), ("цким", "цкий"), ("ым", ""), ("им", ""), ("ом", ""), ("ем", ""), ("ой", "а"),
            ("ей", "я")),  # Петровым, Гершем, Сковородой
    "loc": (("ском", "ский"), ("цком", "цкий"), ("ом", "ой"), ("е", "")),  # о Петрове, о Герше, о Толстом
}


def _first_case(mention: Mention) -> str:
    """The case a man's first name is written in, when its ending shows it: "nom" for "Сергей", "gen" for
    "Сергея", "ins" for "Андреем"; "" when there is no first name or the ending tells nothing."""
    if not mention.first or mention.gender == "Fem" or not mention.text:
        return ""
    written = mention.text.split()[0]
    if normal_word(written) == normal_word(mention.first):
        return "nom"
    base = normal_word(mention.first)
    if not normal_word(written).startswith(base[:-1] if base[-1:] in "йь" else base):
        return ""
    added = normal_word(written)[len(base) - (base[-1:] in "йь"):]
    return FIRST_NAME_CASES.get(added, "")


def _surname_by_first_name(mention: Mention) -> str | None:
    """A man's surname in the nominative, by the case his first name is written in: "Аркадия Тажигу" is
    "Тажигу" (a genitive surname would end in "-а"), "Андреем Сковородой" "Сковорода", "Яковом Гершем"
    "Герш", "Тимура Жаксыбекова" "Жаксыбеков"; None when the first name does not tell."""
    case = _first_case(mention)
    if case not in SURNAME_CASES:
        return None
    surname = mention.surname
    for ending, replacement in SURNAME_CASES[case]:
        stem = surname[: len(surname) - len(ending)]
        if surname.lower().endswith(ending) and len(stem) >= 3 and stem[-1].lower() not in VOWELS:
            return stem + replacement
    return surname if case == "gen" else None  # no genitive ending: it does not decline ("Тажигу", "Дюбуа")


def display_name(mentions: list[Mention]) -> str:
    """The fullest nominative name: "Касым-Жомарт Токаев", else "К.Токаев", else "Токаев"; a second given
    name written between, in the nominative, stays ("Мустафа Кемаль Аслан"); a patronymic does not
    ("Андрей Викторович Семенов" → "Андрей Семенов")."""
    surname = nominative_surname(mentions)
    firsts = Counter(m.first for m in mentions if m.first)
    if firsts:
        first = _spelling(firsts)
        middles = Counter(middle for m in mentions if (middle := _middle_name(m, first)))
        return f"{first} {_spelling(middles)} {surname}" if middles else f"{first} {surname}"
    initials = Counter(m.initial for m in mentions if m.initial)
    if initials:
        return f"{initials.most_common(1)[0][0]}.{surname}"
    return surname


def _middle_name(mention: Mention, first: str) -> str:
    """The given names a nominative mention writes between `first` and the surname, when none is a
    patronymic or an initial: "Кемаль" of "Мустафа Кемаль Аслан"; "" for "Андрей Викторович Семенов"."""
    words = mention.text.split()
    if not mention.nominative or len(words) < 3 or normal_word(words[0]) != normal_word(first):
        return ""
    middle = words[1:-1]
    if any(PATRONYMIC.search(word) or not word[:1].isupper() or not word.isalpha() for word in middle):
        return ""
    return " ".join(middle)


def nominative_surname(mentions: list[Mention]) -> str:
    written = [m for m in mentions if m.surname]
    nominative = Counter(m.surname for m in written if m.nominative and _first_case(m) in ("", "nom"))
    if nominative:
        return _spelling(nominative)
    if not written:
        return ""
    implied = Counter(form for form in map(_surname_by_first_name, written) if form)
    if implied:
        return _spelling(implied)
    indeclinable = [m.surname for m in written if TURKIC_PATRONYMIC.search(m.surname)]
    if indeclinable:  # "с акимом Нурланом Абенулы": "-улы", "-кызы", "-оглы" never decline
        return _spelling(Counter(indeclinable))
    genders = Counter(m.gender for m in written if m.gender)
    female = bool(genders) and genders.most_common(1)[0][0] == "Fem"
    sample = written[0].surname
    stem = sample[: len(written[0].key)]
    if len({m.surname for m in written}) == 1 and stem == sample:
        return sample
    if stem.lower().endswith(("ск", "цк")):
        return stem + ("ая" if female else "ий")
    if female and stem.lower().endswith(("ов", "ев", "ёв", "ин", "ын")):
        return stem + "а"
    return stem
