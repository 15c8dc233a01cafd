"""Meaning-level neighbours from navec, the word embeddings natasha ships (only for --semantic)."""

from __future__ import annotations

from functools import lru_cache

TOP = 6
FLOOR = 0.28
SHORTLIST = 60


@lru_cache(maxsize=1)
def news_embedding():
    """natasha's navec news embedding (250,000 words) with its similarity norms, loaded once per process."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


def neighbours(lemmas: list[str], vocabulary: list[tuple[str, int]], same_kind=None) -> list[tuple[str, int, float]]:
    """Corpus terms closest in meaning to the mean of `lemmas`: (term, tid, cosine), best first.

    `same_kind(term)` may veto a candidate (a verb offered for a noun, say).
    """
    import numpy as np

    navec = news_embedding()
    known = [navec.vocab[lemma] for lemma in lemmas if lemma in navec]
    if not known:
        return []
    pq = navec.pq
    query = np.mean([pq[index] / pq.norm[index] for index in known], axis=0)
    candidates = [(term, tid, navec.vocab[term]) for term, tid in vocabulary if term in navec and term not in lemmas]
    if not candidates:
        return []
    ids = np.array([index for _, _, index in candidates])
    # Product quantisation: the dot product is a sum of per-chunk look-ups.
    table = np.einsum("qcd,qd->qc", pq.codes, query.reshape(pq.qdim, -1))
    dots = table[pq.qdims, pq.indexes[ids]].sum(axis=1)
    sims = dots / pq.norm[ids] / np.linalg.norm(query)
    order = [i for i in np.argsort(-sims)[:SHORTLIST] if sims[i] >= FLOOR]
    if same_kind is not None:
        order = [i for i in order if same_kind(candidates[i][0])]
    return [(candidates[i][0], candidates[i][1], float(sims[i])) for i in order[:TOP]]
