"""Search everything (issue 17, point 5) on the large database: under 100 ms, whatever the script,
each query against the raw sqlite3 query of the same kind on the same index, in the same run.

Run: python -m pytest -m benchmark tests/benchmarks/test_search_everything_speed.py -s
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from app.core.services.search import everything
from app.migrations.search_index import TABLE
from tests.benchmarks.conftest import load

pytestmark = pytest.mark.benchmark

LIMIT = everything.LIMIT
#: what a user types: Russian and Chinese words the large demo holds (common ones: thousands of
#: matches), and Chinese words of two characters (shorter than a trigram: LIKE), a common one and a
#: rare one (12 records among 155,000)
RARE_SHORT = "机床"
QUERIES = ("иванов", "справочник", "стандарт", "技术条件", "联合委员会", "手册", RARE_SHORT)
#: how much slower than the raw query of the same kind it may be, and the absolute target
RATIO, TARGET_MS = 3.0, 100.0


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def raw(con: sqlite3.Connection, q: str) -> list:
    """The baseline: the same rows straight from the index."""
    if len(q) >= 3:  # the newest candidates, ranked
        return con.execute(
            f"SELECT rowid, zh, ru FROM (SELECT rowid, zh, ru, rank AS r FROM {TABLE} WHERE {TABLE} MATCH ? "
            "ORDER BY rowid DESC LIMIT ?) ORDER BY r LIMIT ?",  # noqa: S608
            ('"' + q + '"', everything.CANDIDATES, LIMIT),
        ).fetchall()
    like = f"%{q}%"  # a scan of the index's text
    return con.execute(
        f"SELECT rowid, zh, ru FROM {TABLE} WHERE zh LIKE ? OR ru LIKE ? LIMIT ?", (like, like, LIMIT)  # noqa: S608
    ).fetchall()


@pytest.fixture(scope="module")
def large(large_template):
    from app.core.db import Database

    db = Database.open(large_template.path)
    con = sqlite3.connect(large_template.path)
    yield db, con
    con.close()
    db.close()


def test_the_index_is_used_and_filled(large):
    db, con = large
    plan = " ".join(str(r) for r in con.execute(
        f"EXPLAIN QUERY PLAN SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH '\"иванов\"'"))  # noqa: S608  # fmt: skip
    assert "VIRTUAL TABLE INDEX" in plan, plan  # FTS5 answers, no scan of the registers
    indexed = con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]  # noqa: S608
    people = con.execute("SELECT count(*) FROM people").fetchone()[0]
    segments = con.execute("SELECT count(*) FROM minutes_segments").fetchone()[0]
    exchanges = con.execute("SELECT count(*) FROM exchanges").fetchone()[0]
    assert indexed >= people + segments + exchanges > 10_000


@pytest.mark.parametrize("query", QUERIES)
def test_search_everything_on_the_large_database(large, query):
    db, con = large
    hits: list = []

    def ours():
        with db.unit() as s:
            hits[:] = everything.search(s, query)

    mine = best_of(ours)
    base = best_of(lambda: raw(con, query))
    print(f"\nsearch everything {query!r}: {len(hits)} hits, {mine * 1000:.1f} ms, raw sqlite3 "
          f"{base * 1000:.1f} ms, ratio {mine / max(base, 1e-4):.1f} ({load()})")  # fmt: skip
    # the large demo holds every query; the rare two-character one only in older exchanges, which
    # the time-bounded scan of the bulk registers may not reach (a limit: no bigram index yet)
    assert hits or query == RARE_SHORT, query
    assert mine * 1000 < TARGET_MS, f"{mine * 1000:.0f} ms"
    assert mine <= max(base * RATIO, base + 0.010), f"{mine * 1000:.1f} ms against {base * 1000:.1f} ms"
