"""How the Agenda tab words sessions, slots and deadlines, in the interface language (through
:mod:`app.i18n.wording`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from app.core.enums import DeadlineState, MeetingStatus
from app.core.services.agenda.deadlines import DeadlineData, NextStep
from app.core.services.agenda.sessions import MeetingData
from app.i18n import _, current_language, format_date, ngettext, wording

LATE = QColor("#b00020")
SOON = QColor("#a05a00")
DONE = QColor("#1b6e20")
MUTED = QColor("#666666")


def lang() -> str:
    return current_language()


def session_title(m: MeetingData) -> str:
    return wording.session_name(m.ordinal)


def session_dates(m: MeetingData) -> str:
    return wording.date_range(m.start_date, m.end_date)


def session_place(m: MeetingData) -> str:
    parts = [m.city(lang()), m.venue(lang())]
    sep = "，" if lang().startswith("zh") else ", "
    return sep.join(p for p in parts if p)


def in_days(days: int) -> str:
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)


def deadline_state(d: DeadlineData) -> str:
    """ "Done on 20 Nov 2026", "Due in 8 days", "Late by 3 days"…"""
    if d.state in (DeadlineState.DONE, DeadlineState.DONE_LATE):
        text = _("Done on {date}").format(date=format_date(d.done_on))
        if d.state is DeadlineState.DONE_LATE:
            text += " " + ngettext("({n} day late)", "({n} days late)", d.days).format(n=d.days)
        return text
    if d.state is DeadlineState.LATE:
        return ngettext("Late by {n} day", "Late by {n} days", -d.days).format(n=-d.days)
    if d.state is DeadlineState.SKIPPED:
        return _("Not recorded")
    if d.days == 0:
        return _("Due today")
    return ngettext("Due in {n} day", "Due in {n} days", d.days).format(n=d.days)


def state_color(state: DeadlineState) -> QColor | None:
    return {
        DeadlineState.LATE: LATE,
        DeadlineState.DONE_LATE: SOON,
        DeadlineState.DUE_SOON: SOON,
        DeadlineState.DONE: DONE,
        DeadlineState.SKIPPED: MUTED,
    }.get(state)


def next_step(n: NextStep) -> str:
    """What is due next, for the sessions list."""
    if n.kind == "deadline":
        d = n.deadline
        what = d.kind.label
        if d.state is DeadlineState.LATE:
            return _("{what}: late by {days}").format(
                what=what, days=ngettext("{n} day", "{n} days", -d.days).format(n=-d.days)
            )
        return _("{what}: {date} ({when})").format(what=what, date=format_date(d.due), when=in_days(d.days))
    if n.kind == "opens":
        return _("Opens {when}").format(when=in_days(n.days))
    if n.kind == "in_session":
        return _("In session until {date}").format(date=format_date(n.date))
    if n.kind == "mark_held":
        return _("Over: record it as held")
    if n.kind == "sign_minutes":
        return _("Minutes to be signed")
    if n.kind == "close":
        return _("Close when the decisions are carried out")
    return ""


def next_step_color(n: NextStep) -> QColor | None:
    if n.kind == "deadline":
        return state_color(n.deadline.state)
    if n.kind == "mark_held":
        return SOON
    return None


def status_label(status: MeetingStatus) -> str:
    return status.label


def slot(day: dt.date | None, start: dt.time | None, end: dt.time | None, weekday: bool = False) -> str:
    """A time slot in the interface language: "21 Dec, 10:00–11:00" ("Mon 21 Dec, …" with the
    weekday); "" without a day."""
    if day is None:
        return ""
    text = wording.day_month(day, weekday=weekday)
    if start is not None:
        text += (" " if lang().startswith("zh") else ", ") + wording.time_range(start, end)
    return text


def minutes(n: int | None) -> str:
    if not n:
        return ""
    h, m = divmod(n, 60)
    if h and m:
        return _("{h} h {m} min").format(h=h, m=m)
    if h:
        return _("{h} h").format(h=h)
    return _("{m} min").format(m=m)
