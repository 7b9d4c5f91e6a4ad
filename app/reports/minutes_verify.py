"""Does a PDF match the signed minutes it claims to be?

A print of the minutes carries, in its keywords, the minutes' UUID, the full fingerprint and how it
was printed (:func:`app.reports.minutes.keywords`), and on every page the short fingerprint. A PDF
**matches** when all of these hold:

1. its keywords name minutes that this database holds, and those minutes are signed;
2. the signed record holds: the stored content hashes to the stored fingerprint, and the segments
   and signing fields in the database still give that content (nothing changed after signing);
3. the fingerprint in the PDF is the stored one (it is a print of this very version);
4. every page shows the short fingerprint;
5. it is not a proof, and it is the copy the keywords describe, exactly: its bytes are those of a
   copy in the print register (:mod:`app.core.services.minutes.prints`), or it has the same pages
   as that copy, each drawing the same content (the digest of its content streams and fonts) with
   the same text, character for character, spaces, hyphens and punctuation included.

Minutes signed before the register was kept (or copies printed on another computer) have no entry
for the copy: the file is then compared, text exactly, with a fresh print of the signed content,
and the verdict says so. The first failing condition is the reason given; ``detail`` says how a
page differs. The check reads the PDF with pypdf; a file that is not a readable PDF raises
:class:`Unreadable`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from app.core.services.minutes import prints, signing
from app.core.services.minutes.content import MinutesContent, short_fingerprint
from app.i18n import _, current_language, wording
from app.reports import minutes as report
from app.reports import pdf_pages
from app.reports.pdf_pages import Unreadable

__all__ = ["Unreadable", "Verdict", "read_pdf", "session_label", "signature_lines", "verify_pdf"]

#: How many characters of context a difference is shown with, on each side.
CONTEXT = 12


@dataclass(frozen=True)
class Verdict:
    match: bool
    reason: str = ""  # why not (translated), or what matched
    session: str = ""  # "session 1: Beijing, 3 – 7 March 1958" (translated), if known
    copy: str = ""  # "CN", "SU", "reading"
    fingerprint: str = ""
    #: how a page differs, or how the file was compared (translated), or ""
    detail: str = ""
    #: compared with a copy in the print register (else with a fresh print of the signed content)
    registered: bool = False
    #: the PDF's digital signatures (:class:`app.core.crypto.pdfsign.PdfSignature`), in order
    signatures: tuple = ()
    #: the stored content's own signatures (:class:`app.core.crypto.record.RecordSignature`)
    record_signatures: tuple = ()
    #: signed: the revision before the first signature is byte for byte a registered copy
    original_registered: bool = False

    @property
    def signed_digitally(self) -> bool:
        return bool(self.signatures or self.record_signatures)

    @property
    def all_valid(self) -> bool:
        """The content matches and every digital signature present is valid and trusted."""
        return self.match and all(s.ok for s in self.signatures) and all(s.ok for s in self.record_signatures)


_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Text without white space and hyphens: only to find the short fingerprint in the page
    furniture, which a text extractor may split; the text itself is compared exactly."""
    return _SPACE.sub("", text).replace("-", "").replace("\u00ad", "")


def read_pdf(data: bytes) -> tuple[dict[str, str] | None, list[str]]:
    """(the minutes keywords or None, the text of every page)."""
    pages = pdf_pages.read(data)
    return report.parse_keywords(pages.keywords), list(pages.texts)


def session_label(c: MinutesContent) -> str:
    """The session in the interface language only: its city where the content has a name for it in
    that language (Chinese, Russian), and the dates as that language writes them."""

    lang = current_language()
    city = c.city.zh if lang.startswith("zh") else c.city.ru if lang.startswith("ru") else ""
    dates = wording.date_range(c.start, c.end)
    if not city:
        return _("{session}: {dates}").format(session=wording.session_name(c.ordinal), dates=dates)
    return _("{session}: {city}, {dates}").format(
        session=wording.session_name(c.ordinal), city=city, dates=dates
    )


def _shown(text: str) -> str:
    return text.replace("\n", "⏎").replace("\u00a0", "⍽").replace("\u202f", "⍽")


def difference(found: str, expected: str) -> str:
    """How ``found`` differs from ``expected``: the first place they part, with some context."""
    i = 0
    while i < min(len(found), len(expected)) and found[i] == expected[i]:
        i += 1
    j = 0  # the common end, not overlapping the start
    while j < min(len(found), len(expected)) - i and found[-1 - j] == expected[-1 - j]:
        j += 1
    a = max(0, i - CONTEXT)

    def excerpt(text: str) -> str:
        end = min(len(text), len(text) - j + CONTEXT)
        return ("…" if a else "") + _shown(text[a:end]) + ("…" if end < len(text) else "")

    return _("It reads “{found}” where the signed copy reads “{expected}”.").format(
        found=excerpt(found), expected=excerpt(expected)
    )


def _compare(found: pdf_pages.PdfPages, expected: pdf_pages.PdfPages, registered: bool) -> tuple[str, str]:
    """(why the pages differ, how) or ("", "") when they are the same."""
    if len(found.texts) != len(expected.texts):
        return (
            _("It has {found} pages; the signed minutes printed this way have {expected}.").format(
                found=len(found.texts), expected=len(expected.texts)
            ),
            "",
        )
    for n in range(len(found.texts)):
        got, want = found.texts[n], expected.texts[n]
        if got != want:
            return _("The text of page {page} differs from the signed minutes.").format(page=n + 1), difference(
                got, want)  # fmt: skip
        if registered and found.digests[n] != expected.digests[n]:
            return (
                _(
                    "Page {page} is drawn differently from the signed copy, though its text reads the same."
                ).format(page=n + 1),  # fmt: skip
                "",
            )
    return "", ""


def verify_pdf(session: Session, data: bytes) -> Verdict:
    """The content comparison (:func:`verify_content`), with every digital signature checked: the
    PDF's own (PAdES, pyHanko) and those of the stored content."""
    from app.core.crypto import pdfsign
    from app.core.crypto import record as record_signatures

    verdict = verify_content(session, data)
    if not pdfsign.has_signatures(data):
        sigs, original_registered = (), False
    else:
        sigs = tuple(pdfsign.validate(session, data))
        first = pdfsign.original(data)
        original_registered = first is not None and any(
            prints.find_by_sha256(session, hashlib.sha256(c).hexdigest()) is not None
            for c in _eol_variants(first)
        )
    values = report.parse_keywords(pdf_pages.read(data).keywords)
    row = signing.find_by_uuid(session, values["uuid"]) if values else None
    stored = tuple(record_signatures.signatures(session, row)) if row is not None and row.locked else ()
    return replace(
        verdict, signatures=sigs, record_signatures=stored, original_registered=original_registered
    )


def _eol_variants(data: bytes) -> list[bytes]:
    """The first revision with and without the line ends after its ``%%EOF``."""
    bare = data.rstrip(b"\r\n")
    return [data, bare, bare + b"\n", bare + b"\r\n"]


def verify_content(session: Session, data: bytes) -> Verdict:
    pages = pdf_pages.read(data)
    values, texts = report.parse_keywords(pages.keywords), pages.texts
    if values is None:
        return Verdict(False, _("This PDF is not a print of minutes made by Commission Desk."))
    claimed = values["fingerprint"]
    copy = values.get("copy", "")
    row = signing.find_by_uuid(session, values["uuid"])
    if row is None:
        return Verdict(False, _("The minutes it was printed from are not in this database."), copy=copy,
                       fingerprint=claimed)  # fmt: skip
    src = signing.print_source(session, row.meeting_id)
    label = session_label(src.content)
    out = dict(session=label, copy=copy, fingerprint=claimed)
    if not src.signed:
        return Verdict(False, _("These minutes are not signed: the PDF can only be a proof."), **out)
    if src.problem:
        return Verdict(False, src.problem, **out)
    if claimed != row.fingerprint:
        return Verdict(
            False, _("It is a print of another version of the minutes: its fingerprint differs."), **out
        )
    short = _squeeze(short_fingerprint(claimed))
    for n, text in enumerate(texts, start=1):
        if short not in _squeeze(text):
            return Verdict(
                False, _("Page {page} does not show the fingerprint of these minutes.").format(page=n), **out
            )
    options = report.options_from_keywords(values)
    if options.draft:
        return Verdict(False, _("It is a proof, not a copy of the signed minutes."), **out)
    try:
        resolved = report.resolve(src, options)
    except Exception:  # noqa: BLE001 - keywords that no print could have: not ours
        return Verdict(
            False, _("Its description of how it was printed is not one this program writes."), **out
        )
    same = prints.find_by_sha256(session, hashlib.sha256(data).hexdigest())
    if same is not None and same.minutes_id == row.id and same.key == report.copy_key(resolved):
        return Verdict(True, "", registered=True, **out)
    entry = prints.find(session, row.id, report.copy_key(resolved))
    registered = entry is not None
    expected = entry.load(session) if entry is not None else report.render_minutes(src, resolved)
    detail = "" if registered else _(
        "This copy is not in the print register (printed before the register was kept, or on another "
        "computer): the file was compared with a fresh print of the signed minutes."
    )  # fmt: skip
    if expected != data:
        reason, how = _compare(pages, pdf_pages.read(expected), registered)
        if reason:
            return Verdict(False, reason, detail=how or detail, registered=registered, **out)
    return Verdict(True, "", detail=detail, registered=registered, **out)


def signature_lines(verdict: Verdict) -> list[str]:
    """What ``verify`` says about the digital signatures, one line each (translated)."""
    out: list[str] = []
    if not verdict.signed_digitally:
        if not verdict.fingerprint:  # not a print of minutes this database knows: nothing to say of keys
            return []
        return [_("No digital signature is present (the minutes were signed before keys were used).")]
    for n, sig in enumerate(verdict.signatures, start=1):
        state = _("intact") if sig.intact and sig.unchanged_after else (
            _("NOT intact: the file was changed after this signature") if sig.intact else _("NOT intact"))  # fmt: skip
        when = wording.short_datetime(sig.signed_at) if sig.signed_at else "?"
        out.append(_("PDF signature {n}: {signer} ({side}), {time}: {state}; {trust}.").format(
            n=n, signer=sig.signer, side=sig.side or "?", time=when, state=state, trust=sig.trust.label))  # fmt: skip
    if verdict.signatures:
        if verdict.original_registered:
            out.append(_("The pages signed are byte for byte the copy in the print register."))
    else:
        out.append(_("The PDF carries no digital signature."))
    for sig in verdict.record_signatures:
        when = wording.short_datetime(sig.signed_at) if sig.signed_at else "?"
        state = _("valid") if sig.valid else _("DOES NOT VERIFY (forgery)")
        out.append(_("Signature of the stored content by {side}: {signer}, {time}: {state}; {trust}.").format(
            side=sig.side, signer=sig.signer, time=when, state=state, trust=sig.trust.label))  # fmt: skip
    if not verdict.record_signatures:
        out.append(_("The stored content of these minutes carries no digital signature."))
    return out
