"""`kzcli quotes` and `kzcli people`: patterns on our own sentences, gold figures on the seeds."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, gold, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import score_quotes  # noqa: E402

SPEECH = Path(__file__).resolve().parent / "corpora" / "speech"
QUOTE_FIELDS = {"speaker", "speaker_type", "kind", "cue", "text", "sentence", "file", "id", "outlet", "published", "paragraph"}


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    """Query commands over a small corpus written for these tests (one pattern per sentence)."""
    folder = tmp_path_factory.mktemp("speech")
    shutil.copytree(SPEECH, folder / "corpus")
    cache = folder / "cache"
    return lambda *args: run_cli(*args, cache=cache, corpus=folder / "corpus")


@pytest.fixture(scope="module")
def statements(speech):
    result = speech("quotes", "--json")
    assert result.code == 0, result.err
    return {(row["speaker"], row["kind"], row["text"]) for row in result.json()}


@pytest.mark.parametrize("expected", [
    # X заявил: «…»
    ("Арман Сеитов", "direct", "Бюджет страны будет исполнен в срок и без дефицита"),
    # a pronoun takes the paragraph's last speaker
    ("Арман Сеитов", "indirect", "расходы на образование вырастут на десять процентов"),
    # «…», — сказал X (surname only, joined to the full name)
    ("Арман Сеитов", "direct", "Мы готовы к переговорам с любым надежным партнером"),
    # split quote «…, — сказал X, — …»
    ("Тимур Жаксылыков", "direct", "Экономика растет быстрее прогнозов … и инфляция заметно замедляется"),
    # X заявил, что …
    ("Олжас Бектенов", "indirect", "правительство снизит налоги для фермеров уже в следующем году"),
    # X заявила о …
    ("Елена Петрова", "indirect", "начале новой программы поддержки экспорта"),
    # по словам X, …
    ("Елена Петрова", "indirect", "программа охватит более тысячи компаний"),
    # как отметил X, …
    ("Олжас Бектенов", "indirect", "налоговая реформа займет не менее двух лет"),
    # в заявлении ORG говорится, что …
    ("Министерство иностранных дел Казахстана", "indirect", "переговоры пройдут в Астане в марте"),
    # headline "Посол Франции: …", the role resolved to the ambassador named in the text
    ("Жан Дюпон", "indirect", "торговля между странами выросла вдвое"),
    # a role phrase as subject ("Посол заявил, что …")
    ("Жан Дюпон", "indirect", "французские компании откроют три новых завода"),
    # interview answers belong to the interviewee named in the lead
    ("Марат Шибутов", "interview", "Год был непростым, но экономика региона показала устойчивый рост и привлекла новые инвестиции."),
])
def test_each_speech_pattern_gives_speaker_kind_and_text(statements, expected):
    assert expected in statements


def test_no_speaker_means_no_quote(statements):
    texts = " ".join(text for _, _, text in statements)
    assert "рост цен продолжится" not in texts  # "Эксперты считают": nobody named
    assert "готов к диалогу" not in texts  # a country is not a speaker
    assert "Как вы оцениваете итоги года?" not in texts  # questions are not the interviewee's words


def test_quotes_json_fields_and_traceability(speech):
    rows = speech("quotes", "--json", "--person", "Петрова").json()
    assert {tuple(sorted(row)) for row in rows} == {tuple(sorted(QUOTE_FIELDS))}
    assert all(row["file"] == "statements.txt" and row["text"] in row["sentence"] for row in rows)
    assert [row["cue"] for row in rows] == ["заявила о", "по словам"]


def test_people_groups_inflected_forms_and_rebuilds_nominatives(speech):
    rows = {row["name"]: row for row in speech("people", "--json").json()}
    assert set(rows) == {"Арман Сеитов", "Айгерим Сеитова", "Елена Петрова", "Олжас Бектенов", "Жан Дюпон",
                         "Марат Шибутов", "П.Гор", "Тимур Жаксылыков"}
    assert rows["Арман Сеитов"]["aliases"] == ["Арман Сеитов", "Сеитов", "Сеитову"]
    assert rows["Арман Сеитов"]["role"] == "министр финансов"
    assert rows["Елена Петрова"]["aliases"] == ["Елена Петрова", "Елены Петровой"]


@pytest.mark.parametrize("wanted", ["Арман Сеитов", "А.Сеитов", "Сеитов", "Армана Сеитова", "Arman Seitov"])
def test_person_forms_resolve_to_one_person(speech, wanted):
    result = speech("quotes", "--person", wanted, "--json")
    assert result.code == 0, result.err
    assert {row["speaker"] for row in result.json()} == {"Арман Сеитов"}


def test_ambiguous_and_unknown_person(speech):
    ambiguous = speech("quotes", "--person", "Сеитову")  # his dative, her accusative
    assert ambiguous.code == 2
    assert "Арман Сеитов" in ambiguous.err and "Айгерим Сеитова" in ambiguous.err
    typo = speech("quotes", "--person", "Жаксылыкоф", "--json")
    assert {row["speaker"] for row in typo.json()} == {"Тимур Жаксылыков"}
    missing = speech("quotes", "--person", "Назарбаев")
    assert missing.code == 1 and "no person matches" in missing.err


def test_kind_source_and_query_filters(speech):
    direct = speech("quotes", "--kind", "direct", "--json").json()
    assert {row["kind"] for row in direct} == {"direct"} and len(direct) == 3
    assert speech("quotes", "--kind", "rumour").code == 2
    interview = speech("quotes", "--source", "interview", "--json").json()
    assert {row["speaker"] for row in interview} == {"Марат Шибутов"}
    about = speech("quotes", "--query", "фермеры", "--json").json()
    assert [row["text"] for row in about] == ["правительство снизит налоги для фермеров уже в следующем году"]


# -- the seeds against the gold ------------------------------------------------------------


def test_seed_quotes_meet_the_gold(seeds):
    result = score_quotes(gold("quotes.json"), seeds("quotes", "--json").json())
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.85
    assert all(result[f"recall.{kind}"] > 0 for kind in ("direct", "indirect", "interview"))


@pytest.mark.parametrize("wanted", ["Токаев", "токаеву", "Касым-Жомарт Токаев", "К.Токаев", "Tokayev", "Токаефф"])
def test_tokayev_in_any_form(seeds, wanted):
    rows = seeds("quotes", "--person", wanted, "--json").json()
    assert {row["speaker"] for row in rows} == {"Касым-Жомарт Токаев"}
    assert sorted(row["id"][:3] for row in rows) == ["000", "001", "003", "004"]


def test_seed_people_match_the_gold(seeds):
    listed = [row["name"] for row in seeds("people", "--json").json()]
    assert sorted(listed) == sorted(person["name"] for person in gold("people.json"))


def test_headline_topic_label_is_not_a_statement(tmp_path):
    """"X и Y: …" names a topic; only "Speaker: …" (one name or role before the colon) is a statement."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "label.txt").write_text(
        "Арман Сеитов и Казахстан: новый курс экономики страны\n\n"
        "Министр экономики Арман Сеитов провел совещание в Астане.\n", encoding="utf-8")
    result = run_cli("quotes", "--json", cache=tmp_path / "cache", corpus=corpus)
    assert result.code in (0, 1), result.err
    texts = [row["text"] for row in result.json()] if result.code == 0 else []
    assert not any("новый курс экономики" in text for text in texts)
