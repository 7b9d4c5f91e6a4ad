"""commission-desk demo --db PATH: create a database with the demo commission."""

from __future__ import annotations

from app.cli import common
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(
        sub,
        "demo",
        _("create a database filled with the demo commission"),
        run,
        description=_(
            "Create a database with the 1957 Sino-Soviet commission of the founding memorandum: both sides, "
            "their liaison agencies, people, sessions and registers. The database must be new or empty."
        ),
    )
    p.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=_("the date the demo's deadlines and alerts are counted from (default: today)"),
    )
    p.add_argument(
        "--scale",
        choices=("demo", "large"),
        default="demo",
        help=_(
            "demo: the demo commission; large: twenty years of records besides it (40 sessions, 100,000 "
            "exchanges, 20,000 expert assignments, 50,000 expenses), to measure speed with"
        ),
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=_("encrypt the new database with the passphrase of --db-passphrase-file or {var}").format(
            var=common.PASSPHRASE_ENV
        ),
    )


def run(args) -> int:
    import datetime as dt

    from app.core.demo import build_demo, is_empty

    today = None
    if getattr(args, "today", None):
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError:
            raise common.CommandError(
                _("“{value}” is not a date of the form YYYY-MM-DD.").format(value=args.today)
            ) from None
    passphrase = common.db_passphrase(args)
    if getattr(args, "encrypt", False) and not passphrase:
        raise common.CommandError(
            _("--encrypt needs a passphrase: --db-passphrase-file FILE or the environment variable {var}.").format(
                var=common.PASSPHRASE_ENV
            )
        )
    if getattr(args, "encrypt", False) and isinstance(common.db_path(args), str):
        raise common.CommandError(_("--encrypt is for database files; a server database is protected by its server."))
    if not getattr(args, "encrypt", False):
        passphrase = ""  # the passphrase opens encrypted files; it encrypts only with --encrypt
    db = common.open_db(args, create=True, passphrase=passphrase)
    try:
        with db.unit() as s:
            if not is_empty(s):
                raise common.CommandError(
                    _("{path} already holds data; the demo goes only into a new or empty database.").format(
                        path=db.location
                    )
                )
            ctx = build_demo(s, today)
            if getattr(args, "scale", "demo") == "large":
                from app.core.demo import large

                large.build(ctx)
    finally:
        db.close()
    print(_("Demo database created: {path}").format(path=db.location))
    return common.EXIT_OK
