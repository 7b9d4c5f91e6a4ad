"""Reading an import's cells: each field's text, date, number or choice, the sides, markings and
sessions named in any of the three languages, one error per bad cell (:class:`RowParser`)."""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.enums import LabeledEnum
from app.core.fields import FieldKind
from app.core.models import AgendaItem, ConfidentialityMarking, Decision, Meeting, Side
from app.core.services.exchanges.fields import EXCHANGE
from app.i18n import N_, _, current_language, doc_gettext

#: The export's words for a published and an unpublished document, read back by an import.
PUBLISHED = (N_("Published"), N_("Unpublished"))


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    return re.sub(r"[\s:：.,，。()（）_\-]+", " ", str(text)).strip().casefold()


def _names(msgid: str) -> frozenset[str]:
    """A label in English, Chinese and Russian, normalised."""
    return _names_in(msgid, current_language())


@lru_cache(maxsize=1024)
def _names_in(msgid: str, _language: str) -> frozenset[str]:
    return frozenset(
        {_norm(msgid), _norm(doc_gettext("zh")(msgid)), _norm(doc_gettext("ru")(msgid)), _norm(_(msgid))}
    )


class _CellError(Exception):
    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.msgid = message
        self.params = params


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v).strip()


def _parse_enum(enum: type[LabeledEnum], v: object, message: str):
    text = _norm(_text(v))
    if not text:
        return None
    member = _enum_names(enum, current_language()).get(text)
    if member is None:
        raise _CellError(message, value=_text(v))
    return member


@lru_cache(maxsize=64)
def _enum_names(enum: type[LabeledEnum], _language: str) -> dict[str, LabeledEnum]:
    """{normalised value or label: member}, the first member naming it (as a search in order)."""
    found: dict[str, LabeledEnum] = {}
    for m in enum:
        for name in (_norm(m.value), *_names(m.msgid)):
            found.setdefault(name, m)
    return found


_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$"),
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(\s*г\.?)?$"),
)


def _parse_date(v: object) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    text = _text(v)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                break
    raise _CellError(N_("“{value}” is not a date; write it as 1958-03-12 or 12.03.1958."), value=text)


def _parse_int(v: object, message: str) -> int | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise _CellError(message, value=_text(v))
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    text = _text(v).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise _CellError(message, value=_text(v))


_YES = frozenset({"1", "yes", "true", "是", "да"})
_NO = frozenset({"0", "no", "false", "否", "нет"})


def _parse_published(v: object) -> bool | None:
    text = _norm(_text(v))
    if not text:
        return None
    if text in _YES or text in _names(PUBLISHED[0]):
        return True
    if text in _NO or text in _names(PUBLISHED[1]):
        return False
    raise _CellError(N_("“{value}” is neither “published” nor “unpublished”."), value=_text(v))


#: What a cell that is not a whole number or not one of the choices gets, when the field has a
#: message of its own (N_ msgids).
_INT_MESSAGES = {"warranty_months": N_("“{value}” is not a whole number of months.")}
_CHOICE_MESSAGES = {
    "kind": N_("“{value}” is not a kind of exchange."),
    "channel": N_("“{value}” is not a channel."),
}


@dataclass
class Lookups:
    """The register's reference data, read once per import."""

    sides: dict[str, int]
    markings: dict[str, int]
    meetings: dict[int, int]
    agenda: dict[tuple[int, int], int]
    decisions: dict[tuple[int, int], int]

    @classmethod
    def load(cls, session: Session) -> Lookups:
        sides: dict[str, int] = {}
        for s in session.execute(select(Side)).scalars():
            for name in (s.code, s.name_short_zh, s.name_short_ru, s.name_short_en, s.name_full_zh,
                         s.name_full_ru, s.name_full_en):  # fmt: skip
                if name:
                    sides[_norm(name)] = s.id
        markings: dict[str, int] = {}
        for m in session.execute(select(ConfidentialityMarking)).scalars():
            for name in (m.name_zh, m.name_ru, m.name_en):
                if name:
                    markings.setdefault(_norm(name), m.id)
        meetings = dict(session.execute(select(Meeting.ordinal, Meeting.id)).all())
        agenda = {
            (m, p + 1): i
            for i, m, p in session.execute(select(AgendaItem.id, AgendaItem.meeting_id, AgendaItem.position))
        }
        decisions = {
            (m, n): i
            for i, m, n in session.execute(select(Decision.id, Decision.meeting_id, Decision.number))
        }
        return cls(sides, markings, meetings, agenda, decisions)


_IMPORTED = EXCHANGE.imported()
#: What an empty cell gives each field an import fills.
_EMPTY = {
    f.name: "" if f.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.UUID) else None for f in _IMPORTED
}


class RowParser:
    """Reads the cells of one row into ExchangeData values; the parser of each field is chosen
    once per import (by its kind, with the reference data read once), not once per cell."""

    def __init__(self, look: Lookups) -> None:
        self.look = look
        parsers: list[tuple[str, Callable[[object], object]]] = []
        for f in _IMPORTED:
            if f.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
                parsers.append((f.name, _text))
            elif f.kind is FieldKind.DATE:
                parsers.append((f.name, _parse_date))
            elif f.kind is FieldKind.INT:
                message = _INT_MESSAGES.get(f.name, N_("“{value}” is not a whole number."))
                parsers.append((f.name, lambda v, message=message: _parse_int(v, message)))
            elif f.kind is FieldKind.CHOICE and f.choices is not None:
                message = _CHOICE_MESSAGES.get(f.name, N_("“{value}” is not one of the choices."))
                parsers.append((f.name, lambda v, f=f, message=message: _parse_enum(f.choices, v, message)))
        parsers += [("published", _parse_published), ("from_side_id", self.side), ("to_side_id", self.side),
                    ("marking_id", self.marking), ("meeting_id", self.meeting)]  # fmt: skip
        self.parsers = tuple(parsers)
        self.links = (
            ("agenda_item_id", look.agenda, N_("Session {session} has no agenda item {value}.")),
            ("decision_id", look.decisions, N_("Session {session} has no decision number {value}.")),
        )
        self.ordinal = {i: o for o, i in reversed(look.meetings.items())}  # the first, as a search

    def side(self, v):
        text = _norm(_text(v))
        if not text:
            return None
        if text not in self.look.sides:
            raise _CellError(N_("“{value}” is not one of the two sides."), value=_text(v))
        return self.look.sides[text]

    def marking(self, v):
        text = _norm(_text(v))
        if not text:
            return None
        if text not in self.look.markings:
            raise _CellError(N_("“{value}” is not in the list of markings."), value=_text(v))
        return self.look.markings[text]

    def meeting(self, v):
        n = _parse_int(v, N_("“{value}” is not a session number."))
        if n is None:
            return None
        if n not in self.look.meetings:
            raise _CellError(N_("There is no session number {value}."), value=n)
        return self.look.meetings[n]

    def __call__(self, cells: dict[str, object]) -> tuple[dict, list[tuple[str, _CellError]]]:
        """The ExchangeData values of one row, and the errors of its cells (field, error)."""
        # an empty cell is the field's empty value; only the others are parsed
        values: dict = {f: _EMPTY[f] for f, v in cells.items() if v is None or v == ""}
        if values:
            cells = {f: v for f, v in cells.items() if f not in values}
        errors: list[tuple[str, _CellError]] = []
        for field, parse in self.parsers:
            if field in cells:
                try:
                    values[field] = parse(cells[field])
                except _CellError as exc:
                    errors.append((field, exc))
        for field, table, message in self.links:
            if field not in cells:
                continue
            try:
                n = _parse_int(cells[field], N_("“{value}” is not a whole number."))
                if n is None:
                    values[field] = None
                elif values.get("meeting_id") is None:
                    raise _CellError(N_("Give the session number too."))
                else:
                    key = (values["meeting_id"], n)
                    if key not in table:
                        raise _CellError(message, session=self.ordinal[values["meeting_id"]], value=n)
                    values[field] = table[key]
            except _CellError as exc:
                errors.append((field, exc))
        if "uuid" in cells:
            try:
                values["uuid"] = _record_id(cells["uuid"])
            except _CellError as exc:
                errors.append(("uuid", exc))
        if "kind" in values and values["kind"] is None:
            del values["kind"]
        return values, errors


def _record_id(v):
    text = _text(v)
    if not text:
        return ""
    try:
        return str(uuid_module.UUID(text))
    except ValueError:
        raise _CellError(N_("“{value}” is not a record ID."), value=text) from None
