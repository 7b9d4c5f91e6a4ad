"""The commission and its two sides: names, codes, languages, delegation titles, liaison agencies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import Field
from app.core.services import commission as commission_service
from app.core.services.commission import AgencyData, CommissionData, SideData
from app.core.services.money import commission_currencies
from app.core.sync import exchange
from app.i18n import N_, _, currency_name, is_known_currency
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.form import FieldErrors

SIDE_FIELDS = [
    ("code", N_("Code")),
    ("language", N_("Working language")),
    ("name_full_zh", N_("Full name in Chinese")),
    ("name_full_ru", N_("Full name in Russian")),
    ("name_full_en", N_("Full name in English")),
    ("name_short_zh", N_("Short name in Chinese")),
    ("name_short_ru", N_("Short name in Russian")),
    ("name_short_en", N_("Short name in English")),
    ("government_zh", N_("Government in Chinese")),
    ("government_ru", N_("Government in Russian")),
    ("government_en", N_("Government in English")),
    ("delegation_title_zh", N_("Delegation title in Chinese")),
    ("delegation_title_ru", N_("Delegation title in Russian")),
    ("delegation_title_en", N_("Delegation title in English")),
]
AGENCY_HEADERS = [N_("Chinese"), N_("Russian"), N_("English")]
LANGUAGE_CHOICES = [("zh", N_("Chinese")), ("ru", N_("Russian"))]


class SidePage(QWidget):
    def __init__(self, position: int, errors: FieldErrors, parent=None) -> None:
        super().__init__(parent)
        self.position = position
        self.side_id: int | None = None
        form = QFormLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        for field, _label in SIDE_FIELDS:
            w = QComboBox() if field == "language" else QLineEdit()
            w.setObjectName(f"side{position}_{field}")
            if field == "language":
                for code, _name in LANGUAGE_CHOICES:
                    w.addItem("", code)
            if field == "code":
                w.setMaxLength(8)
            label = QLabel()
            self.labels[field] = label
            self.widgets[field] = w
            errors.add_row(form, f"side{position}.{field}", label, w)
        self.agencies_label = QLabel()
        self.agencies = QStandardItemModel(0, 3, self)
        self.agency_ids: list[int | None] = []
        self.agency_table = QTableView()
        self.agency_table.setObjectName(f"side{position}_agencies")
        self.agency_table.setModel(self.agencies)
        self.agency_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.agency_table.verticalHeader().setVisible(False)
        self.agency_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agency_table.setMinimumHeight(110)
        self.add_agency = QPushButton()
        self.add_agency.clicked.connect(lambda: self._add_agency(AgencyData()))
        self.remove_agency = QPushButton()
        self.remove_agency.clicked.connect(self._remove_agency)
        box = QVBoxLayout()
        box.addWidget(self.agency_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_agency)
        buttons.addWidget(self.remove_agency)
        buttons.addStretch(1)
        box.addLayout(buttons)
        form.addRow(self.agencies_label, box)

    def _add_agency(self, a: AgencyData) -> None:
        self.agencies.appendRow(
            [QStandardItem(a.name_zh), QStandardItem(a.name_ru), QStandardItem(a.name_en)]
        )
        self.agency_ids.append(a.id)

    def _remove_agency(self) -> None:
        row = self.agency_table.currentIndex().row()
        if row >= 0:
            self.agencies.removeRow(row)
            del self.agency_ids[row]

    def load(self, side: SideData) -> None:
        self.side_id = side.id
        for field, _label in SIDE_FIELDS:
            w = self.widgets[field]
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(side.language)))
            else:
                w.setText(getattr(side, field))
        self.agencies.removeRows(0, self.agencies.rowCount())
        self.agency_ids.clear()
        for a in side.agencies:
            self._add_agency(a)

    def data(self) -> SideData:
        values = {}
        for field, _label in SIDE_FIELDS:
            w = self.widgets[field]
            values[field] = w.currentData() if isinstance(w, QComboBox) else w.text()
        agencies = tuple(
            AgencyData(
                self.agencies.item(r, 0).text(),
                self.agencies.item(r, 1).text(),
                self.agencies.item(r, 2).text(),
                self.agency_ids[r],
            )
            for r in range(self.agencies.rowCount())
        )
        return SideData(position=self.position, id=self.side_id, agencies=agencies, **values)

    def retranslate_ui(self) -> None:
        for field, label in SIDE_FIELDS:
            self.labels[field].setText(_(label))
        combo: QComboBox = self.widgets["language"]
        for i, (_code, name) in enumerate(LANGUAGE_CHOICES):
            combo.setItemText(i, _(name))
        self.agencies_label.setText(_("Liaison agencies"))
        self.agencies.setHorizontalHeaderLabels([_(h) for h in AGENCY_HEADERS])
        self.add_agency.setText(_("Add agency"))
        self.remove_agency.setText(_("Remove agency"))


class CurrenciesPage(QWidget):
    """The commission's currencies, in the order the expense forms offer them: ISO 4217 codes with
    their names in the interface language."""

    def __init__(self, errors: FieldErrors, parent=None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("currencies")
        self.code = CurrencyBox()
        self.code.setObjectName("currency_code")
        self.code.setEditText("")
        self.add_button = QPushButton()
        self.add_button.setObjectName("currency_add")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("currency_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton()
        self.up_button.setObjectName("currency_up")
        self.up_button.clicked.connect(self.move_up)
        row = QHBoxLayout()
        for w in (self.code, self.add_button, self.remove_button, self.up_button):
            row.addWidget(w)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.note)
        self.list_label = QLabel()
        errors.add_row(form, "currencies", self.list_label, self.list)
        form.addRow(row)

    def set_codes(self, codes) -> None:
        self.list.clear()
        for code in codes:
            self._append(code)

    def _append(self, code: str) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.list.addItem(item)
        self._label(item)

    def _label(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        item.setText(f"{code} — {currency_name(code)}")

    def codes(self) -> tuple[str, ...]:
        return tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))

    def add_current(self) -> bool:
        code = self.code.currency()
        if not is_known_currency(code):
            self.errors.show("currencies", _("“{code}” is not an ISO 4217 currency code.").format(code=code))
            return False
        self.errors.clear()
        if code not in self.codes():
            self._append(code)
        self.code.setEditText("")
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move_up(self) -> None:
        row = self.list.currentRow()
        if row > 0:
            item = self.list.takeItem(row)
            self.list.insertItem(row - 1, item)
            self.list.setCurrentRow(row - 1)

    def retranslate_ui(self) -> None:
        self.note.setText(_("The expense, budget and rate forms offer these currencies first, in this order. "
                            "A historical code such as SUR (Soviet ruble) may be chosen."))  # fmt: skip
        self.list_label.setText(_("Currencies"))
        self.add_button.setText(_("Add currency"))
        self.remove_button.setText(_("Remove currency"))
        self.up_button.setText(_("Move up"))
        self.code.retranslate_ui()
        for i in range(self.list.count()):
            self._label(self.list.item(i))


class CommissionDialog(RecordDialog):
    fields = (
        Field("name_zh", N_("Commission name in Chinese")),
        Field("name_ru", N_("Commission name in Russian")),
        Field("name_en", N_("Commission name in English")),
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, ctx.read(commission_service.get_commission), parent)
        self.resize(720, 640)
        self.names = {lang: self.widgets[f"name_{lang}"] for lang in ("zh", "ru", "en")}
        self.name_labels = {lang: self.labels[f"name_{lang}"] for lang in ("zh", "ru", "en")}

    def add_widgets(self, layout) -> None:
        self.home_label = QLabel()
        self.home = QComboBox()
        self.home.setObjectName("home_side")
        self.home.addItem("", 1)
        self.home.addItem("", 2)
        self.home_label.setBuddy(self.home)
        row = QHBoxLayout()
        row.addWidget(self.home_label)
        row.addWidget(self.home, 1)
        layout.addLayout(row)
        self.tabs = QTabWidget()
        self.pages = [SidePage(1, self.errors), SidePage(2, self.errors)]
        for p in self.pages:
            self.tabs.addTab(p, "")
        self.currencies = CurrenciesPage(self.errors)
        self.tabs.addTab(self.currencies, "")
        layout.addWidget(self.tabs, 1)

    def defaults(self) -> None:
        self.currencies.set_codes(self.ctx.read(commission_currencies))

    def load(self, data: CommissionData) -> None:
        super().load(data)
        self.currencies.set_codes(self.ctx.read(commission_currencies))
        sides = {s.position: s for s in data.sides}
        for p in self.pages:
            p.load(
                sides.get(
                    p.position, SideData(position=p.position, language="zh" if p.position == 1 else "ru")
                )
            )
        self.home.setCurrentIndex(self.ctx.read(exchange.home_position) - 1)

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Commission and sides")

    def retranslate_extra(self) -> None:
        self.tabs.setTabText(0, _("First side"))
        self.tabs.setTabText(1, _("Second side"))
        self.tabs.setTabText(2, _("Currencies"))
        self.home_label.setText(_("This database belongs to the secretariat of:"))
        self.home.setItemText(0, _("First side"))
        self.home.setItemText(1, _("Second side"))
        for p in self.pages:
            p.retranslate_ui()
        self.currencies.retranslate_ui()

    def data(self) -> CommissionData:
        v = self.values()
        return CommissionData(v["name_zh"], v["name_ru"], v["name_en"], tuple(p.data() for p in self.pages))

    def write(self, values) -> CommissionData:
        data, codes, home = self.data(), self.currencies.codes(), self.home.currentData()

        def save(session) -> CommissionData:  # one unit of work: nothing saved if one is refused
            saved = commission_service.save_commission_and_currencies(session, data, codes)
            exchange.set_home_position(session, home)
            return saved

        return self.ctx.write(save)

    def show_error(self, field: str | None, message: str) -> None:
        if field and field.startswith("side"):
            self.tabs.setCurrentIndex(0 if field.startswith("side1") else 1)
        elif field == "currencies":
            self.tabs.setCurrentWidget(self.currencies)
        self.errors.show(field, message)
