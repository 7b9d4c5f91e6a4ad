"""commission-desk pdf KIND ...: print a document to a PDF file.

Each kind of document lives in ``app/cli/pdf_<kind>.py`` with ``register(subparsers)``.
"""

from __future__ import annotations

import importlib

from app.cli import common
from app.i18n import _

KINDS = ("memorandum", "minutes", "statement", "experts", "implementation")


def add_document(kinds, name: str, help: str, func, *, lang: bool = True):
    """A ``pdf NAME`` command with --db, -o FILE and (unless ``lang`` is False) --lang zh|ru."""
    p = kinds.add_parser(name, help=help, description=help, parents=[common.options_parser(lang=False)])
    p.set_defaults(func=lambda args: _run(func, args))
    if lang:
        p.add_argument(
            "--lang",
            dest="doc_lang",
            choices=["zh", "ru"],
            required=True,
            help=_("the language of the document: zh (Chinese) or ru (Russian)"),
        )
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the PDF file to write"))
    p.add_argument(
        "--pdfa",
        action="store_true",
        help=_("write a PDF/A-2b file, as archives ask for (XMP metadata, sRGB output intent, checked)"),
    )
    return p


def _run(func, args) -> int:
    """Run a document's command; with --pdfa, render it for the archive and make the file PDF/A-2b."""
    if not getattr(args, "pdfa", False):
        return func(args)
    from pathlib import Path

    from app.reports.document import for_archive
    from app.reports.pdfa import PdfaFailed, to_pdfa

    with for_archive():
        status = func(args)
    if status:  # refused (None or 0: written)
        return status
    target = Path(args.output)
    try:
        data = to_pdfa(target.read_bytes())
    except PdfaFailed as exc:
        target.unlink(missing_ok=True)
        raise common.CommandError(_("The PDF/A copy could not be made: {reason}").format(reason=exc)) from exc
    write_output(data, str(target))
    return common.EXIT_OK


def report_missing_glyphs(*texts: str) -> None:
    """Say which characters no shipped font can print (they are printed as □), before printing."""
    import sys

    from app.reports.fonts import missing_glyphs

    missing = missing_glyphs(*texts)
    if missing:
        listed = " ".join(f"{c} (U+{ord(c):04X})" for c in missing)
        print(_("Warning: no font can print these characters; they appear as □: {chars}").format(chars=listed),
              file=sys.stderr)  # fmt: skip


def write_output(data: bytes, path: str) -> None:
    """Write the PDF, or fail with one line and exit status 2."""
    from pathlib import Path

    target = Path(path)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise common.CommandError(
            _("Cannot write “{path}”: {reason}").format(path=target, reason=exc.strerror or exc)
        ) from exc


def register(sub) -> None:
    p = sub.add_parser(
        "pdf",
        help=_("print a document (memorandum, minutes, statement, experts list, report on implementation) to a PDF file"),
        description=_(
            "Print a document to a PDF file. Every font is embedded; the same data gives the same bytes."
        ),
        parents=[common.options_parser()],
    )
    kinds = p.add_subparsers(dest="kind", metavar=_("DOCUMENT"), title=_("documents"), required=True)
    for kind in KINDS:
        importlib.import_module(f"app.cli.pdf_{kind}").register(kinds)


def session_document(args, load, build, texts_of) -> int:
    """Write the document of session ``args.session``: ``load(session, meeting_id)`` reads its data
    in one read, ``texts_of(data)`` names what must be printable, ``build(data, lang)`` draws it.
    An unknown session number is one line and exit 2."""
    from app.core.errors import NotFoundError
    from app.core.services.agenda import sessions as meetings

    db = common.open_db(args)
    try:
        with db.unit(read_only=True) as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from None
            data = load(s, meeting.id)
    finally:
        db.close()
    report_missing_glyphs(*texts_of(data))
    write_output(build(data, args.doc_lang), args.output)
    return common.EXIT_OK
