"""Keys for tests: one per side, created once per run (RSA and ECDSA), each trusted in a database."""

from __future__ import annotations

import functools

from app.core.crypto import keys, trust

PASS = {"CN": "北京-passphrase", "SU": "москва-пароль"}


def p12(side: str, algorithm: str = "ecdsa-p256") -> bytes:
    return _p12(side, algorithm)


@functools.cache
def _p12(side: str, algorithm: str) -> bytes:
    return keys.create(side, f"Secretariat {side}", PASS[side], algorithm)


def key(side: str, algorithm: str = "ecdsa-p256") -> keys.SigningKey:
    return keys.open_p12(p12(side, algorithm), PASS[side])


def trust_sides(db, *sides: str, algorithm: str = "ecdsa-p256") -> None:
    with db.unit() as s:
        for side in sides:
            k = key(side, algorithm)
            trust.trust(s, side, k.certificate, k.fingerprint, "tester")
