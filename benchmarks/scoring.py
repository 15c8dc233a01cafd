"""Matching rules of the gold annotations (tests/gold/README.md), shared by quality.py and the tests."""

from __future__ import annotations

import re
from collections import Counter

from kzcli.names import surname_key


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def text_matches(gold_text: str, predicted: str) -> bool:
    """Predicted holds ≥ 60 % of the gold words, and ≥ 40 % of its own words are gold words."""
    gold, mine = words(gold_text), words(predicted)
    if not gold or not mine:
        return False
    shared = len(gold & mine)
    return shared >= 0.6 * len(gold) and shared >= 0.4 * len(mine)


def same_speaker(gold: str, predicted: str) -> bool:
    """Any form of the same name: surname keys agree (people) or most words agree (organisations)."""
    gold_words, mine = gold.replace(".", " ").split(), predicted.replace(".", " ").split()
    if not gold_words or not mine:
        return False
    if surname_key(gold_words[-1]) == surname_key(mine[-1]):
        return True
    shared = {surname_key(w) for w in gold_words} & {surname_key(w) for w in mine}
    return len(shared) >= max(1, min(len(gold_words), len(mine)) - 1) and len(gold_words) > 1


def score_quotes(gold: list[dict], predicted: list[dict]) -> dict:
    """Precision, recall and speaker accuracy of statements; optional gold entries count neither way."""
    required = [entry for entry in gold if not entry.get("optional")]
    found: set[str] = set()
    outcome = Counter()
    per_kind = Counter()
    for row in predicted:
        candidates = [e for e in gold if e["file"] == row["file"] and text_matches(e["text"], row["text"])]
        right = [e for e in candidates if same_speaker(e["speaker"], row["speaker"])]
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
    result = {
        "precision": outcome["true"] / counted if counted else 0.0,
        "recall": len(found) / len(required) if required else 0.0,
        "speaker_accuracy": outcome["speaker_right"] / outcome["text_matched"] if outcome["text_matched"] else 0.0,
        "counts": dict(outcome),
        "missed": [e["id"] for e in required if e["id"] not in found],
    }
    for kind in sorted({e["kind"] for e in required}):
        of_kind = [e for e in required if e["kind"] == kind]
        result[f"recall.{kind}"] = sum(e["id"] in found for e in of_kind) / len(of_kind)
        made = per_kind["predicted." + kind]
        result[f"precision.{kind}"] = per_kind["predicted_true." + kind] / made if made else 0.0
    return result


def score_timeline(gold: list[dict], predicted: list[dict]) -> dict:
    """Mention recall and precision (same file and sentence, overlapping mention) and exact-date accuracy."""
    def overlaps(entry: dict, row: dict) -> bool:
        same_sentence = entry["sentence"] in row["sentence"] or row["sentence"] in entry["sentence"]
        a, b = entry["mention"].casefold(), row["mention"].casefold()
        return entry["file"] == row["file"] and same_sentence and (a in b or b in a)

    required = [entry for entry in gold if not entry.get("optional")]
    found, exact, counted, right = set(), 0, 0, 0
    for row in predicted:
        matches = [i for i, entry in enumerate(gold) if overlaps(entry, row)]
        if matches and all(gold[i].get("optional") for i in matches):
            continue
        counted += 1
        if matches:
            right += 1
            found.update(matches)
            exact += any(gold[i]["date"] == row["date"] for i in matches)
    hit = [i for i, entry in enumerate(gold) if i in found and not entry.get("optional")]
    return {
        "recall": len(hit) / len(required) if required else 0.0,
        "precision": right / counted if counted else 0.0,
        "exact_date": exact / right if right else 0.0,
        "missed": [entry["mention"] for i, entry in enumerate(gold) if not entry.get("optional") and i not in found],
        "extra": [row["mention"] for row in predicted if not any(overlaps(entry, row) for entry in gold)],
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
