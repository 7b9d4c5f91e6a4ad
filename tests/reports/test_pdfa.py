"""--pdfa: PDF/A-2b copies for the archives (XMP metadata, sRGB output intent, embedded fonts, no
transparency), the same bytes for the same data."""

from __future__ import annotations

import io

import pikepdf

from app.cli import main
from app.reports.document import Furniture, for_archive, para, render
from app.reports.pdfa import check, to_pdfa
from app.reports.styles import styles
from tests.reports.pdftools import assert_all_fonts_embedded, needs_poppler


def _transparent(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for n, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources", {})
        for name, gs in dict(resources.get("/ExtGState", {})).items():
            for key in ("/ca", "/CA"):
                if key in gs and float(gs[key]) < 1:
                    found.append(f"page {n} {name} {key}={gs[key]}")
            if "/SMask" in gs and gs["/SMask"] != pikepdf.Name("/None"):
                found.append(f"page {n} {name} soft mask")
        if "/Group" in page.obj:
            found.append(f"page {n} transparency group")
    return found


def _assert_pdfa(data: bytes, tmp_path) -> None:
    assert check(data) == []
    pdf = pikepdf.open(io.BytesIO(data))
    meta = pdf.open_metadata()
    assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
    assert meta["xmp:MetadataDate"] == meta["xmp:CreateDate"]  # from the document, not the clock
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
    assert b"sRGB" in intents[0].DestOutputProfile.read_bytes()[:200] or "sRGB" in str(
        intents[0].get("/OutputConditionIdentifier", "")
    )
    assert not _transparent(pdf)
    assert_all_fonts_embedded(data, tmp_path)


@needs_poppler
def test_a_draft_for_the_archive_has_no_transparency_and_conforms(tmp_path):
    st = styles("ru")

    def story():  # flowables are used up by a rendering
        return [para("Протокол первого заседания Комиссии, проект.", st.body)]

    furniture = Furniture(lang="ru", watermark="ПРОЕКТ")
    ordinary = render(story(), furniture)
    assert _transparent(pikepdf.open(io.BytesIO(ordinary)))  # the usual watermark is see-through
    with for_archive():
        data = to_pdfa(render(story(), furniture))
    _assert_pdfa(data, tmp_path)
    with for_archive():
        assert to_pdfa(render(story(), furniture)) == data


@needs_poppler
def test_every_document_command_writes_pdfa_with_the_same_bytes_each_time(demo_db_path, tmp_path):
    commands = {
        "statement": ["pdf", "statement", "--session", "1", "--lang", "zh"],
        "memorandum": ["pdf", "memorandum", "--session", "2", "--lang", "ru"],
        "experts": ["pdf", "experts", "--from", "2026-01-01", "--to", "2026-03-31", "--lang", "ru"],
        "minutes": ["pdf", "minutes", "--session", "1", "--original", "reading"],
    }
    for name, args in commands.items():
        a, b = tmp_path / f"{name}-a.pdf", tmp_path / f"{name}-b.pdf"
        assert main([*args, "--db", str(demo_db_path), "--pdfa", "-o", str(a)]) == 0
        assert main([*args, "--db", str(demo_db_path), "--pdfa", "-o", str(b)]) == 0
        assert a.read_bytes() == b.read_bytes(), name
        _assert_pdfa(a.read_bytes(), tmp_path)
