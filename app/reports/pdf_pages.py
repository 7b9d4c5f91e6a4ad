"""What a PDF's pages draw: their text and a digest of each page's drawn content.

The digest of a page is the SHA-256 of its decompressed content streams (every operator that draws
on the page, with the glyphs it shows) followed by the names of its font resources and the fonts
they stand for. It does not depend on how the file is compressed or ordered, so a copy re-saved by
another tool keeps its digests, while any change of a character, a space, a hyphen, a mark or a
position on the page changes them.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass


class Unreadable(Exception):
    """The file is not a PDF that can be read."""


@dataclass(frozen=True)
class PdfPages:
    keywords: str
    texts: tuple[str, ...]
    digests: tuple[str, ...]


def _fonts(page) -> bytes:
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    fonts = resources.get("/Font") if resources else None
    if fonts is None:
        return b""
    fonts = fonts.get_object()
    parts = []
    for name in sorted(fonts):
        font = fonts[name].get_object()
        parts.append(f"{name}={font.get('/BaseFont', '')}")
    return "\n".join(parts).encode("utf-8")


def page_digest(page) -> str:
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    h = hashlib.sha256()
    h.update(data)
    h.update(b"\x00fonts\x00")
    h.update(_fonts(page))
    return h.hexdigest()


def read(data: bytes) -> PdfPages:
    """The keywords, the text and the digest of every page (Unreadable if it is not a PDF)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # its warnings about a damaged file: our message says it
    try:
        reader = PdfReader(io.BytesIO(data))
        meta = reader.metadata
        keywords = str(meta.get("/Keywords", "")) if meta else ""
        texts = tuple(page.extract_text() or "" for page in reader.pages)
        digests = tuple(page_digest(page) for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Unreadable(str(exc)) from exc
    return PdfPages(keywords, texts, digests)


def digests(data: bytes) -> list[str]:
    return list(read(data).digests)
