"""Where resources, translations, migrations and the user's database live.

This is the one module that knows whether the application is frozen by PyInstaller
(``sys._MEIPASS``); everything else asks it for paths.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_ID, ORG_NAME


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def base_dir() -> Path:
    """The folder that holds ``app/``, ``resources/`` and ``translations/``."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return base_dir() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return base_dir() / "translations"


def migrations_dir() -> Path:
    return (
        Path(__file__).resolve().parent / "migrations"
        if not is_frozen()
        else base_dir() / "app" / "migrations"
    )


def qt_translations_dir() -> Path | None:
    """Qt's own translations (qtbase_*.qm): bundled when frozen, else PySide6's."""
    if is_frozen():
        p = base_dir() / "qt_translations"
        return p if p.is_dir() else None
    try:
        import PySide6  # noqa: PLC0415  (only the UI calls this)
    except ImportError:
        return None
    p = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    return p if p.is_dir() else None


def user_data_dir() -> Path:
    override = os.environ.get("COMMISSION_DESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _udd

    return Path(_udd(APP_ID, ORG_NAME))


def user_cache_dir() -> Path:
    override = os.environ.get("COMMISSION_DESK_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir as _ucd

    return Path(_ucd(APP_ID, ORG_NAME))


def write_cache(path: Path, data: bytes) -> bool:
    """Write a file of the cache folder whole or not at all (a temporary file renamed over it, so
    that another process reads the old file or the new one). Never raises: a read-only or full
    cache folder only costs working the thing out again next time. Whether it was written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def default_db_path() -> Path:
    return user_data_dir() / "commission.sqlite3"


def user_config_dir() -> Path:
    """Per-laptop configuration kept outside the database (the pinned certificate fingerprints)."""
    override = os.environ.get("COMMISSION_DESK_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir as _ucd

    return Path(_ucd(APP_ID, ORG_NAME))
