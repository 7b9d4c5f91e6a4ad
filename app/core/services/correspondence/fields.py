"""Every field of a letter of the liaison log, declared once: validation, the log's columns, the
dialog's labels and the export's headers come from :data:`LETTER`."""

from __future__ import annotations

from app.core.enums import LetterStatus
from app.core.fields import Field, FieldKind, Register, Shared
from app.i18n import N_

K = FieldKind

LETTER = Register(
    "liaison_letters",
    (
        Field("letter_date", N_("Date"), K.DATE, required=True, required_msgid=N_("Enter the date of the letter.")),
        Field("from_agency_id", N_("From"), K.REF, ref="agency", required=True,
              required_msgid=N_("Choose the agency that writes.")),
        Field("to_agency_id", N_("To"), K.REF, ref="agency", required=True,
              required_msgid=N_("Choose the agency written to.")),
        Field("direction", N_("Direction"), read_only=True, stored=False),
        Field("our_ref", N_("Our reference"), max_length=100),
        Field("their_ref", N_("Their reference"), max_length=100),
        Field("subject_zh", N_("Subject in Chinese"), max_length=500, width=40),
        Field("subject_ru", N_("Subject in Russian"), max_length=500, width=40),
        Field("summary_zh", N_("Summary in Chinese"), K.LONG_TEXT, column=False, width=50),
        Field("summary_ru", N_("Summary in Russian"), K.LONG_TEXT, column=False, width=50),
        Field("reply_by", N_("Reply by"), K.DATE),
        Field("status", N_("Status"), K.CHOICE, choices=LetterStatus, required=True,
              default=LetterStatus.DRAFT.value),
        Field("waiting_days", N_("Days waiting"), K.INT, read_only=True, stored=False),
        Field("concerns", N_("Concerns"), read_only=True, stored=False),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, column=False),
    ),
)  # fmt: skip

#: Columns of the ``liaison_letters`` table that are not fields of the log.
INTERNAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "reply_to_id"})

#: What an exchange bundle carries to the other side (``app.core.sync``): the letters of the liaison
#: log and the records they concern (their attachments: ``app.core.services.sharing``).
SHARED = (Shared.of("liaison_letters", LETTER), Shared("letter_links"))
