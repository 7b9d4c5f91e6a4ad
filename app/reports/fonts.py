"""Fonts for PDFs: the TrueType files shipped in resources/fonts, with per-character fallback.

ReportLab embeds (subsets of) TrueType fonts only, and silently drops a character the current font
lacks. So every piece of text goes through :func:`markup` (for paragraphs) or :func:`draw` (for
page furniture drawn on the canvas), which split it into runs, each in a font that has its glyphs:

- Chinese characters and CJK punctuation in the CJK face of the role (AR PL UMing, a Ming/Song
  serif, for body text; WenQuanYi Micro Hei, a Hei face, for headings, as GB/T 9704 sets them);
- Latin and Cyrillic in PT Serif / PT Sans (which also have ₽ and №);
- anything else in whichever shipped font has it.

A character no shipped font has (some CJK Extension B ideographs) is looked for in the font files
the user added (setting ``fonts.extra``, :func:`use_extra_fonts`); if none has it either, it cannot
be printed: documents report it before printing with :func:`missing_glyphs`, the minutes checks
report it as a finding that blocks signing (this module installs :func:`printable` as the core's
source, :mod:`app.core.services.glyphs`), and it is printed as a visible □ rather than dropped
without a trace.

A font is registered with ReportLab (which reads the whole file: 0.13 s for AR PL UMing, 0.18 s
for WenQuanYi Micro Hei) only when something is drawn with it (:func:`ensure`): the Latin and
Cyrillic faces, small, at once; a Chinese face or a font the user added when a style or a character
of the document needs it. Which characters a font has is read from its coverage, kept in the
user's cache folder (:mod:`app.reports.font_coverage`), not from the parsed font.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app import paths
from app.core.services import glyphs
from app.reports import font_coverage, font_faces

SERIF = "CD-Serif"
SERIF_BOLD = "CD-Serif-Bold"
SANS = "CD-Sans"
SANS_BOLD = "CD-Sans-Bold"
MING = "CD-Ming"  # AR PL UMing CN: Chinese body text
HEI = "CD-Hei"  # WenQuanYi Micro Hei: Chinese headings, sans

FILES = {
    SERIF: ("PTSerif-Regular.ttf", None),
    SERIF_BOLD: ("PTSerif-Bold.ttf", None),
    SANS: ("PTSans-Regular.ttf", None),
    SANS_BOLD: ("PTSans-Bold.ttf", None),
    MING: ("uming.ttc", 0),
    HEI: ("wqy-microhei.ttc", 0),
}

#: What a missing character is printed as (after being reported).
PLACEHOLDER = "\u25a1"


@dataclass(frozen=True)
class Role:
    """A typographic role: its Latin/Cyrillic face and its CJK face."""

    latin: str
    cjk: str


ROLES = {
    "serif": Role(SERIF, MING),
    "serif_bold": Role(SERIF_BOLD, HEI),
    "sans": Role(SANS, HEI),
    "sans_bold": Role(SANS_BOLD, HEI),
}

#: Registered at once (small files, a few milliseconds); the others when first drawn with.
EAGER = (SERIF, SERIF_BOLD, SANS, SANS_BOLD)

_registered = False
#: the fonts registered with ReportLab so far
_ready: set[str] = set()


def register() -> None:
    """Get ReportLab ready for our fonts (once): the Latin and Cyrillic faces are registered, the
    Chinese ones when first needed (:func:`ensure`)."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping

    _fix_to_unicode()
    # <b> inside a paragraph maps to our bold faces, never to Helvetica-Bold.
    for regular, bold in ((SERIF, SERIF_BOLD), (SANS, SANS_BOLD), (MING, HEI), (HEI, HEI)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
    _registered = True
    ensure(*EAGER)


def ensure(*names: str) -> None:
    """Register these fonts (shipped or added) with ReportLab, each once: before a style, a table
    or a canvas names one."""
    register()
    for name in names:
        if name in _ready:
            continue
        from reportlab.pdfbase import pdfmetrics

        path, index = _file_of(name)
        pdfmetrics.registerFont(font_faces.load_font(name, path, index))
        _ready.add(name)


def _file_of(name: str) -> tuple[str, int]:
    """The file and subfont of a font name (shipped, or added by the user)."""
    if name in FILES:
        filename, index = FILES[name]
        return str(paths.fonts_dir() / filename), index or 0
    return _extra_files[name], 0


def _fix_to_unicode() -> None:
    """ReportLab writes a character beyond the Basic Multilingual Plane (CJK Extension B: 𡈼) into
    the font's ToUnicode map as ``<2123C>``, which no reader understands, so that copying or
    extracting the text gives a wrong character. Write it as UTF-16 (``<D844DE3C>``), as the PDF
    reference asks."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "utf16", False):
        return

    def utf16(v: int) -> str:
        if v <= 0xFFFF:
            return f"{v:04X}"
        v -= 0x10000
        return f"{0xD800 + (v >> 10):04X}{0xDC00 + (v & 0x3FF):04X}"

    def make_to_unicode_cmap(fontname, subset):
        cmap = original(fontname, [0] * len(subset))
        lines = cmap.split("\n")
        start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar")) + 1
        lines[start : start + len(subset)] = [f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)]
        return "\n".join(lines)

    make_to_unicode_cmap.utf16 = True
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@lru_cache(maxsize=64)
def _coverage(font_name: str) -> frozenset[int]:
    return font_coverage.coverage(*_file_of(font_name))


def has_glyph(font_name: str, ch: str) -> bool:
    return ord(ch) in _coverage(font_name)


def _is_cjk(ch: str) -> bool:
    """Characters that belong to Chinese typesetting (ideographs, CJK and full-width punctuation)."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x2FDF  # radicals
        or 0x3000 <= o <= 0x303F  # CJK symbols and punctuation 、。〈〉《》「」
        or 0x3040 <= o <= 0x30FF  # kana
        or 0x3100 <= o <= 0x312F  # bopomofo
        or 0x3190 <= o <= 0x31FF
        or 0x3200 <= o <= 0x4DBF  # enclosed, compatibility, Extension A
        or 0x4E00 <= o <= 0x9FFF  # unified ideographs
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= o <= 0xFE4F  # vertical forms
        or 0xFF00 <= o <= 0xFFEF  # full-width forms ，：；（）
        or 0x20000 <= o <= 0x3FFFF  # Extensions B and later
        or ch in "·…"
    )


#: In Chinese text these are set in the Chinese face (full width); elsewhere in the Latin one.
_CJK_IN_CHINESE = set("“”‘’—…·")


@lru_cache(maxsize=65536)
def font_for(ch: str, role: str = "serif", lang: str = "ru") -> str | None:
    """The font that prints ``ch`` in ``role``, or None if no shipped font has it (asked once per
    distinct character, role and language: a document asks for every character it prints)."""
    r = ROLES[role]
    if _is_cjk(ch) or (lang == "zh" and ch in _CJK_IN_CHINESE):
        order = (r.cjk, r.latin)
    else:
        order = (r.latin, r.cjk)
    for name in (*order, MING, HEI, SERIF, SANS, *_extra):
        if has_glyph(name, ch):
            return name
    return None


_printable = glyphs.needs_glyph

# --- fonts the user added --------------------------------------------------------------------

#: path -> font name (None: the file could not be used)
_loaded: dict[str, str | None] = {}
#: font name -> path, of the files that can be used
_extra_files: dict[str, str] = {}
_extra: tuple[str, ...] = ()


def load_font(path: str) -> str | None:
    """Take a font file as a fallback font, once; its name, or None (with a warning on standard
    error) if it cannot be used (missing, not TrueType outlines…). It is registered with ReportLab
    when a character of a document needs it (:func:`ensure`)."""
    if path in _loaded:
        name = _loaded[path]
        if name is None or name in _ready or os.path.isfile(path):
            return name  # (a registered font is in memory: its file may go)
        del _loaded[path], _extra_files[name]  # gone before a document needed it: say so below
    name = "CD-Extra-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]
    try:
        os.stat(path)  # (the coverage may be remembered from before the file went)
    except OSError as exc:  # not there (yet, or any more): asked again next time
        print(f"commission-desk: {path}: {exc.strerror}", file=sys.stderr)
        return None
    try:
        font_coverage.coverage(path, 0)  # reads the file the first time: is it a TrueType font?
    except Exception as exc:  # noqa: BLE001  (any unreadable file: say so, print without it)
        print(f"commission-desk: {path}: {exc}", file=sys.stderr)
        _loaded[path] = None
        return None
    _loaded[path] = name
    _extra_files[name] = path
    return name


def use_extra_fonts(font_paths: Sequence[str]) -> tuple[str, ...]:
    """Use these font files (the setting ``fonts.extra``) after the shipped fonts; the names of
    those that could be loaded."""
    global _extra
    names = tuple(n for n in (load_font(str(p)) for p in font_paths) if n)
    if names != _extra:
        _extra = names
        printable.cache_clear()
        font_for.cache_clear()
        glyphs.fonts_changed()
        _choices.clear()
    return names


@lru_cache(maxsize=65536)
def printable(ch: str) -> bool:
    """Whether a font (shipped or added) prints ``ch``; spaces and controls always "print"."""
    return not _printable(ch) or font_for(ch) is not None


def printable_with(font_paths: Sequence[str]) -> glyphs.Printable:
    """The core's source (:func:`app.core.services.glyphs.install`): :func:`printable`, with these
    font files added."""
    use_extra_fonts(font_paths)
    return printable


glyphs.install(printable_with)


def missing_glyphs(*texts: str) -> list[str]:
    """The characters of ``texts`` that no shipped font can print, each once, in order."""
    distinct = dict.fromkeys(ch for text in texts for ch in text or "")  # each character once, in order
    return [ch for ch in distinct if _printable(ch) and font_for(ch) is None]


#: (role, language) -> {character: its font; "" for a space or control, which goes with the run it
#: is in; None for a character no font has}: a document asks for every character it prints.
_choices: dict[tuple[str, str], dict[str, str | None]] = {}


def _choice(ch: str, role: str, lang: str) -> str | None:
    if ch.isspace() or not _printable(ch):
        return ""
    return font_for(ch, role, lang)


def runs(text: str, role: str = "serif", lang: str = "ru") -> list[tuple[str, str]]:
    """Split ``text`` into (font, run) pieces; unprintable characters become the placeholder."""
    out: list[tuple[str, str]] = []
    choices = _choices.setdefault((role, lang), {})
    font = ROLES[role].cjk if lang == "zh" else ROLES[role].latin  # of a leading space
    run: list[str] = []
    for ch in text:
        try:
            chosen = choices[ch]
        except KeyError:
            chosen = choices[ch] = _choice(ch, role, lang)
        if chosen is None:
            ch, chosen = PLACEHOLDER, font_for(PLACEHOLDER, role, lang) or MING
        if chosen and chosen != font:
            if run:
                out.append((font, "".join(run)))
                run = []
            font = chosen
        run.append(ch)
    if run:
        out.append((font, "".join(run)))
    ensure(*dict.fromkeys(font for font, _run in out))
    return out


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` does (importing it loads
    urllib.request, http.client, email and ssl: a tenth of the minutes command's imports)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def markup(text: str, role: str = "serif", lang: str = "ru") -> str:
    """Paragraph markup for ``text`` (escaped; newlines become <br/>), with a font per run."""
    register()
    parts = []
    for line_no, line in enumerate((text or "").split("\n")):
        if line_no:
            parts.append("<br/>")
        for font, run in runs(line, role, lang):
            parts.append(f'<font face="{font}">{escape(run)}</font>')
    return "".join(parts)


def width(text: str, size: float, role: str = "sans", lang: str = "ru") -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, font, size) for font, run in runs(text, role, lang))


def draw(
    canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    role: str = "sans",
    lang: str = "ru",
    align: str = "left",
    mode: int | None = None,
) -> float:
    """Draw one line on a canvas with per-character fallback; returns its width. ``mode`` is the
    PDF text rendering mode (1: outlined, for a watermark without transparency)."""  # fmt: skip
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register()
    pieces = runs(text, role, lang)
    total = sum(stringWidth(run, font, size) for font, run in pieces)
    if align == "center":
        x -= total / 2
    elif align == "right":
        x -= total
    for font, run in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run, mode=mode)
        x += stringWidth(run, font, size)
    return total
