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
    """The other forms of written words, each written (form, term) pair expanded once per process.

    Inflector(morph).new_forms({("соглашениям", "соглашение")}) holds ("соглашения", "соглашение"),
    ("соглашениями", "соглашение"), … ; a second call with the same pair gives nothing new.
    """

    def __init__(self, morph) -> None:
        self.morph = morph  # a pymorphy2 analyser (natasha's MorphVocab caches its readings)
        self.done: set[tuple[str, str]] = set()
        self.endings: dict[int, tuple[tuple[str, str], ...]] = {}  # paradigm → its (prefix, suffix) pairs

    def new_forms(self, written: set[tuple[str, str]]) -> set[tuple[str, str]]:
        found = set()
        for form, term in written - self.done:
            found.update((other, term) for other in self.forms(form))
        self.done |= written
        return found - written

    def forms(self, form: str) -> set[str]:
        """Every form of every reading of a written form."""
        if not CYRILLIC.search(form):
            return set()
        paradigms = self.morph.dictionary
        found = set()
        for reading in self.morph.parse(form):
            origin = reading.methods_stack[0]
            if len(origin) != 4:  # numbers, punctuation, hyphenated compounds: no paradigm of their own
                continue
            _, word, para_id, idx = origin
            stem = normal_word(paradigms.build_stem(paradigms.paradigms[para_id], idx, word))
            found.update(prefix + stem + suffix for prefix, suffix in self._endings(para_id))
        return found

    def _endings(self, para_id: int) -> tuple[tuple[str, str], ...]:
        """A paradigm's (prefix, suffix) pairs, participles and gerunds left out (a few thousand paradigms)."""
        if para_id not in self.endings:
            self.endings[para_id] = tuple(dict.fromkeys(
                (normal_word(prefix), normal_word(suffix))
                for prefix, tag, suffix in self.morph.dictionary.build_paradigm_info(para_id)
                if tag.POS not in LEFT_OUT))
        return self.endings[para_id]
