"""Sources side by side: an overview per source, what each says on a topic, and the figures they cite.

Read-side only, like `queries`: plain dicts out, no NLP models loaded.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict

from ..errors import USAGE, KzError
from ..index.store import Store, StoredToken, in_list, stored_tokens
from .reports import select_articles, source_row

TOP_PEOPLE = 4
TOP_TERMS = 6
TOP_TOPICS = 8
TOP_FIGURES = 4
PASSAGES = 3
TOPIC_COLUMNS = 10  # beyond this many sources, a topic shows the ones covering it best
PASSAGE_SHARE = 0.5  # a further passage must score at least half the source's best
DUPLICATE_SIMILARITY = 85
FIGURE_SIMILARITY = 50
OVERVIEW_SOURCES = 30  # beyond this a side-by-side overview is unreadable (and slow to build)
KIND_ORDER = {"money": 0, "percent": 1, "count": 2, "duration": 3}
TERM_POS = {"NOUN", "PROPN", "ADJ"}
PHRASE_PATTERNS = {("ADJ", "NOUN"), ("ADJ", "PROPN"), ("NOUN", "NOUN"), ("NOUN", "PROPN"), ("PROPN", "PROPN")}


def choose_sources(store: Store, sources: str | None) -> list[sqlite3.Row]:
    """The articles named by --sources (comma-separated ids or outlets), or all, in id order."""
    rows = store.articles()
    if not sources:
        return rows
    wanted: list[int] = []
    for part in (part.strip() for part in sources.split(",")):
        if not part:
            continue
        for aid in select_articles(store, part) or []:
            if aid not in wanted:
                wanted.append(aid)
    if not wanted:
        raise KzError(f"--sources {sources!r} names no article", USAGE)
    return [row for row in rows if row["aid"] in wanted]


# -- figures -------------------------------------------------------------------------


def figures(store: Store, articles: list[sqlite3.Row], paragraphs: dict[int, set[int]] | None = None) -> list[dict]:
    """Figures of the articles (only in `paragraphs` per article when given), grouped by what they
    measure; each row says whether the sources citing that quantity agree."""
    by_aid = {row["aid"]: row for row in articles}
    rows = store.db.execute(
        "SELECT f.*, s.text AS sentence, s.para FROM figures f JOIN sentence_texts s ON s.aid = f.aid AND s.idx = f.sent"
        f" WHERE f.aid IN {in_list(by_aid)} ORDER BY f.aid, f.sent, f.start",
        list(by_aid),
    ).fetchall()
    if paragraphs is not None:
        rows = [row for row in rows if row["para"] in paragraphs.get(row["aid"], ())]
    groups = _group_figures(rows)
    result = []
    for number, group in enumerate(groups, 1):
        agreement = _agreement(group)
        for row in group:
            article = by_aid[row["aid"]]
            result.append({
                "group": number,
                "about": row["about"],
                "text": row["text"],
                "kind": row["kind"],
                "amount": _plain_number(row["amount"]),
                "unit": row["unit"],
                "qualifier": row["qualifier"],
                "agreement": agreement,
                "sentence": row["sentence"],
                "file": article["file"],
                "id": article["id"],
                "outlet": article["outlet"],
                "published": article["published"],
                "paragraph": row["para"] + 1,
                "url": article["url"],
            })
    return result


def _group_figures(rows: list) -> list[list]:
    """Same kind and unit, and similar words for what is measured (rapidfuzz over lemmas)."""
    from rapidfuzz import fuzz

    groups: list[list] = []
    for row in rows:
        for group in groups:
            first = group[0]
            if (first["kind"], first["unit"]) == (row["kind"], row["unit"]) \
                    and fuzz.token_set_ratio(_measured(first), _measured(row)) >= FIGURE_SIMILARITY \
                    and _shared_lemmas(first, row):
                group.append(row)
                break
        else:
            groups.append([row])
    groups.sort(key=lambda group: (-len({row["aid"] for row in group}), group[0]["aid"], group[0]["sent"]))
    return groups


def _measured(row) -> str:
    """The lemmas saying what is measured, without the counted noun every count of that unit shares."""
    return " ".join(lemma for lemma in row["lemmas"].split() if lemma != row["unit"])


def _shared_lemmas(a, b) -> bool:
    """At least two measured words in common (one, when a side has only one)."""
    mine, theirs = set(_measured(a).split()), set(_measured(b).split())
    return len(mine & theirs) >= min(2, len(mine), len(theirs)) > 0


def _agreement(group: list) -> str:
    """single (one source), agree (same amount and bound everywhere) or differ."""
    if len({row["aid"] for row in group}) < 2:
        return "single"
    return "agree" if len({(row["amount"], row["qualifier"]) for row in group}) == 1 else "differ"


def _salience(figure: dict) -> tuple:
    """Money and shares first, then counts and durations; bigger before smaller."""
    return KIND_ORDER.get(figure["kind"], 9), -figure["amount"]


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# -- overview ------------------------------------------------------------------------


def overview(store: Store, articles: list[sqlite3.Row]) -> list[dict]:
    """One object per source: description, people, quoted speakers, distinctive terms, figures, topics."""
    tokens = {row["aid"]: _article_tokens(store, row["aid"]) for row in articles}
    topics = main_topics(tokens)
    cited = defaultdict(list)
    for figure in sorted(figures(store, articles), key=_salience):
        cited[figure["id"]].append(figure["text"])
    result = []
    for row in articles:
        described = source_row(row)
        phrases = _phrases(tokens[row["aid"]])
        described.update({
            "people": _top_people(store, row["aid"]),
            "quoted": _quoted(store, [row["aid"]]),
            "terms": distinctive_terms(store, row["aid"], tokens[row["aid"]]),
            "figures": cited[row["id"]][:TOP_FIGURES],
            "topics": {topic["label"]: topic["key"] in phrases for topic in topics},
        })
        result.append(described)
    return result


def _article_tokens(store: Store, aid: int) -> list[StoredToken | None]:
    """Every token of an article, sentence breaks as None."""
    tokens: list = []
    for text, encoded in store.db.execute("SELECT text, tokens FROM sentence_texts WHERE aid = ? ORDER BY idx", (aid,)):
        tokens += stored_tokens(encoded, text) + [None]
    return tokens


def _phrases(tokens: list) -> Counter:
    """Two-word lemma phrases ("центральный азия") with their most frequent written form."""
    found: Counter = Counter()
    for left, right in zip(tokens, tokens[1:]):
        if left and right and (left.pos, right.pos) in PHRASE_PATTERNS and left.lemma.isalpha() \
                and right.lemma.isalpha() and len(left.lemma) > 2 and len(right.lemma) > 2:
            found[(left.lemma, right.lemma)] += 1
    return found


def main_topics(tokens: dict[int, list]) -> list[dict]:
    """Key phrases shared by several of the sources, most widely shared first."""
    per_source = {aid: _phrases(article) for aid, article in tokens.items()}
    spread: Counter = Counter()
    total: Counter = Counter()
    for phrases in per_source.values():
        spread.update(phrases.keys())
        total.update(phrases)
    needed = 2 if len(tokens) > 1 else 1
    shared = [key for key, count in spread.items() if count >= needed and not _is_name(key, tokens)]
    shared.sort(key=lambda key: (-spread[key], -total[key], key))
    labels = _written_forms(tokens)
    return [{"key": key, "label": labels.get(key, " ".join(key))} for key in shared[:TOP_TOPICS]]


def _is_name(key: tuple[str, str], tokens: dict[int, list]) -> bool:
    """A person's first name and surname is a who, not a topic (both words are proper names)."""
    kinds = {(token.lemma, token.pos) for article in tokens.values() for token in article if token}
    return (key[0], "PROPN") in kinds and (key[1], "PROPN") in kinds and key[0][:1] != key[1][:1] \
        and not any((word, "NOUN") in kinds or (word, "ADJ") in kinds for word in key)


def _written_forms(tokens: dict[int, list]) -> dict[tuple[str, str], str]:
    """Each phrase as written, preferring a form in the nominative ("Центральная Азия", not "Центральной Азии")."""
    forms: dict = {}
    for article in tokens.values():
        for left, right in zip(article, article[1:]):
            if not (left and right):
                continue
            key = (left.lemma, right.lemma)
            head = right if left.pos == "ADJ" else left
            nominative = head.case == "Nom"
            if key not in forms or (nominative and not forms[key][1]):
                forms[key] = (f"{left.text} {right.text}", nominative)
    return {key: written for key, (written, _) in forms.items()}


def distinctive_terms(store: Store, aid: int, tokens: list) -> list[str]:
    """The article's lemmas with the highest TF-IDF against the whole corpus (nouns, names, adjectives;
    not the surnames of the people it mentions, which have their own row)."""
    surnames = {row[0] for row in store.db.execute("SELECT key FROM mentions WHERE aid = ?", (aid,))}
    counts = Counter(token.lemma for token in tokens if token and token.pos in TERM_POS and len(token.lemma) > 2
                     and token.lemma.isalpha() and token.lemma not in surnames)
    candidates = [term for term, _ in counts.most_common(40)]
    total = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    scored = []
    for term in candidates:
        row = store.db.execute(
            "SELECT count(DISTINCT pt.aid) FROM vocab v JOIN para_fts ON para_fts MATCH '\"' || v.tid || '\"'"
            " JOIN para_terms pt ON pt.rowid = para_fts.rowid WHERE v.term = ?", (term,)
        ).fetchone()
        scored.append((counts[term] * math.log(total / max(row[0], 1)) ** 2, term))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for score, term in scored[:TOP_TERMS] if score > 0]


def _top_people(store: Store, aid: int) -> list[str]:
    rows = store.db.execute(
        "SELECT p.name, count(*) AS n FROM mentions m JOIN people p ON p.pid = m.pid WHERE m.aid = ?"
        " GROUP BY p.pid ORDER BY n DESC, p.name LIMIT ?", (aid, TOP_PEOPLE)).fetchall()
    return [row["name"] for row in rows]


def _quoted(store: Store, aids: list[int], paragraphs: set[int] | None = None) -> list[str]:
    """Speakers quoted in the articles (in `paragraphs` only, when given), most quoted first."""
    rows = store.db.execute(
        f"SELECT p.name, q.para FROM quotes q JOIN people p ON p.pid = q.pid WHERE q.aid IN {in_list(aids)}",
        aids).fetchall()
    names = Counter(row["name"] for row in rows if paragraphs is None or row["para"] in paragraphs)
    return [name for name, _ in names.most_common()]


# -- on a topic ----------------------------------------------------------------------


def _passages(store: Store, query: str, articles: list[sqlite3.Row]):
    """Per article, its best one to three paragraphs on the topic (every query word present), not yet
    cited; with the searcher and parsed query words that cite them."""
    from .search import understood

    searcher, words = understood(store, query, "topic")
    aids = [row["aid"] for row in articles]
    hits = [hit for hit in searcher.search(words, aids, limit=100000) if hit.complete] if aids else []
    by_aid: dict[int, list] = defaultdict(list)
    for hit in hits:
        best = by_aid[hit.aid][0].score if by_aid[hit.aid] else hit.score
        if len(by_aid[hit.aid]) < PASSAGES and hit.score >= PASSAGE_SHARE * best:
            by_aid[hit.aid].append(hit)
    return searcher, words, by_aid


def topic_paragraphs(store: Store, query: str, articles: list[sqlite3.Row]) -> dict[int, set[int]]:
    return {aid: {hit.para for hit in hits} for aid, hits in _passages(store, query, articles)[2].items()}


def on_topic(store: Store, query: str, articles: list[sqlite3.Row]) -> list[dict]:
    """Per source: its best passages on the topic, who is quoted there, the figures cited there,
    and whether its passages repeat another source's."""
    searcher, words, by_aid = _passages(store, query, articles)
    covering = [row for row in articles if by_aid.get(row["aid"])]
    coverage = f"{len(covering)} of {len(articles)}"
    if len(articles) > TOPIC_COLUMNS:  # a large corpus: the sources that cover the topic best
        best = sorted(covering, key=lambda row: -by_aid[row["aid"]][0].score)[:TOPIC_COLUMNS]
        articles = covering = sorted(best, key=lambda row: row["id"])
    by_aid = {row["aid"]: [searcher.cite(hit, words) for hit in by_aid[row["aid"]]] for row in covering}
    near = figures(store, covering, {aid: {hit.para for hit in found} for aid, found in by_aid.items()})
    result = []
    for row in articles:
        found = by_aid.get(row["aid"], [])
        result.append({
            **source_row(row),
            "topic": query,
            "coverage": coverage,
            "covers": bool(found),
            "passages": [
                {"paragraph": hit.para + 1, "text": hit.sentence_text, "highlights": hit.highlights}
                for hit in found
            ],
            "quoted": _quoted(store, [row["aid"]], {hit.para for hit in found}) if found else [],
            "figures": [figure["text"] for figure in near if figure["id"] == row["id"]],
            "repeats": None,
        })
    _mark_repeats(result)
    return result


def _mark_repeats(rows: list[dict]) -> None:
    """Flag a source whose passage is a near-copy of an earlier-listed source's passage."""
    from rapidfuzz import fuzz

    for index, row in enumerate(rows):
        for earlier in rows[:index]:
            if any(fuzz.token_sort_ratio(mine["text"], theirs["text"]) >= DUPLICATE_SIMILARITY
                   for mine in row["passages"] for theirs in earlier["passages"]):
                row["repeats"] = earlier["id"]
                break
