"""A look inside an XLSX workbook before it is read: which sheet comes first, how many rows it
declares, and which of its cells hold formulas.

An import reads the values with python-calamine, which gives a formula's cached value (or nothing)
without saying it was a formula; and a workbook of a million rows should be refused before it is
read. Both answers come from the sheet's XML: its ``<dimension>`` element near the top, and a
streaming scan for ``<f>`` elements (at the speed of a regular expression; the cells are located
only when one is found).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

from app.core.errors import ImportRefused
from app.i18n import N_

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref=\"[A-Z]*(\d*)(?::[A-Z]*(\d+))?\"")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>]")
_REF_ROW = re.compile(r"[A-Z]+(\d+)")
#: The most bytes of XML any one part of the workbook may unpack to (a zip bomb is refused).
MAX_SHEET_XML = 400 * 1024 * 1024
_MAX_PART = 16 * 1024 * 1024
#: The most formula cells listed.
MAX_LISTED = 200


class NotAWorkbook(Exception):
    """The file is not a readable XLSX workbook."""


@dataclass(frozen=True)
class SheetInfo:
    name: str
    #: The last row the sheet declares (its <dimension>), None if it declares none.
    declared_rows: int | None
    #: (row number, cell reference) of every cell holding a formula (the first MAX_LISTED).
    formulas: tuple[tuple[int, str], ...]


def first_sheet(fileobj: IO[bytes], max_rows: int | None = None) -> SheetInfo | None:
    """The first worksheet of a workbook, or None if it has none. NotAWorkbook if it is damaged.
    ``declared_rows`` is the sheet's own dimension, else its rows counted (up to ``max_rows`` + 1)."""
    try:
        with zipfile.ZipFile(fileobj) as zf:
            found = _first_worksheet(zf)
            if found is None:
                return None
            name, member = found
            info = zf.getinfo(member)
            if info.file_size > MAX_SHEET_XML:
                raise ImportRefused(
                    N_("The first sheet of the workbook is too large to import; split it into smaller files.")
                )
            with zf.open(member) as fh:
                declared, formulas = _scan(fh, max_rows)
            if formulas:
                with zf.open(member) as fh:
                    cells = _formula_cells(fh)
            else:
                cells = ()
            return SheetInfo(name, declared, cells)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, EOFError, ValueError) as exc:
        raise NotAWorkbook(str(exc) or type(exc).__name__) from exc


def _xml(zf: zipfile.ZipFile, member: str) -> ElementTree.Element:
    info = zf.getinfo(member)
    if info.file_size > _MAX_PART:
        raise ValueError(f"{member} is too large")
    return ElementTree.fromstring(zf.read(member))


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """{relationship id: (type, target member)} of a part."""
    folder, base = posixpath.split(part)
    rels_member = posixpath.join(folder, "_rels", base + ".rels")
    if rels_member not in zf.namelist():
        return {}
    out = {}
    for rel in _xml(zf, rels_member):
        target = rel.get("Target", "")
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), target)
    return out


def _first_worksheet(zf: zipfile.ZipFile) -> tuple[str, str] | None:
    workbook = next(
        (t for kind, t in _rels(zf, "").values() if kind.endswith("/officeDocument")), "xl/workbook.xml"
    )
    rels = _rels(zf, workbook)
    for el in _xml(zf, workbook).iter():
        if el.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        kind, target = rels.get(el.get(f"{{{_REL_NS}}}id", ""), ("", ""))
        if kind.endswith("/worksheet") and target in zf.namelist():
            return el.get("name", ""), target
    return None


def _scan(fh: IO[bytes], max_rows: int | None) -> tuple[int | None, bool]:
    """(the declared last row, whether any formula element is there), reading in chunks. A sheet
    without a <dimension> (openpyxl's write-only mode writes none) has its rows counted: past
    ``max_rows`` the count is the answer at once, and the rest is not read."""
    declared: int | None = None
    counted = 0
    formula = False
    tail = b""
    first = True
    while chunk := fh.read(1 << 20):
        block = tail + chunk
        if first:
            m = _DIMENSION.search(block[:65536])
            if m:
                declared = int(m.group(2) or m.group(1) or 0) or None
            first = False
        formula = formula or _has_formula(block)
        # a row tag in the tail was counted with the chunk before, unless it ran over its end
        counted += _rows_in(block) - _rows_in(tail)
        if declared is None and max_rows is not None and counted > max_rows:
            return counted, formula
        if formula and declared is not None:
            break
        tail = block[-64:]
    return (declared if declared is not None else counted or None), formula


def _has_formula(block: bytes) -> bool:
    """Whether ``block`` holds a formula element. The regular expression runs only where the bytes
    could start one (``<f`` or a prefixed ``:f``): most sheets have neither, and a search of the
    bytes is many times faster."""
    if b"<f" not in block and b":f" not in block:
        return False
    return _FORMULA.search(block) is not None


def _rows_in(block: bytes) -> int:
    """The row tags wholly in ``block`` (as ``_ROW`` finds them), counted with ``bytes.count``
    where every ``<row`` is followed by a space or ``>`` and none has a namespace prefix."""
    n = block.count(b"<row")
    if b":row" not in block:
        spaced = block.count(b"<row ")  # (as most writers write them: one search less)
        if n == spaced or n == spaced + block.count(b"<row>"):
            return n
    return sum(1 for _m in _ROW.finditer(block))


def _formula_cells(fh: IO[bytes]) -> tuple[tuple[int, str], ...]:
    found: list[tuple[int, str]] = []
    for _event, el in ElementTree.iterparse(fh, events=("end",)):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "c":
            if any(child.tag.rsplit("}", 1)[-1] == "f" for child in el):
                ref = el.get("r", "")
                m = _REF_ROW.fullmatch(ref)
                found.append((int(m.group(1)) if m else 0, ref))
                if len(found) >= MAX_LISTED:
                    break
            el.clear()
        elif tag == "row":
            el.clear()
    return tuple(found)
