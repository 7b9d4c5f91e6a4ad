"""Speed of the Exchanges tab on 100,000 items: opening it and filtering it, each measured against
a raw sqlite3 query that fetches the same rows (the first page and the count), in the same run.

Run with ``python -m pytest -m benchmark tests/benchmarks -s`` to see the figures.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
import uuid

import pytest
from sqlalchemy import insert

from app.core.enums import ExchangeKind
from app.core.models import Exchange
from app.core.models.base import search_key
from app.core.models.exchanges import derive_status
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter
from tests.core.exchange_helpers import make_setup

pytestmark = pytest.mark.benchmark

N = 100_000
TODAY = dt.date.today()
WORDS_ZH = ["手册", "技术条件", "标准样品", "测量仪器", "研究报告", "期刊", "教材", "目录", "装备", "光学计"]
WORDS_RU = ["Справочник", "Технические условия", "Стандартные образцы", "Измерительный прибор",
            "Научный отчёт", "Журнал", "Учебник", "Каталог", "Станок", "Оптиметр"]  # fmt: skip


def _rows(cn: int, su: int, meetings: list[int]):
    rng = random.Random(100_000)
    kinds = [k.value for k in ExchangeKind]
    now = dt.datetime.now(dt.UTC)
    for i in range(N):
        kind = kinds[i % len(kinds)]
        start = TODAY - dt.timedelta(days=rng.randint(30, 3000))
        dates = {"requested_on": start}
        d = start
        for stage in ("promised_on", "sent_on", "received_on", "acknowledged_on"):
            if rng.random() < 0.2:
                break
            d = d + dt.timedelta(days=rng.randint(1, 6))
            dates[stage] = d
        w = rng.randrange(len(WORDS_RU))
        title_zh, title_ru = f"{WORDS_ZH[w]} 第{i}号", f"{WORDS_RU[w]} № {i}"
        reference = f"ГОСТ {1000 + i % 9000}-{50 + i % 10}" if kind == "standard" else f"СК-{i:06d}"
        a, b = (cn, su) if i % 3 == 0 else (su, cn)
        warranty = kind in ("apparatus", "materiel") and "received_on" in dates
        yield {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "created_at": now, "updated_at": now, "kind": kind,
            "published": None if kind in ("sample", "apparatus", "materiel") else bool(i % 2),
            "marking_id": None, "from_side_id": a, "to_side_id": b, "title_zh": title_zh, "title_ru": title_ru,
            "title_original": title_ru, "reference": reference, "quantity": 1 + i % 20,
            "requested_on": dates.get("requested_on"), "promised_on": dates.get("promised_on"),
            "sent_on": dates.get("sent_on"), "received_on": dates.get("received_on"),
            "acknowledged_on": dates.get("acknowledged_on"), "declined_on": None,
            "status": derive_status(dates).value, "channel": None,
            "meeting_id": meetings[i % len(meetings)] if i % 4 else None, "agenda_item_id": None,
            "decision_id": None, "notes": "", "warranty_terms_zh": "", "warranty_terms_ru": "",
            "warranty_start": dates["received_on"] if warranty else None,
            "warranty_months": 12 if warranty else None,
            "warranty_expires": dates["received_on"].replace(year=dates["received_on"].year + 1)
            if warranty and not (dates["received_on"].month == 2 and dates["received_on"].day == 29) else None,
            "search_text": search_key(title_zh, title_ru, title_ru, reference),
        }  # fmt: skip


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from app.core.db import Database

    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    db = Database.open(path)
    setup = make_setup(db)
    rows = list(_rows(setup.cn, setup.su, list(setup.meetings.values())))
    for r in rows:  # a warranty without an expiry (29 February) keeps no start either
        if r["warranty_start"] is not None and r["warranty_expires"] is None:
            r["warranty_start"] = r["warranty_months"] = None
    with db.unit() as s:
        for i in range(0, N, 10_000):
            s.execute(insert(Exchange.__table__), rows[i : i + 10_000])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    yield db, path, setup
    db.close()


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def raw_page(path, where: str = "", params: tuple = ()) -> list:
    """The baseline: the rows the table shows first, and their count, straight from sqlite3."""
    con = sqlite3.connect(path)
    try:
        count = con.execute(f"SELECT count(*) FROM exchanges {where}", params).fetchone()[0]
        rows = con.execute(
            "SELECT e.*, f.code, t.code FROM exchanges e JOIN sides f ON f.id = e.from_side_id "
            f"JOIN sides t ON t.id = e.to_side_id {where.replace('WHERE', 'WHERE e.') if where else ''} "
            "ORDER BY e.requested_on DESC, e.id DESC LIMIT 250",
            params,
        ).fetchall()
    finally:
        con.close()
    assert count >= len(rows)
    return rows


def report(name: str, ours: float, base: float) -> float:
    ratio = ours / base
    print(f"\n{name}: {ours * 1000:.1f} ms, raw sqlite3 {base * 1000:.1f} ms, ratio {ratio:.1f}")
    return ratio


def test_opening_the_tab_on_100000_items(qapp, big):
    from app.ui.application import init_application
    from app.ui.context import AppContext
    from app.ui.views.exchanges import ExchangesView

    init_application()
    db, path, _setup = big
    ctx = AppContext(db)
    views = []

    def open_tab():
        view = ExchangesView(ctx)
        view.resize(1300, 800)
        view.show()
        qapp.processEvents()
        assert view.register.model.rowCount() == N
        assert view.register.model.index(0, 1).data()
        views.append(view)

    ours = best_of(open_tab)
    base = best_of(lambda: raw_page(path))
    ratio = report("open the Exchanges tab on 100,000 items", ours, base)
    for v in views:
        v.close()
        v.deleteLater()
    assert ours < 3.0, "the tab must open in a few seconds at most"
    assert ratio < 200


def test_filtering_the_tab_on_100000_items(qapp, big):
    from app.ui.application import init_application
    from app.ui.context import AppContext
    from app.ui.views.exchanges import ExchangesView
    from app.ui.widgets import combo

    init_application()
    db, path, setup = big
    ctx = AppContext(db)
    view = ExchangesView(ctx)
    view.resize(1300, 800)
    view.show()
    qapp.processEvents()
    reg = view.register
    expected = ctx.read(
        search.count_exchanges, ExchangeFilter(kind="handbook", from_side_id=setup.su, text="справочник")
    )
    assert expected > 0

    def filter_tab():
        reg.clear_filters()
        qapp.processEvents()
        for widget, value in ((reg.kind, "handbook"), (reg.direction, setup.su)):
            widget.blockSignals(True)
            combo.select(widget, value)
            widget.blockSignals(False)
        reg.search.setText("справочник")
        t = time.perf_counter()
        reg.search._emit()  # as if the user paused typing: one filter of the table
        qapp.processEvents()
        timings.append(time.perf_counter() - t)
        assert reg.model.rowCount() == expected
        assert reg.model.index(0, 1).data().startswith("Справочник")

    timings: list[float] = []
    best_of(filter_tab)
    ours = min(timings)
    pattern = "%" + search_key("справочник") + "%"
    where = "WHERE kind = ? AND from_side_id = ? AND search_text LIKE ?"
    base = best_of(lambda: raw_page(path, where, ("handbook", setup.su, pattern)))
    ratio = report("filter by kind, direction and text", ours, base)
    view.close()
    assert ours < 2.0, "filtering must feel immediate"
    assert ratio < 20
