"""What the minutes share with the other side in an exchange bundle (:mod:`app.core.sync`).

Each language column of a segment is owned by the side whose working language it is: the Chinese
side's text_zh and the Soviet side's text_ru never conflict, whoever edited them last. The minutes'
``locked`` is applied last, once their segments are in (the database refuses to change segments of
signed minutes). Revisions and the print register stay home; the digital signatures travel.
"""

from __future__ import annotations

from app.core.enums import RevisionAction
from app.core.fields import Shared


def _revision(session, segment, note: str) -> None:
    """A segment changed by a bundle keeps a revision, as one changed by hand (its history)."""
    from app.core.services.minutes.rules import add_revision

    add_revision(session, segment, RevisionAction.IMPORT, note)


SHARED = (
    Shared("minutes", late=("locked",)),
    Shared("minutes_segments", owned={"text_zh": "zh", "text_ru": "ru"}, after_apply=_revision),
    Shared("minutes_signatures"),
    Shared("glossary_terms"),
)
