"""Preview a generated PDF inside the app (QtPdf), print it, or save it.

The PDF is the one the command line would write, byte for byte: the preview never re-renders the
document, it shows and prints those bytes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.i18n import _, ngettext
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

ZOOMS = [(0, None), (0.5, None), (0.75, None), (1.0, None), (1.25, None), (1.5, None), (2.0, None)]


class PdfPreviewDialog(Retranslatable, QDialog):
    """Shows ``data`` (a PDF) with Print… and Save as PDF…; ``suggested_name`` names the file."""

    def __init__(self, data: bytes, suggested_name: str, title: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("PdfPreviewDialog")
        self.data = data
        self.suggested_name = suggested_name
        self._title = title
        from app.ui.dialogs.screen_fit import available

        room = available()
        self.resize(min(900, room.width()), room.height())  # a page as tall as the screen allows
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom = QComboBox()
        self.zoom.setObjectName("pdf_zoom")
        for _factor, _label in ZOOMS:
            self.zoom.addItem("")
        self.zoom.currentIndexChanged.connect(self._on_zoom)
        self.pages = QLabel()
        self.print_button = QPushButton()
        self.print_button.setObjectName("pdf_print")
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton()
        self.save_button.setObjectName("pdf_save")
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.clicked.connect(self.save_dialog)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.zoom)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.retranslate_ui()

    def page_count(self) -> int:
        return self.document.pageCount()

    def _on_zoom(self, index: int) -> None:
        factor = ZOOMS[index][0]
        if not factor:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title or _("Print preview"))
        self.zoom.setItemText(0, _("Fit to width"))
        for i, (factor, _label) in enumerate(ZOOMS[1:], start=1):
            self.zoom.setItemText(i, f"{round(factor * 100)} %")
        n = self.page_count()
        self.pages.setText(ngettext("{n} page", "{n} pages", n).format(n=n))
        self.print_button.setText(_("&Print…"))
        self.save_button.setText(_("&Save as PDF…"))
        self.close_button.setText(_("&Close"))

    # --- saving -----------------------------------------------------------------------------

    def save_to(self, path: str | Path) -> Path:
        p = Path(path)
        if p.suffix.lower() != ".pdf":
            p = p.with_suffix(".pdf")
        p.write_bytes(self.data)
        return p

    def save_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), self.suggested_name, _("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            self.save_to(path)
        except OSError as exc:
            messages.error(
                self, _("Cannot write “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
            )

    # --- printing ---------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setDuplex(QPrinter.DuplexMode.DuplexNone)  # signature copies are printed one-sided
        printer.setFullPage(True)
        return printer

    def print_dialog(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print every page (or the chosen range) of the PDF on ``printer``; returns pages printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, self.page_count()
        copies = 1
        if not printer.supportsMultipleCopies():  # the printer cannot make copies: print them ourselves
            copies = printer.copyCount()
            printer.setCopyCount(1)
        painter = QPainter()
        if not painter.begin(printer):
            messages.error(self, _("The printer cannot be used."))
            return 0
        dpi = printer.resolution()
        printed = 0
        try:
            for _copy in range(copies):
                for page in range(first - 1, last):
                    if printed:
                        printer.newPage()
                    size_pt = self.document.pagePointSize(page)
                    pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
                    image = self.document.render(page, pixels)
                    target = painter.viewport()
                    scale = min(target.width() / pixels.width(), target.height() / pixels.height())
                    w, h = pixels.width() * scale, pixels.height() * scale
                    rect = QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h)
                    painter.drawImage(rect, image)
                    printed += 1
        finally:
            painter.end()
        return printed


def show_pdf(parent, data: bytes, suggested_name: str, title: str = "") -> PdfPreviewDialog:
    """Open a non-modal preview window for ``data``."""
    dialog = PdfPreviewDialog(data, suggested_name, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
