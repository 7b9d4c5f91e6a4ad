"""Every field of an exchange, declared once: the Exchanges register's :class:`Register`.

The service validates through :data:`EXCHANGE` (required, lengths, ranges, choices; the
cross-field rules such as the order of the dates stay in :mod:`.records`), import and export take
their columns and headers from it (:mod:`.transfer`), the search its field names and
:class:`~app.core.services.exchanges.data.ExchangeData` its attributes (:mod:`.data`), the table
its columns (``app/ui/views/exchange_columns.py``) and the dialog its labels, required marks and
limits (``app/ui/dialogs/exchange_dialog.py``).

Adding a field to the exchanges:

1. the column on the model (``app/core/models/exchanges.py``) and an Alembic migration;
2. one ``Field(...)`` line below, where the table should show it: name (the model's attribute),
   label (``N_()``), kind, ``required``/``max_length``/``minimum``/``maximum``/``choices``,
   ``hidden=True`` if the table hides it at first, ``shared=False`` if it stays on this side's
   laptop when a bundle goes to the other side;
3. the dialog, only when the field needs more than a plain widget of its kind;
4. ``python -m app.i18n.catalogs update`` and the translations of the new label.

ExchangeData gains the attribute, export the column, import recognises the header in the three
languages, validation applies the declared rules, and the table shows the column (text as it is,
numbers right-aligned, dates short, a choice by its label). A column of the model that is none of
the register's business goes into :data:`INTERNAL_COLUMNS` instead (a test compares the two).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.core.enums import ExchangeChannel, ExchangeKind, ExchangeStatus
from app.core.fields import Field, FieldKind, Register, Shared
from app.core.models.exchanges import STAGE_DATES
from app.i18n import N_, _, format_date

MAX_QUANTITY = 1_000_000
MAX_WARRANTY_MONTHS = 600
MAX_TITLE = 1000
MAX_REFERENCE = 100
EARLIEST = dt.date(1900, 1, 1)

K = FieldKind

# Columns the table shows in this order; the export writes the exported ones in the same order.
EXCHANGE = Register(
    "exchanges",
    (
        Field("reference", N_("Reference No."), max_length=MAX_REFERENCE, width=16),
        Field("title", N_("Title"), read_only=True, stored=False, exported=False, width=50),
        Field("title_zh", N_("Title in Chinese"), max_length=MAX_TITLE, hidden=True, width=40),
        Field("title_ru", N_("Title in Russian"), max_length=MAX_TITLE, hidden=True, width=50),
        Field("title_original", N_("Original title"), max_length=MAX_TITLE, hidden=True, width=40),
        Field("kind", N_("Kind"), K.CHOICE, required=True, choices=ExchangeKind, default=ExchangeKind.BOOK.value,
              error_msgid=N_("“{value}” is not a kind of exchange; choose one from the list.")),
        Field("from_side_id", N_("From"), K.REF, required=True, ref="side"),
        Field("to_side_id", N_("To"), K.REF, required=True, ref="side"),
        Field("quantity", N_("Quantity"), K.INT, required=True, minimum=1, maximum=MAX_QUANTITY, default=1,
              column_msgid=N_("Qty"), error_msgid=N_("The quantity must be a whole number greater than zero.")),
        Field("status", N_("Status"), K.CHOICE, choices=ExchangeStatus, read_only=True),
        Field("overdue", N_("Overdue"), K.INT, read_only=True, stored=False, exported=False, shared=False),
        Field("requested_on", N_("Date requested"), K.DATE),
        Field("promised_on", N_("Date promised"), K.DATE),
        Field("sent_on", N_("Date sent"), K.DATE),
        Field("received_on", N_("Date received"), K.DATE),
        Field("acknowledged_on", N_("Date acknowledged"), K.DATE),
        Field("declined_on", N_("Date declined"), K.DATE, hidden=True),
        Field("channel", N_("Channel"), K.CHOICE, choices=ExchangeChannel, hidden=True,
              error_msgid=N_("“{value}” is not a channel; choose one from the list.")),
        Field("meeting_id", N_("Session"), K.REF, ref="meeting"),
        Field("agenda_item_id", N_("Agenda item"), K.REF, ref="agenda_item", hidden=True),
        Field("decision_id", N_("Decision"), K.REF, ref="decision", hidden=True),
        Field("marking_id", N_("Marking"), K.REF, ref="marking"),
        Field("published", N_("Publication"), K.BOOL, default=True, hidden=True),
        Field("warranty_terms_zh", N_("Warranty terms in Chinese"), K.LONG_TEXT, column=False, width=30),
        Field("warranty_terms_ru", N_("Warranty terms in Russian"), K.LONG_TEXT, column=False, width=40),
        Field("warranty_start", N_("Warranty start"), K.DATE, hidden=True),
        Field("warranty_months", N_("Warranty period, months"), K.INT, minimum=1, maximum=MAX_WARRANTY_MONTHS,
              hidden=True,
              error_msgid=N_("The warranty period must be a whole number of months greater than zero.")),
        Field("warranty_expires", N_("Warranty expires"), K.DATE, read_only=True, hidden=True),
        Field("attachments", N_("Attachments"), K.INT, read_only=True, stored=False, exported=False,
              shared=False, hidden=True),
        Field("notes", N_("Notes"), K.LONG_TEXT, hidden=True, width=40),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, hidden=True, width=38),
    ),
)  # fmt: skip

#: Columns of the ``exchanges`` table that are not fields of the register: the key, the
#: bookkeeping of every record and the search index.
INTERNAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "search_text", "version"})

#: What each field is called on screen, in files and in messages (N_ msgids).
FIELD_LABELS: dict[str, str] = EXCHANGE.labels()

#: The fields a caller types in (the model's columns the service writes).
INPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in EXCHANGE.stored() if not f.read_only)
DATE_FIELDS = tuple(f for f, _s in STAGE_DATES) + ("declined_on",)
WARRANTY_FIELDS = ("warranty_terms_zh", "warranty_terms_ru", "warranty_start", "warranty_months")
TITLE_FIELDS = ("title_zh", "title_ru", "title_original")


class Lazy:
    """A message parameter worked out when the message is shown (a translated label, a date)."""

    def __init__(self, fn: Callable[[], str]) -> None:
        self._fn = fn

    def __format__(self, spec: str) -> str:
        return format(self._fn(), spec)

    def __str__(self) -> str:
        return self._fn()


def label(field: str) -> Lazy:
    return Lazy(lambda: EXCHANGE.label(field))


def lazy_date(value: dt.date) -> Lazy:
    return Lazy(lambda: format_date(value))


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

#: What an exchange bundle carries to the other side (``app.core.sync``): the markings and the
#: exchanges, without the fields declared ``shared=False`` above.
SHARED = (Shared("confidentiality_markings"), Shared.of("exchanges", EXCHANGE))
