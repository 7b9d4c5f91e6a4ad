"""The in-app PDF preview: shows the pages, saves the same bytes, prints to a PDF file printer."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from app.reports import document
from app.reports.document import Furniture, para
from app.reports.styles import styles
from app.ui.dialogs.pdf_preview import PdfPreviewDialog
from tests.reports.pdftools import page_count


def _pdf(pages: int = 3) -> bytes:
    st = styles("ru")
    story = [para("Протокол первого заседания. " * 40, st.body) for _ in range(pages * 3)]
    return document.render(story, Furniture(lang="ru"))


def test_preview_shows_every_page_and_saves_the_same_bytes(qtbot, tmp_path):
    data = _pdf()
    dialog = PdfPreviewDialog(data, "protocol.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == page_count(data) > 1
    saved = dialog.save_to(tmp_path / "copy")
    assert saved.name == "copy.pdf" and saved.read_bytes() == data


def test_print_to_a_pdf_file_printer(qtbot, tmp_path):
    data = _pdf(2)
    dialog = PdfPreviewDialog(data, "protocol.pdf")
    qtbot.addWidget(dialog)
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)  # enough for a test, and quick (1200 dpi takes seconds a page)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count()
    assert out.exists() and page_count(out) == dialog.page_count()


def test_preview_follows_the_language(qtbot):
    from app.i18n.qt import apply_language

    dialog = PdfPreviewDialog(_pdf(1), "x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.print_button.text() == "&Print…"
    apply_language("zh_CN")
    assert dialog.print_button.text() != "&Print…"
