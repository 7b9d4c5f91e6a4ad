"""The expense statement: embedded fonts, every total in the text, both languages agree to the fen,
identical bytes for identical data, and the command line."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest

from app.cli import main
from app.core.services.agenda import sessions as meetings
from app.core.services.expenses import summary as expense_summary
from app.i18n import format_money, set_language
from app.i18n.numerals import zh_number
from app.i18n.wording import date_range
from app.i18n.wording import session_title as session_name
from app.reports.statement import build_statement, statement_pdf
from tests.core.test_cli import run_cli
from tests.reports.pdftools import (
    assert_all_fonts_embedded,
    missing_chars,
    needs_poppler,
    page_count,
    text_of,
)


def flat(text: str) -> str:
    """Extracted text with every kind of space collapsed and soft line-end hyphens removed."""
    text = re.sub(r"-\n(?=[а-яё])", "", text)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def plain(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", "", text)


def session_data(db, ordinal: int):
    with db.unit() as s:
        m = meetings.meeting_by_ordinal(s, ordinal)
        return expense_summary.statement(s, m.id)


def every_amount(data) -> list[tuple[Decimal, str]]:
    amounts = [(e.amount, e.currency) for e in data.expenses.values()]
    for side in data.sides:
        for groups in (side.organisation, side.delegation):
            for g in groups:
                amounts += [(v, c) for c, v in g.subtotal.items()]
        amounts += [(v, c) for c, v in side.burden.totals.items()]
        amounts += [(v, c) for c, v in side.burden.organisation.totals.items()]
        amounts += [(v, c) for c, v in side.burden.delegation.totals.items()]
    amounts += [(v, c) for c, v in data.totals.items()]
    amounts += [(c.amount, c.currency) for c in data.converted if c.amount is not None]
    return amounts


@needs_poppler
@pytest.mark.parametrize("ordinal", [1, 2])
def test_fonts_are_embedded_and_every_total_is_printed_in_both_languages(demo_db, tmp_path, ordinal):
    data = session_data(demo_db, ordinal)
    assert data.totals  # the demo has expenses for both sessions
    for lang in ("zh", "ru"):
        pdf = build_statement(data, lang)
        assert_all_fonts_embedded(pdf, tmp_path)
        text = text_of(pdf, tmp_path)
        squeezed = plain(text)
        for amount, currency in every_amount(data):
            shown = format_money(amount, currency, lang)
            assert plain(shown) in squeezed, (lang, shown)
        for e in data.expenses.values():
            assert missing_chars(e.description(lang), text) == set()
        assert data.fingerprint in flat(text)
        for side in data.sides:
            assert side.side.short_name(lang) in text


@needs_poppler
@pytest.mark.parametrize("ordinal", [1, 2])
def test_the_two_languages_state_the_same_amounts_to_the_last_fen(demo_db, tmp_path, ordinal):
    """Each side's accountant prints in their own language: every number must be the same."""
    data = session_data(demo_db, ordinal)
    # in the layout text columns are apart by several spaces; digit groups by one (or none)
    zh = text_of(build_statement(data, "zh"), tmp_path, layout=True).replace("\u00a0", " ").replace("\u2212", "-")
    ru = text_of(build_statement(data, "ru"), tmp_path, layout=True).replace("\u00a0", " ").replace("\u2212", "-")
    # "¥1,234.50", "-¥1,260.00", "RUB 350,400.00", "US$2,160.00": the sign comes before the symbol
    found_zh = [
        sign + number
        for sign, number in re.findall(
            r"(?<![\d,.])(-?)(?:[A-Z]{0,3}[$¥]?\s?)(\d{1,3}(?:,\d{3})*\.\d{2})(?!\d)", zh
        )
    ]
    found_ru = re.findall(r"(?<![\d,])(?<!\d )(-?\d{1,3}(?: \d{3})*,\d{2})(?!\d)", ru)
    amounts_zh = sorted(Decimal(n.replace(",", "")) for n in found_zh)
    amounts_ru = sorted(Decimal(n.replace(" ", "").replace(",", ".")) for n in found_ru)
    assert amounts_zh == amounts_ru
    assert {a for a, _c in every_amount(data)} <= set(amounts_zh)


def test_identical_data_gives_identical_bytes(demo_db, demo_db_path, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_db_path, copy)
    from app.core.db import Database

    other = Database.open(copy)
    try:
        for lang in ("zh", "ru"):
            with demo_db.unit() as s:
                a = statement_pdf(s, meetings.meeting_by_ordinal(s, 1).id, lang)
            with other.unit() as s:
                b = statement_pdf(s, meetings.meeting_by_ordinal(s, 1).id, lang)
            assert a == b
    finally:
        other.close()


def test_the_interface_language_does_not_change_the_document(demo_db):
    data = session_data(demo_db, 2)
    set_language("ru")
    a = build_statement(data, "zh")
    set_language("zh_CN")
    b = build_statement(data, "zh")
    assert a == b


@needs_poppler
def test_a_session_without_expenses_prints_a_short_statement(db, tmp_path):
    from tests.core.expense_setup import add_session, setup_commission

    with db.unit() as s:
        sides = setup_commission(s)
        mid = add_session(s, sides, 3, "SU")
        pdf = statement_pdf(s, mid, "ru")
    assert page_count(pdf) == 1
    text = flat(text_of(pdf, tmp_path))
    assert "Третье заседание" in text and "не внесены" in text


def test_names_of_sessions_and_dates():
    import datetime as dt

    assert [zh_number(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]
    assert session_name(2, "zh") == "第二次会议" and session_name(2, "ru") == "Второе заседание"
    assert session_name(21, "ru") == "Двадцать первое заседание"
    a, b = dt.date(1958, 6, 2), dt.date(1958, 6, 6)
    assert date_range(a, b, "zh") == "1958年6月2日至6日"
    assert date_range(a, b, "ru").replace("\u202f", " ") == "2–6 июня 1958 г."
    assert date_range(a, dt.date(1958, 7, 1), "ru").replace("\u202f", " ") == "2 июня – 1 июля 1958 г."


# --- the command line ----------------------------------------------------------------------------


@needs_poppler
def test_cli_writes_the_statement(demo_db_path, tmp_path):
    out = tmp_path / "statement-1-ru.pdf"
    status = main(
        ["pdf", "statement", "--db", str(demo_db_path), "--session", "1", "--lang", "ru", "-o", str(out)]
    )
    assert status == 0
    text = flat(text_of(out))
    assert "Ведомость расходов" in text and "Первое заседание" in text
    assert_all_fonts_embedded(out)


def test_cli_refuses_an_unknown_session_and_an_unusable_database(demo_db_path, tmp_path):
    out = tmp_path / "x.pdf"
    result = run_cli(
        "pdf", "statement", "--db", str(demo_db_path), "--session", "9", "--lang", "zh", "-o", str(out)
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "9" in result.stderr
    assert not out.exists()
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    result = run_cli("pdf", "statement", "--db", str(bad), "--session", "1", "--lang", "zh", "-o", str(out))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    missing = tmp_path / "nowhere.sqlite3"
    assert (
        main(["pdf", "statement", "--db", str(missing), "--session", "1", "--lang", "zh", "-o", str(out)])
        == 2
    )
    assert not missing.exists()
