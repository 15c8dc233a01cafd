"""The matching rules of the gold annotations (../shared/gold/README.md and ../shared/dev/README.md), shared
by quality.py and the tests. Nothing here knows a particular corpus."""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def words(text: str | None) -> list[str]:
    """Lower-case words (letters, digits, inner hyphens), ё read as е; punctuation ignored.

    >>> words("«Ё-моё», — сказал Пётр 5 мая!")
    ['е-мое', 'сказал', 'петр', '5', 'мая']
    """
    return WORD.findall((text or "").casefold().replace("ё", "е"))


def same_value(gold, predicted) -> bool:
    """Metadata agreement: equal as sequences of words; null matches only null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return words(str(gold)) == words(str(predicted))


def contains_words(outer: list[str], inner: list[str]) -> bool:
    """`inner` stands as a run of consecutive words inside `outer`."""
    if not inner:
        return False
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def text_matches(gold_text: str, predicted: str) -> bool:
    """Predicted holds ≥ 60 % of the gold words, and ≥ 40 % of its own words are gold words."""
    gold, mine = set(words(gold_text)), set(words(predicted))
    if not gold or not mine:
        return False
    shared = len(gold & mine)
    return shared >= 0.6 * len(gold) and shared >= 0.4 * len(mine)


def _stems(names) -> set[str]:
    return {word[:5] for name in names for word in words(name) if len(word) >= 4}


def same_speaker(gold: str, predicted: str, aliases=()) -> bool:
    """The predicted speaker names the gold one: equal, a listed alias, or a word of 4+ letters sharing its
    first 5 letters with a word of the gold name or its aliases ("Токаеву" ~ "Касым-Жомарт Токаев")."""
    names = [gold, *aliases]
    mine = words(predicted)
    if not mine:
        return False
    if any(mine == words(name) for name in names):
        return True
    return bool(_stems([predicted]) & _stems(names))


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_quotes(gold: list[dict], predicted: list[dict], aliases: dict[str, list[str]] | None = None) -> dict:
    """Precision, recall, F1 and speaker accuracy of statements; optional gold entries count neither way.

    A prediction is true when it matches a required gold statement of its file by text and speaker; it
    is neutral when it matches only optional ones; a text match with another speaker is `wrong_speaker`.
    """
    aliases = aliases or {}
    required = [entry for entry in gold if not entry.get("optional")]
    found: set[str] = set()
    outcome = Counter()
    per_kind = Counter()
    for row in predicted:
        candidates = [e for e in gold if e["file"] == row["file"] and text_matches(e["text"], row["text"])]
        right = [e for e in candidates if same_speaker(e["speaker"], row["speaker"], aliases.get(e["speaker"], ()))]
        if any(not e.get("optional") for e in right):
            outcome["true"] += 1
            per_kind["predicted_true." + row["kind"]] += 1
            found.update(e["id"] for e in right if not e.get("optional"))
        elif right or (candidates and all(e.get("optional") for e in candidates)):
            outcome["neutral"] += 1
            continue
        else:
            outcome["wrong_speaker" if candidates else "false"] += 1
        per_kind["predicted." + row["kind"]] += 1
        outcome["text_matched"] += bool(candidates)
        outcome["speaker_right"] += bool(right)
    counted = outcome["true"] + outcome["false"] + outcome["wrong_speaker"]
    precision = outcome["true"] / counted if counted else 0.0
    recall = len(found) / len(required) if required else 0.0
    result = {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "speaker_accuracy": outcome["speaker_right"] / outcome["text_matched"] if outcome["text_matched"] else 0.0,
        "counts": dict(outcome),
        "missed": [e["id"] for e in required if e["id"] not in found],
    }
    for kind in sorted({e["kind"] for e in required}):
        of_kind = [e for e in required if e["kind"] == kind]
        result[f"recall.{kind}"] = sum(e["id"] in found for e in of_kind) / len(of_kind)
        result[f"found.{kind}"] = f"{sum(e['id'] in found for e in of_kind)}/{len(of_kind)}"
        made = per_kind["predicted." + kind]
        result[f"precision.{kind}"] = per_kind["predicted_true." + kind] / made if made else 0.0
    return result


def event_agrees(gold_event: str, clause: str) -> bool:
    """The clause holds at least half of the gold event's words of 4+ letters, compared on their first
    5 letters (so case endings do not matter)."""
    wanted = {word[:5] for word in words(gold_event) if len(word) >= 4}
    have = {word[:5] for word in words(clause)}
    return bool(wanted) and len(wanted & have) >= len(wanted) / 2


def _same_sentence(gold_sentence: str, predicted_sentence: str) -> bool:
    a, b = " ".join(words(gold_sentence)), " ".join(words(predicted_sentence))
    return bool(a and b) and (a in b or b in a)


def timeline_matches(gold: list[dict], row: dict) -> list[int]:
    """Gold entries a predicted date mention matches: same file, one mention's words inside the other's.
    When the mention words occur in several gold entries of the file, those of the same sentence."""
    mine = words(row["mention"])
    found = [i for i, entry in enumerate(gold) if entry["file"] == row["file"]
             and (contains_words(mine, words(entry["mention"])) or contains_words(words(entry["mention"]), mine))]
    in_sentence = [i for i in found if _same_sentence(gold[i]["sentence"], row.get("sentence") or "")]
    return in_sentence or found


def score_timeline(gold: list[dict], predicted: list[dict]) -> dict:
    """Mention recall and precision, exact date on found mentions, end-to-end (found with the exact date,
    over all required mentions) and event agreement on found mentions."""
    required = [i for i, entry in enumerate(gold) if not entry.get("optional")]
    found: set[int] = set()
    exact: set[int] = set()
    agreeing: set[int] = set()
    counted = right = 0
    extra = []
    for row in predicted:
        matches = timeline_matches(gold, row)
        if matches and all(gold[i].get("optional") for i in matches):
            continue
        counted += 1
        if not matches:
            extra.append(f"{row['file']}: {row['mention']}")
            continue
        right += 1
        wanted = [i for i in matches if not gold[i].get("optional")]
        found.update(wanted)
        exact.update(i for i in wanted if gold[i]["date"] == row["date"])
        agreeing.update(i for i in wanted if event_agrees(gold[i].get("event") or "", row.get("event") or ""))
    hit = [i for i in required if i in found]
    total = len(required)
    return {
        "recall": len(hit) / total if total else 0.0,
        "precision": right / counted if counted else 0.0,
        "exact_date": len(exact) / len(hit) if hit else 0.0,
        "end_to_end": len(exact) / total if total else 0.0,
        "event_agreement": len(agreeing) / len(hit) if hit else 0.0,
        "required": total,
        "missed": [f"{gold[i]['file']}: {gold[i]['mention']}" for i in required if i not in found],
        "wrong_date": [f"{gold[i]['file']}: {gold[i]['mention']} ≠ {gold[i]['date']}" for i in hit if i not in exact],
        "extra": extra,
    }


def score_cross_references(gold: list[dict], predicted: list[dict]) -> dict:
    """Rows dated by another source against `undated_events`: a row is right when its sentence is a gold
    event's sentence in the same file and its date agrees with the gold estimate (one is a prefix of the
    other: "2025-11" agrees with "2025-11-06")."""
    rows = [row for row in predicted if row.get("cross_reference")]
    right = [row for row in rows if any(
        entry["file"] == row["file"] and (entry["sentence"] in row["sentence"] or row["sentence"] in entry["sentence"])
        and (entry["approx_date"].startswith(row["date"]) or row["date"].startswith(entry["approx_date"]))
        for entry in gold)]
    return {"rows": len(rows), "right": len(right), "wrong": [row["mention"] for row in rows if row not in right]}


def score_figures(gold: list[dict], predicted: list[dict]) -> dict:
    """Recall of gold figure phrases (same file, matching words) and whether the normalised amount is right."""
    found, amount_right = [], []
    for entry in gold:
        matches = [row for row in predicted if row["file"] == entry["file"] and text_matches(entry["text"], row["text"])]
        if matches:
            found.append(entry["text"])
            if any(abs(row["amount"] - entry["value"]) <= 1e-9 * max(1, entry["value"]) for row in matches):
                amount_right.append(entry["text"])
    return {
        "recall": len(found) / len(gold) if gold else 0.0,
        "recall_with_amount": len(amount_right) / len(gold) if gold else 0.0,
        "missed": [entry["text"] for entry in gold if entry["text"] not in amount_right],
        "predicted": len(predicted),
    }


def ranking_scores(ranking: list[str], relevant: list[str]) -> tuple[float, float, float]:
    """recall@10, R-precision and reciprocal rank of one ranked file list."""
    recall = len(set(ranking[:10]) & set(relevant)) / len(relevant)
    r_precision = len(set(ranking[: len(relevant)]) & set(relevant)) / len(relevant)
    rank = next((index + 1 for index, name in enumerate(ranking) if name in relevant), None)
    return recall, r_precision, 1 / rank if rank else 0.0
