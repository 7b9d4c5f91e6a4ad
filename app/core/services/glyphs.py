"""Which characters the documents can print: the checks report a character no font has (some CJK
Extension B ideographs of personal and place names, U+20000 …), since a signed original must never
show a substitute glyph.

The core does not know fonts (ReportLab lives in ``app/reports``): the reports install a *source*
with :func:`install` when they are imported (``app/reports/fonts.py``; the command line and the GUI
import it at start). A source takes the extra font files the user configured and returns a
``printable(ch) -> bool`` test, computing each font's coverage once. Without a source (a process
that never loaded the reports) the check of characters is skipped: it cannot be answered.

The user adds a font under the setting :data:`EXTRA_FONTS` (a path, kept in the database): it is a
further fallback after the shipped fonts, in the documents and on screen. Freely licensed fonts
that cover Extension B: HanaMinB (Hanazono fonts), Jigmo2, BabelStone Han.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.changes import Change, changes
from app.core.errors import ValidationError
from app.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Printable = Callable[[str], bool]
Source = Callable[[Sequence[str]], Printable]

EXTRA_FONTS = "fonts.extra"
#: The menu item (View menu) where a user adds a font: quoted by the messages that send users there.
FONTS_MENU = N_("&Fonts for rare characters…")
VIEW_MENU = N_("&View")

#: Font files ReportLab can embed (TrueType outlines).
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

_source: Source | None = None
_extra: tuple[str, ...] = ()


def install(source: Source | None) -> None:
    """Install (or with None, remove) the source that answers which characters print."""
    global _source
    _source = source


def _settings():
    """The settings service (imported when first used: documents check characters without the ORM)."""
    from app.core.services import settings

    settings.register(EXTRA_FONTS, "")
    return settings


def extra_fonts(session: Session) -> tuple[str, ...]:
    """The font files the user added, as stored (one path, or a list of paths)."""
    return fonts_in_setting(_settings().get(session, EXTRA_FONTS))


def fonts_in_setting(value) -> tuple[str, ...]:
    """The font files in the stored value of the setting (one path, or a list of paths)."""
    value = value or ""
    paths = [value] if isinstance(value, str) else list(value)
    return tuple(str(p) for p in paths if str(p).strip())


@changes(Change.SETTINGS, Change.MINUTES)
def set_extra_font(session: Session, path: str | None) -> None:
    """Add the font file ``path`` as a further fallback (None or "" removes it)."""
    if not path:
        _settings().put(session, EXTRA_FONTS, "")
        return
    p = Path(path).expanduser()
    if not p.is_file():
        raise ValidationError(N_("There is no font file “{path}”."), field="font", path=str(p))
    if p.suffix.lower() not in FONT_SUFFIXES:
        raise ValidationError(
            N_("“{path}” is not a TrueType font file (.ttf, .ttc)."), field="font", path=str(p)
        )
    _settings().put(session, EXTRA_FONTS, str(p.resolve()))


def needs_glyph(ch: str) -> bool:
    """Whether ``ch`` is drawn at all (spaces and control characters are not)."""
    return not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"))


def use_settings(session: Session) -> tuple[str, ...]:
    """Read the fonts configured in ``session``: what :func:`checker` uses without a session."""
    global _extra
    _extra = extra_fonts(session)
    return _extra


def checker(session: Session | None = None) -> Printable | None:
    """The test of printable characters with the fonts configured in ``session`` (without a
    session: with the fonts last read), or None when no source is installed."""
    if session is not None:
        use_settings(session)
    if _source is None:
        return None
    return _source(_extra)


def unprintable(text: str, printable: Printable) -> list[str]:
    """The characters of ``text`` that ``printable`` says no font has, each once, in order."""
    return list(_unprintable(text or "", printable))


def fonts_changed() -> None:
    """The fonts that print changed (a font file added or removed): ask the source again."""
    _unprintable.cache_clear()


@lru_cache(maxsize=8192)
def _unprintable(text: str, printable: Printable) -> tuple[str, ...]:
    # the checks ask again for every segment at every run (each open, each pause in typing)
    return tuple(ch for ch in dict.fromkeys(text) if needs_glyph(ch) and not printable(ch))


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"
