"""The Exchanges and Experts tabs read the sides and sessions their filters offer (and the Experts
tab its alerts' horizon) when these may have changed, not on every refresh (issue 18): an edit of
the register refreshes the rows alone."""

from __future__ import annotations

import pytest

from app.core.changes import Change

#: the reads of what the filters offer and of the alerts' horizon
CHOICES = {"get_sides", "list_meetings", "alert_settings"}


def spy_reads(monkeypatch, ctx, view) -> list[str]:
    """The names of the service functions among CHOICES that the view's refreshes read."""
    counted: list[str] = []
    refreshing = [False]
    read, refresh = ctx.read, view.refresh

    def counting_read(fn, *args, **kwargs):
        if refreshing[0] and fn.__name__ in CHOICES:
            counted.append(fn.__name__)
        return read(fn, *args, **kwargs)

    def flagged_refresh():
        refreshing[0] = True
        try:
            refresh()
        finally:
            refreshing[0] = False

    monkeypatch.setattr(ctx, "read", counting_read)
    monkeypatch.setattr(view, "refresh", flagged_refresh)
    return counted


@pytest.mark.parametrize(
    ("tab", "register", "combo"),
    [("ExchangesView", Change.EXCHANGES, "filter_session"), ("ExpertsView", Change.EXPERTS, "experts_session")],
)
def test_the_filters_choices_are_read_again_only_when_they_may_have_changed(
    qtbot, demo_window, monkeypatch, tab, register, combo
):
    from PySide6.QtWidgets import QComboBox

    window = demo_window
    index = window.views.index_of(tab)
    view = window.views[index]
    reads = spy_reads(monkeypatch, window.ctx, view)
    window.tabs.setCurrentIndex(index)
    sessions = view.findChild(QComboBox, combo)
    assert "list_meetings" in reads and sessions.count() > 2
    chosen = sessions.itemData(2)
    sessions.setCurrentIndex(2)
    reads.clear()

    window.ctx.announce(register)  # an item of the register was edited
    assert "list_meetings" not in reads and "alert_settings" not in reads
    assert sessions.currentData() == chosen and view.findChild(QComboBox, combo).count() > 2

    window.ctx.announce(Change.MEETINGS)  # a session was added, renamed or deleted
    assert sorted(reads) == ["get_sides", "list_meetings"] and sessions.currentData() == chosen
    reads.clear()

    window.ctx.announce(Change.SETTINGS)
    assert reads == (["alert_settings"] if tab == "ExpertsView" else [])

    window.tabs.setCurrentIndex(0)  # hidden: nothing read until it is shown again
    reads.clear()
    window.ctx.announce(Change.COMMISSION)
    assert reads == []
    window.tabs.setCurrentIndex(index)
    assert sorted(reads) == ["get_sides", "list_meetings"]
