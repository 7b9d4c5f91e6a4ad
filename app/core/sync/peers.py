"""Which database is which: every database has its own id (the setting ``sync.database_id``), and
what it remembers of its exchanges is kept per peer **database** (:class:`SyncPeer`), so that two
databases of the same side (an office database and the laptop copy taken on the road) exchange
bundles as the two secretariats do.

The id is created the first time a database exchanges (not by the migration: a file copied with
the file manager, or a test's template, must not share it with its original), and a new one is
given to every copy made by ``commission-desk copy`` (:func:`start_copy`), which also records the
source as a peer whose current values are the common base, both ways.

A peer remembered by an older version (by its side only, ``database_id`` empty) takes the database
id of the first bundle that comes from it (:func:`adopt`).
"""

from __future__ import annotations

import uuid as _uuid

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.core.models import Side, SyncBundle, SyncConflict, SyncPeer, SyncRecord
from app.core.services import settings
from app.i18n import N_

DATABASE_ID = "sync.database_id"


def database_id(session: Session, *, create: bool = True) -> str:
    """This database's id ("" when it has none yet and ``create`` is false)."""
    value = settings.get(session, DATABASE_ID) or ""
    if not value and create:
        value = str(_uuid.uuid4())
        settings.put(session, DATABASE_ID, value)
    return str(value)


def key(peer: SyncPeer) -> str:
    """What the sync state of ``peer`` is kept under (its database id; its side for an old peer)."""
    return peer.database_id or peer.side_uuid


def by_database(session: Session, db_id: str) -> SyncPeer | None:
    return session.execute(select(SyncPeer).where(SyncPeer.database_id == db_id)).scalars().first()


def of_side(session: Session, side_uuid: str) -> list[SyncPeer]:
    return list(session.execute(select(SyncPeer).where(SyncPeer.side_uuid == side_uuid).order_by(SyncPeer.id)).scalars())


def new(session: Session, side_uuid: str, db_id: str = "", label: str = "") -> SyncPeer:
    peer = SyncPeer(side_uuid=side_uuid, database_id=db_id, label=label, last_sent=0, last_received=0, acknowledged=0)
    session.add(peer)
    session.flush()
    return peer


def for_export(session: Session, to: Side | None, to_db: str | None) -> SyncPeer:
    """The peer a bundle goes to: the database ``to_db`` (an id or its beginning), else the one
    database of side ``to`` known here (a new peer when none is known yet)."""
    if to_db:
        wanted = to_db.strip().lower()
        found = [p for p in session.execute(select(SyncPeer)).scalars() if p.database_id and p.database_id.startswith(wanted)]
        if len(found) != 1:
            raise ValidationError(N_("No single known database has the id {id} (commission-desk bundle peers lists them)."),
                                  id=to_db)  # fmt: skip
        if to is not None and found[0].side_uuid != to.uuid:
            raise ValidationError(N_("The database {id} does not belong to side {side}."), id=to_db, side=to.code)
        return found[0]
    assert to is not None
    known = of_side(session, to.uuid)
    if len({key(p) for p in known}) > 1:
        raise ValidationError(N_("Several databases of side {side} are known here: choose the one the bundle goes to "
                                 "(on the command line: --to-db; commission-desk bundle peers lists them)."),
                              side=to.code)  # fmt: skip
    return known[0] if known else new(session, to.uuid)


def for_import(session: Session, from_side: str, from_db: str) -> SyncPeer | None:
    """The peer a bundle comes from (None: never heard of), by database id, else by side."""
    if from_db:
        peer = by_database(session, from_db)
        if peer is not None:
            return peer
        return next((p for p in of_side(session, from_side) if not p.database_id), None)
    return next(iter(of_side(session, from_side)), None)


def adopt(session: Session, peer: SyncPeer, db_id: str) -> None:
    """An old peer (known by its side) learns its database id; its sync state follows."""
    if peer.database_id or not db_id:
        return
    old = key(peer)
    for model in (SyncRecord, SyncBundle, SyncConflict):
        session.execute(update(model).where(model.peer_uuid == old).values(peer_uuid=db_id))
    peer.database_id = db_id
    session.flush()


def listing(session: Session) -> list[dict]:
    """Every peer database known here, for ``bundle peers`` and the exchange window."""
    sides = {s.uuid: s for s in session.execute(select(Side)).scalars()}
    out = []
    for p in session.execute(select(SyncPeer).order_by(SyncPeer.id)).scalars():
        side = sides.get(p.side_uuid)
        out.append({"database": p.database_id, "side": side.code if side else "?", "side_uuid": p.side_uuid,
                    "label": p.label, "sent": p.last_sent, "received": p.last_received,
                    "acknowledged": p.acknowledged})  # fmt: skip
    return out


def start_copy(source: Session, copy: Session, label_source: str, label_copy: str) -> str:
    """After ``commission-desk copy``: the copy gets a new id, forgets the source's exchanges with
    others (their sequence numbers are the source's), and both record each other as peers whose
    current shared values are the common base, so that each sends back only what it changes."""
    from app.core.sync import exchange, shared

    source_id = database_id(source)
    copy_id = str(_uuid.uuid4())
    settings.put(copy, DATABASE_ID, copy_id)
    for model in (SyncRecord, SyncBundle, SyncPeer):
        copy.execute(delete(model))
    home = exchange.home_side(copy)
    if home is None:
        return copy_id
    base = shared.snapshot(copy)
    for session, other_id, label in ((copy, source_id, label_source), (source, copy_id, label_copy)):
        new(session, home.uuid, other_id, label[:300])
        for uuid, (spec, row, values) in base.items():
            session.add(SyncRecord(peer_uuid=other_id, register=spec.name, record_uuid=uuid,
                                   base_hash=shared.digest(values), base_values=shared.canonical(values),
                                   base_version=row.version, sent_sequence=0, sent_hash="", sent_values=""))  # fmt: skip
        session.flush()
    return copy_id
