"""Settings stored in the database, shared by everyone who opens it (not per-laptop preferences,
which live in QSettings): deadline offsets, alert horizons, confidentiality markings…

Each area registers its defaults in :data:`DEFAULTS`; :func:`get` falls back to them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.models import Setting

DEFAULTS: dict[str, Any] = {}


def register(key: str, default: Any) -> None:
    DEFAULTS.setdefault(key, default)


def get(session: Session, key: str, default: Any = None) -> Any:
    # the value alone (no ORM object): tabs read a handful of settings on every refresh
    row = session.execute(select(Setting.value).where(Setting.key == key)).first()
    if row is not None:
        return row[0]
    return DEFAULTS.get(key, default)


def put(session: Session, key: str, value: Any) -> None:
    row = session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
