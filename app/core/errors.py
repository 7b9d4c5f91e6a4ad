"""The error types the core raises. Their messages are translated when they are shown."""

from __future__ import annotations

from app.i18n import N_, _

#: What a stale save says.
CONFLICT = N_(
    "This record was changed by someone else after you opened it. "
    "Nothing was saved: compare the two versions and choose what to keep."
)


class CoreError(Exception):
    """Base class: carries an untranslated message (a msgid) and its parameters."""

    def __init__(self, message: str, /, *, field: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.msgid = message
        self.field = field
        self.params = params

    @property
    def message(self) -> str:
        """The message in the current interface language."""
        text = _(self.msgid)
        try:
            return text.format(**self.params) if self.params else text
        except (KeyError, IndexError, ValueError):
            return text

    def __str__(self) -> str:
        return self.message


class ValidationError(CoreError):
    """Bad input. ``field`` names the field the message belongs next to, when there is one."""


class NotFoundError(CoreError):
    """The record asked for does not exist (any more)."""


class DatabaseOpenError(CoreError):
    """A database that cannot be opened: not SQLite, damaged, locked, or from a newer version."""


class ServerPasswordError(DatabaseOpenError):
    """A server database whose password is missing or was refused (the window asks for it)."""


class SchemaUpgradeNeeded(DatabaseOpenError):
    """A server database at an older schema: upgraded only when asked (``migrate``, or the window asks)."""


class ReadOnlyDatabaseError(CoreError):
    """A write to a database that this user may only read (a reader role on a server)."""


class RowError:
    """One bad row of an import file: row number, column and reason."""

    __slots__ = ("row", "column", "msgid", "params")

    def __init__(self, row: int, column: str, message: str, **params: object) -> None:
        self.row = row
        self.column = column
        self.msgid = message
        self.params = params

    @property
    def message(self) -> str:
        text = _(self.msgid)
        return text.format(**self.params) if self.params else text

    def __repr__(self) -> str:
        return f"RowError(row={self.row}, column={self.column!r}, {self.msgid!r})"


class ImportRefused(CoreError):
    """An import file that was refused as a whole; ``rows`` lists every bad row. ``unreadable``: the
    file could not be opened or decoded at all (not a refusal of what it holds)."""

    def __init__(
        self,
        message: str,
        /,
        *,
        rows: list[RowError] | None = None,
        unreadable: bool = False,
        **params: object,
    ) -> None:
        super().__init__(message, **params)
        self.rows = rows or []
        self.unreadable = unreadable


class Cancelled(CoreError):
    """The user cancelled a long action; its unit of work rolls back and nothing is written."""

    def __init__(self) -> None:
        super().__init__(N_("Cancelled: nothing was changed."))


class DatabaseBusyError(CoreError):
    """Another program kept the database busy (writing) for longer than we wait."""


class ConflictError(CoreError):
    """A stale save: the record was changed by someone else after it was read for this save.

    Nothing was saved. ``mine`` holds the values the save wanted to write and ``theirs`` the values
    now stored (both ``{field: value}``, the same fields), ``expected`` the version the record was
    read at and ``version`` the version now stored, which a save of the merged values gives back.
    ``fields`` lists the fields in which the two differ; ``changed_by`` and ``changed_at`` say who
    made the stored version and when, when known.
    """

    def __init__(
        self,
        message: str = "",
        /,
        *,
        mine: dict | None = None,
        theirs: dict | None = None,
        expected: int | None = None,
        version: int | None = None,
        changed_by: str = "",
        changed_at: object = None,
        **params: object,
    ) -> None:
        super().__init__(
            message or CONFLICT,
            **params,
        )
        self.mine = dict(mine or {})
        self.theirs = dict(theirs or {})
        self.expected = expected
        self.version = version
        self.changed_by = changed_by
        self.changed_at = changed_at

    @property
    def fields(self) -> list[str]:
        return [k for k in self.mine if k in self.theirs and self.mine[k] != self.theirs[k]]
