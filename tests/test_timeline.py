"""Date mentions, year inference and `kzcli timeline`."""

from __future__ import annotations

import io
import shutil
import sys
from datetime import date

import pytest
from rich.console import Console

from conftest import ROOT, gold, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import score_timeline  # noqa: E402

from kzcli.render import output  # noqa: E402
from kzcli.analysis.chronology import complete_year, find_mentions, resolve_relative  # noqa: E402
from kzcli.analysis.crossref import Anchor, Reference, link  # noqa: E402

EVENT_FIELDS = {"date", "partial", "granularity", "modifier", "mention", "event", "sentence", "file", "id", "outlet",
                "year_inferred", "planned", "cross_reference", "paragraph", "url", "group"}
CROSSREF = ROOT / "tests" / "corpora" / "crossref"
EXPRESSIONS = ROOT / "tests" / "corpora" / "timeline"


def one(text: str):
    mentions = find_mentions(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


@pytest.mark.parametrize("text, mention, value, granularity, modifier", [
    ("Сессия прошла 10 января 2026 года в Астане.", "10 января 2026 года", "2026-01-10", "day", None),
    ("Саммит прошел в ноябре 2025 года.", "в ноябре 2025 года", "2025-11", "month", None),
    ("Визит состоится в 2026 году.", "в 2026 году", "2026", "year", None),
    ("Форум прошел с 21 по 23 сентября 2024 года.", "с 21 по 23 сентября 2024 года", "2024-09-21/2024-09-23", "range", None),
    ("Выставка открыта с 21 сентября по 3 октября 2024 года.", "с 21 сентября по 3 октября 2024 года",
     "2024-09-21/2024-10-03", "range", None),
    ("В конце 2025 года Токаев провел переговоры.", "В конце 2025 года", "2025", "year", "end"),
    ("В начале 2024 года цены выросли.", "В начале 2024 года", "2024", "year", "start"),
    ("Во второй половине 2023 года спрос упал.", "Во второй половине 2023 года", "2023-07/2023-12", "range",
     "second_half"),
    ("В первом квартале 2026 года ВВП вырос.", "В первом квартале 2026 года", "2026-01/2026-03", "range", "q1"),
    ("Во II квартале 2024 г. выручка росла.", "Во II квартале 2024 г.", "2024-04/2024-06", "range", "q2"),
    ("В первом полугодии 2025 года спрос рос.", "В первом полугодии 2025 года", "2025-01/2025-06", "range", "h1"),
    ("Осенью 2023 года прошли выборы.", "Осенью 2023 года", "2023-09/2023-11", "range", "autumn"),
    ("Зимой 2024 года шли снегопады.", "Зимой 2024 года", "2023-12/2024-02", "range", "winter"),
    ("За первые семь месяцев 2021 года приехали тысячи.", "За первые семь месяцев 2021 года",
     "2021-01/2021-07", "range", None),
    ("Экспорт за январь–май 2024 года вырос.", "за январь–май 2024 года", "2024-01/2024-05", "range", None),
    ("Завод строили в 90-е годы.", "в 90-е годы", "1990/1999", "range", None),
    ("Договор действовал с 2008 по 2012 год.", "с 2008 по 2012 год", "2008/2012", "range", None),
    ("Кредит нужно вернуть до конца 2024 года.", "до конца 2024 года", "2024", "year", "end"),
    ("В конце ноября 2025 года подписали договор.", "В конце ноября 2025 года", "2025-11", "month", "end"),
    ("Документ подписан 27.10.2025 в Москве.", "27.10.2025", "2025-10-27", "day", None),
    ("Документ подписан 05.03.24 в Москве.", "05.03.24", "2024-03-05", "day", None),
    ("Программа действовала в 2020–2025 годах.", "в 2020–2025 годах", "2020/2025", "range", None),
    ("В Международный женский день 2024 года прошли акции.", "В Международный женский день 2024 года",
     "2024-03-08", "day", None),
    ("В 2024–2025 учебном году откроют школы.", "В 2024–2025 учебном году", "2024/2025", "range", None),
    ("В сезоне 2023/24 команда заняла второе место.", "В сезоне 2023/24", "2023/2024", "range", None),
    ("В середине 2000-х завод закрыли.", "В середине 2000-х", "2000/2009", "range", "middle"),
    ("В 1990-х город быстро рос.", "В 1990-х", "1990/1999", "range", None),
    ("С января по март 2024 года цены росли.", "С января по март 2024 года", "2024-01/2024-03", "range", None),
    ("За 9 месяцев 2024 года экспорт вырос.", "За 9 месяцев 2024 года", "2024-01/2024-09", "range", None),
])
def test_expression_classes_normalise(text, mention, value, granularity, modifier):
    found = one(text)
    assert (found.text.casefold(), found.value, found.granularity, found.modifier) == \
        (mention.casefold(), value, granularity, modifier)


def test_a_date_in_capitals_keeps_its_written_words_and_offsets():
    capitals = one("ВО II КВАРТАЛЕ 2024 Г. выручка росла.")
    assert (capitals.text, capitals.value, capitals.modifier) == ("ВО II КВАРТАЛЕ 2024 Г.", "2024-04/2024-06", "q2")
    # "İ" is two characters in lower case: the offsets still count the text as written.
    text = "İzmir, 5 Мая 2025 года"
    after = one(text)
    assert (after.text, text[after.start:after.end], after.value) == ("5 Мая 2025 года", "5 Мая 2025 года", "2025-05-05")


def test_ranges_keep_both_ends_and_take_a_year_from_context():
    found = one("Сессия ООН прошла 21—23 сентября.")
    assert (found.text, found.year, found.end_value) == ("21—23 сентября", None, (None, 9, 23))
    complete_year(found, [2025], None, "past")
    assert (found.value, found.year_inferred) == ("2025-09-21/2025-09-23", True)


def test_two_days_in_one_phrase_are_two_mentions_and_a_day_may_be_written_with_its_ending():
    assert [(m.text, m.day, m.month) for m in find_mentions("Выставка прошла 5 и 6 мая.")] == [
        ("5 и 6 мая", 5, 5), ("5 и 6 мая", 6, 5)]
    assert [(m.text, m.day, m.month) for m in find_mentions("1-го мая прошла демонстрация.")] == [("1-го мая", 1, 5)]


def test_two_years_in_one_phrase_are_two_mentions():
    assert [(m.text, m.value) for m in find_mentions("Резолюции приняли в 1998 и 2011 годах.")] == \
        [("в 1998 и 2011 годах", "1998"), ("в 1998 и 2011 годах", "2011")]


# Publication on Wednesday 10 September 2025.
@pytest.mark.parametrize("text, direction, value", [
    ("Стороны на днях обсудили пошлины.", "past", "2025-09"),
    ("Вчера министр прибыл в Астану.", "past", "2025-09-09"),
    ("Позавчера начались учения.", "past", "2025-09-08"),
    ("Завтра откроется форум.", "future", "2025-09-11"),
    ("В этом году товарооборот вырос.", "past", "2025"),
    ("В прошлом году товарооборот упал.", "past", "2024"),
    ("В следующем году откроют завод.", "future", "2026"),
    ("По итогам текущего года рост составит 5%.", "future", "2025"),
    ("Годом ранее рост был меньше.", "past", "2024"),
    ("С начала года цены выросли.", "past", "2025"),
    ("Прошлогодний саммит прошёл в Астане.", "past", "2024"),
    ("В марте этого года прошёл саммит.", "past", "2025-03"),
    ("В ноябре прошлого года открыли школу.", "past", "2024-11"),
    ("Документ подпишут до конца текущего года.", "future", "2025"),
    ("В понедельник министр провёл встречу.", "past", "2025-09-08"),
    ("В пятницу министр проведёт встречу.", "future", "2025-09-12"),
    ("В среду проходит заседание.", None, "2025-09-10"),
    ("Переговоры прошли в пятницу.", "past", "2025-09-05"),
    ("На прошлой неделе прошли переговоры.", "past", "2025-09-01/2025-09-07"),
    ("На следующей неделе пройдут переговоры.", "future", "2025-09-15/2025-09-21"),
    ("В эти выходные прошёл фестиваль.", "past", "2025-09-06/2025-09-07"),
    ("В минувшие три дня шли переговоры.", "past", "2025-09-07/2025-09-09"),
    ("Три года назад завод закрыли.", "past", "2022"),
    ("Ровно месяц назад начались работы.", "past", "2025-08"),
    ("Пять дней назад начались работы.", "past", "2025-09-05"),
    ("Через полгода откроют мост.", "future", "2026-03"),
    ("Вчера, 9 сентября, открыли мост.", "past", "2025-09-09"),
    ("Работы завершат до конца недели.", "future", "2025-09-08/2025-09-14"),  # this week, modifier end
    ("С понедельника ограничат движение.", "future", "2025-09-15"),  # from the next Monday
    # published Wednesday 10 September: a weekday with its word of time, whatever the tense
    ("В минувшую среду открыли школу.", None, "2025-09-03"),  # the latest before, not the day itself
    ("В прошлую пятницу прошел митинг.", None, "2025-09-05"),
    ("В эту субботу состоится ярмарка.", "past", "2025-09-13"),  # of the publication's week
    ("В следующий вторник соберется совет.", None, "2025-09-16"),
    ("В ближайшую пятницу откроют мост.", "future", "2025-09-12"),
    ("В прошлом квартале выручка выросла.", "past", "2025-04/2025-06"),  # the quarter before September's
    ("Отчет выйдет в конце текущего квартала.", "future", "2025-07/2025-09"),
])
def test_relative_dates_are_anchored_to_publication(text, direction, value):
    found = one(text)
    resolve_relative(found, date(2025, 9, 10), direction)
    assert found.value == value


@pytest.mark.parametrize("text, published, value", [
    # "минувший" is the latest season gone by; "прошлый" the one before this year's
    ("Минувшим летом урожай был рекордным.", date(2025, 9, 10), "2025-06/2025-08"),
    ("Минувшим летом урожай был рекордным.", date(2025, 4, 15), "2024-06/2024-08"),
    ("Минувшей зимой дороги не чистили.", date(2025, 4, 15), "2024-12/2025-02"),
    ("Прошедшей зимой дороги не чистили.", date(2025, 1, 20), "2023-12/2024-02"),  # this winter is not over
    ("Прошлой зимой дороги не чистили.", date(2025, 4, 15), "2023-12/2024-02"),
])
def test_a_season_gone_by_is_the_latest_over_at_publication(text, published, value):
    found = one(text)
    resolve_relative(found, published, "past")
    assert found.value == value


@pytest.mark.parametrize("text, direction, published, value", [
    ("Пошлины действуют с 1 августа.", None, date(2025, 9, 30), "2025-08-01"),
    ("Пошлины введут с 1 ноября.", "future", date(2025, 9, 30), "2025-11-01"),
    ("Переговоры пройдут 15 марта.", "future", date(2025, 9, 30), "2026-03-15"),  # a future March is next year's
    ("Ноябрьский визит стал главным событием.", "past", date(2025, 9, 30), "2024-11"),  # a past November
    ("Встреча прошла 20 декабря.", "past", date(2025, 9, 30), "2024-12-20"),  # a past December is last year's
    ("Уже в мае цены выросли.", "past", date(2025, 9, 30), "2025-05"),
    ("Встреча прошла 20 декабря.", "past", date(2025, 12, 29), "2025-12-20"),  # late December: not next year
    ("Совещание 12 марта было коротким.", None, date(2025, 4, 2), "2025-03-12"),
    ("Встреча состоится 5 января.", "future", date(2025, 12, 29), "2026-01-05"),
    ("Весной цены на жильё могут вырасти.", "future", date(2025, 12, 29), "2026-03/2026-05"),
    ("Во втором квартале рост замедлился.", None, date(2025, 9, 8), "2025-04/2025-06"),
    ("В первом квартале рост был выше.", None, date(2025, 9, 8), "2025-01/2025-03"),  # not next year's
    ("В пятницу, 14 ноября, откроют каток.", "future", date(2025, 11, 12), "2025-11-14"),
    # holidays on a fixed day; "накануне", "в канун" are the day before
    ("Накануне Дня Победы открыли мемориал.", "past", date(2025, 5, 14), "2025-05-08"),
    ("Ко Дню знаний отремонтируют школы.", "future", date(2025, 5, 14), "2025-09-01"),
    ("В канун Дня защитника Отечества прошел парад.", "past", date(2025, 5, 14), "2025-02-22"),
])
def test_missing_year_follows_tense_around_the_publication_date(text, direction, published, value):
    found = one(text)
    complete_year(found, [], published, direction)
    assert (found.value, found.year_inferred) == (value, True)


def test_a_weekday_picks_the_year_of_a_year_less_date():
    found = one("В пятницу, 14 ноября, откроют каток.")  # a Friday in 2025, not in 2024, 2026 or 2027
    complete_year(found, [], date(2026, 3, 1), None)
    assert found.value == "2025-11-14"


def test_missing_year_prefers_an_explicit_year_nearby():
    found = one("Пошлины действуют с 1 августа.")
    complete_year(found, [2025], None, None)
    assert found.value == "2025-08-01"


def test_not_dates():
    assert find_mentions("в течение пяти лет, саммит C5+1, Стратегия 2025, 17 миллиардов долларов") == []
    assert find_mentions("к концу дня России пришлось уступить") == []  # no capital: no holiday
    # a plural unit needs its count; a two-digit "-х" needs "годы" or a part of the decade
    assert find_mentions("несколько лет назад, через пару недель, для 10-х классов") == []
    assert find_mentions("за 9 месяцев построили мост") == []  # a duration, with no year it counts in


# -- the seeds ------------------------------------------------------------------------------


def test_seed_timeline_meets_the_gold(seeds):
    rows = seeds("timeline", "--no-merge", "--json").json()
    result = score_timeline(gold("timeline.json")["dated"], [row for row in rows if not row["cross_reference"]])
    assert result["recall"] >= 0.95 and result["precision"] >= 0.9 and result["exact_date"] >= 0.95, result
    assert {tuple(sorted(row)) for row in rows} == {tuple(sorted(EVENT_FIELDS))}
    inferred = {row["mention"]: row["date"] for row in rows if row["year_inferred"]}
    assert inferred == {"ноябрьский": "2025-11", "с 1 августа": "2025-08-01"}


def test_undated_seeds_get_an_estimated_window(seeds):
    listed = {row["file"]: row for row in seeds("sources", "--json").json()}
    for entry in gold("articles.json"):
        row = listed[entry["file"]]
        assert row["published_estimated"] == (entry["published"] is None)
        if entry["published"] is None:
            low, high = row["published_window"]
            assert low is None or low <= entry["published_window"][0]
            assert high is None
    assert listed["004_8ab6e0c7e61d57f3.txt"]["published_window"] == ["2025-08-01", None]
    # 003 reports the visit that 000 dates "в ноябре 2025 года"
    assert listed["003_472733e1ce65e60e.txt"]["published_window"] == ["2025-11-01", None]


def test_seed_events_dated_by_another_source(seeds):
    rows = [row for row in seeds("timeline", "--no-merge", "--json").json() if row["cross_reference"]]
    assert [(row["id"], row["date"], row["cross_reference"]["id"], row["cross_reference"]["mention"]) for row in rows] \
        == [("003_472733e1ce65e60e", "2025-11", "000_bbde87415b7eeb1e", "в ноябре 2025 года")]
    assert rows[0]["mention"].startswith("Визит Касым-Жомарта Токаева в США")
    assert rows[0]["mention"] in rows[0]["sentence"]
    # 004's "Визит Токаева в США" is its New York visit in September: the article also names
    # "визит … в Нью-Йорк", which the November anchor does not fit, so it stays undated.
    assert not any(row["id"].startswith("004") for row in rows)


# -- across sources ---------------------------------------------------------------------


def test_same_event_from_two_outlets_merges_and_an_undated_mention_borrows_the_date(tmp_path):
    cache = tmp_path / "cache"
    rows = run_cli("timeline", "--json", cache=cache, corpus=CROSSREF).json()
    summit = [row for row in rows if row["date"] == "2025-11-06"]
    assert {row["id"] for row in summit} == {"alpha", "beta", "gamma"}
    assert len({row["group"] for row in summit}) == 1
    borrowed = next(row for row in summit if row["id"] == "gamma")
    assert borrowed["cross_reference"]["id"] == "alpha" and borrowed["cross_reference"]["mention"] == "6 ноября 2025 года"
    assert borrowed["mention"] == "саммит C5+1" and not borrowed["year_inferred"]
    # its clause is rebuilt from the stored tokens of its sentence
    assert borrowed["event"] == "Саммит C5+1 в Вашингтоне изменил отношение США к региону"
    assert [row["cross_reference"] for row in summit if row["id"] != "gamma"] == [None, None]
    apart = run_cli("timeline", "--no-merge", "--json", cache=cache, corpus=CROSSREF).json()
    assert len({row["group"] for row in apart if row["date"] == "2025-11-06"}) == 3
    listed = {row["id"]: row for row in run_cli("sources", "--json", cache=cache, corpus=CROSSREF).json()}
    assert listed["gamma"]["published_window"] == ["2025-11-06", None]


def test_dates_borrowed_after_an_edit_are_those_of_a_fresh_index(tmp_path):
    """Re-indexing keeps the borrowed events of unchanged articles and works out the edited one's again."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CROSSREF, corpus)
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=corpus)
    gamma = corpus / "gamma.txt"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("изменил отношение США к региону",
                                                               "укрепил доверие между странами"), encoding="utf-8")
    rows = run_cli("timeline", "--json", cache=cache, corpus=corpus).json()
    borrowed = next(row for row in rows if row["id"] == "gamma" and row["cross_reference"])
    assert borrowed["event"] == "Саммит C5+1 в Вашингтоне укрепил доверие между странами"
    assert rows == run_cli("timeline", "--json", cache=tmp_path / "fresh", corpus=corpus).json()


def anchor(aid, noun, names, value, first, last, planned=False):
    return Anchor(aid, noun, frozenset(names), value, "day" if len(value) == 10 else "month", None, first, last,
                  planned, value)


def reference(aid, noun, names, planned=False, published=None):
    return Reference(aid, noun, frozenset(names), planned, published)


def test_link_needs_agreeing_anchors_in_other_articles():
    nov = anchor(1, "визит", {"токаев", "сша"}, "2025-11", "2025-11-01", "2025-11-30")
    nov6 = anchor(2, "визит", {"токаев", "сша", "вашингтон"}, "2025-11-06", "2025-11-06", "2025-11-06")
    sep = anchor(3, "визит", {"токаев", "сша"}, "2025-09-22", "2025-09-22", "2025-09-22")
    # the finest date that lies within every fitting anchor wins
    assert link([reference(9, "визит", {"токаев"})], [nov, nov6]) == [nov6]
    # two different visits: no date rather than a wrong one
    assert link([reference(9, "визит", {"токаев"})], [nov, sep]) == [None]
    # names must nest, and the head noun must be the same
    assert link([reference(9, "визит", {"токаев", "москва"}), reference(9, "саммит", {"токаев"})], [nov]) == [None, None]
    # an article that dates such a visit itself is not given another's date
    assert link([reference(1, "визит", {"токаев"})], [nov, nov6]) == [None]


def test_link_respects_the_referring_article():
    nov = anchor(1, "визит", {"токаев", "сша"}, "2025-11", "2025-11-01", "2025-11-30")
    # published before the anchor: a past visit cannot be that one, a planned one can
    assert link([reference(9, "визит", {"токаев"}, published="2025-10-01")], [nov]) == [None]
    assert link([reference(9, "визит", {"токаев"}, planned=True, published="2025-10-01")], [nov]) == [nov]
    # undated article: plans fit plans
    assert link([reference(9, "визит", {"токаев"}, planned=True)], [nov]) == [None]
    # another visit of the same person named in the article makes the reference ambiguous
    new_york = reference(9, "визит", {"токаев", "нью-йорк"})
    assert link([reference(9, "визит", {"токаев", "сша"}), new_york], [nov]) == [None, None]


def test_link_needs_the_same_people_not_just_nested_names():
    geneva = anchor(1, "саммит", {"иванов", "женева"}, "2021-06", "2021-06-01", "2021-06-30")
    ref = reference(9, "саммит", {"женева"})
    # the referring article names another president: a different summit in the same city
    roles = {1: {"иванов": {"президент страны"}}, 9: {"петров": {"президент страны"}}}
    assert link([ref], [geneva], roles) == [None]
    # it names the same president, or nobody in that role: the summit is dated
    assert link([ref], [geneva], {1: roles[1], 9: {"иванов": set(), "сидоров": {"министр"}}}) == [geneva]
    assert link([ref], [geneva], {1: roles[1], 9: {"сидоров": {"министр"}}}) == [geneva]
    # roles of other countries are other roles
    assert link([ref], [geneva], {1: roles[1], 9: {"петров": {"президент соседней страны"}}}) == [geneva]


def test_filters(seeds):
    rows = seeds("timeline", "--since", "2026", "--json").json()
    assert {row["date"][:4] for row in rows} == {"2026"}
    rows = seeds("timeline", "--until", "2025-08", "--json").json()
    assert sorted(row["date"] for row in rows) == ["2025", "2025", "2025", "2025", "2025", "2025", "2025",
                                                   "2025", "2025-07", "2025-08", "2025-08-01"]
    rows = seeds("timeline", "--person", "Трамп", "--json").json()
    assert rows and all("Трамп" in row["sentence"] for row in rows)
    assert seeds("timeline", "--since", "2030").code == 1
    assert seeds("timeline", "--since", "завтра").code == 2


@pytest.mark.parametrize("width", [80, 160])
def test_timeline_table_fits_the_terminal(seeds, monkeypatch, width):
    rows = seeds("timeline", "--json").json()
    buffer = io.StringIO()
    monkeypatch.setattr(output, "stdout_console",
                        lambda: Console(file=buffer, width=width, force_terminal=True, color_system=None))
    output.timeline(rows, output.Format.TERMINAL)
    lines = buffer.getvalue().splitlines()
    assert all(len(line) <= width for line in lines)
    table = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert all(line[-1] in "┓┃┩│┘" for line in table)
    assert any("10 января 2026" in line for line in lines) and any("конец 2025" in line for line in lines)


# -- every expression class through `kzcli timeline`, with fixed publication dates ---------------

@pytest.fixture(scope="module")
def expression_rows(tmp_path_factory):
    result = run_cli("timeline", "--no-merge", "--json", cache=tmp_path_factory.mktemp("cache"), corpus=EXPRESSIONS)
    assert result.code == 0, result.err
    return result.json()


@pytest.fixture(scope="module")
def expressions(expression_rows):
    return {(row["file"], row["mention"].casefold()): row for row in expression_rows}


@pytest.mark.parametrize("file, mention, value, planned", [
    # published Wednesday 10 September 2025
    ("plant.txt", "в среду", "2025-09-10", False),
    ("plant.txt", "во вторник", "2025-09-09", False),  # past: the latest Tuesday
    ("plant.txt", "в пятницу", "2025-09-12", True),  # future: the next Friday
    ("plant.txt", "на прошлой неделе", "2025-09-01/2025-09-07", False),
    ("plant.txt", "на следующей неделе", "2025-09-15/2025-09-21", True),
    ("plant.txt", "в эти выходные", "2025-09-06/2025-09-07", False),
    ("plant.txt", "вчера, 9 сентября", "2025-09-09", False),
    ("plant.txt", "три года назад", "2022", False),
    ("plant.txt", "через полгода", "2026-03", True),
    ("plant.txt", "в этом году", "2025", False),
    ("plant.txt", "в ноябре прошлого года", "2024-11", False),
    ("plant.txt", "сегодня", "2025-09-10", False),  # the governor signed: an event, not the rhetorical one
    ("plant.txt", "во втором квартале", "2025-04/2025-06", False),
    ("plant.txt", "в первом полугодии", "2025-01/2025-06", False),
    ("plant.txt", "весной", "2025-03/2025-05", False),
    ("plant.txt", "до конца 2026 года", "2026", True),  # a modal: planned
    ("plant.txt", "в ноябре", "2025-11", True),  # "планируется начать"
    ("plant.txt", "12 декабря", "2019-12-12", False),  # the year of "В 2019 году" earlier in the paragraph
    ("plant.txt", "за первые семь месяцев года", "2025-01/2025-07", False),
    ("plant.txt", "под конец августа", "2025-08", False),
    ("plant.txt", "с 11 по 17 числа", "2025-08-11/2025-08-17", False),  # the month named before
    ("winter.txt", "20 декабря", "2025-12-20", False),  # a late-December article: not next year
    ("winter.txt", "5 января", "2026-01-05", True),  # an upcoming meeting: next year
    ("spring.txt", "12 марта", "2025-03-12", False),
    ("spring.txt", "в мае", "2025-05", True),
    # published Wednesday 10 September 2025: a part of a week or month counted from it
    ("weeks.txt", "в конце прошлой недели", "2025-09-01/2025-09-07", False),
    ("weeks.txt", "в начале следующего месяца", "2025-10", True),
    # published "Самара, 12 сентября 2025 г.": what is possible or needed is still to come
    ("modal.txt", "первого квартала", "2026-01/2026-03", True),  # "возможно не раньше …"
    ("modal.txt", "до марта", "2026-03", True),  # "необходимо завершить …"
    ("modal.txt", "к июню", "2026-06", True),  # "надо закончить …"
    ("modal.txt", "в августе", "2025-08", False),  # "возможно, …" as an aside leaves the past tense
])
def test_each_expression_class_is_dated_against_the_publication(expressions, file, mention, value, planned):
    row = expressions[(file, mention)]
    assert (row["date"], row["partial"], row["planned"]) == (value, None, planned)


def test_rhetorical_today_is_no_event_and_a_question_is_no_statement(expressions):
    todays = [row for (file, mention), row in expressions.items() if mention == "сегодня"]
    assert [row["event"] for row in todays] == ["Губернатор подписал указ о поддержке завода"]
    assert expressions[("plant.txt", "2024 года")]["event"] == "Вопрос: итоги"
    assert expressions[("plant.txt", "до конца 2026 года")]["modifier"] == "end"
    assert [expressions[("weeks.txt", mention)]["modifier"] for mention in (
        "в конце прошлой недели", "в начале следующего месяца")] == ["end", "start"]
    assert expressions[("plant.txt", "в среду")]["event"] == \
        "Совет директоров станкостроительного завода утвердил план модернизации"


def test_a_year_s_abbreviation_ends_its_sentence_before_a_new_one(expressions):
    """"… 7 сентября 2025 г. В 2024-м явка составила 40%." is two sentences, each date with its own event;
    "в 2000 г. В. Сомов подписал" goes on (an initial)."""
    assert expressions[("year_abbreviation.txt", "7 сентября 2025 г.")]["event"] == "Выборы пройдут"
    assert expressions[("year_abbreviation.txt", "в 2024-м")]["event"] == "Явка составила 40%"
    assert expressions[("year_abbreviation.txt", "в 2000 г.")]["sentence"] == \
        "Указ, который в 2000 г. В. Сомов подписал, до сих пор действует."


def test_a_plan_s_year_never_dates_a_past_event(expressions):
    """"в 2026 году правительство рассмотрит …. Ранее, 5 ноября, премьер поручил …" in an article whose
    year nothing states: the plan's year is not the order's, which stays year-less."""
    row = expressions[("plan_years.txt", "5 ноября")]
    assert (row["date"], row["partial"]) == (None, "--11-05")
    assert expressions[("plan_years.txt", "в 2026 году")]["date"] == "2026"


def test_a_date_without_any_year_is_kept_without_inventing_one(expressions, tmp_path, monkeypatch):
    # "следующего года" counts from a publication date the file does not give, not from "В 2019 году"
    assert ("next_year.txt", "в начале следующего года") not in expressions
    assert expressions[("next_year.txt", "в 2019 году")]["date"] == "2019"
    row = expressions[("undated.txt", "12 мая")]
    assert (row["date"], row["partial"], row["year_inferred"]) == (None, "--05-12", False)
    buffer = io.StringIO()
    monkeypatch.setattr(output, "stdout_console",
                        lambda: Console(file=buffer, width=80, force_terminal=True, color_system=None))
    output.timeline([{**row, "group": 1}], output.Format.TERMINAL)
    assert "12 мая (год не" in buffer.getvalue() and "указан)" in buffer.getvalue()  # wrapped in its column
    bounded = run_cli("timeline", "--since", "2000", "--json", cache=tmp_path / "c", corpus=EXPRESSIONS)
    assert all(row["date"] for row in bounded.json())


def test_seed_events_are_the_clauses_their_dates_modify(seeds):
    rows = seeds("timeline", "--no-merge", "--json").json()
    assert all(row["event"] == row["event"].strip() for row in rows)
    visit = [row for row in rows if row["date"] == "2026" and "Путин" in row["sentence"] and "Москву" in row["sentence"]]
    assert [(row["event"], row["planned"]) for row in visit] == [("Путин ответит визитом в Казахстан", True)]
    august = next(row for row in rows if row["date"] == "2025-08")
    assert august["event"].startswith("США приобрели права")
    question = next(row for row in rows if row["sentence"].rstrip().endswith("?"))
    assert question["event"].startswith("Вопрос: ")


@pytest.mark.parametrize("mention, event", [
    ("накануне", "В профсоюзе объявили о забастовке"),  # a bracketed aside is read through and left out
    ("в июле", "Выпуск продукции составил 120 тонн"),  # after a colon; the subject stays
    ("в июне", "Он был ниже"),  # "тогда как" opens the clause and goes
    ("в августе", "Склады были закрыты либо проданы"),  # a verb conjunct without its own subject
    ("в октябре", "Ярмарка пройдёт в случае, если погода позволит"),  # a correlative keeps its clause
    ("в марте", "Завод снизил прогноз — не более 3% роста"),  # a verbless closing aside after a dash
    ("в январе", "Цех закрыли на ремонт"),  # after a sentence end without its space
    ("с 1 октября", "Мэра и команду города, которые возглавят ассоциацию"),  # "который" and what it tells of
    ("в ноябре", "Новый цех откроют"),  # who said it goes: "Как пояснил директор завода, …"
    ("к маю", "Переговоры о зарплате возобновятся"),  # "По словам профсоюза, …"
    ("в декабре", "Выставка станков пройдёт"),  # "…, сообщил организатор"
    ("в четверг", "Об этом сообщил директор завода"),  # … unless saying it is all the sentence tells
    ("2024 года", "По итогам завод получил прибыль"),  # "по итогам" tells what the profit is for: it stays
    ("1 июля 2025 года", "На заводе работали 300 человек"),  # the noun that only frames the date goes: "По состоянию на"
    ("с 1 по 10 мая 2025 года", "Музеи работали бесплатно"),  # "В период"
    ("до конца года", "Южноморье может стать наблюдателем в таможенном союзе"),  # the modal and its subject too
])
def test_an_event_is_the_whole_clause_of_its_date(expression_rows, mention, event):
    rows = [row for row in expression_rows if row["file"] == "clauses.txt" and row["mention"].casefold() == mention
            and "моста" not in row["sentence"]]
    assert [row["event"] for row in rows] == [event]


@pytest.mark.parametrize("mention, value, planned, event", [
    # a state from a date ("изменён с 1 октября", no "был"): the next 1 October, not the past one
    ("с 1 октября", "2025-10-01", True, "График работы котельной изменён"),
    ("5 декабря", "2024-12-05", False, "Договор на поставку угля подписан"),  # a past act: the last 5 December
    ("в феврале", "2026-02", True, "Котельную запустят"),  # "По его словам, …" goes
    ("3 сентября", "2025-09-03", False, "Ранее мэр открыл новый мост через реку"),  # a date aside, commas and all
    ("в первой декаде октября", "2025-10-01/2025-10-10", True, "Тарифы на тепло вырастут"),  # days 1–10
    ("в третьей декаде февраля 2024 года", "2024-02-21/2024-02-29", False, "Котельную проверили"),  # to its end
])
def test_states_asides_attributions_and_decades(expression_rows, mention, value, planned, event):
    rows = [row for row in expression_rows if row["file"] == "since.txt" and row["mention"].casefold() == mention]
    assert [(row["date"], row["planned"], row["event"]) for row in rows] == [(value, planned, event)]


def test_dates_coordinated_with_each_other_leave_the_event_together(expression_rows):
    rows = [(row["mention"], row["date"], row["event"]) for row in expression_rows if row["file"] == "coordinated.txt"]
    assert sorted(rows) == [
        ("1 июля", "2025-07-01", "Премьеры прошли"), ("20 июня", "2025-06-20", "Премьеры прошли"),
        ("5 мая", "2025-05-05", "Премьеры прошли"),
        ("в конце марта", "2025-03", "Залы пустовали"),
        ("к декабрю", "2025-12", "Сеть рассчитывает окупить новые залы"),  # set off by commas: its closing one goes
        ("начале апреля", "2025-04", "Залы пустовали"),
        ("по итогам года", "2025", "Сеть рассчитывает окупить новые залы"),
    ]


def test_a_span_of_years_or_a_deadline_lends_no_year(expression_rows):
    """Without a publication date, "1 сентября" borrows no year from "90-х годов" or "до 2030 года"."""
    row = next(row for row in expression_rows if row["file"] == "spans.txt" and row["mention"] == "1 сентября")
    assert (row["date"], row["partial"]) == (None, "--09-01")


def test_which_noun_a_relative_clause_tells_about_follows_agreement(expression_rows):
    rows = [row for row in expression_rows if row["file"] == "clauses.txt" and "моста" in row["sentence"]]
    assert [row["event"] for row in rows] == ["Строителей моста, которые закончили работы досрочно"]  # the builders


def test_the_terminal_shortens_a_long_event_and_json_keeps_it_whole():
    clause = "Совет директоров завода утвердил план модернизации цехов, закупки станков и обучения рабочих"
    assert output.clip_words(clause, 5) == "Совет директоров завода утвердил план …"
    assert output.clip_words("Цех закрыли на ремонт", 5) == "Цех закрыли на ремонт"


def test_a_word_of_a_name_dates_no_event_elsewhere(tmp_path):
    """"регионов" of "Совета глав регионов" heads no event: another article's meeting of that council
    is not dated by this article's forum."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2025-03-01\nФорум в столице\n\nСогласно решению Совета глав регионов Поволжья"
                                  " 9 октября 2026 года в столице пройдёт очередной форум.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("date 2025-04-01\nГубернатор поедет на заседание\n\nГубернатор примет участие"
                                  " в заседании Совета глав регионов.\n", encoding="utf-8")
    rows = run_cli("timeline", "--no-merge", "--json", cache=tmp_path / "cache", corpus=corpus).json()
    assert {row["file"] for row in rows} == {"a.txt"}


def test_a_view_shows_the_first_events_and_says_there_are_more(seeds):
    every = seeds("timeline", "--json").json()
    groups = list(dict.fromkeys(row["group"] for row in every))
    limited = seeds("timeline", "--json", "--limit", "2").json()
    assert [row for row in every if row["group"] in groups[:2]] == limited
    view = seeds("timeline", "--limit", "3")
    assert len(view.out.splitlines()) == 1 + sum(row["group"] in groups[:3] for row in every)  # header, rows
    assert "the first 3 events shown; --limit N or --json for more" in view.err
    assert "events shown" not in seeds("timeline", "--limit", str(len(groups))).err  # exactly all: no more
    assert "events shown" not in seeds("timeline").err  # the seeds' few events fit the default view
    about = seeds("timeline", "--query", "визит", "--json").json()  # a --query reads every event, then limits
    first = [row for row in about if row["group"] == about[0]["group"]]
    assert seeds("timeline", "--query", "визит", "--json", "--limit", "1").json() == first


def test_a_year_less_stamp_takes_the_year_after_the_latest_past_event(tmp_path):
    """"СЕВЕРСК, 12 фев — Вестник." with no year anywhere near: the week it reports, the last of January
    2021, gives the year, and the relative dates count from 12 February 2021; a stamp over events of a
    spring six years back stays year-less."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "week.txt").write_text(
        "СЕВЕРСК, 12 фев — Вестник. Цены на топливо в области за неделю с 25 по 31 января выросли на 0,4%, "
        "сообщил во вторник облстат.\n\nС начала месяца бензин подорожал на 1%, впервые в 2021 году.\n",
        encoding="utf-8")
    (corpus / "old.txt").write_text(
        "СЕВЕРСК, 12 фев — Вестник. Мост через реку закрыли на ремонт. Его построили весной 2015 года.\n",
        encoding="utf-8")
    cache = tmp_path / "cache"
    published = {row["id"]: row["published"] for row in run_cli("sources", "--json", cache=cache, corpus=corpus).json()}
    assert published == {"week": "2021-02-12", "old": None}
    dated = {row["mention"]: row["date"] for row in run_cli("timeline", "--json", cache=cache, corpus=corpus).json()
             if row["id"] == "week"}
    assert dated == {"с 25 по 31 января": "2021-01-25/2021-01-31", "во вторник": "2021-02-09",
                     "С начала месяца": "2021-02", "в 2021 году": "2021"}


def test_a_dateline_dates_the_article_and_is_no_event(expression_rows):
    """"Южноморск, 4 июня 2025. Губернатор …": the dateline's date is the publication's (so "в среду" is that
    Wednesday); the dateline, only a place and a date, tells of no event."""
    rows = [(row["date"], row["mention"], row["event"]) for row in expression_rows if row["file"] == "dateline.txt"]
    assert rows == [("2025-06-04", "в среду", "Губернатор области открыл движение по новому мосту через реку")]
