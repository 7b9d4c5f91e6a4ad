"""The programme of a session day by day: agenda items in their time slots and the other events
(arrival, site visit, reception, signing ceremony…), with overlapping slots flagged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import AgendaStatus, EventKind
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Meeting, ScheduleEvent
from app.core.services.agenda import items as agenda
from app.core.services.agenda.items import AgendaItemData, check_slot, end_of
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_, format_date

#: Events may fall this many days before the opening or after the closing (arrival, departure).
MARGIN_DAYS = 7


@dataclass(frozen=True)
class EventForm:
    meeting_id: int
    kind: EventKind | str = EventKind.OTHER
    title_zh: str = ""
    title_ru: str = ""
    place_zh: str = ""
    place_ru: str = ""
    day: dt.date | None = None
    start_time: dt.time | None = None
    duration_minutes: int | None = None
    notes: str = ""
    id: int | None = None
    #: the version the event was read at (None: no check)
    version: int | None = None
    place_en: str = ""


@dataclass(frozen=True)
class EventData:
    id: int
    uuid: str
    meeting_id: int
    kind: EventKind
    title_zh: str
    title_ru: str
    place_zh: str
    place_ru: str
    day: dt.date
    start_time: dt.time | None
    duration_minutes: int | None
    notes: str
    #: the version the event was read at (a save of an older copy is a conflict)
    version: int | None = None
    place_en: str = ""

    def title(self, lang: str) -> str:
        return pick(lang, self.title_zh, self.title_ru)

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru, self.place_en)

    @property
    def end_time(self) -> dt.time | None:
        return end_of(self.start_time, self.duration_minutes)


@dataclass(frozen=True)
class Entry:
    """One line of the programme: an agenda item or an event."""

    item: AgendaItemData | None
    event: EventData | None
    #: the keys (see :attr:`key`) of the entries this one overlaps
    overlaps: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"item:{self.item.id}" if self.item else f"event:{self.event.id}"

    @property
    def day(self) -> dt.date | None:
        return self.item.day if self.item else self.event.day

    @property
    def start_time(self) -> dt.time | None:
        return self.item.start_time if self.item else self.event.start_time

    @property
    def duration_minutes(self) -> int | None:
        return self.item.duration_minutes if self.item else self.event.duration_minutes

    @property
    def end_time(self) -> dt.time | None:
        return end_of(self.start_time, self.duration_minutes)

    def title(self, lang: str) -> str:
        return self.item.title(lang) if self.item else self.event.title(lang)


@dataclass(frozen=True)
class Day:
    day: dt.date
    entries: tuple[Entry, ...]
    #: the day lies before the opening or after the closing (arrival, departure)
    outside: bool = False


@dataclass(frozen=True)
class Schedule:
    days: tuple[Day, ...]
    #: agenda items with no day or no time yet
    unscheduled: tuple[Entry, ...] = ()
    overlaps: int = field(default=0)

    def entry(self, key: str) -> Entry | None:
        for d in self.days:
            for e in d.entries:
                if e.key == key:
                    return e
        return next((e for e in self.unscheduled if e.key == key), None)


def _data(row: ScheduleEvent) -> EventData:
    return EventData(
        id=row.id,
        uuid=row.uuid,
        meeting_id=row.meeting_id,
        kind=EventKind(row.kind),
        title_zh=row.title_zh,
        title_ru=row.title_ru,
        place_zh=row.place_zh,
        place_ru=row.place_ru,
        place_en=row.place_en,
        day=row.day,
        start_time=row.start_time,
        duration_minutes=row.duration_minutes,
        notes=row.notes,
        version=row.version,
    )


def list_events(session: Session, meeting_id: int) -> list[EventData]:
    rows = session.execute(
        select(ScheduleEvent)
        .where(ScheduleEvent.meeting_id == meeting_id)
        .order_by(ScheduleEvent.day, ScheduleEvent.start_time, ScheduleEvent.id)
    ).scalars()
    return [_data(r) for r in rows]


def validate_event(session: Session, form: EventForm) -> EventForm:
    meeting = session.get(Meeting, form.meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    try:
        kind = EventKind(form.kind)
    except ValueError:
        raise ValidationError(N_("Choose the kind of event."), field="kind") from None
    values = {f: clean(getattr(form, f)) for f in ("place_zh", "place_ru", "place_en")}
    titles = {f: clean_text(getattr(form, f)) for f in ("title_zh", "title_ru")}
    if kind is EventKind.OTHER and not (titles["title_zh"] or titles["title_ru"]):
        raise ValidationError(N_("Say what the event is, in Chinese or in Russian."), field="title_zh")
    for f, v in {**values, **titles}.items():
        if len(v) > (300 if f.startswith("place") else 1000):
            raise ValidationError(N_("This field is too long."), field=f)
    if form.day is None:
        raise ValidationError(N_("Give the day of the event."), field="day")
    check_slot(meeting, form.day, form.start_time, form.duration_minutes,
               days_before=MARGIN_DAYS, days_after=MARGIN_DAYS)  # fmt: skip
    return replace(form, kind=kind, notes=clean_text(form.notes), **values, **titles)


def _apply(row: ScheduleEvent, form: EventForm) -> None:
    for f in (
        "title_zh",
        "title_ru",
        "place_zh",
        "place_ru",
        "place_en",
        "day",
        "start_time",
        "duration_minutes",
        "notes",
    ):
        setattr(row, f, getattr(form, f))
    row.kind = EventKind(form.kind).value


@changes(Change.MEETINGS)
def add_event(session: Session, form: EventForm) -> EventData:
    form = validate_event(session, replace(form, id=None))
    row = ScheduleEvent(meeting_id=form.meeting_id)
    _apply(row, form)
    session.add(row)
    session.flush()
    return _data(row)


@changes(Change.MEETINGS)
def update_event(session: Session, form: EventForm) -> EventData:
    row = session.get(ScheduleEvent, form.id) if form.id is not None else None
    if row is None:
        raise NotFoundError(N_("This event no longer exists; someone may have deleted it."))
    form = validate_event(session, replace(form, meeting_id=row.meeting_id))
    versions.check(session, row, form.version, versions.form_values(form, row, ("id", "version", "meeting_id")))
    _apply(row, form)
    versions.flush(session)
    return _data(row)


@changes(Change.MEETINGS)
def delete_event(session: Session, event_id: int) -> None:
    row = session.get(ScheduleEvent, event_id)
    if row is None:
        raise NotFoundError(N_("This event no longer exists; someone may have deleted it."))
    session.delete(row)
    session.flush()


def check_events_fit(session: Session, meeting_id: int, start: dt.date, end: dt.date) -> None:
    """Refuse new session dates that would leave events of its programme too far outside."""
    first = start - dt.timedelta(days=MARGIN_DAYS)
    last = end + dt.timedelta(days=MARGIN_DAYS)
    outside = [e for e in list_events(session, meeting_id) if not first <= e.day <= last]
    if outside:
        raise ValidationError(
            N_("Events of the programme fall outside these dates ({days}); move them first."),
            field="start_date",
            days=", ".join(format_date(e.day) for e in outside),
        )


# --- the day-by-day programme ------------------------------------------------------------------


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _interval(e: Entry) -> tuple[int, int]:
    start = _minutes(e.start_time)
    return start, start + max(1, e.duration_minutes or 0)


def find_overlaps(entries: list[Entry]) -> list[Entry]:
    """The same entries, each with the keys of the others on the same day whose slots overlap."""
    timed = [e for e in entries if e.day is not None and e.start_time is not None]
    hits: dict[str, list[str]] = {e.key: [] for e in entries}
    for i, a in enumerate(timed):
        a0, a1 = _interval(a)
        for b in timed[i + 1 :]:
            if a.day != b.day:
                continue
            b0, b1 = _interval(b)
            if a0 < b1 and b0 < a1:
                hits[a.key].append(b.key)
                hits[b.key].append(a.key)
    return [replace(e, overlaps=tuple(hits[e.key])) for e in entries]


def _sort_key(e: Entry):
    t = e.start_time
    return (t is None, t or dt.time(0), 0 if e.item else 1, e.item.position if e.item else e.event.id)


def build_schedule(
    meeting: Meeting | object, items: list[AgendaItemData], events: list[EventData]
) -> Schedule:
    """Lay items and events out by day. Withdrawn items are left out; items without a day or a
    start time are listed as unscheduled."""
    entries = [Entry(i, None) for i in items if i.status is not AgendaStatus.WITHDRAWN]
    entries += [Entry(None, e) for e in events]
    entries = find_overlaps(entries)
    by_day: dict[dt.date, list[Entry]] = {}
    unscheduled = []
    for e in entries:
        if e.day is None or (e.item is not None and e.start_time is None):
            unscheduled.append(e)
        else:
            by_day.setdefault(e.day, []).append(e)
    days = tuple(
        Day(d, tuple(sorted(es, key=_sort_key)), outside=not meeting.start_date <= d <= meeting.end_date)
        for d, es in sorted(by_day.items())
    )
    overlaps = sum(1 for e in entries if e.overlaps)
    return Schedule(days, tuple(sorted(unscheduled, key=_sort_key)), overlaps)


def schedule(session: Session, meeting_id: int) -> Schedule:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    return build_schedule(meeting, agenda.list_items(session, meeting_id), list_events(session, meeting_id))
