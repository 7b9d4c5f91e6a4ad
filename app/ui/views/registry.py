"""The tabs of the main window, in order. Each register replaces its placeholder here."""

from __future__ import annotations

from app.i18n import N_
from app.ui.views.base import View


def create_views(ctx) -> list[View]:
    from app.ui.views.agenda import AgendaView
    from app.ui.views.exchanges import ExchangesView
    from app.ui.views.expenses import ExpensesView
    from app.ui.views.experts import ExpertsView
    from app.ui.views.people import PeopleView
    from app.ui.views.placeholder import PlaceholderView

    return [
        AgendaView(ctx),
        ExchangesView(ctx),
        ExpertsView(ctx),
        ExpensesView(ctx),
        PlaceholderView(
            ctx,
            N_("Minutes"),
            N_(
                "The bilingual minutes editor: Chinese and Russian side by side, segment by segment, with "
                "checks, a glossary, and signature copies ready for the heads of delegation."
            ),
        ),
        PeopleView(ctx),
    ]
