"""What the agenda register shares with the other side in an exchange bundle
(:mod:`app.core.sync`): sessions, delegations, agenda items, decisions, the schedule and the
memorandum deadlines kept."""

from __future__ import annotations

from app.core.fields import Shared

SHARED = (
    Shared("meetings"),
    Shared("delegation_members"),
    Shared("agenda_items"),
    Shared("decisions"),
    Shared("schedule_events"),
    Shared("meeting_deadlines"),
)
