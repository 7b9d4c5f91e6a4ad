"""Test set-up shared by every test: offscreen Qt, private user folders, database fixtures."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt or asks platformdirs: no display, and no test touches the real user's
# settings, data or cache.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="commission-desk-tests-"))
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_HOME / var.lower())
os.environ["COMMISSION_DESK_DATA_DIR"] = str(_HOME / "data")
os.environ["COMMISSION_DESK_CACHE_DIR"] = str(_HOME / "cache")
os.environ.setdefault("LANG", "C.UTF-8")
os.environ.pop("LANGUAGE", None)

import pytest  # noqa: E402

from app import i18n  # noqa: E402
from app.core.db import Database  # noqa: E402

#: The day the demo counts from in tests: today, so that the demo's relative dates stay realistic.
DEMO_TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _english_again():
    """Every test starts in English, whatever the previous one switched to."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path_factory, monkeypatch):
    """Every test has its own per-laptop config (pinned certificate fingerprints)."""
    monkeypatch.setenv("COMMISSION_DESK_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "commission.sqlite3"


@pytest.fixture
def db(db_path: Path):
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database, built once per test run; tests get copies of it."""
    from app.core.demo import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = create_demo_database(path, today=DEMO_TODAY)
    with database.engine.connect() as conn:  # fold the WAL into the file so that a copy is whole
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_db_path: Path):
    database = Database.open(demo_db_path)
    yield database
    database.close()
