"""The procedure of an assignment, step by step: proposed → invited → accepted → travel arranged →
on site → completed, or cancelled. Each step records its date and who handled it on each side; a
step skipped, or a cancellation, needs a recorded reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.errors import ValidationError
from app.core.models.experts import PROCEDURE, AssignmentStatus, AssignmentStep
from app.core.services.experts.assignments import check_handlers, load_row
from app.core.services.experts.data import AssignmentData, StepData, assignment_data, period
from app.core.services.experts.warnings import check_warnings, record_overrides
from app.core.services.text import clean, clean_text
from app.i18n import N_, format_date, pgettext

S = AssignmentStatus


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


@changes(Change.EXPERTS)
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
    row = load_row(session, assignment_id)
    current = S(row.status)
    try:
        target = S(step.status)
    except ValueError:
        raise ValidationError(N_("Choose the step to record."), field="status") from None
    if current.is_final:
        raise ValidationError(
            N_("The procedure of this assignment is over (“{status}”)."),
            field="status",
            status=current.label,
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
            skipped=sep.join(pgettext("quoted", "“{text}”").format(text=s.label) for s in skipped),
        )
    if target == S.CANCELLED and not reason:
        raise ValidationError(N_("Give the reason for the cancellation."), field="reason")
    data = assignment_data(row)
    check_handlers(session, data, step)
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
        check_warnings(session, data, target, row, override_reason) if target == S.COMPLETED else ([], "")
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
    record_overrides(row, warnings, why, today)
    session.flush()
    return assignment_data(row)


@changes(Change.EXPERTS)
def revert_last_step(session: Session, assignment_id: int) -> AssignmentData:
    """Undo the last step recorded (a mistake): the status goes back to the step before."""
    row = load_row(session, assignment_id)
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
