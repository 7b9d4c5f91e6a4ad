"""commission-desk pdf minutes --db PATH --session N --original SIDE|reading [--layout …] -o FILE

Prints the original for a side (its code, e.g. CN or SU), or the reading copy, of a session's
minutes. Signed minutes give the signature originals, with the stored fingerprint; minutes not yet
signed give proofs (``--draft``), watermarked. Exit status: 0 written; 1 refused (the message says
why: not signed, not agreed, a check fails…); 2 unusable input (database, session, output file).
"""

from __future__ import annotations

import re
import sys

from app.cli import common, keys, pdf
from app.i18n import _


def register(kinds) -> None:
    p = pdf.add_document(
        kinds,
        "minutes",
        _("the minutes of a session: a side's signature original, a proof or the reading copy"),
        run,
        lang=False,
    )
    p.add_argument("--session", metavar="N", type=int, required=True, help=_("the number of the session"))
    p.add_argument(
        "--original",
        metavar="SIDE|reading",
        required=True,
        help=_("the original for a side (its code, such as CN or SU), or “reading” for the reading copy"),
    )
    p.add_argument(
        "--layout",
        choices=["sequential", "parallel"],
        help=_(
            "sequential: one language after the other; parallel: two columns "
            "(default: sequential for an original, parallel for the reading copy)"
        ),
    )
    p.add_argument(
        "--draft",
        action="store_true",
        help=_("a proof of minutes not signed yet, with the watermark 草案 / ПРОЕКТ"),
    )
    p.add_argument("--copy", metavar="N", default="", help=_("the copy number printed in the header"))
    p.add_argument(
        "--marking",
        metavar="ZH/RU",
        help=_(
            "the confidentiality marking in Chinese and Russian, such as 秘密/Секретно (default: the minutes' own)"
        ),
    )
    p.add_argument(
        "--sign-with",
        metavar="FILE.p12",
        help=_("sign the PDF digitally (PAdES) with this side's key; the pages stay the registered print"),
    )
    keys.add_passphrase_option(p)


def run(args) -> int:
    from app.core.services.minutes.content import short_fingerprint
    from app.reports import minutes as report

    copy = args.original.strip()
    copy = report.READING if copy.lower() == report.READING else copy.upper()
    marking_zh = marking_ru = None
    if args.marking is not None:
        marking_zh, _sep, marking_ru = args.marking.partition("/")
    options = report.PrintOptions(
        copy=copy,
        layout=report.Layout(args.layout) if args.layout else None,
        draft=args.draft,
        copy_number=args.copy,
        marking_zh=marking_zh,
        marking_ru=marking_ru,
    )
    if args.sign_with and getattr(args, "pdfa", False):  # making the PDF/A copy rewrites the file
        raise common.CommandError(
            _(
                "--sign-with cannot be combined with --pdfa: sign the PDF/A copy afterwards with “commission-desk sign”."
            )
        )
    key = keys.open_key(args, args.sign_with) if args.sign_with else None
    quick = None if key is not None else _quick_source(args, options)
    if quick is not None:  # unsigned minutes, read without the ORM
        src, extra_fonts = quick
        report.fonts.use_extra_fonts(extra_fonts)
        data = _print(None, src, options)
    else:
        data, src = _print_from_database(args, options, key)
    pdf.write_output(data, args.output)
    values = dict(path=args.output, pages=_page_count(data, signed=key is not None), fingerprint=short_fingerprint(src.fingerprint))
    if options.reading:
        print(_("{path}: reading copy (pages: {pages}; fingerprint {fingerprint})").format(**values))
    elif not src.signed:
        print(_("{path}: proof (pages: {pages}; fingerprint {fingerprint})").format(**values))
    else:
        print(_("{path}: signature original for {side} (pages: {pages}; fingerprint {fingerprint})").format(
            side=copy, **values))  # fmt: skip
    if key is not None:
        print(_("Signed digitally by {name}.").format(name=key.signer_name))
    return 0


def _quick_source(args, options):
    """(the print source, the font files the user added) of unsigned minutes, read with the sqlite3
    driver alone when the copy is a proof or the reading copy of a database file that opens as it
    is; else None (app/core/services/minutes/quick_source.py: importing the ORM took half the time)."""
    if not (options.reading or options.draft):
        return None
    path = common.db_path(args)
    if isinstance(path, str) or common.db_passphrase(args):
        return None  # a server, or an encrypted file
    from app.core.db.plain import open_for_reading

    con = open_for_reading(path)
    if con is None:
        return None
    try:
        from app.core.services.minutes import quick_source

        return quick_source.read(con, args.session)
    finally:
        con.close()


def _print(session, src, options) -> bytes:
    """The copy's bytes, after warning of characters no font has; CommandError if refused."""
    from app.core.errors import ValidationError
    from app.reports import minutes as report

    pdf.report_missing_glyphs(*report.document_texts(src))
    try:
        return report.minutes_pdf(session, src.minutes.meeting_id, options, src)
    except ValidationError as exc:
        problems = getattr(exc, "problems", ())
        if len(problems) > 4:  # the message names four: every one here (check minutes too)
            for problem in problems:
                print("- " + problem.message, file=sys.stderr)
        message = exc.message
        if not src.signed and not options.reading and not options.draft:
            message += " " + _("(--draft prints a proof.)")
        raise common.CommandError(message, common.EXIT_FAILED) from exc


def _print_from_database(args, options, key):
    """(the copy's bytes, its print source) read through the ORM: signed minutes, signature copies."""
    from app.core.errors import NotFoundError
    from app.core.services import glyphs
    from app.core.services.agenda import sessions as meetings
    from app.core.services.minutes import signing
    from app.reports import minutes as report

    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
                src = signing.print_source(s, meeting.id)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from exc
            report.fonts.use_extra_fonts(glyphs.extra_fonts(s))  # the fonts the user added, too
            data = _print(s, src, options)
            if key is not None:
                if not src.signed or options.draft:
                    raise common.CommandError(
                        _("Only copies of signed minutes are signed digitally, not proofs."),
                        common.EXIT_FAILED,
                    )
                data = _signed(s, data, key)
    finally:
        db.close()
    return data, src


def _signed(session, data: bytes, key) -> bytes:
    from app.core.crypto import pdfsign, trust

    try:
        return pdfsign.sign(data, key, trust.side_of(session, key.certificate))
    except pdfsign.SigningFailed as exc:
        raise common.CommandError(exc.message) from exc


#: The end of a page object as ReportLab writes it (one object per page, no object streams).
_PAGE_OBJECT = re.compile(rb"/Type /Page\s*>>\s*endobj")


def _page_count(data: bytes, signed: bool = False) -> int:
    """The number of pages. A file as ReportLab wrote it is counted by its page objects: importing
    a PDF reader (pypdf) to count them took a tenth of the command's time. A file signed since,
    which may carry its pages again in an incremental update, is read with pypdf."""
    count = 0 if signed else len(_PAGE_OBJECT.findall(data))
    if count:
        return count
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)
