"""Drawing helpers over fpdf2: embedded Korean-capable font, headings, tables, bar charts.

Metadata is kept bare on purpose: no author, no creator tool, no machine or user names; the
creation date is the packet's day (midnight UTC), like the manifest.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

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


class PacketPDF(FPDF):
    """A4 portrait document with the signer's fingerprint and page numbers in every footer."""

    def __init__(self, footer_text: str, created: str, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.confidential_pages: set[int] = set()
        self.confidential = False
        self.add_font(FONT, "", str(resource_path("fonts", "NanumGothic.ttf")))
        self.add_font(FONT, "B", str(resource_path("fonts", "NanumGothicBold.ttf")))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_title(title)
        self.set_producer("nkcase")
        self.set_creation_date(datetime.strptime(created, "%Y-%m-%d").replace(tzinfo=UTC))
        self.set_text_color(*INK)

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
