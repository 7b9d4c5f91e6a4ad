"""What the minutes tab does when its document changes: the editor, the side panels, the banners
and the status line follow the :class:`~app.ui.minutes.document.MinutesDocument`'s signals."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from app.ui.minutes.commands import TypingCommand


class DocumentEvents:
    """Connects the document's signals to the tab's widgets (``view`` is the MinutesView)."""

    def __init__(self, view) -> None:
        self.view = view
        self.counts_timer = QTimer(view)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.setInterval(400)
        self.counts_timer.timeout.connect(self.update_counts)

    def connect(self) -> None:
        d = self.view.doc
        d.structureChanged.connect(self.on_structure)
        d.segmentChanged.connect(self.on_segment_changed)
        d.glossaryChanged.connect(self.on_glossary)
        d.checked.connect(self.on_checked)
        d.autosaver.stateChanged.connect(self.on_save_state)

    def on_structure(self) -> None:
        v = self.view
        doc = v.doc
        has = doc.minutes is not None
        v.pages.setCurrentIndex(0 if has else 1)
        if not has:
            if not (v.commission and v.commission.is_set_up):
                v.empty.set_state("no_commission")
            else:
                v.empty.set_state("not_started" if doc.meeting_id is not None else "no_session")
        reader = v.ctx.db is not None and v.ctx.db.read_only  # a reader role on a server
        v.editor.sync(doc.segments, read_only=doc.locked or reader, pending=doc.autosaver.has_pending)
        self.update_signed_banner()
        v.glossary_panel.set_terms(doc.terms)
        v.editor.set_terms(doc.terms)
        self.on_current(v.editor.current_uuid)
        self.counts_timer.start()

    def on_segment_changed(self, uuid: str) -> None:
        v = self.view
        seg = v.doc.get(uuid)
        row = v.editor.rows.get(uuid)
        if seg is not None and row is not None:
            row.set_segment(seg, force_text=not v.doc.autosaver.has_pending(uuid) and not row.has_focus())
            v.editor.apply_filter()
        if uuid == v.editor.current_uuid:
            self.on_current(uuid)

    def on_glossary(self) -> None:
        v = self.view
        v.glossary_panel.set_terms(v.doc.terms)
        v.editor.set_terms(v.doc.terms)
        self.on_current(v.editor.current_uuid)

    def on_checked(self) -> None:
        v = self.view
        v.editor.set_failing(v.side.show_report(v.doc.report))

    def on_typed(self, uuid: str, lang: str, before: str, after: str, cursor: int) -> None:
        v = self.view
        v.stack.push(TypingCommand(v, uuid, lang, before, after, cursor))
        v.doc.text_changed(uuid, lang, after)
        self.counts_timer.start()
        if uuid == v.editor.current_uuid:
            self.show_terms_here()

    def on_current(self, uuid: str) -> None:
        v = self.view
        seg = v.doc.get(uuid) if uuid else None
        index = v.doc.index_of(uuid) if uuid else -1
        v.segment_panel.show_segment(seg, v.editing.can_edit_structure(), index, len(v.doc.segments),
                                     v.editing.allowed_statuses())  # fmt: skip
        self.show_terms_here()
        v.editing.update_actions()

    def show_terms_here(self) -> None:
        v = self.view
        row = v.editor.current_row()
        if row is None:
            v.glossary_panel.show_segment(None, None)
        else:
            v.glossary_panel.show_segment(row.segment, {k: row.text(k) for k in ("zh", "ru")})

    def on_save_state(self, state: str, message: str) -> None:
        self.view.status_line.show_save_state(state, message)

    def update_signed_banner(self) -> None:
        v = self.view
        m = v.doc.minutes
        v.print_action.setEnabled(m is not None)
        v.sign_action.setEnabled(m is not None and not m.locked)
        v.banners.show_signed(m)
        v.between_banner.show_for(m)

    def update_counts(self) -> None:
        self.view.status_line.show_counts(self.view.doc.segments, self.view.editor.rows)
