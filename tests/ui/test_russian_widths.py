"""Russian is not cut at the default window size: exchange kinds and statuses, expert purposes,
delegation positions and what is due next in the sessions list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.core.enums import ExchangeKind, ExchangeStatus
from app.core.models.experts import AssignmentPurpose
from app.i18n.qt import apply_language


def _window(qtbot, ctx):
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    return w


def _section(table, key):
    i = next(n for n, c in enumerate(table.model().columns) if c.key == key)
    return table.horizontalHeader().sectionSize(i)


def test_every_kind_status_and_purpose_fits_its_column_in_russian(qtbot, demo_ctx):
    apply_language("ru")
    w = _window(qtbot, demo_ctx)
    view = w.view_named("ExchangesView")
    w.tabs.setCurrentWidget(view)
    table = view.register.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(50)
    fm = table.fontMetrics()
    assert _section(table, "status") >= max(fm.horizontalAdvance(s.label) for s in ExchangeStatus) + 8
    assert _section(table, "kind") >= max(fm.horizontalAdvance(k.label) for k in ExchangeKind) + 8
    experts = w.view_named("ExpertsView")
    w.tabs.setCurrentWidget(experts)
    table = experts.assignments.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    qtbot.wait(50)
    assert _section(table, "purpose") >= max(fm.horizontalAdvance(p.label) for p in AssignmentPurpose) + 8


def test_delegation_positions_and_the_next_step_are_read_whole_in_russian(qtbot, demo_ctx):
    apply_language("ru")
    w = _window(qtbot, demo_ctx)
    view = w.view_named("AgendaView")
    w.tabs.setCurrentWidget(view)
    view.pages.setCurrentWidget(view.delegations)
    qtbot.wait(100)
    for table in view.delegations.findChildren(QTableView):
        assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
        model = table.model()
        for r in range(model.rowCount()):
            text = model.index(r, 2).data()
            if table.fontMetrics().horizontalAdvance(text) + 6 <= table.columnWidth(2):
                continue  # on one line
            rect = table.fontMetrics().boundingRect(0, 0, table.columnWidth(2) - 8, 10_000,
                                                   Qt.TextFlag.TextWordWrap, text)  # fmt: skip
            assert table.rowHeight(r) >= rect.height(), text
    sessions = view.sessions.table
    model = sessions.model()
    for r in range(model.rowCount()):
        text = model.index(r, 3).data()
        rect = sessions.fontMetrics().boundingRect(0, 0, sessions.columnWidth(3) - 8, 10_000,
                                                  Qt.TextFlag.TextWordWrap, text)  # fmt: skip
        assert sessions.rowHeight(r) >= rect.height(), text
        widest_word = max(sessions.fontMetrics().horizontalAdvance(word) for word in text.split())
        assert sessions.columnWidth(3) - 8 >= widest_word, text  # no word broken or cut


def test_decisions_and_letters_fill_the_table_width_in_both_languages(qtbot, demo_ctx):
    """No blank band right of the last column in Chinese, no last column pushed out of sight in
    Russian: the text columns take what the window has to spare or lacks, also when resized."""
    for lang in ("zh_CN", "ru"):
        apply_language(lang)
        w = _window(qtbot, demo_ctx)
        for name, attr in (("DecisionsView", "table"), ("CorrespondenceView", "table")):
            view = w.view_named(name)
            w.tabs.setCurrentWidget(view)
            table = _find_table(view, attr)
            qtbot.waitUntil(lambda t=table: t.model().rowCount() > 0)
            qtbot.wait(50)
            for width in (1366, 1600):
                w.resize(width, 740)
                qtbot.wait(50)
                header = table.horizontalHeader()
                used = sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i))
                spare = table.viewport().width() - used
                assert 0 <= spare < 12, (lang, name, width, spare)
        w.close()


def _find_table(view, attr):
    for obj in [view, *view.findChildren(QTableView)]:
        table = getattr(obj, attr, None)
        if isinstance(table, QTableView) and table.isVisible():
            return table
    return next(t for t in view.findChildren(QTableView) if t.isVisible())


def test_every_date_column_of_the_exchanges_holds_a_date(qtbot, demo_ctx):
    """A date column is as wide as a date even when the first rows have none (promised, sent…):
    "2026-11-29" was cut to "2026-11-…" in Chinese."""
    from app.ui.widgets.column_chooser import date_samples

    for lang in ("zh_CN", "ru", "en"):
        apply_language(lang)
        w = _window(qtbot, demo_ctx)
        view = w.view_named("ExchangesView")
        w.tabs.setCurrentWidget(view)
        table = view.register.table
        qtbot.waitUntil(lambda t=table: t.model().rowCount() > 0)
        qtbot.wait(50)
        widest = max(table.fontMetrics().horizontalAdvance(d) for d in date_samples())
        for key in ("requested_on", "promised_on", "sent_on", "received_on", "acknowledged_on"):
            assert _section(table, key) >= widest + 8, (lang, key)
        w.close()
