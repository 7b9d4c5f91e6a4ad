"""Every field of an expense, declared once: the Expenses register's :class:`Register`.

The service (:mod:`.records`) checks the declared rules through :data:`EXPENSE` (required,
lengths, choices) and adds the rules that tie fields together (the payer, the delegation, the
amount in its currency, corrections); the expense dialog takes its labels and required marks from
it.

Adding a field to the expenses: the column on the model (``app/core/models/expenses.py``) and an
Alembic migration; one ``Field(...)`` line below (name, ``N_()`` label, kind, rules;
``shared=False`` for what stays on this side's laptop); the value in
:class:`~app.core.services.expenses.records.ExpenseInput`/``ExpenseData`` and the dialog's editor;
``python -m app.i18n.catalogs update`` and the translations. A column of the model that is none of
the register's business goes into :data:`INTERNAL_COLUMNS` (a test compares the two).
"""

from __future__ import annotations

from app.core.fields import Field, FieldKind, Register, Shared
from app.core.models import ExpenseCategory, ExpenseKind
from app.i18n import N_

K = FieldKind

EXPENSE = Register(
    "expenses",
    (
        Field("correction_of_id", N_("Corrects"), K.REF, ref="expense", read_only=True),
        Field("meeting_id", N_("Session"), K.REF, ref="meeting", required=True,
              required_msgid=N_("Choose the session the expense belongs to.")),
        Field("kind", N_("Cost type"), K.CHOICE, choices=ExpenseKind, required=True,
              default=ExpenseKind.ORGANISATION.value, required_msgid=N_("Choose the kind of expense."),
              error_msgid=N_("Choose the kind of expense.")),
        Field("delegation_side_id", N_("Delegation"), K.REF, ref="side"),
        Field("payer_side_id", N_("Borne by"), K.REF, ref="side", read_only=True, stored=False),
        Field("category", N_("Category"), K.CHOICE, choices=ExpenseCategory, required=True,
              default=ExpenseCategory.OTHER.value, required_msgid=N_("Choose the category of the expense."),
              error_msgid=N_("Choose the category of the expense.")),
        Field("spent_on", N_("Date"), K.DATE, required=True, required_msgid=N_("Enter the date of the expense.")),
        Field("amount", N_("Amount"), K.MONEY, required=True),
        Field("currency", N_("Currency"), required=True, max_length=3),
        Field("description_zh", N_("Description in Chinese"), K.LONG_TEXT),
        Field("description_ru", N_("Description in Russian"), K.LONG_TEXT),
        Field("correction_reason", N_("Reason for the correction"), K.LONG_TEXT),
        Field("receipts", N_("Receipts"), K.INT, read_only=True, stored=False, shared=False),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, column=False),
    ),
)  # fmt: skip

#: Fields stored under another column name (the amount in minor units of its currency).
COLUMN_OF = {"amount": "amount_minor"}

#: Columns of the ``expenses`` table that are not fields of the register.
INTERNAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "search_text", "version"})

#: Nothing of the expenses travels in an exchange bundle (``app.core.sync``): each side's expense
#: details, budgets and exchange rates stay on its own laptops.
SHARED: tuple[Shared, ...] = ()
