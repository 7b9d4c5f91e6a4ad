"""Reading PDFs back as a person's tools would: pdffonts, pdftotext (poppler-utils), pypdf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")


def _tmp(data: bytes, tmp_path: Path, name: str = "doc.pdf") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def fonts_of(pdf: bytes | Path, tmp_path: Path | None = None) -> list[dict]:
    """One dict per font row of ``pdffonts``: name, type, emb, sub, uni."""
    path = pdf if isinstance(pdf, Path) else _tmp(pdf, tmp_path)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        # name type [subtype words] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def assert_all_fonts_embedded(pdf: bytes | Path, tmp_path: Path | None = None) -> None:
    rows = fonts_of(pdf, tmp_path)
    assert rows, "the PDF has no fonts"
    bad = [r["name"] for r in rows if r["emb"] != "yes"]
    assert not bad, f"fonts not embedded: {bad}"
    assert not any("Helvetica" in r["name"] or "Times" in r["name"] for r in rows), rows


def text_of(pdf: bytes | Path, tmp_path: Path | None = None, layout: bool = False) -> str:
    path = pdf if isinstance(pdf, Path) else _tmp(pdf, tmp_path)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def missing_chars(expected: str, pdf_text: str) -> set[str]:
    """The non-space characters of ``expected`` that the PDF's text lacks."""
    return {c for c in expected if not c.isspace()} - set(pdf_text)


def page_count(pdf: bytes | Path) -> int:
    import io

    from pypdf import PdfReader

    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return len(PdfReader(io.BytesIO(data)).pages)


def page_texts(pdf: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]
