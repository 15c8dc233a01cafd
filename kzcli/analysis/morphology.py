"""natasha's morphology dictionary, inflecting without building every form of a word's lexeme as a
natasha `MorphForm`.

To inflect a word ("стратегическом" → "стратегическое"), pymorphy2 lists its whole lexeme — for an
adjective about thirty forms — and keeps the one closest to the grammemes asked for. Under natasha's
`MorphVocab` each of those forms is first turned into a `MorphForm`, which translates its tag into
Universal Dependencies features; only the chosen one is ever read. Here the choice runs on pymorphy2's
plain readings and only the chosen one becomes a `MorphForm`: the same word in about a third of the
time (index time only).
"""

from __future__ import annotations

from natasha import MorphVocab


class LeanMorphVocab(MorphVocab):
    """natasha's `MorphVocab`, with `inflect` choosing among plain readings (see the module)."""

    def _inflect(self, form, required_grammemes):
        result_type, self._result_type = self._result_type, None  # pymorphy2's plain (word, tag, …) tuples
        try:
            found = super()._inflect(form, required_grammemes)
        finally:
            self._result_type = result_type
        return [result_type(*reading) for reading in found]
