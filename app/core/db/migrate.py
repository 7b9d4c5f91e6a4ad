"""Bringing a database to the newest schema: the revisions we know, a backup, the Alembic upgrade.

Alembic itself is imported only when a database needs upgrading (its import costs a third of a
second at every start-up); the revisions are read from the migration files directly.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

from app import paths
from app.core.db.sqlite import make_engine
from app.core.errors import DatabaseOpenError
from app.i18n import N_


def alembic_config():
    """Alembic's configuration for our migrations folder (set ``attributes["connection"]`` to use)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


_REVISION_RE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@lru_cache(maxsize=1)
def known_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision the migrations know, the head revisions).

    Read from the migration files' ``revision``/``down_revision`` lines rather than through
    Alembic, whose import costs a third of a second at every start-up; Alembic itself is loaded
    only when a database needs upgrading. A test checks that both readings agree.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in sorted((paths.migrations_dir() / "versions").glob("*.py")):
        fields = dict(_REVISION_RE.findall(f.read_text(encoding="utf-8")))
        if "revision" not in fields:
            continue
        revisions.add(ast.literal_eval(fields["revision"].strip()))
        down = ast.literal_eval(fields.get("down_revision", "None").strip())
        if isinstance(down, str):
            parents.add(down)
        elif down:
            parents.update(down)
    return frozenset(revisions), frozenset(revisions - parents)


def backup_before_upgrade(path: Path, revisions: set[str], passphrase: str | None = None) -> None:
    """Keep a copy of an older database before its schema is upgraded in place (online backup API;
    an encrypted database's copy is encrypted too)."""
    from app.core.db.backup import copy_database

    tag = "-".join(sorted(revisions)) or "empty"
    target = path.with_name(f"{path.name}.before-upgrade-{tag}.bak")
    if target.exists():
        return
    copy_database(path, target, passphrase)


def migrate(path: Path, passphrase: str | None = None) -> None:
    """Upgrade to head in one transaction, with foreign keys off as SQLite's table rebuilds need."""
    from alembic import command

    engine = make_engine(path, foreign_keys=False, passphrase=passphrase)
    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseOpenError(
                        N_("Upgrading “{path}” would break references between records; nothing was changed."),
                        path=str(path),
                    )
    except DatabaseOpenError:
        raise
    except Exception as exc:  # a failed migration leaves the file as it was (one transaction)
        raise DatabaseOpenError(
            N_("Cannot upgrade “{path}”: {reason}. Nothing was changed."), path=str(path), reason=str(exc)
        ) from exc
    finally:
        engine.dispose()


def migrate_engine(engine, shown: str) -> None:
    """Upgrade a server database to head in one transaction (PostgreSQL's DDL is transactional:
    a failed migration leaves it as it was). Its foreign keys are checked as each row is written."""
    from alembic import command
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
    except DBAPIError as exc:
        from app.core.db.server import open_error

        if exc.connection_invalidated or getattr(exc.orig, "sqlstate", None) in (None, "28P01", "3D000"):
            raise open_error(exc, shown) from None
        raise DatabaseOpenError(
            N_("Cannot upgrade “{path}”: {reason}. Nothing was changed."),
            path=shown,
            reason=" ".join(str(exc.orig).split()),
        ) from exc
