"""What a letter of the liaison log can concern: decisions, exchanges and assignments of experts,
each with a label in either language for the letter dialog's list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.models import Assignment, Decision, Exchange, Meeting
from app.core.services.text import pick

DECISION, EXCHANGE, ASSIGNMENT = "decision", "exchange", "assignment"


@dataclass(frozen=True)
class LinkTarget:
    #: decision, exchange or assignment
    kind: str
    id: int
    #: what identifies it: "1/3" for a decision, the reference of an exchange, the period of an
    #: assignment
    ref: str
    text_zh: str
    text_ru: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)


def link_targets(session: Session) -> list[LinkTarget]:
    """Every decision, exchange and assignment, in that order (decisions by session and number)."""
    out = [
        LinkTarget(DECISION, i, f"{o}/{n}", zh, ru)
        for i, o, n, zh, ru in session.execute(
            select(Decision.id, Meeting.ordinal, Decision.number, Decision.text_zh, Decision.text_ru)
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .order_by(Meeting.ordinal, Decision.number)
        )
    ]
    out += [
        LinkTarget(EXCHANGE, i, ref or "", zh or orig or "", ru or orig or "")
        for i, ref, zh, ru, orig in session.execute(
            select(
                Exchange.id, Exchange.reference, Exchange.title_zh, Exchange.title_ru, Exchange.title_original
            ).order_by(Exchange.id)
        )
    ]
    for a in session.execute(
        select(Assignment)
        .options(selectinload(Assignment.people))
        .order_by(Assignment.planned_start, Assignment.id)
    ).scalars():
        names_zh = "、".join(p.name_zh or p.name_ru for p in a.people)
        names_ru = ", ".join(p.name_ru or p.name_zh for p in a.people)
        out.append(
            LinkTarget(
                ASSIGNMENT,
                a.id,
                a.planned_start.isoformat(),
                " ".join(x for x in (names_zh, a.speciality_zh) if x),
                " ".join(x for x in (names_ru, a.speciality_ru) if x),
            )  # fmt: skip
        )
    return out
