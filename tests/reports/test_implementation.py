"""The report on implementation: fonts embedded, every open decision in the text of both languages,
late decisions said so, and the command line."""

from __future__ import annotations

import re

from app.core.services.agenda import sessions as meetings
from app.core.services.decisions import report
from app.reports.implementation import build_implementation
from tests.core.test_cli import run_cli
from tests.reports.pdftools import assert_all_fonts_embedded, needs_poppler, text_of


def plain(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u00ad-]+", "", text)


@needs_poppler
def test_every_open_decision_is_in_both_languages_with_fonts_embedded(demo_db, tmp_path):
    with demo_db.unit() as s:
        data = report.implementation(s, meetings.meeting_by_ordinal(s, 2).id)
    assert data.decisions and data.late  # the demo has open and late decisions
    for lang in ("zh", "ru"):
        pdf = build_implementation(data, lang)
        assert_all_fonts_embedded(pdf, tmp_path)
        text = plain(text_of(pdf, tmp_path))
        for d in data.decisions:
            assert plain(d.text(lang)) in text, (lang, d.number)
            for n in d.notes:
                assert plain(n.text(lang)) in text
        assert plain(data.fingerprint) in text
    assert "逾期" in plain(text_of(build_implementation(data, "zh"), tmp_path))
    assert "просрочено" in text_of(build_implementation(data, "ru"), tmp_path).lower()


@needs_poppler
def test_the_command_line_prints_the_report_and_refuses_an_unknown_session(demo_db_path, tmp_path):
    out = tmp_path / "impl-ru.pdf"
    done = run_cli("pdf", "implementation", "--db", str(demo_db_path), "--session", "2", "--lang", "ru",
                   "-o", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Отчёт о выполнении" in text_of(out, tmp_path)
    bad = run_cli("pdf", "implementation", "--db", str(demo_db_path), "--session", "9", "--lang", "zh",
                  "-o", str(tmp_path / "x.pdf"))  # fmt: skip
    assert bad.returncode == 2 and "9" in bad.stderr


@needs_poppler
def test_the_memorandum_agenda_gives_the_report_under_the_standing_first_item(demo_db, tmp_path):
    from app.reports.memorandum import collect, memorandum_pdf

    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        data = collect(s, m.id)
        opened = report.implementation(s, m.id)
        ru = plain(text_of(memorandum_pdf(s, m.id, "ru"), tmp_path))
        zh = plain(text_of(memorandum_pdf(s, m.id, "zh"), tmp_path))
    assert data.open_decisions == len(opened.decisions) > 0
    assert data.late_decisions == len(opened.late)
    assert plain(f"Отчёт о выполнении решений: не закрыто решений — {data.open_decisions}") in ru
    assert plain(f"尚未办结的决议{data.open_decisions}项") in zh
