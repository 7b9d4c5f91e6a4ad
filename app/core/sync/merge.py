"""Merge by identity: each incoming record against the same record here (by UUID).

For every record, this database keeps per other side the **base**: the values both sides are
known to hold (what was last received from it, or last sent and acknowledged). Then:

- the same values on both sides: nothing to do;
- changed here since the base? no (or the other side built on what we hold now): take theirs;
- changed on both sides: field by field, a field changed on one side only takes that change; a
  column owned by one side (a segment's text in its language) takes that side's value; a field
  both changed differently is a **conflict**: it is listed (:class:`~app.core.models.SyncConflict`)
  and, until someone resolves it, holds the first side's value on both sides, so that the two
  databases agree. A resolution is an ordinary change, and travels in the next bundle;
- a deletion on one side and a change on the other: the change wins (the record comes back);
- signed minutes never change (:mod:`.signed`).

After a merge the base is what the other side sent; whatever differs from it here goes back in
the next bundle, so two databases that exchange until nothing is left to send hold the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.audit import user_name
from app.core.errors import ValidationError
from app.core.models import Side, SyncConflict, SyncRecord, utcnow
from app.core.sync import shared, signed
from app.i18n import N_, _

_MISSING = object()


@dataclass
class Outcome:
    action: str  # "same", "take", "keep" or "merge"
    values: dict | None  # what this side holds afterwards (None: deleted)
    conflicts: list[tuple[str, Any, Any, Any]] = field(default_factory=list)  # field, ours, theirs, base


def decide(local: dict | None, st: SyncRecord | None, rec: dict, *, first_here: bool,
           owners: dict[str, str], sender: str) -> Outcome:  # fmt: skip
    theirs = None if rec.get("deleted") else rec.get("fields")
    h_local, h_theirs = shared.digest(local), shared.digest(theirs)
    if h_local == h_theirs:
        return Outcome("same", local)
    if st is None and local is None:
        return Outcome("take", theirs)
    if (st is not None and h_local == st.base_hash) or rec.get("base") == h_local:
        return Outcome("take", theirs)
    if local is None:  # deleted here, changed there: the change wins
        return Outcome("take", theirs)
    if theirs is None:  # deleted there, changed here
        return Outcome("keep", local)
    base = json.loads(st.base_values) if st is not None and st.base_values else {}
    merged: dict[str, Any] = {}
    conflicts = []
    for name in sorted(set(local) | set(theirs)):
        o, t, b = local.get(name), theirs.get(name), base.get(name, _MISSING)
        if o == t or t == b:
            merged[name] = o
        elif o == b:
            merged[name] = t
        elif name in owners:
            merged[name] = t if owners[name] == sender else o
        else:
            conflicts.append((name, o, t, None if b is _MISSING else b))
            merged[name] = o if first_here else t
    return Outcome("merge", merged, conflicts)


class _Context:
    def __init__(self, session: Session, peer_key: str, from_side: str) -> None:
        from app.core.sync.exchange import home_side, states
        from app.core.sync.peers import database_id

        self.session = session
        self.sender = from_side
        self.peer_key = peer_key
        self.ids = shared.Ids(session)
        self.here = shared.snapshot(session, self.ids)
        self.states = states(session, peer_key)
        sides = session.execute(select(Side)).scalars().all()
        home = home_side(session)
        first = min(sides, key=lambda s: s.position) if sides else None
        self.first_here = home is None or first is None or first.uuid == home.uuid
        self.same_side = home is not None and home.uuid == from_side
        if self.same_side:  # two databases of one side: the smaller database id is "first"
            self.first_here = database_id(session, create=False) < peer_key
        by_language: dict[str, list[str]] = {}
        for s in sides:
            by_language.setdefault(s.language, []).append(s.uuid)
        self.side_of_language = {lang: u[0] for lang, u in by_language.items() if len(u) == 1}

    def owners(self, spec: shared.Spec) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.same_side:  # a side owns its language's column against the other side, not against itself
            return out
        for column, language in spec.shared.owned.items():
            if language in self.side_of_language:
                out[column] = self.side_of_language[language]
        return out

    def outcome(self, spec: shared.Spec, rec: dict) -> Outcome:
        local = self.here.get(rec["uuid"])
        return decide(local[2] if local else None, self.states.get(rec["uuid"]), rec, first_here=self.first_here,
                      owners=self.owners(spec), sender=self.sender)  # fmt: skip


def _ordered(records: list[dict]) -> list[tuple[shared.Spec, list[dict]]]:
    by_register: dict[str, list[dict]] = {}
    for r in records:
        by_register.setdefault(str(r.get("register")), []).append(r)
    return [(s, by_register[s.name]) for s in shared.specs() if s.name in by_register]


def preview(session: Session, incoming, peer_key: str, from_side: str) -> None:
    """Fill the summary of what ``incoming`` would change here (nothing is written)."""
    ctx = _Context(session, peer_key, from_side)
    for spec, recs in _ordered(incoming.bundle.records):
        for rec in recs:
            out = ctx.outcome(spec, rec)
            exists = rec["uuid"] in ctx.here
            incoming.conflicts += bool(out.conflicts)
            if out.action in ("same", "keep") or out.values == (ctx.here[rec["uuid"]][2] if exists else None):
                incoming.unchanged += 1
                continue
            bucket = incoming.deleted if out.values is None else incoming.changed if exists else incoming.new
            bucket[spec.name] = bucket.get(spec.name, 0) + 1


def _base(ctx: _Context, spec: shared.Spec, rec: dict) -> None:
    st = ctx.states.get(rec["uuid"])
    if st is None:
        st = SyncRecord(peer_uuid=ctx.peer_key, register=spec.name, record_uuid=rec["uuid"], sent_sequence=0,
                        sent_hash="", sent_values="")  # fmt: skip
        ctx.session.add(st)
        ctx.states[rec["uuid"]] = st
    theirs = None if rec.get("deleted") else rec.get("fields")
    st.base_hash = shared.digest(theirs)
    st.base_values = shared.canonical(theirs) if theirs is not None else ""
    st.base_version = int(rec.get("version") or 0)


def _conflicts(ctx: _Context, spec: shared.Spec, rec: dict, out: Outcome, sequence: int) -> None:
    session = ctx.session
    open_ = session.execute(
        select(SyncConflict).where(SyncConflict.record_uuid == rec["uuid"], SyncConflict.resolution == "")
    ).scalars().all()
    fields = {c[0] for c in out.conflicts}
    for c in open_:
        if c.field in fields:  # detected again: the new one replaces it
            session.delete(c)
    for name, ours, theirs, base in out.conflicts:
        session.add(SyncConflict(peer_uuid=ctx.peer_key, register=spec.name, record_uuid=rec["uuid"], field=name,
                                 ours=json.dumps(ours, ensure_ascii=False), theirs=json.dumps(theirs, ensure_ascii=False),
                                 base=json.dumps(base, ensure_ascii=False), bundle_sequence=sequence,
                                 detected_at=utcnow(), resolution="", resolved_by=""))  # fmt: skip


def apply(session: Session, incoming, peer_key: str, from_side: str, result) -> None:
    """Apply ``incoming`` here (in the caller's transaction)."""
    ctx = _Context(session, peer_key, from_side)
    note = _("Bundle {n} from side {side}").format(n=incoming.sequence, side=incoming.from_code)
    late: list = []
    deletions: list[tuple[shared.Spec, Any, dict]] = []
    for spec, recs in _ordered(incoming.bundle.records):
        for rec in recs:
            out = ctx.outcome(spec, rec)
            _base(ctx, spec, rec)
            if out.conflicts:
                _conflicts(ctx, spec, rec, out, incoming.sequence)
            result.conflicts += bool(out.conflicts)
            if out.action in ("same", "keep"):
                continue
            local = ctx.here.get(rec["uuid"])
            row = local[1] if local else None
            if out.values is None:
                if row is not None:
                    deletions.append((spec, row, rec))
                continue
            if out.values == (local[2] if local else None):
                continue
            minutes_id = ctx.ids.id("minutes", out.values.get("minutes_id")) if "minutes_id" in out.values else None
            frozen = signed.frozen(session, spec.name, row, minutes_id)
            if frozen == signed.EVERYTHING:
                result.kept_signed += 1
                continue
            values = {k: v for k, v in out.values.items() if k not in frozen}
            if row is None:
                row = spec.model()
                row.uuid = rec["uuid"]
            try:
                with session.no_autoflush:
                    shared.assign(session, spec, row, values, ctx.ids, late=late)
                session.add(row)
            except shared.MissingReference as exc:
                raise ValidationError(
                    N_("The bundle refers to a record that is in neither database ({register} {uuid})."),
                    register=exc.table, uuid=exc.uuid,
                ) from exc
            session.flush()
            ctx.ids.add(spec.name, row.id, row.uuid)
            if spec.shared.links:
                shared.assign_links(session, spec, row, values, ctx.ids)
            if spec.shared.after_apply is not None:
                spec.shared.after_apply(session, row, note)
            result.applied += 1
        session.flush()
    for row, column, value in late:
        if isinstance(value, tuple) and value and value[0] == "ref":
            value = ctx.ids.id(value[1], value[2])
        setattr(row, column, value)
    session.flush()
    for spec, row, rec in reversed(deletions):
        if signed.frozen(session, spec.name, row):  # held by signed minutes: it stays
            result.kept_signed += 1
            ctx.states[rec["uuid"]].base_hash = shared.DELETED
            continue
        try:
            with session.begin_nested():
                session.delete(row)
                session.flush()
            ctx.ids.forget(spec.name, rec["uuid"])
            result.applied += 1
        except (IntegrityError, ValidationError):  # still needed here (a record of ours points to it): it stays, and goes back
            ctx.states[rec["uuid"]].base_hash = shared.DELETED


def resolve(session: Session, conflict_id: int, choice: str, value: Any = None) -> None:
    """Resolve one conflicting field: keep ours, take theirs, or an edited ``value`` (JSON value)."""
    c = session.get(SyncConflict, conflict_id)
    if c is None or c.resolution:
        raise ValidationError(N_("This conflict was already resolved."))
    spec = shared.spec(c.register)
    if spec is None:
        raise ValidationError(N_("This conflict was already resolved."))
    chosen = json.loads(c.ours) if choice == "ours" else json.loads(c.theirs) if choice == "theirs" else value
    row = session.execute(select(spec.model).where(spec.model.uuid == c.record_uuid)).scalar_one_or_none()
    if row is not None:
        frozen = signed.frozen(session, spec.name, row)
        if frozen == signed.EVERYTHING or c.field in frozen:
            raise ValidationError(N_("These minutes are signed; they can no longer be changed."))
        late: list = []
        shared.assign(session, spec, row, {c.field: chosen}, shared.Ids(session), late=late)
        for r, column, v in late:
            if not isinstance(v, tuple):
                setattr(r, column, v)
    c.resolution, c.resolved_at, c.resolved_by = choice, utcnow(), user_name()
    session.flush()
