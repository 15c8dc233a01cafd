"""Helpers shared by the benchmark scripts: run the CLI as a user would and time it."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
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


STARTUP_FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table"]


def with_bytecode() -> None:
    """Write kzcli's bytecode, as `pip install` does for an installed kzcli and as typer and rich already
    have theirs: run from a source tree under PYTHONDONTWRITEBYTECODE, every call would compile every
    module again (about 0.05 s), which no user's warm query pays."""
    import compileall

    compileall.compile_dir(ROOT / "kzcli", quiet=1)


def interleaved_medians(queries: list[tuple[str, ...]], runs: int = 7, **kw) -> tuple[float, list[float]]:
    """Whole-process wall times, median over `runs`: the start-up floor (Python importing typer and rich)
    and each CLI call, run in turn so that the machine's drift touches them alike."""
    with_bytecode()
    floor, times = [], [[] for _ in queries]
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(STARTUP_FLOOR, capture_output=True)
        floor.append(time.perf_counter() - started)
        for query, spent in zip(queries, times):
            started = time.perf_counter()
            kzcli(*query, **kw)
            spent.append(time.perf_counter() - started)
    return statistics.median(floor), [statistics.median(spent) for spent in times]


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KB."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    family, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in family)


def measured(*args: str, corpus: Path | None = None, cache: Path | None = None) -> tuple[float, float, str]:
    """Run the CLI once: (wall seconds, peak memory of its whole process tree in MB, stdout)."""
    env = dict(os.environ)
    if cache is not None:
        env["KZCLI_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "kzcli"] + (["--corpus", str(corpus)] if corpus else []) + list(args)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:  # a pipe would fill up and block the run
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        output.seek(0)
        return seconds, peak / 1024, output.read()
