"""Warnings of the experts register: things a user may go ahead with, giving a reason that is
recorded with the assignment (an overdrawn quota, a stay beyond the term limit, a term longer than
the quota allows, a start outside the quota's period, the same person in two places at once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import CoreError
from app.core.models import Person
from app.core.models.experts import Assignment, AssignmentStatus, ExpertQuota, WarningOverride
from app.core.services.experts.data import AssignmentData, period
from app.core.services.experts.dates import overlaps, stay_days
from app.core.services.text import clean_text, pick
from app.i18n import N_, _, format_date

S = AssignmentStatus


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


def warnings_for(
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


def record_overrides(row: Assignment, warnings: list[ExpertWarning], reason: str, today: dt.date) -> None:
    for w in warnings:
        row.overrides.append(
            WarningOverride(code=w.code, key=w.key, message=w.message, reason=reason, date=today)
        )


def check_warnings(session, data, status, old, override_reason: str) -> tuple[list[ExpertWarning], str]:
    warnings = warnings_for(session, data, status, old)
    reason = clean_text(override_reason)
    if warnings and not reason:
        raise NeedsOverride(warnings)
    return warnings, reason
