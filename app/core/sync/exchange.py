"""Exchange bundles between the two secretariats: export what the other side has not yet
acknowledged, check an incoming bundle, and apply it by merging record by record (:mod:`.merge`).

A database belongs to one side's secretariat (the setting ``sync.home_side``; unset: the first
side, as the demo). Every bundle to the other side has the next sequence number and acknowledges
the last bundle received from it; an incoming bundle is refused whole, before anything is written,
when its signature fails or is not the other side's trusted certificate, a member's hash differs,
it is addressed to another database, it was already applied, it skips a sequence number, or it
comes from a newer schema.
"""

from __future__ import annotations

import json
import uuid as _uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.audit import user_name
from app.core.changes import ALL, Change, changes
from app.core.crypto import keys, trust
from app.core.db.migrate import known_revisions
from app.core.errors import ValidationError
from app.core.models import Blob, Commission, Side, SyncBundle, SyncRecord, utcnow
from app.core.services import settings
from app.core.sync import merge, peers, shared
from app.core.sync.bundle import Bundle, BundleRefused, NotABundle, read, write
from app.i18n import N_

HOME = "sync.home_side"


class NeedsConfirmation(BundleRefused):
    """An unsigned bundle (or one whose certificate cannot be checked here): it is applied only
    when the user says so (``--accept-unsigned``, a question in the window)."""


# --- which side this database belongs to --------------------------------------------------------


def home_side(session: Session) -> Side | None:
    """The side whose secretariat keeps this database (unset: the first side)."""
    wanted = settings.get(session, HOME)
    if wanted:
        side = session.execute(select(Side).where(Side.uuid == wanted)).scalar_one_or_none()
        if side is not None:
            return side
    return session.execute(select(Side).order_by(Side.position)).scalars().first()


@changes(Change.SETTINGS)
def set_home_side(session: Session, side_id: int) -> None:
    side = session.get(Side, side_id)
    if side is None:
        raise ValidationError(N_("The commission has no such side."))
    settings.put(session, HOME, side.uuid)


def home_position(session: Session) -> int:
    """1 or 2: the position of the side this database belongs to."""
    home = home_side(session)
    return home.position if home is not None else 1


@changes(Change.SETTINGS)
def set_home_position(session: Session, position: int) -> None:
    side = session.execute(select(Side).where(Side.position == position)).scalar_one_or_none()
    if side is not None:
        settings.put(session, HOME, side.uuid)


def other_side(session: Session, code: str | None = None) -> Side:
    home = home_side(session)
    sides = session.execute(select(Side).order_by(Side.position)).scalars().all()
    for side in sides:
        if code is None and side is not home or code is not None and side.code.upper() == code.strip().upper():
            if side is home:
                raise ValidationError(N_("This database belongs to side {side}: a bundle goes to the other side."),
                                      side=side.code)  # fmt: skip
            return side
    raise ValidationError(N_("The commission has no side {side}."), side=code or "?")


def states(session: Session, peer_uuid: str) -> dict[str, SyncRecord]:
    q = select(SyncRecord).where(SyncRecord.peer_uuid == peer_uuid)
    return {r.record_uuid: r for r in session.execute(q).scalars()}


def schema_revisions() -> list[str]:
    return sorted(known_revisions()[1])


# --- export --------------------------------------------------------------------------------------


@dataclass
class ExportResult:
    data: bytes
    sequence: int
    to_side: str
    to_database: str = ""
    records: dict[str, int] = field(default_factory=dict)  # register -> number of records
    deleted: int = 0
    signed: bool = False

    @property
    def empty(self) -> bool:
        return not self.records and not self.deleted


def pending(session: Session, peer_key: str) -> tuple[list[dict], dict[str, bytes]]:
    """The records (and attached files) the peer has not yet acknowledged, as JSON lines."""
    ids = shared.Ids(session)
    known = states(session, peer_key)
    out: list[dict] = []
    blob_hashes: set[str] = set()
    here = shared.snapshot(session, ids)
    for uuid, (spec, row, values) in here.items():
        h = shared.digest(values)
        st = known.get(uuid)
        if st is not None and st.base_hash == h:
            continue
        out.append({"uuid": uuid, "register": spec.name, "version": row.version, "hash": h,
                    "base": st.base_hash if st else "", "fields": values, "deleted": False})  # fmt: skip
        if spec.name == "attachments":
            blob_hashes.add(values["blob_sha256"])
    for uuid, st in known.items():
        if uuid in here or st.base_hash == shared.DELETED or not (st.base_hash or st.sent_hash):
            continue
        out.append({"uuid": uuid, "register": st.register, "version": st.base_version, "hash": shared.DELETED,
                    "base": st.base_hash, "fields": None, "deleted": True})  # fmt: skip
    blobs = {}
    for h in sorted(blob_hashes):
        blob = session.get(Blob, h)
        if blob is not None:
            blobs[h] = blob.data
    return out, blobs


@changes(Change.SETTINGS)
def export(session: Session, to_code: str | None = None, key: keys.SigningKey | None = None,
           to_db: str | None = None) -> ExportResult:  # fmt: skip
    """Write the next bundle to the other side (``to_code``, else the other side), or to the peer
    database ``to_db`` (its id: the way to a copy of the same side, :mod:`.peers`)."""
    home = home_side(session)
    if home is None:
        raise ValidationError(N_("The commission has no sides yet: there is nothing to exchange."))
    if to_db:
        wanted = None
        if to_code:
            wanted = next((s for s in session.execute(select(Side)).scalars() if s.code.upper() == to_code.strip().upper()),
                          None)  # fmt: skip
            if wanted is None:
                raise ValidationError(N_("The commission has no side {side}."), side=to_code)
        peer = peers.for_export(session, wanted, to_db)
        to = session.execute(select(Side).where(Side.uuid == peer.side_uuid)).scalar_one()
    else:
        to = other_side(session, to_code)
        peer = peers.for_export(session, to, None)
    me = peers.database_id(session)
    peer_key = peers.key(peer)
    records, blobs = pending(session, peer_key)
    sequence = peer.last_sent + 1
    commission = session.execute(select(Commission)).scalars().first()
    manifest = {
        "format": "commission-desk-bundle",
        "format_version": 1,
        "bundle_id": str(_uuid.uuid4()),
        "commission": commission.uuid if commission else "",
        "from": {"side": home.uuid, "code": home.code, "database": me},
        "to": {"side": to.uuid, "code": to.code, **({"database": peer.database_id} if peer.database_id else {})},
        "sequence": sequence,
        "acknowledges": peer.last_received,
        "schema": schema_revisions(),
        "created_at": utcnow().isoformat(timespec="seconds"),
        "counts": _counts(records),
    }
    data = write(manifest, records, blobs, key)
    known = states(session, peer_key)
    for r in records:
        st = known.get(r["uuid"]) or SyncRecord(peer_uuid=peer_key, register=r["register"], record_uuid=r["uuid"],
                                                base_hash="", base_values="", base_version=0)  # fmt: skip
        st.sent_sequence, st.sent_hash = sequence, r["hash"]
        st.sent_values = shared.canonical(r["fields"])
        session.add(st)
    peer.last_sent = sequence
    session.add(SyncBundle(bundle_id=manifest["bundle_id"], direction="out", peer_uuid=peer_key, sequence=sequence,
                           signer=key.signer_name if key else "", summary=json.dumps(manifest["counts"])))  # fmt: skip
    deleted = sum(1 for r in records if r["deleted"])
    return ExportResult(data, sequence, to.code, peer.database_id, _register_counts(records), deleted, key is not None)


def _counts(records: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in records:
        c = out.setdefault(r["register"], {"records": 0, "deleted": 0})
        c["deleted" if r["deleted"] else "records"] += 1
    return out


def _register_counts(records: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in records:
        if not r["deleted"]:
            out[r["register"]] = out.get(r["register"], 0) + 1
    return out


# --- import --------------------------------------------------------------------------------------


@dataclass
class Incoming:
    """What a bundle brings, before anything is applied (the summary shown first)."""

    bundle: Bundle
    from_code: str
    to_code: str
    sequence: int
    signer: str  # "" when unsigned
    new: dict[str, int] = field(default_factory=dict)  # register -> records new here
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    conflicts: int = 0  # records changed on both sides

    @property
    def signed(self) -> bool:
        return self.bundle.signed


def check(session: Session, data: bytes, *, accept_unsigned: bool = False) -> Incoming:
    """Every check of an incoming bundle; BundleRefused (nothing written) if one fails."""
    b = read(data)
    m = b.manifest
    known, _heads = known_revisions()
    newer = [r for r in m.get("schema") or () if r not in known]
    if newer:
        raise BundleRefused(N_("The bundle comes from a newer version of Commission Desk (schema {revision}): "
                               "install that version to read it."), revision=", ".join(newer))  # fmt: skip
    try:
        frm, to, seq, ack = m["from"], m["to"], int(m["sequence"]), int(m["acknowledges"])
        from_uuid, to_uuid = str(frm["side"]), str(to["side"])
        from_db, to_db = str(frm.get("database") or ""), str(to.get("database") or "")
    except (KeyError, TypeError, ValueError) as exc:
        raise NotABundle(N_("This is not an exchange bundle of Commission Desk.")) from exc
    home = home_side(session)
    fresh = home is None  # an empty database: it becomes the receiving side's copy
    if not fresh:
        commission = session.execute(select(Commission)).scalars().first()
        if commission is not None and m.get("commission") and m["commission"] != commission.uuid:
            raise BundleRefused(N_("The bundle belongs to another commission."))
        if to_uuid != home.uuid:
            raise BundleRefused(N_("The bundle is addressed to side {to}, and this database belongs to side {home}."),
                                to=to.get("code", "?"), home=home.code)  # fmt: skip
        me = peers.database_id(session, create=False)
        if from_db and from_db == me:
            raise BundleRefused(N_("The bundle was written by this database: it goes to another one."))
        if to_db and to_db != me:
            raise BundleRefused(N_("The bundle is addressed to another database of side {home} ({to})."),
                                home=home.code, to=to_db[:8])  # fmt: skip
        if from_uuid == home.uuid and not (from_db and to_db):
            raise BundleRefused(N_("The bundle was written by this side ({home}): it goes to the other side."),
                                home=home.code)  # fmt: skip
    signer = _check_signature(session, b, from_uuid, frm.get("code", ""), fresh, accept_unsigned)
    peer = peers.for_import(session, from_uuid, from_db)
    last = peer.last_received if peer else 0
    seen = session.execute(select(SyncBundle.id).where(SyncBundle.bundle_id == str(m.get("bundle_id")))).first()
    if seen is not None or seq <= last:
        raise BundleRefused(N_("Bundle {n} from side {side} was already applied to this database."),
                            n=seq, side=frm.get("code", "?"))  # fmt: skip
    if seq != last + 1:
        raise BundleRefused(N_("Bundle {n} from side {side} skips a bundle: apply bundle {expected} first."),
                            n=seq, side=frm.get("code", "?"), expected=last + 1)  # fmt: skip
    sent = peer.last_sent if peer else 0
    if ack > sent:
        raise BundleRefused(N_("The bundle acknowledges bundle {n} of this side, which this database never sent."),
                            n=ack)  # fmt: skip
    incoming = Incoming(b, frm.get("code", "?"), to.get("code", "?"), seq, signer)
    merge.preview(session, incoming, peers.key(peer) if peer else (from_db or from_uuid), from_uuid)
    return incoming


def _check_signature(session: Session, b: Bundle, from_uuid: str, from_code: str, fresh: bool, accept: bool) -> str:
    if not b.signed:
        if not accept:
            raise NeedsConfirmation(N_("The bundle is not signed: apply it only if you know where it comes from "
                                       "(on the command line: --accept-unsigned)."))  # fmt: skip
        return ""
    cert = b.certificate()
    fp = keys.fingerprint(cert)
    if fresh:
        pinned = trust._pins().get(from_uuid)
        if pinned == fp:
            return keys.subject_name(cert)
        if pinned is None and accept:
            return keys.subject_name(cert)
        if pinned is None:
            raise NeedsConfirmation(
                N_("The bundle is signed by {name} (certificate {fingerprint}), which this computer cannot check yet: "
                   "apply it only if you confirmed that fingerprint (on the command line: --accept-unsigned)."),
                name=keys.subject_name(cert), fingerprint=keys.grouped(fp))  # fmt: skip
        raise BundleRefused(N_("The bundle's signature is not the trusted certificate of side {side}."),
                            side=from_code)  # fmt: skip
    side, state = trust.status(session, cert)
    from_side = session.execute(select(Side).where(Side.uuid == from_uuid)).scalar_one_or_none()
    if state is not trust.Trust.TRUSTED or from_side is None or side != from_side.code:
        raise BundleRefused(N_("The bundle's signature is not the trusted certificate of side {side} ({state})."),
                            side=from_code, state=state.label)  # fmt: skip
    return keys.subject_name(cert)


@dataclass
class ImportResult:
    incoming: Incoming
    applied: int = 0
    conflicts: int = 0
    kept_signed: int = 0


@changes(*ALL)
def apply(session: Session, data: bytes, *, accept_unsigned: bool = False) -> ImportResult:
    """Check and apply a bundle in this unit of work (the caller's one transaction)."""
    incoming = check(session, data, accept_unsigned=accept_unsigned)
    m = incoming.bundle.manifest
    from_uuid, to_uuid = m["from"]["side"], m["to"]["side"]
    from_db = str(m["from"].get("database") or "")
    fresh = home_side(session) is None
    peer = peers.for_import(session, from_uuid, from_db) or peers.new(session, from_uuid, from_db)
    peers.adopt(session, peer, from_db)
    peer_key = peers.key(peer)
    # what the other side acknowledges is now the base both hold
    ack = int(m["acknowledges"])
    for st in states(session, peer_key).values():
        if st.sent_sequence and st.sent_sequence <= ack:
            st.base_hash, st.base_values = st.sent_hash, st.sent_values
            st.sent_sequence, st.sent_hash, st.sent_values = 0, "", ""
    peer.acknowledged = max(peer.acknowledged, ack)
    for digest, content in incoming.bundle.blobs.items():
        if session.get(Blob, digest) is None:
            session.add(Blob(sha256=digest, size=len(content), data=content))
    session.flush()
    if fresh:  # the receiving side's copy: the defaults a new database was seeded with give way
        incoming_uuids = {r.get("uuid") for r in incoming.bundle.records}
        for uuid, (_spec, row, _values) in shared.snapshot(session).items():
            if uuid not in incoming_uuids:
                session.delete(row)
        session.flush()
    result = ImportResult(incoming)
    try:
        merge.apply(session, incoming, peer_key, from_uuid, result)
    except IntegrityError as exc:  # e.g. a session number both sides gave to different sessions
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise BundleRefused(N_("The bundle cannot be applied: its records clash with this database's ({reason})."),
                            reason=reason) from exc  # fmt: skip
    peer.last_received = incoming.sequence
    session.add(SyncBundle(bundle_id=str(m["bundle_id"]), direction="in", peer_uuid=peer_key,
                           sequence=incoming.sequence, signer=incoming.signer, at=utcnow(),
                           summary=json.dumps(m.get("counts") or {})))  # fmt: skip
    if fresh:
        settings.put(session, HOME, to_uuid)
        cert = incoming.bundle.certificate()
        if cert is not None and trust._pins().get(from_uuid) == keys.fingerprint(cert):
            # the certificate this laptop already confirmed for that side: the copy trusts it too
            trust.trust(session, m["from"].get("code", ""), cert, keys.fingerprint(cert), user_name())
    session.flush()
    return result


def last_bundles(session: Session, limit: int = 10) -> list[SyncBundle]:
    q = select(SyncBundle).order_by(SyncBundle.id.desc()).limit(limit)
    return list(session.execute(q).scalars())
