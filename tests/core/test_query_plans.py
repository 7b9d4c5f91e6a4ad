"""Every filter of the Exchanges and Experts tabs is answered through an index (issue 18): the
statements the services send are captured and SQLite's EXPLAIN QUERY PLAN must not show a full scan
of the register's table. A text filter asks the full-text index ``search_index`` (FTS5) for its
candidates first (:mod:`app.core.services.search.candidates`); a needle the index cannot look up
(two Chinese characters) is a LIKE on ``search_text`` that scans, within the rows the other
filters left.

The indexes the plans use are listed in ``RELIED_ON`` (a test fails when a plan uses another, so
the list stays true): drop none of them when trimming indexes for import speed (issue 16)."""

from __future__ import annotations

import re

from sqlalchemy import event

from app.core.services.exchanges import search as exchanges
from app.core.services.experts import query as experts


def _plans(db, run) -> list[tuple[str, list[str]]]:
    statements: list[tuple[str, tuple]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with db.unit(read_only=True) as s:
            run(s)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    out = []
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            out.append((statement, [r[-1] for r in rows]))
    return out


#: Every index the plans of these tests use (issue 18).
RELIED_ON = {
    # the Exchanges register: a page in date order, the direction and the balance (kind, sides,
    # status), the overdue items and the counts by status
    "ix_exchanges_requested_on", "ix_exchanges_from_side_id", "ix_exchanges_balance",
    "ix_exchanges_status_promised_on", "ix_exchanges_status_sent_on",
    # a session's items (or those of none), the warranties expiring or expired
    "ix_exchanges_session_balance", "ix_exchanges_warranty_expires",
    # the Experts register and its alerts
    "ix_assignments_period", "ix_assignments_sending_side_id", "ix_assignments_status",
    "ix_assignments_term_end", "ix_assignment_people_person_id", "ix_assignment_steps_assignment_id",
    "sqlite_autoindex_assignment_people_1", "sqlite_autoindex_attachments_1", "sqlite_autoindex_settings_1",
}  # fmt: skip


def _indexes(plans) -> set[str]:
    """The indexes the plans use (an unfiltered count, which any index answers, left out)."""
    found = set()
    for statement, details in plans:
        if statement.lstrip().startswith("SELECT count(") and "WHERE" not in statement:
            continue
        for detail in details:
            m = re.search(r"USING (?:COVERING )?INDEX (\w+)", detail)
            if m:
                found.add(m.group(1))
    return found


def _full_scans(plans, table: str) -> list[str]:
    scan = re.compile(rf"^SCAN {table}\b(?! USING)")
    return [f"{detail}\n  in {statement[:200]}" for statement, details in plans for detail in details
            if scan.match(detail)]  # fmt: skip


def test_the_exchanges_filters_use_an_index(demo_db):
    with demo_db.unit(read_only=True) as s:
        side = s.execute(exchanges.select(exchanges.Exchange.from_side_id)).scalars().first()

    def run(s):
        for flt in (
            exchanges.ExchangeFilter(kind="book"),
            exchanges.ExchangeFilter(from_side_id=side),
            exchanges.ExchangeFilter(status="sent"),
            exchanges.ExchangeFilter(kind="book", from_side_id=side, status="sent"),
            exchanges.ExchangeFilter(meeting_id=1),
            exchanges.ExchangeFilter(meeting_id=exchanges.NO_SESSION),
            exchanges.ExchangeFilter(overdue=True),
            exchanges.ExchangeFilter(warranty=exchanges.WARRANTY_ALERT),
        ):
            exchanges.count_exchanges(s, flt)
            exchanges.search_exchanges(s, flt, limit=250)

    plans = _plans(demo_db, run)
    assert len(plans) >= 8 and any("exchanges USING" in d for _s, details in plans for d in details)
    assert not _full_scans(plans, "exchanges")


def test_the_experts_filters_use_an_index(demo_db):
    with demo_db.unit(read_only=True) as s:
        side = s.execute(experts.select(experts.Assignment.sending_side_id)).scalars().first()

    def run(s):
        for f in (
            experts.AssignmentFilter(sending_side_id=side),
            experts.AssignmentFilter(status="on_site"),
            experts.AssignmentFilter(sending_side_id=side, status="on_site"),
        ):
            experts.count_assignments(s, f)
            experts.search_assignments(s, f, limit=250)

    plans = _plans(demo_db, run)
    assert len(plans) >= 6 and any("assignments USING" in d for _s, details in plans for d in details)
    assert not _full_scans(plans, "assignments")


def test_the_summary_of_the_exchanges_says_what_three_counts_said(demo_db):
    with demo_db.unit(read_only=True) as s:
        for flt in (exchanges.ExchangeFilter(), exchanges.ExchangeFilter(kind="book"),
                    exchanges.ExchangeFilter(text="а"), exchanges.ExchangeFilter(overdue=True)):  # fmt: skip
            summary = exchanges.summarise(s, flt)
            assert summary.total == exchanges.count_exchanges(s, flt)
            assert summary.by_status == exchanges.status_counts(s, flt)
            assert summary.overdue == exchanges.count_overdue(s, flt)
        assert exchanges.summarise(s).overdue > 0  # the demo has overdue items: the test compares something


def _every_exchanges_filter(side: int, meeting: int) -> list:
    f = exchanges.ExchangeFilter
    return [
        f(kind="book"), f(from_side_id=side), f(status="sent"), f(status="promised"),
        f(kind="book", from_side_id=side, status="sent"), f(meeting_id=meeting),
        f(meeting_id=exchanges.NO_SESSION), f(overdue=True), f(warranty=exchanges.WARRANTY_EXPIRING),
        f(warranty=exchanges.WARRANTY_EXPIRED), f(warranty=exchanges.WARRANTY_ALERT),
        f(status="sent", overdue=True),
    ]  # fmt: skip


def test_every_exchanges_filter_uses_an_index_without_the_status_index(demo_db):
    """The status filter, the overdue terms and the counts by status are answered through (status, promised_on) or (status, sent_on, received_on): an index on the
    status alone (dropped by the migration importspeed1: each import paid for it) would add nothing.
    Every filter of the Exchanges tab is looked at (the warranty filters use the expiry's index)."""
    with demo_db.unit(read_only=True) as s:
        side = s.execute(exchanges.select(exchanges.Exchange.from_side_id)).scalars().first()
        meeting = s.execute(exchanges.select(exchanges.Exchange.meeting_id).where(
            exchanges.Exchange.meeting_id.is_not(None))).scalars().first()  # fmt: skip
        indexes = {r[0] for r in s.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'exchanges'")}  # fmt: skip
    assert "ix_exchanges_status" not in indexes
    assert {"ix_exchanges_status_promised_on", "ix_exchanges_status_sent_on"} <= indexes

    def run(s):
        for flt in _every_exchanges_filter(side, meeting):
            exchanges.count_exchanges(s, flt)
            exchanges.search_exchanges(s, flt, limit=250)
            exchanges.summarise(s, flt)
        exchanges.status_counts(s, exchanges.ExchangeFilter())

    plans = _plans(demo_db, run)
    assert len(plans) >= 36
    assert not _full_scans(plans, "exchanges")
    status_plans = [d for _s, details in plans for d in details if "status" in d]
    assert any("ix_exchanges_status_" in d for d in status_plans)


def test_a_text_filter_goes_through_the_search_index_with_the_likes_results(demo_db):
    """The text filter of the Exchanges register asks the full-text index for its candidates, then
    keeps the LIKE's exact semantics (case folding, ё as е, two-character Chinese words)."""
    from sqlalchemy import func, select

    from app.core.models import Exchange
    from app.core.models.base import like_pattern
    from app.core.services.search.candidates import fts_query

    with demo_db.unit(read_only=True) as s:
        titles = s.execute(select(Exchange.title_ru, Exchange.title_zh, Exchange.reference).limit(40)).all()
    needles = ["гост 9150", "ГОСТ", "Справочник", "ёлка", "е", "技术", "标准", "zz", "2016-55"]
    needles += [t[0].split()[0].upper() for t in titles if t[0]][:5] + [t[1][1:4] for t in titles if t[1]][:5]

    def run(s):
        for text in needles:
            flt = exchanges.ExchangeFilter(text=text)
            like = s.execute(select(func.count(Exchange.id)).where(
                Exchange.search_text.like(like_pattern(text), escape="\\"))).scalar_one()  # fmt: skip
            assert exchanges.count_exchanges(s, flt) == like, text
            assert len(exchanges.search_exchanges(s, flt, limit=100_000)) == like, text

    plans = _plans(demo_db, run)
    if demo_db.engine.dialect.name == "sqlite":
        assert fts_query("Справочник ГОСТ") == '"справочник" "гост"' and fts_query("技术") is None
        assert fts_query("Свет") is None  # "свет": е is folded as ё by search keys only
        through = [st for st, details in plans if any("search_index VIRTUAL TABLE" in d for d in details)]
        assert len(through) >= 10  # (the reference counts and the short needles scan)
        assert not _full_scans([(st, d) for st, d in plans if "search_index" in st], "exchanges")


def test_the_indexes_the_plans_use_are_listed(demo_db):
    from app.core.services.experts import alerts

    with demo_db.unit(read_only=True) as s:
        side = s.execute(exchanges.select(exchanges.Exchange.from_side_id)).scalars().first()

    def run(s):
        for flt in (exchanges.ExchangeFilter(), exchanges.ExchangeFilter(kind="book", from_side_id=side),
                    exchanges.ExchangeFilter(status="sent"), exchanges.ExchangeFilter(overdue=True),
                    exchanges.ExchangeFilter(text="справочник"), exchanges.ExchangeFilter(meeting_id=1),
                    exchanges.ExchangeFilter(meeting_id=exchanges.NO_SESSION),
                    exchanges.ExchangeFilter(warranty=exchanges.WARRANTY_ALERT)):  # fmt: skip
            exchanges.summarise(s, flt)
            exchanges.count_exchanges(s, flt)
            exchanges.search_exchanges(s, flt, sort="requested_on", descending=True, limit=250)
        for f in (experts.AssignmentFilter(), experts.AssignmentFilter(sending_side_id=1, status="on_site")):
            experts.count_assignments(s, f)
            experts.search_assignments(s, f, limit=250)
        alerts.alerts(s)

    used = _indexes(_plans(demo_db, run))
    print(sorted(used))
    assert used <= RELIED_ON, f"add to RELIED_ON: {sorted(used - RELIED_ON)}"
