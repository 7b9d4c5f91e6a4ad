"""Demo data: the Sino-Soviet commission on defence industry proposed on 14 December 1957.

The commission, its sides and people are those of the founding memorandum. The dates of its
sessions are set relative to *today*, so that the deadlines, alerts and warnings the registers
show have something to say: the first session (Beijing) was held some five months ago and its
minutes are signed; the second (Moscow) opens in a little over three weeks.

Each area adds a module here with a ``build(ctx)`` function and appends it to :data:`STEPS`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.db import Database
from app.core.errors import ValidationError
from app.core.models import Person, Side
from app.i18n import N_


@dataclass
class DemoContext:
    session: Session
    today: dt.date
    rng: random.Random
    sides: dict[str, int] = field(default_factory=dict)  # code -> id
    people: dict[str, int] = field(default_factory=dict)  # key -> id
    meetings: dict[int, int] = field(default_factory=dict)  # ordinal -> id
    agenda: dict[tuple[int, str], int] = field(default_factory=dict)  # (ordinal, key) -> id
    decisions: dict[tuple[int, int], int] = field(default_factory=dict)  # (ordinal, number) -> id
    members: dict[tuple[int, str], int] = field(default_factory=dict)  # (ordinal, person key) -> id


def _steps():
    from app.core.demo import (
        agenda,
        commission,
        correspondence,
        decisions,
        exchanges,
        expenses,
        experts,
        minutes,
        sessions,
        signing,
    )

    # One step a line, in order: each area appends its own.
    return [
        commission.build,
        sessions.build,
        agenda.build,
        minutes.build,
        signing.build,
        exchanges.build,
        expenses.build,
        experts.build,
        decisions.build,
        correspondence.build,
    ]


def is_empty(session: Session) -> bool:
    return (
        not session.execute(select(func.count(Side.id))).scalar_one()
        and not session.execute(select(func.count(Person.id))).scalar_one()
    )


def build_demo(session: Session, today: dt.date | None = None, seed: int = 1957) -> DemoContext:
    """Fill an empty database with the demo commission (in the caller's transaction)."""
    if not is_empty(session):
        raise ValidationError(N_("The database already holds data; the demo goes only into an empty one."))
    ctx = DemoContext(session=session, today=today or dt.date.today(), rng=random.Random(seed))
    for step in _steps():
        step(ctx)
        session.flush()
    return ctx


def create_demo_database(path: str | Path, today: dt.date | None = None) -> Database:
    db = Database.open(path)
    with db.unit() as s:
        build_demo(s, today)
    return db
