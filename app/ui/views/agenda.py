"""The Agenda tab: the sessions on one side (with the steps before the selected one), the selected
session's agenda, delegations and programme on the other, and the memorandum to the other side."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.agenda import deadlines
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.deadlines import SessionOverview
from app.i18n import N_, _, current_language
from app.ui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog
from app.ui.dialogs.session_dialog import SessionDialog
from app.ui.views import agenda_text as fmt
from app.ui.views.agenda_memorandum import MemorandumActions
from app.ui.views.base import View
from app.ui.views.page import forward
from app.ui.widgets import messages
from app.ui.widgets.agenda_page import AgendaPage
from app.ui.widgets.deadlines_panel import DeadlinesPanel
from app.ui.widgets.delegation_editor import DelegationEditor
from app.ui.widgets.messages import menu_path, menu_words
from app.ui.widgets.schedule_view import ScheduleView
from app.ui.widgets.session_list import SessionList


@forward("memorandum", "issue_memorandum:issue memorandum_bytes:pdf preview_memorandum:preview")
class AgendaView(View):
    """A shell over its pages: the sessions (:class:`SessionList`), the selected session's agenda
    (:class:`AgendaPage`), delegations and programme; the memorandum is :class:`MemorandumActions`'."""

    TITLE = N_("Agenda")
    CONCERNS = frozenset({Change.MEETINGS, Change.AGENDA, Change.ATTACHMENTS, Change.PEOPLE,
                          Change.COMMISSION, Change.SETTINGS, Change.DECISIONS})  # fmt: skip

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("AgendaView")
        #: the day deadlines are counted from (tests may fix it)
        self.today = dt.date.today
        self.sides = []
        self.overview: SessionOverview | None = None
        self.preview = None

        self.memorandum = MemorandumActions(self)
        self.sessions = SessionList(ctx)
        self.sessions.actionsChanged.connect(self.actionsChanged)
        self.sessions.selected.connect(self._show_session)
        self.sessions.newRequested.connect(self.new_session)
        self.sessions.editRequested.connect(self.edit_session)
        self.sessions.deleteRequested.connect(self.delete_session)
        self.deadlines = DeadlinesPanel(ctx, lambda: self.today())
        self.deadlines.settingsRequested.connect(self.edit_offsets)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.sessions, 1)
        left_lay.addWidget(self.deadlines)

        self.heading = QLabel()
        self.heading.setObjectName("session_heading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.details = QLabel()
        self.details.setObjectName("session_details")
        self.details.setWordWrap(True)
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("memorandum_issue")
        self.issue_button.clicked.connect(self.memorandum.issue)
        self.preview_button = QToolButton()
        self.preview_button.setObjectName("memorandum_preview")
        self.preview_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.preview_menu = QMenu(self)
        self.preview_zh = self.preview_menu.addAction("")
        self.preview_zh.triggered.connect(lambda: self.memorandum.preview("zh"))
        self.preview_ru = self.preview_menu.addAction("")
        self.preview_ru.triggered.connect(lambda: self.memorandum.preview("ru"))
        self.preview_button.setMenu(self.preview_menu)
        self.preview_button.clicked.connect(lambda: self.memorandum.preview(self.memorandum.default_doc_lang()))
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.details)
        head.addLayout(titles, 1)
        head.addWidget(self.issue_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignTop)

        self.agenda = AgendaPage(ctx)
        self.delegations = DelegationEditor(ctx)
        self.schedule = ScheduleView(ctx)
        self.schedule.itemRequested.connect(self._open_item)
        self.pages = QTabWidget()
        self.pages.setObjectName("session_pages")
        self.pages.addTab(self.agenda, "")
        self.pages.addTab(self.delegations, "")
        self.pages.addTab(self.schedule, "")
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addLayout(head)
        right_lay.addWidget(self.pages, 1)

        # Small windows squeeze the panes rather than grow the main window (whose other tabs are narrow).
        left.setMinimumWidth(220)
        right.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 770])
        lay = QVBoxLayout(self)
        lay.addWidget(self.splitter)
        self.agenda.actionsChanged.connect(self.actionsChanged)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.ctx.has_db:
            self.sides = []
            self.sessions.set_sessions([])
            return
        self.sides = self.ctx.read(commission_service.get_sides)
        self.delegations.set_sides(self.sides)
        self.sessions.set_sessions(self.ctx.read(deadlines.sessions_overview, self.today()))

    def current_meeting(self):
        return self.overview.meeting if self.overview else None

    def _show_session(self, meeting_id: int | None) -> None:
        self.overview = self.sessions.current() if meeting_id is not None else None
        m = self.current_meeting()
        self.agenda.set_meeting(m, self.sides)
        self.delegations.set_meeting(m.id if m else None)
        self.schedule.set_meeting(m)
        self.deadlines.set_meeting(m.id if m else None)
        for w in (self.issue_button, self.preview_button, self.pages, self.deadlines):
            w.setEnabled(m is not None)
        self._update_heading()
        self.actionsChanged.emit()

    def _update_heading(self) -> None:
        m = self.current_meeting()
        if m is None:
            can = self.ctx.has_db and len(self.sides) == 2
            self.heading.setText(_("No session selected"))
            self.details.setText(
                _("Create the first session with “{button}”.").format(button=menu_words(_("&New session…"))) if can
                else _("Set up the commission and its two sides first ({menu}).").format(
                    menu=menu_path(_("&File"), _("&Commission and sides…")))
            )  # fmt: skip
            return
        host = next((s for s in self.sides if s.id == m.host_side_id), None)
        self.heading.setText(f"{fmt.session_title(m)} — {m.city(current_language())}")
        parts = [fmt.session_dates(m), fmt.session_place(m)]
        if host is not None:
            parts.append(_("host: {side}").format(side=host.short_name(current_language())))
        parts.append(m.status.label)
        self.details.setText(" · ".join(p for p in parts if p))

    # --- sessions ----------------------------------------------------------------------------

    def new_session(self) -> None:
        if not self.ctx.has_db or len(self.sides) != 2:
            messages.info(
                self, _("Set up the commission and its two sides first ({menu}).").format(
                    menu=menu_path(_("&File"), _("&Commission and sides…")))
            )
            return
        dlg = SessionDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()
            self.sessions.select_id(dlg.saved.id)
            self.status.emit(_("{session} was created.").format(session=fmt.session_title(dlg.saved)))
            self.agenda.offer_carry_over(quiet=True)

    def edit_session(self) -> None:
        m = self.current_meeting()
        if m is None:
            return
        dlg = SessionDialog(self.ctx, m, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()

    def delete_session(self) -> None:
        m = self.current_meeting()
        if m is None:
            return
        text = _("Delete {session} with its delegations, agenda, programme and materials?").format(
            session=fmt.session_title(m)
        )
        if not messages.confirm(self, text):
            return
        try:
            self.ctx.write(meetings.delete_meeting, m.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.status.emit(_("{session} was deleted.").format(session=fmt.session_title(m)))

    def edit_offsets(self) -> None:
        DeadlineSettingsDialog(self.ctx, self).exec()

    def _open_item(self, item_id: int) -> None:
        self.pages.setCurrentWidget(self.agenda)
        self.agenda.edit_item_id(item_id)

    # --- the Edit menu -----------------------------------------------------------------------

    def _sessions_focused(self) -> bool:
        w = QApplication.focusWidget()
        return w is not None and (w is self.sessions.table or self.sessions.isAncestorOf(w))

    def can_new(self) -> bool:
        return self.ctx.has_db and len(self.sides) == 2

    def new_record(self) -> None:
        if self.current_meeting() is None or self._sessions_focused():
            self.new_session()
        else:
            self.pages.setCurrentWidget(self.agenda)
            self.agenda.new_record()

    def can_edit(self) -> bool:
        return self.sessions.can_edit()

    def edit_record(self) -> None:
        (self.agenda if not self._sessions_focused() and self.agenda.can_edit() else self.sessions).edit_record()

    def can_delete(self) -> bool:
        return self.sessions.can_delete()

    def delete_record(self) -> None:
        if self._sessions_focused():
            self.sessions.delete_record()
        elif self.pages.currentWidget() is self.agenda and self.agenda.can_delete():
            self.agenda.delete_record()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.pages.setTabText(0, _("Agenda"))
        self.pages.setTabText(1, _("Delegations"))
        self.pages.setTabText(2, _("Programme"))
        self.issue_button.setText(_("Issue memorandum…"))
        self.issue_button.setToolTip(
            _("Check the delegations and the agenda, and record the notice as sent today")
        )
        self.preview_button.setText(_("Memorandum"))
        self.preview_button.setToolTip(_("Preview, print or save the memorandum to the other side"))
        self.preview_zh.setText(_("Memorandum in Chinese…"))
        self.preview_ru.setText(_("Memorandum in Russian…"))
        self._update_heading()
        # While the view waits for a refresh (another database was opened while it was hidden),
        # its session may not exist any more: the refresh will show the right one.
        if self.ctx.has_db and self.current_meeting() is not None and not self._stale:
            self.deadlines.set_meeting(self.current_meeting().id)
