"""The tabs of the main window, in order: where each view lives and its title, so that the window
can show its tabs before it imports and builds them (each view is built when first shown)."""

from __future__ import annotations

import importlib
from typing import NamedTuple

from app.i18n import N_


class Tab(NamedTuple):
    module: str
    class_name: str
    title: str  # an N_() msgid, the same as the view's TITLE

    def create(self, ctx):
        return getattr(importlib.import_module(self.module), self.class_name)(ctx)


TABS: tuple[Tab, ...] = (
    Tab("app.ui.views.agenda", "AgendaView", N_("Agenda")),
    Tab("app.ui.views.exchanges", "ExchangesView", N_("Exchanges")),
    Tab("app.ui.views.experts", "ExpertsView", N_("Experts")),
    Tab("app.ui.views.expenses", "ExpensesView", N_("Expenses")),
    Tab("app.ui.views.minutes", "MinutesView", N_("Minutes")),
    Tab("app.ui.views.people", "PeopleView", N_("People")),
    # last: the other tabs keep their places (and shortcuts)
    Tab("app.ui.views.decisions", "DecisionsView", N_("Decisions")),
    Tab("app.ui.views.correspondence", "CorrespondenceView", N_("Liaison log")),
)


def create_views(ctx) -> list:
    """Every view at once (for scripts and tests; the main window builds them lazily)."""
    return [tab.create(ctx) for tab in TABS]
