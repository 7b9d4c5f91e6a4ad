"""Signing the minutes: readiness, recording the signing, the fingerprint, the lock.

- :func:`readiness` lists what stops the minutes from being signed or printed as signature copies:
  no text, an empty counterpart, a segment that is not agreed, decisions not numbered 1…N in order,
  and every finding of the minutes checks (``minutes_checks``) when that module is present.
- :func:`record_signing` records the date, the place (both languages) and the two signatories
  (the heads of delegation by default), builds the canonical content
  (:mod:`app.core.services.minutes.content`), stores it with its fingerprint (SHA-256), initials
  every segment and locks the minutes. From then on nothing in them changes
  (:mod:`app.core.models.minutes_lock`), and every print shows the stored content and fingerprint.
- :func:`print_source` is what a print is made from: the stored content of signed minutes, the
  current content (with the planned signing) of unsigned ones. :func:`record_problem` says whether
  a signed record still holds: the stored content hashes to the stored fingerprint, the segments
  and signing fields in the database still give that content, and every copy in the print register
  was printed with that fingerprint (a consistent forgery of content and fingerprint is caught as
  soon as one copy was printed before it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import (
    LabeledEnum,
    MeetingStatus,
    MinutesStatus,
    RevisionAction,
    SegmentStatus,
)
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Meeting, Minutes, MinutesPrint, Person, Segment, SegmentRevision
from app.core.services.minutes import checks as minutes_checks
from app.core.services.minutes import content as mc
from app.core.services.minutes import records as minutes_service
from app.core.services.minutes.content import MinutesContent, SigningFields
from app.core.services.minutes.data import PrintSource
from app.core.services.text import clean, pick
from app.i18n import N_, _, format_date, ngettext

# --- readiness -------------------------------------------------------------------------------


def _shown(value):
    """A parameter as the message shows it, in the current language (labels, findings)."""
    if isinstance(value, LabeledEnum):
        return value.label
    return getattr(value, "message", value)


@dataclass(frozen=True)
class Problem:
    """Something that stops signature copies; ``number`` is the segment's place (1…n), if any."""

    msgid: str
    params: dict = field(default_factory=dict)
    segment_id: int | None = None
    number: int | None = None
    #: an already translated message (from a check that translates its own)
    text: str = ""

    @property
    def message(self) -> str:
        if self.text:
            return self.text
        params = {k: _shown(v) for k, v in self.params.items()}
        return _(self.msgid).format(**params)


class NotReady(ValidationError):
    """The minutes cannot be signed (or printed as signature copies): ``problems`` says why."""

    def __init__(self, problems: list[Problem], lead: str) -> None:
        super().__init__(lead)
        self.problems = problems

    @property
    def message(self) -> str:
        shown = [p.message for p in self.problems[:4]]
        rest = len(self.problems) - len(shown)
        text = _(self.msgid) + " " + " ".join(shown)
        if rest > 0:
            text += " " + ngettext("…and {n} more problem.", "…and {n} more problems.", rest).format(n=rest)
        return text


def readiness(session: Session, meeting_id: int) -> list[Problem]:
    """Why the minutes of a session cannot be signed yet (empty when they can): segments not agreed
    by both sides, then every open finding of the minutes checks (empty counterparts, numbers,
    glossary terms, numbering, decisions out of order)."""
    minutes = minutes_service.get_minutes(session, meeting_id)
    if minutes is None:
        return [Problem(N_("The minutes of this session have not been started."))]
    segments = minutes_service.list_segments(session, minutes.id)
    if not segments:
        return [Problem(N_("The minutes have no text yet."))]
    problems: list[Problem] = []
    agreed = SegmentStatus.AGREED.rank
    for n, seg in enumerate(segments, start=1):
        if seg.status.rank < agreed:
            problems.append(
                Problem(
                    N_("Segment {n} is not agreed yet ({status})."), {"n": n, "status": seg.status}, seg.id, n
                )
            )
    for f in minutes_checks.run_checks(session, minutes.id).open:
        n = f.index + 1
        problems.append(Problem(N_("Segment {n}: {finding}"), {"n": n, "finding": f}, f.segment_id, n))
    return problems


def require_ready(session: Session, meeting_id: int) -> None:
    problems = readiness(session, meeting_id)
    if problems:
        raise NotReady(problems, N_("The minutes are not ready for signature:"))


# --- recording the signing -------------------------------------------------------------------


def _minutes_row(session: Session, meeting_id: int) -> Minutes:
    row = minutes_service.minutes_row(session, meeting_id)
    if row is None:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
        raise NotFoundError(N_("The minutes of this session have not been started."))
    return row


def validate_signing(session: Session, meeting_id: int, fields: SigningFields) -> SigningFields:
    """The cleaned signing fields, or a ValidationError naming the field."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    if fields.date is None:
        raise ValidationError(N_("Give the date of signing."), field="date")
    if fields.date < meeting.start_date:
        raise ValidationError(
            N_("The minutes cannot be signed before the session opens ({date})."),
            field="date",
            date=format_date(meeting.start_date),
        )
    place_zh, place_ru = clean(fields.place_zh), clean(fields.place_ru)
    if not place_zh:
        raise ValidationError(N_("Give the place of signing in Chinese."), field="place_zh")
    if not place_ru:
        raise ValidationError(N_("Give the place of signing in Russian."), field="place_ru")
    for position, pid, name in (
        (1, fields.signatory1_id, "signatory1"),
        (2, fields.signatory2_id, "signatory2"),
    ):
        if pid is None:
            msg = N_("Choose who signs for the first side.") if position == 1 else N_(
                "Choose who signs for the second side.")  # fmt: skip
            raise ValidationError(msg, field=name)
        person = session.get(Person, pid)
        if person is None:
            raise ValidationError(
                N_("This person no longer exists; someone may have deleted them."), field=name
            )
        if person.side.position != position:
            msg = N_("The signatory for the first side must be one of its people.") if position == 1 else N_(
                "The signatory for the second side must be one of its people.")  # fmt: skip
            raise ValidationError(msg, field=name)
    return replace(fields, place_zh=place_zh, place_ru=place_ru)


@changes(Change.MINUTES, Change.MEETINGS, Change.DECISIONS)
def record_signing(
    session: Session, meeting_id: int, fields: SigningFields, *, signed_at: dt.datetime | None = None,
    key=None,
) -> minutes_service.MinutesData:
    """Record that the minutes were signed: store the content and its fingerprint, lock everything.
    With ``key`` (an opened :class:`app.core.crypto.keys.SigningKey`), the secretariat's key also
    signs the content (:mod:`app.core.crypto.record`)."""
    row = _minutes_row(session, meeting_id)
    if row.locked:
        raise ValidationError(
            N_("These minutes were signed on {date}; they can no longer be changed."),
            date=format_date(row.signed_on),
        )
    fields = validate_signing(session, meeting_id, fields)
    require_ready(session, meeting_id)
    content = mc.build_content(session, meeting_id, fields)
    data = mc.canonical_bytes(content)
    author = minutes_service.author_name()
    segments = list(session.execute(select(Segment).where(Segment.minutes_id == row.id)).scalars())
    meeting = row.meeting
    row.signed_on = fields.date
    row.place_zh, row.place_ru = fields.place_zh, fields.place_ru
    row.signatory1_id, row.signatory2_id = fields.signatory1_id, fields.signatory2_id
    row.signed_content = data.decode("utf-8")
    row.fingerprint = hashlib.sha256(data).hexdigest()
    row.signed_at = signed_at or dt.datetime.now(dt.UTC)
    row.signed_by = author
    row.status = MinutesStatus.SIGNED.value
    row.locked = True
    for seg in segments:
        if seg.status != SegmentStatus.INITIALLED.value:
            seg.status = SegmentStatus.INITIALLED.value
            session.add(SegmentRevision(segment_id=seg.id, text_zh=seg.text_zh, text_ru=seg.text_ru,
                                        status=seg.status, action=RevisionAction.STATUS.value, author=author))  # fmt: skip
    early = (
        MeetingStatus.PLANNED,
        MeetingStatus.MEMORANDUM_SENT,
        MeetingStatus.CONFIRMED,
        MeetingStatus.HELD,
    )
    if MeetingStatus(meeting.status) in early:
        meeting.status = MeetingStatus.MINUTES_SIGNED.value
    session.flush()
    if key is not None:
        from app.core.crypto import record as signatures

        signatures.sign(session, meeting_id, key, author)
    return minutes_service.minutes_data(row)


# --- what prints are made from ---------------------------------------------------------------


def stored_content(row: Minutes) -> MinutesContent:
    """The content as signed; ValueError if the stored text is not canonical content."""
    return mc.parse(row.signed_content)


def record_problem(session: Session, row: Minutes) -> str:
    """Why a signed record no longer holds (translated), or "" when it does."""
    if not row.locked or not row.fingerprint:
        return _("These minutes are not signed.")
    try:
        content = stored_content(row)
    except ValueError:
        return _("The signed content stored with these minutes is damaged.")
    data = row.signed_content.encode("utf-8")
    from app.core.crypto import record as signatures

    forged = signatures.forgery(session, row)
    if forged:
        return forged
    if hashlib.sha256(data).hexdigest() != row.fingerprint or mc.canonical_bytes(content) != data:
        return _("The signed content stored with these minutes no longer matches their fingerprint.")
    live = mc.build_content(
        session,
        row.meeting_id,
        SigningFields(row.signed_on, row.place_zh, row.place_ru, row.signatory1_id, row.signatory2_id),
    )
    recomputed = replace(
        content,
        segments=live.segments,
        signing=replace(content.signing, date=live.signing.date, place=live.signing.place),
    )
    if mc.fingerprint(recomputed) != row.fingerprint:
        return _("The text of these minutes in the database was changed after signing.")
    printed = session.execute(
        select(MinutesPrint.id).where(
            MinutesPrint.minutes_id == row.id, MinutesPrint.fingerprint != row.fingerprint
        )
    ).first()
    if printed is not None:  # signed content and fingerprint both replaced behind the triggers
        return _(
            "Copies of these minutes were printed with another fingerprint: they were changed after signing."
        )
    return ""


def print_source(session: Session, meeting_id: int) -> PrintSource:
    row = _minutes_row(session, meeting_id)
    data = minutes_service.minutes_data(row)
    if row.locked:
        problem = record_problem(session, row)
        try:
            content = stored_content(row)
        except ValueError:
            content = mc.build_content(session, meeting_id)
        return PrintSource(data, content, row.fingerprint, problem)
    content = mc.build_content(session, meeting_id)
    return PrintSource(data, content, mc.fingerprint(content))


def find_by_uuid(session: Session, uuid: str) -> Minutes | None:
    return session.execute(select(Minutes).where(Minutes.uuid == uuid)).scalar_one_or_none()


# --- for the dialogs -------------------------------------------------------------------------


@dataclass(frozen=True)
class MinutesState:
    """A session and the state of its minutes, as the print and signing dialogs list them."""

    meeting_id: int
    ordinal: int
    city_zh: str
    city_ru: str
    start: dt.date
    end: dt.date
    started: bool = False
    segments: int = 0
    signed: bool = False
    signed_on: dt.date | None = None
    place_zh: str = ""
    place_ru: str = ""
    fingerprint: str = ""
    marking_zh: str = ""
    marking_ru: str = ""
    city_en: str = ""
    place_en: str = ""

    def city(self, lang: str) -> str:
        return pick(lang, self.city_zh, self.city_ru, self.city_en)

    def place(self, lang: str) -> str:
        """The place of signing (in Russian as it reads after «в»)."""
        return pick(lang, self.place_zh, self.place_ru, self.place_en)


def minutes_states(session: Session) -> list[MinutesState]:
    """Every session, newest first, with the state of its minutes."""
    from app.core.services.agenda import sessions as meetings_service

    out = []
    for m in meetings_service.list_meetings(session):
        row = minutes_service.minutes_row(session, m.id)
        base = dict(meeting_id=m.id, ordinal=m.ordinal, city_zh=m.city_zh, city_ru=m.city_ru, city_en=m.city_en,
                    start=m.start_date, end=m.end_date)  # fmt: skip
        if row is None:
            out.append(MinutesState(**base))
            continue
        count = len(minutes_service.segment_rows(session, row.id))
        out.append(
            MinutesState(
                **base,
                started=True,
                segments=count,
                signed=row.locked,
                signed_on=row.signed_on,
                place_zh=row.place_zh,
                place_ru=row.place_ru,
                place_en=minutes_service.minutes_data(row).place_en,
                fingerprint=row.fingerprint,
                marking_zh=row.marking_zh,
                marking_ru=row.marking_ru,
            )
        )
    return out


@dataclass(frozen=True)
class Candidate:
    """Someone who may sign for a side: the delegation's members first (the head first)."""

    person_id: int
    name_zh: str
    name_ru: str
    role: str = ""  # the delegation role's value, "" if not in the delegation
    name_latin: str = ""

    def name(self, lang: str) -> str:
        """The name for the interface's language (in English, the Latin spelling)."""
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)


def signatory_candidates(session: Session, meeting_id: int, position: int) -> list[Candidate]:
    """The people who may sign for the side at ``position`` (1 or 2): the session's delegation
    of that side, head first, then the side's other people."""
    from app.core.models import Side
    from app.core.services.agenda import sessions as meetings_service

    side = session.execute(select(Side).where(Side.position == position)).scalar_one_or_none()
    if side is None:
        return []
    members = meetings_service.members(session, meeting_id, side.id)
    out = [
        Candidate(m.person_id, m.name_zh or m.name_latin, m.name_ru or m.name_latin, m.role.value, m.name_latin)
        for m in members
    ]
    seen = {c.person_id for c in out}
    others = session.execute(
        select(Person).where(Person.side_id == side.id).order_by(Person.name_ru, Person.id)
    )
    for p in others.scalars():
        if p.id not in seen:
            out.append(Candidate(p.id, p.name_zh or p.name_latin, p.name_ru or p.name_latin, name_latin=p.name_latin))
    return out
