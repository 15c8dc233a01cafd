"""pymorphy2's Russian dictionary, for what runs outside natasha's pipeline: a folder's furniture and
the agreement of speakers' and roles' words at indexing, and the rare query word whose paradigm the
corpus never wrote."""

from __future__ import annotations

import atexit
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def dictionary():
    """pymorphy2's Russian dictionary, loaded once per process."""
    import pymorphy2
    import pymorphy2_dicts_ru
    import yargy.morph  # noqa: F401  (applies yargy's pymorphy2 fix for Python 3.11)

    # An explicit path spares pymorphy2 a slow scan of installed packages.
    return pymorphy2.MorphAnalyzer(path=pymorphy2_dicts_ru.get_path(), lang="ru")


GRAMMEME_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def nominative(token, plural: bool = False, gender: str | None = None) -> str:
    """A natasha token's word in the nominative, plural or of its noun's gender, by pymorphy2's reading
    with natasha's lemma: "очевидцев" → "очевидцы", "американская" before a feminine noun (natasha's
    lemma is "американский"), "заслуженного" → "заслуженный" (the lemma is "заслужить"); else the lemma."""
    wanted = {"nomn", "plur"} if plural else {"nomn", "sing"} | (
        {GRAMMEME_GENDERS[gender]} if gender in GRAMMEME_GENDERS else set())
    for parse in dictionary().parse(token.text.lower()):
        if parse.normal_form.replace("ё", "е") == token.lemma.replace("ё", "е"):
            inflected = parse.inflect(wanted)
            if inflected:
                return inflected.word
    return token.lemma


def title_nominative(name: str) -> str:
    """A name written in the genitive ("прим. «Чемпионата»") in the nominative, capitals kept: the head
    noun, the adjectives before it (agreeing with it) and a noun joined by "и" change, a genitive after
    the head stays ("Московского комсомольца" → "Московский комсомолец", "Эха Москвы" → "Эхо Москвы",
    "Аргументов и фактов" → "Аргументы и факты"). A name that does not read so (ТАСС, РИА Новости,
    Latin) is returned as it is.
    """
    words = name.split()
    readings = [(_genitive(word, "NOUN"), _genitive(word, "ADJF")) for word in words]
    head = next((i for i, (noun, adjective) in enumerate(readings)  # "Московского": an adjective, not a surname
                 if noun and (i == len(words) - 1 or not adjective)), None)
    if head is None or any(not adjective for _, adjective in readings[:head]):
        return name
    if head + 2 < len(words) and words[head + 1].lower() == "и" and readings[head + 2][0]:
        return " ".join([title_nominative(" ".join(words[:head + 1])), words[head + 1],
                         title_nominative(words[head + 2])] + words[head + 3:])
    noun = readings[head][0]
    agreement = {"nomn", noun.tag.number} | ({noun.tag.gender} if noun.tag.number == "sing" else set())
    changed = [adjective.inflect(agreement) for _, adjective in readings[:head]] + [noun.inflect({"nomn"})]
    if None in changed:
        return name
    return " ".join([_capital_as(form.word, word) for form, word in zip(changed, words)] + words[head + 1:])


def _genitive(word: str, part: str):
    """pymorphy2's first genitive reading of `word` as that part of speech ("NOUN", "ADJF") that has a
    nominative; never for an abbreviation written in capitals ("РИА")."""
    if len(word) > 1 and word.isupper():
        return None
    return next((parse for parse in dictionary().parse(word.lower())
                 if part in parse.tag and "gent" in parse.tag and parse.inflect({"nomn"})), None)


def _capital_as(form: str, written: str) -> str:
    """`form` with the capitals `written` has, part by part of a hyphenated word ("Спорт-Экспресс")."""
    parts, written_parts = form.split("-"), written.split("-")
    if len(parts) != len(written_parts):
        parts, written_parts = [form], [written]
    return "-".join(part[:1].upper() + part[1:] if was[:1].isupper() else part
                    for part, was in zip(parts, written_parts))


class RememberedLemmas:
    """pymorphy2's lemmas of words, remembered in a file of `folder` across processes, so that a query
    asked again loads no dictionary ("снегопадами" → {"снегопад"}: about 60 ms the first time, then a
    small JSON read). The file names the dictionary's version and is ignored once that changes; it keeps
    the `LIMIT` most recently learned words. A folder that cannot be written only costs the speed.
    """

    FILE = "query-words.json"
    LIMIT = 2000

    def __init__(self, folder: Path) -> None:
        self.path = folder / self.FILE
        self._words: dict[str, list[str]] | None = None
        self._learned = False

    def __call__(self, word: str) -> set[str]:
        words = self._known()
        if word not in words:
            words[word] = sorted({parse.normal_form for parse in dictionary().parse(word)})
            if not self._learned:
                self._learned = True
                atexit.register(self._save)
        return set(words[word])

    def _known(self) -> dict[str, list[str]]:
        if self._words is None:
            try:
                saved = json.loads(self.path.read_text(encoding="utf-8"))
                self._words = saved["words"] if saved.get("dictionary") == _dictionary_version() else {}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self._words = {}
        return self._words

    def _save(self) -> None:
        """Add what this process learned to the file (another process may have added words meanwhile)."""
        learned, self._words = self._known(), None
        words = {**self._known(), **learned}
        words = dict(list(words.items())[-self.LIMIT:])
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.FILE, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"dictionary": _dictionary_version(), "words": words}, out, ensure_ascii=False)
            os.replace(temporary, self.path)
        except OSError:
            if temporary:
                Path(temporary).unlink(missing_ok=True)


def _dictionary_version() -> str:
    import pymorphy2_dicts_ru

    return pymorphy2_dicts_ru.__version__
