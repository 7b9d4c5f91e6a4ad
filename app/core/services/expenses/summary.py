"""What each side bears at a session, budgets against spending, rates the user entered, and the
plain data of the statement.

Every total is exact (Decimal) and per currency; two currencies are never added together. A
converted total exists only where the user entered a dated rate for the session, and it always
travels with the rates and dates it was computed with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Budget, ExchangeRate, Expense, ExpenseCategory, ExpenseKind, Meeting, Side
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.agenda.sessions import MeetingData
from app.core.services.commission import CommissionData, SideData
from app.core.services.expenses.records import ExpenseData, ExpenseFilter, payer_side_id, search_expenses
from app.core.services.money import (
    add_into,
    check_amount,
    clean_currency,
    decimal_text,
    from_minor,
    merge,
    parse_amount,
    parse_rate,
    round_to,
    sort_currencies,
    sum_by_currency,
    to_minor,
)
from app.i18n import N_

Totals = dict[str, Decimal]


# --- what each side bears ----------------------------------------------------------------------


@dataclass(frozen=True)
class PartTotals:
    """One part of what a side bears (organisation or delegation): per category, per currency."""

    by_category: dict[ExpenseCategory, Totals] = field(default_factory=dict)

    @property
    def totals(self) -> Totals:
        return merge(*self.by_category.values())

    def category(self, category: ExpenseCategory) -> Totals:
        return self.by_category.get(category, {})


@dataclass(frozen=True)
class SideBurden:
    side: SideData
    is_host: bool
    organisation: PartTotals
    delegation: PartTotals

    @property
    def totals(self) -> Totals:
        return merge(self.organisation.totals, self.delegation.totals)

    def category_totals(self, category: ExpenseCategory) -> Totals:
        return merge(self.organisation.category(category), self.delegation.category(category))


@dataclass(frozen=True)
class SessionSummary:
    meeting: MeetingData
    sides: tuple[SideBurden, ...]

    @property
    def totals(self) -> Totals:
        return merge(*(s.totals for s in self.sides))

    @property
    def currencies(self) -> list[str]:
        return list(self.totals)

    def side(self, side_id: int) -> SideBurden:
        return next(s for s in self.sides if s.side.id == side_id)


def _ordered(parts: dict[ExpenseCategory, dict[str, Decimal]]) -> dict[ExpenseCategory, Totals]:
    return {c: sum_by_currency(parts[c].items()) for c in ExpenseCategory if c in parts}


def summary(session: Session, meeting_id: int) -> SessionSummary:
    """What each side bears at a session, split into organisation and delegation, by category."""
    meeting = meetings_service.get_meeting(session, meeting_id)
    sides = commission_service.get_sides(session)
    rows = session.execute(
        select(
            Expense.kind,
            Expense.category,
            Expense.delegation_side_id,
            Expense.currency,
            func.sum(Expense.amount_minor),
        )
        .where(Expense.meeting_id == meeting_id)
        .group_by(Expense.kind, Expense.category, Expense.delegation_side_id, Expense.currency)
    ).all()
    parts: dict[tuple[int, ExpenseKind], dict[ExpenseCategory, dict[str, Decimal]]] = {}
    for kind, category, delegation_side_id, currency, minor in rows:
        payer = payer_side_id(kind, meeting.host_side_id, delegation_side_id)
        bucket = parts.setdefault((payer, ExpenseKind(kind)), {}).setdefault(ExpenseCategory(category), {})
        add_into(bucket, currency, from_minor(minor or 0, currency))
    burdens = tuple(
        SideBurden(
            side=s,
            is_host=s.id == meeting.host_side_id,
            organisation=PartTotals(_ordered(parts.get((s.id, ExpenseKind.ORGANISATION), {}))),
            delegation=PartTotals(_ordered(parts.get((s.id, ExpenseKind.DELEGATION), {}))),
        )
        for s in sides
    )
    return SessionSummary(meeting, burdens)


# --- budgets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetInput:
    meeting_id: int | None = None
    side_id: int | None = None
    category: ExpenseCategory | str = ExpenseCategory.OTHER
    currency: str = "CNY"
    amount: Decimal | str | None = None
    #: The budget the form was read from (None: a new one) and its version then: a save of a
    #: budget someone else changed meanwhile is refused (ConflictError).
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class BudgetLine:
    id: int
    meeting_id: int
    side_id: int
    category: ExpenseCategory
    currency: str
    budget: Decimal
    spent: Decimal
    version: int | None = None

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent

    @property
    def over(self) -> bool:
        return self.spent > self.budget

    @property
    def percent(self) -> int:
        """Spent as a whole percentage of the budget (rounded down)."""
        return int(self.spent * 100 // self.budget) if self.budget else 0


def budget_lines(session: Session, meeting_id: int, summ: SessionSummary | None = None) -> list[BudgetLine]:
    """Every budget of a session with what its side has spent on that category in that currency."""
    summ = summ or summary(session, meeting_id)
    order = {c: i for i, c in enumerate(ExpenseCategory)}
    positions = {s.side.id: s.side.position for s in summ.sides}
    lines = []
    for b in session.execute(select(Budget).where(Budget.meeting_id == meeting_id)).scalars():
        category = ExpenseCategory(b.category)
        spent = summ.side(b.side_id).category_totals(category).get(b.currency, Decimal(0))
        spent = spent if spent else from_minor(0, b.currency)
        lines.append(
            BudgetLine(
                b.id,
                b.meeting_id,
                b.side_id,
                category,
                b.currency,
                from_minor(b.amount_minor, b.currency),
                spent,
                b.version,
            )
        )
    lines.sort(
        key=lambda x: (positions.get(x.side_id, 9), order[x.category], sort_currencies([x.currency]), x.id)
    )
    return lines


@changes(Change.EXPENSES)
def set_budget(session: Session, data: BudgetInput, lang: str | None = None) -> BudgetLine:
    """Set (or replace) the budget of a side for a category and currency at a session."""
    if data.meeting_id is None or session.get(Meeting, data.meeting_id) is None:
        raise ValidationError(N_("Choose the session the expense belongs to."), field="meeting_id")
    if data.side_id is None or session.get(Side, data.side_id) is None:
        raise ValidationError(N_("Choose the side whose budget this is."), field="side_id")
    try:
        category = ExpenseCategory(data.category)
    except ValueError:
        raise ValidationError(N_("Choose the category of the expense."), field="category") from None
    currency = clean_currency(data.currency)
    amount = check_amount(parse_amount(data.amount, lang), currency)
    if data.id is not None:  # the budget the form was read from: unchanged by anyone else since
        read = session.get(Budget, data.id)
        if read is None:
            raise NotFoundError(N_("This budget no longer exists."))
        versions.check(
            session,
            read,
            data.version,
            {"side_id": data.side_id, "category": category, "currency": currency, "amount": amount},
            {"side_id": read.side_id, "category": ExpenseCategory(read.category), "currency": read.currency,
             "amount": from_minor(read.amount_minor, read.currency)},
        )  # fmt: skip
    row = session.execute(
        select(Budget).where(
            Budget.meeting_id == data.meeting_id,
            Budget.side_id == data.side_id,
            Budget.category == category.value,
            Budget.currency == currency,
        )
    ).scalar_one_or_none()
    if row is None:
        row = Budget(
            meeting_id=data.meeting_id, side_id=data.side_id, category=category.value, currency=currency
        )
        session.add(row)
    row.amount_minor = to_minor(amount, currency)
    versions.flush(session)
    return next(b for b in budget_lines(session, data.meeting_id) if b.id == row.id)


@changes(Change.EXPENSES)
def remove_budget(session: Session, budget_id: int) -> None:
    row = session.get(Budget, budget_id)
    if row is None:
        raise NotFoundError(N_("This budget no longer exists."))
    session.delete(row)
    session.flush()


# --- exchange rates, only when asked -----------------------------------------------------------


@dataclass(frozen=True)
class RateInput:
    meeting_id: int | None = None
    rate_date: dt.date | None = None
    from_currency: str = "RUB"
    to_currency: str = "CNY"
    rate: Decimal | str | None = None
    #: The rate the form was read from (None: a new one) and its version then (see BudgetInput).
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class RateData:
    """1 ``from_currency`` = ``rate`` ``to_currency``, as of ``rate_date``."""

    id: int
    meeting_id: int
    rate_date: dt.date
    from_currency: str
    to_currency: str
    rate: Decimal
    version: int | None = None


@dataclass(frozen=True)
class Converted:
    """A total converted into ``currency`` with the user's rates; ``amount`` is None when a currency of
    the total has no rate into ``currency`` (those are listed in ``missing``)."""

    currency: str
    amount: Decimal | None
    rates: tuple[RateData, ...]
    missing: tuple[str, ...] = ()


def _rate_data(r: ExchangeRate) -> RateData:
    return RateData(
        r.id, r.meeting_id, r.rate_date, r.from_currency, r.to_currency, Decimal(r.rate), r.version
    )


def list_rates(session: Session, meeting_id: int) -> list[RateData]:
    rows = session.execute(
        select(ExchangeRate)
        .where(ExchangeRate.meeting_id == meeting_id)
        .order_by(ExchangeRate.to_currency, ExchangeRate.from_currency)
    ).scalars()
    return [_rate_data(r) for r in rows]


@changes(Change.EXPENSES)
def set_rate(session: Session, data: RateInput, lang: str | None = None) -> RateData:
    """Enter (or replace) the session's rate from one currency into another."""
    if data.meeting_id is None or session.get(Meeting, data.meeting_id) is None:
        raise ValidationError(N_("Choose the session the expense belongs to."), field="meeting_id")
    source = clean_currency(data.from_currency, field="from_currency")
    target = clean_currency(data.to_currency, field="to_currency")
    if source == target:
        raise ValidationError(N_("A rate converts between two different currencies."), field="to_currency")
    if data.rate_date is None:
        raise ValidationError(N_("Enter the date of the rate."), field="rate_date")
    rate = parse_rate(data.rate, lang)
    if data.id is not None:  # the rate the form was read from: unchanged by anyone else since
        read = session.get(ExchangeRate, data.id)
        if read is None:
            raise NotFoundError(N_("This rate no longer exists."))
        versions.check(
            session,
            read,
            data.version,
            {"from_currency": source, "to_currency": target, "rate": rate, "rate_date": data.rate_date},
            {"from_currency": read.from_currency, "to_currency": read.to_currency, "rate": Decimal(read.rate),
             "rate_date": read.rate_date},
        )  # fmt: skip
    row = session.execute(
        select(ExchangeRate).where(
            ExchangeRate.meeting_id == data.meeting_id,
            ExchangeRate.from_currency == source,
            ExchangeRate.to_currency == target,
        )
    ).scalar_one_or_none()
    if row is None:
        row = ExchangeRate(meeting_id=data.meeting_id, from_currency=source, to_currency=target)
        session.add(row)
    row.rate_date = data.rate_date
    row.rate = decimal_text(rate)
    versions.flush(session)
    return _rate_data(row)


@changes(Change.EXPENSES)
def remove_rate(session: Session, rate_id: int) -> None:
    row = session.get(ExchangeRate, rate_id)
    if row is None:
        raise NotFoundError(N_("This rate no longer exists."))
    session.delete(row)
    session.flush()


def convert(totals: Totals, rates: list[RateData], target: str) -> Converted:
    """``totals`` in ``target``: each currency converted with its rate and rounded to the target's
    decimals (half up), then added. Only the rates into ``target`` that were used are returned."""
    by_source = {r.from_currency: r for r in rates if r.to_currency == target}
    used, missing = [], []
    amount = round_to(Decimal(0), target)
    for currency, value in totals.items():
        if currency == target:
            amount += value
        elif currency in by_source:
            used.append(by_source[currency])
            amount += round_to(value * by_source[currency].rate, target)
        else:
            missing.append(currency)
    return Converted(target, None if missing else amount, tuple(used), tuple(missing))


def conversions(totals: Totals, rates: list[RateData]) -> list[Converted]:
    """One converted total per currency the user has rates into (none without rates)."""
    return [convert(totals, rates, t) for t in sort_currencies(r.to_currency for r in rates)]


# --- the statement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryLines:
    category: ExpenseCategory
    lines: tuple[ExpenseData, ...]

    @property
    def subtotal(self) -> Totals:
        return sum_by_currency((e.currency, e.amount) for e in self.lines)


@dataclass(frozen=True)
class SideStatement:
    burden: SideBurden
    organisation: tuple[CategoryLines, ...]
    delegation: tuple[CategoryLines, ...]
    converted: tuple[Converted, ...] = ()

    @property
    def side(self) -> SideData:
        return self.burden.side


@dataclass(frozen=True)
class StatementData:
    commission: CommissionData
    meeting: MeetingData
    sides: tuple[SideStatement, ...]
    rates: tuple[RateData, ...]
    converted: tuple[Converted, ...]
    fingerprint: str
    #: every expense of the session by id (corrections name the expense they correct)
    expenses: dict[int, ExpenseData] = field(default_factory=dict)
    budgets: tuple[BudgetLine, ...] = ()

    @property
    def totals(self) -> Totals:
        return merge(*(s.burden.totals for s in self.sides))

    def ordered_sides(self, lang: str) -> list[SideStatement]:
        """The side whose working language is the document's comes first (each text names its own
        side first)."""
        return sorted(self.sides, key=lambda s: (s.side.language != lang, s.side.position))


def _group(lines: list[ExpenseData]) -> tuple[CategoryLines, ...]:
    by_cat: dict[ExpenseCategory, list[ExpenseData]] = {}
    for e in lines:
        by_cat.setdefault(e.category, []).append(e)
    return tuple(CategoryLines(c, tuple(by_cat[c])) for c in ExpenseCategory if c in by_cat)


def fingerprint(
    meeting_uuid: str, expenses: list[ExpenseData], rates: list[RateData], sides: dict[int, str]
) -> str:
    """A hash of what the statement states, the same in Chinese and in Russian: both sides can
    compare their copies by this code alone."""
    uuids = {e.id: e.uuid for e in expenses}
    canon = {
        "session": meeting_uuid,
        "expenses": sorted(
            [
                e.uuid,
                e.kind.value,
                e.category.value,
                sides.get(e.payer_side_id, ""),
                e.currency,
                decimal_text(e.amount),
                e.spent_on.isoformat(),
                e.description_zh,
                e.description_ru,
                uuids.get(e.correction_of_id, "") if e.correction_of_id else "",
                e.correction_reason,
            ]
            for e in expenses
        ),
        "rates": sorted(
            [r.from_currency, r.to_currency, decimal_text(r.rate), r.rate_date.isoformat()] for r in rates
        ),
    }
    digest = hashlib.sha256(json.dumps(canon, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    short = digest[:12].upper()
    return " ".join(short[i : i + 4] for i in range(0, 12, 4))


def statement(session: Session, meeting_id: int, *, with_lines: bool = True) -> StatementData:
    """Everything the statement of a session prints, in plain data. Without lines (for the tab's
    panels) the totals, budgets and conversions come from SQL sums only, and there is no fingerprint."""
    summ = summary(session, meeting_id)
    commission = commission_service.get_commission(session)
    expenses = (
        search_expenses(session, ExpenseFilter(meeting_id=meeting_id), sort="spent_on") if with_lines else []
    )
    rates = list_rates(session, meeting_id)
    sides = []
    for burden in summ.sides:
        own = [e for e in expenses if e.payer_side_id == burden.side.id]
        org = [e for e in own if e.kind is ExpenseKind.ORGANISATION]
        dlg = [e for e in own if e.kind is ExpenseKind.DELEGATION]
        sides.append(
            SideStatement(burden, _group(org), _group(dlg), tuple(conversions(burden.totals, rates)))
        )
    session_converted = []
    for target in sort_currencies(r.to_currency for r in rates):
        parts = [next(c for c in s.converted if c.currency == target) for s in sides]
        if any(p.amount is None for p in parts):
            missing = tuple(sort_currencies(m for p in parts for m in p.missing))
            session_converted.append(Converted(target, None, (), missing))
        else:
            used = {r.id: r for p in parts for r in p.rates}
            session_converted.append(
                Converted(
                    target,
                    sum((p.amount for p in parts), round_to(Decimal(0), target)),
                    tuple(used[k] for k in sorted(used)),
                )
            )
    meeting_row = session.get(Meeting, meeting_id)
    codes = {s.side.id: s.side.code for s in summ.sides}
    return StatementData(
        commission=commission,
        meeting=summ.meeting,
        sides=tuple(sides),
        rates=tuple(rates),
        converted=tuple(session_converted),
        fingerprint=fingerprint(meeting_row.uuid, expenses, rates, codes) if with_lines else "",
        expenses={e.id: e for e in expenses},
        budgets=tuple(budget_lines(session, meeting_id, summ)),
    )
