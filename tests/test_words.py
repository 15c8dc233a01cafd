"""The word maps: rows read back in key order whether packed into blocks or still waiting, blocks split
as they grow, and words that leave the corpus with their articles."""

import sqlite3
import zlib

from conftest import run_cli
from kzcli.index import words
from kzcli.index.words import WordMaps


def maps_in_memory() -> WordMaps:
    db = sqlite3.connect(":memory:")
    db.executescript(words.SCHEMA)
    return WordMaps(db)


def test_rows_read_the_same_packed_or_waiting():
    maps = maps_in_memory()
    maps.add("form", [("визита", 7), ("визит", 7), ("визиты", 7), ("визит", 3)])
    waiting = maps.rows("form", "визит"), maps.rows_between("form", "виз", "виз\uffff"), maps.scan("form")
    assert waiting[0] == [("визит", 3), ("визит", 7)]
    assert waiting[1] == waiting[2] == [("визит", 3), ("визит", 7), ("визита", 7), ("визиты", 7)]
    maps.pack("form")
    assert maps.db.execute("SELECT count(*) FROM word_rows").fetchone()[0] == 0
    assert (maps.rows("form", "визит"), maps.rows_between("form", "виз", "виз\uffff"), maps.scan("form")) == waiting
    assert WordMaps(maps.db).scan("form") == waiting[2]  # as a new reader finds them


def test_rows_added_after_packing_join_the_blocks_in_order():
    maps = maps_in_memory()
    maps.add("lexeme", [("ви", 4, 9), ("зи", 2, 8)])
    maps.pack("lexeme")
    maps.add("lexeme", [("а", 1, 1), ("ви", 1, 5), ("я", 3, 3)])
    expected = [("а", 1, 1), ("ви", 1, 5), ("ви", 4, 9), ("зи", 2, 8), ("я", 3, 3)]
    assert maps.scan("lexeme") == expected
    assert maps.rows("lexeme", "ви", waiting=False) == [("ви", 4, 9)]
    maps.pack("lexeme")
    assert maps.scan("lexeme") == expected
    assert maps.rows("lexeme", "а") == [("а", 1, 1)]


def test_blocks_split_as_they_grow_and_keep_a_keys_rows_together(monkeypatch):
    monkeypatch.setattr(words, "BLOCK_BYTES", 100)
    maps = maps_in_memory()
    rows = [(f"слово{index:04d}", tid) for index in range(0, 400, 2) for tid in (1, 2, 3)]
    maps.add("form", rows)
    maps.pack("form")
    maps.add("form", [(f"слово{index:04d}", 4) for index in range(1, 400, 2)])
    maps.pack("form")
    blocks = [words._decoded("form", zlib.decompress(blob).decode("utf-8"))
              for (blob,) in maps.db.execute("SELECT rows FROM word_blocks ORDER BY first")]
    assert len(blocks) > 5
    assert all(block[-1][0] != after[0][0] for block, after in zip(blocks, blocks[1:]))
    assert [row for block in blocks for row in block] == maps.scan("form")
    assert maps.scan("form") == sorted(rows + [(f"слово{index:04d}", 4) for index in range(1, 400, 2)])
    assert maps.rows("form", "слово0200") == [("слово0200", 1), ("слово0200", 2), ("слово0200", 3)]
    assert maps.rows_between("form", "слово0398", "слово1") == [
        ("слово0398", 1), ("слово0398", 2), ("слово0398", 3), ("слово0399", 4)]


def test_a_later_row_of_a_pair_replaces_the_earlier():
    maps = maps_in_memory()
    maps.add("family", [(5, 9, 0.25), (5, 11, None)])
    maps.pack("family")
    maps.add("family", [(5, 9, 0.5)])
    assert maps.rows("family", 5) == [(5, 9, 0.5), (5, 11, None)]
    maps.pack("family")
    assert maps.rows("family", 5) == [(5, 9, 0.5), (5, 11, None)]


def test_words_of_a_removed_article_are_no_longer_offered(corpus, tmp_path):
    (corpus / "a.txt").write_text("Заголовок\n\nМэрия открыла новый бассейн в парке.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Заголовок\n\nВ парке высадили липы и клёны.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert run_cli("search", "бассейн", "--json", cache=cache, corpus=corpus).code == 0
    assert "бассейн (typo" in run_cli("search", "басейн", "--explain", cache=cache, corpus=corpus).err
    (corpus / "a.txt").unlink()
    result = run_cli("search", "басейн", "--explain", cache=cache, corpus=corpus)
    assert result.code == 1
    assert "бассейн" not in result.err  # neither matched as a typo nor suggested
    assert run_cli("search", "парк", "--json", cache=cache, corpus=corpus).code == 0
