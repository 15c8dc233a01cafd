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


def file_ranking(rows: list[dict]) -> list[str]:
    ranking = []
    for row in rows:
        if row["file"] not in ranking:
            ranking.append(row["file"])
    return ranking


def ranking_scores(ranking: list[str], relevant: list[str]) -> tuple[float, float, float]:
    """recall@10, R-precision and reciprocal rank of one ranked file list."""
    recall = len(set(ranking[:10]) & set(relevant)) / len(relevant)
    r_precision = len(set(ranking[: len(relevant)]) & set(relevant)) / len(relevant)
    rank = next((index + 1 for index, name in enumerate(ranking) if name in relevant), None)
    return recall, r_precision, 1 / rank if rank else 0.0


def substring_ranking(query: str, texts: dict[str, str]) -> list[str]:
    """Baseline 1: files containing the query as a case-insensitive substring, most occurrences first."""
    counts = {name: text.casefold().count(query.casefold()) for name, text in texts.items()}
    return [name for name, count in sorted(counts.items(), key=lambda item: -item[1]) if count]


def snowball_ranking(query: str, texts: dict[str, str]):
    """Baseline 2: Snowball-stemmed BM25 over paragraphs, as Elasticsearch's Russian analyzer would."""
    import math
    import re

    try:
        import Stemmer
    except ImportError:
        return None
    stemmer = Stemmer.Stemmer("russian")
    words = lambda text: stemmer.stemWords(re.findall(r"\w+", text.casefold()))  # noqa: E731
    paragraphs = [(name, words(para)) for name, text in texts.items() for para in text.split("\n") if para.strip()]
    average = sum(len(para) for _, para in paragraphs) / len(paragraphs)
    terms = set(words(query))
    df = {term: sum(term in para for _, para in paragraphs) for term in terms}
    best: dict[str, float] = {}
    for name, para in paragraphs:
        score = 0.0
        for term in terms:
            tf = para.count(term)
            if tf:
                idf = math.log(1 + (len(paragraphs) - df[term] + 0.5) / (df[term] + 0.5))
                score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(para) / average))
        if score > best.get(name, 0):
            best[name] = score
    return sorted(best, key=lambda name: -best[name])


def search_metrics(gold_dir: Path) -> None:
    """recall@10, R-precision and MRR over qrels.json per tier, for kzcli and two baselines."""
    from common import SEEDS

    qrels = json.loads((gold_dir / "qrels.json").read_text(encoding="utf-8"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    for tier in ("core", "stretch"):
        entries = [entry for entry in qrels if entry["tier"] == tier]
        systems = {
            "kzcli": lambda q: file_ranking(kzcli_json("search", q, "--limit", "50", *(["--semantic"] if tier == "stretch" else []))),
            "substring": lambda q: substring_ranking(q, texts),
            "snowball_bm25": lambda q: snowball_ranking(q, texts),
        }
        for system, rank in systems.items():
            scores = []
            for entry in entries:
                ranking = rank(entry["query"])
                if ranking is None:
                    break
                scores.append(ranking_scores(ranking, entry["relevant"]))
                if system == "kzcli":
                    recall = scores[-1][0]
                    if recall < 1:
                        print(f"  search.{tier}.miss: {entry['query']!r} recall@10 {recall:.2f}")
            if len(scores) < len(entries):
                print(f"search.{tier}.{system}: unavailable (pip install PyStemmer)")
                continue
            recall, r_precision, mrr = (sum(values) / len(values) for values in zip(*scores))
            print(f"search.{tier}.{system}: recall@10 {recall:.2f}  R-precision {r_precision:.2f}  MRR {mrr:.2f}  ({len(entries)} queries)")


def quote_metrics(gold_dir: Path) -> None:
    """Statements of `quotes --json` against quotes.json, and `people --json` against people.json."""
    from scoring import score_quotes

    gold = json.loads((gold_dir / "quotes.json").read_text(encoding="utf-8"))
    result = score_quotes(gold, kzcli_json("quotes"))
    print(f"quotes: precision {result['precision']:.2f}  recall {result['recall']:.2f}  "
          f"speaker accuracy {result['speaker_accuracy']:.2f}  {result['counts']}")
    for key in sorted(k for k in result if k.startswith(("recall.", "precision."))):
        print(f"quotes.{key}: {result[key]:.2f}")
    if result["missed"]:
        print(f"  quotes.missed: {', '.join(result['missed'])}")
    people = json.loads((gold_dir / "people.json").read_text(encoding="utf-8"))
    listed = [row["name"] for row in kzcli_json("people")]
    named = sum(fold(person["name"]) in map(fold, listed) for person in people)
    extra = [name for name in listed if fold(name) not in {fold(p["name"]) for p in people}]
    print(f"people: {named}/{len(people)} gold people listed under their canonical name, {len(extra)} extra {extra}")


def timeline_metrics(gold_dir: Path) -> None:
    """Date mentions of `timeline --no-merge --json` against timeline.json, and estimated publication windows."""
    from scoring import score_cross_references, score_timeline

    gold = json.loads((gold_dir / "timeline.json").read_text(encoding="utf-8"))
    rows = kzcli_json("timeline", "--no-merge")
    result = score_timeline(gold["dated"], [row for row in rows if not row["cross_reference"]])
    print(f"timeline: mention recall {result['recall']:.2f}  precision {result['precision']:.2f}  "
          f"exact date {result['exact_date']:.2f}")
    if result["missed"] or result["extra"]:
        print(f"  timeline.missed: {result['missed']}  extra: {result['extra']}")
    linked = score_cross_references(gold["undated_events"], rows)
    print(f"timeline.cross_reference: {linked['right']}/{linked['rows']} rows dated by another source match a gold"
          f" undated event with an agreeing date ({len(gold['undated_events'])} gold undated events)")
    if linked["wrong"]:
        print(f"  timeline.cross_reference.wrong: {linked['wrong']}")
    articles = json.loads((gold_dir / "articles.json").read_text(encoding="utf-8"))
    listed = {row["file"]: row for row in kzcli_json("sources")}
    undated = [entry for entry in articles if entry["published"] is None]
    inside = sum(window_contains(listed[e["file"]]["published_window"], e["published_window"]) for e in undated)
    print(f"sources.published_window: {inside}/{len(undated)} undated articles get a window containing the gold one")


def figure_metrics(gold_dir: Path) -> None:
    """Figures of `compare --figures --json` against figures.json."""
    from scoring import score_figures

    gold = json.loads((gold_dir / "figures.json").read_text(encoding="utf-8"))
    result = score_figures(gold, kzcli_json("compare", "--figures"))
    print(f"figures: recall {result['recall']:.2f}  recall with the right amount {result['recall_with_amount']:.2f}"
          f"  ({len(gold)} gold, {result['predicted']} extracted)")
    if result["missed"]:
        print(f"  figures.missed: {result['missed']}")


def window_contains(mine: list, theirs: list) -> bool:
    low, high = mine
    their_low, their_high = theirs
    return (low is None or (their_low is not None and low <= their_low)) and \
        (high is None or (their_high is not None and their_high <= high))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold JSON files (default: tests/gold)")
    args = parser.parse_args()
    article_metrics(args.gold)
    search_metrics(args.gold)
    quote_metrics(args.gold)
    timeline_metrics(args.gold)
    figure_metrics(args.gold)


if __name__ == "__main__":
    main()
