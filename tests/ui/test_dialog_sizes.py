"""Every dialog fits on a 1366×768 laptop screen with a task bar, in all three languages: a form
taller than that scrolls, its buttons staying in view."""

from __future__ import annotations

import datetime as dt

import pytest

from app.i18n.qt import apply_language
from app.ui.dialogs.screen_fit import LAPTOP


def dialogs(ctx):
    from app.core.services.agenda import sessions as meetings
    from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog
    from app.ui.dialogs.assignment_dialog import AssignmentDialog
    from app.ui.dialogs.commission_dialog import CommissionDialog
    from app.ui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog
    from app.ui.dialogs.exchange_dialog import ExchangeDialog
    from app.ui.dialogs.exchange_settings_dialog import ExchangeSettingsDialog
    from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog
    from app.ui.dialogs.glossary_term_dialog import GlossaryTermDialog
    from app.ui.dialogs.marking_dialog import MarkingDialog
    from app.ui.dialogs.person_dialog import PersonDialog
    from app.ui.dialogs.print_minutes_dialog import PrintMinutesDialog
    from app.ui.dialogs.quota_dialog import QuotaDialog
    from app.ui.dialogs.session_dialog import SessionDialog
    from app.ui.dialogs.signing_dialog import SigningDialog

    first = ctx.read(meetings.list_meetings)[0].id
    return {
        "exchange": lambda: ExchangeDialog(ctx),
        "assignment": lambda: AssignmentDialog(ctx),
        "person": lambda: PersonDialog(ctx),
        "commission": lambda: CommissionDialog(ctx),
        "session": lambda: SessionDialog(ctx),
        "signing": lambda: SigningDialog(ctx, first),
        "print": lambda: PrintMinutesDialog(ctx, first),
        "quota": lambda: QuotaDialog(ctx),
        "marking": lambda: MarkingDialog(ctx),
        "glossary term": lambda: GlossaryTermDialog(ctx),
        "exchange settings": lambda: ExchangeSettingsDialog(ctx),
        "deadline settings": lambda: DeadlineSettingsDialog(ctx),
        "alert settings": lambda: AlertSettingsDialog(ctx),
        "experts pdf": lambda: ExpertsPdfDialog(ctx, dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
    }


@pytest.mark.parametrize("lang", ["en", "ru", "zh_CN"])
def test_every_dialog_fits_a_laptop_screen(qtbot, demo_ctx, lang):
    apply_language(lang)
    too_big = []
    for name, make in dialogs(demo_ctx).items():
        dialog = make()
        qtbot.addWidget(dialog)
        hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        if hint.width() > LAPTOP.width() or hint.height() > LAPTOP.height():
            too_big.append((name, hint.width(), hint.height()))
        dialog.show()
        qtbot.waitExposed(dialog)
        if dialog.height() > LAPTOP.height():
            too_big.append((name, "shown", dialog.width(), dialog.height()))
        dialog.close()
    assert not too_big


def test_the_pdf_preview_opens_to_fit_the_screen(qtbot):
    from app.ui.dialogs.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(b"%PDF-1.4\n%%EOF\n", "x.pdf", "x")
    qtbot.addWidget(dialog)
    assert dialog.height() <= LAPTOP.height() and dialog.width() <= LAPTOP.width()


@pytest.mark.parametrize("lang", ["en", "ru", "zh_CN"])
def test_the_window_fits_and_the_experts_table_shows_its_dates(qtbot, demo_ctx, lang):
    from app.ui.main_window import MainWindow

    apply_language(lang)
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.height() <= LAPTOP.height() and w.width() <= LAPTOP.width()
    view = w.view_named("ExpertsView")
    w.tabs.setCurrentWidget(view)
    table = view.assignments.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(50)
    header = table.horizontalHeader()
    keys = [c.key for c in table.model().columns]
    for key in ("start", "end"):
        i = keys.index(key)
        right = header.sectionViewportPosition(i) + header.sectionSize(i)
        assert 0 <= header.sectionViewportPosition(i) and right <= table.viewport().width(), key


def test_a_tall_dialog_opens_as_tall_as_the_screen_allows_not_two_thirds(qtbot, demo_ctx):
    """Qt opens a window at most two thirds of the screen high; the letter form, taller than that,
    opens as tall as the room for a dialog, so that it scrolls only when it must."""
    from app.ui.dialogs.letter_dialog import LetterDialog
    from app.ui.dialogs.screen_fit import available

    dialog = LetterDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = available().height()
    assert dialog.height() >= min(dialog.sizeHint().height(), room) - 2
    assert dialog.height() > dialog.screen().availableGeometry().height() * 2 // 3
