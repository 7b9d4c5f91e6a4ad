"""The line under the minutes editor: word and character counts, and whether everything is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.core.services.minutes.text import Counts, count
from app.i18n import _


class StatusLine(QWidget):
    """Written by the tab, which shows it again in a new language."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts = QLabel()
        self.counts.setObjectName("minutes_counts")
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts.setMinimumWidth(1)
        self.save_state = QLabel()
        self.save_state.setObjectName("minutes_save_state")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.counts, 1)
        lay.addWidget(self.save_state)

    def show_counts(self, segments, rows) -> None:
        """Count what the cells hold now (``rows``: the editor's rows by uuid); nothing while no
        minutes are shown (not a line of zeros before a session's first count)."""
        if not segments:
            self.counts.clear()
            return
        totals = {"zh": Counts(), "ru": Counts()}
        for seg in segments:
            row = rows.get(seg.uuid)
            for lang in ("zh", "ru"):
                text = row.text(lang) if row is not None else seg.text(lang)
                totals[lang] = totals[lang] + count(text)
        zh, ru = totals["zh"], totals["ru"]
        self.counts.setText(
            _("Chinese: {zh_words} words, {zh_chars} characters · Russian: {ru_words} words, {ru_chars} characters "
              "· {segments} segments").format(
                zh_words=zh.words, zh_chars=zh.characters, ru_words=ru.words, ru_chars=ru.characters,
                segments=len(segments),
            )
        )  # fmt: skip

    def show_save_state(self, state: str, message: str) -> None:
        if state == "saved":
            self.save_state.setText(_("All changes saved"))
            self.save_state.setStyleSheet("color: #2e7d32;")
        elif state == "pending":
            self.save_state.setText(_("Saving…"))
            self.save_state.setStyleSheet("color: #757575;")
        else:
            self.save_state.setText(_("Not saved yet ({reason}); trying again").format(reason=message))
            self.save_state.setStyleSheet("color: #c62828; font-weight: bold;")
