"""The package shows the pipeline: ingest ← analysis ← index ← query ← render ← cli, each stage importing
only the stages before it (and the shared language data, configuration, errors and the terminal)."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "kzcli"
STAGES = {"lang": 0, "config": 0, "errors": 0, "terminal": 0, "ingest": 1, "analysis": 2, "index": 3, "query": 4, "render": 5,
          "cli": 6, "__main__": 6}


def stage_of(dotted: str) -> int | None:
    """The stage of a module given as "kzcli.analysis.events"; None for the package itself."""
    parts = dotted.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None  # None too for the package's own names (__version__)


def imported(path, text: str | None = None) -> list[str]:
    """The kzcli modules a file (or `text` standing at that path) imports, at the top or inside
    functions, as dotted names."""
    package = ["kzcli", *path.relative_to(PACKAGE).parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(text if text is not None else path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if target == "kzcli":
                found += [f"kzcli.{alias.name}" for alias in node.names]
            elif target.startswith("kzcli."):
                found.append(target)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("kzcli.")]
    return found


def test_every_module_belongs_to_a_stage():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        assert parts[0] == "__init__" or parts[0] in STAGES, path


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] == "__init__":
            continue
        own = STAGES[parts[0]]
        for name in imported(path):
            other = stage_of(name)
            if other is not None and other > own:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, wrong


def test_the_check_sees_backward_imports():
    probe = PACKAGE / "analysis" / "probe.py"
    assert imported(probe, "from ..index.store import Store\n") == ["kzcli.index.store"]
    assert imported(probe, "def f():\n    from .. import cli\n") == ["kzcli.cli"]
    assert imported(probe, "from .names import Mention\n") == ["kzcli.analysis.names"]
