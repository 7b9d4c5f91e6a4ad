"""The Minutes tab: the bilingual minutes editor.

The session's segments side by side (``minutes/editor.py``), every change undoable
(``minutes/commands.py``) and saved within two seconds (``minutes/autosave.py``); a side panel with
the current segment, the glossary and the checks; find and replace; word and character counts.
"""

from __future__ import annotations

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
from app.core.services import commission as commission_service
from app.core.services.minutes import edit as me
from app.i18n import N_, _
from app.ui.minutes.actions import EditorActions
from app.ui.minutes.banners import Banners
from app.ui.minutes.between_banner import BetweenSessionsBanner
from app.ui.minutes.commands import (
    MoveCommand,
)
from app.ui.minutes.conflicts import resolve_segment_conflict
from app.ui.minutes.doc_events import DocumentEvents
from app.ui.minutes.document import MinutesDocument
from app.ui.minutes.editing import EditingState
from app.ui.minutes.editor import SegmentEditor
from app.ui.minutes.empty_page import EmptyPage
from app.ui.minutes.file_ops import MinutesFiles
from app.ui.minutes.find import Finder
from app.ui.minutes.find_bar import FindBar
from app.ui.minutes.segment_ops import SegmentOperations
from app.ui.minutes.session_bar import SessionBar
from app.ui.minutes.session_context import SessionContext
from app.ui.minutes.side_panels import SidePanels
from app.ui.minutes.status_line import StatusLine
from app.ui.views.base import View
from app.ui.views.page import forward
from app.ui.widgets import messages


@forward("editing", "has_minutes can_edit_structure current_segment next_segment allowed_statuses apply_text "
                   "focus_segment focus_index first_lang current_lang _update_actions:update_actions")
@forward("events", "_on_current:on_current")
class MinutesView(View):
    """The tab: its widgets and the main window's interface. What happens when the document changes
    is :class:`DocumentEvents`' (``events``), what the actions and undo commands ask
    :class:`EditingState`'s (``editing``), the session shown :class:`SessionContext`'s
    (``session_context``), find and replace the :class:`Finder`'s (``finder``)."""

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
        self.events = DocumentEvents(self)
        self.editing = EditingState(self)
        self.session_context = SessionContext(self)
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
        self.between_banner.appended.connect(lambda: self.session_context.open_session(keep_stack=False))
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
        self.events.connect()
        d.refused.connect(self.show_refusal)
        d.autosaver.refused.connect(lambda _u, msg: self.show_refusal(msg))
        d.autosaver.conflicted.connect(lambda uuid, exc: resolve_segment_conflict(self, uuid, exc))
        ops = self.segments
        e = self.editor
        e.textEdited.connect(self.events.on_typed)
        e.currentChanged.connect(self.events.on_current)
        e.dropped.connect(lambda uuid, index, part: self.stack.push(MoveCommand(self, uuid, 0, index, part)))
        e.addRequested.connect(ops.add_in_part)
        e.cellLeft.connect(self.doc.autosaver.save_now)
        e.statusRequested.connect(ops.status_menu)
        self.session_combo.activated.connect(lambda _i: self.session_context.pick_session())
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
        self.find_bar.find.textChanged.connect(lambda _t: self.finder.needle_changed())
        self.stack.indexChanged.connect(self.editing.on_stack_index)
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
        self.session_context.fill_sessions()
        self.session_context.open_session(keep_stack=True)

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
        self.finder.open(replace=False)

    def show_replace(self) -> None:
        self.finder.open(replace=True)

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

    def show_refusal(self, message: str) -> None:
        self.banners.show_refusal(message)
        self.status.emit(message)

    def _set_ru_left(self, ru_left: bool) -> None:
        self.ru_left = ru_left
        QSettings().setValue("minutes/ru_left", ru_left)
        self.editor.set_ru_left(ru_left)

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
            self.session_context.fill_sessions()
            self.session_context.part_titles()
            self.session_context.load_context(self.doc.meeting_id)
        ev = self.events
        ev.on_checked()
        ev.on_save_state(self.doc.autosaver.state, "")
        ev.update_signed_banner()
        ev.update_counts()
        self.segment_panel.show_segment(
            self.current_segment(), self.can_edit_structure(), max(0, self.doc.index_of(self.editor.current_uuid)),
            len(self.doc.segments), self.allowed_statuses(),
        )  # fmt: skip
