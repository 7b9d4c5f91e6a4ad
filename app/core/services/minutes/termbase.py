"""The glossary in and out of files: TBX (TBX-Basic, for the translation tools) and CSV or XLSX.

TBX is written and read with translate-toolkit's ``translate.storage.tbx``: one termEntry per pair
(its id the term's uuid), a langSet zh-CN and a langSet ru-RU, each with its term and the
administrative status termNote of TBX-Basic (preferredTerm-admn-sts, admittedTerm-admn-sts,
deprecatedTerm-admn-sts; supersededTerm-admn-sts comes in as deprecated); the pair's note as the
entry's note.

CSV/XLSX: the columns zh, ru and optionally note and status (preferred, admitted, deprecated, or
the TBX names). Importing adds the pairs not yet in the glossary; those already there stay as they
are. A bad entry or row refuses the file whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import TermStatus
from app.core.errors import ImportRefused, RowError, ValidationError
from app.core.models import GlossaryTerm
from app.core.services import tables
from app.core.services.minutes.glossary import TermData, list_terms, validate
from app.core.services.minutes.xliff import write_atomically
from app.i18n import N_

TBX_STATUS = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
}
#: What a status read from a file means (lower case; TermStatus values and labels are tried too).
STATUS_IN = {
    **{v.lower(): k for k, v in TBX_STATUS.items()},
    "supersededterm-admn-sts": TermStatus.DEPRECATED,
    "superseded": TermStatus.DEPRECATED,
    "preferredterm": TermStatus.PREFERRED,
    "admittedterm": TermStatus.ADMITTED,
    "deprecatedterm": TermStatus.DEPRECATED,
}
PREFERRED = TBX_STATUS[TermStatus.PREFERRED]
LANGS = {"zh": "zh-CN", "ru": "ru-RU"}
SUFFIXES = (".tbx", ".csv", ".xlsx")
MAX_FILE = 50 * 1024 * 1024


@dataclass(frozen=True)
class GlossaryImport:
    added: int
    unchanged: int


def _tbx_classes():
    from translate.storage import tbx

    class BasicTbx(tbx.tbxfile):
        XMLskeleton = """<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic">
<martifHeader>
<fileDesc>
<sourceDesc><p>Commission Desk</p></sourceDesc>
</fileDesc>
<encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
</martifHeader>
<text><body></body></text>
</martif>"""

    return BasicTbx


def build_tbx(session: Session) -> tuple[bytes, int]:
    basic = _tbx_classes()
    store = basic(sourcelanguage=LANGS["zh"], targetlanguage=LANGS["ru"])
    terms = list_terms(session)
    for t in terms:
        unit = store.addsourceunit(t.zh)
        unit.settarget(t.ru, lang=LANGS["ru"])
        unit.setid(t.uuid)
        for tig in unit.xmlelement.iter("tig"):
            note = etree.SubElement(tig, "termNote", type="administrativeStatus")
            note.text = TBX_STATUS[t.status]
        if t.note:
            unit.addnote(t.note)
    return bytes(store), len(terms)


def export_glossary(session: Session, path: Path) -> int:
    """Write the glossary to TBX, CSV or XLSX (by the suffix); the number of term pairs."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        data, n = build_tbx(session)
        write_atomically(path, data)
        return n
    if suffix not in tables.CSV_XLSX:
        raise ValidationError(N_("Export the glossary to a .tbx, .csv or .xlsx file."), field="path")
    rows = [(t.zh, t.ru, t.note, t.status.value) for t in list_terms(session)]
    return tables.write_table(path, ("zh", "ru", "note", "status"), rows, "glossary", widths=(30, 40, 50, 24))


def _read_tbx(path: Path) -> list[tuple[int, str, str, str, str]]:
    """(entry number, zh, ru, note, status) for every term entry of a TBX file."""
    from translate.storage import tbx

    if path.stat().st_size > MAX_FILE:
        raise ImportRefused(N_("“{name}” is too large to import."), name=path.name)
    data = path.read_bytes()
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise ImportRefused(
            N_("“{name}” is not well-formed XML ({reason}); nothing was imported."),
            name=path.name,
            reason=str(exc),
        ) from None
    if etree.QName(root).localname not in ("martif", "tbx"):
        raise ImportRefused(N_("“{name}” is not a TBX file."), name=path.name)
    try:
        store = tbx.tbxfile.parsestring(data)
    except (ValueError, AssertionError, etree.XMLSyntaxError) as exc:
        raise ImportRefused(
            N_("“{name}” is not a TBX file that can be read ({reason})."), name=path.name, reason=str(exc)
        ) from None
    out = []
    for n, unit in enumerate(store.units, start=1):
        by_lang: dict[str, list] = {}
        for lang_node in unit.getlanguageNodes():
            code = (lang_node.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
            key = "zh" if code.startswith("zh") else "ru" if code.startswith("ru") else None
            if key:
                by_lang.setdefault(key, []).extend(unit._get_terms(lang_node))
        zh_terms, ru_terms = by_lang.get("zh", []), by_lang.get("ru", [])
        statuses = [(t.administrative_status or "").strip() for t in zh_terms + ru_terms]
        status = next((s for s in statuses if _status(s) is TermStatus.DEPRECATED), "") or next(
            (s for s in statuses if s), ""
        )
        note = unit.getnotes() or ""
        out.append(
            (n, zh_terms[0].text if zh_terms else "", ru_terms[0].text if ru_terms else "", note, status)
        )
    return out


def _read_table(path: Path) -> list[tuple[int, str, str, str, str]]:
    table = tables.read_table(path, tables.TEXT_TABLES, text=True, max_rows=tables.MAX_ROWS)
    cols = tables.column_index(table, ("zh", "ru"), ("note", "status"))
    out = []
    for number, cells in table.rows:
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells=cells) -> str:
            i = cols.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        out.append((number, cell("zh"), cell("ru"), cell("note"), cell("status").strip()))
    return out


def _status(value: str) -> TermStatus | None:
    """The status a file's word means (empty: preferred); None if it means nothing."""
    v = (value or "").strip()
    if not v:
        return TermStatus.PREFERRED
    if v.lower() in STATUS_IN:
        return STATUS_IN[v.lower()]
    try:
        return TermStatus.parse(v)
    except ValueError:
        return None


@changes(Change.GLOSSARY)
def import_glossary(session: Session, path: Path) -> GlossaryImport:
    """Add the term pairs of a TBX, CSV or XLSX file, with their notes and statuses; pairs already
    there are left as they are. A bad entry refuses the file whole."""
    path = Path(path)
    rows = _read_tbx(path) if path.suffix.lower() == ".tbx" else _read_table(path)
    errors: list[RowError] = []
    terms: list[TermData] = []
    seen: set[tuple[str, str]] = set()
    for number, zh, ru, note, word in rows:
        status = _status(word)
        if status is None:
            errors.append(
                RowError(
                    number, "status",
                    N_("“{value}” is not a status of a term: use preferred, admitted or deprecated."),
                    value=word,
                )
            )  # fmt: skip
            continue
        try:
            term = validate(TermData(zh=zh, ru=ru, note=note, status=status))
        except ValidationError as exc:
            errors.append(RowError(number, exc.field or "", exc.msgid, **exc.params))
            continue
        if (term.zh, term.ru) not in seen:
            seen.add((term.zh, term.ru))
            terms.append(term)
    if errors:
        raise ImportRefused(N_("The file was not imported: the rows listed below have errors."), rows=errors)
    if not terms:
        raise ImportRefused(N_("The file has no term pairs to import."))
    existing = {(r.zh, r.ru) for r in session.execute(select(GlossaryTerm)).scalars()}
    added = 0
    for t in terms:
        if (t.zh, t.ru) in existing:
            continue
        session.add(GlossaryTerm(zh=t.zh, ru=t.ru, note=t.note, status=t.status.value))
        added += 1
    session.flush()
    return GlossaryImport(added=added, unchanged=len(terms) - added)
