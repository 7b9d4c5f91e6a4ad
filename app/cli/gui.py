"""commission-desk [gui] [--demo]: start the application window."""

from __future__ import annotations

import argparse
import os
import sys

from app.cli import common
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(sub, "gui", _("start the application window (the default)"), run)
    add_demo_option(p, default=argparse.SUPPRESS)


def add_demo_option(parser: argparse.ArgumentParser, default=False) -> None:
    """``--demo``, both after ``gui`` and at the top level (``commission-desk --demo``): the command
    may be left out. ``gui`` suppresses its default so that ``commission-desk --demo gui`` keeps it."""
    parser.add_argument(
        "--demo",
        action="store_true",
        default=default,
        help=_("fill the database with the demo commission first, if it is empty"),
    )


def check_top_level(parser: argparse.ArgumentParser, args) -> None:
    """``--demo`` before a command other than ``gui`` would be silently ignored: refuse it."""
    if getattr(args, "demo", False) and getattr(args, "command", None) not in (None, "gui"):
        parser.error(
            _(
                "--demo goes with the application window: “commission-desk --demo” or “commission-desk gui --demo”."
            )
        )


def display_missing(environ=os.environ, platform: str = sys.platform) -> bool:
    """True when Qt would find no display to open a window on (it would abort the process).

    Only on Linux and the BSDs, where windows need X11 (``DISPLAY``) or Wayland (``WAYLAND_DISPLAY``);
    a platform plugin that needs neither (``QT_QPA_PLATFORM=offscreen``, ``vnc``, ``eglfs``…) is
    left to Qt.
    """
    if not (platform.startswith("linux") or "bsd" in platform):
        return False
    wanted = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if not wanted:
        wanted = ["wayland", "xcb"]
    for name in wanted:
        if name == "xcb":
            if environ.get("DISPLAY"):
                return False
        elif name.startswith("wayland"):
            if environ.get("WAYLAND_DISPLAY"):
                return False
        else:  # offscreen, minimal, vnc, eglfs, linuxfb…: no display server needed
            return False
    return True


def run(args) -> int:
    if display_missing():
        raise common.CommandError(
            _(
                "There is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                "The command-line commands still work: see “commission-desk --help”."
            )
        )
    from app.ui.application import run_gui

    return run_gui(
        db_path=common.db_path(args),
        lang=getattr(args, "lang", None),
        demo=getattr(args, "demo", False),
        passphrase=common.db_passphrase(args),
    )
