"""commission-desk verify --db PATH FILE.pdf: does a printed copy match the signed minutes?

Exit status: 0 the PDF matches the signed minutes it claims to be (the session is named); 1 it does
not (the reason is given); 2 the database cannot be used or the file cannot be read.
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
            "print register, page by page (every character, space, hyphen and punctuation mark). Exit "
            "status 0 for a match, 1 otherwise, 2 when the database or the file cannot be read."
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
        return common.EXIT_OK
    print(_("NO MATCH: {path}: {reason}").format(path=path, reason=verdict.reason))
    if verdict.detail:
        print(verdict.detail)
    if verdict.session:
        print(_("It claims to belong to the minutes of {session}.").format(session=verdict.session))
    return common.EXIT_FAILED
