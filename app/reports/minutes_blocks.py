"""The pieces of the minutes in one language: title, attendance, parts and segments, closing
formula, signature blocks.

:func:`text_units` returns the text as a list of *units* (each a list of flowables). Both languages
give units in the same order and number, so the sequential layout strings one language's units
together and the parallel layout pairs them into rows, a segment's two texts side by side.
Everything that names both sides names ``first`` (the side whose original this is) first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.core.enums import DelegationRole, SegmentKind, SegmentPart
from app.core.services.minutes import text as minutes_text
from app.core.services.minutes.content import ContentSegment, MinutesContent, PersonInfo, SideInfo
from app.i18n import doc_gettext
from app.i18n.wording import date_range, long_date
from app.reports.document import para
from app.reports.linebreak import bind
from app.reports.minutes_words import (
    job_line,
    member_line,
    ordinal,
    part_number,
    person_name,
)
from app.reports.styles import Styles, styles

#: The numbered parts of the protocol, in order (the preamble and the closing part have no heading).
NUMBERED_PARTS = (SegmentPart.JOINT, SegmentPart.FIRST, SegmentPart.SECOND)


@dataclass
class Unit:
    """One row of the text: ``flow`` in the unit's language; ``keep`` keeps it with the next one."""

    kind: str
    flow: list[Flowable]
    keep: bool = False


def scaled_styles(lang: str, scale: float) -> Styles:
    """The document styles of ``lang`` at ``scale`` (for the narrower columns of the parallel text)."""
    st = styles(lang)
    if scale == 1:
        return st
    out = {}
    for f in fields(Styles):
        base = getattr(st, f.name)
        if not isinstance(base, ParagraphStyle):
            continue
        out[f.name] = ParagraphStyle(
            f"{base.name}-x{scale:g}",
            parent=base,
            fontSize=base.fontSize * scale,
            leading=base.leading * scale,
            firstLineIndent=base.firstLineIndent * scale,
            spaceBefore=base.spaceBefore * scale,
            spaceAfter=base.spaceAfter * scale,
        )
    return replace(st, **out)


@dataclass(frozen=True)
class Look:
    """The styles one language's text is set in."""

    lang: str
    st: Styles
    item: ParagraphStyle
    hanging: ParagraphStyle
    member: ParagraphStyle
    place: ParagraphStyle
    note: ParagraphStyle


def look(lang: str, scale: float = 1.0) -> Look:
    st = scaled_styles(lang, scale)
    # Headings are kept with what follows by a conditional page break (see ``minutes``), not by
    # keepWithNext, which would carry a whole long paragraph to the next page with them.
    # Titles, headings, names and signature blocks are not hyphenated; only justified text is.
    whole = dict(hyphenationLang="", embeddedHyphenation=0)
    st = replace(
        st,
        **{
            name: ParagraphStyle(
                f"{getattr(st, name).name}-whole", parent=getattr(st, name), keepWithNext=0, **whole
            )
            for name in ("title", "subtitle", "heading", "subheading", "signature", "small", "center")
        },
    )
    size = st.body.fontSize
    hang = 1.6 * size
    return Look(
        lang=lang,
        st=st,
        item=ParagraphStyle(f"{lang}-item-x{scale:g}", parent=st.body, leftIndent=2 * size),
        hanging=ParagraphStyle(
            f"{lang}-decision-x{scale:g}", parent=st.body, leftIndent=hang, firstLineIndent=-hang
        ),
        member=ParagraphStyle(
            f"{lang}-member-x{scale:g}",
            parent=st.body,
            alignment=TA_LEFT,
            leftIndent=2 * size,
            firstLineIndent=-size,
            spaceAfter=1,
            **whole,
        ),
        place=ParagraphStyle(f"{lang}-place-x{scale:g}", parent=st.center, spaceAfter=2),
        note=ParagraphStyle(
            f"{lang}-note-x{scale:g}", parent=st.center, fontName=st.heading.fontName, textColor="#444444"
        ),
    )


# --- marks ----------------------------------------------------------------------------------


def reading_note(lang: str) -> str:
    _d = doc_gettext(lang)
    return _d("Reading copy, not for signature")


def proof_note(lang: str) -> str:
    _d = doc_gettext(lang)
    return _d("Proof, not for signature")


def draft_mark(lang: str) -> str:
    """The diagonal watermark of proofs: 草案, ПРОЕКТ."""
    _d = doc_gettext(lang)
    return _d("DRAFT")


def signature_placeholder(lang: str) -> str:
    """Where a reading copy shows a signature: （签字）, (подпись)."""
    _d = doc_gettext(lang)
    return _d("(signature)")


# --- the title and the attendance ------------------------------------------------------------


def title_unit(c: MinutesContent, lk: Look, reading: bool = False) -> Unit:
    _d = doc_gettext(lk.lang)
    lang = lk.lang
    subtitle = _d("Minutes of session {ordinal}").format(ordinal=ordinal(c.ordinal, lang))
    place = _d("{city}, {dates}").format(city=c.city.get(lang), dates=date_range(c.start, c.end, lang))
    flow = [
        para(c.commission.get(lang), lk.st.title),
        para(subtitle, lk.st.title),
        Spacer(1, 2 * mm),
        para(place, lk.place),
    ]
    if c.venue.get(lang):
        flow.append(para(c.venue.get(lang), lk.place))
    if reading:
        flow += [Spacer(1, 2 * mm), para(reading_note(lang), lk.note)]
    flow.append(Spacer(1, 6 * mm))
    return Unit("title", flow)


#: The order in which a delegation is listed: the head, the deputy, members, experts and advisers,
#: then the secretariat.
LIST_ORDER = (
    DelegationRole.HEAD, DelegationRole.DEPUTY_HEAD, DelegationRole.MEMBER, DelegationRole.EXPERT,
    DelegationRole.ADVISER, DelegationRole.SECRETARY, DelegationRole.INTERPRETER,
)  # fmt: skip


def attendance_units(c: MinutesContent, lk: Look, order: tuple[SideInfo, SideInfo]) -> list[Unit]:
    """Who attended: a unit per delegation (its title and members), the first side's first."""
    if not c.delegations:
        return []
    _d = doc_gettext(lk.lang)
    units = [Unit("attendance", [para(_d("The session was attended by:"), lk.st.body_indent)], keep=True)]
    for side in order:
        members = sorted(
            c.members(side.code), key=lambda m: LIST_ORDER.index(m.role) if m.role in LIST_ORDER else 99
        )
        if not members:
            continue
        name = side.delegation.get(lk.lang) or side.name_full.get(lk.lang)
        flow: list[Flowable] = [para(name + ("：" if lk.lang == "zh" else ":"), lk.st.subheading)]
        flow += [para(bind(member_line(m, lk.lang)), lk.member) for m in members]
        flow.append(Spacer(1, 2 * mm))
        units.append(Unit("delegation", flow))
    return units


# --- the text --------------------------------------------------------------------------------


_PART_MARK = {"zh": re.compile(r"^[一二三四五六七八九十]+、"), "ru": re.compile(r"^[IVXLC]+\.\s")}


def has_part_heading(segs: list[ContentSegment]) -> bool:
    """Whether the part's text opens with its own numbered heading (一、… / I. …), as minutes
    started from the agenda do; otherwise the print supplies one."""
    if not segs or segs[0].kind is not SegmentKind.HEADING:
        return False
    return any(_PART_MARK[lang].match(segs[0].text.get(lang).strip()) for lang in ("zh", "ru"))


def looks_like_closing_formula(seg: ContentSegment) -> bool:
    """Whether a segment's text is a closing formula ("… 一式两份 …" / "… в двух экземплярах …")."""
    return minutes_text.looks_like_closing_formula(seg.text.zh, seg.text.ru)


def is_closing_formula(seg: ContentSegment) -> bool:
    """A segment of the closing part holding the closing formula: the print sets the formula
    itself, from the signing's date and place and in the original's order of languages, in its
    place."""
    return seg.part is SegmentPart.CLOSING and looks_like_closing_formula(seg)


def _imported_formula(segs: list[ContentSegment]) -> ContentSegment | None:
    """A closing formula imported as the last paragraph of the text (not in the closing part):
    printed once, as the program sets it."""
    if segs and segs[-1].part is not SegmentPart.CLOSING and segs[-1].kind is SegmentKind.PARAGRAPH:
        if looks_like_closing_formula(segs[-1]):
            return segs[-1]
    return None


#: A decision's text that starts with its own number: 一、… / （一）… / 1. … / 1) …
_OWN_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*(?:\d+|[一二三四五六七八九十百零〇]+)\s*[)）]"
    r"|(?:\d+|[一二三四五六七八九十百零〇]+)\s*(?:[、．)）]|\.(?!\d)))"
)


def has_own_number(text: str) -> bool:
    return bool(_OWN_NUMBER.match(text or ""))


def _by_delegation(side: SideInfo, lang: str) -> str:
    """中华人民共和国政府代表团 / делегацией Правительства КНР (the instrumental case)."""
    title = side.delegation.get(lang)
    if lang == "zh":
        return title or side.name_full.zh
    if title.startswith("Делегация "):
        return "делегацией " + title[len("Делегация ") :]
    return f"стороной «{side.name_short.ru}»"


def part_heading(c: MinutesContent, part: SegmentPart, number: int, lk: Look) -> str:
    _d = doc_gettext(lk.lang)
    if part is SegmentPart.JOINT:
        text = _d("Joint decisions")
    else:
        side = next(s for s in c.sides if s.position == (1 if part is SegmentPart.FIRST else 2))
        text = _d("On the questions proposed by {delegation}").format(
            delegation=_by_delegation(side, lk.lang)
        )
    return part_number(number, lk.lang) + text


def segment_flow(seg: ContentSegment, lk: Look) -> tuple[list[Flowable], bool]:
    """A segment's text in one language, and whether it keeps with the next."""
    text = bind(seg.text.get(lk.lang))
    if seg.kind is SegmentKind.HEADING:
        return [para(text, lk.st.subheading)], True
    if seg.kind is SegmentKind.ITEM:
        return [para(text, lk.item)], False
    if seg.kind is SegmentKind.DECISION and seg.decision is not None:
        number = "" if has_own_number(text) else f"{seg.decision}. "  # imported already numbered
        return [para(number + text, lk.hanging)], False
    return [para(text, lk.st.body_indent)], False


def formula(lang: str, first_lang: str, place: str, date: dt.date | None) -> str:
    """本纪要于……在……签订，一式两份，…… / Совершено в … … в двух экземплярах, …: the languages
    named in the order of the original (``first_lang`` first)."""
    _d = doc_gettext(lang)
    if first_lang == "zh":
        msg = _d(
            "Done at {place} on {date} in two originals, each in the Chinese and Russian languages, "
            "both texts being equally authentic."
        )
    else:
        msg = _d(
            "Done at {place} on {date} in two originals, each in the Russian and Chinese languages, "
            "both texts being equally authentic."
        )
    when = long_date(date, lang, year_word=True) if date else "……"
    return msg.format(place=place.strip() or "……", date=when)


def closing_formula(c: MinutesContent, lang: str, first_lang: str) -> str:
    return formula(lang, first_lang, c.signing.place.get(lang), c.signing.date)


def text_units(
    c: MinutesContent, lk: Look, order: tuple[SideInfo, SideInfo], reading: bool = False
) -> list[Unit]:
    """The whole text in ``lk.lang`` up to and including the closing formula: the title, who
    attended (as a protocol lists them, before its text), the preamble, the numbered parts, the
    closing paragraphs and the formula."""
    units = [title_unit(c, lk, reading), *attendance_units(c, lk, order)]

    def add(seg: ContentSegment) -> None:
        flow, keep = segment_flow(seg, lk)
        units.append(Unit("segment", flow, keep))

    segs = list(c.segments)
    imported = _imported_formula(segs)
    segs = [s for s in segs if s is not imported]
    for seg in (s for s in segs if s.part is SegmentPart.PREAMBLE):
        add(seg)
    number = 0
    for part in NUMBERED_PARTS:
        in_part = [s for s in segs if s.part is part]
        if not in_part:
            continue
        number += 1
        if not has_part_heading(in_part):
            units.append(Unit("part", [para(part_heading(c, part, number, lk), lk.st.heading)], keep=True))
        for seg in in_part:
            add(seg)
    for seg in (s for s in segs if s.part is SegmentPart.CLOSING and not is_closing_formula(s)):
        add(seg)
    formula_text = bind(closing_formula(c, lk.lang, order[0].language))
    units.append(Unit("closing", [para(formula_text, lk.st.body_indent)]))
    return units


# --- signature blocks ------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureLines:
    """A side's signature block in one language."""

    side: str
    on_behalf: str
    name: str
    job: str


def signature_lines(c: MinutesContent, side: SideInfo, lang: str) -> SignatureLines:
    _d = doc_gettext(lang)
    person: PersonInfo | None = c.signatory(side.code) or c.head(side.code)
    return SignatureLines(
        side=side.code,
        on_behalf=_d("For {government}").format(government=side.government.get(lang)),
        name=person_name(person, lang) if person else "",
        job=job_line(person, lang) if person else "",
    )


def initials_label(c: MinutesContent, side: SideInfo, lang: str) -> str:
    """The label under a side's initials box: its signatory's (or head's) name."""
    person = c.signatory(side.code) or c.head(side.code)
    return person_name(person, lang) if person else side.name_short.get(lang)
