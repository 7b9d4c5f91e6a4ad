"""Reading the tables people bring: CSV (UTF-8, with or without BOM), XLSX, and the first table of
a DOCX document. One job: turn a file into a header and rows of text, or refuse it with a reason.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportRefused
from app.i18n import N_

FORMATS = ("csv", "xlsx", "docx")
MAX_ROWS = 20000


@dataclass(frozen=True)
class Table:
    """Cells as text; ``rows`` are (row number as the user sees it, cells)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]


def file_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "txt", "tsv"):
        return "csv"
    if suffix in ("xlsx", "xlsm"):
        return "xlsx"
    if suffix == "docx":
        return "docx"
    raise ImportRefused(N_("“{name}” is not a file this can read: use CSV, XLSX or DOCX."), name=path.name)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(N_("There is no file “{name}”."), name=str(path)) from None
    except IsADirectoryError:
        raise ImportRefused(N_("“{name}” is a folder, not a file."), name=str(path)) from None
    except OSError as exc:
        raise ImportRefused(
            N_("Cannot read “{name}”: {reason}"), name=path.name, reason=exc.strerror or str(exc)
        ) from None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def read_csv(data: bytes, name: str) -> Table:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(N_("“{name}” is in UTF-16. Save it as CSV in UTF-8 and try again."), name=name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            N_(
                "“{name}” is not in UTF-8 (a byte that UTF-8 does not allow at position {pos}). "
                "Save it as CSV in UTF-8 and try again."
            ),
            name=name,
            pos=exc.start,
        ) from None
    if "\x00" in text:
        raise ImportRefused(N_("“{name}” is not a text file."), name=name)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportRefused(
            N_("“{name}” is not a well-formed CSV file: {reason}"), name=name, reason=str(exc)
        ) from None
    if not records:
        raise ImportRefused(N_("“{name}” is empty."), name=name)
    return Table([c.strip() for c in records[0]], [(i + 2, r) for i, r in enumerate(records[1:])])


def read_xlsx(data: bytes, name: str) -> Table:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable XLSX workbook ({reason})."),
            name=name,
            reason=str(exc) or type(exc).__name__,
        ) from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise ImportRefused(N_("“{name}” is empty."), name=name)
        records = [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    if not records:
        raise ImportRefused(N_("“{name}” is empty."), name=name)
    return Table([c.strip() for c in records[0]], [(i + 2, r) for i, r in enumerate(records[1:])])


def read_docx_table(data: bytes, name: str) -> Table:
    """The first table with at least two columns; it has no header row of its own: the columns
    are named "zh" and "ru" (and "kind" for a third), Chinese on the left."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportRefused(
            N_("“{name}” is not a readable DOCX document ({reason})."),
            name=name,
            reason=str(exc) or type(exc).__name__,
        ) from None
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and max(len(r) for r in rows) >= 2:
            header = ["zh", "ru", "kind"][: max(len(r) for r in rows)]
            return Table(header, [(i + 1, r) for i, r in enumerate(rows)])
    raise ImportRefused(
        N_("“{name}” has no table with two columns (Chinese on the left, Russian on the right)."), name=name
    )


def read_table(path: Path, formats: tuple[str, ...] = ("csv", "xlsx")) -> Table:
    path = Path(path)
    fmt = file_format(path)
    if fmt not in formats:
        raise ImportRefused(N_("“{name}” is not a file this can read: use CSV or XLSX."), name=path.name)
    data = read_bytes(path)
    if not data:
        raise ImportRefused(N_("“{name}” is empty."), name=path.name)
    if fmt == "csv":
        table = read_csv(data, path.name)
    elif fmt == "xlsx":
        table = read_xlsx(data, path.name)
    else:
        table = read_docx_table(data, path.name)
    if len(table.rows) > MAX_ROWS:
        raise ImportRefused(N_("“{name}” has more than {n} rows; split it."), name=path.name, n=MAX_ROWS)
    return table


def column_index(table: Table, wanted: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, int]:
    """{column name: index} for the named columns (case and spaces ignored); ImportRefused if a
    required one is missing."""
    names = [h.strip().lower() for h in table.header]
    out: dict[str, int] = {}
    for col in wanted + optional:
        if col in names:
            out[col] = names.index(col)
    missing = [c for c in wanted if c not in out]
    if missing:
        raise ImportRefused(
            N_("The first row must name the columns {columns}; “{missing}” is missing."),
            columns=", ".join(wanted + optional),
            missing=", ".join(missing),
        )
    return out
