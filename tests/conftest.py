"""Shared fixtures: a private cache folder, the seeds indexed once, and a CLI runner in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def run_cli(*args: str, cache: Path, corpus: Path | None = None, env: dict | None = None, timeout: int = 300) -> Result:
    """Run `python -m kzcli ARGS` as a user would, with its own cache folder."""
    full_env = {**os.environ, "KZCLI_CACHE_DIR": str(cache), "COLUMNS": "200"}
    full_env.pop("KZCLI_CORPUS", None)
    full_env.update(env or {})
    command = [sys.executable, "-m", "kzcli"]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    done = subprocess.run(command + list(args), capture_output=True, text=True, env=full_env, timeout=timeout, cwd=ROOT)
    assert "Traceback" not in done.stderr, done.stderr
    return Result(done.returncode, done.stdout, done.stderr)


def gold(name: str):
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_cache(tmp_path_factory) -> Path:
    """A cache folder holding the seeds' index, built once per test session."""
    cache = tmp_path_factory.mktemp("cache")
    result = run_cli("index", cache=cache)
    assert result.code == 0, result.err
    return cache


@pytest.fixture(scope="session")
def seeds(seeds_cache):
    """Run a query command against the indexed bundled seeds."""
    return lambda *args, **kw: run_cli(*args, cache=seeds_cache, **kw)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """An empty corpus folder to fill."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A writable copy of the seeds."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder
