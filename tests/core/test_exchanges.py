"""The Exchanges register: status from the dates, dates in order, warranties, overdue items,
search and filters, the balance, and a database that refuses contradictions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError

from app.core.enums import ExchangeKind, ExchangeStatus
from app.core.errors import ValidationError
from app.core.models import Exchange
from app.core.models.exchanges import add_months
from app.core.services import attachments, markings
from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter
from tests.core.exchange_helpers import TODAY, copied_setup

D = dt.timedelta


def days_ago(n: int) -> dt.date:
    return TODAY - D(days=n)


@pytest.fixture
def reg(built_db):
    return copied_setup(built_db)


def count(reg) -> int:
    with reg.db.unit() as s:
        return s.execute(select(func.count(Exchange.id))).scalar_one()


def refused(reg, **values) -> ValidationError:
    before = count(reg)
    with pytest.raises(ValidationError) as info:
        reg.add(**values)
    assert count(reg) == before
    return info.value


# --- status and dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dates, status",
    [
        (dict(requested_on=days_ago(50)), ExchangeStatus.REQUESTED),
        (dict(requested_on=days_ago(50), promised_on=days_ago(40)), ExchangeStatus.PROMISED),
        (dict(requested_on=days_ago(50), promised_on=days_ago(40), sent_on=days_ago(30)), ExchangeStatus.SENT),
        (dict(sent_on=days_ago(30)), ExchangeStatus.SENT),  # sent on the sender's own initiative
        (dict(sent_on=days_ago(30), received_on=days_ago(20)), ExchangeStatus.RECEIVED),
        (dict(sent_on=days_ago(30), received_on=days_ago(20), acknowledged_on=days_ago(10)), ExchangeStatus.ACKNOWLEDGED),
        (dict(requested_on=days_ago(50), declined_on=days_ago(45)), ExchangeStatus.DECLINED),
        (dict(requested_on=days_ago(50), promised_on=days_ago(45), declined_on=days_ago(5)), ExchangeStatus.DECLINED),
    ],
)  # fmt: skip
def test_the_status_follows_the_dates(reg, dates, status):
    item = reg.add(**{"requested_on": None, **dates})
    assert item.status == status.value
    assert item.status_enum is status


def test_changing_a_date_changes_the_status(reg):
    item = reg.add(requested_on=days_ago(50), promised_on=days_ago(40))
    with reg.db.unit() as s:
        changed = service.update_exchange(
            s, replace(item, sent_on=days_ago(20), received_on=days_ago(10)), today=TODAY
        )
    assert changed.status == "received"
    with reg.db.unit() as s:
        back = service.update_exchange(s, replace(changed, sent_on=None, received_on=None), today=TODAY)
    assert back.status == "promised"


@pytest.mark.parametrize(
    "dates, field",
    [
        (dict(requested_on=days_ago(10), promised_on=days_ago(20)), "promised_on"),
        (dict(requested_on=days_ago(10), sent_on=days_ago(20)), "sent_on"),  # across an empty stage
        (dict(promised_on=days_ago(10), received_on=days_ago(20)), "received_on"),
        (dict(sent_on=days_ago(10), received_on=days_ago(5), acknowledged_on=days_ago(7)), "acknowledged_on"),
        (dict(requested_on=days_ago(10), declined_on=days_ago(20)), "declined_on"),
        (dict(requested_on=days_ago(10), sent_on=days_ago(5), declined_on=days_ago(2)), "declined_on"),
        (dict(requested_on=TODAY + D(days=1)), "requested_on"),
        (dict(requested_on=days_ago(9), sent_on=TODAY + D(days=3)), "sent_on"),
        (dict(requested_on=dt.date(1899, 12, 31)), "requested_on"),
        (dict(requested_on=None), "requested_on"),  # no date at all
    ],
)
def test_dates_out_of_order_or_impossible_are_refused(reg, dates, field):
    error = refused(reg, **{"requested_on": None, **dates})
    assert error.field == field
    assert error.message  # a sentence, with the dates filled in


def test_the_date_order_message_names_the_earlier_date(reg):
    error = refused(reg, requested_on=dt.date(2026, 3, 12), promised_on=dt.date(2026, 3, 1))
    assert error.message == "This date cannot be earlier than 12 Mar 2026, the request date."
    from app import i18n

    i18n.set_language("ru")
    assert (
        error.message
        == f"Эта дата не может быть раньше {i18n.format_date(dt.date(2026, 3, 12))} — даты запроса."
    )


@pytest.mark.parametrize(
    "values, field",
    [
        (dict(quantity=0), "quantity"),
        (dict(quantity=-3), "quantity"),
        (dict(quantity=None), "quantity"),
        (dict(quantity=2.5), "quantity"),
        (dict(quantity=10_000_000), "quantity"),
        (dict(to_side_id="SAME"), "to_side_id"),
        (dict(from_side_id=None), "from_side_id"),
        (dict(kind="spaceship"), "kind"),
        (dict(channel="pigeon"), "channel"),
        (dict(title_zh="", title_ru="  "), "title_zh"),
        (dict(reference="x" * 101), "reference"),
        (dict(marking_id=999), "marking_id"),
        (dict(meeting_id=999), "meeting_id"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_saved(reg, values, field):
    if values.get("to_side_id") == "SAME":
        values["to_side_id"] = reg.su
    assert refused(reg, **values).field == field


def test_messages_are_translated(reg):
    from app import i18n

    error = refused(reg, quantity=0)
    i18n.set_language("zh_CN")
    assert "数量" in error.message
    i18n.set_language("ru")
    assert "Количество" in error.message


def test_published_applies_to_documents_only(reg):
    assert reg.add(kind="report", published=False).published is False
    assert reg.add(kind="book", published=None).published is True
    assert reg.add(kind="sample", published=True).published is None


def test_the_answered_session_comes_from_the_agenda_item_or_decision_and_must_agree(reg):
    item = reg.add(decision_id=reg.decisions[(1, 4)])
    assert item.meeting_id == reg.meetings[1] and item.meeting_ordinal == 1 and item.decision_number == 4
    item = reg.add(agenda_item_id=reg.agenda[(2, "textbooks")])
    assert item.meeting_ordinal == 2 and item.agenda_position == 5
    error = refused(reg, meeting_id=reg.meetings[2], decision_id=reg.decisions[(1, 4)])
    assert error.field == "decision_id" and "session 1" in error.message
    error = refused(
        reg, agenda_item_id=reg.agenda[(1, "literature")], decision_id=None, meeting_id=reg.meetings[2]
    )
    assert error.field == "agenda_item_id"


# --- the database refuses contradictions whoever writes ------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        dict(status="acknowledged"),  # the dates say "requested"
        dict(quantity=0),
        dict(promised_on=dt.date(2000, 1, 1)),  # before the request
        dict(to_side_id=None),  # set below: the same side
        dict(warranty_months=12),  # a book has no warranty
        dict(kind="telescope"),
        dict(declined_on=dt.date(2026, 6, 1), sent_on=dt.date(2026, 6, 1)),
    ],
)
def test_the_database_itself_refuses_a_contradiction(reg, values):
    item = reg.add()
    if "to_side_id" in values:
        values = {"to_side_id": reg.su}
    with pytest.raises(IntegrityError):
        with reg.db.unit() as s:
            s.execute(update(Exchange).where(Exchange.id == item.id).values(**values))
    with reg.db.unit() as s:
        assert service.get_exchange(s, item.id, today=TODAY) == item


def test_a_row_without_any_date_cannot_be_stored(reg):
    item = reg.add()
    with pytest.raises(IntegrityError):
        with reg.db.unit() as s:
            s.execute(text("UPDATE exchanges SET requested_on = NULL WHERE id = :id"), {"id": item.id})


# --- warranties --------------------------------------------------------------------------------


def test_adding_months_keeps_the_day_or_takes_the_month_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)


def test_warranty_expiry_is_derived(reg):
    item = reg.add(kind="apparatus", warranty_start=dt.date(2026, 1, 31), warranty_months=13,
                   warranty_terms_zh="自验收之日起保修。", warranty_terms_ru="Гарантия со дня приёмки.")  # fmt: skip
    assert item.warranty_expires == dt.date(2027, 2, 28)
    assert item.warranty_terms("ru") == "Гарантия со дня приёмки."
    pending = reg.add(kind="materiel", warranty_months=12)  # agreed, not yet started
    assert pending.warranty_expires is None


@pytest.mark.parametrize(
    "values, field",
    [
        (dict(kind="book", warranty_months=12, warranty_start=days_ago(3)), "warranty_start"),
        (dict(kind="journal", warranty_terms_ru="Гарантия"), "warranty_start"),
        (dict(kind="apparatus", warranty_start=days_ago(3)), "warranty_months"),
        (dict(kind="apparatus", warranty_start=days_ago(3), warranty_months=0), "warranty_months"),
        (dict(kind="materiel", warranty_start=days_ago(3), warranty_months=-6), "warranty_months"),
        (dict(kind="materiel", warranty_start=days_ago(3), warranty_months=601), "warranty_months"),
    ],
)
def test_bad_warranties_are_refused(reg, values, field):
    assert refused(reg, **values).field == field


def test_warranties_expiring_within_the_horizon_and_expired(reg):
    def warranty(start_days_ago: int, months: int, title: str):
        return reg.add(
            kind="apparatus", title_ru=title, warranty_start=days_ago(start_days_ago), warranty_months=months
        )

    warranty(170, 6, "через 10 дней")  # 6 months ≈ 181 days: expires in about 11 days
    warranty(100, 6, "через 80 дней")
    warranty(10, 6, "через полгода")
    warranty(400, 12, "истекла")
    reg.add(kind="materiel", title_ru="без начала", warranty_months=12)

    def titles(**flt):
        with reg.db.unit() as s:
            rows = search.search_exchanges(s, ExchangeFilter(**flt), sort="warranty_expires", today=TODAY)
        return [r.title_ru for r in rows]

    assert titles(warranty="expiring") == ["через 10 дней", "через 80 дней"]
    assert titles(warranty="expiring", horizon_days=30) == ["через 10 дней"]
    assert titles(warranty="expired") == ["истекла"]
    assert titles(warranty="alert") == ["истекла", "через 10 дней", "через 80 дней"]
    assert len(titles(warranty="any")) == 5


# --- overdue -----------------------------------------------------------------------------------


def test_overdue_items_follow_the_rules(reg):
    reg.add(title_ru="обещано давно", requested_on=days_ago(90), promised_on=days_ago(61))
    reg.add(title_ru="обещано недавно", requested_on=days_ago(90), promised_on=days_ago(59))
    reg.add(title_ru="отправлено без ответа", sent_on=days_ago(70), requested_on=None)
    reg.add(title_ru="получено без подтверждения", received_on=days_ago(65), sent_on=None, requested_on=None)
    reg.add(title_ru="подтверждено", sent_on=days_ago(70), acknowledged_on=days_ago(3), requested_on=None)
    reg.add(title_ru="только запрошено", requested_on=days_ago(300))

    def overdue():
        with reg.db.unit() as s:
            rows = search.search_exchanges(s, ExchangeFilter(overdue=True), sort="title_ru", today=TODAY)
            assert search.count_overdue(s, today=TODAY) == len(rows)
        return {r.title_ru: r.overdue_days for r in rows}

    assert overdue() == {"обещано давно": 61, "отправлено без ответа": 70, "получено без подтверждения": 65}
    with reg.db.unit() as s:
        service.save_rules(s, service.ExchangeRules(overdue_days=30, unacknowledged_days=68))
    assert overdue() == {"обещано давно": 61, "обещано недавно": 59, "отправлено без ответа": 70}
    with pytest.raises(ValidationError) as info, reg.db.unit() as s:
        service.save_rules(s, service.ExchangeRules(overdue_days=0))
    assert info.value.field == "overdue_days"


def test_a_row_of_the_table_is_the_exchange_data_the_service_gives(reg):
    """The table's rows are built without the dataclass's __init__ (issue 18): every field set,
    nothing else, equal to the same data built the ordinary way and to what get_exchange says."""
    from dataclasses import asdict, fields

    from app.core.services.exchanges.data import ExchangeData

    reg.add(title_ru="обещано давно", requested_on=days_ago(90), promised_on=days_ago(61), meeting_id=reg.meetings[1])
    with reg.db.unit() as s:
        (row,) = search.search_exchanges(s, ExchangeFilter(text="обещано"), today=TODAY)
        plain = ExchangeData(**asdict(row))
        stored = service.get_exchange(s, row.id)
    assert set(vars(row)) == {f.name for f in fields(ExchangeData)}
    assert row == plain and hash(row) == hash(plain) and replace(row, title_ru="x").title_ru == "x"
    assert row.overdue_days == 61 and row.meeting_ordinal is not None and row.marking_zh == ""
    assert all(getattr(row, f.name) == getattr(stored, f.name) for f in fields(ExchangeData)
               if f.name not in ("overdue_days", "attachment_count") and getattr(stored, f.name) is not None)  # fmt: skip


# --- search, filters, sorting, counts ------------------------------------------------------------


@pytest.fixture
def filled(reg):
    reg.add(
        title_zh="国家标准 GOST 2789",
        title_ru="ГОСТ 2789-59 Шероховатость поверхности",
        kind="standard",
        reference="ГОСТ 2789-59",
        quantity=5,
        meeting_id=reg.meetings[1],
        sent_on=days_ago(10),
    )
    reg.add(
        title_zh="钨精矿标准样品",
        title_ru="Стандартные образцы вольфрамового концентрата",
        kind="sample",
        from_side_id=reg.cn,
        to_side_id=reg.su,
        quantity=12,
        promised_on=days_ago(5),
        requested_on=days_ago(20),
        meeting_id=reg.meetings[2],
    )
    reg.add(
        title_zh="光学计",
        title_ru="Оптиметр вертикальный ИКВ",
        kind="apparatus",
        quantity=2,
        reference="ИКВ-3",
        sent_on=days_ago(40),
        received_on=days_ago(20),
        requested_on=None,
    )
    reg.add(
        title_zh="机械制造",
        title_ru="Вестник машиностроения",
        kind="journal",
        from_side_id=reg.cn,
        to_side_id=reg.su,
        quantity=24,
        declined_on=days_ago(2),
    )
    return reg  # fmt: skip


def find(reg, sort="title_ru", descending=False, **flt):
    with reg.db.unit() as s:
        rows = search.search_exchanges(
            s, ExchangeFilter(**flt), sort=sort, descending=descending, today=TODAY
        )
        assert search.count_exchanges(s, ExchangeFilter(**flt), today=TODAY) == len(rows)
    return [r.title_ru for r in rows]


def test_search_finds_titles_in_both_languages_and_the_reference_in_any_case(filled):
    assert find(filled, text="钨精矿") == ["Стандартные образцы вольфрамового концентрата"]
    assert find(filled, text="ОПТИМЕТР") == ["Оптиметр вертикальный ИКВ"]
    assert find(filled, text="гост 2789") == ["ГОСТ 2789-59 Шероховатость поверхности"]
    assert find(filled, text="икв-3") == ["Оптиметр вертикальный ИКВ"]
    assert find(filled, text="50%_") == []


def test_filters_by_direction_kind_status_and_session(filled):
    assert find(filled, from_side_id=filled.cn) == [
        "Вестник машиностроения",
        "Стандартные образцы вольфрамового концентрата",
    ]
    assert find(filled, kind="apparatus") == ["Оптиметр вертикальный ИКВ"]
    assert find(filled, status="declined") == ["Вестник машиностроения"]
    assert find(filled, meeting_id=filled.meetings[2]) == ["Стандартные образцы вольфрамового концентрата"]
    assert find(filled, meeting_id=search.NO_SESSION) == [
        "Вестник машиностроения",
        "Оптиметр вертикальный ИКВ",
    ]
    assert find(filled, from_side_id=filled.su, kind="journal") == []


@pytest.mark.parametrize("key", sorted(search.SORT_COLUMNS))
def test_every_column_sorts_in_sql_both_ways(filled, key):
    up = find(filled, sort=key)
    down = find(filled, sort=key, descending=True)
    assert sorted(up) == sorted(down) and len(up) == 4


def test_sorting_orders_quantities_and_puts_empty_dates_last(filled):
    assert find(filled, sort="quantity")[0] == "Оптиметр вертикальный ИКВ"
    assert find(filled, sort="quantity", descending=True)[0] == "Вестник машиностроения"
    assert find(filled, sort="sent_on")[:2] == [
        "Оптиметр вертикальный ИКВ",
        "ГОСТ 2789-59 Шероховатость поверхности",
    ]
    assert find(filled, sort="sent_on", descending=True)[-1] in ("Вестник машиностроения",
                                                                  "Стандартные образцы вольфрамового концентрата")  # fmt: skip
    assert find(filled, sort="status") == [
        "Стандартные образцы вольфрамового концентрата",  # promised
        "ГОСТ 2789-59 Шероховатость поверхности",  # sent
        "Оптиметр вертикальный ИКВ",  # received
        "Вестник машиностроения",  # declined
    ]


def test_counts_by_status_follow_the_filter(filled):
    with filled.db.unit() as s:
        counts = search.status_counts(s, today=TODAY)
        assert list(counts) == list(ExchangeStatus)
        assert counts[ExchangeStatus.SENT] == 1 and counts[ExchangeStatus.DECLINED] == 1
        assert sum(counts.values()) == 4
        cn = search.status_counts(s, ExchangeFilter(from_side_id=filled.cn), today=TODAY)
        assert cn[ExchangeStatus.PROMISED] == 1 and cn[ExchangeStatus.DECLINED] == 1 and sum(cn.values()) == 2


# --- balance -----------------------------------------------------------------------------------


def test_balance_per_session_and_overall(filled):
    filled.add(kind="standard", title_ru="ГОСТ 9150-59", quantity=3, meeting_id=filled.meetings[1],
               sent_on=days_ago(30), received_on=days_ago(20), acknowledged_on=days_ago(10))  # fmt: skip
    filled.add(kind="standard", title_ru="ГОСТ 1643-56", quantity=1, meeting_id=filled.meetings[1],
               requested_on=days_ago(30), promised_on=days_ago(20))  # fmt: skip
    with filled.db.unit() as s:
        overall = search.balance(s)
        first = search.balance(s, filled.meetings[1])
        none = search.balance(s, search.NO_SESSION)
    cn, su = filled.cn, filled.su
    assert [x.code for x in overall.sides] == ["CN", "SU"]
    by_kind = {r.kind: r for r in first.rows}
    std = by_kind[ExchangeKind.STANDARD]
    assert std.sent[su].items == 2 and std.sent[su].quantity == 8
    assert std.received[cn].items == 1 and std.received[cn].quantity == 3
    assert std.owed[su].items == 1 and std.sent[cn].items == 0
    assert first.total.sent[su].items == 2
    total = overall.total
    assert total.sent[su].items == 3  # + the optimeter, linked to no session
    assert total.received[cn].items == 2
    assert total.owed[cn].items == 1  # the tungsten samples, promised
    assert [r.kind for r in none.rows] == [ExchangeKind.JOURNAL, ExchangeKind.APPARATUS, None]
    assert none.total.sent[su].items == 1 and none.total.received[cn].items == 1


# --- update, delete, markings --------------------------------------------------------------------


def test_deleting_an_item_deletes_its_attachments(reg):
    item = reg.add()
    with reg.db.unit() as s:
        attachments.add_bytes(s, service.OWNER_KIND, item.id, "опись.txt", "Опись".encode())
        assert service.get_exchange(s, item.id, today=TODAY).attachment_count == 1
    with reg.db.unit() as s:
        service.delete_exchange(s, item.id)
        assert attachments.list_attachments(s, service.OWNER_KIND, item.id) == []
    assert count(reg) == 0


def test_markings_are_a_list_the_user_extends(reg):
    with reg.db.unit() as s:
        names = [m.name_zh for m in markings.list_markings(s)]
        assert names == ["公开", "内部", "秘密", "机密"]
        added = markings.add_marking(
            s, markings.MarkingData("绝密", "Особой важности", "Of special importance")
        )
        assert markings.list_markings(s)[-1] == added
        with pytest.raises(ValidationError) as info:
            markings.add_marking(s, markings.MarkingData("秘密", "Секретно (копия)"))
        assert info.value.field == "name_zh"
        with pytest.raises(ValidationError):
            markings.add_marking(s, markings.MarkingData("只有中文", ""))
        markings.move_marking(s, added.id, -1)
        assert [m.name_zh for m in markings.list_markings(s)][-2:] == ["绝密", "机密"]
    secret = next(m for m in markings_list(reg) if m.name_zh == "秘密")
    item = reg.add(marking_id=secret.id)
    assert item.marking("ru") == "Секретно"
    with pytest.raises(ValidationError) as info, reg.db.unit() as s:
        markings.delete_marking(s, secret.id)
    assert "exchanges (1)" in info.value.message
    with reg.db.unit() as s:
        markings.delete_marking(s, added.id)
    assert len(markings_list(reg)) == 4


def markings_list(reg):
    with reg.db.unit() as s:
        return markings.list_markings(s)


# --- any dates: stored in order with the status they give, or refused --------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MAYBE_DATE = st.one_of(st.none(), st.dates(min_value=dt.date(2025, 1, 1), max_value=TODAY + D(days=3)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dates=st.fixed_dictionaries({f: MAYBE_DATE for f in service.DATE_FIELDS}), quantity=st.integers(-2, 5))
def test_any_dates_are_either_stored_in_order_with_their_status_or_refused(reg, dates, quantity):
    before = count(reg)
    try:
        item = reg.add(quantity=quantity, **dates)
    except ValidationError as exc:
        assert exc.field in (*service.DATE_FIELDS, "quantity") and exc.message
        assert count(reg) == before
        return
    stages = [
        getattr(item, f) for f in ("requested_on", "promised_on", "sent_on", "received_on", "acknowledged_on")
    ]
    present = [d for d in stages if d is not None]
    assert present == sorted(present) and all(d <= TODAY for d in present)
    assert item.quantity > 0
    assert item.status_enum is service.status_of(item)
    if item.declined_on is not None:
        assert item.status == "declined" and item.sent_on is None and item.received_on is None
