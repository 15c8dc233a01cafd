"""Where the corpus and the index live."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CORPUS_ENV = "KZCLI_CORPUS"
CACHE_ENV = "KZCLI_CACHE_DIR"
MAX_FILE_BYTES = 20 * 1024 * 1024


def bundled_seeds() -> Path:
    """The default corpus: `seeds/` beside the package in a checkout, inside it once installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return here / "seeds"


def resolve_corpus(option: str | None) -> Path:
    """The folder named by `--corpus` (or $KZCLI_CORPUS, which typer reads into it), else the bundled seeds."""
    return Path(option).expanduser().resolve() if option else bundled_seeds()


def cache_dir() -> Path:
    """$KZCLI_CACHE_DIR, else the per-user cache folder."""
    raw = os.environ.get(CACHE_ENV)
    if raw:
        return Path(raw).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kzcli"


def index_path(corpus: Path) -> Path:
    """One SQLite index per corpus folder, named by its absolute path."""
    key = hashlib.sha1(str(corpus.resolve()).encode("utf-8")).hexdigest()[:16]
    name = "".join(ch if ch.isalnum() else "_" for ch in corpus.name)[:40] or "corpus"
    return cache_dir() / f"{name}-{key}.sqlite"
