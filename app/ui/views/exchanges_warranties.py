"""The warranties page of the Exchanges tab: what expires within a chosen horizon, and what has
expired, for apparatus and technical materiel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import (
    WARRANTY_ALERT,
    WARRANTY_ANY,
    WARRANTY_EXPIRED,
    WARRANTY_EXPIRING,
    ExchangeFilter,
)
from app.i18n import N_, _, ngettext, pgettext
from app.ui.models.query_model import QueryTableModel
from app.ui.views.exchange_columns import sort_key, warranty_columns
from app.ui.views.page import RegisterPage, one_line_rows, register_table
from app.ui.widgets.column_chooser import fit_columns, needs_fit

SHOW = (
    (WARRANTY_ALERT, N_("Expiring or expired")),
    (WARRANTY_EXPIRING, N_("Expiring within the horizon")),
    (WARRANTY_EXPIRED, N_("Expired")),
    (WARRANTY_ANY, N_("All warranties")),
)


class WarrantiesPage(RegisterPage):
    editRequested = Signal(object)  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExchangesWarranties")
        self.show_label = QLabel()
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("warranty_show")
        for value, _label in SHOW:
            self.show_combo.addItem("", value)
        self.show_label.setBuddy(self.show_combo)
        self.horizon_label = QLabel()
        self.horizon = QSpinBox()
        self.horizon.setObjectName("warranty_horizon")
        self.horizon.setRange(1, 3650)
        self.horizon.setValue(90)
        self.horizon_label.setBuddy(self.horizon)
        self._horizon_db = None  # the database whose horizon setting the spin box shows
        self._active = False  # no query before the page is first shown
        self.show_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.horizon.valueChanged.connect(lambda _v: self.reload())
        top = QHBoxLayout()
        top.addWidget(self.show_label)
        top.addWidget(self.show_combo)
        top.addSpacing(16)
        top.addWidget(self.horizon_label)
        top.addWidget(self.horizon)
        top.addStretch(1)
        model = QueryTableModel(warranty_columns(), self._fetch, self._count, self)
        model.sort_key = "warranty_expires"
        table = register_table("warranties_table", model)
        one_line_rows(table)  # as high as the register's rows
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.set_table(table, model, edit_on_double_click=False)
        self._fit()
        self.table.doubleClicked.connect(self._edit)
        self.summary = QLabel()
        self.summary.setObjectName("warranties_summary")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        self.retranslate_ui()

    def _filter(self) -> ExchangeFilter:
        return ExchangeFilter(warranty=self.show_combo.currentData(), horizon_days=self.horizon.value())

    def _fetch(self, offset, limit, sort, desc):
        if not (self._active and self.ctx.has_db):
            return []
        return self.ctx.read(search.search_exchanges, self._filter(), sort=sort_key(sort), descending=desc,
                             offset=offset, limit=limit)  # fmt: skip

    def _count(self) -> int:
        return (
            self.ctx.read(search.count_exchanges, self._filter()) if self._active and self.ctx.has_db else 0
        )

    def refresh(self) -> None:
        self._active = True
        if self.ctx.has_db and self._horizon_db is not self.ctx.db:
            self._horizon_db = self.ctx.db
            self.horizon.blockSignals(True)
            self.horizon.setValue(self.ctx.read(service.get_rules).warranty_horizon_days)
            self.horizon.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self._fit()
        self._update_summary()

    def _edit(self, index) -> None:
        item = self.model.row_of(index)
        if item is not None:
            self.editRequested.emit(item)

    def _update_summary(self) -> None:
        if not (self._active and self.ctx.has_db):
            self.summary.clear()
            return
        days = self.horizon.value()
        expiring = self.ctx.read(
            search.count_exchanges, ExchangeFilter(warranty=WARRANTY_EXPIRING, horizon_days=days)
        )
        expired = self.ctx.read(search.count_exchanges, ExchangeFilter(warranty=WARRANTY_EXPIRED))
        self.summary.setText(
            ngettext(
                "{n} warranty expires within {days} days",
                "{n} warranties expire within {days} days",
                expiring,
            ).format(n=expiring, days=days)
            # TRANSLATORS: joins two clauses of a summary line ("5 expire within 90 days; 3 have expired").
            + pgettext("clause separator", "; ")
            + ngettext("{n} has expired", "{n} have expired", expired).format(n=expired)
        )

    def _fit(self) -> None:
        """The title by characters, the other columns as wide as their header and content."""
        chars = dict(enumerate((12, 20, 46, 18, 6, 6, 5, 11, 8, 12)))
        if needs_fit(self.table) or self.table.property("fitted_language") is None:
            fit_columns(self.table, chars={i: chars[i] for i in (1, 2)},
                        content=[i for i in chars if i != 2])  # fmt: skip

    def retranslate_ui(self) -> None:
        self.show_label.setText(_("&Show:"))
        for i, (_value, label) in enumerate(SHOW):
            self.show_combo.setItemText(i, _(label))
        self.horizon_label.setText(_("&Horizon:"))
        self.horizon.setSuffix(" " + _("days"))
        self.model.retranslate()
        self._fit()
        self._update_summary()
