"""A PostgreSQL server for the tests: the one named by ``COMMISSION_DESK_TEST_PG`` (``.ci/run`` starts a
private cluster and exports it), else a private cluster started here once per test run (``initdb``
and ``pg_ctl`` in a temporary folder, a free local port, stopped at the end).

Each test gets a fresh database of its own: ``CREATE DATABASE … TEMPLATE`` of a database migrated
(or filled) once per run, which takes a fraction of a second. Where no server can be started, the
tests that need one are skipped with the reason; with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ENV = "COMMISSION_DESK_TEST_PG"


class NoServer(Exception):
    pass


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return found[0] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateCluster:
    """initdb + pg_ctl in a temporary folder; as root, run as the ``postgres`` user."""

    def __init__(self) -> None:
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise NoServer("PostgreSQL is not installed (no initdb/pg_ctl; Debian: apt install postgresql)")
        self.pg_ctl = pg_ctl
        self.dir = Path(tempfile.mkdtemp(prefix="commission-desk-pg-"))
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            if not shutil.which("runuser"):
                raise NoServer("running as root without runuser: cannot start PostgreSQL")
            shutil.chown(self.dir, "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        data = self.dir / "data"
        # the socket trusts its (local) users; TCP asks for passwords, as an office server does
        self._run([initdb, "-D", str(data), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                   "--no-sync", "-E", "UTF8"])  # fmt: skip
        opts = f"-k {self.dir} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run([pg_ctl, "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start"])
        self.url = f"postgresql://postgres@/postgres?host={self.dir}&port={self.port}"
        self._stopped = False
        atexit.register(self.stop)  # also when pytest ends without its session teardown
        self._previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, self._on_sigterm)  # a CI timeout: no orphaned server

    def _on_sigterm(self, signum, frame) -> None:
        self.stop()
        signal.signal(signal.SIGTERM, self._previous if callable(self._previous) else signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)

    def _run(self, cmd: list[str]) -> None:
        result = subprocess.run(self.prefix + cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise NoServer(f"{Path(cmd[0]).name} failed: {' '.join((result.stderr or result.stdout).split())[:300]}")

    def stop(self) -> None:
        if getattr(self, "_stopped", True):
            return
        self._stopped = True
        with contextlib.suppress(Exception):
            self._run([self.pg_ctl, "-D", str(self.dir / "data"), "-m", "immediate", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    """The server of the test run: admin SQL, fresh databases from templates."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        self.url = url
        self.parsed = make_url(url)
        self.admin = psycopg.connect(url, autocommit=True, connect_timeout=5)
        #: where TCP connections (with passwords) go
        self.host = self.parsed.host if self.parsed.host and not self.parsed.host.startswith("/") else "127.0.0.1"
        self.port = self.parsed.port or int(self.parsed.query.get("port", 5432))

    def url_of(self, name: str) -> str:
        """A test database as the administrator reaches it (the socket of a private cluster)."""
        return self.parsed.set(database=name).render_as_string(hide_password=False)

    def tcp_url(self, user: str, name: str) -> str:
        """A database as a user with a password reaches it, over TCP: postgresql://user@host:port/name."""
        return f"postgresql://{user}@{self.host}:{self.port}/{name}"

    def sql(self, statement: str) -> None:
        self.admin.execute(statement)

    def create(self, template: str | None = None, name: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def asks_passwords(self) -> bool:
        """Whether TCP connections must give a password (a server that trusts them cannot test it)."""
        import psycopg

        name = f"probe_{uuid.uuid4().hex[:8]}"
        self.sql(f"CREATE ROLE {name} LOGIN PASSWORD 'right'")
        try:
            psycopg.connect(self.tcp_url(name, "postgres"), password="wrong", connect_timeout=5).close()
        except psycopg.OperationalError:
            return True
        finally:
            self.sql(f"DROP ROLE {name}")
        return False

    def close(self) -> None:
        self.admin.close()


def start() -> tuple[Server, PrivateCluster | None]:
    """The server named by the environment, else a private cluster; NoServer when neither works."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoServer("psycopg is not installed") from exc
    url = os.environ.get(ENV)
    cluster = None
    if not url:
        cluster = PrivateCluster()
        url = cluster.url
    try:
        return Server(url), cluster
    except Exception as exc:
        if cluster:
            cluster.stop()
        raise NoServer(f"cannot connect to {url}: {' '.join(str(exc).split())[:200]}") from exc
