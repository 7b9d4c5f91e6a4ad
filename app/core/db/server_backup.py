"""Backing up a server database: ``pg_dump`` (custom format, restored with ``pg_restore``) when it
is installed; else one line saying how. The password is handed to pg_dump in its environment
(``PGPASSWORD``) only when the window asked for it; otherwise pg_dump finds it as libpq does."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from app import paths
from app.core.errors import CoreError
from app.i18n import N_


def dump(db, target: str | os.PathLike[str] | None = None) -> Path:
    from app.core.db.server import database_name

    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise CoreError(
            N_(
                "pg_dump is not installed here, so “{url}” cannot be backed up from this computer. Install "
                "the PostgreSQL client tools (Debian: apt install postgresql-client), or ask the server's "
                "administrator to back it up with pg_dump."
            ),
            url=db.url,
        )
    if target is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = paths.user_data_dir() / "backups" / f"{database_name(db.url)}-{stamp}.pgdump"
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if db.server_password:
        env["PGPASSWORD"] = db.server_password
    result = subprocess.run(
        [pg_dump, "--format=custom", "--no-owner", f"--file={target}", f"--dbname={db.url}"],
        env=env, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    if result.returncode != 0:
        reason = " ".join(result.stderr.split())[:300]
        raise CoreError(N_("pg_dump could not back up “{url}”: {reason}"), url=db.url, reason=reason)
    return target
