"""Which characters a font file has (the code points of its cmap), read once per file and kept in
the user's cache folder, so that choosing a font for each character does not parse the font.

ReportLab reads a whole TrueType font when it is registered: AR PL UMing (21 MB) takes 0.13 s,
WenQuanYi Micro Hei 0.18 s, at every run of a command. A document registers a font only when it
draws with it (:func:`app.reports.fonts.ensure`); which font has a character, and whether any has
it (the check of characters no font can print), is read from here. A file's entry is keyed by its
real path, subfont, size and modification time: a font replaced or changed is read again.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from functools import lru_cache
from itertools import chain

from app import paths

#: Changes when what is stored changes (entries of another format are read again from the font).
_MAGIC = b"CD-coverage-1\n"


@lru_cache(maxsize=32)
def coverage(path: str, subfont: int = 0) -> frozenset[int]:
    """The code points the font file ``path`` (its subfont ``subfont`` in a collection) has glyphs
    for. Raises OSError or ReportLab's TTFError for a file that is not a usable TrueType font."""
    real = os.path.realpath(path)
    st = os.stat(real)
    key = f"{real}\0{subfont}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogatepass")
    cached = paths.user_cache_dir() / "fonts" / f"{hashlib.sha1(key).hexdigest()[:24]}.cov"
    try:
        return decode(cached.read_bytes())
    except (OSError, ValueError):
        pass
    points = _read(real, subfont)
    paths.write_cache(cached, encode(points))  # (if it cannot, the font is read again next time)
    return points


def _read(path: str, subfont: int) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(path, subfontIndex=subfont).charToGlyph)


def encode(points: frozenset[int]) -> bytes:
    """The code points as runs (first, last), 4 bytes each: some thousands of runs for a CJK font."""
    runs = array("I")
    for cp in sorted(points):
        if runs and cp == runs[-1] + 1:
            runs[-1] = cp
        else:
            runs.extend((cp, cp))
    return _MAGIC + runs.tobytes()


def decode(data: bytes) -> frozenset[int]:
    """What :func:`encode` wrote; ValueError if it is not that."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a coverage file")
    runs = array("I")
    runs.frombytes(data[len(_MAGIC) :])  # ValueError if cut short
    if len(runs) % 2:
        raise ValueError("a run cut short")
    return frozenset(chain.from_iterable(range(a, b + 1) for a, b in zip(runs[::2], runs[1::2], strict=True)))
