"""PAdES signatures on printed minutes (pyHanko): signing, countersigning, validation with pyHanko
and with poppler's pdfsig, a byte changed after signing, an untrusted certificate; verify and the
command lines (keys, sign, pdf minutes --sign-with)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from app.cli import main
from app.core.crypto import keys, pdfsign, trust
from app.core.services.minutes import signing
from app.core.services.minutes.content import signing_defaults
from app.reports import minutes as report
from app.reports.minutes import PrintOptions
from app.reports.minutes_verify import verify_pdf
from tests.core import crypto_helpers as ch
from tests.core.signing_helpers import make_minutes


@pytest.fixture
def signed(demo_db):
    from tests.reports.test_minutes_verify import ROWS

    mid, _minutes_id = make_minutes(demo_db, rows=ROWS)
    ch.trust_sides(demo_db, "CN", "SU")
    with demo_db.unit() as s:
        signing.record_signing(s, mid, signing_defaults(s, mid), key=ch.key("CN"))
    with demo_db.unit() as s:
        data = report.minutes_pdf(s, mid, PrintOptions("CN"))
    return demo_db, mid, data


def _verify(db, data):
    with db.unit() as s:
        return verify_pdf(s, data)


def test_signed_and_countersigned_the_pages_stay_the_registered_print(signed):
    db, _mid, data = signed
    one = pdfsign.sign(data, ch.key("CN"))
    two = pdfsign.sign(one, ch.key("SU"))
    assert one.startswith(data) and two.startswith(one)  # incremental updates
    assert pdfsign.original(two) == data
    with db.unit() as s:
        sigs = pdfsign.validate(s, two)
    assert [(x.side, x.signer, x.intact, x.unchanged_after, x.trust) for x in sigs] == [
        ("CN", "Secretariat CN", True, True, trust.Trust.TRUSTED),
        ("SU", "Secretariat SU", True, True, trust.Trust.TRUSTED),
    ]
    verdict = _verify(db, two)
    assert verdict.match and verdict.original_registered and verdict.all_valid
    assert [x.side for x in verdict.record_signatures] == ["CN"]


def test_pyhanko_validates_with_the_certificate_as_trust_root(signed):
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    db, _mid, data = signed
    signed_pdf = pdfsign.sign(data, ch.key("CN"))
    (emb,) = PdfFileReader(io.BytesIO(signed_pdf)).embedded_signatures
    status = validate_pdf_signature(emb, ValidationContext(trust_roots=[emb.signer_cert]))
    assert status.intact and status.valid and status.trusted and status.bottom_line


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_pdfsig_lists_both_signatures(signed, tmp_path):
    _db, _mid, data = signed
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdfsign.sign(pdfsign.sign(data, ch.key("CN")), ch.key("SU")))
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2
    assert "Secretariat CN" in out and "Secretariat SU" in out
    assert "ETSI.CAdES.detached" in out  # PAdES


def test_a_byte_changed_after_signing_is_detected(signed):
    db, _mid, data = signed
    signed_pdf = pdfsign.sign(data, ch.key("CN"))
    i = signed_pdf.index(b"/Producer")  # a byte inside the signed range
    tampered = signed_pdf[:i] + b"/Producxr" + signed_pdf[i + 9 :]
    verdict = _verify(db, tampered)
    assert verdict.signatures and not verdict.signatures[0].intact and not verdict.all_valid


def test_a_signature_by_an_untrusted_certificate_is_reported(signed):
    db, _mid, data = signed
    stranger = keys.open_p12(keys.create("SU", "Secretariat SU", "p"), "p")  # same name, another key
    verdict = _verify(db, pdfsign.sign(data, stranger))
    (sig,) = verdict.signatures
    assert sig.intact and sig.trust is trust.Trust.UNKNOWN
    assert verdict.match and not verdict.all_valid


def test_keys_sign_and_verify_from_the_command_line(demo_db_path, tmp_path, capsys, monkeypatch):
    db = ["--db", str(demo_db_path)]
    pcn, psu, bad = tmp_path / "pcn", tmp_path / "psu", tmp_path / "bad"
    pcn.write_text("北京 secret\n")
    psu.write_text("москва\n")
    bad.write_text("wrong\n")
    cn, su = tmp_path / "cn.p12", tmp_path / "su.p12"
    assert (
        main(
            [
                "keys",
                "new",
                "--side",
                "CN",
                "--name",
                "中方秘书处",
                "-o",
                str(cn),
                "--key-passphrase-file",
                str(pcn),
            ]
        )
        == 0
    )
    monkeypatch.setenv("COMMISSION_DESK_KEY_PASSPHRASE", "москва")
    assert (
        main(
            ["keys", "new", "--side", "SU", "--name", "Секретариат", "--algorithm", "rsa3072", "-o", str(su)]
        )
        == 0
    )
    monkeypatch.delenv("COMMISSION_DESK_KEY_PASSPHRASE")
    capsys.readouterr()
    assert (
        main(
            [
                "keys",
                "export-cert",
                str(cn),
                "-o",
                str(tmp_path / "cn.pem"),
                "--key-passphrase-file",
                str(bad),
            ]
        )
        == 1
    )
    assert capsys.readouterr().err.strip() == f"commission-desk: {cn}: Wrong passphrase for the key file."
    fps = {}
    for side, p12, pw in (("CN", cn, pcn), ("SU", su, psu)):
        pem = tmp_path / f"{side}.pem"
        assert main(["keys", "export-cert", str(p12), "-o", str(pem), "--key-passphrase-file", str(pw)]) == 0
        fps[side] = capsys.readouterr().out.splitlines()[-1]
        assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", fps[side])
    assert (
        main(["keys", "trust", *db, "--side", "SU", str(tmp_path / "SU.pem"), "--fingerprint", fps["CN"]])
        == 1
    )
    assert "not the certificate's" in capsys.readouterr().err
    for side in ("CN", "SU"):
        assert (
            main(
                [
                    "keys",
                    "trust",
                    *db,
                    "--side",
                    side,
                    str(tmp_path / f"{side}.pem"),
                    "--fingerprint",
                    fps[side],
                ]
            )
            == 0
        )
    out = tmp_path / "cn.pdf"
    pdf = ["pdf", "minutes", *db, "--session", "1", "--original", "CN", "-o", str(out)]
    assert main([*pdf, "--sign-with", str(cn), "--key-passphrase-file", str(pcn)]) == 0
    both = tmp_path / "cn-both.pdf"
    assert main(["sign", "--key", str(su), "--key-passphrase-file", str(psu), str(out), "-o", str(both)]) == 0
    capsys.readouterr()
    assert main(["verify", *db, str(both)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("MATCH:")
    assert "PDF signature 1: 中方秘书处 (CN)" in said and "PDF signature 2: Секретариат (SU)" in said
    assert said.count("intact; certificate trusted") == 2
    assert "byte for byte the copy in the print register" in said
    assert (
        main(
            [
                "keys",
                "sign-minutes",
                *db,
                "--session",
                "1",
                "--key",
                str(su),
                "--key-passphrase-file",
                str(psu),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["verify", *db, str(both)]) == 0
    assert "Signature of the stored content by SU: Секретариат" in capsys.readouterr().out
    # a byte changed after signing
    data = both.read_bytes()
    i = data.index(b"/Producer")
    (tmp_path / "bad.pdf").write_bytes(data[:i] + b"/Producxr" + data[i + 9 :])
    assert main(["verify", *db, str(tmp_path / "bad.pdf")]) == 1
    assert "NOT intact" in capsys.readouterr().out
    # on a laptop where nobody confirmed the fingerprints: not trusted there
    monkeypatch.setenv("COMMISSION_DESK_CONFIG_DIR", str(tmp_path / "other-laptop"))
    assert main(["verify", *db, str(both)]) == 1
    assert "not confirmed on this computer" in capsys.readouterr().out


def test_minutes_signed_before_any_key_verify_as_before(demo_db_path, tmp_path, capsys):
    out = tmp_path / "cn.pdf"
    db = ["--db", str(demo_db_path)]
    assert main(["pdf", "minutes", *db, "--session", "1", "--original", "CN", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["verify", *db, str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("MATCH:")
    assert lines[1:] == ["No digital signature is present (the minutes were signed before keys were used)."]
