"""Building a PDF: A4 pages with their furniture, deterministic bytes.

A document module builds a list of flowables (with :func:`para` and :func:`table`, which go
through the font fallback) and hands it to :func:`render` with its :class:`Furniture`: page
numbers "page N of M" in the document's language, the short fingerprint, the initials boxes of the
two heads of delegation, the confidentiality marking and copy number, and a diagonal watermark for
drafts. Output is deterministic (ReportLab's invariant mode: no timestamps, no random IDs), so the
same data gives the same bytes on every laptop.
"""

from __future__ import annotations

import contextlib
import contextvars
import gc
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app import __version__
from app.i18n import doc_gettext
from app.reports import fonts
from app.reports.linebreak import CJKParagraph, TextParagraph, bind, hyphenate
from app.reports.long_table import CHUNK_ROWS, ChunkedTable
from app.reports.styles import Styles, role_of

PAGE = A4
MARGIN_LEFT = 25 * mm  # binding edge: ГОСТ Р 7.0.97 asks at least 20 mm, GB/T 9704 28 mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 26 * mm  # room for the footer: page number, fingerprint, initials boxes
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT


@dataclass
class Furniture:
    """What is printed on every page besides the text."""

    lang: str  # the document's language: "zh" or "ru"
    page_numbers: bool = True
    #: the short fingerprint of the content ("A1B2 C3D4 E5F6"), printed in the footer
    fingerprint: str | None = None
    #: labels under the two initials boxes (one per head of delegation), in printing order
    initials: tuple[str, str] | None = None
    #: confidentiality marking ("秘密", "Секретно") at the top right of every page
    marking: str | None = None
    #: copy number ("1"), printed under the marking
    copy_number: str | None = None
    #: diagonal watermark ("草案", "ПРОЕКТ") for drafts and proofs
    watermark: str | None = None
    #: small text at the top left (e.g. the commission's name) from page 2 on
    running_head: str | None = None
    #: a note at the bottom of every page (e.g. "reading copy, not for signature")
    footer_note: str | None = None


#: Whether the documents rendered now are for a PDF/A copy (:func:`for_archive`).
_ARCHIVE = contextvars.ContextVar("archive", default=False)


@contextlib.contextmanager
def for_archive() -> Iterator[None]:
    """Documents rendered inside are meant for PDF/A (app.reports.pdfa): nothing transparent, the
    watermark of a draft is drawn in outline."""
    token = _ARCHIVE.set(True)
    try:
        yield
    finally:
        _ARCHIVE.reset(token)


@dataclass
class Meta:
    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class FurnitureChange(Flowable):
    """From the page it stands on, the furniture changes: ``FurnitureChange(lang="ru",
    watermark="ПРОЕКТ")`` at the top of the Russian text of a bilingual document prints that page
    and the following ones with Russian page numbers and watermark. It takes no room."""

    def __init__(self, page_only: dict | None = None, **changes) -> None:
        super().__init__()
        self.changes = changes
        #: changes for the page it stands on only (e.g. no running head above a title)
        self.page_only = page_only or {}

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv._furniture_changes = {**getattr(canv, "_furniture_changes", {}), **self.changes}
        canv._furniture_page_only = {**getattr(canv, "_furniture_page_only", {}), **self.page_only}


def para(text: str, style, lang: str | None = None, role: str | None = None, name: bool = False) -> Paragraph:
    """A paragraph of plain text (not markup), with per-character font fallback.

    Initials stay with the surname and numbers with their units (:func:`linebreak.bind`); Russian
    table cells break words only at their hyphenation points, with a hyphen, unless the text is a
    person's ``name`` (never hyphenated)."""
    lang = lang or ("zh" if style.wordWrap == "CJK" else "ru")
    text = bind(text)
    if lang == "ru" and not name and is_cell(style):
        text = hyphenate(text)
    return rich(fonts.markup(text, role or role_of(style), lang), style)


def is_cell(style) -> bool:
    """Whether a style is one of a table cell's (narrow: Russian words are hyphenated there)."""
    return "cell" in style.name


def rich(markup: str, style) -> Paragraph:
    """A paragraph from markup made of :func:`fonts.markup` pieces; Chinese styles wrap by the
    Chinese rules (:mod:`app.reports.linebreak`)."""
    if style.wordWrap == "CJK":
        return CJKParagraph(markup, style)
    return TextParagraph(markup, style)


def table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    st: Styles,
    header_rows: int = 1,
    zebra: bool = False,
    extra_style: Sequence[tuple] = (),
    repeat_header: bool = True,
) -> Table | ChunkedTable:
    """A ruled table; string cells become paragraphs (header rows bold), flowables pass through.
    A cell may also be a function that makes it (called when the layout reaches its row). A table
    longer than :data:`long_table.CHUNK_ROWS` rows is a :class:`ChunkedTable` (it has ``setStyle``
    too), whose rows are made only as the layout reaches them."""

    def cells(r: int) -> list:
        out = []
        for cell in rows[r]:
            if callable(cell) and not isinstance(cell, Flowable):
                cell = cell()
            if isinstance(cell, str):
                out.append(para(cell, st.cell_bold if r < header_rows else st.cell, st.lang))
            elif cell is None:
                out.append("")
            else:
                out.append(cell)
        return out

    repeat = header_rows if repeat_header else 0
    lazy = len(rows) - repeat > CHUNK_ROWS
    # the rows of a long table are made later: a placeholder holds their place
    data = [cells(r) if r < repeat or not lazy else [""] * len(rows[r]) for r in range(len(rows))]
    commands = [
        ("FONT", (0, 0), (-1, -1), fonts.MING if st.lang == "zh" else fonts.SERIF, st.cell.fontSize),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8")))
    if zebra:
        for r in range(header_rows, len(data)):
            if (r - header_rows) % 2:
                commands.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f5f5f5")))
    commands.extend(extra_style)
    t = Table(data, colWidths=list(col_widths), repeatRows=repeat)
    t.setStyle(TableStyle(commands))
    if not lazy:
        return t
    # a long table is laid out a page at a time, in a time linear in its rows (same pages)
    return ChunkedTable(t, make_row=cells)


#: A heading or a group row keeps at least this many rows of its group with it on its page.
KEEP_ROWS = 2


def keep_group(row: int, size: int) -> tuple:
    """The table command that keeps the group row ``row`` with the first rows of its ``size`` rows."""
    return ("NOSPLIT", (0, row), (-1, row + min(size, KEEP_ROWS)))


class HeadedTable(Flowable):
    """A heading and the table under it: the heading never ends a page. It stays with the table's
    header and first rows (the table's own NOSPLIT commands say how many), and the table splits
    over the following pages as usual. ``keepWithNext`` would push a long table whole to the next
    page, leaving a gap; a conditional page break guesses the height."""

    def __init__(
        self, heading: Flowable, body: Table, gap: float = 0, continued: Flowable | None = None
    ) -> None:
        super().__init__()
        self.heading, self.body, self.gap = heading, body, gap
        #: the heading repeated over the rest of the table on the next page ("(продолжение)")
        self.continued = continued

    def _heading_height(self, avail_width: float) -> float:
        _w, h = self.heading.wrap(avail_width, 10_000)
        return h + self.heading.getSpaceBefore() + self.heading.getSpaceAfter() + self.gap

    def wrap(self, avail_width, avail_height):
        hh = self._heading_height(avail_width)
        _w, h = self.body.wrap(avail_width, max(avail_height - hh, 0))
        self.width, self.height = avail_width, hh + h
        return self.width, self.height

    def draw(self) -> None:
        _w, h = self.heading.wrap(self.width, 10_000)
        self.heading.drawOn(self.canv, 0, self.height - self.heading.getSpaceBefore() - h)
        self.body.drawOn(self.canv, 0, 0)

    def split(self, avail_width, avail_height):
        hh = self._heading_height(avail_width)
        if avail_height <= hh:
            return []
        parts = self.body.split(avail_width, avail_height - hh)
        if not parts:
            _w, h = self.body.wrap(avail_width, avail_height - hh)
            if h > avail_height - hh:
                return []
            parts = [self.body]
        if self.continued is not None and len(parts) > 1:
            rest = HeadedTable(self.continued, parts[1], self.gap, self.continued)
            parts = [parts[0], rest, *parts[2:]]
        return [self.heading, *([Spacer(1, self.gap)] if self.gap else []), *parts]


class WithTail(Flowable):
    """A table and what closes it (a total, a note): the closing lines never open a page by
    themselves; the table's last ``keep`` rows go over with them."""

    def __init__(self, body: Table, tail: Sequence[Flowable], keep: int = KEEP_ROWS) -> None:
        super().__init__()
        self.body, self.tail, self.keep = body, list(tail), keep
        rows = body.row_count if isinstance(body, ChunkedTable) else len(body._cellvalues)
        if rows > keep:
            body.setStyle([("NOSPLIT", (0, rows - keep), (-1, rows - 1))])

    def _tail_height(self, avail_width: float) -> float:
        total = 0.0
        for f in self.tail:
            _w, h = f.wrap(avail_width, 10_000)
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, avail_width, avail_height):
        th = self._tail_height(avail_width)
        _w, self._body_height = self.body.wrap(avail_width, max(avail_height - th, 0))
        self.width, self.height = avail_width, self._body_height + th
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - self._body_height
        self.body.drawOn(self.canv, 0, y)
        for f in self.tail:
            _w, h = f.wrap(self.width, 10_000)
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()

    def split(self, avail_width, avail_height):
        th = self._tail_height(avail_width)
        _w, bh = self.body.wrap(avail_width, avail_height)
        if bh + th <= avail_height:
            return [self]
        # the table fits and its closing lines do not: its last rows go over with them
        parts = self.body.split(avail_width, avail_height - th if bh <= avail_height else avail_height)
        if len(parts) < 2:
            return []
        return [*parts[:-1], WithTail(parts[-1], self.tail, 0)]


def _furniture_canvas(furnished: Furniture):
    """A canvas class that knows the page count when it draws each page's furniture."""

    class FurnishedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            state = dict(self.__dict__)
            if state["_code"]:  # one string, not thousands of small ones: the same stream, less memory
                state["_code"] = ["\n".join(state["_code"])]
            self._saved_pages.append(state)
            self._furniture_page_only = {}
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            pages, self._saved_pages = self._saved_pages, []
            for i in range(total):
                state, pages[i] = pages[i], None  # each page's content kept once, not twice
                self.__dict__.update(state)
                # as of that page
                self._furniture_changes = {
                    **state.get("_furniture_changes", {}),
                    **state.get("_furniture_page_only", {}),
                }
                self._draw_furniture(self._pageNumber, total)
                super().showPage()
            super().save()

        def _draw_furniture(self, page: int, total: int) -> None:
            furniture = replace(furnished, **getattr(self, "_furniture_changes", {}))
            lang = furniture.lang
            _d = doc_gettext(lang)
            width, height = PAGE
            self.saveState()
            if furniture.watermark:
                self.saveState()
                archive = _ARCHIVE.get()
                if archive:  # PDF/A: no transparency, the letters in outline over the text
                    self.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
                    self.setLineWidth(0.8)
                else:
                    self.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
                self.translate(width / 2, height / 2)
                self.rotate(45)
                role = "sans_bold"
                size = 110 if lang == "zh" else 96
                w = fonts.width(furniture.watermark, size, role, lang)
                if w > height * 0.95:
                    size *= height * 0.95 / w
                fonts.draw(self, 0, -size / 3, furniture.watermark, size, role, lang, align="center",
                           mode=1 if archive else None)  # fmt: skip
                self.restoreState()
            self.setFillColor(colors.black)
            top = height - 12 * mm
            if furniture.marking:
                fonts.draw(self, width - MARGIN_RIGHT, top, furniture.marking, 11, "sans_bold", lang, "right")
            if furniture.copy_number:
                text = _d("Copy No. {number}").format(number=furniture.copy_number)
                fonts.draw(self, width - MARGIN_RIGHT, top - 13, text, 9, "sans", lang, "right")
            if furniture.running_head and page > 1:
                fonts.draw(self, MARGIN_LEFT, top, furniture.running_head, 8, "sans", lang)
            # footer
            base = 11 * mm
            self.setStrokeColor(colors.HexColor("#888888"))
            self.setLineWidth(0.4)
            self.line(MARGIN_LEFT, base + 9 * mm, width - MARGIN_RIGHT, base + 9 * mm)
            if furniture.page_numbers:
                text = _d("Page {page} of {pages}").format(page=page, pages=total)
                fonts.draw(self, width / 2, base + 3.5 * mm, text, 9, "sans", lang, "center")
            if furniture.fingerprint:
                label = _d("Fingerprint: {fingerprint}").format(fingerprint=furniture.fingerprint)
                fonts.draw(self, MARGIN_LEFT, base + 3.5 * mm, label, 7.5, "sans", lang)
            if furniture.footer_note:
                fonts.draw(
                    self, width / 2, base - 1.5 * mm, furniture.footer_note, 7.5, "sans", lang, "center"
                )
            if furniture.initials:
                box_w, box_h = 14 * mm, 7 * mm
                x = width - MARGIN_RIGHT - 2 * box_w - 3 * mm
                for label in furniture.initials:
                    self.setStrokeColor(colors.black)
                    self.setLineWidth(0.6)
                    self.rect(x, base + 1 * mm, box_w, box_h, stroke=1, fill=0)
                    fonts.draw(self, x + box_w / 2, base - 2.5 * mm, label, 6, "sans", lang, "center")
                    x += box_w + 3 * mm
            self.restoreState()

    return FurnishedCanvas


def render(story: list, furniture: Furniture, meta: Meta | None = None) -> bytes:
    """Lay out ``story`` on A4 pages with ``furniture``; the PDF's bytes, the same for the same input."""
    fonts.ensure(fonts.MING if furniture.lang == "zh" else fonts.SERIF)
    meta = meta or Meta()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator=f"Commission Desk {__version__}",
        producer="Commission Desk",
        invariant=1,
        initialFontName=fonts.MING if furniture.lang == "zh" else fonts.SERIF,
        lang="zh-CN" if furniture.lang == "zh" else "ru-RU",
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    # the story's objects (a long table's paragraphs: hundreds of thousands) live to the end of
    # the layout; the garbage collector would go over all of them again and again, a cost per
    # page growing with the document
    gc.freeze()
    try:
        doc.build(story, canvasmaker=_furniture_canvas(furniture))
    finally:
        gc.unfreeze()
    return buf.getvalue()
