"""The People register: everyone who appears in delegations, as an expert or as a signatory."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Person, Side
from app.core.models.base import like_pattern
from app.core.services import references
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_

_FIELDS = (
    "name_zh", "name_ru", "name_latin", "organisation_zh", "organisation_ru", "position_zh", "position_ru",
)  # fmt: skip

#: Columns the People table can sort on.
SORT_COLUMNS = {
    "name_zh": Person.name_zh,
    "name_ru": Person.name_ru,
    "name_latin": Person.name_latin,
    "side": Side.position,
    "organisation_zh": Person.organisation_zh,
    "organisation_ru": Person.organisation_ru,
    "position_zh": Person.position_zh,
    "position_ru": Person.position_ru,
}


@dataclass(frozen=True)
class PersonData:
    side_id: int | None = None
    name_zh: str = ""
    name_ru: str = ""
    name_latin: str = ""
    organisation_zh: str = ""
    organisation_ru: str = ""
    position_zh: str = ""
    position_ru: str = ""
    notes: str = ""
    id: int | None = None
    uuid: str = ""
    side_code: str = ""
    #: the version the person was read at (a save of an older copy is a conflict; None: no check)
    version: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)

    def organisation(self, lang: str) -> str:
        return pick(lang, self.organisation_zh, self.organisation_ru)

    def position(self, lang: str) -> str:
        return pick(lang, self.position_zh, self.position_ru)


def _data(row: Person, side_code: str = "") -> PersonData:
    return PersonData(
        side_id=row.side_id,
        notes=row.notes,
        id=row.id,
        uuid=row.uuid,
        side_code=side_code or (row.side.code if row.side else ""),
        version=row.version,
        **{f: getattr(row, f) for f in _FIELDS},
    )


def validate(session: Session, data: PersonData) -> PersonData:
    values = {f: clean(getattr(data, f)) for f in _FIELDS}
    if data.side_id is None or session.get(Side, data.side_id) is None:
        raise ValidationError(N_("Choose the side this person belongs to."), field="side_id")
    if not (values["name_zh"] or values["name_ru"]):
        raise ValidationError(N_("Give the name in Chinese or in Russian."), field="name_zh")
    for f, v in values.items():
        if len(v) > 200 and f.startswith("name"):
            raise ValidationError(N_("A name cannot be longer than 200 characters."), field=f)
        if len(v) > 300:
            raise ValidationError(N_("This field cannot be longer than 300 characters."), field=f)
    return replace(data, notes=clean_text(data.notes), **values)


@changes(Change.PEOPLE)
def add_person(session: Session, data: PersonData) -> PersonData:
    data = validate(session, data)
    row = Person(side_id=data.side_id, notes=data.notes, **{f: getattr(data, f) for f in _FIELDS})
    session.add(row)
    session.flush()
    return _data(row)


@changes(Change.PEOPLE)
def update_person(session: Session, data: PersonData) -> PersonData:
    row = session.get(Person, data.id) if data.id is not None else None
    if row is None:
        raise NotFoundError(N_("This person no longer exists; someone may have deleted them."))
    data = validate(session, data)
    compared = ("side_id", *_FIELDS, "notes")
    versions.check(session, row, data.version, versions.values(data, compared))
    if row.side_id != data.side_id:
        refs = references.referencing(session, "people", row.id)
        if refs:
            raise ValidationError(
                N_("The side cannot change while the person is named in {places}."),
                field="side_id",
                places=references.describe(refs),
            )
    for f in _FIELDS:
        setattr(row, f, getattr(data, f))
    row.side_id = data.side_id
    row.notes = data.notes
    versions.flush(session)
    return _data(row)


@changes(Change.PEOPLE)
def delete_person(session: Session, person_id: int) -> None:
    row = session.get(Person, person_id)
    if row is None:
        raise NotFoundError(N_("This person no longer exists; someone may have deleted them."))
    refs = references.referencing(session, "people", person_id)
    if refs:
        raise ValidationError(
            N_("“{name}” cannot be deleted: they are still named in {places}."),
            name=row.name_zh or row.name_ru,
            places=references.describe(refs),
        )
    session.delete(row)
    session.flush()


def get_person(session: Session, person_id: int) -> PersonData:
    row = session.get(Person, person_id)
    if row is None:
        raise NotFoundError(N_("This person no longer exists; someone may have deleted them."))
    return _data(row)


def _filtered(stmt, text: str = "", side_id: int | None = None):
    if text and text.strip():
        stmt = stmt.where(Person.search_text.like(like_pattern(text), escape="\\"))
    if side_id is not None:
        stmt = stmt.where(Person.side_id == side_id)
    return stmt


def count_people(session: Session, text: str = "", side_id: int | None = None) -> int:
    return session.execute(_filtered(select(func.count(Person.id)), text, side_id)).scalar_one()


def search_people(
    session: Session,
    text: str = "",
    side_id: int | None = None,
    *,
    sort: str = "name_ru",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[PersonData]:
    """People whose names, organisation or position contain ``text`` (any case, any language)."""
    column = SORT_COLUMNS.get(sort, Person.name_ru)
    order = column.desc() if descending else column.asc()
    stmt = _filtered(select(Person, Side.code).join(Side, Person.side_id == Side.id), text, side_id)
    stmt = stmt.order_by(order, Person.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_data(p, code) for p, code in session.execute(stmt)]
