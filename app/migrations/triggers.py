"""Database triggers that keep signed minutes and the print register as they were written.

The services and the flush listener (:mod:`app.core.models.minutes_lock`) already refuse to change
signed minutes; these triggers refuse it to anyone who writes the database directly (``sqlite3``,
a script): an ``UPDATE`` or ``DELETE`` of

- the signing and content fields of signed minutes (the marking stays writable), or the minutes;
- the texts, order, part, kind or decision of a segment of signed minutes, or the segment;
- the number, texts or session of a decision that signed minutes hold, or the decision (its
  agencies, deadline and status, the register's follow-up, stay writable);
- any row of the print register (``minutes_prints``).

Inserts stay possible, so that a copy or a bundle can bring signed minutes into another database.

Migrations create them with :func:`create`; a migration that rebuilds one of :data:`TABLES`
(``batch_alter_table`` on SQLite copies the table, which drops its triggers) must call
``create(op.get_bind(), table)`` again at its end. A definition here never changes: a new rule is a
new trigger name, created by a new migration (older migrations keep working with these names).
"""

from __future__ import annotations

from dataclasses import dataclass

MESSAGE = "signed minutes and their print register cannot be changed"

#: The content fields of signed minutes (everything but the marking and the timestamps).
MINUTES_FIELDS = (
    "meeting_id", "uuid", "status", "signed_on", "place_zh", "place_ru", "signatory1_id", "signatory2_id",
    "signed_at", "signed_by", "fingerprint", "signed_content", "locked",
)  # fmt: skip
SEGMENT_FIELDS = ("minutes_id", "position", "part", "kind", "text_zh", "text_ru", "decision_id")
DECISION_FIELDS = ("meeting_id", "number", "text_zh", "text_ru")


@dataclass(frozen=True)
class Guard:
    name: str
    table: str
    event: str  # "UPDATE" or "DELETE"
    #: the condition, with {true} for a true boolean and {changed:a,b} expanded per dialect
    when: str
    fields: tuple[str, ...] = ()


_LOCKED_OLD = "EXISTS (SELECT 1 FROM minutes WHERE minutes.id = OLD.minutes_id AND minutes.locked = {true})"
_LOCKED_NEW = "EXISTS (SELECT 1 FROM minutes WHERE minutes.id = NEW.minutes_id AND minutes.locked = {true})"
_HELD = (
    "EXISTS (SELECT 1 FROM minutes_segments JOIN minutes ON minutes.id = minutes_segments.minutes_id "
    "WHERE minutes_segments.decision_id = OLD.id AND minutes.locked = {true})"
)

GUARDS = (
    Guard("signed_minutes_no_update", "minutes", "UPDATE", "OLD.locked = {true} AND ({changed})", MINUTES_FIELDS),
    Guard("signed_minutes_no_delete", "minutes", "DELETE", "OLD.locked = {true}"),
    Guard("signed_segments_no_update", "minutes_segments", "UPDATE",
          f"({_LOCKED_OLD} OR {_LOCKED_NEW}) AND ({{changed}})", SEGMENT_FIELDS),
    Guard("signed_segments_no_delete", "minutes_segments", "DELETE", _LOCKED_OLD),
    Guard("signed_decisions_no_update", "decisions", "UPDATE", f"{_HELD} AND ({{changed}})", DECISION_FIELDS),
    Guard("signed_decisions_no_delete", "decisions", "DELETE", _HELD),
    Guard("minutes_prints_no_update", "minutes_prints", "UPDATE", "1 = 1"),
    Guard("minutes_prints_no_delete", "minutes_prints", "DELETE", "1 = 1"),
)  # fmt: skip

TABLES = tuple(dict.fromkeys(g.table for g in GUARDS))
NAMES = tuple(g.name for g in GUARDS)


def _condition(guard: Guard, dialect: str) -> str:
    if dialect == "sqlite":
        changed = " OR ".join(f"NEW.{f} IS NOT OLD.{f}" for f in guard.fields)
        true = "1"
    else:
        changed = " OR ".join(f"NEW.{f} IS DISTINCT FROM OLD.{f}" for f in guard.fields)
        true = "TRUE"
    return guard.when.format(true=true, changed=changed)


def statements(dialect: str, table: str | None = None) -> list[str]:
    """The SQL that creates the guards (of ``table``, or all) on ``dialect``."""
    out = []
    for g in GUARDS:
        if table is not None and g.table != table:
            continue
        cond = _condition(g, dialect)
        if dialect == "sqlite":
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS {g.name} BEFORE {g.event} ON {g.table} FOR EACH ROW "
                f"WHEN {cond} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
        elif dialect == "postgresql":
            row = "OLD" if g.event == "DELETE" else "NEW"
            out.append(
                f"CREATE OR REPLACE FUNCTION {g.name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                f"BEGIN\n"
                f"  IF {cond} THEN\n"
                f"    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';\n"
                f"  END IF;\n"
                f"  RETURN {row};\n"
                f"END\n$$"
            )
            out.append(f"DROP TRIGGER IF EXISTS {g.name} ON {g.table}")
            out.append(
                f"CREATE TRIGGER {g.name} BEFORE {g.event} ON {g.table} FOR EACH ROW EXECUTE FUNCTION {g.name}_fn()"
            )
        else:
            raise NotImplementedError(f"no triggers for the {dialect} dialect")
    return out


def drop_statements(dialect: str, table: str | None = None) -> list[str]:
    out = []
    for g in GUARDS:
        if table is not None and g.table != table:
            continue
        if dialect == "sqlite":
            out.append(f"DROP TRIGGER IF EXISTS {g.name}")
        else:
            out.append(f"DROP TRIGGER IF EXISTS {g.name} ON {g.table}")
            out.append(f"DROP FUNCTION IF EXISTS {g.name}_fn()")
    return out


def create(bind, table: str | None = None) -> None:
    """Create the guards (of ``table``, or all) on the connection ``bind``."""
    for sql in statements(bind.dialect.name, table):
        bind.exec_driver_sql(sql)


def drop(bind, table: str | None = None) -> None:
    for sql in drop_statements(bind.dialect.name, table):
        bind.exec_driver_sql(sql)
