"""Each script is drawn by a font made for it: Latin and Cyrillic by the system's interface font
(or PT Sans), Han characters by the bundled Chinese font as the fallback."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from app.ui.application import CJK_FAMILIES, CJK_FAMILY, LATIN_FAMILY, interface_families


def test_the_interface_font_is_not_the_chinese_one():
    font = QApplication.instance().font()
    families = font.families()
    assert families[-1] == CJK_FAMILY
    first = QFontInfo(font).family()
    assert first not in CJK_FAMILIES
    assert QFontDatabase.WritingSystem.Cyrillic in QFontDatabase.writingSystems(first)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(CJK_FAMILY)


def test_a_chinese_or_latin_only_system_font_gives_way_to_pt_sans():
    assert interface_families(CJK_FAMILY) == [LATIN_FAMILY, CJK_FAMILY]
    assert interface_families("") == [LATIN_FAMILY, CJK_FAMILY]
    assert interface_families(LATIN_FAMILY) == [LATIN_FAMILY, CJK_FAMILY]
