"""The PDF's fonts are parsed once per process, and each document is still exactly the one
fpdf2 draws with its own font handling: same page content, same text, same glyphs, same pixels.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium
import pytest
from fontTools import ttLib
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from nkcase.config import resource_path
from nkcase.packets import gates, patterns, pdfdoc, render, submission
from tests.packets import samples


def _submission(cases: list[dict[str, Any]], pattern: bool) -> tuple[Any, ...]:
    entries, narratives = [], {}
    for case in cases:
        texts = samples.naive_redactions(case)
        decision = gates.check_gates(case, "ohchr_seoul")
        entries.append(submission.case_entry(case, texts, decision, pattern=pattern))
        narratives.update(submission.narrative_files(case, texts))
    sub = {
        "kind": "pattern" if pattern else "individual",
        "packet_id": "P-FONTS",
        "created": "2026-10-05",
        "organisation": "Test NGO",
        "signer_fingerprint": "SHA256:x",
        "target": {"code": "ohchr_seoul", "name": "OHCHR Seoul", "name_ko": "서울"},
        "cases": entries,
    }
    stats = patterns.compute(entries) if pattern else None
    excerpts = patterns.select_excerpts(entries) if pattern else None
    return sub, narratives, stats, excerpts


def _individual() -> tuple[Any, ...]:
    return _submission([samples.case()], pattern=False)


def _pattern() -> tuple[Any, ...]:
    cases = []
    for n in range(4):
        case = samples.case(id=n + 1, pseudonym=f"W-{n}AAA")
        cases.append(case)
    return _submission(cases, pattern=True)


@contextmanager
def stock_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """fpdf2's own font handling: each document parses the font files (FPDF.add_font)."""

    def stock(pdf: Any, style: str) -> TTFFont:
        name = "NanumGothicBold.ttf" if style == "B" else "NanumGothic.ttf"
        return TTFFont(pdf, resource_path("fonts", name), f"{pdfdoc.FONT.lower()}{style}", style)

    with monkeypatch.context() as patch:
        patch.setattr(pdfdoc._SharedFont, "for_document", staticmethod(stock))
        yield


def _fonts(data: bytes) -> dict[str, tuple[Any, ...]]:
    """Per embedded font: widths, ToUnicode map, CIDToGIDMap and the font program's glyphs."""
    out: dict[str, tuple[Any, ...]] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cid = font["/DescendantFonts"][0].get_object()
            program = cid["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            tt = ttLib.TTFont(io.BytesIO(program))
            glyf = tt["glyf"]
            glyphs = [
                (g, glyf[g].getCoordinates(glyf), getattr(glyf[g], "program", None))
                for g in tt.getGlyphOrder()
            ]
            out[str(font["/BaseFont"])] = (
                list(cid["/W"]),
                font["/ToUnicode"].get_object().get_data(),
                cid["/CIDToGIDMap"].get_object().get_data(),
                glyphs,
                tt["hmtx"].metrics,
                tt["cmap"].getBestCmap(),
            )
    return out


def _pixels(data: bytes) -> list[bytes]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=1).to_pil().tobytes() for i in range(len(doc))]
    finally:
        doc.close()


def _assert_same_pdf(ours: bytes, stock: bytes) -> None:
    a, b = PdfReader(io.BytesIO(ours)), PdfReader(io.BytesIO(stock))
    assert len(a.pages) == len(b.pages)
    for pa, pb in zip(a.pages, b.pages, strict=True):
        assert pa.get_contents().get_data() == pb.get_contents().get_data()
        assert pa.extract_text() == pb.extract_text()
    assert _fonts(ours) == _fonts(stock)
    assert _pixels(ours) == _pixels(stock)


@pytest.mark.parametrize("make", [_individual, _pattern], ids=["individual", "pattern"])
def test_the_pdf_is_the_one_fpdf2_draws_alone(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    args = make()
    other = _pattern() if make is _individual else _individual()
    render.render_submission(*other)  # another document first: nothing of it may carry over
    ours = render.render_submission(*args)
    with stock_fonts(monkeypatch):
        stock = render.render_submission(*args)
    assert ours.pages == stock.pages and ours.confidential_pages == stock.confidential_pages
    _assert_same_pdf(ours.data, stock.data)
    again = render.render_submission(*args)
    assert again.data == ours.data


def test_fonts_are_parsed_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    render.render_submission(*_individual())  # the process's first PDF may parse them
    parsed: list[str] = []
    real = TTFFont.__init__

    def counting(self: TTFFont, *args: Any, **kwargs: Any) -> None:
        parsed.append(str(args[1]))
        real(self, *args, **kwargs)

    monkeypatch.setattr(TTFFont, "__init__", counting)
    render.render_submission(*_individual())
    render.render_submission(*_pattern())
    assert parsed == []


@pytest.mark.parametrize("style", ["", "B"])
def test_cached_widths_are_fpdf2_widths(style: str) -> None:
    pdf = pdfdoc.PacketPDF("footer", "2026-10-05", "title")
    ours = pdf.fonts[f"{pdfdoc.FONT.lower()}{style}"]
    assert isinstance(ours, pdfdoc._SharedFont)
    name = "NanumGothicBold.ttf" if style == "B" else "NanumGothic.ttf"
    stock = TTFFont(pdf, resource_path("fonts", name), "stock", style)
    text = samples.NARRATIVE_EN + " " + samples.NARRATIVE_KO + " 😀\u0000\ufffe Ωж漢"
    probes = [""] + [text[:n] for n in range(len(text) + 1)] + [text[n:] for n in range(40)]
    for size in (7, 9.5, 24):
        for probe in probes + probes[::-1]:
            assert ours.get_text_width(probe, size, None) == stock.get_text_width(probe, size, None)
