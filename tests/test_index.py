"""Indexing a corpus: encodings, formats, bad files, incremental updates, interruption."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from functools import partial
from types import SimpleNamespace

import pytest

from conftest import ROOT, SEEDS, run_cli
from kzcli.analysis.clauses import ClauseExtent, ClauseSpan, clause_span, clause_text, span_text
from kzcli.analysis.names import Mention
from kzcli.index.store import (ArticleTexts, StoredSentence, StoredToken, _mentions, _stored_quote, is_damage, packed_facts,
                               packed_paragraphs, packed_sentences, packed_text, stored_tokens, term_token, token_lines,
                               token_tid)
from kzcli.index.words import endings_text, text_endings

BODY = (
    "Президент Казахстана встретился с делегацией деловых кругов Японии.\n"
    "Стороны обсудили поставки урана и строительство новых заводов в регионе.\n"
)


def write_bad_corpus(corpus):
    (corpus / "cp1251.txt").write_bytes(("Новости на cp1251\n" + BODY).encode("cp1251"))
    (corpus / "utf16.txt").write_bytes(("Новости в UTF-16\n" + BODY).encode("utf-16"))
    (corpus / "page.html").write_text(
        "<html><head><title>Страница - Site.kz</title><script>var x = 'не текст';</script>"
        "<style>p {color: red}</style></head><body><h1>Заголовок страницы</h1>"
        + "".join(f"<p>{line}</p>" for line in BODY.splitlines()) + "</body></html>",
        encoding="utf-8",
    )
    (corpus / "notes.md").write_text("# Заметка в Markdown\n\n" + BODY.replace("Японии", "**Японии**"), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with open(corpus / "huge.txt", "wb") as handle:
        handle.truncate(21 * 1024 * 1024)


def test_encodings_formats_and_bad_files(corpus, tmp_path):
    write_bad_corpus(corpus)
    result = run_cli("index", cache=tmp_path / "cache", corpus=corpus)
    assert result.code == 0, result.err
    assert "4 analysed" in result.out and "3 skipped" in result.out
    assert "skipped binary.txt: binary" in result.out
    assert "skipped empty.txt: empty" in result.out
    assert "skipped huge.txt: too large" in result.out

    rows = {row["file"]: row for row in run_cli("sources", "--json", cache=tmp_path / "cache", corpus=corpus).json()}
    assert set(rows) == {"cp1251.txt", "utf16.txt", "page.html", "notes.md"}
    assert rows["cp1251.txt"]["title"] == "Новости на cp1251"
    assert rows["utf16.txt"]["title"] == "Новости в UTF-16"
    assert rows["page.html"]["title"] == "Заголовок страницы"
    assert rows["notes.md"]["title"] == "Заметка в Markdown"

    shown = run_cli("show", "page", "--json", cache=tmp_path / "cache", corpus=corpus).json()[0]
    texts = [para["text"] for para in shown["paragraphs"]]
    assert texts == BODY.splitlines()
    assert shown["encoding"] == "utf-8"
    md = run_cli("show", "notes", "--json", cache=tmp_path / "cache", corpus=corpus).json()[0]
    assert [para["text"] for para in md["paragraphs"]] == BODY.splitlines()


def test_koi8r_is_told_apart_from_cp1251(corpus, tmp_path):
    (corpus / "koi.txt").write_bytes(("Сообщение в KOI8-R\n" + BODY).encode("koi8-r"))
    (corpus / "bom.txt").write_bytes(("Сообщение с BOM\n" + BODY).encode("utf-8-sig"))
    assert run_cli("index", cache=tmp_path / "c", corpus=corpus).code == 0
    titles = {row["file"]: row["title"] for row in run_cli("sources", "--json", cache=tmp_path / "c", corpus=corpus).json()}
    assert titles == {"koi.txt": "Сообщение в KOI8-R", "bom.txt": "Сообщение с BOM"}


def test_utf8_cut_off_mid_character_is_still_read_as_utf8():
    from kzcli.ingest.files import decode

    cut = ("Статья оборвана\n" + BODY + "Конец").encode("utf-8")[:-1]
    text, encoding = decode(cut)
    assert encoding == "utf-8" and text.startswith("Статья оборвана\n" + BODY) and text.endswith("Коне\ufffd")
    assert decode(("Новости\n" + BODY).encode("cp1251"))[1] == "cp1251"


def test_only_changed_files_are_analysed_again(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    assert "5 analysed" in run_cli("index", cache=cache, corpus=seed_copy).out
    again = run_cli("index", cache=cache, corpus=seed_copy)
    assert "0 analysed, 5 unchanged" in again.out

    changed = seed_copy / "002_43c9a9ce68f258d4.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nДобавленный абзац.\n", encoding="utf-8")
    os.utime(seed_copy / "003_472733e1ce65e60e.txt")  # touched, same content
    (seed_copy / "004_8ab6e0c7e61d57f3.txt").unlink()
    result = run_cli("index", cache=cache, corpus=seed_copy)
    assert "1 analysed, 3 unchanged, 0 skipped, 1 removed" in result.out
    files = [row["file"] for row in run_cli("sources", "--json", cache=cache, corpus=seed_copy).json()]
    assert len(files) == 4 and "004_8ab6e0c7e61d57f3.txt" not in files


def test_query_commands_index_a_stale_corpus_themselves(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    rows = run_cli("sources", "--json", cache=cache, corpus=seed_copy).json()
    assert len(rows) == 5
    (seed_copy / "new.txt").write_text("Свежая новость\n" + BODY, encoding="utf-8")
    rows = run_cli("sources", "--json", cache=cache, corpus=seed_copy).json()
    assert "new.txt" in [row["file"] for row in rows]


def test_rebuild_after_schema_change(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=seed_copy)
    [db_path] = [path for path in cache.iterdir() if path.suffix == ".sqlite"]
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA user_version = 999")
    assert "5 analysed" in run_cli("index", cache=cache, corpus=seed_copy).out


@pytest.mark.parametrize("left", ["forgotten", "touched"])
def test_an_update_cut_short_is_finished_by_the_next_query_even_with_the_folder_as_before(seed_copy, tmp_path, left):
    # What a run killed mid-way leaves: one file's row gone, or its state changed, and no update ended since.
    from kzcli.index.store import Store

    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=seed_copy)
    [db_path] = [path for path in cache.iterdir() if path.suffix == ".sqlite"]
    name = "002_43c9a9ce68f258d4.txt"
    store = Store(db_path)
    state = store.seen_as()[name]
    if left == "forgotten":
        store.forget([name])
    else:
        store.touch(name, state[0] + 1, state[1] + 1)
    store.close()
    rows = run_cli("sources", "--json", cache=cache, corpus=seed_copy).json()
    assert name in [row["file"] for row in rows]
    assert Store(db_path).seen_as()[name] == state


def test_a_query_leaves_the_index_closed_with_no_journal_beside_it(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=seed_copy)
    (seed_copy / "new.txt").write_text("Свежая новость\n" + BODY, encoding="utf-8")
    assert run_cli("search", "урана", cache=cache, corpus=seed_copy).code == 0  # indexes new.txt first
    assert sorted(path.suffix for path in cache.iterdir() if "sqlite" in path.name) == [".lock", ".sqlite"]


def test_the_folder_digest_depends_on_every_state_and_not_on_their_order():
    from kzcli.index.indexer import states_digest

    states = [("a.txt", 10, 1.5), ("b/c.txt", 20, 2.25)]
    assert states_digest(states) == states_digest(reversed(states))
    for changed in ([("a.txt", 11, 1.5), states[1]], [("a.txt", 10, 1.75), states[1]], [states[0], ("b/d.txt", 20, 2.25)],
                    states[:1]):
        assert states_digest(changed) != states_digest(states)


FILES = 64


def test_killed_index_run_leaves_a_usable_index(tmp_path):
    # Two transactions' worth of files (32 a transaction): the second commit comes long after the first.
    corpus = tmp_path / "many"
    corpus.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for number in range(FILES):
        (corpus / f"a{number:02}.txt").write_text(texts[number % 5] + f"\nВариант {number}.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "KZCLI_CACHE_DIR": str(cache)}
    process = subprocess.Popen([sys.executable, "-m", "kzcli", "--corpus", str(corpus), "index"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    committed = 0
    while time.time() < deadline and committed < 3:
        time.sleep(0.2)
        for db_path in cache.glob("*.sqlite"):
            try:
                with sqlite3.connect(db_path, timeout=1) as db:
                    committed = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 3 <= committed < FILES, "the run should be killed mid-way"

    result = run_cli("index", cache=cache, corpus=corpus)
    assert result.code == 0
    assert f"{FILES - int(result.out.split(' analysed')[0].split()[-1])} unchanged" in result.out
    rows = run_cli("sources", "--json", cache=cache, corpus=corpus).json()
    assert sorted(row["file"] for row in rows) == sorted(f"a{number:02}.txt" for number in range(FILES))


def test_tokens_come_back_from_the_index_as_they_were_stored():
    sentence = "В  Казахстане «Вестник» узнал о 2025-м"
    token = partial(SimpleNamespace, nominative="")
    tokens = [token(text="В", start=0, lemma="в", pos="ADP", feats=""),
              token(text="Казахстане", start=3, lemma="казахстан", pos="PROPN", feats="Case=Loc|Number=Sing"),
              token(text='"', start=14, lemma='"', pos="PUNCT", feats=""),  # the tokenizer's text differs
              token(text="Вестник", start=15, lemma="вестник", pos="PROPN", feats="Case=Nom"),
              token(text="»", start=22, lemma="»", pos="PUNCT", feats=""),
              token(text="узнал", start=24, lemma="узнать", pos="VERB", feats="Tense=Past"),
              token(text="о", start=30, lemma="о", pos="ADP", feats=""),
              token(text="2025-м", start=32, lemma="2025-й", pos="ADJ", feats="Case=Loc")]
    assert stored_tokens(token_lines(sentence, tokens), sentence) == [
        StoredToken(0, "В", "в", "ADP", "", "в"), StoredToken(3, "Казахстане", "казахстан", "PROPN", "Loc", "казахстан"),
        StoredToken(14, '"', '"', "PUNCT", "", '"'), StoredToken(15, "Вестник", "вестник", "PROPN", "Nom", "вестник"),
        StoredToken(22, "»", "»", "PUNCT", "", "»"), StoredToken(24, "узнал", "узнать", "VERB", "", "узнать"),
        StoredToken(30, "о", "о", "ADP", "", "о"), StoredToken(32, "2025-м", "2025-й", "ADJ", "Loc", "2025-й")]


def test_an_articles_paragraphs_sentences_and_facts_come_back_from_its_records():
    word = partial(SimpleNamespace, pos="NOUN", feats="Case=Nom", nominative="")
    paragraphs = [SimpleNamespace(kind="text", text="Мост открыт. Движение\tпущено."),
                  SimpleNamespace(kind="heading", text="Итоги")]
    sentence = SimpleNamespace
    sentences = [sentence(para=-1, start=0, end=9, text="Заголовок", tokens=[word(text="Заголовок", start=0, lemma="заголовок")]),
                 sentence(para=0, start=0, end=12, text="Мост открыт.", tokens=[word(text="Мост", start=0, lemma="мост")]),
                 sentence(para=0, start=13, end=29, text="Движение\tпущено.", tokens=[]),  # no tokens stored
                 sentence(para=1, start=0, end=5, text="Итоги", tokens=[word(text="Итоги", start=0, lemma="итог")])]
    figure = SimpleNamespace(sent=1, start=0, end=4, kind="count", amount=2, unit="", qualifier=None, about="мост",
                             measure="", measure_key="", period=None, step=1, shown="2", according_to=None)
    named = (1, 0, 0, 12, "мост", "мост", 0, "0-1;0;", None, None, None, None, None, None)  # undated
    mention = Mention(1, 0, 4, "Мост", "", "", "Мост", "мост", True, "Masc")  # a name read wrongly, say
    facts = packed_facts([("org", "министерство транспорт", "минтранс")], [figure], [named], [mention],
                         [("заявил что", "", "Мост")])
    texts = ArticleTexts(packed_paragraphs(paragraphs, sentences, ["Главная", "Фото: архив"]), packed_sentences(sentences),
                         facts, "Заголовок")
    assert texts.paragraphs == [["text", "Мост открыт. Движение\tпущено."], ["heading", "Итоги"]]
    assert texts.dropped == ["Главная", "Фото: архив"]
    assert [texts.sentence(idx) for idx in range(4)] == [
        StoredSentence(0, -1, 0, 9, "Заголовок"), StoredSentence(1, 0, 0, 12, "Мост открыт."),
        StoredSentence(2, 0, 13, 29, "Движение\tпущено."), StoredSentence(3, 1, 0, 5, "Итоги")]
    assert [[t.lemma for t in stored_tokens(texts.token_lines(idx), texts.sentence(idx).text)] for idx in range(4)] == [
        ["заголовок"], ["мост"], [], ["итог"]]
    assert texts.facts() == {"names": [["org", "министерство транспорт", "минтранс"]],
                             "figures": [[1, 0, 4, "count", 2, "", None, "мост", "", "", None, 1, "2", None]],
                             "events": [[1, 0, 0, 12, "мост", "мост", 0, "0-1;0;", None, None, None, None, None, None]],
                             "mentions": [[1, 0, 4, "Мост", "", "", "Мост", "мост", True, "Masc", ""]],
                             "quotes": [["заявил что", "", "Мост"]]}
    assert _mentions(texts.facts()) == [mention]


def test_a_quote_inside_its_span_is_stored_as_its_place_in_the_paragraph():
    paragraphs = [SimpleNamespace(text="- Мост откроют в мае, - сказал министр. Он добавил, что движение пустят сразу.")]
    stored = partial(_stored_quote, paragraphs=paragraphs, title="Мост откроют в мае")
    assert stored("Мост откроют в мае", 0, 0, 21) == ("", 2, 20)  # the span less its dash and comma
    assert stored("движение пустят сразу", 0, 51, 78) == ("", 56, 77)
    assert stored("Мост откроют в мае", -1, 0, 18) == ("", 0, 18)  # the headline's
    # Pieces joined across the author's words are not one place: the text is kept.
    assert stored("Мост откроют в мае … Он добавил", 0, 2, 50) == ("Мост откроют в мае … Он добавил", 2, 50)


def test_a_stored_record_that_does_not_unpack_is_index_damage():
    """A damaged page inside a compressed record reads as garbage, not as an SQLite error: it is damage all
    the same, so the index is rebuilt rather than the command failing."""
    for garbage in (b"\xff\x00\x13 not deflate", packed_text("{\"paragraphs\": [")):
        with pytest.raises(sqlite3.DatabaseError) as raised:
            ArticleTexts(garbage, b"", b"", "Заголовок")
        assert is_damage(raised.value)


def test_a_topic_words_nominative_is_stored_as_an_edit_of_its_lemma():
    sentence = "о новых технологиях"
    tokens = [SimpleNamespace(text="о", start=0, lemma="о", pos="ADP", feats="", nominative=""),
              SimpleNamespace(text="новых", start=2, lemma="новый", pos="ADJ", feats="Case=Loc", nominative="новые"),
              SimpleNamespace(text="технологиях", start=8, lemma="технология", pos="NOUN", feats="Case=Loc",
                              nominative="технологии")]
    assert [(t.lemma, t.nominative) for t in stored_tokens(token_lines(sentence, tokens), sentence)] == [
        ("о", "о"), ("новый", "новые"), ("технология", "технологии")]


def test_a_clause_is_stored_as_token_indexes_and_rebuilt_from_them():
    sentence = "И стороны, как известно, подписали соглашение."
    token = SimpleNamespace
    words = ["И", "стороны", ",", "как", "известно", ",", "подписали", "соглашение", "."]
    tokens = [token(text=word, start=start) for word, start in zip(words, [0, 2, 9, 11, 15, 23, 25, 35, 45])]
    extent = ClauseExtent(nodes=(0, 1, 6, 7), opener=1, blanks=(2, 3, 4, 5))
    assert extent.encode() == "0-1 6-7;1;2-5"
    assert ClauseExtent.decode(extent.encode()) == extent
    assert clause_text(sentence, tokens, extent) == "Стороны подписали соглашение"
    assert clause_text(sentence, tokens, ClauseExtent((), 0, ())) == sentence


def test_a_dated_events_clause_is_stored_as_character_offsets_and_read_from_its_sentence_alone():
    sentence = "И стороны, как известно, подписали соглашение."
    words = ["И", "стороны", ",", "как", "известно", ",", "подписали", "соглашение", "."]
    tokens = [SimpleNamespace(text=word, start=start) for word, start in zip(words, [0, 2, 9, 11, 15, 23, 25, 35, 45])]
    span = clause_span(tokens, ClauseExtent(nodes=(0, 1, 6, 7), opener=1, blanks=(2, 3, 4, 5)))
    assert span == ClauseSpan(2, 45, ((9, 10), (11, 14), (15, 23), (23, 24)))
    assert span.encode() == "2-45;9-10 11-14 15-23 23-24"
    assert ClauseSpan.decode(span.encode()) == span
    assert span_text(sentence, span) == "Стороны подписали соглашение"
    empty = clause_span(tokens, ClauseExtent((), 0, (), drop=(2, 9)))
    assert (empty.encode(), ClauseSpan.decode(empty.encode()), span_text(sentence, empty)) == (
        "-1--1;;2-9", ClauseSpan(-1, -1, (), (2, 9)), sentence)


def test_a_one_word_clause_is_its_sentence_without_the_date_words():
    sentence = "Выборы 5 мая."
    tokens = [SimpleNamespace(text=word, start=start) for word, start in zip(["Выборы", "5", "мая", "."], [0, 7, 9, 12])]
    extent = ClauseExtent(nodes=(0,), opener=0, blanks=(1, 2), drop=(7, 12))
    assert clause_span(tokens, extent).encode() == "0-6;;7-12"
    assert clause_text(sentence, tokens, extent) == "Выборы."
    assert clause_text(sentence, tokens, extent._replace(drop=None)) == sentence


def test_term_ids_are_written_in_base_36_for_the_full_text_index():
    assert [term_token(tid) for tid in (0, 35, 36, 412, 250000)] == ["0", "z", "10", "bg", "5cwg"]
    assert [token_tid(token) for token in ("0", "z", "10", "bg", "5cwg")] == [0, 35, 36, 412, 250000]


def test_paradigm_endings_come_back_as_stored():
    endings = [("", "ый"), ("", ""), ("по", "ее"), ("наи", "ейший")]
    assert endings_text(endings) == "ый  по|ее наи|ейший"
    assert text_endings(endings_text(endings)) == endings
    assert text_endings(endings_text([])) == []


def test_a_selection_of_any_size_reaches_sqlite_as_one_parameter(tmp_path, monkeypatch):
    """A huge folder selects more articles than SQLite takes placeholders in one statement (32,766): the
    seeds, with that limit lowered to 2, stand in for it (`search --since` and `compare --figures` select
    every dated seed, which fails with a placeholder each); quotes and timeline by person pass their lists
    the same way and give the same answers."""
    import kzcli
    from kzcli.query.compare import figures

    def answers(limit: int | None = None):
        store = kzcli.open_index(SEEDS)
        if limit:  # before any statement is prepared: prepared ones are reused
            store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
        found = (kzcli.search(store, "Токаев", since="2000")[0], figures(store, store.articles()),
                 kzcli.quotes(store, person="Токаев"), kzcli.timeline(store, person="Токаев", limit=5))
        store.close()
        return found

    monkeypatch.setenv("KZCLI_CACHE_DIR", str(tmp_path / "cache"))
    unlimited = answers()
    assert all(unlimited)
    assert answers(limit=2) == unlimited
