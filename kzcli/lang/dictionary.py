"""pymorphy2's Russian dictionary, for what runs outside natasha's pipeline: a folder's furniture at
indexing, and the rare query word whose paradigm the corpus never wrote."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def dictionary():
    """pymorphy2's Russian dictionary, loaded once per process."""
    import pymorphy2
    import pymorphy2_dicts_ru
    import yargy.morph  # noqa: F401  (applies yargy's pymorphy2 fix for Python 3.11)

    # An explicit path spares pymorphy2 a slow scan of installed packages.
    return pymorphy2.MorphAnalyzer(path=pymorphy2_dicts_ru.get_path(), lang="ru")
