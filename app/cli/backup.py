"""commission-desk backup --db PATH [-o FILE]; commission-desk restore --db PATH FILE;
commission-desk passphrase --db PATH (--encrypt | --decrypt | --change) --new-passphrase-file FILE.

``backup`` writes a consistent copy with SQLite's online backup API (safe while the window has the
database open): to FILE, or without -o into the rotating set in the ``backups`` folder beside the
database. A backup of an encrypted database is encrypted with the same passphrase. ``restore``
backs up the current file first (or keeps a damaged one aside) and puts FILE in its place.
``passphrase`` encrypts a plain database, decrypts an encrypted one or changes its passphrase
(the database must be closed in every window). On a server database ``backup`` runs pg_dump
(or says how to back it up); ``restore`` and ``passphrase`` are for files. Exit status 0 done,
2 cannot run.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import common
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(
        sub,
        "backup",
        _("back up the database (online, safe while it is open)"),
        run_backup,
        description=_(
            "Write a consistent copy of the database with SQLite's online backup API: to FILE, or into the "
            "rotating set of backups in the folder “backups” beside the database (the last 10 and one a "
            "month are kept). A backup of an encrypted database stays encrypted."
        ),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=_("the backup file to write"))
    p = common.add_command(
        sub,
        "restore",
        _("put a backup in place of the database, backing up the current file first"),
        run_restore,
        description=_(
            "Put a backup in place of the database. The current file is backed up first; a damaged one is "
            "kept aside under a new name, never overwritten. Close the database in every window first."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("the backup to restore"))
    p = common.add_command(
        sub,
        "passphrase",
        _("encrypt the database, decrypt it or change its passphrase"),
        run_passphrase,
        description=_(
            "Encrypt a plain database with a passphrase (SQLCipher), decrypt an encrypted one, or change its "
            "passphrase. The current passphrase comes from --db-passphrase-file or {var}, the new one from "
            "--new-passphrase-file. Close the database in every window first."
        ).format(var=common.PASSPHRASE_ENV),
    )
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--encrypt", action="store_true", help=_("encrypt a plain database"))
    group.add_argument("--decrypt", action="store_true", help=_("turn an encrypted database into a plain one"))
    group.add_argument("--change", action="store_true", help=_("change the passphrase"))
    p.add_argument(
        "--new-passphrase-file", metavar="FILE", help=_("a file holding the new passphrase (its first line)")
    )


def run_backup(args) -> int:
    db = common.open_db(args, create=False)
    try:
        if args.output and Path(args.output).expanduser().resolve() == db.path:
            raise common.CommandError(_("The backup cannot be written over the database itself."))
        target = db.backup(args.output)
    finally:
        db.close()
    print(_("Backup written: {path}").format(path=target))
    return common.EXIT_OK


def run_restore(args) -> int:
    from app.core.db import backup
    from app.core.errors import CoreError

    path = common.file_path(args, "restore").resolve()
    source = Path(args.file).expanduser().resolve()
    if source == path:
        raise common.CommandError(_("The backup to restore is the database itself."))
    try:
        result = backup.restore(path, source, common.db_passphrase(args))
    except CoreError as exc:
        raise common.CommandError(exc.message) from None
    if result.safety_backup:
        print(_("The current database was backed up first: {path}").format(path=result.safety_backup))
    if result.kept_aside:
        print(_("The current database could not be read; it was kept as {path}").format(path=result.kept_aside))
    print(_("Restored {backup} to {path}").format(backup=source, path=path))
    return common.EXIT_OK


def _new_passphrase(args) -> str:
    if not args.new_passphrase_file:
        raise common.CommandError(_("Give the new passphrase with --new-passphrase-file FILE."))
    ns = type("Args", (), {"db_passphrase_file": args.new_passphrase_file})()
    return common.db_passphrase(ns)


def run_passphrase(args) -> int:
    from app.core.db import sqlcipher
    from app.core.errors import CoreError

    path = common.file_path(args, "passphrase").resolve()
    current = common.db_passphrase(args)
    db = common.open_db(args, create=False, passphrase=current)  # checks it opens and migrates it
    encrypted = db.encrypted
    db.close()
    try:
        if args.encrypt:
            if encrypted:
                raise common.CommandError(_("“{path}” is already encrypted.").format(path=path))
            sqlcipher.encrypt_file(path, _new_passphrase(args))
            print(_("“{path}” is now encrypted.").format(path=path))
        elif args.decrypt:
            if not encrypted:
                raise common.CommandError(_("“{path}” is not encrypted.").format(path=path))
            sqlcipher.decrypt_file(path, current)
            print(_("“{path}” is no longer encrypted.").format(path=path))
        else:
            if not encrypted:
                raise common.CommandError(_("“{path}” is not encrypted.").format(path=path))
            sqlcipher.change_passphrase(path, current, _new_passphrase(args))
            print(_("The passphrase of “{path}” was changed.").format(path=path))
    except CoreError as exc:
        raise common.CommandError(exc.message) from None
    return common.EXIT_OK
