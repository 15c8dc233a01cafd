"""`kzcli sources` on the bundled seeds against the hand-checked gold metadata."""

import pytest

from conftest import gold


def fold(value):
    return " ".join(value.casefold().split()) if isinstance(value, str) else value


@pytest.fixture(scope="module")
def listed(seeds):
    result = seeds("sources", "--json")
    assert result.code == 0, result.err
    return {row["file"]: row for row in result.json()}


@pytest.mark.parametrize("entry", gold("articles.json"), ids=lambda entry: entry["file"][:3])
@pytest.mark.parametrize("field", ["title", "outlet", "published"])
def test_metadata_matches_gold(listed, entry, field):
    assert fold(listed[entry["file"]][field]) == fold(entry[field])


@pytest.mark.parametrize("entry", gold("articles.json"), ids=lambda entry: entry["file"][:3])
def test_interviews_and_interviewees(listed, entry):
    row = listed[entry["file"]]
    assert (row["genre"] == "interview") == (entry["genre"] == "interview")
    assert row["interviewee"] == entry["interviewee"]


def test_json_fields_are_stable(listed):
    for row in listed.values():
        assert list(row) == ["id", "file", "title", "outlet", "published", "published_estimated", "published_window",
                             "genre", "interviewee", "words", "paragraphs", "url", "language", "copy_of"]
        assert row["id"] == row["file"].removesuffix(".txt")
        assert row["words"] > 500 and row["paragraphs"] > 5


def test_json_is_utf8_not_escaped(seeds):
    out = seeds("sources", "--json").out
    assert "Токаев" in out and "\\u04" not in out
