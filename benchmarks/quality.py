"""Quality figures of kzcli on any folder of articles against gold annotations; one line per metric.

    python benchmarks/quality.py                                   # the seeds and tests/gold
    python benchmarks/quality.py --corpus ../shared/dev/corpus --gold ../shared/dev/gold --halves

The gold folder holds any of articles.json, qrels.json, quotes.json, people.json, timeline.json and
figures.json, in the schema of the project's shared gold (its README gives the matching rules, which
live in scoring.py). --halves adds the figures of the first and the second half of the files (sorted
by name): find rules on one half, check them on the other.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path

from common import GOLD, SEEDS, kzcli_json
from scoring import (
    ranking_scores, same_value, score_cross_references, score_figures, score_quotes, score_timeline,
)


class Run:
    """kzcli's answers for one corpus, each asked once."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self._cache: dict[tuple, list] = {}

    def json(self, *args: str) -> list[dict]:
        if args not in self._cache:
            self._cache[args] = kzcli_json(*args, corpus=self.corpus)
        return self._cache[args]


def load_gold(folder: Path, name: str):
    path = folder / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def article_metrics(run: Run, gold: list[dict], label: str) -> None:
    """Title, outlet and published of `sources --json`, equal as word sequences (null only matches null)."""
    listed = {row["file"]: row for row in run.json("sources")}
    print(f"sources{label}: {len(listed.keys() & {e['file'] for e in gold})}/{len(gold)} gold files listed")
    for field in ("title", "outlet", "published", "interviewee"):
        if not all(field in entry for entry in gold):
            continue
        right = sum(same_value(entry[field], listed.get(entry["file"], {}).get(field)) for entry in gold)
        print(f"sources{label}.{field}: {right / len(gold):.2f} ({right}/{len(gold)})")
    if all("genre" in entry for entry in gold):
        genre = sum((listed.get(e["file"], {}).get("genre") == "interview") == (e["genre"] == "interview") for e in gold)
        print(f"sources{label}.interview_or_not: {genre / len(gold):.2f} ({genre}/{len(gold)})")
    undated = [entry for entry in gold if entry["published"] is None and entry.get("published_window")]
    if undated:
        inside = sum(window_contains(listed[e["file"]]["published_window"], e["published_window"])
                     for e in undated if e["file"] in listed)
        print(f"sources{label}.published_window: {inside}/{len(undated)} undated articles get a window containing the gold one")


def window_contains(mine: list, theirs: list) -> bool:
    low, high = mine
    their_low, their_high = theirs
    return (low is None or (their_low is not None and low <= their_low)) and \
        (high is None or (their_high is not None and their_high <= high))


def corpus_texts(corpus: Path) -> dict[str, str]:
    """Each file's text as kzcli reads it (decoded; HTML and Markdown extracted), for the baselines."""
    from kzcli.config import MAX_FILE_BYTES
    from kzcli.ingest.files import SkipFile, discover, load

    texts = {}
    for file in discover(corpus):
        try:
            texts[file.rel] = load(file, MAX_FILE_BYTES)[0].text
        except SkipFile:
            continue
    return texts


def file_ranking(rows: list[dict]) -> list[str]:
    ranking = []
    for row in rows:
        if row["file"] not in ranking:
            ranking.append(row["file"])
    return ranking


def substring_ranking(query: str, texts: dict[str, str]) -> list[str]:
    """Baseline 1: files containing the query as a case-insensitive substring, most occurrences first."""
    counts = {name: text.casefold().count(query.casefold()) for name, text in texts.items()}
    return [name for name, count in sorted(counts.items(), key=lambda item: -item[1]) if count]


def snowball_ranking(query: str, texts: dict[str, str]):
    """Baseline 2: Snowball-stemmed BM25 over paragraphs, as Elasticsearch's Russian analyzer would."""
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


def search_metrics(run: Run, qrels: list[dict], files: set[str], label: str) -> None:
    """recall@10, R-precision and MRR per tier, for kzcli and two baselines; relevant files outside
    `files` are left out (for the halves)."""
    texts = corpus_texts(run.corpus)
    for tier in ("core", "stretch"):
        entries = [(e["query"], [f for f in e["relevant"] if f in files]) for e in qrels if e["tier"] == tier]
        entries = [(query, relevant) for query, relevant in entries if relevant]
        if not entries:
            continue
        flags = ("--semantic",) if tier == "stretch" else ()
        systems = {
            "kzcli" + "".join(flags): lambda q: file_ranking(run.json("search", q, "--limit", "50", *flags)),
            "substring": lambda q: substring_ranking(q, texts),
            "snowball_bm25": lambda q: snowball_ranking(q, texts),
        }
        for system, rank in systems.items():
            scores = []
            for query, relevant in entries:
                ranking = rank(query)
                if ranking is None:
                    break
                ranking = [name for name in ranking if name in files]
                scores.append(ranking_scores(ranking, relevant))
                if system.startswith("kzcli") and scores[-1][0] < 1:
                    print(f"  search{label}.{tier}.miss: {query!r} recall@10 {scores[-1][0]:.2f}")
            if len(scores) < len(entries):
                print(f"search{label}.{tier}.{system}: unavailable (pip install PyStemmer)")
                continue
            recall, r_precision, mrr = (sum(values) / len(values) for values in zip(*scores))
            print(f"search{label}.{tier}.{system}: recall@10 {recall:.2f}  R-precision {r_precision:.2f}  "
                  f"MRR {mrr:.2f}  ({len(entries)} queries)")


def quote_metrics(run: Run, gold: list[dict], people: list[dict] | None, files: set[str], label: str,
                  verbose: bool) -> None:
    """Statements of `quotes --json` against quotes.json (speakers may take any form listed in people.json)."""
    aliases = {person["name"]: person.get("aliases", []) for person in people or []}
    predicted = [row for row in run.json("quotes") if row["file"] in files]
    result = score_quotes(gold, predicted, aliases)
    kinds = "  ".join(f"{kind} {result['found.' + kind]}" for kind in ("direct", "indirect", "interview")
                      if "found." + kind in result)
    print(f"quotes{label}: F1 {result['f1']:.2f}  precision {result['precision']:.2f}  recall {result['recall']:.2f}"
          f"  speaker accuracy {result['speaker_accuracy']:.2f}  found: {kinds}")
    print(f"quotes{label}.counts: {result['counts']}")
    if verbose and result["missed"]:
        print(f"  quotes{label}.missed: {', '.join(result['missed'])}")
    if people is not None and label == "":
        listed = [row["name"] for row in run.json("people")]
        known = {" ".join(p["name"].casefold().split()) for p in people}
        named = sum(" ".join(name.casefold().split()) in known for name in listed)
        print(f"people: {named}/{len(people)} gold people listed under their canonical name, "
              f"{len(listed) - named} other names listed")


def timeline_metrics(run: Run, gold: dict, files: set[str], label: str, verbose: bool) -> None:
    """Date mentions of `timeline --no-merge --json` against timeline.json (rows dated by another source
    are scored apart, against the undated events)."""
    dated = [entry for entry in gold["dated"] if entry["file"] in files]
    rows = [row for row in run.json("timeline", "--no-merge") if row["file"] in files]
    result = score_timeline(dated, [row for row in rows if not row.get("cross_reference")])
    print(f"timeline{label}: end-to-end {result['end_to_end']:.2f}  mention recall {result['recall']:.2f}  "
          f"precision {result['precision']:.2f}  exact date on found {result['exact_date']:.2f}  "
          f"event agreement on found {result['event_agreement']:.2f}  ({result['required']} required mentions)")
    if verbose:
        for key in ("missed", "wrong_date", "extra"):
            if result[key]:
                print(f"  timeline{label}.{key}: {result[key]}")
    undated = [entry for entry in gold.get("undated_events", []) if entry["file"] in files]
    if undated:
        linked = score_cross_references(undated, rows)
        print(f"timeline{label}.cross_reference: {linked['right']}/{linked['rows']} rows dated by another source "
              f"match a gold undated event with an agreeing date ({len(undated)} gold undated events)")


def figure_metrics(run: Run, gold: list[dict], files: set[str], label: str) -> None:
    """Figures of `compare --figures --json` against figures.json."""
    result = score_figures([e for e in gold if e["file"] in files],
                           [row for row in run.json("compare", "--figures") if row["file"] in files])
    print(f"figures{label}: recall {result['recall']:.2f}  recall with the right amount "
          f"{result['recall_with_amount']:.2f}  ({len(gold)} gold, {result['predicted']} extracted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SEEDS, help="folder of articles (default: the seeds)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold JSON files (default: tests/gold)")
    parser.add_argument("--halves", action="store_true", help="also score each half of the files apart")
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed and extra items")
    args = parser.parse_args()
    run = Run(args.corpus.resolve())
    articles, qrels = load_gold(args.gold, "articles.json"), load_gold(args.gold, "qrels.json")
    quotes, people = load_gold(args.gold, "quotes.json"), load_gold(args.gold, "people.json")
    timeline, figures = load_gold(args.gold, "timeline.json"), load_gold(args.gold, "figures.json")
    every = sorted({e["file"] for e in articles or []} | {row["file"] for row in run.json("sources")})
    scopes = [("", set(every))]
    if args.halves:
        middle = len(every) // 2
        scopes += [(f"[{every[0]}–{every[middle - 1]}]", set(every[:middle])),
                   (f"[{every[middle]}–{every[-1]}]", set(every[middle:]))]
    for label, files in scopes:
        if label:
            print(f"-- half {label} --")
        if articles:
            article_metrics(run, [e for e in articles if e["file"] in files], label)
        if qrels:
            search_metrics(run, qrels, files, label)
        if quotes:
            quote_metrics(run, [e for e in quotes if e["file"] in files], people, files, label, args.verbose)
        if timeline:
            timeline_metrics(run, timeline, files, label, args.verbose)
        if figures:
            figure_metrics(run, figures, files, label)


if __name__ == "__main__":
    main()
