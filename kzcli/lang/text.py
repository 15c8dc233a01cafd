"""Small text normalisations shared by indexing and queries (no NLP models)."""

from __future__ import annotations

import re

# Latin letters that look like Cyrillic ones, and back.
LATIN_TO_CYRILLIC = str.maketrans("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу")
CYRILLIC_TO_LATIN = str.maketrans("АаВСсЕеНКкМОоРрТХхУу", "AaBCcEeHKkMOoPpTXxYy")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"\w+")


def normal_word(word: str) -> str:
    """Lower case with ё folded to е, as natasha's lemmas are."""
    return word.lower().replace("ё", "е")


def written_yo(normal: str, written: str) -> str:
    """A normal form with the ё its written form has in the same place, which natasha's normal forms
    fold to е: ("Алена Зеленая", "Алёну Зелёную") → "Алёна Зелёная"; words that do not line up stay."""
    words, originals = normal.split(" "), written.split(" ")
    if len(words) != len(originals) or not any(ch in "ёЁ" for ch in written):
        return normal
    restored = []
    for word, original in zip(words, originals):
        letters = list(word)
        for i, (letter, was) in enumerate(zip(word, original)):
            if was in "ёЁ" and letter in "еЕ" and normal_word(word[:i]) == normal_word(original[:i]):
                letters[i] = "Ё" if letter == "Е" else "ё"
        restored.append("".join(letters))
    return " ".join(restored)


def fold_homoglyphs(text: str) -> str:
    """Fix words written mostly in Cyrillic with stray Latin look-alikes ("Вашингтонoм").

    The result has the same length as the input, so offsets stay valid.
    """
    def fix(match: re.Match) -> str:
        word = match.group(0)
        cyrillic = len(CYRILLIC.findall(word))
        latin = len(LATIN.findall(word))
        if cyrillic and latin and cyrillic > latin:
            return word.translate(LATIN_TO_CYRILLIC)
        return word

    return WORD.sub(fix, text)


def latin_code(text: str) -> str:
    """A code such as «С5+1» written with Cyrillic look-alikes, in Latin letters and lower case."""
    return text.translate(CYRILLIC_TO_LATIN).lower()
