"""The agenda's standing first item offers the report on implementation of the earlier decisions."""

from __future__ import annotations

from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.decisions import report
from app.i18n.qt import apply_language


def test_the_standing_item_offers_the_report_on_implementation(qtbot, demo_window, demo_ctx):
    demo_window.tabs.setCurrentIndex(0)
    view = demo_window.views[0]
    m = demo_ctx.read(meetings.meeting_by_ordinal, 2)
    view.sessions.select(m.id)
    view.pages.setCurrentWidget(view.agenda)
    page = view.agenda
    standing = next(i for i in demo_ctx.read(agenda.list_items, m.id) if i.is_standing)
    other = next(i for i in demo_ctx.read(agenda.list_items, m.id) if not i.is_standing)
    page.table.select_item(other.id)
    assert not page.report_row.isVisible()
    page.table.select_item(standing.id)
    assert page.report_row.isVisible() and page.report_button.isEnabled()
    n = len(demo_ctx.read(report.implementation, m.id).decisions)
    assert f"{n} decisions not yet closed" in page.report_label.text()
    pdf, name, _title = page.report_pdf("ru")
    assert pdf.startswith(b"%PDF") and name == "implementation-2-ru.pdf"
    apply_language("ru")
    qtbot.wait(20)
    assert "не закрыто" in page.report_label.text()
    assert page.report_button.text().replace("&", "").startswith("Отчёт")
    apply_language("en")
