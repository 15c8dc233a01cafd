"""`kzcli search` on the seeds and on small corpora written for these tests."""

import pytest

from conftest import ROOT, gold, run_cli

ALL = {"000", "001", "002", "003", "004"}


def found(result):
    assert result.code == 0, result.err
    return {row["id"][:3] for row in result.json()}


def test_json_fields(seeds):
    rows = seeds("search", "Авраамовы соглашения", "--json").json()
    assert list(rows[0]) == ["file", "id", "title", "outlet", "published", "paragraph", "score", "snippet", "matched", "url",
                            "copies"]
    assert rows == sorted(rows, key=lambda row: -row["score"])


def test_abraham_accords_in_every_inflection_and_derivation(seeds):
    rows = seeds("search", "Авраамовы соглашения", "--json").json()[:5]
    assert {row["id"][:3] for row in rows} == {"000", "001", "002", "003"}
    matched = {form for row in rows for form in row["matched"]}
    assert {"Авраамовым", "Авраамские", "Авраамским", "Авраама", "Соглашений"} <= matched
    for row in rows:
        assert "Авраам" in row["snippet"], row


def test_snippet_is_the_sentence_that_mentions_the_query(seeds):
    [row] = seeds("search", "Рубио", "--json").json()
    assert row["id"].startswith("001") and row["outlet"] == "BAQ.KZ" and row["published"] == "2025-12-26"
    assert "М.Нуртлеу и М.Рубио в Джидде" in row["snippet"]
    assert row["matched"] == ["Рубио"]


@pytest.mark.parametrize("query", ["Токаефф", "Tokayev", "токаеву", "Касым-Жомарт"])
def test_tokayev_in_any_form_finds_all_five(seeds, query):
    assert found(seeds("search", query, "--json", "--limit", "30")) == ALL


def test_latin_to_cyrillic_and_back(seeds):
    assert found(seeds("search", "Trump", "--json", "--limit", "30")) == ALL
    assert found(seeds("search", "Шеврон", "--json")) == {"003", "004"}


def test_mixed_script_codes(seeds):
    latin = seeds("search", "C5+1", "--json").json()
    cyrillic = seeds("search", "С5+1", "--json").json()
    assert {row["id"][:3] for row in latin} == {"000", "001", "003", "004"}
    assert latin == cyrillic
    assert "С5+1" in {form for row in latin for form in row["matched"]}


def test_lemmatiser_traps_do_not_hide_names(seeds):
    assert found(seeds("search", "Путин", "--json")) == {"000"}
    assert found(seeds("search", "Латник", "--json")) == {"004"}


def test_phrase_requires_adjacency(seeds):
    loose = seeds("search", "телефонный разговор", "--json").json()
    phrase = seeds("search", '"телефонный разговор"', "--json").json()
    assert {row["id"][:3] for row in phrase} == {"001", "002"}
    assert all("елефонн" in row["snippet"] for row in phrase)
    assert len(phrase) < len(loose)


def test_close_words_rank_above_scattered_ones(seeds):
    rows = seeds("search", "телефонный разговор Токаева и Трампа", "--json").json()
    assert [row["id"][:3] for row in rows[:3]] == ["002", "002", "001"]


def test_filters(seeds):
    assert found(seeds("search", "Токаев", "--source", "BAQ.KZ", "--json")) == {"001"}
    assert found(seeds("search", "Токаев", "--source", "baq kz", "--json")) == {"001"}
    assert found(seeds("search", "Токаев", "--source", "004", "--json")) == {"004"}
    assert found(seeds("search", "Токаев", "--since", "2026", "--json")) == {"000"}
    assert found(seeds("search", "Токаев", "--until", "2025-12", "--json")) == {"001"}
    assert len(seeds("search", "Токаев", "--limit", "3", "--json").json()) == 3


def test_bad_date_is_a_usage_error(seeds):
    result = seeds("search", "Токаев", "--since", "вчера")
    assert result.code == 2 and "YYYY" in result.err


def test_nothing_found_exits_1_with_suggestions(seeds):
    result = seeds("search", "Токаевский2024ххх")
    assert result.code == 1 and "nothing found" in result.err
    result = seeds("search", "вольфрамм")  # a typo still finds
    assert result.code == 0


def test_explain_names_the_expansions(seeds):
    err = seeds("search", "Авраамовы соглашения", "--explain", "--json").err
    assert "авраамский (derivation" in err and "авраамовый (inflection" in err
    assert "Tokayev →" in seeds("search", "Tokayev", "--explain", "--json").err


def test_semantic_expansion_is_opt_in(seeds):
    assert seeds("search", "тарифы").code == 1
    rows = seeds("search", "тарифы", "--semantic", "--json").json()
    assert any(row["id"].startswith("004") and "пошлин" in row["matched"] for row in rows)
    rows = seeds("search", "искусственный интеллект", "--semantic", "--json").json()
    assert {"003", "004"} <= {row["id"][:3] for row in rows}
    assert "ИИ" in {form for row in rows for form in row["matched"]}


def test_semantic_search_answers_the_same_in_every_run(seeds):
    """A word with two dictionary lemmas of one length ("взятка", "взяток") is read the same way whatever
    order Python's string hashing gives a set."""
    answers = {(result.code, result.out) for result in
               (seeds("search", "взятка", "--semantic", "--json", env={"PYTHONHASHSEED": seed}) for seed in "0123")}
    assert len(answers) == 1


@pytest.mark.parametrize("entry", [e for e in gold("qrels.json") if e["tier"] == "core"], ids=lambda e: e["query"])
def test_core_gold_queries_find_every_relevant_file(seeds, entry):
    ranking = []
    for row in seeds("search", entry["query"], "--json", "--limit", "50").json():
        if row["file"] not in ranking:
            ranking.append(row["file"])
    assert set(entry["relevant"]) <= set(ranking[:10])
    assert set(ranking[: len(entry["relevant"])]) == set(entry["relevant"])


def test_inflection_on_unseen_text(corpus, tmp_path):
    (corpus / "a.txt").write_text(
        "Заголовок о пошлинах\nПравительство ввело новые пошлины на импорт стали.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Заголовок о погоде\nВ столице ожидаются снегопады и сильный ветер.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    rows = run_cli("search", "пошлина", "--json", cache=cache, corpus=corpus).json()
    assert {row["file"] for row in rows} == {"a.txt"}
    assert "пошлины" in rows[0]["matched"] or "пошлинах" in [m.lower() for m in rows[0]["matched"]]
    assert run_cli("search", "снегопадов", "--json", cache=cache, corpus=corpus).json()[0]["file"] == "b.txt"


def test_a_form_the_corpus_never_wrote_is_found_without_loading_a_model(corpus, tmp_path):
    (corpus / "a.txt").write_text(
        "Заголовок о поставках\nСтороны подписали соглашения о поставках зерна.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Заголовок о погоде\nВ столице ожидается сильный ветер.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=corpus)
    imports = {"PYTHONPROFILEIMPORTTIME": "1"}  # every module imported, on stderr
    result = run_cli("search", "соглашениями поставкам зерном", "--json", cache=cache, corpus=corpus, env=imports)
    first = result.json()[0]
    assert first["file"] == "a.txt" and first["matched"] == ["соглашения", "поставках", "зерна"]
    assert "pymorphy2" not in result.err
    # A word no written form shares a paradigm with still asks pymorphy (so the check above can fail).
    result = run_cli("search", "снегопадами", "--json", cache=cache, corpus=corpus, env=imports)
    assert result.code == 1 and "pymorphy2.analyzer" in result.err


def test_a_query_word_the_dictionary_was_asked_about_is_remembered(corpus, tmp_path):
    (corpus / "a.txt").write_text("Заголовок о городе\nВ город прибыли мигранты из соседних стран.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Заголовок о погоде\nВ столице ожидается сильный ветер.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=corpus)
    imports = {"PYTHONPROFILEIMPORTTIME": "1"}
    first = run_cli("search", "миграцией", "--json", cache=cache, corpus=corpus, env=imports)
    assert "pymorphy2.analyzer" in first.err  # "миграция", whose relatives by derivation the corpus wrote
    assert [(row["file"], row["matched"]) for row in first.json()] == [("a.txt", ["мигранты"])]
    again = run_cli("search", "миграцией", "--json", cache=cache, corpus=corpus, env=imports)
    assert "pymorphy2.analyzer" not in again.err and (again.code, again.out) == (first.code, first.out)
    (cache / "query-words.json").write_text("{", encoding="utf-8")  # a damaged memory is asked again
    damaged = run_cli("search", "миграцией", "--json", cache=cache, corpus=corpus, env=imports)
    assert "pymorphy2.analyzer" in damaged.err and (damaged.code, damaged.out) == (first.code, first.out)


def test_scores_after_edits_and_removals_are_those_of_a_fresh_index(corpus, tmp_path):
    """BM25 weighs a paragraph by its length against the corpus's average, which every change moves."""
    texts = {
        "a.txt": "Заголовок о пошлинах\nПравительство ввело новые пошлины на импорт стали.\n",
        "b.txt": "Заголовок о торговле\nПошлины на зерно отменены.\nЭкспорт зерна вырос вдвое за год, "
                 "сообщили в министерстве сельского хозяйства.\n",
        "c.txt": "Заголовок о погоде\nВ столице ожидается сильный ветер и снегопад.\n",
    }
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    run_cli("index", cache=cache, corpus=corpus)
    (corpus / "a.txt").write_text(texts["a.txt"] + "Пошлины вырастут с января, а импорт стали сократится.\n",
                                  encoding="utf-8")
    (corpus / "c.txt").unlink()
    again = run_cli("search", "пошлины", "--json", cache=cache, corpus=corpus).json()
    fresh = run_cli("search", "пошлины", "--json", cache=tmp_path / "fresh", corpus=corpus).json()
    assert [(row["file"], row["score"]) for row in again] == [(row["file"], row["score"]) for row in fresh]
    assert {row["file"] for row in again} == {"a.txt", "b.txt"}


# -- scripts and word families on a corpus written for these tests --------------------------------

SPELLINGS = ROOT / "tests" / "corpora" / "search"


@pytest.fixture(scope="module")
def families(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")

    def search(query, *options):
        result = run_cli("search", query, "--json", *options, cache=cache, corpus=SPELLINGS)
        return [] if result.code == 1 else [(row["file"], row["matched"]) for row in result.json()]
    return search


@pytest.mark.parametrize("query", ["Vorobyov", "Vorobjov", "Vorobyev", "vorobev"])
def test_a_latin_name_finds_its_cyrillic_spelling_with_yo(families, query):
    assert families(query) == [("governor.txt", ["Воробьёв", "Воробьёва"])]


@pytest.mark.parametrize("query", ["Gulyayev", "Gulyaev"])
def test_a_latin_yev_name_finds_its_cyrillic_spelling(families, query):
    assert families(query) == [("interview.txt", ["Гуляев"])]


def test_a_cyrillic_spelling_finds_a_latin_brand(families):
    assert families("Фудберри") == [("warehouse.txt", ["Foodberry"])]


@pytest.mark.parametrize("query, found", [
    ("нефть", [("export.txt", ["Нефтяной"])]),  # the query word is not in the corpus: a related root
    ("миграция", [("export.txt", ["мигранты"])]),
    ("Москва", [("capital.txt", ["московский"])]),  # a root that drops a letter: москв-а ~ моск-овский
])
def test_derivational_relatives_are_found(families, query, found):
    assert families(query) == found


def test_a_false_friend_of_the_same_form_is_no_relative(families):
    assert families("рост") == [("capital.txt", ["Рост"])]  # not "Ростовской": navec finds them unrelated
    assert families("министр") == [("interview.txt", ["министра"])]  # not "Министерство": another root


def test_derivation_roots():
    from kzcli.lang.derivation import derivation_root, related_roots

    assert {derivation_root(word) for word in ("нефть", "нефтяной")} == {"нефт"}
    assert {derivation_root(word) for word in ("миграция", "мигрант", "миграционный")} == {"мигр"}
    assert related_roots(derivation_root("москва"), derivation_root("московский"))
    assert not related_roots(derivation_root("министр"), derivation_root("министерство"))
    assert not related_roots(derivation_root("миграция"), derivation_root("мигрень"))


def test_derivation_weights_follow_meaning():
    from kzcli.query.search import WEIGHTS, derivation_weight

    assert derivation_weight(0.1) < derivation_weight(0.3) < derivation_weight(0.6) == 0.8 < WEIGHTS["inflection"]


# -- other names of an organisation: abbreviations, compounds, short forms ------------------------

ALIASES = ROOT / "tests" / "corpora" / "aliases"


@pytest.fixture(scope="module")
def alias_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def aliases(alias_cache):
    def search(query, *options):
        result = run_cli("search", query, "--json", *options, cache=alias_cache, corpus=ALIASES)
        return {} if result.code == 1 else {row["file"]: row["matched"] for row in result.json()}
    return search


def test_an_abbreviation_defined_in_brackets_finds_the_name_and_back(aliases):
    assert aliases("ЮТС") == {"union.txt": ["Южноморский", "таможенный", "союз", "ЮТС"], "farmers.txt": ["ЮТС"],
                              "talks.txt": ["Южноморского", "таможенного", "союза"]}
    found = aliases("Южноморский таможенный союз")
    assert found["farmers.txt"] == ["ЮТС"]  # the article never writes the name


def test_an_abbreviation_matches_only_its_whole_name(aliases):
    assert set(aliases("ЮС")) == {"summit.txt", "declaration.txt"}  # not every "союз"


def test_a_compound_of_the_name_s_words(aliases):
    assert aliases("Южсоюз") == {"declaration.txt": ["Южсоюза"], "summit.txt": ["Южный", "союз", "ЮС"]}
    assert aliases('"Южный союз"')["declaration.txt"] == ["Южсоюза"]  # one word stands for the phrase
    assert aliases("Минобороны") == {"drills.txt": ["Минобороны"], "ministry.txt": ["Министерство", "обороны"]}


def test_a_short_form_used_alone(aliases):
    assert aliases("Вектр") == {"bank.txt": ["Вектрбанк"], "branch.txt": ["Вектре"]}
    assert aliases("Вектрбанк") == {"bank.txt": ["Вектрбанк"], "branch.txt": ["Вектре"]}


def test_explain_says_which_other_name_matched(alias_cache):
    result = run_cli("search", "ЮТС", "--explain", cache=alias_cache, corpus=ALIASES)
    assert "ЮТС → южноморский таможенный союз (abbreviation" in result.err
    result = run_cli("search", "Вектр", "--explain", cache=alias_cache, corpus=ALIASES)
    assert "Вектр → вектрбанк (short form" in result.err


def test_alias_groups_need_one_name_with_those_initials():
    from kzcli.analysis.aliases import alias_groups

    rows = [("org", "северный торговый союз", ""), ("caps", "стс", ""), ("org", "западный союз", ""),
            ("caps", "зс", ""), ("org", "золотой стандарт", "")]
    assert alias_groups(rows) == [[("северный торговый союз", "name"), ("стс", "abbreviation")]]


# -- a title and the office it heads ----------------------------------------------------------

OFFICES = ROOT / "tests" / "corpora" / "offices"


def test_a_minister_is_also_the_head_of_his_ministry_by_any_of_its_names(tmp_path):
    """"министр иностранных дел" finds "Глава МИД …" (the office's initials) and "министр финансов" finds
    "Глава Минфина" (a compound) and "Глава министерства финансов"; a deputy head ("Замглавы МИД") is not
    the minister."""
    def found(query):
        result = run_cli("search", query, "--json", cache=tmp_path / "cache", corpus=OFFICES)
        return {row["file"]: row["matched"] for row in result.json()}

    assert found("министр иностранных дел") == {"full.txt": ["Министр", "иностранных", "дел"],
                                                  "heads.txt": ["Глава", "МИД"]}
    finance = found("министр финансов")
    assert finance["finance.txt"] == ["Глава", "Минфина"]
    assert finance["fullname.txt"] == ["Глава", "министерства", "финансов"]
    assert "deputy.txt" not in found("министр иностранных дел")
    explained = run_cli("search", "министр финансов", "--explain", cache=tmp_path / "cache", corpus=OFFICES)
    assert "министр → глава минфин (office, 0.7)" in explained.err


def test_term_positions_are_token_places_and_extra_terms_have_none():
    from kzcli.query.search import term_positions

    wanted = [(" 2s ", 100), (" k ", 20)]
    assert term_positions("k 2s 2s bg 2s", "2s", wanted) == {100: [1, 2, 4, -1], 20: [0]}
    assert term_positions("2sk 12s", "", wanted) == {}
