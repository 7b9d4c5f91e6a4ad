"""The large demo (issue 18): twenty years of records, built in bulk, the same from the same seed.

The full size is built and timed by tests/benchmarks/test_large_demo.py; here a hundredth of the
big registers (the sessions, agenda and minutes at full size) is enough to check what it holds."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from sqlalchemy import func, select

from app.core.db import Database
from app.core.demo import build_demo, large
from app.core.models import AgendaItem, Exchange, Expense, Meeting, Minutes, Segment
from app.core.models.experts import Assignment, assignment_people
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter

TODAY = dt.date(2026, 12, 6)


def _build(path, template) -> tuple[Database, dict[str, int]]:
    shutil.copyfile(template, path)  # the migrated empty database, not migrated again
    db = Database.open(path)
    with db.unit() as s:
        totals = large.build(build_demo(s, TODAY), factor=0.01)
    return db, totals


@pytest.fixture(scope="module")
def built(tmp_path_factory, empty_template):
    db, totals = _build(tmp_path_factory.mktemp("large") / "large.sqlite3", empty_template)
    yield db, totals
    db.close()


def test_the_counts_the_issue_names(built):
    db, totals = built
    assert totals == {"meetings": 40, "agenda_items": 1200, "exchanges": 1000, "assignments": 200,
                      "expenses": 500, "minutes": 40}  # fmt: skip
    with db.unit() as s:
        per_minutes = s.execute(select(func.count(Segment.id)).group_by(Segment.minutes_id)).scalars().all()
        assert (
            len(per_minutes) == 40 and sum(1 for n in per_minutes if n == 60) == 38
        )  # the demo's two are its own
        assert s.execute(select(func.count()).select_from(assignment_people)).scalar_one() == 200 + 23
        ordinals = s.execute(select(Meeting.ordinal).order_by(Meeting.start_date)).scalars().all()
        assert ordinals == [*range(3, 41), 1, 2]  # the history before the demo's two sessions
        first = s.execute(select(func.min(Meeting.start_date))).scalar_one()
        assert (TODAY - first).days > 18 * 365  # twenty years of records


def test_texts_in_both_languages(built):
    db, _ = built
    with db.unit() as s:
        rows = s.execute(select(Segment.text_zh, Segment.text_ru)).all()
        assert all(re.search("[\u4e00-\u9fff]", zh) and re.search("[а-яА-Я]", ru) for zh, ru in rows)
        items = s.execute(select(AgendaItem.title_zh, AgendaItem.title_ru)).all()
        assert all(zh and ru for zh, ru in items)


def test_the_registers_read_it(built):
    """The generated rows are what the services expect: search finds them, sums add up."""
    db, _ = built
    with db.unit() as s:
        assert search.count_exchanges(s, ExchangeFilter(text="справочник")) > 50
        assert search.count_exchanges(s, ExchangeFilter(text="手册")) > 50
        assert s.execute(select(func.sum(Expense.amount_minor))).scalar_one() > 0
        linked = (
            select(func.count())
            .select_from(assignment_people)
            .where(assignment_people.c.assignment_id == Assignment.id)
            .scalar_subquery()
        )
        assert not s.execute(
            select(func.count(Assignment.id)).where(Assignment.head_count != linked)
        ).scalar_one()
        assert s.execute(select(func.count(Minutes.id)).where(Minutes.locked)).scalar_one() == 1


def test_the_same_seed_builds_the_same_database(built, tmp_path, empty_template):
    """(The rows the large demo adds: the small demo's own get random uuids.)"""
    db, _ = built
    other, _ = _build(tmp_path / "again.sqlite3", empty_template)
    stamp = dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=dt.UTC)
    try:
        for model in (Exchange, Assignment, Expense, Segment):
            text = model.search_text if hasattr(model, "search_text") else model.text_ru
            query = select(model.uuid, text).where(model.created_at == stamp)
            with db.unit() as s, other.unit() as t:
                rows = s.execute(query.order_by(model.id)).all()
                assert len(rows) > 100 and rows == t.execute(query.order_by(model.id)).all()
    finally:
        other.close()


def test_the_command_line_knows_the_scales(tmp_path, capsys):
    from app.cli import main

    with pytest.raises(SystemExit) as e:
        main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--scale", "huge"])
    assert e.value.code == 2
    assert "large" in capsys.readouterr().err
