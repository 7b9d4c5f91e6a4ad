"""Search everything: any text across decisions and their notes, letters, the minutes, agenda
items, exchanges, people and expenses, in Chinese or Russian.

On SQLite through the FTS5 index of :mod:`app.migrations.search_index` (trigram: a query of three
characters or more is matched by the index; shorter ones, such as a two-character Chinese word, by
LIKE over the index's text). Elsewhere (PostgreSQL) by LIKE over the tables themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.core.services.text import clean
from app.migrations.search_index import KINDS, SOURCES, TABLE

LIMIT = 100


@dataclass(frozen=True)
class Hit:
    #: the kind of record: decision, note, letter, segment, agenda_item, exchange, person, expense
    kind: str
    record_id: int
    zh: str
    ru: str

    def text(self, lang: str) -> str:
        first, second = (self.zh, self.ru) if lang.startswith("zh") else (self.ru, self.zh)
        return first.strip() or second.strip()

    def excerpt(self, query: str, lang: str, width: int = 80) -> str:
        """The text around the first match (in the language that has it, else the preferred one)."""
        for t in (self.zh, self.ru) if lang.startswith("zh") else (self.ru, self.zh):
            i = t.casefold().find(query.casefold())
            if i >= 0:
                start = max(0, i - width // 3)
                cut = t[start : start + width].strip()
                return ("…" if start else "") + cut + ("…" if start + width < len(t) else "")
        return self.text(lang)[:width]


def _escape_like(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: Of a query of three characters or more, the newest matching records ranked (bm25): ranking every
#: match of a common word among the large database's 100,000 exchanges would take most of a second
CANDIDATES = 500
#: The kinds with many records (exchanges, expenses): a shorter query scans them through the index
#: newest first, in slices, until the results are full or the time is up
BULK = ("exchange", "expense")
SLICE = 32_768
BUDGET = 0.06  # seconds


def search(session: Session, query: str, limit: int = LIMIT) -> list[Hit]:
    """The records whose texts contain ``query`` (case-insensitive), best first.

    On SQLite a query of three characters or more goes through the FTS5 index (trigrams). A shorter
    one (a two-character Chinese word) cannot: it is looked for with LIKE in every record of the
    smaller registers, then in the exchanges and expenses newest first for as long as
    :data:`BUDGET` allows on a large database."""
    q = clean(query)
    if not q:
        return []
    if session.get_bind().dialect.name == "sqlite" and _has_index(session):
        if len(q) >= 3:
            rows = session.execute(
                text(
                    f"SELECT rowid, zh, ru FROM (SELECT rowid, zh, ru, rank AS r FROM {TABLE} "
                    f"WHERE {TABLE} MATCH :q ORDER BY rowid DESC LIMIT :c) ORDER BY r LIMIT :n"
                ),
                {"q": '"' + q.replace('"', '""') + '"', "c": max(CANDIDATES, limit), "n": limit},
            )
            hits = [_hit(rowid, zh, ru) for rowid, zh, ru in rows]
        else:
            hits = _like_everywhere(session, q, limit, [s for s in SOURCES if s.kind not in BULK])
            hits += _short_in_bulk(session, q, limit - len(hits))
        return _notes_open_their_decision(session, hits)
    return _notes_open_their_decision(session, _like_everywhere(session, q, limit))


def _short_in_bulk(session: Session, q: str, limit: int) -> list[Hit]:
    """A short query in the exchanges and expenses, through the index's text, newest first."""
    if limit <= 0:
        return []
    import time

    codes = ", ".join(str(s.code) for s in SOURCES if s.kind in BULK)
    like = f"%{_escape_like(q)}%"
    hi = session.execute(text(f"SELECT max(rowid) FROM {TABLE}")).scalar() or 0
    stop = time.perf_counter() + BUDGET
    out: list[Hit] = []
    while hi > 0 and len(out) < limit and time.perf_counter() < stop:
        rows = session.execute(
            text(
                f"SELECT rowid, zh, ru FROM {TABLE} WHERE rowid > :lo AND rowid <= :hi AND rowid % 16 IN ({codes}) "
                f"AND (zh LIKE :q ESCAPE '\\' OR ru LIKE :q ESCAPE '\\') ORDER BY rowid DESC LIMIT :n"
            ),  # fmt: skip
            {"lo": hi - SLICE, "hi": hi, "q": like, "n": limit - len(out)},
        )
        out += [_hit(rowid, zh, ru) for rowid, zh, ru in rows]
        hi -= SLICE
    return out


def _notes_open_their_decision(session: Session, hits: list[Hit]) -> list[Hit]:
    """A follow-up note is found as its decision (``record_id`` is the decision's)."""
    notes = [h.record_id for h in hits if h.kind == "note"]
    if not notes:
        return hits
    from sqlalchemy import select

    from app.core.models import DecisionNote

    owner = dict(
        session.execute(
            select(DecisionNote.id, DecisionNote.decision_id).where(DecisionNote.id.in_(notes))
        ).all()
    )
    return [Hit(h.kind, owner.get(h.record_id, 0), h.zh, h.ru) if h.kind == "note" else h for h in hits]


def _hit(rowid: int, zh: str, ru: str) -> Hit:
    source = KINDS[rowid % 16]
    return Hit(source.kind, rowid // 16, zh, ru)


def _has_index(session: Session) -> bool:
    return bool(session.execute(text("SELECT 1 FROM sqlite_master WHERE name = :t"), {"t": TABLE}).first())


def _like_everywhere(session: Session, q: str, limit: int, sources=SOURCES) -> list[Hit]:
    """The dialect-neutral fallback: LIKE over each indexed table."""
    like = f"%{_escape_like(q).lower()}%"
    out: list[Hit] = []
    for s in sources:
        zh, ru = s.zh.format(r="r"), s.ru.format(r="r")
        rows = session.execute(
            text(
                f"SELECT r.id, {zh}, {ru} FROM {s.table} AS r "
                f"WHERE lower({zh}) LIKE :q ESCAPE '\\' OR lower({ru}) LIKE :q ESCAPE '\\' LIMIT :n"
            ),  # fmt: skip
            {"q": like, "n": limit - len(out)},
        )
        out += [Hit(s.kind, i, a or "", b or "") for i, a, b in rows]
        if len(out) >= limit:
            break
    return out


@dataclass(frozen=True)
class Place:
    """Where a hit's record is shown: its session and, for a segment of the minutes, its uuid."""

    meeting_id: int | None
    uuid: str | None = None


def locate(session: Session, kind: str, record_id: int) -> Place | None:
    """The session (and segment) a hit of the minutes, the agenda or the expenses belongs to."""
    from sqlalchemy import select

    from app.core.models import AgendaItem, Expense, Minutes, Segment

    if kind == "segment":
        row = session.execute(
            select(Minutes.meeting_id, Segment.uuid)
            .join(Minutes, Minutes.id == Segment.minutes_id)
            .where(Segment.id == record_id)
        ).first()
        return Place(row[0], row[1]) if row else None
    model = {"agenda_item": AgendaItem, "expense": Expense}.get(kind)
    if model is None:
        return None
    meeting_id = session.execute(select(model.meeting_id).where(model.id == record_id)).scalar()
    return Place(meeting_id) if meeting_id is not None else None
