"""Demo: a few hundred exchanges in both directions over the two sessions and between them.

Items the first session agreed on have mostly travelled the whole way; some promised ones were
never sent, and some sent ones were never acknowledged (overdue). The second session's memoranda
have just asked for new items. Older items, exchanged before the first session through the
liaison agencies, carry warranties that have run out or are running out.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from app.core.enums import ExchangeChannel, ExchangeKind
from app.core.models import ConfidentialityMarking
from app.core.models.exchanges import add_months
from app.core.services import attachments
from app.core.services.exchanges import records as service
from app.core.services.exchanges.records import ExchangeData

from .exchange_titles import BATCH, FROM_CN, FROM_SU, JOURNAL_SETS, MORE_COPIES, NOTES, WARRANTY_TERMS
from .sessions import session_dates

K = ExchangeKind
# The agenda item and decision of the first session each kind answers, and of the second session.
LINKS_1 = {
    K.STANDARD: ("weapon_standards", 3), K.HANDBOOK: ("literature", 2), K.BOOK: ("literature", 2),
    K.JOURNAL: ("literature", 2), K.DIRECTORY: ("literature", 2), K.TEXTBOOK: ("training", None),
    K.REPORT: ("research", 8), K.SAMPLE: ("standard_products", 4), K.APPARATUS: ("standard_products", 4),
    K.MATERIEL: ("warranties", 7),
}  # fmt: skip
LINKS_2 = {
    K.STANDARD: "unification", K.TEXTBOOK: "textbooks", K.APPARATUS: "claims", K.MATERIEL: "claims",
    K.REPORT: "lessons", K.BOOK: "secrecy", K.HANDBOOK: "secrecy", K.JOURNAL: "secrecy", K.DIRECTORY: "secrecy",
    K.SAMPLE: "conference",
}  # fmt: skip
#: How far along items get: weights of the last stage reached (declined apart).
STAGES = ("requested_on", "promised_on", "sent_on", "received_on", "acknowledged_on")


def _catalogue(rng) -> list[tuple[str, K, str, str, str, tuple[int, int]]]:
    """(from side, kind, title zh, title ru, reference, quantity range) for every demo item."""
    out = []
    for side, table in (("SU", FROM_SU), ("CN", FROM_CN)):
        for kind, entries in table.items():
            for zh, ru, ref, qty in entries:
                if kind is K.JOURNAL:
                    for set_zh, set_ru in JOURNAL_SETS:
                        out.append((side, kind, f"{zh}{set_zh}", f"«{ru}», {set_ru}", ref, qty))
                elif not kind.is_document:
                    for n in range(1, rng.randint(2, 3) + 1):
                        out.append(
                            (side, kind, zh + BATCH[0].format(n=n), ru + BATCH[1].format(n=n), ref, qty)
                        )
                else:
                    out.append((side, kind, zh, ru, ref, qty))
                    if rng.random() < 0.55:
                        out.append((side, kind, zh + MORE_COPIES[0], ru + MORE_COPIES[1], ref, qty))
    return out


class _Builder:
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.today = ctx.today
        self.dates = session_dates(ctx.today)
        self.markings = list(
            ctx.session.execute(
                select(ConfidentialityMarking.id).order_by(ConfidentialityMarking.position)
            ).scalars()
        )
        self.numbers = {"SU": 100, "CN": 100}

    def day(self, d: dt.date, lo: int, hi: int) -> dt.date:
        return d + dt.timedelta(days=self.rng.randint(lo, hi))

    def reference(self, side: str, ref: str) -> str:
        if ref:
            return ref
        self.numbers[side] += self.rng.randint(1, 4)
        n = self.numbers[side]
        return f"СК-{n:04d}" if side == "SU" else f"交{n:04d}号"

    def marking(self, kind: K) -> int | None:
        open_, internal, secret, top = (self.markings + [None] * 4)[:4]
        r = self.rng.random()
        if kind in (K.BOOK, K.JOURNAL, K.HANDBOOK, K.DIRECTORY):
            return open_ if r < 0.7 else internal
        if kind in (K.REPORT, K.MATERIEL):
            return secret if r < 0.6 else top
        if kind is K.STANDARD:
            return internal if r < 0.6 else secret
        return internal if r < 0.5 else None

    def chain(self, start: dt.date, reach: int, *, at_session: tuple[dt.date, dt.date] | None) -> dict:
        """Dates from the request on, up to stage ``reach``, stopping at today."""
        gaps = {
            "promised_on": (0, 20),
            "sent_on": (15, 80),
            "received_on": (7, 40),
            "acknowledged_on": (5, 30),
        }
        dates = {"requested_on": start}
        current = start
        for stage in STAGES[1 : reach + 1]:
            lo, hi = gaps[stage]
            if (
                stage == "received_on"
                and at_session
                and at_session[0] <= dates.get("sent_on", start) <= at_session[1]
            ):
                nxt = dates["sent_on"]  # handed over at the session
            else:
                nxt = self.day(current, lo, hi)
            if nxt > self.today:
                break
            dates[stage] = current = nxt
        return dates

    def channel(self, dates: dict, session: tuple[dt.date, dt.date] | None) -> str | None:
        sent = dates.get("sent_on")
        if sent is None:
            return None
        if session and session[0] <= sent <= session[1]:
            return ExchangeChannel.SESSION.value
        r = self.rng.random()
        if r < 0.5:
            return ExchangeChannel.DIPLOMATIC_MAIL.value
        if r < 0.93:
            return ExchangeChannel.LIAISON.value
        return ExchangeChannel.OTHER.value

    def warranty(self, side: str, kind: K, dates: dict, months_choices) -> dict:
        """Apparatus and materiel carry a warranty from their acceptance; the demo makes sure that
        some have run out and some run out within the next three months."""
        if not kind.has_warranty:
            return {}
        start = dates.get("received_on") or dates.get("acknowledged_on")
        months = self.rng.choice(months_choices)
        if start is not None:
            wanted = self.rng.choices(("expired", "expiring", "any"), weights=(45, 30, 25))[0]
            horizon = self.today + dt.timedelta(days=85)
            fits = {
                "expired": [m for m in (6, 9, 12) if add_months(start, m) < self.today],
                "expiring": [m for m in (6, 9, 12, 18) if self.today <= add_months(start, m) <= horizon],
            }.get(wanted)
            if fits:
                months = fits[-1]
        zh, ru = WARRANTY_TERMS[side]
        values = dict(warranty_months=months, warranty_terms_zh=zh.format(months=months),
                      warranty_terms_ru=ru.format(months=months))  # fmt: skip
        if start is not None:
            values["warranty_start"] = start
        return values

    def item(self, side: str, kind: K, zh: str, ru: str, ref: str, qty: tuple[int, int]) -> ExchangeData:
        ctx, rng = self.ctx, self.rng
        other = "CN" if side == "SU" else "SU"
        s1, s2 = self.dates[1], self.dates[2]
        r = rng.random()
        if not kind.is_document and r >= 0.55:  # things travel more often between sessions
            r = 0.78 + (r - 0.55) * (0.22 / 0.45) if rng.random() < 0.6 else r
        meeting = agenda = decision = None
        session_span = None
        if r < 0.55:  # agreed at the first session
            ordinal, session_span = 1, s1
            start = self.day(s1[0], -25, 4)
            reach = rng.choices(range(5), weights=(3, 6, 6, 7, 78))[0]
            key, number = LINKS_1[kind]
            agenda = ctx.agenda.get((1, key))
            decision = ctx.decisions.get((1, number)) if number and rng.random() < 0.8 else None
            meeting = ctx.meetings[1]
            months = (6, 6, 12, 12, 18)
        elif r < 0.78:  # asked for in the memoranda before the second session
            ordinal, session_span = 2, s2
            start = self.day(self.today, -30, 0)
            reach = rng.choices(range(3), weights=(55, 40, 5))[0]
            agenda = ctx.agenda.get((2, LINKS_2[kind])) if rng.random() < 0.7 else None
            meeting = ctx.meetings[2]
            months = (12, 24)
        else:  # between sessions, through the liaison agencies
            ordinal = None
            start = self.day(self.today, -420, -20)
            reach = rng.choices(range(5), weights=(3, 5, 5, 6, 81))[0]
            months = (6, 6, 12, 12)
        dates = self.chain(start, reach, at_session=session_span)
        if ordinal == 1 and reach == 1 and rng.random() < 0.3:
            dates = {"requested_on": start}
        if "sent_on" not in dates and rng.random() < 0.12:
            dates["declined_on"] = min(self.today, self.day(max(dates.values()), 5, 40))
        values = dict(
            kind=kind.value, from_side_id=ctx.sides[side], to_side_id=ctx.sides[other], title_zh=zh, title_ru=ru,
            title_original=ru if side == "SU" else zh, reference=self.reference(side, ref),
            quantity=rng.randint(*qty), published=kind not in (K.REPORT,) and not ref.startswith(("ТУ", "ЧМТУ")),
            marking_id=self.marking(kind), channel=self.channel(dates, session_span), meeting_id=meeting,
            agenda_item_id=agenda, decision_id=decision,
            notes=rng.choice(NOTES) if rng.random() < 0.12 else "",
        )  # fmt: skip
        values.update(dates)
        values.update(self.warranty(side, kind, dates, months))
        return ExchangeData(**values, uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)))


def build(ctx) -> None:
    b = _Builder(ctx)
    s = ctx.session
    catalogue = _catalogue(ctx.rng)
    ids = []
    for side, kind, zh, ru, ref, qty in catalogue:
        data = service.validate(s, b.item(side, kind, zh, ru, ref, qty), ctx.today)
        ids.append((service.store_validated(s, data), side, kind))
    # The older apparatus came with their inventories and acceptance certificates.
    for exchange_id, side, kind in ids:
        if kind in (K.APPARATUS, K.MATERIEL) and ctx.rng.random() < 0.3:
            name, text = (
                (
                    "опись.txt",
                    "Опись комплекта поставки\n1. Изделие — 1 шт.\n2. Паспорт — 1 экз.\n3. ЗИП — 1 компл.\n",
                )
                if side == "SU"
                else ("清单.txt", "供货清单\n一、设备一台\n二、说明书一份\n三、备件一套\n")
            )
            attachments.add_bytes(
                s, service.OWNER_KIND, exchange_id, name, text.encode("utf-8"), "text/plain",
                title_zh="供货清单", title_ru="Опись комплекта поставки",
            )  # fmt: skip
