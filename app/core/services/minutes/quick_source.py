"""The print source of unsigned minutes, read with the sqlite3 driver alone (issue 18).

Printing a proof or the reading copy of minutes not signed yet only reads: the session, the
commission and its sides, the delegations, the segments and the signing to come. Importing
SQLAlchemy, mapping the models and compiling the queries took half of the ``pdf minutes``
command's time, before a page was drawn; this reads the same data with a handful of plain queries
and builds the same :class:`~app.core.services.minutes.data.PrintSource` as
:func:`~app.core.services.minutes.signing.print_source` (``build_content`` with
``signing_defaults``), field for field: a test compares the two for every session of the demo and
large databases, and the fingerprint printed on every page is that of this content.

Signed minutes (whose record is checked and whose copies are registered), and anything unusual (no
such session, minutes not started, the commission not set up, a value the services would refuse)
give None: the command then reads through the ORM as before, which prints them or says why not.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from app.core.enums import DelegationRole, MinutesStatus, SegmentKind, SegmentPart
from app.core.services.commission_data import SIDE_FIELDS, CommissionData, SideData
from app.core.services.glyphs import EXTRA_FONTS, fonts_in_setting
from app.core.services.minutes import content as mc
from app.core.services.minutes.data import MinutesData, PrintSource
from app.core.services.text import russian_locative


def read(con: sqlite3.Connection, ordinal: int) -> tuple[PrintSource, tuple[str, ...]] | None:
    """(the print source of the unsigned minutes of session ``ordinal``, the font files the user
    added), read in one transaction; None when the ORM must read them (see above)."""
    con.execute("BEGIN")
    try:
        return _read(con, ordinal)
    except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # whatever it is, the ORM's reading says it in its own words
    finally:
        con.execute("COMMIT")


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _read(con: sqlite3.Connection, ordinal: int) -> tuple[PrintSource, tuple[str, ...]] | None:
    q = con.execute
    meetings = q(
        "SELECT m.id, m.ordinal, m.city_zh, m.city_ru, m.city_en, m.city_ru_in, m.venue_zh, m.venue_ru, "
        "m.start_date, m.end_date, s.code FROM meetings m JOIN sides s ON s.id = m.host_side_id "
        "WHERE m.ordinal = ?",
        (ordinal,),
    ).fetchall()
    if len(meetings) != 1:
        return None
    meeting_id, ordinal, city_zh, city_ru, city_en, city_ru_in, venue_zh, venue_ru, start, end, host = (
        meetings[0]
    )
    start, end = _date(start), _date(end)
    minutes = q(
        "SELECT id, uuid, status, signed_on, place_zh, place_ru, signatory1_id, signatory2_id, signed_at, "
        "signed_by, fingerprint, locked, marking_zh, marking_ru FROM minutes WHERE meeting_id = ?",
        (meeting_id,),
    ).fetchall()
    if len(minutes) != 1 or minutes[0][11]:
        return None  # not started, or signed: the ORM's reading checks the signed record
    (minutes_id, uuid, status, signed_on, place_zh, place_ru, signatory1, signatory2, signed_at, signed_by,
     fingerprint, locked, marking_zh, marking_ru) = minutes[0]  # fmt: skip
    place_en = ""
    if (place_zh or place_ru) and city_en and not (place_zh and place_zh != city_zh):
        place_en = city_en
    data = MinutesData(
        id=minutes_id,
        uuid=uuid,
        meeting_id=meeting_id,
        status=MinutesStatus(status),
        signed_on=_date(signed_on),
        place_zh=place_zh,
        place_ru=place_ru,
        signatory1_id=signatory1,
        signatory2_id=signatory2,
        signed_at=dt.datetime.fromisoformat(signed_at).replace(tzinfo=dt.UTC)
        if signed_at is not None
        else None,
        signed_by=signed_by,
        fingerprint=fingerprint,
        locked=bool(locked),
        marking_zh=marking_zh,
        marking_ru=marking_ru,
        place_en=place_en,
    )

    sides = tuple(
        SideData(position=r[0], id=r[1], **dict(zip(SIDE_FIELDS, r[2:], strict=True)))
        for r in q(f"SELECT position, id, {', '.join(SIDE_FIELDS)} FROM sides ORDER BY position")
    )
    commission = q("SELECT name_zh, name_ru, name_en, version FROM commission LIMIT 1").fetchone()
    com = CommissionData(*commission[:3], sides, commission[3]) if commission else CommissionData(sides=sides)
    if not com.is_set_up:
        return None
    by_id = {s.id: s for s in com.sides}
    code_of = dict(q("SELECT id, code FROM sides").fetchall())
    side_infos = tuple(
        mc.SideInfo(
            position=s.position,
            code=s.code,
            language=s.language,
            name_full=mc.Bi(s.full_name("zh"), s.full_name("ru")),
            name_short=mc.Bi(s.short_name("zh"), s.short_name("ru")),
            government=mc.Bi(s.government("zh"), s.government("ru")),
            delegation=mc.Bi(s.delegation_title("zh"), s.delegation_title("ru")),
        )
        for s in com.sides
    )

    roles = list(DelegationRole)
    members = [
        (side_id, DelegationRole(role), position, member_id, person_id, person)
        for side_id, role, position, member_id, person_id, *person in q(
            "SELECT dm.side_id, dm.role, dm.position, dm.id, dm.person_id, p.name_zh, p.name_ru, "
            "p.name_latin, p.position_zh, p.position_ru, p.organisation_zh, p.organisation_ru "
            "FROM delegation_members dm JOIN people p ON p.id = dm.person_id WHERE dm.meeting_id = ?",
            (meeting_id,),
        )
    ]
    # sessions.members() orders by side id, role, place, id; heads() keeps the last head of a side
    members.sort(key=lambda m: (m[0], roles.index(m[1]), m[2], m[3]))
    heads = {m[0]: m[4] for m in members if m[1] is DelegationRole.HEAD}
    members.sort(key=lambda m: (by_id[m[0]].position, roles.index(m[1]), m[2], m[3]))
    delegations = tuple(
        _person(by_id[side_id].code, person, role) for side_id, role, _pos, _id, _pid, person in members
    )

    segments = []
    running = 0
    for part, kind, text_zh, text_ru, decision_id, number in q(
        "SELECT s.part, s.kind, s.text_zh, s.text_ru, d.id, d.number FROM minutes_segments s "
        "LEFT JOIN decisions d ON d.id = s.decision_id WHERE s.minutes_id = ? ORDER BY s.position, s.id",
        (minutes_id,),
    ):
        kind = SegmentKind(kind)
        shown = None
        if kind is SegmentKind.DECISION:
            running += 1
            shown = number if decision_id is not None else running
        segments.append(mc.ContentSegment(SegmentPart(part), kind, mc.Bi(text_zh, text_ru), shown))

    if data.signed_on is not None:  # content.signing_defaults
        signing = mc.SigningFields(data.signed_on, place_zh, place_ru, signatory1, signatory2)
    else:
        ids = [heads.get(s.id) for s in sides] + [None, None]
        signing = mc.SigningFields(
            end, city_zh, city_ru_in or russian_locative(city_ru or city_zh), ids[0], ids[1]
        )

    def signatory(person_id):
        if person_id is None:
            return None
        row = q(
            "SELECT side_id, name_zh, name_ru, name_latin, position_zh, position_ru, organisation_zh, "
            "organisation_ru FROM people WHERE id = ?",
            (person_id,),
        ).fetchone()
        return _person(code_of[row[0]], row[1:], None)  # TypeError for a person deleted: the ORM says it

    content = mc.MinutesContent(
        commission=mc.Bi(com.name("zh"), com.name("ru")),
        ordinal=ordinal,
        host=host,
        city=mc.Bi(city_zh, city_ru),
        venue=mc.Bi(venue_zh, venue_ru),
        start=start,
        end=end,
        sides=side_infos,  # type: ignore[arg-type]
        delegations=delegations,
        segments=tuple(segments),
        signing=mc.SigningInfo(
            date=signing.date or end,
            place=mc.Bi(signing.place_zh, signing.place_ru),
            signatories=(signatory(signing.signatory1_id), signatory(signing.signatory2_id)),
        ),
    )
    setting = q("SELECT value FROM settings WHERE key = ?", (EXTRA_FONTS,)).fetchone()
    extra = fonts_in_setting(_json(setting[0]) if setting else None)
    return PrintSource(data, content, mc.fingerprint(content)), extra


def _person(side_code: str, p, role: DelegationRole | None) -> mc.PersonInfo:
    """As content.person_info and build_content make a signatory (no role) and a member."""
    name_zh, name_ru, name_latin, position_zh, position_ru, organisation_zh, organisation_ru = p
    return mc.PersonInfo(
        side=side_code,
        name=mc.Bi(name_zh or name_latin, name_ru or name_latin),
        job=mc.Bi(position_zh, position_ru),
        organisation=mc.Bi(organisation_zh, organisation_ru),
        role=role,
    )


def _json(value):
    import json

    return json.loads(value) if isinstance(value, str | bytes) else value
