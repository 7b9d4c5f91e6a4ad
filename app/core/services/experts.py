"""Experts and delegations: assignments and their procedure, step by step.

An assignment sends people of one side to the other. Errors (an end before the start, a person of
the wrong side…) raise :class:`ValidationError` and cannot be overridden. Warnings (an overdrawn
quota, a stay beyond the term limit, an overlap with another assignment…) raise
:class:`NeedsOverride`; the caller may save again with a reason, which is recorded with the
assignment, and the same warning is not asked again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import CoreError, NotFoundError, ValidationError
from app.core.models import Decision, Meeting, Person, Side
from app.core.models.experts import (
    PROCEDURE,
    Assignment,
    AssignmentPurpose,
    AssignmentStatus,
    AssignmentStep,
    ExpertQuota,
    WarningOverride,
)
from app.core.services import attachments
from app.core.services.experts_dates import overlaps, stay_days, term_end
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, _, format_date, pgettext

OWNER_KIND = "assignment"
S = AssignmentStatus

_TEXT_FIELDS = (
    "host_organisation_zh", "host_organisation_ru", "place_zh", "place_ru", "speciality_zh", "speciality_ru",
)  # fmt: skip
_MULTILINE = ("terms_zh", "terms_ru", "notes", "extension_reason")
_LIMITS = {"place_zh": 200, "place_ru": 200}


@dataclass(frozen=True)
class PersonRef:
    id: int
    side_id: int
    name_zh: str = ""
    name_ru: str = ""
    name_latin: str = ""

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)


def person_ref(p: Person) -> PersonRef:
    return PersonRef(p.id, p.side_id, p.name_zh, p.name_ru, p.name_latin)


@dataclass(frozen=True)
class StepData:
    """A step of the procedure: what the user enters, and what a stored step reads back as."""

    status: AssignmentStatus | str
    date: dt.date | None = None
    sending_person_id: int | None = None
    sending_text: str = ""
    receiving_person_id: int | None = None
    receiving_text: str = ""
    reason: str = ""
    id: int | None = None
    skipped: tuple[AssignmentStatus, ...] = ()
    sending_person: PersonRef | None = None
    receiving_person: PersonRef | None = None

    def handler(self, which: str, lang: str) -> str:
        """Who handled the step on the "sending" or the "receiving" side."""
        person = self.sending_person if which == "sending" else self.receiving_person
        text = self.sending_text if which == "sending" else self.receiving_text
        parts = [person.name(lang)] if person else []
        if text:
            parts.append(text)
        # TRANSLATORS: separates the items of an inline list ("delegations (2), agenda items (1)").
        return pgettext("list separator", ", ").join(parts)


@dataclass(frozen=True)
class OverrideData:
    code: str
    key: str
    message: str
    reason: str
    date: dt.date


@dataclass(frozen=True)
class AssignmentData:
    sending_side_id: int | None = None
    receiving_side_id: int | None = None
    person_ids: tuple[int, ...] = ()
    purpose: AssignmentPurpose | str | None = None
    host_organisation_zh: str = ""
    host_organisation_ru: str = ""
    place_zh: str = ""
    place_ru: str = ""
    speciality_zh: str = ""
    speciality_ru: str = ""
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    term_limit_days: int | None = None
    extension_days: int = 0
    extension_reason: str = ""
    terms_zh: str = ""
    terms_ru: str = ""
    meeting_id: int | None = None
    decision_id: int | None = None
    quota_id: int | None = None
    notes: str = ""
    # read back only
    id: int | None = None
    uuid: str = ""
    status: AssignmentStatus = AssignmentStatus.PROPOSED
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    term_end: dt.date | None = None
    people: tuple[PersonRef, ...] = ()
    steps: tuple[StepData, ...] = ()
    overrides: tuple[OverrideData, ...] = ()

    def host_organisation(self, lang: str) -> str:
        return pick(lang, self.host_organisation_zh, self.host_organisation_ru)

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru)

    def speciality(self, lang: str) -> str:
        return pick(lang, self.speciality_zh, self.speciality_ru)

    def names(self, lang: str) -> str:
        sep = pgettext("list separator", ", ")
        return sep.join(p.name(lang) for p in self.people)

    @property
    def term_days(self) -> int:
        return (self.term_limit_days or 0) + (self.extension_days or 0)


# --- warnings that can be overridden with a reason ----------------------------------------------


@dataclass(frozen=True)
class ExpertWarning:
    """Something the user may save past with a recorded reason."""

    code: str
    key: str
    msgid: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return _(self.msgid).format(**self.params)


class NeedsOverride(CoreError):
    """Warnings stand in the way; saving again with a reason records the reason and goes ahead."""

    def __init__(self, warnings: list[ExpertWarning]) -> None:
        super().__init__(
            N_("Give a reason to go ahead despite this; the reason is recorded with the assignment."),
            field="override_reason",
        )
        self.warnings = warnings

    @property
    def message(self) -> str:
        return "\n".join(w.message for w in self.warnings)


# --- reading --------------------------------------------------------------------------------------


def _step_data(st: AssignmentStep) -> StepData:
    return StepData(
        status=S(st.status),
        date=st.date,
        sending_person_id=st.sending_person_id,
        sending_text=st.sending_text,
        receiving_person_id=st.receiving_person_id,
        receiving_text=st.receiving_text,
        reason=st.reason,
        id=st.id,
        skipped=tuple(S(x) for x in st.skipped.split(",") if x),
        sending_person=person_ref(st.sending_person) if st.sending_person else None,
        receiving_person=person_ref(st.receiving_person) if st.receiving_person else None,
    )


def assignment_data(row: Assignment) -> AssignmentData:
    return AssignmentData(
        sending_side_id=row.sending_side_id,
        receiving_side_id=row.receiving_side_id,
        person_ids=tuple(p.id for p in row.people),
        purpose=AssignmentPurpose(row.purpose),
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        term_limit_days=row.term_limit_days,
        extension_days=row.extension_days,
        extension_reason=row.extension_reason,
        terms_zh=row.terms_zh,
        terms_ru=row.terms_ru,
        meeting_id=row.meeting_id,
        decision_id=row.decision_id,
        quota_id=row.quota_id,
        notes=row.notes,
        id=row.id,
        uuid=row.uuid,
        status=S(row.status),
        start_date=row.start_date,
        end_date=row.end_date,
        term_end=row.term_end,
        people=tuple(person_ref(p) for p in row.people),
        steps=tuple(_step_data(st) for st in row.steps),
        overrides=tuple(OverrideData(o.code, o.key, o.message, o.reason, o.date) for o in row.overrides),
        **{f: getattr(row, f) for f in _TEXT_FIELDS},
    )


def _row(session: Session, assignment_id: int | None) -> Assignment:
    row = None
    if assignment_id is not None:
        row = session.execute(
            select(Assignment)
            .where(Assignment.id == assignment_id)
            .options(selectinload(Assignment.people), selectinload(Assignment.steps))
        ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(N_("This assignment no longer exists; someone may have deleted it."))
    return row


def get_assignment(session: Session, assignment_id: int) -> AssignmentData:
    return assignment_data(_row(session, assignment_id))


# --- validation -----------------------------------------------------------------------------------


def _side_name(session: Session, side_id: int) -> str:
    from app.i18n import current_language

    side = session.get(Side, side_id)
    if side is None:
        return "?"
    return pick(current_language(), side.name_short_zh, side.name_short_ru, side.name_short_en) or side.code


def validate(
    session: Session, data: AssignmentData, status: AssignmentStatus, today: dt.date
) -> AssignmentData:
    """The cleaned data, or the first error (a ValidationError naming its field)."""
    from app.i18n import current_language

    values = {f: clean(getattr(data, f)) for f in _TEXT_FIELDS}
    texts = {f: clean_text(getattr(data, f)) for f in _MULTILINE}
    if data.sending_side_id is None or session.get(Side, data.sending_side_id) is None:
        raise ValidationError(N_("Choose the side that sends the people."), field="sending_side_id")
    if data.receiving_side_id is None or session.get(Side, data.receiving_side_id) is None:
        raise ValidationError(N_("Choose the side that receives them."), field="receiving_side_id")
    if data.sending_side_id == data.receiving_side_id:
        raise ValidationError(
            N_("The sending and the receiving side must be different."), field="receiving_side_id"
        )
    try:
        purpose = AssignmentPurpose(data.purpose)
    except ValueError:
        raise ValidationError(N_("Choose the purpose of the assignment."), field="purpose") from None
    person_ids = tuple(dict.fromkeys(data.person_ids))
    if not person_ids:
        raise ValidationError(N_("Choose at least one person to send."), field="people")
    for pid in person_ids:
        person = session.get(Person, pid)
        if person is None:
            raise ValidationError(N_("One of the people chosen no longer exists."), field="people")
        if person.side_id != data.sending_side_id:
            raise ValidationError(
                N_("{name} belongs to {side}, not to the sending side ({sending})."),
                field="people",
                name=pick(current_language(), person.name_zh, person.name_ru, person.name_latin),
                side=_side_name(session, person.side_id),
                sending=_side_name(session, data.sending_side_id),
            )
    if not (values["host_organisation_zh"] or values["host_organisation_ru"]):
        raise ValidationError(
            N_("Give the host organisation in Chinese or in Russian."), field="host_organisation_zh"
        )
    for f, v in values.items():
        if len(v) > _LIMITS.get(f, 300):
            raise ValidationError(
                N_("This field cannot be longer than {n} characters."), field=f, n=_LIMITS.get(f, 300)
            )
    if data.planned_start is None:
        raise ValidationError(N_("Give the planned start date."), field="planned_start")
    if data.planned_end is not None and data.planned_end < data.planned_start:
        raise ValidationError(
            N_("The planned end ({end}) is before the planned start ({start})."),
            field="planned_end",
            end=format_date(data.planned_end),
            start=format_date(data.planned_start),
        )
    if data.term_limit_days is None or int(data.term_limit_days) <= 0:
        raise ValidationError(
            N_("The term limit is a number of days greater than zero."), field="term_limit_days"
        )
    if int(data.term_limit_days) > 3660:
        raise ValidationError(N_("A term limit cannot exceed ten years."), field="term_limit_days")
    ext = int(data.extension_days or 0)
    if ext < 0:
        raise ValidationError(N_("An extension cannot be negative."), field="extension_days")
    if ext and not texts["extension_reason"]:
        raise ValidationError(
            N_("Give the reason for the extension: who agreed it, and when."), field="extension_reason"
        )
    _validate_actual(data, status, today)
    quota = None
    if data.quota_id is not None:
        quota = session.get(ExpertQuota, data.quota_id)
        if quota is None:
            raise ValidationError(N_("This quota no longer exists."), field="quota_id")
        if (quota.sending_side_id, quota.receiving_side_id) != (data.sending_side_id, data.receiving_side_id):
            raise ValidationError(
                N_("This quota is for people sent by {sending} to {receiving}."),
                field="quota_id",
                sending=_side_name(session, quota.sending_side_id),
                receiving=_side_name(session, quota.receiving_side_id),
            )
        if purpose.value not in quota.purposes.split(","):
            raise ValidationError(
                N_("This quota does not cover the purpose “{purpose}”."),
                field="quota_id",
                purpose=purpose.label,
            )
    if data.meeting_id is not None and session.get(Meeting, data.meeting_id) is None:
        raise ValidationError(N_("This session no longer exists."), field="meeting_id")
    if data.decision_id is not None and session.get(Decision, data.decision_id) is None:
        raise ValidationError(N_("This decision no longer exists."), field="decision_id")
    return replace(
        data,
        purpose=purpose,
        person_ids=person_ids,
        term_limit_days=int(data.term_limit_days),
        extension_days=ext,
        **values,
        **texts,
    )


def _validate_actual(data: AssignmentData, status: AssignmentStatus, today: dt.date) -> None:
    started = status in (S.ON_SITE, S.COMPLETED, S.CANCELLED)
    if data.actual_start is not None and not started:
        raise ValidationError(
            N_("The actual start is recorded when the people arrive: take the procedure to “On site”."),
            field="actual_start",
        )
    if data.actual_end is not None and status not in (S.COMPLETED, S.CANCELLED):
        raise ValidationError(
            N_("The actual end is recorded when the stay is over: take the procedure to “Completed”."),
            field="actual_end",
        )
    if data.actual_end is not None and data.actual_start is None:
        raise ValidationError(N_("An actual end needs an actual start."), field="actual_start")
    for f in ("actual_start", "actual_end"):
        v = getattr(data, f)
        if v is not None and v > today:
            raise ValidationError(N_("An actual date cannot be later than today."), field=f)
    if data.actual_end is not None and data.actual_end < data.actual_start:
        raise ValidationError(
            N_("The actual end ({end}) is before the actual start ({start})."),
            field="actual_end",
            end=format_date(data.actual_end),
            start=format_date(data.actual_start),
        )


def period(data: AssignmentData) -> tuple[dt.date, dt.date, dt.date]:
    """(start, end, last day of the term) the assignment covers."""
    start = data.actual_start or data.planned_start
    last = term_end(start, data.term_limit_days, data.extension_days)
    end = data.actual_end or data.planned_end or last
    return start, max(start, end), last


# --- warnings ---------------------------------------------------------------------------------------


def quota_counts(session: Session, quota_id: int, exclude_id: int | None = None) -> tuple[int, int]:
    """(used, planned) people of a quota, leaving out one assignment."""
    stmt = (
        select(Assignment.status, func.coalesce(func.sum(Assignment.head_count), 0))
        .where(Assignment.quota_id == quota_id)
        .group_by(Assignment.status)
    )
    if exclude_id is not None:
        stmt = stmt.where(Assignment.id != exclude_id)
    used = planned = 0
    for status, n in session.execute(stmt):
        if status in (S.ON_SITE, S.COMPLETED):
            used += n
        elif status != S.CANCELLED:
            planned += n
    return used, planned


def _warnings(
    session: Session, data: AssignmentData, status: AssignmentStatus, old: Assignment | None
) -> list[ExpertWarning]:
    from app.i18n import current_language

    lang = current_language()
    out: list[ExpertWarning] = []
    start, end, last = period(data)
    if data.quota_id is not None and status != S.CANCELLED:
        quota = session.get(ExpertQuota, data.quota_id)
        used, planned = quota_counts(session, quota.id, old.id if old is not None else None)
        count = len(data.person_ids)
        before = (
            old.head_count
            if old is not None and old.quota_id == quota.id and old.status != S.CANCELLED
            else 0
        )
        if used + planned + count > quota.number and count > before:
            out.append(
                ExpertWarning(
                    "quota_overdrawn",
                    f"{quota.id}:{used + planned + count}",
                    N_(
                        "This assignment would overdraw the quota by {over}: {number} agreed, {used} used "
                        "and {planned} planned, {count} more asked."
                    ),
                    dict(over=used + planned + count - quota.number, number=quota.number, used=used,
                         planned=planned, count=count),
                )
            )  # fmt: skip
        if quota.max_term_days and data.term_days > quota.max_term_days:
            out.append(
                ExpertWarning(
                    "quota_term",
                    f"{quota.id}:{data.term_days}",
                    N_("The term of {days} days is longer than the {limit} days the quota allows."),
                    dict(days=data.term_days, limit=quota.max_term_days),
                )
            )
        if not quota.period_from <= start <= quota.period_to:
            out.append(
                ExpertWarning(
                    "quota_period",
                    f"{quota.id}:{start.isoformat()}",
                    N_("The stay starts on {start}, outside the quota's period ({from_} to {to})."),
                    dict(start=format_date(start), from_=format_date(quota.period_from),
                         to=format_date(quota.period_to)),
                )
            )  # fmt: skip
    if data.actual_start and data.actual_end:
        days = stay_days(data.actual_start, data.actual_end)
        if days > data.term_days:
            out.append(
                ExpertWarning(
                    "term_exceeded",
                    f"{days}:{data.term_days}",
                    N_(
                        "The stay lasted {days} days, longer than the term limit of {limit} days, and no "
                        "extension covers it."
                    ),
                    dict(days=days, limit=data.term_days),
                )
            )
    elif data.planned_end is not None:
        days = stay_days(data.actual_start or data.planned_start, data.planned_end)
        if days > data.term_days:
            out.append(
                ExpertWarning(
                    "term_exceeded",
                    f"{days}:{data.term_days}",
                    N_(
                        "The planned stay of {days} days is longer than the term limit of {limit} days, "
                        "and no extension covers it."
                    ),
                    dict(days=days, limit=data.term_days),
                )
            )
    if status != S.CANCELLED:
        out.extend(_overlap_warnings(session, data, start, end, old.id if old is not None else None, lang))
    if old is not None:
        done = {(o.code, o.key) for o in old.overrides}
        out = [w for w in out if (w.code, w.key) not in done]
    return out


def _overlap_warnings(session, data, start, end, own_id, lang) -> list[ExpertWarning]:
    from app.core.models.experts import assignment_people as ap

    stmt = (
        select(ap.c.person_id, Assignment)
        .join(Assignment, Assignment.id == ap.c.assignment_id)
        .where(
            ap.c.person_id.in_(data.person_ids),
            Assignment.status != S.CANCELLED.value,
            Assignment.start_date <= end,
            Assignment.end_date >= start,
        )
        .order_by(Assignment.start_date)
    )
    if own_id is not None:
        stmt = stmt.where(Assignment.id != own_id)
    out = []
    for person_id, other in session.execute(stmt):
        if not overlaps(start, end, other.start_date, other.end_date):
            continue
        person = session.get(Person, person_id)
        out.append(
            ExpertWarning(
                "overlap",
                f"{person_id}:{other.id}",
                N_("{name} is also sent to {host} from {start} to {end}."),
                dict(
                    name=pick(lang, person.name_zh, person.name_ru, person.name_latin),
                    host=pick(lang, other.host_organisation_zh, other.host_organisation_ru),
                    start=format_date(other.start_date),
                    end=format_date(other.end_date),
                ),
            )
        )
    return out


def _record_overrides(row: Assignment, warnings: list[ExpertWarning], reason: str, today: dt.date) -> None:
    for w in warnings:
        row.overrides.append(
            WarningOverride(code=w.code, key=w.key, message=w.message, reason=reason, date=today)
        )


def _check_warnings(session, data, status, old, override_reason: str) -> tuple[list[ExpertWarning], str]:
    warnings = _warnings(session, data, status, old)
    reason = clean_text(override_reason)
    if warnings and not reason:
        raise NeedsOverride(warnings)
    return warnings, reason


# --- writing ----------------------------------------------------------------------------------------


def _apply(row: Assignment, session: Session, data: AssignmentData) -> None:
    row.sending_side_id = data.sending_side_id
    row.receiving_side_id = data.receiving_side_id
    row.purpose = AssignmentPurpose(data.purpose).value
    for f in _TEXT_FIELDS + _MULTILINE:
        setattr(row, f, getattr(data, f))
    for f in ("planned_start", "planned_end", "actual_start", "actual_end", "term_limit_days",
              "extension_days", "meeting_id", "decision_id", "quota_id"):  # fmt: skip
        setattr(row, f, getattr(data, f))
    people = {
        p.id: p for p in session.execute(select(Person).where(Person.id.in_(data.person_ids))).scalars()
    }
    row.people = sorted((people[i] for i in data.person_ids), key=lambda p: (p.name_ru, p.id))
    row.head_count = len(row.people)
    row.start_date, row.end_date, row.term_end = period(data)


def save_assignment(
    session: Session,
    data: AssignmentData,
    *,
    override_reason: str = "",
    today: dt.date | None = None,
    proposed: StepData | None = None,
) -> AssignmentData:
    """Add (``data.id`` None) or update an assignment. A new one starts as "proposed", with a
    first step dated ``proposed.date`` (default today)."""
    today = today or dt.date.today()
    old = _row(session, data.id) if data.id is not None else None
    status = S(old.status) if old is not None else S.PROPOSED
    data = validate(session, data, status, today)
    step = None
    if old is None:
        step = _proposed_step(session, data, proposed, today)
    warnings, reason = _check_warnings(session, data, status, old, override_reason)
    row = old if old is not None else Assignment(status=S.PROPOSED.value)
    _apply(row, session, data)
    if old is None:
        session.add(row)
        row.steps.append(step)
    _record_overrides(row, warnings, reason, today)
    session.flush()
    return assignment_data(row)


def _proposed_step(
    session, data: AssignmentData, proposed: StepData | None, today: dt.date
) -> AssignmentStep:
    proposed = proposed or StepData(S.PROPOSED)
    date = proposed.date or today
    if date > today:
        raise ValidationError(N_("A step is recorded once it has happened: the date cannot be later than today."),
                              field="date")  # fmt: skip
    _check_handlers(session, data, proposed)
    return AssignmentStep(
        position=0,
        status=S.PROPOSED.value,
        date=date,
        sending_person_id=proposed.sending_person_id,
        sending_text=clean(proposed.sending_text),
        receiving_person_id=proposed.receiving_person_id,
        receiving_text=clean(proposed.receiving_text),
        reason=clean_text(proposed.reason),
    )


def delete_assignment(session: Session, assignment_id: int) -> None:
    row = _row(session, assignment_id)
    attachments.remove_all(session, OWNER_KIND, row.id)
    session.delete(row)
    session.flush()


# --- the procedure ----------------------------------------------------------------------------------


def next_statuses(status: AssignmentStatus) -> list[AssignmentStatus]:
    """Where the procedure can go from ``status``: the later steps (skipping needs a reason), or
    cancelled."""
    status = S(status)
    if status.is_final:
        return []
    return [*PROCEDURE[status.rank + 1 :], S.CANCELLED]


def skipped_steps(current: AssignmentStatus, target: AssignmentStatus) -> tuple[AssignmentStatus, ...]:
    current, target = S(current), S(target)
    if target == S.CANCELLED or target.rank <= current.rank:
        return ()
    return PROCEDURE[current.rank + 1 : target.rank]


def _check_handlers(session: Session, data, step: StepData) -> None:
    from app.i18n import current_language

    for f, side_id, msg in (
        ("sending_person_id", data.sending_side_id, N_("{name} does not belong to the sending side.")),
        ("receiving_person_id", data.receiving_side_id, N_("{name} does not belong to the receiving side.")),
    ):
        pid = getattr(step, f)
        if pid is None:
            continue
        person = session.get(Person, pid)
        if person is None:
            raise ValidationError(N_("This person no longer exists."), field=f)
        if person.side_id != side_id:
            raise ValidationError(
                msg, field=f, name=pick(current_language(), person.name_zh, person.name_ru, person.name_latin)
            )
    for f in ("sending_text", "receiving_text"):
        if len(clean(getattr(step, f))) > 300:
            raise ValidationError(N_("This field cannot be longer than {n} characters."), field=f, n=300)


def advance(
    session: Session,
    assignment_id: int,
    step: StepData,
    *,
    override_reason: str = "",
    today: dt.date | None = None,
) -> AssignmentData:
    """Take the procedure to ``step.status``. Skipping steps, or cancelling, needs a reason."""
    today = today or dt.date.today()
    row = _row(session, assignment_id)
    current = S(row.status)
    try:
        target = S(step.status)
    except ValueError:
        raise ValidationError(N_("Choose the step to record."), field="status") from None
    if current.is_final:
        raise ValidationError(
            N_("The assignment is {status}: its procedure is over."),
            field="status",
            status=current.label.lower(),
        )
    if target not in next_statuses(current):
        raise ValidationError(
            N_("The procedure cannot go back from “{current}” to “{target}”."),
            field="status",
            current=current.label,
            target=target.label,
        )
    if step.date is None:
        raise ValidationError(N_("Give the date of this step."), field="date")
    if step.date > today:
        raise ValidationError(
            N_("A step is recorded once it has happened: the date cannot be later than today."), field="date"
        )
    last = row.steps[-1] if row.steps else None
    if last is not None and step.date < last.date:
        raise ValidationError(
            N_("The date cannot be earlier than that of the previous step ({date})."),
            field="date",
            date=format_date(last.date),
        )
    skipped = skipped_steps(current, target)
    reason = clean_text(step.reason)
    sep = pgettext("list separator", ", ")
    if skipped and not reason:
        raise ValidationError(
            N_("Going from “{current}” to “{target}” skips {skipped}: give the reason."),
            field="reason",
            current=current.label,
            target=target.label,
            skipped=sep.join(f"“{s.label}”" for s in skipped),
        )
    if target == S.CANCELLED and not reason:
        raise ValidationError(N_("Give the reason for the cancellation."), field="reason")
    data = assignment_data(row)
    _check_handlers(session, data, step)
    if target == S.ON_SITE:
        data = replace(data, actual_start=step.date)
    elif target == S.COMPLETED:
        start = data.actual_start or data.planned_start
        if step.date < start:
            raise ValidationError(
                N_("The stay cannot end ({end}) before it started ({start})."),
                field="date",
                end=format_date(step.date),
                start=format_date(start),
            )
        data = replace(data, actual_start=start, actual_end=step.date)
    warnings, why = (
        _check_warnings(session, data, target, row, override_reason) if target == S.COMPLETED else ([], "")
    )
    row.steps.append(
        AssignmentStep(
            position=(last.position + 1) if last is not None else 0,
            status=target.value,
            date=step.date,
            sending_person_id=step.sending_person_id,
            sending_text=clean(step.sending_text),
            receiving_person_id=step.receiving_person_id,
            receiving_text=clean(step.receiving_text),
            skipped=",".join(s.value for s in skipped),
            reason=reason,
        )
    )
    row.status = target.value
    row.actual_start, row.actual_end = data.actual_start, data.actual_end
    row.start_date, row.end_date, row.term_end = period(data)
    _record_overrides(row, warnings, why, today)
    session.flush()
    return assignment_data(row)


def revert_last_step(session: Session, assignment_id: int) -> AssignmentData:
    """Undo the last step recorded (a mistake): the status goes back to the step before."""
    row = _row(session, assignment_id)
    if len(row.steps) < 2:
        raise ValidationError(
            N_("There is no step to undo: the assignment is only proposed."), field="status"
        )
    last = row.steps[-1]
    previous = row.steps[-2]
    data = assignment_data(row)
    if last.status == S.ON_SITE.value:
        data = replace(data, actual_start=None)
    elif last.status == S.COMPLETED.value:
        data = replace(data, actual_end=None)
        if previous.status != S.ON_SITE.value:  # the start was taken from the plan
            data = replace(data, actual_start=None)
    row.steps.remove(last)
    row.status = previous.status
    row.actual_start, row.actual_end = data.actual_start, data.actual_end
    row.start_date, row.end_date, row.term_end = period(data)
    session.flush()
    return assignment_data(row)
