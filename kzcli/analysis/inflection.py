"""Inflectional families of the corpus vocabulary: every form a written word can take.

Worked out at index time, where the analysis has already read every written word, so that a query
word the corpus never wrote in that form still finds its term without loading a model at query time:
the corpus wrote "Авраамовым соглашениям", and the query "Авраамовы соглашения" finds both words. Each reading pymorphy gives a
written form counts (a surname and an adjective alike), and each reading's whole paradigm is listed,
participles and gerunds left out (a verb's run to hundreds of forms that news rarely searches by).
"""

from __future__ import annotations

from ..lang.text import CYRILLIC, normal_word

LEFT_OUT = frozenset({"PRTF", "PRTS", "GRND"})  # participles, short participles, gerunds


class Inflector:
    """The paradigms of written words, each written (form, term) pair looked up once per process.

    A paradigm is kept as the word's stem and pymorphy's paradigm number, whose endings are listed once
    (`endings`): Inflector(morph).new_lexemes({("соглашениям", "соглашение")}) holds ("соглашени", N,
    "соглашение"), and endings(N) holds ("", "е"), ("", "я"), ("", "ям"), … ; a second call with the same
    pair gives nothing new.
    """

    def __init__(self, morph) -> None:
        self.morph = morph  # a pymorphy2 analyser (natasha's MorphVocab caches its readings)
        self.done: set[tuple[str, str]] = set()
        self._endings: dict[int, tuple[tuple[str, str], ...]] = {}  # paradigm → its (prefix, suffix) pairs

    def new_lexemes(self, written: set[tuple[str, str]]) -> set[tuple[str, int, str]]:
        """(stem, paradigm, term) of every reading of the written forms not looked up before."""
        found = set()
        for form, term in written - self.done:
            found.update((stem, para_id, term) for stem, para_id in self.lexemes(form))
        self.done |= written
        return found

    def lexemes(self, form: str) -> set[tuple[str, int]]:
        """(stem, paradigm) of every reading of a written form; its forms are prefix + stem + suffix for
        each of the paradigm's `endings`."""
        if not CYRILLIC.search(form):
            return set()
        paradigms = self.morph.dictionary
        found = set()
        for reading in self.morph.parse(form):
            origin = reading.methods_stack[0]
            if len(origin) != 4:  # numbers, punctuation, hyphenated compounds: no paradigm of their own
                continue
            _, word, para_id, idx = origin
            found.add((normal_word(paradigms.build_stem(paradigms.paradigms[para_id], idx, word)), para_id))
        return found

    def endings(self, para_id: int) -> tuple[tuple[str, str], ...]:
        """A paradigm's (prefix, suffix) pairs, participles and gerunds left out (a few thousand paradigms)."""
        if para_id not in self._endings:
            self._endings[para_id] = tuple(dict.fromkeys(
                (normal_word(prefix), normal_word(suffix))
                for prefix, tag, suffix in self.morph.dictionary.build_paradigm_info(para_id)
                if tag.POS not in LEFT_OUT))
        return self._endings[para_id]
