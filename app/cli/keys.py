"""commission-desk keys …: the secretariats' signing keys and the certificates the commission trusts.

- ``keys new --side CN --name "…" -o FILE.p12 [--algorithm ecdsa-p256|rsa3072]``: a new key with a
  self-signed certificate, in a PKCS#12 file protected by a passphrase;
- ``keys export-cert FILE.p12 -o CERT.pem``: the public certificate, and its SHA-256 fingerprint;
- ``keys trust --db PATH --side SU CERT.pem --fingerprint HEX``: trust a side's certificate, when the
  fingerprint given (read aloud over the telephone) is the certificate's;
- ``keys list --db PATH``: the sides' certificates and whether this computer trusts them;
- ``keys sign-minutes --db PATH --session N --key FILE.p12 [-o SIG.json]``: the side's key signs
  the stored content of signed minutes (and writes the signature to a file for the other side);
- ``keys add-signature --db PATH SIG.json``: add the other side's signature as it arrived.

The key's passphrase comes from ``--key-passphrase-file FILE``, else the environment variable
``COMMISSION_DESK_KEY_PASSPHRASE``, else it is asked on the terminal. It is never stored or logged.
Exit status: 0 done; 1 refused (wrong fingerprint, wrong passphrase…); 2 unusable input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.cli import common
from app.i18n import _

ENV = "COMMISSION_DESK_KEY_PASSPHRASE"


def add_passphrase_option(p) -> None:
    p.add_argument(
        "--key-passphrase-file",
        metavar="FILE",
        help=_(
            "read the key's passphrase from the first line of this file (else from {env}, else asked)"
        ).format(env=ENV),  # fmt: skip
    )


def passphrase(args, prompt: str, *, confirm: bool = False) -> str:
    """The key's passphrase: --key-passphrase-file, else the environment, else asked on the terminal."""
    if getattr(args, "key_passphrase_file", None):
        path = Path(args.key_passphrase_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise common.CommandError(
                _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
            ) from exc
        return text.splitlines()[0] if text else ""
    if os.environ.get(ENV):
        return os.environ[ENV]
    if not sys.stdin.isatty():
        raise common.CommandError(
            _("Give the key's passphrase with --key-passphrase-file FILE or {env}.").format(env=ENV)
        )
    import getpass

    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("The same passphrase again: ")) != value:
        raise common.CommandError(_("The two passphrases differ."), common.EXIT_FAILED)
    return value


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise common.CommandError(
            _("Cannot read “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


def write_file(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise common.CommandError(
            _("Cannot write “{path}”: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


def open_key(args, path: str):
    """The signing key in a PKCS#12 file; a wrong passphrase is refused with one line (exit 1)."""
    from app.core.crypto import keys

    data = read_file(path)
    secret = passphrase(args, _("Passphrase of {path}: ").format(path=path))
    try:
        return keys.open_p12(data, secret)
    except keys.KeyFileError as exc:
        raise common.CommandError(f"{path}: {exc.message}", common.EXIT_FAILED) from exc


def register(sub) -> None:
    p = sub.add_parser(
        "keys",
        help=_("signing keys and the certificates of the two sides"),
        description=_(
            "Create a signing key, export its certificate, and trust the other side's certificate once its "
            "fingerprint has been confirmed."
        ),
        parents=[common.options_parser()],
    )
    cmds = p.add_subparsers(dest="keys_command", metavar=_("ACTION"), title=_("actions"), required=True)

    new = common.add_command(
        cmds, "new", _("create a signing key with its certificate in a PKCS#12 file"), run_new
    )
    new.add_argument("--side", required=True, metavar="SIDE", help=_("the side the key signs for (CN, SU…)"))
    new.add_argument("--name", required=True, help=_("the name the certificate shows (the secretariat)"))
    new.add_argument("--algorithm", choices=["ecdsa-p256", "rsa3072"], default="ecdsa-p256",
                     help=_("the type of key (default: ecdsa-p256)"))  # fmt: skip
    new.add_argument("-o", "--output", metavar="FILE.p12", required=True, help=_("the key file to write"))
    add_passphrase_option(new)

    exp = common.add_command(cmds, "export-cert", _("write a key's public certificate and print its fingerprint"),
                             run_export)  # fmt: skip
    exp.add_argument("key", metavar="FILE.p12", help=_("the key file"))
    exp.add_argument(
        "-o", "--output", metavar="CERT.pem", required=True, help=_("the certificate file to write")
    )
    add_passphrase_option(exp)

    tr = common.add_command(
        cmds, "trust", _("trust a side's certificate once its fingerprint is confirmed"), run_trust
    )
    tr.add_argument("--side", required=True, metavar="SIDE", help=_("the side whose certificate it is"))
    tr.add_argument("cert", metavar="CERT.pem", help=_("the certificate (PEM or DER)"))
    tr.add_argument("--fingerprint", required=True, metavar="HEX",
                    help=_("its SHA-256 fingerprint as confirmed with the other side (spaces allowed)"))  # fmt: skip

    ls = common.add_command(cmds, "list", _("the sides' certificates and whether this computer trusts them"),
                            run_list)  # fmt: skip
    del ls

    sm = common.add_command(cmds, "sign-minutes", _("sign the stored content of signed minutes with a side's key"),
                            run_sign_minutes)  # fmt: skip
    sm.add_argument("--session", metavar="N", type=int, required=True, help=_("the number of the session"))
    sm.add_argument("--key", metavar="FILE.p12", required=True, help=_("the side's key file"))
    sm.add_argument(
        "-o",
        "--output",
        metavar="SIG.json",
        help=_("also write the signature to this file, for the other side"),
    )
    add_passphrase_option(sm)

    ad = common.add_command(cmds, "add-signature", _("add the other side's signature of the minutes, as it arrived"),
                            run_add_signature)  # fmt: skip
    ad.add_argument("file", metavar="SIG.json", help=_("the signature file written by keys sign-minutes -o"))


def run_new(args) -> int:
    from app.core.crypto import keys

    target = Path(args.output)
    if target.exists():
        raise common.CommandError(_("“{path}” exists already; choose another file.").format(path=target))
    secret = passphrase(args, _("Passphrase for the new key: "), confirm=True)
    data = keys.create(args.side, args.name, secret, args.algorithm)
    write_file(args.output, data)
    try:
        os.chmod(target, 0o600)
    except OSError:
        pass
    key = keys.open_p12(data, secret)
    print(_("{path}: key for {side} ({name}); certificate fingerprint (SHA-256):").format(
        path=target, side=args.side.upper(), name=key.signer_name))  # fmt: skip
    print(keys.grouped(key.fingerprint))
    return common.EXIT_OK


def run_export(args) -> int:
    from app.core.crypto import keys

    key = open_key(args, args.key)
    write_file(args.output, keys.cert_pem(key.certificate).encode("ascii"))
    print(
        _("{path}: certificate of {name}; fingerprint (SHA-256):").format(
            path=args.output, name=key.signer_name
        )
    )
    print(keys.grouped(key.fingerprint))
    return common.EXIT_OK


def run_trust(args) -> int:
    from app.core.crypto import keys, trust
    from app.core.errors import ValidationError
    from app.core.services.minutes.records import author_name

    cert = keys.load_cert(read_file(args.cert))
    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                replaced = trust.trust(s, args.side, cert, args.fingerprint, author_name())
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from exc
    finally:
        db.close()
    values = dict(
        side=args.side.upper(), name=keys.subject_name(cert), fingerprint=keys.grouped(keys.fingerprint(cert))
    )
    if replaced:
        print(
            _(
                "Side {side}: the certificate of {name} replaces the one trusted before; fingerprint {fingerprint}."
            ).format(**values)
        )
    else:
        print(
            _("Side {side}: the certificate of {name} is trusted; fingerprint {fingerprint}.").format(
                **values
            )
        )
    return common.EXIT_OK


def run_list(args) -> int:
    from app.core.crypto import keys, trust

    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            certs = trust.recorded(s)
            rows = [(code, sc, trust.status(s, sc.certificate)[1]) for code, sc in sorted(certs.items())]
    finally:
        db.close()
    if not rows:
        print(_("No side's certificate is recorded yet."))
    for code, sc, state in rows:
        print(_("{side}: {name}, {fingerprint}: {trust}").format(
            side=code, name=keys.subject_name(sc.certificate), fingerprint=keys.grouped(sc.fingerprint), trust=state.label))  # fmt: skip
    return common.EXIT_OK


def run_sign_minutes(args) -> int:
    from app.core.crypto import record
    from app.core.errors import NotFoundError, ValidationError
    from app.core.services.agenda import sessions as meetings
    from app.core.services.minutes.records import author_name

    key = open_key(args, args.key)
    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                meeting = meetings.meeting_by_ordinal(s, args.session)
            except NotFoundError as exc:
                raise common.CommandError(exc.message) from exc
            try:
                sig = record.sign(s, meeting.id, key, author_name())
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from exc
            exported = record.export(s, meeting.id, sig.side)
    finally:
        db.close()
    print(_("The minutes of session {number} are signed digitally for {side} by {name}.").format(
        number=args.session, side=sig.side, name=sig.signer))  # fmt: skip
    if args.output:
        import json

        write_file(args.output, json.dumps(exported, indent=1).encode("utf-8"))
        print(_("{path}: the signature, for the other side (keys add-signature).").format(path=args.output))
    return common.EXIT_OK


def run_add_signature(args) -> int:
    import json

    from app.core.crypto import record
    from app.core.errors import ValidationError
    from app.core.services.minutes.records import author_name

    try:
        doc = json.loads(read_file(args.file).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise common.CommandError(
            _("This is not a signature file of the minutes."), common.EXIT_FAILED
        ) from exc
    db = common.open_db(args, create=False)
    try:
        with db.unit() as s:
            try:
                sig = record.add(s, doc if isinstance(doc, dict) else {}, author_name())
            except ValidationError as exc:
                raise common.CommandError(exc.message, common.EXIT_FAILED) from exc
    finally:
        db.close()
    print(
        _("The signature of {side} by {name} is added to the minutes.").format(side=sig.side, name=sig.signer)
    )
    return common.EXIT_OK
