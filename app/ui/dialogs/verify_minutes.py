"""Check a PDF of the minutes against the signed minutes (as ``commission-desk verify`` does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from app.i18n import _
from app.ui.widgets import messages


def verify_file(parent, ctx, path: str | Path | None = None):
    """Ask for a PDF (unless ``path`` is given), check it, and say the verdict; returns it (None
    when nothing was checked)."""
    from app.reports.minutes_verify import Unreadable, signature_lines, verify_pdf

    if path is None:
        chosen, _f = QFileDialog.getOpenFileName(
            parent, _("Verify a copy of the minutes"), "", _("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = chosen
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        messages.error(
            parent, _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
        )
        return None
    try:
        verdict = ctx.read(verify_pdf, data)
    except Unreadable as exc:
        messages.error(
            parent, _("“{path}” is not a readable PDF: {reason}").format(path=path.name, reason=exc)
        )
        return None
    signatures = "\n".join(signature_lines(verdict))
    if verdict.match:
        what = _("the reading copy") if verdict.copy == "reading" else _("the original for {side}").format(
            side=verdict.copy)  # fmt: skip
        text = _(
            "MATCH: {path} is {what} of the signed minutes of {session}; fingerprint {fingerprint}."
        ).format(path=path.name, what=what, session=verdict.session, fingerprint=verdict.fingerprint)
        text += (f"\n{verdict.detail}" if verdict.detail else "") + "\n" + signatures
        (messages.info if verdict.all_valid else messages.warning)(parent, text)
    else:
        text = _("NO MATCH: {path}: {reason}").format(path=path.name, reason=verdict.reason)
        if verdict.detail:  # how the page differs
            text += "\n" + verdict.detail
        if verdict.session:
            text += "\n" + _("It claims to belong to the minutes of {session}.").format(
                session=verdict.session
            )
        messages.warning(parent, text + "\n" + signatures)
    return verdict
