"""Packet export speed: python bench/packets.py [--runs N] prints one JSON object.

one_case       export of one seeded case (redaction, PDF, leak check, signature, ZIP)
pattern_100    a 100-case pattern packet over generated cases (bench/generate.py)
pdf_*          the PDF alone (render_submission) of those two packets, on the same inputs

Each is timed N times (default 3) with nkcase's PDF fonts ("shared": parsed once per process,
cached text widths) and, in the same run, with fpdf2's stock font handling ("stock": both
NanumGothic files parsed for every document, widths summed per character), the two
alternating; figures are [min, median] seconds. first_export_s is the first export of the
process, which pays the one-time font parse. same_pdf: the PDFs drawn both ways from the
same inputs have identical page content streams and extract to the same text. Setup (vault,
imports, review of suggestions) is not timed. Test KDF parameters: the key derivation is not
what is measured here.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from fpdf.fonts import TTFFont  # noqa: E402
from generate import generate  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from nkcase.config import resource_path  # noqa: E402
from nkcase.packets import export, pdfdoc, render  # noqa: E402
from nkcase.packets.verify import verify_packet  # noqa: E402
from nkcase.redaction import api as redaction  # noqa: E402
from nkcase.redaction.store import load_decisions  # noqa: E402
from nkcase.services import cases, vaults  # noqa: E402
from nkcase.vault.keyslots import TEST_KDF  # noqa: E402
from nkcase.vault.models import RedactionDecision  # noqa: E402
from nkcase.vault.vault import Vault  # noqa: E402

PASSPHRASE = "bench-lantern-orchid-quarry-52"
FULL_NAME = re.compile(r"(?!In )[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?")


def review(vault: Vault, refs: list[str]) -> None:
    """Settle suggestions as a reviewer would: full romanised names yes, other guesses no."""
    for _ in range(3):
        with vault.session() as session:
            busy = False
            for ref in refs:
                case = cases.find_case(session, ref)
                data = cases.case_to_dict(case)
                pending = redaction.redact_case(data, load_decisions(session, case.id)).pending
                seen: set[tuple[str, str]] = set()
                for _key, span in pending:
                    if (span.text, span.category) in seen:
                        continue
                    seen.add((span.text, span.category))
                    ok = span.category != "name" or FULL_NAME.fullmatch(span.text)
                    session.add(
                        RedactionDecision(
                            case_id=case.id,
                            text=span.text,
                            category=span.category,
                            scope="all",
                            decision="accept" if ok else "reject",
                        )
                    )
                    busy = True
            if not busy:
                return


def timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@contextmanager
def stock_fonts() -> Iterator[None]:
    """fpdf2 as shipped: each document parses both font files (FPDF.add_font does this) and
    fpdf2 sums character widths itself; what nkcase did before the shared fonts."""
    saved = pdfdoc._SharedFont.__dict__["for_document"]

    def stock(pdf: Any, style: str) -> TTFFont:
        name = "NanumGothicBold.ttf" if style == "B" else "NanumGothic.ttf"
        path = resource_path("fonts", name)
        return TTFFont(pdf, path, f"{pdfdoc.FONT.lower()}{style}", style)

    pdfdoc._SharedFont.for_document = staticmethod(stock)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        pdfdoc._SharedFont.for_document = saved  # type: ignore[method-assign]


@contextmanager
def shared_fonts() -> Iterator[None]:
    yield


@contextmanager
def render_inputs(into: list[tuple[Any, Any]]) -> Iterator[None]:
    """Keep the arguments of every render_submission call made meanwhile."""
    real = render.render_submission

    def spy(*args: Any, **kwargs: Any) -> Any:
        into.append((args, kwargs))
        return real(*args, **kwargs)

    render.render_submission = spy  # type: ignore[assignment]
    try:
        yield
    finally:
        render.render_submission = real  # type: ignore[assignment]


def pdf_pages(data: bytes) -> tuple[list[bytes], list[str]]:
    pages = PdfReader(io.BytesIO(data)).pages
    return [p.get_contents().get_data() for p in pages], [p.extract_text() for p in pages]


def same_pdf(args: Any, kwargs: Any) -> bool:
    shared = render.render_submission(*args, **kwargs).data
    with stock_fonts():
        stock = render.render_submission(*args, **kwargs).data
    return pdf_pages(shared) == pdf_pages(stock)


def alternate(runs: int, fn: Callable[[], Any]) -> dict[str, list[float]]:
    """Time ``fn`` under both font handlings, alternating which goes first in each round."""
    times: dict[str, list[float]] = {"shared": [], "stock": []}
    ways = {"shared": shared_fonts, "stock": stock_fonts}
    for n in range(runs):
        order = ("shared", "stock") if n % 2 == 0 else ("stock", "shared")
        for way in order:
            with ways[way]():
                times[way].append(timed(fn))
    return times


def figures(times: list[float]) -> list[float]:
    return [round(min(times), 3), round(statistics.median(times), 3)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nkcase-bench-"))
    vault, _ = vaults.create_vault(
        tmp / "vault", "Bench Documentation Centre", PASSPHRASE, kdf=TEST_KDF
    )
    try:
        seeded = cases.import_case_file(vault, sorted((ROOT / "seeds").glob("*.json"))[0])
        one = seeded[0][1]
        review(vault, [one])
        with vault.session() as session:
            target = cases.find_case(session, one).consent.share_with[0]
        inputs: list[tuple[Any, Any]] = []
        with render_inputs(inputs):
            first = timed(lambda: export.export_packet(vault, [one], target, tmp / "one.zip"))
        one_case = alternate(
            args.runs, lambda: export.export_packet(vault, [one], target, tmp / "one.zip")
        )
        one_args, one_kwargs = inputs[-1]
        pdf_one = alternate(args.runs, lambda: render.render_submission(*one_args, **one_kwargs))

        corpus = list(generate(100, words=1500))
        for case in corpus:
            case["consent"]["share_with"] = ["ohchr_seoul"]
        path = tmp / "corpus.json"
        path.write_text(json.dumps({"format": "nkcase/case-file-v1", "cases": corpus}))
        refs = [p for _, p in cases.import_case_file(vault, path)]
        review(vault, refs)
        out = tmp / "pattern.zip"
        with render_inputs(inputs):
            pattern = alternate(
                args.runs,
                lambda: export.export_packet(vault, refs, "ohchr_seoul", out, pattern=True),
            )
        pat_args, pat_kwargs = inputs[-1]
        pdf_pattern = alternate(
            args.runs, lambda: render.render_submission(*pat_args, **pat_kwargs)
        )
        same = same_pdf(one_args, one_kwargs) and same_pdf(pat_args, pat_kwargs)
        verify = [timed(lambda: verify_packet(out)) for _ in range(args.runs)]
        result = {
            "runs": args.runs,
            "first_export_s": round(first, 3),
            "one_case_s": {k: figures(v) for k, v in one_case.items()},
            "pattern_100_s": {k: figures(v) for k, v in pattern.items()},
            "pdf_one_case_s": {k: figures(v) for k, v in pdf_one.items()},
            "pdf_pattern_100_s": {k: figures(v) for k, v in pdf_pattern.items()},
            "one_case_ratio_stock_over_shared": round(
                statistics.median(one_case["stock"]) / statistics.median(one_case["shared"]), 2
            ),
            "pattern_100_ratio_stock_over_shared": round(
                statistics.median(pattern["stock"]) / statistics.median(pattern["shared"]), 2
            ),
            "pdf_one_case_ratio_stock_over_shared": round(
                statistics.median(pdf_one["stock"]) / statistics.median(pdf_one["shared"]), 2
            ),
            "same_pdf": same,
            "verify_pattern_100_s": figures(verify),
            "pattern_100_zip_bytes": out.stat().st_size,
            "one_case_zip_bytes": (tmp / "one.zip").stat().st_size,
            "words_per_interview": 1500,
            "interviews": sum(len(c["interviews"]) for c in corpus),
        }
    finally:
        vault.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
