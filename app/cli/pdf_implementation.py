"""commission-desk pdf implementation --db PATH --session N --lang zh|ru -o FILE: the report on the
implementation of decisions before session N."""

from __future__ import annotations

from app.cli import pdf
from app.i18n import _


def register(kinds) -> None:
    p = pdf.add_document(
        kinds,
        "implementation",
        _("the report on implementation before a session: every decision not yet carried out"),
        run,
    )
    p.add_argument("--session", type=int, required=True, metavar="N", help=_("the number of the session"))


def run(args) -> int:
    from app.core.services.decisions import report
    from app.reports.implementation import build_implementation, texts_of

    return pdf.session_document(args, report.implementation, build_implementation, texts_of)
