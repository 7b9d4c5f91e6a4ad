"""The Conflicts view's services: the fields both sides changed, and their resolution field by
field (keep ours, take theirs, or an edited value). A resolution is an ordinary change of the
record: it goes back to the other side in the next bundle."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import ALL, changes
from app.core.errors import ValidationError
from app.core.models import SyncConflict
from app.core.sync import merge, shared
from app.i18n import N_, _
from app.i18n.wording import session_name

#: How a register is named in the Conflicts view (msgids); others show their table name.
REGISTER_NAMES = {
    "commission": N_("Commission"),
    "sides": N_("Side"),
    "liaison_agencies": N_("Liaison agency"),
    "people": N_("Person"),
    "meetings": N_("Session"),
    "delegation_members": N_("Delegation member"),
    "agenda_items": N_("Agenda item"),
    "decisions": N_("Decision"),
    "decision_notes": N_("Follow-up note"),
    "liaison_letters": N_("Letter"),
    "letter_links": N_("What a letter concerns"),
    "schedule_events": N_("Schedule event"),
    "meeting_deadlines": N_("Memorandum deadline"),
    "confidentiality_markings": N_("Confidentiality marking"),
    "exchanges": N_("Exchange"),
    "expert_quotas": N_("Expert quota"),
    "assignments": N_("Assignment"),
    "assignment_steps": N_("Procedure step"),
    "assignment_overrides": N_("Warning override"),
    "minutes": N_("Minutes"),
    "minutes_segments": N_("Minutes segment"),
    "minutes_signatures": N_("Digital signature"),
    "glossary_terms": N_("Glossary term"),
    "attachments": N_("Attachment"),
}

#: How a column is named in the Conflicts view when its register declares no label for it (msgids).
COLUMN_NAMES = {
    "note": N_("Note"),
    "notes": N_("Notes"),
    "status": N_("Status"),
    "text_zh": N_("Text in Chinese"),
    "text_ru": N_("Text in Russian"),
    "title_zh": N_("Title in Chinese"),
    "title_ru": N_("Title in Russian"),
    "name_zh": N_("Name in Chinese"),
    "name_ru": N_("Name in Russian"),
    "zh": N_("Chinese"),
    "ru": N_("Russian"),
    "position": N_("Order"),
    "kind": N_("Kind"),
    "part": N_("Part"),
    "deadline": N_("Deadline"),
}

#: Columns that name a record, in the order they are tried.
_NAMING = ("text_zh", "title_zh", "subject_zh", "name_zh", "zh", "filename", "code", "number", "ordinal")


@dataclass(frozen=True)
class ConflictData:
    id: int
    register: str
    record: str  # what the record is, in a few words
    field: str
    ours: Any
    theirs: Any
    current: Any
    #: what the records a reference field points to are, by UUID (a reference travels as a UUID)
    names: dict[str, str] = field(default_factory=dict)
    #: the field points to other records: it is resolved by choosing a side, not by typing
    is_reference: bool = False

    def show(self, value: Any) -> str:
        """A value of this field as the view shows it: a referenced record by what it is."""
        if self.names and isinstance(value, str):
            return self.names.get(value, value)
        if self.names and isinstance(value, list):
            return "; ".join(self.names.get(v, v) for v in value) or "—"
        return shown(value)

    @property
    def field_label(self) -> str:
        from app.core.services.correspondence.fields import LETTER
        from app.core.services.decisions.fields import DECISION, NOTE
        from app.core.services.exchanges.fields import EXCHANGE
        from app.core.services.experts.fields import ASSIGNMENT

        registers = (EXCHANGE, ASSIGNMENT, DECISION, NOTE, LETTER)
        declared = {r.name: r for r in registers}.get(self.register)
        if declared is not None and self.field in declared:
            return declared.label(self.field)
        msgid = COLUMN_NAMES.get(self.field)
        return _(msgid) if msgid else self.field

    @property
    def register_label(self) -> str:
        msgid = REGISTER_NAMES.get(self.register)
        return _(msgid) if msgid else self.register


def shown(value: Any) -> str:
    """A value as the view shows it."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _describe(row: Any) -> str:
    if row is None:
        return _("(deleted)")
    if getattr(row, "__tablename__", "") == "meetings":
        return session_name(row.ordinal)
    for name in _NAMING:
        value = getattr(row, name, None)
        if value not in (None, ""):
            text = str(value).replace("\n", " ")
            ru = getattr(row, name[:-3] + "_ru", None) if name.endswith("_zh") else None
            if ru:
                text = f"{text} / {ru}"
            return text if len(text) <= 80 else text[:79] + "…"
    return row.uuid


def open_conflicts(session: Session) -> list[ConflictData]:
    out = []
    ids = shared.Ids(session)
    rows = session.execute(select(SyncConflict).where(SyncConflict.resolution == "").order_by(SyncConflict.id))
    for c in rows.scalars():
        spec = shared.spec(c.register)
        row = None
        current = None
        ours, theirs = json.loads(c.ours), json.loads(c.theirs)
        names: dict[str, str] = {}
        target = None
        if spec is not None:
            row = session.execute(select(spec.model).where(spec.model.uuid == c.record_uuid)).scalar_one_or_none()
            if row is not None:
                current = shared.values(session, spec, row, ids).get(c.field)
            target = _target(spec, c.field)
            if target is not None:
                names = _names(session, target, (ours, theirs, current))
        out.append(ConflictData(c.id, c.register, _describe(row), c.field, ours, theirs, current, names,
                                target is not None))  # fmt: skip
    return out


def _target(spec: shared.Spec, name: str) -> shared.Spec | None:
    """The shared table a field points to, if it is a reference or a list of links."""
    column = spec.table.c.get(name)
    table = spec.ref(column) if column is not None else None
    if table is None:
        table = next((other for link, _own, _other, other in spec.shared.links if link == name), None)
    return shared.spec(table) if table else None


def _names(session: Session, target: shared.Spec, values: tuple) -> dict[str, str]:
    uuids = {u for v in values for u in (v if isinstance(v, list) else [v]) if isinstance(u, str)}
    rows = session.execute(select(target.model).where(target.model.uuid.in_(uuids))).scalars() if uuids else []
    found = {r.uuid: _describe(r) for r in rows}
    return {u: found.get(u, _("(deleted)")) for u in uuids}


def count(session: Session) -> int:
    return len(session.execute(select(SyncConflict.id).where(SyncConflict.resolution == "")).all())


def parse(conflict: ConflictData, text: str) -> Any:
    """An edited value typed as text, as the field's kind (a number for a number)."""
    sample = conflict.ours if conflict.ours is not None else conflict.theirs
    if isinstance(sample, bool):
        return text.strip().lower() in ("1", "true", "yes", _("yes"))
    if isinstance(sample, int):
        try:
            return int(text.strip())
        except ValueError:
            raise ValidationError(N_("{label}: a number is expected."), label=conflict.field) from None
    return text


@changes(*ALL)
def resolve(session: Session, conflict_id: int, choice: str, value: Any = None) -> None:
    """Keep ours (``"ours"``), take theirs (``"theirs"``) or an edited value (``"edited"``)."""
    merge.resolve(session, conflict_id, choice, value)
