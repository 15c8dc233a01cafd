"""Speed figures: cold index throughput and memory against natasha's own pipeline, re-index times, index
size against the text, warm query times against the start-up floor.

    python benchmarks/bench.py                                  # the 5 seeds
    python benchmarks/bench.py --articles 1000 10000            # also generated corpora of those sizes
    python benchmarks/bench.py --articles 1000 --kind realistic # only the realistic generator
    python benchmarks/bench.py --articles 1000 --jobs 1         # single-process indexing, for comparison

Two generators, both deterministic:
- `recombined`: seed paragraphs recombined, names, numbers and dates varied a little. Its vocabulary
  stays at the seeds' 3,000–4,000 words whatever the size, so word-level caches always hit.
- `realistic` (realistic.py): seed sentences as templates with their content words swapped for other
  dictionary lexemes inflected alike, so distinct word forms grow like real news.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import tempfile
import time
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


NATASHA_FILES = 500  # natasha's own pipeline is timed on this many files of the corpus (its rate is what counts)
NATASHA = """
import sys, time
from pathlib import Path
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
emb = NewsEmbedding()
segmenter, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:]]
started = time.perf_counter()
for text in texts:
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    doc.tag_ner(ner)
print(sum(map(len, texts)) / (time.perf_counter() - started))
"""


ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def natasha_rate(files: list[Path], one_thread: bool = True) -> tuple[float, float]:
    """Characters per second of natasha's own pipeline (Segmenter, morphology, syntax, NER), one process,
    models loaded before the clock starts; and the cores it kept busy (CPU time over wall time).

    With `one_thread`, numpy's math library runs one thread, as in kzcli's workers: left to itself it
    starts one per core, which keeps a second core busy (mostly spinning) and makes the rate swing from
    run to run, so that "one process" would be up to two cores."""
    import subprocess
    import sys

    env = {**os.environ, **(ONE_THREAD if one_thread else {})}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", NATASHA, *map(str, files[:NATASHA_FILES])],
                               stdout=subprocess.PIPE, text=True, env=env)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise RuntimeError("natasha's pipeline failed")
    return float(output.strip()), (usage.ru_utime + usage.ru_stime) / (time.perf_counter() - started)


def measure(corpus: Path, chars: int, label: str, jobs: int | None) -> dict[str, float]:
    """Print the corpus's figures; returns the ones whose growth with the corpus `growth` reports."""
    from realistic import distinct_words

    with tempfile.TemporaryDirectory() as cache:
        cache = Path(cache)
        files = sorted(corpus.glob("*.txt"))
        text_bytes = sum(path.stat().st_size for path in files)
        forms, words = distinct_words(corpus)
        jobs_args = ["--jobs", str(jobs)] if jobs else []
        seconds, peak, output = measured("index", *jobs_args, corpus=corpus, cache=cache)
        print(f"{label}: {len(files)} files, {chars:,} characters, {text_bytes / 2**20:,.1f} MB, {words:,} words, "
              f"{forms:,} distinct forms ({forms / words * 1e6:,.0f} per million words)")
        if "analysed" not in output:
            print("  index failed")
            return {}
        figures = {"cold index": seconds, "peak memory (MB)": peak}
        rate = chars / seconds
        natasha, cores = natasha_rate(files)
        threaded, threaded_cores = natasha_rate(files, one_thread=False)
        print(f"  index cold, whole process: {seconds:.1f} s = {rate:,.0f} chars/s, "
              f"{len(files) / seconds:,.1f} articles/s, peak memory {peak:,.0f} MB")
        print(f"  natasha's own pipeline, one process, on {min(len(files), NATASHA_FILES)} of the files: "
              f"{natasha:,.0f} chars/s with one math thread ({cores:.1f} cores busy); kzcli indexes "
              f"{rate / natasha:.2f} × as fast")
        print(f"  (with numpy's default threads: {threaded:,.0f} chars/s, {threaded_cores:.1f} cores busy; "
              f"kzcli {rate / threaded:.2f} × as fast)")
        seconds, _, _ = measured("index", corpus=corpus, cache=cache)
        figures["re-index, nothing changed"] = seconds
        print(f"  re-index, nothing changed: {seconds:.2f} s")
        times = []
        for changed in files[len(files) // 2 :][:CHANGED_RUNS]:
            changed.write_text(changed.read_text(encoding="utf-8") + "\nТокаев заявил, что переговоры продолжатся.\n",
                               encoding="utf-8")
            times.append(measured("index", corpus=corpus, cache=cache)[0])
        figures["re-index, one file changed"] = statistics.median(times)
        print(f"  re-index, one file changed (median of {len(times)}, a different file each time): "
              f"{statistics.median(times):.2f} s (each: {', '.join(f'{t:.2f}' for t in times)})")
        size = sum(path.stat().st_size for path in cache.rglob("*") if path.is_file())
        print(f"  index size on disk (database, WAL and side files): {size / 2**20:,.1f} MB = "
              f"{size / text_bytes:.1f} × the text's bytes")
        floor, medians = interleaved_medians(QUERIES, corpus=corpus, cache=cache)
        print(f"  start-up floor (python -c 'import typer, rich.console, rich.table'), median of 7: {floor:.3f} s")
        for query, median in zip(QUERIES, medians):
            print(f"  {' '.join(query)} warm (median of 7, interleaved): {median:.3f} s = {median / floor:.2f} × the floor")
            figures[" ".join(query)] = median
        peaks = [measured(*query, corpus=corpus, cache=cache)[1] for query in QUERIES]
        print(f"  query peak memory: {max(peaks):,.0f} MB")
        figures["index size (MB)"] = size / 2**20
        return figures


def growth(label: str, sizes: list[int], runs: list[dict[str, float]]) -> None:
    """Each figure at every size as a ratio to the size before: 10,000 → 30,000 articles is 3× the corpus."""
    measured_sizes = list(zip(sizes, runs))
    for (small, before), (large, after) in zip(measured_sizes, measured_sizes[1:]):
        print(f"{label}, {small:,} → {large:,} articles ({large / small:.0f}× the corpus):")
        for name, value in after.items():
            if before.get(name):
                print(f"  {name}: {value / before[name]:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[], help="also measure generated corpora of these sizes")
    parser.add_argument("--jobs", type=int, default=None, help="indexing worker processes (default: one per core)")
    parser.add_argument("--kind", choices=["both", "recombined", "realistic"], default="both",
                        help="which generator to run for --articles (default: both)")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder)
        for path in SEEDS.glob("*.txt"):
            (seeds / path.name).write_bytes(path.read_bytes())
        measure(seeds, sum(len(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")), "seeds", args.jobs)
    import realistic

    generators = {"recombined": generate, "realistic": realistic.generate}
    for kind, write in generators.items():
        if args.kind not in ("both", kind) or not args.articles:
            continue
        runs = []
        for count in args.articles:
            with tempfile.TemporaryDirectory() as folder:
                folder = Path(folder)
                chars = write(folder, count)
                runs.append(measure(folder, chars, f"{kind} corpus of {count} articles", args.jobs))
        growth(f"{kind} corpus", args.articles, runs)


if __name__ == "__main__":
    main()
