"""commission-desk check WHAT ...: checks that print every finding.

    commission-desk check minutes --db PATH --session N [--json]
    commission-desk check fonts --db PATH [--add FILE | --remove]

``check minutes`` prints every finding of every segment of a session's minutes (numbers that
differ, characters no font can print, empty texts, glossary terms, numbering…), or with --json one
JSON list of objects with ``segment`` (its number as the editor shows it), ``uuid``, ``kind``,
``blocking``, ``accepted``, ``items`` (the numbers or characters concerned, as written), ``lang``,
``key`` and ``message`` (in the interface language). Exit status: 0 no finding blocks signing;
1 some do; 2 the database or the session cannot be used.

``check fonts`` lists the fonts the documents are printed with, and adds (or removes) a font file
as a further fallback for characters the shipped fonts lack (CJK Extension B: HanaMinB…).

Further checks (``check database``) live in ``app/cli/check_<what>.py`` with ``register(kinds)``.
"""

from __future__ import annotations

import importlib
import json

from app.cli import common
from app.i18n import _, ngettext

#: Checks in modules of their own (app/cli/check_<name>.py), offered once they exist.
MODULES = ("database",)


def register(sub) -> None:
    p = sub.add_parser(
        "check",
        help=_("check the minutes (every finding) or the fonts"),
        description=_("Run a check and print everything it finds."),
        parents=[common.options_parser()],
    )
    kinds = p.add_subparsers(dest="check", metavar=_("WHAT"), title=_("checks"), required=True)
    register_minutes(kinds)
    register_fonts(kinds)
    for name in MODULES:
        try:
            module = importlib.import_module(f"app.cli.check_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.cli.check_{name}":
                raise
            continue
        module.register(kinds)


def register_minutes(kinds) -> None:
    p = common.add_command(
        kinds,
        "minutes",
        _("every finding of the checks of a session's minutes"),
        run_minutes,
        description=_(
            "Print every finding of every segment of a session's minutes: numbers that differ between the "
            "two texts, characters no font can print, empty texts, glossary terms, numbering. Exit status 0 "
            "when nothing blocks signing, 1 when something does, 2 when the database or the session cannot "
            "be used."
        ),
    )
    p.add_argument("--session", metavar="N", type=int, required=True, help=_("the number of the session"))
    p.add_argument("--json", action="store_true", help=_("print one JSON list of the findings"))


def register_fonts(kinds) -> None:
    p = common.add_command(
        kinds,
        "fonts",
        _("the fonts the documents are printed with; add a font for rare characters"),
        run_fonts,
        description=_(
            "List the fonts the documents are printed with. --add FILE adds a TrueType font file as a "
            "further fallback, for characters the shipped fonts lack (CJK Extension B ideographs of names: "
            "HanaMinB of the Hanazono fonts has them); it is kept in the database."
        ),
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="FILE", help=_("the font file to add (.ttf, .ttc)"))
    group.add_argument("--remove", action="store_true", help=_("stop using the added font"))


def finding_json(f) -> dict:
    return {
        "segment": f.index + 1,
        "uuid": f.segment_uuid,
        "kind": str(f.code),
        "blocking": f.blocking,
        "accepted": f.accepted,
        "items": list(f.items),
        "lang": f.lang,
        "key": f.key,
        "message": f.message,
    }


def run_minutes(args) -> int:
    from app.core.errors import NotFoundError
    from app.core.services.agenda.sessions import meeting_by_ordinal
    from app.core.services.minutes import checks
    from app.reports import fonts  # noqa: F401  (installs the fonts' answer to "does it print?")

    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                meeting = meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from None
            report = checks.check_meeting(s, meeting.id)
    finally:
        db.close()
    findings = list(report.findings)
    blocking = [f for f in findings if f.blocking]
    if args.json:
        print(json.dumps([finding_json(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            line = _("Segment {number}: {message}").format(number=f.index + 1, message=f.message)
            if f.accepted:
                line += " " + _("(accepted as intended)")
            print(line)
        if not report.segments:
            print(_("The minutes of session {number} have no text yet.").format(number=args.session))
        elif not blocking:
            print(_("The minutes of session {number} pass every check.").format(number=args.session))
        else:
            print(
                ngettext("{n} finding blocks signing.", "{n} findings block signing.", len(blocking)).format(
                    n=len(blocking)
                )
            )
    return common.EXIT_FAILED if blocking else common.EXIT_OK


def run_fonts(args) -> int:
    from app.core.errors import ValidationError
    from app.core.services import glyphs
    from app.reports import fonts

    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            if args.remove:
                glyphs.set_extra_font(s, None)
            elif args.add:
                try:
                    glyphs.set_extra_font(s, args.add)
                except ValidationError as exc:
                    raise common.CommandError(exc.message, common.EXIT_FAILED) from None
                path = glyphs.extra_fonts(s)[0]
                if fonts.load_font(path) is None:
                    raise common.CommandError(
                        _("“{path}” cannot be used as a font for the documents.").format(path=path),
                        common.EXIT_FAILED,
                    )
            extra = glyphs.extra_fonts(s)
    finally:
        db.close()
    for name, (filename, _index) in fonts.FILES.items():
        print(f"{name}: {filename}")
    for path in extra:
        if fonts.load_font(path):
            print(_("added font: {path}").format(path=path))
        else:
            print(_("added font: {path} (cannot be used on this computer)").format(path=path))
    return common.EXIT_OK
