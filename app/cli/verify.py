"""commission-desk verify --db PATH FILE.pdf: does a printed copy match the signed minutes?

Exit status: 0 the PDF matches the signed minutes it claims to be (the session is named) and every
digital signature present (the PDF's and the stored content's) is intact and made with a certificate
this computer trusts; 1 otherwise (the reason is given); 2 the database cannot be used or the file
cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import common
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(
        sub,
        "verify",
        _("check that a PDF of the minutes matches the signed minutes it claims to be"),
        run,
        description=_(
            "Check that a PDF of the minutes matches the signed minutes in the database: same fingerprint "
            "on every page and in the file, nothing changed since signing, and exactly the copy in the "
            "print register, page by page (every character, space, hyphen and punctuation mark); then every "
            "digital signature, in the PDF and on the stored content: signer, side, time, intact or not, "
            "certificate trusted or not. Exit status 0 for a match with every signature valid and trusted, "
            "1 otherwise, 2 when the database or the file cannot be read."
        ),
    )
    p.add_argument("file", metavar="FILE.pdf", help=_("the PDF to check"))


def run(args) -> int:
    from app.reports.minutes_verify import Unreadable, verify_pdf

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise common.CommandError(
            _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                verdict = verify_pdf(s, data)
            except Unreadable as exc:
                raise common.CommandError(
                    _("“{path}” is not a readable PDF: {reason}").format(path=path, reason=exc)
                ) from exc
    finally:
        db.close()
    if verdict.match:
        what = _("the reading copy") if verdict.copy == "reading" else _("the original for {side}").format(
            side=verdict.copy)  # fmt: skip
        print(
            _(
                "MATCH: {path} is {what} of the signed minutes of {session}; fingerprint {fingerprint}."
            ).format(path=path, what=what, session=verdict.session, fingerprint=verdict.fingerprint)
        )
        if verdict.detail:
            print(verdict.detail)
        _print_signatures(verdict)
        return common.EXIT_OK if verdict.all_valid else common.EXIT_FAILED
    print(_("NO MATCH: {path}: {reason}").format(path=path, reason=verdict.reason))
    if verdict.detail:
        print(verdict.detail)
    if verdict.session:
        print(_("It claims to belong to the minutes of {session}.").format(session=verdict.session))
    _print_signatures(verdict)
    return common.EXIT_FAILED


def _print_signatures(verdict) -> None:
    from app.reports.minutes_verify import signature_lines

    for line in signature_lines(verdict):
        print(line)
