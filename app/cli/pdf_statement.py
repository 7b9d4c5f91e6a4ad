"""commission-desk pdf statement --db PATH --session N --lang zh|ru -o FILE: the expense statement."""

from __future__ import annotations

from app.cli import pdf
from app.i18n import _


def register(kinds) -> None:
    p = pdf.add_document(
        kinds,
        "statement",
        _("the expense statement of a session: what each side bears, per currency"),
        run,
    )
    p.add_argument("--session", type=int, required=True, metavar="N", help=_("the number of the session"))


def run(args) -> int:
    from app.core.services.expenses import summary as expense_summary
    from app.reports.statement import build_statement, texts_of

    return pdf.session_document(args, expense_summary.statement, build_statement, texts_of)
