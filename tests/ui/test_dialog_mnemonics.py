"""Every field label of every dialog has a mnemonic (Alt+letter goes to its field), of its own
within the dialog, in all three languages: Chinese labels in the usual form 名称(&N)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

from app.i18n.qt import apply_language
from app.ui.widgets.mnemonics import field_labels, key_of, takes_keyboard
from tests.ui.dialog_catalog import NOT_OPENED, dialog_classes, dialogs


def keyed_texts(dialog) -> list[str]:
    """The texts with a mnemonic that are active in the dialog as shown (current tab pages only)."""
    out = []
    for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if w.isVisibleTo(dialog) and (not isinstance(w, QLabel) or w.buddy() is not None):
            out.append(w.text())
    out += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisibleTo(dialog)]
    for tabs in dialog.findChildren(QTabWidget):
        if tabs.isVisibleTo(dialog):
            out += [tabs.tabText(i) for i in range(tabs.count())]
    return [t for t in out if key_of(t)]


def problems_of(dialog) -> list[str]:
    out = []
    for label, _field in field_labels(dialog):
        if not label.isVisibleTo(dialog):
            continue
        if not takes_keyboard(label.buddy()):
            out.append(f"{label.text()!r}: no buddy that takes the keyboard")
        if key_of(label.text()) is None:
            out.append(f"{label.text()!r}: no mnemonic")
    seen: dict[str, list[str]] = {}
    for text in keyed_texts(dialog):
        seen.setdefault(key_of(text), []).append(text)
    out += [f"clash on {k!r}: {v}" for k, v in seen.items() if len(v) > 1]
    return out


def test_the_catalog_opens_every_dialog(demo_ctx):
    opened = {name.split(" ")[0] for name in dialogs(demo_ctx)}
    missing = dialog_classes() - opened - set(NOT_OPENED)
    assert not missing, f"add these dialogs to tests/ui/dialog_catalog.py: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["en", "ru", "zh_CN"])
def test_every_dialog_label_has_a_mnemonic_of_its_own(qtbot, demo_ctx, lang):
    apply_language(lang)
    problems = []
    for name, make in dialogs(demo_ctx).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{name}: {p}" for p in problems_of(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_a_chinese_label_takes_its_letter_from_its_english_words(qtbot, demo_ctx):
    from app.ui.dialogs.session_dialog import SessionDialog

    apply_language("zh_CN")
    dialog = SessionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.labels["city_zh"].text()
    assert text.startswith("城市（中文）(&") and text.endswith(")"), text
    assert key_of(text) in "cic"  # City in Chinese
