"""Other names of an organisation the corpus itself uses: abbreviations, compounds and short forms.

Read per article at index time (`article_names`), linked across the corpus after each change
(`alias_groups`); search then treats the members of a group as one name:

- an abbreviation defined in brackets, either way round: "Южный торговый союз (ЮТС)",
  "ЮТС (Южный торговый союз)", when its letters begin the name's words;
- an abbreviation used alone whose letters are the initials of exactly one name the corpus uses
  ("ЮТС" with "Южного торгового союза" in another article);
- a compound of the beginning of a name's first word and its second word ("Южсоюз" ~ "Южный союз", "Минсвязи" ~ "министерство связи");
- a short form of an organisation's name used alone ("Рыбпром" ~ "Рыбпромбанк").

Names are lemma sequences ("южный торговый союз"), the terms search indexes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

# Words an abbreviation skips: "Организация по безопасности и сотрудничеству" → ОБСЕ.
SKIPPED = frozenset("и в во на с со о об по для при из к от за де du of and for the".split())
ABBREVIATION = (2, 6)  # letters
KINDS = {"ORG": "org", "LOC": "place"}
SHORT_FORM = (4, 6)  # letters of a short form ("Сбер"); the full name has at least 3 more


def article_names(sentences) -> set[tuple[str, str, str]]:
    """(kind, name, short) rows of one article: "defined" (a name and its bracketed abbreviation),
    "org" or "place" (a name natasha found, as lemmas), "caps" (an all-capital word), "proper" (a
    proper noun, a full name a short form may stand for).

    "Южный торговый союз (ЮТС) открыл …" → ("defined", "южный торговый союз", "ютс"),
    ("org", "южный торговый союз", ""), ("caps", "ютс", "").
    """
    rows = set()
    for sent in sentences:
        tokens = sent.tokens
        for token in tokens:
            if _is_caps(token.text) and token.pos in ("PROPN", "NOUN", "X"):  # not "НО" of a capitalised headline
                rows.add(("caps", token.lemma, ""))
            elif token.pos == "PROPN" and token.text.isalpha() and len(token.text) > SHORT_FORM[1]:
                rows.add(("proper", token.lemma, ""))
        for entity in sent.entities:
            if entity.type in ("ORG", "LOC"):
                words = [t for t in tokens if entity.start <= t.start < entity.end]
                name = _words_before_bracket(words)
                if name and not (len(name) == 1 and _is_caps(name[0].text)):
                    rows.add((KINDS[entity.type], " ".join(t.lemma for t in name), ""))
        for index, token in enumerate(tokens):
            if token.text != "(" or index + 2 >= len(tokens):
                continue
            inner, after = tokens[index + 1], tokens[index + 2]
            if _is_caps(inner.text) and after.text == ")":  # Южный торговый союз (ЮТС)
                name = _aligned_name(inner.text, _words_before(tokens, index))
                if name:
                    rows.add(("defined", " ".join(t.lemma for t in name), inner.lemma))
            elif index > 0 and _is_caps(tokens[index - 1].text):  # ЮТС (Южный торговый союз)
                closing = next((i for i in range(index + 1, min(len(tokens), index + 10)) if tokens[i].text == ")"), None)
                words = tokens[index + 1: closing] if closing else []
                if words and all(t.text.isalpha() for t in words) and initials_match(
                        tokens[index - 1].text.lower(), [t.text.lower() for t in words]):
                    rows.add(("defined", " ".join(t.lemma for t in words), tokens[index - 1].lemma))
    return rows


def alias_groups(rows: list[tuple[str, str, str]]) -> list[list[tuple[str, str]]]:
    """Groups of (name, kind) that name one organisation, from the whole corpus's `article_names` rows;
    kind is "name", "abbreviation", "compound" or "short form"."""
    names = {name for kind, name, _ in rows if kind in ("org", "place")}
    orgs = {name for kind, name, _ in rows if kind == "org" and " " not in name and name.isalpha()}
    proper = sorted(orgs | {name for kind, name, _ in rows if kind in ("place", "proper") and name.isalpha()})
    defined = {(name, short) for kind, name, short in rows if kind == "defined"}
    caps = {name for kind, name, _ in rows if kind == "caps"}
    kinds: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    def join(name: str, other: str, other_kind: str) -> None:
        kinds.setdefault(name, "name")
        kinds[other] = other_kind
        parent.setdefault(name, name)
        parent.setdefault(other, other)
        parent[find(other)] = find(name)

    for name, short in sorted(defined):
        join(name, short, "abbreviation")
    several = sorted(name for name in names | {name for name, _ in defined} if " " in name)
    spelled = defaultdict(list)  # one name with its words read to other lemmas ("южноморской" ~ "южноморский")
    for name in several:
        spelled[tuple(word[:max(3, len(word) - 2)] for word in name.split())].append(name)
    for variants in spelled.values():
        for variant in variants[1:]:
            join(variants[0], variant, "name")
    by_initials = defaultdict(set)
    for name in several:
        by_initials["".join(word[0] for word in name.split() if word not in SKIPPED)].add(name)
    for short in sorted(caps - {short for _, short in defined}):
        found = by_initials.get(short, set())
        if len(found) == 1:
            join(found.pop(), short, "abbreviation")
    pairs = defaultdict(list)  # a two-word name by the first letters of its second word
    for name in several:
        words = name.split()
        if len(words) == 2:
            pairs[words[1][:3]].append(words)
    single = sorted(name for name in names if " " not in name and name.isalpha())
    for word in single:
        for cut in range(2, min(6, len(word) - 4) + 1):
            head, tail = word[:cut], word[cut:]
            for first, second in pairs.get(tail[:3], ()):
                if first.startswith(head) and len(first) > cut and _same_word(tail, second):
                    join(f"{first} {second}", word, "compound")
    for short in sorted(orgs):
        if SHORT_FORM[0] <= len(short) <= SHORT_FORM[1]:
            for full in proper[bisect_right(proper, short):]:
                if not full.startswith(short):
                    break
                if len(full) >= len(short) + 3:
                    join(full, short, "short form")
    groups = defaultdict(list)
    for name in parent:
        groups[find(name)].append((name, kinds[name]))
    return [sorted(group) for _, group in sorted(groups.items())]


def initials_match(abbreviation: str, words: list[str]) -> bool:
    """True when the abbreviation's letters begin the words in order, each content word giving one
    letter or more and skipped words none: "мчс" ~ министерство по чрезвычайным ситуациям."""
    if not words:
        return not abbreviation
    word, rest = words[0], words[1:]
    if word in SKIPPED and initials_match(abbreviation, rest):
        return True
    return any(abbreviation[:size] == word[:size] and initials_match(abbreviation[size:], rest)
               for size in range(1, min(len(word), len(abbreviation)) + 1))


def _aligned_name(abbreviation: str, words) -> list:
    """The shortest run of words ending before the bracket whose initials give the abbreviation."""
    letters = abbreviation.lower()
    for size in range(1, len(words) + 1):
        run = words[-size:]
        if run[0].text.lower() in SKIPPED:
            continue
        if initials_match(letters, [t.text.lower() for t in run]):
            return run
    return []


def _words_before(tokens, index: int, limit: int = 8) -> list:
    words = []
    for token in reversed(tokens[max(0, index - limit): index]):
        if not token.text.isalpha():
            break
        words.insert(0, token)
    return words


def _words_before_bracket(words) -> list:
    name = []
    for token in words:
        if token.text == "(":
            break
        if token.text.isalpha():
            name.append(token)
    return name


def _is_caps(text: str) -> bool:
    return ABBREVIATION[0] <= len(text) <= ABBREVIATION[1] and text.isalpha() and text.isupper()


def _same_word(tail: str, word: str) -> bool:
    """A compound's tail is the name's word in another case: "обороны" ~ "оборона"."""
    common = len(word) - 1
    return abs(len(tail) - len(word)) <= 1 and len(word) >= 4 and tail[:common] == word[:common]
