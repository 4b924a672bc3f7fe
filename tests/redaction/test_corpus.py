"""The bilingual evaluation corpus: recall 1.0 on registered terms, no hit on distractors."""

from __future__ import annotations

import json

from tests.redaction.evaluate import evaluate, parse


def test_corpus_is_big_enough_and_bilingual() -> None:
    from tests.redaction.evaluate import load

    _profiles, testimonies = load()
    assert len(testimonies) >= 40
    assert {t["lang"] for t in testimonies} >= {"en", "ko"}


def test_markup_parser_keeps_offsets() -> None:
    p = parse("A ⟦Kim|witness_name⟧ and ⟪Lee⟫.")
    assert p.text == "A Kim and Lee."
    assert p.expected == [(2, 5, "witness_name")]
    assert p.distractors == [(10, 13)]


def test_recall_is_one_and_distractors_untouched() -> None:
    result = evaluate()
    print(json.dumps({k: v for k, v in result.items() if k != "by_category"}, ensure_ascii=False))
    for cat, figures in result["by_category"].items():
        print(f"{cat:18} n={figures['expected']:3} recall={figures['recall']} "
              f"precision={figures['precision']}")  # fmt: skip
    assert result["misses"] == []
    assert result["recall"] == 1.0
    assert result["false_hits"] == []
    assert result["distractors"] >= 40


def test_detectors_on_their_corpus() -> None:
    from tests.redaction.evaluate import evaluate_detectors

    result = evaluate_detectors()
    print(json.dumps(result, ensure_ascii=False))
    assert result["sentences"] >= 30
    assert result["misses"] == []
    assert result["false_hits"] == []
