"""Writing a table (headers and rows) to a CSV or XLSX file, as registers export their views.

Cells are strings, numbers or dates; dates stay dates in a workbook. CSV is UTF-8 with a byte order
mark, so that a spreadsheet opened by double-click reads Chinese and Russian right.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.core.errors import ValidationError
from app.i18n import N_

FORMATS = (".xlsx", ".csv")


def write_table(
    path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]], title: str = ""
) -> int:
    """Write the table; returns the number of rows written. The suffix chooses the format."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(N_("Choose a file name ending in .xlsx or .csv."), field="path")
    try:
        if suffix == ".csv":
            return _write_csv(target, headers, rows)
        return _write_xlsx(target, headers, rows, title)
    except OSError as exc:
        raise ValidationError(
            N_("Cannot write “{path}”: {reason}"),
            field="path",
            path=str(target),
            reason=exc.strerror or str(exc),
        ) from exc


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: Chinese characters count double."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, headers, rows) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        for row in rows:
            w.writerow([_cell_text(v) for v in row])
            n += 1
    return n


def _write_xlsx(path: Path, headers, rows, title: str) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=False)
    ws = wb.active
    # a sheet title cannot hold []:*?/\ and is at most 31 characters
    clean = "".join(c for c in (title or "Sheet") if c not in "[]:*?/\\")[:31] or "Sheet"
    ws.title = clean
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [_display_width(str(h)) for h in headers]
    n = 0
    for row in rows:
        values = [v if isinstance(v, (int, float, dt.date)) or v is None else str(v) for v in row]
        ws.append(values)
        n += 1
        for i, v in enumerate(values):
            if isinstance(v, dt.date):
                ws.cell(row=n + 1, column=i + 1).number_format = "yyyy-mm-dd"
            if i < len(widths):
                widths[i] = max(widths[i], min(60, _display_width(_cell_text(v))))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w + 2
    ws.freeze_panes = "A2"
    wb.save(path)
    return n
