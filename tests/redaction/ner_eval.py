"""Scorer for the name/place/unit/identifier finder on the marked NER corpus (tests/data/ner/).

    python -m tests.redaction.ner_eval --split dev|dev2|heldout|heldout2 [--verbose] [--json]

Each corpus file is one document: a header line ``# lang: ko; genre: ...; licence: ...;
author: ...`` and then UTF-8 text with inline markup ``⟦category|surface⟧``. The markup is
stripped to give the text the finder sees; gold spans keep their offsets in that text.

Counting (see tests/data/ner/README.md):
- recall per gold category: a gold span is found when any proposal overlaps it; for ``person``
  also "exact-or-covering" (a proposal starts at or before it and ends at or after it);
- precision: a proposal is correct when it overlaps a gold span of a category in SCORED; one that
  overlaps only ``region`` spans, or nothing, is a false proposal (region ones are also counted
  apart).

Without --json a table is printed; with --json the figures as JSON. --verbose adds every miss
and false proposal with some context.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

NER_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"
SPLITS = ("dev", "heldout", "heldout2", "dev2")
CATEGORIES = ("person", "public", "place", "region", "unit", "org", "identifier")
SCORED = frozenset({"person", "public", "place", "unit", "org", "identifier"})
LANGS = ("ko", "en")
HEADER_KEYS = ("lang", "genre", "licence", "author")

# Detection category -> gold category. Unknown categories keep their own name.
DETECTION_TO_GOLD = {
    "name": "person",
    "person": "person",
    "public": "public",
    "place": "place",
    "unit": "unit",
    "org": "org",
    "phone": "identifier",
    "passport": "identifier",
    "id_number": "identifier",
    "email": "identifier",
    "dob": "identifier",
    "identifier": "identifier",
    "address": "identifier",
}

_SPAN = re.compile(r"⟦([^|⟦⟧]*)\|([^⟦⟧]*)⟧")
_CONTEXT = 25


class CorpusError(ValueError):
    """A corpus file that does not parse: the message names the file and the problem."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    surface: str


@dataclass
class Document:
    name: str
    lang: str
    header: dict[str, str]
    text: str
    spans: list[Span] = field(default_factory=list)


class Proposal(Protocol):
    """What the scorer reads from a detection (read-only, so frozen dataclasses fit)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def category(self) -> str: ...
    @property
    def rule(self) -> str: ...


def parse_header(line: str, name: str) -> dict[str, str]:
    if not line.startswith("#"):
        raise CorpusError(f"{name}: first line must be the '# lang: ...' header")
    header: dict[str, str] = {}
    for part in line[1:].split(";"):
        key, sep, value = part.partition(":")
        if not sep:
            raise CorpusError(f"{name}: header part {part.strip()!r} is not 'key: value'")
        header[key.strip()] = value.strip()
    missing = [k for k in HEADER_KEYS if not header.get(k)]
    if missing:
        raise CorpusError(f"{name}: header lacks {', '.join(missing)}")
    if header["lang"] not in LANGS:
        raise CorpusError(f"{name}: lang {header['lang']!r} is not one of {LANGS}")
    return header


def parse_markup(marked: str, name: str = "<text>") -> tuple[str, list[Span]]:
    """Strip ``⟦category|surface⟧`` markup; return the plain text and the gold spans."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in _SPAN.finditer(marked):
        between = marked[pos : m.start()]
        _no_stray_brackets(between, marked, pos, name)
        category, surface = m.group(1), m.group(2)
        line = marked.count("\n", 0, m.start()) + 1
        if category not in CATEGORIES:
            raise CorpusError(f"{name}:{line}: unknown category {category!r}")
        if not surface or surface != surface.strip() or "\n" in surface:
            raise CorpusError(f"{name}:{line}: empty or padded surface {surface!r}")
        parts.append(between)
        length += len(between)
        spans.append(Span(length, length + len(surface), category, surface))
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    tail = marked[pos:]
    _no_stray_brackets(tail, marked, pos, name)
    parts.append(tail)
    return "".join(parts), spans


def _no_stray_brackets(chunk: str, marked: str, offset: int, name: str) -> None:
    for i, ch in enumerate(chunk):
        if ch in "⟦⟧":
            line = marked.count("\n", 0, offset + i) + 1
            raise CorpusError(f"{name}:{line}: nested or unbalanced markup near {ch!r}")


def parse_document(raw: str, name: str) -> Document:
    first, _, body = raw.partition("\n")
    header = parse_header(first.strip(), name)
    text, spans = parse_markup(body, name)
    return Document(name, header["lang"], header, text, spans)


def load_split(split: str, root: Path = NER_DIR) -> list[Document]:
    if split not in SPLITS:
        raise CorpusError(f"unknown split {split!r}; use one of {SPLITS}")
    folder = root / split
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise CorpusError(f"no documents in {folder}")
    return [parse_document(f.read_text(encoding="utf-8"), f"{split}/{f.name}") for f in files]


def gold_category(detection_category: str) -> str:
    return DETECTION_TO_GOLD.get(detection_category, detection_category)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT) : start].replace("\n", " ")
    right = text[end : end + _CONTEXT].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class _Tally:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    typed: Counter[str] = field(default_factory=Counter)
    person_covering: int = 0
    proposals: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    region_false: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)
    false: list[dict[str, str]] = field(default_factory=list)

    def figures(self, verbose: bool) -> dict[str, Any]:
        recall = {
            cat: {
                "gold": self.gold[cat],
                "found": self.found[cat],
                "recall": _ratio(self.found[cat], self.gold[cat]),
                "recall_same_category": _ratio(self.typed[cat], self.gold[cat]),
            }
            for cat in CATEGORIES
            if self.gold[cat]
        }
        if "person" in recall:
            covering = _ratio(self.person_covering, self.gold["person"])
            recall["person"]["exact_or_covering"] = covering
        total = sum(self.proposals.values())
        correct = sum(self.correct.values())
        out: dict[str, Any] = {
            "recall": recall,
            "precision": _ratio(correct, total),
            "proposals": total,
            "false_proposals": total - correct,
            "region_false_proposals": self.region_false,
            "precision_by_category": {
                cat: {
                    "proposals": n,
                    "correct": self.correct[cat],
                    "precision": _ratio(self.correct[cat], n),
                }
                for cat, n in sorted(self.proposals.items())
            },
        }
        if verbose:
            out["misses"] = self.misses
            out["false_proposals_list"] = self.false
        return out


def score(
    documents: Iterable[Document],
    detect: Callable[[str], Sequence[Proposal]],
    verbose: bool = False,
) -> dict[str, Any]:
    """Run ``detect`` on every document; figures per language and for all together."""
    tallies = {lang: _Tally() for lang in (*LANGS, "all")}
    n_docs: Counter[str] = Counter()
    for doc in documents:
        n_docs[doc.lang] += 1
        proposals = list(detect(doc.text))
        for tally in (tallies[doc.lang], tallies["all"]):
            _score_document(doc, proposals, tally)
    result: dict[str, Any] = {"documents": dict(n_docs)}
    for lang, tally in tallies.items():
        if lang == "all" or n_docs[lang]:
            result[lang] = tally.figures(verbose)
    return result


def _score_document(doc: Document, proposals: list[Proposal], tally: _Tally) -> None:
    for g in doc.spans:
        tally.gold[g.category] += 1
        hits = [p for p in proposals if _overlaps(p.start, p.end, g.start, g.end)]
        if hits:
            tally.found[g.category] += 1
        else:
            tally.misses.append(
                {
                    "doc": doc.name,
                    "category": g.category,
                    "surface": g.surface,
                    "context": _context(doc.text, g.start, g.end),
                }
            )
        if any(gold_category(p.category) == g.category for p in hits):
            tally.typed[g.category] += 1
        if g.category == "person" and any(p.start <= g.start and p.end >= g.end for p in hits):
            tally.person_covering += 1
    for p in proposals:
        cat = gold_category(p.category)
        tally.proposals[cat] += 1
        touched = {g.category for g in doc.spans if _overlaps(p.start, p.end, g.start, g.end)}
        if touched & SCORED:
            tally.correct[cat] += 1
            continue
        if "region" in touched:
            tally.region_false += 1
        tally.false.append(
            {
                "doc": doc.name,
                "category": p.category,
                "rule": str(getattr(p, "rule", "")),
                "surface": doc.text[p.start : p.end],
                "overlaps": "region" if "region" in touched else "nothing",
                "context": _context(doc.text, p.start, p.end),
            }
        )


def corpus_counts(documents: Iterable[Document]) -> dict[str, dict[str, int]]:
    """Documents and gold spans per language and category (for reports)."""
    counts: dict[str, Counter[str]] = {}
    for doc in documents:
        c = counts.setdefault(doc.lang, Counter())
        c["documents"] += 1
        c["spans"] += len(doc.spans)
        c.update(s.category for s in doc.spans)
    return {lang: dict(c) for lang, c in sorted(counts.items())}


def evaluate_split(split: str, verbose: bool = False) -> dict[str, Any]:
    """Score ``nkcase.redaction.detectors.detect`` on one split (for bench/ and the CLI)."""
    from nkcase.redaction.detectors import detect

    documents = load_split(split)
    result = score(documents, detect, verbose=verbose)
    result["split"] = split
    result["corpus"] = corpus_counts(documents)
    return result


def _print_table(result: dict[str, Any]) -> None:
    for lang in (*LANGS, "all"):
        if lang not in result:
            continue
        fig = result[lang]
        print(
            f"[{lang}] precision={fig['precision']} proposals={fig['proposals']} "
            f"false={fig['false_proposals']} region_false={fig['region_false_proposals']}"
        )
        for cat, r in fig["recall"].items():
            extra = f" exact_or_covering={r['exact_or_covering']}" if cat == "person" else ""
            print(
                f"  {cat:10} gold={r['gold']:4} recall={r['recall']} "
                f"same_category={r['recall_same_category']}{extra}"
            )
        if "misses" in fig and lang != "all":
            for m in fig["misses"]:
                print(f"  MISS  {m['category']:10} {m['doc']}: {m['context']}")
            for f in fig["false_proposals_list"]:
                print(f"  FALSE {f['category']:10} {f['doc']} ({f['rule']}): {f['context']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.redaction.ner_eval")
    parser.add_argument("--split", choices=SPLITS, required=True)
    parser.add_argument("--verbose", action="store_true", help="list misses and false proposals")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        result = evaluate_split(args.split, verbose=args.verbose)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print_table(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
