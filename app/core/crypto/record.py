"""The signed record's own signatures: each side's key signs the canonical content of the signed
minutes (whose SHA-256 is the fingerprint), and the signature is stored with it.

Write access to the database is then not enough to forge signed minutes: whoever changes a segment
and recomputes the content and its fingerprint still cannot make the stored signatures verify, and
:func:`forgery` says so wherever the minutes are shown, printed or verified. Replacing a signature
and its certificate with one's own shows as a certificate that is not trusted
(:mod:`app.core.crypto.trust`).
"""

from __future__ import annotations

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
