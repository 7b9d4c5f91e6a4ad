"""Two databases, one per side, and moving bundles between them (tests of issue 20)."""

from __future__ import annotations

from sqlalchemy import select

from app.core.db import Database
from app.core.models import Side
from app.core.sync import exchange, shared


def export(db: Database, key=None) -> bytes:
    with db.unit() as s:
        return exchange.export(s, None, key).data


def apply(db: Database, data: bytes, *, accept_unsigned: bool = True):
    with db.unit() as s:
        return exchange.apply(s, data, accept_unsigned=accept_unsigned)


def values(db: Database) -> dict[str, dict]:
    """{uuid: shared values} of every shared record."""
    with db.unit(read_only=True) as s:
        return {u: v for u, (_spec, _row, v) in shared.snapshot(s).items()}


def side_code(db: Database) -> str:
    with db.unit(read_only=True) as s:
        return exchange.home_side(s).code


def sides(db: Database) -> list[str]:
    with db.unit(read_only=True) as s:
        return list(s.execute(select(Side.code).order_by(Side.position)).scalars())


def exchange_until_quiet(a: Database, b: Database, rounds: int = 8) -> int:
    """Bundles both ways until neither has anything to send; returns the number of rounds."""
    for n in range(1, rounds + 1):
        quiet = True
        for src, dst in ((a, b), (b, a)):
            with src.unit() as s:
                result = exchange.export(s)
            quiet = quiet and result.empty
            apply(dst, result.data)
        if quiet:
            return n
    raise AssertionError("the databases never stopped sending")
