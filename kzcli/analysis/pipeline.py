"""natasha over an article: sentences, tokens with lemmas, named entities, interviewee.

Everything here runs at indexing time only; query commands never import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from razdel import sentenize, tokenize  # natasha's segmentation, without its wrapper records

from ..ingest.structure import Structure
from ..lang.calendar import year_after
from ..lang.text import fold_homoglyphs, normal_word, written_yo
from .chronology import find_mentions
from .crossref import CODE
from .events import DatedEvent, UndatedEvent, dated_events, undated_events
from .figures import Figure, sentence_figures
from .inflection import Inflector
from .names import Mention, link_first_names, sentence_mentions
from .speech import (APPEAL_VERBS, CARRYING_VERBS, CUE_NOUNS, CUE_VERBS, LEARNING_VERBS, PARENTHETICAL_NOUNS,
                     REQUEST_NOUNS, ArticleSpeech, Quote)

INTERVIEW_CUES = {
    "рассуждать", "ответить", "отвечать", "рассказать", "рассказывать", "отметить", "отмечать",
    "считать", "говорить", "поделиться", "делиться", "объяснить", "объяснять", "пояснить",
    "пояснять", "комментировать", "прокомментировать", "беседовать", "размышлять", "уверять",
    "интервью", "мнение", "оценивать", "оценить", "заявлять", "заявить", "утверждать",
}
MAX_SENTENCE_TOKENS = 200  # news sentences run to about a hundred; longer runs are cut (see _pieces)
NAME_POS = {"PROPN", "NOUN", "ADJ"}
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}  # dictionary marks of a name
TREE_CUES = (CUE_VERBS | CARRYING_VERBS | LEARNING_VERBS | APPEAL_VERBS | REQUEST_NOUNS | CUE_NOUNS | PARENTHETICAL_NOUNS
             | INTERVIEW_CUES)
# A year's "г." ends a sentence before a capitalised word no sentence carries inside ("… 2025 г. В 2024-м …"),
# not before a name ("в 2025 г. Газпром увеличил добычу").
YEAR_END = re.compile(r"(?:(?<=\d{4}\sг\.)|(?<=\d{4}г\.)|(?<=\d{4}\sгг\.)|(?<=\d{4}гг\.))\s+(?![А-ЯЁ]\.)(?=(?:"
                      r"В|Во|На|По|С|Со|К|За|До|Из|От|При|После|Для|У|О|Об|Это|Эт[аои]|Этот|Он|Она|Оно|Они|Мы|Я|Вы|"
                      r"Однако|Но|А|И|Так|Как|Тогда|Также|Кроме|Теперь|Сейчас|Уже|Ранее|Позже|Затем|Впрочем|Всего)\b)")
# A sentence end with no space after it ("…завершён».Напомним, …"): after a closing quote or bracket, or
# a word of three letters or more (not "г.Москва", "ул.Ленина"), before a capitalised word.
GLUED_END = re.compile(r"(?:(?<=[»\"”)][.!?])|(?<=[а-яё]{3}[.!?]))(?=[А-ЯЁ][а-яё])")


@dataclass
class Token:
    start: int  # offset in the sentence
    text: str
    lemma: str
    pos: str
    feats: str  # "Case=Nom|Gender=Masc…"
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str
    nominative: str = ""  # an adjective before a noun, a plural noun: its agreeing nominative (`_nominatives`)


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
    lexemes: set[tuple[str, int, str]] = field(default_factory=set)  # (stem, paradigm, lemma) of the written words
    paradigms: dict[int, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # their (prefix, suffix) pairs

    def published_window(self) -> tuple[str | None, str | None]:
        """For an undated article: it appeared after the latest event it reports as past."""
        past = [event.first_day for event in self.events if not event.planned and event.first_day]
        return (max(past) if past else None), None


class Analyzer:
    """Holds natasha's models; create once per process (loading takes about a second)."""

    def __init__(self) -> None:
        from .morphology import LeanMorphVocab
        from .taggers import Taggers

        self.vocab = LeanMorphVocab()
        self.taggers = Taggers()
        self.inflector = Inflector(self.vocab)
        self._readings: dict[str, list] = {}
        self._lemmas: dict[tuple[str, str], str] = {}  # news repeats its words: each reading is looked up once
        self._nominatives: dict[tuple[str, str], str] = {}
        self._normals: dict[tuple, str] = {}
        self._inflections: dict[tuple, str | None] = {}

    def analyse(self, structure: Structure) -> Analysis:
        return self.analyse_all([structure])[0]

    def analyse_all(self, structures: list[Structure]) -> list[Analysis]:
        """Several articles at once: the models see all their sentences together, in fuller batches. An
        article in another language than Russian is not analysed (its Analysis is empty): Russian
        models would invent its people and quotes."""
        units = []
        for structure in structures:
            units.append([])
            if structure.language != "ru":
                continue
            units[-1] += [(-1, structure.title)] if structure.title else []
            units[-1] += [(index, para.text) for index, para in enumerate(structure.paragraphs)]
        return [self._article(structure, sentences, dates)
                for structure, (sentences, dates) in zip(structures, self._sentences(units))]

    def _article(self, structure: Structure, sentences: list[Sentence], dates: list[list]) -> Analysis:
        analysis = Analysis(sentences)
        if not sentences:
            return analysis
        if structure.genre == "interview":
            lead = {index for index, para in enumerate(structure.lead)}
            analysis.interviewee = find_interviewee([s for s in sentences if s.para in lead])
        analysis.mentions = [m for i, sent in enumerate(sentences) for m in sentence_mentions(i, sent, self.lookup)]
        link_first_names(analysis.mentions)
        analysis.quotes = ArticleSpeech(structure, sentences, analysis.mentions, analysis.interviewee).quotes()
        analysis.events = dated_events(sentences, dates, structure.published or structure.published_month)
        if self._date_stamp(structure, analysis):  # the stamp's year found: date the events again from it
            analysis.events = dated_events(sentences, [find_mentions(s.text) for s in sentences], structure.published)
        analysis.undated = undated_events(sentences, {i for i, found in enumerate(dates) if found})
        analysis.figures = [figure for i, sent in enumerate(sentences)
                            for figure in sentence_figures(i, sent, dates[i], self)]
        analysis.lexemes = self.inflector.new_lexemes(
            {(normal_word(token.text), token.lemma) for sent in sentences for token in sent.tokens})
        analysis.paradigms = {para: self.inflector.endings(para) for _, para, _ in analysis.lexemes}
        return analysis

    @staticmethod
    def _date_stamp(structure: Structure, analysis: Analysis) -> bool:
        """A year-less stamp ("СЕВЕРСК, 12 фев — Вестник.") takes the year just after the latest past event
        the article reports (`lang.calendar.year_after`); sets the structure's publication date."""
        latest = analysis.published_window()[0]
        if structure.published or structure.published_month or not structure.stamp_day or not latest:
            return False
        stamp = year_after(*structure.stamp_day, date.fromisoformat(latest))
        if stamp is None:
            return False
        structure.published, structure.published_source = stamp.isoformat(), "stamp+events"
        return True

    def lookup(self, word: str) -> tuple[str, bool, bool, bool] | None:
        """Dictionary reading of a word: (part of speech, first reading is a name, any reading is, any
        reading is animate). "София" is read as the city alone and "Си" as the note: neither is a role word
        before a surname, as "Посол" is."""
        tags = self._dictionary_tags(word)
        names = [bool({"Name", "Surn", "Patr"} & tag.grammemes) for tag in tags]
        return (str(tags[0].POS), names[0], any(names), any("anim" in tag.grammemes for tag in tags)) if tags else None

    def _dictionary_tags(self, word: str) -> list:
        """pymorphy's readings of a word it knows, [] otherwise; each word is looked up once."""
        if word not in self._readings:
            self._readings[word] = self.vocab.tag(word) if self.vocab.word_is_known(word.lower()) else []
        return self._readings[word]

    def _sentences(self, articles: list[list[tuple[int, str]]]) -> list[tuple[list[Sentence], list[list]]]:
        """Per article (a list of (paragraph index, text) units): its sentences with tokens and entities,
        and each sentence's date mentions.

        Every sentence gets morphology (lemmas are what search finds); named entities only where a
        capitalised word can start one; the syntax tree only where a rule reads it (names, speech
        cues, dates, figures, codes).
        """
        sentences, words, owners = [], [], []
        for article, units in enumerate(articles):
            for para, unit_text in units:
                folded = fold_homoglyphs(unit_text)  # same length: offsets hold for the original text
                for begin, end in self._sentence_spans(unit_text):
                    spans = [(begin + t.start, begin + t.stop) for t in tokenize(folded[begin:end])]
                    for sentence, sentence_words in _pieces(para, unit_text, folded, begin, end, spans):
                        sentences.append(sentence)
                        words.append(sentence_words)
                        owners.append(article)
        for sentence, tags in zip(sentences, self.taggers.morph(words)):
            for token, tag in zip(sentence.tokens, tags):
                token.pos, _, token.feats = tag.partition("|")
        named = [i for i, sentence in enumerate(sentences) if self._may_name(sentence.tokens)]
        entity_tags = dict(zip(named, self.taggers.ner([words[i] for i in named])))
        dates = [find_mentions(sentence.text) for sentence in sentences]
        for i, sentence in enumerate(sentences):
            spans = _entity_spans(sentence.tokens, entity_tags.get(i, ()))
            for token, word in zip(sentence.tokens, words[i]):
                named = token.pos in NAME_POS and any(start <= token.start < end for start, end, _ in spans)
                token.lemma = self._nominative(word, token) if named else self._lemma(word, token)
            sentence.entities = [Entity(start, end, kind, sentence.text[start:end], "") for start, end, kind in spans]
            self._phrase_nominatives(sentence.tokens, words[i])
        parsed = [i for i, sentence in enumerate(sentences) if dates[i] or _needs_tree(sentence)]
        for i, tree in zip(parsed, self.taggers.syntax([words[i] for i in parsed])):
            for token, (head, rel) in zip(sentences[i].tokens, tree):
                token.head, token.rel = head, rel
        for sentence, folded in zip(sentences, words):
            for entity in sentence.entities:
                entity.normal = self._normal(sentence, folded, entity)
        result: list[tuple[list, list]] = [([], []) for _ in articles]
        for article, sentence, found in zip(owners, sentences, dates):
            result[article][0].append(sentence)
            result[article][1].append(found)
        return result

    def _sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """razdel's sentences of a paragraph, also cut where a sentence end lacks its space, and after a
        year's "г." before a capital ("… 7 сентября 2025 г. В 2024-м …"), which razdel never cuts."""
        spans = []
        for sent in sentenize(text) if text else ():
            ends = [(m.start(), m.start()) for m in GLUED_END.finditer(sent.text)]
            ends += [(m.start(), m.end()) for m in YEAR_END.finditer(sent.text)]
            cuts = [sent.start] + [sent.start + at for end in sorted(ends) for at in end] + [sent.stop]
            spans += [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if text[a:b].strip()]
        return spans

    def _may_name(self, tokens: list[Token]) -> bool:
        """Whether a sentence can hold a named entity: a capitalised word after the first, or a first
        word that the tagger or the dictionary reads as a name, or does not know."""
        if not tokens:
            return False
        if any(token.text[:1].isupper() for token in tokens[1:]):
            return True
        first = tokens[0]
        if first.pos == "PROPN" or not first.text[:1].isupper():
            return first.pos == "PROPN"
        readings = self._dictionary_tags(first.text)
        return not readings or any(PROPER & tag.grammemes for tag in readings)

    def _lemma(self, word: str, token: Token) -> str:
        key = word, token.pos + token.feats
        if key not in self._lemmas:
            self._lemmas[key] = normal_word(self.vocab.lemmatize(word, token.pos, _feats(token.feats)) or word)
        return self._lemmas[key]

    def _phrase_nominatives(self, tokens: list[Token], words: list[str]) -> None:
        """The nominative a topic label needs: an adjective's agreeing with the noun after it ("стратегическом
        партнерстве" → стратегическое), a plural noun's ("минералам" → минералы)."""
        for token, word, following in zip(tokens, words, tokens[1:] + [None]):
            if token.pos == "ADJ" and following is not None and following.pos in {"NOUN", "PROPN"}:
                feats = _feats(following.feats)
                number = feats.get("Number", "Sing")
                agreement = {number} if number == "Plur" else {number, feats.get("Gender", "Masc")}
                token.nominative = self._inflected(word, token, frozenset({"Nom"} | agreement))
            elif token.pos == "NOUN" and "Number=Plur" in token.feats:
                token.nominative = self._inflected(word, token, frozenset({"Nom", "Plur"}))

    def _inflected(self, word: str, token: Token, grams: frozenset) -> str:
        """The word's reading that fits the tagger's, inflected to `grams` (its lemma if none fits). The
        lemma is not cached: a surname's differs between a name and a plain word of the same tags."""
        key = word, token.pos + token.feats, grams
        if key not in self._inflections:
            from natasha.norm import pos_match

            feats = _feats(token.feats)
            forms = [form for form in self.vocab(word.lower()) if pos_match(form.pos, token.pos)]
            fitting = [form for form in forms if all(form.feats.get(name) == feats.get(name) for name in ("Case", "Number"))]
            form = (fitting or forms or [None])[0]  # the tagger's gender of a noun is not always the dictionary's
            inflected = form.inflect(set(grams)) if form else None
            self._inflections[key] = normal_word(inflected.word) if inflected else None
        return self._inflections[key] or token.lemma

    def _nominative(self, word: str, token: Token) -> str:
        """A name word in the nominative, agreeing with the tagger's gender (Токаеву → токаев)."""
        from natasha.norm import inflect_word

        key = word, token.pos + token.feats
        if key not in self._nominatives:
            self._nominatives[key] = normal_word(inflect_word(self.vocab, _doc_token(word, token, 0)))
        return self._nominatives[key]

    def nominative(self, sentence: Sentence, nodes: list[int]) -> str:
        """The words at `nodes` of a sentence with their head (and its adjectives) in the nominative,
        by natasha's syntax normalisation: "прямых иностранных инвестиций" → "прямые иностранные инвестиции"."""
        from natasha.norm import syntax_normalize

        tokens = [sentence.tokens[i] for i in nodes]
        key = tuple((t.text, t.pos + t.feats, t.head, t.start) for t in tokens)
        if key not in self._normals:
            doc_tokens = [_doc_token(t.text, t, i) for i, t in zip(nodes, tokens)]
            for doc_token in doc_tokens:
                doc_token.head_id = doc_token.head_id if doc_token.head_id in nodes else None
            self._normals[key] = syntax_normalize(self.vocab, doc_tokens)
        return self._normals[key]

    def counted(self, lemma: str) -> tuple[str, str, str]:
        """A counted noun's forms after 1, after 2–4 and after 5: "компания" → (компания, компании, компаний)."""
        nouns = [form for form in self.vocab(lemma) if form.tag.POS == "NOUN"]
        forms = [nouns[0].inflect(grams) if nouns else None for grams in ({"Nom", "Sing"}, {"Gen", "Sing"}, {"Gen", "Plur"})]
        return tuple(form.word if form else lemma for form in forms)

    def _normal(self, sentence: Sentence, words: list[str], entity: Entity) -> str:
        """natasha's normal form of an entity ("Министерства иностранных дел" → "Министерство иностранных дел")."""
        from natasha.doc import DocSpan

        inside = [(index, token, word) for index, (token, word) in enumerate(zip(sentence.tokens, words))
                  if entity.start <= token.start < entity.end]
        first = inside[0][0] if inside else 0
        key = entity.type, tuple((word, token.pos + token.feats, token.head - first, token.start - entity.start)
                                 for _, token, word in inside)  # the same words, tags and tree give the same normal
        if key not in self._normals:
            tokens = [_doc_token(word, token, index) for index, token, word in inside]
            span = DocSpan(entity.start, entity.end, entity.type, entity.text, tokens=tokens)
            span.normalize(self.vocab)
            self._normals[key] = written_yo(span.normal, " ".join(word for _, _, word in inside))
        return self._normals[key]


def _pieces(para: int, text: str, folded: str, start: int, stop: int,
            spans: list[tuple[int, int]]) -> list[tuple[Sentence, list[str]]]:
    """A sentence of a paragraph (its offsets and token spans there) with the words the models read.

    A sentence of more than MAX_SENTENCE_TOKENS tokens is cut into runs of that many: text with no
    sentence ends (a keyword list, a scraped table) would otherwise make one huge "sentence", and the
    syntax model's cost grows with the square of a sentence's length (8,000 words took 2 GB).
    """
    runs = [spans[i: i + MAX_SENTENCE_TOKENS] for i in range(0, len(spans), MAX_SENTENCE_TOKENS)] or [[]]
    pieces = []
    for index, run in enumerate(runs):
        first = run[0][0] if index else start
        last = run[-1][1] if index < len(runs) - 1 else stop
        sentence = Sentence(para, first, last, text[first:last])
        sentence.tokens = [Token(begin - first, text[begin:end], "", "", "", -1, "") for begin, end in run]
        pieces.append((sentence, [folded[begin:end] for begin, end in run]))
    return pieces


def _needs_tree(sentence: Sentence) -> bool:
    """Whether a rule reads this sentence's syntax: it names someone or something, has a number, a code,
    a speech cue, or is the headline."""
    return bool(sentence.para < 0 or sentence.entities or CODE.search(sentence.text)
                or any(token.pos == "NUM" or token.lemma in TREE_CUES for token in sentence.tokens))


def _entity_spans(tokens: list[Token], tags) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity from the tokens' BIO tags, read as slovnet reads them."""
    spans: list[list] = []
    current = None
    for token, tag in zip(tokens, tags):
        part, _, kind = tag.partition("-")
        end = token.start + len(token.text)
        if part == "B":
            current = [token.start, end, kind]
            spans.append(current)
        elif part == "I" and current is not None:
            current[1] = end
        else:
            current = None
    return [tuple(span) for span in spans]


def _feats(feats: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in feats.split("|")) if feats else {}


def _doc_token(word: str, token: Token, index: int):
    """natasha's token record (with the word as the models read it), for its normalisation functions."""
    from natasha.doc import DocToken

    return DocToken(token.start, token.start + len(word), word, id=index,
                    head_id=token.head if token.head >= 0 else None, rel=token.rel,
                    pos=token.pos, feats=_feats(token.feats))


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
