"""Every dialog of the application, opened on the demo database as a user would open it (a new
record and, where there is one, an existing one), for the tests that go through all of them."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QProgressDialog
from sqlalchemy import select

#: Dialogs that have no form to test, and why.
NOT_OPENED = {
    "PdfPreviewDialog": "a PDF viewer: buttons only, opened by the tests of the previews",
    "ProgressDialog": "Qt's progress dialog",
}


def dialog_classes() -> set[str]:
    """The names of the QDialog subclasses defined in the application's UI modules."""
    import app.ui

    names = set()
    for mod in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(mod.name)
        for name, obj in vars(module).items():
            if (inspect.isclass(obj) and issubclass(obj, QDialog) and obj.__module__ == module.__name__
                    and obj not in (QProgressDialog,) and name != "RecordDialog"):  # fmt: skip
                names.add(name)
    return names


def _first(ctx, column, *where):
    return ctx.read(lambda s: s.execute(select(column).where(*where).order_by(column)).scalars().first())


def dialogs(ctx) -> dict[str, Callable[[], QDialog]]:  # noqa: PLR0915 - one line per dialog
    from app.core.enums import DeadlineKind
    from app.core.errors import ConflictError, ImportRefused
    from app.core.models import (
        Assignment,
        Attachment,
        Exchange,
        Expense,
        Person,
        Segment,
    )
    from app.core.services import attachments, commission, markings, people
    from app.core.services.agenda import items, schedule
    from app.core.services.agenda import sessions as meetings
    from app.core.services.correspondence.records import list_letters
    from app.core.services.decisions.records import list_decisions
    from app.core.services.exchanges.records import get_exchange
    from app.core.services.expenses import summary
    from app.core.services.expenses.records import get_expense
    from app.core.services.experts import quotas
    from app.core.services.experts.assignments import get_assignment
    from app.core.services.minutes import glossary
    from app.core.services.minutes.xliff import ImportPlan, Skipped
    from app.core.services.tables import Table
    from app.ui.dialogs.agenda_item_dialog import AgendaItemDialog
    from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog
    from app.ui.dialogs.assignment_dialog import AssignmentDialog
    from app.ui.dialogs.attachment_title_dialog import AttachmentTitleDialog
    from app.ui.dialogs.budget_dialog import BudgetDialog
    from app.ui.dialogs.bundle_dialog import ExchangeDialog as BundleDialog
    from app.ui.dialogs.carry_over_dialog import CarryOverDialog
    from app.ui.dialogs.certificates_dialog import CertificatesDialog
    from app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
    from app.ui.dialogs.commission_dialog import CommissionDialog
    from app.ui.dialogs.conflict_dialog import ConflictDialog
    from app.ui.dialogs.conflicts_dialog import ConflictsDialog
    from app.ui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog
    from app.ui.dialogs.decision_dialog import DecisionDialog, NoteDialog
    from app.ui.dialogs.done_date_dialog import DoneDateDialog
    from app.ui.dialogs.event_dialog import EventDialog
    from app.ui.dialogs.exchange_dialog import ExchangeDialog
    from app.ui.dialogs.exchange_settings_dialog import ExchangeSettingsDialog
    from app.ui.dialogs.expense_dialog import ExpenseDialog
    from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog
    from app.ui.dialogs.font_dialog import FontDialog
    from app.ui.dialogs.glossary_term_dialog import GlossaryTermDialog
    from app.ui.dialogs.history_dialog import HistoryDialog
    from app.ui.dialogs.import_report_dialog import ImportReportDialog
    from app.ui.dialogs.letter_dialog import LetterDialog
    from app.ui.dialogs.marking_dialog import MarkingDialog
    from app.ui.dialogs.member_dialog import MemberDialog
    from app.ui.dialogs.override_dialog import OverrideDialog
    from app.ui.dialogs.people_picker import PeoplePickerDialog
    from app.ui.dialogs.person_dialog import PersonDialog
    from app.ui.dialogs.person_history_dialog import PersonHistoryDialog
    from app.ui.dialogs.print_minutes_dialog import PrintMinutesDialog
    from app.ui.dialogs.quota_dialog import QuotaDialog
    from app.ui.dialogs.rate_dialog import RateDialog
    from app.ui.dialogs.reopen_segment_dialog import ReopenSegmentDialog
    from app.ui.dialogs.search_dialog import SearchDialog
    from app.ui.dialogs.segment_history_dialog import SegmentHistoryDialog
    from app.ui.dialogs.session_dialog import SessionDialog
    from app.ui.dialogs.signing_dialog import SigningDialog
    from app.ui.dialogs.step_dialog import StepDialog
    from app.ui.dialogs.user_name_dialog import UserNameDialog
    from app.ui.minutes.import_preview import ImportPreviewDialog
    from app.ui.server_db import ServerDialog

    ms = ctx.read(meetings.list_meetings)
    m1 = next(m for m in ms if m.ordinal == 1)
    m2 = next(m for m in ms if m.ordinal == 2)
    sides = ctx.read(commission.get_sides)
    agenda = ctx.read(lambda s: items.list_items(s, m2.id))
    event = ctx.read(lambda s: schedule.list_events(s, m2.id))[0]
    member = ctx.read(lambda s: meetings.members(s, m2.id, sides[0].id))[0]
    person = ctx.read(lambda s: people.get_person(s, _first(ctx, Person.id)))
    exchange = ctx.read(lambda s: get_exchange(s, _first(ctx, Exchange.id)))
    expense = ctx.read(lambda s: get_expense(s, _first(ctx, Expense.id)))
    assignment = ctx.read(lambda s: get_assignment(s, _first(ctx, Assignment.id)))
    quota = ctx.read(quotas.list_quotas)[0]
    marking = ctx.read(markings.list_markings)[0]
    term = ctx.read(glossary.list_terms)[0]
    budget = ctx.read(lambda s: summary.budget_lines(s, m2.id))[0]
    rates = ctx.read(lambda s: summary.list_rates(s, m2.id))
    segment_id = _first(ctx, Segment.id)
    attachment_id = _first(ctx, Attachment.id)
    owner = ctx.read(lambda s: (s.get(Attachment, attachment_id).owner_kind, s.get(Attachment, attachment_id).owner_id))
    attachment = next(a for a in ctx.read(lambda s: attachments.list_attachments(s, *owner)) if a.id == attachment_id)
    decision = ctx.read(list_decisions)[0]
    letters = ctx.read(list_letters)
    conflict = ConflictError("x", version=2, fields={"name_zh": ("甲", "乙")}, mine={"name_zh": "丙"})
    return {
        "AgendaItemDialog": lambda: AgendaItemDialog(ctx, m2),
        "AgendaItemDialog (edit)": lambda: AgendaItemDialog(ctx, m2, agenda[0]),
        "AlertSettingsDialog": lambda: AlertSettingsDialog(ctx),
        "AssignmentDialog": lambda: AssignmentDialog(ctx),
        "AssignmentDialog (edit)": lambda: AssignmentDialog(ctx, assignment),
        "AttachmentTitleDialog": lambda: AttachmentTitleDialog(ctx, attachment),
        "BudgetDialog": lambda: BudgetDialog(ctx, m2.id),
        "BudgetDialog (edit)": lambda: BudgetDialog(ctx, m2.id, budget),
        "CarryOverDialog": lambda: CarryOverDialog(ctx, m2.id, agenda[:3]),
        "CertificatesDialog": lambda: CertificatesDialog(ctx),
        "ColumnMappingDialog": lambda: ColumnMappingDialog(
            Table("list.csv", ("Название", "Дата", "Номер"), ((2, ("Чертежи", "2026-01-05", "12")),))),
        "CommissionDialog": lambda: CommissionDialog(ctx),
        "ConflictsDialog": lambda: ConflictsDialog(ctx),
        "ConflictDialog": lambda: ConflictDialog(conflict, lambda f: f, base={"name_zh": "甲"}),
        "DeadlineSettingsDialog": lambda: DeadlineSettingsDialog(ctx),
        "DecisionDialog": lambda: DecisionDialog(ctx, meeting_id=m2.id),
        "DecisionDialog (edit)": lambda: DecisionDialog(ctx, decision),
        "LetterDialog": lambda: LetterDialog(ctx),
        "LetterDialog (edit)": lambda: LetterDialog(ctx, letters[0]) if letters else LetterDialog(ctx),
        "NoteDialog": lambda: NoteDialog(ctx, decision),
        "SearchDialog": lambda: SearchDialog(ctx),
        "DoneDateDialog": lambda: DoneDateDialog(ctx, m2.id, DeadlineKind.CONFIRMATION, dt.date.today()),
        "EventDialog": lambda: EventDialog(ctx, m2),
        "EventDialog (edit)": lambda: EventDialog(ctx, m2, event),
        "ExchangeDialog": lambda: ExchangeDialog(ctx),
        "ExchangeDialog (edit)": lambda: ExchangeDialog(ctx, exchange),
        "ExchangeDialog (bundles)": lambda: BundleDialog(ctx),
        "ExchangeSettingsDialog": lambda: ExchangeSettingsDialog(ctx),
        "ExpenseDialog": lambda: ExpenseDialog(ctx, m2.id),
        "ExpenseDialog (edit)": lambda: ExpenseDialog(ctx, expense.meeting_id, expense=expense),
        "ExpertsPdfDialog": lambda: ExpertsPdfDialog(ctx, dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
        "FontDialog": lambda: FontDialog(ctx),
        "GlossaryTermDialog": lambda: GlossaryTermDialog(ctx),
        "GlossaryTermDialog (edit)": lambda: GlossaryTermDialog(ctx, term),
        "HistoryDialog": lambda: HistoryDialog(ctx, person.uuid),
        "ImportPreviewDialog": lambda: ImportPreviewDialog(
            ImportPlan((), (Skipped("abc", "Segment {number} is initialled and locked; it was left as it is.",
                                    {"number": 3}),)), "m.xlf"),  # fmt: skip
        "ImportReportDialog": lambda: ImportReportDialog(ImportRefused("The file was refused.")),
        "MarkingDialog": lambda: MarkingDialog(ctx),
        "MarkingDialog (edit)": lambda: MarkingDialog(ctx, marking),
        "MemberDialog": lambda: MemberDialog(ctx, m2.id, sides[0]),
        "MemberDialog (edit)": lambda: MemberDialog(ctx, m2.id, sides[0], member),
        "OverrideDialog": lambda: OverrideDialog([]),
        "PeoplePickerDialog": lambda: PeoplePickerDialog(ctx, sides[0].id),
        "PersonDialog": lambda: PersonDialog(ctx),
        "PersonDialog (edit)": lambda: PersonDialog(ctx, person),
        "PersonHistoryDialog": lambda: PersonHistoryDialog(ctx, person.id),
        "PrintMinutesDialog": lambda: PrintMinutesDialog(ctx, m1.id),
        "QuotaDialog": lambda: QuotaDialog(ctx),
        "QuotaDialog (edit)": lambda: QuotaDialog(ctx, quota),
        "RateDialog": lambda: RateDialog(ctx, m2.id, m2.end_date),
        "RateDialog (edit)": lambda: RateDialog(ctx, m2.id, m2.end_date, rates[0] if rates else None),
        "ReopenSegmentDialog": lambda: ReopenSegmentDialog(ctx, segment_id, ("甲", "А")),
        "SegmentHistoryDialog": lambda: SegmentHistoryDialog(ctx, segment_id, True),
        "ServerDialog": lambda: ServerDialog(url="postgresql://secretary@office:5432/commission"),
        "SessionDialog": lambda: SessionDialog(ctx),
        "SessionDialog (edit)": lambda: SessionDialog(ctx, m2),
        "SigningDialog": lambda: SigningDialog(ctx, m2.id),
        "StepDialog": lambda: StepDialog(ctx, assignment),
        "UserNameDialog": lambda: UserNameDialog(),
    }
