"""A table column for a declared field (:class:`app.core.fields.Field`) that no page has a cell for.

A register's page lists the cells it draws itself (a payer's name, an amount in its currency);
a field declared later gets this column: titled by its label, its value shown by its kind (dates
short, a choice by its label, yes/no, one line of a long text), dates centred and numbers right.
"""

from __future__ import annotations

from typing import Any

from app.core.fields import Field, FieldKind
from app.i18n import _, wording
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column

ALIGN = {
    FieldKind.INT: ALIGN_RIGHT,
    FieldKind.DECIMAL: ALIGN_RIGHT,
    FieldKind.MONEY: ALIGN_RIGHT,
    FieldKind.DATE: ALIGN_CENTER,
}


def shown(f: Field, value: Any) -> str:
    """A value of ``f`` as a table shows it, in the interface language."""
    if value is None or value == "":
        return ""
    if f.kind is FieldKind.DATE:
        return wording.short_date(value)
    if f.kind is FieldKind.BOOL:
        return _("yes") if value else _("no")
    if f.kind is FieldKind.CHOICE and f.choices is not None:
        try:
            return f.choices(getattr(value, "value", value)).label
        except ValueError:
            return str(value)
    if f.kind is FieldKind.LONG_TEXT:
        return str(value).replace("\n", " ")
    return str(value)


def declared_column(f: Field, **overrides) -> Column:
    """The column of ``f``: its short title, its value by kind; ``overrides`` are the page's own."""
    kwargs: dict = dict(value=lambda row: shown(f, getattr(row, f.name, None)), align=ALIGN.get(f.kind, ALIGN_LEFT))
    if f.column_msgid:
        kwargs["header_tooltip"] = f.msgid
    elif f.help_msgid:
        kwargs["header_tooltip"] = f.help_msgid
    kwargs.update(overrides)
    return Column(f.name, f.column_msgid or f.msgid, **kwargs)
