"""The side of the minutes editor: the current segment, the glossary and the checks, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from app.core.services.minutes.checks import CheckReport
from app.i18n import _
from app.ui.minutes.checks_panel import ChecksPanel
from app.ui.minutes.glossary_panel import GlossaryPanel
from app.ui.minutes.segment_panel import SegmentPanel
from app.ui.widgets.retranslate import Retranslatable


class SidePanels(Retranslatable, QTabWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("minutes_side")
        self.segment_panel = SegmentPanel()
        self.glossary_panel = GlossaryPanel()
        self.checks_panel = ChecksPanel()
        self.addTab(self.segment_panel, "")
        self.addTab(self.glossary_panel, "")
        self.addTab(self.checks_panel, "")
        self._open = 0
        self.retranslate_ui()

    def show_report(self, report: CheckReport) -> dict[str, int]:
        """Show the findings; returns the open findings per segment (for the editor's marks)."""
        self.checks_panel.set_report(report)
        by_id: dict[str, int] = {}
        for f in report.findings:
            if not f.accepted:
                by_id[f.segment_uuid] = by_id.get(f.segment_uuid, 0) + 1
        self._open = len(report.open)
        self._checks_title()
        return by_id

    def _checks_title(self) -> None:
        n = self._open
        self.setTabText(2, _("Checks ({n})").format(n=n) if n else _("Checks ✓"))

    def retranslate_ui(self) -> None:
        self.setTabText(0, _("Segment"))
        self.setTabText(1, _("Glossary"))
        self._checks_title()
