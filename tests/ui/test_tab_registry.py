"""The registry's titles are the views' own (the window shows them before it builds the views)."""

from __future__ import annotations

import importlib

from app.ui.views.registry import TABS


def test_every_registered_tab_names_its_view_and_its_title():
    for tab in TABS:
        cls = getattr(importlib.import_module(tab.module), tab.class_name)
        assert cls.TITLE == tab.title


def test_the_window_names_its_menus_with_the_msgids_of_the_glyph_checks():
    from app.core.services import glyphs
    from app.ui import main_window

    assert (main_window.VIEW_MENU, main_window.FONTS_MENU) == (glyphs.VIEW_MENU, glyphs.FONTS_MENU)
