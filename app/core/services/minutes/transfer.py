"""Minutes in and out of files: the two-column tables interpreters prepare.

Import: CSV (UTF-8, with or without BOM) or XLSX whose first row names the columns ``zh``, ``ru``
and optionally ``kind`` (heading, paragraph, item, decision) and ``part``; DOCX, the first table with
two columns, Chinese on the left (a header row is recognised and skipped). Rows are appended to the
session's minutes as drafts. A bad row refuses the whole file, and nothing changes.

Export: the same columns (zh, ru, kind, part) as CSV (UTF-8 with BOM, so that spreadsheets read it)
or XLSX; or DOCX, the table interpreters exchange in Word: Chinese left, Russian right, the kind in
a third narrow column, one row per segment under a header row the import recognises. CSV and DOCX
exports import back to the same texts, character for character. XLIFF lives in ``xliff.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import RevisionAction, SegmentKind, SegmentPart
from app.core.errors import ImportRefused, NotFoundError, RowError, ValidationError
from app.core.services import tables
from app.core.services.minutes.edit import MAX_TEXT, insert_segment
from app.core.services.minutes.records import ensure_minutes, list_segments, minutes_row, segment_rows
from app.core.services.minutes.text import looks_like_closing_formula
from app.i18n import N_

COLUMNS = ("zh", "ru", "kind", "part")
#: What a DOCX table's first row may say instead of holding text.
HEADER_WORDS = {
    "zh", "ru", "kind", "中文", "俄文", "汉语", "俄语", "中文文本", "俄文文本", "китайский", "русский",
    "китайский текст", "русский текст", "chinese", "russian", "类型", "вид",
}  # fmt: skip
#: Kind names accepted on import besides the values and labels: "item" is the short form.
KIND_ALIASES = {"list item": SegmentKind.ITEM, "list": SegmentKind.ITEM, "text": SegmentKind.PARAGRAPH}


@dataclass(frozen=True)
class ImportedRow:
    zh: str
    ru: str
    kind: SegmentKind
    part: SegmentPart | None


def _kind(value: str) -> SegmentKind:
    v = value.strip()
    if not v:
        return SegmentKind.PARAGRAPH
    if v.lower() in KIND_ALIASES:
        return KIND_ALIASES[v.lower()]
    return SegmentKind.parse(v)


def parse_table(path: Path) -> list[ImportedRow]:
    """The rows of an import file, or ImportRefused listing every bad row."""
    path = Path(path)
    table = tables.read_table(path, tables.WITH_DOCX, text=True, max_rows=tables.MAX_ROWS)
    if table.kind == "docx" and table.rows:
        first = [str(c).strip().lower() for c in table.rows[0][1]]
        if first and all(c in HEADER_WORDS for c in first if c):
            table = table.without_first_row()
    cols = tables.column_index(table, ("zh", "ru"), ("kind", "part"))
    rows: list[ImportedRow] = []
    errors: list[RowError] = []
    for number, cells in table.rows:

        def cell(name: str, cells=cells) -> str:
            i = cols.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        zh = cell("zh").replace("\r\n", "\n").replace("\r", "\n")
        ru = cell("ru").replace("\r\n", "\n").replace("\r", "\n")
        if not zh.strip() and not ru.strip():
            if any(c.strip() for c in cells):
                errors.append(RowError(number, "zh", N_("The row has neither a Chinese nor a Russian text.")))
            continue
        for name, text in (("zh", zh), ("ru", ru)):
            if len(text) > MAX_TEXT:
                errors.append(
                    RowError(number, name, N_("The text is longer than {n} characters."), n=MAX_TEXT)
                )
        closing = cell("kind").strip().lower() == "closing"  # the closing formula, as kind or part
        try:
            kind = SegmentKind.PARAGRAPH if closing else _kind(cell("kind"))
        except ValueError:
            errors.append(
                RowError(
                    number, "kind",
                    N_("“{value}” is not a kind of segment: use heading, paragraph, item or decision."),
                    value=cell("kind"),
                )
            )  # fmt: skip
            continue
        part = None
        if cell("part").strip():
            try:
                part = SegmentPart.parse(cell("part"))
            except ValueError:
                errors.append(
                    RowError(
                        number, "part",
                        N_("“{value}” is not a part of the minutes: use preamble, joint, first, second or closing."),
                        value=cell("part"),
                    )
                )  # fmt: skip
                continue
        if part is None and (
            closing or (kind is SegmentKind.PARAGRAPH and looks_like_closing_formula(zh, ru))
        ):
            part = SegmentPart.CLOSING
        rows.append(ImportedRow(zh, ru, kind, part))
    if errors:
        raise ImportRefused(N_("The file was not imported: the rows listed below have errors."), rows=errors)
    if not rows:
        raise ImportRefused(N_("“{name}” has no text to import."), name=path.name)
    return rows


def _append_part(session: Session, minutes_id: int) -> SegmentPart:
    """Where imported rows without a part go: after the last segment that is not the closing
    formula (into the joint decisions if that is the preamble or nothing)."""
    body = [r for r in segment_rows(session, minutes_id) if r.part != SegmentPart.CLOSING.value]
    if not body or body[-1].part == SegmentPart.PREAMBLE.value:
        return SegmentPart.JOINT
    return SegmentPart(body[-1].part)


@changes(Change.MINUTES, Change.DECISIONS)
def import_minutes(session: Session, meeting_id: int, path: Path) -> int:
    """Append the rows of a file to a session's minutes as drafts; the number of segments added."""
    rows = parse_table(path)
    minutes = ensure_minutes(session, meeting_id)
    row = minutes_row(session, meeting_id)
    if row is not None and row.locked:
        raise ValidationError(N_("These minutes are signed; they can no longer be changed."))
    default_part = _append_part(session, minutes.id)
    for r in rows:
        insert_segment(
            session, minutes.id, None, part=r.part or default_part, kind=r.kind, text_zh=r.zh, text_ru=r.ru,
            action=RevisionAction.IMPORT,
        )  # fmt: skip
    return len(rows)


def export_rows(session: Session, meeting_id: int) -> list[tuple[str, str, str, str]]:
    row = minutes_row(session, meeting_id)
    if row is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    return [(s.text_zh, s.text_ru, s.kind.value, s.part.value) for s in list_segments(session, row.id)]


def export_minutes(session: Session, meeting_id: int, path: Path) -> int:
    """Write a session's minutes to CSV, XLSX or DOCX (by the file's suffix); the number of segments."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return export_docx(session, meeting_id, path)
    if path.suffix.lower() not in tables.CSV_XLSX:
        raise ValidationError(N_("Export to a .csv, .xlsx or .docx file."), field="path")
    rows = export_rows(session, meeting_id)
    return tables.write_table(path, COLUMNS, rows, "minutes", widths=(60, 80, 12, 12), wrap=(0, 1))


#: The DOCX table's header row: words the import recognises as a header (HEADER_WORDS).
DOCX_HEADER = ("中文", "Русский", "类型")


def export_docx(session: Session, meeting_id: int, path: Path) -> int:
    """The two-column table interpreters exchange in Word (plus the kind, narrow), atomically."""
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    from app.core.services.minutes.xliff import write_atomically

    rows = export_rows(session, meeting_id)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    table = document.add_table(rows=1 + len(rows), cols=3)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Cm(7.7), Cm(7.7), Cm(2.0))  # 17.4 cm between the margins; "paragraph" fits at 8 pt
    for i, text in enumerate(DOCX_HEADER):
        table.cell(0, i).text = text
    header_props = table.rows[0]._tr.get_or_add_trPr()  # the header row repeats on every page
    header_props.append(OxmlElement("w:tblHeader"))
    for r, (zh, ru, kind, _part) in enumerate(rows, start=1):
        table.cell(r, 0).text = zh
        table.cell(r, 1).text = ru
        table.cell(r, 2).text = kind
    for i, column in enumerate(table.columns):  # the grid, which LibreOffice reads
        column.width = widths[i]
    for row in table.rows:  # and each cell, which Word reads
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
            if i == 2:
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = Pt(8)
    buf = io.BytesIO()
    document.save(buf)
    write_atomically(path, buf.getvalue())
    return len(rows)
