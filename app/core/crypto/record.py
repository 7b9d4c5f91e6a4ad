"""The signed record's own signatures: each side's key signs the canonical content of the signed
minutes (whose SHA-256 is the fingerprint), and the signature is stored with it.

Write access to the database is then not enough to forge signed minutes: whoever changes a segment
and recomputes the content and its fingerprint still cannot make the stored signatures verify, and
:func:`forgery` says so wherever the minutes are shown, printed or verified. Replacing a signature
and its certificate with one's own shows as a certificate that is not trusted
(:mod:`app.core.crypto.trust`).
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.crypto import keys, trust
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Minutes, MinutesSignature
from app.i18n import N_, _


@dataclass(frozen=True)
class RecordSignature:
    side: str
    signer: str
    signed_at: dt.datetime | None
    valid: bool  # the signature verifies over the stored content, with the fingerprint stored
    trust: trust.Trust
    fingerprint: str  # the certificate's

    @property
    def ok(self) -> bool:
        return self.valid and self.trust is trust.Trust.TRUSTED


def _row(session: Session, meeting_id: int) -> Minutes:
    row = session.execute(select(Minutes).where(Minutes.meeting_id == meeting_id)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    return row


@changes(Change.MINUTES)
def sign(session: Session, meeting_id: int, key: keys.SigningKey, by: str) -> RecordSignature:
    """Sign the stored content of signed minutes with a side's key, and store the signature."""
    row = _row(session, meeting_id)
    if not row.locked or not row.signed_content:
        raise ValidationError(N_("The minutes are not signed yet: record the signing first."))
    side, state = trust.status(session, key.certificate)
    if state is not trust.Trust.TRUSTED:
        raise ValidationError(
            N_(
                "This key's certificate is not the trusted certificate of a side on this computer ({state}). "
                "Trust it first, confirming its fingerprint {fingerprint}."
            ),  # fmt: skip
            state=state.label,
            fingerprint=keys.grouped(key.fingerprint),
        )
    exists = session.execute(
        select(MinutesSignature).where(MinutesSignature.minutes_id == row.id, MinutesSignature.side == side)
    ).scalar_one_or_none()
    if exists is not None:
        raise ValidationError(N_("Side {side} has already signed these minutes."), side=side)
    data = row.signed_content.encode("utf-8")
    if keys.digest(data) != row.fingerprint:
        raise ValidationError(
            N_("The signed content stored with these minutes no longer matches their fingerprint.")
        )
    sig = MinutesSignature(minutes_id=row.id, side=side, fingerprint=row.fingerprint,
                           certificate=keys.cert_pem(key.certificate), signature=key.sign(data), signed_by=by)  # fmt: skip
    session.add(sig)
    session.flush()
    return _check(session, row, sig)


def _check(session: Session, row: Minutes, sig: MinutesSignature) -> RecordSignature:
    try:
        cert = keys.load_cert(sig.certificate)
    except ValidationError:
        return RecordSignature(sig.side, "?", sig.created_at, False, trust.Trust.UNKNOWN, "")
    data = (row.signed_content or "").encode("utf-8")
    valid = (
        sig.fingerprint == row.fingerprint
        and keys.digest(data) == row.fingerprint
        and keys.verify(cert, sig.signature, data)
    )
    side, state = trust.status(session, cert)
    if side and side != sig.side:
        state = trust.Trust.UNKNOWN  # another side's certificate under this side's name
    return RecordSignature(
        sig.side, keys.subject_name(cert), sig.created_at, valid, state, keys.fingerprint(cert)
    )


def signatures(session: Session, row: Minutes) -> list[RecordSignature]:
    """The stored content's signatures, each checked."""
    rows = session.execute(
        select(MinutesSignature).where(MinutesSignature.minutes_id == row.id).order_by(MinutesSignature.id)
    ).scalars()
    return [_check(session, row, s) for s in rows]


def forgery(session: Session, row: Minutes) -> str:
    """Why the stored content is a forgery (a signature over it no longer verifies), or ""."""
    bad = [s.side for s in signatures(session, row) if not s.valid]
    if not bad:
        return ""
    return _("FORGERY: the digital signature of {sides} over the signed content no longer verifies: the "
             "minutes were changed after signing.").format(sides=", ".join(bad))  # fmt: skip


# --- a signature travelling between the sides' databases ---------------------------------------

FORMAT = "commission-desk/minutes-signature/1"


def export(session: Session, meeting_id: int, side: str) -> dict:
    """A side's stored signature as a small JSON-able document, for the other side's database."""
    row = _row(session, meeting_id)
    sig = session.execute(
        select(MinutesSignature).where(MinutesSignature.minutes_id == row.id, MinutesSignature.side == side)
    ).scalar_one_or_none()
    if sig is None:
        raise NotFoundError(N_("Side {side} has not signed these minutes digitally."), side=side)
    return {
        "format": FORMAT,
        "minutes": row.uuid,
        "side": sig.side,
        "fingerprint": sig.fingerprint,
        "certificate": sig.certificate,
        "signature": base64.b64encode(sig.signature).decode("ascii"),
        "signed_at": sig.created_at.isoformat() if sig.created_at else "",
    }


@changes(Change.MINUTES)
def add(session: Session, doc: dict, by: str) -> RecordSignature:
    """Add the other side's signature over the same fingerprint, as it arrived (:func:`export`): it
    must verify over the content stored here, with the certificate trusted for its side."""
    try:
        if doc.get("format") != FORMAT:
            raise ValueError
        uuid, side, fp = str(doc["minutes"]), str(doc["side"]), str(doc["fingerprint"])
        cert = keys.load_cert(str(doc["certificate"]))
        signature = base64.b64decode(str(doc["signature"]), validate=True)
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise ValidationError(N_("This is not a signature file of the minutes.")) from exc
    row = session.execute(select(Minutes).where(Minutes.uuid == uuid)).scalar_one_or_none()
    if row is None or not row.locked:
        raise ValidationError(N_("The signed minutes this signature belongs to are not in this database."))
    data = (row.signed_content or "").encode("utf-8")
    if fp != row.fingerprint or not keys.verify(cert, signature, data):
        raise ValidationError(
            N_("The signature does not verify over the signed content stored here: it is refused.")
        )
    found, state = trust.status(session, cert)
    if state is not trust.Trust.TRUSTED or found != side:
        raise ValidationError(
            N_(
                "The certificate of this signature is not trusted for side {side} on this computer ({state})."
            ),
            side=side,
            state=state.label,
        )
    exists = session.execute(
        select(MinutesSignature).where(MinutesSignature.minutes_id == row.id, MinutesSignature.side == side)
    ).scalar_one_or_none()
    if exists is not None:
        raise ValidationError(N_("Side {side} has already signed these minutes."), side=side)
    sig = MinutesSignature(minutes_id=row.id, side=side, fingerprint=fp, certificate=keys.cert_pem(cert),
                           signature=signature, signed_by=by)  # fmt: skip
    try:
        when = dt.datetime.fromisoformat(str(doc.get("signed_at") or ""))
        sig.created_at = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    except ValueError:
        pass
    session.add(sig)
    session.flush()
    return _check(session, row, sig)
