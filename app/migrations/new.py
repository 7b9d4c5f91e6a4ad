"""python -m app.migrations.new "message" [--rev-id ID]: autogenerate a migration."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command

from app.core import db as dbmod


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("message")
    parser.add_argument("--rev-id")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.sqlite3"
        dbmod.Database.open(path).close()
        cfg = dbmod.alembic_config()
        engine = dbmod.make_engine(path)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=args.message, autogenerate=True, rev_id=args.rev_id)
        engine.dispose()


if __name__ == "__main__":
    main()
