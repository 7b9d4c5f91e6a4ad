"""The print register of signed minutes: every copy printed, kept with its bytes.

Like a protocol department's register of numbered copies: the first print of a copy of signed
minutes (an original for a side or the reading copy, in a layout, with a copy number and a
marking) is recorded with its bytes, their SHA-256 and the digest of each page's drawn content;
printing the same copy again gives the stored bytes, so that a program upgrade that lays text out
differently never changes a signed document. ``verify`` compares a file with this register.
Proofs are never registered. Database triggers refuse updates and deletes of the register
(:mod:`app.migrations.triggers`); the table travels with the database.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.models import MinutesPrint
from app.core.services.minutes import records as minutes_service


@dataclass(frozen=True)
class CopyKey:
    """What identifies a printed copy of signed minutes."""

    copy: str  # a side's code or "reading"
    layout: str
    copy_number: str = ""
    marking_zh: str = ""
    marking_ru: str = ""


@dataclass(frozen=True)
class PrintEntry:
    id: int
    uuid: str
    minutes_id: int
    fingerprint: str
    key: CopyKey
    sha256: str
    page_digests: tuple[str, ...]
    printed_by: str

    def load(self, session: Session) -> bytes:
        """The stored bytes of the copy."""
        return session.execute(select(MinutesPrint.data).where(MinutesPrint.id == self.id)).scalar_one()


def _entry(row: MinutesPrint) -> PrintEntry:
    key = CopyKey(row.copy, row.layout, row.copy_number, row.marking_zh, row.marking_ru)
    return PrintEntry(row.id, row.uuid, row.minutes_id, row.fingerprint, key, row.sha256,
                      tuple(json.loads(row.page_digests or "[]")), row.printed_by)  # fmt: skip


def find(session: Session, minutes_id: int, key: CopyKey) -> PrintEntry | None:
    """The registered copy of these minutes printed as ``key`` says, if any."""
    row = session.execute(
        select(MinutesPrint).where(
            MinutesPrint.minutes_id == minutes_id,
            MinutesPrint.copy == key.copy,
            MinutesPrint.layout == key.layout,
            MinutesPrint.copy_number == key.copy_number,
            MinutesPrint.marking_zh == key.marking_zh,
            MinutesPrint.marking_ru == key.marking_ru,
        )
    ).scalar_one_or_none()
    return None if row is None else _entry(row)


def find_by_sha256(session: Session, sha256: str) -> PrintEntry | None:
    """The registered copy whose bytes have this SHA-256, if any."""
    row = session.execute(select(MinutesPrint).where(MinutesPrint.sha256 == sha256).limit(1)).scalar()
    return None if row is None else _entry(row)


def entries(session: Session, minutes_id: int) -> list[PrintEntry]:
    """Every registered copy of these minutes, in the order they were first printed."""
    rows = session.execute(
        select(MinutesPrint).where(MinutesPrint.minutes_id == minutes_id).order_by(MinutesPrint.id)
    ).scalars()
    return [_entry(r) for r in rows]


def record(
    session: Session, minutes_id: int, fingerprint: str, key: CopyKey, data: bytes, page_digests: list[str]
) -> PrintEntry:
    """Register a newly printed copy (the caller has checked that ``key`` is not registered yet)."""
    row = MinutesPrint(
        minutes_id=minutes_id,
        fingerprint=fingerprint,
        copy=key.copy,
        layout=key.layout,
        copy_number=key.copy_number,
        marking_zh=key.marking_zh,
        marking_ru=key.marking_ru,
        printed_by=minutes_service.author_name(),
        sha256=hashlib.sha256(data).hexdigest(),
        page_digests=json.dumps(list(page_digests)),
        data=data,
    )
    session.add(row)
    session.flush()
    return _entry(row)
