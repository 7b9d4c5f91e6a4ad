"""Expenses: the payer rule, exact per-currency sums, corrections, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import i18n
from app.core.enums import MeetingStatus
from app.core.errors import ValidationError
from app.core.models import ExpenseCategory, ExpenseKind, Meeting
from app.core.services import attachments
from app.core.services import settings as db_settings
from app.core.services.expenses import records as svc
from app.core.services.expenses.records import ExpenseFilter, ExpenseInput, ExpenseWarning
from tests.core.expense_setup import START, add_session, setup_commission

K, C = ExpenseKind, ExpenseCategory
LATER = START + dt.timedelta(days=180)


@pytest.fixture
def world(db):
    with db.unit() as s:
        sides = setup_commission(s)
        m1 = add_session(s, sides, 1, "CN")
        m2 = add_session(s, sides, 2, "SU", start=LATER)
    return db, sides, m1, m2


def expense(meeting_id, kind=K.ORGANISATION, side=None, amount="100", currency="CNY", **kw) -> ExpenseInput:
    return ExpenseInput(
        meeting_id=meeting_id,
        kind=kind,
        category=kw.pop("category", C.VENUE),
        delegation_side_id=side,
        amount=amount,
        currency=currency,
        spent_on=kw.pop("spent_on", START),
        description_zh=kw.pop("description_zh", "会场租金"),
        description_ru=kw.pop("description_ru", "аренда зала"),
        **kw,
    )


# --- the rule ----------------------------------------------------------------------------------


@given(st.sampled_from(list(ExpenseKind)), st.integers(1, 1000), st.integers(1, 1000))
def test_payer_rule_is_the_host_for_organisation_and_the_delegation_otherwise(kind, host, delegation):
    payer = svc.payer_side_id(kind, host, delegation)
    assert payer == (host if kind is ExpenseKind.ORGANISATION else delegation)


def test_a_delegation_cost_without_a_delegation_has_no_payer():
    with pytest.raises(ValidationError) as info:
        svc.payer_side_id(ExpenseKind.DELEGATION, 1, None)
    assert info.value.field == "delegation_side_id"


_counter = iter(range(100, 100000))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    host=st.sampled_from(["CN", "SU"]),
    kind=st.sampled_from(list(ExpenseKind)),
    delegation=st.sampled_from(["CN", "SU"]),
    category=st.sampled_from(list(ExpenseCategory)),
    minor=st.integers(1, 10**9),
    currency=st.sampled_from(["CNY", "RUB", "SUR", "USD", "JPY"]),
)
def test_every_generated_session_and_expense_is_borne_by_the_rules_payer(
    world, host, kind, delegation, category, minor, currency
):
    db, sides, _m1, _m2 = world
    amount = Decimal(minor).scaleb(-i18n.currency_digits(currency))
    with db.unit() as s:
        mid = add_session(s, sides, next(_counter), host)
        e = svc.add_expense(s, expense(mid, kind, sides[delegation], amount, currency, category=category))
        expected = sides[host] if kind is ExpenseKind.ORGANISATION else sides[delegation]
        assert e.payer_side_id == expected
        assert e.amount == amount and e.currency == currency
        # the side filter (the same rule in SQL) agrees
        for code, side_id in sides.items():
            ids = [x.id for x in svc.search_expenses(s, ExpenseFilter(meeting_id=mid, side_id=side_id))]
            assert (e.id in ids) == (side_id == expected), code
        # and so does the summary
        from app.core.services.expenses.summary import summary

        summ = summary(s, mid)
        part = "organisation" if kind is ExpenseKind.ORGANISATION else "delegation"
        assert getattr(summ.side(expected), part).category(category) == {currency: amount}
        other = next(b for b in summ.sides if b.side.id != expected)
        assert other.totals == {}


def test_the_payer_follows_the_sessions_host(world):
    db, sides, m1, m2 = world
    with db.unit() as s:
        a = svc.add_expense(s, expense(m1))
        b = svc.add_expense(s, expense(m2, currency="RUB", spent_on=LATER))
        c = svc.add_expense(s, expense(m2, K.DELEGATION, sides["CN"], currency="RUB", spent_on=LATER))
    assert a.payer_side_id == sides["CN"]
    assert b.payer_side_id == sides["SU"]
    assert c.payer_side_id == sides["CN"]


def test_an_organisation_cost_forgets_a_delegation_given_by_mistake(world):
    db, sides, m1, _ = world
    with db.unit() as s:
        e = svc.add_expense(s, expense(m1, K.ORGANISATION, sides["SU"]))
    assert e.delegation_side_id is None and e.payer_side_id == sides["CN"]


# --- exact sums --------------------------------------------------------------------------------


def test_sums_are_exact_and_per_currency(world):
    db, sides, m1, _ = world
    with db.unit() as s:
        for _ in range(10):
            svc.add_expense(s, expense(m1, amount="0.10"))
        svc.add_expense(s, expense(m1, amount="0.20", currency="RUB"))
        svc.add_expense(s, expense(m1, K.DELEGATION, sides["SU"], "1234.56", "RUB"))
        svc.add_expense(s, expense(m1, amount="1500", currency="JPY"))
        totals = svc.sums(s, ExpenseFilter(meeting_id=m1))
        cn_only = svc.sums(s, ExpenseFilter(meeting_id=m1, side_id=sides["CN"]))
        rub = svc.sums(s, ExpenseFilter(meeting_id=m1, currency="RUB"))
    assert totals == {"CNY": Decimal("1.00"), "RUB": Decimal("1234.76"), "JPY": Decimal("1500")}
    assert list(totals) == ["CNY", "RUB", "JPY"]  # the commission's currencies first
    assert all(isinstance(v, Decimal) for v in totals.values())
    assert str(totals["CNY"]) == "1.00"  # 10 × 0.10 is exactly one yuan, not 0.9999999
    assert cn_only == {"CNY": Decimal("1.00"), "RUB": Decimal("0.20"), "JPY": Decimal("1500")}
    assert rub == {"RUB": Decimal("1234.76")}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(1, 10**8), st.sampled_from(["CNY", "RUB"])), min_size=1, max_size=8))
def test_sums_equal_the_decimal_sum_of_the_amounts(world, items):
    db, _sides, _m1, _ = world
    with db.unit() as s:
        mid = add_session(s, _sides, next(_counter), "CN")
        for minor, cur in items:
            svc.add_expense(s, expense(mid, amount=Decimal(minor).scaleb(-2), currency=cur))
        totals = svc.sums(s, ExpenseFilter(meeting_id=mid))
    expected: dict[str, Decimal] = {}
    for minor, cur in items:
        expected[cur] = expected.get(cur, Decimal(0)) + Decimal(minor).scaleb(-2)
    assert totals == expected


def test_filters_by_kind_category_currency_and_text(world):
    db, sides, m1, _ = world
    with db.unit() as s:
        svc.add_expense(s, expense(m1, category=C.PRINTING, description_zh="印刷会议文件", description_ru=""))
        svc.add_expense(s, expense(m1, K.DELEGATION, sides["SU"], currency="RUB", category=C.LODGING,
                                   description_zh="", description_ru="Гостиница «Пекин»"))  # fmt: skip
        f = ExpenseFilter(meeting_id=m1)
        assert svc.count_expenses(s, f) == 2
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1, kind=K.DELEGATION)) == 1
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1, category=C.PRINTING)) == 1
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1, currency="RUB")) == 1
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1, text="гостиница")) == 1
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1, text="印刷")) == 1
        rows = svc.search_expenses(s, f, sort="amount", descending=True)
        assert [r.currency for r in rows] == ["RUB", "CNY"]


# --- corrections -----------------------------------------------------------------------------------


def test_a_correction_is_a_separate_negative_entry_with_a_reason(world):
    db, sides, m1, _ = world
    with db.unit() as s:
        e = svc.add_expense(s, expense(m1, amount="1000.00"))
        c = svc.add_expense(
            s,
            ExpenseInput(
                correction_of_id=e.id, amount="250.50", spent_on=START, correction_reason="退还多付押金"
            ),
        )
        assert c.amount == Decimal("-250.50") and c.is_correction
        assert (c.meeting_id, c.kind, c.category, c.currency) == (m1, e.kind, e.category, e.currency)
        assert svc.remaining(s, e.id) == Decimal("749.50")
        assert svc.sums(s, ExpenseFilter(meeting_id=m1)) == {"CNY": Decimal("749.50")}
        with pytest.raises(ValidationError) as info:
            svc.add_expense(s, ExpenseInput(correction_of_id=e.id, amount="800", spent_on=START,
                                            correction_reason="ошибка"))  # fmt: skip
        assert info.value.field == "amount" and "749.50" in info.value.message
        with pytest.raises(ValidationError) as info:
            svc.add_expense(s, ExpenseInput(correction_of_id=e.id, amount="1", spent_on=START))
        assert info.value.field == "correction_reason"
        with pytest.raises(ValidationError):
            svc.add_expense(s, ExpenseInput(correction_of_id=c.id, amount="1", spent_on=START,
                                            correction_reason="x"))  # fmt: skip
        with pytest.raises(ValidationError) as info:
            svc.delete_expense(s, e.id)
        assert "corrections" in info.value.message
        with pytest.raises(ValidationError):  # the currency of a corrected expense is fixed
            svc.update_expense(s, expense(m1, amount="1000.00", currency="RUB", id=e.id))
        with pytest.raises(ValidationError):  # nor can it fall below what was corrected
            svc.update_expense(s, expense(m1, amount="200.00", id=e.id))
        svc.update_expense(s, expense(m1, amount="1200.00", id=e.id, description_ru="аренда зала, 5 дней"))
        svc.delete_expense(s, c.id)
        svc.delete_expense(s, e.id)
        assert svc.count_expenses(s, ExpenseFilter(meeting_id=m1)) == 0


def test_a_closed_sessions_expenses_are_locked_but_can_be_corrected(world):
    db, _sides, m1, _ = world
    with db.unit() as s:
        e = svc.add_expense(s, expense(m1))
        s.get(Meeting, m1).status = MeetingStatus.CLOSED.value
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            svc.update_expense(s, expense(m1, amount="90", id=e.id))
        assert "closed" in info.value.message
        with pytest.raises(ValidationError):
            svc.delete_expense(s, e.id)
        c = svc.add_expense(s, ExpenseInput(correction_of_id=e.id, amount="10", spent_on=START,
                                            correction_reason="скидка"))  # fmt: skip
    assert c.amount == Decimal("-10.00")


def test_deleting_an_expense_deletes_its_receipts(world):
    db, _sides, m1, _ = world
    with db.unit() as s:
        e = svc.add_expense(s, expense(m1))
        attachments.add_bytes(s, svc.OWNER_KIND, e.id, "发票.pdf", b"%PDF-1.4 receipt")
        assert svc.get_expense(s, e.id).receipts == 1
        svc.delete_expense(s, e.id)
        assert attachments.list_attachments(s, svc.OWNER_KIND, e.id) == []


# --- bad input: a clear message for the field, nothing saved -------------------------------------


@pytest.mark.parametrize(
    "changes, field, words",
    [
        (dict(amount="0"), "amount", "greater than zero"),
        (dict(amount="-5"), "amount", "correction"),
        (dict(amount="12.345"), "amount", "at most 2 decimals"),
        (dict(amount="12.5", currency="JPY"), "amount", "whole numbers"),
        (dict(amount="abc"), "amount", "not an amount"),
        (dict(amount=""), "amount", "Enter the amount"),
        (dict(amount="NaN"), "amount", "not an amount"),
        (dict(amount="Infinity"), "amount", "not an amount"),
        (dict(amount="1e15"), "amount", "too large"),
        (dict(currency="ABC"), "currency", "ISO 4217"),
        (dict(currency="XXX"), "currency", "ISO 4217"),
        (dict(currency=""), "currency", "three-letter"),
        (dict(kind=K.DELEGATION, side=None), "delegation_side_id", "delegation"),
        (dict(description_zh=" ", description_ru=""), "description_zh", "Chinese or in Russian"),
        (dict(spent_on=None), "spent_on", "date"),
        (dict(meeting_id=None), "meeting_id", "session"),
        (dict(kind="gift"), "kind", "kind"),
        (dict(category="bribes"), "category", "category"),
    ],
)
def test_bad_input_is_refused_with_a_message_for_the_field(world, changes, field, words):
    db, _sides, m1, _ = world
    args = dict(meeting_id=m1)
    args.update(changes)
    mid = args.pop("meeting_id")
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            svc.add_expense(s, expense(mid, **args))
        assert info.value.field == field
        assert words in info.value.message
        assert svc.count_expenses(s, ExpenseFilter()) == 0


def test_a_delegation_the_session_does_not_have_is_refused(world):
    db, sides, _m1, _ = world
    with db.unit() as s:
        mid = add_session(s, sides, 50, "CN", delegations=("CN",))
        with pytest.raises(ValidationError) as info:
            svc.add_expense(s, expense(mid, K.DELEGATION, sides["SU"], currency="RUB"))
    assert info.value.field == "delegation_side_id" and "no delegation at session 50" in info.value.message


def test_lower_case_and_historic_currencies_are_accepted(world):
    db, sides, m1, _ = world
    with db.unit() as s:
        a = svc.add_expense(s, expense(m1, currency=" cny "))
        b = svc.add_expense(s, expense(m1, K.DELEGATION, sides["SU"], "3 500,00", "SUR"), lang="ru")
        c = svc.add_expense(s, expense(m1, amount="1,234.50", currency="USD"), lang="zh_CN")
    assert (a.currency, b.currency, b.amount, c.amount) == (
        "CNY",
        "SUR",
        Decimal("3500.00"),
        Decimal("1234.50"),
    )


def test_an_expense_far_outside_the_session_is_saved_only_once_confirmed(world):
    db, _sides, m1, _ = world
    far = START - dt.timedelta(days=75)
    with db.unit() as s:
        with pytest.raises(ExpenseWarning) as info:
            svc.add_expense(s, expense(m1, spent_on=far))
        assert info.value.field == "spent_on" and "60 days" in info.value.message
        assert svc.count_expenses(s, ExpenseFilter()) == 0
        svc.add_expense(s, expense(m1, spent_on=START - dt.timedelta(days=59)))  # within the margin
        svc.add_expense(s, expense(m1, spent_on=far), confirmed=True)
        assert svc.count_expenses(s, ExpenseFilter()) == 2
        db_settings.put(s, svc.OUTSIDE_DAYS_KEY, 90)
        svc.add_expense(s, expense(m1, spent_on=far))  # the margin is a setting
        assert svc.count_expenses(s, ExpenseFilter()) == 3


def test_messages_are_translated(world):
    db, _sides, m1, _ = world
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            svc.add_expense(s, expense(m1, amount="12.345"))
    i18n.set_language("ru")
    assert "CNY" in info.value.message and "2" in info.value.message
    assert info.value.message != info.value.msgid
    i18n.set_language("zh_CN")
    assert info.value.message != info.value.msgid
