"""Speed figures: cold index throughput and memory, re-index times, index size, whole-process query times.

    python benchmarks/bench.py                           # the 5 seeds
    python benchmarks/bench.py --articles 1000 10000     # also generated corpora of those sizes
    python benchmarks/bench.py --articles 1000 --jobs 1  # single-process indexing, for comparison

The generated corpora recombine seed paragraphs deterministically, varying names,
numbers and dates a little, so they read like news of the same desk.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import tempfile
from pathlib import Path

from common import SEEDS, interleaved_medians, measured

QUERIES = [
    ("search", "Авраамовы соглашения"),
    ("quotes", "--person", "Токаев"),
    ("timeline",),
    ("compare", "Авраамовы соглашения"),
    ("sources",),
]
NAMES = ["Токаев", "Трамп", "Путин", "Рубио", "Латник", "Стафт", "Нуртлеу", "Ландау"]
CHANGED_RUNS = 3  # one-file re-indexes measured, each after changing another file
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


def measure(corpus: Path, chars: int, label: str, jobs: int | None) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cache = Path(cache)
        files = sorted(corpus.glob("*.txt"))
        jobs_args = ["--jobs", str(jobs)] if jobs else []
        seconds, peak, output = measured("index", *jobs_args, corpus=corpus, cache=cache)
        print(f"{label}: {len(files)} files, {chars:,} characters")
        if "analysed" not in output:
            print("  index failed")
            return
        print(f"  index cold, whole process: {seconds:.1f} s = {chars / seconds:,.0f} chars/s, "
              f"{len(files) / seconds:,.1f} articles/s, peak memory {peak:,.0f} MB")
        seconds, _, _ = measured("index", corpus=corpus, cache=cache)
        print(f"  re-index, nothing changed: {seconds:.2f} s")
        times = []
        for changed in files[len(files) // 2 :][:CHANGED_RUNS]:
            changed.write_text(changed.read_text(encoding="utf-8") + "\nТокаев заявил, что переговоры продолжатся.\n",
                               encoding="utf-8")
            times.append(measured("index", corpus=corpus, cache=cache)[0])
        print(f"  re-index, one file changed (median of {len(times)}, a different file each time): "
              f"{statistics.median(times):.2f} s (each: {', '.join(f'{t:.2f}' for t in times)})")
        size = sum(path.stat().st_size for path in cache.rglob("*") if path.is_file())
        print(f"  index size on disk: {size / 2**20:,.0f} MB")
        floor, medians = interleaved_medians(QUERIES, corpus=corpus, cache=cache)
        print(f"  start-up floor (python -c 'import typer, rich.console, rich.table'), median of 7: {floor:.3f} s")
        for query, median in zip(QUERIES, medians):
            print(f"  {' '.join(query)} warm (median of 7, interleaved): {median:.3f} s = {median / floor:.2f} × the floor")
        peaks = [measured(*query, corpus=corpus, cache=cache)[1] for query in QUERIES]
        print(f"  query peak memory: {max(peaks):,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[], help="also measure generated corpora of these sizes")
    parser.add_argument("--jobs", type=int, default=None, help="indexing worker processes (default: one per core)")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder)
        for path in SEEDS.glob("*.txt"):
            (seeds / path.name).write_bytes(path.read_bytes())
        measure(seeds, sum(len(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")), "seeds", args.jobs)
    for count in args.articles:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            chars = generate(folder, count)
            measure(folder, chars, f"generated corpus of {count} articles", args.jobs)


if __name__ == "__main__":
    main()
