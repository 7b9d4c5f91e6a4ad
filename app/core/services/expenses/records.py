"""Expenses of the sessions: who pays (by the commission's rule), validation, the register's queries.

The rule of the founding memorandum: "All costs of organizing the joint commission's meetings will
be charged to the Government where the meeting is held, whereas each Government will be
responsible for expenditures of its own delegation." The payer is derived by :func:`payer_side_id`
from the kind of the expense, the session's host and the delegation; it is never typed in.

Corrections are separate entries: a correction points at the expense it reduces, gives a reason,
and is entered as a positive amount that is stored (and summed) negative. It shares the corrected
expense's session, kind, category, delegation and currency, and never takes it below zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import MeetingStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import DelegationMember, Expense, ExpenseCategory, ExpenseKind, Meeting, Side
from app.core.models.base import like_pattern
from app.core.services import attachments as attachments_service
from app.core.services import settings
from app.core.services.expenses.fields import EXPENSE
from app.core.services.money import (
    check_amount,
    clean_currency,
    from_minor,
    parse_amount,
    sort_currencies,
    sum_by_currency,
    to_minor,
)
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, current_language, format_date, format_money

OWNER_KIND = "expense"
OUTSIDE_DAYS_KEY = "expenses.outside_period_days"
#: An expense dated further than this from the session's dates asks the user to confirm.
settings.register(OUTSIDE_DAYS_KEY, 60)


class ExpenseWarning(ValidationError):
    """Input that is allowed but unusual: saved only once the user confirms (``confirmed=True``)."""


# --- the rule ---------------------------------------------------------------------------------


def payer_side_id(kind: ExpenseKind | str, host_side_id: int, delegation_side_id: int | None) -> int:
    """Who bears an expense: the host side for organising the session, else the delegation's side."""
    if ExpenseKind(kind) is ExpenseKind.ORGANISATION:
        return host_side_id
    if delegation_side_id is None:
        raise ValidationError(
            N_("A delegation cost needs the delegation it belongs to."), field="delegation_side_id"
        )
    return delegation_side_id


def _payer_sql():
    """The same rule in SQL (for filtering by side): dialect-neutral CASE."""
    return case(
        (Expense.kind == ExpenseKind.ORGANISATION.value, Meeting.host_side_id),
        else_=Expense.delegation_side_id,
    )


# --- plain data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpenseInput:
    """What a form hands in. ``amount`` is a Decimal, or text typed in the interface language."""

    meeting_id: int | None = None
    kind: ExpenseKind | str = ExpenseKind.ORGANISATION
    category: ExpenseCategory | str = ExpenseCategory.OTHER
    delegation_side_id: int | None = None
    amount: Decimal | str | None = None
    currency: str = "CNY"
    spent_on: dt.date | None = None
    description_zh: str = ""
    description_ru: str = ""
    correction_of_id: int | None = None
    correction_reason: str = ""
    id: int | None = None
    #: the version the expense was read at (None: no check against a change made meanwhile)
    version: int | None = None


@dataclass(frozen=True)
class ExpenseData:
    id: int
    uuid: str
    meeting_id: int
    kind: ExpenseKind
    category: ExpenseCategory
    delegation_side_id: int | None
    payer_side_id: int
    #: signed: a correction is negative
    amount: Decimal
    currency: str
    spent_on: dt.date
    description_zh: str = ""
    description_ru: str = ""
    correction_of_id: int | None = None
    correction_reason: str = ""
    receipts: int = 0
    version: int | None = None

    @property
    def is_correction(self) -> bool:
        return self.correction_of_id is not None

    def description(self, lang: str) -> str:
        return pick(lang, self.description_zh, self.description_ru)


@dataclass(frozen=True)
class ExpenseFilter:
    """The tab's filters; None means "any"."""

    meeting_id: int | None = None
    side_id: int | None = None
    kind: ExpenseKind | None = None
    category: ExpenseCategory | None = None
    currency: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Validated:
    """Cleaned values ready to store, and the warnings the user must confirm."""

    values: dict
    warnings: list[ValidationError] = field(default_factory=list)


# --- validation -------------------------------------------------------------------------------


def _meeting(session: Session, meeting_id: int | None) -> Meeting:
    field = EXPENSE["meeting_id"]
    field.validate(meeting_id)
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise ValidationError(field.required_msgid, field=field.name)
    return row


def has_delegation(session: Session, meeting_id: int, side_id: int) -> bool:
    n = session.execute(
        select(func.count(DelegationMember.id)).where(
            DelegationMember.meeting_id == meeting_id, DelegationMember.side_id == side_id
        )
    ).scalar_one()
    return n > 0


def _side_name(side: Side, lang: str | None = None) -> str:
    return (
        pick(lang or current_language(), side.name_short_zh, side.name_short_ru, side.name_short_en)
        or side.code
    )


def validate(session: Session, data: ExpenseInput, lang: str | None = None) -> Validated:
    """Check an expense (or a correction); ValidationError names the first bad field."""
    if data.correction_of_id is not None:
        return _validate_correction(session, data, lang)
    meeting = _meeting(session, data.meeting_id)
    EXPENSE.validate(data, ("kind", "category"))
    kind, category = ExpenseKind(data.kind), ExpenseCategory(data.category)
    side_id = data.delegation_side_id if kind is ExpenseKind.DELEGATION else None
    payer_side_id(kind, meeting.host_side_id, side_id)  # refuses a delegation cost without a delegation
    if side_id is not None:
        side = session.get(Side, side_id)
        if side is None:
            raise ValidationError(
                N_("A delegation cost needs the delegation it belongs to."), field="delegation_side_id"
            )
        if not has_delegation(session, meeting.id, side_id):
            raise ValidationError(
                N_("{side} has no delegation at session {number} yet: add its members first."),
                field="delegation_side_id",
                side=_side_name(side),
                number=meeting.ordinal,
            )
    currency = clean_currency(data.currency)
    amount = check_amount(parse_amount(data.amount, lang), currency)
    EXPENSE["spent_on"].validate(data.spent_on)
    description_zh, description_ru = clean_text(data.description_zh), clean_text(data.description_ru)
    texts = {"description_zh": description_zh, "description_ru": description_ru}
    EXPENSE.validate(texts, texts.keys())
    if not (description_zh or description_ru):
        raise ValidationError(N_("Describe the expense in Chinese or in Russian."), field="description_zh")
    values = dict(
        meeting_id=meeting.id,
        kind=kind.value,
        category=category.value,
        delegation_side_id=side_id,
        amount_minor=to_minor(amount, currency),
        currency=currency,
        spent_on=data.spent_on,
        description_zh=description_zh,
        description_ru=description_ru,
        correction_of_id=None,
        correction_reason="",
    )
    return Validated(values, _date_warnings(session, meeting, data.spent_on))


def _date_warnings(session: Session, meeting: Meeting, spent_on: dt.date) -> list[ValidationError]:
    limit = int(settings.get(session, OUTSIDE_DAYS_KEY) or 0)
    if limit <= 0:
        return []
    start, end = meeting.start_date, meeting.end_date
    if start - dt.timedelta(days=limit) <= spent_on <= end + dt.timedelta(days=limit):
        return []
    return [
        ExpenseWarning(
            N_(
                "The expense is dated {date}, more than {limit} days away from session {number} "
                "({start} – {end}). Save it anyway?"
            ),
            field="spent_on",
            date=format_date(spent_on),
            limit=limit,
            number=meeting.ordinal,
            start=format_date(start),
            end=format_date(end),
        )
    ]


def _validate_correction(session: Session, data: ExpenseInput, lang: str | None) -> Validated:
    original = session.get(Expense, data.correction_of_id)
    if original is None:
        raise NotFoundError(N_("The expense to correct no longer exists; someone may have deleted it."))
    if original.correction_of_id is not None:
        raise ValidationError(
            N_("A correction corrects an expense, not another correction."), field="correction_of_id"
        )
    meeting = session.get(Meeting, original.meeting_id)
    reason = clean_text(data.correction_reason)
    amount = check_amount(parse_amount(data.amount, lang), original.currency)
    if not reason:
        raise ValidationError(N_("Give the reason for the correction."), field="correction_reason")
    EXPENSE.validate(
        {"correction_reason": reason, "spent_on": data.spent_on}, ("correction_reason", "spent_on")
    )
    # what remains of the expense once its other corrections are taken off
    others = select(func.coalesce(func.sum(Expense.amount_minor), 0)).where(
        Expense.correction_of_id == original.id
    )
    if data.id is not None:
        others = others.where(Expense.id != data.id)
    remaining = original.amount_minor + session.execute(others).scalar_one()
    minor = to_minor(amount, original.currency)
    if minor > remaining:
        raise ValidationError(
            N_("A correction cannot take more than what remains of the expense: {amount}."),
            field="amount",
            amount=format_money(from_minor(remaining, original.currency), original.currency),
        )
    values = dict(
        meeting_id=original.meeting_id,
        kind=original.kind,
        category=original.category,
        delegation_side_id=original.delegation_side_id,
        amount_minor=-minor,
        currency=original.currency,
        spent_on=data.spent_on,
        description_zh=clean_text(data.description_zh),
        description_ru=clean_text(data.description_ru),
        correction_of_id=original.id,
        correction_reason=reason,
    )
    return Validated(values, _date_warnings(session, meeting, data.spent_on))


# --- writing ----------------------------------------------------------------------------------


def _check_open(session: Session, row: Expense) -> None:
    meeting = session.get(Meeting, row.meeting_id)
    if meeting is not None and meeting.status == MeetingStatus.CLOSED.value:
        raise ValidationError(
            N_("Session {number} is closed: its expenses can no longer change. Enter a correction instead."),
            number=meeting.ordinal,
        )


def _raise_warnings(validated: Validated, confirmed: bool) -> None:
    if validated.warnings and not confirmed:
        raise validated.warnings[0]


@changes(Change.EXPENSES)
def add_expense(
    session: Session, data: ExpenseInput, *, confirmed: bool = False, lang: str | None = None
) -> ExpenseData:
    """Add an expense or a correction. Unconfirmed warnings raise :class:`ExpenseWarning`."""
    validated = validate(session, data, lang)
    _raise_warnings(validated, confirmed)
    row = Expense(**validated.values)
    session.add(row)
    session.flush()
    return get_expense(session, row.id)


@changes(Change.EXPENSES)
def update_expense(
    session: Session, data: ExpenseInput, *, confirmed: bool = False, lang: str | None = None
) -> ExpenseData:
    row = session.get(Expense, data.id) if data.id is not None else None
    if row is None:
        raise NotFoundError(N_("This expense no longer exists; someone may have deleted it."))
    _check_open(session, row)
    if (row.correction_of_id is None) != (data.correction_of_id is None) or (
        row.correction_of_id is not None and row.correction_of_id != data.correction_of_id
    ):
        raise ValidationError(N_("An expense cannot become a correction, nor a correction an expense."))
    validated = validate(session, data, lang)
    values = validated.values
    versions.check(session, row, data.version, _as_typed(values), _as_typed(row))
    _raise_warnings(validated, confirmed)
    corrections = session.execute(select(Expense).where(Expense.correction_of_id == row.id)).scalars().all()
    if corrections:
        fixed = ("meeting_id", "kind", "category", "delegation_side_id", "currency")
        if any(getattr(row, f) != values[f] for f in fixed):
            raise ValidationError(
                N_(
                    "This expense has corrections: its session, kind, category, delegation and currency "
                    "can no longer change."
                )
            )
        if values["amount_minor"] + sum(c.amount_minor for c in corrections) < 0:
            raise ValidationError(
                N_("The amount cannot be less than what its corrections already took off."), field="amount"
            )
    for k, v in values.items():
        setattr(row, k, v)
    versions.flush(session)
    return get_expense(session, row.id)


#: The fields of an expense as a form shows them, compared when a save is stale.
_COMPARED = ("meeting_id", "kind", "category", "delegation_side_id", "spent_on", "amount", "currency",
             "description_zh", "description_ru", "correction_reason")  # fmt: skip


def _as_typed(values: dict | Expense) -> dict:
    """Stored values (a row, or validated values) as the fields of :class:`ExpenseInput`."""
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
    out = {k: get(k) for k in _COMPARED if k != "amount"}
    out["amount"] = from_minor(get("amount_minor"), get("currency"))
    return {k: out[k] for k in _COMPARED}


@changes(Change.EXPENSES, Change.ATTACHMENTS)
def delete_expense(session: Session, expense_id: int) -> None:
    row = session.get(Expense, expense_id)
    if row is None:
        raise NotFoundError(N_("This expense no longer exists; someone may have deleted it."))
    _check_open(session, row)
    n = session.execute(
        select(func.count(Expense.id)).where(Expense.correction_of_id == expense_id)
    ).scalar_one()
    if n:
        raise ValidationError(N_("This expense has corrections: delete them first."))
    attachments_service.remove_all(session, OWNER_KIND, expense_id)
    session.delete(row)
    session.flush()


# --- reading ----------------------------------------------------------------------------------


def _data(row: Expense, host_side_id: int, receipts: int = 0) -> ExpenseData:
    return ExpenseData(
        id=row.id,
        uuid=row.uuid,
        meeting_id=row.meeting_id,
        kind=ExpenseKind(row.kind),
        category=ExpenseCategory(row.category),
        delegation_side_id=row.delegation_side_id,
        payer_side_id=payer_side_id(row.kind, host_side_id, row.delegation_side_id),
        amount=from_minor(row.amount_minor, row.currency),
        currency=row.currency,
        spent_on=row.spent_on,
        description_zh=row.description_zh,
        description_ru=row.description_ru,
        correction_of_id=row.correction_of_id,
        correction_reason=row.correction_reason,
        receipts=receipts,
        version=row.version,
    )


def get_expense(session: Session, expense_id: int) -> ExpenseData:
    row = session.execute(
        select(Expense, Meeting.host_side_id)
        .join(Meeting, Expense.meeting_id == Meeting.id)
        .where(Expense.id == expense_id)
    ).first()
    if row is None:
        raise NotFoundError(N_("This expense no longer exists; someone may have deleted it."))
    receipts = attachments_service.count_by_owner(session, OWNER_KIND, [expense_id]).get(expense_id, 0)
    return _data(row[0], row[1], receipts)


def remaining(session: Session, expense_id: int) -> Decimal:
    """What is left of an expense once its corrections are taken off."""
    row = session.get(Expense, expense_id)
    if row is None:
        raise NotFoundError(N_("This expense no longer exists; someone may have deleted it."))
    taken = session.execute(
        select(func.coalesce(func.sum(Expense.amount_minor), 0)).where(Expense.correction_of_id == row.id)
    ).scalar_one()
    return from_minor(row.amount_minor + taken, row.currency)


def _filtered(stmt, f: ExpenseFilter):
    stmt = stmt.join(Meeting, Expense.meeting_id == Meeting.id)
    if f.meeting_id is not None:
        stmt = stmt.where(Expense.meeting_id == f.meeting_id)
    if f.side_id is not None:
        stmt = stmt.where(_payer_sql() == f.side_id)
    if f.kind is not None:
        stmt = stmt.where(Expense.kind == ExpenseKind(f.kind).value)
    if f.category is not None:
        stmt = stmt.where(Expense.category == ExpenseCategory(f.category).value)
    if f.currency:
        stmt = stmt.where(Expense.currency == f.currency)
    if clean(f.text):
        stmt = stmt.where(Expense.search_text.like(like_pattern(f.text), escape="\\"))
    return stmt


SORT_KEYS = {
    "spent_on": (Expense.spent_on,),
    "kind": (Expense.kind,),
    "category": (Expense.category,),
    "payer": (_payer_sql(),),
    "payer_side_id": (_payer_sql(),),
    "description_zh": (Expense.description_zh, Expense.description_ru),
    "description_ru": (Expense.description_ru, Expense.description_zh),
    "amount": (Expense.currency, Expense.amount_minor),
    "currency": (Expense.currency,),
}


def search_expenses(
    session: Session,
    f: ExpenseFilter,
    *,
    sort: str | None = "spent_on",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ExpenseData]:
    keys = SORT_KEYS.get(sort or "spent_on", SORT_KEYS["spent_on"])
    order = [k.desc() if descending else k.asc() for k in keys]
    stmt = _filtered(select(Expense, Meeting.host_side_id), f).order_by(*order, Expense.id)
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    counts = attachments_service.count_by_owner(session, OWNER_KIND, [r[0].id for r in rows])
    return [_data(e, host, counts.get(e.id, 0)) for e, host in rows]


def count_expenses(session: Session, f: ExpenseFilter) -> int:
    return session.execute(_filtered(select(func.count(Expense.id)), f)).scalar_one()


def sums(session: Session, f: ExpenseFilter) -> dict[str, Decimal]:
    """Exact sums per currency of what the filter shows (corrections included, negative)."""
    stmt = _filtered(select(Expense.currency, func.sum(Expense.amount_minor)), f).group_by(Expense.currency)
    return sum_by_currency((c, from_minor(m or 0, c)) for c, m in session.execute(stmt))


def currencies_used(session: Session, meeting_id: int | None = None) -> list[str]:
    stmt = select(Expense.currency).distinct()
    if meeting_id is not None:
        stmt = stmt.where(Expense.meeting_id == meeting_id)
    return sort_currencies(session.execute(stmt).scalars())
