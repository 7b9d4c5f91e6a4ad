"""The report on implementation before a session: the agenda's standing first item.

In Chinese or Russian: every decision of earlier sessions (and those the chairmen took between
sessions) not yet closed, one block each: what was decided, who carries it out on each side (the
side whose language the document is in first, by the rule of alternat), the deadline and how late
it is, the status, and the dated follow-up notes. A summary counts the open and the late decisions.
The report carries a fingerprint of what it states, the same in both languages.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer
from sqlalchemy.orm import Session

from app.core.enums import DecisionStatus
from app.core.services.decisions import report as service
from app.core.services.decisions.records import DecisionData
from app.core.services.decisions.report import ImplementationData
from app.i18n import doc_gettext, doc_ngettext
from app.i18n.wording import date_range, format_number, long_date, session_phrase, session_title, short_date
from app.reports.document import TEXT_WIDTH, Furniture, Meta, para, render, table
from app.reports.styles import styles

LATE_COLOUR = colors.HexColor("#b00020")


def status_text(status: DecisionStatus, lang: str) -> str:
    return doc_gettext(lang)(status.msgid)


class _Builder:
    def __init__(self, data: ImplementationData, lang: str) -> None:
        self.data, self.lang = data, lang
        self.st = styles(lang)
        self._d = doc_gettext(lang)
        self._dn = doc_ngettext(lang)
        self.late_style = ParagraphStyle(f"{lang}-late", parent=self.st.cell_bold, textColor=LATE_COLOUR)

    def decision_title(self, d: DecisionData) -> str:
        _d = self._d
        if d.between_sessions:
            when = long_date(d.decided_on, self.lang) if d.decided_on else ""
            text = _d(
                "Decision No. {number} taken between sessions, for the protocol of the {session}"
            ).format(number=d.number, session=session_phrase(d.ordinal, self.lang, "gen"))
            return f"{text} ({when})" if when else text
        return _d("Decision No. {number} of the {session}").format(
            number=d.number, session=session_phrase(d.ordinal, self.lang, "gen")
        )

    def header(self) -> list:
        d, st, _d, m = self.data, self.st, self._d, self.data.meeting
        sep = "" if self.lang == "zh" else " "
        return [
            para(d.commission.name(self.lang), st.subtitle),
            para(_d("Report on the implementation of decisions"), st.title),
            para(
                _d("to be presented at the {session}").format(session=session_phrase(m.ordinal, self.lang, "prep"))
                + sep + _d("({place}, {dates})").format(
                    place=m.city(self.lang), dates=date_range(m.start_date, m.end_date, self.lang)
                ),
                st.subtitle,
            ),
            para(
                _d("The decisions of the commission not yet carried out, as of {date}: who carries each out, "
                   "what has been done, and what is late.").format(date=long_date(d.as_of, self.lang)),
                st.body_indent,
            ),
        ]  # fmt: skip

    def block(self, i: int, d: DecisionData) -> list:
        st, _d, _dn, lang = self.st, self._d, self._dn, self.lang
        label_w = (30 if lang == "zh" else 42) * mm
        rows: list[list] = []
        for side in self.data.sides(lang):
            rows.append(
                [para(_d("Carried out by ({side})").format(side=side.short_name(lang)), st.cell_bold),
                 para(self.data.agency(d, side, lang) or "—", st.cell)]
            )  # fmt: skip
        if d.deadline is None:
            deadline = para(_d("none set"), st.cell)
        elif d.overdue(self.data.as_of):
            n = d.days_overdue(self.data.as_of)
            late = _dn("late by {n} day", "late by {n} days", n).format(n=format_number(n, lang))
            deadline = para(f"{short_date(d.deadline, lang)} — {late}", self.late_style)
        else:
            deadline = para(short_date(d.deadline, lang), st.cell)
        rows.append([para(_d("Deadline"), st.cell_bold), deadline])
        rows.append([para(_d("Status"), st.cell_bold), para(status_text(d.status, lang), st.cell)])
        notes = [
            _d("{date}: {note}").format(date=short_date(n.noted_on, lang), note=n.text(lang)) for n in d.notes
        ]
        rows.append(
            [para(_d("What has been done"), st.cell_bold),
             para("\n".join(notes) if notes else _d("No follow-up noted yet."), st.cell)]
        )  # fmt: skip
        number = f"{i + 1}. "
        return [
            KeepTogether(
                [
                    para(number + self.decision_title(d), st.subheading),
                    para(d.text(lang) or "—", st.body_indent),
                    table(rows, [label_w, TEXT_WIDTH - label_w], st, header_rows=0),
                ]
            ),
            Spacer(1, 4 * mm),
        ]

    def summary(self) -> list:
        st, _d, _dn, lang = self.st, self._d, self._dn, self.lang
        total, late = len(self.data.decisions), len(self.data.late)
        if not total:
            return [para(_d("Every decision of the earlier sessions has been carried out."), st.body_indent)]
        text = _dn(
            "{n} decision is not yet carried out", "{n} decisions are not yet carried out", total
        ).format(n=format_number(total, lang))
        if late:
            late_text = _dn("{n} of them is late", "{n} of them are late", late).format(
                n=format_number(late, lang)
            )
            text = _d("{not_done}; {late}.").format(not_done=text, late=late_text)
        else:
            text = _d("{not_done}.").format(not_done=text)
        return [para(text, st.body_indent)]

    def closing(self) -> list:
        return [
            Spacer(1, 6 * mm),
            para(
                self._d("Fingerprint of this report (the same in both languages): {fingerprint}").format(
                    fingerprint=self.data.fingerprint
                ),
                self.st.small,
            ),
        ]

    def story(self) -> list:
        story = self.header() + self.summary() + [Spacer(1, 4 * mm)]
        for i, d in enumerate(self.data.decisions):
            story += self.block(i, d)
        return story + self.closing()


def texts_of(data: ImplementationData) -> list[str]:
    """Every text from the records the report prints (to report unprintable characters)."""
    out = [data.commission.name_zh, data.commission.name_ru, data.meeting.city_zh, data.meeting.city_ru]
    for d in data.decisions:
        out += [d.text_zh, d.text_ru, d.agency1_zh, d.agency1_ru, d.agency2_zh, d.agency2_ru]
        out += [t for n in d.notes for t in (n.text_zh, n.text_ru)]
    return out


def build_implementation(data: ImplementationData, lang: str) -> bytes:
    """The report as PDF bytes: the same data gives the same bytes."""
    _d = doc_gettext(lang)
    title = (
        _d("Report on the implementation of decisions") + " · " + session_title(data.meeting.ordinal, lang)
    )
    furniture = Furniture(
        lang=lang,
        fingerprint=data.fingerprint,
        running_head=f"{data.commission.name(lang)} · {session_title(data.meeting.ordinal, lang)}",
    )
    meta = Meta(title=title, subject=data.commission.name(lang), keywords=data.fingerprint)
    return render(_Builder(data, lang).story(), furniture, meta)


def implementation_pdf(session: Session, meeting_id: int, lang: str) -> bytes:
    """The report before session ``meeting_id`` in ``lang`` ("zh" or "ru")."""
    return build_implementation(service.implementation(session, meeting_id), lang)
