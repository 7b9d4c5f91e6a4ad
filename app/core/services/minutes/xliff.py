"""The minutes as XLIFF, for the interpreters' translation tools (memoQ, Trados Studio, OmegaT,
Phrase), through translate-toolkit's storage classes.

Export: one unit per segment, its id the segment's uuid; the source language's text as source, the
other as target; the kind and the part as notes (category/from "kind" and "part"); the status as
the unit's state. XLIFF 1.2 (``translate.storage.xliff``, namespace and version set to 1.2): draft
→ new, translated → translated, checked → signed-off (1.2 has no "reviewed"; signed-off is its
"reviewed and approved"), agreed and initialled → final with translate="no". XLIFF 2.0
(``translate.storage.xliff2``): draft → initial, translated → translated, checked → reviewed,
agreed and initialled → final with translate="no". translate-toolkit puts XLIFF 2.0 notes and
xml:space inside <segment>, where the 2.0 schema does not allow them: they are moved onto <unit>.

Import (:func:`plan_import`, then :func:`apply_import`): the targets and states of the units that
name segments of these minutes. Never an initialled segment, never signed minutes. A changed
target takes its segment to "translated" at most, whatever state the file gives it (the editor's
rule: the other side looks at a changed text again). A unit whose
segment is elsewhere, gone, initialled, or whose source text changed since the export is left out
and reported. A file that is not well-formed XML, not XLIFF, or in other languages is refused whole.
A unit without a target, or with an empty one, leaves the segment's text as it is.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import RevisionAction, SegmentStatus
from app.core.errors import ImportRefused, NotFoundError, RowError, ValidationError
from app.core.models import Meeting, Minutes, Segment
from app.core.services.minutes import edit as me
from app.core.services.minutes.records import list_segments, minutes_row
from app.i18n import N_

VERSIONS = ("1.2", "2.0")
LANGS = {"zh": "zh-CN", "ru": "ru-RU"}
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAX_FILE = 200 * 1024 * 1024

STATE_12 = {
    SegmentStatus.DRAFT: "new",
    SegmentStatus.TRANSLATED: "translated",
    SegmentStatus.CHECKED: "signed-off",
    SegmentStatus.AGREED: "final",
    SegmentStatus.INITIALLED: "final",
}
STATE_20 = {
    SegmentStatus.DRAFT: "initial",
    SegmentStatus.TRANSLATED: "translated",
    SegmentStatus.CHECKED: "reviewed",
    SegmentStatus.AGREED: "final",
    SegmentStatus.INITIALLED: "final",
}
#: What a state read from a file means here (both versions; initialled is never read from a file).
STATE_IN = {
    "new": SegmentStatus.DRAFT,
    "initial": SegmentStatus.DRAFT,
    "needs-translation": SegmentStatus.DRAFT,
    "needs-adaptation": SegmentStatus.DRAFT,
    "needs-l10n": SegmentStatus.DRAFT,
    "translated": SegmentStatus.TRANSLATED,
    "needs-review-translation": SegmentStatus.TRANSLATED,
    "needs-review-adaptation": SegmentStatus.TRANSLATED,
    "needs-review-l10n": SegmentStatus.TRANSLATED,
    "signed-off": SegmentStatus.CHECKED,
    "reviewed": SegmentStatus.CHECKED,
    "final": SegmentStatus.AGREED,
}


def _status_state(status: SegmentStatus) -> SegmentStatus:
    """The status a state written for ``status`` reads back as."""
    return SegmentStatus.AGREED if status is SegmentStatus.INITIALLED else status


# --- export ------------------------------------------------------------------------------------


def _store_12(src: str, tgt: str, original: str):
    from translate.storage import xliff

    class Unit12(xliff.xliffunit):
        namespace = NS12

    class File12(xliff.xlifffile):
        UnitClass = Unit12
        namespace = NS12
        XMLskeleton = (
            f"<?xml version='1.0' ?>\n<xliff version='1.2' xmlns='{NS12}'>\n"
            f"<file original='{original}' source-language='{src}' target-language='{tgt}' "
            "datatype='plaintext'>\n<body>\n</body>\n</file>\n</xliff>"
        )

    return File12(sourcelanguage=src, targetlanguage=tgt), Unit12


def _store_20(src: str, tgt: str, original: str):
    from translate.storage import xliff2

    store = xliff2.Xliff2File(sourcelanguage=src, targetlanguage=tgt)
    store.body.set("id", "f1")
    store.body.set("original", original)
    return store, xliff2.Xliff2Unit


def build_xliff(session: Session, meeting_id: int, source: str = "zh", version: str = "1.2") -> bytes:
    """The XLIFF file of a session's minutes, as bytes."""
    if source not in LANGS:
        raise ValidationError(N_("The source language is zh or ru."), field="source")
    if version not in VERSIONS:
        raise ValidationError(N_("The XLIFF version is 1.2 or 2.0."), field="version")
    row = minutes_row(session, meeting_id)
    if row is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    target = "ru" if source == "zh" else "zh"
    original = f"minutes-{row.uuid}"
    if version == "1.2":
        store, unit_class = _store_12(LANGS[source], LANGS[target], original)
    else:
        store, unit_class = _store_20(LANGS[source], LANGS[target], original)
    for seg in list_segments(session, row.id):
        src_text, tgt_text = seg.text(source), seg.text(target)
        unit = unit_class(src_text)
        if version == "1.2":
            store.addunit(unit)
            unit.setid(seg.uuid)
            unit.settarget(tgt_text)
            tnode = unit.getlanguageNode(lang=None, index=1)
            if tnode is None:  # an empty target: still there, so that tools know where to write
                tnode = etree.SubElement(unit.xmlelement, f"{{{NS12}}}target")
            tnode.set("state", STATE_12[seg.status])
            unit.markapproved(seg.status.rank >= SegmentStatus.CHECKED.rank)
            unit.addnote(seg.kind.value, origin="kind")
            unit.addnote(seg.part.value, origin="part")
            elem = unit.xmlelement
        else:
            store.addunit(unit)
            unit.setid(seg.uuid)
            unit.target = tgt_text
            if unit.getlanguageNode(lang=None, index=1) is None:
                etree.SubElement(unit.xmlelement, f"{{{NS20}}}target")
            unit.xmlelement.set("state", STATE_20[seg.status])
            elem = unit.getunitelement()
            segment = unit.xmlelement
            segment.attrib.pop(XML_SPACE, None)
            elem.set(XML_SPACE, "preserve")
            notes = etree.Element(f"{{{NS20}}}notes")
            for category, text in (("kind", seg.kind.value), ("part", seg.part.value)):
                etree.SubElement(notes, f"{{{NS20}}}note", category=category).text = text
            elem.insert(0, notes)
        if seg.status.rank >= SegmentStatus.AGREED.rank:
            elem.set("translate", "no")
    return bytes(store)


def export_xliff(
    session: Session, meeting_id: int, path: Path, source: str = "zh", version: str = "1.2"
) -> int:
    """Write a session's minutes to an XLIFF file, atomically; the number of segments."""
    data = build_xliff(session, meeting_id, source, version)
    row = minutes_row(session, meeting_id)
    n = len(list_segments(session, row.id)) if row else 0
    write_atomically(Path(path), data)
    return n


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a failed export leaves nothing half-written."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise ValidationError(
            N_("Cannot write “{path}”: {reason}"),
            field="path",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise ValidationError(
            N_("Cannot write “{path}”: {reason}"),
            field="path",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --- reading a file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileUnit:
    id: str
    source: str
    target: str | None  # None: the unit has no target
    state: str | None


@dataclass(frozen=True)
class XliffContent:
    version: str
    source: str  # "zh" or "ru"
    target: str
    original: str
    units: tuple[FileUnit, ...]


def _lang(code: str | None) -> str | None:
    code = (code or "").strip().lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh"
    if code == "ru" or code.startswith("ru-"):
        return "ru"
    return None


def _text(value) -> str:
    return "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")


def read_xliff(path: Path) -> XliffContent:
    """An XLIFF 1.2 or 2.0 file read by translate-toolkit; ImportRefused if it cannot be used."""
    path = Path(path)
    if path.stat().st_size > MAX_FILE:
        raise ImportRefused(N_("“{name}” is too large to import."), name=path.name)
    data = path.read_bytes()
    try:
        root = etree.fromstring(
            data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError as exc:
        raise ImportRefused(
            N_("“{name}” is not well-formed XML ({reason}); nothing was imported."),
            name=path.name,
            reason=str(exc),
        ) from None
    if etree.QName(root).localname != "xliff":
        raise ImportRefused(N_("“{name}” is not an XLIFF file."), name=path.name)
    version = root.get("version", "")
    try:
        if version.startswith("2."):
            from translate.storage import xliff2

            store = xliff2.Xliff2File.parsestring(data)
            src, tgt = store.getsourcelanguage(), store.gettargetlanguage()
            original = store.body.get("original", "") if store.body is not None else ""
            units = tuple(
                FileUnit(
                    id=u.getunitelement().get("id") or "",
                    source=_text(u.source),
                    target=None if u.getlanguageNode(lang=None, index=1) is None else _text(u.target),
                    state=u.xmlelement.get("state"),
                )
                for u in store.units
            )
            version = "2.0"
        else:
            from translate.storage import xliff

            store = xliff.xlifffile.parsestring(data)
            src, tgt = store.getsourcelanguage(), store.gettargetlanguage()
            names = store.getfilenames()
            original = names[0] if names else ""
            out = []
            for u in store.units:
                tnode = u.getlanguageNode(lang=None, index=1)
                out.append(
                    FileUnit(
                        id=u.xmlelement.get("id") or "",
                        source=_text(u.source),
                        target=None if tnode is None else _text(u.target),
                        state=None if tnode is None else tnode.get("state"),
                    )
                )
            units = tuple(out)
            version = "1.2"
    except (ValueError, AssertionError, StopIteration, etree.XMLSyntaxError) as exc:
        raise ImportRefused(
            N_("“{name}” is not an XLIFF file that can be read ({reason})."), name=path.name, reason=str(exc)
        ) from None
    s, t = _lang(src), _lang(tgt)
    if s is None or t is None or s == t:
        raise ImportRefused(
            N_("“{name}” is in {source} → {target}; the minutes need Chinese and Russian."),
            name=path.name, source=src or "?", target=tgt or "?",
        )  # fmt: skip
    return XliffContent(version, s, t, original, units)


# --- planning and applying an import -----------------------------------------------------------


@dataclass(frozen=True)
class UnitChange:
    """One segment an import changes: its texts and status before and after."""

    uuid: str
    segment_id: int
    number: int  # 1-based place in the minutes
    lang: str  # the language whose text changes ("zh" or "ru")
    old_text: str
    new_text: str
    old_status: SegmentStatus
    new_status: SegmentStatus

    @property
    def text_changed(self) -> bool:
        return self.old_text != self.new_text


@dataclass(frozen=True)
class Skipped:
    """A unit left out, and why (a message id with its parameters)."""

    unit: str
    msgid: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        from app.i18n import _
        from app.i18n.wording import session_name

        params = dict(self.params)
        if "session" in params:  # a session number, named as every message names a session
            params["session"] = session_name(params["session"])
        text = _(self.msgid)
        return text.format(**params) if params else text


@dataclass(frozen=True)
class ImportPlan:
    changes: tuple[UnitChange, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    unchanged: int = 0


def _session_number(session: Session, minutes_id: int) -> int | None:
    m = session.get(Minutes, minutes_id)
    meeting = session.get(Meeting, m.meeting_id) if m else None
    return meeting.ordinal if meeting else None


def plan_import(session: Session, meeting_id: int, path: Path) -> ImportPlan:
    """What importing an XLIFF file into a session's minutes would change (nothing is written)."""
    content = read_xliff(path)
    row = minutes_row(session, meeting_id)
    if row is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    if row.locked:
        raise ValidationError(N_("These minutes are signed; they can no longer be changed."))
    here = {s.uuid: (i, s) for i, s in enumerate(list_segments(session, row.id), start=1)}
    errors: list[RowError] = []
    for n, u in enumerate(content.units, start=1):
        if u.target is not None and len(u.target) > me.MAX_TEXT:
            errors.append(RowError(n, u.id, N_("The text is longer than {n} characters."), n=me.MAX_TEXT))
    if errors:
        raise ImportRefused(N_("The file was not imported: the units listed below have errors."), rows=errors)
    planned: list[UnitChange] = []
    skipped: list[Skipped] = []
    unchanged = 0
    seen: set[str] = set()
    for u in content.units:
        if u.id in seen:
            skipped.append(Skipped(u.id, N_("The unit appears twice in the file; only the first was read.")))
            continue
        seen.add(u.id)
        if u.id not in here:
            other = session.execute(
                select(Segment.minutes_id).where(Segment.uuid == u.id)
            ).scalar_one_or_none()
            if other is None:
                skipped.append(
                    Skipped(u.id, N_("No segment has this id any more; it may have been deleted."))
                )
            else:
                skipped.append(
                    Skipped(u.id, N_("The segment belongs to the minutes of another session: {session}."),
                            {"session": _session_number(session, other) or 0})
                )  # fmt: skip
            continue
        number, seg = here[u.id]
        # no target, or an empty one (some tools write <target/> for what they did not touch):
        # the text stays as it is
        new_text = seg.text(content.target) if not u.target else u.target
        wanted = STATE_IN.get((u.state or "").strip().lower()) if u.state else None
        old_state = _status_state(seg.status)
        text_changed = new_text != seg.text(content.target)
        status_changed = wanted is not None and wanted is not old_state
        if not text_changed and not status_changed:
            unchanged += 1
            continue
        if seg.locked:
            skipped.append(
                Skipped(
                    u.id,
                    N_("Segment {number} is initialled and locked; it was left as it is."),
                    {"number": number},
                )
            )
            continue
        if u.source != seg.text(content.source):
            skipped.append(
                Skipped(u.id, N_("The source text of segment {number} has changed since the file was written; "
                                 "it was left as it is."), {"number": number})
            )  # fmt: skip
            continue
        new_status = wanted if wanted is not None else seg.status
        if text_changed and new_status.rank > SegmentStatus.TRANSLATED.rank:
            # the editor's rule: a changed text has to be looked at again by the other side
            new_status = SegmentStatus.TRANSLATED
        other_text = seg.text(content.source)
        if new_status is not SegmentStatus.DRAFT and not (new_text.strip() and other_text.strip()):
            new_status = SegmentStatus.DRAFT  # a status past draft needs both texts
        if not text_changed and new_status is seg.status:
            unchanged += 1
            continue
        planned.append(
            UnitChange(
                u.id,
                seg.id,
                number,
                content.target,
                seg.text(content.target),
                new_text,
                seg.status,
                new_status,
            )
        )
    return ImportPlan(tuple(planned), tuple(skipped), unchanged)


def _set(
    session: Session, uuid: str, lang: str, text: str, status: SegmentStatus, action: RevisionAction
) -> None:
    """Give a segment (named by uuid, which survives a delete and its undo) a text and a status."""
    seg_id = session.execute(select(Segment.id).where(Segment.uuid == uuid)).scalar_one_or_none()
    if seg_id is None:
        raise NotFoundError(N_("This segment no longer exists; it may have been deleted."))
    seg = me.save_texts(session, seg_id, **{f"text_{lang}": text}, action=action)
    if seg.status is not status:
        me.set_status(session, seg_id, status)


@changes(Change.MINUTES, Change.DECISIONS)
def apply_import(session: Session, plan: ImportPlan) -> int:
    """Make the changes of a plan (each through the revision history); the number of segments."""
    for c in plan.changes:
        _set(session, c.uuid, c.lang, c.new_text, c.new_status, RevisionAction.IMPORT)
    return len(plan.changes)


@changes(Change.MINUTES, Change.DECISIONS)
def revert_import(session: Session, plan: ImportPlan) -> int:
    """Undo :func:`apply_import`: every changed segment gets its text and status back."""
    for c in reversed(plan.changes):
        _set(session, c.uuid, c.lang, c.old_text, c.old_status, RevisionAction.EDIT)
    return len(plan.changes)


@changes(Change.MINUTES, Change.DECISIONS)
def import_xliff(session: Session, meeting_id: int, path: Path) -> ImportPlan:
    """Plan and apply in one unit of work (the command line)."""
    plan = plan_import(session, meeting_id, path)
    apply_import(session, plan)
    return plan
