"""Glossary terms highlighted in a cell: agreed terms in yellow, and in red with a wavy underline
when the agreed counterpart is missing from the other language's text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from app.core.services.minutes import glossary
from app.core.services.minutes.glossary import TermData


class TermHighlighter(QSyntaxHighlighter):
    def __init__(self, document, lang: str) -> None:
        super().__init__(document)
        self.lang = lang
        self.terms: list[TermData] = []
        self.other_text = ""
        self.ok_format = QTextCharFormat()
        self.ok_format.setBackground(QColor("#fff3b0"))
        self.missing_format = QTextCharFormat()
        self.missing_format.setBackground(QColor("#ffd9d9"))
        self.missing_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.missing_format.setUnderlineColor(QColor("#c62828"))

    def set_terms(self, terms: list[TermData]) -> None:
        self.terms = list(terms)
        self.rehighlight()

    def set_other_text(self, text: str) -> None:
        if text != self.other_text:
            self.other_text = text
            if self.terms:
                self.rehighlight()

    def counterpart_present(self, term: TermData) -> bool:
        other = "ru" if self.lang == "zh" else "zh"
        counterpart = term.ru if self.lang == "zh" else term.zh
        return bool(glossary.find(self.other_text, counterpart, other))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self.terms or not text:
            return
        for start, end, term in glossary.occurrences(text, self.lang, self.terms):
            fmt = self.ok_format if self.counterpart_present(term) else self.missing_format
            self.setFormat(start, end - start, fmt)

    def term_at(self, text: str, position: int) -> TermData | None:
        for start, end, term in glossary.occurrences(text, self.lang, self.terms):
            if start <= position < end:
                return term
        return None
