"""Sources side by side: an overview per source, what each says on a topic, and the figures they cite.

Read-side only, like `queries`: plain dicts out, no NLP models loaded.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict

from ..errors import USAGE, KzError
from ..analysis.figures import amount_range, bound, is_unit_word
from ..index.store import Store, StoredToken, in_many, term_token
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
# Nouns too general to head a topic: "на высоком уровне", "по итогам встречи", "в рамках визита".
LIGHT_NOUNS = {
    "уровень", "итог", "рамка", "время", "раз", "ряд", "часть", "образ", "случай", "сторона", "год", "день",
    "месяц", "неделя", "момент", "число", "место", "вопрос", "тема", "дело", "целое", "слово", "мнение",
}
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


def figures(store: Store, articles: list[sqlite3.Row], sentences: dict[int, set[int]] | None = None) -> list[dict]:
    """Figures of the articles (only in `sentences` per article when given), grouped by what they measure,
    groups that several sources share first; each row says whether those sources agree. A copy's figures
    are left out when its original is among the articles: a story is counted once."""
    by_aid = {row["aid"]: row for row in articles}
    rows = [
        {**row, "sentence": sentence.text, "para": sentence.para}
        for aid in sorted(by_aid) for row in store.figures(aid)
        for sentence in [store.sentence(aid, row["sent"])]
    ]
    rows = [row for row in rows if by_aid[row["aid"]]["copy_of"] not in by_aid
            and (sentences is None or row["sent"] in sentences.get(row["aid"], ()))]
    result = []
    for number, group in enumerate(_group_figures(rows), 1):
        agreement = _agreement(group)
        for row in group:
            article = by_aid[row["aid"]]
            result.append({
                "group": number,
                "about": row["measure"] or row["about"],
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
                "measure": row["measure"],
                "period": row["period"],
                "amount_text": row["shown"],
                "according_to": row["according_to"],
                "copy_of": article["copy_of_id"],
            })
    return result


def _group_figures(rows: list) -> list[list]:
    """Figures that measure the same thing (`same_measure`), most sources first."""
    groups: list[list] = []
    for row in rows:
        for group in groups:
            if same_measure(group[0], row):
                group.append(row)
                break
        else:
            groups.append([row])
    groups.sort(key=lambda group: (-len({row["aid"] for row in group}), group[0]["aid"], group[0]["sent"]))
    return groups


def same_measure(a, b) -> bool:
    """Same kind and unit, the same measured noun (with its purpose and change: "цель товарооборот",
    "рост товарооборот"), the same dependents ("в:иран") unless one side names none (a source that
    says "инфляция" of the story another calls "инфляция в Казахстане"), adjectives of one among the
    other's ("товарооборот" and "взаимный товарооборот"), and periods that can be the same: equal, or
    one unknown and the other no deadline ("к 2030" is a goal, not a result)."""
    if (a["kind"], a["unit"]) != (b["kind"], b["unit"]) or not a["measure_key"] or not b["measure_key"]:
        return False
    head_a, adjectives_a, dependents_a = a["measure_key"].split("|")
    head_b, adjectives_b, dependents_b = b["measure_key"].split("|")
    mine, theirs = set(adjectives_a.split()), set(adjectives_b.split())
    if head_a != head_b or dependents_a != dependents_b and dependents_a and dependents_b \
            or not (mine <= theirs or theirs <= mine):
        return False
    periods = {a["period"], b["period"]}
    return len(periods) == 1 or None in periods and not any(p and p.startswith("к ") for p in periods)


def _agreement(group: list) -> str:
    """single (one source), agree or differ. Amounts agree when each two are equal within the rounding of
    the less precise ("43,8" and "44"; "6,1 процента" and "6%"; not "8,5%" and "9%", which is half a
    point off) and within what a qualifier allows ("почти 44" is 43–44, "более 700" is 700 and up)."""
    if len({row["aid"] for row in group}) < 2:
        return "single"
    return "agree" if all(_consistent(a, b) for i, a in enumerate(group) for b in group[i + 1:]) else "differ"


def _consistent(a, b) -> bool:
    """Two figures that can state one amount: plain amounts less than half the coarser rounding apart;
    otherwise the ranges their qualifiers allow overlap."""
    if bound(a["qualifier"]) == bound(b["qualifier"]) == "exact":
        return abs(a["amount"] - b["amount"]) < max(a["step"], b["step"]) / 2
    ranges = [amount_range(row["amount"], row["step"], row["qualifier"]) for row in (a, b)]
    return max(low for low, _ in ranges) <= min(high for _, high in ranges)


def _salience(figure: dict) -> tuple:
    """Money and shares first, then counts and durations; bigger before smaller."""
    return KIND_ORDER.get(figure["kind"], 9), -figure["amount"]


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# -- overview ------------------------------------------------------------------------


def overview(store: Store, articles: list[sqlite3.Row]) -> list[dict]:
    """One object per source: description, people, quoted speakers, distinctive terms, figures, topics."""
    tokens = {row["aid"]: _article_tokens(store, row["aid"]) for row in articles}
    topics = main_topics(store, tokens, stories(articles))
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
    for sentence in store.sentences(aid):
        tokens += store.tokens(aid, sentence) + [None]
    return tokens


def _phrases(tokens: list) -> Counter:
    """Two-word noun phrases of an article by their lemmas, in either order ("центральный азия")."""
    found: Counter = Counter()
    for left, right in zip(tokens, tokens[1:]):
        if _is_phrase(left, right):
            found[tuple(sorted((left.lemma, right.lemma)))] += 1
    return found


def _is_phrase(left, right) -> bool:
    """Two words that can name a topic: adjective and noun, or two nouns, neither a unit ("млн долларов")."""
    return bool(left and right and (left.pos, right.pos) in PHRASE_PATTERNS and left.lemma.isalpha()
                and right.lemma.isalpha() and len(left.lemma) > 2 and len(right.lemma) > 2
                and not is_unit_word(left.lemma) and not is_unit_word(right.lemma))


def main_topics(store: Store, tokens: dict[int, list], stories: dict[int, int]) -> list[dict]:
    """Noun phrases several of the stories share (a copy counts with its original), those more shared
    here than in the corpus at large first; phrases headed by a light noun ("высоком уровне", "итогам
    встречи") and people's names are no topics. Labels are in the nominative ("стратегическое партнерство")."""
    spread: dict[tuple, set[int]] = defaultdict(set)
    total: Counter = Counter()
    for aid, article in tokens.items():
        phrases = _phrases(article)
        for key in phrases:
            spread[key].add(stories[aid])
        total.update(phrases)
    labels = _labels(tokens)
    needed = 2 if len(set(stories.values())) > 1 else 1
    shared = [key for key, owners in spread.items() if len(owners) >= needed and key in labels
              and not _is_name(key, tokens)]
    shared.sort(key=lambda key: (-len(spread[key]), -total[key], key))
    candidates = shared[:3 * TOP_TOPICS]
    corpus = _corpus_spread(store, candidates)
    size = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    candidates.sort(key=lambda key: (-len(spread[key]) * math.log(1 + size / max(corpus[key], 1)), -total[key], key))
    return [{"key": key, "label": labels[key]} for key in candidates[:TOP_TOPICS]]


def _corpus_spread(store: Store, keys: list[tuple]) -> dict[tuple, int]:
    """How many articles of the whole corpus have each phrase's two words in one paragraph."""
    words = sorted({word for key in keys for word in key})
    tids = dict(store.words.rows_in("term", words))
    spread = {}
    for key in keys:
        if not all(word in tids for word in key):
            spread[key] = 1
            continue
        spread[key] = _articles_holding(store, [tids[word] for word in key])
    return spread


def _articles_holding(store: Store, tids: list[int]) -> int:
    """How many articles hold every one of the terms (`tids`) somewhere in one paragraph."""
    match = " ".join(f'"{term_token(tid)}"' for tid in tids)
    return store.db.execute("SELECT count(DISTINCT pt.aid) FROM para_fts JOIN para_terms pt ON pt.rowid = para_fts.rowid"
                            " WHERE para_fts MATCH ?", (match,)).fetchone()[0]


def _is_name(key: tuple[str, str], tokens: dict[int, list]) -> bool:
    """A person's first name and surname is a who, not a topic (both words are proper names)."""
    kinds = {(token.lemma, token.pos) for article in tokens.values() for token in article if token}
    return (key[0], "PROPN") in kinds and (key[1], "PROPN") in kinds and key[0][:1] != key[1][:1] \
        and not any((word, "NOUN") in kinds or (word, "ADJ") in kinds for word in key)


def _labels(tokens: dict[int, list]) -> dict[tuple, str]:
    """Each phrase in the nominative, as most often written ("Центральная Азия", not "Центральной
    Азии"): the head word in the nominative, an adjective agreeing with it, a genitive as written
    ("визит Токаева"). A phrase whose head is a light noun has none."""
    written: dict[tuple, Counter] = defaultdict(Counter)
    for article in tokens.values():
        for before, left, right in zip([None] + article, article, article[1:]):
            if not _is_phrase(left, right):
                continue
            head = right if left.pos == "ADJ" else left
            if head.lemma in LIGHT_NOUNS:
                continue
            if left.pos == "ADJ" or right.case == left.case:
                label = f"{_shaped(left.nominative, left.text)} {_shaped(right.nominative, right.text)}"
            else:
                label = f"{_shaped(left.nominative, left.text)} {right.text}"
            # a sentence's first word is capitalised whatever it is: another writing of the phrase wins
            written[tuple(sorted((left.lemma, right.lemma)))][label] += 1 if before else 0.5
    return {key: labels.most_common(1)[0][0] for key, labels in written.items()}


def _shaped(word: str, written: str) -> str:
    """A dictionary form written as the text writes the word: "США" stays, "Центральной" gives "Центральная"."""
    if len(written) > 1 and written.isupper():
        return written
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def distinctive_terms(store: Store, aid: int, tokens: list) -> list[str]:
    """The article's lemmas with the highest TF-IDF against the whole corpus (nouns, names, adjectives;
    not the surnames of the people it mentions, which have their own row)."""
    surnames = {mention.key for mention in store.mentions(aid)}
    counts = Counter(token.lemma for token in tokens if token and token.pos in TERM_POS and len(token.lemma) > 2
                     and token.lemma.isalpha() and token.lemma not in surnames)
    candidates = [term for term, _ in counts.most_common(40)]
    total = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    scored = []
    for term in candidates:
        spread = sum(_articles_holding(store, [tid]) for _, tid in store.words.rows("term", term))
        scored.append((counts[term] * math.log(total / max(spread, 1)) ** 2, term))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for score, term in scored[:TOP_TERMS] if score > 0]


def _top_people(store: Store, aid: int) -> list[str]:
    rows = store.db.execute(
        "SELECT p.name, count(*) AS n FROM mentions m JOIN people p ON p.pid = m.pid WHERE m.aid = ?"
        " GROUP BY p.pid ORDER BY n DESC, p.name LIMIT ?", (aid, TOP_PEOPLE)).fetchall()
    return [row["name"] for row in rows]


def _quoted(store: Store, aids: list[int], paragraphs: set[int] | None = None) -> list[str]:
    """Speakers quoted in the articles (in `paragraphs` only, when given), most quoted first."""
    chosen, values = in_many(aids)
    rows = store.db.execute(
        f"SELECT p.name, q.para FROM quotes q JOIN people p ON p.pid = q.pid WHERE q.aid IN {chosen}",
        values).fetchall()
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


def topic_sentences(store: Store, query: str, articles: list[sqlite3.Row]) -> dict[int, set[int]]:
    """Per article, the sentences of its passages on the topic that match it (where its figures on the
    topic are: not the uranium share in the paragraph about the accords)."""
    searcher, words, by_aid = _passages(store, query, articles)
    return {aid: {index for hit in hits for index in searcher.cite(hit, words).sentences} for aid, hits in by_aid.items()}


def on_topic(store: Store, query: str, articles: list[sqlite3.Row]) -> list[dict]:
    """Per source: its best passages on the topic, who is quoted there, the figures cited there,
    and whether its passages repeat another source's."""
    searcher, words, by_aid = _passages(store, query, articles)
    covering = [row for row in articles if by_aid.get(row["aid"])]
    coverage = f"{len(set(stories(covering).values()))} of {len(set(stories(articles).values()))}"
    if len(articles) > TOPIC_COLUMNS:  # a large corpus: the sources that cover the topic best
        best = sorted(covering, key=lambda row: -by_aid[row["aid"]][0].score)[:TOPIC_COLUMNS]
        articles = covering = sorted(best, key=lambda row: row["id"])
    by_aid = {row["aid"]: [searcher.cite(hit, words) for hit in by_aid[row["aid"]]] for row in covering}
    near = figures(store, covering, {aid: {index for hit in found for index in hit.sentences}
                                     for aid, found in by_aid.items()})
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


def stories(articles: list[sqlite3.Row]) -> dict[int, int]:
    """Each article's story: the original it copies when that is among the articles, else itself."""
    aids = {row["aid"] for row in articles}
    return {row["aid"]: row["copy_of"] if row["copy_of"] in aids else row["aid"] for row in articles}


def _mark_repeats(rows: list[dict]) -> None:
    """Flag a source whose passage is a near-copy of an earlier-listed source's passage."""
    from rapidfuzz import fuzz

    for index, row in enumerate(rows):
        for earlier in rows[:index]:
            if any(fuzz.token_sort_ratio(mine["text"], theirs["text"]) >= DUPLICATE_SIMILARITY
                   for mine in row["passages"] for theirs in earlier["passages"]):
                row["repeats"] = earlier["id"]
                break
