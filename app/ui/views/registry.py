"""The tabs of the main window, in order."""

from __future__ import annotations

from app.ui.views.base import View


def create_views(ctx) -> list[View]:
    from app.ui.views.agenda import AgendaView
    from app.ui.views.correspondence import CorrespondenceView
    from app.ui.views.decisions import DecisionsView
    from app.ui.views.exchanges import ExchangesView
    from app.ui.views.expenses import ExpensesView
    from app.ui.views.experts import ExpertsView
    from app.ui.views.minutes import MinutesView
    from app.ui.views.people import PeopleView

    return [
        AgendaView(ctx),
        ExchangesView(ctx),
        ExpertsView(ctx),
        ExpensesView(ctx),
        MinutesView(ctx),
        PeopleView(ctx),
        # last: the other tabs keep their places (and shortcuts)
        DecisionsView(ctx),
        CorrespondenceView(ctx),
    ]
