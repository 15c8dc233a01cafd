"""Speed figures: cold index throughput and whole-process query times, on the seeds.

    python benchmarks/bench.py
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from common import SEEDS, kzcli, median_seconds


def seeds_figures() -> None:
    chars = sum(len(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as cache:
        cache = Path(cache)
        started = time.perf_counter()
        done = kzcli("index", corpus=SEEDS, cache=cache)
        whole = time.perf_counter() - started
        reported = re.search(r"([\d,]+) chars/s", done.stdout)
        print(f"seeds: {chars:,} characters in 5 files")
        print(f"index cold, whole process: {whole:.2f} s ({chars / whole:,.0f} chars/s incl. start-up and model load)")
        if reported:
            print(f"index cold, analysis only: {reported[1]} chars/s")
        print(f"sources warm, whole process (median of 7): {median_seconds('sources', corpus=SEEDS, cache=cache):.3f} s")


if __name__ == "__main__":
    seeds_figures()
