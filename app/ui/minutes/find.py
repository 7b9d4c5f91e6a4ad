"""Find and replace over the editor's cells (what they hold now, saved or not). Replacing goes
through the undo stack like typing, and skips initialled segments."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from app.core.services.minutes.text import find_all, replace_all
from app.i18n import N_, _, ngettext
from app.ui.minutes.commands import TypingCommand


class Finder:
    def __init__(self, view) -> None:
        self.view = view
        self.bar = view.find_bar
        self.current: tuple[str, str, int, int] | None = None

    def open(self, replace: bool = False) -> None:
        """Show the find bar (with the replace field), holding the text selected in the cell."""
        self.bar.open(replace=replace, text=self.selected_text())

    def selected_text(self) -> str:
        editor = self.view.editor
        row = editor.current_row()
        if row is None:
            return ""
        text = row.cell(editor.current_lang()).textCursor().selectedText()
        return text if "\u2029" not in text else ""

    def needle_changed(self) -> None:
        self.current = None
        found = self.matches() if self.bar.find.text() else []
        self.bar.set_count(0, len(found))

    def matches(self) -> list[tuple[str, str, int, int]]:
        needle = self.bar.find.text()
        case = self.bar.match_case.isChecked()
        out = []
        editor = self.view.editor
        for uuid in editor.visible_order():
            row = editor.rows[uuid]
            for lang in row.order:
                if lang not in self.bar.langs():
                    continue
                for start, end in find_all(row.text(lang), needle, match_case=case):
                    out.append((uuid, lang, start, end))
        return out

    def _position(self) -> tuple[int, str, int]:
        """Where the search starts: (row index, language, cursor position)."""
        editor = self.view.editor
        order = editor.visible_order()
        row = editor.current_row()
        if row is None or row.uuid not in order:
            return -1, "", -1
        lang = editor.current_lang()
        cursor = row.cell(lang).textCursor()
        return order.index(row.uuid), lang, cursor.selectionStart()

    def find(self, direction: int = 1) -> bool:
        found = self.matches()
        if not found:
            self.current = None
            self.bar.set_count(0, 0)
            return False
        order = self.view.editor.visible_order()

        def key(m):
            uuid, lang, start, _end = m
            row = self.view.editor.rows[uuid]
            return order.index(uuid), row.order.index(lang), start

        if self.current is not None and self.current in found:
            anchor, strict = key(self.current), True
        else:
            index, lang, pos = self._position()
            if index < 0:
                anchor, strict = (-1, 0, -1), False
            else:
                anchor, strict = (index, self.view.editor.rows[order[index]].order.index(lang), pos), False
        if direction > 0:
            later = [m for m in found if (key(m) > anchor if strict else key(m) >= anchor)]
            chosen = later[0] if later else found[0]
        else:
            earlier = [m for m in found if key(m) < anchor]
            chosen = earlier[-1] if earlier else found[-1]
        self.select(chosen)
        self.bar.set_count(found.index(chosen) + 1, len(found))
        return True

    def select(self, match: tuple[str, str, int, int]) -> None:
        uuid, lang, start, end = match
        self.current = match
        editor = self.view.editor
        editor.focus_segment(uuid, lang, cursor=start)
        cell = editor.rows[uuid].cell(lang)
        c = cell.textCursor()
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cell.setTextCursor(c)
        self.bar.find.setFocus()

    def replace(self) -> None:
        if self.current is None:
            self.find(1)
            return
        uuid, lang, start, end = self.current
        row = self.view.editor.rows.get(uuid)
        if row is None:
            return
        cell = row.cell(lang)
        if cell.isReadOnly():
            self.view.show_refusal(
                _("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
            )
            self.current = None
            self.find(1)
            return
        text = cell.text()
        new = text[:start] + self.bar.replace.text() + text[end:]
        cmd = TypingCommand(self.view, uuid, lang, text, new, start + len(self.bar.replace.text()))
        cmd._first = False
        self.view.stack.push(cmd)
        self.current = None
        self.find(1)

    def replace_all(self) -> int:
        needle, replacement = self.bar.find.text(), self.bar.replace.text()
        if not needle:
            return 0
        case = self.bar.match_case.isChecked()
        total = skipped = 0
        editor = self.view.editor
        self.view.stack.beginMacro(N_("Replace all"))
        try:
            for uuid in editor.visible_order():
                row = editor.rows[uuid]
                for lang in self.bar.langs():
                    text = row.text(lang)  # (a row not used yet keeps its preview: see preview.py)
                    new, n = replace_all(text, needle, replacement, match_case=case)
                    if not n:
                        continue
                    if row.is_locked(lang):
                        skipped += n
                        continue
                    cmd = TypingCommand(self.view, uuid, lang, text, new, 0)
                    cmd._first = False
                    self.view.stack.push(cmd)
                    total += n
        finally:
            self.view.stack.endMacro()
        message = ngettext("{n} replacement.", "{n} replacements.", total).format(n=total)
        if skipped:
            message += " " + ngettext(
                "{n} occurrence in initialled segments was left as it is.",
                "{n} occurrences in initialled segments were left as they are.",
                skipped,
            ).format(n=skipped)
        self.view.status.emit(message)
        self.bar.count.setText(message)
        self.current = None
        return total
