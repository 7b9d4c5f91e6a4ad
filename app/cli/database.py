"""commission-desk migrate --db PATH|URL; commission-desk copy --from SOURCE --to TARGET.

``migrate`` initialises an empty server database or upgrades an older one: a server database is
never upgraded silently, since several people share it (a file is upgraded when it is opened, after
a backup). ``copy`` copies a whole database between SQLite files and PostgreSQL servers, either way,
into a new or empty target, and checks the copy (counts, every table's rows, the signed minutes'
fingerprints and print register). Exit status 0 done, 1 the check of the copy failed, 2 cannot run.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import common
from app.i18n import _, ngettext


def register(sub) -> None:
    common.add_command(
        sub,
        "migrate",
        _("initialise an empty server database, or bring a database to the newest schema"),
        run_migrate,
        description=_(
            "Initialise an empty database (a server database: postgresql://user@host:port/dbname) or upgrade "
            "it to the schema of this version. A server database is upgraded only by this command or when the "
            "window asks first; upgrade it once every secretary has the new version."
        ),
    )
    p = sub.add_parser(
        "copy",
        help=_("copy a whole database between a file and a server, either way"),
        description=_(
            "Copy every record, attachment and signed minutes of SOURCE into TARGET, a new file or an empty "
            "server database, then check the copy: the number of rows of every table, their contents, and "
            "the signed minutes' fingerprints and print register. SOURCE and TARGET are database files or "
            "postgresql://user@host:port/dbname. Passwords come from ~/.pgpass or PGPASSWORD."
        ),
        parents=[common.options_parser()],
    )
    p.add_argument("--from", dest="source", metavar="SOURCE", required=True, help=_("the database to copy"))
    p.add_argument("--to", dest="target", metavar="TARGET", required=True, help=_("the new or empty database"))
    p.add_argument("--keep-identity", action="store_true",
                   help=_("move the database: the copy takes the place of the source in the exchanges, instead of "
                          "becoming a copy that exchanges bundles with it"))  # fmt: skip
    p.set_defaults(func=run_copy)


def _location(value: str) -> Path | str:
    from app.core.db.server import is_url

    return value.strip() if is_url(value) else Path(value).expanduser()


def run_migrate(args) -> int:
    from app.core.db import Database
    from app.core.db.migrate import known_revisions
    from app.core.errors import CoreError

    target = common.db_path(args)
    try:
        db = Database.open(target, create=True, upgrade=True, passphrase=common.db_passphrase(args))
    except CoreError as exc:
        raise common.CommandError(exc.message) from None
    db.close()
    _known, heads = known_revisions()
    print(_("“{path}” is at the newest schema ({revision}).").format(path=db.location, revision=", ".join(sorted(heads))))
    return common.EXIT_OK


def run_copy(args) -> int:
    from app.core.db import Database
    from app.core.db.copy import copy_database
    from app.core.errors import CoreError

    source_at, target_at = _location(args.source), _location(args.target)
    if isinstance(target_at, Path) and target_at.exists() and target_at.stat().st_size > 0:
        raise common.CommandError(
            _("“{path}” already exists; a copy goes only into a new file or an empty server database.").format(
                path=target_at
            )
        )
    if source_at == target_at:
        raise common.CommandError(_("The source and the target of the copy are the same database."))
    try:
        source = Database.open(source_at, create=False, passphrase=common.db_passphrase(args))
    except CoreError as exc:
        raise common.CommandError(exc.message) from None
    try:
        try:
            target = Database.open(target_at, create=True, passphrase="")
        except CoreError as exc:
            raise common.CommandError(exc.message) from None
        try:
            report = copy_database(source, target, keep_identity=args.keep_identity)
        except CoreError as exc:
            raise common.CommandError(exc.message) from None
        finally:
            target.close()
    finally:
        source.close()
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(_("The copy in “{target}” differs from “{source}”: do not use it.").format(
            target=target.location, source=source.location))  # fmt: skip
        return common.EXIT_FAILED
    print(
        ngettext(
            "Copied {rows} rows from “{source}” to “{target}” and checked them; {n} signed minutes intact.",
            "Copied {rows} rows from “{source}” to “{target}” and checked them; {n} signed minutes intact.",
            report.signed_minutes,
        ).format(rows=report.rows, source=source.location, target=target.location, n=report.signed_minutes)
    )
    return common.EXIT_OK
