"""The commission and its two sides: names, codes, languages, delegation titles, liaison agencies."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.fields import Field
from app.core.services import commission as commission_service
from app.core.services.commission import AgencyData, CommissionData, SideData
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog
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
        self.tabs = QTabWidget()
        self.pages = [SidePage(1, self.errors), SidePage(2, self.errors)]
        for p in self.pages:
            self.tabs.addTab(p, "")
        layout.addWidget(self.tabs, 1)

    def load(self, data: CommissionData) -> None:
        super().load(data)
        sides = {s.position: s for s in data.sides}
        for p in self.pages:
            p.load(
                sides.get(
                    p.position, SideData(position=p.position, language="zh" if p.position == 1 else "ru")
                )
            )

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Commission and sides")

    def retranslate_extra(self) -> None:
        self.tabs.setTabText(0, _("First side"))
        self.tabs.setTabText(1, _("Second side"))
        for p in self.pages:
            p.retranslate_ui()

    def data(self) -> CommissionData:
        v = self.values()
        return CommissionData(v["name_zh"], v["name_ru"], v["name_en"], tuple(p.data() for p in self.pages))

    def write(self, values) -> CommissionData:
        return self.ctx.write(commission_service.save_commission, self.data())

    def show_error(self, field: str | None, message: str) -> None:
        if field and field.startswith("side"):
            self.tabs.setCurrentIndex(0 if field.startswith("side1") else 1)
        self.errors.show(field, message)
