"""Arbitrary input never crashes: file contents, queries, names and ids; damaged or missing folders and indexes."""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS, run_cli

from kzcli.analysis.chronology import find_mentions
from kzcli.config import MAX_FILE_BYTES
from kzcli.ingest.files import CorpusFile, SkipFile, load
from kzcli.ingest.structure import parse

SYNTAX = list('"*:()-\'%^~+.,;!?[]{}<>\\/|&') + ["NEAR", "AND", "OR", "NOT", "--", "«", "»", "—"]
ARGUMENT = st.text(alphabet=st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=40)  # argv has no NUL
NASTY = st.lists(st.sampled_from(SYNTAX) | ARGUMENT.map(lambda text: text[:6]), min_size=1, max_size=6).map(" ".join) | ARGUMENT
CLI = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_as_article(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    stat = path.stat()
    try:
        doc, _ = load(CorpusFile(path, name, name.rsplit(".", 1)[0], stat.st_size, stat.st_mtime), MAX_FILE_BYTES)
    except SkipFile:
        return None
    return parse(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(["txt", "html", "md"]))
def test_arbitrary_bytes_are_read_or_skipped(tmp_path, data, suffix):
    structure = read_as_article(tmp_path, f"x.{suffix}", data)
    assert structure is None or isinstance(structure.paragraphs, list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_arbitrary_unicode_is_read_or_skipped(tmp_path, text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates
        return
    structure = read_as_article(tmp_path, "x.txt", data)
    assert structure is None or all(isinstance(para.text, str) for para in structure.paragraphs)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300) | NASTY)
def test_date_grammar_takes_any_text(text):
    for mention in find_mentions(text):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.fixture(scope="module")
def analyser():
    from kzcli.analysis.pipeline import Analyzer

    return Analyzer()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=400)
       | st.lists(st.sampled_from(["Токаев", "заявил", "«", "»", ":", "—", "5", "млрд", "%", "долларов", "в", "2025",
                                   "году", ".", ",", "что", "Посол", "США", "\n"]), max_size=40).map(" ".join))
def test_analysis_takes_any_text(tmp_path, analyser, text):
    structure = read_as_article(tmp_path, "x.txt", text.encode("utf-8"))
    if structure is not None:
        analysis = analyser.analyse(structure)
        assert all(figure.text for figure in analysis.figures)


def test_text_without_sentence_ends_is_cut_into_pieces_the_models_can_take(tmp_path, analyser):
    from kzcli.analysis.pipeline import MAX_SENTENCE_TOKENS

    words = ["длинный", "перечень", "слов"] * 333 + ["конец"]
    text = "Заголовок статьи без точек\n\n" + " ".join(words) + "\n"
    structure = read_as_article(tmp_path, "run-on.txt", text.encode("utf-8"))
    sentences = [s for s in analyser.analyse(structure).sentences if s.para >= 0]
    assert len(sentences) == 5 and all(len(s.tokens) == MAX_SENTENCE_TOKENS for s in sentences)
    paragraph = structure.paragraphs[sentences[0].para].text
    assert [t.text for s in sentences for t in s.tokens] == words
    assert all(paragraph[s.start + t.start: s.start + t.start + len(t.text)] == t.text for s in sentences for t in s.tokens)
    assert all(s.text == paragraph[s.start: s.end] for s in sentences)


def test_an_articles_analysis_does_not_depend_on_the_articles_analysed_before_it(analyser):
    """A worker analyses many articles in turn: a surname the dictionary cannot put in the nominative keeps
    its own token's lemma, not the lemma of the same spelling met earlier in a name."""
    from kzcli.analysis.pipeline import Token

    def nominative_of_surname(lemma: str) -> str:
        tokens = [Token(0, "Сладковым", lemma, "ADJ", "Case=Dat|Degree=Pos|Number=Plur", 1, "amod"),
                  Token(10, "соглашениям", "соглашение", "NOUN", "Case=Dat|Gender=Neut|Number=Plur", -1, "root")]
        analyser._phrase_nominatives(tokens, [token.text for token in tokens])
        return tokens[0].nominative

    assert nominative_of_surname("сладков") == "сладков"
    assert nominative_of_surname("сладковым") == "сладковым"


@CLI
@given(query=NASTY)
def test_any_search_query(seeds, query):
    assert seeds("search", "--", query).code in (0, 1, 2)


@CLI
@given(person=NASTY)
def test_any_person(seeds, person):
    assert seeds("quotes", "--person", person).code in (0, 1, 2)


@CLI
@given(value=NASTY)
def test_any_id_source_and_topic(seeds, value):
    assert seeds("show", "--", value).code in (0, 1, 2)
    assert seeds("timeline", "--source", value).code in (0, 1, 2)
    assert seeds("compare", "--", value).code in (0, 1, 2)


@pytest.fixture
def small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, corpus / path.name)
    return corpus


def test_corpus_that_disappears(small_corpus, tmp_path):
    cache = tmp_path / "cache"
    assert run_cli("index", cache=cache, corpus=small_corpus).code == 0
    shutil.rmtree(small_corpus)
    result = run_cli("sources", cache=cache, corpus=small_corpus)
    assert result.code == 2 and "corpus folder not found" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes regardless of permissions")
def test_unreadable_corpus_and_read_only_cache(small_corpus, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        result = run_cli("sources", cache=cache, corpus=small_corpus)
        assert result.code == 2 and "index" in result.err and len(result.err.splitlines()) == 1
    finally:
        cache.chmod(0o755)
    small_corpus.chmod(0o000)
    try:
        result = run_cli("sources", cache=cache, corpus=small_corpus)
        assert result.code == 2 and "cannot read the corpus folder" in result.err
    finally:
        small_corpus.chmod(0o755)


def test_cache_path_that_is_a_file(small_corpus, tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("not a folder")
    result = run_cli("sources", cache=cache, corpus=small_corpus)
    assert result.code == 2 and "cannot open the index" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.parametrize("where", ["header", "middle"])
def test_damaged_index_is_rebuilt(small_corpus, tmp_path, where):
    cache = tmp_path / "cache"
    assert run_cli("index", cache=cache, corpus=small_corpus).code == 0
    database = next(cache.glob("*.sqlite"))
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        handle.seek(0 if where == "header" else size // 3)
        handle.write(os.urandom(size // 3))
    result = run_cli("sources", "--json", cache=cache, corpus=small_corpus)
    assert result.code == 0, result.err
    assert len(result.json()) == 2
    if where == "header":
        assert "damaged" in result.err
    for command in (["search", "Токаев"], ["quotes"], ["timeline"], ["compare"]):
        assert run_cli(*command, cache=cache, corpus=small_corpus).code == 0
