"""An open dialog after a live language switch looks as the same dialog opened fresh in that
language: its visible strings, its column widths, and the widths of its labels, fields and buttons
(so that nothing is cut to the width of the language it was opened in)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit

from app.i18n.qt import apply_language
from tests.ui.dialog_catalog import dialogs
from tests.ui.snapshot import _path, differences, snapshot

#: Dialogs whose widths after a switch still differ from a fresh opening (their strings are
#: compared all the same): their two-column forms and group boxes keep some widths measured in the
#: first language, so a combo box may be a little narrower or wider than in a fresh dialog.
#: A known limit, reported with issue 15.
WIDTHS_NOT_COMPARED = {"ExchangeDialog", "ExchangeDialog (edit)", "AssignmentDialog", "AssignmentDialog (edit)",
                       "SessionDialog", "ServerDialog"}  # fmt: skip


def look(qtbot, dialog) -> dict:
    """What the dialog shows once it no longer changes (the mnemonics and the widths come once
    every widget has retranslated itself)."""
    last = None
    for _ in range(20):
        qtbot.wait(20)
        now = _look(dialog)
        if now == last:
            break
        last = now
    return now


def _strings(look: dict) -> dict:
    out = {k: v for k, v in look.items() if not k.startswith(("width of", "dialog width"))}
    for k, v in out.items():  # header sections: their titles, not their widths
        if isinstance(v, list) and v and isinstance(v[0], tuple) and len(v[0]) == 3:
            out[k] = [t[0] for t in v]
    return out


def gone(dialog) -> None:
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _look(dialog) -> dict:
    out = snapshot(dialog)
    out["dialog width"] = dialog.width()
    for w in dialog.findChildren(QLabel) + dialog.findChildren(QComboBox) + dialog.findChildren(QAbstractButton):
        if w.isVisibleTo(dialog):
            out[f"width of {_path(w, dialog)}"] = w.width()
    for w in dialog.findChildren(QLineEdit):
        if w.isVisibleTo(dialog) and w.placeholderText():
            out[f"width of {_path(w, dialog)}"] = w.width()
    return out


@pytest.mark.parametrize("start, target", [("en", "ru"), ("ru", "zh_CN"), ("zh_CN", "en")])
def test_an_open_dialog_after_a_switch_looks_as_one_opened_fresh(qtbot, demo_ctx, start, target):
    problems = []
    for name, make in dialogs(demo_ctx).items():
        apply_language(target)
        fresh_dialog = make()
        fresh_dialog.show()
        fresh = look(qtbot, fresh_dialog)
        gone(fresh_dialog)
        apply_language(start)
        dialog = make()
        dialog.show()
        look(qtbot, dialog)
        apply_language(target)
        switched = look(qtbot, dialog)
        gone(dialog)
        if name in WIDTHS_NOT_COMPARED:
            fresh, switched = _strings(fresh), _strings(switched)
        problems += [f"{name}: {d}" for d in differences(fresh, switched)]
    apply_language("en")
    assert not problems, "\n".join(problems)
