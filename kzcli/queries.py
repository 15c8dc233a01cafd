"""Read-side questions over the index; plain dicts out, no rendering and no NLP models."""

from __future__ import annotations

import re
import sqlite3

from .errors import NOTHING_FOUND, USAGE, KzError
from .store import Store

LEAD_WORDS = 8


def source_row(row: sqlite3.Row) -> dict:
    """The public description of one article (the `sources --json` fields)."""
    return {
        "id": row["id"],
        "file": row["file"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": row["published"],
        "genre": row["genre"],
        "interviewee": row["interviewee"],
        "words": row["words"],
        "paragraphs": row["paragraphs"],
    }


def sources(store: Store) -> list[dict]:
    return [source_row(row) for row in store.articles()]


def lead_words(store: Store, aid: int) -> str:
    """The first words of the body, for articles without a headline."""
    for para in store.paragraphs(aid):
        words = para["text"].split()
        return " ".join(words[:LEAD_WORDS]) + ("…" if len(words) > LEAD_WORDS else "")
    return ""


def resolve_article(store: Store, wanted: str) -> sqlite3.Row:
    """An article by id, file name or a unique prefix of either; clear errors otherwise."""
    rows = store.articles()
    wanted_folded = wanted.strip().casefold()
    for row in rows:
        if wanted_folded in (row["id"].casefold(), row["file"].casefold(), row["path"].casefold()):
            return row
    matches = [row for row in rows if row["id"].casefold().startswith(wanted_folded)
               or row["file"].casefold().startswith(wanted_folded)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(row["id"] for row in matches[:10])
        raise KzError(f"ambiguous id {wanted!r}: matches {listed}", USAGE)
    from rapidfuzz import fuzz, process

    close = process.extract(wanted, [row["id"] for row in rows], scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    hint = f"; did you mean {', '.join(name for name, _, _ in close)}?" if close else ""
    raise KzError(f"no article with id {wanted!r}{hint} (see `kzcli sources`)", USAGE)


def article_view(store: Store, row: sqlite3.Row) -> dict:
    """An article as read: metadata and paragraphs with their kinds."""
    view = source_row(row)
    view["path"] = row["path"]
    view["encoding"] = row["encoding"]
    view["published_source"] = row["published_source"]
    view["paragraphs"] = [
        {"n": para["idx"] + 1, "kind": para["kind"], "text": para["text"]}
        for para in store.paragraphs(row["aid"])
    ]
    return view


DATE_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bound(value: str | None, option: str) -> str | None:
    """Validate a --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return None
    if not DATE_BOUND.match(value.strip()):
        raise KzError(f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", USAGE)
    return value.strip()


def select_articles(store: Store, source: str | None = None, since: str | None = None,
                    until: str | None = None) -> list[int] | None:
    """Article ids passing --source (id prefix or outlet, typos allowed) and --since/--until; None means all."""
    if not (source or since or until):
        return None
    rows = store.articles()
    if source:
        wanted = source.casefold()
        by_id = [row for row in rows if row["id"].casefold().startswith(wanted) or row["file"].casefold() == wanted]
        if by_id:
            rows = by_id
        else:
            from rapidfuzz import fuzz

            rows = [row for row in rows if row["outlet"] and fuzz.ratio(wanted, row["outlet"].casefold()) >= 75]
            if not rows:
                raise KzError(f"no source matches {source!r} (an article id or an outlet name)", NOTHING_FOUND)
    if since:
        rows = [row for row in rows if row["published"] and row["published"] >= since]
    if until:
        rows = [row for row in rows if row["published"] and row["published"][: len(until)] <= until]
    return [row["aid"] for row in rows]


def search(store: Store, query: str, limit: int = 10, source: str | None = None, since: str | None = None,
           until: str | None = None, semantic: bool = False):
    """Ranked hits as public rows, with the understood query for --explain and 'did you mean' words."""
    from .search import Searcher, parse_query

    if not query.strip():
        raise KzError("empty query", USAGE)
    searcher = Searcher(store)
    words = [searcher.expand(word) for word in parse_query(query)]
    if semantic:
        searcher.add_semantic(words)
    aids = select_articles(store, source, since, until)
    hits = [searcher.cite(hit, words) for hit in searcher.search(words, aids, limit)] if aids != [] else []
    articles = {row["aid"]: row for row in store.articles()}
    rows = []
    for hit in hits:
        article = articles[hit.aid]
        rows.append({
            "file": article["file"],
            "id": article["id"],
            "title": article["title"],
            "outlet": article["outlet"],
            "published": article["published"],
            "paragraph": hit.para + 1,
            "score": round(hit.score, 3),
            "snippet": hit.sentence_text,
            "matched": hit.matched,
            "highlights": hit.highlights,
        })
    suggestions = [] if rows else searcher.suggestions(words)
    return rows, words, suggestions


def explain(store: Store, words) -> list[dict]:
    """Per query word: the corpus terms it matched, why, and a few surface forms of each."""
    lines = []
    for word in words:
        for expansion in sorted(word.expansions.values(), key=lambda exp: -exp.weight):
            forms = [row[0] for row in store.db.execute("SELECT form FROM forms WHERE tid = ? LIMIT 6", (expansion.tid,))]
            lines.append({"query": word.text, "term": expansion.term, "why": expansion.why,
                          "weight": round(expansion.weight, 2), "forms": forms})
    return lines
