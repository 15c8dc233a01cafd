"""The terminal, decided once per run: one rich console for what a command prints (stdout) and one for
messages and the progress bar (stderr). Each asks rich once whether it faces a terminal, whether
NO_COLOR is set and how wide it is; views, errors and notes share them."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def stdout_console():
    """Colours follow the terminal and NO_COLOR; rich turns them off when piped."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@lru_cache(maxsize=1)
def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)
