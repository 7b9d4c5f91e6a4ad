"""commission-desk import glossary / export glossary: the glossary as TBX (TBX-Basic), CSV or XLSX.

    commission-desk export glossary --db PATH -o FILE.tbx|FILE.csv|FILE.xlsx
    commission-desk import glossary --db PATH FILE.tbx|FILE.csv|FILE.xlsx

Exit status: 0 done; 1 refused (not well-formed XML, a bad entry or row: every one listed); 2
unusable input (the database or the file cannot be opened or read).
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import common
from app.i18n import _, ngettext

SUFFIXES = (".tbx", ".csv", ".xlsx")


def register_import(sub) -> None:
    p = common.add_command(
        sub,
        "glossary",
        _("add the term pairs of a file to the glossary"),
        run_import,
        description=_(
            "Add the term pairs of a TBX file (TBX-Basic: a Chinese and a Russian term per entry, with "
            "its note and status) or of a CSV or XLSX file with the columns zh, ru and optionally note and "
            "status (preferred, admitted or deprecated). Pairs already in the glossary stay as they are. "
            "A file with a bad entry is refused whole."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("the TBX, CSV or XLSX file"))


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "glossary",
        _("write the glossary to a file"),
        run_export,
        description=_(
            "Write the glossary to a TBX file (TBX-Basic, for translation tools) or to a CSV or XLSX file "
            "with the columns zh, ru, note and status."
        ),
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=_("the .tbx, .csv or .xlsx file to write")
    )


def run_import(args) -> int:
    from app.core.errors import ImportRefused, ValidationError
    from app.core.services.minutes.termbase import import_glossary

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise common.CommandError(_("There is no file “{name}”.").format(name=path), common.EXIT_ERROR)
    if path.suffix.lower() not in SUFFIXES:
        raise common.CommandError(_("Import a .tbx, .csv or .xlsx file."), common.EXIT_ERROR)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                result = import_glossary(s, path)
            except ImportRefused as exc:
                for row in exc.rows:
                    print(
                        _("row {row}, column {column}: {message}").format(
                            row=row.row, column=row.column, message=row.message
                        ),
                        file=sys.stderr,
                    )
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from None
    finally:
        db.close()
    print(
        _("{added} term pairs were added; {unchanged} were already in the glossary.").format(
            added=result.added, unchanged=result.unchanged
        )
    )
    return common.EXIT_OK


def run_export(args) -> int:
    from app.core.errors import ValidationError
    from app.core.services.minutes.termbase import export_glossary

    out = Path(args.output).expanduser()
    if out.suffix.lower() not in SUFFIXES:
        raise common.CommandError(_("Export the glossary to a .tbx, .csv or .xlsx file."), common.EXIT_ERROR)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                n = export_glossary(s, out)
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_ERROR) from None
    finally:
        db.close()
    print(
        ngettext("{n} term pair was written to {path}.", "{n} term pairs were written to {path}.", n).format(
            n=n, path=out
        )
    )
    return common.EXIT_OK
