"""The minutes as PDFs: the two signature originals (alternat), the reading copy and proofs.

- **The original for side X** holds the Chinese and the Russian text. In it X is named first, X's
  language comes first (sequential layout) or on the left (parallel layout), and X's signatory signs
  in the place of honour (on the left). The original for the other side is made from the same record
  with the order reversed.
- **Sequential**: the whole text in X's language with both signature blocks, then (from a new page)
  the whole text in the other language with its signature blocks. The page furniture (page numbers,
  marking, watermark, labels) follows the language of the text on the page.
- **Parallel**: two columns, one row per segment, a segment's two texts starting on the same line;
  rows split across pages. One signature block per side, bilingual, side by side.
- **Reading copy**: parallel, first side on the left, marked as not for signature on every page,
  no initials boxes.
- **Proofs**: every print of minutes that are not signed yet carries the diagonal watermark
  草案 / ПРОЕКТ; signature originals are refused until the signing is recorded (which needs
  agreed minutes that pass every check), and then show the stored content and fingerprint.

The closing formula and the signatures never stand alone on the last page: the last unit of text
moves with them. The PDF's keywords carry what ``commission-desk verify`` needs: the minutes' UUID,
the full fingerprint and how the copy was printed (:func:`keywords` / :func:`parse_keywords`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, unquote

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.core.errors import ValidationError
from app.core.services import glyphs
from app.core.services.minutes.content import MinutesContent, SideInfo, short_fingerprint
from app.core.services.minutes.data import PrintSource
from app.i18n import N_, doc_gettext, menu_words
from app.reports import fonts, pdf_pages
from app.reports.document import TEXT_WIDTH, Furniture, FurnitureChange, Meta, para, render
from app.reports.linebreak import bind
from app.reports.minutes_blocks import (
    Look,
    Unit,
    draft_mark,
    initials_label,
    look,
    proof_note,
    reading_note,
    signature_lines,
    signature_placeholder,
    text_units,
)
from app.reports.minutes_words import ordinal

READING = "reading"
KEYWORDS_TAG = "commission-desk-minutes/1"
#: The parallel columns: two text columns and the gutter between them.
GUTTER = 6 * mm
COLUMN = (TEXT_WIDTH - GUTTER) / 2
PARALLEL_SCALE = 0.86
#: How much of the text after a heading must fit under it (mm: about three lines), or the heading
#: starts the next page.
KEEP_LINES = 24
PAGE_HEIGHT = 297 * mm


class Layout(StrEnum):
    SEQUENTIAL = "sequential"
    PARALLEL = "parallel"


@dataclass(frozen=True)
class PrintOptions:
    """How to print: ``copy`` is a side's code (its original) or ``"reading"``."""

    copy: str
    layout: Layout | None = None  # None: sequential for originals, parallel for the reading copy
    draft: bool = False  # a proof, with the watermark (always, for minutes not signed yet)
    copy_number: str = ""
    marking_zh: str | None = None  # None: the minutes' own marking
    marking_ru: str | None = None

    @property
    def reading(self) -> bool:
        return self.copy == READING


# --- what may be printed ---------------------------------------------------------------------


def resolve(src: PrintSource, options: PrintOptions) -> PrintOptions:
    """The options as they will be printed, or a ValidationError saying why this copy is refused."""
    codes = [s.code for s in src.content.sides]
    if not options.reading and options.copy not in codes:
        raise ValidationError(
            N_("There is no side “{code}”: choose {first}, {second} or a reading copy."),
            field="copy",
            code=options.copy,
            first=codes[0],
            second=codes[1],
        )
    layout = options.layout or (Layout.PARALLEL if options.reading else Layout.SEQUENTIAL)
    if options.reading and layout is not Layout.PARALLEL:
        raise ValidationError(N_("A reading copy is always printed in parallel columns."), field="layout")
    draft = options.draft
    if src.signed:
        if draft:
            raise ValidationError(N_("These minutes are signed: their copies are not proofs."), field="draft")
        if src.problem:
            raise ValidationError(
                N_("These signed minutes cannot be printed: {reason}"), field="copy", reason=src.problem
            )
    else:
        if not options.reading and not draft:
            raise ValidationError(
                N_(
                    "Signature copies are printed once the signing is recorded (date, place and "
                    "signatories), which fixes the text and its fingerprint. Until then, print a proof."
                ),
                field="copy",
            )
        draft = True
    marking_zh = src.minutes.marking_zh if options.marking_zh is None else options.marking_zh
    marking_ru = src.minutes.marking_ru if options.marking_ru is None else options.marking_ru
    return PrintOptions(
        copy=options.copy,
        layout=layout,
        draft=draft,
        copy_number=(options.copy_number or "").strip(),
        marking_zh=(marking_zh or "").strip(),
        marking_ru=(marking_ru or "").strip(),
    )


def check_signature_copies(session, meeting_id: int) -> None:
    """Refuse signature copies (NotReady, with every problem) while the minutes are not ready."""
    from app.core.services.minutes import signing

    signing.require_ready(session, meeting_id)


@dataclass(frozen=True)
class PrintResult:
    data: bytes
    #: a file name to suggest ("minutes-1-original-CN-sequential.pdf")
    name: str
    #: the window title of the preview (in the first language of the copy)
    title: str
    #: characters no font has: printed as □ (say so before printing)
    missing: tuple[str, ...] = ()
    options: PrintOptions | None = None


def minutes_print(
    session, meeting_id: int, options: PrintOptions, src: PrintSource | None = None
) -> PrintResult:
    """The PDF of a session's minutes, printed as ``options`` say (ValidationError if refused),
    with what the preview and the command line tell about it. ``src``: the minutes' print source,
    when the caller has just read it in ``session`` (and set the fonts the user added)."""
    if src is None:
        from app.core.services.minutes import signing

        fonts.use_extra_fonts(glyphs.extra_fonts(session))
        src = signing.print_source(session, meeting_id)
    if not src.signed and not options.reading and not options.draft:
        check_signature_copies(session, meeting_id)  # first say what is missing, if anything
    resolved = resolve(src, options)
    first = sides_in_order(src.content, resolved)[0].language
    return PrintResult(
        data=registered_print(session, src, resolved),
        name=suggested_name(src.content, resolved),
        title=title_text(src.content, first),
        missing=tuple(fonts.missing_glyphs(*document_texts(src))),
        options=resolved,
    )


class _MenuWords:
    """A menu item's words as a message parameter, translated when the message is shown."""

    def __init__(self, msgid: str) -> None:
        self.msgid = msgid

    def __str__(self) -> str:
        return menu_words(self.msgid)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def copy_key(opts: PrintOptions):
    """What identifies a copy printed with resolved options in the print register (a ``CopyKey``)."""
    from app.core.services.minutes import prints

    return prints.CopyKey(opts.copy, str(opts.layout), opts.copy_number, opts.marking_zh or "",
                          opts.marking_ru or "")  # fmt: skip


def registered_print(session, src: PrintSource, opts: PrintOptions) -> bytes:
    """The bytes of a copy printed with resolved options. A copy of signed minutes is printed once
    and registered (:mod:`app.core.services.minutes.prints`); printing it again gives the stored
    bytes, whatever this version of the program would lay out. Proofs are printed every time."""
    if opts.draft or not src.signed:
        return render_minutes(src, opts)  # without the ORM: the command line prints so from quick_source
    from app.core.services.minutes import prints

    key = copy_key(opts)
    entry = prints.find(session, src.minutes.id, key)
    if entry is not None:
        return entry.load(session)
    require_printable(src)
    data = render_minutes(src, opts)
    prints.record(session, src.minutes.id, src.fingerprint, key, data, pdf_pages.digests(data))
    return data


def require_printable(src: PrintSource) -> None:
    """ValidationError when a character of the signed minutes is in no font here: a signed copy
    never shows a substitute glyph (a proof does, with a warning)."""
    missing = fonts.missing_glyphs(*document_texts(src))
    if missing:
        raise ValidationError(
            N_("This copy cannot be printed: no font on this computer has {chars}, which would print as □. "
               "Add a font that has them ({view} → {menu}) and print again; a proof can be printed meanwhile."),
            chars=" ".join(f"{ch} ({glyphs.code_point(ch)})" for ch in missing),
            view=_MenuWords(glyphs.VIEW_MENU),
            menu=_MenuWords(glyphs.FONTS_MENU),
        )  # fmt: skip


def minutes_pdf(session, meeting_id: int, options: PrintOptions, src: PrintSource | None = None) -> bytes:
    """The PDF of a session's minutes, printed as ``options`` say (ValidationError if refused)."""
    return minutes_print(session, meeting_id, options, src).data


# --- metadata --------------------------------------------------------------------------------


def keywords(src: PrintSource, opts: PrintOptions) -> str:
    """``commission-desk-minutes/1 uuid=… fingerprint=… copy=CN layout=sequential draft=0 number=
    marking=…``: values are URL-quoted."""
    values = {
        "uuid": src.minutes.uuid,
        "fingerprint": src.fingerprint,
        "copy": opts.copy,
        "layout": str(opts.layout),
        "draft": "1" if opts.draft else "0",
        "number": opts.copy_number,
        "marking": f"{opts.marking_zh}|{opts.marking_ru}",
    }
    return " ".join([KEYWORDS_TAG, *(f"{k}={quote(v, safe='')}" for k, v in values.items())])


def parse_keywords(text: str | None) -> dict[str, str] | None:
    """The values :func:`keywords` wrote, or None if ``text`` is not the keywords of minutes."""
    parts = (text or "").split()
    if not parts or parts[0] != KEYWORDS_TAG:
        return None
    out = {}
    for p in parts[1:]:
        k, sep, v = p.partition("=")
        if sep:
            out[k] = unquote(v)
    if not re.fullmatch(r"[0-9a-f]{64}", out.get("fingerprint", "")) or not out.get("uuid"):
        return None
    return out


def options_from_keywords(values: dict[str, str]) -> PrintOptions:
    zh, _sep, ru = values.get("marking", "").partition("|")
    try:
        layout = Layout(values.get("layout", ""))
    except ValueError:
        layout = None
    return PrintOptions(
        copy=values.get("copy", ""),
        layout=layout,
        draft=values.get("draft") == "1",
        copy_number=values.get("number", ""),
        marking_zh=zh,
        marking_ru=ru,
    )


# --- rendering -------------------------------------------------------------------------------


def sides_in_order(c: MinutesContent, opts: PrintOptions) -> tuple[SideInfo, SideInfo]:
    """(the side whose original this is, the other); the reading copy follows the first side."""
    if opts.reading:
        first = min(c.sides, key=lambda s: s.position)
    else:
        first = c.side(opts.copy)
    return first, c.other(first.code)


def title_text(c: MinutesContent, lang: str) -> str:
    _d = doc_gettext(lang)
    minutes = _d("Minutes of session {ordinal}").format(ordinal=ordinal(c.ordinal, lang))
    return c.commission.get(lang) + (". " if lang == "ru" else "") + minutes


def suggested_name(c: MinutesContent, opts: PrintOptions) -> str:
    kind = "reading" if opts.reading else f"original-{opts.copy}"
    proof = "-proof" if opts.draft else ""
    number = f"-copy{opts.copy_number}" if opts.copy_number else ""
    return f"minutes-{c.ordinal}-{kind}-{opts.layout}{proof}{number}.pdf"


def _marking(opts: PrintOptions, lang: str) -> str:
    return opts.marking_zh if lang == "zh" else opts.marking_ru


def _furniture(src: PrintSource, opts: PrintOptions, order, lang: str, both: bool) -> dict:
    """The furniture fields for pages in ``lang`` (``both``: a page holding both languages)."""
    c = src.content
    langs = [order[0].language, order[1].language] if both else [lang]

    def joined(fn, sep: str = " / ") -> str:
        return sep.join(t for t in dict.fromkeys(fn(x) for x in langs) if t)

    notes = []
    if opts.reading:
        notes = [reading_note(x) for x in langs]
    elif opts.draft:
        notes = [proof_note(x) for x in langs]
    return dict(
        lang=lang,
        marking=joined(lambda x: _marking(opts, x)) or None,
        watermark=joined(draft_mark, "  ") if opts.draft else None,
        running_head=title_text(c, lang),
        footer_note=" · ".join(notes) or None,
        initials=None
        if opts.reading
        else (initials_label(c, order[0], lang), initials_label(c, order[1], lang)),
    )


def _signature_table(src: PrintSource, opts: PrintOptions, order, langs: list[str], lk: dict[str, Look]):
    """The signature blocks: the first side on the left (the place of honour), the other on the
    right; each block in ``langs`` (one language, or both in the parallel layout)."""
    c = src.content
    blocks = [[signature_lines(c, side, lang) for lang in langs] for side in order]
    rows: list[list] = []
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.SERIF, 10),  # empty cells: never Helvetica
        # both columns start at one height, the names on one baseline, however a title wraps
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]

    def row(cells):
        rows.append([cells[0], "", cells[1]])

    for i, lang in enumerate(langs):
        row([para(b[i].on_behalf, lk[lang].st.signature) for b in blocks])
    if opts.reading:
        row([para(signature_placeholder(langs[0]), lk[langs[0]].st.signature) for _b in blocks])
    else:
        rows.append(["", "", ""])
        line_row = len(rows) - 1
        style += [
            ("LINEBELOW", (0, line_row), (0, line_row), 0.7, colors.black),
            ("LINEBELOW", (2, line_row), (2, line_row), 0.7, colors.black),
            ("TOPPADDING", (0, line_row), (-1, line_row), 18 * mm),
            ("BOTTOMPADDING", (0, line_row + 1), (-1, line_row + 1), 0),
        ]
    for i, lang in enumerate(langs):
        row([para(bind(b[i].name), lk[lang].st.signature) for b in blocks])
    for i, lang in enumerate(langs):
        row([para(bind(b[i].job), lk[lang].st.small) for b in blocks])
    t = Table(rows, colWidths=[COLUMN, GUTTER, COLUMN])
    t.setStyle(TableStyle(style))
    return t


def _row(left: Unit, right: Unit) -> Table:
    """One row of the parallel text: a table of its own, so that it can keep with the next row and
    split across pages; both texts start on the same line."""
    t = Table([[left.flow, "", right.flow]], colWidths=[COLUMN, GUTTER, COLUMN], splitInRow=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SERIF, 10),  # the empty gutter: never Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def _height(flow: list) -> float:
    total = 0.0
    for f in flow:
        _w, h = f.wrap(TEXT_WIDTH, PAGE_HEIGHT)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _flow(units: list, keeps: list[bool]) -> list:
    """The flowables of ``units`` (each a list of flowables), with a conditional page break before
    every run of headings: a heading starts a new page unless it fits with the first lines of the
    text that follows it."""
    story: list = []
    for i, (flow, keep) in enumerate(zip(units, keeps, strict=True)):
        if keep and (i == 0 or not keeps[i - 1]):
            j = i
            need = 0.0
            while j < len(units) and keeps[j]:
                need += _height(units[j])
                j += 1
            if j < len(units):
                need += min(_height(units[j]), KEEP_LINES * mm)
            story.append(CondPageBreak(need))
        story.extend(flow)
    return story


def _ending(text: list, signatures) -> KeepTogether:
    """The last unit of text, the closing formula and the signatures stay on one page."""
    return KeepTogether([*text, Spacer(1, 8 * mm), signatures])


def _sequential_story(src: PrintSource, opts: PrintOptions, order) -> list:
    story: list = []
    for n, side in enumerate(order):
        lang = side.language
        lk = look(lang)
        if n:
            change = FurnitureChange(
                page_only={"running_head": None}, **_furniture(src, opts, order, lang, both=False)
            )
            story += [PageBreak(), change]
        units = text_units(src.content, lk, order, opts.reading)
        cut = _ending_start([u.keep for u in units])
        body, end = units[:cut], units[cut:]
        story += _flow([u.flow for u in body], [u.keep for u in body])
        ending = [f for u in end for f in u.flow]
        story.append(_ending(ending, _signature_table(src, opts, order, [lang], {lang: lk})))
    return story


def _ending_start(keeps: list[bool]) -> int:
    """Where the units that go with the signatures begin: the last unit of text before the closing
    formula, with the headings just above it."""
    cut = len(keeps) - 2
    while cut > 1 and keeps[cut - 1]:
        cut -= 1
    return cut


def _parallel_story(src: PrintSource, opts: PrintOptions, order) -> list:
    langs = [order[0].language, order[1].language]
    looks = {lang: look(lang, PARALLEL_SCALE) for lang in langs}
    left = text_units(src.content, looks[langs[0]], order, opts.reading)
    right = text_units(src.content, looks[langs[1]], order, opts.reading)
    assert len(left) == len(right)
    rows = [_row(a, b) for a, b in zip(left, right, strict=True)]
    keeps = [a.keep or b.keep for a, b in zip(left, right, strict=True)]
    cut = _ending_start(keeps)
    story = _flow([[r] for r in rows[:cut]], keeps[:cut])
    story.append(_ending(rows[cut:], _signature_table(src, opts, order, langs, looks)))
    return story


def render_minutes(src: PrintSource, opts: PrintOptions) -> bytes:
    """The PDF for resolved options (see :func:`resolve`); the same bytes for the same data."""
    c = src.content
    order = sides_in_order(c, opts)
    first_lang = order[0].language
    parallel = opts.layout is Layout.PARALLEL
    if parallel:
        story = _parallel_story(src, opts, order)
    else:
        story = _sequential_story(src, opts, order)
    furniture = Furniture(
        fingerprint=short_fingerprint(src.fingerprint),
        copy_number=opts.copy_number or None,
        **_furniture(src, opts, order, first_lang, both=parallel),
    )
    _d = doc_gettext(first_lang)
    if opts.reading:
        subject = _d("Reading copy, not for signature")
    else:
        subject = _d("Original for {side}").format(side=order[0].name_short.get(first_lang))
    meta = Meta(title=title_text(c, first_lang), subject=subject, keywords=keywords(src, opts))
    return render(story, furniture, meta)


def document_texts(src: PrintSource) -> list[str]:
    """The data's texts, to report characters that no font can print before printing."""
    return src.content.texts()
