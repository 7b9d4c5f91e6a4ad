"""Test set-up shared by every test: offscreen Qt, private user folders, database fixtures."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _quick_key_derivation() -> None:
    """Encrypted test databases derive their key with 4 000 PBKDF2 rounds instead of 256 000.

    SQLCipher derives the key again for every connection (half a second each on a 2-core laptop,
    and an encrypted database opens several); the tests of encryption check what is encrypted and
    who can open it, not the strength of the derivation. The setting is SQLCipher's process-wide
    default, so it holds for every connection of this test process and for no real user's file;
    a command run in a child process keeps the normal derivation.
    """
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return
    con = dbapi2.connect(":memory:")
    try:
        con.execute("PRAGMA cipher_default_kdf_iter = 4000")
    finally:
        con.close()


_quick_key_derivation()


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


def _fold_wal(database: Database) -> None:
    """Fold the WAL into the main file and close, so that a plain file copy is the whole database."""
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory) -> Path:
    """An empty database at the newest schema, migrated once per test run; tests get copies of it.

    Running every migration costs about a tenth of a second, and most tests want an empty database:
    copying one file instead halves the time of the core tests. Tests of creating and upgrading a
    database open their own files with ``Database.open`` and still migrate.
    """
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    _fold_wal(Database.open(path))
    return path


@pytest.fixture
def backend(request) -> str:
    """The database engine of the test: "sqlite", or "postgresql" where tests/core/conftest.py
    parametrises a module over both engines."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server of the test run (tests/pg_server.py): skipped where none can be
    started, a failure in CI (CI=true)."""
    from tests import pg_server as pg

    try:
        server, cluster = pg.start()
    except pg.NoServer as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs a PostgreSQL server: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield server
    server.close()
    if cluster is not None:
        cluster.stop()


class _PgTemplates:
    """Server databases migrated or filled once per test run, to be copied (CREATE DATABASE … TEMPLATE)."""

    def __init__(self, server) -> None:
        self.server = server
        self.made: dict[Any, tuple[str, Any]] = {}
        # unique on a server shared by several runs and by the xdist workers of one run (gw0, gw1, …)
        self.tag = f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.urandom(3).hex()}"

    def _make(self, key: Any, fill: Callable[[Database], Any], template: str | None) -> tuple[str, Any]:
        if key not in self.made:
            name = self.server.create(template, name=f"tpl_{self.tag}_{len(self.made)}")
            database = Database.open(self.server.url_of(name), create=True)
            try:
                result = fill(database)
            finally:
                database.close()
            self.made[key] = (name, result)
        return self.made[key]

    def empty(self) -> str:
        return self._make("empty", lambda _db: None, None)[0]

    def built(self, build: Callable[[Database], Any]) -> tuple[str, Any]:
        return self._make(build, build, self.empty())

    def demo(self) -> str:
        from app.core.demo import build_demo

        def fill(database: Database) -> None:
            with database.unit() as s:
                build_demo(s, DEMO_TODAY)

        return self._make("demo", fill, self.empty())[0]


@pytest.fixture(scope="session")
def pg_templates(pg_server) -> _PgTemplates:
    return _PgTemplates(pg_server)


@pytest.fixture
def pg_fresh(pg_server):
    """``pg_fresh(template=None)``: the URL of a new database of this test's own, dropped at the end."""
    made: list[str] = []

    def make(template: str | None = None) -> str:
        made.append(pg_server.create(template))
        return pg_server.url_of(made[-1])

    yield make
    for name in made:
        pg_server.drop(name)


@pytest.fixture
def db(backend: str, request, db_path: Path):
    """An empty database of this test's own (a copy of the migrated template; on PostgreSQL a new
    database made from a migrated one)."""
    if backend == "postgresql":
        url = request.getfixturevalue("pg_fresh")(request.getfixturevalue("pg_templates").empty())
        database = Database.open(url)
    else:
        shutil.copyfile(request.getfixturevalue("empty_template"), db_path)
        database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def another_db(empty_template: Path, tmp_path: Path):
    """``another_db(name)``: one more empty database of this test's own (a copy of the template)."""
    opened: list[Database] = []

    def make(name: str = "other.sqlite3") -> Database:
        path = tmp_path / name
        shutil.copyfile(empty_template, path)
        opened.append(Database.open(path))
        return opened[-1]

    yield make
    for database in opened:
        database.close()


class _BuiltTemplates:
    """Databases filled once per test run by a builder, kept to be copied for each test."""

    def __init__(self, folder: Path, empty: Path) -> None:
        self.folder = folder
        self.empty = empty
        self.built: dict[Callable, tuple[Path, Any]] = {}

    def get(self, build: Callable[[Database], Any]) -> tuple[Path, Any]:
        if build not in self.built:
            path = self.folder / f"{len(self.built)}-{build.__name__}.sqlite3"
            shutil.copyfile(self.empty, path)
            database = Database.open(path)
            try:
                result = build(database)
            finally:
                _fold_wal(database)
            self.built[build] = (path, result)
        return self.built[build]


@pytest.fixture(scope="session")
def _built_templates(tmp_path_factory, empty_template: Path) -> _BuiltTemplates:
    return _BuiltTemplates(tmp_path_factory.mktemp("built"), empty_template)


@pytest.fixture
def built_db(backend: str, request, db_path: Path):
    """``built_db(build)``: (a database of this test's own filled by ``build``, what ``build`` returned).

    ``build(database)`` runs once per test run, on a copy of the empty template; every test gets a
    copy of the result at ``db_path``. So ``build`` must be deterministic and return plain values
    (ids, not ORM objects or the database it was given). Use it instead of ``db``, not with it.
    """
    opened: list[Database] = []

    def make(build: Callable[[Database], Any]) -> tuple[Database, Any]:
        assert not opened and not db_path.exists(), "built_db: one database per test, and not with db"
        if backend == "postgresql":
            name, result = request.getfixturevalue("pg_templates").built(build)
            database = Database.open(request.getfixturevalue("pg_fresh")(name))
            opened.append(database)
            return database, result
        path, result = request.getfixturevalue("_built_templates").get(build)
        shutil.copyfile(path, db_path)
        database = Database.open(db_path)
        opened.append(database)
        return database, result

    yield make
    for database in opened:
        database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database, built once per test run; tests get copies of it."""
    from app.core.demo import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    _fold_wal(create_demo_database(path, today=DEMO_TODAY))
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_db(backend: str, request):
    if backend == "postgresql":
        url = request.getfixturevalue("pg_fresh")(request.getfixturevalue("pg_templates").demo())
        database = Database.open(url)
    else:
        database = Database.open(request.getfixturevalue("demo_db_path"))
    yield database
    database.close()
