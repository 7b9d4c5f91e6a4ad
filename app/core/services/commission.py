"""The commission, its two sides and their liaison agencies."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import ValidationError
from app.core.models import Commission, LiaisonAgency, Side
from app.core.models.base import utcnow
from app.core.services.commission_data import SIDE_FIELDS, AgencyData, CommissionData, SideData
from app.core.services.text import clean
from app.i18n import N_

CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")



def _side_data(row: Side) -> SideData:
    return SideData(
        position=row.position,
        id=row.id,
        agencies=tuple(AgencyData(a.name_zh, a.name_ru, a.name_en, a.id) for a in row.agencies),
        **{f: getattr(row, f) for f in SIDE_FIELDS},
    )


def get_sides(session: Session) -> list[SideData]:
    rows = session.execute(
        select(Side).options(selectinload(Side.agencies)).order_by(Side.position)
    ).scalars()
    return [_side_data(r) for r in rows]


def get_commission(session: Session) -> CommissionData:
    row = session.execute(select(Commission)).scalars().first()
    sides = tuple(get_sides(session))
    if row is None:
        return CommissionData(sides=sides)
    return CommissionData(row.name_zh, row.name_ru, row.name_en, sides, row.version)


def validate(data: CommissionData) -> CommissionData:
    """The cleaned data, or a ValidationError naming the first bad field ("side1.code", …)."""
    if not (clean(data.name_zh) or clean(data.name_ru)):
        raise ValidationError(N_("Give the commission's name in Chinese or in Russian."), field="name_zh")
    if len(data.sides) != 2:
        raise ValidationError(N_("A commission has exactly two sides."), field="sides")
    sides = []
    for side in sorted(data.sides, key=lambda s: s.position):
        prefix = f"side{side.position}."
        values = {f: clean(getattr(side, f)) for f in SIDE_FIELDS}
        values["code"] = values["code"].upper()
        if not values["code"]:
            raise ValidationError(
                N_("Each side needs a short code, such as CN or RU."), field=prefix + "code"
            )
        if not CODE_RE.match(values["code"]):
            raise ValidationError(
                N_(
                    "The code “{code}” must be one to eight Latin capitals or digits, starting with a letter."
                ),
                field=prefix + "code",
                code=values["code"],
            )
        if values["language"] not in ("zh", "ru"):
            raise ValidationError(
                N_("A side's working language is Chinese or Russian."), field=prefix + "language"
            )
        for f, msg in (
            ("name_full_zh", N_("The side's full name in Chinese is required.")),
            ("name_full_ru", N_("The side's full name in Russian is required.")),
            ("name_short_zh", N_("The side's short name in Chinese is required.")),
            ("name_short_ru", N_("The side's short name in Russian is required.")),
        ):
            if not values[f]:
                raise ValidationError(msg, field=prefix + f)
        agencies = tuple(
            AgencyData(clean(a.name_zh), clean(a.name_ru), clean(a.name_en), a.id)
            for a in side.agencies
            if clean(a.name_zh) or clean(a.name_ru) or clean(a.name_en)
        )
        sides.append(replace(side, agencies=agencies, **values))
    if sides[0].code == sides[1].code:
        raise ValidationError(N_("The two sides need different codes."), field="side2.code")
    if sides[0].language == sides[1].language:
        raise ValidationError(
            N_("The two sides need different working languages: one Chinese, one Russian."),
            field="side2.language",
        )
    return CommissionData(
        clean(data.name_zh), clean(data.name_ru), clean(data.name_en), tuple(sides), data.version
    )


def compared(data: CommissionData) -> dict:
    """What a stale save shows of the commission: its names, and each side's fields as
    "side1.code", …, "side2.agencies" (the agencies' names)."""
    out: dict = {"name_zh": data.name_zh, "name_ru": data.name_ru, "name_en": data.name_en}
    for side in data.sides:
        for f in SIDE_FIELDS:
            out[f"side{side.position}.{f}"] = getattr(side, f)
        out[f"side{side.position}.agencies"] = tuple((a.name_zh, a.name_ru, a.name_en) for a in side.agencies)
    return out


@changes(Change.COMMISSION)
def save_commission(session: Session, data: CommissionData) -> CommissionData:
    data = validate(data)
    row = session.execute(select(Commission)).scalars().first()
    if row is None:
        row = Commission()
        session.add(row)
    else:
        versions.check(session, row, data.version, compared(data), compared(get_commission(session)))
        row.updated_at = utcnow()  # the version covers the sides too: every save raises it
    existing = {
        s.position: s for s in session.execute(select(Side).options(selectinload(Side.agencies))).scalars()
    }
    # Codes are unique: park the old ones first so that swapping two codes does not collide.
    for s in existing.values():
        s.code = f"~{s.id}"
    session.flush()
    for side in data.sides:
        srow = existing.get(side.position)
        if srow is None:
            srow = Side(position=side.position)
            session.add(srow)
        for f in SIDE_FIELDS:
            setattr(srow, f, getattr(side, f))
        old = {a.id: a for a in srow.agencies}
        keep = []
        for i, a in enumerate(side.agencies):
            arow = old.pop(a.id, None) if a.id is not None else None
            if arow is None:
                arow = LiaisonAgency()
            arow.position, arow.name_zh, arow.name_ru, arow.name_en = i, a.name_zh, a.name_ru, a.name_en
            keep.append(arow)
        srow.agencies = keep
    row.name_zh, row.name_ru, row.name_en = data.name_zh, data.name_ru, data.name_en
    versions.flush(session)
    return get_commission(session)


@changes(Change.COMMISSION, Change.SETTINGS)
def save_commission_and_currencies(
    session: Session, data: CommissionData, currencies: tuple[str, ...]
) -> CommissionData:
    """The Commission dialog's save: the commission, its sides and the currencies its forms offer
    first, in one unit of work (nothing is saved if either is refused)."""
    from app.core.services.money import set_commission_currencies

    set_commission_currencies(session, currencies)
    return save_commission(session, data)
