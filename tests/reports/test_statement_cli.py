"""commission-desk export statement: the statement as XLSX from the command line."""

from __future__ import annotations

import openpyxl

from app.cli import main
from tests.core.test_cli import run_cli


def _title(path) -> str:
    return openpyxl.load_workbook(path).properties.title


def test_the_statement_is_exported_in_the_language_asked_or_the_interfaces(demo_db_path, tmp_path):
    ru, zh, default_zh, default_en = (tmp_path / f"{n}.xlsx" for n in ("ru", "zh", "dzh", "den"))
    base = ["export", "statement", "--db", str(demo_db_path), "--session", "1"]
    assert main([*base, "-o", str(ru), "--lang", "ru"]) == 0
    assert main([*base, "-o", str(zh), "--lang", "zh"]) == 0
    assert _title(ru).startswith("Ведомость расходов") and _title(zh).startswith("费用结算表")
    # without --lang: Chinese for a Chinese interface, Russian otherwise
    result = run_cli("--lang", "zh_CN", *base, "-o", str(default_zh))
    assert result.returncode == 0, result.stderr
    assert _title(default_zh) == _title(zh)
    result = run_cli("--lang", "en", *base, "-o", str(default_en))
    assert result.returncode == 0, result.stderr
    assert _title(default_en) == _title(ru)


def test_a_missing_session_or_a_file_that_is_not_xlsx_is_refused_with_status_2(demo_db_path, tmp_path):
    base = ["export", "statement", "--db", str(demo_db_path)]
    result = run_cli("--lang", "en", *base, "--session", "9", "-o", str(tmp_path / "s.xlsx"))
    assert result.returncode == 2 and "9" in result.stderr
    result = run_cli(*base, "--session", "1", "-o", str(tmp_path / "s.csv"))
    assert result.returncode == 2 and not (tmp_path / "s.csv").exists()
