"""Reading the audit trail (``app.core.audit`` writes it): the history of one record, the changes
of a register, and both as a table to export (CSV or XLSX, :mod:`app.core.services.tables`).

One line per changed field: when (UTC), who, the register, the record, the action, the field, the
old and the new value. Field names are shown with the register's labels where it declares them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.fields import FieldKind
from app.core.models import AuditEntry
from app.core.services import tables
from app.i18n import N_, _

#: The registers by table, as the history names them.
REGISTERS = {
    "exchanges": N_("Exchanges"), "expenses": N_("Expenses"), "expense_budgets": N_("Budgets"),
    "exchange_rates": N_("Exchange rates"), "assignments": N_("Experts and delegations"),
    "assignment_steps": N_("Procedure steps"), "assignment_overrides": N_("Overridden warnings"),
    "expert_quotas": N_("Quotas"), "people": N_("People"), "meetings": N_("Sessions"),
    "delegation_members": N_("Delegations"), "agenda_items": N_("Agenda"), "decisions": N_("Decisions"),
    "schedule_events": N_("Programme"), "meeting_deadlines": N_("Deadlines"), "minutes": N_("Minutes"),
    "minutes_segments": N_("Minutes segments"), "glossary_terms": N_("Glossary"),
    "attachments": N_("Attachments"), "commission": N_("Commission"), "sides": N_("Sides"),
    "liaison_agencies": N_("Liaison agencies"), "confidentiality_markings": N_("Confidentiality markings"),
}  # fmt: skip

ACTIONS = {"insert": N_("Creation"), "update": N_("Change"), "delete": N_("Deletion")}

HEADERS = (N_("Time (UTC)"), N_("User"), N_("Register"), N_("Record ID"), N_("Action"), N_("Field"),
           N_("Old value"), N_("New value"))  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One audit entry: who did what to which record, when, and the changed fields."""

    id: int
    at: dt.datetime
    user_name: str
    register: str
    record_uuid: str
    action: str
    #: (field, old, new) for each changed field, in the order of the field names
    fields: tuple[tuple[str, object, object], ...] = ()

    @property
    def register_label(self) -> str:
        return _(REGISTERS[self.register]) if self.register in REGISTERS else self.register

    @property
    def action_label(self) -> str:
        return _(ACTIONS.get(self.action, self.action))


def _change(row: AuditEntry) -> Entry:
    try:
        values = json.loads(row.changes or "{}")
    except ValueError:
        values = {}
    fields = tuple((k, v[0], v[1]) for k, v in sorted(values.items()) if isinstance(v, list) and len(v) == 2)
    return Entry(row.id, row.at, row.user_name, row.register, row.record_uuid, row.action, fields)


def history_of(session: Session, uuid: str) -> list[Entry]:
    """Every change of the record ``uuid``, oldest first."""
    rows = session.execute(
        select(AuditEntry).where(AuditEntry.record_uuid == uuid).order_by(AuditEntry.id)
    ).scalars()
    return [_change(r) for r in rows]


def changes(
    session: Session,
    register: str | None = None,
    since: dt.datetime | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """The changes of a register (every register: None), newest first."""
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc())
    if register is not None:
        stmt = stmt.where(AuditEntry.register == register)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_change(r) for r in session.execute(stmt).scalars()]


def field_label(register: str, name: str) -> str:
    """The label of a field as its register declares it, else the column's name."""
    declared = _declarations().get(register)
    if declared is not None and name in declared:
        return declared[name].label
    return name


def _declarations() -> dict:
    from app.core.services.exchanges.fields import EXCHANGE
    from app.core.services.expenses.fields import EXPENSE
    from app.core.services.experts.fields import ASSIGNMENT

    return {"exchanges": EXCHANGE, "expenses": EXPENSE, "assignments": ASSIGNMENT}


def value_text(value: object, register: str = "", name: str = "") -> str:
    """A stored value as text: a choice by its label where the register declares the field."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    declared = _declarations().get(register)
    field = declared.get(name) if declared is not None else None
    if field is not None and field.kind is FieldKind.CHOICE and field.choices is not None:
        try:
            return field.choices(value).label
        except ValueError:
            pass
    return str(value)


def lines(items: Iterable[Entry], labels: dict[str, str] | None = None) -> Iterator[list[object]]:
    """One row per changed field (one for a creation), as :data:`HEADERS` name the columns."""
    for c in items:
        head = [c.at.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds"), c.user_name,
                c.register_label, c.record_uuid, c.action_label]  # fmt: skip
        if not c.fields:
            yield [*head, "", "", ""]
        for name, old, new in c.fields:
            label = (labels or {}).get(name) or field_label(c.register, name)
            yield [*head, label, value_text(old, c.register, name), value_text(new, c.register, name)]


def export(
    session: Session,
    path: str | os.PathLike[str],
    *,
    uuid: str | None = None,
    register: str | None = None,
    labels: dict[str, str] | None = None,
) -> int:
    """Write the history of a record (``uuid``) or the changes of a register (or of all) to a CSV
    or XLSX file; the number of rows written."""
    items = history_of(session, uuid) if uuid is not None else list(reversed(changes(session, register)))
    headers = [_(h) for h in HEADERS]
    widths = (20, 16, 18, 38, 12, 24, 40, 40)
    return tables.write_table(path, headers, lines(items, labels), _("History"), widths, wrap=(6, 7))
