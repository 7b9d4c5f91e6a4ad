"""All the models, so that ``Base.metadata`` knows every table.

One module per area; each new area adds its import here.
"""

from app.core.models.attachments import Attachment, Blob
from app.core.models.base import Base, Record, UTCDateTime, new_uuid, utcnow
from app.core.models.commission import Commission, LiaisonAgency, Person, Setting, Side
from app.core.models.meetings import AgendaItem, Decision, DelegationMember, Meeting
from app.core.models.minutes import GlossaryTerm, Minutes, Segment, SegmentRevision

__all__ = [
    "AgendaItem",
    "Attachment",
    "Base",
    "Blob",
    "Commission",
    "Decision",
    "DelegationMember",
    "GlossaryTerm",
    "LiaisonAgency",
    "Meeting",
    "Minutes",
    "Person",
    "Record",
    "Segment",
    "SegmentRevision",
    "Setting",
    "Side",
    "UTCDateTime",
    "new_uuid",
    "utcnow",
]

# Signed minutes are read-only, whoever writes (a flush listener).
from app.core.models import minutes_lock  # noqa: E402, F401
