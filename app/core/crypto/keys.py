"""Signing keys: a private key and its X.509 certificate in a PKCS#12 file, protected by a
passphrase.

A key is created here (ECDSA P-256 or RSA 3072, a self-signed certificate naming the secretariat and
its side) or comes from the government's own PKI as a PKCS#12 file. The side a key signs for is
written in its certificate (organizational unit); a certificate from elsewhere gets its side from
the commission's trusted certificates (:mod:`app.core.crypto.trust`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.core.errors import CoreError, ValidationError
from app.i18n import N_

ALGORITHMS = ("ecdsa-p256", "rsa3072")
#: How long a created certificate is valid.
VALIDITY_DAYS = 10 * 366


class KeyFileError(CoreError):
    """A key file that cannot be used: wrong passphrase, not a PKCS#12 file, no private key."""


@dataclass(frozen=True)
class SigningKey:
    """A key opened from its PKCS#12 file (in memory only)."""

    private_key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def signer_name(self) -> str:
        return subject_name(self.certificate)

    def sign(self, data: bytes) -> bytes:
        """A signature over ``data`` (SHA-256)."""
        key = self.private_key
        if isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return key.sign(data, ec.ECDSA(hashes.SHA256()))  # type: ignore[union-attr]


def create(side: str, name: str, passphrase: str, algorithm: str = "ecdsa-p256",
           organization: str = "") -> bytes:  # fmt: skip
    """A new key and self-signed certificate for a side's secretariat, as PKCS#12 bytes."""
    side, name = side.strip().upper(), name.strip()
    if not side:
        raise ValidationError(
            N_("Give the side the key signs for (its code, such as CN or SU)."), field="side"
        )
    if not name:
        raise ValidationError(N_("Give the name the certificate shows."), field="name")
    if not passphrase:
        raise ValidationError(N_("Give a passphrase to protect the key."), field="passphrase")
    if algorithm == "rsa3072":
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    elif algorithm == "ecdsa-p256":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        raise ValidationError(N_("Unknown key type: {algorithm}."), field="algorithm", algorithm=algorithm)
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, side),
    ]
    if organization.strip():
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization.strip()))
    subject = x509.Name(attrs)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),  # fmt: skip
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def open_p12(data: bytes, passphrase: str) -> SigningKey:
    """Open a PKCS#12 file; :class:`KeyFileError` (one line) for a wrong passphrase or a bad file."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, passphrase.encode("utf-8") if passphrase else None
        )
    except ValueError as exc:
        text = str(exc).lower()
        if "password" in text or "mac" in text or "decrypt" in text:
            raise KeyFileError(N_("Wrong passphrase for the key file.")) from exc
        raise KeyFileError(N_("This is not a key file (PKCS#12) that can be read.")) from exc
    except Exception as exc:  # noqa: BLE001 - whatever the parser says, it is not a usable key
        raise KeyFileError(N_("This is not a key file (PKCS#12) that can be read.")) from exc
    if key is None or cert is None:
        raise KeyFileError(N_("The key file holds no private key with its certificate."))
    return SigningKey(key, cert, tuple(extra or ()))


def fingerprint(cert: x509.Certificate) -> str:
    """The SHA-256 fingerprint of the certificate (DER), lowercase hex."""
    return cert.fingerprint(hashes.SHA256()).hex()


def grouped(fp: str) -> str:
    """A fingerprint in groups of four, upper case, to read aloud: ``3F2A 9C01 …``."""
    fp = normalize_fingerprint(fp).upper()
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def grouped_lines(fp: str) -> str:
    """A fingerprint in groups of four, eight groups a line (two lines for SHA-256)."""
    groups = grouped(fp).split()
    return "\n".join(" ".join(groups[i : i + 8]) for i in range(0, len(groups), 8))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, colons, either case) in lowercase hex."""
    return "".join(c for c in text.lower() if c in "0123456789abcdef")


def cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_cert(data: bytes | str) -> x509.Certificate:
    """A certificate from PEM or DER bytes; ValidationError when it is neither."""
    raw = data.encode("ascii") if isinstance(data, str) else data
    try:
        if b"-----BEGIN" in raw:
            return x509.load_pem_x509_certificate(raw)
        return x509.load_der_x509_certificate(raw)
    except ValueError as exc:
        raise ValidationError(N_("This is not a certificate (PEM or DER) that can be read.")) from exc


def subject_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def side_in(cert: x509.Certificate) -> str:
    """The side written in a certificate created here (its organizational unit), else ""."""
    units = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return str(units[0].value).upper() if units else ""


def verify(cert: x509.Certificate, signature: bytes, data: bytes) -> bool:
    """Does ``signature`` over ``data`` verify with the certificate's public key?"""
    key = cert.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
