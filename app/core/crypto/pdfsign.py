"""PAdES signatures on a printed PDF, with pyHanko.

:func:`sign` adds a baseline signature (PAdES B-B: offline, no time-stamp server) as an incremental
update, so the bytes of the copy as printed stay, unchanged, at the start of the file: the other
side countersigns the same file the same way, two signatures on one original. :func:`validate`
checks every signature (intact, covering its revision, nothing but signatures added after it, the
certificate trusted on this computer); :func:`original` gives the revision before the first
signature, which ``verify`` compares with the print register.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy.orm import Session

from app.core.crypto import keys, trust
from app.core.errors import CoreError
from app.i18n import N_


def _quiet_pyhanko() -> None:
    """Import pyHanko without its import-time deprecation warning (DSA) reaching the user."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pyhanko.sign.signers  # noqa: F401
        import pyhanko.sign.validation  # noqa: F401


class SigningFailed(CoreError):
    """The PDF could not be signed (not a PDF pyHanko can update, …)."""


@dataclass(frozen=True)
class PdfSignature:
    field: str
    signer: str
    side: str
    signed_at: dt.datetime | None
    intact: bool  # the signed bytes are unchanged and the signature is mathematically valid
    unchanged_after: bool  # nothing but signatures (form filling) added after it
    trust: trust.Trust
    fingerprint: str
    #: the byte length of the revision it signs
    revision_end: int

    @property
    def ok(self) -> bool:
        return self.intact and self.unchanged_after and self.trust is trust.Trust.TRUSTED


def _field_name(data: bytes, side: str) -> str:
    _quiet_pyhanko()
    from pyhanko.pdf_utils.reader import PdfFileReader

    taken = {s.field_name for s in PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures}
    n = 1
    while f"Signature{n}-{side or 'X'}" in taken:
        n += 1
    return f"Signature{n}-{side or 'X'}"


def sign(data: bytes, key: keys.SigningKey, side: str = "", reason: str = "") -> bytes:
    """``data`` with a new PAdES B-B signature by ``key``, as an incremental update."""
    _quiet_pyhanko()
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = key.certificate.public_bytes(serialization.Encoding.DER)
    pkey = key.private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(der),
        signing_key=asn1_keys.PrivateKeyInfo.load(pkey),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in key.chain]
        ),
    )
    side = side or keys.side_in(key.certificate)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        meta = signers.PdfSignatureMetadata(
            field_name=_field_name(data, side),
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=reason or None,
            name=key.signer_name,
        )
        out = signers.sign_pdf(writer, meta, signer=signer)
    except Exception as exc:  # noqa: BLE001 - pyHanko's many errors: the file cannot be signed
        raise SigningFailed(N_("The PDF cannot be signed: {reason}"), reason=str(exc)) from exc
    return out.getvalue()


def has_signatures(data: bytes) -> bool:
    _quiet_pyhanko()
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return bool(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
    except Exception:  # noqa: BLE001 - not a PDF pyHanko reads: no signatures it could check
        return False


def validate(session: Session, data: bytes) -> list[PdfSignature]:
    """Every signature in the PDF, checked: pyHanko validates it with its own certificate as trust
    root (intact, and nothing but signatures added after it); whether the certificate is trusted is
    this computer's trust (:mod:`app.core.crypto.trust`)."""
    _quiet_pyhanko()
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    out = []
    for emb in reader.embedded_signatures:
        der = emb.signer_cert.dump()
        cert = x509.load_der_x509_certificate(der)
        root = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        vc = ValidationContext(trust_roots=[root], allow_fetching=False)
        try:
            status = validate_pdf_signature(emb, vc)
            intact = bool(status.intact and status.valid)
            from pyhanko.sign.diff_analysis import ModificationLevel

            level = status.modification_level
            unchanged = (
                level is not None
                and level <= ModificationLevel.FORM_FILLING
                and status.docmdp_ok is not False
            )
            when = status.signer_reported_dt
        except Exception:  # noqa: BLE001 - a signature pyHanko cannot even check is not valid
            intact, unchanged, when = False, False, None
        side, state = trust.status(session, cert)
        end = emb.byte_range[2] + emb.byte_range[3]
        out.append(PdfSignature(emb.field_name, keys.subject_name(cert), side, when, intact, unchanged, state,
                                keys.fingerprint(cert), end))  # fmt: skip
    return out


def original(data: bytes) -> bytes | None:
    """The file as it was before the first signature was added (its first revision), or None."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    sigs = reader.embedded_signatures
    if not sigs:
        return None
    first = min(sigs, key=lambda e: e.signed_revision)
    if first.signed_revision == 0:
        return None  # signed in its first revision: there is no unsigned original in the file
    end = reader.xrefs.get_startxref_for_revision(first.signed_revision)
    # the previous revision ends at the "%%EOF" before the signing update starts
    cut = data.rfind(b"%%EOF", 0, end + 1)
    if cut < 0:
        return None
    cut += 5
    while cut < len(data) and data[cut : cut + 1] in (b"\r", b"\n"):
        cut += 1
    return data[:cut]
