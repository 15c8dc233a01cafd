"""Copies: the same story saved twice (an agency text on two sites, a page saved as .html and as .txt).

Each article keeps a small sketch of its text at indexing: the smallest hashes of its four-word
shingles (a bottom-k MinHash). Articles whose sketches share half their hashes are compared in full
(rapidfuzz over the lower-cased words), and are copies when the texts are near-equal and one's numbers
are among the other's: "соглашение номер 7" and "соглашение номер 8" are two stories.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

SKETCH_SIZE = 16
HASH_BYTES = 8
SHINGLE = 4  # words
MIN_WORDS = 40  # a shorter text is too short to call a copy
SHARED = SKETCH_SIZE // 2  # sketch hashes two copies share, at least
SIMILARITY = 85  # rapidfuzz ratio of the two texts' words
WORD = re.compile(r"\w+")
DIGITS = re.compile(r"\d+")


def text_sketch(texts: list[str]) -> bytes | None:
    """The sketch of an article's paragraphs (SKETCH_SIZE hashes of HASH_BYTES each, end to end), or None
    when the text is too short to tell a copy from a story that says the same thing."""
    words = WORD.findall(" ".join(texts).lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = sorted(hashlib.blake2b(shingle.encode("utf-8"), digest_size=HASH_BYTES).digest() for shingle in shingles)
    return b"".join(hashes[:SKETCH_SIZE])


def candidate_pairs(sketches: dict[int, bytes]) -> list[tuple[int, int]]:
    """Pairs of articles (by key) whose sketches share at least SHARED hashes."""
    owners: dict[bytes, list[int]] = defaultdict(list)
    for key, sketch in sketches.items():
        for at in range(0, len(sketch), HASH_BYTES):
            owners[sketch[at:at + HASH_BYTES]].append(key)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for keys in owners.values():
        if len(keys) > 50:  # a shingle that many texts share is boilerplate, not a story
            continue
        for i, first in enumerate(keys):
            for second in keys[i + 1:]:
                shared[(min(first, second), max(first, second))] += 1
    return sorted(pair for pair, count in shared.items() if count >= SHARED)


def is_copy(first: str, second: str) -> bool:
    """Whether two article texts are one story: near-equal words, and the numbers of one all in the other."""
    from rapidfuzz import fuzz

    words = [" ".join(WORD.findall(text.lower())) for text in (first, second)]
    numbers = [set(DIGITS.findall(text)) for text in (first, second)]
    return fuzz.ratio(*words) >= SIMILARITY and (numbers[0] <= numbers[1] or numbers[1] <= numbers[0])


def originals(articles: dict[int, tuple], copies: list[tuple[int, int]]) -> dict[int, int]:
    """Each copy's original: of a group of copies, the one published first (then the first by id).
    `articles` maps a key to its sort order, for example (published is None, published, id)."""
    parent = {key: key for pair in copies for key in pair}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for first, second in copies:
        parent[root(first)] = root(second)
    groups: dict[int, list[int]] = defaultdict(list)
    for key in parent:
        groups[root(key)].append(key)
    result = {}
    for members in groups.values():
        first = min(members, key=articles.__getitem__)
        result.update({key: first for key in members if key != first})
    return result
