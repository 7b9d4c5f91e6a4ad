"""Date arithmetic of stays and terms, counted in whole calendar days, both ends included.

A stay from 1 March to 10 March lasts 10 days; a term limit of 10 days that starts on 1 March
ends on 10 March (the last day the person may still be on site).
"""

from __future__ import annotations

import datetime as dt


def stay_days(start: dt.date, end: dt.date) -> int:
    """How many days a stay from ``start`` to ``end`` lasts (both included)."""
    return (end - start).days + 1


def term_end(start: dt.date, term_days: int, extension_days: int = 0) -> dt.date:
    """The last day of a term of ``term_days`` (plus an extension) that starts on ``start``."""
    return start + dt.timedelta(days=term_days + extension_days - 1)


def overlaps(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> bool:
    """Whether two periods (both ends included) share at least one day."""
    return a_start <= b_end and b_start <= a_end
