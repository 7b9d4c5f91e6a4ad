"""commission-desk [gui]: start the application window."""

from __future__ import annotations

from app.cli import common
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(sub, "gui", _("start the application window (the default)"), run)
    p.add_argument(
        "--demo",
        action="store_true",
        help=_("fill the database with the demo commission first, if it is empty"),
    )


def run(args) -> int:
    from app.ui.application import run_gui

    return run_gui(
        db_path=common.db_path(args), lang=getattr(args, "lang", None), demo=getattr(args, "demo", False)
    )
