"""natasha over an article: sentences, tokens with lemmas, named entities, interviewee.

Everything here runs at indexing time only; query commands never import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chronology import find_mentions
from .events import DatedEvent, UndatedEvent, dated_events, undated_events
from .figures import Figure, sentence_figures
from .names import Mention, link_first_names, sentence_mentions
from .speech import ArticleSpeech, Quote
from .structure import Structure
from .text import fold_homoglyphs, normal_word

INTERVIEW_CUES = {
    "рассуждать", "ответить", "отвечать", "рассказать", "рассказывать", "отметить", "отмечать",
    "считать", "говорить", "поделиться", "делиться", "объяснить", "объяснять", "пояснить",
    "пояснять", "комментировать", "прокомментировать", "беседовать", "размышлять", "уверять",
    "интервью", "мнение", "оценивать", "оценить", "заявлять", "заявить", "утверждать",
}
NAME_POS = {"PROPN", "NOUN", "ADJ"}


@dataclass
class Token:
    start: int  # offset in the sentence
    text: str
    lemma: str
    pos: str
    feats: str  # "Case=Nom|Gender=Masc…"
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str


@dataclass
class Entity:
    start: int  # offsets in the sentence
    end: int
    type: str  # PER | LOC | ORG
    text: str
    normal: str


@dataclass
class Sentence:
    para: int  # -1 for the headline
    start: int  # offsets in the paragraph
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


@dataclass
class Analysis:
    sentences: list[Sentence]
    interviewee: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[DatedEvent] = field(default_factory=list)
    undated: list[UndatedEvent] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def published_window(self) -> tuple[str | None, str | None]:
        """For an undated article: it appeared after the latest event it reports as past."""
        past = [event.first_day for event in self.events if not event.planned]
        return (max(past) if past else None), None


class Analyzer:
    """Holds natasha's models; create once per process (loading takes about a second)."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter,
        )

        self.segmenter = Segmenter()
        self.vocab = MorphVocab()
        embedding = NewsEmbedding()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)
        self._readings: dict[str, tuple[str, bool, bool] | None] = {}
        self._lemmas: dict[tuple, str] = {}  # news repeats its words: each reading is looked up once
        self._nominatives: dict[tuple, str] = {}

    def analyse(self, structure: Structure) -> Analysis:
        units = [(-1, structure.title)] if structure.title else []
        units += [(index, para.text) for index, para in enumerate(structure.paragraphs)]
        sentences = self._sentences(units)
        analysis = Analysis(sentences)
        if structure.genre == "interview":
            lead = {index for index, para in enumerate(structure.lead)}
            analysis.interviewee = find_interviewee([s for s in sentences if s.para in lead])
        analysis.mentions = [m for i, sent in enumerate(sentences) for m in sentence_mentions(i, sent, self.lookup)]
        link_first_names(analysis.mentions)
        analysis.quotes = ArticleSpeech(structure, sentences, analysis.mentions, analysis.interviewee).quotes()
        dates = [find_mentions(sent.text) for sent in sentences]
        analysis.events = dated_events(sentences, dates, structure.published)
        analysis.undated = undated_events(sentences, {i for i, found in enumerate(dates) if found})
        analysis.figures = [figure for i, sent in enumerate(sentences) for figure in sentence_figures(i, sent, dates[i])]
        return analysis

    def lookup(self, word: str) -> tuple[str, bool, bool] | None:
        """Dictionary reading of a word: (part of speech, first reading is a name, any reading is)."""
        if word not in self._readings:
            tags = self.vocab.tag(word) if self.vocab.word_is_known(word.lower()) else []
            names = [bool({"Name", "Surn", "Patr"} & tag.grammemes) for tag in tags]
            self._readings[word] = (str(tags[0].POS), names[0], any(names)) if tags else None
        return self._readings[word]

    def _sentences(self, units: list[tuple[int, str]]) -> list[Sentence]:
        from natasha import Doc
        from natasha.doc import DocSent

        text = "\n".join(fold_homoglyphs(unit_text) for _, unit_text in units)
        doc = Doc(text)
        doc.tokens = [_doc_token(token) for token in self.segmenter.tokenize(text)]
        doc.sents, owners, offset = [], [], 0
        for para, unit_text in units:
            for sent in self.segmenter.sentenize(unit_text):
                doc.sents.append(DocSent(offset + sent.start, offset + sent.stop, sent.text))
                owners.append((para, offset))
            offset += len(unit_text) + 1
        doc.envelop_sent_tokens()
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)

        sentences = []
        for sent, (para, para_offset) in zip(doc.sents, owners):
            original = text_slice(units, para, sent.start - para_offset, sent.stop - para_offset)
            result = Sentence(para, sent.start - para_offset, sent.stop - para_offset, original)
            ids = {token.id: index for index, token in enumerate(sent.tokens)}
            span_normals = self._span_token_normals(sent.spans or [])
            for token in sent.tokens:
                lemma = span_normals.get(token.start) or normal_word(self._lemma(token) or token.text)
                feats = "|".join(f"{key}={value}" for key, value in sorted((token.feats or {}).items()))
                result.tokens.append(Token(
                    token.start - sent.start, original[token.start - sent.start: token.stop - sent.start],
                    lemma, token.pos or "X", feats, ids.get(token.head_id, -1), token.rel or "",
                ))
            for span in sent.spans or []:
                span.normalize(self.vocab)
                result.entities.append(Entity(
                    span.start - sent.start, span.stop - sent.start, span.type,
                    original[span.start - sent.start: span.stop - sent.start], span.normal,
                ))
            sentences.append(result)
        return sentences

    def _lemma(self, token) -> str:
        key = _reading(token)
        if key not in self._lemmas:
            self._lemmas[key] = self.vocab.lemmatize(token.text, token.pos, token.feats)
        return self._lemmas[key]

    def _span_token_normals(self, spans) -> dict[int, str]:
        """Nominative form of each name token, agreeing with the tagger's gender (Токаеву → токаев)."""
        from natasha.norm import inflect_word

        normals = {}
        for span in spans:
            for token in span.tokens:
                if token.pos in NAME_POS:
                    key = _reading(token)
                    if key not in self._nominatives:
                        self._nominatives[key] = normal_word(inflect_word(self.vocab, token))
                    normals[token.start] = self._nominatives[key]
        return normals


def _reading(token) -> tuple:
    """What a word's lemma and nominative depend on: its text, part of speech and features."""
    return token.text, token.pos, tuple(sorted((token.feats or {}).items()))


def _doc_token(token):
    from natasha.doc import DocToken

    return DocToken(token.start, token.stop, token.text)


def text_slice(units: list[tuple[int, str]], para: int, start: int, end: int) -> str:
    for index, unit_text in units:
        if index == para:
            return unit_text[start:end]
    return ""


def find_interviewee(lead: list[Sentence]) -> str | None:
    """The person the lead presents as speaking: the subject of an interview cue.

    "… рассуждает Председатель … Айгуль Куспан" (the name closes the subject's
    role phrase) and "… Канатбек Азиз отмечает:" (the name is the subject);
    falls back to the lead's last full name.
    """
    fallback = None
    for sent in reversed(lead):
        people = [entity for entity in sent.entities if entity.type == "PER" and " " in entity.normal.strip()]
        if not people:
            continue
        fallback = fallback or people[-1].normal
        for index, token in enumerate(sent.tokens):
            if token.lemma not in INTERVIEW_CUES:
                continue
            subjects = [t for t in sent.tokens if t.head == index and t.rel.startswith("nsubj")]
            for subject in subjects:
                for person in people:
                    if person.start <= subject.start < person.end or person.start > subject.start:
                        return person.normal
    return fallback
