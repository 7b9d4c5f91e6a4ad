"""Experts and delegations: adding, changing and deleting assignments.

An assignment sends people of one side to the other. Errors (an end before the start, a person of
the wrong side…) raise :class:`ValidationError` and cannot be overridden. Warnings (an overdrawn
quota, a stay beyond the term limit, an overlap with another assignment…) raise
:class:`NeedsOverride`; the caller may save again with a reason, which is recorded with the
assignment, and the same warning is not asked again. The procedure itself (invited, accepted…)
lives in :mod:`app.core.services.experts.procedure`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Decision, Meeting, Person, Side
from app.core.models.experts import (
    PROCEDURE,
    Assignment,
    AssignmentPurpose,
    AssignmentStatus,
    AssignmentStep,
    ExpertQuota,
)
from app.core.services import attachments
from app.core.services.experts.data import (
    MULTILINE_FIELDS,
    OWNER_KIND,
    TEXT_FIELDS,
    AssignmentData,
    OverrideData,
    PersonRef,
    StepData,
    assignment_data,
    period,
)
from app.core.services.experts.fields import ASSIGNMENT, MAX_TERM_DAYS
from app.core.services.experts.warnings import ExpertWarning, NeedsOverride, check_warnings, record_overrides
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, format_date

__all__ = [
    "OWNER_KIND",
    "PROCEDURE",
    "AssignmentData",
    "ExpertWarning",
    "NeedsOverride",
    "OverrideData",
    "PersonRef",
    "StepData",
    "delete_assignment",
    "get_assignment",
    "save_assignment",
    "validate",
]

S = AssignmentStatus


def load_row(session: Session, assignment_id: int | None) -> Assignment:
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
    return assignment_data(load_row(session, assignment_id))


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

    values = {f: clean(getattr(data, f)) for f in TEXT_FIELDS}
    texts = {f: clean_text(getattr(data, f)) for f in MULTILINE_FIELDS}
    if data.sending_side_id is None or session.get(Side, data.sending_side_id) is None:
        raise ValidationError(N_("Choose the side that sends the people."), field="sending_side_id")
    if data.receiving_side_id is None or session.get(Side, data.receiving_side_id) is None:
        raise ValidationError(N_("Choose the side that receives them."), field="receiving_side_id")
    if data.sending_side_id == data.receiving_side_id:
        raise ValidationError(
            N_("The sending and the receiving side must be different."), field="receiving_side_id"
        )
    ASSIGNMENT.validate(data, ("purpose",))
    purpose = AssignmentPurpose(data.purpose)
    person_ids = tuple(dict.fromkeys(data.person_ids))
    ASSIGNMENT["people"].validate(person_ids or None)
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
    ASSIGNMENT.validate(values, values.keys())
    ASSIGNMENT.validate(data, ("planned_start",))
    if data.planned_end is not None and data.planned_end < data.planned_start:
        raise ValidationError(
            N_("The planned end ({end}) is before the planned start ({start})."),
            field="planned_end",
            end=format_date(data.planned_end),
            start=format_date(data.planned_start),
        )
    numbers = {
        "term_limit_days": _as_int(data.term_limit_days),
        "extension_days": _as_int(data.extension_days or 0),
    }
    if isinstance(numbers["term_limit_days"], int) and numbers["term_limit_days"] > MAX_TERM_DAYS:
        raise ValidationError(N_("A term limit cannot exceed ten years."), field="term_limit_days")
    ASSIGNMENT.validate(numbers, numbers.keys())
    ext = numbers["extension_days"]
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
        term_limit_days=numbers["term_limit_days"],
        extension_days=ext,
        **values,
        **texts,
    )


def _as_int(value):
    """A whole number typed as text or a float (30, "30", 30.0) as an int; anything else unchanged."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


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


def _apply(row: Assignment, session: Session, data: AssignmentData) -> None:
    row.sending_side_id = data.sending_side_id
    row.receiving_side_id = data.receiving_side_id
    row.purpose = AssignmentPurpose(data.purpose).value
    for f in TEXT_FIELDS + MULTILINE_FIELDS:
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


#: What a save compares with the stored assignment when it was changed meanwhile.
COMPARED = ("sending_side_id", "receiving_side_id", "person_ids", "purpose", *TEXT_FIELDS, *MULTILINE_FIELDS,
            "planned_start", "planned_end", "actual_start", "actual_end", "term_limit_days", "extension_days",
            "meeting_id", "decision_id", "quota_id")  # fmt: skip


def _compared(data: AssignmentData) -> dict:
    values = versions.values(data, COMPARED)
    values["person_ids"] = tuple(sorted(values["person_ids"]))
    return values


@changes(Change.EXPERTS)
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
    old = load_row(session, data.id) if data.id is not None else None
    status = S(old.status) if old is not None else S.PROPOSED
    data = validate(session, data, status, today)
    if old is not None:
        versions.check(session, old, data.version, _compared(data), _compared(assignment_data(old)))
    step = None
    if old is None:
        step = _proposed_step(session, data, proposed, today)
    warnings, reason = check_warnings(session, data, status, old, override_reason)
    row = old if old is not None else Assignment(status=S.PROPOSED.value)
    _apply(row, session, data)
    if old is None:
        session.add(row)
        row.steps.append(step)
    record_overrides(row, warnings, reason, today)
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
    check_handlers(session, data, proposed)
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


@changes(Change.EXPERTS, Change.ATTACHMENTS)
def delete_assignment(session: Session, assignment_id: int) -> None:
    row = load_row(session, assignment_id)
    attachments.remove_all(session, OWNER_KIND, row.id)
    session.delete(row)
    session.flush()


def check_handlers(session: Session, data, step: StepData) -> None:
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
