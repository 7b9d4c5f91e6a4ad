"""commission-desk export statement --db PATH --session N -o FILE.xlsx [--lang zh|ru]: the expense
statement of a session as an XLSX workbook (the one the Expenses tab saves).

``--lang`` is the language of the statement; without it, the one that goes with the interface
language: Chinese for a Chinese interface, Russian otherwise.
"""

from __future__ import annotations

from app.cli import common
from app.i18n import _


def register_export(sub) -> None:
    help = _("export the expense statement of a session to an XLSX file")
    p = sub.add_parser(
        "statement",
        help=help,
        description=_(
            "Export the expense statement of a session to an XLSX workbook: what each side bears, per "
            "currency, with subtotals and totals."
        ),
        parents=[common.options_parser(lang=False)],
    )
    p.set_defaults(func=run_export)
    p.add_argument("--session", type=int, required=True, metavar="N", help=_("the number of the session"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the XLSX file to write"))
    p.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["zh", "ru"],
        default=None,
        help=_(
            "the language of the statement: zh (Chinese) or ru (Russian); default: Chinese for a Chinese "
            "interface, Russian otherwise"
        ),
    )


def register_import(sub) -> None:
    """A statement is made from the records; it is never imported."""


def document_language(doc_lang: str | None) -> str:
    from app import i18n

    if doc_lang:
        return doc_lang
    return "zh" if i18n.current_language().startswith("zh") else "ru"


def run_export(args) -> int:
    from pathlib import Path

    from app.cli import pdf
    from app.core.errors import NotFoundError
    from app.core.services.agenda import sessions as meetings
    from app.core.services.expenses import summary as expense_summary
    from app.reports.statement_xlsx import build_workbook

    target = Path(args.output).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise common.CommandError(
            _("“{path}”: the statement is written as an XLSX file (.xlsx).").format(path=target)
        )
    lang = document_language(args.doc_lang)
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
    pdf.write_output(build_workbook(data, lang), str(target))
    print(_("Statement written to {path}").format(path=target))
    return common.EXIT_OK
