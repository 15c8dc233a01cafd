"""Latin ↔ Cyrillic transliteration of names, tolerant rather than exact.

Several Latin spellings of one Russian name exist (Tokayev, Tokaev; Vorobyov, Vorobjov, Vorobev),
so `latin_spellings` gives a Cyrillic word its spellings in the schemes news uses (iuliia's Wikipedia,
BGN/PCGN, passport, MVD, Moscow metro, Yandex, Telegram and scientific schemes), and `to_cyrillic`
gives a Latin word ("Foodberry") a few Cyrillic readings; both are matched with a small edit
distance on `latin_key`, which evens out the schemes' letter choices.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

# Longest first; each Latin cluster may have more than one reading.
LATIN_CLUSTERS = [
    ("shch", ["щ"]), ("sch", ["щ", "ш"]), ("zh", ["ж"]), ("kh", ["х"]), ("ch", ["ч", "к", "ш"]), ("sh", ["ш"]),
    ("ts", ["ц"]), ("tz", ["ц"]), ("yu", ["ю"]), ("ya", ["я"]), ("yo", ["ё"]), ("ye", ["е", "ье"]),
    ("ie", ["ие", "ье"]), ("iy", ["ий"]), ("yi", ["ий"]), ("ay", ["ай", "а"]), ("ey", ["ей", "е"]),
    ("oy", ["ой"]), ("uy", ["уй"]), ("ph", ["ф"]), ("th", ["т"]), ("ck", ["к"]), ("qu", ["кв"]),
    ("ou", ["у"]), ("oo", ["у"]), ("ee", ["и"]), ("ea", ["и"]), ("gh", ["г"]), ("wh", ["у"]),
    ("a", ["а"]), ("b", ["б"]), ("c", ["к", "ц", "с"]), ("d", ["д"]), ("e", ["е", "э"]), ("f", ["ф"]),
    ("g", ["г", "дж"]), ("h", ["х"]), ("i", ["и", "ай"]), ("j", ["дж", "ж", "й"]), ("k", ["к"]),
    ("l", ["л"]), ("m", ["м"]), ("n", ["н"]), ("o", ["о"]), ("p", ["п"]), ("q", ["к"]), ("r", ["р"]),
    ("s", ["с"]), ("t", ["т"]), ("u", ["у", "а"]), ("v", ["в"]), ("w", ["в", "у"]), ("x", ["кс"]),
    ("y", ["и", "й", "ы"]), ("z", ["з"]),
]
CYRILLIC_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
MAX_VARIANTS = 24
SCHEMES = ("WIKIPEDIA", "BGN_PCGN", "ICAO_DOC_9303", "MVD_782", "MOSMETRO", "YANDEX_MAPS", "TELEGRAM", "SCIENTIFIC")
LATIN_KEY = [("j", "y"), ("w", "v"), ("kh", "h"), ("ks", "x")]


def latin_key(word: str) -> str:
    """A Latin spelling with diacritics dropped, j/w/kh/ks as y/v/h/x and doubled letters single:
    latin_key("Vorobjov") == latin_key("Vorobyov") == "vorobyov"; "Ševron" → "sevron"."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))
    for old, new in LATIN_KEY:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=1 << 16)
def latin_spellings(word: str) -> tuple[str, ...]:
    """The Latin spellings of a Cyrillic word in the schemes news uses, as `latin_key`s:
    "Воробьёв" → ("vorobyov", "vorobev")."""
    import iuliia

    found = []
    for name in SCHEMES:
        key = latin_key(getattr(iuliia, name).translate(word))
        if key not in found and key.isascii():
            found.append(key)
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def cyrillic_readings(word: str, limit: int = 6) -> tuple[str, ...]:
    """The likeliest Cyrillic readings of a Latin word: "foodberry" → ("фудберри", "фудберрй", "фудбэрри", …)."""
    return tuple(to_cyrillic(word)[:limit])


def to_latin(word: str) -> str:
    """Standard (BGN-like) romanisation of a Cyrillic word."""
    return "".join(CYRILLIC_LETTERS.get(ch, ch) for ch in word.lower())


def to_cyrillic(word: str) -> list[str]:
    """Plausible Cyrillic readings of a Latin word, the most regular first."""
    pieces = []
    word = word.lower()
    index = 0
    while index < len(word):
        for cluster, readings in LATIN_CLUSTERS:
            if word.startswith(cluster, index):
                pieces.append(readings)
                index += len(cluster)
                break
        else:
            pieces.append([word[index]])
            index += 1
    variants = []
    for combination in itertools.islice(itertools.product(*pieces), 4096):
        variant = "".join(combination)
        if variant not in variants:
            variants.append(variant)
    variants.sort(key=lambda variant: _irregularity(variant, pieces))
    return variants[:MAX_VARIANTS]


def _irregularity(variant: str, pieces: list[list[str]]) -> int:
    """How many non-first readings a variant uses (0 for the most regular one)."""
    rest, cost = variant, 0
    for readings in pieces:
        for rank, reading in enumerate(readings):
            if rest.startswith(reading):
                rest, cost = rest[len(reading):], cost + rank
                break
    return cost
