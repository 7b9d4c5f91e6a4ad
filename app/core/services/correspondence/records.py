"""The liaison log: letters between the liaison agencies, what awaits an answer, and the records
they concern.

Rules kept here: a letter goes from an agency of one side to an agency of the other; it has a date
and a subject in at least one language; a reply-by date is not before the letter's date. A letter
sent or received and not yet answered awaits an answer from the addressee's side, counted in days
from its date; past its reply-by date it is overdue. The direction is derived from the agencies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.changes import Change, changes
from app.core.enums import LetterStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Assignment, Decision, Exchange, LetterLink, LiaisonAgency, LiaisonLetter, Meeting
from app.core.services import attachments
from app.core.services.correspondence.fields import LETTER
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_

OWNER_KIND = "letter"


@dataclass(frozen=True)
class LetterData:
    id: int
    uuid: str
    letter_date: dt.date
    from_agency_id: int
    to_agency_id: int
    #: position (1 or 2) of the writing side and of the addressee's
    from_side: int
    to_side: int
    from_zh: str
    from_ru: str
    to_zh: str
    to_ru: str
    our_ref: str = ""
    their_ref: str = ""
    subject_zh: str = ""
    subject_ru: str = ""
    summary_zh: str = ""
    summary_ru: str = ""
    reply_by: dt.date | None = None
    status: LetterStatus = LetterStatus.DRAFT
    decision_ids: tuple[int, ...] = ()
    exchange_ids: tuple[int, ...] = ()
    assignment_ids: tuple[int, ...] = ()
    #: "1/3" of each decision it concerns
    decision_labels: tuple[str, ...] = ()
    attachments: int = 0

    def subject(self, lang: str) -> str:
        return pick(lang, self.subject_zh, self.subject_ru)

    def summary(self, lang: str) -> str:
        return pick(lang, self.summary_zh, self.summary_ru)

    def sender(self, lang: str) -> str:
        return pick(lang, self.from_zh, self.from_ru)

    def addressee(self, lang: str) -> str:
        return pick(lang, self.to_zh, self.to_ru)

    @property
    def waiting(self) -> bool:
        """It awaits an answer (from the addressee's side, ``to_side``)."""
        return self.status.waiting and self.reply_by is not None

    def waiting_days(self, today: dt.date) -> int:
        return max(0, (today - self.letter_date).days) if self.waiting else 0

    def overdue(self, today: dt.date) -> bool:
        return self.waiting and self.reply_by < today


@dataclass(frozen=True)
class LetterFilter:
    #: 1 or 2: letters written by that side
    from_side: int | None = None
    agency_id: int | None = None
    status: LetterStatus | None = None
    #: only letters awaiting an answer (from ``awaiting_side`` when given)
    awaiting: bool = False
    awaiting_side: int | None = None
    overdue: bool = False
    decision_id: int | None = None
    text: str = ""
    today: dt.date | None = None


@dataclass(frozen=True)
class LetterInput:
    letter_date: dt.date | None
    from_agency_id: int | None
    to_agency_id: int | None
    our_ref: str = ""
    their_ref: str = ""
    subject_zh: str = ""
    subject_ru: str = ""
    summary_zh: str = ""
    summary_ru: str = ""
    reply_by: dt.date | None = None
    status: LetterStatus | str = LetterStatus.DRAFT
    decision_ids: tuple[int, ...] = ()
    exchange_ids: tuple[int, ...] = ()
    assignment_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AgencyChoice:
    id: int
    side: int
    name_zh: str
    name_ru: str

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru)


def agencies(session: Session) -> list[AgencyChoice]:
    """The liaison agencies of both sides, the first side's first."""
    from app.core.models import Side

    rows = session.execute(
        select(LiaisonAgency, Side.position)
        .join(Side, Side.id == LiaisonAgency.side_id)
        .order_by(Side.position, LiaisonAgency.position)
    )
    return [AgencyChoice(a.id, pos, a.name_zh, a.name_ru) for a, pos in rows]


# --- reading ---------------------------------------------------------------------------------


def _to_data(session: Session, rows: list[LiaisonLetter]) -> list[LetterData]:
    sides = {a.id: a.side for a in agencies(session)}
    dec_ids = {link.decision_id for r in rows for link in r.links if link.decision_id}
    labels: dict[int, str] = {}
    if dec_ids:
        for i, o, n in session.execute(
            select(Decision.id, Meeting.ordinal, Decision.number)
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .where(Decision.id.in_(dec_ids))
        ):
            labels[i] = f"{o}/{n}"
    counts = attachments.count_by_owner(session, OWNER_KIND, [r.id for r in rows]) if rows else {}
    out = []
    for r in rows:
        decisions = tuple(sorted(link.decision_id for link in r.links if link.decision_id))
        out.append(
            LetterData(
                id=r.id, uuid=r.uuid, letter_date=r.letter_date, from_agency_id=r.from_agency_id,
                to_agency_id=r.to_agency_id, from_side=sides.get(r.from_agency_id, 0),
                to_side=sides.get(r.to_agency_id, 0), from_zh=r.from_agency.name_zh, from_ru=r.from_agency.name_ru,
                to_zh=r.to_agency.name_zh, to_ru=r.to_agency.name_ru, our_ref=r.our_ref, their_ref=r.their_ref,
                subject_zh=r.subject_zh, subject_ru=r.subject_ru, summary_zh=r.summary_zh, summary_ru=r.summary_ru,
                reply_by=r.reply_by, status=LetterStatus(r.status), decision_ids=decisions,
                exchange_ids=tuple(sorted(link.exchange_id for link in r.links if link.exchange_id)),
                assignment_ids=tuple(sorted(link.assignment_id for link in r.links if link.assignment_id)),
                decision_labels=tuple(labels[d] for d in decisions if d in labels),
                attachments=counts.get(r.id, 0),
            )
        )  # fmt: skip
    return out


def _options():
    return (
        selectinload(LiaisonLetter.links),
        selectinload(LiaisonLetter.from_agency),
        selectinload(LiaisonLetter.to_agency),
    )


def get_letter(session: Session, letter_id: int) -> LetterData:
    row = session.get(LiaisonLetter, letter_id)
    if row is None:
        raise NotFoundError(N_("This letter no longer exists; someone may have deleted it."))
    return _to_data(session, [row])[0]


def list_letters(session: Session, f: LetterFilter | None = None) -> list[LetterData]:
    """The letters the filter lets through, newest first."""
    f = f or LetterFilter()
    today = f.today or dt.date.today()
    stmt = select(LiaisonLetter).options(*_options())
    if f.from_side is not None or f.awaiting_side is not None:
        side_of = {a.id: a.side for a in agencies(session)}
        if f.from_side is not None:
            stmt = stmt.where(
                LiaisonLetter.from_agency_id.in_([i for i, s in side_of.items() if s == f.from_side])
            )
        if f.awaiting_side is not None:
            stmt = stmt.where(
                LiaisonLetter.to_agency_id.in_([i for i, s in side_of.items() if s == f.awaiting_side])
            )
    if f.agency_id is not None:
        stmt = stmt.where(
            or_(LiaisonLetter.from_agency_id == f.agency_id, LiaisonLetter.to_agency_id == f.agency_id)
        )
    if f.status is not None:
        stmt = stmt.where(LiaisonLetter.status == f.status.value)
    if f.awaiting or f.overdue or f.awaiting_side is not None:
        stmt = stmt.where(
            LiaisonLetter.status.in_([s.value for s in LetterStatus if s.waiting]),
            LiaisonLetter.reply_by.is_not(None),
        )
    if f.overdue:
        stmt = stmt.where(LiaisonLetter.reply_by < today)
    if f.decision_id is not None:
        stmt = stmt.where(
            LiaisonLetter.id.in_(select(LetterLink.letter_id).where(LetterLink.decision_id == f.decision_id))
        )
    text = clean(f.text)
    if text:
        like = f"%{text}%"
        cols = (LiaisonLetter.subject_zh, LiaisonLetter.subject_ru, LiaisonLetter.summary_zh,
                LiaisonLetter.summary_ru, LiaisonLetter.our_ref, LiaisonLetter.their_ref)  # fmt: skip
        stmt = stmt.where(or_(*(c.ilike(like) for c in cols)))
    stmt = stmt.order_by(LiaisonLetter.letter_date.desc(), LiaisonLetter.id.desc())
    return _to_data(session, list(session.execute(stmt).scalars()))


def awaiting(session: Session, today: dt.date | None = None) -> list[LetterData]:
    """Letters awaiting an answer, the longest-waiting first."""
    rows = list_letters(session, LetterFilter(awaiting=True, today=today))
    return sorted(rows, key=lambda r: r.letter_date)


# --- writing ---------------------------------------------------------------------------------


def _status(value) -> LetterStatus:
    try:
        return value if isinstance(value, LetterStatus) else LetterStatus(value)
    except ValueError:
        raise ValidationError(N_("Choose the status of the letter."), field="status") from None


def _checked(session: Session, data: LetterInput) -> LetterInput:
    data = replace(
        data, our_ref=clean(data.our_ref), their_ref=clean(data.their_ref), subject_zh=clean(data.subject_zh),
        subject_ru=clean(data.subject_ru), summary_zh=clean_text(data.summary_zh),
        summary_ru=clean_text(data.summary_ru), status=_status(data.status),
    )  # fmt: skip
    LETTER.validate(data, ("letter_date", "from_agency_id", "to_agency_id", "our_ref", "their_ref", "subject_zh",
                           "subject_ru", "summary_zh", "summary_ru", "reply_by"))  # fmt: skip
    sides = {a.id: a.side for a in agencies(session)}
    if data.from_agency_id not in sides:
        raise ValidationError(N_("Choose the agency that writes."), field="from_agency_id")
    if data.to_agency_id not in sides:
        raise ValidationError(N_("Choose the agency written to."), field="to_agency_id")
    if sides[data.from_agency_id] == sides[data.to_agency_id]:
        raise ValidationError(
            N_("A letter of the liaison log goes to an agency of the other side."), field="to_agency_id"
        )
    if not data.subject_zh and not data.subject_ru:
        raise ValidationError(N_("Enter the subject in at least one language."), field="subject_zh")
    if data.reply_by is not None and data.reply_by < data.letter_date:
        raise ValidationError(N_("The reply-by date cannot be before the letter's date."), field="reply_by")
    for ids, model, msgid in ((data.decision_ids, Decision, N_("A decision the letter concerns no longer exists.")),
                              (data.exchange_ids, Exchange, N_("An exchange the letter concerns no longer exists.")),
                              (data.assignment_ids, Assignment,
                               N_("An assignment the letter concerns no longer exists."))):  # fmt: skip
        for i in ids:
            if session.get(model, i) is None:
                raise ValidationError(msgid)
    return data


def _apply(row: LiaisonLetter, data: LetterInput) -> None:
    for name in ("letter_date", "from_agency_id", "to_agency_id", "our_ref", "their_ref", "subject_zh", "subject_ru",
                 "summary_zh", "summary_ru", "reply_by"):  # fmt: skip
        setattr(row, name, getattr(data, name))
    row.status = data.status.value
    wanted = (
        {("d", i) for i in data.decision_ids}
        | {("e", i) for i in data.exchange_ids}
        | {("a", i) for i in data.assignment_ids}
    )
    have = {}
    for link in row.links:
        key = ("d", link.decision_id) if link.decision_id else ("e", link.exchange_id) if link.exchange_id else (
            "a", link.assignment_id)  # fmt: skip
        have[key] = link
    for key, link in have.items():
        if key not in wanted:
            row.links.remove(link)
    for kind, i in sorted(wanted - set(have)):
        row.links.append(
            LetterLink(
                decision_id=i if kind == "d" else None,
                exchange_id=i if kind == "e" else None,
                assignment_id=i if kind == "a" else None,
            )  # fmt: skip
        )


@changes(Change.CORRESPONDENCE)
def add_letter(session: Session, data: LetterInput) -> LetterData:
    data = _checked(session, data)
    row = LiaisonLetter()
    _apply(row, data)
    session.add(row)
    session.flush()
    return get_letter(session, row.id)


@changes(Change.CORRESPONDENCE)
def update_letter(session: Session, letter_id: int, data: LetterInput) -> LetterData:
    row = session.get(LiaisonLetter, letter_id)
    if row is None:
        raise NotFoundError(N_("This letter no longer exists; someone may have deleted it."))
    data = _checked(session, data)
    _apply(row, data)
    session.flush()
    return get_letter(session, row.id)


@changes(Change.CORRESPONDENCE, Change.ATTACHMENTS)
def delete_letter(session: Session, letter_id: int) -> None:
    row = session.get(LiaisonLetter, letter_id)
    if row is None:
        return
    attachments.remove_all(session, OWNER_KIND, letter_id)
    session.delete(row)
    session.flush()
