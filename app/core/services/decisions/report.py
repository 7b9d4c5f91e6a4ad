"""What the report on implementation before a session states (documents: the agenda's standing first
item, "report on the implementation of the previous session's decisions")."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.services import commission
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MeetingData
from app.core.services.commission import CommissionData, SideData
from app.core.services.decisions.records import DecisionData, open_decisions_before


@dataclass(frozen=True)
class ImplementationData:
    commission: CommissionData
    #: the session the report is made for
    meeting: MeetingData
    #: every decision not yet closed, by session and number
    decisions: tuple[DecisionData, ...]
    #: the day lateness is counted from
    as_of: dt.date

    @property
    def late(self) -> tuple[DecisionData, ...]:
        return tuple(d for d in self.decisions if d.overdue(self.as_of))

    def sides(self, lang: str) -> tuple[SideData, ...]:
        """The two sides, the one whose language the document is in first (alternat)."""
        sides = sorted(self.commission.sides, key=lambda s: s.position)
        return tuple(sorted(sides, key=lambda s: s.language != lang))

    def agency(self, d: DecisionData, side: SideData, lang: str) -> str:
        return d.agency1(lang) if side.position == 1 else d.agency2(lang)

    @property
    def fingerprint(self) -> str:
        """The same for the Chinese and the Russian report of the same data."""
        content = [
            [d.uuid, d.text_zh, d.text_ru, d.agency1_zh, d.agency1_ru, d.agency2_zh, d.agency2_ru,
             d.deadline.isoformat() if d.deadline else None, d.status.value,
             [[n.noted_on.isoformat(), n.text_zh, n.text_ru] for n in d.notes]]
            for d in self.decisions
        ]  # fmt: skip
        blob = json.dumps([self.meeting.ordinal, self.as_of.isoformat(), content], ensure_ascii=False)
        digest = hashlib.sha256(blob.encode("utf-8")).hexdigest().upper()
        return " ".join(digest[i : i + 4] for i in range(0, 12, 4))


def implementation(session: Session, meeting_id: int, as_of: dt.date | None = None) -> ImplementationData:
    """The report before session ``meeting_id``: the open decisions of earlier sessions and those
    taken between sessions for its protocol, late ones counted from ``as_of`` (today)."""
    meeting = meetings.get_meeting(session, meeting_id)
    return ImplementationData(
        commission=commission.get_commission(session),
        meeting=meeting,
        decisions=tuple(open_decisions_before(session, meeting.ordinal)),
        as_of=as_of or dt.date.today(),
    )
