"""One exchange as the services hand it out and take it in (:class:`ExchangeData`, made from the
register's declaration), and the commission's thresholds for what is overdue.

Both :mod:`.records` (writing) and :mod:`.search` (reading) use this module; neither imports the
other at import time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import ExchangeChannel, ExchangeKind, ExchangeStatus
from app.core.errors import ValidationError
from app.core.fields import FieldKind
from app.core.models import Setting
from app.core.services import settings as settings_service
from app.core.services.exchanges.fields import EXCHANGE
from app.core.services.text import pick
from app.i18n import N_

OWNER_KIND = "exchange"

settings_service.register("exchanges.overdue_days", 60)
settings_service.register("exchanges.unacknowledged_days", 60)
settings_service.register("exchanges.warranty_horizon_days", 90)

_TYPES = {
    FieldKind.TEXT: str, FieldKind.LONG_TEXT: str, FieldKind.UUID: str, FieldKind.INT: int | None,
    FieldKind.DECIMAL: object, FieldKind.MONEY: object, FieldKind.DATE: dt.date | None,
    FieldKind.BOOL: bool | None, FieldKind.CHOICE: str | None, FieldKind.REF: int | None,
}  # fmt: skip


class _ExchangeMethods:
    """What an ExchangeData can say about itself (the attributes come from the declaration)."""

    __slots__ = ()

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


#: Looked up for display by the search (names of the sides, the session's number, …), never typed.
_LOOKED_UP: tuple[tuple[str, type, object], ...] = (
    ("from_code", str, ""), ("to_code", str, ""),
    ("from_name_zh", str, ""), ("from_name_ru", str, ""), ("from_name_en", str, ""),
    ("to_name_zh", str, ""), ("to_name_ru", str, ""), ("to_name_en", str, ""),
    ("meeting_ordinal", int | None, None),
    ("marking_zh", str, ""), ("marking_ru", str, ""), ("marking_en", str, ""),
    ("agenda_position", int | None, None), ("decision_number", int | None, None),
    ("attachment_count", int, 0),
    # Days since the date the item is overdue from (promised, or sent), None when not overdue.
    ("overdue_days", int | None, None),
)  # fmt: skip

#: One exchange: every stored field of :data:`EXCHANGE` (with its default), ``id``, ``version``, and what the
#: search looks up for display. Frozen; change it with :func:`dataclasses.replace`.
ExchangeData = dataclasses.make_dataclass(
    "ExchangeData",
    [
        *((f.name, _TYPES[f.kind], dataclasses.field(default=f.initial)) for f in EXCHANGE.stored()),
        ("id", int | None, dataclasses.field(default=None)),
        # The version the record was read at (None: a new record, or a save that need not check).
        ("version", int | None, dataclasses.field(default=None)),
        *((name, tp, dataclasses.field(default=default)) for name, tp, default in _LOOKED_UP),
    ],
    bases=(_ExchangeMethods,),
    frozen=True,
    kw_only=True,
)
ExchangeData.__module__ = __name__
#: Every field of an ExchangeData, in order.
EXCHANGE_DATA_FIELDS = tuple(f.name for f in dataclasses.fields(ExchangeData))


def exchange_data_of(values: dict) -> ExchangeData:
    """An ExchangeData from a dict of all its fields (:data:`EXCHANGE_DATA_FIELDS`, no other key),
    which it keeps: for a page of the register, without the generated ``__init__`` that sets each
    of the 60-odd fields of a frozen dataclass one by one (the most of the time of reading a page)."""
    data = object.__new__(ExchangeData)
    object.__setattr__(data, "__dict__", values)
    return data


@dataclasses.dataclass(frozen=True)
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
    return overdue_days_of(data.status, data.promised_on, data.sent_on, data.received_on, rules, today)


def overdue_days_of(status: str | None, promised_on: dt.date | None, sent_on: dt.date | None,
                    received_on: dt.date | None, rules: ExchangeRules, today: dt.date) -> int | None:
    """:func:`overdue_days` from the four values it depends on (a row read for the table)."""
    if status == ExchangeStatus.PROMISED.value and promised_on is not None:
        days = (today - promised_on).days
        return days if days >= rules.overdue_days else None
    if status in (ExchangeStatus.SENT.value, ExchangeStatus.RECEIVED.value):
        since = sent_on or received_on
        if since is not None:
            days = (today - since).days
            return days if days >= rules.unacknowledged_days else None
    return None
