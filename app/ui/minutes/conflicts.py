"""A segment saved by someone else while it was being typed here (another window, another laptop on
a shared database): the autosave refuses to overwrite it, and the user sees both texts and chooses
for each language which to keep. The typed text stays in the cell until then and is saved if
chosen; nothing typed is dropped silently."""

from __future__ import annotations

from app.core.errors import ConflictError, CoreError
from app.i18n import _
from app.ui.dialogs.conflict_dialog import ConflictDialog


def labels(name: str) -> str:
    return {"text_zh": _("Chinese text"), "text_ru": _("Russian text")}.get(name, name)


def resolve_segment_conflict(view, uuid: str, exc: ConflictError) -> None:
    """Ask which texts to keep (the typed ones are preselected), save them, show them."""
    doc = view.doc
    seg = doc.get(uuid)
    if seg is None:
        return
    base = {"text_zh": seg.text_zh, "text_ru": seg.text_ru}
    choice = {}
    if exc.fields and exc.version is not None:
        dlg = ConflictDialog(exc, labels, base=base, cancel=False, parent=view)
        dlg.exec()
        choice = dlg.merged()
    else:  # no detail (a race within the save): keep the typed texts
        choice = dict(exc.mine)
    try:
        saved = doc.save_resolved(uuid, choice, exc.version)
    except CoreError as error:
        view.show_refusal(error.message)
        return
    row = view.editor.rows.get(uuid)
    if row is not None:
        row.set_segment(saved, force_text=True)
