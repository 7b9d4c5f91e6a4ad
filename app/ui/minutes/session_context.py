"""The session the minutes tab shows: the list of sessions, opening one, and what its segments can
refer to (its agenda items, the names of the two sides in the part titles)."""

from __future__ import annotations

from app.core.enums import SegmentPart
from app.core.services.agenda import sessions as meetings_service
from app.i18n import _, current_language


class SessionContext:
    """``view`` is the MinutesView."""

    def __init__(self, view) -> None:
        self.view = view

    def fill_sessions(self) -> None:
        ctx = self.view.ctx
        meetings = ctx.read(meetings_service.list_meetings) if ctx.has_db else []
        self.view.session_bar.fill_sessions(meetings)

    def pick_session(self) -> None:
        """The user chose a session in the list: the one already shown stays as it is (its undo
        history and cursor with it), another is opened."""
        v = self.view
        if v.doc.meeting_id is not None and v.session_bar.session_combo.currentData() == v.doc.meeting_id:
            return
        self.open_session()

    def open_session(self, keep_stack: bool = False) -> None:
        v = self.view
        meeting_id = v.session_bar.meeting_id()
        if meeting_id != v.doc.meeting_id or not keep_stack:
            v.stack.clear()
        self.load_context(meeting_id)
        v.doc.open(meeting_id)

    def _sides(self):
        c = self.view.commission
        return c.sides if c and c.is_set_up else ()

    def load_context(self, meeting_id) -> None:
        v = self.view
        if meeting_id is None or not v.ctx.has_db:
            v.segment_panel.set_context([], ("", ""))
            return
        from app.core.models import AgendaItem

        def items(session):
            rows = session.query(AgendaItem).filter_by(meeting_id=meeting_id).order_by(AgendaItem.position)
            return [(r.id, r.title_zh, r.title_ru) for r in rows]

        lang = current_language()
        sides = self._sides()
        names = tuple(s.short_name(lang) for s in sides) if sides else ("", "")
        v.segment_panel.set_context(v.ctx.read(items), names)
        self.part_titles()

    def part_titles(self) -> None:
        lang = current_language()
        sides = self._sides()
        titles = {}
        for part in SegmentPart:
            if part in (SegmentPart.FIRST, SegmentPart.SECOND) and sides:
                side = sides[0 if part is SegmentPart.FIRST else 1]
                titles[part] = _("Items proposed by {side}").format(side=side.short_name(lang))
            else:
                titles[part] = part.label
        self.view.editor.set_part_titles(titles)
        self.view.segment_panel.set_part_titles(titles)
