"""The expense statement of a session (documents.md, "Expense statement").

Per session: a table per side with what that side bears, organisation costs (the host) and its own
delegation's costs, subtotals per category, totals per currency; a summary; converted totals only
where the users entered a dated rate, printed with the rate and its date. Amounts and dates are
worded by :mod:`app.i18n.wording` for the document's language (``1 234,50 ₽``, ``¥1,234.50``; the
short date in the table, the long one in the text).

The statement carries a fingerprint of what it states (the same in both languages), so that the
accountants of the two sides can check that their copies agree to the last kopeck and fen.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from sqlalchemy.orm import Session

from app.core.models import ExpenseKind
from app.core.services.expenses import summary as expense_summary
from app.core.services.expenses.records import ExpenseData
from app.core.services.expenses.summary import Converted, SideStatement, StatementData
from app.i18n import doc_gettext
from app.i18n.wording import (
    currency_name,
    date_range,
    format_money,
    format_rate,
    long_date,
    session_title,
    short_date,
    side_name,
)
from app.reports import fonts
from app.reports.document import KEEP_ROWS, TEXT_WIDTH, Furniture, HeadedTable, Meta, para, render, table
from app.reports.styles import Styles, styles

_ZH_SECTION = "一二三四五六七八九十"
#: A category with at most this many lines is kept on one page.
KEEP_LINES = 12


def money_lines(totals: dict[str, Decimal], lang: str) -> str:
    """One amount per currency, one per line: currencies are never added together."""
    return "\n".join(format_money(v, c, lang) for c, v in totals.items())


def rate_text(rate: expense_summary.RateData, lang: str) -> str:
    value = format_rate(rate.rate, lang)
    _d = doc_gettext(lang)
    return _d("1 {source} = {rate} {target} (rate of {date})").format(
        source=rate.from_currency,
        rate=value,
        target=rate.to_currency,
        date=long_date(rate.rate_date, lang),
    )


class _Builder:
    """Builds the story of one statement in one language."""

    def __init__(self, data: StatementData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.st: Styles = styles(lang)
        self._d = doc_gettext(lang)
        # headings are kept with what follows by a conditional page break, not keepWithNext: a
        # side's table is often longer than a page, and keepWithNext would push it whole.
        self.heading = ParagraphStyle(f"{lang}-statement-heading", parent=self.st.heading, keepWithNext=0)

    # --- pieces -------------------------------------------------------------------------------

    def side_name(self, side) -> str:
        return side_name(side, self.lang)

    def heading_number(self, i: int) -> str:
        return f"{_ZH_SECTION[i]}、" if self.lang == "zh" and i < len(_ZH_SECTION) else f"{i + 1}. "

    def header(self) -> list:
        d, st, m = self.data, self.st, self.data.meeting
        _d = self._d
        place = _d("({place}, {dates})").format(
            place=m.city(self.lang), dates=date_range(m.start_date, m.end_date, self.lang)
        )
        sep = "" if self.lang == "zh" else " "
        return [
            para(d.commission.name(self.lang), st.subtitle),
            para(_d("Statement of expenses"), st.title),
            para(f"{session_title(m.ordinal, self.lang)}{sep}{place}", st.subtitle),
            para(
                _d(
                    "As the sides agreed, the costs of organising a session are borne by the side that hosts "
                    "it, and each side bears the costs of its own delegation. Amounts are given separately "
                    "for each currency; amounts in different currencies are never added together."
                ),
                st.body_indent,
            ),
        ]

    def line_cells(self, n: int, e: ExpenseData) -> list:
        st, _d = self.st, self._d
        text = e.description(self.lang)
        if e.is_correction:
            original = self.data.expenses.get(e.correction_of_id)
            note = _d("Correction of the expense of {date}; reason: {reason}").format(
                date=short_date(original.spent_on, self.lang) if original else "—", reason=e.correction_reason
            )
            text = f"{text}\n{note}" if text else note
        return [
            para(str(n), st.cell_center),
            para(short_date(e.spent_on, self.lang), st.cell),
            para(text, st.cell),
            para(str(e.receipts) if e.receipts else "—", st.cell_center),
            para(format_money(e.amount, e.currency, self.lang), st.cell_right),
        ]

    def side_table(self, s: SideStatement) -> list:
        st, _d = self.st, self._d
        zh = self.lang == "zh"
        widths = [
            (11 if zh else 9) * mm,
            (31 if zh else 21) * mm,
            None,
            (14 if zh else 24) * mm,
            (35 if zh else 33) * mm,
        ]
        widths[2] = TEXT_WIDTH - sum(w for w in widths if w)
        rows: list[list] = [
            [_d("No."), _d("Date"), _d("Item of expenditure"), _d("Receipts"), _d("Amount")],
        ]
        style: list[tuple] = []

        def span_row(text, cell_style, background=None):
            rows.append([para(text, cell_style), "", "", "", ""])
            r = len(rows) - 1
            style.append(("SPAN", (0, r), (-1, r)))
            if background:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor(background)))

        def total_row(label, totals, bold=True, background=None):
            cell_style = self.st.cell_bold if bold else self.st.cell
            amounts = money_lines(totals, self.lang) if totals else "—"
            rows.append([para(label, cell_style), "", "", "", para(amounts, _right(cell_style, st))])
            r = len(rows) - 1
            style.append(("SPAN", (0, r), (3, r)))
            if background:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor(background)))

        n = 0
        last_group = 1
        parts = (
            (ExpenseKind.ORGANISATION, s.organisation, s.burden.organisation.totals),
            (ExpenseKind.DELEGATION, s.delegation, s.burden.delegation.totals),
        )
        for kind, groups, totals in parts:
            if kind is ExpenseKind.ORGANISATION:
                title = (
                    _d("Organisation of the session (as host)")
                    if s.burden.is_host
                    else _d("Organisation of the session (not the host: none)")
                )
            else:
                title = _d("Own delegation")
            span_row(title, st.cell_bold, "#dcdcdc")
            part_start = len(rows) - 1
            if kind is ExpenseKind.ORGANISATION and not s.burden.is_host and not groups:
                continue
            if not groups:
                span_row(_d("No expenses."), st.cell)
            for gi, g in enumerate(groups):
                span_row(self._d(g.category.msgid), _italic(st))
                group_start = part_start if gi == 0 else len(rows) - 1
                # a category row (and the part's row above the first) keeps two lines with it
                style.append(
                    ("NOSPLIT", (0, group_start), (-1, len(rows) - 1 + min(len(g.lines), KEEP_ROWS)))
                )
                for e in g.lines:
                    n += 1
                    rows.append(self.line_cells(n, e))
                total_row(
                    _d("Subtotal: {category}").format(category=self._d(g.category.msgid)), g.subtotal, False
                )
                if len(g.lines) <= KEEP_LINES:  # a short category is never split over two pages
                    style.append(("NOSPLIT", (0, group_start), (-1, len(rows) - 1)))
                last_group = group_start if len(g.lines) <= KEEP_LINES else len(rows) - 1
            if groups:
                label = (
                    _d("Total organisation costs")
                    if kind is ExpenseKind.ORGANISATION
                    else _d("Total delegation costs")
                )
                total_row(label, totals, True, "#efefef")
        total_row(
            _d("Total borne by {side}").format(side=self.side_name(s.side)), s.burden.totals, True, "#dcdcdc"
        )
        # the totals never stand alone at the top of a page: the last category moves with them
        style.append(("NOSPLIT", (0, last_group), (-1, len(rows) - 1)))
        return [table(rows, widths, st, header_rows=1, extra_style=style)]

    def side_section(self, i: int, s: SideStatement) -> list:
        _d = self._d
        title = self.heading_number(i) + _d("Expenses borne by {side}").format(side=self.side_name(s.side))
        # the heading goes with the table's header and first rows, never alone at a page's foot
        out = [HeadedTable(para(title, self.heading), self.side_table(s)[0])]
        converted = [c for c in s.converted if c.rates or c.amount is None]
        if converted:
            out.append(Spacer(1, 2 * mm))
            for c in converted:
                out.append(para(self.converted_text(c), self.st.small))
        return out

    def converted_text(self, c: Converted) -> str:
        _d = self._d
        label = currency_name(c.currency, self.lang) if self.lang == "zh" else c.currency
        if c.amount is None:
            return _d("No converted total in {currency}: there is no rate for {missing}.").format(
                currency=label, missing=", ".join(c.missing)
            )
        rates = "; ".join(rate_text(r, self.lang) for r in c.rates)
        if not rates:
            return _d("Total in {currency}: {amount}.").format(
                currency=label, amount=format_money(c.amount, c.currency, self.lang)
            )
        return _d("Converted total in {currency}: {amount}, at the rate entered: {rates}.").format(
            currency=label, amount=format_money(c.amount, c.currency, self.lang), rates=rates
        )

    def summary(self, i: int) -> list:
        st, _d, d = self.st, self._d, self.data
        currencies = list(d.totals)
        title = self.heading_number(i) + _d("Summary by side and currency")
        out: list = [CondPageBreak(50 * mm), para(title, self.heading)]
        if not currencies:
            out.append(para(_d("No expenses have been entered for this session."), st.body))
            return out
        label_w = 62 * mm
        cur_w = (TEXT_WIDTH - label_w) / len(currencies)
        header = [_d("Borne by")] + [
            f"{currency_name(c, self.lang)} ({c})" if len(currencies) <= 3 else c for c in currencies
        ]
        rows: list[list] = [header]
        style: list[tuple] = []

        def amounts(totals, cell_style):
            return [para(format_money(totals[c], c, self.lang) if c in totals else "—", cell_style)
                    for c in currencies]  # fmt: skip

        bold_right = _right(st.cell_bold, st)
        for s in d.ordered_sides(self.lang):
            name = self.side_name(s.side)
            b = s.burden
            rows.append([para(_d("{side}: organisation").format(side=name), st.cell)]
                        + amounts(b.organisation.totals, st.cell_right))  # fmt: skip
            rows.append([para(_d("{side}: own delegation").format(side=name), st.cell)]
                        + amounts(b.delegation.totals, st.cell_right))  # fmt: skip
            rows.append(
                [para(_d("{side}: total").format(side=name), st.cell_bold)] + amounts(b.totals, bold_right)
            )
            style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#efefef")))
        rows.append([para(_d("All costs of the session"), st.cell_bold)] + amounts(d.totals, bold_right))
        style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#dcdcdc")))
        out.append(table(rows, [label_w] + [cur_w] * len(currencies), st, header_rows=1, extra_style=style))
        if d.converted:
            out.append(Spacer(1, 2 * mm))
            for c in d.converted:
                out.append(para(self.converted_text(c), st.small))
        else:
            out.append(Spacer(1, 1.5 * mm))
            out.append(para(_d("No exchange rate was entered: the totals are not converted."), st.small))
        return out

    def closing(self) -> list:
        st, _d = self.st, self._d
        out = [
            Spacer(1, 5 * mm),
            para(
                _d(
                    "Fingerprint of this statement: {fingerprint}. Statements printed in either language from "
                    "the same records bear the same fingerprint; equal fingerprints mean equal amounts."
                ).format(fingerprint=self.data.fingerprint),
                st.small,
            ),
            Spacer(1, 8 * mm),
        ]
        cells = []
        for s in self.data.ordered_sides(self.lang):
            cells.append(
                [
                    para(_d("For {side}:").format(side=self.side_name(s.side)), st.signature),
                    Spacer(1, 9 * mm),
                    para("_" * 24, st.signature),
                    para(_d("(accountant of the delegation)"), st.small),
                ]
            )
        from reportlab.platypus import Table, TableStyle

        sig = Table([cells], colWidths=[TEXT_WIDTH / 2] * 2)
        font = fonts.MING if self.lang == "zh" else fonts.SERIF
        fonts.ensure(font)
        sig.setStyle(
            TableStyle(
                [("FONT", (0, 0), (-1, -1), font, 10), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]
            )
        )  # fmt: skip
        out.append(sig)
        return out

    def story(self) -> list:
        story = self.header()
        sides = self.data.ordered_sides(self.lang)
        for i, s in enumerate(sides):
            story += self.side_section(i, s)
        # the summary, the fingerprint and the signatures stay together (the last page never holds
        # the signatures alone)
        story.append(KeepTogether(self.summary(len(sides)) + self.closing()))
        return story


def _right(style, st: Styles):
    """The right-aligned twin of a cell style (bold stays bold)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    if style is st.cell:
        return st.cell_right
    return ParagraphStyle(style.name + "-right", parent=style, alignment=TA_RIGHT)


def _italic(st: Styles):
    """Category rows: the bold cell style (our fonts have no italic for Chinese)."""
    return st.cell_bold


def texts_of(data: StatementData) -> list[str]:
    """Every text from the records that the statement prints (to report unprintable characters)."""
    out = [data.commission.name_zh, data.commission.name_ru, data.meeting.city_zh, data.meeting.city_ru]
    for e in data.expenses.values():
        out += [e.description_zh, e.description_ru, e.correction_reason]
    for s in data.sides:
        out += [s.side.name_short_zh, s.side.name_short_ru]
    return out


def build_statement(data: StatementData, lang: str) -> bytes:
    """The statement as PDF bytes: the same data gives the same bytes."""
    _d = doc_gettext(lang)
    sides = data.ordered_sides(lang)
    furniture = Furniture(
        lang=lang,
        fingerprint=data.fingerprint,
        initials=tuple(s.side.short_name(lang) for s in sides[:2]) if len(sides) >= 2 else None,
        running_head=f"{data.commission.name(lang)} · {session_title(data.meeting.ordinal, lang)}",
    )
    title = _d("Statement of expenses") + " · " + session_title(data.meeting.ordinal, lang)
    meta = Meta(title=title, subject=data.commission.name(lang), keywords=data.fingerprint)
    return render(_Builder(data, lang).story(), furniture, meta)


def statement_pdf(session: Session, meeting_id: int, lang: str) -> bytes:
    """The statement of a session in ``lang`` ("zh" or "ru")."""
    return build_statement(expense_summary.statement(session, meeting_id), lang)
