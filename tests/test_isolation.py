"""One article never costs the folder: failures in analysis or in a worker skip that article alone, are
remembered, and are retried only when the file or the analysis version changes."""

from __future__ import annotations

import gc

import pytest

from conftest import ROOT, run_cli

from kzcli.index import indexer, passes
from kzcli.analysis.pipeline import Analyzer
from kzcli.config import index_path
from kzcli.index.store import Store

ARTICLES = {
    "a.txt": "Министр посетил новый завод\nМинистр энергетики посетил новый завод в Караганде и осмотрел цеха.\n",
    "b.txt": "Совет директоров утвердил бюджет\nСовет директоров компании утвердил бюджет на следующий год.\n",
    "c.txt": "Сбой в работе банка\nНесколько часов клиенты банка не могли оплатить покупки картами.\n",
    "d.txt": "Фестиваль открылся в столице\nФестиваль уличного театра открылся в столице в пятницу.\n",
    "e.txt": "Школы перейдут на новый график\nСо следующей недели школы области перейдут на новый график.\n",
}


@pytest.fixture
def five(corpus):
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def failing_on(word: str):
    """Analyzer._article that raises for the article whose headline holds `word`."""
    article = Analyzer._article

    def _article(self, structure, sentences, dates):
        if word in (structure.title or ""):
            raise TypeError("planted failure")
        return article(self, structure, sentences, dates)

    return _article


def test_an_article_whose_analysis_fails_is_skipped_and_not_retried(five, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(cache))
    monkeypatch.setattr(Analyzer, "_article", failing_on("Сбой"))
    store = Store(index_path(five))
    report = indexer.update(store, five, jobs=1)
    assert sorted(report.analysed) == ["a.txt", "b.txt", "d.txt", "e.txt"]
    assert report.skipped == [("c.txt", "analysis failed (TypeError: planted failure); please report it")]
    store.close()

    listed = run_cli("sources", "--json", cache=cache, corpus=five)
    assert listed.code == 0
    assert sorted(row["file"] for row in listed.json()) == ["a.txt", "b.txt", "d.txt", "e.txt"]
    assert "indexed" not in listed.err  # the failed file is not tried again while it is unchanged
    found = run_cli("search", "фестиваль", "--json", cache=cache, corpus=five)
    assert found.code == 0 and {row["file"] for row in found.json()} == {"d.txt"}

    again = run_cli("index", cache=cache, corpus=five)
    assert again.code == 0
    assert "0 analysed, 4 unchanged, 1 skipped, 0 removed" in again.out
    assert "skipped c.txt: analysis failed (TypeError: planted failure); please report it" in again.out


def test_a_failed_article_is_retried_when_its_file_changes(five, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(cache))
    monkeypatch.setattr(Analyzer, "_article", failing_on("Сбой"))
    indexer.update(Store(index_path(five)), five, jobs=1)
    (five / "c.txt").write_text("Банк восстановил работу\nКлиенты банка снова могут оплачивать покупки.\n",
                                encoding="utf-8")
    result = run_cli("index", cache=cache, corpus=five)
    assert "1 analysed, 4 unchanged, 0 skipped" in result.out


def test_a_new_analysis_version_analyses_unchanged_files_again(five, tmp_path, monkeypatch):
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(tmp_path / "cache"))
    store = Store(index_path(five))
    assert len(indexer.update(store, five, jobs=1).analysed) == 5
    assert indexer.update(store, five, jobs=1).unchanged == 5

    monkeypatch.setattr(indexer, "ANALYSIS_VERSION", indexer.ANALYSIS_VERSION + 1)
    assert len(indexer.plan(store, five).changed) == 5
    report = indexer.update(store, five, jobs=1)
    assert sorted(report.analysed) == sorted(ARTICLES) and report.unchanged == 0
    assert {state.version for state in store.file_states().values()} == {indexer.ANALYSIS_VERSION}


@pytest.mark.parametrize("frozen_by_the_program", [False, True])
def test_indexing_in_this_process_leaves_its_garbage_collector_as_it_was(five, tmp_path, monkeypatch,
                                                                          frozen_by_the_program):
    """The analysis collects cycles seldom while it runs; a program that indexes through the library
    gets its own collector settings back, after a failed article too, and objects it froze stay frozen."""
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(Analyzer, "_article", failing_on("Сбой"))
    if frozen_by_the_program:
        gc.freeze()
    try:
        thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
        report = indexer.update(Store(index_path(five)), five, jobs=1)
        assert len(report.analysed) == 4
        assert gc.get_threshold() == thresholds
        if frozen_by_the_program:  # still frozen, and nothing more (frozen objects that die leave the count)
            assert 0 < gc.get_freeze_count() <= frozen
        else:
            assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_a_failing_corpus_pass_keeps_the_articles(five, tmp_path, monkeypatch):
    monkeypatch.setenv("KZCLI_CACHE_DIR", str(tmp_path / "cache"))

    collecting = []

    def broken(store):
        collecting.append(gc.isenabled())
        raise RuntimeError("planted")

    monkeypatch.setitem(passes.PASSES, "grouping people", broken)
    store = Store(index_path(five))
    report = indexer.update(store, five, jobs=1)
    assert len(report.analysed) == 5
    assert report.problems == ["grouping people failed (RuntimeError: planted); please report it"]
    assert not store.corpus_stale()
    assert len(store.articles()) == 5
    assert collecting == [False] and gc.isenabled()  # the cycle collector was off for the passes only


def test_a_worker_that_dies_costs_only_its_file(five, tmp_path):
    cache = tmp_path / "cache"
    result = run_cli("index", "--jobs", "2", cache=cache, corpus=five, env={indexer.DIE_ON_ENV: "c.txt"})
    assert result.code == 0, result.err
    assert "4 analysed, 0 unchanged, 1 skipped" in result.out
    assert "skipped c.txt: worker died while analysing it" in result.out
    rows = run_cli("sources", "--json", cache=cache, corpus=five).json()
    assert sorted(row["file"] for row in rows) == ["a.txt", "b.txt", "d.txt", "e.txt"]


def test_no_index_file_is_left_for_a_missing_corpus(tmp_path):
    cache = tmp_path / "cache"
    result = run_cli("search", "банк", cache=cache, corpus=tmp_path / "no-such-folder")
    assert result.code == 2 and result.err.startswith("kzcli: corpus folder not found")
    assert not cache.exists() or not any(cache.iterdir())


def test_a_short_file_cut_mid_character_stays_utf8():
    from kzcli.ingest.files import decode

    text, encoding = decode("Короткий текст о визите министра в Ташкент.".encode("utf-8") + b"\xd0")
    assert (text, encoding) == ("Короткий текст о визите министра в Ташкент.\ufffd", "utf-8")
    assert decode("Да".encode("cp1251")) == ("Да", "cp1251")


DEV = ROOT.parent / "shared" / "dev" / "corpus"


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev set is not beside this clone")
def test_every_file_of_the_dev_set_is_indexed(tmp_path):
    result = run_cli("index", cache=tmp_path / "cache", corpus=DEV)
    assert result.code == 0 and ", 0 skipped," in result.out, result.out
    listed = run_cli("sources", "--json", cache=tmp_path / "cache", corpus=DEV).json()
    assert len(listed) == len([path for path in DEV.iterdir() if path.is_file()])
