"""Issue 22: the minutes as XLIFF 1.2 and 2.0, read back and edited by translate-toolkit's own
classes; round trips; locked, foreign and vanished units; malformed files; the command line."""

from __future__ import annotations

import pytest
from translate.storage import xliff, xliff2

from app.cli import main
from app.core.enums import RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ImportRefused, ValidationError
from app.core.services.minutes import edit as me
from app.core.services.minutes import records as ms
from app.core.services.minutes import xliff as mx
from tests.core.minutes_helpers import fill, new_minutes

J = SegmentPart.JOINT
ROWS = [
    ("关于交换技术资料", "Об обмене технической документацией", J, SegmentKind.HEADING),
    ("双方同意，每年交换两次。", "Стороны договорились обмениваться 2 раза в год.", J),
    (
        "苏方提供120项技术条件。\n  第二行 <b>&amp;",
        "Советская сторона передаёт 120 технических условий.\n  Вторая строка",
        J,
    ),
    ("第四段", "", J),
    ("第五段，已草签。", "Пятый абзац, парафирован.", J),
]
STATUSES = [SegmentStatus.TRANSLATED, SegmentStatus.CHECKED, SegmentStatus.DRAFT, SegmentStatus.DRAFT,
            SegmentStatus.INITIALLED]  # fmt: skip


@pytest.fixture
def minutes(demo_db):
    meeting_id, minutes_id = new_minutes(demo_db)
    ids = fill(demo_db, minutes_id, ROWS)
    with demo_db.unit() as s:
        for seg_id, status in zip(ids, STATUSES, strict=True):
            if status is SegmentStatus.INITIALLED:
                me.set_status(s, seg_id, SegmentStatus.AGREED)
            if status is not SegmentStatus.DRAFT:
                me.set_status(s, seg_id, status)
    return demo_db, meeting_id, minutes_id


def segments(db, minutes_id):
    with db.unit() as s:
        return ms.list_segments(s, minutes_id)


def export(db, meeting_id, path, source="zh", version="1.2"):
    with db.unit() as s:
        return mx.export_xliff(s, meeting_id, path, source, version)


def import_(db, meeting_id, path):
    with db.unit() as s:
        return mx.import_xliff(s, meeting_id, path)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
@pytest.mark.parametrize("source", ["zh", "ru"])
def test_written_and_read_back_by_translate_toolkit(minutes, tmp_path, version, source):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    assert export(db, meeting_id, path, source, version) == 5
    data = path.read_bytes()
    target = "ru" if source == "zh" else "zh"
    if version == "1.2":
        assert b'version="1.2"' in data and b"urn:oasis:names:tc:xliff:document:1.2" in data
        store = xliff.xlifffile.parsestring(data)
        ids = [u.xmlelement.get("id") for u in store.units]
        states = [u.getlanguageNode(lang=None, index=1).get("state") for u in store.units]
        assert states == ["translated", "signed-off", "new", "new", "final"]
        assert store.getsourcelanguage().startswith(source) and store.gettargetlanguage().startswith(target)
        assert [u.getnotes("kind") for u in store.units][0] == "heading"
        assert store.units[0].getnotes("part") == "joint"
    else:
        assert b'version="2.0"' in data
        store = xliff2.Xliff2File.parsestring(data)
        ids = [u.getunitelement().get("id") for u in store.units]
        states = [u.xmlelement.get("state") for u in store.units]
        assert states == ["translated", "reviewed", "initial", "initial", "final"]
        assert store.getsourcelanguage().startswith(source) and store.gettargetlanguage().startswith(target)
        unit = store.units[0].getunitelement()
        notes = unit.find("{urn:oasis:names:tc:xliff:document:2.0}notes")
        assert [(n.get("category"), n.text) for n in notes] == [("kind", "heading"), ("part", "joint")]
    segs = segments(db, minutes_id)
    assert ids == [s.uuid for s in segs]
    assert [str(u.source) for u in store.units] == [s.text(source) for s in segs]
    assert [str(u.target or "") for u in store.units] == [s.text(target) for s in segs]
    assert [u.istranslatable() for u in store.units] == [True, True, True, True, False]


def _edit_with_toolkit(path, version, edits):
    """Open the file with translate-toolkit, change the targets of the units named, save it."""
    cls = xliff.xlifffile if version == "1.2" else xliff2.Xliff2File
    store = cls.parsestring(path.read_bytes())
    for unit in store.units:
        uid = unit.xmlelement.get("id") if version == "1.2" else unit.getunitelement().get("id")
        if uid in edits:
            unit.target = edits[uid]
    path.write_bytes(bytes(store))


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_round_trip_changes_exactly_the_edited_targets(minutes, tmp_path, version):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path, "zh", version)
    before = segments(db, minutes_id)
    edits = {
        before[1].uuid: "Стороны договорились обмениваться дважды в год.",
        before[3].uuid: "Четвёртый абзац",
    }
    _edit_with_toolkit(path, version, edits)
    plan = import_(db, meeting_id, path)
    assert {c.uuid for c in plan.changes} == set(edits)
    assert plan.skipped == ()
    after = segments(db, minutes_id)
    for b, a in zip(before, after, strict=True):
        if b.uuid in edits:
            assert a.text_ru == edits[b.uuid] and a.text_zh == b.text_zh
        else:
            assert a == b  # untouched: texts, status, everything
    # the edited checked segment is back to "translated"; the draft whose target was filled in
    # takes the state translate-toolkit gave it (1.2: translated; 2.0 leaves "initial")
    assert after[1].status is SegmentStatus.TRANSLATED
    assert after[3].status is (SegmentStatus.TRANSLATED if version == "1.2" else SegmentStatus.DRAFT)
    with db.unit() as s:
        history = ms.segment_history(s, after[1].id)
    assert history[0].text_ru == edits[before[1].uuid]
    assert history[0].action is RevisionAction.STATUS or history[0].action is RevisionAction.IMPORT
    assert RevisionAction.IMPORT in {h.action for h in history}


def test_an_unedited_file_changes_nothing(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    for version in ("1.2", "2.0"):
        path = tmp_path / f"m{version}.xlf"
        export(db, meeting_id, path, "ru", version)
        _edit_with_toolkit(path, version, {})
        before = segments(db, minutes_id)
        plan = import_(db, meeting_id, path)
        assert plan.changes == () and plan.skipped == () and plan.unchanged == 5
        assert segments(db, minutes_id) == before


def test_status_comes_back(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path, "zh", "2.0")
    segs = segments(db, minutes_id)
    store = xliff2.Xliff2File.parsestring(path.read_bytes())
    store.units[0].xmlelement.set("state", "reviewed")  # translated → checked
    path.write_bytes(bytes(store))
    plan = import_(db, meeting_id, path)
    assert [c.uuid for c in plan.changes] == [segs[0].uuid]
    assert segments(db, minutes_id)[0].status is SegmentStatus.CHECKED


def test_a_locked_segment_is_left_alone_and_reported(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    locked = segments(db, minutes_id)[4]
    text = path.read_text(encoding="utf-8").replace(locked.text_ru, "Переписанный абзац")
    path.write_text(text, encoding="utf-8")
    plan = import_(db, meeting_id, path)
    assert plan.changes == ()
    assert [k.unit for k in plan.skipped] == [locked.uuid]
    assert "initialled" in plan.skipped[0].message
    assert segments(db, minutes_id)[4] == locked


def test_foreign_and_vanished_units_are_reported(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    other_meeting, other_minutes = new_minutes(db, ordinal=91)
    fill(db, other_minutes, [("别的会议", "Другое заседание")])
    path = tmp_path / "other.xlf"
    export(db, other_meeting, path)
    _edit_with_toolkit(path, "1.2", {segments(db, other_minutes)[0].uuid: "Изменено"})
    before = segments(db, minutes_id)
    plan = import_(db, meeting_id, path)
    assert plan.changes == ()
    assert plan.skipped[0].message == "The segment belongs to the minutes of another session: Session 91."
    # a segment deleted since the export
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    with db.unit() as s:
        me.delete_segment(s, before[2].id)
    plan = import_(db, meeting_id, path)
    assert plan.changes == () and [k.unit for k in plan.skipped] == [before[2].uuid]
    assert "no longer" in plan.skipped[0].message.lower() or "deleted" in plan.skipped[0].message


def test_a_changed_source_is_reported(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    seg = segments(db, minutes_id)[0]
    _edit_with_toolkit(path, "1.2", {seg.uuid: "Новый перевод"})
    with db.unit() as s:
        me.save_texts(s, seg.id, text_zh="关于交换技术资料的问题")
    plan = import_(db, meeting_id, path)
    assert plan.changes == () and [k.unit for k in plan.skipped] == [seg.uuid]


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><xliff version='1.2'><file><body><trans-unit id='x'>",
        b"not xml at all",
        b"<?xml version='1.0'?><root/>",
    ],
)
def test_malformed_files_are_refused_with_nothing_written(minutes, tmp_path, data):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "bad.xlf"
    path.write_bytes(data)
    before = segments(db, minutes_id)
    with pytest.raises(ImportRefused):
        import_(db, meeting_id, path)
    assert segments(db, minutes_id) == before


def test_wrong_languages_are_refused(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    text = path.read_text(encoding="utf-8").replace('target-language="ru-RU"', 'target-language="en-US"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused) as err:
        import_(db, meeting_id, path)
    assert "en-US" in err.value.message


def test_signed_minutes_are_refused(demo_db, tmp_path):
    from app.core.services.agenda.sessions import meeting_by_ordinal

    with demo_db.unit() as s:
        meeting_id = meeting_by_ordinal(s, 1).id
    path = tmp_path / "m.xlf"
    export(demo_db, meeting_id, path)
    with pytest.raises(ValidationError):
        import_(demo_db, meeting_id, path)


def test_revert_brings_texts_and_statuses_back(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    before = segments(db, minutes_id)
    _edit_with_toolkit(path, "1.2", {before[1].uuid: "Иначе"})
    with db.unit() as s:
        plan = mx.plan_import(s, meeting_id, path)
    with db.unit() as s:
        mx.apply_import(s, plan)
    assert segments(db, minutes_id)[1].text_ru == "Иначе"
    with db.unit() as s:
        mx.revert_import(s, plan)
    after = segments(db, minutes_id)
    assert [(a.text_zh, a.text_ru, a.status) for a in after] == [
        (b.text_zh, b.text_ru, b.status) for b in before
    ]


def test_command_line(minutes, tmp_path, capsys):
    db, meeting_id, minutes_id = minutes
    db_path = str(db.path)
    db.close()
    out = tmp_path / "m.xliff"
    assert main(["export", "minutes", "--db", db_path, "--session", "90", "-o", str(out), "--xliff", "2.0",
                 "--source", "ru"]) == 0  # fmt: skip
    assert b'version="2.0"' in out.read_bytes() and b'srcLang="ru-RU"' in out.read_bytes()
    store = xliff2.Xliff2File.parsestring(out.read_bytes())
    store.units[0].target = "关于交换技术文件"
    foreign = store.UnitClass("外来")
    store.addunit(foreign)
    foreign.setid("not-a-segment")
    out.write_bytes(bytes(store))
    capsys.readouterr()
    assert main(["import", "minutes", "--db", db_path, "--session", "90", str(out)]) == 0
    captured = capsys.readouterr()
    assert "1 segment" in captured.out and "not-a-segment" in captured.err
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff", encoding="utf-8")
    assert main(["import", "minutes", "--db", db_path, "--session", "90", str(bad)]) == 1
    assert main(["import", "minutes", "--db", db_path, "--session", "90", str(tmp_path / "none.xlf")]) == 2
    assert main(["import", "minutes", "--db", str(tmp_path / "nodb.txt"), "--session", "90", str(out)]) == 2


def test_an_empty_target_leaves_the_text_alone(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path)
    seg = segments(db, minutes_id)[1]
    path.write_text(path.read_text(encoding="utf-8").replace(seg.text_ru, ""), encoding="utf-8")
    plan = import_(db, meeting_id, path)
    assert plan.changes == () and segments(db, minutes_id)[1] == seg


def test_a_state_that_cannot_be_given_changes_nothing(minutes, tmp_path):
    db, meeting_id, minutes_id = minutes
    path = tmp_path / "m.xlf"
    export(db, meeting_id, path, "zh", "2.0")
    half = segments(db, minutes_id)[3]  # a draft with no Russian text
    store = xliff2.Xliff2File.parsestring(path.read_bytes())
    store.units[3].xmlelement.set("state", "translated")
    path.write_bytes(bytes(store))
    plan = import_(db, meeting_id, path)
    assert plan.changes == () and segments(db, minutes_id)[3] == half
