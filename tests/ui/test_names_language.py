"""People are shown by the name for the interface's language, everywhere: the Latin spelling in
English, the Russian name in Russian, the Chinese one in Chinese."""

from __future__ import annotations

import pytest

from app.i18n.qt import apply_language


@pytest.mark.parametrize("lang, name", [("en", "Wang Zhenguo"), ("ru", "Ван Чжэньго"), ("zh_CN", "王振国")])
def test_the_signing_dialog_names_signatories_in_the_interface_language(qtbot, demo_ctx, lang, name):
    from app.ui.dialogs.signing_dialog import SigningDialog

    apply_language(lang)
    dialog = SigningDialog(demo_ctx)
    qtbot.addWidget(dialog)
    items = [dialog.signatory[1].itemText(i) for i in range(dialog.signatory[1].count())]
    assert any(text.startswith(name + " — ") for text in items), items
