"""Every view reads at 80 columns and uses the width at 160: no line over the width, no word broken
(every word on screen is a whole word of the data, a label of the view, or ends with "…"), and the
80-column view takes at most three times the lines of the 160-column one. Also: --csv gives the same
records as --json, and the command-line conventions (options after the command, --version,
completion, bad dates and unknown sources as input errors)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console

from conftest import ROOT, SEEDS, run_cli

import kzcli
from kzcli.cli import app
from kzcli.lang.calendar import MODIFIER_NAMES, MONTH_GENITIVE, MONTH_NOMINATIVE
from kzcli.render import output, sidebyside

DEV = ROOT.parent / "shared" / "dev" / "corpus"
BOX = re.compile(r"[─-╿]")  # box drawing
EDGE = "«»\"'()[],.:;!?—–-¶*≈←|/%$#•"
LABELS = """
id title outlet published words source passage score date event sources name written as mentions quotes group
about figure amount agreement single agree differ field genre length people quoted terms figures passages
repeats повторяет не упоминается начало интервью без даты заголовка прямая речь косвенная речь запланировано
statements passages for articles in events from date mentions year inferred date another source its
covered by of sources the last rows are topics shared by several encoding file interviewee article interview
год не указан млрд млн трлн тыс USD EUR RUB KZT JPY CNY speakers groups · ✓ Q A #
dropped lines of page furniture listed by json language not analysed kzcli reads Russian язык не анализировалась
""" + " ".join(MONTH_NOMINATIVE + MONTH_GENITIVE + tuple(MODIFIER_NAMES.values()))


def words(text: str) -> list[str]:
    found = []
    for token in BOX.sub(" ", text).split():
        token = token.strip(EDGE)
        if token and not token.strip("0123456789.,+-–%").strip() == "":
            found.append(token)
    return found


def data_words(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(data_words(v) | data_words(k) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(data_words(v) for v in value)) if value else set()
    return set(words(str(value))) if value is not None else set()


def render(monkeypatch, width: int, corpus, cache, *args: str) -> str:
    """The command's terminal view in a console `width` columns wide, run in this process."""
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(cache))
    buffer = io.StringIO()
    console = lambda: Console(file=buffer, width=width, force_terminal=True, color_system=None)  # noqa: E731
    monkeypatch.setattr(output, "stdout_console", console)
    monkeypatch.setattr(sidebyside, "stdout_console", console)
    app(["--corpus", str(corpus), *args], prog_name="kzcli", standalone_mode=False)
    return buffer.getvalue()


VIEWS = [
    ("sources",), ("people",), ("quotes",), ("timeline",), ("search", "Токаев"), ("compare",),
    ("compare", "Авраамовы соглашения"), ("compare", "--figures"), ("show", "001"),
]


_TEXT_WORDS: dict[str, set[str]] = {}


def text_words(corpus, cache, monkeypatch) -> set[str]:
    """Every word of the corpus as kzcli reads it (views quote leads and passages)."""
    if str(corpus) not in _TEXT_WORDS:
        monkeypatch.setenv("KZCLI_CACHE_DIR", str(cache))
        store = kzcli.open_index(corpus)
        _TEXT_WORDS[str(corpus)] = set().union(*(data_words(kzcli.article_view(store, row)) for row in store.articles()))
    return _TEXT_WORDS[str(corpus)]


def check_view(monkeypatch, corpus, cache, args):
    records = json.loads(run_cli(*args, "--json", cache=cache, corpus=corpus).out)
    shown = {width: render(monkeypatch, width, corpus, cache, *args) for width in (80, 160)}
    allowed = {word.casefold() for word in data_words(records) | text_words(corpus, cache, monkeypatch) | set(words(LABELS))}
    allowed |= {short.casefold() for short in output.SHORT_IDS.values()}
    allowed |= {str(path).strip(EDGE).casefold() for path in (corpus, corpus.resolve())}
    for width, text in shown.items():
        lines = text.splitlines()
        assert lines, args
        assert max(len(line) for line in lines) <= width, (args, width)
        broken = [word for word in words(text) if not word.endswith("…") and word.casefold() not in allowed]
        assert not broken, (args, width, broken[:10])
    assert len(shown[80].splitlines()) <= 3 * len(shown[160].splitlines()), args


@pytest.mark.parametrize("args", VIEWS, ids=lambda args: " ".join(args))
def test_seed_views_read_at_80_and_160_columns(seeds_cache, monkeypatch, args):
    check_view(monkeypatch, SEEDS, seeds_cache, args)


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev set is not beside this clone")
@pytest.mark.parametrize("args", [("sources",), ("quotes",), ("timeline",)], ids=lambda args: args[0])
def test_dev_views_read_at_80_and_160_columns(tmp_path_factory, monkeypatch, args):
    cache = tmp_path_factory.getbasetemp() / "dev-cache"
    check_view(monkeypatch, DEV, cache, args)


@pytest.mark.parametrize("args", [("sources",), ("people", "--orgs"), ("quotes",), ("timeline",), ("search", "Токаев"),
                                  ("compare",), ("compare", "Авраамовы соглашения"), ("compare", "--figures")],
                         ids=lambda args: " ".join(args))
def test_csv_holds_the_json_records(seeds, args):
    records = seeds(*args, "--json").json()
    table = list(csv.reader(io.StringIO(seeds(*args, "--csv").out)))
    assert table[0] == list(records[0])
    assert len(table) == len(records) + 1
    for row, record in zip(table[1:], records):
        expected = ["" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    for value in record.values()]
        assert row == expected


def test_json_and_csv_give_every_row_while_the_terminal_view_shows_ten(seeds):
    every = seeds("search", "Казахстан", "--json").json()
    assert len(every) > 10
    assert len(seeds("search", "Казахстан", "--csv").out.splitlines()) == len(every) + 1
    assert len(seeds("search", "Казахстан", "--limit", "3", "--json").json()) == 3


def test_piped_search_has_one_field_per_column(seeds):
    lines = seeds("search", "Авраамовы соглашения").out.splitlines()
    assert lines[0].split("\t") == ["id", "outlet", "published", "paragraph", "score", "snippet"]
    first = lines[1].split("\t")
    assert first[0] == "001_cd68da5dc231e281" and first[1] == "BAQ.KZ" and first[2] == "2025-12-26"


def test_markdown_table(seeds):
    lines = seeds("sources", "--markdown").out.splitlines()
    assert lines[0] == "| id | title | outlet | published | genre | interviewee | words |"
    assert lines[1] == "|---|---|---|---|---|---|---|" and len(lines) == 7


def test_options_after_the_command_version_and_completion(seed_copy, tmp_path):
    (seed_copy / "000_bbde87415b7eeb1e.txt").unlink()
    after = run_cli("sources", "--json", "--corpus", str(seed_copy), cache=tmp_path / "c")
    assert after.code == 0 and len(after.json()) == 4
    version = run_cli("--version", cache=tmp_path / "c")
    assert version.code == 0 and version.out.startswith("kzcli ")
    completion = run_cli("--show-completion", "bash", cache=tmp_path / "c")
    assert completion.code == 0 and "complete" in completion.out
    helped = run_cli("search", "--help", cache=tmp_path / "c")
    assert "--json " in helped.out and "<bool>" not in helped.out and "Example: kzcli search" in helped.out


@pytest.mark.parametrize("args", [("search", "Токаев", "--since", "2025-13"), ("timeline", "--until", "2025-02-30"),
                                  ("search", "Токаев", "--source", "zzz"), ("quotes", "--source", "nosuchoutlet"),
                                  ("compare", "--sources", "001,zzz")])
def test_impossible_dates_and_unknown_sources_are_input_errors(seeds, args):
    result = seeds(*args)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err


def test_an_unknown_source_lists_candidates(seeds):
    missing = seeds("search", "Токаев", "--source", "Tengri Times Daily")
    assert missing.code == 2 and "did you mean" in missing.err and "Times Tengri" in missing.err
