"""A benchmark corpus with the vocabulary of real news: seed sentences as templates, their content words
swapped for other dictionary lexemes inflected alike.

Recombining the seeds' paragraphs (bench.py's first generator) keeps their 3,000–4,000 distinct words
whatever the corpus size, so every word-level cache hits and the search index stays small. Real news of
that size has tens of thousands of distinct words. Here every noun, adjective and verb of a template is
replaced, most of the time, by another lexeme of the same part of speech (nouns of the same gender and
animacy, verbs of the same aspect and transitivity) inflected to the template word's grammemes with
pymorphy2: "стороны обсудили поставки урана" → "власти пересмотрели закупки угля". The lexicon is the
part of navec's news vocabulary that pymorphy2 knows. Names are swapped for other dictionary surnames
and first names in the same case; numbers and dates vary.

    python benchmarks/realistic.py OUT_DIR 1000      # writes 1,000 articles, prints their size
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from common import SEEDS

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"}
NUMBERS = {"sing", "plur"}
GENDERS = {"masc", "femn", "neut"}
ANIMACY = {"anim", "inan"}
VERB_FORM = {"past", "pres", "futr", "1per", "2per", "3per", "indc", "impr", "incl", "excl"}
SWAP_SHARE = 0.8  # content words replaced; the rest keep the template's own
# Words the date grammar reads are kept, so that templates keep their dated events.
KEPT_LEMMAS = {"год", "месяц", "неделя", "день", "квартал", "половина", "начало", "середина", "конец", "век",
               "время", "сутки", "час", "минута", "лето", "зима", "весна", "осень"}
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]


class Lexicon:
    """Dictionary lexemes of news vocabulary grouped by what must agree for a swap to stay grammatical."""

    def __init__(self, seed: int = 7, size: int = 60000) -> None:
        import pymorphy2
        import yargy.morph  # noqa: F401  (applies yargy's pymorphy2 fix for Python 3.11)
        from natasha import NewsEmbedding

        self.morph = pymorphy2.MorphAnalyzer()
        self.rng = random.Random(seed)
        words = [word for word in NewsEmbedding().vocab.words if re.fullmatch(r"[а-яё]{3,}", word)]
        self.rng.shuffle(words)
        self.groups: dict[tuple, list] = {}
        self._weights: dict[tuple, list[float]] = {}
        for word in words[:size]:
            parse = self.morph.parse(word)[0]
            if parse.score < 0.5 or parse.normal_form != word:
                continue
            key = self._group(parse.tag)
            if key:
                self.groups.setdefault(key, []).append(parse)
            for grammeme in ("Surn", "Name"):
                for named in self.morph.parse(word):
                    if grammeme in named.tag and named.normal_form == word:
                        self.groups.setdefault((grammeme, named.tag.gender), []).append(named)
        for key, members in self.groups.items():  # Zipf: a few lexemes of a group are frequent, most are rare
            total, cumulative = 0.0, []
            for rank in range(len(members)):
                total += 1 / (rank + 1)
                cumulative.append(total)
            self._weights[key] = cumulative
        self._inflected: dict[tuple, str | None] = {}
        self._parses: dict[str, list] = {}

    @staticmethod
    def _group(tag) -> tuple | None:
        """What a replacement must share with the word it replaces."""
        if tag.POS == "NOUN" and not ({"Surn", "Name", "Patr", "Geox", "Orgn", "Abbr"} & tag.grammemes):
            return ("NOUN", tag.gender, tag.animacy)
        if tag.POS == "ADJF" and not ({"Surn", "Name", "Patr", "Geox", "Apro", "Anum"} & tag.grammemes):
            return ("ADJF",)
        if tag.POS in ("VERB", "INFN"):
            return ("VERB", tag.aspect, tag.transitivity)
        return None

    def parses(self, word: str) -> list:
        if word not in self._parses:
            self._parses[word] = self.morph.parse(word)
        return self._parses[word]

    def swap(self, word: str) -> str:
        """Another lexeme in the form of `word`, or `word` itself when none fits."""
        lower = word.lower()
        parses = self.parses(lower)
        if not parses:
            return word
        if word[:1].isupper():
            named = next((p for p in parses if {"Surn", "Name"} & p.tag.grammemes), None)
            if named is None:
                return word  # a place, an organisation, a sentence's first word: left as written
            kind = "Surn" if "Surn" in named.tag else "Name"
            key, wanted = (kind, named.tag.gender), named.tag.grammemes & (CASES | NUMBERS)
        else:
            parse = parses[0]
            key = self._group(parse.tag)
            if key is None or parse.score < 0.4 or parse.normal_form in KEPT_LEMMAS or self.rng.random() > SWAP_SHARE:
                return word
            tag = parse.tag
            wanted = tag.grammemes & (CASES | NUMBERS | VERB_FORM | ({"INFN"} if tag.POS == "INFN" else set()))
            if tag.POS == "ADJF":
                wanted |= tag.grammemes & (GENDERS | ANIMACY)
            if tag.POS == "VERB" and "past" in tag.grammemes:
                wanted |= tag.grammemes & GENDERS
        candidates = self.groups.get(key)
        if not candidates:
            return word
        lexeme = self.rng.choices(candidates, cum_weights=self._weights[key])[0]
        form = self._inflect(lexeme, frozenset(wanted))
        if not form:
            return word
        return form[:1].upper() + form[1:] if word[:1].isupper() else form

    def _inflect(self, lexeme, wanted: frozenset) -> str | None:
        key = (lexeme.word, str(lexeme.tag), wanted)
        if key not in self._inflected:
            if "INFN" in wanted:
                self._inflected[key] = lexeme.normal_form if lexeme.tag.POS == "INFN" else None
            else:
                inflected = lexeme.inflect(set(wanted - {"INFN"}))
                self._inflected[key] = inflected.word if inflected else None
        return self._inflected[key]


def templates() -> list[str]:
    return [line for path in sorted(SEEDS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 8]


def generate(folder: Path, count: int, seed: int = 7) -> int:
    """Write `count` articles of 6–14 rewritten template paragraphs; returns the number of characters."""
    rng = random.Random(seed)
    lexicon = Lexicon(seed)
    paragraphs = templates()
    total = 0
    for number in range(count):
        picked = rng.sample(paragraphs, rng.randint(6, 14))
        body = "\n".join(_rewrite(text, lexicon, rng) for text in picked)
        title = " ".join(_rewrite(rng.choice(paragraphs).split(".")[0], lexicon, rng).split()[:12]).rstrip(",;:— ")
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2022, 2023, 2024, 2025])}"
        text = f"{title}\n- {date}\n\n{body}\n"
        (folder / f"{number:05}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def _rewrite(text: str, lexicon: Lexicon, rng: random.Random) -> str:
    text = WORD.sub(lambda match: lexicon.swap(match.group()), text)
    return re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)


def distinct_words(folder: Path) -> tuple[int, int]:
    """(distinct lower-cased word forms, words) of the corpus's .txt files."""
    forms, words = set(), 0
    for path in folder.glob("*.txt"):
        found = re.findall(r"\w+", path.read_text(encoding="utf-8").lower())
        words += len(found)
        forms.update(found)
    return len(forms), words


if __name__ == "__main__":
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    chars = generate(out, count)
    forms, words = distinct_words(out)
    print(f"{count} articles, {chars:,} characters, {words:,} words, {forms:,} distinct forms "
          f"({forms / words * 1e6:,.0f} per million words)")
