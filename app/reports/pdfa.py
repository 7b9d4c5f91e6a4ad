"""PDF/A-2b copies of the documents, for the archives of the ministries.

The open-source ReportLab has no PDF/A switch: after rendering, pikepdf (on qpdf) adds what PDF/A
asks for: the XMP metadata (title, subject, keywords, dates, the PDF/A identification) and an sRGB
output intent (the profile pikepdf ships), drops the empty page transitions ReportLab writes, and
checks the written file with its own PDF/A validator (an allowlist: it approves only what it knows
to conform). The fonts are embedded already, and documents printed for PDF/A draw their watermark
without transparency (:func:`app.reports.document.render`).

Same data, same bytes: the object IDs are derived from the content, and every date in the XMP
metadata is the document's own (ReportLab's fixed date in invariant mode), never the clock.
"""

from __future__ import annotations

import io

PRODUCER = "Commission Desk"


class PdfaFailed(Exception):
    """The copy could not be made to conform (the validator's findings are the message)."""


def to_pdfa(data: bytes) -> bytes:
    """The PDF ``data`` as a PDF/A-2b file, checked; PdfaFailed if it does not pass."""
    import pikepdf
    import pikepdf.pdfa as pdfa

    pdf = pikepdf.open(io.BytesIO(data))
    for page in pdf.pages:
        if "/Trans" in page.obj:  # ReportLab's empty page transition: not PDF/A's business
            del page.obj["/Trans"]
    first = io.BytesIO()
    try:
        pdfa.save(pdf, first, "2b", deterministic_id=True)
    except pdfa.PdfaError as exc:
        raise PdfaFailed(str(exc)) from exc
    # fixed dates and our name as producer, in the XMP and in the document information alike
    pdf = pikepdf.open(io.BytesIO(first.getvalue()))
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        created = meta.get("xmp:CreateDate")
        if created:
            meta["xmp:MetadataDate"] = created
            meta["xmp:ModifyDate"] = created
        meta["pdf:Producer"] = PRODUCER
    pdf.docinfo["/Producer"] = PRODUCER
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, preserve_pdfa=True)
    result = out.getvalue()
    report = check(result)
    if report:
        raise PdfaFailed("; ".join(report))
    return result


def check(data: bytes) -> list[str]:
    """What keeps ``data`` from being PDF/A-2b (empty: it conforms), by pikepdf's validator."""
    import pikepdf
    import pikepdf.pdfa as pdfa

    report = pdfa.check(pikepdf.open(io.BytesIO(data)), "2b")
    if getattr(report, "verdict", None) == "pass":
        return []
    return [f"{f.rule} ({f.where}): {f.message}" for f in report.findings] or [str(report)]
