"""commission-desk export memory: the commission's translation memory as TMX.

    commission-desk export memory --db PATH -o FILE.tmx

Every agreed or initialled segment of every session's minutes, Chinese and Russian.
Exit status: 0 done; 2 the database cannot be opened or the file cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import common
from app.i18n import _, ngettext


def register_export(sub) -> None:
    p = common.add_command(
        sub,
        "memory",
        _("write the translation memory to a TMX file"),
        run_export,
        description=_(
            "Write every agreed or initialled segment of every session's minutes to a TMX file, so that "
            "translation tools suggest the commission's own earlier wording."
        ),
    )
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the .tmx file to write"))


def run_export(args) -> int:
    from app.core.errors import ValidationError
    from app.core.services.minutes.memory import export_memory

    out = Path(args.output).expanduser()
    if out.suffix.lower() != ".tmx":
        raise common.CommandError(_("Export the translation memory to a .tmx file."), common.EXIT_ERROR)
    db = common.open_db(args)
    try:
        with db.unit() as s:
            try:
                n = export_memory(s, out)
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_ERROR) from None
    finally:
        db.close()
    print(
        ngettext("{n} segment was written to {path}.", "{n} segments were written to {path}.", n).format(
            n=n, path=out
        )
    )
    return common.EXIT_OK
