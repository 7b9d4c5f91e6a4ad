"""The README's first command on a fresh machine: `commission-desk --demo` creates the database in
the user's data folder, fills it with the demo and shows the window (a regression: the window once
refused to create the file it was told to use)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def test_demo_on_a_fresh_machine_creates_and_fills_the_database(tmp_path: Path):
    data = tmp_path / "data"
    env = dict(os.environ, COMMISSION_DESK_DATA_DIR=str(data), COMMISSION_DESK_QUIT_AFTER_START="1",
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "app", "--demo"], env=env, capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    db = data / "commission.sqlite3"
    assert db.is_file()
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from exchanges").fetchone()[0] > 0
