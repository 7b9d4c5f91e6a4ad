"""Keys, trust and the signed record's own signatures (app.core.crypto)."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select, text

from app import paths
from app.core.crypto import keys, record, trust
from app.core.db import Database
from app.core.errors import ValidationError
from app.core.models import Minutes
from app.core.services import settings
from app.core.services.minutes import signing
from app.core.services.minutes.content import signing_defaults
from tests.core import crypto_helpers as ch
from tests.core.signing_helpers import make_minutes


def government_p12(passphrase: str) -> bytes:
    """A PKCS#12 file as the government's PKI would issue it: a key certified by a CA, no side in it."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ministry Root CA")])
    now = dt.datetime.now(dt.UTC)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Протокольный отдел")])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(2).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .sign(ca_key, hashes.SHA256()))  # fmt: skip
    return pkcs12.serialize_key_and_certificates(
        b"gov", key, cert, [ca], serialization.BestAvailableEncryption(passphrase.encode())
    )


@pytest.mark.parametrize("algorithm", ["ecdsa-p256", "rsa3072"])
def test_a_key_is_created_and_opened_with_its_passphrase(algorithm):
    data = ch.p12("CN", algorithm)
    key = keys.open_p12(data, ch.PASS["CN"])
    assert key.signer_name == "Secretariat CN" and keys.side_in(key.certificate) == "CN"
    assert len(key.fingerprint) == 64
    assert keys.verify(key.certificate, key.sign(b"content"), b"content")
    assert not keys.verify(key.certificate, key.sign(b"content"), b"c0ntent")
    with pytest.raises(keys.KeyFileError, match="^Wrong passphrase for the key file.$"):
        keys.open_p12(data, "wrong")
    with pytest.raises(keys.KeyFileError, match="not a key file"):
        keys.open_p12(b"junk", "x")


def test_a_government_pkcs12_is_imported():
    key = keys.open_p12(government_p12("пароль"), "пароль")
    assert key.signer_name == "Протокольный отдел" and keys.side_in(key.certificate) == ""
    assert [keys.subject_name(c) for c in key.chain] == ["Ministry Root CA"]


def test_fingerprints_are_read_in_groups_of_four():
    fp = "a4c5b5f2" * 8
    assert keys.grouped(fp) == " ".join(["A4C5", "B5F2"] * 8)
    assert keys.normalize_fingerprint("A4:C5 b5f2") == "a4c5b5f2"


def test_a_certificate_is_trusted_only_when_its_fingerprint_is_confirmed(demo_db, caplog):
    key = ch.key("SU")
    with demo_db.unit() as s:
        with pytest.raises(ValidationError, match="not the certificate's"):
            trust.trust(s, "SU", key.certificate, "0000 1111", "tester")
        assert trust.status(s, key.certificate) == ("SU", trust.Trust.UNKNOWN)
        assert not trust.trust(s, "SU", key.certificate, keys.grouped(key.fingerprint), "tester")
        assert trust.status(s, key.certificate) == ("SU", trust.Trust.TRUSTED)
    pins = json.loads((paths.user_config_dir() / trust.PIN_FILE).read_text())
    assert key.fingerprint in pins.values()
    # a new certificate for the side: the same confirmation, and it is logged
    other = keys.open_p12(keys.create("SU", "New secretariat", "p"), "p")
    with demo_db.unit() as s, caplog.at_level(logging.WARNING, logger="app.core.crypto.trust"):
        assert trust.trust(s, "SU", other.certificate, other.fingerprint, "tester")
        assert trust.status(s, key.certificate)[1] is trust.Trust.UNKNOWN
        assert [h["replaced"] for h in trust.history(s)] == ["", key.fingerprint]
    assert "replaced" in caplog.text and ch.PASS["SU"] not in caplog.text


def test_a_certificate_swapped_inside_the_database_is_not_trusted_here(demo_db):
    ch.trust_sides(demo_db, "SU")
    forger = keys.open_p12(keys.create("SU", "Secretariat SU", "p"), "p")
    with demo_db.unit() as s:  # write access to the database, not to this laptop's config
        certs = settings.get(s, trust.KEY)
        certs["SU"] = {
            **certs["SU"],
            "pem": keys.cert_pem(forger.certificate),
            "fingerprint": forger.fingerprint,
        }
        settings.put(s, trust.KEY, dict(certs))
    with demo_db.unit() as s:
        assert trust.status(s, forger.certificate) == ("SU", trust.Trust.PIN_DIFFERS)
        assert trust.status(s, ch.key("SU").certificate)[1] is trust.Trust.UNKNOWN


def test_a_database_opened_on_another_laptop_is_not_trusted_until_confirmed_there(
    demo_db, monkeypatch, tmp_path
):
    ch.trust_sides(demo_db, "CN")
    monkeypatch.setenv("COMMISSION_DESK_CONFIG_DIR", str(tmp_path / "other-laptop"))
    with demo_db.unit() as s:
        assert trust.status(s, ch.key("CN").certificate)[1] is trust.Trust.NOT_CONFIRMED_HERE


@pytest.fixture
def signed(demo_db):
    from tests.reports.test_minutes_verify import ROWS

    mid, minutes_id = make_minutes(demo_db, rows=ROWS)
    ch.trust_sides(demo_db, "CN", "SU")
    with demo_db.unit() as s:
        signing.record_signing(s, mid, signing_defaults(s, mid), key=ch.key("CN"))
    return demo_db, mid, minutes_id


def test_recording_the_signing_signs_the_content_and_the_other_side_adds_its_signature(signed):
    db, mid, minutes_id = signed
    with db.unit() as s:
        row = s.get(Minutes, minutes_id)
        assert [(x.side, x.valid, x.trust) for x in record.signatures(s, row)] == [
            ("CN", True, trust.Trust.TRUSTED)
        ]
        record.sign(s, mid, ch.key("SU"), "tester")
        with pytest.raises(ValidationError, match="already signed"):
            record.sign(s, mid, ch.key("SU"), "tester")
        assert [x.side for x in record.signatures(s, row) if x.ok] == ["CN", "SU"]
        assert signing.record_problem(s, row) == ""
    raw = db.engine.connect().execute(text("SELECT * FROM minutes_signatures")).fetchall()
    assert ch.PASS["CN"] not in repr(raw) and "PRIVATE" not in repr(raw)


def test_an_untrusted_key_cannot_sign_the_record(signed):
    db, mid, _ = signed
    stranger = keys.open_p12(keys.create("SU", "Stranger", "p"), "p")
    with db.unit() as s, pytest.raises(ValidationError, match="not the trusted certificate"):
        record.sign(s, mid, stranger, "tester")


def test_a_consistent_database_forgery_is_caught_by_the_stored_signature(signed):
    from app.reports import minutes as report
    from app.reports.minutes import PrintOptions

    db, mid, minutes_id = signed
    ch.forge(db, minutes_id)
    with db.unit() as s:
        problem = signing.record_problem(s, s.get(Minutes, minutes_id))
        assert problem.startswith("FORGERY") and "CN" in problem
        with pytest.raises(ValidationError, match="FORGERY"):
            report.minutes_pdf(s, mid, PrintOptions("SU"))


def test_the_other_sides_signature_is_added_when_it_arrives(demo_db_path, tmp_path, capsys):
    import shutil

    from app.cli import main

    theirs = tmp_path / "theirs.sqlite3"
    shutil.copyfile(demo_db_path, theirs)  # the other side's copy of the same signed minutes
    for path in (demo_db_path, theirs):
        db = Database.open(path)
        ch.trust_sides(db, "CN", "SU")
        db.close()
    p12, pw = tmp_path / "su.p12", tmp_path / "pw"
    p12.write_bytes(ch.p12("SU"))
    pw.write_text(ch.PASS["SU"])
    sig = tmp_path / "su-signature.json"
    args = ["keys", "sign-minutes", "--db", str(theirs), "--session", "1", "--key", str(p12)]
    assert main([*args, "--key-passphrase-file", str(pw), "-o", str(sig)]) == 0
    assert "for SU" in capsys.readouterr().out
    doc = json.loads(sig.read_text())
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**doc, "fingerprint": "0" * 64}))
    assert main(["keys", "add-signature", "--db", str(demo_db_path), str(forged)]) == 1
    assert "refused" in capsys.readouterr().err
    assert main(["keys", "add-signature", "--db", str(demo_db_path), str(sig)]) == 0
    assert main(["keys", "add-signature", "--db", str(demo_db_path), str(sig)]) == 1
    assert "already signed" in capsys.readouterr().err
    db = Database.open(demo_db_path)
    with db.unit() as s:
        row = s.execute(select(Minutes).where(Minutes.uuid == doc["minutes"])).scalar_one()
        assert [(x.side, x.ok) for x in record.signatures(s, row)] == [("SU", True)]
    db.close()
