"""What needs attention in the experts register: people on site past their term limit, terms ending
within a horizon, invitations unanswered for too long, and the same person in two assignments at
once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import LabeledEnum
from app.core.errors import ValidationError
from app.core.models import Person
from app.core.models.experts import Assignment, AssignmentStatus, AssignmentStep, assignment_people
from app.core.services import settings
from app.core.services.experts.assignments import PersonRef
from app.core.services.experts.query import people_of
from app.core.services.text import pick
from app.i18n import N_, _, format_date, ngettext, pgettext

S = AssignmentStatus

HORIZON_KEY = "experts.term_horizon_days"
REPLY_KEY = "experts.invitation_reply_days"
settings.register(HORIZON_KEY, 30)
settings.register(REPLY_KEY, 21)


class AlertKind(LabeledEnum):
    OVER_TERM = "over_term", N_("Past the term limit")
    UNANSWERED = "unanswered", N_("Invitation unanswered")
    ENDING = "ending", N_("Term ending soon")
    OVERLAP = "overlap", N_("Overlapping assignments")


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    assignment_id: int
    #: the day that matters: the end of the term, or the date of the invitation
    date: dt.date
    #: days past the term, days left, days waiting for an answer (0 for overlaps)
    days: int
    people: tuple[PersonRef, ...]
    host_zh: str = ""
    host_ru: str = ""
    other_assignment_id: int | None = None
    other_host_zh: str = ""
    other_host_ru: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    other_start: dt.date | None = None
    other_end: dt.date | None = None

    def names(self, lang: str) -> str:
        return pgettext("list separator", ", ").join(p.name(lang) for p in self.people)

    def message(self, lang: str) -> str:
        host = pick(lang, self.host_zh, self.host_ru)
        names = self.names(lang)
        if self.kind is AlertKind.OVER_TERM:
            return ngettext(
                "{names} ({host}): the term ended on {date}, {n} day ago.",
                "{names} ({host}): the term ended on {date}, {n} days ago.",
                self.days,
            ).format(names=names, host=host, date=format_date(self.date), n=self.days)
        if self.kind is AlertKind.ENDING:
            if self.days == 0:
                return _("{names} ({host}): the term ends today.").format(names=names, host=host)
            return ngettext(
                "{names} ({host}): the term ends on {date}, in {n} day.",
                "{names} ({host}): the term ends on {date}, in {n} days.",
                self.days,
            ).format(names=names, host=host, date=format_date(self.date), n=self.days)
        if self.kind is AlertKind.UNANSWERED:
            return ngettext(
                "{names} ({host}): invited on {date}, no answer for {n} day.",
                "{names} ({host}): invited on {date}, no answer for {n} days.",
                self.days,
            ).format(names=names, host=host, date=format_date(self.date), n=self.days)
        other = pick(lang, self.other_host_zh, self.other_host_ru)
        return _(
            "{names} is sent twice at once: {host} ({start} – {end}) and {other} ({other_start} – {other_end})."
        ).format(
            names=names,
            host=host,
            start=format_date(self.start),
            end=format_date(self.end),
            other=other,
            other_start=format_date(self.other_start),
            other_end=format_date(self.other_end),
        )


def alert_settings(session: Session) -> tuple[int, int]:
    """(horizon in days for terms ending soon, days an invitation may wait for an answer)."""
    return int(settings.get(session, HORIZON_KEY)), int(settings.get(session, REPLY_KEY))


@changes(Change.SETTINGS, Change.EXPERTS)
def save_alert_settings(session: Session, horizon_days: int, reply_days: int) -> None:
    for key, value, field in ((HORIZON_KEY, horizon_days, "horizon"), (REPLY_KEY, reply_days, "reply")):
        if value is None or not 1 <= int(value) <= 730:
            raise ValidationError(N_("Give a number of days from 1 to 730."), field=field)
        settings.put(session, key, int(value))


def alerts(session: Session, today: dt.date | None = None) -> list[Alert]:
    """Every alert of the register, the most pressing first."""
    today = today or dt.date.today()
    horizon, reply = alert_settings(session)
    out: list[Alert] = []
    on_site = session.execute(
        select(*_COLUMNS).where(
            Assignment.status == S.ON_SITE.value,
            or_(
                Assignment.term_end <= today + dt.timedelta(days=horizon),
                Assignment.end_date <= today + dt.timedelta(days=horizon),
            ),
        )
    ).all()  # fmt: skip
    invited = session.execute(
        select(*_COLUMNS, AssignmentStep.date.label("invited_on"))
        .join(AssignmentStep, and_(AssignmentStep.assignment_id == Assignment.id,
                                   AssignmentStep.status == S.INVITED.value))
        .where(Assignment.status == S.INVITED.value, AssignmentStep.date < today - dt.timedelta(days=reply))
    ).all()  # fmt: skip
    pairs = _overlaps(session)
    ids = [a.id for a in on_site] + [a.id for a in invited] + [p[1].id for p in pairs]
    people = people_of(session, ids)
    for a in on_site:
        who = tuple(people.get(a.id, ()))
        if a.term_end < today:
            out.append(
                Alert(
                    AlertKind.OVER_TERM,
                    a.id,
                    a.term_end,
                    (today - a.term_end).days,
                    who,
                    a.host_organisation_zh,
                    a.host_organisation_ru,
                    start=a.start_date,
                    end=a.end_date,
                )
            )
        else:
            due = min(a.term_end, a.end_date) if a.end_date >= today else a.term_end
            if due <= today + dt.timedelta(days=horizon):
                out.append(
                    Alert(
                        AlertKind.ENDING,
                        a.id,
                        due,
                        (due - today).days,
                        who,
                        a.host_organisation_zh,
                        a.host_organisation_ru,
                        start=a.start_date,
                        end=a.end_date,
                    )
                )
    for a in invited:
        date = a.invited_on
        out.append(
            Alert(
                AlertKind.UNANSWERED,
                a.id,
                date,
                (today - date).days,
                tuple(people.get(a.id, ())),
                a.host_organisation_zh,
                a.host_organisation_ru,
                start=a.start_date,
                end=a.end_date,
            )
        )
    for person, a, b in pairs:
        out.append(Alert(AlertKind.OVERLAP, a.id, max(a.start_date, b.start_date), 0, (person,),
                         a.host_organisation_zh, a.host_organisation_ru, b.id, b.host_organisation_zh,
                         b.host_organisation_ru, a.start_date, a.end_date, b.start_date, b.end_date))  # fmt: skip
    order = list(AlertKind)
    out.sort(
        key=lambda x: (order.index(x.kind), -x.days if x.kind is not AlertKind.ENDING else x.days, x.date)
    )
    return out


_COLUMNS = (
    Assignment.id,
    Assignment.host_organisation_zh,
    Assignment.host_organisation_ru,
    Assignment.start_date,
    Assignment.end_date,
    Assignment.term_end,
)


def _overlaps(session: Session) -> list[tuple[PersonRef, object, object]]:
    """Pairs of assignments of the same person that share days: none cancelled, at least one still
    under way (proposed to on site); each pair once, the earlier first.

    First the database finds the people with any two assignments sharing days (a window over each
    person's assignments in date order: one that starts before an earlier one ends); then one pass
    over those people's assignments in date order (a sweep) finds the pairs: linear in the size of
    the register, and only the few people concerned come into Python (issue 18)."""
    active = {S.PROPOSED.value, S.INVITED.value, S.ACCEPTED.value, S.TRAVEL_ARRANGED.value, S.ON_SITE.value}
    pid = assignment_people.c.person_id
    not_cancelled = and_(
        Assignment.id == assignment_people.c.assignment_id, Assignment.status != S.CANCELLED.value
    )
    earlier_end = (
        func.max(Assignment.end_date)
        .over(partition_by=pid, order_by=(Assignment.start_date, Assignment.id), rows=(None, -1))
        .label("earlier_end")
    )
    spans = (
        select(pid.label("person_id"), Assignment.start_date, earlier_end)
        .join(Assignment, not_cancelled)
        .subquery()
    )
    overlapping = select(spans.c.person_id).where(spans.c.earlier_end >= spans.c.start_date).distinct()
    # dates as ISO text: compared as they are, without building date objects
    rows = session.execute(
        select(pid, Assignment.id, cast(Assignment.start_date, String), cast(Assignment.end_date, String),
               Assignment.status)
        .join(Assignment, not_cancelled)
        .where(pid.in_(overlapping))
    ).all()  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[2], r[1]))  # in Python: SQL would walk the table out of order
    found: list[tuple[int, int, int]] = []  # (person, earlier assignment, later assignment)
    person = None
    open_: list = []
    for who, aid, start, end, status in rows:
        if who != person:
            person, open_ = who, []
        open_ = [o for o in open_ if o[2] >= start]  # those still running when this one starts
        for o in open_:
            if o[3] in active or status in active:
                found.append((who, o[0], aid))
        open_.append((aid, start, end, status))
    if not found:
        return []
    ids = {x for _p, a, b in found for x in (a, b)}
    details = {r.id: r for r in session.execute(select(*_COLUMNS).where(Assignment.id.in_(ids)))}
    names = {
        r.id: PersonRef(r.id, r.side_id, r.name_zh, r.name_ru, r.name_latin)
        for r in session.execute(
            select(Person.id, Person.side_id, Person.name_zh, Person.name_ru, Person.name_latin).where(
                Person.id.in_({p for p, _a, _b in found})
            )
        )
    }
    out = [(names[p], details[a], details[b]) for p, a, b in found]
    out.sort(key=lambda x: (x[1].start_date, x[1].id, x[2].id))
    return out
