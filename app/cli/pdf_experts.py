"""commission-desk pdf experts --db PATH --from DATE --to DATE --lang zh|ru -o FILE: the list of
experts on site in a period, for the host's security and hospitality services."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli import common, pdf
from app.i18n import _


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a date; write it as YYYY-MM-DD.").format(value=value)
        ) from None


def register(kinds) -> None:
    p = pdf.add_document(
        kinds, "experts", _("the list of experts on site in a period, for the host's services"), run
    )
    p.add_argument("--from", dest="date_from", metavar="DATE", type=_date, required=True,
                   help=_("the first day of the period (YYYY-MM-DD)"))  # fmt: skip
    p.add_argument("--to", dest="date_to", metavar="DATE", type=_date, required=True,
                   help=_("the last day of the period (YYYY-MM-DD)"))  # fmt: skip


def run(args) -> None:
    from app.core.services.experts.query import on_site_list
    from app.reports.experts import experts_on_site, section_texts

    if args.date_to < args.date_from:
        raise common.CommandError(_("The period ends before it starts."))
    db = common.open_db(args)
    try:
        with db.unit() as s:
            entries = on_site_list(s, args.date_from, args.date_to)
            data = experts_on_site(s, args.date_from, args.date_to, args.doc_lang, entries)
            texts = section_texts(entries, args.doc_lang)
    finally:
        db.close()
    pdf.report_missing_glyphs(*texts)
    pdf.write_output(data, args.output)
