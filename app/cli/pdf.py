"""commission-desk pdf KIND ...: print a document to a PDF file.

Each kind of document lives in ``app/cli/pdf_<kind>.py`` with ``register(subparsers)``; a kind whose
module has not landed yet is simply not offered.
"""

from __future__ import annotations

import importlib

from app.cli import common
from app.i18n import _

KINDS = ("memorandum", "minutes", "statement", "experts")


def register(sub) -> None:
    p = sub.add_parser(
        "pdf",
        help=_("print a document (memorandum, minutes, statement, experts list) to a PDF file"),
        description=_("Print a document to a PDF file. Every font is embedded; the same data gives the same bytes."),
        parents=[common.options_parser()],
    )
    kinds = p.add_subparsers(dest="kind", metavar=_("DOCUMENT"), title=_("documents"), required=True)
    for kind in KINDS:
        try:
            module = importlib.import_module(f"app.cli.pdf_{kind}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.cli.pdf_{kind}":
                raise
            continue
        module.register(kinds)
