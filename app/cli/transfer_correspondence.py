"""commission-desk export correspondence --db PATH -o FILE.xlsx|.csv: the liaison log.

Exit status: 0 done; 2 the database cannot be opened or the file cannot be written.
"""

from __future__ import annotations

from app.cli import common
from app.i18n import _, ngettext


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "correspondence",
        _("export the liaison log"),
        run_export,
        description=_(
            "Export the letters between the liaison agencies to an XLSX or CSV file (UTF-8), with headers in "
            "the interface language (--lang)."
        ),
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=_("the file to write: .xlsx or .csv")
    )


def register_import(sub) -> None:
    """The liaison log is kept here and exported; it is never imported."""


def run_export(args) -> int:
    from app.core.services.correspondence import transfer

    n, target = common.export_register(args, transfer.export_file)
    print(
        ngettext("{n} letter exported to {path}", "{n} letters exported to {path}", n).format(
            n=n, path=target
        )
    )
    return common.EXIT_OK
