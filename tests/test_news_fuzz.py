"""News-shaped fuzzing: whole articles built from the parts real news is made of (headlines, bylines and
date stamps, date expressions of every class with and without years, quotes in every pattern, names in
every case, figures) must be analysed and indexed without a skip, and every query command must answer
on them with exit 0 or 1, never a traceback.

The analysis runs in this process with one natasha load; the CLI runs on a generated folder a few times.
Every failure these tests found is kept below as an explicit regression test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

from kzcli.analysis.pipeline import Analyzer
from kzcli.index.indexer import Skip, prepare
from kzcli.index.store import ArticleTexts
from kzcli.ingest.files import discover

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
MONTHS_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
               "ноябре", "декабре"]
MONTHS_SHORT = ["янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."]
PEOPLE = [  # (nominative, genitive, dative, gender)
    ("Иван Петров", "Ивана Петрова", "Ивану Петрову", "m"),
    ("Анна Белова", "Анны Беловой", "Анне Беловой", "f"),
    ("Олег Смирнов", "Олега Смирнова", "Олегу Смирнову", "m"),
    ("Марат Исаев", "Марата Исаева", "Марату Исаеву", "m"),
    ("Елена Кузнецова", "Елены Кузнецовой", "Елене Кузнецовой", "f"),
]
ROLES = ["министр финансов", "глава региона", "пресс-секретарь компании", "директор завода", "депутат",
         "председатель совета", "главный тренер", "аналитик банка", ""]
CONTENT = ["сроки строительства сдвигаются", "мы готовы к диалогу", "цены на топливо останутся прежними",
           "проект окупится за пять лет", "решение будет принято после консультаций",
           "команда провела лучший сезон за десять лет", "все обязательства перед вкладчиками выполнены"]
CLAUSES = ["работы завершат до конца года", "тарифы пересмотрят весной", "переговоры продолжатся",
           "завод выйдет на полную мощность", "спрос на жильё снижается"]
FIGURES = ["на 12,5 млрд долларов", "более 300 компаний", "на 5%", "в течение трёх лет", "2 млн тонн зерна",
           "около 40 тысяч человек", "$3 млрд", "6,1 процента"]
EVENTS = ["состоялось заседание правительства", "открылся новый терминал", "подписали соглашение о поставках",
          "прошли выборы в местные советы", "начнётся ремонт моста", "завершился чемпионат"]


@st.composite
def dates(draw) -> str:
    """A date expression of any class, with or without a year, possibly impossible."""
    day = draw(st.integers(1, 31))
    month = draw(st.integers(0, 11))
    year = draw(st.integers(1990, 2030))
    year_text = draw(st.sampled_from(["", f" {year} года", f" {year} г."]))
    other = draw(st.integers(1, 31))
    choices = [
        f"{day} {MONTHS_GEN[month]}{year_text}",
        f"в {MONTHS_PREP[month]}{year_text}",
        f"уже в {MONTHS_PREP[month]}",
        f"в {year} году",
        f"с {day} по {other} {MONTHS_GEN[month]}{year_text}",
        f"{day}–{other} {MONTHS_GEN[month]}",
        f"с {day} {MONTHS_GEN[month]} по {other} {MONTHS_GEN[(month + 1) % 12]}{year_text}",
        f"в {year}–{year + draw(st.integers(-3, 5))} годах",
        f"в {draw(st.sampled_from(['начале', 'середине', 'конце']))} {MONTHS_GEN[month]}{year_text}",
        f"{draw(st.sampled_from(['в конце', 'до конца', 'к концу', 'в первой половине']))} {year} года",
        f"{draw(st.sampled_from(['весной', 'летом', 'осенью', 'зимой']))}{draw(st.sampled_from(['', f' {year} года']))}",
        f"в {draw(st.sampled_from(['первом', 'втором', 'третьем', 'четвертом']))} квартале{year_text}",
        draw(st.sampled_from(["во вторник", "в прошлую пятницу", "в понедельник", "в эти выходные",
                              "на прошлой неделе", "на следующей неделе"])),
        draw(st.sampled_from(["вчера", "сегодня", "завтра", "позавчера", "на днях", "в этом году",
                              "в прошлом году", "в следующем месяце", "с начала года", "три года назад",
                              "через полгода", "ровно месяц назад", "15-го числа", "в 90-е годы"])),
        f"{day:02d}.{month + 1:02d}.{draw(st.sampled_from([str(year), str(year)[2:]]))}",
        f"{draw(st.sampled_from(['январский', 'майские', 'ноябрьского']))} {draw(st.sampled_from(['визит', 'праздники', 'пленума']))}",
    ]
    return draw(st.sampled_from(choices))


@st.composite
def quotes(draw) -> str:
    nominative, genitive, dative, gender = draw(st.sampled_from(PEOPLE))
    role = draw(st.sampled_from(ROLES))
    said = "заявила" if gender == "f" else "заявил"
    told = "сказала" if gender == "f" else "сказал"
    pronoun = "она" if gender == "f" else "он"
    speaker = f"{role} {nominative}".strip()
    content, more, clause = draw(st.sampled_from(CONTENT)), draw(st.sampled_from(CONTENT)), draw(st.sampled_from(CLAUSES))
    return draw(st.sampled_from([
        f"{speaker[:1].upper() + speaker[1:]} {said}: «{content[:1].upper() + content[1:]}».",
        f"«{content[:1].upper() + content[1:]}», — {told} {speaker}.",
        f"«{content[:1].upper() + content[1:]}, — {told} {nominative}, — {more}».",
        f"{nominative} {said}, что {clause}.",
        f"По словам {genitive}, {clause}.",
        f"— {content[:1].upper() + content[1:]}, — {told} {pronoun}.",
        f"{content[:1].upper() + content[1:]}. Об этом {'сообщила' if gender == 'f' else 'сообщил'} {speaker}.",
        f"{nominative.split()[1]}: {content}",
        f"Журналисты обратились к {dative}. {pronoun.capitalize()} {'ответила' if gender == 'f' else 'ответил'}:",
        f"Как {'отметила' if gender == 'f' else 'отметил'} {nominative.split()[0][0]}. {nominative.split()[1]}, {clause}.",
    ]))


@st.composite
def paragraphs(draw) -> str:
    parts = draw(st.lists(st.one_of(
        st.builds(lambda when, what: f"{when[:1].upper() + when[1:]} {what}.", dates(), st.sampled_from(EVENTS)),
        st.builds(lambda what, when: f"{what[:1].upper() + what[1:]} {when}.", st.sampled_from(EVENTS), dates()),
        quotes(),
        st.builds(lambda who, amount: f"{who[0]} сообщил, что выручка выросла {amount}.",
                  st.sampled_from(PEOPLE), st.sampled_from(FIGURES)),
        st.builds(lambda amount, when: f"Инвестиции составили {amount} {when}.", st.sampled_from(FIGURES), dates()),
    ), min_size=1, max_size=4))
    return " ".join(parts)


@st.composite
def articles(draw) -> str:
    """A whole article: headline (or none), stamp and byline lines, paragraphs."""
    day, month, year = draw(st.integers(1, 31)), draw(st.integers(0, 11)), draw(st.integers(2000, 2030))
    stamp = draw(st.sampled_from([
        "", f" date {year}-{month + 1:02d}-{min(day, 28):02d}", f"- {day} {MONTHS_SHORT[month]}",
        f"{day:02d}.{month + 1:02d}.{year}", f"14:05, {day} {MONTHS_GEN[month]} {year}",
        f"Опубликовано: {day} {MONTHS_GEN[month]} {year}, 09:30", f"{year}-{month + 1:02d}-{min(day, 28):02d}T11:47+0300",
    ]))
    headline = draw(st.sampled_from([
        "", "Правительство утвердило программу развития дорог", "Петров: решение будет принято после консультаций",
        "Цены на топливо останутся прежними, — Белова", "В регионе открылся новый терминал",
    ]))
    byline = draw(st.sampled_from(["", "- Вестник региона", "Редакция Новости.ру", "© Городская газета",
                                   "Фото: пресс-служба"]))
    body = draw(st.lists(paragraphs(), min_size=1, max_size=5))
    lines = [line for line in (stamp, headline, byline) if line]
    order = draw(st.permutations(lines))
    return "\n".join(list(order) + body) + "\n"


@pytest.fixture(scope="module")
def analyser():
    return Analyzer()


def analysed(text: str, analyser):
    """The file's index rows, or the Skip that left it out."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "article.txt").write_text(text, encoding="utf-8")
        [file] = discover(Path(folder))
        [result] = prepare([file], analyser)
    return result


def dated(rows) -> list[dict]:
    """An article's event rows: the date's words (read at their paragraph offsets), value, year_inferred."""
    texts = ArticleTexts(*rows.tables["article_texts"][0], rows.record["title"])
    return [{"mention": texts.source(para)[start:end], "value": value, "year_inferred": bool(inferred)}
            for _, para, start, end, value, _, _, inferred, *_ in rows.tables["events"]]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=articles())
def test_news_shaped_articles_are_analysed_without_a_skip(text, analyser):
    result = analysed(text, analyser)
    assert not isinstance(result, Skip), (result.reason, text)
    rows, chars = result
    assert chars == len(text)
    for event in dated(rows):
        assert event["value"]  # every dated event has a well-formed value


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                               HealthCheck.function_scoped_fixture])
@given(texts=st.lists(articles(), min_size=6, max_size=6))
def test_every_command_answers_on_news_shaped_folders(texts, tmp_path_factory):
    corpus = tmp_path_factory.mktemp("news")
    cache = tmp_path_factory.mktemp("cache")
    for number, text in enumerate(texts):
        (corpus / f"n{number}.txt").write_text(text, encoding="utf-8")
    indexed = run_cli("index", "--jobs", "1", cache=cache, corpus=corpus)
    assert indexed.code == 0 and "6 analysed" in indexed.out and "0 skipped" in indexed.out, indexed.out
    for command in (["sources"], ["timeline"], ["quotes"], ["people"], ["search", "соглашение"],
                    ["quotes", "--person", "Петров"], ["compare"], ["compare", "--figures"], ["show", "n0"],
                    ["timeline", "--json"], ["quotes", "--json"]):
        result = run_cli(*command, cache=cache, corpus=corpus)
        assert result.code in (0, 1), (command, result.err)


# -- regressions the fuzzing (and real folders) found ---------------------------------------------------


def test_a_month_without_a_year_in_a_dated_article(analyser):
    """"уже в мае" in a dated article stopped the whole folder (month_number did not read "мае")."""
    text = (" date 2025-04-14\nЗавод начал выпуск тракторов\n"
            "Первая партия уйдёт покупателям уже в мае. Опытный образец собрали в марте.\n")
    rows, _ = analysed(text, analyser)
    assert [(e["mention"], e["value"], e["year_inferred"]) for e in dated(rows)] == [
        ("в мае", "2025-05", True), ("в марте", "2025-03", True)]


def test_impossible_and_backward_dates_give_no_event(analyser):
    text = (" date 2025-04-14\nНовости\nВстреча прошла 31 февраля. Выставка работала в 2012–2008 годах.\n"
            "Форум прошёл 30 апреля 2024 года.\n")
    rows, _ = analysed(text, analyser)
    assert [(e["mention"], e["value"]) for e in dated(rows)] == [("30 апреля 2024 года", "2024-04-30")]


def test_a_range_over_new_year_takes_the_year_before_for_its_start(analyser):
    text = " date 2025-04-14\nНовости\nКаникулы продлились с 28 декабря по 8 января 2025 года.\n"
    rows, _ = analysed(text, analyser)
    assert [(e["mention"], e["value"]) for e in dated(rows)] == [
        ("с 28 декабря по 8 января 2025 года", "2024-12-28/2025-01-08")]
