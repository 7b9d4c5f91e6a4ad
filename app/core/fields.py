"""Fields declared once (Django's model fields, Picard's options registry).

A register names each of its fields here once: its type, its label, whether it is required, its
limits, its export header, whether the register's table shows it, and whether it travels to the
other side in an exchange bundle. The service validates through it, import and export take their
columns from it, the table its columns, and the record dialog its form.

    EXCHANGE = Register("exchanges", (
        Field("title_zh", N_("Title in Chinese"), FieldKind.TEXT, max_length=500),
        Field("quantity", N_("Quantity"), FieldKind.INT, required=True, minimum=1),
        Field("kind", N_("Kind"), FieldKind.CHOICE, choices=ExchangeKind, required=True),
        …
    ))

Labels are msgids (marked with ``N_()``) and translated when shown: ``field.label``.
No Qt here: the core declares, the interface reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any

from app.core.errors import ValidationError
from app.i18n import N_, _


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines (notes, terms)
    INT = "int"
    DECIMAL = "decimal"
    MONEY = "money"  # a Decimal with a currency field beside it
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one member of a LabeledEnum (``choices``)
    REF = "ref"  # the id of another record (``ref`` names the register: "side", "meeting", …)
    UUID = "uuid"


@dataclass(frozen=True)
class Field:
    """One field of a register."""

    name: str
    #: msgid of the label shown next to the field and as the column's title
    msgid: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    #: for CHOICE: the LabeledEnum whose members are the allowed values
    choices: type | None = None
    #: for REF: which register the id points into ("side", "meeting", "agenda_item", …)
    ref: str | None = None
    max_length: int | None = None
    minimum: int | Decimal | None = None
    maximum: int | Decimal | None = None
    #: msgid of a shorter title for narrow table columns (defaults to the label)
    column_msgid: str | None = None
    #: msgid of the import/export header (defaults to the label)
    header_msgid: str | None = None
    #: shown as a column of the register's table
    column: bool = True
    #: written by export and read by import
    exported: bool = True
    #: derived or looked up: shown, never typed in
    read_only: bool = False
    #: travels to the other side in an exchange bundle (a side's internal fields stay home)
    shared: bool = True
    #: msgid of a short help text (tooltip, placeholder)
    help_msgid: str | None = None
    #: an extra rule: value -> None, or a msgid (with ``{label}`` available) saying what is wrong
    check: Callable[[Any], str | None] | None = None
    #: msgid said instead of the generic sentences when the value is not of the field's kind, below
    #: the minimum or not one of the choices ({label}, {value} and {n} available)
    error_msgid: str | None = None
    #: msgid said instead of "{label} is required." when a required field is empty
    required_msgid: str | None = None
    #: the value of a new record (None: "" for text, else None)
    default: Any = None
    #: a column of the record (False: worked out for display only, e.g. a count or "days overdue")
    stored: bool = True
    #: the table's column is hidden until the user shows it
    hidden: bool = False
    #: suggested width of the column in a spreadsheet export, in characters
    width: int | None = None

    @property
    def label(self) -> str:
        return _(self.msgid)

    @property
    def column_label(self) -> str:
        return _(self.column_msgid or self.msgid)

    @property
    def header(self) -> str:
        return _(self.header_msgid or self.msgid)

    @property
    def help(self) -> str:
        return _(self.help_msgid) if self.help_msgid else ""

    @property
    def initial(self) -> Any:
        """The value of a new record."""
        if self.default is not None:
            return self.default
        return "" if self.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.UUID) else None

    def is_empty(self, value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    def validate(self, value: Any) -> None:
        """Raise ValidationError(field=self.name) when ``value`` breaks a declared rule."""
        if self.is_empty(value):
            if self.required:
                raise ValidationError(
                    self.required_msgid or N_("{label} is required."), field=self.name, label=_Lazy(self)
                )
            return
        kind = self.kind
        if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            if not isinstance(value, str):
                raise ValidationError(N_("{label}: a text is expected."), field=self.name, label=_Lazy(self))
            if self.max_length is not None and len(value) > self.max_length:
                raise ValidationError(
                    N_("{label} is too long: at most {n} characters."),
                    field=self.name,
                    label=_Lazy(self),
                    n=self.max_length,
                )
        elif kind in (FieldKind.INT, FieldKind.DECIMAL, FieldKind.MONEY):
            number = _as_number(value, integer=kind is FieldKind.INT)
            below = self.minimum is not None and number is not None and number < self.minimum
            if number is None or (below and self.error_msgid):
                raise ValidationError(
                    self.error_msgid or N_("{label}: a number is expected."),
                    field=self.name,
                    label=_Lazy(self),
                    value=str(value),
                    n=self.minimum,
                )
            if self.minimum is not None and number < self.minimum:
                raise ValidationError(
                    N_("{label} must be at least {n}."), field=self.name, label=_Lazy(self), n=self.minimum
                )
            if self.maximum is not None and number > self.maximum:
                raise ValidationError(
                    N_("{label} must be at most {n}."), field=self.name, label=_Lazy(self), n=self.maximum
                )
        elif kind is FieldKind.DATE:
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise ValidationError(N_("{label}: a date is expected."), field=self.name, label=_Lazy(self))
        elif kind is FieldKind.CHOICE and self.choices is not None:
            if str(value) not in _values_of(self.choices):
                raise ValidationError(
                    self.error_msgid or N_("{label}: “{value}” is not one of the choices."),
                    field=self.name,
                    label=_Lazy(self),
                    value=str(value),
                )
        if self.check is not None:
            msgid = self.check(value)
            if msgid:
                raise ValidationError(msgid, field=self.name, label=_Lazy(self))


#: The kinds whose values Field.validate checks beyond their emptiness.
_KINDS_CHECKED = frozenset({FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.INT, FieldKind.DECIMAL, FieldKind.MONEY,
                            FieldKind.DATE})  # fmt: skip


def _quick_test(f: Field) -> Callable[[Any], bool]:
    """A test of ``f``'s common values, built once: True when a value surely breaks none of the
    field's declared rules (an empty optional value, a text short enough, an int in range, a date,
    one of the choices); False leaves it to :meth:`Field.validate`, which has the last word."""
    empty_ok = not f.required
    kind = f.kind
    if f.check is None and kind not in _KINDS_CHECKED and not (kind is FieldKind.CHOICE and f.choices is not None):
        # Field.validate looks at nothing but emptiness here (a reference, a yes/no, a record ID)
        if empty_ok:
            return lambda v: True
        return lambda v: v is not None and not (isinstance(v, str) and not v.strip())
    if (
        f.check is not None
        or kind not in (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.INT, FieldKind.DATE)
        and not (kind is FieldKind.CHOICE and f.choices is not None)
    ):
        return lambda v: empty_ok and (v is None or v == "")
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        top = f.max_length if f.max_length is not None else float("inf")
        if empty_ok:
            return lambda v: v is None or (type(v) is str and len(v) <= top)
        return lambda v: type(v) is str and len(v) <= top and bool(v.strip())
    if kind is FieldKind.INT:
        lo = f.minimum if f.minimum is not None else float("-inf")
        hi = f.maximum if f.maximum is not None else float("inf")
        return lambda v: (type(v) is int and lo <= v <= hi) or (empty_ok and (v is None or v == ""))
    if kind is FieldKind.DATE:
        return lambda v: type(v) is dt.date or (empty_ok and (v is None or v == ""))
    allowed = _values_of(f.choices)
    return lambda v: (type(v) is str and v in allowed) or (empty_ok and (v is None or v == ""))


def _column_test(f: Field) -> Callable[[Sequence[Any]], bool]:
    """A test of a whole column of ``f``'s values (a batch of an import's rows), built once: True
    when every value surely passes :func:`_quick_test` (so breaks no declared rule), decided from
    the types present, the longest text, the smallest and largest number, the choices used (a few
    passes in C); False leaves it to each value's quick test."""
    quick = _quick_test(f)
    empty_ok = not f.required
    kind = f.kind
    if f.check is None and kind not in _KINDS_CHECKED and not (kind is FieldKind.CHOICE and f.choices is not None):
        if empty_ok:
            return lambda col: True
        return lambda col: set(map(type, col)) <= _INT  # (never empty)
    if f.check is None and kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        top = f.max_length if f.max_length is not None else float("inf")
        if empty_ok:
            return lambda col: not col or (set(map(type, col)) <= _STR and max(map(len, col)) <= top)
        return lambda col: not col or (
            set(map(type, col)) <= _STR and max(map(len, col)) <= top and all(map(str.strip, col))
        )
    if f.check is None and kind is FieldKind.INT:
        lo = f.minimum if f.minimum is not None else float("-inf")
        hi = f.maximum if f.maximum is not None else float("inf")
        empty = _NONE if empty_ok else frozenset()

        def ints(col: Sequence[Any]) -> bool:
            types = set(map(type, col))
            if types <= empty:
                return True
            if types == _INT:
                return lo <= min(col) and max(col) <= hi
            return all(map(quick, col))

        return ints
    if f.check is None and kind is FieldKind.DATE:
        allowed_types = _DATE | _NONE if empty_ok else _DATE
        return lambda col: set(map(type, col)) <= allowed_types or all(map(quick, col))
    if f.check is None and kind is FieldKind.CHOICE and f.choices is not None:
        allowed = _values_of(f.choices) | ({None, ""} if empty_ok else set())
        allowed_types = _STR | _NONE if empty_ok else _STR
        return lambda col: set(map(type, col)) <= allowed_types and set(col) <= allowed
    return lambda col: all(map(quick, col))


_INT, _STR, _DATE, _NONE = frozenset({int}), frozenset({str}), frozenset({dt.date}), frozenset({type(None)})


@cache
def _values_of(choices: type) -> frozenset[str]:
    return frozenset(m.value for m in choices)


class _Lazy:
    """A field's label as a message parameter, translated when the message is shown."""

    def __init__(self, f: Field) -> None:
        self._field = f

    def __str__(self) -> str:
        return self._field.label

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _as_number(value: Any, *, integer: bool) -> Decimal | int | None:
    if isinstance(value, bool):
        return None
    if integer:
        if isinstance(value, int):
            return value
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@dataclass(frozen=True)
class Register:
    """A register's fields, in the order forms, tables and exports show them."""

    name: str
    fields: tuple[Field, ...]
    _by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)
    #: {names checked: ((name, quick test, field), ...)}, built on first use (see :meth:`validate`)
    _checks: dict = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"register {self.name}: a field is declared twice")
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Field | None:
        return self._by_name.get(name)

    def label(self, name: str) -> str:
        """The translated label of a field, or the name itself for an undeclared one."""
        f = self._by_name.get(name)
        return f.label if f else name

    def editable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.read_only)

    def columns(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.column)

    def exported(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.exported)

    def shared(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.shared)

    def stored(self) -> tuple[Field, ...]:
        """The fields that are columns of the record (not worked out for display)."""
        return tuple(f for f in self.fields if f.stored)

    def imported(self) -> tuple[Field, ...]:
        """What an import can fill: the exported fields that are typed in, and the record ID
        (which matches a row with the record it came from)."""
        return tuple(
            f
            for f in self.fields
            if f.exported and f.stored and (not f.read_only or f.kind is FieldKind.UUID)
        )

    def hidden(self) -> frozenset[str]:
        """The columns the table hides until the user shows them."""
        return frozenset(f.name for f in self.fields if f.column and f.hidden)

    def labels(self) -> dict[str, str]:
        """{name: label msgid} of every field."""
        return {f.name: f.msgid for f in self.fields}

    def ordered(self, fields: Iterable[Field], first: Iterable[str]) -> tuple[Field, ...]:
        """``fields`` with those named in ``first`` first, in that order (a table's or a sheet's own
        order), then the others in the order of the declaration: a field declared later still shows."""
        rank = {name: i for i, name in enumerate(first)}
        return tuple(sorted(fields, key=lambda f: rank.get(f.name, len(rank))))

    def with_fields(self, *extra: Field) -> Register:
        """A copy of the register with more fields at the end (tests, a side's own fields)."""
        return Register(self.name, (*self.fields, *extra))

    def validate(self, values: Mapping[str, Any] | Any, names: Iterable[str] | None = None) -> None:
        """Check every declared rule of the editable fields (or of ``names``) on a record.

        ``values`` is a mapping or an object with the fields as attributes (a data class).
        The first broken rule raises ValidationError naming its field.
        """
        get = values.get if isinstance(values, Mapping) else (lambda n: getattr(values, n, None))
        key = None if names is None else tuple(names)
        checks = self._checks.get(key)
        if checks is None:  # built once per list of names: an import checks 100,000 rows
            chosen = self.editable() if key is None else tuple(self._by_name[n] for n in key)
            checks = self._checks[key] = tuple((f.name, _quick_test(f), f) for f in chosen)
        for name, passes, f in checks:
            value = get(name)
            if not passes(value):
                f.validate(value)  # says what is wrong, or finds nothing wrong after all

    def rows_to_validate(self, columns: Mapping[str, Sequence[Any]], names: Iterable[str]) -> set[int]:
        """The positions of the rows (a batch of an import, given as ``{field: its values}``) where a
        value of the fields ``names`` may break a declared rule: on any other row :meth:`validate`
        of these fields would find nothing. Each column is tested whole (:func:`_column_test`), and
        value by value only when that test cannot tell."""
        key = ("columns", tuple(names))
        tests = self._checks.get(key)
        if tests is None:
            tests = self._checks[key] = tuple(
                (n, _column_test(self._by_name[n]), _quick_test(self._by_name[n])) for n in key[1]
            )
        rows: set[int] = set()
        for name, whole, quick in tests:
            col = columns[name]
            if not whole(col):
                rows.update(i for i, v in enumerate(col) if not quick(v))
        return rows


@dataclass(frozen=True)
class Shared:
    """Which records of one table travel to the other side in an exchange bundle, and which of
    their fields (:mod:`app.core.sync`). A register declares one per table it shares; a table no
    register declares stays home (a side's expense details, the print register, the audit trail).

    ``exclude``: columns that stay home (besides the bookkeeping ones: id, timestamps, version,
    search text). ``owned``: {column: language}: the column belongs to the side whose working
    language it is (``text_zh`` to the Chinese side), so that the other side's change never
    conflicts with it. ``late``: columns applied after every other table (``locked`` of the
    minutes, set once their segments are in). ``where``: {column: allowed values}, the rows shared.
    ``owner``: (kind column, id column, {kind: table}) of a record that belongs to a record of
    several registers (attachments). ``links``: (link table, own column, other column, other
    table) of a many-to-many list travelling as a list of UUIDs.
    """

    table: str
    exclude: tuple[str, ...] = ()
    owned: Mapping[str, str] = field(default_factory=dict)
    late: tuple[str, ...] = ()
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    owner: tuple[str, str, Mapping[str, str]] | None = None
    links: tuple[tuple[str, str, str, str], ...] = ()
    #: called as ``fn(session, row, note)`` after a bundle changed or added the record (a register
    #: that keeps a history of its own records it: the segments' revisions)
    after_apply: Callable[[Any, Any, str], None] | None = None

    @classmethod
    def of(cls, table: str, register: Register, **kw: Any) -> Shared:
        """A table whose register's fields say which stay home (``shared=False``)."""
        home = tuple(f.name for f in register if f.stored and not f.shared)
        return cls(table, exclude=(*home, *kw.pop("exclude", ())), **kw)
