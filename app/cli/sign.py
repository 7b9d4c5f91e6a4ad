"""commission-desk sign --key FILE.p12 IN.pdf -o OUT.pdf: add a digital signature to a PDF.

A PAdES baseline signature (B-B) with pyHanko, as an incremental update: the pages stay the bytes
that were printed, and the other side countersigns the same file the same way. Exit status: 0
signed; 1 refused (wrong passphrase); 2 unusable input (files).
"""

from __future__ import annotations

from app.cli import common, keys
from app.i18n import _


def register(sub) -> None:
    p = common.add_command(
        sub,
        "sign",
        _("add a digital signature (PAdES) to a PDF, or countersign it"),
        run,
        description=_(
            "Add a digital signature (PAdES baseline, B-B) to a PDF with a side's key, as an incremental "
            "update that leaves the printed pages unchanged; a PDF signed by one side is countersigned the "
            "same way. Exit status 0 signed, 1 refused, 2 when a file cannot be used."
        ),
    )
    p.add_argument("--key", metavar="FILE.p12", required=True, help=_("the side's key file"))
    keys.add_passphrase_option(p)
    p.add_argument("input", metavar="IN.pdf", help=_("the PDF to sign"))
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help=_("the signed PDF to write"))


def run(args) -> int:
    from app.core.crypto import pdfsign

    data = keys.read_file(args.input)
    key = keys.open_key(args, args.key)
    try:
        signed = pdfsign.sign(data, key)
    except pdfsign.SigningFailed as exc:
        raise common.CommandError(f"{args.input}: {exc.message}") from exc
    keys.write_file(args.output, signed)
    print(_("{path}: signed by {name}.").format(path=args.output, name=key.signer_name))
    return common.EXIT_OK
