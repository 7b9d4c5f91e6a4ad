"""The register page of the Exchanges tab: search, filters, the table (paged, sorted in SQL, with
columns to show, hide and reorder), a summary of the statuses, and the actions on items and files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core.changes import Change
from app.core.enums import ExchangeKind, ExchangeStatus
from app.core.errors import Cancelled, CoreError, ImportRefused
from app.core.fields import FieldKind
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges import transfer as exchanges_io
from app.core.services.exchanges.fields import EXCHANGE
from app.core.services.exchanges.search import NO_SESSION, ExchangeFilter
from app.i18n import _, current_language, ngettext, pgettext
from app.ui.dialogs.exchange_dialog import ExchangeDialog, session_label
from app.ui.models.query_model import QueryTableModel
from app.ui.views.exchange_columns import HIDDEN_BY_DEFAULT, register_columns, sort_key
from app.ui.views.page import RegisterPage, one_line_rows, register_table
from app.ui.widgets import combo as combo_values
from app.ui.widgets import messages
from app.ui.widgets.column_chooser import ColumnChooser, date_samples, fit_columns, needs_fit
from app.ui.widgets.deferred import after_paint
from app.ui.widgets.progress import ProgressDialog
from app.ui.widgets.search import SearchField

#: Remembered last folder for import and export.
_FOLDER_KEY = "exchanges/folder"
#: What the count and the summary line depend on: the register, the overdue thresholds (settings),
#: what the filters choose from (a session deleted unlinks its items)
SUMMARY_DEPENDS = frozenset(
    {Change.EXCHANGES, Change.SETTINGS, Change.COMMISSION, Change.MEETINGS, Change.AGENDA, Change.DECISIONS}
)


class ExchangeRegisterPage(RegisterPage):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExchangesRegister")
        self._filter = ExchangeFilter()
        self._active = False  # no query before the page is first shown
        self._summary_pending = False  # the summary line's counts are on their way
        #: the filters' sides and sessions are to be read (again): at first, after the tab says
        #: they changed (or another database was opened)
        self.choices_stale = True

        self.search = SearchField()
        self.search.setObjectName("exchanges_search")
        self.search.searchChanged.connect(lambda _t: self.apply_filters())
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.add_button = QPushButton()
        self.add_button.setObjectName("exchanges_add")
        self.add_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_record)
        self.import_button = QPushButton()
        self.import_button.setObjectName("exchanges_import")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button = QPushButton()
        self.export_button.setObjectName("exchanges_export")
        self.export_button.clicked.connect(lambda: self.export_file())
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("exchanges_settings")
        self.settings_button.clicked.connect(self.edit_settings)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 3)
        for b in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(b)

        self.direction = QComboBox()
        self.direction.setObjectName("filter_direction")
        self.kind = QComboBox()
        self.kind.setObjectName("filter_kind")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filter_status")
        self.session = QComboBox()
        self.session.setObjectName("filter_session")
        self.overdue = QCheckBox()
        self.overdue.setObjectName("filter_overdue")
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in (self.direction, self.kind, self.status_filter, self.session):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.overdue.toggled.connect(lambda _on: self.apply_filters())
        filters = QHBoxLayout()
        for combo in (self.direction, self.kind, self.status_filter, self.session):
            filters.addWidget(combo, 1)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)

        model = QueryTableModel(register_columns(), self._fetch, self._count, self)
        table = register_table("exchanges_table", model)
        one_line_rows(table)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        self.set_table(table, model)
        self.chooser = ColumnChooser(self.table, "exchanges/register", HIDDEN_BY_DEFAULT)
        if not self.chooser.restored:
            self.table.sortByColumn(self._column_index("requested_on"), Qt.SortOrder.DescendingOrder)
            self._default_widths()
        else:
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

        self.summary = QLabel()
        self.summary.setObjectName("exchanges_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summary.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for b in (self.import_button, self.export_button, self.settings_button):
            bottom.addWidget(b)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.retranslate_ui()

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

    def _default_widths(self) -> None:
        """Widths for the current language: the title by a number of characters, the short
        columns as wide as their header and what they show."""
        widths = {"title": 36, "reference": 10, "marking_id": 8}
        content = {"reference", "kind", "status", "overdue", "marking_id", "from_side_id", "to_side_id",
                   "quantity", "meeting_id", "requested_on", "sent_on", "received_on"}  # fmt: skip
        keys = [c.key for c in self.model.columns]
        labels = {"kind": [k.label for k in ExchangeKind], "status": [s.label for s in ExchangeStatus]}
        dates = date_samples()
        labels |= {f.name: dates for f in EXCHANGE.fields if f.kind is FieldKind.DATE}
        fit_columns(self.table, chars={i: widths.get(k, 6) for i, k in enumerate(keys)},
                    content=[i for i, k in enumerate(keys) if k in content],
                    values={i: labels[k] for i, k in enumerate(keys) if k in labels})  # fmt: skip

    def _fit(self) -> None:
        """The remembered header keeps the user's order and columns; widths follow the language."""
        if needs_fit(self.table):
            self._default_widths()

    # --- data ----------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not (self._active and self.ctx.has_db):
            return []
        return self.ctx.read(search.search_exchanges, self._filter, sort=sort_key(sort), descending=desc,
                             offset=offset, limit=limit)  # fmt: skip

    def _count(self) -> int:
        """The count for the table (one indexed query); the summary line's counts by status come
        after the rows are shown (:meth:`_update_summary`)."""
        if not (self._active and self.ctx.has_db):
            return 0
        return self.ctx.cached(SUMMARY_DEPENDS, search.count_exchanges, self._filter)

    def current_filter(self) -> ExchangeFilter:
        return self._filter

    def apply_filters(self) -> None:
        self._filter = ExchangeFilter(
            text=self.search.text(),
            from_side_id=combo_values.value(self.direction),
            kind=combo_values.value(self.kind),
            status=combo_values.value(self.status_filter),
            meeting_id=combo_values.value(self.session),
            overdue=self.overdue.isChecked(),
        )
        self.model.reload()
        self._update_summary()

    def clear_filters(self) -> None:
        for combo in (self.direction, self.kind, self.status_filter, self.session):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(False)
        self.overdue.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def refresh(self) -> None:
        self._active = True
        if self.choices_stale or not self.ctx.has_db:
            self._fill_filters()
        self.apply_filters()
        self._fit()

    def _refill(self, widget: QComboBox, entries: list[tuple[str, object]]) -> None:
        combo_values.refill(widget, entries)

    def _fill_filters(self) -> None:
        self.choices_stale = not self.ctx.has_db
        lang = current_language()
        sides = self.ctx.read(commission_service.get_sides) if self.ctx.has_db else []
        meetings = (
            self.ctx.read(meetings_service.list_meetings, newest_first=False) if self.ctx.has_db else []
        )
        directions = [(_("Both directions"), None)]
        if len(sides) == 2:
            for a, b in (sides, sides[::-1]):
                directions.append((f"{a.short_name(lang)} → {b.short_name(lang)}", a.id))
        self._refill(self.direction, directions)
        self._refill(self.kind, [(_("All kinds"), None), *((k.label, k.value) for k in ExchangeKind)])
        self._refill(
            self.status_filter, [(_("Any status"), None), *((s.label, s.value) for s in ExchangeStatus)]
        )
        self._refill(self.session, [(_("All sessions"), None), *((session_label(m), m.id) for m in meetings),
                                    (_("Not linked to a session"), NO_SESSION)])  # fmt: skip

    def _update_summary(self) -> None:
        """The count at once; the counts by status and of the overdue items once the first rows
        are on screen (remembered until the register or its
        settings change)."""
        if not (self._active and self.ctx.has_db):
            self.summary.clear()
            return
        total = self.model.total
        self.summary.setText(ngettext("{n} register entry", "{n} register entries", total).format(n=total))
        if not self._summary_pending:
            self._summary_pending = True
            after_paint(self.table.viewport(), self._show_summary)

    def _show_summary(self) -> None:
        self._summary_pending = False
        if not (self._active and self.ctx.has_db):
            return
        summary = self.ctx.cached(SUMMARY_DEPENDS, search.summarise, self._filter)
        counts, late, total = summary.by_status, summary.overdue, summary.total
        # TRANSLATORS: separates the counts of the summary line ("Sent 17, Received 16").
        sep = pgettext("list separator", ", ")
        parts = sep.join(_("{status} {n}").format(status=s.label, n=n) for s, n in counts.items() if n)
        text = ngettext("{n} register entry", "{n} register entries", total).format(n=total)
        if parts:
            text = _("{total}: {statuses}").format(total=text, statuses=parts)
        if late:
            text += _("; overdue: {n}").format(n=late)
        self.summary.setText(text)

    # --- selection and buttons ---------------------------------------------------------------------

    def select_item(self, item_id: int) -> None:
        self.select_id(item_id)

    def update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        for b in (self.add_button, self.import_button, self.export_button, self.settings_button):
            b.setEnabled(self.ctx.has_db)

    # --- actions -------------------------------------------------------------------------------

    def new_record(self) -> None:
        dlg = ExchangeDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.select_item(dlg.saved.id)
            self.status.emit(_("“{title}” was added.").format(title=dlg.saved.title(current_language())))

    def edit_record(self, item=None) -> None:
        item = item or self.current()
        if item is None:
            return
        try:
            fresh = self.ctx.read(service.get_exchange, item.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        dlg = ExchangeDialog(self.ctx, fresh, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.select_item(dlg.saved.id)

    def delete_record(self) -> None:
        item = self.current()
        if item is None:
            return
        title = item.title(current_language())
        if not messages.confirm(self, _("Delete “{title}” from the Exchanges register?").format(title=title)):
            return
        try:
            self.ctx.write(service.delete_exchange, item.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.status.emit(_("“{title}” was deleted.").format(title=title))

    def edit_settings(self) -> None:
        from app.ui.dialogs.exchange_settings_dialog import ExchangeSettingsDialog

        ExchangeSettingsDialog(self.ctx, self).exec()

    # --- files ---------------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(QSettings().value(_FOLDER_KEY, "") or "")

    def export_file(self, path: str | None = None) -> bool:
        if path is None:
            xlsx, csv = _("Excel workbook (*.xlsx)"), _("CSV, UTF-8 (*.csv)")
            start = str(Path(self._folder()) / (_("exchanges") + ".xlsx"))
            path, chosen = QFileDialog.getSaveFileName(
                self, _("Export the current view"), start, f"{xlsx};;{csv}"
            )
            if not path:
                return False
            if Path(path).suffix.lower() not in (".xlsx", ".csv"):
                path += ".csv" if chosen == csv else ".xlsx"
        columns = self.chooser.visible_keys()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            n = self.ctx.read(exchanges_io.export_file, path, self._filter, columns,
                              sort=sort_key(self.model.sort_key), descending=self.model.descending)  # fmt: skip
        except CoreError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(self, exc.message)
            return False
        QApplication.restoreOverrideCursor()
        QSettings().setValue(_FOLDER_KEY, str(Path(path).parent))
        self.status.emit(
            ngettext("{n} item exported to {path}", "{n} items exported to {path}", n).format(n=n, path=path)
        )
        return True

    def import_file(self, path: str | None = None) -> bool:
        from app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
        from app.ui.dialogs.import_report_dialog import ImportReportDialog

        if path is None:
            path, _f = QFileDialog.getOpenFileName(
                self, _("Import exchanges"), self._folder(), _("Tables (*.xlsx *.csv)")
            )
            if not path:
                return False
        QSettings().setValue(_FOLDER_KEY, str(Path(path).parent))
        try:
            table = exchanges_io.read_file(path)
        except CoreError as exc:
            messages.error(self, exc.message)
            return False
        mapping_dialog = ColumnMappingDialog(table, parent=self)
        if not mapping_dialog.exec():
            return False
        progress = ProgressDialog(_("Importing “{name}”…").format(name=Path(path).name), self)
        self.progress_dialog = progress  # (for tests)
        try:
            result = self.ctx.write(exchanges_io.import_table, table, mapping_dialog.mapping(), progress=progress)
        except Cancelled as exc:
            self.status.emit(exc.message)
            return False
        except ImportRefused as exc:
            progress.close()
            if exc.rows:
                ImportReportDialog(exc, parent=self).exec()
            else:
                messages.error(self, exc.message)
            return False
        except CoreError as exc:
            progress.close()
            messages.error(self, exc.message)
            return False
        finally:
            progress.close()
            progress.deleteLater()
        n = result.total
        messages.info(
            self,
            ngettext(
                "{path}: {n} item imported ({added} new, {updated} updated).",
                "{path}: {n} items imported ({added} new, {updated} updated).",
                n,
            ).format(path=Path(path).name, n=n, added=result.added, updated=result.updated),
        )
        return True

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("Title in any language or reference number"))
        self.add_button.setText(_("&Add…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.import_button.setText(_("&Import…"))
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Export the rows and columns shown, in this order, to XLSX or CSV."))
        self.settings_button.setText(_("Se&ttings…"))
        self.settings_button.setToolTip(
            _("Confidentiality markings and the days after which an item is overdue")
        )
        for combo, text in zip((self.direction, self.kind, self.status_filter, self.session),
                               (_("Direction"), _("Kind"), _("Status"), _("Session")), strict=True):  # fmt: skip
            combo.setToolTip(text)
            combo.setAccessibleName(text)
        self.overdue.setText(_("&Overdue only"))
        self.overdue.setToolTip(
            _("Promised but not sent, or sent but not acknowledged, for longer than the settings allow")
        )
        self.clear_button.setText(_("Clear filters"))
        self.table.horizontalHeader().setToolTip(
            _("Right-click to show or hide columns; drag a header to move it.")
        )
        if self._active and self.ctx.has_db:
            self._fill_filters()
        self.model.retranslate()
        self._fit()
        self._update_summary()
        self._update_buttons()
