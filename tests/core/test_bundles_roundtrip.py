"""A laptop takes a copy of the office database on the road and brings its changes back with the
exchange bundles (issue 20 point 6, issue 21 point 5): the office is SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.db import Database
from app.core.models import (
    Decision,
    DecisionNote,
    Exchange,
    GlossaryTerm,
    Minutes,
    Person,
    Segment,
    SyncConflict,
)
from app.core.sync import exchange, peers
from app.core.sync.bundle import BundleRefused, read
from tests.core.bundle_helpers import values


def cli(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _id(db: Database) -> str:
    with db.unit() as s:
        return peers.database_id(s)


@pytest.fixture
def laptop(demo_db, tmp_path, capsys):
    path = tmp_path / "laptop.sqlite3"
    status, out, err = cli(capsys, "copy", "--from", str(demo_db.location), "--to", str(path))
    assert status == 0, err
    db = Database.open(path)
    yield db
    db.close()


def _edit_on_the_road(db: Database) -> dict:
    with db.unit() as s:
        seg = s.scalars(select(Segment).join(Minutes).where(Minutes.locked.is_(False)).order_by(Segment.id)).first()
        seg.text_ru = "Текст, переведённый в дороге."
        ex = s.scalars(select(Exchange).order_by(Exchange.id)).first()
        ex.title_ru = "Обмен, исправленный в дороге"
        decision = s.scalars(select(Decision).order_by(Decision.id)).first()
        note = DecisionNote(decision_id=decision.id, noted_on=dt.date(1958, 3, 2), text_zh="在路上记录的进展。",
                            text_ru="Ход исполнения, записанный в дороге.")  # fmt: skip
        s.add(note)
        s.flush()
        person = s.scalars(select(Person).order_by(Person.id)).first()
        person.name_ru = "Имя с ноутбука"
        return {"segment": seg.uuid, "exchange": ex.uuid, "note": note.uuid, "person": person.uuid}


def _edit_in_the_office(db: Database, person_uuid: str) -> str:
    with db.unit() as s:
        term = GlossaryTerm(zh="机床", ru="станок", note="")
        s.add(term)
        person = s.scalars(select(Person).where(Person.uuid == person_uuid)).one()
        person.name_ru = "Имя из конторы"  # the laptop changed it too: a conflict
        s.flush()
        return term.uuid


def test_a_laptop_copy_goes_on_the_road_and_comes_back(demo_db, laptop, tmp_path, capsys):
    office = demo_db
    office_id, laptop_id = _id(office), _id(laptop)
    assert office_id and laptop_id and office_id != laptop_id
    assert values(office) == values(laptop)
    status, out, _err = cli(capsys, "bundle", "peers", "--db", str(laptop.location))
    assert status == 0 and office_id in out and laptop_id in out

    road = _edit_on_the_road(laptop)
    term = _edit_in_the_office(office, road["person"])

    # the laptop's first bundle carries only what it changed
    to_office = tmp_path / "to-office-1.cdb"
    status, out, err = cli(capsys, "bundle", "export", "--db", str(laptop.location), "--to-db", office_id[:8],
                           "-o", str(to_office))  # fmt: skip
    assert status == 0, err
    b = read(to_office.read_bytes())
    assert b.manifest["from"]["database"] == laptop_id and b.manifest["to"]["database"] == office_id
    assert {r["uuid"] for r in b.records} == set(road.values())
    # a bundle for the office is refused by another database of the side (the laptop itself, here)
    with laptop.unit() as s, pytest.raises(BundleRefused):
        exchange.check(s, to_office.read_bytes(), accept_unsigned=True)
    status, out, err = cli(capsys, "bundle", "import", "--db", str(office.location), str(to_office), "--accept-unsigned")
    assert status == 0, err
    status, _out, err = cli(capsys, "bundle", "import", "--db", str(office.location), str(to_office), "--accept-unsigned")
    assert status == 1 and "already applied" in err  # replay

    # the office's changes go to the laptop; then both ways until nothing is left to send
    for _round in range(8):
        quiet = True
        for src, dst, to in ((office, laptop, laptop_id), (laptop, office, office_id)):
            with src.unit() as s:
                result = exchange.export(s, None, None, to)
            quiet = quiet and result.empty
            with dst.unit() as s:
                exchange.apply(s, result.data, accept_unsigned=True)
        if quiet:
            break
    else:
        raise AssertionError("the databases never stopped sending")

    mine, theirs = values(office), values(laptop)
    assert mine == theirs  # both hold the same shared records, nothing lost
    assert mine[road["segment"]]["text_ru"] == "Текст, переведённый в дороге."
    assert mine[road["exchange"]]["title_ru"] == "Обмен, исправленный в дороге"
    assert mine[road["note"]]["text_zh"] == "在路上记录的进展。"
    assert mine[term]["ru"] == "станок"
    with office.unit(read_only=True) as s:  # the edit both made is listed as a conflict
        listed = s.execute(select(SyncConflict).where(SyncConflict.record_uuid == road["person"])).scalars().all()
        assert [c.field for c in listed] == ["name_ru"]
        assert s.execute(select(func.count()).select_from(SyncConflict)).scalar() == len(listed)
    # the exchanges with the other side's secretariat are not disturbed: addressed by side as before
    with office.unit() as s:
        assert exchange.export(s, "SU").to_side == "SU"
    with office.unit(read_only=True) as s:
        assert {p["database"] for p in peers.listing(s)} >= {laptop_id}
