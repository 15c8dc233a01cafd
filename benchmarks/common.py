"""Helpers shared by the benchmark scripts: run the CLI as a user would and time it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def kzcli(*args: str, corpus: Path | None = None, cache: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if cache is not None:
        env["KZCLI_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "kzcli"] + (["--corpus", str(corpus)] if corpus else []) + list(args)
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)


def kzcli_json(*args: str, **kw):
    done = kzcli(*args, "--json", **kw)
    return json.loads(done.stdout) if done.stdout.strip() else []


def median_seconds(*args: str, runs: int = 7, **kw) -> float:
    """Whole-process wall time of a CLI call, median over `runs`."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        kzcli(*args, **kw)
        times.append(time.perf_counter() - started)
    return statistics.median(times)
