"""The commission's translation memory: every agreed or initialled segment of every session's
minutes as a TMX 1.4 file (translate-toolkit's ``translate.storage.tmx``), so that the
interpreters' tools suggest the commission's own earlier wording.

One translation unit per segment: tuid the segment's uuid, Chinese (zh-CN) as the source
language and Russian (ru-RU), a note naming the session, the part and the kind.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.enums import SegmentStatus
from app.core.models import Meeting, Minutes, Segment
from app.core.services.minutes.xliff import LANGS, write_atomically

MEMORY_STATUSES = (SegmentStatus.AGREED.value, SegmentStatus.INITIALLED.value)


def memory_segments(session: Session) -> list[tuple[Segment, int]]:
    """(segment, session number) of every agreed or initialled segment with both texts, by
    session and place in the minutes."""
    stmt = (
        select(Segment, Meeting.ordinal)
        .join(Minutes, Segment.minutes_id == Minutes.id)
        .join(Meeting, Minutes.meeting_id == Meeting.id)
        .where(Segment.status.in_(MEMORY_STATUSES))
        .order_by(Meeting.ordinal, Segment.position, Segment.id)
    )
    return [(seg, n) for seg, n in session.execute(stmt) if seg.text_zh.strip() and seg.text_ru.strip()]


def build_tmx(session: Session) -> tuple[bytes, int]:
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=LANGS["zh"], targetlanguage=LANGS["ru"])
    header = store.document.getroot().find("header")
    if header is not None:
        header.set("creationtool", "Commission Desk")
        header.set("creationtoolversion", _version())
    rows = memory_segments(session)
    for seg, number in rows:
        store.addtranslation(seg.text_zh, LANGS["zh"], seg.text_ru, LANGS["ru"])
        unit = store.units[-1]
        unit.xmlelement.set("tuid", seg.uuid)
        unit.addnote(f"session {number}; {seg.part}; {seg.kind}")
    return bytes(store), len(rows)


def _version() -> str:
    from app import __version__

    return __version__


def export_memory(session: Session, path: Path) -> int:
    """Write the translation memory to a TMX file, atomically; the number of segments."""
    data, n = build_tmx(session)
    write_atomically(Path(path), data)
    return n
