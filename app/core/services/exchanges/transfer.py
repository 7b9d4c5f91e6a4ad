"""The Exchanges register in files: export the current view to XLSX or CSV with headers in the
interface language; import a CSV or XLSX file through a column mapping.

An import is all or nothing: a file with a bad row is refused as a whole (:class:`ImportRefused`
lists each bad row: row number, column, reason) and leaves nothing written. The rows are read from
the file, checked (in plain Python, through the register's declaration) and written (one INSERT
of many rows, with their audit entries) a batch at a time, in the caller's one transaction, so
that a file of 100,000 rows is never held in memory whole. A row whose record ID
is already in the register updates that record (a file exported on the other side's laptop comes
back without duplicates); any other row adds one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy.orm import Session

from app.core import audit
from app.core.changes import Change, changes
from app.core.db.bulk import BulkInsert, larger_cache
from app.core.errors import CoreError, ImportRefused, RowError, ValidationError
from app.core.fields import FieldKind
from app.core.models import Exchange
from app.core.models.base import new_uuid, search_key, utcnow
from app.core.models.exchanges import derive_status
from app.core.services import table_stream, tables
from app.core.services.exchanges import records as service
from app.core.services.exchanges.cells import PUBLISHED, Lookups, RowParser, _names, _norm
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import DATE_FIELDS, EXCHANGE, INPUT_FIELDS, Lazy
from app.core.services.exchanges.search import ExchangeFilter, search_exchanges
from app.core.services.tables import Table
from app.i18n import N_, _, current_language
from app.migrations import search_index


def export_columns() -> tuple[str, ...]:
    """Every column an export can hold, in the default order (the register's exported fields)."""
    return tuple(f.name for f in EXCHANGE.exported())


#: Required fields a file may leave out: without a quantity column, one of each.
_OPTIONAL_IN_A_FILE = frozenset({"quantity"})


def required_fields() -> tuple[str, ...]:
    """Columns an import cannot do without: the register's required fields."""
    return tuple(f.name for f in EXCHANGE.imported() if f.required and f.name not in _OPTIONAL_IN_A_FILE)


#: Every column an export can hold, in the default order.
EXPORT_COLUMNS = export_columns()
#: Columns an import can fill (the others are worked out: status, expiry, counts).
IMPORT_FIELDS = tuple(f.name for f in EXCHANGE.imported())
#: Columns an import cannot do without.
REQUIRED_FIELDS = required_fields()

#: Rows checked, and written, at a time; progress is reported after each batch.
BATCH = 1000
#: progress(done, total): called as an import goes on; it may raise to cancel it.
Progress = Callable[[int, int], None]


# --- export --------------------------------------------------------------------------------------


def cell_value(item: ExchangeData, key: str, lang: str | None = None) -> object:
    """What an export (or the table) shows for one field of an item: labels in the interface
    language, dates as dates, numbers as numbers."""
    lang = lang or current_language()
    if key == "title":
        return item.title(lang)
    if key == "published":
        return "" if item.published is None else _(PUBLISHED[0] if item.published else PUBLISHED[1])
    if key == "marking_id":
        return item.marking(lang)
    if key == "from_side_id":
        return item.from_name(lang)
    if key == "to_side_id":
        return item.to_name(lang)
    if key == "meeting_id":
        return item.meeting_ordinal
    if key == "agenda_item_id":
        return item.agenda_position
    if key == "decision_id":
        return item.decision_number
    if key == "attachments":
        return item.attachment_count or None
    if key == "overdue":
        return item.overdue_days
    value = getattr(item, key)
    f = EXCHANGE.get(key)
    if f is not None and f.kind is FieldKind.CHOICE and f.choices is not None:
        return f.choices(value).label if value else ""
    return value


def export_rows(
    session: Session,
    flt: ExchangeFilter = ExchangeFilter(),  # noqa: B008
    columns: Sequence[str] | None = None,
    *,
    sort: str = "requested_on",
    descending: bool = False,
    today: dt.date | None = None,
    batch: int = 2000,
) -> Iterator[list[object]]:
    columns = columns or export_columns()
    offset = 0
    while True:
        items = search_exchanges(
            session, flt, sort=sort, descending=descending, offset=offset, limit=batch, today=today
        )
        for item in items:
            yield [cell_value(item, c) for c in columns]
        if len(items) < batch:
            return
        offset += batch


def export_file(
    session: Session,
    path: str | os.PathLike[str],
    flt: ExchangeFilter = ExchangeFilter(),  # noqa: B008
    columns: Sequence[str] | None = None,
    *,
    sort: str = "requested_on",
    descending: bool = False,
    today: dt.date | None = None,
) -> int:
    """Write the items under the filter to ``path`` (.xlsx or .csv); the headers are in the
    interface language. Returns the number of items written."""
    columns = columns or export_columns()
    headers = [EXCHANGE[c].header for c in columns]
    rows = export_rows(session, flt, columns, sort=sort, descending=descending, today=today)
    return tables.write_table(
        path, headers, rows, sheet_title=_("Exchanges"), widths=[EXCHANGE[c].width for c in columns]
    )


# --- reading a file and mapping its columns --------------------------------------------------------


def read_file(path: str | os.PathLike[str]) -> Table:
    """The file's table, its rows read from the file as they are used (a few thousand at a time)."""
    return tables.require_rows(table_stream.open_table(path, tables.CSV_XLSX))


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """{field: column index} for the columns whose header names a field (in any language)."""
    mapping: dict[str, int] = {}
    for f in EXCHANGE.imported():
        field = f.name
        names = _names(f.header_msgid or f.msgid) | {_norm(field)}
        for i, h in enumerate(headers):
            if h and _norm(h) in names and i not in mapping.values():
                mapping[field] = i
                break
    return mapping


def check_mapping(mapping: dict[str, int]) -> None:
    missing = [f for f in required_fields() if f not in mapping]
    if not any(f in mapping for f in ("title_zh", "title_ru")):
        missing.append("title_zh")
    if not any(f in mapping for f in DATE_FIELDS):
        missing.append("requested_on")
    if missing:
        raise ImportRefused(
            N_("The file has no column for: {fields}. Choose a column for each of them."),
            fields=Lazy(lambda: ", ".join(EXCHANGE[f].header for f in missing)),
        )


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int

    @property
    def total(self) -> int:
        return self.added + self.updated


#: The value of each stored field a file leaves out (the declaration's initial value).
_INITIAL = {f.name: f.initial for f in EXCHANGE.stored() if not f.read_only}
#: The same, tidied as the service tidies what is typed in.
_TIDIED_INITIAL = service._clean(_INITIAL)
#: The fields whose declared rules check_values applies (every field typed in).
_DECLARED = tuple(_INITIAL)
#: The columns of a new record, in the order of the values :meth:`_Import.write` gives.
_NEW_COLUMNS = (*INPUT_FIELDS, "uuid", "status", "warranty_expires", "search_text", "created_at", "updated_at",
                "version")  # fmt: skip
#: A row's values of the fields typed in, and of those its search text is made of, in order.
_INPUTS = itemgetter(*INPUT_FIELDS)
_SEARCHED = itemgetter(*Exchange.__search_fields__)
#: Columns whose value is the same in every row (processed once per batch).
_SAME = ("created_at", "updated_at")


@changes(Change.EXCHANGES)
def import_table(
    session: Session,
    table: Table,
    mapping: dict[str, int],
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row and write it, all or nothing: the rows are read, checked and written
    :data:`BATCH` at a time, and a file with a bad row (every one listed, ImportRefused) leaves
    nothing written. ``progress(done, total)`` is called after each batch; it may raise (Cancel)
    to write nothing. A row whose record ID is in the register updates that record."""
    check_mapping(mapping)
    with session.begin_nested():  # a refusal takes back the rows written so far
        connection = session.connection()
        # the larger cache serves the search index's bulk insert at the end too
        with larger_cache(connection), search_index.added_in_bulk(connection, Exchange.__tablename__):
            return _Import(session, table, mapping, today or dt.date.today()).run(progress)


class _Import:
    def __init__(self, session: Session, table: Table, mapping: dict[str, int], today: dt.date) -> None:
        self.session, self.table, self.mapping, self.today = session, table, mapping, today
        self.look = Lookups.load(session)
        self.parse = RowParser(self.look, mapping, service.TIDY)
        self.side_ids = set(self.look.sides.values())
        self.marking_ids = set(self.look.markings.values())
        self.column_name = {
            f: (table.headers[i] or _("Column {n}").format(n=i + 1)) for f, i in mapping.items()
        }
        self.problems: list[RowError] = []
        self.seen_uuids: dict[str, int] = {}
        self.added = self.updated = 0
        self.writer: BulkInsert | None = None

    def header(self, field: str) -> str:
        return self.column_name.get(field) or (EXCHANGE[field].header if field in EXCHANGE else field)

    def run(self, progress: Progress | None) -> ImportResult:
        rows = self.table.rows
        total = getattr(rows, "estimate", None) or len(rows)
        batch: list[tuple[int, tuple[object, ...]]] = []
        done = 0
        for number, cells in rows:
            if progress is not None and done % BATCH == 0:
                progress(done, max(total, done))
            done += 1
            batch.append((number, cells))
            if len(batch) >= BATCH:
                self.check_and_write(batch)
                batch = []
        self.check_and_write(batch)
        if self.problems:
            raise tables.refused(self.table.name, self.problems)
        if progress is not None:
            progress(done, done)
        return ImportResult(self.added, self.updated)

    def check_and_write(self, batch: list[tuple[int, tuple[object, ...]]]) -> None:
        """Check the rows; write those that pass while no row (of this batch or before) failed."""
        good = self.check(batch)
        if not self.problems:
            self.write(good)

    def check(self, batch: list[tuple[int, tuple[object, ...]]]) -> list[tuple[int, dict]]:
        """(row number, values as stored) of the rows that pass; each other row's errors are added
        to the problems, row after row, in the order of the file."""
        bad = table_stream.rows_problems(self.table, batch)
        readable = [cells for number, cells in batch if number not in bad] if bad else [c for _n, c in batch]
        parsed, columns = self.parse.read(readable)
        # the declared rules (lengths, ranges, choices) tested on the columns: only the rows where a
        # value may break one go through Register.validate (check_values finds the first)
        if columns is None:
            declared = range(len(readable))
        else:
            initial = _TIDIED_INITIAL
            n = len(readable)
            declared = EXCHANGE.rows_to_validate(
                {f: columns[f] if f in columns else [initial[f]] * n for f in _DECLARED}, _DECLARED
            )
        good: list[tuple[int, dict]] = []
        k = 0
        for number, _cells in batch:
            if number in bad:
                self.problems.extend(bad[number])
                continue
            values, errors = parsed[k]
            checked = self.check_row(number, values, errors, k in declared)
            k += 1
            if checked is not None:
                good.append((number, checked))
        return good

    def check_row(self, number: int, values: dict, errors: list, declared: bool = True) -> dict | None:
        """The row's values as stored, or None (its errors added to the problems)."""
        for field, exc in errors:
            self.problems.append(RowError(number, self.header(field), exc.msgid, **exc.params))
        if errors:
            return None
        record_id = values.get("uuid")
        if record_id:
            if record_id in self.seen_uuids:
                self.problems.append(
                    RowError(
                        number,
                        self.header("uuid"),
                        N_("The same record ID is already on row {other}."),
                        other=self.seen_uuids[record_id],
                    )  # fmt: skip
                )
                return None
            self.seen_uuids[record_id] = number
        if values.get("kind") is None:
            self.problems.append(RowError(number, self.header("kind"), N_("Give the kind.")))
            return None
        try:
            # the values are tidied as they are read (RowParser): the initial values of the fields
            # the file leaves out, tidied once, complete them
            checked = service.check_values(
                _TIDIED_INITIAL | values, self.today, self.side_ids, self.marking_ids, declared=declared
            )
        except ValidationError as exc:
            self.problems.append(RowError(number, self.header(exc.field or ""), exc.msgid, **exc.params))
            return None
        checked["uuid"] = record_id or ""
        return checked

    def write(self, batch: list[tuple[int, dict]]) -> None:
        """New rows in one executemany of plain tuples (and their audit entries, likewise); a row
        whose record ID is in the register through the register's save."""
        if not batch:
            return
        existing = service.exchange_uuid_map(self.session, [v["uuid"] for _n, v in batch if v["uuid"]])
        if self.writer is None:
            self.writer = BulkInsert(self.session.connection(), Exchange.__table__, _NEW_COLUMNS, same=_SAME)
        now = self.writer.value("created_at", utcnow())
        new: list[list] = []
        uuids: list[str] = []
        inputs, searched, expiry = _INPUTS, _SEARCHED, service.warranty_expiry
        for number, values in batch:
            record_id = values["uuid"]
            if record_id in existing:
                self.update(number, values, existing[record_id])
                continue
            status = derive_status(values)
            record_id = record_id or new_uuid()
            uuids.append(record_id)
            new.append([
                *inputs(values),
                record_id,
                status.value if status is not None else "",
                expiry(values["warranty_start"], values["warranty_months"]),
                search_key(*searched(values)),
                now,
                now,
                1,
            ])  # fmt: skip
        if new:
            self.writer.insert(new)
            self.session.info["wrote"] = True  # what an ORM statement notes (a server tells the others)
            audit.log_inserts(self.session, Exchange.__tablename__, uuids)
            self.added += len(new)

    def update(self, number: int, values: dict, exchange_id: int) -> None:
        try:
            data = service.validate(
                self.session, ExchangeData(**values, id=exchange_id), self.today, side_ids=self.side_ids
            )
        except ValidationError as exc:
            self.problems.append(RowError(number, self.header(exc.field or ""), exc.msgid, **exc.params))
            return
        service.store_validated(self.session, data)
        self.session.expunge(self.session.get(Exchange, exchange_id))  # 100,000 rows are not kept

        self.updated += 1


def import_file(
    session: Session,
    path: str | os.PathLike[str],
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read a file, map its columns by their headers (in any of the three languages), import it."""
    table = read_file(path)
    return import_table(session, table, guess_mapping(table.headers), today, progress)


def describe_refusal(exc: CoreError) -> list[str]:
    """The refusal as lines for a terminal: the message, then one line per bad row."""
    lines = [exc.message]
    for r in getattr(exc, "rows", []):
        lines.append(
            _("Row {row}, column “{column}”: {reason}").format(row=r.row, column=r.column, reason=r.message)
        )
    return lines
