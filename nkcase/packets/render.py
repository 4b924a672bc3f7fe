"""submission.pdf from plain data: the submission dict, the narrative texts, the patterns.

Never takes ORM objects: what is drawn is exactly what submission.json and narratives/ hold.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from nkcase.packets import pdfdoc
from nkcase.packets.pdfdoc import PacketPDF

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ko": "Korean (한국어)", "ru": "Russian", "zh": "Chinese"}
SEX = {"M": "male", "F": "female", "X": "other", "unknown": "not recorded"}


@dataclass(frozen=True)
class RenderedPDF:
    data: bytes
    pages: int
    confidential_pages: frozenset[int]


def _dash(value: Any) -> str:
    return "-" if value is None or value == "" else str(value)


def _enum(value: Any) -> str:
    return _dash(value).replace("_", " ")


def _wage(w: dict[str, Any] | None) -> str:
    if not w:
        return "-"
    amount = w["amount"]
    amount_text = f"{amount:,.2f}".rstrip("0").rstrip(".") if isinstance(amount, float) else amount
    per = f" / {w['per']}" if w.get("per") else ""
    return f"{w.get('currency') or ''} {amount_text}{per}".strip()


def _pct(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def _num(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def _language(code: str | None) -> str:
    return LANGUAGES.get(code or "", code or "language not recorded")


def _period(dep: dict[str, Any]) -> str:
    return f"{dep.get('start') or '?'} to {dep.get('end') or '?'}"


def _cover(pdf: PacketPDF, sub: dict[str, Any]) -> None:
    pdf.add_page()
    pdf.ln(18)
    kind = "Pattern submission" if sub["kind"] == "pattern" else "Testimony submission"
    pdf.set_font(pdfdoc.FONT, "B", 24)
    pdf.set_text_color(*pdfdoc.ACCENT)
    pdf.multi_cell(0, 12, kind, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdfdoc.FONT, "", 13)
    pdf.multi_cell(
        0,
        7,
        "Testimony of North Korean workers sent abroad - forced labour indicators",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(*pdfdoc.INK)
    pdf.ln(8)
    target = sub["target"]
    pdf.key_values(
        [
            ("For", f"{target['name']}\n{target['name_ko']}"),
            ("Submitted by", sub["organisation"]),
            ("Date", sub["created"]),
            ("Packet id", sub["packet_id"]),
            ("Cases", f"{len(sub['cases'])}: " + ", ".join(c["pseudonym"] for c in sub["cases"])),
            ("Signer fingerprint", sub["signer_fingerprint"]),
        ],
        key_width=42,
    )
    pdf.ln(4)
    pdf.para(
        "Witnesses appear under pseudonyms. Names, relatives, hometowns below province, exact "
        "dates of birth and other identifying details have been removed; dates of events are "
        "given to the month and ages as five-year bands at the time of the events.",
        size=9.5,
        muted=True,
    )
    pdf.para(
        "This PDF is part of a signed packet. README.txt in the packet explains how to check, "
        "with standard tools (sha256sum, ssh-keygen), that no file was altered and that it was "
        "signed by the key whose fingerprint is printed above and in every page footer.",
        size=9.5,
        muted=True,
    )


def _case_section(pdf: PacketPDF, case: dict[str, Any], narratives: dict[str, str]) -> None:
    pdf.add_page()
    pdf.h1(f"Case {case['pseudonym']}")
    w = case["witness"]
    prov = w.get("home_province")
    interviews = ", ".join(
        f"{_dash(i.get('month'))} ({_language(i.get('language'))})" for i in case["interviews"]
    )
    perps = "; ".join(
        p["role"] + (f" ({p['pseudonym']})" if p.get("pseudonym") else "")
        for p in case["perpetrators"]
    )
    pdf.h2("Witness")
    pdf.key_values(
        [
            ("Sex", SEX.get(w.get("sex") or "unknown", _dash(w.get("sex")))),
            ("Age at the time of events", _dash(w.get("age_band_at_events"))),
            ("Home province", f"{prov['en']} ({prov['ko']})" if prov else "-"),
            ("Source", "victim (own experience)" if case["source"] == "victim" else "witness"),
            ("Interviewed", interviews or "-"),
            ("Perpetrators by role", perps or "-"),
        ]
    )
    if case["deployments"]:
        pdf.h2("Deployments")
        rows = [
            [
                f"{_dash(d.get('country_name'))}\n{_dash(d.get('region'))}",
                _dash(d.get("sector_name")),
                _period(d),
                f"{_wage(d.get('wage_promised'))}\n{_wage(d.get('wage_received'))}",
                _pct(d.get("share_withheld")),
                _num(d.get("hours_per_day")),
                _num(d.get("rest_days_per_month")),
                f"{_enum(d.get('passport_held_by'))}\n{_enum(d.get('left_by'))}",
            ]
            for d in case["deployments"]
        ]
        pdf.grid(
            [
                "Country / region",
                "Sector",
                "Period",
                "Wage promised / received",
                "Withheld",
                "Hours / day",
                "Rest days / month",
                "Passport held by / left by",
            ],
            rows,
            widths=(30, 22, 24, 30, 16, 14, 15, 23),
        )
    if case["indicators"]:
        pdf.h2("ILO forced-labour indicators")
        for ind in case["indicators"]:
            pdf.para(_dash(ind.get("label")), size=10, bold=True)
            if ind.get("evidence"):
                pdf.para(f"\u201c{ind['evidence']}\u201d", size=9.5, indent=6)
    for name in case["narratives"]:
        lang = name.rsplit(".", 2)[-2]
        pdf.h2(f"Narrative, redacted - {_language(lang)}")
        pdf.paragraphs(narratives.get(name, ""), size=9.5)


def _confidential(pdf: PacketPDF, cases: list[dict[str, Any]]) -> None:
    pdf.confidential = True
    pdf.add_page()
    pdf.banner(
        "CONFIDENTIAL SECTION - identity disclosed to OHCHR in confidence (consent G3)",
        pdfdoc.CONFIDENTIAL,
    )
    pdf.para(
        "Not to be forwarded to any government, including the DPRK and host states.",
        size=10,
        bold=True,
    )
    for case in cases:
        ident = case["confidential_identity"]
        pdf.h2(f"Case {case['pseudonym']}")
        pdf.key_values(
            [
                ("Name", _dash(ident.get("name"))),
                ("Name (Korean)", _dash(ident.get("name_ko"))),
                ("Other spellings", ", ".join(ident.get("aliases") or []) or "-"),
                ("Date of birth", _dash(ident.get("birth_date"))),
                ("Hometown", _dash(ident.get("hometown"))),
                ("Hometown (Korean)", _dash(ident.get("hometown_ko"))),
            ]
        )
    pdf.confidential = False


def _distribution_block(
    pdf: PacketPDF, title: str, rows: list[dict[str, Any]], unit: str, note: str
) -> None:
    pdf.keep_together(_block_height(len(rows)))
    pdf.h2(title)
    total = sum(r["count"] for r in rows) or 1
    pdf.grid(
        [unit, "Deployments", "Share"],
        [[r["label"], str(r["count"]), f"{100 * r['count'] / total:.0f}%"] for r in rows],
        widths=(60, 40, 40),
    )
    pdf.bar_chart(
        [(r["label"], float(r["count"])) for r in rows],
        [str(r["count"]) for r in rows],
        caption=note,
    )


def _block_height(rows: int) -> float:
    return 30 + rows * 5.0 + rows * 6.2


def _ranked_block(pdf: PacketPDF, title: str, rows: list[dict[str, Any]], total: int) -> None:
    pdf.keep_together(_block_height(len(rows)))
    pdf.h2(title)
    pdf.grid(
        ["", "Cases", "Share of cases"],
        [[r["label"], str(r["cases"]), f"{100 * r['cases'] / max(total, 1):.0f}%"] for r in rows],
        widths=(90, 30, 40),
    )
    pdf.bar_chart(
        [(r["label"], float(r["cases"])) for r in rows],
        [str(r["cases"]) for r in rows],
        max_value=float(total),
        caption=f"Cases (of {total})",
    )


def _patterns(
    pdf: PacketPDF, pat: dict[str, Any], excerpts: list[dict[str, Any]], cases: list[dict[str, Any]]
) -> None:
    pdf.add_page()
    pdf.h1("Patterns across cases")
    period = pat.get("period") or {}
    pdf.key_values(
        [
            ("Cases", str(pat["cases"])),
            ("Deployments", str(pat["deployments"])),
            ("Period covered", f"{period.get('from', '?')} to {period.get('to', '?')}"),
            (
                "Median share of wages withheld",
                _pct(pat["share_of_wages_withheld"]["median"])
                + f" (over {pat['share_of_wages_withheld']['deployments']} deployments)",
            ),
            ("Median hours per day", _num(pat["hours_per_day"]["median"])),
            ("Median rest days per month", _num(pat["rest_days_per_month"]["median"])),
        ],
        key_width=62,
    )
    total = pat["cases"]
    _ranked_block(pdf, "Cases by country of deployment", pat["by_country"], total)
    _ranked_block(pdf, "Cases by sector", pat["by_sector"], total)
    _ranked_block(pdf, "Cases by ILO forced-labour indicator", pat["by_indicator"], total)
    _distribution_block(
        pdf,
        "Hours worked per day",
        pat["hours_per_day"]["distribution"],
        "Hours per day",
        "Deployments by hours worked per day",
    )
    _distribution_block(
        pdf,
        "Rest days per month",
        pat["rest_days_per_month"]["distribution"],
        "Rest days per month",
        "Deployments by rest days per month",
    )
    wages = pat["share_of_wages_withheld"]
    _distribution_block(
        pdf,
        "Share of wages withheld",
        wages["distribution"],
        "Share withheld",
        "Deployments by share of promised wages not received",
    )
    rows = wages["median_by_country"]
    pdf.keep_together(_block_height(len(rows)))
    pdf.h2("Median share of wages withheld, by country")
    pdf.grid(
        ["Country", "Deployments", "Median withheld"],
        [[r["label"], str(r["deployments"]), _pct(r["median"])] for r in rows],
        widths=(70, 40, 40),
    )
    pdf.bar_chart(
        [(r["label"], r["median"] * 100) for r in rows],
        [_pct(r["median"]) for r in rows],
        max_value=100.0,
        caption=f"Median share withheld (all: {_pct(wages['median'])})",
    )
    if excerpts:
        pdf.add_page()
        pdf.h1("Selected excerpts (redacted)")
        for ex in excerpts:
            pdf.para(f"{_dash(ex.get('label'))} - {ex['case']}", size=9.5, bold=True)
            pdf.para(f"\u201c{ex['evidence']}\u201d", size=9.5, indent=6)
    pdf.ln(4)
    pdf.h1("Annex: cases in this submission")
    pdf.grid(
        ["Case", "Countries", "Sectors", "Period", "Indicators"],
        [
            [
                c["pseudonym"],
                ", ".join(sorted({_dash(d.get("country")) for d in c["deployments"]})) or "-",
                ", ".join(sorted({_dash(d.get("sector")) for d in c["deployments"]})) or "-",
                "; ".join(_period(d) for d in c["deployments"]) or "-",
                str(len(c["indicators"])),
            ]
            for c in cases
        ],
        widths=(22, 28, 38, 66, 20),
    )


def render_submission(
    submission: dict[str, Any],
    narratives: dict[str, str],
    patterns: dict[str, Any] | None = None,
    excerpts: list[dict[str, Any]] | None = None,
) -> RenderedPDF:
    """The whole PDF. ``narratives`` maps narratives/ file names to their redacted text."""
    footer = (
        f"Packet {submission['packet_id']} - signed by {submission['signer_fingerprint']} - "
        f"{submission['organisation']}"
    )
    pdf = PacketPDF(footer, submission["created"], f"Testimony packet {submission['packet_id']}")
    _cover(pdf, submission)
    if submission["kind"] == "pattern" and patterns is not None:
        _patterns(pdf, patterns, excerpts or [], submission["cases"])
    else:
        for case in submission["cases"]:
            _case_section(pdf, case, narratives)
    confidential = [c for c in submission["cases"] if c.get("confidential_identity")]
    if confidential:
        _confidential(pdf, confidential)
    data = bytes(pdf.output())
    return RenderedPDF(data, pdf.pages_count, frozenset(pdf.confidential_pages))
