"""Every field of a decision and of a follow-up note, declared once.

The service (:mod:`.records`) checks the declared rules through :data:`DECISION` and :data:`NOTE`
and adds the rules that tie fields together (superseding, texts held by the minutes); the dialogs
take their labels and required marks from them, the register's table its columns.
"""

from __future__ import annotations

from app.core.enums import DecisionStatus
from app.core.fields import Field, FieldKind, Register, Shared
from app.i18n import N_

K = FieldKind

DECISION = Register(
    "decisions",
    (
        Field("meeting_id", N_("Session"), K.REF, ref="meeting", required=True,
              required_msgid=N_("Choose the session whose protocol holds the decision.")),
        Field("number", N_("No."), K.INT, read_only=True),
        Field("decided_on", N_("Taken on"), K.DATE, column=False,
              help_msgid=N_("The day the chairmen took a decision between sessions.")),
        Field("text_zh", N_("Text in Chinese"), K.LONG_TEXT, column=False),
        Field("text_ru", N_("Text in Russian"), K.LONG_TEXT, column=False),
        Field("agency1_zh", N_("First side's agency in Chinese"), max_length=300, column=False),
        Field("agency1_ru", N_("First side's agency in Russian"), max_length=300, column=False),
        Field("agency2_zh", N_("Second side's agency in Chinese"), max_length=300, column=False),
        Field("agency2_ru", N_("Second side's agency in Russian"), max_length=300, column=False),
        Field("deadline", N_("Deadline"), K.DATE),
        Field("status", N_("Status"), K.CHOICE, choices=DecisionStatus, required=True,
              default=DecisionStatus.OPEN.value),
        Field("superseded_by_id", N_("Superseded by"), K.REF, ref="decision", column=False),
        Field("between_sessions", N_("Taken between sessions"), K.BOOL, column=False),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, column=False),
    ),
)  # fmt: skip

NOTE = Register(
    "decision_notes",
    (
        Field(
            "noted_on", N_("Date"), K.DATE, required=True, required_msgid=N_("Enter the date of the note.")
        ),
        Field("text_zh", N_("Note in Chinese"), K.LONG_TEXT),
        Field("text_ru", N_("Note in Russian"), K.LONG_TEXT),
    ),
)

#: Columns of the ``decisions`` table that are not fields of the register.
INTERNAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "agenda_item_id"})

#: What an exchange bundle carries to the other side (``app.core.sync``): the decisions and their
#: follow-up notes.
SHARED = (Shared.of("decisions", DECISION), Shared.of("decision_notes", NOTE))
