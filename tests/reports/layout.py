"""The laid-out text of a PDF, line by line with positions (``pdftotext -bbox-layout``), and the
typographer's checks on it: words broken without a hyphen, initials at the end of a line, a heading
as the last block of a page, columns that do not start at one height."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_NS = "{http://www.w3.org/1999/xhtml}"
#: Below this (from the top, in points) is the footer: page number, fingerprint, initials boxes.
FOOTER_TOP = 841.89 - 26 * 72 / 25.4
#: Above this is the header: marking, copy number, running head.
HEADER_BOTTOM = 22 * 72 / 25.4 - 2


@dataclass(frozen=True)
class Line:
    page: int
    block: int
    x: float
    top: float
    bottom: float
    text: str


def lines(pdf: bytes, tmp_path: Path) -> list[Line]:
    path = tmp_path / "layout.pdf"
    path.write_bytes(pdf)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    out, block_no = [], 0
    for p, page in enumerate(root.iter(f"{_NS}page"), start=1):
        for block in page.iter(f"{_NS}block"):
            block_no += 1
            for line in block.iter(f"{_NS}line"):
                words = [w.text or "" for w in line.iter(f"{_NS}word")]
                out.append(Line(p, block_no, float(line.get("xMin")), float(line.get("yMin")),
                                float(line.get("yMax")), " ".join(words)))  # fmt: skip
    return out


def body(all_lines: list[Line]) -> list[Line]:
    """The lines of the text area (no header, no footer)."""
    return [ln for ln in all_lines if HEADER_BOTTOM < ln.top and ln.bottom < FOOTER_TOP]


def vocabulary(db_path: Path, *texts: str) -> set[str]:
    """Every word of every text stored in the database (and of ``texts``), in lower case."""
    con = sqlite3.connect(db_path)
    words = set()
    try:
        for (table,) in con.execute("select name from sqlite_master where type='table'"):
            for row in con.execute(f'select * from "{table}"'):
                for v in row:
                    if isinstance(v, str):
                        words.update(w.lower() for w in re.findall(r"[\w-]+", v))
    finally:
        con.close()
    for t in texts:
        words.update(w.lower() for w in re.findall(r"[\w-]+", t))
    return words


_CYR = "А-Яа-яЁё"


def broken_words(all_lines: list[Line], words: set[str]) -> list[str]:
    """Russian words broken between two lines without a hyphen: a line ends in a letter, the next
    line of the same block starts with a lower-case letter, and the two pieces make a known word."""
    bad = []
    for a, b in zip(all_lines, all_lines[1:], strict=False):
        if a.block != b.block or not a.text or not b.text:
            continue
        head = re.search(rf"([{_CYR}-]*[{_CYR}])$", a.text)
        tail = re.match(rf"([а-яё][{_CYR}-]*)", b.text)
        if head and tail and (head.group(1) + tail.group(1)).lower() in words:
            bad.append(f"p.{a.page}: {a.text!r} / {b.text!r}")
    return bad


_INITIAL_END = re.compile(r"(?:^|[\s(«])[A-ZА-ЯЁ]\.$|·$")


def initials_at_line_end(all_lines: list[Line]) -> list[str]:
    """Lines that end in an initial (``Н.``, ``N.``) or a name's middle dot (``阿·``)."""
    return [f"p.{ln.page}: {ln.text!r}" for ln in all_lines if _INITIAL_END.search(ln.text)]


def last_lines(all_lines: list[Line]) -> dict[int, Line]:
    """The lowest line of the text area of every page but the last."""
    out: dict[int, Line] = {}
    for ln in body(all_lines):
        if ln.page not in out or ln.bottom > out[ln.page].bottom:
            out[ln.page] = ln
    if out:
        del out[max(out)]
    return out


def headings_at_page_foot(all_lines: list[Line], headings: set[str]) -> list[str]:
    """Pages whose text area ends with one of ``headings`` (a heading, a group row, a column header):
    compared on the whole row at the foot, so that a heading followed by nothing is caught."""
    bad = []
    for page, last in last_lines(all_lines).items():
        row = [ln for ln in body(all_lines) if ln.page == page and abs(ln.bottom - last.bottom) < 2]
        texts = {ln.text for ln in row}
        if texts & headings:
            bad.append(f"p.{page}: {sorted(texts)}")
    return bad


def _squeeze(text: str) -> str:
    return "".join(text.replace("\u00a0", " ").split())


def heading_ends_page(all_lines: list[Line], headings: set[str], header_cells: set[str] = frozenset()) -> list[str]:
    """Pages whose text area ends with a heading: the row at the foot is a heading (or the end of
    one that wrapped, or one with its number in front), or a table's column header alone."""
    wanted = [_squeeze(h) for h in headings if _squeeze(h)]
    cells = {_squeeze(c) for c in header_cells}
    bad = []
    for page, last in last_lines(all_lines).items():
        row = [ln for ln in body(all_lines) if ln.page == page and abs(ln.bottom - last.bottom) < 2]
        joined = _squeeze(" ".join(ln.text for ln in sorted(row, key=lambda ln: ln.x)))
        if not joined:
            continue
        numbered = re.sub(r"^(\d+\.|[一二三四五六七八九十]+、)", "", joined)  # "2. Программа", "二、日程"
        if any(h in (joined, numbered) or (len(joined) >= 3 and h.endswith(joined)) for h in wanted):
            bad.append(f"p.{page}: {joined!r} (a heading)")
        elif cells and all(_squeeze(ln.text) in cells for ln in row):
            bad.append(f"p.{page}: {joined!r} (a column header)")
    return bad
