"""The certificate each side signs with, and whether this laptop trusts it.

Each side's certificate is recorded in the commission's settings (the database) once a user has
confirmed its SHA-256 fingerprint, read aloud in groups of four over the telephone. The confirmed
fingerprint is also pinned outside the database, in the user's config on this laptop
(``trusted-certificates.json``, keyed by the side's UUID): a certificate swapped inside the
database no longer matches the pin and shows as untrusted here. A certificate is **trusted** when
it is the one recorded for its side and the pin on this laptop agrees. Replacing a side's
certificate needs the same confirmation and is logged (the settings keep a history, and the
application log says it).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.core.changes import Change, changes
from app.core.crypto import keys
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Side
from app.core.services import settings
from app.i18n import N_, _

log = logging.getLogger(__name__)

#: settings: {side code: {"pem", "fingerprint", "confirmed_by", "confirmed_at"}}
KEY = "crypto.certificates"
#: settings: the history of confirmations and replacements
HISTORY = "crypto.certificates.history"
PIN_FILE = "trusted-certificates.json"


class Trust(enum.Enum):
    TRUSTED = "trusted"
    NOT_CONFIRMED_HERE = "not-confirmed-here"  # recorded in the database, never confirmed on this laptop
    PIN_DIFFERS = "pin-differs"  # the database's certificate is not the one confirmed here
    UNKNOWN = "unknown"  # no side has this certificate

    @property
    def label(self) -> str:
        return {
            Trust.TRUSTED: _("certificate trusted"),
            Trust.NOT_CONFIRMED_HERE: _("certificate not confirmed on this computer (keys trust)"),
            Trust.PIN_DIFFERS: _(
                "certificate NOT trusted: it differs from the one confirmed on this computer"
            ),
            Trust.UNKNOWN: _("certificate NOT trusted: no side's trusted certificate"),
        }[self]


@dataclass(frozen=True)
class SideCertificate:
    side: str
    certificate: x509.Certificate
    fingerprint: str
    confirmed_by: str
    confirmed_at: str


def _side(session: Session, code: str) -> Side:
    row = session.execute(select(Side).where(Side.code == code.strip().upper())).scalar_one_or_none()
    if row is None:
        raise NotFoundError(N_("The commission has no side {side}."), side=code)
    return row


def _pins() -> dict:
    path = paths.user_config_dir() / PIN_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _pin(side_uuid: str, fp: str) -> None:
    pins = _pins()
    pins[side_uuid] = fp
    d = paths.user_config_dir()
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / (PIN_FILE + ".tmp")
    tmp.write_text(json.dumps(pins, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(d / PIN_FILE)


def recorded(session: Session) -> dict[str, SideCertificate]:
    """The certificates recorded for the sides, by side code."""
    out = {}
    for code, v in (settings.get(session, KEY) or {}).items():
        try:
            cert = keys.load_cert(v["pem"])
        except (ValidationError, KeyError, TypeError):
            continue
        out[code] = SideCertificate(code, cert, keys.fingerprint(cert), v.get("confirmed_by", ""),
                                    v.get("confirmed_at", ""))  # fmt: skip
    return out


def side_of(session: Session, cert: x509.Certificate) -> str:
    """The side whose recorded certificate this is, else the side written in it, else ""."""
    fp = keys.fingerprint(cert)
    for code, sc in recorded(session).items():
        if sc.fingerprint == fp:
            return code
    return keys.side_in(cert)


def status(session: Session, cert: x509.Certificate) -> tuple[str, Trust]:
    """(the side, whether this laptop trusts the certificate for it)."""
    fp = keys.fingerprint(cert)
    for code, sc in recorded(session).items():
        if sc.fingerprint != fp:
            continue
        pinned = _pins().get(_side(session, code).uuid)
        if pinned is None:
            return code, Trust.NOT_CONFIRMED_HERE
        return code, Trust.TRUSTED if pinned == fp else Trust.PIN_DIFFERS
    return keys.side_in(cert), Trust.UNKNOWN


@changes(Change.SETTINGS)
def trust(session: Session, side: str, cert: x509.Certificate, confirmed_fingerprint: str, by: str) -> bool:
    """Record ``cert`` as the side's certificate and pin it on this laptop, once the fingerprint the
    user confirmed is the certificate's. True when it replaced another certificate."""
    row = _side(session, side)
    fp = keys.fingerprint(cert)
    if keys.normalize_fingerprint(confirmed_fingerprint) != fp:
        raise ValidationError(
            N_(
                "The fingerprint given is not the certificate's: it is not trusted. Its fingerprint is {fingerprint}."
            ),
            field="fingerprint",
            fingerprint=keys.grouped(fp),
        )
    certs = dict(settings.get(session, KEY) or {})
    old = certs.get(row.code)
    old_fp = ""
    if old:
        try:
            old_fp = keys.fingerprint(keys.load_cert(old["pem"]))
        except ValidationError:
            old_fp = "?"
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    certs[row.code] = {"pem": keys.cert_pem(cert), "fingerprint": fp, "confirmed_by": by, "confirmed_at": now}
    settings.put(session, KEY, certs)
    replaced = bool(old_fp) and old_fp != fp
    if old_fp != fp:
        history = list(settings.get(session, HISTORY) or [])
        history.append({"side": row.code, "fingerprint": fp, "replaced": old_fp, "by": by, "at": now})
        settings.put(session, HISTORY, history)
        if replaced:
            log.warning("certificate of side %s replaced: %s -> %s (by %s)", row.code, old_fp, fp, by)
        else:
            log.info("certificate of side %s trusted: %s (by %s)", row.code, fp, by)
    session.flush()
    _pin(row.uuid, fp)
    return replaced


def history(session: Session) -> list[dict]:
    return list(settings.get(session, HISTORY) or [])
