"""commission-desk export exchanges --db PATH -o FILE.xlsx|.csv
commission-desk import exchanges --db PATH FILE

Exit status (every command alike): 0 done; 1 the file was refused for what it holds (each bad row
on stderr, nothing imported: bad rows, columns that cannot be matched, too many rows); 2 the
command cannot run (the database or the file cannot be opened, read or decoded).
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import common
from app.i18n import _, ngettext


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "exchanges",
        _("export the Exchanges register"),
        run_export,
        description=_(
            "Export the whole Exchanges register to an XLSX or CSV file (UTF-8), with headers in the "
            "interface language (--lang)."
        ),
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=_("the file to write: .xlsx or .csv")
    )


def register_import(sub) -> None:
    p = common.add_command(
        sub,
        "exchanges",
        _("import items into the Exchanges register"),
        run_import,
        description=_(
            "Import an XLSX or CSV (UTF-8) file into the Exchanges register. The columns are matched by "
            "their headers in Chinese, Russian or English. A file with a bad row is refused whole, every "
            "bad row is listed, and nothing is imported. A row whose record ID is already in the register "
            "updates that item."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("the .xlsx or .csv file to import"))


def run_export(args) -> int:
    from app.core.services.exchanges import transfer as exchanges_io

    n, target = common.export_register(args, exchanges_io.export_file)
    print(ngettext("{n} item exported to {path}", "{n} items exported to {path}", n).format(n=n, path=target))
    return common.EXIT_OK


def run_import(args) -> int:
    from app.core.errors import ImportRefused
    from app.core.services.exchanges import transfer as exchanges_io

    path = Path(args.file).expanduser()
    db = common.open_db(args)
    try:
        with db.unit() as s:
            result = exchanges_io.import_file(s, path)
    except ImportRefused as exc:
        if exc.unreadable:
            raise common.CommandError(exc.message) from exc
        for line in exchanges_io.describe_refusal(exc):
            print(f"commission-desk: {line}", file=sys.stderr)
        return common.EXIT_FAILED
    finally:
        db.close()
    n = result.total
    print(
        ngettext(
            "{path}: {n} item imported ({added} new, {updated} updated).",
            "{path}: {n} items imported ({added} new, {updated} updated).",
            n,
        ).format(path=path.name, n=n, added=result.added, updated=result.updated)
    )
    return common.EXIT_OK
