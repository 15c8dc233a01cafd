"""Read-side questions over the index; plain dicts out, no rendering and no NLP models."""

from __future__ import annotations

import sqlite3

from .errors import USAGE, KzError
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
