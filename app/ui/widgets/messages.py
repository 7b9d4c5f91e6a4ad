"""Message boxes with translated titles, for the few messages that are not next to a field."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import _


def error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or _("Commission Desk"), message)


def warning(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or _("Commission Desk"), message)


def info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or _("Commission Desk"), message)


def confirm(parent: QWidget | None, message: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(
        parent,
        title or _("Commission Desk"),
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def menu_words(text: str) -> str:
    """A menu item's text as the menu shows it, for quoting in a hint (see ``i18n.menu_words``)."""
    from app import i18n

    return i18n.menu_words(text)


def menu_path(*texts: str) -> str:
    """"File → Commission and sides…" from the menus' own (translated) texts."""
    return " → ".join(menu_words(t) for t in texts)
