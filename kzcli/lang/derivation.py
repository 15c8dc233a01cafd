"""Derivational roots of Russian lemmas: what "нефть" and "нефтяной", "миграция" and "мигрант" share.

A lemma loses its ending and then its derivational suffixes (-ский, -ный, -ян-, -ец, -ция, -ант, -ств-, …),
longest first, while at least four letters stay. Two lemmas are relatives when their roots are equal or
one adds a single letter to the other (москв-а ~ моск-овский); "министр" and "министер-ство" are not.
Meaning is checked at index time against navec (see index/passes.py); this module only cuts words.
"""

from __future__ import annotations

import re

MIN_ROOT = 4
RUSSIAN_WORD = re.compile(r"[а-яё]+")
# Endings and suffixes together; a lemma is cut repeatedly, each time by the longest that fits.
SUFFIXES = {
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ия", "а", "я", "о", "е", "ь", "ы", "и", "й",
    "ционн", "ация", "яция", "иция", "ция", "ическ", "ческ", "еск", "ск", "ств", "ство", "тельн", "тель",
    "ость", "ение", "ание", "ени", "ани", "ник", "щик", "чик", "ист", "изм", "ант", "ент", "ец", "ян", "ан",
    "ов", "ев", "ин", "ик", "ика", "ичн", "льн",
}
SUFFIX_LENGTHS = sorted({len(suffix) for suffix in SUFFIXES}, reverse=True)


def derivation_root(lemma: str) -> str:
    """The lemma without its ending and derivational suffixes: "нефтяной" → "нефт", "миграция" → "мигр",
    "московский" → "моск", "министерство" → "министер"; a lemma of four letters or fewer stays whole."""
    word = lemma.lower().replace("ё", "е")
    cut = True
    while cut:
        cut = False
        for length in SUFFIX_LENGTHS:
            if len(word) - length >= MIN_ROOT and word[-length:] in SUFFIXES:
                word, cut = word[:-length], True
                break
    return word


def has_root(term: str) -> bool:
    """Whether a term takes part in derivation: a Russian word of four letters or more."""
    return len(term) >= MIN_ROOT and RUSSIAN_WORD.fullmatch(term) is not None


def related_roots(a: str, b: str) -> bool:
    """Roots of relatives: equal, or one is the other with a letter more ("москв" ~ "моск");
    "мигрен" is no relative of "мигр"."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= MIN_ROOT and longer.startswith(shorter) and len(longer) - len(shorter) <= 1
