"""What each side bears, budgets against spending, converted totals only with the user's rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.errors import ValidationError
from app.core.models import ExpenseCategory, ExpenseKind
from app.core.services.expenses import records as svc
from app.core.services.expenses import summary as summ_svc
from app.core.services.expenses.records import ExpenseInput
from app.core.services.expenses.summary import BudgetInput, RateInput
from tests.core.expense_setup import START, add_session, setup_commission

K, C = ExpenseKind, ExpenseCategory
D = Decimal


@pytest.fixture
def world(db):
    with db.unit() as s:
        sides = setup_commission(s)
        mid = add_session(s, sides, 1, "CN")
        cn, su = sides["CN"], sides["SU"]
        for kind, side, cat, amount, cur in [
            (K.ORGANISATION, None, C.VENUE, "12000.00", "CNY"),
            (K.ORGANISATION, None, C.INTERPRETATION, "3400.50", "CNY"),
            (K.ORGANISATION, None, C.RECEPTION, "2800.00", "CNY"),
            (K.DELEGATION, cn, C.PER_DIEM, "600.00", "CNY"),
            (K.DELEGATION, su, C.LODGING, "4200.00", "CNY"),
            (K.DELEGATION, su, C.TRANSPORT, "15230.40", "RUB"),
            (K.DELEGATION, su, C.PER_DIEM, "2250.00", "RUB"),
        ]:
            svc.add_expense(s, ExpenseInput(mid, kind, cat, side, D(amount), cur, START, "说明", "описание"))
    return db, sides, mid


def test_summary_splits_what_each_side_bears(world):
    db, sides, mid = world
    with db.unit() as s:
        summary = summ_svc.summary(s, mid)
    cn, su = summary.side(sides["CN"]), summary.side(sides["SU"])
    assert cn.is_host and not su.is_host
    assert cn.organisation.totals == {"CNY": D("18200.50")}
    assert cn.organisation.category(C.INTERPRETATION) == {"CNY": D("3400.50")}
    assert list(cn.organisation.by_category) == [C.VENUE, C.INTERPRETATION, C.RECEPTION]
    assert cn.delegation.totals == {"CNY": D("600.00")}
    assert cn.totals == {"CNY": D("18800.50")}
    assert su.organisation.totals == {}
    assert su.delegation.by_category == {
        C.TRANSPORT: {"RUB": D("15230.40")},
        C.LODGING: {"CNY": D("4200.00")},
        C.PER_DIEM: {"RUB": D("2250.00")},
    }
    assert su.totals == {"CNY": D("4200.00"), "RUB": D("17480.40")}
    assert summary.totals == {"CNY": D("23000.50"), "RUB": D("17480.40")}


def test_summary_counts_corrections(world):
    db, sides, mid = world
    with db.unit() as s:
        venue = next(
            e for e in svc.search_expenses(s, svc.ExpenseFilter(meeting_id=mid)) if e.category is C.VENUE
        )
        svc.add_expense(s, ExpenseInput(correction_of_id=venue.id, amount="0.50", spent_on=START,
                                        correction_reason="округление"))  # fmt: skip
        summary = summ_svc.summary(s, mid)
    assert summary.side(sides["CN"]).organisation.category(C.VENUE) == {"CNY": D("11999.50")}


def test_budgets_show_spent_against_budget(world):
    db, sides, mid = world
    with db.unit() as s:
        summ_svc.set_budget(s, BudgetInput(mid, sides["CN"], C.VENUE, "CNY", "10 000,00"), lang="ru")
        summ_svc.set_budget(s, BudgetInput(mid, sides["SU"], C.TRANSPORT, "RUB", D("20000")))
        line = summ_svc.set_budget(s, BudgetInput(mid, sides["SU"], C.PER_DIEM, "RUB", D("3000")))
        assert line.spent == D("2250.00") and line.remaining == D("750.00") and line.percent == 75
        summ_svc.set_budget(s, BudgetInput(mid, sides["SU"], C.TRANSPORT, "RUB", D("15000")))  # replaced
        lines = summ_svc.budget_lines(s, mid)
    assert [(b.side_id, b.category, b.budget, b.spent, b.over) for b in lines] == [
        (sides["CN"], C.VENUE, D("10000.00"), D("12000.00"), True),
        (sides["SU"], C.TRANSPORT, D("15000.00"), D("15230.40"), True),
        (sides["SU"], C.PER_DIEM, D("3000.00"), D("2250.00"), False),
    ]


@pytest.mark.parametrize(
    "changes, field",
    [(dict(side_id=None), "side_id"), (dict(amount="0"), "amount"), (dict(currency="QQQ"), "currency"),
     (dict(category="x"), "category"), (dict(amount="1.001"), "amount")],
)  # fmt: skip
def test_bad_budgets_are_refused(world, changes, field):
    db, sides, mid = world
    args = dict(meeting_id=mid, side_id=sides["CN"], category=C.VENUE, currency="CNY", amount="100")
    args.update(changes)
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            summ_svc.set_budget(s, BudgetInput(**args))
        assert info.value.field == field
        assert summ_svc.budget_lines(s, mid) == []


def test_no_converted_total_without_a_rate(world):
    db, _sides, mid = world
    with db.unit() as s:
        data = summ_svc.statement(s, mid)
    assert data.rates == () and data.converted == ()
    assert all(side.converted == () for side in data.sides)


def test_a_dated_rate_gives_a_converted_total_that_names_it(world):
    db, sides, mid = world
    day = dt.date(1958, 6, 1)
    with db.unit() as s:
        rate = summ_svc.set_rate(s, RateInput(mid, day, "rub", "CNY", "0,5"), lang="ru")
        assert rate.rate == D("0.5") and rate.from_currency == "RUB"
        data = summ_svc.statement(s, mid)
    (total,) = data.converted
    assert total.currency == "CNY" and total.rates == (rate,)
    # 23000.50 CNY + 17480.40 RUB × 0.5
    assert total.amount == D("23000.50") + D("8740.20")
    su = next(x for x in data.sides if x.side.id == sides["SU"])
    assert su.converted[0].amount == D("4200.00") + D("8740.20")
    # the session's converted total is the sum of the sides': both statements agree to the fen
    assert total.amount == sum(x.converted[0].amount for x in data.sides)


def test_a_converted_total_with_a_currency_lacking_a_rate_is_not_given(world):
    db, _sides, mid = world
    with db.unit() as s:
        summ_svc.set_rate(s, RateInput(mid, START, "CNY", "RUB", D("2.2222")))
        data = summ_svc.statement(s, mid)
        (total,) = data.converted
        assert total.currency == "RUB" and total.amount is not None
        summ_svc.set_rate(s, RateInput(mid, START, "RUB", "USD", D("0.25")))
        conv = summ_svc.conversions(data.totals, summ_svc.list_rates(s, mid))
    usd = next(c for c in conv if c.currency == "USD")
    assert usd.amount is None and usd.missing == ("CNY",)


def test_conversion_rounds_half_up_to_the_target_currency():
    rate = summ_svc.RateData(1, 1, START, "RUB", "CNY", D("0.333"))
    c = summ_svc.convert({"RUB": D("10.50")}, [rate], "CNY")
    assert c.amount == D("3.50")  # 3.4965 -> 3.50
    c = summ_svc.convert({"RUB": D("1.50")}, [rate], "CNY")
    assert c.amount == D("0.50")  # 0.4995 -> 0.50


@pytest.mark.parametrize(
    "changes, field",
    [(dict(from_currency="CNY", to_currency="CNY"), "to_currency"), (dict(rate="0"), "rate"),
     (dict(rate=""), "rate"), (dict(rate_date=None), "rate_date"), (dict(from_currency="ZZZ"), "from_currency")],
)  # fmt: skip
def test_bad_rates_are_refused(world, changes, field):
    db, _sides, mid = world
    args = dict(meeting_id=mid, rate_date=START, from_currency="RUB", to_currency="CNY", rate="0.5")
    args.update(changes)
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            summ_svc.set_rate(s, RateInput(**args))
        assert info.value.field == field
        assert summ_svc.list_rates(s, mid) == []


def test_the_fingerprint_changes_with_the_amounts_only_and_not_with_the_language(world):
    db, _sides, mid = world
    with db.unit() as s:
        first = summ_svc.statement(s, mid).fingerprint
        again = summ_svc.statement(s, mid).fingerprint
        e = svc.search_expenses(s, svc.ExpenseFilter(meeting_id=mid))[0]
        svc.add_expense(s, ExpenseInput(correction_of_id=e.id, amount="0.01", spent_on=START,
                                        correction_reason="ошибка"))  # fmt: skip
        changed = summ_svc.statement(s, mid).fingerprint
    assert first == again != changed
    assert len(first) == 14 and first.count(" ") == 2


def test_statement_groups_lines_by_side_kind_and_category(world):
    db, sides, mid = world
    with db.unit() as s:
        data = summ_svc.statement(s, mid)
    cn = next(x for x in data.sides if x.side.code == "CN")
    assert [g.category for g in cn.organisation] == [C.VENUE, C.INTERPRETATION, C.RECEPTION]
    assert [g.category for g in cn.delegation] == [C.PER_DIEM]
    assert [x.side.code for x in data.ordered_sides("ru")] == ["SU", "CN"]
    assert [x.side.code for x in data.ordered_sides("zh")] == ["CN", "SU"]


def test_the_demo_has_expenses_for_both_sessions_with_receipts_budgets_and_a_rate(demo_db):
    from app.core.services import attachments
    from app.core.services.agenda import sessions as meetings

    with demo_db.unit() as s:
        ms = {m.ordinal: m for m in meetings.list_meetings(s)}
        first = summ_svc.statement(s, ms[1].id)
        second = summ_svc.summary(s, ms[2].id)
        cn1 = next(x for x in first.sides if x.side.code == "CN")
        su1 = next(x for x in first.sides if x.side.code == "SU")
        assert cn1.burden.is_host and cn1.burden.organisation.totals["CNY"] > 0
        assert set(su1.burden.totals) == {"CNY", "SUR"}
        assert su1.burden.organisation.totals == {}
        assert set(first.totals) == {"CNY", "SUR"}
        assert any(e.is_correction for e in first.expenses.values())
        assert first.converted and first.converted[0].amount is not None
        su2 = second.side(next(b.side.id for b in second.sides if b.side.code == "SU"))
        assert su2.is_host and su2.organisation.totals["SUR"] > 0
        assert summ_svc.budget_lines(s, ms[2].id)
        receipts = sum(
            len(attachments.list_attachments(s, svc.OWNER_KIND, e.id))
            for e in svc.search_expenses(s, svc.ExpenseFilter())
        )
        assert receipts == 4


def test_the_panels_data_without_lines_has_the_same_totals(world):
    db, _sides, mid = world
    with db.unit() as s:
        summ_svc.set_rate(s, RateInput(mid, START, "RUB", "CNY", D("0.0852")))
        full = summ_svc.statement(s, mid)
        light = summ_svc.statement(s, mid, with_lines=False)
    assert light.expenses == {} and light.fingerprint == ""
    assert light.totals == full.totals and light.converted == full.converted
    assert [x.burden for x in light.sides] == [x.burden for x in full.sides]
