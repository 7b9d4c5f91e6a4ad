"""The Experts tab and its timeline at 20,000 assignments, against a raw SQL baseline.

Run with ``python -m pytest -m benchmark tests/benchmarks/test_experts_benchmark.py -s``. Each
measure is the best of a few runs, reported in milliseconds and as a ratio to the baseline: one
page of the register read with plain sqlite3 (what no model could beat).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
import uuid

import pytest

from app.core.models.base import search_key

pytestmark = pytest.mark.benchmark

N_ASSIGNMENTS = 20_000
N_PEOPLE = 6_000
STATUSES = ["proposed", "invited", "accepted", "travel_arranged", "on_site", "completed", "cancelled"]
PURPOSES = ["technical_expert", "aide", "inspection", "conference", "research_report", "internship"]
SURNAMES = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков"]
HOSTS = [("国营第一一二厂", "Государственный завод № 112"), ("国营第二四七厂", "Государственный завод № 247"),
         ("图拉兵工厂", "Тульский оружейный завод"), ("列宁格勒光学机械厂", "Ленинградский оптико-механический завод")]  # fmt: skip


def _fill(path, today: dt.date) -> None:
    """Add people and assignments in bulk (plain SQL: building 20,000 through the services would
    measure the services, not the tab)."""
    rng = random.Random(5)
    con = sqlite3.connect(path)
    sides = dict(con.execute("SELECT code, id FROM sides"))
    now = dt.datetime(2000, 1, 1).isoformat(" ")
    people = []
    for i in range(N_PEOPLE):
        code = "SU" if i % 2 else "CN"
        ru = f"{rng.choice('АБВГДЕИКЛМНОП')}. {rng.choice('АБВГДЕИКЛМНОП')}. {rng.choice(SURNAMES)}-{i}"
        zh = f"专家{i}号"
        lat = f"Expert {i}"
        people.append(
            (sides[code], zh, ru, lat, search_key(zh, ru, lat), str(uuid.UUID(int=rng.getrandbits(128))))
        )
    con.executemany(
        "INSERT INTO people (side_id, name_zh, name_ru, name_latin, organisation_zh, organisation_ru, "
        "position_zh, position_ru, notes, search_text, uuid, created_at, updated_at) "
        f"VALUES (?, ?, ?, ?, '', '', '', '', '', ?, ?, '{now}', '{now}')",
        people,
    )
    ids = {code: [] for code in sides}
    code_of = {v: k for k, v in sides.items()}
    for pid, side in con.execute("SELECT id, side_id FROM people"):
        ids[code_of[side]].append(pid)
    rows, links = [], []
    next_start = {}
    for i in range(N_ASSIGNMENTS):
        sending = "SU" if i % 3 else "CN"
        receiving = "CN" if sending == "SU" else "SU"
        pid = rng.choice(ids[sending])
        start = next_start.get(pid, today - dt.timedelta(days=rng.randint(0, 2500)))
        term = rng.choice([30, 90, 180, 365, 730])
        end = start + dt.timedelta(days=term - 1)
        next_start[pid] = end + dt.timedelta(days=rng.randint(1, 60))
        hzh, hru = rng.choice(HOSTS)
        status = rng.choice(STATUSES)
        rows.append((sides[sending], sides[receiving], rng.choice(PURPOSES), status, hzh, hru, start, end, term,
                     start, end, end, search_key(hzh, hru), str(uuid.UUID(int=rng.getrandbits(128)))))  # fmt: skip
        links.append(pid)
    con.executemany(
        "INSERT INTO assignments (sending_side_id, receiving_side_id, purpose, status, host_organisation_zh, "
        "host_organisation_ru, place_zh, place_ru, speciality_zh, speciality_ru, planned_start, planned_end, "
        "term_limit_days, extension_days, extension_reason, terms_zh, terms_ru, notes, start_date, end_date, "
        "term_end, head_count, search_text, uuid, created_at, updated_at) "
        f"VALUES (?, ?, ?, ?, ?, ?, '', '', '', '', ?, ?, ?, 0, '', '', '', '', ?, ?, ?, 1, ?, ?, '{now}', '{now}')",
        [(*r[:6], r[6].isoformat(), r[7].isoformat(), r[8], r[9].isoformat(), r[10].isoformat(),
          r[11].isoformat(), r[12], r[13]) for r in rows],
    )  # fmt: skip
    first = con.execute("SELECT min(id) FROM assignments WHERE uuid = ?", (rows[0][13],)).fetchone()[0]
    con.executemany(
        "INSERT INTO assignment_people (assignment_id, person_id) VALUES (?, ?)",
        [(first + i, pid) for i, pid in enumerate(links)],
    )
    con.commit()
    con.close()


@pytest.fixture(scope="module")
def big_db(tmp_path_factory, demo_template):
    import shutil

    from tests.conftest import DEMO_TODAY

    path = tmp_path_factory.mktemp("bench") / "experts20k.sqlite3"
    shutil.copyfile(demo_template, path)
    _fill(path, DEMO_TODAY)
    return path


def best(fn, runs: int = 3) -> float:
    """The fastest of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def test_tab_and_timeline_at_20000_assignments(qtbot, big_db):
    from app.core.db import Database
    from app.core.services.experts.query import AssignmentFilter, count_assignments
    from app.ui.context import AppContext
    from app.ui.views.experts import PAGE_TIMELINE, ExpertsView

    def baseline():
        con = sqlite3.connect(big_db)
        con.execute("SELECT count(*) FROM assignments").fetchone()
        con.execute(
            "SELECT a.*, p.name_ru FROM assignments a JOIN assignment_people ap ON ap.assignment_id = a.id "
            "JOIN people p ON p.id = ap.person_id ORDER BY a.start_date LIMIT 250"
        ).fetchall()
        con.close()

    base = best(baseline, 5)
    db = Database.open(big_db)
    ctx = AppContext(db)
    assert ctx.read(count_assignments, AssignmentFilter()) > N_ASSIGNMENTS
    view = ExpertsView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)

    def open_tab():
        view.refresh()
        view.table.viewport().grab()

    def sort_by_people():
        view.model.sort(1)
        view.table.viewport().grab()

    def search():
        view.filters.search.setText("смирнов")
        view._on_filter()
        view.table.viewport().grab()
        view.filters.search.setText("")
        view._on_filter()

    def scroll_table():
        view.table.scrollToBottom()
        view.table.viewport().grab()
        view.table.scrollToTop()

    view.pages.setCurrentIndex(PAGE_TIMELINE)
    tl = view.timeline.view

    def timeline():
        view._refresh_timeline()
        tl.viewport().grab()

    def timeline_scroll():
        for frac in (0.25, 0.5, 0.75, 1.0):
            tl.verticalScrollBar().setValue(int(tl.verticalScrollBar().maximum() * frac))
            tl.viewport().grab()

    results = {
        "open the tab (count, first page, quotas, alerts, paint)": best(open_tab),
        "sort by people": best(sort_by_people),
        "search as you type": best(search),
        "scroll the table to the end": best(scroll_table),
        "timeline: people in the period, first screen": best(timeline),
        "timeline: four screens further down": best(timeline_scroll) / 4,
    }
    db.close()
    print(f"\nbaseline (raw SQL, one page): {base:.1f} ms; {len(tl.people)} people on the timeline")
    for name, ms in results.items():
        print(f"{name:55s} {ms:8.1f} ms  {ms / base:6.1f}× baseline")
    # responsive: every action well under a second, the timeline's scrolling at frame rate
    assert all(ms < 1500 for ms in results.values()), results
    assert results["timeline: four screens further down"] < 150, results
