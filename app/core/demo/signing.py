"""Demo: the first session's minutes are signed (on the session's last day, in its city, by the two
heads of delegation), so that their copies print as signature originals with the fingerprint and
every segment is locked. Skipped when the minutes of the first session have not been written."""

from __future__ import annotations

import datetime as dt

from app.core.services.minutes import records as minutes_service
from app.core.services.minutes import signing
from app.core.services.minutes.content import signing_defaults


def build(ctx) -> None:
    meeting_id = ctx.meetings.get(1)
    if meeting_id is None:
        return
    m = minutes_service.get_minutes(ctx.session, meeting_id)
    if m is None or m.locked or not minutes_service.list_segments(ctx.session, m.id):
        return
    fields = signing_defaults(ctx.session, meeting_id)
    at = dt.datetime.combine(fields.date, dt.time(10, 0), tzinfo=dt.UTC)  # deterministic for a given today
    signing.record_signing(ctx.session, meeting_id, fields, signed_at=at)
