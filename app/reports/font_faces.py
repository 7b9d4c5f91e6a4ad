"""ReportLab's fonts, parsed once per font file and kept in the user's cache folder.

Registering a TrueType font with ReportLab (``TTFont``) reads the file and parses its tables in
Python: widths, character map, glyph positions; AR PL UMing takes 0.13 s, WenQuanYi Micro Hei
0.18 s, the six fonts of a Chinese and Russian document 0.3–0.4 s, at every run of a command.
What the parsing gives is plain data (numbers, strings, lists and dicts), so it is kept, with
``marshal`` (which loads only such data, never code or objects), beside the fonts' coverage
(:mod:`app.reports.font_coverage`), and given back to a new ``TTFont`` with the file's bytes, which
ReportLab reads again when it embeds a subset of the font.

This knows ReportLab's ``TTFont`` and ``TTFontFace`` from the inside (their attributes, and how
``extractInfo`` scales units): an entry is keyed by the ReportLab and Python versions besides the
font's name, the file's path, subfont, size and modification time, and a test checks that a font loaded from
the cache is the parsed one, attribute for attribute, and that the PDFs are the same bytes. A
version of ReportLab whose fonts hold something else than plain data is simply not cached.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys

from app import paths

#: Changes when what is stored changes.
_MAGIC = b"CD-face-1\n"
#: What is not kept: the file's bytes (read again), a function, and what every TTFont makes new.
_FACE_SKIP = ("_ttf_data", "_pdfScale")
_FONT_SKIP = ("face", "encoding", "state")


def load_font(name: str, path: str, subfont: int = 0):
    """A ReportLab ``TTFont`` named ``name`` for the font file ``path`` (its subfont ``subfont``),
    from the cache when it has the file, else parsed by ReportLab (and kept for next time)."""
    from reportlab import Version
    from reportlab.pdfbase.ttfonts import TTFont

    st = os.stat(os.path.realpath(path))
    key = f"{name}\0{path}\0{subfont}\0{st.st_size}\0{st.st_mtime_ns}\0{Version}\0{sys.version_info[:2]}"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    cached = paths.user_cache_dir() / "fonts" / f"{digest}.face"
    try:
        data = cached.read_bytes()
    except OSError:
        data = None
    if data is not None:
        try:
            return _font(data, path)
        except (ValueError, EOFError, TypeError, KeyError, OSError):
            pass  # a damaged or foreign entry: parse the font again
    font = TTFont(name, path, subfontIndex=subfont)
    try:
        state = _state(font)
    except ValueError:
        return font  # something else than plain data: not cached
    paths.write_cache(cached, state)  # (if it cannot, the font is parsed again next time)
    return font


def _state(font) -> bytes:
    """What :func:`_font` makes the font again from; ValueError if it is not plain data."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    face = vars(font.face)
    names = {k: v.ustr for k, v in face.items() if type(v) is TTFNameBytes}
    plain = {k: v for k, v in face.items() if k not in _FACE_SKIP and k not in names}
    own = {k: v for k, v in vars(font).items() if k not in _FONT_SKIP}
    _check_plain(plain)
    _check_plain(own)
    return _MAGIC + marshal.dumps((plain, names, own))


_PLAIN = (type(None), bool, int, float, str, bytes, list, tuple, dict)


def _check_plain(value) -> None:
    """ValueError unless ``value`` is made of plain data only (no subclass, no object)."""
    if type(value) not in _PLAIN:
        raise ValueError(f"not plain data: {type(value).__name__}")
    if isinstance(value, list | tuple):
        for v in value:
            _check_plain(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_plain(k)
            _check_plain(v)


def _font(data: bytes, path: str):
    """The ``TTFont`` stored in ``data``, with the bytes of the font file ``path``."""
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    if not data.startswith(_MAGIC):
        raise ValueError("not a font entry")
    plain, names, own = marshal.loads(data[len(_MAGIC) :])
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(plain)
    vars(face).update({k: TTFNameBytes(v.encode("utf-8")) for k, v in names.items()})
    face._pdfScale = _scale(face.unitsPerEm)
    with open(path, "rb") as fh:
        face._ttf_data = fh.read()
    font = TTFont.__new__(TTFont)
    vars(font).update(own)
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    return font


def _scale(units_per_em: int):
    """Font units to 1/1000 of the size, as ReportLab's ``extractInfo`` makes it."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult
