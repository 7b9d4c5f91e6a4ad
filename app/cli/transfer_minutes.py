"""commission-desk import minutes / export minutes: a session's minutes from and to a file.

    commission-desk import minutes --db PATH --session N FILE
    commission-desk export minutes --db PATH --session N -o FILE

Exit status: 0 done; 1 refused for what the file holds (bad rows, every one listed; signed
minutes); 2 the command cannot run (the database, the session or the file cannot be found, opened
or decoded).
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import common
from app.i18n import _, ngettext


def _session_argument(p) -> None:
    p.add_argument(
        "--session",
        metavar="N",
        type=int,
        required=True,
        help=_("the number of the session (1 for the first session)"),
    )


def register_import(sub) -> None:
    p = common.add_command(
        sub,
        "minutes",
        _("append segments to a session's minutes"),
        run_import,
        description=_(
            "Append the rows of a two-column table to a session's minutes, as drafts: CSV (UTF-8) or XLSX "
            "whose first row names the columns zh, ru and optionally kind and part; or DOCX, the first "
            "table with two columns, Chinese on the left. A file with a bad row is refused whole."
        ),
    )
    _session_argument(p)
    p.add_argument("file", metavar="FILE", help=_("the CSV, XLSX or DOCX file"))


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "minutes",
        _("write a session's minutes to a file"),
        run_export,
        description=_(
            "Write a session's minutes to a CSV (UTF-8) or XLSX file with the columns zh, ru, kind and part. "
            "The CSV file imports back to the same text."
        ),
    )
    _session_argument(p)
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the .csv or .xlsx file to write"))


def _meeting_id(session, number: int) -> int:
    from app.core.errors import NotFoundError
    from app.core.services.agenda.sessions import meeting_by_ordinal

    try:
        return meeting_by_ordinal(session, number).id
    except NotFoundError as exc:
        raise common.CommandError(exc.message, common.EXIT_ERROR) from None


def run_import(args) -> int:
    from app.core.errors import ImportRefused, ValidationError
    from app.core.services.minutes.transfer import import_minutes

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise common.CommandError(_("There is no file “{name}”.").format(name=path), common.EXIT_ERROR)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            meeting_id = _meeting_id(s, args.session)
            try:
                n = import_minutes(s, meeting_id, path)
            except ImportRefused as exc:
                for row in exc.rows:
                    print(
                        _("row {row}, column {column}: {message}").format(
                            row=row.row, column=row.column, message=row.message
                        ),
                        file=sys.stderr,
                    )
                status = common.EXIT_ERROR if exc.unreadable else common.EXIT_FAILED
                raise common.CommandError(exc.message, status) from None
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
    finally:
        db.close()
    print(
        ngettext(
            "{n} segment was added to the minutes of session {number}.",
            "{n} segments were added to the minutes of session {number}.",
            n,
        ).format(n=n, number=args.session)
    )
    return common.EXIT_OK


def run_export(args) -> int:
    from app.core.errors import NotFoundError, ValidationError
    from app.core.services.minutes.transfer import export_minutes

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise common.CommandError(_("Export to a .csv or an .xlsx file."), common.EXIT_ERROR)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            meeting_id = _meeting_id(s, args.session)
            try:
                n = export_minutes(s, meeting_id, out)
            except NotFoundError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_ERROR) from None
    finally:
        db.close()
    print(
        ngettext("{n} segment was written to {path}.", "{n} segments were written to {path}.", n).format(
            n=n, path=out
        )
    )
    return common.EXIT_OK
