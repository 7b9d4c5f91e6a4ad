"""Random edits on both sides, bundles exchanged in random order: the two databases converge."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.db import Database
from app.core.models import Commission, GlossaryTerm, Meeting, Minutes, Segment, Side
from app.core.sync import exchange
from tests.core.bundle_helpers import apply, exchange_until_quiet, values


def _small(db: Database) -> None:
    with db.unit() as s:
        s.add(Commission(name_zh="中苏委员会", name_ru="Советско-китайская комиссия"))
        cn = Side(position=1, code="CN", language="zh", name_short_zh="中方", name_short_ru="Китай")
        su = Side(position=2, code="SU", language="ru", name_short_zh="苏方", name_short_ru="СССР")
        s.add_all([cn, su])
        s.flush()
        m = Meeting(ordinal=1, host_side_id=cn.id, city_zh="北京", city_ru="Пекин", start_date=dt.date(1958, 3, 1),
                    end_date=dt.date(1958, 3, 5))  # fmt: skip
        s.add(m)
        s.flush()
        minutes = Minutes(meeting_id=m.id)
        s.add(minutes)
        s.flush()
        for i in range(3):
            s.add(Segment(minutes_id=minutes.id, position=i, text_zh=f"段{i}", text_ru=f"абзац {i}"))
        for i in range(3):
            s.add(GlossaryTerm(zh=f"术语{i}", ru=f"термин {i}"))


@pytest.fixture(scope="module")
def small_pair(tmp_path_factory, empty_template):
    """Template files: CN's small database, and SU's copy made from CN's first bundle."""
    folder = tmp_path_factory.mktemp("pair")
    cn_path, su_path = folder / "cn.sqlite3", folder / "su.sqlite3"
    shutil.copyfile(empty_template, cn_path)
    shutil.copyfile(empty_template, su_path)
    cn, su = Database.open(cn_path), Database.open(su_path)
    _small(cn)
    with cn.unit() as s:
        data = exchange.export(s).data
    apply(su, data)
    for db in (cn, su):
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    return cn_path, su_path


WORDS = st.sampled_from(["甲", "乙", "丙", "один", "два", "три", ""])
EDIT = st.tuples(st.sampled_from(["seg_zh", "seg_ru", "seg_status", "term_note", "term_add", "term_del"]),
                 st.integers(0, 5), WORDS)  # fmt: skip
STEP = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 1), EDIT),
    st.tuples(st.just("send"), st.integers(0, 1), st.just(None)),
    st.tuples(st.just("receive"), st.integers(0, 1), st.just(None)),
)


def _edit(db: Database, edit) -> None:
    what, i, word = edit
    with db.unit() as s:
        if what.startswith("seg"):
            segs = s.execute(select(Segment).order_by(Segment.position)).scalars().all()
            seg = segs[i % len(segs)]
            if what == "seg_status":
                seg.status = ["draft", "translated", "agreed"][i % 3]
            else:
                setattr(seg, "text_" + what[-2:], word + str(i))
            return
        terms = s.execute(select(GlossaryTerm).order_by(GlossaryTerm.id)).scalars().all()
        if what == "term_add":
            tag = uuid.uuid4().hex[:8]  # a new pair of terms (the glossary refuses the same pair twice)
            s.add(GlossaryTerm(zh=f"新{word}{i}{tag}", ru=f"новый {word}{i}{tag}"))
        elif terms and what == "term_note":
            terms[i % len(terms)].note = word
        elif terms and what == "term_del":
            s.delete(terms[i % len(terms)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=14))
def test_random_edits_on_both_sides_converge(small_pair, steps):
    folder = Path(tempfile.mkdtemp(prefix="converge-"))
    try:
        paths = [folder / "cn.sqlite3", folder / "su.sqlite3"]
        for src, dst in zip(small_pair, paths, strict=True):
            shutil.copyfile(src, dst)
        dbs = [Database.open(p) for p in paths]
        queues: list[list[bytes]] = [[], []]  # bundles on their way to side 0, side 1
        for kind, side, edit in steps:
            if kind == "edit":
                _edit(dbs[side], edit)
            elif kind == "send":
                with dbs[side].unit() as s:
                    queues[1 - side].append(exchange.export(s).data)
            elif queues[side]:
                apply(dbs[side], queues[side].pop(0))
        for side in (0, 1):  # what is still on the way arrives, in order
            for data in queues[side]:
                apply(dbs[side], data)
        exchange_until_quiet(dbs[0], dbs[1])
        assert values(dbs[0]) == values(dbs[1])
        for db in dbs:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
