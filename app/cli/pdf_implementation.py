"""commission-desk pdf implementation --db PATH --session N --lang zh|ru -o FILE: the report on the
implementation of decisions before session N."""

from __future__ import annotations

from app.cli import common, pdf
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
    from app.core.errors import NotFoundError
    from app.core.services.agenda import sessions as meetings
    from app.core.services.decisions import report
    from app.reports.implementation import build_implementation, texts_of

    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from None
            data = report.implementation(s, meeting.id)
    finally:
        db.close()
    pdf.report_missing_glyphs(*texts_of(data))
    pdf.write_output(build_implementation(data, args.doc_lang), args.output)
    return common.EXIT_OK
