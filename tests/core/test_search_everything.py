"""Search everything: both scripts, short Chinese words, the index kept up to date by the triggers,
notes found as their decision, and the LIKE fallback giving the same records."""

from __future__ import annotations

import datetime as dt
import time

from app.core.models import Decision
from app.core.services.decisions import records as decisions
from app.core.services.decisions.records import NoteInput
from app.core.services.search import everything as service


def kinds(hits) -> set[str]:
    return {h.kind for h in hits}


def test_chinese_and_russian_across_the_registers(demo_db):
    with demo_db.unit() as s:
        zh = service.search(s, "技术条件")
        ru = service.search(s, "специалист")
        short = service.search(s, "标准")  # two characters: below the trigram, by LIKE
        latin = service.search(s, "gromov")  # case does not matter
    assert {"decision", "letter", "exchange"} <= kinds(zh)
    assert "letter" in kinds(ru) and "decision" in kinds(ru)
    assert short and all("标准" in h.zh + h.ru for h in short)
    assert "person" in kinds(latin)
    assert "技术条件" in zh[0].excerpt("技术条件", "zh_CN")


def test_the_index_follows_inserts_updates_and_deletes(demo_db):
    with demo_db.unit() as s:
        d = s.query(Decision).filter(Decision.between_sessions.is_(True)).first()
        decisions.add_note(
            s,
            d.id,
            NoteInput(dt.date.today(), text_zh="已派出测绘小组", text_ru="Направлена группа топографов"),
        )
    with demo_db.unit() as s:
        hit = service.search(s, "топографов")
        assert [(h.kind, h.record_id) for h in hit] == [("note", d.id)]  # a note opens its decision
        d = s.get(Decision, d.id)
        d.text_ru = "Новый текст о радиолокаторах"
        s.flush()
        assert [h.record_id for h in service.search(s, "радиолокатор")] == [d.id]
        decisions.delete_decision(s, d.id)
        assert service.search(s, "радиолокатор") == [] and service.search(s, "топографов") == []


def test_the_like_fallback_finds_the_same_records(demo_db):
    with demo_db.unit() as s:
        for q in ("специалист", "技术条件"):
            fts = {(h.kind, h.record_id) for h in service.search(s, q)}
            like = {
                (h.kind, h.record_id)
                for h in service._notes_open_their_decision(s, service._like_everywhere(s, q, 500))
            }
            assert fts == like, q


def test_a_search_is_quick(demo_db):
    with demo_db.unit() as s:
        service.search(s, "warm up")
        start = time.perf_counter()
        for q in ("技术条件", "специалист", "标准", "ГКЭС"):
            service.search(s, q)
        assert (time.perf_counter() - start) / 4 < 0.1
