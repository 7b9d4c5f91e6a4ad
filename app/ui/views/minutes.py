"""The Minutes tab: the bilingual minutes editor.

The session's segments side by side (``minutes/editor.py``), every change undoable
(``minutes/commands.py``) and saved within two seconds (``minutes/autosave.py``); a side panel with
the current segment, the glossary and the checks; find and replace; word and character counts.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
)

from app.core.changes import Change
from app.core.enums import SegmentPart, SegmentStatus
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.minutes import edit as me
from app.core.services.minutes.records import SegmentData
from app.i18n import N_, _, current_language
from app.ui.minutes.actions import EditorActions
from app.ui.minutes.banners import Banners
from app.ui.minutes.between_banner import BetweenSessionsBanner
from app.ui.minutes.commands import (
    MoveCommand,
    TypingCommand,
)
from app.ui.minutes.conflicts import resolve_segment_conflict
from app.ui.minutes.document import MinutesDocument
from app.ui.minutes.editor import SegmentEditor
from app.ui.minutes.empty_page import EmptyPage
from app.ui.minutes.file_ops import MinutesFiles
from app.ui.minutes.find import Finder
from app.ui.minutes.find_bar import FindBar
from app.ui.minutes.segment_ops import SegmentOperations
from app.ui.minutes.session_bar import SessionBar
from app.ui.minutes.side_panels import SidePanels
from app.ui.minutes.status_line import StatusLine
from app.ui.views.base import View
from app.ui.widgets import messages


class MinutesView(View):
    TITLE = N_("Minutes")
    CONCERNS = frozenset(
        {Change.MINUTES, Change.GLOSSARY, Change.MEETINGS, Change.AGENDA, Change.DECISIONS, Change.COMMISSION}
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("MinutesView")
        self.doc = MinutesDocument(ctx, self)
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)
        self.commission = None
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(400)
        self._counts_timer.timeout.connect(self._update_counts)
        self._build()
        self.segments = SegmentOperations(self)
        self.actions_ = EditorActions(self, self.stack)
        self._build_toolbar()
        self.finder = Finder(self)
        self.files = MinutesFiles(self)
        a = self.actions_
        self.editor.context_actions[:] = [*a.segment_menu(), None, *a.status.values(), a.reopen]
        self._connect()
        self.retranslate_ui()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.session_bar = SessionBar()
        bar = self.session_bar
        self.session_combo, self.filter_combo = bar.session_combo, bar.filter_combo
        self.import_button, self.export_button = bar.import_button, bar.export_button

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("minutes_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.banners = Banners(self)
        self.banner, self.signed_banner = self.banners.refusal, self.banners.signed
        self.between_banner = BetweenSessionsBanner(self.ctx)
        self.between_banner.appended.connect(lambda: self._open_session(keep_stack=False))
        self.find_bar = FindBar()
        self.find_bar.hide()

        self.editor = SegmentEditor()
        self.editor.filterReset = lambda: self.filter_combo.setCurrentIndex(0)
        self.side = SidePanels()
        self.segment_panel = self.side.segment_panel
        self.glossary_panel = self.side.glossary_panel
        self.checks_panel = self.side.checks_panel
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 340])
        self._split_moved = False  # the user moved the splitter: his sizes stay
        self.splitter.splitterMoved.connect(lambda *_a: setattr(self, "_split_moved", True))

        self.empty = EmptyPage()
        self.start_agenda_button = self.empty.start_agenda_button
        self.start_empty_button = self.empty.start_empty_button
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.empty)

        self.status_line = StatusLine()
        self.counts, self.save_state = self.status_line.counts, self.status_line.save_state
        lay = QVBoxLayout(self)
        lay.addWidget(self.session_bar)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.signed_banner)
        lay.addWidget(self.between_banner)
        lay.addWidget(self.banner)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.status_line)

    def _build_toolbar(self) -> None:
        a = self.actions_
        for act in (a.undo, a.redo, None, a.insert, a.split, a.merge, a.move_up, a.move_down, a.delete, None,
                    a.replace, a.history, None, a.swap):  # fmt: skip
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        # signature copies, proofs, the reading copy; recording the signing (issue 8)
        self.toolbar.addSeparator()
        self.print_action = QAction(self)
        self.print_action.setObjectName("minutes_print")
        self.print_action.triggered.connect(self.print_copies)
        self.sign_action = QAction(self)
        self.sign_action.setObjectName("minutes_sign")
        self.sign_action.triggered.connect(self.record_signing)
        self.toolbar.addAction(self.print_action)
        self.toolbar.addAction(self.sign_action)
        self.actions_.swap.toggled.connect(self._set_ru_left)

    def _connect(self) -> None:
        d = self.doc
        d.structureChanged.connect(self._on_structure)
        d.segmentChanged.connect(self._on_segment_changed)
        d.glossaryChanged.connect(self._on_glossary)
        d.checked.connect(self._on_checked)
        d.refused.connect(self.show_refusal)
        d.autosaver.stateChanged.connect(self._on_save_state)
        d.autosaver.refused.connect(lambda _u, msg: self.show_refusal(msg))
        d.autosaver.conflicted.connect(lambda uuid, exc: resolve_segment_conflict(self, uuid, exc))
        ops = self.segments
        e = self.editor
        e.textEdited.connect(self._on_typed)
        e.currentChanged.connect(self._on_current)
        e.dropped.connect(lambda uuid, index, part: self.stack.push(MoveCommand(self, uuid, 0, index, part)))
        e.addRequested.connect(ops.add_in_part)
        e.cellLeft.connect(self.doc.autosaver.save_now)
        e.statusRequested.connect(ops.status_menu)
        self.session_combo.activated.connect(lambda _i: self._open_session())
        self.filter_combo.activated.connect(
            lambda _i: self.editor.set_filter(self.filter_combo.currentData())
        )
        f = self.files
        self.import_button.clicked.connect(f.import_file)
        self.empty.import_button.clicked.connect(f.import_file)
        self.export_button.clicked.connect(f.export_file)
        self.start_agenda_button.clicked.connect(f.start_from_agenda)
        self.start_empty_button.clicked.connect(f.start_empty)
        p = self.segment_panel
        p.statusChosen.connect(ops.set_current_status)
        p.kindChosen.connect(ops.set_kind)
        p.partChosen.connect(lambda part: ops.segment_op(me.set_part, part, structural=True))
        p.agendaChosen.connect(lambda item: ops.segment_op(me.set_agenda_item, item))
        p.decisionEdited.connect(ops.decision_edited)
        p.reopenRequested.connect(ops.reopen_current)
        p.historyRequested.connect(ops.show_history)
        g = self.glossary_panel
        g.addRequested.connect(lambda: f.edit_term(None))
        g.editRequested.connect(f.edit_term)
        g.deleteRequested.connect(f.delete_term)
        g.importRequested.connect(f.import_glossary)
        g.exportRequested.connect(f.export_glossary)
        self.checks_panel.jump.connect(ops.jump_to_finding)
        self.checks_panel.acceptRequested.connect(ops.accept_finding)
        self.find_bar.findRequested.connect(self.finder.find)
        self.find_bar.replaceRequested.connect(self.finder.replace)
        self.find_bar.replaceAllRequested.connect(self.finder.replace_all)
        self.find_bar.find.textChanged.connect(lambda _t: self._find_changed())
        self.stack.indexChanged.connect(self._on_stack_index)
        self.ru_left = bool(QSettings().value("minutes/ru_left", False, type=bool))
        self.actions_.swap.setChecked(self.ru_left)
        self.editor.set_ru_left(self.ru_left)

    # --- the View interface ------------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if self.doc.writing:
            return
        if Change.DATABASE in changes:  # another database: what was typed goes into the old one first
            self.doc.autosaver.flush()
            self.stack.clear()
            self.doc.meeting_id = None
        super()._on_changed(changes)

    def refresh(self) -> None:
        self.commission = self.ctx.read(commission_service.get_commission) if self.ctx.has_db else None
        self._fill_sessions()
        self._open_session(keep_stack=True)

    def edit_actions(self) -> list:
        return self.actions_.edit_menu()

    def can_delete(self) -> bool:
        return self.current_segment() is not None and self.can_edit_structure()

    def delete_record(self) -> None:
        # the Delete key outside the texts (on a button, in the side panel) deletes nothing
        focus = QApplication.focusWidget()
        if focus is None or self.editor.isAncestorOf(focus) or not self.isAncestorOf(focus):
            self.segments.delete_current()

    def can_find(self) -> bool:
        return self.has_minutes()

    def focus_search(self) -> None:
        self.find_bar.open(replace=False, text=self._selected_text())

    def show_replace(self) -> None:
        self.find_bar.open(replace=True, text=self._selected_text())

    def close_view(self) -> bool:
        """Called when the window closes: everything typed is saved first."""
        if self.doc.autosaver.flush():
            return True
        return messages.confirm(
            self, _("Some text could not be saved to the database. Close anyway and lose it?")
        )

    def hideEvent(self, e) -> None:  # noqa: N802
        self.doc.autosaver.flush()
        super().hideEvent(e)

    # --- sessions ----------------------------------------------------------------------------

    def _fill_sessions(self) -> None:
        meetings = self.ctx.read(meetings_service.list_meetings) if self.ctx.has_db else []
        self.session_bar.fill_sessions(meetings)

    def _open_session(self, keep_stack: bool = False) -> None:
        meeting_id = self.session_bar.meeting_id()
        if meeting_id != self.doc.meeting_id or not keep_stack:
            self.stack.clear()
        self._load_context(meeting_id)
        self.doc.open(meeting_id)

    def _load_context(self, meeting_id) -> None:
        if meeting_id is None or not self.ctx.has_db:
            self.segment_panel.set_context([], ("", ""))
            return
        from app.core.models import AgendaItem

        def items(session):
            rows = session.query(AgendaItem).filter_by(meeting_id=meeting_id).order_by(AgendaItem.position)
            return [(r.id, r.title_zh, r.title_ru) for r in rows]

        lang = current_language()
        sides = self.commission.sides if self.commission and self.commission.is_set_up else ()
        names = tuple(s.short_name(lang) for s in sides) if sides else ("", "")
        self.segment_panel.set_context(self.ctx.read(items), names)
        self._part_titles()

    def _part_titles(self) -> None:
        lang = current_language()
        sides = self.commission.sides if self.commission and self.commission.is_set_up else ()
        titles = {}
        for part in SegmentPart:
            if part in (SegmentPart.FIRST, SegmentPart.SECOND) and sides:
                side = sides[0 if part is SegmentPart.FIRST else 1]
                titles[part] = _("Items proposed by {side}").format(side=side.short_name(lang))
            else:
                titles[part] = part.label
        self.editor.set_part_titles(titles)
        self.segment_panel.set_part_titles(titles)

    # --- document events ---------------------------------------------------------------------

    def _on_structure(self) -> None:
        has = self.doc.minutes is not None
        self.pages.setCurrentIndex(0 if has else 1)
        if not has:
            if not (self.commission and self.commission.is_set_up):
                self.empty.set_state("no_commission")
            else:
                self.empty.set_state("not_started" if self.doc.meeting_id is not None else "no_session")
        reader = self.ctx.db is not None and self.ctx.db.read_only  # a reader role on a server
        self.editor.sync(self.doc.segments, read_only=self.doc.locked or reader, pending=self.doc.autosaver.has_pending)
        self._update_signed_banner()
        self.glossary_panel.set_terms(self.doc.terms)
        self._refresh_terms_in_cells()
        self._on_current(self.editor.current_uuid)
        self._counts_timer.start()

    def _on_segment_changed(self, uuid: str) -> None:
        seg = self.doc.get(uuid)
        row = self.editor.rows.get(uuid)
        if seg is not None and row is not None:
            row.set_segment(seg, force_text=not self.doc.autosaver.has_pending(uuid) and not row.cell("zh").hasFocus()
                            and not row.cell("ru").hasFocus())  # fmt: skip
            self.editor.apply_filter()
        if uuid == self.editor.current_uuid:
            self._on_current(uuid)

    def _on_glossary(self) -> None:
        self.glossary_panel.set_terms(self.doc.terms)
        self._refresh_terms_in_cells()
        self._on_current(self.editor.current_uuid)

    def _refresh_terms_in_cells(self) -> None:
        self.editor.set_terms(self.doc.terms)

    def _on_checked(self) -> None:
        self.editor.set_failing(self.side.show_report(self.doc.report))

    def _on_typed(self, uuid: str, lang: str, before: str, after: str, cursor: int) -> None:
        self.stack.push(TypingCommand(self, uuid, lang, before, after, cursor))
        self.doc.text_changed(uuid, lang, after)
        self._counts_timer.start()
        if uuid == self.editor.current_uuid:
            self._show_terms_here()

    def _on_current(self, uuid: str) -> None:
        seg = self.doc.get(uuid) if uuid else None
        index = self.doc.index_of(uuid) if uuid else -1
        self.segment_panel.show_segment(seg, self.can_edit_structure(), index, len(self.doc.segments),
                                        self.allowed_statuses())  # fmt: skip
        self._show_terms_here()
        self._update_actions()

    def _show_terms_here(self) -> None:
        row = self.editor.current_row()
        if row is None:
            self.glossary_panel.show_segment(None, None)
        else:
            self.glossary_panel.show_segment(row.segment, {k: c.text() for k, c in row.cells.items()})

    def _on_save_state(self, state: str, message: str) -> None:
        self.status_line.show_save_state(state, message)

    def _update_signed_banner(self) -> None:
        m = self.doc.minutes
        self.print_action.setEnabled(m is not None)
        self.sign_action.setEnabled(m is not None and not m.locked)
        self.banners.show_signed(m)
        self.between_banner.show_for(m)

    def _update_counts(self) -> None:
        self.status_line.show_counts(self.doc.segments, self.editor.rows)

    def show_refusal(self, message: str) -> None:
        self.banners.show_refusal(message)
        self.status.emit(message)

    # --- what the actions ask ----------------------------------------------------------------

    def has_minutes(self) -> bool:
        return self.doc.minutes is not None

    def can_edit_structure(self) -> bool:
        return self.has_minutes() and not self.doc.locked

    def current_segment(self) -> SegmentData | None:
        return self.doc.get(self.editor.current_uuid) if self.editor.current_uuid else None

    def next_segment(self) -> SegmentData | None:
        i = self.doc.index_of(self.editor.current_uuid) if self.editor.current_uuid else -1
        return self.doc.segments[i + 1] if 0 <= i < len(self.doc.segments) - 1 else None

    def allowed_statuses(self) -> list[SegmentStatus]:
        seg = self.current_segment()
        if seg is None:
            return []
        row = self.editor.rows.get(seg.uuid)
        if row is not None:  # judge by what the cells hold now
            from dataclasses import replace

            seg = replace(seg, text_zh=row.cell("zh").text(), text_ru=row.cell("ru").text())
        return me.allowed_statuses(seg)

    def _on_stack_index(self, _index: int) -> None:
        if shiboken6.isValid(self) and shiboken6.isValid(self.stack):
            self._update_actions()

    def _update_actions(self) -> None:
        self.actions_.update()
        self.actionsChanged.emit()

    # --- the undo commands' view of the editor -----------------------------------------------

    def apply_text(self, uuid: str, lang: str, text: str, cursor: int) -> bool:
        if not self.editor.apply_text(uuid, lang, text, cursor):
            self.show_refusal(
                _("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
            )
            return False
        self.doc.text_changed(uuid, lang, text)
        self._counts_timer.start()
        return True

    def focus_segment(self, uuid: str, lang: str | None = None, **kw) -> None:
        self.editor.focus_segment(uuid, lang, **kw)

    def focus_index(self, index: int) -> None:
        self.editor.focus_index(index)

    def first_lang(self) -> str:
        return self.editor.first_lang()

    def current_lang(self) -> str:
        return self.editor.current_lang()

    def _set_ru_left(self, ru_left: bool) -> None:
        self.ru_left = ru_left
        QSettings().setValue("minutes/ru_left", ru_left)
        self.editor.set_ru_left(ru_left)

    # --- find --------------------------------------------------------------------------------

    def _selected_text(self) -> str:
        row = self.editor.current_row()
        if row is None:
            return ""
        text = row.cell(self.editor.current_lang()).textCursor().selectedText()
        return text if "\u2029" not in text else ""

    def _find_changed(self) -> None:
        self.finder.current = None
        found = self.finder.matches() if self.find_bar.find.text() else []
        self.find_bar.set_count(0, len(found))

    # --- signature copies and signing (issue 8) ------------------------------------------------

    def print_copies(self) -> None:
        """The print dialog for this session: signature originals, proofs, the reading copy."""
        from app.ui.dialogs.print_minutes_dialog import print_minutes

        self.doc.autosaver.flush()  # the copy shows every word typed
        print_minutes(self, self.ctx, self.doc.meeting_id)

    def record_signing(self) -> None:
        from app.ui.dialogs.signing_dialog import record_signing

        self.doc.autosaver.flush()
        record_signing(self, self.ctx, self.doc.meeting_id)

    # --- language ----------------------------------------------------------------------------

    def _default_split(self) -> None:
        """The side panel a quarter of the width, or as wide as it needs in this language."""
        width = self.splitter.width() - self.splitter.handleWidth()
        if self._split_moved or width <= 0 or not self.splitter.isVisible():
            return
        side = max(round(width * 340 / 1240), self.side.minimumSizeHint().width())
        self.splitter.setSizes([width - side, side])

    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        QTimer.singleShot(0, self, self._default_split)

    def retranslate_ui(self) -> None:
        QTimer.singleShot(0, self, self._default_split)
        self.print_action.setText(_("&Print…"))
        self.sign_action.setText(_("&Signing…"))
        self.print_action.setToolTip(_("Print the signature originals, a proof or the reading copy"))
        self.sign_action.setToolTip(
            _("Record the signing: date, place and signatories; the minutes are then locked")
        )
        self.toolbar.setWindowTitle(_("Minutes"))
        self.actions_.retranslate_ui()
        self.editor.retranslate_ui()
        if self.ctx.has_db and self.session_combo.count():
            self._fill_sessions()
            self._part_titles()
            self._load_context(self.doc.meeting_id)
        self._on_checked()
        self._on_save_state(self.doc.autosaver.state, "")
        self._update_signed_banner()
        self._update_counts()
        self.segment_panel.show_segment(
            self.current_segment(), self.can_edit_structure(), max(0, self.doc.index_of(self.editor.current_uuid)),
            len(self.doc.segments), self.allowed_statuses(),
        )  # fmt: skip
