"""The language of a document (statement, list of experts…): Chinese or Russian. It starts at the
interface language (Chinese for the Chinese interface, Russian otherwise) and then remembers the
user's last choice, under a key of each place that asks."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from app.i18n import LANGUAGE_NAMES, current_language

DOC_LANGUAGES = (("zh", "zh_CN"), ("ru", "ru"))


def default_doc_language() -> str:
    return "zh" if current_language() == "zh_CN" else "ru"


def remembered(key: str) -> str | None:
    value = QSettings().value(f"document_language/{key}")
    return str(value) if value in ("zh", "ru") else None


def doc_language(key: str) -> str:
    """The language a document of this place is made in, when nothing else asks."""
    return remembered(key) or default_doc_language()


class DocLanguageCombo(QComboBox):
    """Chinese or Russian, each in its own name; remembers what the user picks."""

    def __init__(self, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        for code, ui in DOC_LANGUAGES:
            self.addItem(LANGUAGE_NAMES[ui], code)
        self.follow_language()
        self.activated.connect(lambda _i: QSettings().setValue(f"document_language/{self.key}", self.currentData()))

    def follow_language(self) -> None:
        """The remembered choice, else the interface language (again after a language switch)."""
        self.setCurrentIndex(self.findData(doc_language(self.key)))
