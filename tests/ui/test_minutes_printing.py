"""Printing and signing the minutes through the GUI: the print dialog and its preview, printing to a
PDF file printer, proofs of unsigned minutes, recording the signing, verifying a copy."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from app.core.enums import SegmentStatus
from app.core.services.minutes import records as minutes_service
from app.core.services.minutes import signing
from app.reports.minutes_verify import verify_pdf
from app.ui.dialogs import signing_dialog
from app.ui.dialogs.print_minutes_dialog import PrintMinutesDialog
from app.ui.dialogs.signing_dialog import SigningDialog
from app.ui.dialogs.verify_minutes import verify_file
from app.ui.widgets import messages
from tests.core.signing_helpers import heads, make_minutes, segments_spec
from tests.reports.pdftools import page_count
from tests.ui.typing import type_text


def _session_index(dialog, ordinal: int) -> int:
    return next(i for i, s in enumerate(dialog._states) if s.ordinal == ordinal)


def test_print_a_signed_original_from_the_file_menu_preview_and_print_to_a_pdf_file(
    qtbot, demo_window, demo_ctx, monkeypatch, tmp_path
):
    opened = {}

    def choose_and_preview(dialog: PrintMinutesDialog):
        opened["dialog"] = dialog
        dialog.session.setCurrentIndex(_session_index(dialog, 1))
        assert "Signed on" in dialog.status.text() and not dialog.problems.isVisible()
        dialog.copy_buttons["SU"].click()
        dialog.layout_buttons["parallel"].click()
        dialog.marking.setCurrentIndex(dialog.marking.findText("秘密 / Секретно"))
        dialog.copy_number.setValue(2)
        dialog.preview_button.click()
        return dialog.result()

    monkeypatch.setattr(PrintMinutesDialog, "exec", choose_and_preview)
    assert demo_window.act_print_minutes.isEnabled()
    demo_window.act_print_minutes.trigger()
    preview = opened["dialog"].preview_dialog
    assert preview is not None and preview.isVisible()
    assert preview.suggested_name == "minutes-1-original-SU-parallel-copy2.pdf"
    assert preview.page_count() == page_count(preview.data) >= 3
    verdict = demo_ctx.read(verify_pdf, preview.data)
    assert verdict.match and verdict.copy == "SU"
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)  # enough for a test, and quick
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert preview.print_to(printer) == preview.page_count()
    assert page_count(out) == preview.page_count()
    saved = preview.save_to(tmp_path / "saved")
    assert saved.read_bytes() == preview.data
    preview.close()


def test_unsigned_minutes_print_as_proofs_and_the_dialog_says_what_stops_the_signing(qtbot, demo_ctx):
    dialog = PrintMinutesDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.session.setCurrentIndex(_session_index(dialog, 2))
    assert "proof" in dialog.status.text()
    dialog.copy_buttons["CN"].click()
    assert dialog.problems.isVisible() and "cannot be printed yet" in dialog.problems.text()
    assert "not agreed yet" in dialog.problems.text()
    dialog.copy_buttons["reading"].click()
    assert (
        dialog.layout_buttons["parallel"].isChecked() and not dialog.layout_buttons["sequential"].isEnabled()
    )
    assert not dialog.problems.isVisible()
    dialog.copy_buttons["CN"].click()
    dialog.layout_buttons["sequential"].click()
    preview = dialog.preview()
    assert preview.suggested_name == "minutes-2-original-CN-sequential-proof.pdf"
    assert not demo_ctx.read(verify_pdf, preview.data).match
    preview.close()


def test_record_the_signing_through_the_dialog(qtbot, demo_db, demo_ctx, monkeypatch):
    mid, minutes_id = make_minutes(demo_db, rows=segments_spec(n_per_part=2, long_factor=1, rare=False))
    head1, head2 = heads(demo_db, mid)
    dialog = SigningDialog(demo_ctx, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.place_zh.text() == "北京" and dialog.place_ru.text() == "Пекине"
    assert dialog.signatory[1].currentData() == head1 and dialog.signatory[2].currentData() == head2
    assert (
        "在北京签订" in dialog.preview_zh.text()
        and "Совершено в Пекине 6 марта 1959 года" in dialog.preview_ru.text()
    )
    assert dialog.record_button.isEnabled() and not dialog.problems.isVisible()
    assert dialog.date.text() == "6 Mar 1959"  # the date style of every other date field, not ISO
    dialog.place_ru.clear()
    dialog.record_button.click()
    assert dialog.isVisible() and "in Russian" in dialog.errors.message("place_ru")
    type_text(dialog.place_ru, "Пекине")
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    dialog.record_button.click()
    assert asked and "read-only for good" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.recorded.locked
    m = demo_ctx.read(minutes_service.get_minutes, mid)
    assert m.signed and m.place_ru == "Пекине" and m.fingerprint
    assert {s.status for s in demo_ctx.read(minutes_service.list_segments, minutes_id)} == {
        SegmentStatus.INITIALLED
    }
    again = SigningDialog(demo_ctx, mid)
    qtbot.addWidget(again)
    assert not again.record_button.isEnabled() and "signed on" in again.status.text()


def test_the_signing_is_refused_while_the_minutes_are_not_agreed(qtbot, demo_db, demo_ctx):
    mid, _ = make_minutes(demo_db, rows=segments_spec(n_per_part=2, long_factor=1, rare=False),
                          status=SegmentStatus.TRANSLATED)  # fmt: skip
    dialog = SigningDialog(demo_ctx, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.record_button.isEnabled()
    assert dialog.problems.isVisible() and "Segment 1 is not agreed yet" in dialog.problems.text()
    assert not demo_ctx.read(minutes_service.get_minutes, mid).signed


def test_after_signing_the_menu_offers_to_print_the_signature_copies(
    qtbot, demo_db, demo_window, monkeypatch
):
    mid, _ = make_minutes(demo_db, rows=segments_spec(n_per_part=2, long_factor=1, rare=False))
    printed = []

    def sign(dialog: SigningDialog):
        dialog.session.setCurrentIndex(dialog.session.findData(mid))
        dialog.record_button.click()
        return dialog.result()

    monkeypatch.setattr(SigningDialog, "exec", sign)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(PrintMinutesDialog, "exec", lambda d: printed.append(d.state()) or 0)
    demo_window.act_sign_minutes.trigger()
    assert printed and printed[0].meeting_id == mid and printed[0].signed
    assert demo_window.ctx.read(signing.readiness, mid) == []


def test_verify_a_copy_from_the_gui(qtbot, demo_ctx, monkeypatch, tmp_path):
    said = []
    monkeypatch.setattr(messages, "info", lambda parent, text, title=None: said.append(("info", text)))
    monkeypatch.setattr(messages, "warning", lambda parent, text, title=None: said.append(("warning", text)))
    dialog = PrintMinutesDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.session.setCurrentIndex(_session_index(dialog, 1))
    dialog.copy_buttons["CN"].click()
    preview = dialog.preview()
    path = preview.save_to(tmp_path / "cn.pdf")
    assert verify_file(None, demo_ctx, path).match
    assert said[-1][0] == "info" and said[-1][1].startswith("MATCH: cn.pdf is the original for CN")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(path.read_bytes()[:-4000])
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: said.append(("error", text)))
    result = verify_file(None, demo_ctx, bad)
    assert result is None or not result.match
    preview.close()


def test_the_dialogs_follow_the_language(qtbot, demo_ctx):
    from app.i18n.qt import apply_language

    dialog = PrintMinutesDialog(demo_ctx)
    sign = SigningDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.addWidget(sign)
    assert dialog.preview_button.text() == "&Preview…"
    apply_language("ru")
    assert dialog.preview_button.text() == "&Просмотр…"
    assert dialog.copy_buttons["reading"].text().startswith("Экземпляр для чтения")
    assert sign.record_button.text() == "&Зарегистрировать подписание"
    assert signing_dialog.formula_preview(sign.fields(), "ru").startswith("Совершено в")


def test_the_minutes_tab_prints_and_signs_its_session(qtbot, demo_window, monkeypatch):
    from PySide6.QtCore import Qt

    view = demo_window.view_named("MinutesView")
    demo_window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.session_combo.count() == 2)
    first = view.session_combo.findText("Session 1", Qt.MatchFlag.MatchStartsWith)
    view.session_combo.setCurrentIndex(first)
    view.session_combo.activated.emit(first)
    qtbot.waitUntil(lambda: len(view.editor.rows) == len(view.doc.segments) > 0)
    assert view.print_action.isEnabled() and not view.sign_action.isEnabled()  # signed in the demo
    seen = []
    monkeypatch.setattr(PrintMinutesDialog, "exec", lambda d: seen.append(d.state()) or 0)
    view.print_action.trigger()
    assert seen[-1].ordinal == 1 and seen[-1].signed
    second = view.session_combo.findText("Session 2", Qt.MatchFlag.MatchStartsWith)
    view.session_combo.setCurrentIndex(second)
    view.session_combo.activated.emit(second)
    qtbot.waitUntil(lambda: view.sign_action.isEnabled())
    monkeypatch.setattr(SigningDialog, "exec", lambda d: seen.append(d.state()) or 0)
    view.sign_action.trigger()
    assert seen[-1].ordinal == 2 and not seen[-1].signed


def test_characters_no_font_has_are_reported_before_the_preview(qtbot, demo_db, demo_ctx, monkeypatch):
    from app.core.enums import SegmentKind, SegmentPart
    from app.core.services.minutes.content import signing_defaults
    from tests.core.signing_helpers import MISSING, fonts_have_everything

    rows = [(SegmentPart.JOINT, SegmentKind.PARAGRAPH, "罕见字：" + MISSING, "Редкие иероглифы: " + MISSING)]
    mid, _ = make_minutes(demo_db, rows=rows)
    warned, errors = [], []
    monkeypatch.setattr(messages, "warning", lambda parent, text, title=None: warned.append(text))
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    dialog = PrintMinutesDialog(demo_ctx, mid)  # not signed yet: a proof, which may show □
    qtbot.addWidget(dialog)
    preview = dialog.preview()
    assert warned and "U+20BB7" in warned[0] and "□" in warned[0]
    assert preview is not None
    preview.close()
    with fonts_have_everything(), demo_db.unit() as s:  # signed where a font had MISSING
        signing.record_signing(s, mid, signing_defaults(s, mid))
    dialog = PrintMinutesDialog(demo_ctx, mid)  # a signed original never shows □: refused
    qtbot.addWidget(dialog)
    assert dialog.preview() is None
    assert errors and "U+20BB7" in errors[0] and "Fonts for rare characters" in errors[0]
