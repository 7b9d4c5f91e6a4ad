"""The Expenses register stays responsive with a hundred thousand expenses.

Speeds are reported as ratios against a baseline measured in the same run on the same data (a plain
``SELECT count(*)`` of the table), so they mean the same on a slow laptop and a fast one. What the
tab does on every filter change (count, first page, sums per currency) and what it does once per
session (the summary per side) must stay within a small multiple of that baseline.

    python -m pytest -m benchmark tests/benchmarks -s
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from sqlalchemy import func, insert, select

from app.core.models import Expense, ExpenseCategory, ExpenseKind
from app.core.models.base import new_uuid, utcnow
from app.core.services.expenses import records as service
from app.core.services.expenses import summary as expense_summary
from app.core.services.expenses.records import ExpenseFilter
from tests.core.expense_setup import START, add_session, setup_commission

N = 100_000


def _best(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.benchmark
def test_filter_page_and_sums_stay_fast_on_a_large_register(db):
    rng = random.Random(1958)
    with db.unit() as s:
        sides = setup_commission(s)
        meetings = [add_session(s, sides, n, "CN" if n % 2 else "SU", start=START + dt.timedelta(days=180 * n))
                    for n in range(1, 5)]  # fmt: skip
        now = utcnow()
        rows = []
        for i in range(N):
            kind = rng.choice(list(ExpenseKind))
            rows.append(dict(
                uuid=new_uuid(), created_at=now, updated_at=now, meeting_id=rng.choice(meetings), kind=kind.value,
                category=rng.choice(list(ExpenseCategory)).value,
                delegation_side_id=rng.choice(list(sides.values())) if kind is ExpenseKind.DELEGATION else None,
                amount_minor=rng.randint(100, 10**8), currency=rng.choice(["CNY", "RUB", "RUB", "USD"]),
                spent_on=START + dt.timedelta(days=rng.randint(0, 800)), description_zh=f"费用 {i}",
                description_ru=f"расход {i}", correction_reason="", search_text=f"费用 {i}\u241fрасход {i}",
            ))  # fmt: skip
        s.execute(insert(Expense), rows)
    with db.unit() as s:
        assert s.execute(select(func.count(Expense.id))).scalar_one() == N
        baseline = _best(lambda: s.execute(select(func.count(Expense.id))).scalar_one())
        mid = meetings[0]
        f = ExpenseFilter(meeting_id=mid, side_id=sides["CN"], currency="RUB")

        def filter_change():
            service.count_expenses(s, f)
            service.search_expenses(s, f, sort="amount", descending=True, limit=250)
            service.sums(s, f)

        tab = _best(filter_change)
        search = _best(
            lambda: service.search_expenses(s, ExpenseFilter(meeting_id=mid, text="расход 4242"), limit=250)
        )
        summary = _best(lambda: expense_summary.summary(s, mid), repeat=3)
    ratios = {
        "filter change": tab / baseline,
        "text search": search / baseline,
        "summary": summary / baseline,
    }
    print(f"\nbaseline count(*) of {N}: {baseline * 1000:.2f} ms; " +
          ", ".join(f"{k}: ×{v:.1f}" for k, v in ratios.items()))  # fmt: skip
    # generous bounds: a slow machine is slow for the baseline too
    assert ratios["filter change"] < 60
    assert ratios["text search"] < 60
    assert ratios["summary"] < 60
