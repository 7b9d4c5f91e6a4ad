"""Confidentiality markings (公开 / Открыто, 秘密 / Секретно…): a short list the user keeps.

A new database starts with the defaults of the migration; markings can be renamed, reordered,
added, and deleted while no record carries them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.models import ConfidentialityMarking
from app.core.services import references
from app.core.services.text import clean, pick
from app.i18n import N_


@dataclass(frozen=True)
class MarkingData:
    name_zh: str = ""
    name_ru: str = ""
    name_en: str = ""
    id: int | None = None
    position: int = 0
    #: the version the marking was read at (a save of an older copy is a conflict; None: no check)
    version: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_en)


def _data(row: ConfidentialityMarking) -> MarkingData:
    return MarkingData(row.name_zh, row.name_ru, row.name_en, row.id, row.position, row.version)


def list_markings(session: Session) -> list[MarkingData]:
    rows = session.execute(
        select(ConfidentialityMarking).order_by(ConfidentialityMarking.position, ConfidentialityMarking.id)
    ).scalars()
    return [_data(r) for r in rows]


def _not_found() -> NotFoundError:
    return NotFoundError(N_("This marking no longer exists; someone may have deleted it."))


def validate(session: Session, data: MarkingData) -> MarkingData:
    values = {f: clean(getattr(data, f)) for f in ("name_zh", "name_ru", "name_en")}
    if not values["name_zh"] or not values["name_ru"]:
        field = "name_zh" if not values["name_zh"] else "name_ru"
        raise ValidationError(N_("Give the marking in Chinese and in Russian."), field=field)
    for f, v in values.items():
        if len(v) > 100:
            raise ValidationError(N_("A marking cannot be longer than 100 characters."), field=f)
    for other in list_markings(session):
        if other.id == data.id:
            continue
        for f in ("name_zh", "name_ru"):
            if other_value := getattr(other, f):
                if other_value.casefold() == values[f].casefold():
                    raise ValidationError(
                        N_("The marking “{name}” is already in the list."), field=f, name=values[f]
                    )
    return replace(data, **values)


@changes(Change.EXCHANGES, Change.SETTINGS)
def add_marking(session: Session, data: MarkingData) -> MarkingData:
    data = validate(session, data)
    position = session.execute(
        select(func.coalesce(func.max(ConfidentialityMarking.position), -1) + 1)
    ).scalar_one()
    row = ConfidentialityMarking(
        name_zh=data.name_zh, name_ru=data.name_ru, name_en=data.name_en, position=position
    )
    session.add(row)
    session.flush()
    return _data(row)


@changes(Change.EXCHANGES, Change.SETTINGS)
def update_marking(session: Session, data: MarkingData) -> MarkingData:
    row = session.get(ConfidentialityMarking, data.id) if data.id is not None else None
    if row is None:
        raise _not_found()
    data = validate(session, data)
    versions.check(session, row, data.version, versions.values(data, ("name_zh", "name_ru", "name_en")))
    row.name_zh, row.name_ru, row.name_en = data.name_zh, data.name_ru, data.name_en
    versions.flush(session)
    return _data(row)


@changes(Change.EXCHANGES, Change.SETTINGS)
def move_marking(session: Session, marking_id: int, step: int) -> None:
    """Move a marking up (step -1) or down (+1) the list."""
    rows = list(
        session.execute(
            select(ConfidentialityMarking).order_by(
                ConfidentialityMarking.position, ConfidentialityMarking.id
            )
        ).scalars()
    )
    index = next((i for i, r in enumerate(rows) if r.id == marking_id), None)
    if index is None:
        raise _not_found()
    target = index + step
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    for i, r in enumerate(rows):
        r.position = i
    session.flush()


@changes(Change.EXCHANGES, Change.SETTINGS)
def delete_marking(session: Session, marking_id: int) -> None:
    row = session.get(ConfidentialityMarking, marking_id)
    if row is None:
        raise _not_found()
    refs = references.referencing(session, "confidentiality_markings", marking_id)
    if refs:
        raise ValidationError(
            N_("The marking “{name}” cannot be deleted: it is still used in {places}."),
            name=row.name_zh or row.name_ru,
            places=references.describe(refs),
        )
    session.delete(row)
    session.flush()
