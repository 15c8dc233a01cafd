"""Search terms: what each token contributes to the lemma index.

A token's term is its lemma (names in their nominative form, lower case, ё as е);
codes glued from several tokens with a digit in them ("C5+1", «С5+1») also give a
Latin-lettered compound term, so either script finds them. Names written in Cyrillic
get their Latin spellings, Latin words their Cyrillic readings (`spellings`), so a
query in the other script finds them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..lang.text import CYRILLIC, LATIN, latin_code, normal_word
from ..lang.translit import cyrillic_readings, latin_spellings

SKIPPED_POS = {"PUNCT", "SYM"}
CODE = re.compile(r"(?=.*\d)(?=.*[^\W\d_])")
GLUE = re.compile(r"\w+|[+\-/&.]")


def paragraph_terms(sentences) -> dict[int, tuple[list[str], list[str], set[tuple[str, str]], set[tuple[str, str]]]]:
    """para → (term per word token in order, compound terms, (surface form, term) pairs, (spelling in the
    other script, term) pairs)."""
    result: dict[int, tuple[list[str], list[str], set, set]] = defaultdict(lambda: ([], [], set(), set()))
    for sent in sentences:
        terms, extra, forms, other_script = result[sent.para]
        for index, token in enumerate(sent.tokens):
            if token.pos in SKIPPED_POS and not any(ch.isalnum() for ch in token.text):
                continue
            terms.append(token.lemma)
            forms.add((normal_word(token.text), token.lemma))
            other_script.update((spelling, token.lemma) for spelling in spellings(token, index))
        for chunk in glued_chunks(sent.tokens):
            code = latin_code(chunk)
            extra.append(code)
            forms.add((code, code))
    return dict(result)


def glued_chunks(tokens) -> list[str]:
    """Runs of two or more tokens written without spaces that mix letters and digits ("C5+1")."""
    chunks, run, end = [], [], None
    for token in list(tokens) + [None]:
        glued = token is not None and run and token.start == end and GLUE.fullmatch(token.text)
        if glued:
            run.append(token.text)
        else:
            while run and not run[-1][-1].isalnum():
                run.pop()
            if len(run) > 1 and CODE.match("".join(run)):
                chunks.append("".join(run))
            run = [token.text] if token is not None and GLUE.fullmatch(token.text) else []
        if token is not None:
            end = token.start + len(token.text)
    return chunks


def spellings(token, index: int) -> tuple[str, ...]:
    """A name's spellings in the other script: Latin ones for a Cyrillic name ("Воробьёв" → "vorobyov",
    "vorobev"), Cyrillic readings for a Latin word of three letters or more ("Foodberry" →
    "фудберри" …). A Cyrillic word is a name when tagged PROPN or capitalised inside its sentence."""
    text = token.text
    if not text.isalpha():
        return ()
    if CYRILLIC.search(text) and not LATIN.search(text):
        if token.pos == "PROPN" or (index > 0 and text[:1].isupper()):
            return latin_spellings(text)
        return ()
    if LATIN.search(text) and not CYRILLIC.search(text) and len(text) >= 3:
        return tuple(normal_word(reading) for reading in cyrillic_readings(text.lower()))
    return ()
