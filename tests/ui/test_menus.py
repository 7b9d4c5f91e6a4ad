"""The main window's menus: every item has a mnemonic of its own within its menu, in every
language, and the menu bar's titles do not clash either."""

from __future__ import annotations

import re

import pytest

from app import i18n

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    m = _MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for t in texts:
        k = mnemonic(t)
        if k:
            seen.setdefault(k, []).append(t)
    return {k: v for k, v in seen.items() if len(v) > 1}


@pytest.mark.parametrize("lang", ["en", "ru", "zh_CN"])
def test_menu_mnemonics_do_not_clash(demo_window, lang):
    demo_window.set_language(lang)
    bar = demo_window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert not clashes(titles), titles
    for menu_action in bar.actions():
        menu = menu_action.menu()
        items = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.text()]
        assert not clashes(items), (menu.title(), clashes(items))
    i18n.set_language("en")


def test_the_certificates_are_reached_from_the_file_menu(demo_window, monkeypatch):
    from app.ui.dialogs.certificates_dialog import CertificatesDialog

    opened = []
    monkeypatch.setattr(CertificatesDialog, "exec", lambda self: opened.append(self) or 0)
    assert demo_window.act_certificates in demo_window.file_menu.actions()
    demo_window.act_certificates.trigger()
    assert opened
