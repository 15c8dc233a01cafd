"""The passes that look across the whole corpus after articles change: grouping person mentions into
people, and dating the events one article names without a date from the sources that date them."""

from __future__ import annotations

import gc
import json
from collections import Counter

from ..analysis.clauses import ClauseExtent, clause_lemmas, clause_span
from ..analysis.crossref import Anchor, Reference, link
from ..analysis.names import cluster, person_keys
from .store import Store, one_line, packed_text, person_key_rows


def relink_corpus(store: Store) -> list[str]:
    """The passes that look across articles: people, and dates borrowed between sources. A pass that
    fails leaves its tables as they were (its transaction is rolled back) and every article row in
    place; the failures come back as one-line reasons, and the pass runs again after the next change.

    Python's cycle collector is off meanwhile: the passes read every article's mentions and named events
    (hundreds of thousands of rows at 10,000 articles), which would make it walk them again and again
    (about half the passes' time there), and they leave no cycles behind to collect."""
    failures, collecting = [], gc.isenabled()
    gc.disable()
    try:
        for name, corpus_pass in PASSES.items():
            try:
                corpus_pass(store)
            except Exception as err:  # noqa: BLE001 - one pass must not cost the index
                failures.append(f"{name} failed ({one_line(err)}); please report it")
    finally:
        if collecting:
            gc.enable()
    store.corpus_passes_done()
    return failures


def regroup_people(store: Store) -> None:
    """Group every person mention of the corpus into people, and name each quote's speaker."""
    db = store.db
    plain = db.cursor()
    plain.row_factory = None  # tuples: a corpus has a hundred thousand mentions
    rows = plain.execute("SELECT aid, idx, pid FROM mentions ORDER BY aid, idx").fetchall()
    mentions = store.mentions_of_every_article()  # in the same order
    people, owners = cluster(mentions)
    files = dict(db.execute("SELECT aid, file FROM articles").fetchall())
    quoted = Counter()
    where = {(row[0], row[1]): pid for row, pid in zip(rows, owners)}
    person_quotes = db.execute("SELECT qid, aid, mention, pid FROM quotes WHERE mention IS NOT NULL").fetchall()
    for quote in person_quotes:
        quoted[where.get((quote["aid"], quote["mention"]))] += 1
    org_quotes = db.execute("SELECT qid, aid, speaker FROM quotes WHERE mention IS NULL AND speaker_type = 'org'").fetchall()
    orgs: dict[str, list] = {}
    for quote in org_quotes:
        orgs.setdefault(quote["speaker"].casefold(), []).append(quote)
    by_person: dict[int, list] = {}
    for (aid, mention), pid in zip(mentions, owners):
        by_person.setdefault(pid, []).append((aid, mention))
    with store.transaction():
        db.execute("DELETE FROM people")
        db.execute("DELETE FROM person_keys")
        rows_of_people, keys = [], []
        for person in people:
            own = by_person.get(person.pid, [])
            aliases = sorted({m.text for _, m in own})
            in_files = sorted({files[aid] for aid, _ in own})
            rows_of_people.append((person.pid, person.name, person.role, json.dumps(aliases, ensure_ascii=False),
                                   len(own), quoted[person.pid], json.dumps(in_files, ensure_ascii=False)))
            keys += sorted(person_key_rows(person.pid, person_keys(person.name, aliases)))
        db.executemany("INSERT INTO people VALUES (?, 'person', ?, ?, ?, ?, ?, ?)", rows_of_people)
        db.executemany("INSERT INTO person_keys VALUES (?, ?, ?)", keys)
        # Only the rows whose person changed: after a small change that is a few of the corpus's rows.
        db.executemany("UPDATE mentions SET pid = ? WHERE aid = ? AND idx = ?",
                       [(pid, row[0], row[1]) for row, pid in zip(rows, owners) if row[2] != pid])
        db.executemany("UPDATE quotes SET pid = ? WHERE qid = ?",
                       [(where.get((q["aid"], q["mention"])), q["qid"]) for q in person_quotes
                        if q["pid"] != where.get((q["aid"], q["mention"]))])
        for offset, group in enumerate(orgs.values()):
            pid = len(people) + offset
            names = Counter(q["speaker"] for q in group)
            in_files = sorted({files[q["aid"]] for q in group})
            db.execute("INSERT INTO people VALUES (?, 'org', ?, '', ?, ?, ?, ?)", (
                pid, names.most_common(1)[0][0], json.dumps(sorted(names), ensure_ascii=False), len(group),
                len(group), json.dumps(in_files, ensure_ascii=False)))
            db.executemany("UPDATE quotes SET pid = ? WHERE qid = ?", [(pid, q["qid"]) for q in group])


def link_events(store: Store) -> None:
    """Date the events articles name without a date from the sources that date them (`crossref.link`),
    one row per article, event and date; an undated article's window then starts no earlier than
    the past events it was dated by."""
    db = store.db
    plain = db.cursor()
    plain.row_factory = None  # tuples: a corpus has tens of thousands of event phrases
    published = dict(plain.execute("SELECT aid, published FROM articles").fetchall())
    named = store.event_names()
    anchors = [Anchor(e.aid, e.noun, frozenset(e.names.split("|")), e.value, e.granularity, e.modifier, e.first_day,
                      e.last_day, bool(e.planned), e.mention) for e in named if e.value is not None]
    dated = {anchor.noun for anchor in anchors}
    rows = sorted((e for e in named if e.value is None and e.noun in dated), key=lambda e: (e.aid, e.sent, e.start))
    references = [Reference(e.aid, e.noun, frozenset(e.names.split("|")), bool(e.planned), published.get(e.aid))
                  for e in rows]
    roles: dict[int, dict[str, set[str]]] = {}
    for aid, mention in store.mentions_of_every_article():
        people = roles.setdefault(aid, {}).setdefault(mention.key, set())
        if mention.role:
            people.add(mention.role)
    # An event's clause and lemmas depend on its own article alone, and a changed article's rows are gone:
    # what the last run worked out for an unchanged one is reused, where its place in the article (aid,
    # sentence, offsets) names one clause.
    clauses: dict[tuple, set[str]] = {}
    for e in rows:
        clauses.setdefault((e.aid, e.sent, e.start, e.end), set()).add(e.clause)
    known = {(aid, sent, start, end): (clause, lemmas) for aid, sent, start, end, clause, lemmas
             in plain.execute("SELECT aid, sent, start, end, clause, lemmas FROM events WHERE xref_aid IS NOT NULL")
             if len(clauses.get((aid, sent, start, end), ())) == 1}
    events, seen, earliest = [], set(), {}
    for e, anchor in zip(rows, link(references, anchors, roles)):
        if anchor is None or (e.aid, e.noun, anchor.value) in seen:
            continue
        seen.add((e.aid, e.noun, anchor.value))
        span, lemmas = (known.get((e.aid, e.sent, e.start, e.end))
                        or _clause(store, e.aid, e.sent, ClauseExtent.decode(e.clause)))
        events.append((e.aid, e.sent, e.para, e.start, e.end, anchor.value, anchor.granularity, anchor.modifier, 0,
                       e.planned, span, lemmas, anchor.first_day, anchor.last_day, anchor.aid, anchor.mention))
        if not e.planned and published.get(e.aid) is None:
            earliest[e.aid] = max(earliest.get(e.aid, ""), anchor.first_day)
    with store.transaction():
        db.execute("DELETE FROM events WHERE xref_aid IS NOT NULL")
        db.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 16)})", events)
        db.execute("UPDATE articles SET window_linked = NULL")
        db.executemany("UPDATE articles SET window_linked = ? WHERE aid = ?", [(d, aid) for aid, d in earliest.items()])


def _clause(store: Store, aid: int, sent: int, extent: ClauseExtent) -> tuple[str, bytes]:
    """An undated event's clause as character offsets (`ClauseSpan.encode`) and its packed lemmas, from its
    sentence's stored tokens."""
    tokens = store.tokens(aid, store.sentence(aid, sent))
    return clause_span(tokens, extent).encode(), packed_text(clause_lemmas(tokens, extent.nodes))


def relate_words(store: Store) -> None:
    """Derivational families of the words new to the index (`families.family_pairs`), for search; their
    roots are packed with the families, so a root still waiting is one whose family is not yet known."""
    words = store.words
    new = [(tid, root) for root, tid in words.waiting("root")]
    if not new:
        return
    from ..analysis.families import family_pairs

    roots = words.scan("root")
    related = {tid for _, tid in roots}
    terms = {tid: term for tid, term in words.scan("vocab") if tid in related}
    pairs = family_pairs(new, roots, terms)
    with store.transaction():
        words.add("family", sorted(pairs))
        words.pack("family")
        words.pack("root")


def link_aliases(store: Store) -> None:
    """Abbreviations, compounds and short forms linked to the names they stand for (`aliases.alias_groups`),
    for search; a name whose words the index does not hold is left out."""
    from ..analysis.aliases import alias_groups

    db = store.db
    groups = alias_groups(store.article_names())
    words = {word for group in groups for name, _ in group for word in name.split()}
    tids = dict(store.words.rows_in("term", words))
    aliases = []
    for grp, group in enumerate(groups):
        known = [(name, kind) for name, kind in group if all(word in tids for word in name.split())]
        if len(known) > 1:
            aliases += [(grp, " ".join(str(tids[word]) for word in name.split()), name, kind) for name, kind in known]
    with store.transaction():
        db.execute("DELETE FROM aliases")
        db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?)", aliases)


def link_copies(store: Store) -> None:
    """Mark each article that copies another (`copies`): the copy points to the original, the one
    published first."""
    from ..analysis import copies

    db = store.db
    sketches = dict(db.execute("SELECT aid, sketch FROM articles WHERE sketch IS NOT NULL").fetchall())
    pairs = copies.candidate_pairs(sketches)
    texts = {aid: "\n".join(row["text"] for row in store.paragraphs(aid)) for aid in {a for pair in pairs for a in pair}}
    found = [(a, b) for a, b in pairs if copies.is_copy(texts[a], texts[b])]
    order = {aid: (published is None, published or "", id) for aid, published, id in
             db.execute("SELECT aid, published, id FROM articles").fetchall()}
    original = copies.originals(order, found)
    with store.transaction():
        db.execute("UPDATE articles SET copy_of = NULL WHERE copy_of IS NOT NULL")
        db.executemany("UPDATE articles SET copy_of = ? WHERE aid = ?", [(o, aid) for aid, o in original.items()])


def pack_words(store: Store) -> None:
    """Pack the words the run added into the word maps' blocks (`index.words`), set aside the terms no
    paragraph holds any longer, and after a cold index merge the full-text index into one segment."""
    with store.transaction():
        for name in ("term", "vocab", "latin", "form", "lexeme", "paradigm", "spelling", "reading"):
            store.words.pack(name)
    store.bury_terms()
    store.merge_full_text()
    store.reclaim()


PASSES = {"grouping people": regroup_people, "dating events from other sources": link_events,
          "relating derived words": relate_words, "linking abbreviations": link_aliases,
          "linking copies": link_copies, "packing the word index": pack_words}
