"""Ranked search over lemmas: query understanding, BM25 with proximity, cited snippets.

Query words are matched against the corpus vocabulary by surface form, by the
other forms of its words listed at indexing (pymorphy only for a word outside
them), by shared stems (derivation), by Latin↔Cyrillic transliteration and,
when nothing else matches, by edit distance (typos).
No neural model is loaded; `--semantic` adds navec neighbours.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import USAGE, KzError
from ..index.store import Store, in_many, term_token
from ..index.words import text_endings
from ..lang.text import CYRILLIC, LATIN, latin_code, normal_word
from ..analysis.aliases import SKIPPED
from ..analysis.families import UNRELATED
from ..lang.dictionary import RememberedLemmas, dictionary
from ..lang.derivation import derivation_root, has_root, related_roots
from ..lang.translit import latin_key, latin_spellings, to_cyrillic

WEIGHTS = {"exact": 1.0, "inflection": 0.95, "abbreviation": 0.9, "compound": 0.9, "derivation": 0.8,
           "transliteration": 0.8, "short form": 0.75, "office": 0.7, "typo": 0.6, "semantic": 0.45}
STOPWORDS = set(
    "и в во на с со к ко о об обо от по за из у для до а но или не ни же ли бы что как при про над под "
    "между через без это этот эта эти тот та те его ее её их он она они мы вы я the of and in to a".split()
)
QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
QUERY_WORD = re.compile(r"\w+(?:[+\-/&.]\w+)*\+?")
OTHER_NAMES = ("abbreviation", "compound", "short form")  # `add_aliases`
# A title and the office it heads, which news also names as that office's "глава": "министр финансов" is the
# "глава Минфина", "министр иностранных дел" the "глава МИД" (`add_office_heads`).
OFFICES = {"министр": "министерство"}
OFFICE_WORDS = 3  # words of the office's name after the title at most: "министр промышленности и торговли"
LONGEST_PREFIX = 3  # of a pymorphy paradigm's forms: "по" (comparatives), "наи" (superlatives)
BM25_K1, BM25_B = 1.2, 0.75
CANDIDATES = 3000
MAX_EXPANSIONS = 40


@dataclass
class Expansion:
    tid: int
    term: str
    weight: float
    why: str


@dataclass
class QueryWord:
    text: str
    phrase: int | None  # index of the quoted phrase it belongs to
    gap: int = 1  # allowed distance to the previous word of its phrase
    expansions: dict[int, Expansion] = field(default_factory=dict)

    def add(self, tid: int, term: str, why: str, weight: float | None = None) -> None:
        weight = WEIGHTS[why] if weight is None else weight
        known = self.expansions.get(tid)
        if known is None or known.weight < weight:
            self.expansions[tid] = Expansion(tid, term, weight, why)


@dataclass
class Hit:
    aid: int
    para: int
    score: float
    complete: bool = True  # every query word matched in the paragraph
    sentence_text: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)  # the paragraph's sentences that match, by index


def parse_query(query: str) -> list[QueryWord]:
    """Words of the query; quoted parts become phrases; function words are dropped unless alone."""
    words: list[QueryWord] = []
    phrase = 0
    for match in QUERY_PART.finditer(query):
        quoted = match.group(1) is not None
        tokens = QUERY_WORD.findall(match.group(1) if quoted else match.group(2))
        gap = 1
        first = True
        for token in tokens:
            if normal_word(token) in STOPWORDS:
                gap += 1
                continue
            words.append(QueryWord(token, phrase if quoted else None, gap if quoted and not first else 1))
            first, gap = False, 1
        phrase += quoted
    if not words:
        words = [QueryWord(token, None) for token in QUERY_WORD.findall(query)]
    return words


def understood(store: Store, query: str, what: str = "query") -> tuple["Searcher", list[QueryWord]]:
    """A searcher over the index and the query's words, each expanded to the corpus terms it matches
    (search, --query filters and compare topics read a query the same way)."""
    if not query.strip():
        raise KzError(f"empty {what}", USAGE)
    searcher = Searcher(store)
    words = [searcher.expand(word) for word in parse_query(query)]
    searcher.add_aliases(words)
    searcher.add_office_heads(words)
    return searcher, words


class Searcher:
    """Query understanding and ranking over one index."""

    def __init__(self, store: Store) -> None:
        self.db = store.db
        self.store = store
        self.words = store.words
        self.sequences: dict[int, tuple[int, ...]] = {}  # a key below 0 → the tids of a several-word name
        self.spellings: dict[bool, list[tuple[str, int, str]]] = {}  # `_spellings`, by script
        self.dictionary_lemmas = RememberedLemmas(store.path.parent)

    # -- vocabulary ----------------------------------------------------------

    @cached_property
    def dead(self) -> frozenset[int]:
        """The terms no paragraph holds any longer."""
        return self.store.dead_terms()

    @cached_property
    def vocabulary(self) -> list[tuple[str, int]]:
        return [(term, tid) for tid, term in self.words.scan("vocab") if tid not in self.dead]

    @cached_property
    def latin_vocabulary(self) -> list[tuple[str, int]]:
        return [(term, tid) for tid, term in self.words.scan("latin") if tid not in self.dead and not CYRILLIC.search(term)]

    def term_of(self, tid: int) -> str:
        return self.words.rows("vocab", tid)[0][1]

    def by_form(self, form: str) -> list[tuple[int, str]]:
        return [(tid, self.term_of(tid)) for _, tid in self.words.rows("form", form) if tid not in self.dead]

    def by_term(self, term: str) -> tuple[int, str] | None:
        found = [(tid, term) for _, tid in self.words.rows("term", term) if tid not in self.dead]
        return found[0] if found else None

    def lemmas(self, word: str) -> set[str]:
        """The corpus terms a word the corpus never wrote is a form of, as listed at indexing
        ("соглашениями" → соглашение); pymorphy's lemmas only for a word no written form shares a
        paradigm with (its relatives by derivation may still be in the corpus), remembered for the
        next query in the cache folder."""
        if not CYRILLIC.search(word):
            return set()
        stems = {word[start:end] for start in range(min(len(word), LONGEST_PREFIX) + 1)
                 for end in range(start, len(word) + 1)}
        rows = [(stem, para, tid) for stem, para, tid in self.words.rows_in("lexeme", stems) if tid not in self.dead]
        endings = {para: text_endings(text) for para, text in self.words.rows_in("paradigm", {para for _, para, _ in rows})}
        known = {self.term_of(tid) for stem, para, tid in rows
                 if any(word == prefix + stem + suffix for prefix, suffix in endings[para])}
        return known or {normal_word(lemma) for lemma in self.dictionary_lemmas(word)}

    def kinds(self, word: str) -> set[str]:
        """Parts of speech pymorphy allows for a Cyrillic word (empty for others)."""
        if not CYRILLIC.search(word):
            return set()
        return {str(parse.tag.POS) for parse in dictionary().parse(word) if parse.tag.POS}

    # -- query understanding -------------------------------------------------

    def expand(self, word: QueryWord) -> QueryWord:
        """Fill `word.expansions` with the corpus terms it should match, and why."""
        text = normal_word(word.text)
        keys = [text] + ([latin_code(text)] if re.search(r"\d", text) and re.search(r"[^\W\d_]", text) else [])
        for key in keys:
            for tid, term in self.by_form(key):
                word.add(tid, term, "exact")
        self._add_lemmas(word, text, scale=1.0)
        if LATIN.search(text) and not CYRILLIC.search(text):
            self._add_spellings(word, [latin_key(text)], latin=True)
            if not word.expansions:
                for variant in to_cyrillic(text):
                    before = len(word.expansions)
                    for tid, term in self.by_form(variant):
                        word.add(tid, term, "transliteration")
                    self._add_lemmas(word, variant, scale=WEIGHTS["transliteration"])
                    if len(word.expansions) == before:
                        self._add_typos(word, variant, "transliteration")
        elif CYRILLIC.search(text) and not LATIN.search(text):
            self._add_spellings(word, [text], latin=False)
            self._add_latin_words(word, latin_spellings(word.text), _allowed_transliteration(text))
        if not word.expansions and len(text) >= 4:
            self._add_typos(word, text, "typo")
        if not word.expansions and re.search(r"[.\-]", word.text):
            for part in re.split(r"[.\-]", word.text):
                if len(part) > 1:
                    for tid, term in self.by_form(normal_word(part)):
                        word.add(tid, term, "inflection")
        return word

    def _add_lemmas(self, word: QueryWord, text: str, scale: float) -> None:
        """Terms sharing a lemma or a derivational stem with `text`.

        A word the corpus wrote, or a form of one, knows its lemmas from the index;
        pymorphy is asked only about a word of a paradigm the corpus never wrote.
        """
        bases = {text} | ({exp.term for exp in word.expansions.values()} or self.lemmas(text))
        for lemma in sorted(bases):
            found = self.by_term(lemma)
            if found:
                word.add(*found, "inflection", WEIGHTS["inflection"] * scale)
        bases |= {exp.term for exp in word.expansions.values() if exp.weight >= WEIGHTS["inflection"] * scale}
        for base in sorted(bases):
            if has_root(base):
                for tid, term, weight in self.relatives(base):
                    word.add(tid, term, "derivation", weight * scale)

    def relatives(self, lemma: str) -> list[tuple[int, str, float]]:
        """Derivational relatives of a lemma among corpus terms, with their weight: for a corpus word, its
        family worked out at indexing (navec's similarity weighs each relative; unrelated meanings are
        dropped); for another word, the corpus words of a related root ("миграция" → мигрант)."""
        root = derivation_root(lemma)
        tid = next((tid for _, tid in self.words.rows("term", lemma)), None)
        if (root, tid) in self.words.rows("root", root, waiting=False):  # its family is known
            return [(relative, self.term_of(relative), derivation_weight(similarity))
                    for _, relative, similarity in self.words.rows("family", tid)
                    if relative not in self.dead and (similarity is None or similarity >= UNRELATED)]
        rows = self.words.rows_between("root", root[:-1], root[:-1] + "\uffff")
        return [(tid, self.term_of(tid), derivation_weight(None)) for other, tid in rows
                if len(other) <= len(root) + 1 and tid not in self.dead and related_roots(root, other)]

    def _add_spellings(self, word: QueryWord, keys: list[str], latin: bool) -> None:
        """Corpus words whose spelling in the other script is near one of `keys`: a Latin query against the
        Latin spellings of Cyrillic names ("Vorobjov" → Воробьёв), a Cyrillic one against the Cyrillic
        readings of Latin words ("Фудберри" → Foodberry); nearer ones weigh more."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        spellings = self._spellings(latin)
        choices = [spelling for spelling, _, _ in spellings]
        for key in keys:
            allowed = _allowed_transliteration(key)
            for _, distance, index in process.extract(key, choices, scorer=Levenshtein.distance,
                                                       score_cutoff=allowed, limit=MAX_EXPANSIONS):
                _, tid, term = spellings[index]
                word.add(tid, term, "transliteration", WEIGHTS["transliteration"] * (1 - 0.1 * distance))

    def _add_latin_words(self, word: QueryWord, keys: tuple[str, ...], allowed: int) -> None:
        """Latin corpus words near a Cyrillic query word's Latin spellings ("Телеграм" → Telegram)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        latin = self.latin_vocabulary
        choices = [latin_key(term) for term, _ in latin]
        for key in keys:
            for _, distance, index in process.extract(key, choices, scorer=Levenshtein.distance,
                                                       score_cutoff=allowed, limit=MAX_EXPANSIONS):
                term, tid = latin[index]
                word.add(tid, term, "transliteration", WEIGHTS["transliteration"] * (1 - 0.1 * distance))

    def _spellings(self, latin: bool) -> list[tuple[str, int, str]]:
        """(spelling in the other script, tid, term) of the corpus's words, the Latin spellings (of Cyrillic
        words) or the others; read once per script."""
        if latin not in self.spellings:
            self.spellings[latin] = [row for row in self.words.scan("spelling" if latin else "reading")
                                     if row[1] not in self.dead]
        return self.spellings[latin]

    def add_aliases(self, words: list[QueryWord]) -> None:
        """The other names of an organisation the query names (`analysis.aliases`): "ЮТС" also finds
        "Южный торговый союз", and the two words of "Южный торговый союз" also find "ЮТС" and "Южсоюз".
        A several-word name is matched as a phrase (its key in `sequences`)."""
        groups: dict[int, list[tuple[tuple[int, ...], str, str]]] = {}
        for grp, tids, term, kind in self.db.execute("SELECT grp, tids, term, kind FROM aliases"):
            groups.setdefault(grp, []).append((tuple(int(tid) for tid in tids.split()), term, kind))
        for members in groups.values():
            for tids, _, kind in members:
                for start in range(len(words) - len(tids) + 1):
                    named = words[start: start + len(tids)]
                    if all(_names(word, tid) for word, tid in zip(named, tids)):
                        for other, term, other_kind in members:
                            if other != tids:
                                why = other_kind if other_kind != "name" else kind if kind != "name" else "inflection"
                                for word in named:
                                    word.add(self._key(other), term, why)

    def add_office_heads(self, words: list[QueryWord]) -> None:
        """A title with the office it heads also finds that office's "глава" (any case), the office named in
        full, by its initials or by "мин" and the start of its next word, as the corpus writes it:
        "министр иностранных дел" → "глава министерства иностранных дел", "главой МИД"; "министр
        финансов" → "глава Минфина". The longest office name the corpus knows wins."""
        head = self.by_term("глава")
        if head is None:
            return
        for start, word in enumerate(words):
            title = next((title for title in OFFICES if normal_word(word.text).startswith(title)), None)
            if title is None or title not in self._word_lemmas(word):  # the cheap test first: lemmas may read
                continue  # the dictionary
            office = OFFICES[title]
            for size in range(min(OFFICE_WORDS, len(words) - start - 1), 0, -1):
                lemmas = [sorted(self._word_lemmas(other)) for other in words[start + 1: start + 1 + size]]
                if not all(lemmas):
                    continue
                rest = [options[0] for options in lemmas]
                initials = office[0] + "".join(lemma[0] for lemma in rest if lemma not in SKIPPED)  # as aliases reads them
                names = [[office, *rest], [initials]] + [[term] for term in self._terms_from(office[:3] + rest[0][:3])]
                known = [(name, [self.by_term(term) for term in name]) for name in names]
                known = [(name, tuple(found[0] for found in tids)) for name, tids in known if all(tids)]
                for name, tids in known:
                    for covered in words[start: start + 1 + size]:
                        covered.add(self._key((head[0], *tids)), "глава " + " ".join(name), "office")
                if known:
                    break

    def _word_lemmas(self, word: QueryWord) -> set[str]:
        """The corpus terms a query word is a form of, else its dictionary lemmas."""
        terms = {found.term for found in word.expansions.values() if found.why in ("exact", "inflection")}
        return terms or self.lemmas(normal_word(word.text))

    def _terms_from(self, prefix: str) -> list[str]:
        """Corpus terms of up to 12 letters that start with `prefix`: "минфин" for "минфин"."""
        rows = self.words.rows_between("term", prefix, prefix + "\uffff")
        return [term for term, tid in rows if tid not in self.dead and len(term) <= 12]

    def _key(self, tids: tuple[int, ...]) -> int:
        if len(tids) == 1:
            return tids[0]
        for key, known in self.sequences.items():
            if known == tids:
                return key
        key = -1 - len(self.sequences)
        self.sequences[key] = tids
        return key

    def _add_typos(self, word: QueryWord, text: str, why: str) -> None:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        allowed = _allowed_typos(text)
        if not allowed:
            return
        terms = [term for term, _ in self.vocabulary]
        for term, distance, index in process.extract(
            text, terms, scorer=Levenshtein.distance, score_cutoff=allowed, limit=MAX_EXPANSIONS
        ):
            word.add(self.vocabulary[index][1], term, why, WEIGHTS[why] * (1 - 0.1 * distance))

    def add_semantic(self, words: list[QueryWord]) -> None:
        """navec neighbours of each query word (and of the whole query) among corpus terms."""
        from .semantic import neighbours

        lemmas = [min(self.lemmas(normal_word(w.text)) or {normal_word(w.text)}, key=lambda lemma: (len(lemma), lemma))
                  for w in words]
        vocabulary = [(term, tid) for term, tid in self.vocabulary if CYRILLIC.search(term) or LATIN.search(term)]
        for word, lemma in zip(words, lemmas):
            kinds = self.kinds(lemma)
            same_kind = (lambda term: bool(self.kinds(term) & kinds)) if kinds else None
            for term, tid, similarity in neighbours([lemma], vocabulary, same_kind):
                word.add(tid, term, "semantic", WEIGHTS["semantic"] * similarity)
        if len(words) > 1:
            for term, tid, similarity in neighbours(lemmas, vocabulary):
                for word in words:
                    word.add(tid, term, "semantic", WEIGHTS["semantic"] * similarity)

    # -- ranking -------------------------------------------------------------

    def search(self, words: list[QueryWord], aids: list[int] | None, limit: int) -> list[Hit]:
        tids = {tid for word in words for tid in word.expansions}
        if not tids:
            return []
        match = " OR ".join(self._fts(tid) for tid in sorted(tids))
        source, where, params = "para_fts", "para_fts MATCH ?", [match]
        if aids is not None:
            chosen, values = in_many(aids)
            source += " JOIN para_terms chosen ON chosen.rowid = para_fts.rowid"
            where += f" AND chosen.aid IN {chosen}"
            params += values
        # The best candidates first, then their terms: sorting the matches with their terms in tow took
        # longer (27 → 20 ms for two words at 10,000 articles, 127 → 84 ms for two frequent ones).
        rows = self.db.execute(
            f"SELECT aid, para, length, terms, extra FROM para_terms WHERE rowid IN ("
            f"SELECT para_fts.rowid FROM {source} WHERE {where} "
            f"ORDER BY bm25(para_fts), para_fts.rowid LIMIT {CANDIDATES})",
            params,
        ).fetchall()
        total, length = self.db.execute("SELECT paragraphs, length FROM paragraph_totals").fetchone()
        average = length / total if total else None
        idf = {tid: self._idf(tid, total) for tid in tids}
        word_idf = [_word_idf(word, idf) for word in words]
        name_words = {tid for name in self.sequences.values() for tid in name}  # a several-word name's key
        wanted = [(f" {term_token(tid)} ", tid) for tid in sorted(tids | name_words) if tid >= 0]  # (< 0): its words
        hits = []
        for aid, para, length, terms, extra in rows:
            positions = term_positions(terms, extra, wanted)
            score, complete = score_paragraph(words, positions, word_idf, length / (average or 1), self.sequences)
            if score > 0:
                hits.append(Hit(aid, para, score, complete))
        hits.sort(key=lambda hit: (-hit.score, hit.aid, hit.para))
        return hits[:limit]

    def _fts(self, tid: int) -> str:
        """The full-text query for a term, or for a several-word name as a phrase."""
        return '"' + " ".join(term_token(part) for part in self.sequences.get(tid, (tid,))) + '"'

    def _idf(self, tid: int, total: int) -> float:
        df = self.db.execute("SELECT count(*) FROM para_fts WHERE para_fts MATCH ?", (self._fts(tid),)).fetchone()[0]
        return math.log(1 + (total - df + 0.5) / (df + 0.5))

    def cite(self, hit: Hit, words: list[QueryWord]) -> Hit:
        """Pick the best sentence (or two) of the hit's paragraph and mark the matched words."""
        weights = {term: exp.weight for word in words for exp in word.expansions.values() for term in exp.term.split()}
        codes = {exp.term for word in words for exp in word.expansions.values() if re.search(r"\d", exp.term)}
        scored = []
        for sentence in self.store.sentences(hit.aid, hit.para):
            text = sentence.text
            spans = [(t.start, t.start + len(t.text), t.text, weights[t.lemma])
                     for t in self.store.tokens(hit.aid, sentence) if t.lemma in weights]
            spans += [(m.start(), m.end(), m.group(), 1.0) for m in CODE_LIKE.finditer(text) if latin_code(m.group()) in codes]
            scored.append((sum(weight for *_, weight in spans), text, spans))
            if spans:
                hit.sentences.append(sentence.idx)
        if not scored:
            return hit
        best = max(range(len(scored)), key=lambda i: scored[i][0])
        chosen = [best]
        if len(scored[best][1].split()) < 12 and best + 1 < len(scored):
            chosen.append(best + 1)
        offset, parts = 0, []
        for index in chosen:
            _, text, spans = scored[index]
            parts.append(text)
            hit.highlights += [(start + offset, end + offset) for start, end, *_ in spans]
            hit.matched += [surface for _, _, surface, _ in spans]
            offset += len(text) + 1
        hit.sentence_text = " ".join(parts)
        hit.matched = sorted(set(hit.matched), key=hit.matched.index)
        return hit

    def matched_spans(self, aid: int, para: int, words: list[QueryWord]) -> list[tuple[int, int]]:
        """Paragraph offsets of the words matching the query in one paragraph."""
        terms = {term for word in words for exp in word.expansions.values() for term in exp.term.split()}
        return [
            (sentence.start + token.start, sentence.start + token.start + len(token.text))
            for sentence in self.store.sentences(aid, para)
            for token in self.store.tokens(aid, sentence)
            if token.lemma in terms
        ]

    def suggestions(self, words: list[QueryWord], limit: int = 5) -> list[str]:
        """Close corpus words for a query that found nothing."""
        from rapidfuzz import fuzz, process

        forms = list(dict.fromkeys(form for form, tid in self.words.scan("form") if tid not in self.dead and len(form) > 2))
        found: list[str] = []
        for word in words:
            for form, _, _ in process.extract(normal_word(word.text), forms, scorer=fuzz.ratio, limit=limit, score_cutoff=60):
                if form not in found:
                    found.append(form)
        return found[:limit]


CODE_LIKE = re.compile(r"\w+(?:[+\-/&.]\w+)+")


def derivation_weight(similarity: float | None) -> float:
    """A relative's weight, below inflection: by navec's similarity (0.6 at 0.08, 0.8 from 0.5 up),
    0.7 when navec lacks a word ("авраамов")."""
    if similarity is None:
        return 0.7
    return 0.6 + 0.2 * min(1.0, max(0.0, similarity - UNRELATED) / (0.5 - UNRELATED))


def _names(word: QueryWord, tid: int) -> bool:
    """The query word is this corpus word, or one of its forms."""
    found = word.expansions.get(tid)
    return found is not None and found.why in ("exact", "inflection")


def _allowed_typos(word: str) -> int:
    """Edit distance tolerated, as Elasticsearch's AUTO fuzziness: 0 up to 3 letters, 1 up to 6, else 2."""
    return 0 if len(word) < 4 else 1 if len(word) <= 6 else 2


def _allowed_transliteration(word: str) -> int:
    """Edit distance tolerated between spellings in two scripts, stricter than typos: none up to 4 letters,
    1 up to 7 ("Shevron" ~ "Chevron"), else 2 ("Фудбериз" ~ "фудберри")."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else 2


def _word_idf(word: QueryWord, idf: dict[int, float]) -> dict[int, float]:
    """The idf of each of a query word's terms; another name of an organisation counts no more than the
    name the query gives ("ЮТС" for "Южноморский таможенный союз" weighs as the name's own words)."""
    own = [idf[tid] for tid, exp in word.expansions.items() if exp.why not in OTHER_NAMES]
    ceiling = max(own) if own else math.inf
    return {tid: min(idf[tid], ceiling) if exp.why in OTHER_NAMES else idf[tid]
            for tid, exp in word.expansions.items()}


def term_positions(terms: str, extra: str, wanted: list[tuple[str, int]]) -> dict[int, list[int]]:
    """Where the wanted terms stand in a paragraph as `para_terms` writes it (`term_token`s joined by
    spaces), each given as (" token ", tid); -1 for each time it is among the paragraph's extra terms:
    ("k 2s bg 2s", "", [(" 2s ", 100)]) → {100: [1, 3]}. Found by the string's own search rather than by
    splitting every candidate paragraph into its terms (half the time)."""
    positions: dict[int, list[int]] = {}
    for text, place in ((f" {terms} ", True), (f" {extra} ", False)):
        for needle, tid in wanted:
            start = text.find(needle)
            while start >= 0:
                positions.setdefault(tid, []).append(text.count(" ", 0, start) if place else -1)
                start = text.find(needle, start + len(needle) - 1)
    return positions


def score_paragraph(words: list[QueryWord], positions: dict[int, list[int]], idf: list[dict[int, float]],
                    relative_length: float, sequences: dict[int, tuple[int, ...]]) -> tuple[float, bool]:
    """BM25 per query word (its best expansion), scaled by coverage and word proximity; and whether every
    query word matched, with the places of its terms (`term_positions`) and `idf` per query word
    (`_word_idf`). A several-word name (`sequences`) counts where its words stand together.

    Quoted phrases must stand together in order, or the paragraph does not match.
    """
    for key, tids in sequences.items():
        starts = [start for start in positions.get(tids[0], ()) if start >= 0 and all(
            start + offset in positions.get(tid, ()) for offset, tid in enumerate(tids))]
        if starts:
            positions[key] = starts
    norm = BM25_K1 * (1 - BM25_B + BM25_B * relative_length)
    total, covered, word_positions = 0.0, 0, []
    for word, word_idf in zip(words, idf):
        best, where = 0.0, []
        for tid, expansion in word.expansions.items():
            found = positions.get(tid)
            if not found:
                continue
            tf = len(found)
            value = expansion.weight * word_idf[tid] * tf * (BM25_K1 + 1) / (tf + norm)
            best = max(best, value)
            where += found
        word_positions.append(sorted(set(where)))
        if best:
            covered += 1
            total += best
    if not total:
        return 0.0, False
    bonus = 0.0
    for index in range(1, len(words)):
        before, after, word = word_positions[index - 1], word_positions[index], words[index]
        if word.phrase is not None and word.phrase == words[index - 1].phrase:
            if not _adjacent(before, after, word.gap):
                return 0.0, False
        if _adjacent(before, after, 3):
            bonus += 0.5
    return total * (covered / len(words)) ** 2 * (1 + bonus), covered == len(words)


def _adjacent(before: list[int], after: list[int], gap: int) -> bool:
    """Words stand close: within `gap` in order, or at one place (two query words both matched by one
    other name: "Южный союз" by "ЮС")."""
    if -1 in before or -1 in after:
        return bool(before and after)
    for place in before:  # both sorted: the nearest place at or after it decides
        nearest = bisect_left(after, place)
        if nearest < len(after) and after[nearest] - place <= gap:
            return True
    return False
