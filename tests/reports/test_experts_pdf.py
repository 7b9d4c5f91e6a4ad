"""The list of experts on site: every font embedded, every name in the text, both languages, the
same bytes for the same data, and the command line's contract."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.cli import main
from app.core.services.experts.query import on_site_list
from app.reports.experts import experts_on_site
from tests.conftest import DEMO_TODAY
from tests.reports.pdftools import (
    assert_all_fonts_embedded,
    missing_chars,
    needs_poppler,
    page_texts,
    text_of,
)

FROM, TO = DEMO_TODAY - dt.timedelta(days=30), DEMO_TODAY + dt.timedelta(days=30)


def _flat(text: str) -> str:
    """Extracted text without line breaks, soft hyphens at line ends, or non-breaking spaces."""
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    text = re.sub(r"-\n(?=[а-яё])", "", text)
    return re.sub(r"\s+", "", text)


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_every_font_is_embedded_and_every_name_is_in_the_text(demo_db, tmp_path, lang):
    with demo_db.unit() as s:
        data = experts_on_site(s, FROM, TO, lang)
        entries = on_site_list(s, FROM, TO)
    assert len(entries) > 30
    assert_all_fonts_embedded(data, tmp_path)
    text = text_of(data, tmp_path)
    flat = _flat(text)
    for e in entries:
        p = e.person
        for name in (p.name_zh, p.name_ru, p.name_latin):
            assert _flat(name) in flat, name
        host = e.host_organisation_zh if lang == "zh" else e.host_organisation_ru
        assert missing_chars(host, text) == set(), host
    title = "在岗专家名单" if lang == "zh" else "Список специалистов, находящихся на месте"
    assert _flat(title) in flat
    assert ("第 1 页" if lang == "zh" else "Страница 1 из") in text


def test_the_same_data_gives_the_same_bytes(demo_db):
    with demo_db.unit() as s:
        a = experts_on_site(s, FROM, TO, "ru")
        b = experts_on_site(s, FROM, TO, "ru")
    assert a == b


@needs_poppler
def test_only_people_there_in_the_period_are_listed(demo_db, tmp_path):
    with demo_db.unit() as s:
        far = experts_on_site(
            s, DEMO_TODAY + dt.timedelta(days=3000), DEMO_TODAY + dt.timedelta(days=3001), "ru"
        )
        entries = on_site_list(s, FROM, TO)
    assert "никто не ожидается" in " ".join(page_texts(far)).replace("\n", " ")
    statuses = {e.status.value for e in entries}
    assert "proposed" not in statuses and "invited" not in statuses and "cancelled" not in statuses


def test_the_command_line_writes_the_pdf(demo_db_path, tmp_path, capsys):
    out = tmp_path / "experts-zh.pdf"
    args = ["pdf", "experts", "--db", str(demo_db_path), "--from", FROM.isoformat(), "--to", TO.isoformat()]
    assert main([*args, "--lang", "zh", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(SystemExit) as exc:
        main(["pdf", "experts", "--db", str(demo_db_path), "--from", "2026-02-30", "--to", TO.isoformat(),
              "--lang", "ru", "-o", str(out)])  # fmt: skip
    assert exc.value.code == 2
    assert "is not a date" in capsys.readouterr().err
    bad = ["pdf", "experts", "--db", str(demo_db_path), "--from", TO.isoformat(), "--to", FROM.isoformat()]
    assert main([*bad, "--lang", "ru", "-o", str(out)]) == 2
    assert "ends before it starts" in capsys.readouterr().err
    assert main([*args, "--lang", "ru", "-o", str(tmp_path / "no" / "such" / "x.pdf")]) == 2
    assert main(["pdf", "experts", "--db", str(tmp_path / "none.sqlite3"), "--from", FROM.isoformat(),
                 "--to", TO.isoformat(), "--lang", "ru", "-o", str(out)]) == 2  # fmt: skip
