"""Attached files of every register: kept inside the database, keyed by their content hash.

A register names its records with an ``owner_kind`` ("agenda_item", "exchange", "assignment",
"expense", …). The same file attached twice is stored once.

A file's name is only ever a base name (:func:`safe_filename`): a name such as ``../../x``, an
absolute path or a Windows device name is reduced to a harmless name when it is stored and again
when it is used, so that opening an attachment never writes outside its temporary folder.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.errors import NotFoundError, ValidationError
from app.core.fields import Field, Register
from app.core.models import Attachment, Blob
from app.i18n import N_

#: Larger files belong in the archive, not in a laptop's database.
MAX_SIZE = 200 * 1024 * 1024


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_DEVICES = re.compile(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\.|$)")
_MAX_NAME = 150


def safe_filename(name: str) -> str:
    """A file name that names a file in a folder and nothing else: no folders (``/`` or ``\\``), no
    ``..``, no characters Windows refuses, no device names, at most 150 characters."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip().strip(".").strip()
    if _DEVICES.match(base):
        base = "_" + base
    if len(base) > _MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[: _MAX_NAME - len(suffix) - 1] + "." + suffix) if dot and len(suffix) < 20 else base[:_MAX_NAME]
    return base or "attachment"


@dataclass(frozen=True)
class AttachmentData:
    id: int
    uuid: str
    owner_kind: str
    owner_id: int
    filename: str
    mime_type: str
    size: int
    sha256: str
    title_zh: str = ""
    title_ru: str = ""

    def title(self, lang: str) -> str:
        """The title in ``lang`` ("zh" or "ru"), empty when none was given."""
        return self.title_zh if lang == "zh" else self.title_ru


#: Longest title kept (the column's width).
MAX_TITLE = 400

#: What the user types about an attachment: its title in either language.
ATTACHMENT = Register(
    "attachments",
    (
        Field("title_zh", N_("Title in &Chinese"), max_length=MAX_TITLE,
              help_msgid=N_("What the documents in Chinese call this material")),
        Field("title_ru", N_("Title in &Russian"), max_length=MAX_TITLE,
              help_msgid=N_("What the documents in Russian call this material")),
    ),
)  # fmt: skip


def default_titles(filename: str) -> tuple[str, str]:
    """Titles guessed from a file name: its stem, in the language its script is written in
    (Chinese characters → Chinese, Cyrillic → Russian); both empty for any other name."""
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    stem = stem.replace("_", " ").strip()
    if any("\u4e00" <= ch <= "\u9fff" for ch in stem):
        return stem, ""
    if any("\u0400" <= ch <= "\u04ff" for ch in stem):
        return "", stem
    return "", ""


def _clean_title(value: str | None, name: str) -> str:
    value = " ".join((value or "").split())
    if len(value) > MAX_TITLE:
        raise ValidationError(
            N_("The title of “{name}” is longer than {limit} characters."),
            field="attachments",
            name=name,
            limit=MAX_TITLE,
        )
    return value


def read_file(path: str | Path) -> bytes:
    """The bytes of a file the user chose, or a ValidationError that says why it cannot be read."""
    p = Path(path)
    try:
        if not p.is_file():
            raise ValidationError(
                N_("“{name}” is not a file that can be attached."), field="attachments", name=p.name
            )
        if p.stat().st_size > MAX_SIZE:
            raise ValidationError(
                N_("“{name}” is larger than {limit} MB and cannot be attached."),
                field="attachments",
                name=p.name,
                limit=MAX_SIZE // (1024 * 1024),
            )
        return p.read_bytes()
    except OSError as exc:
        raise ValidationError(
            N_("“{name}” cannot be read: {reason}"),
            field="attachments",
            name=p.name,
            reason=exc.strerror or str(exc),
        ) from exc


@changes(Change.ATTACHMENTS)
def add_bytes(
    session: Session,
    owner_kind: str,
    owner_id: int,
    filename: str,
    data: bytes,
    mime_type: str | None = None,
    *,
    title_zh: str | None = None,
    title_ru: str | None = None,
) -> AttachmentData:
    """Attach ``data`` as ``filename``. Titles not given are guessed from the file name."""
    filename = safe_filename(filename)
    guess_zh, guess_ru = default_titles(filename)
    title_zh = _clean_title(guess_zh if title_zh is None else title_zh, filename)
    title_ru = _clean_title(guess_ru if title_ru is None else title_ru, filename)
    sha = hashlib.sha256(data).hexdigest()
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=len(data), data=data))
    existing = session.execute(
        select(Attachment).where(
            Attachment.owner_kind == owner_kind,
            Attachment.owner_id == owner_id,
            Attachment.blob_sha256 == sha,
            Attachment.filename == filename,
        )
    ).scalar_one_or_none()
    if existing is not None:
        return _data(existing, len(data))
    position = session.execute(
        select(func.coalesce(func.max(Attachment.position), -1) + 1).where(
            Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id
        )
    ).scalar_one()
    row = Attachment(
        owner_kind=owner_kind,
        owner_id=owner_id,
        blob_sha256=sha,
        filename=filename,
        mime_type=mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream",
        position=position,
        title_zh=title_zh,
        title_ru=title_ru,
    )
    session.add(row)
    session.flush()
    return _data(row, len(data))


@changes(Change.ATTACHMENTS)
def add_file(
    session: Session,
    owner_kind: str,
    owner_id: int,
    path: str | Path,
    *,
    title_zh: str | None = None,
    title_ru: str | None = None,
) -> AttachmentData:
    return add_bytes(
        session, owner_kind, owner_id, Path(path).name, read_file(path), title_zh=title_zh, title_ru=title_ru
    )


@changes(Change.ATTACHMENTS)
def set_titles(session: Session, attachment_id: int, title_zh: str, title_ru: str) -> AttachmentData:
    """Rename a material in both languages (the file itself is unchanged)."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(N_("This attachment no longer exists."))
    row.title_zh = _clean_title(title_zh, row.filename)
    row.title_ru = _clean_title(title_ru, row.filename)
    session.flush()
    return _data(row)


def _data(row: Attachment, size: int | None = None) -> AttachmentData:
    if size is None:
        size = row.blob.size
    return AttachmentData(
        row.id,
        row.uuid,
        row.owner_kind,
        row.owner_id,
        safe_filename(row.filename),
        row.mime_type,
        size,
        row.blob_sha256,
        row.title_zh or "",
        row.title_ru or "",
    )


def list_attachments(session: Session, owner_kind: str, owner_id: int) -> list[AttachmentData]:
    rows = session.execute(
        select(Attachment, Blob.size)
        .join(Blob, Attachment.blob_sha256 == Blob.sha256)
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id)
        .order_by(Attachment.position, Attachment.id)
    )
    return [_data(a, size) for a, size in rows]


def count_by_owner(session: Session, owner_kind: str, owner_ids: list[int]) -> dict[int, int]:
    if not owner_ids:
        return {}
    rows = session.execute(
        select(Attachment.owner_id, func.count())
        .where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(owner_ids))
        .group_by(Attachment.owner_id)
    )
    return dict(rows.all())


def read_attachment(session: Session, attachment_id: int) -> tuple[AttachmentData, bytes]:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(N_("This attachment no longer exists."))
    data = session.execute(select(Blob.data).where(Blob.sha256 == row.blob_sha256)).scalar_one()
    return _data(row, len(data)), data


def save_copy(session: Session, attachment_id: int, target: str | Path) -> Path:
    _meta, data = read_attachment(session, attachment_id)
    target = Path(target)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise ValidationError(
            N_("Cannot write “{path}”: {reason}"), path=str(target), reason=exc.strerror or str(exc)
        ) from exc
    return target


def open_copy(session: Session, attachment_id: int, folder: str | Path) -> Path:
    """Write an attachment into ``folder`` under its safe name, to open it there; never elsewhere."""
    meta, _data_bytes = read_attachment(session, attachment_id)
    folder = Path(folder).resolve()
    target = (folder / safe_filename(meta.filename)).resolve()
    if target.parent != folder:  # pragma: no cover - safe_filename makes it impossible
        raise ValidationError(N_("“{name}” is not a file name that can be used."), name=meta.filename)
    return save_copy(session, attachment_id, target)


@changes(Change.ATTACHMENTS)
def remove_attachment(session: Session, attachment_id: int) -> None:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(N_("This attachment no longer exists."))
    sha = row.blob_sha256
    session.delete(row)
    session.flush()
    _drop_orphan_blobs(session, [sha])


def remove_all(session: Session, owner_kind: str, owner_ids: list[int] | int) -> None:
    """Delete a record's attachments with it (call from the register's delete)."""
    ids = [owner_ids] if isinstance(owner_ids, int) else list(owner_ids)
    if not ids:
        return
    shas = (
        session.execute(
            select(Attachment.blob_sha256).where(
                Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(ids)
            )
        )
        .scalars()
        .all()
    )
    session.execute(
        delete(Attachment).where(Attachment.owner_kind == owner_kind, Attachment.owner_id.in_(ids))
    )
    _drop_orphan_blobs(session, list(set(shas)))


def _drop_orphan_blobs(session: Session, shas: list[str]) -> None:
    for sha in shas:
        used = session.execute(select(func.count()).where(Attachment.blob_sha256 == sha)).scalar_one()
        if not used:
            session.execute(delete(Blob).where(Blob.sha256 == sha))
