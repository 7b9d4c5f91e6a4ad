"""Every field of an expense, declared once: the Expenses register's :class:`Register`.

The service (:mod:`.records`) checks the declared rules through :data:`EXPENSE` (required,
lengths, choices) and adds the rules that tie fields together (the payer, the delegation, the
amount in its currency, corrections). The expense dialog (``app/ui/dialogs/expense_dialog.py``)
has one row per editable field (and the read-only ones of :data:`SHOWN_IN_FORM`), the register's
table (``app/ui/views/expenses_register.py``) one column per field marked ``column``, and the
statement workbook (``app/reports/statement_xlsx.py``) one column per field marked ``exported``,
titled by its ``header`` and as wide as its ``width``; each puts the fields it knows in its own
order and shows a field declared later after them.

Adding a field to the expenses: the column on the model (``app/core/models/expenses.py``) and an
Alembic migration; one ``Field(...)`` line below (name, ``N_()`` label, kind, rules;
``column=False`` if the table does not show it, ``exported=False`` if the statement leaves it
out, ``shared=False`` for what stays on this side's laptop); the value in
:class:`~app.core.services.expenses.records.ExpenseInput`/``ExpenseData`` (the dialog gives it the
editor of its kind);
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
        Field("correction_of_id", N_("Corrects"), K.REF, ref="expense", read_only=True, column=False,
              header_msgid=N_("Correction of the expense of"), width=16),
        Field("meeting_id", N_("Session"), K.REF, ref="meeting", required=True, column=False, exported=False,
              required_msgid=N_("Choose the session the expense belongs to.")),
        Field("kind", N_("Cost type"), K.CHOICE, choices=ExpenseKind, required=True,
              default=ExpenseKind.ORGANISATION.value, required_msgid=N_("Choose the kind of expense."),
              error_msgid=N_("Choose the kind of expense."), header_msgid=N_("Kind"), width=22),
        Field("delegation_side_id", N_("Delegation"), K.REF, ref="side", column=False, exported=False),
        Field("payer_side_id", N_("Borne by"), K.REF, ref="side", read_only=True, stored=False, width=14,
              help_msgid=N_("Derived by the commission's rule: the host bears the organisation, "
                            "each side its own delegation.")),
        Field("category", N_("Category"), K.CHOICE, choices=ExpenseCategory, required=True,
              default=ExpenseCategory.OTHER.value, required_msgid=N_("Choose the category of the expense."),
              error_msgid=N_("Choose the category of the expense."), width=24),
        Field("spent_on", N_("Date"), K.DATE, required=True, required_msgid=N_("Enter the date of the expense."),
              width=14),
        Field("amount", N_("Amount"), K.MONEY, required=True, width=18),
        Field("currency", N_("Currency"), required=True, max_length=3, column=False, width=10),
        Field("description_zh", N_("Description in Chinese"), K.LONG_TEXT, column=False, exported=False),
        Field("description_ru", N_("Description in Russian"), K.LONG_TEXT, column=False, exported=False),
        Field("description", N_("Description"), read_only=True, stored=False,
              header_msgid=N_("Item of expenditure"), width=60),
        Field("correction_reason", N_("Reason for the correction"), K.LONG_TEXT, column=False, width=30),
        Field("receipts", N_("Receipts"), K.INT, read_only=True, stored=False, shared=False, width=10),
        Field("uuid", N_("Record ID"), K.UUID, read_only=True, column=False, header_msgid=N_("Identifier"),
              width=38),
    ),
)  # fmt: skip

#: The read-only fields the expense dialog shows (the others are worked out for the table)
SHOWN_IN_FORM = ("correction_of_id", "payer_side_id", "receipts")

#: Fields stored under another column name (the amount in minor units of its currency).
COLUMN_OF = {"amount": "amount_minor"}

#: Columns of the ``expenses`` table that are not fields of the register.
INTERNAL_COLUMNS = frozenset({"id", "created_at", "updated_at", "search_text", "version"})

#: Nothing of the expenses travels in an exchange bundle (``app.core.sync``): each side's expense
#: details, budgets and exchange rates stay on its own laptops.
SHARED: tuple[Shared, ...] = ()
