"""commission-desk pdf statement --db PATH --session N --lang zh|ru -o FILE: the expense statement."""

from __future__ import annotations

from app.cli import common, pdf
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
    from app.core.errors import NotFoundError
    from app.core.services.agenda import sessions as meetings
    from app.core.services.expenses import summary as expense_summary
    from app.reports.statement import build_statement, texts_of

    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from None
            data = expense_summary.statement(s, meeting.id)
    finally:
        db.close()
    pdf.report_missing_glyphs(*texts_of(data))
    pdf.write_output(build_statement(data, args.doc_lang), args.output)
    return common.EXIT_OK
