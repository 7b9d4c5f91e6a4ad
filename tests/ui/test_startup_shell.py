"""The window's shell shows before the ORM loads (issue 18): with COMMISSION_DESK_QUIT_AFTER_START=shell
the program quits once the shell is shown, and by then SQLAlchemy has not been imported; with =1 it
quits once the current tab is built on the open database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (
    "import sys\n"
    "from app.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "print('ORM loaded' if 'sqlalchemy.orm' in sys.modules else 'no ORM')\n"
    "sys.exit(status)\n"
)


def _start(db: Path, quit_after: str, tmp_path: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMISSION_DESK_QUIT_AFTER_START=quit_after,
               XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    r = subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(db), "--lang", "ru"], env=env, cwd=ROOT,
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return r.stdout.strip().splitlines()[-1]


def test_the_shell_shows_before_the_orm_loads(demo_db_path, tmp_path):
    assert _start(demo_db_path, "shell", tmp_path) == "no ORM"
    assert _start(demo_db_path, "1", tmp_path) == "ORM loaded"
