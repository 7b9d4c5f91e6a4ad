"""All the models, so that ``Base.metadata`` knows every table.

One module per area; each new area adds its import here.
"""

from app.core.models.agenda import MeetingDeadline, ScheduleEvent
from app.core.models.attachments import Attachment, Blob
from app.core.models.audit import AuditEntry
from app.core.models.base import Base, Record, UTCDateTime, new_uuid, utcnow
from app.core.models.commission import Commission, LiaisonAgency, Person, Setting, Side
from app.core.models.correspondence import LetterLink, LiaisonLetter, ReminderSnooze
from app.core.models.exchanges import ConfidentialityMarking, Exchange
from app.core.models.expenses import Budget, ExchangeRate, Expense, ExpenseCategory, ExpenseKind
from app.core.models.experts import (
    Assignment,
    AssignmentStep,
    ExpertQuota,
    WarningOverride,
    assignment_people,
)
from app.core.models.meetings import (
    AgendaItem,
    Decision,
    DecisionNote,
    DelegationMember,
    Meeting,
)
from app.core.models.minutes import (
    GlossaryTerm,
    Minutes,
    MinutesPrint,
    MinutesSignature,
    Segment,
    SegmentRevision,
)
from app.core.models.sync import SyncBundle, SyncConflict, SyncPeer, SyncRecord

__all__ = [
    "AgendaItem",
    "Assignment",
    "AssignmentStep",
    "Attachment",
    "AuditEntry",
    "Base",
    "Blob",
    "Budget",
    "Commission",
    "ConfidentialityMarking",
    "Decision",
    "DecisionNote",
    "DelegationMember",
    "ExchangeRate",
    "Expense",
    "ExpenseCategory",
    "ExpenseKind",
    "Exchange",
    "ExpertQuota",
    "GlossaryTerm",
    "LetterLink",
    "LiaisonAgency",
    "LiaisonLetter",
    "Meeting",
    "MeetingDeadline",
    "Minutes",
    "MinutesPrint",
    "MinutesSignature",
    "Person",
    "Record",
    "ReminderSnooze",
    "ScheduleEvent",
    "Segment",
    "SegmentRevision",
    "Setting",
    "Side",
    "SyncBundle",
    "SyncConflict",
    "SyncPeer",
    "SyncRecord",
    "UTCDateTime",
    "WarningOverride",
    "assignment_people",
    "new_uuid",
    "utcnow",
]

# Signed minutes are read-only, whoever writes (a flush listener).
# Every flush leaves its trace in the audit trail (a session event).
from app.core import audit  # noqa: E402, F401
from app.core.models import minutes_lock  # noqa: E402, F401
