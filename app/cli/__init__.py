"""The command line: ``commission-desk [COMMAND] [OPTIONS]``; without a command, the GUI starts.

Every command has ``--help``. A database that cannot be opened gets a one-line message on stderr
and exit status 2, never a traceback, and the file is left untouched.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__
from app.cli import argparse_i18n, common, gui
from app.i18n import _

#: The modules that add commands; each has ``register(subparsers)``.
COMMAND_MODULES = (
    "gui", "demo", "pdf", "transfer", "verify", "check", "backup", "keys", "sign", "bundle", "database",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commission-desk",
        description=_(
            "Commission Desk: agenda, exchanges, experts, expenses and bilingual minutes of a joint commission."
        ),
        parents=[common.options_parser(top_level=True)],
    )
    gui.add_demo_option(parser)  # "commission-desk --demo": the window is the default command
    parser.add_argument(
        "--version",
        action="version",
        version=f"commission-desk {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"))
    import importlib

    for name in COMMAND_MODULES:  # a missing module is an error, not a command quietly left out
        importlib.import_module(f"app.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    common.early_language(argv)
    argparse_i18n.install()
    parser = build_parser()
    args = parser.parse_args(argv)
    gui.check_top_level(parser, args)
    if getattr(args, "func", None) is None:
        args.func = gui.run
    return common.guarded(args.func, args)
