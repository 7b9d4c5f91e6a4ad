"""Who still points at a record? Used to refuse deleting what is referenced.

The answer comes from the metadata's foreign keys, so a register added later is counted without
touching this module; it only adds a label for its table to :data:`TABLE_LABELS`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.models import Base
from app.i18n import N_, _, pgettext

#: How a referencing table is named in a message ("still named in delegations, agenda items").
TABLE_LABELS: dict[str, str] = {
    "people": N_("people"),
    "delegation_members": N_("delegations"),
    "agenda_items": N_("agenda items"),
    "decisions": N_("decisions"),
    "meetings": N_("sessions"),
    "liaison_agencies": N_("liaison agencies"),
    "minutes": N_("minutes"),
    "minutes_segments": N_("minutes segments"),
}


def referencing(session: Session, table_name: str, record_id: int) -> dict[str, int]:
    """{referencing table: number of rows} for every foreign key that points at the record."""
    target = Base.metadata.tables[table_name]
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target:
                continue
            n = session.execute(
                select(func.count()).select_from(table).where(fk.parent == record_id)
            ).scalar_one()
            if n:
                counts[table.name] = counts.get(table.name, 0) + n
    return counts


def describe(counts: dict[str, int]) -> str:
    """ "delegations (2), agenda items (1)" in the interface language."""
    # TRANSLATORS: separates the items of an inline list ("delegations (2), agenda items (1)").
    sep = pgettext("list separator", ", ")
    return sep.join(f"{_(TABLE_LABELS.get(t, t))} ({n})" for t, n in sorted(counts.items()))
