"""Tables read a few thousand rows at a time, for imports of many rows (the Exchanges register):
:func:`open_table` is :func:`app.core.services.tables.read_table` whose rows are read from the file
each time they are iterated, never held whole.

An XLSX sheet is read with python-calamine, which reads a whole sheet into memory (about 1.6 KB a
row of 28 columns): the sheet's XML is cut at row boundaries into parts of :data:`PART_BYTES`, and
each part is read as a workbook of its own (the same styles, shared strings and dates). A CSV file is
checked for its encoding once, then parsed as it is read.

What :func:`open_table` refuses before reading the rows: what ``read_table`` refuses (a file too
large, the wrong encoding, a damaged workbook, a sheet that declares too many rows, a formula cell).
What the rows' reader refuses while reading: more rows than allowed (:data:`tables.MAX_IMPORT_ROWS`).
A control character in a cell is the caller's row error (:func:`cell_problems`), so that every bad
row is listed.

The width of the table is that of its header row and of the rows in the first part read; a cell
further right, in a column without a header, is not read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from app.core.errors import ImportRefused, RowError
from app.core.services import tables, xlsx_inspect
from app.i18n import N_

#: Bytes of a sheet's XML read as one workbook (python-calamine needs about as much again).
PART_BYTES = 8 * 1024 * 1024
#: Rows looked at to find the header row and the width of the table.
HEAD_ROWS = 200
#: Bytes of a sheet's XML read as the first part when only those rows are wanted.
HEAD_BYTES = 1024 * 1024

Row = tuple[int, tuple[object, ...]]


class StreamedRows:
    """The rows of a file (row number, cells), read again from the file on every iteration.
    ``len()`` is the number of rows (counted once, by reading them); slices read only up to their
    end (a preview)."""

    def __init__(self, opener: Callable[[], Iterator[Row]], count: int | None = None) -> None:
        self._opener = opener
        self._count = count

    def __iter__(self) -> Iterator[Row]:
        return self._opener()

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _row in self)
        return self._count

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(islice(iter(self), index.start, index.stop, index.step))
        if index < 0:
            raise IndexError(index)
        for row in islice(iter(self), index, None):
            return row
        raise IndexError(index)

    @property
    def estimate(self) -> int | None:
        """The number of rows if known without reading them (an XLSX sheet's own count)."""
        return self._count


def open_table(path, suffixes=tables.CSV_XLSX) -> tables.Table:
    """The table in a CSV or XLSX file, its rows (:class:`StreamedRows`) read when iterated. Cells
    are as :func:`tables.read_table` gives them without ``text``."""
    p = Path(path)
    kind = tables.file_kind(p, suffixes)
    if kind not in ("csv", "xlsx"):
        return tables.read_table(p, suffixes)
    limit = tables.MAX_IMPORT_ROWS
    tables._check_size(p)
    size = _size(p)
    if not size:
        raise ImportRefused(N_("“{name}” is empty."), name=p.name)
    if kind == "csv":
        _check_csv(p)
        raw, count = (lambda: _csv_rows(p, limit)), None
    else:
        sheet = _inspect_xlsx(p, limit)
        raw, count = (lambda first=PART_BYTES: _xlsx_rows(p, sheet.name, limit, first)), None
        if sheet.declared_rows is not None:
            count = sheet.declared_rows
    # the header and the first rows: of a workbook, a first part of HEAD_BYTES is read (then more
    # if it holds too few rows), not one of PART_BYTES read again with the rows
    head = list(islice(_nonblank(raw(HEAD_BYTES) if kind == "xlsx" else raw()), HEAD_ROWS + 1))
    if not head:
        raise ImportRefused(N_("“{name}” is empty."), name=p.name)
    header_number, header = head[0]
    width = max(_extent(cells) for _n, cells in head)
    headers = tuple(
        str(header[i]).strip() if i < len(header) and not tables._blank(header[i]) else ""
        for i in range(width)
    )

    def rows() -> Iterator[Row]:
        for number, cells in _nonblank(raw()):
            if number <= header_number:
                continue
            cells = cells[:width] if len(cells) >= width else cells + [None] * (width - len(cells))
            yield number, tuple(cells)

    # an XLSX sheet's count includes the header row; it is an estimate for progress only
    estimate = max(0, count - header_number) if count is not None else None
    return tables.Table(p.name, headers, StreamedRows(rows, estimate), kind)  # type: ignore[arg-type]


def cell_problems(table: tables.Table, number: int, cells: tuple[object, ...]) -> list[RowError]:
    """The row errors of one row's cells: a control character (what ``read_table`` refuses)."""
    texts = [v for v in cells if isinstance(v, str)]
    if not tables.CONTROL.search("\n".join(texts)):  # one search for the row ("\n" is allowed)
        return []
    return [
        RowError(
            number,
            tables._column_name(table, i),
            N_("The cell holds a control character (code {code})."),
            code=f"0x{ord(m.group()):02X}",
        )  # fmt: skip
        for i, v in enumerate(cells)
        if isinstance(v, str) and (m := tables.CONTROL.search(v))
    ]


def rows_problems(table: tables.Table, rows: list[Row]) -> dict[int, list[RowError]]:
    """{row number: its errors (:func:`cell_problems`)} of the rows that have any: one search for
    all the rows' text when none has a control character (as most files)."""
    texts = [v for _number, cells in rows for v in cells if isinstance(v, str)]
    if not tables.CONTROL.search("\n".join(texts)):
        return {}
    return {number: found for number, cells in rows if (found := cell_problems(table, number, cells))}


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return len(tables._read_bytes(p))  # says why it cannot be read


def _extent(cells: list[object]) -> int:
    n = len(cells)
    while n and tables._blank(cells[n - 1]):
        n -= 1
    return n


def _nonblank(rows: Iterator[tuple[int, list[object]]]) -> Iterator[tuple[int, list[object]]]:
    for number, cells in rows:
        if cells.count(None) != len(cells):  # (blank cells are None)
            yield number, cells


def _cells(values: list[object]) -> list[object]:
    """Cells as read_table gives them: stripped text, None for empty, whole floats as ints,
    midnight timestamps as dates."""
    out = []
    for v in values:
        t = type(v)
        if t is str:
            v = v.strip() or None
        elif t is float:
            if v.is_integer():
                v = int(v)
        elif v is not None and t is not int and t is not bool:
            v = tables._value(v)
        out.append(v)
    return out


# --- CSV -------------------------------------------------------------------------------------------


def _check_csv(p: Path) -> None:
    """ImportRefused unless the file is UTF-8 text (read once, in blocks, nothing kept)."""
    with _opened(p) as fh:
        start = fh.read(4)
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportRefused(
                N_("“{name}” is in UTF-16, not UTF-8. Save it as “CSV UTF-8” and import it again."),
                name=p.name,
                unreadable=True,
            )
        fh.seek(3 if start.startswith(b"\xef\xbb\xbf") else 0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        position = 0
        while block := fh.read(1 << 20):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as exc:
                raise _not_utf8(p, position + exc.start) from None
            if "\x00" in text:
                raise ImportRefused(N_("“{name}” is not a text file."), name=p.name, unreadable=True)
            position += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise _not_utf8(p, position + exc.start) from None


def _not_utf8(p: Path, position: int) -> ImportRefused:
    return ImportRefused(
        N_(
            "“{name}” is not in UTF-8 encoding (the bytes at position {position} are not UTF-8). "
            "Save it as “CSV UTF-8” and import it again."
        ),
        name=p.name,
        position=position,
        unreadable=True,
    )


def _opened(p: Path):
    try:
        return p.open("rb")
    except OSError:
        tables._read_bytes(p)  # raises the refusal that says why
        raise


def _csv_rows(p: Path, limit: int) -> Iterator[tuple[int, list[object]]]:
    with p.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        first = first.removeprefix("\ufeff")
        delimiter = max((",", ";", "\t"), key=first.count) if first else ","
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        filled = 0
        try:
            for number, r in enumerate(reader, start=1):
                cells = _cells([tables.unescape(c) if c[:1] == "'" else c for c in r])
                if any(v is not None for v in cells):
                    filled += 1
                    if filled > limit + 1:  # the header row and more rows than allowed
                        raise tables._too_many(p.name, limit)
                yield number, cells
        except csv.Error as exc:
            raise ImportRefused(
                N_("“{name}” is not a readable CSV file: {reason}"), name=p.name, reason=str(exc)
            ) from None


# --- XLSX ------------------------------------------------------------------------------------------


def _inspect_xlsx(p: Path, limit: int) -> xlsx_inspect.SheetInfo:
    try:
        with _opened(p) as fh:
            sheet = xlsx_inspect.first_sheet(fh, limit + 1)
    except xlsx_inspect.NotAWorkbook as exc:
        raise tables._not_a_workbook(p.name, exc) from None
    if sheet is None:
        raise ImportRefused(N_("“{name}” is empty."), name=p.name)
    if sheet.declared_rows is not None and sheet.declared_rows > limit + 1:
        raise tables._too_many(p.name, limit)
    if sheet.formulas:
        raise tables.refused(
            p.name,
            [
                RowError(row, ref, N_("The cell holds a formula; replace it with its value (Paste Values)."))
                for row, ref in sheet.formulas
            ],
        )
    return sheet


_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(/?)>")
_ROOT = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)worksheet\b")
_DIMENSION_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*>")
_EMPTY_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
)


def _xlsx_rows(p: Path, sheet_name: str, limit: int, first: int = PART_BYTES) -> Iterator[tuple[int, list[object]]]:
    """(row number, values) of every row of the sheet, part by part (the first of about ``first``
    bytes); row numbers as in the file."""
    from python_calamine import CalamineWorkbook

    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise tables._not_a_workbook(p.name, exc) from None
    with zf:
        member = _member(zf)
        others = {
            info.filename: (
                _EMPTY_SHEET if _is_other_sheet(info.filename, member) else zf.read(info.filename)
            )
            for info in zf.infolist()
            if info.filename != member and not info.is_dir()
        }
        filled = 0
        for xml in _sheet_parts(zf, member, first):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as part:
                for name, data in others.items():
                    part.writestr(name, data)
                part.writestr(member, xml)
            del xml
            buffer.seek(0)
            try:
                with CalamineWorkbook.from_filelike(buffer) as wb:
                    sheet = wb.get_sheet_by_name(sheet_name)
                    start = sheet.start
                    if start is None:
                        continue
                    first, left = start
                    pad = [""] * left
                    for i, values in enumerate(sheet.to_python(skip_empty_area=True)):
                        if values.count("") != len(values):
                            filled += 1
                            if filled > limit + 1:  # the header row and more rows than allowed
                                raise tables._too_many(p.name, limit)
                        yield first + i + 1, _cells(pad + values if left else values)
            except ImportRefused:
                raise
            except Exception as exc:  # noqa: BLE001 - calamine's errors: a damaged workbook
                raise tables._not_a_workbook(p.name, exc) from None


def _member(zf: zipfile.ZipFile) -> str:
    found = xlsx_inspect._first_worksheet(zf)
    if found is None:
        raise xlsx_inspect.NotAWorkbook("no worksheet")
    return found[1]


def _is_other_sheet(name: str, member: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name


def _sheet_parts(zf: zipfile.ZipFile, member: str, first: int = PART_BYTES) -> Iterator[bytes]:
    """The sheet's XML as well-formed worksheets of about PART_BYTES each (the first of about
    ``first``), cut between rows."""
    with zf.open(member) as fh:
        buffer = b""
        head = None
        while head is None:
            block = fh.read(1 << 20)
            buffer += block
            m = _SHEET_DATA.search(buffer)
            if m is None:
                if not block:
                    return
                continue
            root = _ROOT.search(buffer)
            ns = root.group(1) if root else b""
            head = _DIMENSION_TAG.sub(b"", buffer[: m.start()]) + b"<" + m.group(1) + b"sheetData>"
            tail = b"</" + m.group(1) + b"sheetData></" + ns + b"worksheet>"
            if m.group(2):  # <sheetData/>: no rows
                return
            buffer = buffer[m.end() :]
        close = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>")
        size = first
        rest = bytearray(buffer)  # grown in place and cut from the front: no copy of it per block
        del buffer
        while True:
            block = fh.read(1 << 20)
            rest += block
            if len(rest) >= size or not block:
                cut = _last_row_end(rest, close)
                if cut:
                    with memoryview(rest) as view:
                        part = b"".join((head, view[:cut], tail))
                    del rest[:cut]
                    yield part
                    del part
                    size = PART_BYTES
            if not block:
                return


def _last_row_end(buffer: bytes | bytearray, close: re.Pattern[bytes]) -> int:
    """The end of the last closing row tag in ``buffer`` (0 if none)."""
    at = buffer.rfind(b"row>")
    while at != -1:
        start = buffer.rfind(b"</", 0, at)
        if start != -1 and close.fullmatch(buffer, start, at + 4):
            return at + 4
        at = buffer.rfind(b"row>", 0, at)
    return 0
