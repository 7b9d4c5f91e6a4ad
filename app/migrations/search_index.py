"""The full-text index of "search everything" (SQLite FTS5 with the trigram tokenizer, which finds
Chinese without word segmentation), kept up to date by triggers on the indexed tables.

One row per record, its ``rowid`` = record id × 16 + the code of its kind, so that a trigger
replaces a record's row by its rowid (no scan). Columns: ``zh`` and ``ru``, the record's texts in
each language (references and Latin names go with ``ru``).

Created by the migration that introduced it, only on SQLite; other engines search with LIKE
(:mod:`app.core.services.search`). As for the guards (:mod:`app.migrations.triggers`), a migration
that rebuilds one of :data:`SOURCES`' tables with ``batch_alter_table`` on SQLite must call
``create_triggers(op.get_bind(), "<table>")`` at its end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

TABLE = "search_index"


@dataclass(frozen=True)
class Source:
    kind: str
    code: int
    table: str
    #: SQL expressions over the row (``{r}.`` prefixes the columns)
    zh: str
    ru: str
    #: the record to open (the decision of a note)
    opens: str = "id"


SOURCES = (
    Source("decision", 1, "decisions", "{r}.text_zh || ' ' || {r}.agency1_zh || ' ' || {r}.agency2_zh",
           "{r}.text_ru || ' ' || {r}.agency1_ru || ' ' || {r}.agency2_ru"),
    Source("note", 2, "decision_notes", "{r}.text_zh", "{r}.text_ru"),
    Source("letter", 3, "liaison_letters", "{r}.subject_zh || ' ' || {r}.summary_zh || ' ' || {r}.our_ref",
           "{r}.subject_ru || ' ' || {r}.summary_ru || ' ' || {r}.their_ref"),
    Source("segment", 4, "minutes_segments", "{r}.text_zh", "{r}.text_ru"),
    Source("agenda_item", 5, "agenda_items", "{r}.title_zh", "{r}.title_ru"),
    Source("exchange", 6, "exchanges", "{r}.title_zh", "{r}.title_ru || ' ' || {r}.title_original || ' ' || {r}.reference"),
    Source("person", 7, "people", "{r}.name_zh", "{r}.name_ru || ' ' || {r}.name_latin"),
    Source("expense", 8, "expenses", "{r}.description_zh", "{r}.description_ru"),
)  # fmt: skip

KINDS = {s.code: s for s in SOURCES}


def include_name(name, type_, parent_names) -> bool:
    """For Alembic's comparisons: the index and FTS5's shadow tables are none of the models'."""
    return not (type_ == "table" and name and name.startswith(TABLE))


def _values(s: Source, r: str) -> str:
    return f"{r}.id * 16 + {s.code}, coalesce({s.zh.format(r=r)}, ''), coalesce({s.ru.format(r=r)}, '')"


def trigger_statements(table: str | None = None) -> list[str]:
    out = []
    for s in SOURCES:
        if table is not None and s.table != table:
            continue
        name = f"search_{s.table}"
        out += [
            f"CREATE TRIGGER IF NOT EXISTS {name}_ins AFTER INSERT ON {s.table} BEGIN "
            f"INSERT INTO {TABLE}(rowid, zh, ru) VALUES ({_values(s, 'NEW')}); END",
            f"CREATE TRIGGER IF NOT EXISTS {name}_upd AFTER UPDATE ON {s.table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = OLD.id * 16 + {s.code}; "
            f"INSERT INTO {TABLE}(rowid, zh, ru) VALUES ({_values(s, 'NEW')}); END",
            f"CREATE TRIGGER IF NOT EXISTS {name}_del AFTER DELETE ON {s.table} BEGIN "
            f"DELETE FROM {TABLE} WHERE rowid = OLD.id * 16 + {s.code}; END",
        ]
    return out


def trigger_names() -> list[str]:
    return [f"search_{s.table}_{e}" for s in SOURCES for e in ("ins", "upd", "del")]


def create(bind) -> None:
    """The index, its content and its triggers (SQLite only; elsewhere nothing)."""
    if bind.dialect.name != "sqlite":
        return
    bind.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(zh, ru, tokenize='trigram')")
    rebuild(bind)
    create_triggers(bind)


def create_triggers(bind, table: str | None = None) -> None:
    if bind.dialect.name != "sqlite":
        return
    for sql in trigger_statements(table):
        bind.exec_driver_sql(sql)


def rebuild(bind) -> None:
    """Fill the index again from the indexed tables."""
    bind.exec_driver_sql(f"DELETE FROM {TABLE}")
    for s in SOURCES:
        bind.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, zh, ru) SELECT {_values(s, 'r')} FROM {s.table} AS r"
        )


def drop(bind) -> None:
    if bind.dialect.name != "sqlite":
        return
    for name in trigger_names():
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    bind.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


@contextmanager
def added_in_bulk(bind, table: str) -> Iterator[None]:
    """Many rows added to ``table`` in one transaction (an import): its insert trigger is set
    aside meanwhile, and the new rows (ids above the largest before) are indexed at the end in one
    INSERT … SELECT of the trigger's own values; FTS5 takes ten times longer row by row. Call it
    inside a SAVEPOINT: a failure rolls the dropped trigger back with the rows."""
    name = f"search_{table}_ins"
    present = bind.dialect.name == "sqlite" and bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
    ).first()
    if not present:
        yield
        return
    source = next(s for s in SOURCES if s.table == table)
    before = bind.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar()
    bind.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    bind.exec_driver_sql(
        f"INSERT INTO {TABLE}(rowid, zh, ru) SELECT {_values(source, 'r')} FROM {table} AS r WHERE r.id > ?",
        (before,),
    )
    bind.exec_driver_sql(trigger_statements(table)[0])
