"""`kzcli compare`: figures, the overview, a topic across sources, layouts."""

from __future__ import annotations

import io
import re
import sys

import pytest
from rich.console import Console

from conftest import ROOT, gold, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import score_figures  # noqa: E402

from kzcli.render import sidebyside  # noqa: E402
from kzcli.render.output import Format, short_id  # noqa: E402

FIGURES = ROOT / "tests" / "corpora" / "figures"
WORD = re.compile(r"[^\s…]+")
WORD_OR_CUT = re.compile(r"[^\s…]+…?")
BOX = re.compile(r"[│┃┏┓┗┛┡┩└┘├┤┼╇╋━─┳┻┴┬]")
FIGURE_FIELDS = {"group", "about", "text", "kind", "amount", "unit", "qualifier", "agreement", "sentence", "file",
                 "id", "outlet", "published", "paragraph", "url", "measure", "period", "amount_text", "according_to",
                 "copy_of"}


@pytest.fixture(scope="module")
def figure_rows(tmp_path_factory):
    result = run_cli("compare", "--figures", "--json", cache=tmp_path_factory.mktemp("cache"), corpus=FIGURES)
    assert result.code == 0, result.err
    return result.json()


def test_seed_figures_match_the_gold(seeds):
    rows = seeds("compare", "--figures", "--json").json()
    assert set(rows[0]) == FIGURE_FIELDS
    result = score_figures(gold("figures.json"), rows)
    assert result["recall_with_amount"] >= 0.9, result["missed"]
    investment = next(row for row in rows if row["text"] == "$40 млрд")
    assert (investment["amount"], investment["unit"], investment["qualifier"]) == (40_000_000_000, "USD", "превысили")
    companies = next(row for row in rows if row["text"] == "Свыше 500 американских компаний")
    assert (companies["amount"], companies["kind"], companies["qualifier"]) == (500, "count", "свыше")


@pytest.mark.parametrize("text, kind, amount, unit, qualifier", [
    ("4,2 млрд долларов", "money", 4_200_000_000, "USD", None),
    ("8,5%", "percent", 8.5, "%", None),
    ("свыше двадцати пяти немецких компаний", "count", 25, "компания", "свыше"),
    ("2 500 000 тенге", "money", 2_500_000, "KZT", None),
    ("в течение трех месяцев", "duration", 3, "months", None),
    ("1,5 млрд евро", "money", 1_500_000_000, "EUR", None),
    ("Около 12% ВВП", "percent", 12, "%", "около"),
])
def test_figures_are_normalised(figure_rows, text, kind, amount, unit, qualifier):
    row = next(row for row in figure_rows if row["text"] == text)
    assert (row["kind"], row["amount"], row["unit"], row["qualifier"]) == (kind, amount, unit, qualifier)
    assert text in row["sentence"]


def test_dates_are_not_figures(figure_rows):
    assert not [row for row in figure_rows if re.search(r"2023|2024|марта", row["text"])]


def test_agreement_between_sources(figure_rows):
    trade = [row for row in figure_rows if row["text"] == "4,2 млрд долларов"]
    assert {row["id"] for row in trade} == {"alpha", "beta"}
    assert trade[0]["group"] == trade[1]["group"] and trade[0]["agreement"] == "agree"
    inflation = [row for row in figure_rows if row["text"] in ("8,5%", "9%")]
    assert inflation[0]["group"] == inflation[1]["group"] and inflation[0]["agreement"] == "differ"
    credit = next(row for row in figure_rows if row["text"] == "1,5 млрд евро")
    assert credit["agreement"] == "single"


def test_topic_coverage_on_the_seeds(seeds):
    rows = seeds("compare", "Авраамовы соглашения", "--json").json()
    covering = {row["id"][:3] for row in rows if row["covers"]}
    assert covering == {"000", "001", "002", "003"}
    assert {row["coverage"] for row in rows} == {"4 of 5"}
    for row in rows:
        if row["covers"]:
            assert 1 <= len(row["passages"]) <= 3
            assert all(re.search(r"Авраам", passage["text"]) for passage in row["passages"])
        else:
            assert row["passages"] == [] and row["quoted"] == []
    assert "Канатбек Азиз" in next(row for row in rows if row["id"].startswith("003"))["quoted"]


def test_topic_table_carries_the_json_content(seeds):
    rows = seeds("compare", "Авраамовы соглашения", "--json").json()
    table = seeds("compare", "Авраамовы соглашения", "--markdown").out
    assert "4 of 5 sources" in table
    for row in rows:
        for passage in row["passages"]:
            assert passage["text"] in table
        for figure in row["figures"]:
            assert figure in table
    assert "не упоминается" in seeds("compare", "Авраамовы соглашения").out


def test_piped_passages_are_one_line_each_source_without_empty_items(seeds):
    """Piped, a source's passages are joined by "; " with no empty item between them ("…; ; ¶1 …")."""
    lines = seeds("compare", "Авраамовы соглашения").out.splitlines()
    passages = next(line for line in lines if line.startswith("passages\t"))
    assert passages.count("¶") >= 5 and "; ;" not in passages


def test_topic_nobody_covers_exits_1(seeds):
    result = seeds("compare", "квантовая гравитация")
    assert result.code == 1 and "no source mentions" in result.err


def test_overview_lists_interviewee_and_outlet(seeds):
    rows = seeds("compare", "--json").json()
    baq = next(row for row in rows if row["id"].startswith("001"))
    assert (baq["outlet"], baq["genre"], baq["interviewee"]) == ("BAQ.KZ", "interview", "Айгуль Куспан")
    assert "Айгуль Куспан" in baq["quoted"]
    assert "Центральная Азия" in baq["topics"] and baq["topics"]["Центральная Азия"] is True
    altyn = next(row for row in rows if row["id"].startswith("004"))
    assert "$40 млрд" in altyn["figures"] and altyn["topics"]["Центральная Азия"] is False


def test_sources_chosen_by_id_and_fuzzy_outlet(seeds):
    rows = seeds("compare", "--sources", "001,altyn-orda", "--json").json()
    assert [row["id"][:3] for row in rows] == ["001", "004"]
    assert seeds("compare", "--sources", "nosuchoutlet").code == 2


@pytest.mark.parametrize("width", [80, 120])
def test_overview_fits_the_width_without_cutting_words(seeds, monkeypatch, width):
    rows = seeds("compare", "--json").json()
    buffer = io.StringIO()
    monkeypatch.setattr(sidebyside, "stdout_console",
                        lambda: Console(file=buffer, width=width, force_terminal=True, color_system=None))
    sheet = sidebyside.overview_sheet(rows)
    sidebyside.emit(sheet, Format.TERMINAL)
    output = buffer.getvalue()
    assert all(len(line) <= width for line in output.splitlines())
    assert "Айгуль Куспан" in output and "BAQ.KZ" in output
    content = [label + " " + " ".join(sidebyside._text(cell, " ") for cell in cells) for label, cells in sheet.rows]
    written = set(WORD.findall(" ".join(content + [short_id(source) for source in sheet.sources] + [sheet.caption])))
    shown = WORD_OR_CUT.findall(BOX.sub(" ", output))
    assert not [word for word in shown if not word.endswith("…") and word not in written]


def test_stack_gives_one_table_per_source(seeds, monkeypatch):
    rows = seeds("compare", "--json").json()
    buffer = io.StringIO()
    monkeypatch.setattr(sidebyside, "stdout_console",
                        lambda: Console(file=buffer, width=200, force_terminal=True, color_system=None))
    sidebyside.emit(sidebyside.overview_sheet(rows), Format.TERMINAL, stack=True)
    assert buffer.getvalue().count("┏") == len(rows)


def test_large_corpus_caps_the_columns(tmp_path, corpus):
    for number in range(31):
        (corpus / f"n{number:02}.txt").write_text(
            f"Новость {number}\n\nКазахстан и США обсудили торговое соглашение номер {number}.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    overview = run_cli("compare", cache=cache, corpus=corpus)
    assert overview.code == 2 and "--sources" in overview.err and "31" in overview.err
    assert len(run_cli("compare", "--sources", "n00,n01", "--json", cache=cache, corpus=corpus).json()) == 2
    rows = run_cli("compare", "торговое соглашение", "--json", cache=cache, corpus=corpus).json()
    assert len(rows) == 10 and {row["coverage"] for row in rows} == {"31 of 31"}


STORY = ROOT / "tests" / "corpora" / "story"


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return lambda *args: run_cli(*args, cache=cache, corpus=STORY)


def test_one_story_from_four_outlets_agrees_and_differs(story):
    rows = story("compare", "--figures", "--json").json()
    groups: dict[int, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    target = next(group for group in groups.values() if any(row["text"] == "до $3 млрд" for row in group))
    assert sorted(row["id"] for row in target) == ["a_vestnik", "b_gazeta", "c_kurier", "d_obozrenie"]
    assert {row["agreement"] for row in target} == {"agree"}
    assert {(row["period"], row["measure"]) for row in target} == {("к 2030", "цель: товарооборот")}
    turnover = next(group for group in groups.values() if any(row["text"] == "650 млн долларов" for row in group))
    assert sorted((row["id"], row["amount_text"]) for row in turnover) == [
        ("a_vestnik", "712 млн $"), ("b_gazeta", "712,4 млн $"), ("c_kurier", "700 млн $"), ("d_obozrenie", "650 млн $")]
    assert {row["agreement"] for row in turnover} == {"differ"}
    export = next(group for group in groups.values() if any(row["text"] == "180 млн долларов" for row in group))
    assert export is not turnover and {row["agreement"] for row in export} == {"agree"}
    assert next(row for row in export if row["id"] == "a_vestnik")["according_to"] == \
        "по данным Комитета государственных доходов"
    growth = next(group for group in groups.values() if any(row["text"] == "12,3 процента" for row in group))
    assert sorted(row["amount_text"] for row in growth) == ["12 %", "12,3 %"] and growth[0]["agreement"] == "agree"
    assert not [row for row in rows if "стран" in row["text"] or "государств" in row["text"]]
    shared = [row["agreement"] != "single" for row in rows]
    assert shared == sorted(shared, reverse=True)  # groups several sources share come first


def test_a_copy_is_linked_and_counted_once(story):
    sources = {row["id"]: row for row in story("sources", "--json").json()}
    assert sources["e_copy"]["copy_of"] == "a_vestnik"
    assert [row["copy_of"] for name, row in sorted(sources.items()) if name != "e_copy"] == [None] * 4
    figures = story("compare", "--figures", "--json").json()
    assert not [row for row in figures if row["id"] == "e_copy"]
    hits = story("search", "экспорт в Иран", "--json").json()
    assert "e_copy" not in [hit["id"] for hit in hits]
    assert [hit["copies"] for hit in hits if hit["id"] == "a_vestnik"][0] == ["e_copy"]
    topic = story("compare", "товарооборот", "--json").json()
    assert {row["coverage"] for row in topic} == {"4 of 4"}
    assert next(row for row in topic if row["id"] == "e_copy")["repeats"] == "a_vestnik"
    alone = story("compare", "--figures", "--sources", "e_copy", "--json").json()
    assert {row["id"] for row in alone} == {"e_copy"}  # compared without its original, a copy speaks


def test_seed_figures_count_no_parties_and_topics_read_as_nominatives(seeds):
    from kzcli.lang.dictionary import dictionary

    figures = seeds("compare", "--figures", "--json").json()
    assert not [row for row in figures if re.search(r"стран|государств|президент|сторон", row["text"])]
    assert all(row["amount_text"] and "e+" not in row["amount_text"] for row in figures)
    topics = seeds("compare", "--json").json()[0]["topics"]
    assert len(topics) >= 5
    for label in topics:
        first, second = label.split()
        readings = dictionary().parse(first.lower())
        head = second if any(r.tag.POS in {"ADJF", "PRTF"} for r in readings) else first
        assert any("nomn" in r.tag for r in dictionary().parse(head.lower())), label
    assert not {"высоком уровне", "итогам встречи"} & set(topics)


def test_figures_on_a_topic_come_from_its_sentences(seeds):
    rows = seeds("compare", "Авраамовы соглашения", "--json").json()
    assert not [figure for row in rows for figure in row["figures"] if "мирового предложения" in figure]


def test_a_figure_in_a_tree_with_a_cycle_is_read_and_the_reading_ends():
    from types import SimpleNamespace

    from kzcli.analysis.figures import sentence_figures

    text = "Товарооборот в 5 млрд долларов"
    words = [("Товарооборот", "товарооборот", "NOUN", 0, "nmod", "Case=Nom"),  # the parser made it its own head
             ("в", "в", "ADP", 4, "case", ""), ("5", "5", "NUM", 3, "nummod", ""),
             ("млрд", "млрд", "NOUN", 4, "nummod", "Case=Gen"), ("долларов", "доллар", "NOUN", 0, "nmod", "Case=Gen")]
    tokens, start = [], 0
    for word, lemma, pos, head, rel, feats in words:
        start = text.index(word, start)
        tokens.append(SimpleNamespace(start=start, text=word, lemma=lemma, pos=pos, head=head, rel=rel, feats=feats))
    wording = SimpleNamespace(nominative=lambda sent, nodes: " ".join(sent.tokens[i].text for i in nodes),
                              counted=lambda lemma: (lemma, lemma, lemma))
    [figure] = sentence_figures(0, SimpleNamespace(text=text, tokens=tokens, entities=[]), [], wording)
    assert (figure.text, figure.amount, figure.unit, figure.shown) == ("5 млрд долларов", 5e9, "USD", "5 млрд $")
    assert (figure.measure, figure.measure_key) == ("товарооборот", "товарооборот||")
