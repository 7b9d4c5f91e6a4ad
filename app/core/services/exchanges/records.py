"""The Exchanges register: one item that passes between the sides, validated, added, changed, deleted.

The fields are declared once in :mod:`.fields` (labels, required, limits, choices); this module
adds the rules that tie fields together (the order of the dates, the sides, the links, the
warranty). Searching, counting, warranties and the balance are in :mod:`.search`; files in and
out in :mod:`.transfer`. The status is never typed: it follows from the dates (see
:func:`app.core.models.exchanges.derive_status`), and the database refuses a contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import ExchangeKind, ExchangeStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.fields import FieldKind
from app.core.models import AgendaItem, ConfidentialityMarking, Decision, Exchange, Meeting, Side
from app.core.models.exchanges import STAGE_DATES, add_months, derive_status
from app.core.services import attachments
from app.core.services.exchanges.data import (  # noqa: F401 (the register's names, in one place)
    OWNER_KIND,
    ExchangeData,
    ExchangeRules,
    get_rules,
    overdue_days,
    save_rules,
)
from app.core.services.exchanges.fields import (  # noqa: F401
    DATE_FIELDS,
    EARLIEST,
    EXCHANGE,
    FIELD_LABELS,
    INPUT_FIELDS,
    MAX_QUANTITY,
    MAX_WARRANTY_MONTHS,
    STAGE_NAMES,
    TITLE_FIELDS,
    WARRANTY_FIELDS,
    Lazy,
    label,
    label_of_stage,
    lazy_date,
)
from app.core.services.exchanges.search import ExchangeFilter, search_exchanges
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_

# --- validation ------------------------------------------------------------------------------


def _as_date(value):
    """A date as a date; anything else unchanged, for the declaration to refuse."""
    if value == "":
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _as_int(value):
    """A whole number as an int (3.0 from a spreadsheet is 3); anything else unchanged."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _clean(data) -> dict:
    """The typed-in fields, tidied (spaces, empty strings) and coerced, not yet checked. ``data``
    is an ExchangeData or a dict of every stored field."""
    get = data.__getitem__ if isinstance(data, dict) else data.__getattribute__
    return {name: tidy(get(name)) for name, tidy in _TIDY}


def _as_choice(value):
    return None if value in (None, "") else str(value)


_TIDIERS = {
    FieldKind.TEXT: lambda v: clean(v) if v else "",
    FieldKind.LONG_TEXT: lambda v: clean_text(v) if v else "",
    FieldKind.DATE: _as_date,
    FieldKind.INT: _as_int,
    FieldKind.CHOICE: _as_choice,
}
#: (name, kind) of the stored fields that are typed in, in the declaration's order.
_TYPED = tuple((f.name, f.kind) for f in EXCHANGE.stored() if not f.read_only)
#: (name, how its value is tidied) of the same fields, chosen once (an import tidies many rows)
_TIDY = tuple((name, _TIDIERS.get(kind, lambda v: v)) for name, kind in _TYPED)
#: {name: how its value is tidied} of the typed-in fields that are tidied (an import reads and
#: tidies each cell in one step: :class:`app.core.services.exchanges.cells.RowParser`)
TIDY = {name: _TIDIERS[kind] for name, kind in _TYPED if kind in _TIDIERS}
_KIND = ("kind",)
#: The fields :func:`check_values` checks after the kind, in the declaration's order.
_AFTER_KIND = tuple(name for name, _k in _TYPED if name != "kind")


def _check_dates(values: dict, today: dt.date) -> None:
    for f in DATE_FIELDS:
        d = values[f]
        if d is None:
            continue
        if d > today:
            raise ValidationError(N_("This date is later than today."), field=f)
        if d < EARLIEST:
            raise ValidationError(N_("This date is too early: give a date from 1900 on."), field=f)
    if all(values[f] is None for f in DATE_FIELDS):
        raise ValidationError(
            N_("Give at least one date: when the item was requested, promised or sent."), field="requested_on"
        )
    latest: tuple[str, dt.date] | None = None
    for f, _status in STAGE_DATES:
        d = values[f]
        if d is None:
            continue
        if latest is not None and d < latest[1]:
            raise ValidationError(
                N_("This date cannot be earlier than {date}, the {stage} date."),
                field=f,
                date=lazy_date(latest[1]),
                stage=label_of_stage(latest[0]),
            )
        latest = (f, d)
    declined = values["declined_on"]
    if declined is not None:
        if any(values[f] is not None for f in ("sent_on", "received_on", "acknowledged_on")):
            raise ValidationError(
                N_("An item that was sent cannot be declined: clear the date declined or the later dates."),
                field="declined_on",
            )
        for f in ("promised_on", "requested_on"):
            if values[f] is not None:
                if declined < values[f]:
                    raise ValidationError(
                        N_("This date cannot be earlier than {date}, the {stage} date."),
                        field="declined_on",
                        date=lazy_date(values[f]),
                        stage=label_of_stage(f),
                    )
                break


def validate(
    session: Session, data: ExchangeData, today: dt.date | None = None, *, side_ids: set[int] | None = None
) -> ExchangeData:
    """The cleaned data, or the first problem as a ValidationError naming its field.

    First every field's declared rules (:data:`EXCHANGE`: required, lengths, ranges, choices),
    then the rules that tie fields together or look into the database. An import checking many
    rows passes the ``side_ids`` it read once.
    """
    sides = side_ids if side_ids is not None else set(session.execute(select(Side.id)).scalars())
    values = check_values(
        _clean(data), today or dt.date.today(), sides, _Existing(session, ConfidentialityMarking)
    )
    values.update(_check_links(session, data))
    return replace(data, **values)


class _Existing:
    """The ids of a table's rows, as a container asked one id at a time."""

    def __init__(self, session: Session, model) -> None:
        self.session, self.model = session, model

    def __contains__(self, row_id: object) -> bool:
        return self.session.get(self.model, row_id) is not None


def check_values(
    values: dict, today: dt.date, sides: Container[int], markings: Container[int], *, declared: bool = True
) -> dict:
    """The rules that need no database, on cleaned values (:func:`_clean`): the declared ones,
    the sides, a title, the dates, the warranty; the ids of the sides and markings that exist are
    given. Returns the values as stored (publication and warranty filled in), or raises the first
    problem as a ValidationError naming its field. An import checks its rows with this alone.
    ``declared=False``: the declared rules are known to hold (an import tested them on its columns:
    :meth:`Register.rows_to_validate`)."""
    if declared:
        EXCHANGE.validate(values, _KIND)
    kind = ExchangeKind(values["kind"])
    if values["from_side_id"] not in sides:
        raise ValidationError(N_("Choose the side that gives the item."), field="from_side_id")
    if values["to_side_id"] not in sides:
        raise ValidationError(N_("Choose the side that receives the item."), field="to_side_id")
    if values["from_side_id"] == values["to_side_id"]:
        raise ValidationError(N_("An item cannot go from a side to itself."), field="to_side_id")
    if not (values["title_zh"] or values["title_ru"]):
        raise ValidationError(N_("Give the title in Chinese or in Russian."), field="title_zh")
    if declared:
        EXCHANGE.validate(values, _AFTER_KIND)
    values["published"] = (
        (True if values["published"] is None else bool(values["published"])) if kind.is_document else None
    )
    if values["marking_id"] is not None and values["marking_id"] not in markings:
        raise ValidationError(N_("Choose a marking from the list."), field="marking_id")
    _check_dates(values, today)
    values.update(_check_warranty(kind, values))
    return values


def _check_links(session: Session, data: ExchangeData) -> dict:
    """The session, agenda item and decision the item answers: they must exist and agree."""
    meeting_id = data.meeting_id
    if meeting_id is not None and session.get(Meeting, meeting_id) is None:
        raise ValidationError(N_("Choose a session from the list."), field="meeting_id")
    for field, model in (("agenda_item_id", AgendaItem), ("decision_id", Decision)):
        ref_id = getattr(data, field)
        if ref_id is None:
            continue
        row = session.get(model, ref_id)
        if row is None:
            msg = (
                N_("Choose an agenda item from the list.")
                if model is AgendaItem
                else N_("Choose a decision from the list.")
            )
            raise ValidationError(msg, field=field)
        if meeting_id is None:
            meeting_id = row.meeting_id
        elif row.meeting_id != meeting_id:
            ordinal = session.get(Meeting, row.meeting_id).ordinal
            msg = (
                N_("This agenda item belongs to session {number}, not to the session chosen.")
                if model is AgendaItem
                else N_("This decision belongs to session {number}, not to the session chosen.")
            )
            raise ValidationError(msg, field=field, number=ordinal)
    return {"meeting_id": meeting_id, "agenda_item_id": data.agenda_item_id, "decision_id": data.decision_id}


def _check_warranty(kind: ExchangeKind, values: dict) -> dict:
    terms_zh, terms_ru = values["warranty_terms_zh"], values["warranty_terms_ru"]
    start, months = values["warranty_start"], values["warranty_months"]
    if not kind.has_warranty:
        if terms_zh or terms_ru or start is not None or months is not None:
            raise ValidationError(
                N_("Only measuring apparatus and technical materiel carry a warranty."),
                field="warranty_start",
            )
        return dict(warranty_terms_zh="", warranty_terms_ru="", warranty_start=None, warranty_months=None)
    if start is not None and months is None:
        raise ValidationError(N_("Give the warranty period in months."), field="warranty_months")
    if start is not None and start < EARLIEST:
        raise ValidationError(N_("This date is too early: give a date from 1900 on."), field="warranty_start")
    return {}


def warranty_expiry(start: dt.date | None, months: int | None) -> dt.date | None:
    return add_months(start, months) if start is not None and months else None


def status_of(data: ExchangeData) -> ExchangeStatus | None:
    return derive_status({f: getattr(data, f) for f in DATE_FIELDS})


# --- reading and writing ---------------------------------------------------------------------


def _not_found() -> NotFoundError:
    return NotFoundError(N_("This item is no longer in the register; someone may have deleted it."))


def get_exchange(session: Session, exchange_id: int, today: dt.date | None = None) -> ExchangeData:

    rows = search_exchanges(session, ExchangeFilter(ids=(exchange_id,)), today=today)
    if not rows:
        raise _not_found()
    return rows[0]


def store_validated(session: Session, data: ExchangeData) -> int:
    """Write data that :func:`validate` has passed: a new row, or the row ``data.id``. Returns the id.

    A change of a row someone else saved after ``data.version`` was read is refused
    (ConflictError, with both versions); ``version`` None saves without that check."""
    row = session.get(Exchange, data.id) if data.id is not None else None
    if row is None:
        row = Exchange()
        if data.uuid:
            row.uuid = data.uuid
        session.add(row)
    else:
        versions.check(session, row, data.version, versions.values(data, INPUT_FIELDS))
    for f in INPUT_FIELDS:
        setattr(row, f, getattr(data, f))
    versions.flush(session)
    return row.id


@changes(Change.EXCHANGES)
def add_exchange(session: Session, data: ExchangeData, today: dt.date | None = None) -> ExchangeData:
    data = validate(session, replace(data, id=None), today)
    return get_exchange(session, store_validated(session, data), today)


@changes(Change.EXCHANGES)
def update_exchange(session: Session, data: ExchangeData, today: dt.date | None = None) -> ExchangeData:
    row = session.get(Exchange, data.id) if data.id is not None else None
    if row is None:
        raise _not_found()
    data = validate(session, data, today)
    return get_exchange(session, store_validated(session, data), today)


@changes(Change.EXCHANGES, Change.ATTACHMENTS)
def delete_exchange(session: Session, exchange_id: int) -> None:
    row = session.get(Exchange, exchange_id)
    if row is None:
        raise _not_found()
    attachments.remove_all(session, OWNER_KIND, exchange_id)
    session.delete(row)
    session.flush()


# --- what an item can answer: sessions, their agenda items and decisions -----------------------


@dataclass(frozen=True)
class LinkChoice:
    id: int
    meeting_id: int
    number: int
    text_zh: str
    text_ru: str

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)


def agenda_choices(session: Session) -> list[LinkChoice]:
    rows = session.execute(
        select(AgendaItem).order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
    )
    return [LinkChoice(a.id, a.meeting_id, a.position + 1, a.title_zh, a.title_ru) for a in rows.scalars()]


def decision_choices(session: Session) -> list[LinkChoice]:
    rows = session.execute(select(Decision).order_by(Decision.meeting_id, Decision.number))
    return [LinkChoice(d.id, d.meeting_id, d.number, d.text_zh, d.text_ru) for d in rows.scalars()]


def exchange_uuid_map(session: Session, uuids: list[str]) -> dict[str, int]:
    """{uuid: id} of the given UUIDs that are in the register."""
    out: dict[str, int] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i : i + 500]
        out.update(
            dict(session.execute(select(Exchange.uuid, Exchange.id).where(Exchange.uuid.in_(chunk))).all())
        )
    return out
