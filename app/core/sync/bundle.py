"""The file of an exchange bundle (``.cdb``): a zip that another program can read (docs/bundles.md).

- ``manifest.json``: the bundle's id, from and to side, sequence number, the other side's bundle it
  acknowledges, schema revision, creation time, whether it is signed, and the SHA-256 of every
  other member (but the signature);
- ``records.jsonl``: one shared record a line (uuid, register, version, hash, base, fields,
  deleted);
- ``blobs/<sha256>``: the files attached, named by their content hash;
- ``signature.json``: the sending side's certificate and its signature over the bytes of
  ``manifest.json`` (absent from an unsigned bundle).

Reading checks the structure, every member's hash and the signature's mathematics; whether the
certificate is the other side's trusted one is for the importer (:mod:`.exchange`).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field

from app.core.crypto import keys
from app.core.errors import CoreError, ValidationError
from app.i18n import N_

FORMAT = "commission-desk-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
RECORDS = "records.jsonl"
SIGNATURE = "signature.json"
BLOBS = "blobs/"
SUFFIX = ".cdb"


class BundleRefused(CoreError):
    """A bundle that is refused whole: nothing of it was applied."""


class NotABundle(BundleRefused):
    """A file that is no bundle at all (unusable input, rather than a bundle refused)."""


@dataclass
class Bundle:
    manifest: dict
    records: list[dict]
    blobs: dict[str, bytes] = field(default_factory=dict)
    signature: dict | None = None
    manifest_bytes: bytes = b""

    @property
    def signed(self) -> bool:
        return self.signature is not None

    def certificate(self):
        return keys.load_cert(self.signature["certificate"]) if self.signature else None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(manifest: dict, records: list[dict], blobs: dict[str, bytes], key: keys.SigningKey | None) -> bytes:
    """The bytes of a bundle; ``manifest`` gains the members' hashes and ``signed``."""
    members: dict[str, bytes] = {
        RECORDS: "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records).encode("utf-8")
    }
    for digest, data in sorted(blobs.items()):
        members[BLOBS + digest] = data
    manifest = dict(manifest, signed=key is not None, members={n: sha256(d) for n, d in members.items()})
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, manifest_bytes)
        for name, data in members.items():
            z.writestr(name, data)
        if key is not None:
            sig = {
                "algorithm": "sha256",
                "certificate": keys.cert_pem(key.certificate),
                "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii"),
            }
            z.writestr(SIGNATURE, json.dumps(sig, indent=1).encode("utf-8"))
    return out.getvalue()


def read(data: bytes) -> Bundle:
    """Read a bundle and check it: the format, every member's hash, the signature's mathematics."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        manifest_bytes = z.read(MANIFEST)
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise NotABundle(N_("This is not an exchange bundle of Commission Desk.")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotABundle(N_("This is not an exchange bundle of Commission Desk."))
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BundleRefused(
            N_("The bundle was written by a newer version of Commission Desk (format {n})."),
            n=manifest.get("format_version"),
        )
    members = manifest.get("members") or {}
    extra = names - set(members) - {MANIFEST, SIGNATURE}
    if extra:
        raise BundleRefused(N_("The bundle has been tampered with: “{member}” is not in its manifest."),
                            member=sorted(extra)[0])  # fmt: skip
    contents: dict[str, bytes] = {}
    for name, digest in members.items():
        try:
            content = z.read(name)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise BundleRefused(N_("The bundle is incomplete: “{member}” is missing."), member=name) from exc
        if sha256(content) != digest or (name.startswith(BLOBS) and sha256(content) != name[len(BLOBS):]):
            raise BundleRefused(
                N_("The bundle has been tampered with: the content of “{member}” differs from its manifest."),
                member=name,
            )
        contents[name] = content
    signature = None
    if SIGNATURE in names:
        try:
            signature = json.loads(z.read(SIGNATURE).decode("utf-8"))
            cert = keys.load_cert(signature["certificate"])
            raw = base64.b64decode(signature["signature"])
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            raise BundleRefused(N_("The bundle's signature cannot be read.")) from exc
        if not keys.verify(cert, raw, manifest_bytes):
            raise BundleRefused(N_("The bundle's signature does not verify: it was changed after signing."))
    elif manifest.get("signed"):
        raise BundleRefused(N_("The bundle says it is signed, but its signature is missing."))
    try:
        records = [json.loads(line) for line in contents.get(RECORDS, b"").decode("utf-8").splitlines() if line]
    except ValueError as exc:
        raise NotABundle(N_("This is not an exchange bundle of Commission Desk.")) from exc
    blobs = {n[len(BLOBS):]: d for n, d in contents.items() if n.startswith(BLOBS)}
    return Bundle(manifest, records, blobs, signature, manifest_bytes)
