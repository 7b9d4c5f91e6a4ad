"""What the agenda register shares with the other side in an exchange bundle
(:mod:`app.core.sync`): sessions, delegations, agenda items, the schedule and the memorandum
deadlines kept (the decisions: :mod:`app.core.services.decisions.fields`)."""

from __future__ import annotations

from app.core.fields import Shared

SHARED = (
    Shared("meetings"),
    Shared("delegation_members"),
    Shared("agenda_items"),
    Shared("schedule_events"),
    Shared("meeting_deadlines"),
)
