"""commission-desk import KIND ... / export KIND ...: files in and out of the registers.

Each register lives in ``app/cli/transfer_<kind>.py`` with ``register_import(subparsers)`` and
``register_export(subparsers)``.

Exit status: 0 done; 1 the file was refused (every bad row is listed on stderr, nothing was
imported); 2 unusable input (the database or the file cannot be opened or read).
"""

from __future__ import annotations

import importlib

from app.cli import common
from app.i18n import _

KINDS = ("exchanges", "minutes", "glossary", "memory", "statement", "correspondence")


def _modules():
    return [importlib.import_module(f"app.cli.transfer_{kind}") for kind in KINDS]


def register(sub) -> None:
    modules = _modules()
    imp = sub.add_parser(
        "import",
        help=_("import a file into a register"),
        description=_(
            "Import a CSV, XLSX, DOCX, XLIFF or TBX file into a register. A file with a bad row is refused whole."
        ),
        parents=[common.options_parser()],
    )
    imp_kinds = imp.add_subparsers(dest="kind", metavar=_("REGISTER"), title=_("registers"), required=True)
    exp = sub.add_parser(
        "export",
        help=_("export a register to a file"),
        description=_(
            "Export a register to a file: CSV or XLSX; the minutes also to DOCX and XLIFF, the glossary "
            "to TBX, the translation memory to TMX."
        ),
        parents=[common.options_parser()],
    )
    exp_kinds = exp.add_subparsers(dest="kind", metavar=_("REGISTER"), title=_("registers"), required=True)
    for m in modules:
        if hasattr(m, "register_import"):  # the translation memory is only written
            m.register_import(imp_kinds)
        m.register_export(exp_kinds)
