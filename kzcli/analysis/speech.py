"""Who said what: direct, indirect and interview speech from natasha's syntax trees.

A statement needs a speech cue (a reporting verb or noun, by lemma), a speaker
and content. The article is read in order, keeping the people named so far and
the last speaker, so that a pronoun ("— сказала она", "по его словам") or a
role noun ("признал чиновник", "глава ведомства отметил") resolves to the most
recent person it can stand for; a speaker nobody named ("эксперты",
"источник в правительстве") is kept as a `description`. Content is the whole
statement: the words inside quotation marks, across sentences and paragraphs
when the quotation spans them; the reported clause to the end of its sentence;
the sentences before "Об этом сообщил X"; the paragraph after "X заявил:".
Precision first: no speaker, no quote, and a description rather than a guessed
name. Runs at index time on the analysis already made; it loads no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lang.dictionary import nominative
from .names import Mention
from .roles import (BODY_CLASSES, PRESS_OFFICES, SPEAKING_BODIES, agrees, body_fits, feats, heads_a_state,
                    is_role_noun, mention_gender, pronoun_gender, role_fits, verb_gender)
from .syntax import Tree

CUE_VERBS = {
    "заявить", "заявлять", "сказать", "говорить", "отметить", "отмечать", "подчеркнуть", "подчеркивать",
    "сообщить", "сообщать", "добавить", "добавлять", "пояснить", "пояснять", "напомнить", "напоминать",
    "признать", "признавать", "пообещать", "обещать", "предупредить", "предупреждать", "написать", "писать",
    "считать", "полагать", "утверждать", "уверять", "уверить", "заверить", "заверять", "указать", "указывать",
    "рассказать", "рассказывать", "объяснить", "объяснять", "уточнить", "уточнять", "констатировать",
    "призвать", "призывать", "ответить", "отвечать", "заметить", "замечать", "надеяться", "настаивать",
    "подтвердить", "подтверждать", "объявить", "объявлять", "анонсировать", "прокомментировать",
    "комментировать", "охарактеризовать", "опровергнуть", "опровергать", "выразить", "выражать", "высказаться",
    "высказываться",
    "резюмировать",
    "подытожить", "убеждать", "признаться", "говориться", "сообщаться", "рассуждать", "отреагировать",
    "пригрозить", "предложить", "предлагать", "потребовать", "требовать", "посетовать", "возразить",
    "уверенный", "убежденный", "процитировать", "цитировать", "поделиться", "назвать", "называть",
    "попросить", "просить", "поблагодарить", "благодарить", "пожаловаться", "жаловаться", "ожидать",
    "прогнозировать", "допустить", "допускать", "опасаться", "информировать", "проинформировать",
    "акцентировать", "отмечаться", "подчеркиваться", "указываться", "обратить", "высказать",
    "исключить", "исключать", "предположить", "предполагать", "отрицать", "сомневаться", "спрогнозировать",
    "посоветовать", "советовать", "рекомендовать", "порекомендовать",
}
# How words were said: cues with a quotation or a clause only ("«…», — возмущается жительница", "вспоминает,
# что …"); "возмущается ценами", "вспоминает о детстве" report nothing. Not "признаваться": "признается
# состоявшимся" is a passive.
MANNER_VERBS = {
    "возмущаться", "возмутиться", "удивляться", "удивиться", "недоумевать", "сетовать", "восклицать",
    "воскликнуть", "вспоминать", "вспомнить", "шутить", "пошутить", "возражать", "парировать",
    "делиться", "отрезать", "бросить", "заключить", "продолжить", "вздохнуть", "улыбнуться", "усмехнуться",
    "размышлять",
}
CUE_VERBS |= MANNER_VERBS
# Verbs that report speech only with a clause or a quotation ("считает, что …"): "считает его другом",
# "признал независимость", "признана банкротом" report nothing; "прокомментировал санкции", "отреагировал
# на критику" name what was spoken about.
CLAUSE_ONLY = {"считать", "полагать", "надеяться", "ожидать", "прогнозировать", "опасаться", "допустить",
               "допускать", "уверенный", "убежденный", "говорить", "писать", "обратить", "исключить", "исключать",
               "предположить", "предполагать", "отрицать", "сомневаться", "спрогнозировать", "признать",
               "признавать", "уверить", "комментировать", "прокомментировать", "отреагировать"} | MANNER_VERBS
CUE_NOUNS = {
    "заявление", "слово", "мнение", "письмо", "сообщение", "комментарий", "выступление", "речь",
    "обращение", "интервью", "реакция", "ответ", "оценка", "позиция", "данные", "признание", "обещание",
    "предупреждение", "призыв", "утверждение", "высказывание", "цитата", "пресс-релиз", "публикация",
    "послание", "пост", "твит", "телеграмма", "доклад", "отчет", "информация",
}
# "по словам X, …", "по мнению X, …", "со слов X", "согласно данным X": a parenthetical that carries the speaker.
PARENTHETICAL_NOUNS = {"слово", "мнение", "оценка", "данные", "утверждение", "заявление", "сообщение", "информация",
                       "сведения", "прогноз", "подсчет", "расчет", "версия"}
PARENTHETICAL_CASES = {"по", "согласно", "с"}  # natasha's lemma of "со" is "с"
OWNER_RELS = {"nmod", "appos", "flat", "flat:name", "flat:foreign", "conj"}
CLAUSE_RELS = {"ccomp", "advcl", "obj", "parataxis", "xcomp", "csubj", "obl", "nmod"}
PHRASE_RELS = {"amod", "nmod", "det", "nummod", "flat", "flat:name", "flat:foreign", "appos", "case", "compound"}
ABOUT = {"о", "об", "обо"}
# The preposition a reporting verb's complement takes: "пожаловался на …", "призвал к …".
GOVERNED = {
    "пожаловаться": {"на"}, "жаловаться": {"на"}, "указать": {"на"}, "указывать": {"на"}, "обратить": {"на"},
    "призвать": {"к"}, "призывать": {"к"}, "поблагодарить": {"за"}, "благодарить": {"за"},
    "пригрозить": {"с"}, "высказаться": {"за", "против"}, "высказываться": {"за", "против"},
}
# "цитирует тренера", "цитирует слова министра": the one quoted speaks, not the one quoting.
QUOTING_VERBS = {"цитировать", "процитировать"}
WORDS_NOUNS = {"слово", "высказывание", "заявление", "фраза", "ответ", "цитата"}
# "«…», — приводит слова мэра пресс-служба", "передает ТАСС слова министра": a cue only with such words as its
# object ("приводит к росту", "передал документы" are none).
CARRYING_VERBS = {"приводить", "привести", "передавать", "передать"}
# "Позицию профсоюза озвучил его председатель: «…»", "Свое мнение изложил эксперт": a cue only with a statement
# noun as its object ("озвучил сроки" reports nothing); the one who voices it speaks.
VOICING_VERBS = {"озвучить", "озвучивать", "изложить", "излагать", "зачитать", "зачитывать", "огласить", "оглашать"}
# "…, передает ТАСС": an agency passing a statement on; it ends the statement but says nothing itself.
UNNAMED_SOURCES = {"источник", "собеседник", "данные", "информация", "сведения"}
SOURCE_VERBS = {"передавать", "передать", "сообщать", "информировать", "писать"}
CITING_VERBS = SOURCE_VERBS | QUOTING_VERBS | CARRYING_VERBS  # what a medium does with someone's words
CONCESSIVE = {"хотя", "когда", "если", "пока", "поскольку", "хоть", "несмотря"}
# What "выразил …, что" expresses: the clause after it is the statement.
STANCE_NOUNS = {"уверенность", "надежда", "мнение", "убеждение", "опасение", "сожаление", "озабоченность",
                "сомнение", "обеспокоенность", "недоумение", "удовлетворение", "готовность"}
# Where words "говорятся" besides a statement: "говорится на странице министерства", "в блоге мэра".
SAID_IN = {"страница", "аккаунт", "блог", "сайт", "соцсеть"}
# Cues with no speaker but the text they stand in: "говорится в сообщении министерства", "в заявлении отмечается".
IMPERSONAL_VERBS = {"говориться", "сообщаться", "отмечаться", "подчеркиваться", "указываться"}
# "спросил X …. «…», — ответил он": the one asked answers.
ASKING_VERBS = {"спросить", "спрашивать", "поинтересоваться", "интересоваться"}
ANSWERING_VERBS = {"ответить", "отвечать"}
# A request or appeal made "with" a noun: "обратился к мэру с просьбой помочь", "выступил с призывом …".
REQUEST_NOUNS = {"просьба", "призыв", "требование", "предложение"}
APPEAL_VERBS = {"обратиться", "обращаться", "выступить", "выступать"}
# What "такое …" or "это …" names when it points back to the statement before it: "Такое мнение высказал X",
# "Такой вывод сделал X", "С таким заявлением выступил X", "Такую точку зрения высказал X"; not what is
# written or counted ("Такие данные приводит X").
SUCH_STATEMENTS = (CUE_NOUNS | STANCE_NOUNS | REQUEST_NOUNS | {
    "вывод", "прогноз", "точка", "версия", "мысль", "предположение", "замечание"}) - {
    "письмо", "доклад", "отчет", "данные", "информация", "публикация", "пост", "твит", "телеграмма", "пресс-релиз"}
# Verbs that report only with such a statement noun: "Такое заявление сделал X", "Такую оценку дал X",
# "Этой точки зрения придерживается X", "Эти слова произнес X".
MAKING_VERBS = {"сделать", "делать", "дать", "давать", "придерживаться", "произнести", "произносить"}
POINTING_BACK = {"такой", "этот", "это"}  # natasha lemmatises a determiner "это" so
# What was found out, reported only as "как …": "Как выяснило агентство, …", "как установило следствие, …".
LEARNING_VERBS = {"выяснить", "узнать", "установить"}
# Cues whose object before them, the speaker after, is what they made known: "Новые правила объявил глава …".
ANNOUNCING_VERBS = {"анонсировать", "объявить", "объявлять", "подтвердить", "подтверждать", "опровергнуть",
                    "опровергать", "пообещать", "обещать", "предложить", "предлагать"}
PARTITIVE = {"один", "часть", "ряд", "большинство", "многие", "некоторые", "половина", "каждый"}
NOT_CONTENT = {"это", "то", "так", "что", "все", "всё"}
TALKING_VERBS = {"говорить", "рассказывать", "рассуждать", "комментировать"}
QUESTION_WORDS = {"где", "как", "когда", "почему", "зачем", "куда", "откуда", "сколько", "какой", "каков", "кто", "чей",
                  "насколько"}
# Endings a genitive name never has; the tagger sometimes reads "письмо Токаеву" as genitive.
NOT_GENITIVE = ("у", "ю", "ым", "им", "ом", "ем", "ой")
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
CLOSING = "»”"
OPENING = "«“„\""
DASH_BEFORE = re.compile(r"[,.!?…]?\s*[—–-]\s*$")
DASH_SO = re.compile(r"[,.!?…]?\s*[—–-]\s*(?:так\s+)?$")  # "«…» — так прокомментировал X"
NAME_MARKS = (("«", "»"), ("“", "”"), ('"', '"'), ("'", "'"))  # the quotation marks a name may stand in
COLON_QUOTE = re.compile(r":\s*(?=[«“„\"])")  # "…: «" — a quotation shown after a reported clause
AFTER_QUOTATION = re.compile(r"[»”\"][,.!?…]?\s*[—–-]\s*$")  # "«…», — " right before a cue
INITIALLED = re.compile(r"[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+:")  # a speaker's label in a transcript: "М.Котова:"
# A headline that opens with the quotation and names its speaker after it: "«Мы готовы к диалогу»: Токаев о …".
QUOTED_HEADLINE = re.compile(r"^\s*[«“„\"](?P<words>[^«»“”„\"]{2,}?)[»”“\"]\s*[:—–-]\s*(?P<who>\S.*)$")
DASH_AFTER = re.compile(r"\s*[,.]\s*[—–-]\s*")  # ", —" or ". —" after the cue of a torn quotation
COMMA_BEFORE = re.compile(r"[,.!?…»\"”]\s*(?:[—–-]\s*)?$")
LEADING_DASH = re.compile(r"^\s*[—–-]\s*")
DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .-]+,\s+\d{1,2}\s+\w+\.?|^/?[A-ZА-ЯЁ ]+/?\.?$")
TRAILING = " ,;:—–-\n"
# Words of a role phrase that do not tell one holder of the role from another: "глава государства".
GENERIC_MODIFIERS = {"госуд", "стран", "ведом", "респу", "орган", "котор", "этого", "наш", "свой", "своег"}
# Verbs that go on with the last speaker's statement: "Депутат добавил, что …" after "X заявил, что …".
CONTINUING = {"добавить", "добавлять", "уточнить", "уточнять", "продолжить", "продолжать", "пояснить", "пояснять",
              "дополнить", "резюмировать", "подытожить", "заключить"}
# Bodies that stand for the organisation last named ("Ведомство утверждает" after "Роскомнадзор …"); not
# a source or the media, which name no one.
REFERRING_BODIES = SPEAKING_BODIES - {"источник", "сми", "издание", "канал", "сайт", "портал"}
WINDOW = 2  # sentences before a pronoun or role noun, beyond its paragraph, where its person may be named


@dataclass
class Speaker:
    type: str  # person | org | description
    name: str  # as written (people are named canonically later)
    mention: int | None = None  # index into the article's mentions
    phrase: str = ""  # the words in the text that name the speaker: "Олег Смирнов", "он", "чиновник"


@dataclass
class Quote:
    para: int
    sent: int
    kind: str  # direct | indirect | interview
    cue: str
    text: str
    start: int  # offsets of the text in the paragraph (for a quote over paragraphs, in its first one)
    end: int
    speaker: Speaker


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Outermost quoted stretches as (first char inside, closing mark) offsets. A quotation still open at
    the end of the paragraph runs to its end, and one closed before any opens runs from its start: it goes
    on in the next paragraph, or began in the one before. Straight quotes nest too: one after a space or a
    bracket and before a letter opens an inner quotation."""
    spans, stack, straight, depth = [], [], None, 0
    for index, char in enumerate(text):
        if stack and char == QUOTE_PAIRS[text[stack[-1]]]:
            opened = stack.pop()
            if not stack:
                spans.append((opened + 1, index))
        elif char in QUOTE_PAIRS and (char != "“" or not stack):
            stack.append(index)
        elif char in CLOSING and not stack and not spans and straight is None:
            spans.append((0, index))
        elif char == '"' and not stack:
            after_word = index > 0 and text[index - 1].isalnum()
            if straight is None and not after_word:
                straight, depth = index, 1
            elif straight is not None and not after_word and text[index + 1: index + 2].isalnum():
                depth += 1  # a quotation inside: "… проект ("Зеленый город" - прим. ред.) развивается …"
            elif straight is not None:
                depth -= 1
                if not depth:
                    spans.append((straight + 1, index))
                    straight = None
    if stack:
        spans.append((stack[0] + 1, len(text.rstrip())))
    return sorted(spans)


def unclosed(text: str) -> bool:
    """The paragraph opens a quotation it does not close: «Мы начали … (the next paragraph goes on)."""
    spans = quote_spans(text)
    end = len(text.rstrip())
    return bool(spans) and spans[-1][1] == end and text.rstrip()[-1:] not in CLOSING + '"'


class ArticleSpeech:
    """Finds the statements in one analysed article, reading its sentences in order."""

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
        self.genders: dict[str, str] = {}  # surname key → the gender its fullest mention tells ("Анна Белова")
        for mention in sorted(mentions, key=lambda m: (not m.first, not m.nominative)):
            self.genders.setdefault(mention.key, mention_gender(mention))
        self.roles: dict[str, str] = {}  # surname key → the roles stated for that person in the article
        for mention in mentions:
            if mention.role:
                self.roles[mention.key] = f"{self.roles.get(mention.key, '')} {mention.role}".strip()
        self.spans = {para: quote_spans(text) for para, text in self.texts.items()}  # quotation marks, once
        self.quoted = [self._inside_quotes(sent.para, sent.start, sent.end) for sent in sentences]
        self.unquoted_before = [0]  # unquoted sentences before each sentence: the distance a pronoun reaches
        for inside in self.quoted:
            self.unquoted_before.append(self.unquoted_before[-1] + (not inside))
        self.last: tuple[int, Speaker] | None = None  # the sentence and speaker of the latest statement
        self.last_any: tuple[int, Speaker] | None = None  # likewise, of a person or an organisation
        self.last_said: tuple[int, Speaker] | None = None  # likewise, of anyone or anything described
        self.claimed: set[tuple[int, int]] = set()
        self.cued: dict[int, bool] = {}  # sentence → has a cue of its own (asked again by several statements)  # (paragraph, sentence) whose words are some statement

    def _inside_quotes(self, para: int, start: int, end: int) -> bool:
        """Whether a stretch of a paragraph lies inside quotation marks: someone's words, where a name is
        not an antecedent ("«Путин сказал мне…», — сказал он" is not Путин speaking). Quotation marks
        round the name alone are a name's ("Компания «Северная нефть»")."""
        return any(low - 1 <= start and end <= high + 1 and (low + 1 < start or end < high - 1)
                   for low, high in self.spans.get(para, []))

    def quotes(self) -> list[Quote]:
        found = []
        for para in sorted(self.in_para):
            answer = self._answer(para) if self.kinds.get(para) == "answer" else []
            first = self.in_para[para][0]
            opening = self._sentence(first, self.texts[para], self.spans[para])
            if answer and self._narrated(para, opening, answer[0].speaker):
                answer = []
            found += answer
            # an answer's own "я считаю, что …" is the answer; others it reports are their statements
            own = {self.mentions[q.speaker.mention].key for q in answer if q.speaker.mention is not None}
            for index in self.in_para[para]:
                said = opening if index == first else self._sentence(index, self.texts[para], self.spans[para])
                made = [q for q in said
                        if not answer or (q.speaker.mention is not None and self.mentions[q.speaker.mention].key not in own)]
                if para < 0 and not made:
                    made = self._headline(index)
                for quote in made:
                    if not any(self._overlaps(quote, other) for other in found if other.kind != "interview"):
                        found.append(quote)
                        self.claimed.update((quote.para, s) for s in self.in_para.get(quote.para, [])
                                            if self.sentences[s].start < quote.end and quote.start < self.sentences[s].end)
                        if quote.speaker.type == "person":
                            self.last = (index, quote.speaker)
                        if quote.speaker.type in ("person", "org"):
                            self.last_any = (index, quote.speaker)
                        self.last_said = (index, quote.speaker)
        return found

    @staticmethod
    def _overlaps(one: Quote, other: Quote) -> bool:
        """Two statements over the same words, unless they are one joint statement of two speakers."""
        joint = (one.sent, one.start, one.end, one.cue) == (other.sent, other.start, other.end, other.cue) \
            and one.speaker.name != other.speaker.name
        return one.para == other.para and one.start < other.end and other.start < one.end and not joint

    # -- interviews --------------------------------------------------------

    def _answer(self, para: int) -> list[Quote]:
        speaker = self._interviewee()
        text = self.texts[para]
        if not speaker or len(text.split()) < 3:
            return []
        first = self.in_para[para][0]
        return [Quote(para, first, "interview", "интервью", text.strip(), 0, len(text), speaker)]

    def _narrated(self, para: int, opening: list[Quote], interviewee: Speaker) -> bool:
        """Whether a paragraph after an interview's answers is the article's own narration again: it opens
        by reporting what another person, named there as its subject, said, and never speaks in the first
        person ("Продюсер картины Иван Орлов уточнил, что фильм выйдет весной." after the last answer; not
        "Главным стало заявление министра Орлова о …")."""
        named = [self.mentions[q.speaker.mention] for q in opening
                 if q.speaker.type == "person" and q.speaker.mention is not None]
        others = [m for m in named if m.nominative and m.key != self.mentions[interviewee.mention].key]
        return bool(others) and not any("Person=1" in token.feats
                                        for index in self.in_para[para] for token in self.sentences[index].tokens)

    def _interviewee(self) -> Speaker | None:
        if not self.interviewee:
            return None
        surname = self.interviewee.split()[-1].lower()
        for index, mention in enumerate(self.mentions):
            if mention.surname.lower() == surname or mention.text == self.interviewee:
                return Speaker("person", mention.text, index, mention.text)
        return None

    # -- one sentence ------------------------------------------------------

    def _sentence(self, index: int, text: str, spans) -> list[Quote]:
        sent = self.sentences[index]
        tree = SpeechTree(sent)
        quotes = []
        for i, token in enumerate(sent.tokens):
            cue = tree.cue(i)
            if cue is None:
                continue
            subject = tree.speaker_token(i, cue)
            speaker = self._resolve(index, tree, subject)
            pronoun = pronoun_gender(sent.tokens[subject]) if speaker is not None else ""
            if token.lemma in ANSWERING_VERBS and pronoun:
                speaker = self._asked(index, pronoun, speaker.phrase) or speaker
            if speaker is None:
                speaker = self._place_speaker(index, tree, i) or self._message_speaker(index, tree, i)
            if speaker is None:
                continue
            joint = self._joint_speakers(index, tree, i, cue, subject, speaker)
            for quote in self._content(index, i, cue, tree, text, spans, speaker):
                if (len(quote.text.split()) >= 2 or quote.kind == "direct") and not any(self._overlaps(quote, q) for q in quotes):
                    quotes += [quote] + [replace(quote, speaker=other) for other in joint]
        return quotes or self._label(index, tree) or self._signed(index)

    def _asked(self, index, wanted: str, phrase: str) -> Speaker | None:
        """"Журналист спросил мэра Павла Орлова о ремонте. «…», — ответил он.": the one asked in the sentence
        before, in the same paragraph, answers (when the pronoun's gender fits him)."""
        before = index - 1
        if before < 0 or self.sentences[before].para != self.sentences[index].para:
            return None
        tree = SpeechTree(self.sentences[before])
        tokens = tree.sent.tokens
        for i, token in enumerate(tokens):
            if token.lemma in ASKING_VERBS:
                for asked in tree.kids(i, {"obj", "iobj", "obl"}):  # "мэра Павла Орлова": the name in apposition
                    for word in [asked] + tree.descendants(asked, {"appos", "flat", "flat:name"}, depth=2):
                        found = self._named(before, tree, word)
                        if found and found.type == "person" and agrees(wanted, self.genders[self.mentions[found.mention].key]):
                            return Speaker("person", found.name, found.mention, phrase)
        return None

    def _joint_speakers(self, index, tree, i, cue, subject, speaker) -> list[Speaker]:
        """The other people of a joint statement: "Иван Петров и Сергей Смирнов заявили, что …" is both
        men's (a plural verb, names joined by "и" under its subject token)."""
        if speaker.type != "person" or subject is None or cue != "verb" or verb_gender(tree.sent.tokens[i]) != "Plur":
            return []
        others = [self._named(index, tree, c) for c in tree.descendants(subject, OWNER_RELS, depth=3)
                  if tree.sent.tokens[c].rel == "conj"]
        return list({other.name: other for other in others
                     if other and other.type == "person" and other.name != speaker.name}.values())

    def _label(self, index, tree) -> list[Quote]:
        """A person's name, with role words and no verb, and a colon: "Губернатор Олег Малинин: «…»" gives
        the quotation after it, "Эксперт Анна Белова: рынок перегрет" the words after it, and
        "Политолог Анна Белова:" or "Анна Белова, политолог:" as a paragraph of its own the next paragraph."""
        sent = self.sentences[index]
        colon = sent.text.find(":")
        people = [m for m in self.by_sentence.get(index, []) if self.mentions[m].end <= colon]
        label = sent.text[:colon + 1].strip()
        name_end = colon  # where the name ends in this sentence
        if not people and INITIALLED.fullmatch(label) and sent.para >= 0:  # "М.Котова:" that NER missed
            found = self._surname_in_article([t for t in sent.tokens if t.start < colon])
            people = [found.mention] if found else []
        elif len(people) == 1:
            name_end = self.mentions[people[0]].end
            if not self.mentions[people[0]].nominative and label != sent.text[:name_end] + ":":
                return []  # a label is the bare name in the nominative, whatever the tagger read
        if sent.para < 0 or colon < 0 or len(people) != 1 or len(label.split()) > 8 \
                or sent.text[name_end:colon].strip()[:1] not in {"", ","} \
                or any(mark in label for mark in OPENING + CLOSING) \
                or any(t.pos in {"VERB", "AUX"} and t.start < colon for t in sent.tokens):
            return []  # the headline has its own rules; "«Сделка» Трампа: …" names no speaker
        speaker = Speaker("person", self.mentions[people[0]].text, people[0], label[:-1])
        rest = sent.text[colon + 1:].strip()
        if not rest:
            return self._block_after(index, label, speaker) if self.in_para[sent.para] == [index] else []
        after = sent.start + colon + 1
        opening = next((span for span in self.spans[sent.para] if after < span[0] <= after + 2), None)
        if opening:
            return self._opening_quote(index, opening, label, speaker)
        if len(rest.split()) < 3:
            return []
        start = after + len(sent.text[colon + 1:]) - len(sent.text[colon + 1:].lstrip())
        words = rest.rstrip(TRAILING + ".")
        return [Quote(sent.para, index, "indirect", label, words, start, start + len(words), speaker)]

    def _signed(self, index) -> list[Quote]:
        """A quotation signed with a name and no verb: "«Мы продолжим помогать детям», — Анна Петрова, глава
        фонда." The name follows the dash, in the nominative, after a few role words at most ("— глава фонда
        Анна Петрова"); role words may follow it."""
        sent = self.sentences[index]
        text = self.texts.get(sent.para, "")
        before = next((span for span in self.spans.get(sent.para, []) if span[0] <= sent.start + 1 <= span[1] + 1
                       or span[1] < sent.start and not text[span[1] + 1: sent.start].strip(" ,.!?…")), None)
        if sent.para < 0 or before is None or before[1] >= sent.end:
            return []  # the quotation opens the sentence, or ends the one before: "«…!» — Анна Петрова."
        signed = re.match(r"[»”\"]?([,.!?…]?)\s*[—–-]\s*", text[before[1]:])
        if not signed or not (signed[1] or text[before[1] - 1: before[1]] in {".", "!", "?", "…"}):
            return []  # "«Лучший тренер года» — Иван Петров" names an award's winner
        name_at = before[1] + signed.end() - sent.start
        people = [m for m in self.by_sentence.get(index, []) if self.mentions[m].start >= name_at
                  and re.fullmatch(r"(?:[а-яё][а-яё-]*\s+){0,5}", sent.text[name_at:self.mentions[m].start])
                  and (self.mentions[m].start == name_at or self._person_noun_at(sent, name_at))][:1]
        if len(people) != 1 or not self.mentions[people[0]].nominative \
                or any(t.pos in {"VERB", "AUX"} and t.start >= name_at for t in sent.tokens):
            return []
        mention = self.mentions[people[0]]
        tail = sent.text[mention.end:].strip().rstrip(".")
        if tail and not tail.startswith(","):
            return []
        speaker = Speaker("person", mention.text, people[0], sent.text[name_at:].strip().rstrip("."))
        return self._closing_quote(index, before, "—", speaker)

    @staticmethod
    def _person_noun_at(sent, offset: int) -> bool:
        """The word at `offset` names a person's role: "глава", "директор", "эксперт"."""
        token = next((t for t in sent.tokens if t.start == offset), None)
        return token is not None and token.pos == "NOUN" and (is_role_noun(token.lemma) or "Animacy=Anim" in token.feats)

    def _content(self, index, i, cue, tree, text, spans, speaker) -> list[Quote]:
        """The statement the cue at token i introduces: one or more quotes (a quotation over paragraphs
        is one), or none."""
        sent = self.sentences[index]
        token = sent.tokens[i]
        at = sent.start + token.start
        word = token.text
        para = sent.para

        def quote(kind, cue_text, start, end, words=None, where=para):
            words = (self.texts[where][start:end] if words is None else words).strip(TRAILING)
            return Quote(where, index, kind, cue_text, words, start, end, speaker)

        inside = next((span for span in spans if span[0] <= at < span[1]), None)
        if inside:
            split = self._split_quote(inside, at, text)
            return [quote("direct", word, *inside, split)] if split else []
        before = next((span for span in reversed(spans) if span[1] <= at), None)
        between = text[before[1] + 1: at] if before else ""
        pointer = tree.refers_back(i)
        if before and before[1] >= sent.start - 1 and tree.first_verb_after(before[1] - sent.start) == i:
            if DASH_SO.search(between):
                return self._closing_quote(index, before, word, speaker)
            if pointer and re.fullmatch(rf"[,.!?…]?\s*[—–-]\s*{re.escape(pointer)}\s*", between, re.IGNORECASE):
                return self._closing_quote(index, before, f"{pointer} {word}", speaker)  # "«…» — такое заявление сделал X"
        if cue == "parenthetical" or tree.has_mark(i, {"как"}):
            host = self._host_clause(i, tree, sent, word, cue == "parenthetical")
            return [quote(*host)] if host else []
        if pointer:
            return self._before(index, f"{pointer} {word}", speaker)
        clause = tree.reported_clause(i)
        after = next((span for span in spans if span[0] > at), None)
        # the cue as said: "не исключил, что …" reports the opposite of "исключил"
        said = f"не {word}" if any(sent.tokens[k].lemma == "не" for k in tree.kids(i, {"advmod"})) else word
        if clause:
            start, marker = clause
            start = sent.start + start
            end = sent.start + self._clause_end(tree, i, start - sent.start)
            if after and start <= after[0] <= start + 2 and (
                    after[1] + 1 >= end - 1 or text[after[1] + 1:].lstrip().startswith(",")):  # not «Вест» before "что"
                return self._opening_quote(index, after, f"{said} {marker}", speaker)
            colon = COLON_QUOTE.search(text, start, end)
            shown = next((span for span in spans if colon and span[0] == colon.end() + 1), None)
            if shown:  # "рассказала, что ждала парк десять лет: «Наконец-то дождались»": said, then shown
                return [quote("indirect", f"{said} {marker}", start, colon.start())] + self._opening_quote(
                    index, shown, f"{word}:", speaker)
            return [quote("indirect", f"{said} {marker}", start, end)]
        if index == self.in_para[para][0] and LEADING_DASH.fullmatch(text[:at]):
            return self._dash_speech(index, sent.start, word, speaker)  # "– сказала она." after her paragraph
        fronted = tree.fronted_object(i)
        if fronted:
            return [quote("indirect", word, sent.start + fronted[0], sent.start + fronted[1])]
        if tree.inverted(i):
            end = sent.start + tree.sentence_part_before(i)
            if re.search(r"[,.!?…]?\s*[—–-]\s*$", text[sent.start: at]):
                return self._dash_speech(index, end, word, speaker, at)
            if tree.sentence_part_before(i) > 0 and tree.sent.text[:1] not in OPENING:
                return [quote("indirect", word, sent.start, end)]
        if after and after[0] <= sent.end + 1 and token.lemma not in {"назвать", "называть"}:
            gap = text[at + len(word): after[0] - 1]
            fragment = len(text[after[0]:after[1]].split()) < 4 and ":" not in gap  # a named thing, not a statement
            if len(gap.split()) <= 4 and not re.search(r"[.!?;]", gap) and not fragment:
                return self._opening_quote(index, after, word + (":" if ":" in gap else ""), speaker)
        rest = sent.text[token.start + len(word):]
        colon = rest.find(":")
        if 0 <= colon <= 80 and len(rest[:colon].split()) <= 6:
            if not rest[colon + 1:].strip():
                return self._block_after(index, word + ":", speaker)
            start = sent.start + token.start + len(word) + colon + 1
            opening = next((span for span in spans if start < span[0] <= start + 2), None)
            if opening:  # "сказал «Известиям»: «…»"
                return self._opening_quote(index, opening, word + ":", speaker)
            spoken = LEADING_DASH.match(rest[colon + 1:].lstrip(" ")) is not None  # "добавил: — Но …": direct speech
            return [quote("direct" if spoken else "indirect", word + ":", start,
                          sent.start + self._clause_end(tree, i, start - sent.start))]
        if token.lemma in CLAUSE_ONLY | CARRYING_VERBS or "VerbForm=Conv" in token.feats:
            return []  # "…, подчеркнув настороженность …" is the writer's gloss unless a clause follows; "приводит
            # слова министра" names the words, it does not hold them
        target = tree.complement_start(i)
        if target is not None:
            start = sent.start + target
            end = sent.start + self._clause_end(tree, i, target)
            infinitive = any(t.start == target and "VerbForm=Inf" in t.feats for t in sent.tokens)  # "пообещал снизить налоги"
            if len(text[start:end].split()) >= 3 or infinitive or token.lemma in {"назвать", "называть"}:
                return [quote("indirect", said, start, end)]
        return []

    def _clause_end(self, tree, i: int, start: int) -> int:
        """Where a statement beginning at `start` ends: the end of the sentence, or the comma before
        the next reporting clause ("…, и добавил, что …", "…, — отметил он", "…, при этом отметив, что …")."""
        sent = tree.sent
        end = len(sent.text.rstrip())
        for j, token in enumerate(sent.tokens):
            if j <= i or token.start <= start or (tree.cue(j) != "verb" and token.lemma not in SOURCE_VERBS):
                continue
            before = sent.text[start: token.start]
            if token.rel == "conj" and token.head == i:  # "отметил …, и подчеркнул …"
                cut = re.search(r"\s*,?\s*(?:и|а|но)?\s*(?:также\s+)?$", before)
                end = start + cut.start()
                break
            cut = re.search(r"(?:,\s*(?:[—–-]\s*)?|\s[—–-]\s*)(?:(?:и|а|но)\s+)?(?:также\s+)?(?:\w+\s+){0,2}$", before)
            relative = token.rel == "acl:relcl" or any(sent.tokens[c].lemma == "который" for c in tree.kids(j))
            if cut and not relative and (tree.speaker_token(j, "verb") is not None or token.rel == "conj"):
                end = start + cut.start()
                break
        if tree.subordinate(i):  # "Хотя X пообещал …, <main clause>": the statement ends with its clause
            comma = sent.text.find(",", start)
            end = min(end, tree.extent(i)[1], comma if comma > 0 else end)
        words = sent.text[start:end].rstrip(TRAILING + ".")
        return start + len(words)

    def _split_quote(self, inside, at, text) -> str | None:
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
        return f"{first} … {second}"

    def _closing_quote(self, index, span, cue, speaker) -> list[Quote]:
        """«…», — сказал он: the quotation, with the paragraphs before it when it began there."""
        para = self.sentences[index].para
        parts, first, start = [self.texts[para][span[0]:span[1]]], para, span[0]
        while span[0] <= 1 and first - 1 >= 0 and para - first < 6 and unclosed(self.texts[first - 1]):
            first -= 1
            opened = quote_spans(self.texts[first])[-1][0]
            parts.insert(0, self.texts[first][opened:].strip())
            start = opened
            if opened > 1:
                break
        words = " ".join(part.strip(TRAILING) for part in parts)
        end = span[1] if first == para else len(self.texts[first])
        return [Quote(first, index, "direct", cue, words, start, end, speaker)]

    def _opening_quote(self, index, span, cue, speaker) -> list[Quote]:
        """X заявил: «…»: the quotation, with the paragraphs after it when it goes on there."""
        para = self.sentences[index].para
        text = self.texts[para]
        words = [text[span[0]:span[1]]]
        following = para + 1
        if para >= 0 and span[1] == len(text.rstrip()) and unclosed(text):
            while following in self.texts and following - para <= 6:
                more = self.texts[following].strip()
                spans = quote_spans(more)
                if not spans or spans[0][0] > 1:
                    break
                words.append(more[spans[0][0]: spans[0][1]])
                if not unclosed(more):
                    break
                following += 1
        joined = " ".join(part.strip(TRAILING) for part in words)
        return [Quote(para, index, "direct", cue, joined, span[0], span[1], speaker)]

    def _dash_speech(self, index, end, cue, speaker, cue_at: int | None = None) -> list[Quote]:
        """"Текст. Ещё текст, — сказал он." without quotation marks: the statement runs from the start of
        the paragraph (past a dialogue dash) or from the last sentence another statement claimed; where the
        speech goes on after the cue at `cue_at` (`_torn_rest`), both parts, joined by an ellipsis."""
        sent = self.sentences[index]
        para = sent.para
        text = self.texts[para]
        start = sent.start
        for earlier in reversed(self.in_para[para]):
            if earlier >= index:
                continue
            if (para, earlier) in self.claimed or self._has_cue(earlier):
                break
            start = self.sentences[earlier].start
        dash = LEADING_DASH.match(text, start)
        if dash:
            start = dash.end()
        words = text[start:end].strip(TRAILING)
        previous = para - 1
        if not words and start <= 2 and previous >= 0 and self.kinds.get(previous) == "text" \
                and not any((previous, s) in self.claimed for s in self.in_para.get(previous, [])):
            text = self.texts[previous]  # "– сказала она." as a paragraph of its own: the one before is hers
            dash = LEADING_DASH.match(text)
            start = dash.end() if dash else 0
            words = text[start:].strip(TRAILING)
            para, end = previous, len(text)
        if not words or (len(words.split()) < 3 and not dash):
            return []  # "— Нет, — ответил он.": a short reply needs the dialogue's dash
        end = start + len(words)
        rest = self._torn_rest(index, cue_at) if cue_at is not None and para == sent.para else None
        if rest:
            words, end = f"{words} … {rest[0]}", rest[1]
        self.claimed.update((para, s) for s in self.in_para[para] if start <= self.sentences[s].start <= end)
        return [Quote(para, index, "direct", cue, words, start, end, speaker)]

    def _torn_rest(self, index, at: int) -> tuple[str, int] | None:
        """"— Мы готовы, — сказал мэр, — к любым сценариям." and "— Было трудно, — признал он. — Но мы
        справились.": the speech that goes on after the cue's words and a dash, to the end of the paragraph
        or the next sentence with a cue of its own; its words and where they end."""
        sent = self.sentences[index]
        text = self.texts[sent.para]
        tail = DASH_AFTER.search(text, at, min(sent.end + 3, len(text)))
        if not tail or re.search(r"[.!?;:«»\"“”(]", text[at:tail.start()]) or len(text[at:tail.start()].split()) > 8:
            return None
        last = index
        for later in self.in_para[sent.para]:
            if later > index:
                if self._has_cue(later) or (sent.para, later) in self.claimed:
                    break
                last = later
        end = max(self.sentences[last].end, tail.end())
        words = text[tail.end():end].strip(TRAILING).rstrip(".")
        if not words or (text[tail.start():tail.end()].strip().startswith(",") and not words[0].islower()):
            return None
        return words, end

    def _before(self, index, cue, speaker) -> list[Quote]:
        """"Об этом сообщил X": the sentences of the paragraph before the cue's sentence, or when it opens
        its paragraph the paragraph before, unless another statement already holds them."""
        sent = self.sentences[index]
        para = sent.para
        earlier = [s for s in self.in_para[para] if s < index]
        if not earlier and para - 1 in self.in_para and self.kinds.get(para - 1, "text") in {"text", "heading"}:
            para = para - 1
            earlier = list(self.in_para[para])
        run = []
        for s in reversed(earlier):
            if (para, s) in self.claimed or self._has_cue(s):
                break
            if len(self.sentences[s].text.split()) < 4 or DATELINE.match(self.sentences[s].text.strip()):
                continue
            run.insert(0, s)
        if not run:
            return []
        text = self.texts[para]
        start, end = self.sentences[run[0]].start, self.sentences[run[-1]].end
        words = text[start:end].strip(TRAILING + ".")
        self.claimed.update((para, s) for s in run)
        words = words.rstrip(".")
        spans = quote_spans(words)
        if spans and spans[0] == (1, len(words) - 1):  # one quotation, all of it: «…»
            return [Quote(para, index, "direct", cue, words[1:-1], start + 1, start + len(words) - 1, speaker)]
        return [Quote(para, index, "indirect", cue, words, start, start + len(words), speaker)]

    def _block_after(self, index, cue, speaker) -> list[Quote]:
        """"X заявил:" closing its paragraph: the next paragraph is the statement (with those after it while
        a quotation opened there stays open)."""
        para = self.sentences[index].para
        following = para + 1
        if para < 0 or following not in self.texts or self.kinds.get(following) not in {"text", "item"}:
            return []
        text = self.texts[following]
        spans = quote_spans(text)
        if spans and spans[0][0] == 1 and not text[spans[0][1] + 1:].strip(" .!?…"):
            return self._opening_quote(self.in_para[following][0], spans[0], cue, speaker)
        dash = LEADING_DASH.match(text)
        start = dash.end() if dash else 0
        words = text[start:].strip(TRAILING)
        self.claimed.update((following, s) for s in self.in_para.get(following, []))
        return [Quote(following, self.in_para[following][0], "direct", cue, words, start, start + len(words), speaker)]

    def _has_cue(self, index: int) -> bool:
        """The sentence has a speech cue of its own (it is not part of another's statement)."""
        if index not in self.cued:
            sent = self.sentences[index]
            tree = SpeechTree(sent)
            spans = quote_spans(sent.text)
            quoted = any(len(sent.text[lo:hi].split()) >= 4 for lo, hi in spans)  # not «ЛНР»
            said = [i for i, token in enumerate(sent.tokens)  # "«Мы не допустим дефицита»": the quotation's own words
                    if not any(lo <= token.start < hi for lo, hi in spans)]
            self.cued[index] = any(tree.cue(i) and (  # "вратарь парировал удар", "признал независимость"
                sent.tokens[i].lemma not in CLAUSE_ONLY or quoted or tree.reported_clause(i))
                and not tree.place_speaks(i) for i in said)
        return self.cued[index]

    def _host_clause(self, i, tree, sent, cue, parenthetical):
        """"Как отметил X, …" / "по словам X, …" / "…, по его словам, …": the rest of the sentence (the part
        before, when the parenthetical closes it). When that part reports someone else's words ("как
        сообщает агентство, министр заявил, что …"), the agency is a source, not a speaker: nothing; a verb
        that reports only with a clause or a quotation reports nothing without one ("как отметил X,
        регулятор ожидает замедления", "…, инфляция продолжит снижаться" are X's)."""
        lo, hi = tree.extent(i)
        marker = (tree.parenthetical_case(i) + " ") if parenthetical else "как "
        owner = tree.owner(i)
        phrase_end = tree.extent(owner)[1] if owner is not None else sent.tokens[i].start + len(sent.tokens[i].text)
        comma = sent.text.find(",", sent.tokens[i].start)
        subject = None if parenthetical else tree.subject(i)
        speaker = owner if parenthetical else subject if subject is not None and subject > i else None
        asides = tree.aside(speaker) if speaker is not None else []
        if asides:  # past the speaker's own phrase: "источник, близкий к переговорам,", "по словам источника, знакомого …,"
            comma = sent.text.find(",", tree.extent(asides[0])[1])
        relative = next((j for j, t in enumerate(sent.tokens) if t.start > comma), None) if comma > 0 else None
        if relative is not None and sent.tokens[relative].lemma == "который":  # "По словам X, которые приводит …,"
            comma = phrase_end = sent.text.find(",", sent.tokens[relative].start)
        if parenthetical and (comma < 0 or len(sent.text[phrase_end:comma].split()) > 3):
            comma = phrase_end - 1 if lo <= 2 else -1  # "По словам президента также необходимо …" (no comma)
        after = sent.text[comma + 1:] if comma > 0 else ""
        predicate = any(t.start > comma and t.pos in {"VERB", "AUX"} for t in sent.tokens)  # "…, смета утверждена"
        if comma > 0 and (len(after.split()) >= 3 or (len(after.split()) == 2 and predicate)):
            start = comma + 1
            end = self._clause_end(tree, i, start)
        else:
            start, end = 0, lo
        words = sent.text[start:end].strip(TRAILING + ".")
        quoted = any(mark in words for mark in "«\"„:")
        if not words or any(tree.cue(j) == "verb" and "VerbForm=Fin" in t.feats
                            and (t.lemma not in CLAUSE_ONLY or quoted or tree.reported_clause(j))  # "…, инфляция продолжит снижаться"
                            for j, t in enumerate(sent.tokens) if start <= t.start < end):
            return None
        offset = sent.text.find(words, start)
        return ("indirect", marker + cue, sent.start + offset, sent.start + offset + len(words), words)

    # -- the headline ------------------------------------------------------

    def _headline(self, index) -> list[Quote]:
        """"Посол США: Токаев снова посетит США" and "Токаев снова посетит США — посол"; "Петров: «Мы
        справимся. Кризис позади»" (direct, the quotation over the headline's sentences) and "«Мы готовы к
        диалогу»: Токаев о переговорах"; not a topic label such as "Токаев и США: диалог…"."""
        sent = self.sentences[index]
        tree = SpeechTree(sent)
        said = QUOTED_HEADLINE.match(sent.text)
        if said:  # "«Мы готовы к диалогу»: Токаев о переговорах"
            first = next((i for i, t in enumerate(sent.tokens) if t.start >= said.start("who")), None)
            speaker = self._resolve(index, tree, first, named_only=True) if first is not None and \
                sent.tokens[first].pos in {"NOUN", "PROPN"} else None
            if speaker:
                start = sent.start + said.start("words")
                who = " ".join(said["who"].split()[:3])
                return [Quote(sent.para, index, "direct", f"«…»: {who}", said["words"], start, start + len(said["words"]),
                              speaker)]
        line = self.texts[sent.para][sent.start:]  # the headline from this sentence on
        head, colon, rest = line.partition(":")
        if colon and len(head) < len(sent.text) and len(head.split()) <= 6 and len(rest.split()) >= 3 and not any(
                t.pos == "CCONJ" for t in sent.tokens if t.start < len(head)):
            first = next((i for i, t in enumerate(sent.tokens) if t.start < len(head) and t.pos in {"NOUN", "PROPN"}), None)
            speaker = self._resolve(index, tree, first, named_only=True) or self._surname_in_article(
                [t for t in sent.tokens if t.start < len(head)])
            if speaker:
                start = len(head) + 1 + (len(rest) - len(rest.lstrip()))
                words = rest.strip(TRAILING + ".")
                quoted = re.fullmatch(r"[«\"“„](.+)[»\"”“]", words)
                kind = "direct" if quoted and not re.search(r"[«»\"“”„]", quoted.group(1)) else "indirect"
                if kind == "direct":
                    start, words = start + 1, quoted.group(1).strip(TRAILING + ".")
                start += sent.start
                return [Quote(sent.para, index, kind, head.strip() + ":", words, start, start + len(words), speaker)]
        tail = re.search(r"\s[—–-]\s+([^—–-]{2,60})$", sent.text)
        if tail and len(tail.group(1).split()) <= 5 and len(sent.text[: tail.start()].split()) >= 3:
            first = next((i for i, t in enumerate(sent.tokens) if t.start >= tail.start(1) and t.pos in {"NOUN", "PROPN"}), None)
            speaker = self._resolve(index, tree, first, named_only=True)
            if speaker:
                words = sent.text[: tail.start()].strip(TRAILING + ".")
                return [Quote(sent.para, index, "indirect", "— " + tail.group(1).strip(), words, sent.start,
                              sent.start + len(words), speaker)]
        return []

    # -- speakers ----------------------------------------------------------

    def _resolve(self, index, tree, token_index, named_only=False) -> Speaker | None:
        """The speaker a token names: a person or organisation named there, else the person a pronoun or
        a role noun stands for, else (for a noun that can speak) the phrase itself as a description."""
        if token_index is None:
            return None
        sent = tree.sent
        token = sent.tokens[token_index]
        pronoun = pronoun_gender(token)
        if pronoun:
            if pronoun == "Plur":
                return None if named_only else self._group_before(index, token.text)
            if named_only:
                return None
            return self._antecedent(index, token.start, pronoun, token.text)
        candidates = [token_index] + [  # no name across a verb: "Иван Петров поговорил с …, рассказал глава …"
            c for c in tree.descendants(token_index, OWNER_RELS, depth=3)
            if not any(t.pos in {"VERB", "AUX"} for t in sent.tokens[min(c, token_index) + 1:max(c, token_index)])]
        # a person first; the role noun's own name before its owner's ("Помощник Карипова Олег Сидоров" is Сидоров)
        candidates.sort(key=lambda c: c != token_index and sent.tokens[c].rel == "nmod")
        named = [found for found in (self._named(index, tree, c) for c in candidates) if found]
        named.sort(key=lambda found: found.type != "person")
        if not named and token.pos == "PROPN" and token.text[:1].isupper():
            named = [found for found in [self._surname_seen(index, token)] if found]
        role_noun = token.pos in {"NOUN", "PROPN"} and is_role_noun(token.lemma)  # "Аким области" may be tagged PROPN
        person_noun = role_noun or (token.pos == "NOUN" and feats(token).get("Animacy") == "Anim")
        office = tree.nominative_phrase(token_index) if token.lemma in PRESS_OFFICES else ""
        if named and named[0].phrase in office:  # "пресс-служба ТКБ", "пресс-служба губернатора Ивана Орлова":
            return Speaker("org", office, None, tree.phrase(token_index))  # the office speaks, as the text calls it
        if named and (named[0].type == "person" or not person_noun or named[0].phrase.startswith(token.text)):
            return named[0]  # "генсек ОДКБ", "победительница турнира «Кубок»" are people, not the organisation
        if not role_noun and tree.in_place(token_index):
            return None  # a country is not a speaker; "Аким области", which NER may take for a place, is
        if token.pos != "NOUN" and token.lemma not in PARTITIVE and not role_noun:
            return None
        lemma = token.lemma
        if role_noun and feats(token).get("Number") != "Plur":  # "Аналитики ожидают" are no one analyst named later
            person = self._by_role(index, tree, token_index)
            if person:
                return person
        if self._bare(tree, token_index):
            found = self._continued(index, tree, token_index) or self._body_antecedent(index, tree, token_index)
            if found:
                return found
        if named_only:
            return None
        if lemma in PARTITIVE:  # "один из мигрантов", "часть экспертов"
            members = tree.kids(token_index, {"nmod"})
            if members:
                return self._described(tree, token_index, feats(tree.sent.tokens[members[0]]).get("Animacy") == "Anim"
                                       or tree.sent.tokens[members[0]].lemma in SPEAKING_BODIES)
            return None
        return self._described(tree, token_index, feats(token).get("Animacy") == "Anim" or lemma in SPEAKING_BODIES)

    def _surname_seen(self, index, token) -> Speaker | None:
        """A surname alone that NER missed ("По словам Качана") for the person the article named in full
        before: the latest earlier mention whose surname key begins the word."""
        for mention in reversed(range(len(self.mentions))):
            if self.mentions[mention].sent <= index and _surname_of(self.mentions[mention], token.text):
                return self._person(mention, token.text)
        return None

    def _surname_in_article(self, tokens) -> Speaker | None:
        """A headline's surname that NER missed ("Петров: «Дефицита не будет»") for the one person the
        article names in full with it, before or after; None when none or two do."""
        found = {}
        for token in tokens:
            if not token.text[:1].isupper():
                continue
            for m, mention in enumerate(self.mentions):
                if _surname_of(mention, token.text):
                    found.setdefault(mention.text, (m, token.text))
        if len(found) != 1:
            return None
        mention, phrase = next(iter(found.values()))
        return self._person(mention, phrase)

    @staticmethod
    def _bare(tree, token_index) -> bool:
        """A singular noun with nothing but a demonstrative: "Депутат", "это ведомство"."""
        token = tree.sent.tokens[token_index]
        return (token.pos == "NOUN" and feats(token).get("Number") == "Sing"
                and all(tree.sent.tokens[kid].pos in ("DET", "ADP") for kid in tree.kids(token_index)))

    def _continued(self, index, tree, token_index) -> Speaker | None:
        """"Депутат добавил, что …" right after a statement of a named speaker, with no other person named
        between and a verb that goes on ("добавил", "уточнил") or "также": that speaker, when the noun can
        stand for them (a person for an animate noun, an organisation for a body)."""
        verb = tree.sent.tokens[token_index].head
        if verb < 0 or not self.last_any or not self._in_reach(index, self.last_any[0]):
            return None
        cue = tree.sent.tokens[verb]
        if cue.lemma not in CONTINUING and not any(tree.sent.tokens[kid].lemma == "также" for kid in tree.kids(verb)):
            return None
        earlier, speaker = self.last_any
        token = tree.sent.tokens[token_index]
        if speaker.type == "person":
            if feats(token).get("Animacy") != "Anim" or not agrees(verb_gender(cue), self.genders[self.mentions[speaker.mention].key]):
                return None
            keys = {self.mentions[m].key for m in self._recent(index, token.start)
                    if self.mentions[m].sent >= earlier}
            if keys - {self.mentions[speaker.mention].key}:
                return None
            return Speaker("person", speaker.name, speaker.mention, tree.phrase(token_index))
        if speaker.type == "org" and token.lemma in REFERRING_BODIES:
            return Speaker("org", speaker.name, None, tree.phrase(token_index))
        return None

    def _body_antecedent(self, index, tree, token_index) -> Speaker | None:
        """The organisation a bare body noun stands for: "Ведомство утверждает" after "Роскомнадзор блокирует
        звонки", "Как отмечает компания" after "ПАО «Север» опубликовало отчёт" — the organisation named in
        reach before it that the noun names ("агентство" ~ "агентство Вест") or that the text introduced
        with that noun ("Компания «Север»"). A noun without such a class of names ("суд", "партия") may
        also stand for the latest organisation that was a subject there, else the only one named there."""
        token = tree.sent.tokens[token_index]
        if token.lemma not in REFERRING_BODIES:
            return None
        named = []  # (entity, its sentence), latest first
        for s in range(index, -1, -1):
            if s != index and self.sentences[s].para != self.sentences[index].para and not self._in_reach(index, s):
                break
            sent = self.sentences[s]
            for entity in reversed(sent.entities):
                if entity.type == "ORG" and (s != index or entity.end <= token.start) and not self._inside_quotes(
                        sent.para, sent.start + entity.start, sent.start + entity.end):
                    named.append((entity, sent))
        noun = token.lemma
        fitting = [(e, sent) for e, sent in named if body_fits(noun, e.normal) or _introduced_as(sent, e, noun)]
        if not fitting and noun not in BODY_CLASSES:
            fitting = [(e, sent) for e, sent in named if self._org_subject(sent, e)]
            if not fitting and len({e.normal for e, _ in named}) == 1 and not self._told(*named[0]) \
                    and not self._passes_on(*named[0]):
                fitting = named[:1]
        if not fitting:
            return None
        entity, sent = fitting[0]
        return Speaker("org", org_name(entity, sent), None, tree.phrase(token_index))

    @staticmethod
    def _told(entity, sent) -> bool:
        """The organisation is who was told, not who speaks: the object of a reporting verb ("подтвердил
        «Вестнику», что …", which natasha may tag as an accusative or genitive object)."""
        for token in sent.tokens:
            if entity.start <= token.start < entity.end and token.head >= 0 \
                    and not entity.start <= sent.tokens[token.head].start < entity.end:
                return token.rel in ("obj", "iobj") and sent.tokens[token.head].lemma in CUE_VERBS
        return False

    @staticmethod
    def _passes_on(entity, sent) -> bool:
        """The organisation is a medium passing words on, the subject of a verb of citing: "— цитирует
        адвоката портал Вест.kz", "передает агентство Вест"."""
        tree = Tree(sent)
        for v, verb in enumerate(sent.tokens):
            if verb.lemma in CITING_VERBS:
                for subject in tree.kids(v, {"nsubj"}):
                    lo, hi = tree.extent(subject)
                    if lo <= entity.start and entity.end <= hi:
                        return True
        return False

    @staticmethod
    def _org_subject(sent, entity) -> bool:
        """The organisation is its sentence's subject, and not a news source cited after its verb ("передаёт
        Вест", "пишет «Утро»", "цитирует адвоката портал Вест.kz")."""
        for token in sent.tokens:
            if entity.start <= token.start < entity.end and token.rel == "nsubj":
                verb = sent.tokens[token.head] if token.head >= 0 else None
                return not (verb and verb.lemma in CITING_VERBS and verb.start < entity.start)
        return False

    def _described(self, tree, token_index, can_speak: bool) -> Speaker | None:
        phrase = tree.phrase(token_index)
        if not can_speak or not phrase:
            return None
        return tree.described(token_index)

    def _named(self, index, tree, token_index) -> Speaker | None:
        at = tree.sent.tokens[token_index].start
        for mention in self.by_sentence.get(index, []):
            if self.mentions[mention].start <= at < self.mentions[mention].end:
                text = self.mentions[mention].text
                return Speaker("person", text, mention, text)
        entities = tree.sent.entities
        for entity in entities:
            if entity.type == "ORG" and entity.start <= at < entity.end:
                return Speaker("org", org_name(entity, tree.sent), None, entity.text)
        return None

    def _recent(self, index: int, before: int):
        """Person mentions a pronoun at `before` in sentence `index` may stand for, latest first: earlier in
        its sentence, in its paragraph, and in the WINDOW sentences before (quotations not counted), never
        inside quotation marks."""
        para = self.sentences[index].para
        for s in range(index, -1, -1):
            if s != index and self.sentences[s].para != para and not self._in_reach(index, s):
                break
            sent = self.sentences[s]
            own = [m for m in self.by_sentence.get(s, [])
                   if (s != index or self.mentions[m].end <= before)
                   and not self._inside_quotes(sent.para, sent.start + self.mentions[m].start, sent.start + self.mentions[m].end)]
            yield from sorted(own, key=lambda m: self.mentions[m].start, reverse=True)

    def _antecedent(self, index, at, wanted, phrase) -> Speaker | None:
        """The person "он"/"она"/"по его словам" stands for: the latest named subject in reach that agrees,
        else the last speaker in reach, else the latest agreeing name in reach."""
        recent = [m for m in self._recent(index, at) if agrees(wanted, self.genders[self.mentions[m].key])]
        subjects = [m for m in recent if self.mentions[m].nominative]
        if subjects:
            return self._person(subjects[0], phrase)
        if self.last and self._in_reach(index, self.last[0]) and self.last[1].mention is not None and agrees(
                wanted, self.genders[self.mentions[self.last[1].mention].key]):
            return Speaker("person", self.last[1].name, self.last[1].mention, phrase)
        return self._person(recent[0], phrase) if recent else None

    def _group_before(self, index: int, phrase: str) -> Speaker | None:
        """"Ранее бюджет раскритиковали депутаты. Они заявили, что …": "они" stands for the one group of people
        named in the nominative plural in the sentence before, in its paragraph; None where there are two."""
        before = self.sentences[index - 1] if index > 0 else None
        if before is None or before.para != self.sentences[index].para:
            return None
        groups = [t for t in before.tokens if t.pos == "NOUN" and all(
            feature in t.feats for feature in ("Case=Nom", "Number=Plur", "Animacy=Anim"))
            and not self._inside_quotes(before.para, before.start + t.start, before.start + t.start + len(t.text))]
        return Speaker("description", groups[0].text.lower(), None, phrase) if len(groups) == 1 else None

    def _in_reach(self, index: int, earlier: int) -> bool:
        if earlier > index:
            return False
        between = self.unquoted_before[index] - self.unquoted_before[earlier + 1]
        return self.sentences[earlier].para == self.sentences[index].para or between < WINDOW

    def _person(self, mention: int, phrase: str) -> Speaker:
        return Speaker("person", self.mentions[mention].text, mention, phrase)

    def _by_role(self, index, tree, token_index) -> Speaker | None:
        """The person a role noun stands for ("глава МИД" → the foreign minister named earlier): among the
        article's people whose stated role it fits and agrees with the phrase's other words ("президент
        Казахстана" is not the president of another country), the latest named before it, else the first
        named after it. Other words that do not agree are a synonym only for the last speaker, and only
        when his stated role has another head noun ("глава МИД" for the "министр иностранных дел")."""
        noun = tree.sent.tokens[token_index].lemma
        phrase = tree.phrase(token_index)
        written = tree.sent.tokens[token_index].text.lower()[:5]
        words = set(stems(phrase)) - {noun[:5], written}  # not the noun itself, wherever it stands ("Уволенный глава агентства")
        others = words - GENERIC_MODIFIERS
        of_state = bool({"госуд", "стран"} & words)  # "глава государства", "лидер страны"
        token = tree.sent.tokens[token_index]
        # "Глава Минздрава сообщила": the verb's gender tells a man from a woman where the noun does not
        verb = tree.sent.tokens[token.head] if token.rel == "nsubj" and token.head >= 0 else None
        wanted = verb_gender(verb) if verb is not None and verb.lemma in CUE_VERBS else ""
        best, best_key = None, None
        for m, mention in enumerate(self.mentions):
            role = self.roles.get(mention.key, "")
            if not role or not role_fits(noun, role) or (of_state and not heads_a_state(role)) or (
                    wanted in {"Masc", "Fem"} and not agrees(wanted, self.genders.get(mention.key, ""))):
                continue
            stated = set(stems(role))
            if others and not any(akin(a, b) for a in others for b in stated) and not _ministry_of(phrase, stated) and (
                    noun[:5] in stated or not self._is_last(index, m)):
                continue  # "глава региона" is not the "глава Минэнерго" who spoke last; "глава МИД" is his minister
            distance = index - mention.sent
            key = (distance >= 0, -abs(distance))
            if best_key is None or key > best_key:
                best, best_key = m, key
        return self._person(best, phrase) if best is not None else None

    def _is_last(self, index: int, mention: int) -> bool:
        """The mention names the last speaker, that statement is in reach of sentence `index`, and no one
        else has been the subject of a sentence since ("Гарнье заявил …. Краузе отметил важность …. «…», —
        сказал немецкий политик" is not Гарнье's)."""
        if not self.last or self.last[1].mention is None or not self._in_reach(index, self.last[0]):
            return False
        key = self.mentions[self.last[1].mention].key
        if any(other.key != key and other.nominative and self.last[0] < other.sent < index for other in self.mentions):
            return False
        return key == self.mentions[mention].key

    def _place_speaker(self, index, tree, i) -> Speaker | None:
        """"заявили в министерстве", "в правительстве сообщили": no subject, a plural verb and the place it was said."""
        if verb_gender(tree.sent.tokens[i]) != "Plur" or any(
                not tree.lone_name_of_many(i, c) for c in tree.kids(i, {"nsubj", "nsubj:pass"})):
            return None
        for child in tree.kids(i, {"obl"}):
            if tree.has_case(child, {"в"}) and tree.sent.tokens[child].pos in {"NOUN", "PROPN"}:
                named = self._named(index, tree, child)
                if named and named.type == "org":
                    return named
                lemma = tree.sent.tokens[child].lemma
                found = self._body_antecedent(index, tree, child) if self._bare(tree, child) else None
                if found:
                    return found
                if lemma in SPEAKING_BODIES:
                    return tree.described(child)
        return None

    def _message_speaker(self, index, tree, i) -> Speaker | None:
        """"…, информирует пресс-служба мэрии. «…», — говорится в сообщении.": a text named by no owner is
        the one whose statement came just before, when no other person or organisation is named between
        (outside quotation marks)."""
        tokens = tree.sent.tokens
        if tokens[i].lemma not in IMPERSONAL_VERBS or not self.last_said or not self._in_reach(index, self.last_said[0]):
            return None
        texts = [c for c in tree.kids(i, {"obl", "nsubj", "nsubj:pass"}) if tokens[c].lemma in CUE_NOUNS]
        if len(texts) != 1 or any(tokens[kid].rel not in {"case", "det"} for kid in tree.kids(texts[0])):
            return None  # "в совместном заявлении", "в сообщении на сайте": some other text
        earlier, speaker = self.last_said
        for s in range(earlier + 1, index + 1):
            sent = self.sentences[s]
            cut = tokens[i].start if s == index else len(sent.text)
            named = [(e.start, e.end) for e in sent.entities if e.type in {"ORG", "PER"} and e.start < cut]
            if any(not self._inside_quotes(sent.para, sent.start + start, sent.start + end) for start, end in named):
                return None
        return Speaker(speaker.type, speaker.name, speaker.mention, tree.phrase(texts[0]))


def _surname_of(mention: Mention, word: str) -> bool:
    """The word is the surname of a name given in full, in some case: "Качана" for "Олег Качан"."""
    word = word.lower().replace("ё", "е")
    return len(mention.key) >= 4 and bool(mention.first) and word.startswith(mention.key) \
        and len(word) - len(mention.key) <= 2


def is_parenthetical(case, noun) -> bool:
    """A preposition and a noun that attribute what follows: "по словам", "согласно данным", "со слов" and
    "с его слов" (a genitive: "со словами благодарности" attributes nothing)."""
    return (noun.lemma in PARENTHETICAL_NOUNS and case.lemma in PARENTHETICAL_CASES
            and (case.lemma != "с" or "Case=Gen" in noun.feats))


def org_name(entity, sent) -> str:
    """An organisation's name with the quotation mark NER leaves out closed ("АО «Северный порт»") and
    the place right after it ("Национальный банк Молдовы")."""
    name = entity.normal + ("»" if entity.normal.count("«") > entity.normal.count("»") else "")
    following = next((e for e in sent.entities if e.start > entity.start), None)
    if following and following.type == "LOC" and sent.text[entity.end:following.start] == " ":
        name = f"{name} {following.text}"
    return name


def _introduced_as(sent, entity, noun: str) -> bool:
    """The text named the organisation with that noun before it: "Компания «Север»", "клуб «Заря»"."""
    before = [t for t in sent.tokens if t.start < entity.start and t.text not in {"«", '"', "„", "“"}]
    return bool(before) and before[-1].lemma == noun


def _same_form(verb, other) -> bool:
    """Two verbs agree in number and, where both show it, gender: they may share a subject."""
    one, two = feats(verb), feats(other)
    return one.get("Number") == two.get("Number") and (
        "Gender" not in one or "Gender" not in two or one["Gender"] == two["Gender"])


def stems(text: str) -> list[str]:
    """Words of 3+ letters on their first five letters, to compare role phrases across case endings:
    "главы МИД России" → ["главы", "мид", "росси"]."""
    return [word.lower()[:5] for word in re.findall(r"\w+", text) if len(word) > 2]


def _ministry_of(phrase: str, stated: set[str]) -> bool:
    """A ministry's short name in the phrase names the ministry of a minister's stated role: "глава Минфина"
    ~ "министр финансов", "глава Минздрава" ~ "министр здравоохранения", "глава Минюста" ~ "министр юстиции"."""
    fields = [word[3:6] for word in re.findall(r"\w+", phrase.lower())
              if word.startswith("мин") and len(word) >= 6 and not word.startswith("минист")]
    return "минис" in stated and any(stem.startswith(field) for field in fields for stem in stated)


def akin(a: str, b: str) -> bool:
    """Two stems of `stems` that differ in an ending at most: "заря" ~ "зари", "сбера" ~ "сберб"."""
    common = max(3, min(len(a), len(b), 5) - 1)
    return a[:common] == b[:common]


class SpeechTree(Tree):
    """Dependency-tree questions about speech: cues, subjects, owners, reported clauses."""

    def cue(self, i: int) -> str | None:
        """"verb", "noun" (a cue noun with an owner), "parenthetical" ("по словам X") or None."""
        token = self.sent.tokens[i]
        if self.parenthetical_case(i):
            return "parenthetical"
        if token.lemma in LEARNING_VERBS and "VerbForm=Fin" in token.feats and self.has_mark(i, {"как"}):
            return "verb"
        if token.lemma in CARRYING_VERBS and any(self.sent.tokens[c].lemma in WORDS_NOUNS for c in self.kids(i, {"obj"})):
            return "verb"
        if token.lemma in VOICING_VERBS and any(self.sent.tokens[c].lemma in CUE_NOUNS | STANCE_NOUNS
                                                for c in self.kids(i, {"obj"})):
            return "verb"
        if (token.lemma in MAKING_VERBS or token.lemma in APPEAL_VERBS) and token.pos == "VERB" \
                and self.such_statement(i) is not None:
            return "verb"
        if token.lemma in APPEAL_VERBS and token.pos == "VERB":  # "«Приходите!» — обратился он к жителям"
            return "verb" if self.requests(i) or AFTER_QUOTATION.search(self.sent.text[:token.start]) else None
        if token.lemma == "дать":
            return "verb" if self.made_understood(i) is not None else None
        if token.lemma in CUE_VERBS and token.pos in {"VERB", "ADJ", "AUX"}:
            if token.lemma == "обратить" and not any(self.sent.tokens[c].lemma == "внимание" for c in self.kids(i)):
                return None
            if token.lemma in {"назвать", "называть"} and "VerbForm=Part" in token.feats:
                return None  # "так называемых «республик»" names, it does not report
            return "verb"
        if token.lemma in CUE_NOUNS and self.owner(i) is not None:
            carried = token.head >= 0 and self.sent.tokens[token.head].lemma in CARRYING_VERBS | QUOTING_VERBS | VOICING_VERBS
            return None if carried else "noun"  # "Слова министра приводит агентство", "Позицию … озвучил": the verb's cue
        return None

    def speaker_token(self, i: int, cue: str) -> int | None:
        if cue == "verb":
            source = self.reference(i)
            return source if source is not None else self.subject(i)
        return self.owner(i)

    def reference(self, i: int) -> int | None:
        """"сообщает агентство со ссылкой на министра": the one referred to speaks, not the agency; an
        unnamed source ("со ссылкой на источники") leaves the agency the speaker. So does the one quoted:
        "«…», — цитирует тренера пресс-служба", "цитирует слова министра", "приводит слова мэра"."""
        tokens = self.sent.tokens
        if tokens[i].lemma in QUOTING_VERBS | CARRYING_VERBS:
            for quoted in self.kids(i, {"obj"}):
                if tokens[quoted].lemma in WORDS_NOUNS:
                    quoted = next(iter(self.kids(quoted, {"nmod"})), None)
                if quoted is not None and feats(tokens[quoted]).get("Animacy") == "Anim":
                    return quoted
        for child in self.kids(i, {"obl", "nmod", "advcl"}):
            if tokens[child].lemma == "ссылка":
                for target in self.kids(child, {"nmod", "obl"}):
                    if self.has_case(target, {"на"}) and tokens[target].pos in {"PROPN", "NOUN"}:
                        return None if tokens[target].lemma in UNNAMED_SOURCES else target
        return None

    def in_place(self, i: int) -> bool:
        """The token is inside a place's name (NER's LOC), which never speaks."""
        at = self.sent.tokens[i].start
        return any(e.type == "LOC" and e.start <= at < e.end for e in self.sent.entities)

    def place_speaks(self, i: int) -> bool:
        """The cue's subject is a country or a place: "Казахстан призвал соседей …. Об этом сообщил министр"
        is the minister's statement, not the country's."""
        subject = self.speaker_token(i, self.cue(i))
        return subject is not None and self.in_place(subject)

    def subject(self, i: int) -> int | None:
        """The subject of a cue verb, borrowed from a coordinated verb or a relative clause's owner."""
        found = self._tree_subject(i)
        return found if found is not None else self._nominative_before(i)

    def _nominative_before(self, i: int) -> int | None:
        """When the parser left a finite verb without a subject: the nearest animate nominative before it
        whose gender agrees, with no other verb or clause boundary between ("…, Генеральный директор завода
        Иван Петров 3 мая сообщил, что …")."""
        tokens = self.sent.tokens
        verb = feats(tokens[i])
        if verb.get("VerbForm") != "Fin" or tokens[i].rel in {"conj", "acl:relcl", "advcl"}:
            return None
        for j in range(i - 1, max(-1, i - 9), -1):
            token = tokens[j]
            if token.pos in {"VERB", "AUX", "SCONJ"} or token.text in {",", ";", ":", "«", "»", "—", "–"}:
                return None
            found = feats(token)
            if token.pos in {"PROPN", "NOUN"} and found.get("Case") == "Nom" and found.get("Animacy") == "Anim" \
                    and (not verb.get("Gender") or verb.get("Gender") == found.get("Gender")) \
                    and not self.lone_name_of_many(i, j):
                return j
        return None

    def _tree_subject(self, i: int) -> int | None:
        tokens = self.sent.tokens
        for _ in range(3):
            subjects = [c for c in self.kids(i, {"nsubj", "nsubj:pass"}) if not self.lone_name_of_many(i, c)]
            rel, head = tokens[i].rel, tokens[i].head
            if subjects and tokens[subjects[0]].lemma == "который" and rel == "acl:relcl":
                return head  # "канцлер Олаф Шольц, который отметил, что …": the one the clause is about
            if subjects:
                return subjects[0]
            places = [c for c in self.kids(i, {"obl"}) if tokens[c].lemma in CUE_NOUNS | SAID_IN
                      or tokens[c].lemma.endswith("канал")]  # "в Telegram-канале ведомства"
            if tokens[i].lemma in IMPERSONAL_VERBS and places:
                return self.owner(places[0])
            if head < 0:
                return None
            if rel == "conj" and tokens[head].pos in {"VERB", "ADJ"} or (
                    rel == "advcl" and "VerbForm=Conv" in tokens[i].feats):  # "…, заявив, что …"
                if rel == "conj" and not _same_form(tokens[i], tokens[head]):
                    # "— Мы готовы, — сказал он и добавил: …": joined by the parser to the quotation's
                    # predicate, it goes on from the nearest verb before it that agrees and has a subject
                    head = next((j for j in range(i - 1, head, -1) if tokens[j].pos == "VERB"
                                 and _same_form(tokens[i], tokens[j]) and self.kids(j, {"nsubj"})), head)
                governor = tokens[head].head
                if rel == "conj" and tokens[head].rel == "ccomp" and governor >= 0 and (not _same_form(
                        tokens[i], tokens[head]) or self._mute_subject(head)) and _same_form(tokens[i], tokens[governor]):
                    head = governor  # "отметил, что сеть обновят, а также пообещал …": his, not the clause's;
                    # "сказал, что парк станет лучшим, и пообещал …": a park promises nothing
                i = head
            elif rel == "acl:relcl":
                governor = self.subject_of_governor(head)
                return governor if governor is not None else self.owner(head)
            else:
                return None
        return None

    def lone_name_of_many(self, verb: int, name: int) -> bool:
        """One person's name before a plural verb, joined to no other: "В ведомстве Кравец отметили" names
        whose ministry spoke, not who did (a subject the parser chose, or a nominative it misread)."""
        tokens = self.sent.tokens
        return tokens[name].pos == "PROPN" and "Number=Sing" in tokens[name].feats \
            and "Number=Plur" in tokens[verb].feats and tokens[name].rel != "conj" and not self.kids(name, {"conj"})

    def _mute_subject(self, verb: int) -> bool:
        """The verb's subject is a thing that never speaks: "парк станет лучшим" (not "компания", "министерство")."""
        tokens = self.sent.tokens
        return any(tokens[c].pos == "NOUN" and "Animacy=Inan" in tokens[c].feats and tokens[c].lemma not in SPEAKING_BODIES
                   for c in self.kids(verb, {"nsubj", "nsubj:pass"}))

    def subject_of_governor(self, noun: int) -> int | None:
        head = self.sent.tokens[noun].head
        if head < 0 or self.sent.tokens[head].pos != "VERB":
            return None
        subjects = self.kids(head, {"nsubj"})
        return subjects[0] if subjects else None

    def owner(self, noun: int) -> int | None:
        """Whose statement a cue noun is: "заявление Президента Токаева" → Токаева (a genitive)."""
        tokens = self.sent.tokens
        # "по словам Ивановой": a parenthetical governs no dative, so a woman's "-ой" is her genitive there
        endings = tuple(e for e in NOT_GENITIVE if e != "ой") if self.parenthetical_case(noun) else NOT_GENITIVE
        owners = [
            c for c in self.kids(noun, {"nmod", "det"})
            if not self.kids(c, {"case"}) and ("Case=Gen" in tokens[c].feats or tokens[c].lemma in {"его", "ее", "её", "их"})
            and not tokens[c].text.endswith(endings)
        ]
        return owners[0] if owners else None

    def subordinate(self, i: int) -> bool:
        """The verb heads a concessive or temporal clause ("хотя он пообещал …", "когда министр заявил …")."""
        tokens = self.sent.tokens
        return any(tokens[c].lemma in CONCESSIVE for c in self.kids(i, {"mark"}) if c < i)

    def parenthetical_case(self, i: int) -> str | None:
        """The preposition of "по словам X", "со слов X" as written (lower case), or None."""
        tokens = self.sent.tokens
        return next((tokens[c].text.lower() for c in self.kids(i, {"case"}) if is_parenthetical(tokens[c], tokens[i])),
                    None)

    def has_case(self, i: int, words: set[str]) -> bool:
        return any(self.sent.tokens[c].lemma in words for c in self.kids(i, {"case"}))

    def has_mark(self, i: int, words: set[str]) -> bool:
        return any(self.sent.tokens[c].lemma in words for c in self.kids(i, {"mark", "advmod"}) if c < i)

    def refers_back(self, i: int) -> str | None:
        """"Об этом сообщил X", "На это обратил внимание X", "Это подтвердил X", "Такое мнение высказал X",
        "Так считает X": the statement is what came before; returns the words that point back ("Об этом",
        "Такое мнение", "Так")."""
        tokens = self.sent.tokens
        for child in self.kids(i, {"obl", "obj", "nmod"}):
            if tokens[child].lemma == "это" and (child < i or self.has_case(child, ABOUT)) and (
                    self.has_case(child, ABOUT | {"на"}) or tokens[child].rel == "obj"):
                return " ".join(tokens[c].text for c in sorted(self.kids(child, {"case"}) + [child]))
        such = self.such_statement(i)
        if such is not None:
            return " ".join(tokens[c].text for c in sorted(self.subtree(such)))
        if 0 in self.kids(i, {"advmod"}) and tokens[0].lemma == "так" and len(tokens) > 1 and tokens[1].pos != "PUNCT":
            subject = self.subject(i)
            if subject is not None and subject > i and not self.kids(i, CLAUSE_RELS - {"obl", "nmod", "obj"}):
                return tokens[0].text  # "Так считает X", not "Так, X считает, что …" nor "Так он решил задачу"
        return None

    def such_statement(self, i: int) -> int | None:
        """The statement noun a cue points back with: "Такое мнение высказал X", "Это заявление сделал X" → мнение, заявление."""
        tokens = self.sent.tokens
        return next((c for c in self.kids(i, {"obl", "obj", "nmod"}) if tokens[c].lemma in SUCH_STATEMENTS
                     and any(tokens[d].lemma in POINTING_BACK for d in self.kids(c, {"det", "amod"}))), None)

    def comma_before_that(self, i: int) -> int | None:
        """The comma of ", что" right after a cue, or after words that only tell where or to whom it was
        said (the cue's own phrases, no object, verb or comma): "отметил в беседе с корреспондентом агентства, что …"."""
        tokens = self.sent.tokens
        below = set(self.subtree(i))
        for j in range(i + 1, min(i + 10, len(tokens) - 1)):
            that = tokens[j + 1]  # the parser may take "что" for the clause's subject: ", что поддержит поправки"
            if tokens[j].text == "," and that.lemma == "что" and (that.pos == "SCONJ" or that.rel == "nsubj" and
                                                                 self.sent.tokens[that.head].head == i):
                return j
            if tokens[j].text in OPENING + CLOSING and j in below:
                continue  # a name in quotation marks: "в эфире телеканала «Север», что …"
            if j not in below or tokens[j].pos in {"PUNCT", "VERB", "AUX"} or tokens[j].rel in CLAUSE_RELS - {"obl", "nmod"} \
                    or tokens[j].lemma in {"тот", "то"}:
                return None  # a stance's object ("выразил мнение, что …"), "в том, что": `reported_clause` names them
        return None

    def reported_clause(self, i: int) -> tuple[int, str] | None:
        """"заявил, что X" → X; "заявил о X" → X; "выразил уверенность, что X" → X: where X starts in the
        sentence, and the linking word."""
        tokens = self.sent.tokens
        comma = self.comma_before_that(i)  # "подчеркнул, что …": there, wherever the parser hung the clause
        if comma is not None:
            start = tokens[comma + 1].start + len(tokens[comma + 1].text)
            if len(self.sent.text.rstrip()) - start > 3:
                return start, tokens[comma + 1].text
        stances = [(c, tokens[c].text + " ") for c in self.kids(i, {"obj"}) if c > i and tokens[c].lemma in STANCE_NOUNS]
        stances += [(c, f"с {tokens[c].text} ") for c in self.requests(i) if c > i]
        clauses = [(c, "") for c in self.kids(i, CLAUSE_RELS)]
        understood = self.made_understood(i)
        if understood is not None:  # "дал понять, что …"
            clauses = [(c, "понять ") for c in self.kids(understood, CLAUSE_RELS)]
        clauses += [(c, stance) for noun, stance in stances for c in self.kids(noun, {"acl", "ccomp", "nmod", "xcomp"})]
        for child, stance in clauses:
            if child < i:
                continue
            marks = [c for c in self.kids(child, {"mark"}) if tokens[c].lemma in {"что", "чтобы", "будто"}]
            cases = [c for c in self.kids(child, {"case"}) if tokens[c].lemma in ABOUT and tokens[child].lemma != "это"
                     and tokens[i].lemma not in MANNER_VERBS and not self.topic_frame(i)]
            if not cases and tokens[child].lemma in {"тот", "то"}:  # "уверен в том, что …", "выразил уверенность в том, что …"
                cases = [c for c in self.kids(child, {"case"}) if tokens[c].lemma == "в"]
            linker = (marks or cases or [None])[0]
            if cases and tokens[child].lemma in {"тот", "то"}:  # "заявил о том, что …": the clause "том" stands for
                told = [(c, m) for c in self.kids(child, {"acl", "ccomp"}) for m in self.kids(c, {"mark"})
                        if tokens[m].lemma in {"что", "чтобы"}]
                if told:
                    clause, mark = told[0]
                    start = tokens[mark].start + len(tokens[mark].text)
                    if self.extent(clause)[1] - start > 3:
                        return start, f"{stance}{tokens[linker].text} {tokens[child].text}, {tokens[mark].text}"
                continue
            lo, hi = self.extent(child)
            if linker is None and stance.startswith("с ") and "VerbForm=Inf" in tokens[child].feats:
                return lo, stance.strip()  # "с просьбой ускорить выплаты" → "ускорить выплаты"
            if linker is None:
                continue
            start = tokens[linker].start + len(tokens[linker].text)
            if hi - start > 3:
                return start, stance + tokens[linker].text
        return None

    def made_understood(self, i: int) -> int | None:
        """"дал понять, что …": the "понять" a "дать" governs, which reports as a cue does."""
        if self.sent.tokens[i].lemma != "дать":
            return None
        return next((c for c in self.kids(i, {"xcomp"}) if self.sent.tokens[c].lemma == "понять"), None)

    def requests(self, i: int) -> list[int]:
        """The request nouns an appeal verb makes its statement with: "обратился с просьбой" → [просьбой]."""
        tokens = self.sent.tokens
        return [c for c in self.kids(i, {"obl", "nmod"}) if tokens[c].lemma in REQUEST_NOUNS and self.has_case(c, {"с"})]

    def inverted(self, i: int) -> bool:
        """"…, заявил министр Петров" / "…, — сказал он": the cue follows the statement, its subject after it."""
        tokens = self.sent.tokens
        before = self.sent.text[: tokens[i].start]
        if not COMMA_BEFORE.search(before) or len(before.split()) < 3:
            return False
        subject = self.subject(i)
        return subject is not None and subject > i or (subject is None and tokens[i].rel in {"parataxis", "root", "conj"})

    def fronted_object(self, i: int) -> tuple[int, int] | None:
        """"Выход к прессе по итогам визита ранее анонсировал помощник президента": the object opening the
        sentence, with what stands between it and the cue, its speaker after the cue, is what was
        announced (three words at least, not "Эту информацию подтвердил …", which points back); so is the
        complement a cue governs by its preposition ("Против повышения тарифов высказался мэр", "На
        нехватку врачей пожаловались жители села")."""
        tokens = self.sent.tokens
        governed = GOVERNED.get(tokens[i].lemma)
        if tokens[i].lemma not in ANNOUNCING_VERBS and not governed:
            return None  # "Книгу о войне написал журналист" made something, he did not say it
        subject = self.subject(i)
        if subject is None or subject < i:
            return None
        fronted = self.kids(i, {"obj"}) if not governed else [  # not where: "На брифинге указал министр"
            c for c in self.kids(i, {"obl"}) if self.has_case(c, governed) and feats(tokens[c]).get("Case") not in {"Loc", "Ins"}]
        for child in fronted:
            lo, hi = self.extent(child)
            opening = all(t.pos in {"ADV", "CCONJ", "PART", "PUNCT"} for t in tokens if t.start < lo)
            between = all(t.pos not in {"VERB", "AUX"} for t in tokens if hi <= t.start < tokens[i].start)
            pointing = tokens[child].pos != "NOUN" or any(tokens[c].pos in {"DET", "PRON"} for c in self.kids(child, {"det"}))
            if child < i and opening and between and not pointing and len(self.sent.text[lo:hi].split()) >= 3:
                # with what the parser hung on the verb before it ("по итогам визита"), not "ранее", "уже"
                last = max(j for j in range(i) if tokens[j].pos not in {"ADV", "PART", "PUNCT"})
                return lo, max(hi, tokens[last].start + len(tokens[last].text))
        return None

    def sentence_part_before(self, i: int) -> int:
        """End of the statement before an inverted cue: the text before it without the comma and dash."""
        before = self.sent.text[: self.sent.tokens[i].start]
        return len(before.rstrip(" ,—–-\n"))

    def complement_start(self, i: int) -> int | None:
        """Where what a verb reports starts when it takes no clause: "назвал Y Z" ("назвал это ошибкой"),
        "призвал стороны к …", "выразил надежду на …", "пожаловался на …" — its first object after it, or the
        complement its verb governs by a preposition; not "сказал журналистам" or "заявил на брифинге", nor a
        clause that asks."""
        tokens = self.sent.tokens
        governed = GOVERNED.get(tokens[i].lemma, set())
        naming = tokens[i].lemma in {"назвать", "называть"}
        for child in self.kids(i, {"obj", "obl", "xcomp", "ccomp", "nmod"}):
            if child <= i or tokens[child].lemma in NOT_CONTENT and not (naming and tokens[child].rel == "obj"):
                continue  # "сказал это" says nothing; "назвал это ошибкой" names it
            if self.asks(child):
                return None
            if tokens[child].rel in {"obl", "nmod"} and not self.has_case(child, governed):
                continue
            lo, _ = self.extent(child)
            return max(lo, tokens[i].start + len(tokens[i].text))
        following = next((j for j in range(i + 1, len(tokens)) if tokens[j].pos not in {"ADV", "PART"}), None)
        if following is not None and tokens[following].pos in {"NOUN", "ADJ", "PROPN"} and "Case=Acc" in tokens[following].feats:
            return tokens[following].start  # the parser hung the object elsewhere: "отметил важную роль …"
        return None

    def topic_frame(self, i: int) -> bool:
        """"Говоря о реформе, министр заявил, что …": a converb of talking names the topic of the statement
        that follows; "заявив о готовности …" reports one."""
        token = self.sent.tokens[i]
        return "VerbForm=Conv" in token.feats and token.lemma in TALKING_VERBS

    def asks(self, i: int) -> bool:
        """A clause that asks rather than tells: "рассказал, где жители найдут расписание", "уточнил, будет ли
        …" name what was spoken about, not what was said."""
        tokens = self.sent.tokens
        if tokens[i].rel not in {"ccomp", "xcomp", "advcl"}:
            return False
        first = min(n for n in self.subtree(i) if tokens[n].pos != "PUNCT")
        return tokens[first].lemma in QUESTION_WORDS or any(tokens[c].lemma == "ли" for c in self.kids(i))

    def phrase(self, i: int) -> str:
        """The words naming a speaker: "один из мигрантов", "эксперты Сбербанка", "глава МИД РФ", "источник,
        знакомый с ситуацией"; its own preposition and an aside in brackets stay out ("в министерстве
        сообщили" → "министерстве")."""
        tokens = self.sent.tokens
        nodes = self.subtree(i, keep=lambda c: tokens[c].rel in PHRASE_RELS and not (
            tokens[c].head == i and tokens[c].rel == "case") and not self.bracketed(c))
        asides = self.aside(i)
        nodes = [n for n in set(nodes).union(*(self.subtree(c) for c in asides)) if tokens[n].pos != "PUNCT"]
        lo = min(tokens[n].start for n in nodes)
        hi = max(tokens[n].start + len(tokens[n].text) for n in nodes)
        text = self.sent.text
        for opening, closing in NAME_MARKS:  # a name in quotation marks: "сотрудник банка «Восток»", "АО 'Север'"
            inside = text[lo:hi]
            unclosed = inside.count(opening) % 2 if opening == closing else inside.count(opening) > inside.count(closing)
            if unclosed and text[hi:hi + 1] == closing:
                hi += 1
        words = text[lo:hi]
        if len(words.split()) > 8 or re.search(r"[;:(]", words) or words.count("«") != words.count("»") or (
                words.count('"') % 2) or ("," in words and not asides):
            return tokens[i].text
        return words.strip()

    def aside(self, i: int) -> list[int]:
        """A participle or adjective after the noun, set off by a comma: "источник, знакомый с ситуацией"."""
        tokens = self.sent.tokens
        return [c for c in self.kids(i, {"acl", "amod"}) if c > i + 1 and tokens[c - 1].text == ","
                and (tokens[c].pos == "ADJ" or "VerbForm=Part" in tokens[c].feats)][:1]

    def bracketed(self, i: int) -> bool:
        """A phrase in brackets, an aside: "пресс-служба ТКБ (банк основан в 1991 году)"."""
        return any(self.sent.tokens[c].text == "(" for c in self.kids(i, {"punct"}))

    def described(self, i: int) -> Speaker:
        """An unnamed speaker: the phrase in the nominative, typed `description`; a press office of a
        named body is that body's voice, typed `org` ("в пресс-службе Минфина" → "пресс-служба Минфина",
        but "пресс-служба ведомства" stays a description)."""
        tokens = self.sent.tokens
        named = tokens[i].lemma in PRESS_OFFICES and any(
            tokens[n].pos == "PROPN" or (tokens[n].text.isupper() and len(tokens[n].text) > 1)
            for n in self.subtree(i, keep=lambda c: tokens[c].rel in PHRASE_RELS) if n > i)
        return Speaker("org" if named else "description", self.nominative_phrase(i), None, self.phrase(i))

    def nominative_phrase(self, i: int) -> str:
        """The phrase with its head word and the adjectives before it in the nominative when it stands in
        another case, its number kept: "по словам одного из мигрантов" → "один из мигрантов", "со слов
        опрошенных аналитиков" → "опрошенные аналитики", "В Кремле заявили" → "Кремль"; a capital that
        only opens the sentence goes ("Лидер партии заявил" → "лидер партии")."""
        tokens = self.sent.tokens
        token = tokens[i]
        words = self.phrase(i)
        opening = re.sub(r"^\W+", "", self.sent.text).startswith(words)
        if opening and (token.pos != "PROPN" or is_role_noun(token.lemma)) and not words.split()[0].isupper():
            words = words[:1].lower() + words[1:]
        if "Case=Nom" in token.feats or not token.lemma:
            return words
        plural = "Number=Plur" in token.feats
        gender = feats(token).get("Gender")
        asides = self.aside(i)
        changes = [(c, nominative(tokens[c], plural, gender)) for c in self.kids(i, {"amod"}) + asides
                   if (c < i or c in asides) and (tokens[c].pos == "ADJ" or "VerbForm=Part" in tokens[c].feats)
                   and feats(tokens[c]).get("Case") == feats(token).get("Case")]
        changes.append((i, nominative(token, plural, None) if plural else token.lemma))
        for c, form in changes:
            at = words.lower().find(tokens[c].text.lower())
            if at >= 0:
                form = form[:1].upper() + form[1:] if words[at].isupper() else form
                words = words[:at] + form + words[at + len(tokens[c].text):]
        return words.strip()

    def first_verb_after(self, offset: int) -> int | None:
        for index, token in enumerate(self.sent.tokens):
            if token.start >= offset and token.pos in {"VERB", "ADJ", "AUX"}:
                return index
        return None
