"""The commission and its two sides as data (no database): what the services give and take, and
what a document prints from (:mod:`app.core.services.commission` reads and writes them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.services.text import pick

__all__ = ["SIDE_FIELDS", "AgencyData", "CommissionData", "SideData"]

#: the columns of a side that are plain values (its names in three languages, its working language)
SIDE_FIELDS = (
    "code", "language",
    "name_full_zh", "name_full_ru", "name_full_en", "name_short_zh", "name_short_ru", "name_short_en",
    "government_zh", "government_ru", "government_en",
    "delegation_title_zh", "delegation_title_ru", "delegation_title_en",
)  # fmt: skip


@dataclass(frozen=True)
class AgencyData:
    name_zh: str = ""
    name_ru: str = ""
    name_en: str = ""
    id: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_en)


@dataclass(frozen=True)
class SideData:
    position: int
    code: str = ""
    language: str = "zh"
    name_full_zh: str = ""
    name_full_ru: str = ""
    name_full_en: str = ""
    name_short_zh: str = ""
    name_short_ru: str = ""
    name_short_en: str = ""
    government_zh: str = ""
    government_ru: str = ""
    government_en: str = ""
    delegation_title_zh: str = ""
    delegation_title_ru: str = ""
    delegation_title_en: str = ""
    agencies: tuple[AgencyData, ...] = ()
    id: int | None = None

    def short_name(self, lang: str) -> str:
        return pick(lang, self.name_short_zh, self.name_short_ru, self.name_short_en) or self.code

    def full_name(self, lang: str) -> str:
        return pick(lang, self.name_full_zh, self.name_full_ru, self.name_full_en) or self.short_name(lang)

    def government(self, lang: str) -> str:
        return pick(lang, self.government_zh, self.government_ru, self.government_en) or self.full_name(lang)

    def delegation_title(self, lang: str) -> str:
        return pick(lang, self.delegation_title_zh, self.delegation_title_ru, self.delegation_title_en)


@dataclass(frozen=True)
class CommissionData:
    name_zh: str = ""
    name_ru: str = ""
    name_en: str = ""
    sides: tuple[SideData, ...] = field(default_factory=tuple)
    #: The version of the commission and its sides when they were read (every save raises it):
    #: a save against an older one is refused (ConflictError). None: no check.
    version: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_en)

    @property
    def is_set_up(self) -> bool:
        return len(self.sides) == 2

    def side(self, code_or_id: str | int) -> SideData:
        for s in self.sides:
            if s.code == code_or_id or s.id == code_or_id:
                return s
        raise KeyError(code_or_id)

    def other(self, side: SideData) -> SideData:
        return next(s for s in self.sides if s.position != side.position)
