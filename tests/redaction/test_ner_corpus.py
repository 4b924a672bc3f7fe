"""The NER evaluation corpus parses, its markup is sound, and the scorer counts as documented.

No thresholds here: the finder's targets are set where the finder is tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.redaction.ner_eval import (
    CATEGORIES,
    NER_DIR,
    SPLITS,
    CorpusError,
    load_split,
    main,
    parse_document,
    parse_markup,
    score,
)

ALL_FILES = [f for split in SPLITS for f in sorted((NER_DIR / split).glob("*.txt"))]
_TITLES = (
    "Mr ",
    "Mrs ",
    "Ms ",
    "Dr ",
    "Mr. ",
    "Ms. ",
    "Mrs. ",
    "Dr. ",
    "Comrade ",
    "Judge ",
    "Encik ",
)
_HONORIFICS = ("씨", "님", "동무", "지배인", "대위")


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_parses_and_offsets_hold(path: Path) -> None:
    doc = parse_document(path.read_text(encoding="utf-8"), path.name)
    assert doc.spans, "a document without a single marked span"
    assert "⟦" not in doc.text and "⟧" not in doc.text
    for span in doc.spans:
        assert span.category in CATEGORIES
        assert doc.text[span.start : span.end] == span.surface
    starts = [s.start for s in doc.spans]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(doc.spans, doc.spans[1:], strict=False))


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_person_spans_leave_titles_outside(path: Path) -> None:
    doc = parse_document(path.read_text(encoding="utf-8"), path.name)
    for span in doc.spans:
        if span.category in ("person", "public"):
            assert not span.surface.startswith(_TITLES), span.surface
            assert not span.surface.endswith(_HONORIFICS), span.surface
            assert not span.surface.endswith(" 씨"), span.surface


def test_both_splits_hold_both_languages_and_do_not_share_documents() -> None:
    texts: dict[str, set[str]] = {}
    for split in SPLITS:
        docs = load_split(split)
        assert {d.lang for d in docs} == {"ko", "en"}
        texts[split] = {d.text.strip() for d in docs}
    assert not texts["dev"] & texts["heldout"]
    assert not texts["heldout2"] & (texts["dev"] | texts["heldout"])
    assert not texts["dev2"] & (texts["dev"] | texts["heldout"] | texts["heldout2"])


def test_corpus_is_big_enough_and_split_about_one_third_to_two_thirds() -> None:
    counts = {split: load_split(split) for split in ("dev", "heldout")}
    docs = {split: len(d) for split, d in counts.items()}
    spans = {split: sum(len(doc.spans) for doc in d) for split, d in counts.items()}
    assert sum(docs.values()) >= 60
    assert sum(spans.values()) >= 900
    assert 0.25 <= spans["dev"] / sum(spans.values()) <= 0.40
    for split, d in counts.items():
        kinds = {doc.header["genre"].split(" ")[0] for doc in d}
        assert {"testimony", "news"} <= kinds, split


def test_second_heldout_split_is_big_enough_and_bilingual() -> None:
    docs = load_split("heldout2")
    assert len(docs) >= 40
    assert sum(len(doc.spans) for doc in docs) >= 700
    for lang in ("ko", "en"):
        share = sum(doc.lang == lang for doc in docs) / len(docs)
        assert 0.4 <= share <= 0.6, lang


def test_second_dev_split_is_big_enough_bilingual_and_varied() -> None:
    docs = load_split("dev2")
    assert len(docs) >= 35
    assert sum(len(doc.spans) for doc in docs) >= 600
    for lang in ("ko", "en"):
        share = sum(doc.lang == lang for doc in docs) / len(docs)
        assert 0.4 <= share <= 0.6, lang
    kinds = {doc.header["genre"].split(" ")[0] for doc in docs}
    assert {"testimony", "news"} <= kinds
    assert {s.category for doc in docs for s in doc.spans} == set(CATEGORIES)


def test_markup_parser_keeps_offsets_and_strips_markup() -> None:
    text, spans = parse_markup("⟦person|박영철⟧의 동료 ⟦person|A⟧씨가 ⟦place|훈춘⟧에서")
    assert text == "박영철의 동료 A씨가 훈춘에서"
    assert [(s.start, s.end, s.category) for s in spans] == [
        (0, 3, "person"),
        (8, 9, "person"),
        (12, 14, "place"),
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "⟦person|Kim ⟦place|Hunchun⟧⟧",  # nested
        "⟦person|Kim",  # unclosed
        "Kim⟧ went",  # stray close
        "⟦people|Kim⟧",  # unknown category
        "⟦person| Kim⟧",  # padded surface
        "⟦person|⟧",  # empty
    ],
)
def test_markup_parser_refuses_bad_markup(bad: str) -> None:
    with pytest.raises(CorpusError):
        parse_markup(bad)


def test_header_is_required() -> None:
    with pytest.raises(CorpusError, match="header"):
        parse_document("No header here ⟦person|Kim⟧\n", "x.txt")
    with pytest.raises(CorpusError, match="licence"):
        parse_document("# lang: en; genre: t; author: a\n⟦person|Kim⟧\n", "x.txt")
    with pytest.raises(CorpusError, match="lang"):
        parse_document("# lang: fr; genre: t; licence: l; author: a\nx\n", "x.txt")


@dataclass
class _P:
    start: int
    end: int
    category: str
    rule: str = "test"


def test_scorer_counts_overlap_covering_region_and_false_proposals() -> None:
    raw = (
        "# lang: en; genre: t; licence: l; author: a\n"
        "Mr ⟦person|Sergei Petrov⟧ of ⟦place|Tynda⟧, ⟦region|Amur Oblast⟧, "
        "met ⟦person|Kim Song Il⟧ in May; case no. ⟦identifier|4512/19⟧.\n"
    )
    doc = parse_document(raw, "t.txt")
    t = doc.text

    def at(surface: str, category: str) -> _P:
        i = t.index(surface)
        return _P(i, i + len(surface), category)

    proposals = [
        at("Mr Sergei Petrov", "name"),  # covers the gold person
        at("Song", "name"),  # overlaps only: found, not exact-or-covering
        at("Amur Oblast", "place"),  # region only: false
        at("May", "name"),  # nothing: false
        at("Tynda", "place"),
    ]
    result = score([doc], lambda _text: proposals, verbose=True)["en"]
    person = result["recall"]["person"]
    assert (person["gold"], person["found"], person["exact_or_covering"]) == (2, 2, 0.5)
    assert result["recall"]["place"]["recall"] == 1.0
    assert result["recall"]["identifier"]["recall"] == 0.0
    assert result["recall"]["region"]["found"] == 1
    assert result["proposals"] == 5 and result["false_proposals"] == 2
    assert result["region_false_proposals"] == 1
    assert result["precision"] == 0.6
    assert result["precision_by_category"]["person"] == {
        "proposals": 3,
        "correct": 2,
        "precision": round(2 / 3, 4),
    }
    assert [m["surface"] for m in result["misses"]] == ["4512/19"]
    assert {f["surface"] for f in result["false_proposals_list"]} == {"Amur Oblast", "May"}


def test_cli_refuses_an_unknown_split(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--split", "train"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
