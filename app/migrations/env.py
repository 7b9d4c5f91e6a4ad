"""Alembic environment: the schema is created and upgraded only through these migrations.

``render_as_batch`` lets SQLite alter tables by rebuilding them; the metadata's naming convention
gives every constraint a name, so that later migrations can alter it. Nothing here is SQLite-only:
the same migrations run on PostgreSQL.
"""

from alembic import context
from sqlalchemy import create_engine

from app.core.models import Base
from app.migrations.search_index import include_name

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name)  # fmt: skip
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                          include_name=include_name)  # fmt: skip
        with context.begin_transaction():
            context.run_migrations()


run()
