"""Does a PDF match the signed minutes it claims to be?

A print of the minutes carries, in its keywords, the minutes' UUID, the full fingerprint and how it
was printed (:func:`app.reports.minutes.keywords`), and on every page the short fingerprint. A PDF
**matches** when all of these hold:

1. its keywords name minutes that this database holds, and those minutes are signed;
2. the signed record holds: the stored content hashes to the stored fingerprint, and the segments
   and signing fields in the database still give that content (nothing changed after signing);
3. the fingerprint in the PDF is the stored one (it is a print of this very version);
4. every page shows the short fingerprint;
5. it is not a proof, and printing the signed minutes again as the keywords say gives the same
   pages with the same text (so no page was added, removed, swapped or altered).

The first failing condition is the reason given. The check reads the PDF with pypdf; a file that
is not a readable PDF raises :class:`Unreadable`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.services.minutes import signing
from app.core.services.minutes.content import MinutesContent, short_fingerprint
from app.i18n import _, current_language, wording
from app.reports import minutes as report


class Unreadable(Exception):
    """The file is not a PDF that can be read."""


@dataclass(frozen=True)
class Verdict:
    match: bool
    reason: str = ""  # why not (translated), or what matched
    session: str = ""  # "session 1: Beijing, 3 March 1958 – 7 March 1958" (translated), if known
    copy: str = ""  # "CN", "SU", "reading"
    fingerprint: str = ""


_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Text without white space and without the hyphens a line break may add or remove."""
    return _SPACE.sub("", text).replace("-", "").replace("\u00ad", "")


def read_pdf(data: bytes) -> tuple[dict[str, str] | None, list[str]]:
    """(the minutes keywords or None, the text of every page)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # its warnings about a damaged file: our message says it
    try:
        reader = PdfReader(io.BytesIO(data))
        meta = reader.metadata
        keywords = str(meta.get("/Keywords", "")) if meta else ""
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Unreadable(str(exc)) from exc
    return report.parse_keywords(keywords), texts


def session_label(c: MinutesContent) -> str:
    lang = current_language()
    city = c.city.get(lang if lang != "en" else "ru")
    return _("{session}: {city}, {dates}").format(
        session=wording.session_name(c.ordinal), city=city, dates=wording.date_range(c.start, c.end)
    )


def verify_pdf(session: Session, data: bytes) -> Verdict:
    values, texts = read_pdf(data)
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
    expected = report.render_minutes(src, resolved)
    if expected != data:
        _values, again = read_pdf(expected)
        if len(again) != len(texts):
            return Verdict(
                False,
                _("It has {found} pages; the signed minutes printed this way have {expected}.").format(
                    found=len(texts), expected=len(again)
                ),
                **out,
            )
        for n, (got, want) in enumerate(zip(texts, again, strict=True), start=1):
            if _squeeze(got) != _squeeze(want):
                return Verdict(False, _("The text of page {page} differs from the signed minutes.").format(page=n),
                               **out)  # fmt: skip
    return Verdict(True, "", **out)
