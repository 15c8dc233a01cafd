"""Read-side questions over the index; plain dicts out, no rendering and no NLP models."""

from __future__ import annotations

import json
import re
import itertools
import sqlite3
from collections.abc import Iterable, Iterator

from ..analysis.names import name_sound, surname_key
from ..errors import NOTHING_FOUND, USAGE, KzError
from ..analysis.clauses import ClauseSpan, span_text
from ..index.store import SOUND_KEY, Store, in_list, in_many, unpacked_text
from ..lang.calendar import format_value, period_bounds

LEAD_WORDS = 8


def source_row(row: sqlite3.Row) -> dict:
    """The public description of one article (the `sources --json` fields)."""
    return {
        "id": row["id"],
        "file": row["file"],
        "title": row["title"],
        "outlet": row["outlet"],
        "published": row["published"],
        "published_estimated": row["published"] is None,
        "published_window": [row["published"], row["published"]] if row["published"] else _window(row),
        "genre": row["genre"],
        "interviewee": row["interviewee"],
        "words": row["words"],
        "paragraphs": row["paragraphs"],
        "url": row["url"],
        "language": row["language"],
        "copy_of": row["copy_of_id"],
    }


def _window(row: sqlite3.Row) -> list:
    """An undated article appeared after the past events it reports, dated in its text or by other sources."""
    lower = max(filter(None, (row["window_from"], row["window_linked"])), default=None)
    return [lower, row["window_to"]]


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
    view["dropped"] = store.dropped(row["aid"])
    return view


DATE_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bound(value: str | None, option: str) -> str | None:
    """Validate a --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD naming a real month or day
    ("2025-13" and "2025-02-30" are input errors, not other dates)."""
    if value is None:
        return None
    value = value.strip()
    year, month, day = ([int(part) for part in value.split("-")] + [None, None])[:3] if DATE_BOUND.match(value) else [None] * 3
    granularity = "day" if day else "month" if month else "year"
    if format_value(granularity, year, month, day) is None:
        raise KzError(f"{option} takes a real date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", USAGE)
    return value


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
            rows = [row for row in rows if row["outlet"] and _names_outlet(wanted, row["outlet"].casefold())]
            if not rows:
                raise KzError(f"no source matches {source!r}{_source_hint(store, source)}", USAGE)
    if since:
        rows = [row for row in rows if row["published"] and row["published"] >= since]
    if until:
        rows = [row for row in rows if row["published"] and row["published"][: len(until)] <= until]
    return [row["aid"] for row in rows]


def _source_hint(store: Store, wanted: str) -> str:
    """'; did you mean …?' with the closest ids and outlets, as `show` does for ids."""
    from rapidfuzz import fuzz, process

    rows = store.articles()
    names = sorted({row["id"] for row in rows} | {row["outlet"] for row in rows if row["outlet"]})
    close = process.extract(wanted, names, scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    listed = ", ".join(name for name, _, _ in close)
    return f"; did you mean {listed}? (see `kzcli sources`)" if close else " (see `kzcli sources`)"


def _names_outlet(wanted: str, outlet: str) -> bool:
    """"baq", "Altyn", "тimes tengri" and "liter" all name their outlets; so do small typos."""
    from rapidfuzz import fuzz

    return outlet.startswith(wanted) or fuzz.ratio(wanted, outlet) >= 75 \
        or (len(wanted) >= 4 and fuzz.partial_ratio(wanted, outlet) >= 90)


def search(store: Store, query: str, limit: int = 10, source: str | None = None, since: str | None = None,
           until: str | None = None, semantic: bool = False):
    """Ranked hits as public rows, with the understood query for --explain and 'did you mean' words."""
    from .search import understood

    searcher, words = understood(store, query)
    if semantic:
        searcher.add_semantic(words)
    aids = select_articles(store, source, since, until)
    original = dict(store.db.execute("SELECT aid, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall())
    found = searcher.search(words, aids, None if limit is None else limit + len(original)) if aids != [] else []
    hits = [(searcher.cite(hit, words), copies) for hit, copies in _collapsed(found, original, limit)]
    shown = sorted({hit.aid for hit, _ in hits} | {aid for _, copies in hits for aid in copies})
    articles = {row["aid"]: row for row in store.db.execute(
        f"SELECT * FROM articles WHERE aid IN {in_list(shown)}", shown)}
    rows = []
    for hit, copies in hits:
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
            "url": article["url"],
            "copies": [articles[aid]["id"] for aid in copies],
        })
    suggestions = [] if rows else searcher.suggestions(words)
    return rows, words, suggestions


def _collapsed(hits: list, original: dict[int, int], limit: int | None) -> list[tuple]:
    """The first `limit` hits, each with the articles collapsed under it: a hit in an article whose story
    (`original` maps a copy to its original) already has a hit in another article is dropped, and its
    article listed under that first hit."""
    kept: list[tuple] = []
    first: dict[int, tuple] = {}
    for hit in hits:
        story = original.get(hit.aid, hit.aid)
        if story in first and first[story][0].aid != hit.aid:
            if hit.aid not in first[story][1]:
                first[story][1].append(hit.aid)
        elif limit is None or len(kept) < limit:
            kept.append((hit, []))
            first.setdefault(story, kept[-1])
    return kept


def explain(store: Store, words) -> list[dict]:
    """Per query word: the corpus terms it matched, why, and a few surface forms of each."""
    lines = []
    tids = {expansion.tid for word in words for expansion in word.expansions.values()}
    forms_of: dict[int, list[str]] = {}
    for form, tid in store.words.scan("form") if tids else []:
        if tid in tids and len(forms_of.setdefault(tid, [])) < 6:
            forms_of[tid].append(form)
    for word in words:
        for expansion in sorted(word.expansions.values(), key=lambda exp: -exp.weight):
            forms = forms_of.get(expansion.tid) or [expansion.term]  # a several-word name
            lines.append({"query": word.text, "term": expansion.term, "why": expansion.why,
                          "weight": round(expansion.weight, 2), "forms": forms})
    return lines


# -- people and quotes -----------------------------------------------------------

PERSON_FIELDS = "pid, type, name, role, aliases, mentions, quotes, files"


def people(store: Store, include_orgs: bool = False) -> list[dict]:
    """Canonical people (and, on request, quoted organisations), most mentioned first."""
    where = "" if include_orgs else "WHERE type = 'person'"
    rows = store.db.execute(f"SELECT {PERSON_FIELDS} FROM people {where} ORDER BY mentions DESC, name").fetchall()
    return [person_row(row) for row in rows]


def person_row(row: sqlite3.Row) -> dict:
    files = json.loads(row["files"])
    return {
        "id": row["name"],
        "file": files[0] if files else None,
        "name": row["name"],
        "type": row["type"],
        "role": row["role"] or None,
        "aliases": json.loads(row["aliases"]),
        "mentions": row["mentions"],
        "quotes": row["quotes"],
        "sources": len(files),
        "files": files,
    }


def resolve_person(store: Store, wanted: str) -> list[int]:
    """Person ids a --person value names: any case form, surname alone, initials, a typo or Latin spelling.

    Ambiguous input is a usage error listing the candidates; unknown input
    exits 1 with the closest names. A name written as the index keeps it (`person_keys`) is found through
    an index; only a typo reads every person's keys.
    """
    from ..lang.text import CYRILLIC, LATIN
    from ..lang.translit import to_cyrillic

    words = [w for w in re.split(r"[\s.]+", wanted.strip()) if w]
    if not words:
        raise KzError("empty --person value", USAGE)
    last = words[-1]
    readings = to_cyrillic(last)[:8] if LATIN.search(last) and not CYRILLIC.search(last) else [last]
    keys = {surname_key(reading): name_sound(surname_key(reading)) for reading in readings}
    given = words[0] if len(words) > 1 else ""
    which = "" if len(words) == 1 else " AND first = 0"  # a name's first word stands for it only alone
    values = [*keys, *(SOUND_KEY + sound for sound in keys.values())]
    scores = dict.fromkeys(
        (row[0] for row in store.db.execute(f"SELECT pid FROM person_keys WHERE key IN {in_list(values)}{which}", values)),
        100.0)
    scored = _scored_people(store, words, given, scores)
    if not any(score == 100 for score, _ in scored):  # no name as written: the nearest, by letters or sound
        scores = _near_people(store, keys, which)
        scored = _scored_people(store, words, given, scores)
    exact = [row for score, row in scored if score == 100]
    close = [row for score, row in scored if score >= 80]
    found = exact or close
    if len({row["name"] for row in found}) > 1 and not exact:
        raise KzError(f"--person {wanted!r} is ambiguous: {_listed(found)}", USAGE)
    if not found:
        scored.sort(key=lambda pair: -pair[0])
        hint = ", ".join(row["name"] for score, row in scored[:3] if score >= 60)
        raise KzError(f"no person matches {wanted!r}" + (f"; did you mean {hint}?" if hint else " (see `kzcli people`)"),
                      NOTHING_FOUND)
    as_typed = [row for row in exact if re.split(r"[\s.]+", row["name"])[-1].casefold() == last.casefold()]
    if len(exact) > 1 and len(as_typed) == 1:
        return [as_typed[0]["pid"]]
    if len(exact) > 1:
        raise KzError(f"--person {wanted!r} is ambiguous: {_listed(exact)}", USAGE)
    return [row["pid"] for row in found]


AMBIGUOUS_LISTED = 12  # candidates an ambiguity error names before "and N more"


def _listed(rows: list) -> str:
    names = [row["name"] for row in rows]
    more = len(names) - AMBIGUOUS_LISTED
    return ", ".join(names[:AMBIGUOUS_LISTED]) + (f" and {more} more (see `kzcli people`)" if more > 0 else "")


def _near_people(store: Store, keys: dict[str, str], which: str) -> dict[int, float]:
    """pid → the best likeness (60 and up) of a person's keys to the wanted ones, by letters or by sound."""
    from rapidfuzz import fuzz, process

    rows = store.db.execute(f"SELECT key, pid FROM person_keys WHERE 1 = 1{which}").fetchall()
    letters = [(key, pid) for key, pid in rows if not key.startswith(SOUND_KEY)]
    sounds = [(key[len(SOUND_KEY):], pid) for key, pid in rows if key.startswith(SOUND_KEY)]
    scores: dict[int, float] = {}
    for found, wanted in ((letters, list(keys)), (sounds, list(keys.values()))):
        choices = [key for key, _ in found]
        for value in wanted:
            for _, score, index in process.extract(value, choices, scorer=fuzz.ratio, score_cutoff=60, limit=None):
                pid = found[index][1]
                scores[pid] = max(scores.get(pid, 0.0), score)
    return scores


def _scored_people(store: Store, words: list[str], given: str, scores: dict[int, float]) -> list[tuple[float, sqlite3.Row]]:
    """(score, row) of the people scored and of every organisation, in pid order; a first name or initial
    the value gives must fit the person's."""
    scored, (pids, values) = [], in_many(scores)
    for row in store.db.execute(f"SELECT {PERSON_FIELDS} FROM people WHERE type = 'org' OR pid IN {pids}"
                                " ORDER BY pid", values):
        if row["type"] == "org":
            score = 100 if _names_org(words, row["name"]) else 0
        else:
            score = scores[row["pid"]]
            if given and " " in row["name"] and not _same_given(given, re.split(r"[\s.]+", row["name"])[0]):
                score = 0
        scored.append((score, row))
    return scored


def _names_org(words: list[str], name: str) -> bool:
    """"МИД России", "министерство иностранных дел", "Акорда" all name "Министерство иностранных дел России"."""
    from rapidfuzz import fuzz

    parts = name.casefold().split()
    initials = "".join(part[0] for part in parts if len(part) > 2)
    for word in words:
        folded = word.casefold()
        if word.isupper() and len(word) >= 2 and initials.startswith(folded):
            continue
        if not any(fuzz.ratio(surname_key(folded), surname_key(part)) >= 85 for part in parts):
            return False
    return True


def _same_given(wanted: str, first: str) -> bool:
    """A first name or initial as typed (any script, a typo) fits a person's first name or initial."""
    from rapidfuzz import fuzz

    if len(wanted) == 1 or len(first) == 1:
        return name_sound(wanted)[:1] == name_sound(first)[:1]
    return fuzz.ratio(name_sound(surname_key(wanted)), name_sound(surname_key(first))) >= 80


QUOTE_KINDS = ("direct", "indirect", "interview")


def quotes(store: Store, person: str | None = None, source: str | None = None, kind: str | None = None,
           query: str | None = None, limit: int | None = None) -> list[dict]:
    """Statements as public rows, grouped by speaker then source, in text order; the first `limit` only
    when given (their sentences read, not the rest's)."""
    if kind and kind not in QUOTE_KINDS:
        raise KzError(f"--kind takes one of {', '.join(QUOTE_KINDS)}, not {kind!r}", USAGE)
    where, params = ["(q.pid IS NOT NULL OR q.speaker_type = 'description')"], []
    if person:
        chosen, values = in_many(resolve_person(store, person))
        where.append(f"q.pid IN {chosen}")
        params += values
    aids = select_articles(store, source)
    if aids is not None:
        chosen, values = in_many(aids)
        where.append(f"q.aid IN {chosen}")
        params += values
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    rows = store.db.execute(
        "SELECT q.*, coalesce(p.name, q.speaker) AS speaker_name, coalesce(p.mentions, 0) AS weight,"
        " a.id, a.file, a.outlet, a.published, a.url"
        " FROM quotes q LEFT JOIN people p ON p.pid = q.pid JOIN articles a ON a.aid = q.aid"
        f" WHERE {' AND '.join(where)} ORDER BY weight DESC, speaker_name, a.id, q.para, q.start"
        + (f" LIMIT {limit}" if limit is not None and not query else ""),
        params,
    ).fetchall()
    if query:
        rows = _about(store, rows, query)
    return [_quote_row(store, row) for row in rows[:limit]]


def _about(store: Store, rows: list, query: str, bounds=lambda row: (row["start"], row["end"])) -> list:
    """The rows whose own words (`bounds` in the paragraph) match a search query, with search's matching rules."""
    from .search import understood

    searcher, words = understood(store, query, "--query")
    aids = sorted({row["aid"] for row in rows})
    hits = {(hit.aid, hit.para) for hit in searcher.search(words, aids, limit=100000)} if aids else set()
    kept = []
    for row in rows:
        if (row["aid"], row["para"]) in hits:
            spans = searcher.matched_spans(row["aid"], row["para"], words)
            low, high = bounds(row)
            if any(low <= start < high for start, _ in spans):
                kept.append(row)
    return kept


def _quote_row(store: Store, row: sqlite3.Row) -> dict:
    covering = [s.text for s in store.sentences(row["aid"], row["para"]) if s.end > row["start"] and s.start < row["end"]]
    cue, text, phrase = store.quote_words(row)
    return {
        "speaker": row["speaker_name"],
        "speaker_type": row["speaker_type"],
        "speaker_phrase": phrase,
        "kind": row["kind"],
        "cue": cue,
        "text": text,
        "sentence": " ".join(covering) or text,
        "file": row["file"],
        "id": row["id"],
        "outlet": row["outlet"],
        "published": row["published"],
        "paragraph": row["para"] + 1,
        "url": row["url"],
    }


# -- timeline ----------------------------------------------------------------------

MERGE_SIMILARITY = 55


def timeline(store: Store, since: str | None = None, until: str | None = None, person: str | None = None,
             source: str | None = None, query: str | None = None, merge: bool = True,
             limit: int | None = None) -> list[dict]:
    """Dated events in date order (coarse dates before finer ones of their period), merged across sources;
    the first `limit` events (merged groups) only when given, read from a huge index without the rest."""
    where, params = [], []
    if since:
        where.append("e.last_day >= ?")
        params.append(period_bounds(since)[0])
    if until:
        where.append("e.first_day <= ?")
        params.append(period_bounds(until)[1])
    aids = select_articles(store, source)
    if aids is not None:
        chosen, values = in_many(aids)
        where.append(f"e.aid IN {chosen}")
        params += values
    if person:
        chosen, values = in_many(resolve_person(store, person))
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.aid = e.aid AND m.sent = e.sent AND m.pid IN {chosen})")
        params += values
    if query or limit is None:  # every row is read (a --query reads each event's sentence)
        rows = _event_rows(store, where, params)
        if query:
            rows = _about(store, rows, query, lambda row: (row["sentence_start"], row["sentence_end"]))
        rows.sort(key=_event_order)
        groups = _first_groups(_merged(rows, limit) if merge else ([row] for row in rows), limit)
    else:  # events in date order from SQL, merged until `limit` groups are complete; then their rows
        ordered = _events_in_order(store, where, params)
        groups = _first_groups(_merged(ordered, limit) if merge else ([row] for row in ordered), limit)
        kept, values = in_many(row["rowid"] for group in groups for row in group)
        full = {row["rowid"]: row for row in _event_rows(store, [f"e.rowid IN {kept}"], values)}
        groups = [[full[row["rowid"]] for row in group] for group in groups]
    return [
        {**_event_row(row), "group": number}
        for number, group in enumerate(groups, 1)
        for row in group
    ]


def _event_rows(store: Store, where: list[str], params: list) -> list[dict]:
    """The events with their article's id, file and outlet, their date's words and text, their sentence and
    its span, and the source that dated them (`xref_…`)."""
    rows = store.db.execute(
        "SELECT e.rowid, e.*, a.id, a.file, a.outlet, a.url, x.id AS xref_id, x.file AS xref_file,"
        " x.outlet AS xref_outlet FROM events e JOIN articles a ON a.aid = e.aid"
        " LEFT JOIN articles x ON x.aid = e.xref_aid"
        + (f" WHERE {' AND '.join(where)}" if where else ""),
        params,
    )
    return [{**row, "mention": sentence.text[row["start"] - sentence.start:row["end"] - sentence.start],
             "event": span_text(sentence.text, ClauseSpan.decode(row["clause"])),
             "sentence": sentence.text, "sentence_start": sentence.start, "sentence_end": sentence.end}
            for row in rows for sentence in [store.sentence(row["aid"], row["sent"])]]


GRANULARITY_ORDER = {"year": 0, "range": 1, "month": 1, "day": 2}
# Date order: undated last, then the value, coarse before fine, the period's end, the file, the place; the
# same order in SQL (a huge index sorts there) and in Python (rows a --query filtered).
EVENT_ORDER = ("coalesce(nullif(e.first_day, ''), '~'), e.value, CASE e.granularity "
               + " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in GRANULARITY_ORDER.items())
               + " ELSE 3 END, e.last_day, a.id, e.start, e.rowid")


def _events_in_order(store: Store, where: list[str], params: list) -> Iterator[sqlite3.Row]:
    """The events (rowid, aid, value, lemmas) in date order, read a day at a time down the index of days,
    then the undated ones: the first events of a huge index come without sorting the rest."""
    def rows(condition: str, values: list) -> sqlite3.Cursor:
        return store.db.execute(
            "SELECT e.rowid, e.aid, e.value, e.lemmas FROM events e JOIN articles a ON a.aid = e.aid"
            f" WHERE {' AND '.join([condition, *where])} ORDER BY {EVENT_ORDER}", values + params)

    days = store.db.execute(
        f"SELECT DISTINCT e.first_day FROM events e WHERE {' AND '.join(['e.first_day > ?', *where])}"
        " ORDER BY e.first_day", ["", *params])
    for (day,) in days:
        yield from rows("e.first_day = ?", [day])
    yield from rows("coalesce(e.first_day, '') = ''", [])


def _event_order(row: dict) -> tuple:
    return (row["first_day"] or "~", row["value"], GRANULARITY_ORDER.get(row["granularity"], 3), row["last_day"],
            row["id"], row["start"], row["rowid"])


def _first_groups(groups: Iterable[list], limit: int | None) -> list[list]:
    """The first `limit` groups of a stream (all of them without a limit)."""
    return list(itertools.islice(groups, limit))



def _merged(rows: Iterable, limit: int | None = None) -> Iterator[list]:
    """Rows with the same date and similar event wording from different sources become one group; the
    rows come in date order, so a date's groups are complete, and given, when the next date starts. With a
    `limit`, a row is compared with the first `limit` groups only: whether it joins one of them depends on
    them alone, so they come out exact without working out the groups after them. An event's lemmas are
    unpacked only when another source's event has its date."""
    from rapidfuzz import fuzz

    unpacked: dict[bytes, str] = {}

    def lemmas(row) -> str:
        if row["lemmas"] not in unpacked:
            unpacked[row["lemmas"]] = unpacked_text(row["lemmas"])
        return unpacked[row["lemmas"]]

    value, groups, given = None, [], 0  # the date being read, its groups each with the articles in it
    for row in rows:
        if row["value"] != value:
            yield from (group for group, _ in groups)
            given += len(groups)
            if limit is not None and given >= limit:
                return
            value, groups = row["value"], []
        for group, aids in groups if limit is None else groups[: limit - given]:
            if row["aid"] not in aids and fuzz.token_set_ratio(lemmas(group[0]), lemmas(row)) >= MERGE_SIMILARITY:
                group.append(row)
                aids.add(row["aid"])
                break
        else:
            if limit is None or given + len(groups) < limit:
                groups.append(([row], {row["aid"]}))
    yield from (group for group, _ in groups)


def _event_row(row: dict) -> dict:
    partial = row["value"].startswith("--")  # "--05-12": a date whose year the text does not give
    return {
        "date": None if partial else row["value"],
        "partial": row["value"] if partial else None,
        "granularity": row["granularity"],
        "modifier": row["modifier"],
        "mention": row["mention"],
        "event": row["event"],
        "sentence": row["sentence"],
        "file": row["file"],
        "id": row["id"],
        "outlet": row["outlet"],
        "year_inferred": bool(row["year_inferred"]),
        "planned": bool(row["planned"]),
        "cross_reference": {
            "id": row["xref_id"], "file": row["xref_file"], "outlet": row["xref_outlet"], "mention": row["xref_mention"],
        } if row["xref_id"] else None,
        "paragraph": row["para"] + 1,
        "url": row["url"],
    }
