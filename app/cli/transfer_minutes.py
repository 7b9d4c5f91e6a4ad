"""commission-desk import minutes / export minutes: a session's minutes from and to a file.

    commission-desk import minutes --db PATH --session N FILE      (.csv .xlsx .docx: appended;
                                                                   .xlf .xliff: targets updated)
    commission-desk export minutes --db PATH --session N -o FILE   (.csv .xlsx .docx .xlf .xliff)
                                   [--source zh|ru] [--xliff 1.2|2.0]

Exit status: 0 done (an XLIFF import lists on stderr the units it left out); 1 refused for what
the file holds (bad rows, every one listed; not well-formed XML; wrong languages; signed minutes);
2 the command cannot run (the database, the session or the file cannot be found, opened or decoded).
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
            "table with two columns, Chinese on the left. A file with a bad row is refused whole. "
            "An XLIFF file (.xlf, .xliff) written by export minutes updates the target texts and "
            "statuses of the segments it names, never an initialled segment; units it cannot use are listed."
        ),
    )
    _session_argument(p)
    p.add_argument("file", metavar="FILE", help=_("the CSV, XLSX, DOCX or XLIFF file"))


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "minutes",
        _("write a session's minutes to a file"),
        run_export,
        description=_(
            "Write a session's minutes to a CSV (UTF-8) or XLSX file with the columns zh, ru, kind and part; "
            "to a DOCX file, the two-column table interpreters exchange in Word; or to an XLIFF file "
            "(.xlf, .xliff) for translation tools, one unit per segment. CSV and DOCX files import back "
            "to the same text."
        ),
    )
    _session_argument(p)
    p.add_argument(
        "-o", "--output", metavar="FILE", required=True,
        help=_("the .csv, .xlsx, .docx, .xlf or .xliff file to write"),
    )  # fmt: skip
    p.add_argument(
        "--source", choices=("zh", "ru"), default="zh",
        help=_("XLIFF: the language of the source text (default: zh)"),
    )  # fmt: skip
    p.add_argument(
        "--xliff", choices=("1.2", "2.0"), default="1.2", help=_("XLIFF: the version to write (default: 1.2)")
    )


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
    if path.suffix.lower() in XLIFF_SUFFIXES:
        return _run_import_xliff(args, path)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            meeting_id = _meeting_id(s, args.session)
            try:
                n = import_minutes(s, meeting_id, path)
            except ImportRefused as exc:
                _print_refused_rows(exc)
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


def _print_refused_rows(exc) -> None:
    for row in exc.rows:
        print(
            _("row {row}, column {column}: {message}").format(
                row=row.row, column=row.column, message=row.message
            ),
            file=sys.stderr,
        )


def _run_import_xliff(args, path: Path) -> int:
    from app.core.errors import ImportRefused, NotFoundError, ValidationError
    from app.core.services.minutes.xliff import import_xliff
    from app.i18n.wording import session_name

    db = common.open_db(args)
    try:
        with db.unit() as s:
            meeting_id = _meeting_id(s, args.session)
            try:
                plan = import_xliff(s, meeting_id, path)
            except ImportRefused as exc:
                _print_refused_rows(exc)
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
            except (ValidationError, NotFoundError) as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
    finally:
        db.close()
    for skipped in plan.skipped:
        print(_("unit {unit}: {message}").format(unit=skipped.unit, message=skipped.message), file=sys.stderr)
    n = len(plan.changes)
    print(
        ngettext(
            "{session}: {n} segment of the minutes was updated.",
            "{session}: {n} segments of the minutes were updated.",
            n,
        ).format(n=n, session=session_name(args.session))
    )
    if plan.skipped:
        k = len(plan.skipped)
        print(
            ngettext(
                "{n} unit was left out (listed above).", "{n} units were left out (listed above).", k
            ).format(n=k)
        )
    return common.EXIT_OK


XLIFF_SUFFIXES = (".xlf", ".xliff")
EXPORT_SUFFIXES = (".csv", ".xlsx", ".docx", *XLIFF_SUFFIXES)


def run_export(args) -> int:
    from app.core.errors import NotFoundError, ValidationError
    from app.core.services.minutes.transfer import export_minutes
    from app.core.services.minutes.xliff import export_xliff

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in EXPORT_SUFFIXES:
        raise common.CommandError(
            _("Export to a .csv, .xlsx, .docx, .xlf or .xliff file."), common.EXIT_ERROR
        )
    db = common.open_db(args)
    try:
        with db.unit() as s:
            meeting_id = _meeting_id(s, args.session)
            try:
                if out.suffix.lower() in XLIFF_SUFFIXES:
                    n = export_xliff(s, meeting_id, out, args.source, args.xliff)
                else:
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
