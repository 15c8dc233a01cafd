"""Who said what: direct, indirect and interview speech from natasha's syntax trees.

A statement needs a speech cue (a reporting verb or noun, by lemma), a speaker
resolved to a person or organisation span, and content (the words inside
quotation marks, or the reported clause). No speaker, no quote: a wrong
attribution is worse than a missing one. Runs at index time on the analysis
already made; it loads no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import Mention
from .syntax import Tree

CUE_VERBS = {
    "заявить", "заявлять", "сказать", "говорить", "отметить", "отмечать", "подчеркнуть", "подчеркивать",
    "сообщить", "сообщать", "добавить", "добавлять", "пояснить", "пояснять", "напомнить", "напоминать",
    "признать", "признавать", "пообещать", "обещать", "предупредить", "предупреждать", "написать", "писать",
    "считать", "полагать", "утверждать", "уверять", "заверить", "заверять", "указать", "указывать",
    "рассказать", "рассказывать", "объяснить", "объяснять", "уточнить", "уточнять", "констатировать",
    "призвать", "призывать", "ответить", "отвечать", "заметить", "замечать", "надеяться", "настаивать",
    "подтвердить", "подтверждать", "объявить", "объявлять", "анонсировать", "прокомментировать",
    "комментировать", "опровергнуть", "опровергать", "выразить", "высказаться", "резюмировать",
    "подытожить", "убеждать", "признаться", "говориться", "сообщаться", "рассуждать", "отреагировать",
    "пригрозить", "предложить", "предлагать", "потребовать", "требовать", "посетовать", "возразить",
    "уверенный", "убежденный", "процитировать", "цитировать", "поделиться",
}
CUE_NOUNS = {
    "заявление", "слово", "мнение", "письмо", "сообщение", "комментарий", "выступление", "речь",
    "обращение", "интервью", "реакция", "ответ", "оценка", "позиция", "данные", "признание", "обещание",
    "предупреждение", "призыв", "утверждение", "высказывание", "цитата", "пресс-релиз", "публикация",
    "послание", "пост", "твит", "телеграмма", "доклад", "отчет",
}
# "по словам X, …", "по мнению X, …": a parenthetical that carries the speaker.
PARENTHETICAL_NOUNS = {"слово", "мнение", "оценка", "данные", "утверждение", "заявление", "сообщение"}
PRONOUNS = {"он", "она", "они"}
OWNER_RELS = {"nmod", "appos", "flat", "flat:name", "flat:foreign", "conj"}
CLAUSE_RELS = {"ccomp", "advcl", "obj", "parataxis", "xcomp", "csubj", "obl", "nmod"}
ABOUT = {"о", "об", "обо"}
# Endings a genitive name never has; the tagger sometimes reads "письмо Токаеву" as genitive.
NOT_GENITIVE = ("у", "ю", "ым", "им", "ом", "ем", "ой")
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
DASH_BEFORE = re.compile(r"[,.!?…]?\s*[—–-]\s*$")
DASH_AFTER = re.compile(r"\s*,\s*[—–-]\s*")
TRAILING = " ,;:—–-\n"


@dataclass
class Speaker:
    type: str  # person | org
    name: str  # as written (people are named canonically later)
    mention: int | None = None  # index into the article's mentions


@dataclass
class Quote:
    para: int
    sent: int
    kind: str  # direct | indirect | interview
    cue: str
    text: str
    start: int  # offsets of the text in the paragraph (for a split quote, of its first part)
    end: int
    speaker: Speaker


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Outermost quoted stretches as (first char inside, closing mark) offsets."""
    spans, stack, straight = [], [], None
    for index, char in enumerate(text):
        if stack and char == QUOTE_PAIRS[text[stack[-1]]]:
            opened = stack.pop()
            if not stack:
                spans.append((opened + 1, index))
        elif char in QUOTE_PAIRS and (char != "“" or not stack):
            stack.append(index)
        elif char == '"' and not stack:
            if straight is None and (index == 0 or not text[index - 1].isalnum()):
                straight = index
            elif straight is not None:
                spans.append((straight + 1, index))
                straight = None
    return sorted(spans)


class ArticleSpeech:
    """Finds the statements in one analysed article."""

    def __init__(self, structure, sentences, mentions: list[Mention], interviewee: str | None) -> None:
        self.texts = {index: para.text for index, para in enumerate(structure.paragraphs)}
        self.texts[-1] = structure.title or ""
        self.kinds = {index: para.kind for index, para in enumerate(structure.paragraphs)}
        self.sentences = sentences
        self.in_para: dict[int, list[int]] = {}  # paragraph → its sentences' indexes, in order
        for index, sent in enumerate(sentences):
            self.in_para.setdefault(sent.para, []).append(index)
        self.mentions = mentions
        self.interviewee = interviewee
        self.by_sentence: dict[int, list[int]] = {}
        for index, mention in enumerate(mentions):
            self.by_sentence.setdefault(mention.sent, []).append(index)
        self.roles: dict[str, set[int]] = {}
        for index, mention in enumerate(mentions):
            if mention.role:
                self.roles.setdefault(mention.role.split()[0].lower(), set()).add(index)

    def quotes(self) -> list[Quote]:
        found = []
        for para in sorted(self.in_para):
            cued = self._cued(para)
            if self.kinds.get(para) == "answer":
                answer = self._answer(para)
                own = {self.mentions[q.speaker.mention].key for q in answer if q.speaker.mention is not None}
                cued = answer + [q for q in cued if q.speaker.mention is None or self.mentions[q.speaker.mention].key not in own]
            found += cued
        return found

    # -- interviews --------------------------------------------------------

    def _answer(self, para: int) -> list[Quote]:
        speaker = self._interviewee()
        text = self.texts[para]
        if not speaker or len(text.split()) < 3:
            return []
        first = self.in_para[para][0]
        return [Quote(para, first, "interview", "интервью", text.strip(), 0, len(text), speaker)]

    def _interviewee(self) -> Speaker | None:
        if not self.interviewee:
            return None
        surname = self.interviewee.split()[-1].lower()
        for index, mention in enumerate(self.mentions):
            if mention.surname.lower() == surname or mention.text == self.interviewee:
                return Speaker("person", mention.text, index)
        return None

    # -- cued speech -------------------------------------------------------

    def _cued(self, para: int) -> list[Quote]:
        text = self.texts[para]
        spans = quote_spans(text)
        found: list[Quote] = []
        last: Speaker | None = None
        for index in self.in_para[para]:
            sent = self.sentences[index]
            for quote in self._sentence(index, sent, text, spans, last):
                found.append(quote)
                last = quote.speaker
            if para < 0 and not found:
                found += self._headline(index, sent)
        return found

    def _sentence(self, index, sent, text, spans, last) -> list[Quote]:
        quotes, used = [], set()
        tree = SpeechTree(sent)
        for i, token in enumerate(sent.tokens):
            noun_cue = token.lemma in PARENTHETICAL_NOUNS and tree.has_case(i, {"по"})
            if token.lemma not in CUE_VERBS and not noun_cue and not (token.lemma in CUE_NOUNS and tree.owner(i) is not None):
                continue
            speaker_token = tree.owner(i) if token.lemma in CUE_NOUNS else tree.subject(i)
            speaker = self._resolve(index, tree, speaker_token, last)
            if speaker is None:
                continue
            content = self._content(i, tree, sent, text, spans, noun_cue)
            if not content:
                continue
            kind, cue, start, end, words = content
            if len(words.split()) < 2 or (start, end) in used:
                continue
            used.add((start, end))
            quotes.append(Quote(sent.para, index, kind, cue, words, start, end, speaker))
        return quotes

    def _content(self, i, tree, sent, text, spans, parenthetical):
        """(kind, cue, start, end, text) of what the cue at token i introduces, or None."""
        token = sent.tokens[i]
        at = sent.start + token.start
        cue = token.text
        inside = next((span for span in spans if span[0] <= at < span[1]), None)
        if inside:
            return self._split_quote(inside, at, text, cue)
        before = next((span for span in reversed(spans) if span[1] <= at), None)
        if before and before[1] >= sent.start - 1 and DASH_BEFORE.search(text[before[1] + 1: at]) \
                and tree.first_verb_after(before[1] - sent.start) == i:
            return ("direct", cue, *before, text[before[0]:before[1]])
        if parenthetical or tree.has_mark(i, {"как"}):
            return self._host_clause(i, tree, sent, cue, parenthetical)
        clause = tree.reported_clause(i)
        after = next((span for span in spans if span[0] > at), None)
        if clause:
            start, end, marker = clause
            start, end = sent.start + start, sent.start + end
            if after and after[0] - 1 <= start + 1 and (after[1] + 1 >= end - 1 or text[after[1] + 1:].lstrip().startswith(",")):
                return ("direct", f"{cue} {marker}", *after, text[after[0]:after[1]])
            return ("indirect", f"{cue} {marker}", start, end, text[start:end].strip(TRAILING))
        if after and after[0] <= sent.end + 1:
            between = text[at + len(token.text): after[0] - 1]
            if len(between.split()) <= 3 and not re.search(r"[.!?;]", between):
                return ("direct", cue + (":" if ":" in between else ""), *after, text[after[0]:after[1]])
        target = tree.object(i)
        if target is not None:
            lo, hi = tree.extent(target)
            words = sent.text[lo:hi].strip(TRAILING)
            return ("indirect", cue, sent.start + lo, sent.start + lo + len(words), words)
        rest = sent.text[token.start + len(token.text):]
        colon = rest.find(":")
        if 0 <= colon <= 60 and len(rest[:colon].split()) <= 4:
            start = sent.start + token.start + len(token.text) + colon + 1
            words = text[start:sent.end].strip(TRAILING + ".")
            return ("indirect", cue + ":", start, start + len(words), words)
        return None

    def _split_quote(self, inside, at, text, cue):
        """«Мы готовы, — сказал он, — к диалогу»: both parts, joined by an ellipsis."""
        head = text[inside[0]:at]
        dash = DASH_BEFORE.search(head)
        tail = DASH_AFTER.search(text, at, inside[1])
        if not dash or not tail:
            return None
        first = head[: dash.start()].strip()
        second = text[tail.end(): inside[1]].strip()
        if not first or not second:
            return None
        return ("direct", cue, inside[0], inside[1], f"{first} … {second}")

    def _host_clause(self, i, tree, sent, cue, parenthetical):
        """"Как отметил X, …" / "по словам X, …": the rest of the sentence is the statement."""
        lo, hi = tree.extent(i)
        marker = "по " if parenthetical else "как "
        comma = sent.text.find(",", sent.tokens[i].start)
        if lo <= 2 and comma > 0:
            start = comma + 1
            words = sent.text[start:]
        else:
            start = 0
            words = sent.text[:lo]
        cut = re.search(r",\s+(но|а|однако|хотя)\s", words)
        words = (words[: cut.start()] if cut else words).strip(TRAILING + ".")
        if not words:
            return None
        offset = sent.text.find(words, start)
        return ("indirect", marker + cue, sent.start + offset, sent.start + offset + len(words), words)

    def _headline(self, index, sent) -> list[Quote]:
        """"Посол США: Токаев снова посетит США"; not a topic label such as "Токаев и США: диалог…"."""
        head, colon, rest = sent.text.partition(":")
        if not colon or len(head.split()) > 6 or len(rest.split()) < 3:
            return []
        if any(t.pos == "CCONJ" for t in sent.tokens if t.start < len(head)):
            return []
        tree = SpeechTree(sent)
        first = next((i for i, t in enumerate(sent.tokens) if t.start < len(head) and t.pos in {"NOUN", "PROPN"}), None)
        speaker = self._resolve(index, tree, first, None)
        if speaker is None:
            return []
        start = len(head) + 1 + (len(rest) - len(rest.lstrip()))
        words = rest.strip(TRAILING + ".")
        return [Quote(sent.para, index, "indirect", head.strip() + ":", words, start, start + len(words), speaker)]

    # -- speakers ----------------------------------------------------------

    def _resolve(self, index, tree, token_index, last) -> Speaker | None:
        if token_index is None:
            return None
        token = tree.sent.tokens[token_index]
        if token.lemma in PRONOUNS:
            return last
        candidates = [token_index] + tree.descendants(token_index, OWNER_RELS, depth=3)
        named = [found for found in (self._named(index, tree, c) for c in candidates) if found]
        named.sort(key=lambda found: found.type != "person")
        if named:
            return named[0]
        if token.pos == "NOUN":
            people = self.roles.get(token.lemma, set()) | self.roles.get(token.text.lower(), set())
            surnames = {self.mentions[m].key for m in people}
            if len(surnames) == 1:
                mention = min(people)
                return Speaker("person", self.mentions[mention].text, mention)
        return None

    def _named(self, index, tree, token_index) -> Speaker | None:
        at = tree.sent.tokens[token_index].start
        for mention in self.by_sentence.get(index, []):
            if self.mentions[mention].start <= at < self.mentions[mention].end:
                return Speaker("person", self.mentions[mention].text, mention)
        entities = tree.sent.entities
        for position, entity in enumerate(entities):
            if entity.type == "ORG" and entity.start <= at < entity.end:
                name = entity.normal
                following = entities[position + 1] if position + 1 < len(entities) else None
                if following and following.type == "LOC" and tree.sent.text[entity.end:following.start] == " ":
                    name = f"{name} {following.text}"
                return Speaker("org", name)
        return None


class SpeechTree(Tree):
    """Dependency-tree questions about speech: subjects, owners, reported clauses."""

    def subject(self, i: int) -> int | None:
        """The subject of a cue verb, borrowed from a coordinated verb or a relative clause's owner."""
        tokens = self.sent.tokens
        for _ in range(3):
            subjects = self.kids(i, {"nsubj", "nsubj:pass"})
            if subjects:
                return subjects[0]
            rel, head = tokens[i].rel, tokens[i].head
            places = [c for c in self.kids(i, {"obl"}) if tokens[c].lemma in CUE_NOUNS]
            if tokens[i].lemma in {"говориться", "сообщаться"} and places:
                return self.owner(places[0])
            if head < 0:
                return None
            if rel == "conj" and tokens[head].pos in {"VERB", "ADJ"}:
                i = head
            elif rel == "acl:relcl":
                governor = self.subject_of_governor(head)
                return governor if governor is not None else self.owner(head)
            else:
                return None
        return None

    def subject_of_governor(self, noun: int) -> int | None:
        head = self.sent.tokens[noun].head
        if head < 0 or self.sent.tokens[head].pos != "VERB":
            return None
        subjects = self.kids(head, {"nsubj"})
        return subjects[0] if subjects else None

    def owner(self, noun: int) -> int | None:
        """Whose statement a cue noun is: "заявление Президента Токаева" → Токаева (a genitive)."""
        tokens = self.sent.tokens
        owners = [
            c for c in self.kids(noun, {"nmod"})
            if not self.kids(c, {"case"}) and "Case=Gen" in tokens[c].feats and not tokens[c].text.endswith(NOT_GENITIVE)
        ]
        return owners[0] if owners else None

    def object(self, i: int) -> int | None:
        """A noun object that names what was announced: "анонсировал введение ограничений"."""
        tokens = self.sent.tokens
        for child in self.kids(i, {"obj"}):
            if child > i and tokens[child].pos == "NOUN" and tokens[child].lemma not in CUE_NOUNS:
                return child
        return None

    def has_case(self, i: int, words: set[str]) -> bool:
        return any(self.sent.tokens[c].lemma in words for c in self.kids(i, {"case"}))

    def has_mark(self, i: int, words: set[str]) -> bool:
        return any(self.sent.tokens[c].lemma in words for c in self.kids(i, {"mark", "advmod"}) if c < i)

    def reported_clause(self, i: int) -> tuple[int, int, str] | None:
        """"заявил, что X" → X; "заявил о X" → X: sentence offsets and the linking word."""
        tokens = self.sent.tokens
        for child in self.kids(i, CLAUSE_RELS):
            if child < i:
                continue
            marks = [c for c in self.kids(child, {"mark"}) if tokens[c].lemma in {"что", "чтобы", "будто"}]
            cases = [c for c in self.kids(child, {"case"}) if tokens[c].lemma in ABOUT]
            linker = (marks or cases or [None])[0]
            if linker is None:
                continue
            lo, hi = self.extent(child)
            start = tokens[linker].start + len(tokens[linker].text)
            if hi - start > 3:
                return start, hi, tokens[linker].text
        return None

    def first_verb_after(self, offset: int) -> int | None:
        for index, token in enumerate(self.sent.tokens):
            if token.start >= offset and token.pos in {"VERB", "ADJ", "AUX"}:
                return index
        return None
