"""Quality figures of kzcli against the gold annotations of the seeds; one line per metric.

    python benchmarks/quality.py [--gold DIR]

Each feature adds its own section; the gold files are described in tests/gold/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import GOLD, kzcli_json


def fold(value):
    return " ".join(value.casefold().split()) if isinstance(value, str) else value


def article_metrics(gold_dir: Path) -> None:
    """Title, outlet and published of `sources --json` against articles.json (exact after folding)."""
    gold = json.loads((gold_dir / "articles.json").read_text(encoding="utf-8"))
    listed = {row["file"]: row for row in kzcli_json("sources")}
    for field in ("title", "outlet", "published", "interviewee"):
        right = sum(fold(listed.get(entry["file"], {}).get(field)) == fold(entry[field]) for entry in gold)
        print(f"sources.{field}_accuracy: {right / len(gold):.2f} ({right}/{len(gold)})")
    genre = sum((listed.get(e["file"], {}).get("genre") == "interview") == (e["genre"] == "interview") for e in gold)
    print(f"sources.interview_accuracy: {genre / len(gold):.2f} ({genre}/{len(gold)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold JSON files (default: tests/gold)")
    args = parser.parse_args()
    article_metrics(args.gold)


if __name__ == "__main__":
    main()
