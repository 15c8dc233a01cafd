"""Derivational families of the corpus vocabulary: which words are relatives, and how close in meaning.

Runs at index time over words new to the index. Two words are relatives when their roots are related
(lang.derivation: "нефть" ~ "нефтяной", "миграция" ~ "мигрант"); navec, the news embedding natasha
ships, then says how close they are in meaning, so that search weighs "нефтяной" for "нефть" more
than a word that only looks alike, and drops a pair whose meanings are unrelated ("рост" ~ "Ростов").
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from ..lang.derivation import related_roots

UNRELATED = 0.08  # navec cosine below which relatives by form are not relatives in meaning


@lru_cache(maxsize=1)
def word_vectors():
    """navec's words and quantised vectors, without the similarity tables natasha's `NewsEmbedding`
    precomputes (0.4 s that `family_pairs`, which takes cosines of a few words, does not need)."""
    from .taggers import quantised_embedding

    return quantised_embedding(words=True)


def family_pairs(new: list[tuple[int, str]], roots: list[tuple[str, int]], terms: dict[int, str]):
    """(tid, relative, similarity) for each new word (tid, root) and every word of the index whose root
    is related, in both directions; similarity is navec's cosine, or None when navec lacks a word.
    `roots` is every (root, tid) of the index, sorted."""
    import numpy as np

    navec = word_vectors()
    parts = np.arange(navec.pq.codes.shape[0])

    def vector(tid: int):
        index = navec.vocab.word_ids.get(terms[tid])
        if index is None:
            return None
        found = navec.pq.codes[parts, navec.pq.indexes[index]].reshape(-1)
        return found / (np.linalg.norm(found) or 1.0)

    vectors: dict[int, object] = {}
    pairs = {}
    for tid, root in new:
        start = bisect_left(roots, (root[:-1],))
        for other_root, other in roots[start:]:
            if not other_root.startswith(root[:-1]):
                break
            if other == tid or not related_roots(root, other_root) or (tid, other) in pairs:
                continue
            for word in (tid, other):
                if word not in vectors:
                    vectors[word] = vector(word)
            a, b = vectors[tid], vectors[other]
            similarity = None if a is None or b is None else round(float(a @ b), 3)
            pairs[(tid, other)] = pairs[(other, tid)] = similarity
    return [(tid, other, similarity) for (tid, other), similarity in pairs.items()]
