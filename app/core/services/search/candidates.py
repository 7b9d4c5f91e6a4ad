"""A register's text filter through the full-text index of "search everything" (issue 18).

A register's text filter is ``search_text LIKE '%needle%'`` (case-folded, ё as е: see
:func:`app.core.models.base.search_key`), which reads every row the other filters leave: 85 ms on
100,000 exchanges. On SQLite the FTS5 index (:mod:`app.migrations.search_index`, trigrams) finds
the records that contain the needle's longer pieces in a few milliseconds; the LIKE then runs only
on those, so the results are exactly the LIKE's:

- the index folds case as ``casefold()`` does only for some characters, and never ё to е, so only
  runs of characters whose folding both agree on (Chinese, Cyrillic but е, digits, most Latin
  letters) are looked up, each of three characters or more (a trigram's length);
- every record that contains the needle contains each of those runs in the index's text, so the
  index's answer holds every record the LIKE finds (and the LIKE drops the others).

A needle without such a run (a two-character Chinese word, "е"), another database engine, or a
database without the index: ``None``, and the caller keeps its plain LIKE.
"""

from __future__ import annotations

import re
import weakref

from sqlalchemy import bindparam, literal_column, select, table, text
from sqlalchemy.orm import Session

from app.core.models.base import search_key
from app.migrations.search_index import SOURCES, TABLE

#: Characters the trigram index folds as ``str.casefold()`` does (and search keys keep as they
#: are): Chinese, Cyrillic without е (ё), digits, Latin letters but i, k and s (İ, K, ſ fold to them).
_SAFE_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9a-hjlmnopqrtuvwxyzа-дж-я]{3,}")

_CODES = {s.kind: s.code for s in SOURCES}
_KNOWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # the engines whose database has the index


def fts_query(needle: str) -> str | None:
    """The FTS5 query (phrases, all of which must occur) for a needle, or None if it has no run
    the index can look up."""
    runs = _SAFE_RUN.findall(search_key(needle.strip()))
    if not runs:
        return None
    return " ".join('"' + r + '"' for r in dict.fromkeys(runs))


def _has_index(session: Session) -> bool:
    bind = session.get_bind()
    key = getattr(bind, "engine", bind)
    if key not in _KNOWN:  # (only a found index is remembered: a migration may add it later)
        if session.execute(text("SELECT 1 FROM sqlite_master WHERE name = :t"), {"t": TABLE}).first() is None:
            return False
        _KNOWN[key] = True
    return True


def candidate_ids(session: Session, kind: str, needle: str):
    """A subquery of the ids of the records of ``kind`` ("exchange", "expense", …) that may contain
    ``needle``, for ``Model.id.in_(...)`` beside the LIKE; None where the index cannot help."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    query = fts_query(needle)
    if query is None or not _has_index(session):
        return None
    code = _CODES[kind]
    return (
        select(literal_column("rowid / 16"))
        .select_from(table(TABLE))
        .where(literal_column(TABLE).op("MATCH")(bindparam(None, query)), literal_column("rowid % 16") == code)
    )
