"""Every field of an assignment (experts or a delegation sent to the other side), declared once:
the Experts register's :class:`Register`.

The service (:mod:`.assignments`) checks the declared rules through :data:`ASSIGNMENT` (required,
lengths, ranges, choices) and adds the rules that tie fields together (the sides, the people, the
dates, the quota); the assignments table (``app/ui/views/experts_columns.py``) takes its columns
and their titles from the fields marked ``column`` (some of which are worked out for display:
the direction, the period, the term), and the assignment dialog can read labels and limits.

Adding a field to the assignments: the column on the model (``app/core/models/experts.py``) and an
Alembic migration; one ``Field(...)`` line below (``column=False`` unless the table shows it, and
then its cell in ``experts_columns.py``); the attribute on
:class:`~app.core.services.experts.data.AssignmentData` and the dialog's editor;
``python -m app.i18n.catalogs update`` and the translations.
"""

from __future__ import annotations

from app.core.fields import Field, FieldKind, Register, Shared
from app.core.models.experts import AssignmentPurpose, AssignmentStatus
from app.i18n import N_

K = FieldKind
MAX_TERM_DAYS = 3660  # ten years

# The fields with ``column=True`` are the table's columns, in this order.
ASSIGNMENT = Register(
    "assignments",
    (
        Field("status", N_("Status"), K.CHOICE, choices=AssignmentStatus, read_only=True),
        Field("people", N_("People sent"), K.REF, ref="person", required=True, stored=False,
              required_msgid=N_("Choose at least one person to send.")),
        Field("direction", N_("Direction"), read_only=True, stored=False),
        Field("sending_side_id", N_("Sending side"), K.REF, ref="side", required=True, column=False,
              required_msgid=N_("Choose the side that sends the people.")),
        Field("receiving_side_id", N_("Receiving side"), K.REF, ref="side", required=True, column=False,
              required_msgid=N_("Choose the side that receives them.")),
        Field("purpose", N_("Purpose"), K.CHOICE, choices=AssignmentPurpose, required=True,
              required_msgid=N_("Choose the purpose of the assignment."),
              error_msgid=N_("Choose the purpose of the assignment.")),
        Field("organisation", N_("Host organisation"), read_only=True, stored=False),
        Field("host_organisation_zh", N_("Host organisation in Chinese"), max_length=300, column=False),
        Field("host_organisation_ru", N_("Host organisation in Russian"), max_length=300, column=False),
        Field("place", N_("Place"), read_only=True, stored=False),
        Field("place_zh", N_("Place in Chinese"), max_length=200, column=False),
        Field("place_ru", N_("Place in Russian"), max_length=200, column=False),
        Field("place_en", N_("Place in English"), max_length=200, column=False),
        Field("speciality", N_("Speciality"), read_only=True, stored=False),
        Field("speciality_zh", N_("Speciality in Chinese"), max_length=300, column=False),
        Field("speciality_ru", N_("Speciality in Russian"), max_length=300, column=False),
        Field("start", N_("Start"), K.DATE, read_only=True, stored=False),
        Field("planned_start", N_("Planned start"), K.DATE, required=True, column=False,
              required_msgid=N_("Give the planned start date.")),
        Field("planned_end", N_("Planned end"), K.DATE, column=False),
        Field("actual_start", N_("Actual start"), K.DATE, column=False),
        Field("end", N_("End"), K.DATE, read_only=True, stored=False),
        Field("actual_end", N_("Actual end"), K.DATE, column=False),
        Field("term", N_("Term, days"), K.INT, read_only=True, stored=False),
        Field("term_limit_days", N_("Term limit, days"), K.INT, required=True, minimum=1, maximum=MAX_TERM_DAYS,
              column=False, required_msgid=N_("The term limit is a number of days greater than zero."),
              error_msgid=N_("The term limit is a number of days greater than zero.")),
        Field("extension_days", N_("Extension, days"), K.INT, minimum=0, default=0, column=False,
              error_msgid=N_("An extension cannot be negative.")),
        Field("extension_reason", N_("Extension agreed by"), K.LONG_TEXT, column=False),
        Field("term_end", N_("Term ends"), K.DATE, read_only=True),
        Field("session", N_("Session"), K.INT, read_only=True, stored=False),
        Field("meeting_id", N_("Session"), K.REF, ref="meeting", column=False),
        Field("decision_id", N_("Decision"), K.REF, ref="decision", column=False),
        Field("quota_id", N_("Quota"), K.REF, ref="quota", column=False),
        Field("terms_zh", N_("Terms of engagement in Chinese"), K.LONG_TEXT, column=False),
        Field("terms_ru", N_("Terms of engagement in Russian"), K.LONG_TEXT, column=False),
        Field("notes", N_("Notes"), K.LONG_TEXT, column=False),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, column=False),
    ),
)  # fmt: skip

#: One-line texts and several-line texts a form types in.
TEXT_FIELDS = tuple(f.name for f in ASSIGNMENT if f.kind is K.TEXT and not f.read_only)
MULTILINE_FIELDS = tuple(f.name for f in ASSIGNMENT if f.kind is K.LONG_TEXT and not f.read_only)

#: What an exchange bundle carries to the other side (``app.core.sync``): quotas, assignments with
#: the people sent (a list of people's UUIDs), their procedure steps and the warnings overridden.
SHARED = (
    Shared("expert_quotas"),
    Shared.of("assignments", ASSIGNMENT, links=(("assignment_people", "assignment_id", "person_id", "people"),)),
    Shared("assignment_steps"),
    Shared("assignment_overrides"),
)
