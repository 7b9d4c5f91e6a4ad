"""Reading an import's cells: each field's text, date, number or choice, the sides, markings and
sessions named in any of the three languages, one error per bad cell (:class:`RowParser`)."""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuid_module
from collections.abc import Callable, Mapping, Sequence
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


#: A cell that could not be read (its error is the row's), in a column of values.
_BAD = object()


def _then(parse: Callable[[object], object], tidy: Callable[[object], object] | None):
    """``parse``, then ``tidy`` on what it gives (one function, chosen once per import)."""
    if tidy is None:
        return parse
    if parse is _text:  # (a text cell's own strip, one call less for the columns of text)
        return lambda v: tidy(v.strip() if type(v) is str else _text(v))
    return lambda v: tidy(parse(v))


class RowParser:
    """Reads the cells of an import's rows into ExchangeData values, a batch of rows at a time and
    column by column: the parser of each mapped field is chosen once per import (by its kind, with
    the reference data read once, followed by ``tidy[field]``: the service's tidying of the value),
    a column left empty in every row of the batch costs one count, and each cell that is not empty
    is read once."""

    def __init__(
        self,
        look: Lookups,
        mapping: Mapping[str, int],
        tidy: Mapping[str, Callable[[object], object]] | None = None,
    ) -> None:
        self.look = look
        tidy = tidy or {}
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
        # (column, field, parse then tidy, the value of an empty cell), in the order a row's errors
        # are listed: the fields, then the agenda item and the decision (they need the session),
        # then the record ID
        self.steps = tuple(
            (mapping[name], name, _then(parse, tidy.get(name)), _tidied(_EMPTY[name], tidy.get(name)))
            for name, parse in parsers
            if name in mapping
        )
        links = (
            ("agenda_item_id", look.agenda, N_("Session {session} has no agenda item {value}.")),
            ("decision_id", look.decisions, N_("Session {session} has no decision number {value}.")),
        )
        self.links = tuple((mapping[name], name, table, message) for name, table, message in links if name in mapping)
        self.uuid = mapping.get("uuid")
        self.width = 1 + max(mapping.values(), default=-1)
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

    def __call__(self, rows: Sequence[Sequence[object]]) -> list[tuple[dict, list[tuple[str, _CellError]]]]:
        """The values of each row (the mapped fields: an empty cell is the field's empty value; a
        cell the row lacks is left out) and the errors of its cells (field, error), in order."""
        return self.read(rows)[0]

    def read(self, rows: Sequence[Sequence[object]]) -> tuple[list[tuple[dict, list]], dict[str, list] | None]:
        """What calling the parser gives, and the values as columns ({field: its values down the
        rows}, a cell that could not be read as _BAD), or None when a row lacks a mapped cell."""
        if not rows:
            return [], {}
        if all(len(cells) >= self.width for cells in rows):
            return self._read(rows, self.steps, self.links, self.uuid)
        out = []
        for cells in rows:  # a row shorter than the mapping (a table not read as a stream)
            n = len(cells)
            steps = tuple(s for s in self.steps if s[0] < n)
            links = tuple(s for s in self.links if s[0] < n)
            out += self._read([cells], steps, links, self.uuid if self.uuid is not None and self.uuid < n else None)[0]
        return out, None

    def _read(self, rows, steps, links, uuid) -> tuple[list[tuple[dict, list]], dict[str, list]]:
        count = len(rows)
        columns = list(zip(*rows, strict=False))
        errors: list[list[tuple[str, _CellError]]] = [[] for _r in range(count)]
        names: list[str] = []
        read: list[list[object]] = []
        for i, name, parse, empty in steps:
            names.append(name)
            read.append(_column(columns[i], name, parse, empty, errors))
        values = [dict(zip(names, row, strict=True)) for row in zip(*read, strict=True)] if read else [
            {} for _r in range(count)
        ]
        by_field = dict(zip(names, read, strict=True))
        for i, name, table, message in links:
            column = columns[i]
            if column.count(None) + column.count("") == count:
                for v in values:
                    v[name] = None
                by_field[name] = [None] * count
                continue
            for r, cell in enumerate(column):
                v = values[r]
                if cell is None or cell == "":
                    v[name] = None
                    continue
                try:
                    n = _parse_int(cell, N_("“{value}” is not a whole number."))
                    meeting = v.get("meeting_id")
                    if n is None:
                        v[name] = None
                    elif meeting is None or meeting is _BAD:
                        raise _CellError(N_("Give the session number too."))
                    else:
                        if (meeting, n) not in table:
                            raise _CellError(message, session=self.ordinal[meeting], value=n)
                        v[name] = table[(meeting, n)]
                except _CellError as exc:
                    errors[r].append((name, exc))
            by_field[name] = [v.get(name, _BAD) for v in values]
        if uuid is not None:
            for v, record_id in zip(values, _column(columns[uuid], "uuid", _record_id, "", errors), strict=True):
                v["uuid"] = record_id
        return list(zip(values, errors, strict=True)), by_field


def _tidied(value: object, tidy: Callable[[object], object] | None) -> object:
    return value if tidy is None else tidy(value)


#: The types of cells whose values are read once per batch when they repeat (one type in a
#: column: no two values of different types taken for each other, as 1, 1.0 and True).
_ONCE_TYPES = frozenset({str, int, dt.date, dt.datetime})


def _column(cells: Sequence[object], name: str, parse, empty: object, errors: list[list]) -> list[object]:
    """One field's values down a batch of rows: each cell read (an empty one is ``empty``); a cell
    that cannot be read is _BAD, its error added to its row's."""
    count = len(cells)
    if cells.count(None) + cells.count("") == count:
        return [empty] * count
    try:
        types = set(map(type, cells))
        types.discard(type(None))
        if len(types) == 1 and types <= _ONCE_TYPES:
            distinct = set(cells)
            if len(distinct) * 4 <= count:  # a few values many times (kinds, sides, dates): each read once
                once = {v: parse(v) for v in distinct if v is not None and v != ""}
                once[None] = once[""] = empty
                return list(map(once.__getitem__, cells))
        return [empty if v is None or v == "" else parse(v) for v in cells]
    except _CellError:
        pass
    out: list[object] = []
    for r, v in enumerate(cells):
        if v is None or v == "":
            out.append(empty)
            continue
        try:
            out.append(parse(v))
        except _CellError as exc:
            out.append(_BAD)
            errors[r].append((name, exc))
    return out


def _record_id(v):
    text = _text(v)
    if not text:
        return ""
    try:
        return str(uuid_module.UUID(text))
    except ValueError:
        raise _CellError(N_("“{value}” is not a record ID."), value=text) from None
