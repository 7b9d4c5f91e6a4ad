"""Enumerations shared by the core and the interface, each value with a translatable label.

Labels are marked with ``N_()`` and translated when shown (``member.label``), never at import.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_, _


class LabeledEnum(StrEnum):
    """A string enum whose members carry an untranslated label: ``Member = "value", N_("Label")``."""

    msgid: str

    def __new__(cls, value: str, msgid: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.msgid = msgid or value
        return obj

    @property
    def label(self) -> str:
        return _(self.msgid)

    @classmethod
    def parse(cls, value: str):
        """The member whose value or (English or translated) label is ``value``; ValueError if none."""
        v = (value or "").strip()
        for m in cls:
            if v == m.value or v.casefold() == m.msgid.casefold() or v == m.label:
                return m
        raise ValueError(value)


class MeetingStatus(LabeledEnum):
    PLANNED = "planned", N_("Planned")
    MEMORANDUM_SENT = "memorandum_sent", N_("Memorandum sent")
    CONFIRMED = "confirmed", N_("Confirmed")
    HELD = "held", N_("Held")
    MINUTES_SIGNED = "minutes_signed", N_("Minutes signed")
    CLOSED = "closed", N_("Closed")


class DelegationRole(LabeledEnum):
    HEAD = "head", N_("Head of delegation")
    DEPUTY_HEAD = "deputy_head", N_("Deputy head")
    MEMBER = "member", N_("Member")
    SECRETARY = "secretary", N_("Secretary")
    INTERPRETER = "interpreter", N_("Interpreter")
    EXPERT = "expert", N_("Expert")
    ADVISER = "adviser", N_("Adviser")


class AgendaStatus(LabeledEnum):
    PROPOSED = "proposed", N_("Proposed")
    AGREED = "agreed", N_("Agreed")
    DISCUSSED = "discussed", N_("Discussed")
    DEFERRED = "deferred", N_("Deferred")
    WITHDRAWN = "withdrawn", N_("Withdrawn")


class Topic(LabeledEnum):
    """The ten responsibilities of the commission (the founding memorandum), and "other"."""

    MATERIALS = "1", N_("1. Exchange of books, journals, handbooks and other materials")
    WEAPON_STANDARDS = "2", N_("2. Standardisation of weaponry, specifications and tolerances")
    SPECIFICATIONS = "3", N_("3. Technical specifications, standard products and measuring apparatus")
    EXPERT_ENGAGEMENT = "4", N_("4. Invitation and engagement of technical experts and aides")
    RECIPROCAL_VISITS = "5", N_("5. Reciprocal experts and delegations")
    RESEARCH_CONTACTS = "6", N_("6. Contacts on research and production conditions")
    TRAINING = "7", N_("7. Teaching guides, textbooks and training materials")
    LESSONS = "8", N_("8. Lessons learnt with new machinery, facilities and technology")
    WARRANTIES = "9", N_("9. Warranties for technical materiel")
    OTHER_QUESTIONS = "10", N_("10. Other questions both sides deem necessary")
    OTHER = "other", N_("Other")

    @property
    def number(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None


class DecisionStatus(LabeledEnum):
    OPEN = "open", N_("Pending")
    IN_PROGRESS = "in_progress", N_("In progress")
    DONE = "done", N_("Carried out")
    CANCELLED = "cancelled", N_("Cancelled")
    SUPERSEDED = "superseded", N_("Superseded")

    @property
    def closed(self) -> bool:
        """Carried out, cancelled or superseded: nothing more to follow up."""
        return self in (DecisionStatus.DONE, DecisionStatus.CANCELLED, DecisionStatus.SUPERSEDED)


class LetterStatus(LabeledEnum):
    """Where a letter between the liaison agencies stands."""

    DRAFT = "draft", N_("Draft")
    SENT = "sent", N_("Sent")
    RECEIVED = "received", N_("Received")
    ANSWERED = "answered", N_("Answered")
    CLOSED = "closed", N_("Closed")

    @property
    def waiting(self) -> bool:
        """Sent or received, not yet answered: a reply is owed by the addressee's side."""
        return self in (LetterStatus.SENT, LetterStatus.RECEIVED)


class EventKind(LabeledEnum):
    """Events of a session's programme besides the agenda items."""

    ARRIVAL = "arrival", N_("Arrival")
    OPENING = "opening", N_("Opening")
    SITE_VISIT = "site_visit", N_("Site visit")
    RECEPTION = "reception", N_("Reception")
    SIGNING = "signing", N_("Signing ceremony")
    DEPARTURE = "departure", N_("Departure")
    OTHER = "other", N_("Other event")


class DeadlineKind(LabeledEnum):
    """The steps before a session, counted back from its opening day."""

    NOTICE = "notice", N_("Notice with the proposed agenda")
    CONFIRMATION = "confirmation", N_("Confirmation and additions")
    PREPARATORY = "preparatory", N_("Secretaries' preparatory meeting")


class DeadlineState(LabeledEnum):
    DONE = "done", N_("Done")
    DONE_LATE = "done_late", N_("Done late")
    AHEAD = "ahead", N_("Ahead")
    DUE_SOON = "due_soon", N_("Due soon")
    LATE = "late", N_("Late")
    SKIPPED = "skipped", N_("Not recorded")


class ExchangeKind(LabeledEnum):
    """What passes between the sides (topics 1, 3, 7, 8 and 9 of the founding memorandum)."""

    BOOK = "book", N_("Book")
    JOURNAL = "journal", N_("Journal")
    HANDBOOK = "handbook", N_("Handbook")
    DIRECTORY = "directory", N_("Directory")
    STANDARD = "standard", N_("Technical standard or criteria")
    TEXTBOOK = "textbook", N_("Teaching guide or textbook")
    REPORT = "report", N_("Research report")
    SAMPLE = "sample", N_("Standard product or sample")
    APPARATUS = "apparatus", N_("Measuring apparatus")
    MATERIEL = "materiel", N_("Technical materiel")
    OTHER = "other", N_("Other")

    @property
    def has_warranty(self) -> bool:
        """Technical materiel and apparatus can carry a warranty (topic 9)."""
        return self in (ExchangeKind.APPARATUS, ExchangeKind.MATERIEL)

    @property
    def is_document(self) -> bool:
        """Documents are published or unpublished; things (samples, apparatus, materiel) are not."""
        return self not in (ExchangeKind.SAMPLE, ExchangeKind.APPARATUS, ExchangeKind.MATERIEL)


class ExchangeStatus(LabeledEnum):
    """Derived from the dates, in this order (declined ends the road early)."""

    REQUESTED = "requested", N_("Requested")
    PROMISED = "promised", N_("Promised")
    SENT = "sent", N_("Sent")
    RECEIVED = "received", N_("Received")
    ACKNOWLEDGED = "acknowledged", N_("Acknowledged")
    DECLINED = "declined", N_("Declined")


class ExchangeChannel(LabeledEnum):
    SESSION = "session", N_("At a session")
    LIAISON = "liaison", N_("Through a liaison agency")
    DIPLOMATIC_MAIL = "diplomatic_mail", N_("Diplomatic mail")
    OTHER = "other", N_("Other")


class MinutesStatus(LabeledEnum):
    """The minutes of a session as a whole: being drafted, or signed (then read-only)."""

    DRAFT = "draft", N_("In preparation")
    SIGNED = "signed", N_("Signed")


class SegmentPart(LabeledEnum):
    """Where a segment stands in the protocol. The three parts of the 1950s protocols (joint
    decisions, items proposed by the first side, items proposed by the second side) between the
    preamble and the closing formula; parts follow one another in this order."""

    PREAMBLE = "preamble", N_("Preamble")
    JOINT = "joint", N_("Joint decisions")
    FIRST = "first", N_("Items proposed by the first side")
    SECOND = "second", N_("Items proposed by the second side")
    CLOSING = "closing", N_("Closing formula")

    @property
    def rank(self) -> int:
        return _PART_RANKS[self]


_PART_RANKS = {p: i for i, p in enumerate(SegmentPart)}  # asked for each segment of each insert


class SegmentKind(LabeledEnum):
    HEADING = "heading", N_("Heading")
    PARAGRAPH = "paragraph", N_("Paragraph")
    ITEM = "item", N_("List item")
    DECISION = "decision", N_("Decision")


class SegmentStatus(LabeledEnum):
    """Draft → translated → checked by the other side → agreed → initialled (then locked)."""

    DRAFT = "draft", N_("Draft")
    TRANSLATED = "translated", N_("Translated")
    CHECKED = "checked", N_("Checked by the other side")
    AGREED = "agreed", N_("Agreed by both sides")
    INITIALLED = "initialled", N_("Initialled")

    @property
    def rank(self) -> int:
        return _STATUS_RANKS[self]


_STATUS_RANKS = {s: i for i, s in enumerate(SegmentStatus)}


class RevisionAction(LabeledEnum):
    """What a revision of a segment records."""

    CREATE = "create", N_("Created")
    EDIT = "edit", N_("Edited")
    STATUS = "status", N_("Status changed")
    REOPEN = "reopen", N_("Reopened")
    RESTORE = "restore", N_("Restored from history")
    SPLIT = "split", N_("Split in two")
    MERGE = "merge", N_("Merged")
    IMPORT = "import", N_("Imported")
    PROPERTIES = "properties", N_("Properties changed")


class TermStatus(LabeledEnum):
    """How a glossary term pair may be used (TBX-Basic's administrative status)."""

    PREFERRED = "preferred", N_("Preferred")
    ADMITTED = "admitted", N_("Admitted")
    DEPRECATED = "deprecated", N_("Deprecated, not to be used")
