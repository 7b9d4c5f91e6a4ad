"""File → Exchange with the other side…: write a bundle for the other side's secretariat, or read
one that came from it (docs/bundles.md).

Reading shows first what the bundle brings (new, changed, deleted records per register, and how
many were changed on both sides); nothing is applied until the user clicks Apply. An unsigned
bundle (or one whose certificate this computer cannot check yet) is applied only when the user
answers yes to a question.

A bundle goes to the other side's secretariat, or to another database of this side that exchanges
with this one (the laptop copy made by ``commission-desk copy``, or the office database it came
from): the "Send to" list offers them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.sync import conflicts, exchange, peers
from app.core.sync.bundle import SUFFIX
from app.i18n import _, ngettext
from app.ui.dialogs.key_picker import KeyPicker
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


def _status(session) -> dict:
    home = exchange.home_side(session)
    other = exchange.other_side(session) if home is not None else None
    peer = next(iter(peers.of_side(session, other.uuid)), None) if other is not None else None
    known = peers.listing(session) if home is not None else []
    return {
        "peers": [p for p in known if p["database"]],
        "home": home.code if home else "",
        "other": other.code if other else "",
        "sent": peer.last_sent if peer else 0,
        "received": peer.last_received if peer else 0,
        "acknowledged": peer.acknowledged if peer else 0,
        "conflicts": conflicts.count(session),
    }


class ExchangeDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ExchangeDialog")
        self.setMinimumWidth(640)
        self.data: bytes | None = None
        self.accept_unsigned = False
        self.state = QLabel()
        self.state.setObjectName("exchange_state")
        self.state.setWordWrap(True)
        self.send_box = QGroupBox()
        self.key = KeyPicker()
        self.key_label = QLabel()
        self.target = QComboBox()
        self.target.setObjectName("bundle_target")
        self.target_label = QLabel()
        self.target_label.setBuddy(self.target)
        self.write_button = QPushButton()
        self.write_button.setObjectName("write_bundle")
        self.write_button.clicked.connect(self.choose_export)
        form = QFormLayout(self.send_box)
        form.addRow(self.target_label, self.target)
        form.addRow(self.key_label, self.key)
        form.addRow(self.write_button)
        self.receive_box = QGroupBox()
        self.read_button = QPushButton()
        self.read_button.setObjectName("read_bundle")
        self.read_button.clicked.connect(self.choose_import)
        self.summary = QLabel()
        self.summary.setObjectName("bundle_summary")
        self.summary.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("apply_bundle")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addWidget(self.read_button)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        receive = QVBoxLayout(self.receive_box)
        receive.addLayout(row)
        receive.addWidget(self.summary)
        receive.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.state)
        lay.addWidget(self.send_box)
        lay.addWidget(self.receive_box, 1)
        lay.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Exchange with the other side"))
        s = self.ctx.read(_status)
        self.status = s
        if s["home"]:
            self.state.setText(
                _("This database belongs to the secretariat of side {home}. Bundles sent to side {other}: {sent} "
                  "(acknowledged up to {acknowledged}); received from it: {received}. Open conflicts: {conflicts}."
                  ).format(**s)  # fmt: skip
            )
            if s["peers"] and any(p["side"] == s["home"] for p in s["peers"]):  # a laptop copy or its office too
                self.send_box.setTitle(_("Send a bundle"))
                self.receive_box.setTitle(_("Receive a bundle"))
            else:
                self.send_box.setTitle(_("Send to side {other}").format(**s))
                self.receive_box.setTitle(_("Receive from side {other}").format(**s))
        else:  # a new database: the first bundle from the other side makes it this side's copy
            self.state.setText(_("This database is empty: read the first bundle the other side's secretariat "
                                 "sent you, and it becomes your side's copy of the commission's records."))  # fmt: skip
            self.receive_box.setTitle(_("Receive from the other side"))
        self.send_box.setEnabled(bool(s["home"]))
        self.key_label.setText(_("Sign with"))
        self.target_label.setText(_("Send &to"))
        self._fill_targets(s)
        self.write_button.setText(_("&Write a bundle…"))
        self.read_button.setText(_("&Read a bundle…"))
        self.apply_button.setText(_("&Apply"))

    # --- sending ---------------------------------------------------------------------------------

    def _fill_targets(self, s: dict) -> None:
        """The other side's secretariat (each of its databases when several are known), and the
        databases of this side that exchange with this one (a laptop copy, the office)."""
        current = self.target.currentData()
        self.target.clear()
        others = [p for p in s["peers"] if p["side"] == s["other"]]
        if len(others) <= 1:
            self.target.addItem(_("Side {side}: the other secretariat").format(side=s["other"]), "")
        for p in s["peers"]:
            if p["side"] == s["other"] and len(others) <= 1:
                continue
            where = p["label"] or _("database {id}").format(id=p["database"][:8])
            if p["side"] == s["home"]:
                text = _("This side's copy: {where} (database {id})").format(where=where, id=p["database"][:8])
            else:
                text = _("Side {side}: {where}").format(side=p["side"], where=where)
            self.target.addItem(text, p["database"])
        index = self.target.findData(current) if current is not None else -1
        self.target.setCurrentIndex(max(index, 0))

    def target_database(self) -> str:
        """The database id the next bundle goes to ("" for the other side's secretariat)."""
        return self.target.currentData() or ""

    def choose_export(self) -> None:
        to_db = self.target_database()
        if to_db:
            peer = next((p for p in self.status["peers"] if p["database"] == to_db), None)
            suggested = f"{self.status['home']}-{to_db[:8]}-{(peer['sent'] if peer else 0) + 1:04d}{SUFFIX}"
        else:
            suggested = f"{self.status['home']}-{self.status['other']}-{self.status['sent'] + 1:04d}{SUFFIX}"
        path, _f = QFileDialog.getSaveFileName(self, _("Write a bundle"), suggested, _("Exchange bundles (*.cdb)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> exchange.ExportResult | None:
        try:
            key = self.key.key()
            to_db = self.target_database() or None

            def write(session):
                result = exchange.export(session, None, key, to_db)
                path.write_bytes(result.data)  # inside the unit: a file not written sends nothing
                return result

            result = self.ctx.write(write)
        except CoreError as exc:
            messages.error(self, exc.message)
            return None
        except OSError as exc:
            messages.error(self, _("Cannot write “{path}”: {reason}").format(path=path, reason=exc.strerror or exc))
            return None
        n = sum(result.records.values())
        messages.info(self, ngettext(
            "Bundle {seq} for side {side} written to “{path}”: {n} record, {deleted} deleted.",
            "Bundle {seq} for side {side} written to “{path}”: {n} records, {deleted} deleted.", n,
        ).format(seq=result.sequence, side=result.to_side, path=path, n=n, deleted=result.deleted))  # fmt: skip
        self.retranslate_ui()
        return result

    # --- receiving -------------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Read a bundle"), "", _("Exchange bundles (*.cdb)"))
        if path:
            self.read_from(Path(path))

    def read_from(self, path: Path) -> exchange.Incoming | None:
        """Check the bundle and show what it brings; Apply applies it."""
        self.data, self.accept_unsigned = None, False
        self.apply_button.setEnabled(False)
        self.summary.clear()
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.error(self, _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc))
            return None
        try:
            try:
                incoming = self.ctx.read(exchange.check, data)
            except exchange.NeedsConfirmation as exc:
                if not messages.confirm(self, exc.message + "\n\n" + _("Apply it all the same?")):
                    return None
                self.accept_unsigned = True
                incoming = self.ctx.read(exchange.check, data, accept_unsigned=True)
        except CoreError as exc:
            self.summary.setText(_("Refused: {reason}").format(reason=exc.message))
            return None
        self.data = data
        self.summary.setText(self.describe(incoming))
        self.apply_button.setEnabled(True)
        return incoming

    @staticmethod
    def describe(incoming: exchange.Incoming) -> str:
        from app.core.sync.conflicts import REGISTER_NAMES

        def name(register: str) -> str:
            msgid = REGISTER_NAMES.get(register)
            return _(msgid) if msgid else register

        signer = incoming.signer or _("not signed")
        lines = [_("Bundle {seq} from side {side}, signed by: {signer}.").format(
            seq=incoming.sequence, side=incoming.from_code, signer=signer)]  # fmt: skip
        for label, counts in ((_("New"), incoming.new), (_("Changed"), incoming.changed),
                              (_("Deleted"), incoming.deleted)):  # fmt: skip
            if counts:
                parts = ", ".join(f"{name(r)}: {n}" for r, n in sorted(counts.items(), key=lambda x: name(x[0])))
                lines.append(f"{label} — {parts}")
        if not (incoming.new or incoming.changed or incoming.deleted):
            lines.append(_("Nothing new for this database."))
        if incoming.conflicts:
            menu = messages.menu_path(_("&File"), _("Con&flicts…"))
            lines.append(ngettext("{n} record was changed on both sides: see {menu} after applying.",
                                  "{n} records were changed on both sides: see {menu} after applying.",
                                  incoming.conflicts).format(n=incoming.conflicts, menu=menu))  # fmt: skip
        return "\n".join(lines)

    def apply(self) -> exchange.ImportResult | None:
        if self.data is None:
            return None
        try:
            result = self.ctx.write(exchange.apply, self.data, accept_unsigned=self.accept_unsigned)
        except CoreError as exc:
            messages.error(self, exc.message)
            return None
        self.data = None
        self.apply_button.setEnabled(False)
        self.summary.setText(_("Applied: {n} records taken, {c} with conflicts.").format(
            n=result.applied, c=result.conflicts))  # fmt: skip
        self.retranslate_ui()
        return result
