"""What the commission's own registers share with the other side in an exchange bundle
(:mod:`app.core.sync`): the commission, its sides and liaison agencies, the people, and the
attachments of shared records (their files travel by content hash)."""

from __future__ import annotations

from app.core.fields import Shared

#: Attachments belong to a record of one of these registers (``owner_kind`` → table); the
#: attachments of a register left out here (expenses) stay home.
ATTACHMENT_OWNERS = {
    "agenda_item": "agenda_items",
    "exchange": "exchanges",
    "assignment": "assignments",
    "decision": "decisions",
    "meeting": "meetings",
    "letter": "liaison_letters",
}

SHARED = (
    Shared("commission"),
    Shared("sides"),
    Shared("liaison_agencies"),
    Shared("people"),
    Shared("attachments", owner=("owner_kind", "owner_id", ATTACHMENT_OWNERS)),
)
