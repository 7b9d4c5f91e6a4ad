"""The canonical content of the minutes: what a printed copy shows, and what the fingerprint hashes.

A printed copy of the minutes shows data from several registers: the commission and its two sides,
the session (number, city, venue, dates), the delegations, the segments of the minutes and the
numbers of their decisions, and the signing (date, place, signatories). :class:`MinutesContent`
gathers all of it, in both languages, as plain data. The PDF is made from it and from nothing else.

**Canonical serialisation** (format ``commission-desk/minutes/1``), defined by :func:`to_json` and
:func:`canonical_bytes`: a JSON object

.. code-block:: text

    {"format": "commission-desk/minutes/1",
     "commission": {"zh": …, "ru": …},
     "session": {"ordinal": 1, "host": "CN", "city": {"zh", "ru"}, "venue": {"zh", "ru"},
                 "start": "1958-03-03", "end": "1958-03-07"},
     "sides": [{"position": 1, "code": "CN", "language": "zh", "name_full": {…}, "name_short": {…},
                "government": {…}, "delegation": {…}}, {… position 2 …}],
     "delegations": [{"side": "CN", "role": "head", "name": {…}, "job": {…}, "organisation": {…}}, …],
     "segments": [{"part": "joint", "kind": "decision", "zh": …, "ru": …, "decision": 1}, …],
     "signing": {"date": "1958-03-07", "place": {"zh": "北京", "ru": "Пекине"},
                 "signatories": [{"side": "CN", "name": {…}, "job": {…}, "organisation": {…}}, {…}]}}

where every ``{…}`` pair is ``{"zh": text, "ru": text}``; sides and signatories are in side
position order (first side first, whatever the original); delegation members by side position, then
role (head, deputy head, member, secretary, interpreter, expert, adviser), then their place in the
delegation; segments in document order, ``decision`` being the decision's number (null for other
kinds). Texts are NFC-normalised with "\\n" line ends. The bytes are ``json.dumps(obj,
ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` in UTF-8. The **fingerprint** is the
lowercase hexadecimal SHA-256 of these bytes; its **short form**, printed on every page, is its
first 16 digits in capitals, in groups of four ("3F9A 06C2 B1D4 77E0").

Record identifiers (UUIDs), statuses, timestamps, the confidentiality marking and the copy number
are not content: they do not enter the fingerprint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.enums import DelegationRole, SegmentKind, SegmentPart
from app.core.errors import NotFoundError, ValidationError
from app.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The content as data is what documents print from, and needs no database: the command line prints
# unsigned minutes from content read with the sqlite3 driver alone, without importing the ORM
# (:mod:`~app.core.services.minutes.quick_source`). Reading it through the ORM (build_content and
# its helpers) imports the models and services when first called.

FORMAT = "commission-desk/minutes/1"

#: Confidentiality markings as printed in the header (Chinese, Russian): the usual grades.
MARKINGS = (
    ("内部", "Для служебного пользования"),
    ("秘密", "Секретно"),
    ("机密", "Совершенно секретно"),
    ("绝密", "Особой важности"),
)


@dataclass(frozen=True)
class Bi:
    """A text in Chinese and in Russian."""

    zh: str = ""
    ru: str = ""

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.ru


@dataclass(frozen=True)
class SideInfo:
    position: int
    code: str
    language: str
    name_full: Bi
    name_short: Bi
    government: Bi
    delegation: Bi


@dataclass(frozen=True)
class PersonInfo:
    """A delegation member or a signatory: side code, role (for members), name, job, organisation."""

    side: str
    name: Bi
    job: Bi
    organisation: Bi
    role: DelegationRole | None = None


@dataclass(frozen=True)
class ContentSegment:
    part: SegmentPart
    kind: SegmentKind
    text: Bi
    decision: int | None = None


@dataclass(frozen=True)
class SigningInfo:
    date: dt.date
    place: Bi
    signatories: tuple[PersonInfo | None, PersonInfo | None]


@dataclass(frozen=True)
class MinutesContent:
    commission: Bi
    ordinal: int
    host: str
    city: Bi
    venue: Bi
    start: dt.date
    end: dt.date
    sides: tuple[SideInfo, SideInfo]
    delegations: tuple[PersonInfo, ...]
    segments: tuple[ContentSegment, ...]
    signing: SigningInfo

    def side(self, code: str) -> SideInfo:
        for s in self.sides:
            if s.code == code:
                return s
        raise KeyError(code)

    def other(self, code: str) -> SideInfo:
        return next(s for s in self.sides if s.code != code)

    def members(self, code: str) -> list[PersonInfo]:
        return [m for m in self.delegations if m.side == code]

    def head(self, code: str) -> PersonInfo | None:
        return next((m for m in self.members(code) if m.role is DelegationRole.HEAD), None)

    def signatory(self, code: str) -> PersonInfo | None:
        return next((p for p in self.signing.signatories if p is not None and p.side == code), None)

    def texts(self) -> list[str]:
        """Every text the print shows from the data (to look for characters no font has)."""
        out = [
            self.commission.zh,
            self.commission.ru,
            self.city.zh,
            self.city.ru,
            self.venue.zh,
            self.venue.ru,
        ]
        for s in self.sides:
            for b in (s.name_full, s.name_short, s.government, s.delegation):
                out += [b.zh, b.ru]
        people = [*self.delegations, *(p for p in self.signing.signatories if p is not None)]
        for p in people:
            for b in (p.name, p.job, p.organisation):
                out += [b.zh, b.ru]
        for seg in self.segments:
            out += [seg.text.zh, seg.text.ru]
        out += [self.signing.place.zh, self.signing.place.ru]
        return out


# --- canonical serialisation -----------------------------------------------------------------


def _norm(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _bi(b: Bi) -> dict:
    return {"zh": _norm(b.zh), "ru": _norm(b.ru)}


def _person(p: PersonInfo | None, with_role: bool) -> dict | None:
    if p is None:
        return None
    d = {"side": p.side, "name": _bi(p.name), "job": _bi(p.job), "organisation": _bi(p.organisation)}
    if with_role:
        d["role"] = p.role.value if p.role is not None else None
    return d


def to_json(c: MinutesContent) -> dict:
    """The canonical object (see the module's documentation)."""
    return {
        "format": FORMAT,
        "commission": _bi(c.commission),
        "session": {
            "ordinal": c.ordinal,
            "host": c.host,
            "city": _bi(c.city),
            "venue": _bi(c.venue),
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
        },
        "sides": [
            {
                "position": s.position,
                "code": s.code,
                "language": s.language,
                "name_full": _bi(s.name_full),
                "name_short": _bi(s.name_short),
                "government": _bi(s.government),
                "delegation": _bi(s.delegation),
            }
            for s in c.sides
        ],
        "delegations": [_person(m, True) for m in c.delegations],
        "segments": [
            {
                "part": s.part.value,
                "kind": s.kind.value,
                "zh": _norm(s.text.zh),
                "ru": _norm(s.text.ru),
                "decision": s.decision,
            }
            for s in c.segments
        ],  # fmt: skip
        "signing": {
            "date": c.signing.date.isoformat(),
            "place": _bi(c.signing.place),
            "signatories": [_person(p, False) for p in c.signing.signatories],
        },
    }


def canonical_bytes(c: MinutesContent) -> bytes:
    return json.dumps(to_json(c), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def fingerprint(c: MinutesContent) -> str:
    """The SHA-256 (lowercase hex) of the canonical bytes."""
    return hashlib.sha256(canonical_bytes(c)).hexdigest()


def short_fingerprint(full: str) -> str:
    """ "3F9A 06C2 B1D4 77E0": the first 16 hex digits, grouped, as printed on every page."""
    head = (full or "")[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def _from_bi(d: dict) -> Bi:
    return Bi(d.get("zh", ""), d.get("ru", ""))


def _from_person(d: dict | None) -> PersonInfo | None:
    if d is None:
        return None
    role = d.get("role")
    return PersonInfo(
        side=d["side"],
        name=_from_bi(d["name"]),
        job=_from_bi(d["job"]),
        organisation=_from_bi(d["organisation"]),
        role=DelegationRole(role) if role else None,
    )


def from_json(obj: dict) -> MinutesContent:
    """The content back from its canonical object; ValueError if it is not one."""
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise ValueError("not canonical minutes content")
    try:
        s = obj["session"]
        sides = tuple(
            SideInfo(
                position=d["position"],
                code=d["code"],
                language=d["language"],
                name_full=_from_bi(d["name_full"]),
                name_short=_from_bi(d["name_short"]),
                government=_from_bi(d["government"]),
                delegation=_from_bi(d["delegation"]),
            )
            for d in obj["sides"]
        )
        sig = obj["signing"]
        return MinutesContent(
            commission=_from_bi(obj["commission"]),
            ordinal=s["ordinal"],
            host=s["host"],
            city=_from_bi(s["city"]),
            venue=_from_bi(s["venue"]),
            start=dt.date.fromisoformat(s["start"]),
            end=dt.date.fromisoformat(s["end"]),
            sides=sides,  # type: ignore[arg-type]
            delegations=tuple(_from_person(d) for d in obj["delegations"]),  # type: ignore[misc]
            segments=tuple(
                ContentSegment(
                    SegmentPart(d["part"]), SegmentKind(d["kind"]), Bi(d["zh"], d["ru"]), d["decision"]
                )
                for d in obj["segments"]
            ),
            signing=SigningInfo(
                date=dt.date.fromisoformat(sig["date"]),
                place=_from_bi(sig["place"]),
                signatories=tuple(_from_person(d) for d in sig["signatories"]),  # type: ignore[arg-type]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not canonical minutes content: {exc}") from exc


def parse(data: str) -> MinutesContent:
    return from_json(json.loads(data))


# --- from the database -----------------------------------------------------------------------


def person_info(session: Session, person_id: int | None) -> PersonInfo | None:
    from app.core.models import Person

    if person_id is None:
        return None
    p = session.get(Person, person_id)
    if p is None:
        raise NotFoundError(N_("This person no longer exists; someone may have deleted them."))
    return PersonInfo(
        side=p.side.code,
        name=Bi(p.name_zh or p.name_latin, p.name_ru or p.name_latin),
        job=Bi(p.position_zh, p.position_ru),
        organisation=Bi(p.organisation_zh, p.organisation_ru),
    )


@dataclass(frozen=True)
class SigningFields:
    """What recording the signing asks for: date, place in both languages, a signatory per side
    (person ids, first side then second)."""

    date: dt.date | None
    place_zh: str = ""
    place_ru: str = ""
    signatory1_id: int | None = None
    signatory2_id: int | None = None


def signing_defaults(session: Session, meeting_id: int) -> SigningFields:
    """The minutes' recorded signing, else: the last day of the session, its city, the two heads."""
    from app.core.services import commission as commission_service
    from app.core.services.agenda import sessions as meetings_service
    from app.core.services.minutes import records as minutes_service

    meeting = meetings_service.get_meeting(session, meeting_id)
    m = minutes_service.get_minutes(session, meeting_id)
    if m is not None and m.signed_on is not None:
        return SigningFields(m.signed_on, m.place_zh, m.place_ru, m.signatory1_id, m.signatory2_id)
    sides = commission_service.get_sides(session)
    heads = meetings_service.heads(session, meeting_id)
    ids = [heads[s.id].person_id if s.id in heads else None for s in sides] + [None, None]
    return SigningFields(
        date=meeting.end_date,
        place_zh=meeting.city_zh,
        place_ru=meeting.city_locative(),
        signatory1_id=ids[0],
        signatory2_id=ids[1],
    )


def build_content(session: Session, meeting_id: int, signing: SigningFields | None = None) -> MinutesContent:
    """The content of a session's minutes as the database holds it now, with ``signing`` (default:
    :func:`signing_defaults`)."""
    from app.core.models import Meeting
    from app.core.services import commission as commission_service
    from app.core.services.agenda import sessions as meetings_service
    from app.core.services.minutes import records as minutes_service

    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    meeting = meetings_service.meeting_data(row)
    minutes = minutes_service.get_minutes(session, meeting_id)
    if minutes is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    com = commission_service.get_commission(session)
    if not com.is_set_up:
        raise ValidationError(N_("Set up the commission and its two sides first."))
    by_id = {s.id: s for s in com.sides}
    sides = tuple(
        SideInfo(
            position=s.position,
            code=s.code,
            language=s.language,
            name_full=Bi(s.full_name("zh"), s.full_name("ru")),
            name_short=Bi(s.short_name("zh"), s.short_name("ru")),
            government=Bi(s.government("zh"), s.government("ru")),
            delegation=Bi(s.delegation_title("zh"), s.delegation_title("ru")),
        )
        for s in com.sides
    )
    roles = list(DelegationRole)
    members = sorted(
        meetings_service.members(session, meeting_id),
        key=lambda m: (by_id[m.side_id].position, roles.index(m.role), m.position, m.id),
    )
    delegations = tuple(
        PersonInfo(
            side=by_id[m.side_id].code,
            name=Bi(m.name_zh or m.name_latin, m.name_ru or m.name_latin),
            job=Bi(m.position_zh, m.position_ru),
            organisation=Bi(m.organisation_zh, m.organisation_ru),
            role=m.role,
        )
        for m in members
    )
    segments = []
    running = 0
    for seg in minutes_service.list_segments(session, minutes.id):
        number = None
        if seg.kind is SegmentKind.DECISION:
            running += 1
            number = seg.decision.number if seg.decision is not None else running
        segments.append(ContentSegment(seg.part, seg.kind, Bi(seg.text_zh, seg.text_ru), number))
    if signing is None:
        signing = signing_defaults(session, meeting_id)
    signatories = (person_info(session, signing.signatory1_id), person_info(session, signing.signatory2_id))
    return MinutesContent(
        commission=Bi(com.name("zh"), com.name("ru")),
        ordinal=meeting.ordinal,
        host=meeting.host_code,
        city=Bi(meeting.city_zh, meeting.city_ru),
        venue=Bi(meeting.venue_zh, meeting.venue_ru),
        start=meeting.start_date,
        end=meeting.end_date,
        sides=sides,  # type: ignore[arg-type]
        delegations=delegations,
        segments=tuple(segments),
        signing=SigningInfo(
            date=signing.date or meeting.end_date,
            place=Bi(signing.place_zh, signing.place_ru),
            signatories=signatories,
        ),
    )
