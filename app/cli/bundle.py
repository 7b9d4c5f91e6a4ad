"""commission-desk bundle …: exchange bundles with the other side's secretariat (docs/bundles.md).

- ``bundle export --db PATH --to SU -o FILE.cdb [--sign-with FILE.p12]``: every shared record the
  other side has not yet acknowledged, signed with this side's key;
- ``bundle import --db PATH FILE.cdb [--accept-unsigned]``: check the bundle and merge it in one
  transaction; into a database that does not exist yet, it creates the receiving side's copy.
- ``bundle export --db PATH --to-db ID -o FILE.cdb``: to one database known here (a laptop copy
  of this side made by ``commission-desk copy``, or its office database);
- ``bundle peers --db PATH``: this database's id and the databases it exchanges with.

Exit status: 0 done; 1 refused (signature, a member's hash, recipient, replay, a gap in the
sequence, a newer schema: nothing was written); 2 unusable input (not a bundle, a file that
cannot be read).
"""

from __future__ import annotations

from pathlib import Path

from app.cli import common, keys
from app.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser(
        "bundle",
        help=_("exchange bundles with the other side's secretariat"),
        description=_(
            "Write a bundle of the shared records for the other side's secretariat, or apply a bundle that "
            "came from it. Exit status 0 done, 1 refused (nothing written), 2 when a file cannot be used."
        ),
        parents=[common.options_parser()],
    )
    cmds = p.add_subparsers(dest="bundle_command", metavar=_("ACTION"), title=_("actions"), required=True)
    exp = common.add_command(cmds, "export", _("write a bundle for the other side"), run_export)
    exp.add_argument("--to", metavar="SIDE", help=_("the side it goes to (CN, SU…)"))
    exp.add_argument("--to-db", metavar="ID",
                     help=_("the database it goes to, by its id or the id's beginning (bundle peers lists them): "
                            "a laptop copy of this side, or the office database it was copied from"))  # fmt: skip
    exp.add_argument("-o", "--output", required=True, metavar="FILE.cdb", help=_("the bundle file to write"))
    exp.add_argument("--sign-with", metavar="FILE.p12", help=_("sign the bundle with this side's key"))
    keys.add_passphrase_option(exp)
    imp = common.add_command(cmds, "import", _("check a bundle from the other side and apply it"), run_import)
    imp.add_argument("input", metavar="FILE.cdb", help=_("the bundle file"))
    imp.add_argument("--accept-unsigned", action="store_true",
                     help=_("apply a bundle without a signature (or one this computer cannot check yet)"))  # fmt: skip
    common.add_command(cmds, "peers", _("list this database's id and the databases it exchanges bundles with"),
                       run_peers)  # fmt: skip


def run_export(args) -> int:
    from app.core.errors import CoreError
    from app.core.sync import exchange

    if not args.to and not args.to_db:
        raise common.CommandError(_("Say where the bundle goes: --to SIDE or --to-db ID."), common.EXIT_ERROR)
    key = keys.open_key(args, args.sign_with) if args.sign_with else None
    database = common.open_db(args)
    try:
        with database.unit() as session:
            result = exchange.export(session, args.to, key, args.to_db)
            keys.write_file(args.output, result.data)  # inside the unit: a file not written sends nothing
    except CoreError as exc:
        raise common.CommandError(exc.message, common.EXIT_FAILED) from exc
    finally:
        database.close()
    n = sum(result.records.values())
    print(
        ngettext(
            "{path}: bundle {seq} to side {side}, {n} record, {deleted} deleted, {signed}.",
            "{path}: bundle {seq} to side {side}, {n} records, {deleted} deleted, {signed}.",
            n,
        ).format(path=args.output, seq=result.sequence, side=result.to_side, n=n, deleted=result.deleted,
                 signed=_("signed") if result.signed else _("not signed"))  # fmt: skip
    )
    return common.EXIT_OK


def run_peers(args) -> int:
    from app.core.sync import exchange, peers

    database = common.open_db(args)
    try:
        with database.unit() as session:
            me, home, known = peers.database_id(session), exchange.home_side(session), peers.listing(session)
    finally:
        database.close()
    print(_("This database: {id}, side {side}.").format(id=me, side=home.code if home else "?"))
    for p in known:
        print(
            _("{id}  side {side}  {label}  sent {sent}, received {received}").format(
                id=p["database"] or _("(not known yet)"), side=p["side"], label=p["label"] or "-",
                sent=p["sent"], received=p["received"])
        )  # fmt: skip
    return common.EXIT_OK


def run_import(args) -> int:
    from app.core.errors import CoreError
    from app.core.sync import exchange
    from app.core.sync.bundle import NotABundle

    data = keys.read_file(args.input)
    path = common.db_path(args)
    existed = Path(path).expanduser().exists()
    database = common.open_db(args, create=True)
    try:
        with database.unit() as session:
            result = exchange.apply(session, data, accept_unsigned=args.accept_unsigned)
    except CoreError as exc:
        database.close()
        if not existed:
            _remove(Path(path).expanduser())
        status = common.EXIT_ERROR if isinstance(exc, NotABundle) else common.EXIT_FAILED
        raise common.CommandError(f"{args.input}: {exc.message}", status) from exc
    database.close()
    inc = result.incoming
    print(
        _("{path}: bundle {seq} from side {side} applied: {new} new, {changed} changed, {deleted} deleted, "
          "{conflicts} with conflicts.").format(
            path=args.input, seq=inc.sequence, side=inc.from_code, new=sum(inc.new.values()),
            changed=sum(inc.changed.values()), deleted=sum(inc.deleted.values()), conflicts=result.conflicts)
    )  # fmt: skip
    return common.EXIT_OK


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            Path(str(path) + suffix).unlink()
        except OSError:
            pass
