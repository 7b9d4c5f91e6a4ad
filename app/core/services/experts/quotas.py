"""Quotas of experts: how many people of some purposes one side sends to the other in a period, by
which decision; and how much of each is used (on site or completed), planned (proposed to travel
arranged) and left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Decision, Meeting, Side
from app.core.models.experts import (
    PLANNED_STATUSES,
    USED_STATUSES,
    Assignment,
    AssignmentPurpose,
    ExpertQuota,
)
from app.core.services import references
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, _, format_date, pgettext


@dataclass(frozen=True)
class QuotaData:
    sending_side_id: int | None = None
    receiving_side_id: int | None = None
    purposes: tuple[AssignmentPurpose, ...] = ()
    speciality_zh: str = ""
    speciality_ru: str = ""
    number: int | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    max_term_days: int | None = None
    decision_id: int | None = None
    notes: str = ""
    # read back only
    id: int | None = None
    uuid: str = ""
    sending_code: str = ""
    receiving_code: str = ""
    sending_name_zh: str = ""
    sending_name_ru: str = ""
    receiving_name_zh: str = ""
    receiving_name_ru: str = ""
    sending_name_en: str = ""
    receiving_name_en: str = ""
    decision_ref: tuple[int, int] | None = None  # (session ordinal, decision number)
    used: int = 0
    planned: int = 0
    #: the version the quota was read at (a save of an older copy is a conflict; None: no check)
    version: int | None = None

    @property
    def left(self) -> int:
        return (self.number or 0) - self.used - self.planned

    def speciality(self, lang: str) -> str:
        return pick(lang, self.speciality_zh, self.speciality_ru)

    def purposes_label(self) -> str:
        return pgettext("list separator", ", ").join(p.label for p in self.purposes)

    def direction(self, lang: str) -> str:
        sending = pick(lang, self.sending_name_zh, self.sending_name_ru, self.sending_name_en)
        receiving = pick(lang, self.receiving_name_zh, self.receiving_name_ru, self.receiving_name_en)
        return f"{sending or self.sending_code} → {receiving or self.receiving_code}"

    def decision_label(self) -> str:
        if self.decision_ref is None:
            return ""
        return _("Decision {session}/{number}").format(
            session=self.decision_ref[0], number=self.decision_ref[1]
        )

    def label(self, lang: str) -> str:
        """ "Decision 1/5: Technical expert, USSR → PRC, 25 (from … to …)"."""
        parts = [self.purposes_label()]
        if self.speciality(lang):
            parts.append(self.speciality(lang))
        text = _("{what}, {direction}: {number}").format(
            what=pgettext("list separator", ", ").join(parts),
            direction=self.direction(lang),
            number=self.number,
        )
        if self.decision_ref is not None:
            text = f"{self.decision_label()} — {text}"
        return text

    def period_label(self) -> str:
        return _("{from_} to {to}").format(
            from_=format_date(self.period_from), to=format_date(self.period_to)
        )


def _usage(session: Session, quota_ids: list[int]) -> dict[int, tuple[int, int]]:
    if not quota_ids:
        return {}
    rows = session.execute(
        select(Assignment.quota_id, Assignment.status, func.coalesce(func.sum(Assignment.head_count), 0))
        .where(Assignment.quota_id.in_(quota_ids))
        .group_by(Assignment.quota_id, Assignment.status)
    )
    out: dict[int, list[int]] = {}
    used_values = {s.value for s in USED_STATUSES}
    planned_values = {s.value for s in PLANNED_STATUSES}
    for qid, status, n in rows:
        acc = out.setdefault(qid, [0, 0])
        if status in used_values:
            acc[0] += n
        elif status in planned_values:
            acc[1] += n
    return {k: (v[0], v[1]) for k, v in out.items()}


def _stmt():
    sending = Side.__table__.alias("sending")
    receiving = Side.__table__.alias("receiving")
    return (
        select(
            ExpertQuota,
            sending.c.code,
            sending.c.name_short_zh,
            sending.c.name_short_ru,
            sending.c.name_short_en,
            receiving.c.code,
            receiving.c.name_short_zh,
            receiving.c.name_short_ru,
            receiving.c.name_short_en,
            Meeting.ordinal,
            Decision.number,
        )
        .join(sending, sending.c.id == ExpertQuota.sending_side_id)
        .join(receiving, receiving.c.id == ExpertQuota.receiving_side_id)
        .outerjoin(Decision, Decision.id == ExpertQuota.decision_id)
        .outerjoin(Meeting, Meeting.id == Decision.meeting_id)
    )


def _data(row, usage: dict[int, tuple[int, int]]) -> QuotaData:
    q, scode, szh, sru, sen, rcode, rzh, rru, ren, ordinal, number = row
    used, planned = usage.get(q.id, (0, 0))
    return QuotaData(
        sending_side_id=q.sending_side_id,
        receiving_side_id=q.receiving_side_id,
        purposes=tuple(AssignmentPurpose(p) for p in q.purposes.split(",") if p),
        speciality_zh=q.speciality_zh,
        speciality_ru=q.speciality_ru,
        number=q.number,
        period_from=q.period_from,
        period_to=q.period_to,
        max_term_days=q.max_term_days,
        decision_id=q.decision_id,
        notes=q.notes,
        id=q.id,
        uuid=q.uuid,
        sending_code=scode,
        receiving_code=rcode,
        sending_name_zh=szh,
        sending_name_ru=sru,
        receiving_name_zh=rzh,
        receiving_name_ru=rru,
        sending_name_en=sen,
        receiving_name_en=ren,
        decision_ref=(ordinal, number) if number is not None else None,
        used=used,
        planned=planned,
        version=q.version,
    )


SORT_COLUMNS = {
    "direction": ExpertQuota.sending_side_id,
    "purposes": ExpertQuota.purposes,
    "number": ExpertQuota.number,
    "period_from": ExpertQuota.period_from,
    "period_to": ExpertQuota.period_to,
    "decision": Decision.number,
}


def list_quotas(
    session: Session,
    *,
    sending_side_id: int | None = None,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[QuotaData]:
    stmt = _stmt()
    if sending_side_id is not None:
        stmt = stmt.where(ExpertQuota.sending_side_id == sending_side_id)
    column = SORT_COLUMNS.get(sort or "", ExpertQuota.period_from)
    stmt = stmt.order_by(column.desc() if descending else column.asc(), ExpertQuota.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    usage = _usage(session, [r[0].id for r in rows])
    return [_data(r, usage) for r in rows]


def count_quotas(session: Session, *, sending_side_id: int | None = None) -> int:
    stmt = select(func.count(ExpertQuota.id))
    if sending_side_id is not None:
        stmt = stmt.where(ExpertQuota.sending_side_id == sending_side_id)
    return session.execute(stmt).scalar_one()


def get_quota(session: Session, quota_id: int) -> QuotaData:
    row = session.execute(_stmt().where(ExpertQuota.id == quota_id)).one_or_none()
    if row is None:
        raise NotFoundError(N_("This quota no longer exists; someone may have deleted it."))
    return _data(row, _usage(session, [quota_id]))


def matching_quotas(
    session: Session, sending_side_id: int | None, receiving_side_id: int | None, purpose, on: dt.date | None
) -> list[QuotaData]:
    """Quotas an assignment could count against: same direction and purpose, the period holding
    ``on`` first."""
    if sending_side_id is None or receiving_side_id is None or purpose is None:
        return []
    purpose = AssignmentPurpose(purpose)
    out = [
        q
        for q in list_quotas(session, sending_side_id=sending_side_id)
        if q.receiving_side_id == receiving_side_id and purpose in q.purposes
    ]
    if on is not None:
        out.sort(key=lambda q: (not (q.period_from <= on <= q.period_to), q.period_from))
    return out


def validate(session: Session, data: QuotaData) -> QuotaData:
    if data.sending_side_id is None or session.get(Side, data.sending_side_id) is None:
        raise ValidationError(N_("Choose the side that sends the people."), field="sending_side_id")
    if data.receiving_side_id is None or session.get(Side, data.receiving_side_id) is None:
        raise ValidationError(N_("Choose the side that receives them."), field="receiving_side_id")
    if data.sending_side_id == data.receiving_side_id:
        raise ValidationError(
            N_("The sending and the receiving side must be different."), field="receiving_side_id"
        )
    try:
        purposes = tuple(dict.fromkeys(AssignmentPurpose(p) for p in data.purposes))
    except ValueError:
        purposes = ()
    if not purposes:
        raise ValidationError(N_("Choose at least one purpose the quota covers."), field="purposes")
    if data.number is None or int(data.number) <= 0:
        raise ValidationError(N_("The number of people must be greater than zero."), field="number")
    if data.period_from is None:
        raise ValidationError(N_("Give the start of the quota's period."), field="period_from")
    if data.period_to is None:
        raise ValidationError(N_("Give the end of the quota's period."), field="period_to")
    if data.period_to < data.period_from:
        raise ValidationError(
            N_("The period ends ({end}) before it starts ({start})."),
            field="period_to",
            end=format_date(data.period_to),
            start=format_date(data.period_from),
        )
    if data.max_term_days is not None and int(data.max_term_days) <= 0:
        raise ValidationError(
            N_("The longest stay is a number of days greater than zero."), field="max_term_days"
        )
    if data.decision_id is not None and session.get(Decision, data.decision_id) is None:
        raise ValidationError(N_("This decision no longer exists."), field="decision_id")
    values = {f: clean(getattr(data, f)) for f in ("speciality_zh", "speciality_ru")}
    for f, v in values.items():
        if len(v) > 300:
            raise ValidationError(N_("This field cannot be longer than {n} characters."), field=f, n=300)
    return replace(
        data,
        purposes=purposes,
        number=int(data.number),
        max_term_days=int(data.max_term_days) if data.max_term_days is not None else None,
        notes=clean_text(data.notes),
        **values,
    )


@changes(Change.EXPERTS)
def save_quota(session: Session, data: QuotaData) -> QuotaData:
    row = None
    if data.id is not None:
        row = session.get(ExpertQuota, data.id)
        if row is None:
            raise NotFoundError(N_("This quota no longer exists; someone may have deleted it."))
    data = validate(session, data)
    if row is not None:
        versions.check(session, row, data.version, _compared(data), _compared(get_quota(session, row.id)))
    if row is not None and (row.sending_side_id, row.receiving_side_id) != (
        data.sending_side_id,
        data.receiving_side_id,
    ):
        n = session.execute(
            select(func.count(Assignment.id)).where(Assignment.quota_id == row.id)
        ).scalar_one()
        if n:
            raise ValidationError(
                N_("The direction cannot change while assignments count against the quota."),
                field="sending_side_id",
            )
    if row is None:
        row = ExpertQuota()
        session.add(row)
    row.sending_side_id = data.sending_side_id
    row.receiving_side_id = data.receiving_side_id
    row.purposes = ",".join(p.value for p in data.purposes)
    row.speciality_zh, row.speciality_ru = data.speciality_zh, data.speciality_ru
    row.number = data.number
    row.period_from, row.period_to = data.period_from, data.period_to
    row.max_term_days = data.max_term_days
    row.decision_id = data.decision_id
    row.notes = data.notes
    versions.flush(session)
    return get_quota(session, row.id)


#: What a save compares with the stored quota when it was changed meanwhile.
COMPARED = ("sending_side_id", "receiving_side_id", "purposes", "speciality_zh", "speciality_ru", "number",
            "period_from", "period_to", "max_term_days", "decision_id", "notes")  # fmt: skip


def _compared(data: QuotaData) -> dict:
    values = versions.values(data, COMPARED)
    values["purposes"] = tuple(sorted(AssignmentPurpose(p) for p in values["purposes"]))
    return values


@changes(Change.EXPERTS)
def delete_quota(session: Session, quota_id: int) -> None:
    row = session.get(ExpertQuota, quota_id)
    if row is None:
        raise NotFoundError(N_("This quota no longer exists; someone may have deleted it."))
    refs = references.referencing(session, "expert_quotas", quota_id)
    if refs:
        raise ValidationError(
            N_("The quota cannot be deleted: {places} count against it."), places=references.describe(refs)
        )
    session.delete(row)
    session.flush()
