"""Start-up on the large database against a bare PySide6 window (issue 18: ≤ 3×, under 0.4 s).

Run: python -m pytest -m benchmark tests/benchmarks/test_large_startup.py -s
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.benchmarks.conftest import Targets, load
from tests.benchmarks.test_startup import BARE, _time

pytestmark = pytest.mark.benchmark


def test_startup_on_the_large_database(large_db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMISSION_DESK_QUIT_AFTER_START="1")
    bare = _time([sys.executable, "-c", BARE], env)
    ours = _time([sys.executable, "-m", "app", "--db", str(large_db_path), "--lang", "ru"], env)
    ratio = ours / bare
    print(f"\nstart-up, large database: bare Qt window {bare:.2f} s, Commission Desk {ours:.2f} s, "
          f"ratio {ratio:.1f} ({load()})")  # fmt: skip
    assert ratio < 30 and ours < 10  # no worse than before the work on speed
    targets = Targets()
    targets.check("start-up ratio to a bare window", ratio, 3.0)
    targets.check("start-up seconds", ours, 0.4)
    targets.done()
