"""commission-desk pdf memorandum --db PATH --session N --lang zh|ru -o FILE [--from-side CODE]"""

from __future__ import annotations

import sys

from app.cli import common, pdf
from app.i18n import _


def register(kinds) -> None:
    p = pdf.add_document(
        kinds,
        "memorandum",
        _("the memorandum before a session: agenda, programme, delegations and materials"),
        run,
    )
    p.add_argument("--session", metavar="N", type=int, required=True, help=_("the session's number"))
    p.add_argument(
        "--from-side",
        metavar="CODE",
        help=_("the side that sends the memorandum (default: the side that is not the host)"),
    )


def run(args) -> int:
    from app.core.errors import NotFoundError
    from app.core.services.agenda import sessions as meetings
    from app.reports.memorandum import collect, render_memorandum

    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from exc
            data = collect(s, meeting.id, args.from_side)
    finally:
        db.close()
    pdf.report_missing_glyphs(*data.texts())
    missing = data.missing_titles(args.doc_lang)
    if missing:
        print(
            _(
                "Warning: agenda items {numbers} have no title in this language; the other title is printed."
            ).format(numbers=", ".join(map(str, missing))),
            file=sys.stderr,
        )
    pdf.write_output(render_memorandum(data, args.doc_lang), args.output)
    return 0
