"""Search terms: what each token contributes to the lemma index.

A token's term is its lemma (names in their nominative form, lower case, ё as е);
codes glued from several tokens with a digit in them ("C5+1", «С5+1») also give a
Latin-lettered compound term, so either script finds them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..lang.text import latin_code, normal_word

SKIPPED_POS = {"PUNCT", "SYM"}
CODE = re.compile(r"(?=.*\d)(?=.*[^\W\d_])")
GLUE = re.compile(r"\w+|[+\-/&.]")


def paragraph_terms(sentences) -> dict[int, tuple[list[str], list[str], set[tuple[str, str]]]]:
    """para → (term per word token in order, compound terms, (surface form, term) pairs)."""
    result: dict[int, tuple[list[str], list[str], set]] = defaultdict(lambda: ([], [], set()))
    for sent in sentences:
        terms, extra, forms = result[sent.para]
        for token in sent.tokens:
            if token.pos in SKIPPED_POS and not any(ch.isalnum() for ch in token.text):
                continue
            terms.append(token.lemma)
            forms.add((normal_word(token.text), token.lemma))
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
