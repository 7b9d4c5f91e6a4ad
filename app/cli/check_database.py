"""commission-desk check database --db PATH: the full integrity and foreign-key check.

Exit status: 0 healthy, 1 damaged (SQLite's findings are printed), 2 the file is not a database or
cannot be opened (an encrypted one without its passphrase, or with a wrong one, included).
"""

from __future__ import annotations

from app.cli import common
from app.i18n import _, ngettext


def register(kinds) -> None:
    common.add_command(
        kinds,
        "database",
        _("the full integrity and foreign-key check of the database file"),
        run,
        description=_(
            "Run SQLite's full integrity check and foreign-key check on the database file, without writing "
            "to it. Exit status 0 when it is healthy, 1 when it is damaged, 2 when the file is not a "
            "database or cannot be opened."
        ),
    )


def run(args) -> int:
    from app.core.db.integrity import check_file
    from app.core.errors import CoreError

    path = common.file_path(args, "check database").resolve()
    try:
        result = check_file(path, common.db_passphrase(args))
    except CoreError as exc:
        raise common.CommandError(exc.message) from None
    if result.healthy:
        print(_("“{path}” is healthy.").format(path=path))
        return common.EXIT_OK
    for problem in result.problems:
        print(problem)
    print(
        ngettext(
            "“{path}” is damaged: {n} problem found.", "“{path}” is damaged: {n} problems found.", len(result.problems)
        ).format(path=path, n=len(result.problems))
    )
    return common.EXIT_FAILED
