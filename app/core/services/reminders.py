"""What is due or overdue this week across every register: decisions, letters awaiting a reply,
exchanges promised, experts' terms, the steps before a session (the memorandum). A reminder can
be snoozed until a day; it comes back then, or when its record changes its due date.

Each reminder names the register and the record it comes from, so that the interface opens it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import DecisionStatus, LabeledEnum
from app.core.errors import ValidationError
from app.core.models import Decision, Exchange, Meeting, ReminderSnooze
from app.core.services.agenda import deadlines, sessions
from app.core.services.correspondence import records as letters
from app.core.services.text import pick
from app.i18n import N_, _, format_date, ngettext
from app.i18n.wording import session_name

#: how far ahead a reminder looks, in days ("this week")
HORIZON = 7


class ReminderKind(LabeledEnum):
    DECISION = "decision", N_("Decision")
    LETTER = "letter", N_("Letter awaiting a reply")
    EXCHANGE = "exchange", N_("Exchange promised")
    EXPERT = "expert", N_("Expert's term")
    DEADLINE = "deadline", N_("Step before a session")


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    #: the record to open (a decision, letter, exchange, assignment or session)
    record_id: int
    due: dt.date
    #: days from today to the due day (negative: overdue)
    days: int
    text_zh: str
    text_ru: str
    #: what the due day is for, to snooze it: a new due day brings the reminder back
    key_suffix: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.record_id}:{self.key_suffix or self.due.isoformat()}"

    @property
    def overdue(self) -> bool:
        return self.days < 0

    def what(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)

    def when(self) -> str:
        """ "overdue by 3 days", "due today", "due in 2 days" in the interface language."""
        if self.days < 0:
            return ngettext("overdue by {n} day", "overdue by {n} days", -self.days).format(n=-self.days)
        if self.days == 0:
            return _("due today")
        return ngettext("due in {n} day ({date})", "due in {n} days ({date})", self.days).format(
            n=self.days, date=format_date(self.due)
        )


def _decisions(session: Session, today: dt.date, until: dt.date) -> list[Reminder]:
    rows = session.execute(
        select(
            Decision.id,
            Meeting.ordinal,
            Decision.number,
            Decision.deadline,
            Decision.text_zh,
            Decision.text_ru,
        )
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(Decision.status.in_([s.value for s in DecisionStatus if not s.closed]))
        .where(Decision.deadline.is_not(None), Decision.deadline <= until)
    )
    return [
        Reminder(ReminderKind.DECISION, i, d, (d - today).days, f"{o}/{n} {zh or ru}", f"{o}/{n} {ru or zh}")
        for i, o, n, d, zh, ru in rows
    ]


def _letters(session: Session, today: dt.date, until: dt.date) -> list[Reminder]:
    return [
        Reminder(
            ReminderKind.LETTER,
            r.id,
            r.reply_by,
            (r.reply_by - today).days,
            f"{r.our_ref or r.their_ref} {r.subject('zh')}".strip(),
            f"{r.our_ref or r.their_ref} {r.subject('ru')}".strip(),
        )  # fmt: skip
        for r in letters.awaiting(session, today)
        if r.reply_by <= until
    ]


def _exchanges(session: Session, today: dt.date, until: dt.date) -> list[Reminder]:
    rows = session.execute(
        select(Exchange.id, Exchange.promised_on, Exchange.title_zh, Exchange.title_ru).where(
            Exchange.promised_on.is_not(None), Exchange.promised_on <= until, Exchange.sent_on.is_(None),
            Exchange.received_on.is_(None), Exchange.declined_on.is_(None),
        )
    )  # fmt: skip
    return [
        Reminder(ReminderKind.EXCHANGE, i, d, (d - today).days, zh or ru, ru or zh) for i, d, zh, ru in rows
    ]


def _experts(session: Session, today: dt.date, until: dt.date) -> list[Reminder]:
    from app.core.services.experts.alerts import AlertKind, alerts

    out = []
    for a in alerts(session, today):
        if a.kind in (AlertKind.OVER_TERM, AlertKind.ENDING) and a.date <= until:
            out.append(Reminder(ReminderKind.EXPERT, a.assignment_id, a.date, (a.date - today).days,
                                f"{a.names('zh')}（{a.host_zh}）", f"{a.names('ru')} ({a.host_ru})"))  # fmt: skip
    return out


def _deadlines(session: Session, today: dt.date, until: dt.date) -> list[Reminder]:
    out = []
    for m in sessions.list_meetings(session, newest_first=False):
        for d in deadlines.deadlines(session, m.id, today):
            if d.is_open and d.due <= until:
                zh = f"{session_name(m.ordinal, 'zh_CN')}：{_label(d.kind.msgid, 'zh_CN')}"
                ru = f"{session_name(m.ordinal, 'ru')}: {_label(d.kind.msgid, 'ru')}"
                out.append(Reminder(ReminderKind.DEADLINE, m.id, d.due, (d.due - today).days, zh, ru,
                                    key_suffix=f"{d.kind.value}:{d.due.isoformat()}"))  # fmt: skip
    return out


def _label(msgid: str, lang: str) -> str:
    from app.i18n.wording import gettext_for

    return gettext_for(lang)(msgid)


SOURCES = (_decisions, _letters, _exchanges, _experts, _deadlines)


def reminders(session: Session, today: dt.date | None = None, *, snoozed: bool = False) -> list[Reminder]:
    """Every reminder due within the week or overdue, the most overdue first; without the snoozed
    ones unless ``snoozed``."""
    today = today or dt.date.today()
    until = today + dt.timedelta(days=HORIZON)
    out = [r for source in SOURCES for r in source(session, today, until)]
    if not snoozed:
        hidden = {
            k for k, u in session.execute(select(ReminderSnooze.key, ReminderSnooze.until)) if u > today
        }
        out = [r for r in out if r.key not in hidden]
    return sorted(out, key=lambda r: (r.due, r.kind.value, r.record_id))


@changes(Change.REMINDERS)
def snooze(session: Session, key: str, until: dt.date, today: dt.date | None = None) -> None:
    """Put a reminder off until ``until`` (it shows again on that day)."""
    if until <= (today or dt.date.today()):
        raise ValidationError(N_("Snooze a reminder until a later day."), field="until")
    row = session.get(ReminderSnooze, key)
    if row is None:
        session.add(ReminderSnooze(key=key, until=until))
    else:
        row.until = until
    session.flush()
    # forget snoozes that have run out
    for old in session.execute(
        select(ReminderSnooze).where(ReminderSnooze.until <= (today or dt.date.today()))
    ).scalars():
        session.delete(old)
    session.flush()
