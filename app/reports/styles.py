"""Paragraph styles for the documents, per document language.

Every style names our fonts: nothing falls back to ReportLab's default Helvetica, which would be
neither embedded nor able to print Chinese or Cyrillic. Chinese styles wrap by character
(``wordWrap='CJK'``, which keeps closing punctuation off the start of a line and opening brackets
off its end) and indent the first line by two characters, as Chinese official documents do.
Sizes follow the references in documents.md, softened for documents full of tables: Chinese body
14 pt (GB/T 9704 sets 16 pt for letters), Russian body 12.5 pt (ГОСТ Р 7.0.97: 12-14 pt).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.reports import fonts


@dataclass(frozen=True)
class Styles:
    lang: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    body_indent: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    signature: ParagraphStyle


def styles(lang: str) -> Styles:
    """The styles of a document written in ``lang`` ("zh" or "ru")."""
    zh = lang == "zh"
    base_font = fonts.MING if zh else fonts.SERIF
    bold_font = fonts.HEI if zh else fonts.SERIF_BOLD
    fonts.ensure(base_font, bold_font)
    wrap = "CJK" if zh else None
    size = 14 if zh else 12.5
    lead = 23 if zh else 17

    def st(name: str, **kw) -> ParagraphStyle:
        params = dict(
            fontName=base_font,
            fontSize=size,
            leading=lead,
            wordWrap=wrap,
            alignment=TA_JUSTIFY,
            spaceAfter=0,
            allowOrphans=0,
            allowWidows=0,
            splitLongWords=1,
            # Russian is justified, so it is hyphenated (pyphen's dictionary) to avoid wide gaps.
            hyphenationLang=None if zh else "ru_RU",
            embeddedHyphenation=0 if zh else 1,
        )
        params.update(kw)
        return ParagraphStyle(f"{lang}-{name}", **params)

    cell_size = 10.5 if zh else 10
    # Russian cells carry their own hyphenation points (linebreak.hyphenate): a word too long for
    # its column overflows rather than being cut between two letters.
    cell_kw = {} if zh else dict(hyphenationLang=None, splitLongWords=0)
    cell_lead = 15 if zh else 13
    return Styles(
        lang=lang,
        title=st("title", fontName=bold_font, fontSize=20 if zh else 17, leading=30 if zh else 23,
                 alignment=TA_CENTER, spaceAfter=6),
        subtitle=st("subtitle", fontSize=size, leading=lead, alignment=TA_CENTER, spaceAfter=12),
        heading=st("heading", fontName=bold_font, fontSize=15 if zh else 13.5, leading=24 if zh else 19,
                   alignment=TA_LEFT, spaceBefore=12, spaceAfter=6, keepWithNext=1),
        subheading=st("subheading", fontName=bold_font, fontSize=size, leading=lead, alignment=TA_LEFT,
                      spaceBefore=6, spaceAfter=3, keepWithNext=1),
        body=st("body", spaceAfter=4),
        body_indent=st("body_indent", firstLineIndent=2 * size if zh else 1.25 * 28.35, spaceAfter=4),
        small=st("small", fontSize=9.5 if zh else 9, leading=13 if zh else 11.5, alignment=TA_LEFT),
        cell=st("cell", **cell_kw, fontSize=cell_size, leading=cell_lead, alignment=TA_LEFT),
        cell_bold=st("cell_bold", **cell_kw, fontName=bold_font, fontSize=cell_size, leading=cell_lead, alignment=TA_LEFT),
        cell_right=st("cell_right", **cell_kw, fontSize=cell_size, leading=cell_lead, alignment=TA_RIGHT),
        cell_center=st("cell_center", **cell_kw, fontSize=cell_size, leading=cell_lead, alignment=TA_CENTER),
        right=st("right", alignment=TA_RIGHT),
        center=st("center", alignment=TA_CENTER),
        signature=st("signature", alignment=TA_LEFT, spaceAfter=0),
    )  # fmt: skip


def role_of(style: ParagraphStyle) -> str:
    """The font role (fonts.ROLES) that matches a style's base font."""
    return {
        fonts.HEI: "serif_bold",
        fonts.SERIF_BOLD: "serif_bold",
        fonts.SANS: "sans",
        fonts.SANS_BOLD: "sans_bold",
    }.get(style.fontName, "serif")
