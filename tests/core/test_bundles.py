"""Exchange bundles between the two secretariats (issue 20): two databases, one per side."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.db import Database
from app.core.models import AuditEntry, GlossaryTerm, Minutes, Segment, SyncBundle, SyncConflict, SyncPeer
from app.core.services.minutes import edit as me
from app.core.sync import exchange, merge
from app.core.sync.bundle import BundleRefused
from tests.core import crypto_helpers as ch
from tests.core.bundle_helpers import apply, exchange_until_quiet, export, side_code, values


@pytest.fixture
def two(demo_db, tmp_path):
    """(CN's database: the demo; SU's: created by importing CN's first bundle)."""
    su = Database.open(tmp_path / "su.sqlite3")
    apply(su, export(demo_db))
    yield demo_db, su
    su.close()


def _draft(db) -> int:
    with db.unit(read_only=True) as s:
        return s.execute(select(Minutes.id).where(Minutes.locked.is_(False))).scalars().first()


def _segments(db, minutes_id: int) -> dict[str, tuple[str, str]]:
    with db.unit(read_only=True) as s:
        rows = s.execute(select(Segment).where(Segment.minutes_id == minutes_id)).scalars()
        return {r.uuid: (r.text_zh, r.text_ru) for r in rows}


def _seg_id(db, uuid: str) -> int:
    with db.unit(read_only=True) as s:
        return s.execute(select(Segment.id).where(Segment.uuid == uuid)).scalar_one()


def test_the_receiving_side_starts_with_the_same_commission(two):
    cn, su = two
    assert side_code(cn) == "CN" and side_code(su) == "SU"
    assert values(cn) == values(su)
    with su.unit(read_only=True) as s:  # expenses stay home
        assert s.execute(select(func.count()).select_from(Segment)).scalar() > 0
        from app.core.models import Expense

        assert s.execute(select(func.count()).select_from(Expense)).scalar() == 0


def test_draft_minutes_go_to_su_and_the_russian_column_comes_back(two):
    cn, su = two
    minutes_id = _draft(cn)
    with cn.unit() as s:  # CN drafts two new paragraphs, in Chinese only
        a = me.insert_segment(s, minutes_id, None, text_zh="双方同意交换技术资料。").uuid
        b = me.insert_segment(s, minutes_id, None, text_zh="下次会议在莫斯科举行。").uuid
    apply(su, export(cn))
    assert _segments(su, _draft(su))[a] == ("双方同意交换技术资料。", "")
    with su.unit() as s:  # SU writes the Russian texts
        me.save_texts(s, _seg_id(su, a), text_ru="Стороны согласились обменяться технической документацией.")
        me.save_texts(s, _seg_id(su, b), text_ru="Следующее заседание состоится в Москве.")
    with cn.unit() as s:  # meanwhile CN corrects its Chinese: each side's column is its own
        me.save_texts(s, _seg_id(cn, b), text_zh="下次会议将在莫斯科举行。")
    apply(cn, export(su))
    apply(su, export(cn))
    exchange_until_quiet(cn, su)
    both = _segments(cn, minutes_id), _segments(su, _draft(su))
    assert both[0] == both[1]
    assert both[0][a] == ("双方同意交换技术资料。", "Стороны согласились обменяться технической документацией.")
    assert both[0][b] == ("下次会议将在莫斯科举行。", "Следующее заседание состоится в Москве.")
    assert values(cn) == values(su)
    with cn.unit(read_only=True) as s:
        assert s.execute(select(func.count()).select_from(SyncConflict)).scalar() == 0
        seg = s.execute(select(Segment).where(Segment.uuid == a)).scalar_one()
        last = seg.revisions[-1]  # the history shows where the Russian text came from
        assert (last.action, last.reason, last.text_ru) == ("import", "Bundle 1 from side SU", seg.text_ru)


def _term(db, zh: str) -> GlossaryTerm:
    with db.unit(read_only=True) as s:
        return s.execute(select(GlossaryTerm).where(GlossaryTerm.zh == zh)).scalar_one()


def test_a_conflict_is_listed_and_its_resolution_travels_back(two):
    cn, su = two
    zh = _term(cn, _term_names(cn)[0]).zh
    for db, note in ((cn, "CN note"), (su, "SU note")):
        with db.unit() as s:
            s.execute(select(GlossaryTerm).where(GlossaryTerm.zh == zh)).scalar_one().note = note
    to_su, to_cn = export(cn), export(su)  # both sent before either arrives
    r1, r2 = apply(su, to_su), apply(cn, to_cn)
    assert r1.conflicts == 1 and r2.conflicts == 1
    exchange_until_quiet(cn, su)
    assert _term(cn, zh).note == _term(su, zh).note == "CN note"  # the first side's until resolved
    with su.unit() as s:
        c = s.execute(select(SyncConflict).where(SyncConflict.resolution == "")).scalar_one()
        assert (c.field, json.loads(c.ours), json.loads(c.theirs)) == ("note", "SU note", "CN note")
        merge.resolve(s, c.id, "ours")
    with cn.unit() as s:
        c = s.execute(select(SyncConflict).where(SyncConflict.resolution == "")).scalar_one()
        merge.resolve(s, c.id, "theirs")
    exchange_until_quiet(cn, su)
    assert _term(cn, zh).note == _term(su, zh).note == "SU note"
    assert values(cn) == values(su)


def test_an_edited_resolution(two):
    cn, su = two
    zh = _term_names(cn)[1]
    for db, note in ((cn, "a"), (su, "b")):
        with db.unit() as s:
            s.execute(select(GlossaryTerm).where(GlossaryTerm.zh == zh)).scalar_one().note = note
    apply(su, export(cn))
    with su.unit() as s:
        c = s.execute(select(SyncConflict)).scalar_one()
        merge.resolve(s, c.id, "edited", "a and b")
    exchange_until_quiet(cn, su)
    assert _term(cn, zh).note == _term(su, zh).note == "a and b"


def _term_names(db) -> list[str]:
    with db.unit(read_only=True) as s:
        return list(s.execute(select(GlossaryTerm.zh).order_by(GlossaryTerm.id)).scalars())


def test_signed_minutes_never_change_through_a_bundle(two):
    cn, su = two
    with su.unit() as s:
        signed_id = s.execute(select(Minutes.id).where(Minutes.locked.is_(True))).scalar_one()
    from tests.core.signing_helpers import drop_guards

    drop_guards(su)  # someone on the SU laptop changes signed minutes behind the program's back
    with su.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE minutes_segments SET text_ru = 'подделка' WHERE minutes_id = {signed_id}")
    before = _segments(cn, 1)
    apply(cn, export(su))
    assert _segments(cn, 1) == before


def test_the_same_bundle_twice_changes_nothing(two):
    cn, su = two
    with cn.unit() as s:
        s.execute(select(GlossaryTerm)).scalars().first().note = "once"
    data = export(cn)
    apply(su, data)
    before = values(su)
    with pytest.raises(BundleRefused, match="already applied"):
        apply(su, data)
    assert values(su) == before


def _state(db) -> tuple:
    with db.unit(read_only=True) as s:
        return (
            values(db),
            s.execute(select(func.count()).select_from(AuditEntry)).scalar(),
            s.execute(select(func.count()).select_from(SyncBundle)).scalar(),
            [(p.last_sent, p.last_received, p.acknowledged) for p in s.execute(select(SyncPeer)).scalars()],
        )


def _rezip(data: bytes, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            z.writestr(name, change(name, src.read(name)))
    return out.getvalue()


def _tampered(data: bytes) -> bytes:
    return _rezip(data, lambda n, b: b.replace(b"\"note\":", b"\"note\": \"x\", \"zz\":", 1) if n == "records.jsonl" else b)


def _resigned_by(side: str):
    def fn(data: bytes) -> bytes:
        import base64

        from app.core.crypto import keys

        sig = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("signature.json"))
        manifest = zipfile.ZipFile(io.BytesIO(data)).read("manifest.json")
        k = ch.key(side)
        sig["certificate"] = keys.cert_pem(k.certificate)
        sig["signature"] = base64.b64encode(k.sign(manifest)).decode()
        return _rezip(data, lambda n, b: json.dumps(sig).encode() if n == "signature.json" else b)

    return fn


@pytest.mark.parametrize(
    "how, message",
    [
        ("tampered", "tampered"),
        ("wrong signature", "signature"),
        ("forged signature", "trusted certificate"),
        ("wrong recipient", "addressed to side"),
        ("replay", "already applied"),
        ("gap", "skips a bundle"),
        ("newer schema", "newer version"),
        ("unsigned", "not signed"),
    ],
)
def test_a_bad_bundle_is_refused_whole_with_nothing_written(two, how, message, monkeypatch):
    cn, su = two
    ch.trust_sides(su, "CN")
    key = ch.key("CN")
    with cn.unit() as s:
        s.execute(select(GlossaryTerm)).scalars().first().note = "changed"
    data = export(cn, key)
    if how == "tampered":
        data = _tampered(data)
    elif how == "wrong signature":
        data = _rezip(data, lambda n, b: b.replace(b'"sequence": 2', b'"sequence": 2 ') if n == "manifest.json" else b)
    elif how == "forged signature":
        data = _resigned_by("SU")(data)
    elif how == "wrong recipient":
        data = export(su)  # SU's own bundle, addressed to CN
    elif how == "replay":
        apply(su, data, accept_unsigned=False)
    elif how == "gap":
        data = export(cn, key)  # bundle 3 while 2 was never applied
    elif how == "newer schema":  # written by a later version, and signed
        monkeypatch.setattr(exchange, "schema_revisions", lambda: ["zz_future1"])
        data = export(cn, key)
        monkeypatch.undo()
    elif how == "unsigned":
        data = export(cn)
    before = _state(su)
    with pytest.raises(BundleRefused, match=message):
        apply(su, data, accept_unsigned=False)
    assert _state(su) == before


def test_the_command_line(demo_db_path, tmp_path, capsys):
    cdb, su = tmp_path / "1.cdb", tmp_path / "su.sqlite3"
    pw = tmp_path / "pw"
    pw.write_text(ch.PASS["CN"], encoding="utf-8")
    key = tmp_path / "cn.p12"
    key.write_bytes(ch.p12("CN"))
    args = ["bundle", "export", "--db", str(demo_db_path), "--to", "SU", "-o", str(cdb)]
    assert main([*args, "--sign-with", str(key), "--key-passphrase-file", str(pw)]) == 0
    assert "signed" in capsys.readouterr().out
    assert main(["bundle", "import", "--db", str(su), str(cdb)]) == 1  # not checkable here yet
    assert "--accept-unsigned" in capsys.readouterr().err and not su.exists()
    assert main(["bundle", "import", "--db", str(su), str(cdb), "--accept-unsigned"]) == 0
    assert "applied" in capsys.readouterr().out
    database = Database.open(su)
    ch.trust_sides(database, "CN")  # from now on CN's signature is checked here
    database.close()
    assert main(["bundle", "import", "--db", str(su), str(cdb)]) == 1
    err = capsys.readouterr().err
    assert "already applied" in err and len(err.strip().splitlines()) == 1
    assert main(["bundle", "export", "--db", str(su), "--to", "CN", "-o", str(tmp_path / "back.cdb")]) == 0
    assert main(["bundle", "import", "--db", str(demo_db_path), str(tmp_path / "back.cdb")]) == 1
    assert main(["bundle", "import", "--db", str(demo_db_path), str(tmp_path / "back.cdb"),
                 "--accept-unsigned"]) == 0  # fmt: skip
    (tmp_path / "not.cdb").write_text("hello", encoding="utf-8")
    assert main(["bundle", "import", "--db", str(demo_db_path), str(tmp_path / "not.cdb")]) == 2
    assert main(["bundle", "import", "--db", str(demo_db_path), str(tmp_path / "missing.cdb")]) == 2


def test_the_database_knows_its_side(demo_db):
    with demo_db.unit() as s:
        assert exchange.home_side(s).code == "CN"
        su = exchange.other_side(s)
        exchange.set_home_side(s, su.id)
    with demo_db.unit(read_only=True) as s:
        assert exchange.home_side(s).code == "SU"


def test_records_that_clash_refuse_the_bundle_whole(two):
    import datetime as dt

    from app.core.models import Meeting, Side

    cn, su = two
    for db in (cn, su):  # both sides plan "the 9th session", each its own record
        with db.unit() as s:
            side = s.execute(select(Side).order_by(Side.position)).scalars().first()
            s.add(Meeting(ordinal=9, host_side_id=side.id, start_date=dt.date(1960, 1, 4), end_date=dt.date(1960, 1, 8)))
    before = _state(cn)
    with pytest.raises(BundleRefused, match="clash"):
        apply(cn, export(su))
    assert _state(cn) == before


def test_a_copy_started_on_a_laptop_that_confirmed_the_sender_trusts_its_certificate(demo_db, tmp_path):
    from app.core.crypto import trust

    ch.trust_sides(demo_db, "CN")  # CN's certificate is pinned on this laptop (the same user config)
    su = Database.open(tmp_path / "su.sqlite3")
    apply(su, export(demo_db, ch.key("CN")), accept_unsigned=False)
    with su.unit(read_only=True) as s:
        assert trust.status(s, ch.key("CN").certificate) == ("CN", trust.Trust.TRUSTED)
    with demo_db.unit() as s:
        s.execute(select(GlossaryTerm)).scalars().first().note = "signed and checked"
    apply(su, export(demo_db, ch.key("CN")), accept_unsigned=False)
    assert values(su) == values(demo_db)
    su.close()


def test_minutes_signed_on_one_side_arrive_signed_with_their_last_texts(two):
    cn, su = two
    minutes_id = _draft(cn)
    with cn.unit() as s:  # the last correction and the signing, in one go
        m = s.get(Minutes, minutes_id)
        m.segments[0].text_ru = "Окончательный текст."
        s.flush()
        m.locked, m.status, m.fingerprint = True, "signed", "f" * 64
        uuid = m.uuid
    apply(su, export(cn))
    with su.unit(read_only=True) as s:
        m = s.execute(select(Minutes).where(Minutes.uuid == uuid)).scalar_one()
        assert m.locked and m.status == "signed" and m.segments[0].text_ru == "Окончательный текст."
    assert values(cn) == values(su)


def test_follow_up_notes_and_letters_travel(two):
    from app.core.models import DecisionNote, LetterLink, LiaisonLetter

    cn, su = two
    with su.unit(read_only=True) as s:  # the demo's notes and letters came with the first bundle
        assert s.execute(select(func.count()).select_from(DecisionNote)).scalar() > 0
        assert s.execute(select(func.count()).select_from(LiaisonLetter)).scalar() > 0
        letter = s.execute(select(LiaisonLetter).order_by(LiaisonLetter.id)).scalars().first()
        uuid = letter.uuid
        links = s.execute(select(func.count()).select_from(LetterLink)).scalar()
    with su.unit() as s:
        s.execute(select(LiaisonLetter).where(LiaisonLetter.uuid == uuid)).scalar_one().summary_ru = "Ответ получен."
    apply(cn, export(su))
    with cn.unit(read_only=True) as s:
        assert s.execute(select(LiaisonLetter).where(LiaisonLetter.uuid == uuid)).scalar_one().summary_ru == (
            "Ответ получен.")  # fmt: skip
        assert s.execute(select(func.count()).select_from(LetterLink)).scalar() == links
    assert values(cn) == values(su)


def test_a_conflict_on_a_reference_names_the_records_not_their_uuids(two):
    """Both sides moved the same exchange to a different session: the Conflicts view says which
    sessions, and the choice is between the two (not a UUID typed by hand)."""
    from app.core.models import Exchange, Meeting
    from app.core.sync import conflicts

    cn, su = two
    with cn.unit(read_only=True) as s:
        item = s.execute(select(Exchange).where(Exchange.meeting_id.is_not(None)).order_by(Exchange.id)).scalars().first()
        item_uuid, original = item.uuid, s.get(Meeting, item.meeting_id).ordinal
    other = next(o for o in (1, 2, 3) if o != original)
    for db, ordinal in ((cn, original), (su, other)):
        with db.unit() as s:
            row = s.execute(select(Exchange).where(Exchange.uuid == item_uuid)).scalar_one()
            if db is cn:
                row.meeting_id = None
            else:
                row.meeting_id = s.execute(select(Meeting.id).where(Meeting.ordinal == ordinal)).scalar_one()
    apply(su, export(cn))
    with su.unit(read_only=True) as s:
        (c,) = [c for c in conflicts.open_conflicts(s) if c.field == "meeting_id"]
        by_ordinal = {m.ordinal: m.uuid for m in s.execute(select(Meeting)).scalars()}
    assert c.is_reference and c.ours == by_ordinal[other] and c.theirs is None
    assert c.show(c.ours) == f"Session {other}" and c.show(c.theirs) == "—"
    assert by_ordinal[other] not in c.show(c.ours)
