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


def forge(db, minutes_id: int) -> None:
    """A consistent forgery by someone with write access: the guards dropped, a number changed in the
    segments and the stored content, the fingerprint (and the signatures' copy of it) recomputed."""
    import hashlib

    from sqlalchemy import text

    from app.core.models import Minutes
    from tests.core.signing_helpers import drop_guards

    drop_guards(db)
    with db.unit() as s:
        content = s.get(Minutes, minutes_id).signed_content.replace("120", "121")
    fingerprint = hashlib.sha256(content.encode("utf-8")).hexdigest()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE minutes_segments SET text_zh = replace(text_zh, '120', '121'), "
                          "text_ru = replace(text_ru, '120', '121') WHERE minutes_id = :m"), {"m": minutes_id})  # fmt: skip
        conn.execute(text("UPDATE minutes SET signed_content = :c, fingerprint = :f WHERE id = :m"),
                     {"c": content, "f": fingerprint, "m": minutes_id})  # fmt: skip
        conn.execute(text("UPDATE minutes_signatures SET fingerprint = :f"), {"f": fingerprint})
