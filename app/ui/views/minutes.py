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
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Change
from app.core.enums import SegmentPart, SegmentStatus
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.minutes import edit as me
from app.core.services.minutes.records import SegmentData
from app.core.services.minutes.text import Counts, count
from app.i18n import N_, _, current_language, format_date
from app.ui.minutes.actions import EditorActions
from app.ui.minutes.checks_panel import ChecksPanel
from app.ui.minutes.commands import (
    MoveCommand,
    TypingCommand,
)
from app.ui.minutes.document import MinutesDocument
from app.ui.minutes.editor import SegmentEditor
from app.ui.minutes.file_ops import FileOperations
from app.ui.minutes.find import Finder
from app.ui.minutes.find_bar import FindBar
from app.ui.minutes.glossary_panel import GlossaryPanel
from app.ui.minutes.segment_ops import SegmentOperations
from app.ui.minutes.segment_panel import SegmentPanel
from app.ui.views.base import View
from app.ui.widgets import messages

FILTER_LABELS = (("all", N_("All segments")), ("not_agreed", N_("Not yet agreed")),
                 ("findings", N_("With check findings")))  # fmt: skip


class MinutesView(SegmentOperations, FileOperations, View):
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
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(lambda: self.banner.hide())
        self._build()
        self.actions_ = EditorActions(self, self.stack)
        self._build_toolbar()
        self.finder = Finder(self)
        a = self.actions_
        self.editor.context_actions[:] = [*a.segment_menu(), None, *a.status.values(), a.reopen]
        self._connect()
        self.retranslate_ui()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.session_label = QLabel()
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("minutes_session")
        self.session_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session_combo.setMinimumContentsLength(14)
        self.session_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.session_combo.setMaximumWidth(460)
        self.session_label.setBuddy(self.session_combo)
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("minutes_filter")
        self.filter_label.setBuddy(self.filter_combo)
        self.import_button = QPushButton()
        self.import_button.setObjectName("minutes_import")
        self.export_button = QPushButton()
        self.export_button.setObjectName("minutes_export")
        self.save_state = QLabel()
        self.save_state.setObjectName("minutes_save_state")
        top.addWidget(self.session_label)
        top.addWidget(self.session_combo, 3)
        top.addSpacing(12)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("minutes_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.banner = QLabel()
        self.banner.setObjectName("minutes_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4ce; color: #5d4200; padding: 6px; border: 1px solid #e0c060;"
        )
        self.banner.hide()
        self.signed_banner = QLabel()
        self.signed_banner.setObjectName("minutes_signed")
        self.signed_banner.setWordWrap(True)
        self.signed_banner.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 6px;")
        self.signed_banner.hide()
        self.find_bar = FindBar()
        self.find_bar.hide()

        self.editor = SegmentEditor()
        self.editor.filterReset = lambda: self.filter_combo.setCurrentIndex(0)
        self.side = QTabWidget()
        self.side.setObjectName("minutes_side")
        self.segment_panel = SegmentPanel()
        self.glossary_panel = GlossaryPanel()
        self.checks_panel = ChecksPanel()
        self.side.addTab(self.segment_panel, "")
        self.side.addTab(self.glossary_panel, "")
        self.side.addTab(self.checks_panel, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 340])

        self.empty = QWidget()
        el = QVBoxLayout(self.empty)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setStyleSheet("font-size: 12pt;")
        self.start_agenda_button = QPushButton()
        self.start_agenda_button.setObjectName("minutes_start_agenda")
        self.start_empty_button = QPushButton()
        self.start_empty_button.setObjectName("minutes_start_empty")
        self.empty_import_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_agenda_button, self.start_empty_button, self.empty_import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        el.addStretch(1)
        el.addWidget(self.empty_text)
        el.addLayout(buttons)
        el.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.empty)

        self.counts = QLabel()
        self.counts.setObjectName("minutes_counts")
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts.setMinimumWidth(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.save_state)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.signed_banner)
        lay.addWidget(self.banner)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.pages, 1)
        lay.addLayout(bottom)

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
        e = self.editor
        e.textEdited.connect(self._on_typed)
        e.currentChanged.connect(self._on_current)
        e.dropped.connect(lambda uuid, index, part: self.stack.push(MoveCommand(self, uuid, 0, index, part)))
        e.addRequested.connect(self._add_in_part)
        e.cellLeft.connect(self.doc.autosaver.save_now)
        e.statusRequested.connect(self._status_menu)
        self.session_combo.activated.connect(lambda _i: self._open_session())
        self.filter_combo.activated.connect(
            lambda _i: self.editor.set_filter(self.filter_combo.currentData())
        )
        self.import_button.clicked.connect(self.import_file)
        self.empty_import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.start_agenda_button.clicked.connect(self.start_from_agenda)
        self.start_empty_button.clicked.connect(self.start_empty)
        p = self.segment_panel
        p.statusChosen.connect(self.set_current_status)
        p.kindChosen.connect(self._set_kind)
        p.partChosen.connect(lambda part: self._segment_op(me.set_part, part, structural=True))
        p.agendaChosen.connect(lambda item: self._segment_op(me.set_agenda_item, item))
        p.decisionEdited.connect(self._decision_edited)
        p.reopenRequested.connect(self.reopen_current)
        p.historyRequested.connect(self.show_history)
        g = self.glossary_panel
        g.addRequested.connect(lambda: self._edit_term(None))
        g.editRequested.connect(self._edit_term)
        g.deleteRequested.connect(self._delete_term)
        g.importRequested.connect(self.import_glossary)
        g.exportRequested.connect(self.export_glossary)
        self.checks_panel.jump.connect(self.jump_to_finding)
        self.checks_panel.acceptRequested.connect(self._accept_finding)
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
            self.delete_current()

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
        current = self.session_combo.currentData()
        if current is None:
            saved = QSettings().value("minutes/session")
            current = int(saved) if saved not in (None, "") else None
        self.session_combo.clear()
        if not self.ctx.has_db:
            return
        lang = current_language()
        for m in self.ctx.read(meetings_service.list_meetings):
            self.session_combo.addItem(
                _("Session {number} — {city}, {start}").format(
                    number=m.ordinal, city=m.city(lang), start=format_date(m.start_date, "medium")
                ),
                m.id,
            )
        idx = self.session_combo.findData(current)
        self.session_combo.setCurrentIndex(idx if idx >= 0 else 0)

    def _open_session(self, keep_stack: bool = False) -> None:
        meeting_id = self.session_combo.currentData()
        if meeting_id != self.doc.meeting_id or not keep_stack:
            self.stack.clear()
        if meeting_id is not None:
            QSettings().setValue("minutes/session", meeting_id)
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
        self.editor.sync(self.doc.segments, read_only=self.doc.locked, pending=self.doc.autosaver.has_pending)
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
        report = self.doc.report
        self.checks_panel.set_report(report)
        by_id = {}
        for f in report.findings:
            if not f.accepted:
                by_id[f.segment_uuid] = by_id.get(f.segment_uuid, 0) + 1
        self.editor.set_failing(by_id)
        n = len(report.open)
        self.side.setTabText(2, _("Checks ({n})").format(n=n) if n else _("Checks ✓"))

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
        if state == "saved":
            self.save_state.setText(_("All changes saved"))
            self.save_state.setStyleSheet("color: #2e7d32;")
        elif state == "pending":
            self.save_state.setText(_("Saving…"))
            self.save_state.setStyleSheet("color: #757575;")
        else:
            self.save_state.setText(_("Not saved yet ({reason}); trying again").format(reason=message))
            self.save_state.setStyleSheet("color: #c62828; font-weight: bold;")

    def _update_signed_banner(self) -> None:
        m = self.doc.minutes
        self.print_action.setEnabled(m is not None)
        self.sign_action.setEnabled(m is not None and not m.locked)
        if m is not None and m.locked:
            lang = current_language()
            if m.signed_on:
                text = _(
                    "These minutes were signed on {date} in {place}; they can no longer be changed."
                ).format(date=format_date(m.signed_on, "long"), place=m.place(lang) or "—")
            else:
                text = _("These minutes are signed; they can no longer be changed.")
            self.signed_banner.setText(text)
            self.signed_banner.show()
        else:
            self.signed_banner.hide()

    def _update_counts(self) -> None:
        totals = {"zh": Counts(), "ru": Counts()}
        for seg in self.doc.segments:
            row = self.editor.rows.get(seg.uuid)
            for lang in ("zh", "ru"):
                text = row.cell(lang).text() if row is not None else seg.text(lang)
                totals[lang] = totals[lang] + count(text)
        zh, ru = totals["zh"], totals["ru"]
        self.counts.setText(
            _("Chinese: {zh_words} words, {zh_chars} characters · Russian: {ru_words} words, {ru_chars} characters "
              "· {segments} segments").format(
                zh_words=zh.words, zh_chars=zh.characters, ru_words=ru.words, ru_chars=ru.characters,
                segments=len(self.doc.segments),
            )
        )  # fmt: skip

    def show_refusal(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
        self._banner_timer.start(8000)
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

    def retranslate_ui(self) -> None:
        self.session_label.setText(_("&Session:"))
        self.filter_label.setText(_("S&how:"))
        current = self.filter_combo.currentData()
        self.filter_combo.clear()
        for key, label in FILTER_LABELS:
            self.filter_combo.addItem(_(label), key)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(current)))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("E&xport…"))
        self.print_action.setText(_("&Print…"))
        self.sign_action.setText(_("&Signing…"))
        self.print_action.setToolTip(_("Print the signature originals, a proof or the reading copy"))
        self.sign_action.setToolTip(
            _("Record the signing: date, place and signatories; the minutes are then locked")
        )
        self.side.setTabText(0, _("Segment"))
        self.side.setTabText(1, _("Glossary"))
        self.empty_text.setText(
            _("The minutes of this session have not been started. Start them from the agreed agenda, with an "
              "empty page, or from a two-column table prepared by the interpreters.")
        )  # fmt: skip
        self.start_agenda_button.setText(_("Start from the &agenda"))
        self.start_empty_button.setText(_("Start with an &empty page"))
        self.empty_import_button.setText(_("&Import a table…"))
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
