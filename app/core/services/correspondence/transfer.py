"""The liaison log to an XLSX or CSV file, with headers in the interface language (the fields of
:data:`~app.core.services.correspondence.fields.LETTER` marked as exported)."""

from __future__ import annotations

import datetime as dt
import os

from sqlalchemy.orm import Session

from app.core.services import commission, tables
from app.core.services.correspondence.fields import LETTER
from app.core.services.correspondence.records import LetterData, LetterFilter, list_letters
from app.i18n import _, current_language


def direction(letter: LetterData, sides: dict[int, str]) -> str:
    """ "PRC → USSR": the writing side's short name, then the addressee's."""
    return f"{sides.get(letter.from_side, '?')} → {sides.get(letter.to_side, '?')}"


def export_rows(
    session: Session, flt: LetterFilter | None = None, today: dt.date | None = None
) -> list[list]:
    lang = current_language()
    today = today or dt.date.today()
    sides = {s.position: s.short_name(lang) for s in commission.get_sides(session)}
    rows = []
    for r in reversed(list_letters(session, flt)):  # oldest first, as a log reads
        values = {
            "letter_date": r.letter_date,
            "from_agency_id": r.sender(lang),
            "to_agency_id": r.addressee(lang),
            "direction": direction(r, sides),
            "status": r.status.label,
            "waiting_days": r.waiting_days(today) if r.waiting else None,
            "concerns": ", ".join(_("Decision {label}").format(label=x) for x in r.decision_labels),
        }
        rows.append([values[f.name] if f.name in values else getattr(r, f.name) for f in LETTER.exported()])
    return rows


def export_file(session: Session, path: str | os.PathLike[str], flt: LetterFilter | None = None,
                today: dt.date | None = None) -> int:  # fmt: skip
    """Write the letters to ``path`` (.xlsx or .csv); returns how many."""
    columns = LETTER.exported()
    return tables.write_table(
        path,
        [f.header for f in columns],
        export_rows(session, flt, today),
        sheet_title=_("Liaison log"),
        widths=[f.width for f in columns],
    )
