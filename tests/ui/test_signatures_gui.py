"""Digital signatures through the GUI: trusting a side's certificate once its fingerprint is
confirmed, recording the signing with a key (a wrong passphrase refused, nothing recorded), printing
a signed copy and verifying it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.core.crypto import keys, record, trust
from app.core.models import Minutes
from app.ui.dialogs.certificates_dialog import CertificatesDialog
from app.ui.dialogs.print_minutes_dialog import PrintMinutesDialog
from app.ui.dialogs.signing_dialog import SigningDialog
from app.ui.dialogs.verify_minutes import verify_file
from app.ui.widgets import messages
from tests.core import crypto_helpers as ch
from tests.core.signing_helpers import make_minutes, segments_spec
from tests.ui.typing import type_text


def _confirm(monkeypatch, answer: bool) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or answer)
    return asked


def test_a_certificate_is_trusted_once_its_fingerprint_is_confirmed(qtbot, demo_ctx, monkeypatch, tmp_path):
    key = ch.key("SU")
    pem = tmp_path / "su.pem"
    pem.write_text(keys.cert_pem(key.certificate))
    dialog = CertificatesDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "no certificate yet" in dialog.names["SU"].text()
    asked = _confirm(monkeypatch, False)  # the fingerprints read aloud differ: not trusted
    assert not dialog.import_certificate("SU", pem)
    assert (
        keys.grouped_lines(key.fingerprint) in asked[0] and "no certificate yet" in dialog.names["SU"].text()
    )
    _confirm(monkeypatch, True)
    assert dialog.import_certificate("SU", pem)
    assert keys.grouped_lines(key.fingerprint) in dialog.names["SU"].text()
    assert dialog.states["SU"].text() == "certificate trusted"
    assert demo_ctx.read(trust.status, key.certificate) == ("SU", trust.Trust.TRUSTED)
    other = tmp_path / "other.pem"
    other.write_text(keys.cert_pem(keys.open_p12(keys.create("SU", "New", "p"), "p").certificate))
    asked = _confirm(monkeypatch, True)
    assert dialog.import_certificate("SU", other) and "replaces the certificate" in asked[0]
    junk = tmp_path / "junk.pem"
    junk.write_text("junk")
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    assert not dialog.import_certificate("SU", junk) and "not a certificate" in errors[0]


def test_record_the_signing_with_a_key(qtbot, demo_db, demo_ctx, monkeypatch, tmp_path):
    mid, minutes_id = make_minutes(demo_db, rows=segments_spec(n_per_part=2, long_factor=1, rare=False))
    ch.trust_sides(demo_db, "CN")
    p12 = tmp_path / "cn.p12"
    p12.write_bytes(ch.p12("CN"))
    dialog = SigningDialog(demo_ctx, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.key_picker.path, str(p12))
    type_text(dialog.key_picker.passphrase, "wrong")
    _confirm(monkeypatch, True)
    dialog.record_button.click()
    assert dialog.isVisible() and dialog.errors.message("key") == "Wrong passphrase for the key file."
    with demo_db.unit() as s:
        assert not s.get(Minutes, minutes_id).locked  # nothing recorded
    dialog.key_picker.passphrase.clear()
    type_text(dialog.key_picker.passphrase, ch.PASS["CN"])
    dialog.record_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with demo_db.unit() as s:
        sigs = record.signatures(s, s.get(Minutes, minutes_id))
    assert [(x.side, x.ok) for x in sigs] == [("CN", True)]


def test_an_untrusted_key_is_refused_before_the_signing_is_recorded(
    qtbot, demo_db, demo_ctx, monkeypatch, tmp_path
):
    mid, minutes_id = make_minutes(demo_db, rows=segments_spec(n_per_part=2, long_factor=1, rare=False))
    p12 = tmp_path / "cn.p12"
    p12.write_bytes(ch.p12("CN"))
    dialog = SigningDialog(demo_ctx, mid)
    qtbot.addWidget(dialog)
    type_text(dialog.key_picker.path, str(p12))
    type_text(dialog.key_picker.passphrase, ch.PASS["CN"])
    _confirm(monkeypatch, True)
    dialog.record_button.click()
    assert "not trusted on this computer" in dialog.errors.message("key")
    with demo_db.unit() as s:
        assert not s.get(Minutes, minutes_id).locked


def test_print_a_signed_copy_and_verify_it(qtbot, demo_db, demo_ctx, monkeypatch, tmp_path):
    ch.trust_sides(demo_db, "CN", "SU")
    p12 = tmp_path / "su.p12"
    p12.write_bytes(ch.p12("SU"))
    dialog = PrintMinutesDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.session.setCurrentIndex(next(i for i, s in enumerate(dialog._states) if s.ordinal == 1))
    dialog.copy_buttons["SU"].click()
    type_text(dialog.key_picker.path, str(p12))
    type_text(dialog.key_picker.passphrase, ch.PASS["SU"])
    preview = dialog.preview()
    path = preview.save_to(tmp_path / "su.pdf")
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "info", lambda parent, text, title=None: said.append(("info", text)))
    monkeypatch.setattr(messages, "warning", lambda parent, text, title=None: said.append(("warning", text)))
    verdict = verify_file(None, demo_ctx, path)
    assert verdict.match and verdict.all_valid and said[-1][0] == "info"
    assert "PDF signature 1: Secretariat SU (SU)" in said[-1][1] and "certificate trusted" in said[-1][1]
    preview.close()


def test_a_forged_record_is_reported_in_the_print_dialog(qtbot, demo_db, demo_ctx):
    from tests.reports.test_minutes_verify import ROWS

    mid, minutes_id = make_minutes(demo_db, rows=ROWS)
    ch.trust_sides(demo_db, "CN")
    with demo_db.unit() as s:
        from app.core.services.minutes import signing
        from app.core.services.minutes.content import signing_defaults

        signing.record_signing(s, mid, signing_defaults(s, mid), key=ch.key("CN"))
    ch.forge(demo_db, minutes_id)
    dialog = PrintMinutesDialog(demo_ctx, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problems.isVisible() and dialog.problems.text().startswith("FORGERY")
