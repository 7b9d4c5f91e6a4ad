"""The tabs of the main window, in order. Each register replaces its placeholder here."""

from __future__ import annotations

from app.i18n import N_
from app.ui.views.base import View


def create_views(ctx) -> list[View]:
    from app.ui.views.minutes import MinutesView
    from app.ui.views.people import PeopleView
    from app.ui.views.placeholder import PlaceholderView

    return [
        PlaceholderView(
            ctx,
            N_("Agenda"),
            N_(
                "Sessions of the commission, their delegations and agendas, the schedule by day, the "
                "deadlines before each session, and the memorandum that goes to the other side."
            ),
        ),
        PlaceholderView(
            ctx,
            N_("Exchanges"),
            N_(
                "Every book, standard, sample, apparatus and item of technical materiel that passes between "
                "the sides: what was requested, promised, sent, received and acknowledged, and the warranties."
            ),
        ),
        PlaceholderView(
            ctx,
            N_("Experts"),
            N_(
                "Experts and delegations sent by each side: invitations, the procedure step by step, "
                "term limits, quotas and who is on site when."
            ),
        ),
        PlaceholderView(
            ctx,
            N_("Expenses"),
            N_(
                "The costs of each session, with the payer set by the commission's rule: the host pays for "
                "organising the session, each side for its own delegation; the statement per session."
            ),
        ),
        MinutesView(ctx),
        PeopleView(ctx),
    ]
