"""A database with the demo commission and its two sessions but no exchanges yet, for the
Exchanges tests."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, fields

from app.core.db import Database
from app.core.demo import DemoContext, commission, sessions
from app.core.services.exchanges import records as service
from app.core.services.exchanges.records import ExchangeData

TODAY = dt.date(2026, 6, 15)


@dataclass
class Setup:
    db: Database
    cn: int
    su: int
    meetings: dict[int, int]
    agenda: dict[tuple[int, str], int]
    decisions: dict[tuple[int, int], int]

    def add(self, **values) -> ExchangeData:
        with self.db.unit() as s:
            return service.add_exchange(s, self.item(**values), today=TODAY)

    def item(self, **values) -> ExchangeData:
        base = dict(
            kind="book",
            from_side_id=self.su,
            to_side_id=self.cn,
            title_zh="机械制造手册",
            title_ru="Справочник машиностроителя",
            quantity=1,
            requested_on=TODAY - dt.timedelta(days=30),
        )
        base.update(values)
        return ExchangeData(**base)


def setup_ids(db: Database) -> dict:
    """What :func:`make_setup` builds, as plain ids: for the ``built_db`` fixture, which builds it
    once per test run and gives each test a copy."""
    setup = make_setup(db)
    return {f.name: getattr(setup, f.name) for f in fields(Setup) if f.name != "db"}


def copied_setup(built_db) -> Setup:
    """The database of :func:`make_setup`, a copy of one built once per test run."""
    db, ids = built_db(setup_ids)
    return Setup(db, **ids)


def make_setup(db: Database) -> Setup:
    with db.unit() as s:
        ctx = DemoContext(session=s, today=TODAY, rng=random.Random(1))
        commission.build(ctx)
        s.flush()
        sessions.build(ctx)
        s.flush()
    return Setup(db, ctx.sides["CN"], ctx.sides["SU"], ctx.meetings, ctx.agenda, ctx.decisions)
