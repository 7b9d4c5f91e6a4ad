"""What every command shares: --db and --lang, opening the database, one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from app import i18n, paths
from app.i18n import _

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2

#: The environment variable that may hold an encrypted database's passphrase.
PASSPHRASE_ENV = "COMMISSION_DESK_PASSPHRASE"


class CommandError(Exception):
    """A command's failure, to print as one line; ``status`` is the exit status."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def options_parser(top_level: bool = False, lang: bool = True) -> argparse.ArgumentParser:
    """--db and --lang, for the main parser and again for every command. Documents have their own
    --lang (the document's language, zh or ru): they take ``lang=False`` here."""
    p = argparse.ArgumentParser(add_help=False)
    default = None if top_level else argparse.SUPPRESS
    p.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help=_(
            "the database file, or a server database postgresql://user@host:port/dbname (default: {path})"
        ).format(path=paths.default_db_path()),
    )
    p.add_argument(
        "--db-passphrase-file",
        metavar="FILE",
        default=default,
        help=_(
            "a file holding the passphrase of an encrypted database (else the environment variable {var})"
        ).format(var=PASSPHRASE_ENV),
    )
    if not lang:
        return p
    p.add_argument(
        "--lang",
        choices=list(i18n.LANGUAGES),
        default=default,
        help=_("the language of the interface and of messages (default: the system's, else English)"),
    )
    return p


def early_language(argv: list[str]) -> None:
    """Set the message language before --help is printed: --lang if given, else the system's."""
    lang = None
    if "pdf" in argv:  # after "pdf", --lang is the document's language, not the interface's
        argv = argv[: argv.index("pdf")]
    if "export" in argv and "statement" in argv[argv.index("export"):]:  # so after "export statement"
        argv = argv[: argv.index("export")]
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
    i18n.set_language(i18n.normalize_language(lang) or i18n.system_language())


def add_command(
    sub, name: str, help: str, func: Callable, description: str | None = None
) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=description or help, parents=[options_parser()])
    p.set_defaults(func=func)
    return p


def db_path(args) -> Path | str:
    """The file named by --db (or the default file), or a server URL as given (a URL is a URL,
    never a file path)."""
    from app.core.db.server import is_url

    value = getattr(args, "db", None)
    if value and is_url(value):
        return value.strip()
    return Path(value).expanduser() if value else paths.default_db_path()


def file_path(args, command: str) -> Path:
    """The database file of a command that works on files only; one line for a server URL."""
    path = db_path(args)
    if isinstance(path, str):
        raise CommandError(
            _(
                "“{command}” works on database files; for a server database use its own tools "
                "(pg_dump, pg_restore) or “commission-desk copy”."
            ).format(command=command)
        )
    return path


def db_passphrase(args) -> str | None:
    """The passphrase from --db-passphrase-file (its first line), else $COMMISSION_DESK_PASSPHRASE."""
    file = getattr(args, "db_passphrase_file", None)
    if file:
        try:
            with open(Path(file).expanduser(), encoding="utf-8") as fh:
                text = fh.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise CommandError(
                _("Cannot read the passphrase file “{path}”: {reason}").format(path=file, reason=reason)
            ) from None
        if not text:
            raise CommandError(_("The passphrase file “{path}” is empty.").format(path=file))
        return text
    return os.environ.get(PASSPHRASE_ENV) or None


def open_db(args, *, create: bool = False, passphrase: str | None = None):
    """Open the database named by --db (or the default); CommandError if it cannot be opened.
    ``passphrase`` (None: --db-passphrase-file or the environment; '': none) opens or creates an
    encrypted one."""
    from app.core.db import Database
    from app.core.errors import CoreError

    path = db_path(args)
    try:
        key = db_passphrase(args) if passphrase is None else (passphrase or None)
        return Database.open(path, create=create, passphrase=key)
    except CoreError as exc:
        raise CommandError(exc.message) from exc


def export_register(args, export_file: Callable) -> tuple[int, Path]:
    """Write a register to -o FILE (.xlsx or .csv) with ``export_file(session, path)``: how many
    records, and the path written; CommandError for another ending or a refusal."""
    from app.core.errors import CoreError

    target = Path(args.output).expanduser()
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise CommandError(_("Export to a file ending in .xlsx or .csv."))
    db = open_db(args)
    try:
        with db.unit() as s:
            return export_file(s, target), target
    except CoreError as exc:
        raise CommandError(exc.message) from exc
    finally:
        db.close()


def _is_dbapi_error(exc: BaseException) -> bool:
    """SQLAlchemy's DBAPIError, without importing SQLAlchemy (the window shows before it loads)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(exc, sa_exc.DBAPIError)


def guarded(func: Callable, args) -> int:
    """Run a command: its errors become one line on stderr and an exit status, never a traceback."""
    from app.core.errors import CoreError, ReadOnlyDatabaseError

    try:
        status = func(args)
        return EXIT_OK if status is None else int(status)
    except CommandError as exc:
        _print_error(str(exc))
        return exc.status
    except ReadOnlyDatabaseError as exc:
        _print_error(exc.message)
        return EXIT_FAILED
    except CoreError as exc:
        _print_error(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        _print_error(_("{path}: {reason}").format(path=exc.filename or "", reason=exc.strerror or exc))
        return EXIT_ERROR
    except Exception as exc:
        if _is_dbapi_error(exc):
            reason = str(exc.orig) if exc.orig is not None else str(exc)  # type: ignore[attr-defined]
            if getattr(exc.orig, "sqlstate", None) == "42501":  # type: ignore[attr-defined]  # a reader role
                _print_error(_("Your database user may only read this database: nothing was changed."))
                return EXIT_FAILED
            if "database is locked" in reason or "database is busy" in reason:
                _print_error(_("The database is busy: another program is writing to it. Try again in a moment."))
            else:
                _print_error(_("The database cannot be read: {reason}").format(reason=reason))
            return EXIT_ERROR
        # a bug: one line for the user, the traceback in a log file
        log = _write_crash_log()
        _print_error(
            _("Unexpected error: {error}. Details were written to {log}.").format(error=exc, log=log)
        )
        return EXIT_FAILED


def _print_error(message: str) -> None:
    print(f"commission-desk: {message}", file=sys.stderr)


def _write_crash_log() -> str:
    try:
        d = paths.user_cache_dir()
        d.mkdir(parents=True, exist_ok=True)
        log = d / "last-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        return str(log)
    except OSError:
        traceback.print_exc()
        return "stderr"
