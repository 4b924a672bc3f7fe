"""Drawing helpers over fpdf2: embedded Korean-capable font, headings, tables, bar charts.

Metadata is kept bare on purpose: no author, no creator tool, no machine or user names; the
creation date is the packet's day (midnight UTC), like the manifest.

Speed (docs/packet.md, Speed): the two NanumGothic files are parsed once per process
(``_font_source``); every document gets a light copy of the parsed font whose text widths are
cached, and a fresh, unparsed copy of the font file to subset at ``output()`` (fontTools subsets
in place). The subset keeps the glyphs' own bounding boxes (no recomputation of them).
"""

from __future__ import annotations

import copy
import io
import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fontTools import ttLib
from fontTools.ttLib.tables._g_l_y_f import Glyph as _Glyph
from fpdf import FPDF
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from nkcase.config import resource_path

log = logging.getLogger(__name__)
# fontTools reports every table it leaves out of a subset (hinting tables we do not need).
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FONT = "NanumGothic"
INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (31, 78, 121)
BAR = (70, 130, 180)
HEAD_FILL = (226, 232, 240)
CONFIDENTIAL = (160, 20, 20)


@dataclass(frozen=True)
class _FontSource:
    """One font file, read and parsed once per process; never mutated after creation."""

    data: bytes
    parsed: TTFFont
    glyph_order: tuple[str, ...]
    cmap: Any  # the decoded cmap and hmtx tables, copied for each subset (decoding is slow)
    hmtx: Any
    glyf: Any
    glyph_data: dict[str, bytes]  # each glyph's bytes as in the file

    def fresh_font(self) -> ttLib.TTFont:
        """An unparsed copy of the file for fontTools to subset in place, with copies of the
        decoded cmap and hmtx tables (the subsetter replaces their dicts, never edits them).

        recalcBBoxes=False: the glyphs are copied as they are in the file, with their own
        bounding boxes, instead of being decoded and encoded again (the slow part).
        """
        font = ttLib.TTFont(
            io.BytesIO(self.data), lazy=True, recalcTimestamp=False, recalcBBoxes=False
        )
        font.setGlyphOrder(list(self.glyph_order))
        cmap = copy.copy(self.cmap)
        cmap.tables = []
        for sub in self.cmap.tables:
            sub = copy.copy(sub)
            sub.cmap = dict(sub.cmap)
            cmap.tables.append(sub)
        hmtx = copy.copy(self.hmtx)
        hmtx.metrics = dict(self.hmtx.metrics)
        glyf = copy.copy(self.glyf)
        glyf.glyphs = _GlyphsOnDemand(self.glyph_data)
        glyf.glyphOrder = list(self.glyph_order)
        glyf._reverseGlyphOrder = {}
        font.tables["cmap"] = cmap
        font.tables["hmtx"] = hmtx
        font.tables["glyf"] = glyf
        return font


class _GlyphsOnDemand(dict[str, Any]):
    """A glyf table's glyph dict whose Glyph objects are made from the file's bytes when first
    looked up: the subsetter looks up the few hundred glyphs it keeps, not the 20,000."""

    def __init__(self, data: dict[str, bytes]) -> None:
        super().__init__()
        self._data = data

    def __missing__(self, name: str) -> Any:
        glyph = _Glyph(self._data[name])
        self[name] = glyph
        return glyph

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def keys(self) -> Any:
        return self._data.keys()

    def values(self) -> Any:
        return [self[name] for name in self._data]

    def items(self) -> Any:
        return [(name, self[name]) for name in self._data]


_SOURCES: dict[str, _FontSource] = {}
_SOURCES_LOCK = threading.Lock()
_WIDTH_CACHE_MAX = 8192


def _font_source(style: str) -> _FontSource:
    """The parsed font for ``style`` ("" or "B"), parsed on first use in this process."""
    with _SOURCES_LOCK:
        source = _SOURCES.get(style)
        if source is None:
            name = "NanumGothicBold.ttf" if style == "B" else "NanumGothic.ttf"
            path = resource_path("fonts", name)
            data = path.read_bytes()
            holder = FPDF()
            holder.add_font(FONT, style, str(path))
            parsed = holder.fonts[f"{FONT.lower()}{style}"]
            assert isinstance(parsed, TTFFont)
            order = tuple(parsed.ttfont.getGlyphOrder())
            cmap = parsed.ttfont["cmap"]
            for sub in cmap.tables:
                sub.ensureDecompiled()
            glyf = parsed.ttfont["glyf"]
            raw = _glyph_bytes(parsed.ttfont, order)
            source = _FontSource(data, parsed, order, cmap, parsed.ttfont["hmtx"], glyf, raw)
            _SOURCES[style] = source
        return source


def _glyph_bytes(font: ttLib.TTFont, order: Sequence[str]) -> dict[str, bytes]:
    """Each glyph's bytes in the glyf table, cut at the loca offsets (as fontTools does)."""
    data = font.reader["glyf"]
    loca = font["loca"]
    return {name: data[int(loca[i]) : int(loca[i + 1])] for i, name in enumerate(order)}


class _SharedFont(TTFFont):
    """A document's font over a process-wide parsed ``_FontSource``.

    The read-only parts (cmap, widths, glyph ids, descriptor) are shared; the per-document
    parts (the subset map, missing glyphs) are new. Text widths are cached per string, and a
    string one character longer than a cached one (what the line breaker asks for, character
    by character) costs one lookup: the sum of integer widths is the same as fpdf2's, so line
    breaks are the same.
    """

    __slots__ = ("_source", "_units")
    _source: _FontSource
    _units: dict[str, float]  # text -> sum of its characters' widths (font units)

    @classmethod
    def for_document(cls, pdf: FPDF, style: str) -> _SharedFont:
        src = _font_source(style)
        base = src.parsed
        font = cls.__new__(cls)
        for slot in TTFFont.__slots__:
            if slot != "_hbfont" and hasattr(base, slot):
                setattr(font, slot, getattr(base, slot))
        font.i = len(pdf.fonts) + 1
        font._hbfont = None
        font.biggest_size_pt = 0
        font.missing_glyphs = []
        font.subset = SubsetMap(font)
        font._source = src
        font._units = {}
        return font

    def use_fresh_source(self) -> None:
        """Give the subsetter its own copy of the font (it prunes the font in place)."""
        self.ttfont = self._source.fresh_font()

    def get_text_width(
        self, text: str, font_size_pt: float, text_shaping_params: dict[str, Any] | None
    ) -> tuple[int, float]:
        if text_shaping_params or self.is_symbol:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        if font_size_pt > self.biggest_size_pt:
            self.biggest_size_pt = font_size_pt
        units = self._units.get(text)
        if units is None:
            cw = self.cw
            head = self._units.get(text[:-1]) if len(text) > 1 else None
            # Summed left to right like fpdf2 (the same float, hence the same line breaks).
            units = (
                head + cw[ord(text[-1])]
                if head is not None
                else sum(map(cw.__getitem__, map(ord, text)))
            )
            if len(self._units) >= _WIDTH_CACHE_MAX:
                self._units.clear()
            self._units[text] = units
        return len(text), units * font_size_pt * 0.001


class PacketPDF(FPDF):
    """A4 portrait document with the signer's fingerprint and page numbers in every footer."""

    def __init__(self, footer_text: str, created: str, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.confidential_pages: set[int] = set()
        self.confidential = False
        for style in ("", "B"):
            self.fonts[f"{FONT.lower()}{style}"] = _SharedFont.for_document(self, style)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_title(title)
        self.set_producer("nkcase")
        self.set_creation_date(datetime.strptime(created, "%Y-%m-%d").replace(tzinfo=UTC))
        self.set_text_color(*INK)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        for font in self.fonts.values():
            if isinstance(font, _SharedFont):
                font.use_fresh_source()
        return super().output(*args, **kwargs)

    def header(self) -> None:
        if self.confidential:
            self.confidential_pages.add(self.page_no())
            self.set_font(FONT, "B", 9)
            self.set_text_color(*CONFIDENTIAL)
            self.cell(0, 6, "CONFIDENTIAL - FOR OHCHR ONLY - DO NOT FORWARD", align="C")
            self.ln(9)
            self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="R")
        self.set_text_color(*INK)

    def keep_together(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit (blocks taller than a page flow)."""
        if height < self.eph - 10 and self.will_page_break(height):
            self.add_page()

    # -- text ---------------------------------------------------------------------------

    def h1(self, text: str) -> None:
        self.set_font(FONT, "B", 16)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(2)

    def h2(self, text: str) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.ln(2)
        self.set_font(FONT, "B", 12)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, 6.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(1)

    def para(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        muted: bool = False,
        indent: float = 0,
    ) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        if muted:
            self.set_text_color(*MUTED)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(1)

    def paragraphs(self, text: str, size: float = 10) -> None:
        for block in text.split("\n"):
            if block.strip():
                self.para(block.strip(), size=size)
            else:
                self.ln(1.5)

    # -- tables -------------------------------------------------------------------------

    def key_values(self, rows: Sequence[tuple[str, str]], key_width: float = 50) -> None:
        self.set_font(FONT, "", 9.5)
        self.set_fill_color(255, 255, 255)  # tables inherit the current fill colour
        with self.table(
            col_widths=(key_width, self.epw - key_width),
            first_row_as_headings=False,
            line_height=5.5,
            borders_layout="HORIZONTAL_LINES",
        ) as table:
            for key, value in rows:
                row = table.row()
                row.cell(key, style=FontFace(emphasis="BOLD"))
                row.cell(value)
        self.ln(2)

    def grid(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] | None = None,
        size: float = 8.5,
    ) -> None:
        self.set_font(FONT, "", size)
        self.set_fill_color(255, 255, 255)
        with self.table(
            col_widths=tuple(widths) if widths else None,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            line_height=size * 0.55,
            text_align="LEFT",
            borders_layout="SINGLE_TOP_LINE",
            repeat_headings=1,
        ) as table:
            head = table.row()
            for text in headings:
                head.cell(text)
            for values in rows:
                row = table.row()
                for text in values:
                    row.cell(text)
        self.ln(2)

    # -- charts -------------------------------------------------------------------------

    def bar_chart(
        self,
        rows: Sequence[tuple[str, float]],
        value_text: Sequence[str],
        max_value: float | None = None,
        caption: str = "",
    ) -> None:
        """Horizontal bars drawn with rectangles, one per row, values printed at the bar end."""
        bar_h, gap, label_w, value_w = 4.6, 1.6, 58.0, 18.0
        needed = len(rows) * (bar_h + gap) + 12
        if self.will_page_break(min(needed, 120)):
            self.add_page()
        top = max((v for _, v in rows), default=0.0)
        scale_max = max_value if max_value else top
        area = self.epw - label_w - value_w
        if caption:
            self.set_font(FONT, "", 8)
            self.set_text_color(*MUTED)
            self.cell(0, 5, caption)
            self.ln(6)
            self.set_text_color(*INK)
        x0 = self.l_margin + label_w
        self.set_draw_color(*MUTED)
        for (label, value), text in zip(rows, value_text, strict=True):
            if self.will_page_break(bar_h + gap):
                self.add_page()
            y = self.get_y()
            self.set_font(FONT, "", 8)
            self.set_xy(self.l_margin, y)
            self.cell(label_w - 2, bar_h, _fit(self, label, label_w - 2), align="R")
            width = area * (value / scale_max) if scale_max > 0 else 0
            self.set_fill_color(*BAR)
            if width > 0:
                self.rect(x0, y + 0.4, width, bar_h - 0.8, style="F")
            self.line(x0, y, x0, y + bar_h + gap)
            self.set_xy(x0 + width + 1.5, y)
            self.cell(value_w, bar_h, text)
            self.set_y(y + bar_h + gap)
        self.ln(3)

    def banner(self, text: str, color: tuple[int, int, int]) -> None:
        self.set_font(FONT, "B", 11)
        self.set_fill_color(*color)
        self.set_text_color(255, 255, 255)
        self.multi_cell(0, 8, text, fill=True, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.ln(3)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "...") > width:
        text = text[:-1]
    return text + "..."
