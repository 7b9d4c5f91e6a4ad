"""The Exchanges register: one item that passes between the sides, validated, added, changed, deleted.

Searching, counting, warranties and the balance are in :mod:`exchanges_search`; files in and out
in :mod:`exchanges_io`. The status is never typed: it follows from the dates (see
:func:`app.core.models.exchanges.derive_status`), and the database refuses a contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import ExchangeChannel, ExchangeKind, ExchangeStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, ConfidentialityMarking, Decision, Exchange, Meeting, Setting, Side
from app.core.models.exchanges import STAGE_DATES, add_months, derive_status
from app.core.services import attachments
from app.core.services import settings as settings_service
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, _, format_date

OWNER_KIND = "exchange"
MAX_QUANTITY = 1_000_000
MAX_WARRANTY_MONTHS = 600
EARLIEST = dt.date(1900, 1, 1)

settings_service.register("exchanges.overdue_days", 60)
settings_service.register("exchanges.unacknowledged_days", 60)
settings_service.register("exchanges.warranty_horizon_days", 90)

#: What each field is called on screen, in files and in messages (N_ msgids).
FIELD_LABELS: dict[str, str] = {
    "reference": N_("Reference No."),
    "title": N_("Title"),
    "title_zh": N_("Title in Chinese"),
    "title_ru": N_("Title in Russian"),
    "title_original": N_("Original title"),
    "kind": N_("Kind"),
    "published": N_("Publication"),
    "marking_id": N_("Marking"),
    "from_side_id": N_("From"),
    "to_side_id": N_("To"),
    "quantity": N_("Quantity"),
    "status": N_("Status"),
    "requested_on": N_("Date requested"),
    "promised_on": N_("Date promised"),
    "sent_on": N_("Date sent"),
    "received_on": N_("Date received"),
    "acknowledged_on": N_("Date acknowledged"),
    "declined_on": N_("Date declined"),
    "channel": N_("Channel"),
    "meeting_id": N_("Session"),
    "agenda_item_id": N_("Agenda item"),
    "decision_id": N_("Decision"),
    "notes": N_("Notes"),
    "warranty_terms_zh": N_("Warranty terms in Chinese"),
    "warranty_terms_ru": N_("Warranty terms in Russian"),
    "warranty_start": N_("Warranty start"),
    "warranty_months": N_("Warranty period, months"),
    "warranty_expires": N_("Warranty expires"),
    "attachments": N_("Attachments"),
    "overdue": N_("Overdue"),
    "uuid": N_("Record ID"),
}

DATE_FIELDS = tuple(f for f, _s in STAGE_DATES) + ("declined_on",)
WARRANTY_FIELDS = ("warranty_terms_zh", "warranty_terms_ru", "warranty_start", "warranty_months")


class Lazy:
    """A message parameter worked out when the message is shown (a translated label, a date)."""

    def __init__(self, fn: Callable[[], str]) -> None:
        self._fn = fn

    def __format__(self, spec: str) -> str:
        return format(self._fn(), spec)

    def __str__(self) -> str:
        return self._fn()


def label(field: str) -> Lazy:
    return Lazy(lambda: _(FIELD_LABELS.get(field, field)))


def lazy_date(value: dt.date) -> Lazy:
    return Lazy(lambda: format_date(value))


@dataclass(frozen=True)
class ExchangeData:
    """One exchange as the services hand it out and take it in.

    The fields after ``uuid`` are read-only: derived (status, expiry) or looked up for display.
    """

    kind: str = ExchangeKind.BOOK.value
    from_side_id: int | None = None
    to_side_id: int | None = None
    title_zh: str = ""
    title_ru: str = ""
    title_original: str = ""
    reference: str = ""
    quantity: int | None = 1
    published: bool | None = True
    marking_id: int | None = None
    requested_on: dt.date | None = None
    promised_on: dt.date | None = None
    sent_on: dt.date | None = None
    received_on: dt.date | None = None
    acknowledged_on: dt.date | None = None
    declined_on: dt.date | None = None
    channel: str | None = None
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    decision_id: int | None = None
    notes: str = ""
    warranty_terms_zh: str = ""
    warranty_terms_ru: str = ""
    warranty_start: dt.date | None = None
    warranty_months: int | None = None
    id: int | None = None
    uuid: str = ""
    # --- read-only -------------------------------------------------------------------------
    status: str = ""
    warranty_expires: dt.date | None = None
    from_code: str = ""
    to_code: str = ""
    from_name_zh: str = ""
    from_name_ru: str = ""
    to_name_zh: str = ""
    to_name_ru: str = ""
    from_name_en: str = ""
    to_name_en: str = ""
    meeting_ordinal: int | None = None
    marking_zh: str = ""
    marking_ru: str = ""
    marking_en: str = ""
    agenda_position: int | None = None
    decision_number: int | None = None
    attachment_count: int = 0
    #: Days since the date the item is overdue from (promised, or sent), None when not overdue.
    overdue_days: int | None = None

    @property
    def kind_enum(self) -> ExchangeKind:
        return ExchangeKind(self.kind)

    @property
    def status_enum(self) -> ExchangeStatus | None:
        return ExchangeStatus(self.status) if self.status else None

    @property
    def channel_enum(self) -> ExchangeChannel | None:
        return ExchangeChannel(self.channel) if self.channel else None

    def title(self, lang: str) -> str:
        return pick(lang, self.title_zh, self.title_ru, self.title_original)

    def from_name(self, lang: str) -> str:
        return pick(lang, self.from_name_zh, self.from_name_ru, self.from_name_en) or self.from_code

    def to_name(self, lang: str) -> str:
        return pick(lang, self.to_name_zh, self.to_name_ru, self.to_name_en) or self.to_code

    def marking(self, lang: str) -> str:
        return pick(lang, self.marking_zh, self.marking_ru, self.marking_en)

    def warranty_terms(self, lang: str) -> str:
        return pick(lang, self.warranty_terms_zh, self.warranty_terms_ru)


#: The fields a caller may set (everything up to ``uuid``).
INPUT_FIELDS = tuple(f.name for f in fields(ExchangeData))[
    : [f.name for f in fields(ExchangeData)].index("uuid")
]
_COLUMNS = tuple(f for f in INPUT_FIELDS if f != "id")


@dataclass(frozen=True)
class ExchangeRules:
    """The commission's own thresholds, kept in the database's settings."""

    overdue_days: int = 60  # promised but not sent after this many days
    unacknowledged_days: int = 60  # sent but not acknowledged after this many days
    warranty_horizon_days: int = 90  # warranties that expire within this many days

    def cutoffs(self, today: dt.date) -> tuple[dt.date, dt.date]:
        return (
            today - dt.timedelta(days=self.overdue_days),
            today - dt.timedelta(days=self.unacknowledged_days),
        )


_RULE_KEYS = {
    "overdue_days": "exchanges.overdue_days",
    "unacknowledged_days": "exchanges.unacknowledged_days",
    "warranty_horizon_days": "exchanges.warranty_horizon_days",
}


def get_rules(session: Session) -> ExchangeRules:
    stored = dict(
        session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(_RULE_KEYS.values()))).all()
    )
    values = {}
    for attr, key in _RULE_KEYS.items():
        try:
            values[attr] = max(1, int(stored.get(key, settings_service.DEFAULTS[key])))
        except (TypeError, ValueError):
            values[attr] = settings_service.DEFAULTS[key]
    return ExchangeRules(**values)


@changes(Change.EXCHANGES, Change.SETTINGS)
def save_rules(session: Session, rules: ExchangeRules) -> ExchangeRules:
    for attr in _RULE_KEYS:
        value = getattr(rules, attr)
        if not isinstance(value, int) or not 1 <= value <= 3650:
            raise ValidationError(N_("Give a number of days from 1 to 3650."), field=attr)
    for attr, key in _RULE_KEYS.items():
        settings_service.put(session, key, getattr(rules, attr))
    session.flush()
    return get_rules(session)


def overdue_days(data, rules: ExchangeRules, today: dt.date) -> int | None:
    """How long an item has been overdue from, or None: promised and not sent, or sent and not
    acknowledged, for longer than the rules allow."""
    if data.status == ExchangeStatus.PROMISED.value and data.promised_on is not None:
        days = (today - data.promised_on).days
        return days if days >= rules.overdue_days else None
    if data.status in (ExchangeStatus.SENT.value, ExchangeStatus.RECEIVED.value):
        since = data.sent_on or data.received_on
        if since is not None:
            days = (today - since).days
            return days if days >= rules.unacknowledged_days else None
    return None


# --- validation ------------------------------------------------------------------------------


def _as_date(value, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValidationError(N_("This is not a date."), field=field)


def _as_int(value, field: str, message: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(message, field=field)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(message, field=field)
        value = int(value)
    if not isinstance(value, int):
        raise ValidationError(message, field=field)
    return value


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


#: How a stage is named inside "…, the {stage} date." (N_ msgids).
# TRANSLATORS: the stage names below fill {stage} in "This date cannot be earlier than {date}, the
# {stage} date." (Russian: genitive, "даты запроса").
STAGE_NAMES = {
    "requested_on": N_("request"),
    "promised_on": N_("promise"),
    "sent_on": N_("sending"),
    "received_on": N_("receipt"),
    "acknowledged_on": N_("acknowledgement"),
}


def label_of_stage(field: str) -> Lazy:
    return Lazy(lambda: _(STAGE_NAMES[field]))


def validate(session: Session, data: ExchangeData, today: dt.date | None = None) -> ExchangeData:
    """The cleaned data, or the first problem as a ValidationError naming its field."""
    today = today or dt.date.today()
    try:
        kind = ExchangeKind(data.kind) if isinstance(data.kind, str) else ExchangeKind(str(data.kind))
    except ValueError:
        raise ValidationError(
            N_("“{value}” is not a kind of exchange; choose one from the list."),
            field="kind",
            value=data.kind,
        ) from None
    values: dict = {"kind": kind.value}
    sides = {s.id: s for s in session.execute(select(Side)).scalars()}
    if data.from_side_id not in sides:
        raise ValidationError(N_("Choose the side that gives the item."), field="from_side_id")
    if data.to_side_id not in sides:
        raise ValidationError(N_("Choose the side that receives the item."), field="to_side_id")
    if data.from_side_id == data.to_side_id:
        raise ValidationError(N_("An item cannot go from a side to itself."), field="to_side_id")
    values["from_side_id"], values["to_side_id"] = data.from_side_id, data.to_side_id

    for f in ("title_zh", "title_ru", "title_original"):
        values[f] = clean(getattr(data, f))
        if len(values[f]) > 1000:
            raise ValidationError(N_("A title cannot be longer than 1000 characters."), field=f)
    if not (values["title_zh"] or values["title_ru"]):
        raise ValidationError(N_("Give the title in Chinese or in Russian."), field="title_zh")
    values["reference"] = clean(data.reference)
    if len(values["reference"]) > 100:
        raise ValidationError(
            N_("A reference number cannot be longer than 100 characters."), field="reference"
        )

    qty_message = N_("The quantity must be a whole number greater than zero.")
    quantity = _as_int(data.quantity, "quantity", qty_message)
    if quantity is None:
        raise ValidationError(N_("Give the quantity."), field="quantity")
    if quantity <= 0:
        raise ValidationError(qty_message, field="quantity")
    if quantity > MAX_QUANTITY:
        raise ValidationError(
            N_("The quantity cannot be more than {limit}."), field="quantity", limit=f"{MAX_QUANTITY:,}"
        )
    values["quantity"] = quantity
    values["published"] = (
        (True if data.published is None else bool(data.published)) if kind.is_document else None
    )

    if data.marking_id is not None and session.get(ConfidentialityMarking, data.marking_id) is None:
        raise ValidationError(N_("Choose a marking from the list."), field="marking_id")
    values["marking_id"] = data.marking_id

    for f in DATE_FIELDS:
        values[f] = _as_date(getattr(data, f), f)
    _check_dates(values, today)

    if data.channel in (None, ""):
        values["channel"] = None
    else:
        try:
            values["channel"] = ExchangeChannel(data.channel).value
        except ValueError:
            raise ValidationError(
                N_("“{value}” is not a channel; choose one from the list."),
                field="channel",
                value=data.channel,
            ) from None

    values.update(_check_links(session, data))
    values["notes"] = clean_text(data.notes)
    values.update(_check_warranty(kind, data))
    return replace(data, **values)


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


def _check_warranty(kind: ExchangeKind, data: ExchangeData) -> dict:
    terms_zh, terms_ru = clean_text(data.warranty_terms_zh), clean_text(data.warranty_terms_ru)
    start = _as_date(data.warranty_start, "warranty_start")
    months_message = N_("The warranty period must be a whole number of months greater than zero.")
    months = _as_int(data.warranty_months, "warranty_months", months_message)
    if not kind.has_warranty:
        if terms_zh or terms_ru or start is not None or months is not None:
            raise ValidationError(
                N_("Only measuring apparatus and technical materiel carry a warranty."),
                field="warranty_start",
            )
        return dict(warranty_terms_zh="", warranty_terms_ru="", warranty_start=None, warranty_months=None)
    if months is not None and months <= 0:
        raise ValidationError(months_message, field="warranty_months")
    if months is not None and months > MAX_WARRANTY_MONTHS:
        raise ValidationError(
            N_("A warranty period cannot be longer than {limit} months."),
            field="warranty_months",
            limit=MAX_WARRANTY_MONTHS,
        )
    if start is not None and months is None:
        raise ValidationError(N_("Give the warranty period in months."), field="warranty_months")
    if start is not None and start < EARLIEST:
        raise ValidationError(N_("This date is too early: give a date from 1900 on."), field="warranty_start")
    return dict(
        warranty_terms_zh=terms_zh, warranty_terms_ru=terms_ru, warranty_start=start, warranty_months=months
    )


def warranty_expiry(start: dt.date | None, months: int | None) -> dt.date | None:
    return add_months(start, months) if start is not None and months else None


def status_of(data: ExchangeData) -> ExchangeStatus | None:
    return derive_status({f: getattr(data, f) for f in DATE_FIELDS})


# --- reading and writing ---------------------------------------------------------------------


def _not_found() -> NotFoundError:
    return NotFoundError(N_("This item is no longer in the register; someone may have deleted it."))


def get_exchange(session: Session, exchange_id: int, today: dt.date | None = None) -> ExchangeData:
    from app.core.services.exchanges.search import ExchangeFilter, search_exchanges

    rows = search_exchanges(session, ExchangeFilter(ids=(exchange_id,)), today=today)
    if not rows:
        raise _not_found()
    return rows[0]


def store_validated(session: Session, data: ExchangeData) -> int:
    """Write data that :func:`validate` has passed: a new row, or the row ``data.id``. Returns the id."""
    row = session.get(Exchange, data.id) if data.id is not None else None
    if row is None:
        row = Exchange()
        if data.uuid:
            row.uuid = data.uuid
        session.add(row)
    for f in _COLUMNS:
        setattr(row, f, getattr(data, f))
    session.flush()
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
