"""What an action changed, so that each view refreshes only what concerns it (Anki's OpChanges)."""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    COMMISSION = "commission"  # the commission, its sides and liaison agencies
    PEOPLE = "people"
    MEETINGS = "meetings"  # sessions and delegations
    AGENDA = "agenda"
    DECISIONS = "decisions"
    ATTACHMENTS = "attachments"
    EXCHANGES = "exchanges"
    EXPERTS = "experts"
    EXPENSES = "expenses"
    MINUTES = "minutes"
    GLOSSARY = "glossary"
    SETTINGS = "settings"
    DATABASE = "database"  # another database was opened: everything is new


ALL = frozenset(Change)
