"""The glossary: agreed term pairs, Chinese ↔ Russian, that the minutes editor checks against.

Each pair has a status (TBX-Basic's administrative status): preferred, admitted, or deprecated.
A deprecated pair is kept for the record and for the translation tools, but it is neither
highlighted nor checked in the minutes.

Finding a term: Chinese by its characters; Russian in any case form (министерство finds
министерства, Второго министерства машиностроения), ignoring capitals and ё/е.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import TermStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import GlossaryTerm
from app.core.models.base import like_pattern
from app.core.services.text import clean, clean_text
from app.i18n import N_


@dataclass(frozen=True)
class TermData:
    zh: str = ""
    ru: str = ""
    note: str = ""
    id: int | None = None
    uuid: str = ""
    status: TermStatus = TermStatus.PREFERRED
    #: the version the term was read at (a save of an older copy is a conflict; None: no check)
    version: int | None = None

    @property
    def usable(self) -> bool:
        """Whether the minutes should use it (checks and highlighting): not deprecated."""
        return self.status is not TermStatus.DEPRECATED


def _data(row: GlossaryTerm) -> TermData:
    try:
        status = TermStatus(row.status)
    except ValueError:
        status = TermStatus.PREFERRED
    return TermData(zh=row.zh, ru=row.ru, note=row.note, id=row.id, uuid=row.uuid, status=status,
                    version=row.version)  # fmt: skip


def list_terms(session: Session, text: str = "") -> list[TermData]:
    stmt = select(GlossaryTerm)
    if text.strip():
        stmt = stmt.where(GlossaryTerm.search_text.like(like_pattern(text), escape="\\"))
    rows = session.execute(stmt.order_by(GlossaryTerm.ru, GlossaryTerm.zh)).scalars()
    return [_data(r) for r in rows]


def validate(data: TermData) -> TermData:
    zh, ru, note = clean(data.zh), clean(data.ru), clean_text(data.note)
    if not zh:
        raise ValidationError(N_("Give the term in Chinese."), field="zh")
    if not ru:
        raise ValidationError(N_("Give the term in Russian."), field="ru")
    for name, value in (("zh", zh), ("ru", ru)):
        if len(value) > 300:
            raise ValidationError(N_("This field cannot be longer than 300 characters."), field=name)
    if len(note) > 2000:
        raise ValidationError(N_("The note cannot be longer than 2000 characters."), field="note")
    try:
        status = TermStatus.parse(data.status) if isinstance(data.status, str) else TermStatus(data.status)
    except ValueError:
        raise ValidationError(
            N_("“{value}” is not a status of a term: use preferred, admitted or deprecated."),
            field="status",
            value=str(data.status),
        ) from None
    return replace(data, zh=zh, ru=ru, note=note, status=status)


@changes(Change.GLOSSARY)
def save_term(session: Session, data: TermData) -> TermData:
    """Add a term (no id) or change one."""
    data = validate(data)
    clash = session.execute(
        select(GlossaryTerm).where(GlossaryTerm.zh == data.zh, GlossaryTerm.ru == data.ru)
    ).scalar_one_or_none()
    if clash is not None and clash.id != data.id:
        raise ValidationError(N_("The glossary already has this pair of terms."), field="zh")
    if data.id is None:
        row = GlossaryTerm(zh=data.zh, ru=data.ru, note=data.note, status=data.status.value)
        session.add(row)
    else:
        row = session.get(GlossaryTerm, data.id)
        if row is None:
            raise NotFoundError(N_("This term is no longer in the glossary."))
        versions.check(session, row, data.version, versions.values(data, ("zh", "ru", "note")))
        row.zh, row.ru, row.note, row.status = data.zh, data.ru, data.note, data.status.value
    versions.flush(session)
    return _data(row)


@changes(Change.GLOSSARY)
def delete_term(session: Session, term_id: int) -> None:
    row = session.get(GlossaryTerm, term_id)
    if row is None:
        raise NotFoundError(N_("This term is no longer in the glossary."))
    session.delete(row)
    session.flush()


# --- finding terms in text -------------------------------------------------------------------

_CYRILLIC_WORD = re.compile(r"[а-яё]", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Case-folded with ё as е, keeping every character's position."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer (İ): one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("ё", "е")


_ENDINGS = re.compile(r"(?:[аеёиоуыэюяйь]{1,2})$")


@lru_cache(maxsize=4096)
def ru_pattern(term: str) -> re.Pattern | None:
    """A pattern that finds a Russian term in any case form: each word of four letters or more by
    its stem (the word without its vowel ending), followed by up to five letters of ending."""
    words = re.findall(r"[\w]+", _fold(term))
    if not words:
        return None
    parts = []
    for w in words:
        if len(w) >= 4 and _CYRILLIC_WORD.search(w):
            stem = _ENDINGS.sub("", w)
            parts.append(re.escape(stem if len(stem) >= 3 else w) + r"[а-я]{0,5}")
        else:
            parts.append(re.escape(w))
    return re.compile(r"(?<![\w])" + r"[\s\u00a0\-–—]+".join(parts) + r"(?![\w])")


@lru_cache(maxsize=4096)
def _ru_literal(term: str) -> str:
    """A piece of text every match of :func:`ru_pattern` contains as written: the first word as
    that pattern looks for it (its stem, for a word it inflects)."""
    words = re.findall(r"[\w]+", _fold(term))
    if not words:
        return ""
    w = words[0]
    if len(w) >= 4 and _CYRILLIC_WORD.search(w):
        stem = _ENDINGS.sub("", w)
        return stem if len(stem) >= 3 else w
    return w


def find(text: str, term: str, lang: str) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text``: (start, end) pairs."""
    if not term or not text:
        return []
    if lang.startswith("zh"):
        out, i = [], text.find(term)
        while i >= 0:
            out.append((i, i + len(term)))
            i = text.find(term, i + len(term))
        return out
    folded = _fold(text)
    if _ru_literal(term) not in folded:  # the pattern cannot match: no regular expression run
        return []
    pattern = ru_pattern(term)
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


@lru_cache(maxsize=16)
def _longest_first(terms: tuple[TermData, ...], zh: bool) -> tuple[tuple[TermData, str], ...]:
    """The usable terms with their text in the language, longer first (asked for every block of
    every cell highlighted, with the same glossary)."""
    pairs = [(t, t.zh if zh else t.ru) for t in terms if t.usable]
    return tuple(sorted(pairs, key=lambda p: -len(p[1])))


def occurrences(text: str, lang: str, terms: list[TermData]) -> list[tuple[int, int, TermData]]:
    """Non-overlapping occurrences of glossary terms in ``text`` (longer terms win); deprecated
    terms are not looked for."""
    found: list[tuple[int, int, TermData]] = []
    taken: list[tuple[int, int]] = []
    for t, term in _longest_first(tuple(terms), lang.startswith("zh")):
        for start, end in find(text, term, lang):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, t))
    return sorted(found, key=lambda x: x[0])
