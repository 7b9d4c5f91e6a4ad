"""The memorandum one side sends the other before a session (the founding memorandum: "before every
meeting of the joint commission, each side is to provide the other side with a memorandum containing
the agenda and schedule as well as supplementary materials").

In the chosen language: the heading (commission, session, place and dates), the numbered proposed
agenda with the proposing side and the presenter, the programme by day, the delegations (the
sender's first), and the supplementary materials by name. Until the notice is recorded as sent the
memorandum is a draft: it carries a DRAFT watermark and no date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.core.enums import AgendaStatus, DeadlineKind, DelegationRole
from app.core.errors import ValidationError
from app.core.services import attachments, commission
from app.core.services.agenda import deadlines, schedule
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.items import AgendaItemData
from app.core.services.agenda.schedule import Schedule
from app.core.services.agenda.sessions import MeetingData, MemberData
from app.core.services.attachments import AttachmentData
from app.core.services.commission import CommissionData, SideData
from app.core.services.decisions.report import implementation
from app.i18n import N_, doc_gettext
from app.i18n.numerals import zh_number
from app.i18n.wording import date_range, day_heading, long_date, session_phrase, time_range
from app.reports import fonts
from app.reports.document import (
    TEXT_WIDTH,
    Furniture,
    HeadedTable,
    Meta,
    keep_group,
    para,
    render,
    rich,
    table,
)
from app.reports.linebreak import bind
from app.reports.styles import styles


@dataclass(frozen=True)
class MemorandumData:
    """Everything the memorandum prints, read once from the database."""

    commission: CommissionData
    meeting: MeetingData
    sender: SideData
    receiver: SideData
    #: the proposed agenda (withdrawn items left out), numbered 1, 2, 3… in this order
    items: tuple[AgendaItemData, ...]
    schedule: Schedule
    #: (side, its members), the sender's delegation first
    delegations: tuple[tuple[SideData, tuple[MemberData, ...]], ...]
    #: (item, material) in agenda order
    materials: tuple[tuple[AgendaItemData, AttachmentData], ...]
    #: the day the notice went out (None: not yet, the memorandum is a draft)
    issued_on: dt.date | None
    #: what the report on implementation under the standing first item covers: decisions not yet
    #: closed, and how many of them are late
    open_decisions: int = 0
    late_decisions: int = 0

    def number_of(self, item_id: int) -> int | None:
        for n, item in enumerate(self.items, start=1):
            if item.id == item_id:
                return n
        return None

    def missing_titles(self, lang: str) -> list[int]:
        """The numbers of the items whose title in ``lang`` is missing (the other is printed)."""
        key = "title_zh" if lang == "zh" else "title_ru"
        return [n for n, item in enumerate(self.items, start=1) if not getattr(item, key)]

    def texts(self) -> list[str]:
        """Every piece of content text, for the missing-glyph check."""
        out = [self.commission.name_zh, self.commission.name_ru, self.meeting.city_zh, self.meeting.city_ru,
               self.meeting.venue_zh, self.meeting.venue_ru]  # fmt: skip
        for i in self.items:
            out += [i.title_zh, i.title_ru, i.presenter_zh, i.presenter_ru]
        for _side, members in self.delegations:
            for m in members:
                out += [
                    m.name_zh,
                    m.name_ru,
                    m.position_zh,
                    m.position_ru,
                    m.organisation_zh,
                    m.organisation_ru,
                ]
        for d in self.schedule.days:
            for e in d.entries:
                if e.event:
                    out += [e.event.title_zh, e.event.title_ru, e.event.place_zh, e.event.place_ru]
        out += [x for _i, a in self.materials for x in (a.filename, a.title_zh, a.title_ru)]
        return out

    def fingerprint(self) -> str:
        """A short hash of the content in both languages: the Chinese and the Russian memoranda of the
        same data carry the same fingerprint."""
        content = {
            "commission": [self.commission.name_zh, self.commission.name_ru],
            "session": [self.meeting.ordinal, self.meeting.city_zh, self.meeting.city_ru, self.meeting.venue_zh,
                        self.meeting.venue_ru, self.meeting.start_date, self.meeting.end_date],
            "from": self.sender.code,
            "items": [[i.title_zh, i.title_ru, i.proposing_code, i.presenter_id, i.day, i.start_time,
                       i.duration_minutes] for i in self.items],
            "events": [[e.event.kind, e.event.title_zh, e.event.title_ru, e.event.day, e.event.start_time,
                        e.event.duration_minutes, e.event.place_zh, e.event.place_ru]
                       for d in self.schedule.days for e in d.entries if e.event],
            "delegations": [[s.code, [[m.person_id, m.role] for m in ms]] for s, ms in self.delegations],
            "materials": [[i.id, a.sha256, a.filename, a.title_zh, a.title_ru] for i, a in self.materials],
            "issued": self.issued_on,
        }  # fmt: skip
        digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, default=str).encode()).hexdigest()
        return " ".join(digest[i : i + 4].upper() for i in range(0, 12, 4))


def collect(session: Session, meeting_id: int, from_side: str | int | None = None) -> MemorandumData:
    """Read a session's memorandum. Refused (ValidationError) while a delegation has no head, or
    for an unknown sending side. By default the side that is not the host sends it."""
    meeting = meetings.get_meeting(session, meeting_id)
    com = commission.get_commission(session)
    meetings.check_heads(session, meeting_id)
    host = com.side(meeting.host_side_id)
    if from_side is None:
        sender = com.other(host)
    else:
        try:
            sender = com.side(from_side.upper() if isinstance(from_side, str) else from_side)
        except KeyError:
            raise ValidationError(
                N_("There is no side “{code}”; the sides are {codes}."),
                field="from_side",
                code=from_side,
                codes=", ".join(s.code for s in com.sides),
            ) from None
    receiver = com.other(sender)
    items = tuple(i for i in agenda.list_items(session, meeting_id) if i.status is not AgendaStatus.WITHDRAWN)
    all_members = meetings.members(session, meeting_id)
    delegations = tuple(
        (side, tuple(m for m in all_members if m.side_id == side.id)) for side in (sender, receiver)
    )
    materials = tuple(
        (i, a)
        for i in items
        if i.materials
        for a in attachments.list_attachments(session, agenda.OWNER_KIND, i.id)
    )
    issued = deadlines.done_on(session, meeting_id, DeadlineKind.NOTICE)
    report = implementation(session, meeting_id)
    return MemorandumData(
        commission=com,
        meeting=meeting,
        sender=sender,
        receiver=receiver,
        items=items,
        schedule=schedule.schedule(session, meeting_id),
        delegations=delegations,
        materials=materials,
        issued_on=issued,
        open_decisions=len(report.decisions),
        late_decisions=len(report.late),
    )


# --- layout ------------------------------------------------------------------------------------


def _section_number(n: int, lang: str) -> str:
    return f"{zh_number(n)}、" if lang == "zh" else f"{n}. "


def _job(m: MemberData, lang: str) -> str:
    if lang == "zh":
        org, pos = m.organisation_zh or m.organisation_ru, m.position_zh or m.position_ru
        return f"{org}{pos}"
    org, pos = m.organisation_ru or m.organisation_zh, m.position_ru or m.position_zh
    return ", ".join(x for x in (pos, org) if x)


def build_story(data: MemorandumData, lang: str) -> list:
    _d = doc_gettext(lang)
    st = styles(lang)
    m = data.meeting
    session_nom = session_phrase(m.ordinal, lang, "nom")
    session_gen = session_phrase(m.ordinal, lang, "gen")
    story: list = []
    section = 0
    # A section heading must not drag a whole table to the next page (keepWithNext would): it only
    # asks for room for the table's first rows.
    heading_style = ParagraphStyle(f"{lang}-memo-heading", parent=st.heading, keepWithNext=0)

    def heading(text: str) -> None:
        nonlocal section
        section += 1
        story.append(CondPageBreak(45 * mm))
        story.append(para(_section_number(section, lang) + text, heading_style))

    def num(n: object):
        return para(str(n), st.cell_center)

    story.append(para(data.commission.name(lang), st.center))
    story.append(Spacer(0, 3 * mm))
    story.append(para(_d("MEMORANDUM"), st.title))
    story.append(para(_d("on the preparation of the {session} of the Commission").format(session=session_gen),
                      st.subtitle))  # fmt: skip
    story.append(Spacer(0, 2 * mm))
    # The addressee is a name: set ragged, never hyphenated.
    address_style = ParagraphStyle(
        f"{lang}-memo-address", parent=st.body, alignment=TA_LEFT, hyphenationLang=""
    )
    receiver_title = data.receiver.delegation_title(lang) or data.receiver.government(lang)
    story.append(para(_d("To: {receiver}").format(receiver=receiver_title), address_style))
    story.append(Spacer(0, 2 * mm))
    sender_title = data.sender.delegation_title(lang) or data.sender.government(lang)
    story.append(para(
        _d("{sender} submits for consideration and confirmation the proposed agenda of the {session} of the "
           "Commission, its programme and the composition of the delegations, together with the supplementary "
           "materials.").format(sender=sender_title, session=session_gen),
        st.body_indent,
    ))  # fmt: skip

    # 1. dates and place
    heading(_d("Dates and place"))
    place = ", ".join(x for x in (m.city(lang), m.venue(lang)) if x) if lang == "ru" else m.city(lang) + (
        f"，{m.venue(lang)}" if m.venue(lang) else "")  # fmt: skip
    host = data.commission.side(m.host_side_id)
    facts = [
        (_d("Session:"), session_nom[:1].upper() + session_nom[1:] if lang == "ru" else session_nom),
        (_d("Dates:"), date_range(m.start_date, m.end_date, lang)),
        (_d("Place:"), place),
        (_d("Host side:"), host.full_name(lang)),
    ]
    label_w = (28 if lang == "zh" else 46) * mm
    facts_table = Table(
        [[para(k, st.cell), para(v, st.cell)] for k, v in facts], colWidths=[label_w, TEXT_WIDTH - label_w]
    )
    facts_table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.cell.fontName, st.cell.fontSize),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    story.append(facts_table)

    # 2. the proposed agenda
    heading(_d("Proposed agenda"))
    rows = [[_d("No."), _d("Item"), _d("Proposed by"), _d("Presenter")]]
    for n, item in enumerate(data.items, start=1):
        side = data.commission.side(item.proposing_side_id).short_name(lang) if item.proposing_side_id else ""
        title = item.title(lang)
        if item.is_standing:  # the report on implementation feeds the standing first item
            title += "\n" + _d(
                "Report on implementation: decisions not yet closed — {open}, of them late — {late}."
            ).format(open=data.open_decisions, late=data.late_decisions)
        rows.append([num(n), title, side, item.presenter(lang) or "—"])
    if len(rows) == 1:
        story.append(para(_d("No items have been proposed yet."), st.body))
    else:
        widths = [11 * mm, TEXT_WIDTH - 11 * mm - 24 * mm - 36 * mm, 24 * mm, 36 * mm]
        story.append(table(rows, widths, st))

    # 3. the programme by day
    heading(_d("Programme"))
    time_w = 27 * mm
    for day in data.schedule.days:
        rows = [[_d("Time"), _d("Programme item")]]
        for e in day.entries:
            when = time_range(e.start_time, e.end_time)
            if e.item is not None:
                n = data.number_of(e.item.id)
                what = _d("Agenda item {number}. {title}").format(number=n, title=e.item.title(lang))
            else:
                ev = e.event
                what = ev.title(lang) or _d(ev.kind.msgid)
                if ev.place(lang):
                    what += "\n" + _d("Place: {place}").format(place=ev.place(lang))
            rows.append([when, what])
        # a long day goes on over the next page under its heading, marked as continued
        title = day_heading(day.day, lang)
        body = table(rows, [time_w, TEXT_WIDTH - time_w], st, extra_style=[keep_group(0, len(rows) - 1)])
        story.append(HeadedTable(para(title, st.subheading), body,
                                 continued=para(_d("{heading} (continued)").format(heading=title), st.subheading)))  # fmt: skip
        story.append(Spacer(0, 2 * mm))
    open_items = [e for e in data.schedule.unscheduled if e.item is not None and data.number_of(e.item.id)]
    if open_items:
        rows = [[_d("No."), _d("Item")]]
        rows += [[num(data.number_of(e.item.id)), e.item.title(lang)] for e in open_items]
        story.append(KeepTogether([para(_d("Time to be agreed"), st.subheading),
                                   table(rows, [11 * mm, TEXT_WIDTH - 11 * mm], st)]))  # fmt: skip
    if not data.schedule.days and not open_items:
        story.append(para(_d("The programme will be agreed separately."), st.body))

    # 4. delegations
    heading(_d("Delegations"))
    for side, members in data.delegations:
        rows = [[_d("No."), _d("Name"), _d("Role in the delegation"), _d("Position and organisation")]]
        for n, mem in enumerate(members, start=1):
            rows.append([num(n), mem.name(lang), _d(DelegationRole(mem.role).msgid), _job(mem, lang)])
        title = side.delegation_title(lang) or side.full_name(lang)
        widths = [11 * mm, 36 * mm, 40 * mm, TEXT_WIDTH - 87 * mm]
        story.append(KeepTogether([para(title, st.subheading), table(rows, widths, st)]))
        story.append(Spacer(0, 2 * mm))

    # 5. supplementary materials
    heading(_d("Supplementary materials"))
    if data.materials:
        rows = [[_d("No."), _d("Document"), _d("To agenda item")]]
        for n, (item, a) in enumerate(data.materials, start=1):
            number = data.number_of(item.id)
            rows.append([num(n), material_cell(a, item, number, lang, st), num(number)])
        story.append(table(rows, [11 * mm, TEXT_WIDTH - 11 * mm - 30 * mm, 30 * mm], st))
    else:
        story.append(para(_d("None."), st.body))

    # closing
    date = long_date(data.issued_on, lang) if data.issued_on else _d("(date)")
    story.append(Spacer(0, 12 * mm))
    story.append(KeepTogether([para(sender_title, st.right), para(date, st.right)]))
    return story


def material_title(a: AttachmentData, item: AgendaItemData, number: int | None, lang: str) -> str:
    """What a material is called in the document: its title in the document's language; for a
    file attached without one, its file name without the extension when that is written in the
    document's language, else what it is to ("Material to agenda item 2: …")."""
    if a.title(lang):
        return a.title(lang)
    if not (a.title_zh or a.title_ru):
        guessed = attachments.default_titles(a.filename)[0 if lang == "zh" else 1]
        if guessed:
            return guessed
    _d = doc_gettext(lang)
    return _d("Material to agenda item {number}: {title}").format(number=number, title=item.title(lang))


def material_cell(a: AttachmentData, item: AgendaItemData, number: int | None, lang: str, st):
    """The title of a material, with its file name beneath in small type, as a reference only."""
    _d = doc_gettext(lang)
    reference = _d("File: {name}").format(name=a.filename)
    size = st.cell.fontSize - 1.5
    markup = fonts.markup(bind(material_title(a, item, number, lang)), "serif", lang)
    return rich(f'{markup}<br/><font size="{size}">{fonts.markup(reference, "sans", lang)}</font>', st.cell)


def render_memorandum(data: MemorandumData, lang: str) -> bytes:
    _d = doc_gettext(lang)
    title = "{} — {}".format(_d("MEMORANDUM"), session_phrase(data.meeting.ordinal, lang))
    furniture = Furniture(
        lang=lang,
        fingerprint=data.fingerprint(),
        running_head=data.commission.name(lang),
        watermark=None if data.issued_on else _d("DRAFT"),
    )
    meta = Meta(title=title, subject=data.commission.name(lang), author=data.sender.delegation_title(lang))
    return render(build_story(data, lang), furniture, meta)


def memorandum_pdf(session: Session, meeting_id: int, lang: str, from_side: str | int | None = None) -> bytes:
    """The memorandum of a session in ``lang`` ("zh" or "ru"), as PDF bytes."""
    return render_memorandum(collect(session, meeting_id, from_side), lang)
