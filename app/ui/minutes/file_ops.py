"""The Minutes tab's files and beginnings: start from the agenda or an empty page, import and
export the minutes (XLIFF imports shown first and undoable), the glossary's terms, its import and
export. A part of ``MinutesView`` (its ``files``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from app.core.enums import SegmentPart
from app.core.errors import CoreError, ImportRefused
from app.core.services.minutes import edit as me
from app.core.services.minutes import glossary as glossary_service
from app.core.services.minutes import templates as minutes_templates
from app.core.services.minutes import transfer as minutes_transfer
from app.core.services.minutes.records import ensure_minutes
from app.i18n import _, ngettext
from app.ui.widgets import messages

XLIFF_SUFFIXES = (".xlf", ".xliff")


class MinutesFiles(QObject):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view

    # --- starting, importing, exporting ------------------------------------------------------

    def start_from_agenda(self) -> None:
        meeting_id = self.view.doc.meeting_id
        if meeting_id is None:
            return
        try:
            self.view.doc.write(minutes_templates.start_from_agenda, meeting_id)
        except CoreError as exc:
            messages.error(self.view, exc.message)
            return
        self.view.stack.clear()
        self.view.doc.reload()
        self.view.editor.focus_index(0)

    def start_empty(self) -> None:
        meeting_id = self.view.doc.meeting_id
        if meeting_id is None:
            return

        def start(session):
            minutes = ensure_minutes(session, meeting_id)
            me.insert_segment(session, minutes.id, None, part=SegmentPart.PREAMBLE)

        self.view.doc.write(start)
        self.view.stack.clear()
        self.view.doc.reload()
        self.view.editor.focus_index(0)

    def import_file(self) -> None:
        meeting_id = self.view.doc.meeting_id
        if meeting_id is None:
            return
        path, _f = QFileDialog.getOpenFileName(
            self.view,
            _("Import minutes"),
            "",
            ";;".join(
                (
                    _("Minutes files (*.xlf *.xliff *.csv *.xlsx *.docx)"),
                    _("XLIFF (*.xlf *.xliff)"),
                    _("Tables (*.csv *.xlsx *.docx)"),
                )
            ),
        )
        if not path:
            return
        self.view.doc.autosaver.flush()
        if Path(path).suffix.lower() in XLIFF_SUFFIXES:
            self.import_xliff(Path(path))
            return
        try:
            n = self.view.doc.write(minutes_transfer.import_minutes, meeting_id, Path(path))
        except ImportRefused as exc:
            messages.error(self.view, _import_message(exc))
            return
        except CoreError as exc:
            messages.error(self.view, exc.message)
            return
        self.view.stack.clear()
        self.view.doc.reload()
        self.view.status.emit(
            ngettext(
                "{n} segment was imported as a draft.", "{n} segments were imported as drafts.", n
            ).format(n=n)
        )

    def import_xliff(self, path: Path) -> None:
        """Show what the file will change; on Import, change it as one undoable step."""
        from app.core.services.minutes import xliff
        from app.ui.minutes.commands import XliffImportCommand
        from app.ui.minutes.import_preview import ImportPreviewDialog

        try:
            plan = self.view.ctx.read(xliff.plan_import, self.view.doc.meeting_id, path)
        except ImportRefused as exc:
            messages.error(self.view, _import_message(exc))
            return
        except (CoreError, OSError) as exc:
            messages.error(self.view, getattr(exc, "message", None) or str(exc))
            return
        if not plan.changes and not plan.skipped:
            messages.info(self.view, _("“{name}” changes nothing in these minutes.").format(name=path.name))
            return
        dlg = ImportPreviewDialog(plan, path.name, self.view)
        if not dlg.exec():
            return
        self.view.stack.push(XliffImportCommand(self.view, plan))
        n = len(plan.changes)
        self.view.status.emit(
            ngettext(
                "{n} segment was updated from the file.", "{n} segments were updated from the file.", n
            ).format(n=n)
        )

    def export_file(self) -> None:
        meeting_id = self.view.doc.meeting_id
        if meeting_id is None or not self.view.has_minutes():
            return
        filters = {
            _("CSV (*.csv)"): (".csv", None),
            _("Excel (*.xlsx)"): (".xlsx", None),
            _("Word table (*.docx)"): (".docx", None),
            _("XLIFF 1.2 (*.xlf)"): (".xlf", "1.2"),
            _("XLIFF 2.0 (*.xlf)"): (".xlf", "2.0"),
        }
        path, chosen = QFileDialog.getSaveFileName(self.view, _("Export minutes"), "", ";;".join(filters))
        if not path:
            return
        p = Path(path)
        suffix, version = filters.get(chosen, (".csv", None))
        if p.suffix.lower() not in (".csv", ".xlsx", ".docx", *XLIFF_SUFFIXES):
            p = p.with_suffix(suffix)
        self.view.doc.autosaver.flush()
        try:
            if p.suffix.lower() in XLIFF_SUFFIXES:
                from app.core.services.minutes import xliff

                source = "ru" if getattr(self.view, "ru_left", False) else "zh"
                n = self.view.ctx.read(xliff.export_xliff, meeting_id, p, source, version or "1.2")
            else:
                n = self.view.ctx.read(minutes_transfer.export_minutes, meeting_id, p)
        except (CoreError, OSError) as exc:
            messages.error(self.view, getattr(exc, "message", None) or str(exc))
            return
        self.view.status.emit(
            ngettext("{n} segment was written to {path}.", "{n} segments were written to {path}.", n).format(
                n=n, path=p
            )
        )

    def edit_term(self, term) -> None:
        from app.ui.dialogs.glossary_term_dialog import GlossaryTermDialog

        dlg = GlossaryTermDialog(self.view.ctx, term, self.view)
        self.view.doc.writing = True
        try:
            saved = dlg.exec() and dlg.saved is not None
        finally:
            self.view.doc.writing = False
        if saved:
            self.view.doc.reload_glossary()

    def delete_term(self, term) -> None:
        if not messages.confirm(
            self.view, _("Delete “{zh} — {ru}” from the glossary?").format(zh=term.zh, ru=term.ru)
        ):
            return
        try:
            self.view.doc.write(glossary_service.delete_term, term.id)
        except CoreError as exc:
            messages.error(self.view, exc.message)
            return
        self.view.doc.reload_glossary()

    def import_glossary(self) -> None:
        from app.core.services.minutes import termbase

        path, _f = QFileDialog.getOpenFileName(
            self.view, _("Import glossary"), "", _("Glossaries (*.tbx *.csv *.xlsx)")
        )
        if not path:
            return
        try:
            result = self.view.doc.write(termbase.import_glossary, Path(path))
        except ImportRefused as exc:
            messages.error(self.view, _import_message(exc))
            return
        except (CoreError, OSError) as exc:
            messages.error(self.view, getattr(exc, "message", None) or str(exc))
            return
        self.view.doc.reload_glossary()
        messages.info(
            self.view,
            _("{added} term pairs were added; {unchanged} were already in the glossary.").format(
                added=result.added, unchanged=result.unchanged
            ),
        )

    def export_glossary(self) -> None:
        from app.core.services.minutes import termbase

        filters = {_("TBX (*.tbx)"): ".tbx", _("CSV (*.csv)"): ".csv", _("Excel (*.xlsx)"): ".xlsx"}
        path, chosen = QFileDialog.getSaveFileName(self.view, _("Export glossary"), "", ";;".join(filters))
        if not path:
            return
        p = Path(path)
        if p.suffix.lower() not in termbase.SUFFIXES:
            p = p.with_suffix(filters.get(chosen, ".tbx"))
        try:
            n = self.view.ctx.read(termbase.export_glossary, p)
        except (CoreError, OSError) as exc:
            messages.error(self.view, getattr(exc, "message", None) or str(exc))
            return
        self.view.status.emit(
            ngettext(
                "{n} term pair was written to {path}.", "{n} term pairs were written to {path}.", n
            ).format(n=n, path=p)
        )


def _import_message(exc: ImportRefused) -> str:
    lines = [exc.message]
    for row in exc.rows[:20]:
        lines.append(
            _("row {row}, column {column}: {message}").format(
                row=row.row, column=row.column, message=row.message
            )
        )
    if len(exc.rows) > 20:
        lines.append("…")
    return "\n".join(lines)
