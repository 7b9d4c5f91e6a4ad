"""Minutes as plain data, without the database: the record (:class:`MinutesData`, read by
:mod:`~app.core.services.minutes.records`) and what a print is made from (:class:`PrintSource`,
read by :mod:`~app.core.services.minutes.signing`, or for the command line's print of unsigned
minutes by :mod:`~app.core.services.minutes.quick_source`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.enums import MinutesStatus
from app.core.services.minutes.content import MinutesContent
from app.core.services.text import pick

__all__ = ["MinutesData", "PrintSource"]


@dataclass(frozen=True)
class MinutesData:
    id: int
    uuid: str
    meeting_id: int
    status: MinutesStatus
    signed_on: dt.date | None = None
    place_zh: str = ""
    place_ru: str = ""
    signatory1_id: int | None = None
    signatory2_id: int | None = None
    signed_at: dt.datetime | None = None
    signed_by: str = ""
    fingerprint: str = ""
    locked: bool = False
    marking_zh: str = ""
    marking_ru: str = ""
    #: the place of signing in English: the session's city's English name, when signed there (the
    #: minutes themselves are Chinese and Russian only)
    place_en: str = ""

    @property
    def signed(self) -> bool:
        return self.status is MinutesStatus.SIGNED

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru, self.place_en)

    def marking(self, lang: str) -> str:
        return self.marking_zh if lang.startswith("zh") else self.marking_ru


@dataclass(frozen=True)
class PrintSource:
    minutes: MinutesData
    content: MinutesContent
    #: signed: the stored fingerprint; otherwise that of the current content (for proofs)
    fingerprint: str
    #: signed minutes whose record no longer holds: why (translated), else ""
    problem: str = ""

    @property
    def signed(self) -> bool:
        return self.minutes.locked
