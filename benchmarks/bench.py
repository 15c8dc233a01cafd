"""Speed figures: cold index throughput and whole-process query times.

    python benchmarks/bench.py                 # the 5 seeds
    python benchmarks/bench.py --articles 10000  # also a generated corpus of that size

The generated corpus recombines seed paragraphs deterministically, varying names,
numbers and dates a little, so it reads like news of the same desk.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from common import SEEDS, kzcli, median_seconds

QUERIES = ["Авраамовы соглашения", "Tokayev", "критические минералы"]
NAMES = ["Токаев", "Трамп", "Путин", "Рубио", "Латник", "Стафт", "Нуртлеу", "Ландау"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]


def generate(folder: Path, count: int, seed: int = 7) -> int:
    """Write `count` articles of 6–14 seed paragraphs each; returns the number of characters."""
    rng = random.Random(seed)
    paragraphs = [line for path in sorted(SEEDS.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 8]
    total = 0
    for number in range(count):
        picked = rng.sample(paragraphs, rng.randint(6, 14))
        body = "\n".join(_vary(text, rng) for text in picked)
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2023, 2024, 2025])}"
        text = f"Новость номер {number} о визите {rng.choice(NAMES)}а\n- {date}\n\n{body}\n"
        (folder / f"{number:05}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def _vary(text: str, rng: random.Random) -> str:
    text = re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
    return text.replace("Токаев", rng.choice(["Токаев", "Назарбаев", "Мирзиёев"]), 1)


def measure(corpus: Path, chars: int, label: str) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cache = Path(cache)
        started = time.perf_counter()
        done = kzcli("index", corpus=corpus, cache=cache)
        whole = time.perf_counter() - started
        files = len(list(corpus.glob("*")))
        print(f"{label}: {files} files, {chars:,} characters")
        print(f"  index cold, whole process: {whole:.1f} s = {chars / whole:,.0f} chars/s, {files / whole:,.1f} articles/s")
        if "analysed" not in done.stdout:
            print(f"  index failed: {done.stderr.strip()}")
            return
        started = time.perf_counter()
        kzcli("index", corpus=corpus, cache=cache)
        print(f"  re-index, nothing changed: {time.perf_counter() - started:.2f} s")
        print(f"  sources warm (median of 7): {median_seconds('sources', corpus=corpus, cache=cache):.3f} s")
        for query in QUERIES:
            print(f"  search {query!r} warm (median of 7): {median_seconds('search', query, corpus=corpus, cache=cache):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="also measure a generated corpus of this many articles")
    args = parser.parse_args()
    measure(SEEDS, sum(len(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")), "seeds")
    if args.articles:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            chars = generate(folder, args.articles)
            measure(folder, chars, f"generated corpus of {args.articles} articles")


if __name__ == "__main__":
    main()
