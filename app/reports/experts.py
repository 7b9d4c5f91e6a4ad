"""The list of experts on site in a period, for the host's security and hospitality services.

In Chinese or in Russian, whatever the interface language. One section per direction (the people
one side sends to the other), each a numbered table: the name in the document's language with
the other spellings beneath (as the passports have them), the person's own organisation and
position, purpose and speciality, the host organisation and place, the dates, and the status
(expected, on site, left). Everyone accepted, travelling, on site or back home whose stay shares a
day with the period is listed.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from app.core.models.experts import AssignmentStatus as S
from app.core.services.commission import get_commission
from app.core.services.experts.query import OnSiteEntry, on_site_list
from app.core.services.text import pick
from app.i18n import doc_gettext, doc_ngettext, format_date
from app.reports import fonts
from app.reports.document import (
    TEXT_WIDTH,
    Furniture,
    HeadedTable,
    Meta,
    WithTail,
    keep_group,
    para,
    render,
    rich,
    table,
)
from app.reports.linebreak import bind
from app.reports.styles import styles

#: Column widths as fractions of the text width, per language: Russian needs room for long
#: compound words ("оптико-механический"), Chinese for the two characters of "序号".
COLUMNS = {
    "zh": (0.065, 0.19, 0.21, 0.175, 0.21, 0.15),
    "ru": (0.055, 0.19, 0.22, 0.19, 0.195, 0.15),
}


def _status(entry: OnSiteEntry, _d) -> str:
    if entry.status in (S.ACCEPTED, S.TRAVEL_ARRANGED):
        return _d("Expected")
    if entry.status == S.COMPLETED:
        return _d("Departed")
    return _d(entry.status.msgid)


def _name_cell(entry: OnSiteEntry, lang: str, st):
    p = entry.person
    main = p.name_zh if lang == "zh" else p.name_ru
    others = [x for x in ((p.name_ru if lang == "zh" else p.name_zh), p.name_latin) if x and x != main]
    # a name is never hyphenated, and initials stay with the surname
    markup = fonts.markup(bind(main or p.name_latin), "serif_bold", lang)
    if others:
        small = "\n".join(bind(x) for x in others)
        markup += f'<br/><font size="{st.cell.fontSize - 1.5}">{fonts.markup(small, "serif", lang)}</font>'
    return rich(markup, st.cell)


def _with_speciality(purpose: str, speciality: str, lang: str) -> str:
    if not speciality:
        return purpose
    return f"{purpose}（{speciality}）" if lang == "zh" else f"{purpose}, {speciality}"


def _table(rows: list[OnSiteEntry], lang: str, st, _d):
    """The numbered table of one direction, with a row naming each place."""
    header = [_d("No."), _d("Name"), _d("Organisation and position"), _d("Purpose and speciality"),
              _d("Host organisation"), _d("Dates and status")]  # fmt: skip
    data = [header]
    extra = []
    places: dict[str, list[OnSiteEntry]] = {}
    for e in rows:
        places.setdefault(pick(lang, e.place_zh, e.place_ru), []).append(e)
    number = 0
    for place in sorted(places):
        extra += [("SPAN", (0, len(data)), (-1, len(data))),
                  ("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#dde6ee"))]  # fmt: skip
        # a place row never stands alone at the foot of a page: two of its rows go with it
        extra.append(keep_group(len(data), len(places[place])))
        data.append([para(place or "—", st.cell_bold), "", "", "", "", ""])
        for e in sorted(places[place], key=lambda e: (pick(lang, e.host_organisation_zh, e.host_organisation_ru),
                                                      e.person.name(lang))):  # fmt: skip
            number += 1
            own = pick(lang, e.person_organisation_zh, e.person_organisation_ru)
            position = pick(lang, e.person_position_zh, e.person_position_ru)
            purpose = _d(e.purpose.msgid)
            speciality = pick(lang, e.speciality_zh, e.speciality_ru)
            dates = f"{format_date(e.start, 'short', lang=lang)} –\n{format_date(e.end, 'short', lang=lang)}"
            data.append([
                str(number),
                lambda e=e: _name_cell(e, lang, st),  # made when the layout reaches the row
                (", " if lang == "ru" else "\n").join(x for x in (own, position) if x),
                _with_speciality(purpose, speciality, lang),
                pick(lang, e.host_organisation_zh, e.host_organisation_ru),
                f"{dates}\n{_status(e, _d)}",
            ])  # fmt: skip
    return table(data, [w * TEXT_WIDTH for w in COLUMNS[lang]], st, extra_style=extra)


def section_texts(entries: list[OnSiteEntry], lang: str) -> list[str]:
    """Every text the document prints from the data (to report characters no font has)."""
    out = []
    for e in entries:
        p = e.person
        out += [p.name_zh, p.name_ru, p.name_latin, e.host_organisation_zh, e.host_organisation_ru,
                e.place_zh, e.place_ru, e.speciality_zh, e.speciality_ru, e.person_organisation_zh,
                e.person_organisation_ru, e.person_position_zh, e.person_position_ru]  # fmt: skip
    return out


def experts_on_site(
    session: Session, date_from: dt.date, date_to: dt.date, lang: str, entries: list[OnSiteEntry] | None = None
) -> bytes:
    """The PDF (bytes) in ``lang`` ("zh" or "ru"); the same data gives the same bytes. ``entries``:
    the period's :func:`on_site_list`, when the caller has read it already."""
    _d = doc_gettext(lang)
    _dn = doc_ngettext(lang)
    st = styles(lang)
    commission = get_commission(session)
    sides = {s.id: s for s in commission.sides}
    if entries is None:
        entries = on_site_list(session, date_from, date_to)
    period = _d("from {from_} to {to}").format(
        from_=format_date(date_from, "long", lang=lang), to=format_date(date_to, "long", lang=lang)
    )
    title = _d("List of experts on site")
    story = [
        para(commission.name(lang), st.subtitle),
        para(title, st.title),
        para(period, st.subtitle),
        para(
            _d(
                "For the security and hospitality services of the host side. Listed are all who are "
                "expected, on site or have left in the period, by host side and place."
            ),
            st.small,
        ),  # fmt: skip
        Spacer(1, 4 * mm),
    ]
    if not entries:
        story.append(para(_d("No one is expected or on site in this period."), st.body))
    directions: dict[tuple[int, int], list[OnSiteEntry]] = {}
    for e in entries:
        directions.setdefault((e.sending_side_id, e.receiving_side_id), []).append(e)
    # the host whose language the document is in comes first
    order = sorted(directions, key=lambda k: (sides[k[1]].language != lang, sides[k[1]].position))
    heading = copy.copy(st.heading)
    heading.keepWithNext = 0  # a long table starts under its heading, not on the next page
    for key in order:
        rows = directions[key]
        sending, receiving = sides[key[0]], sides[key[1]]
        title = _d("Specialists from {sending} in {receiving}").format(
            sending=sending.short_name(lang), receiving=receiving.short_name(lang)
        )
        # the heading goes to the next page with the column header and the first rows under it
        n = len({e.person.id for e in rows})
        total = para(_dn("Total: {n} person.", "Total: {n} people.", n).format(n=n), st.right)
        # the total goes over the page with the table's last rows, never alone at the top
        body = WithTail(_table(rows, lang, st, _d), [Spacer(1, 2 * mm), total])
        story.append(HeadedTable(para(title, heading), body))
        counts = Counter(e.person.id for e in rows)
        twice = sorted({e.person.name(lang) for e in rows if counts[e.person.id] > 1})
        if twice:
            sep = "、" if lang == "zh" else ", "
            note = _dn(
                "Listed twice because the assignments overlap: {names}.",
                "Listed twice because their assignments overlap: {names}.",
                len(twice),
            ).format(names=sep.join(twice))
            story.append(para(note, st.small))
    return render(
        story,
        Furniture(lang=lang, running_head=f"{commission.name(lang)} — {title}"),
        Meta(title=f"{title}, {period}", subject=commission.name(lang), keywords="experts"),
    )
