"""The exchanges' fields are declared once (services/exchanges/fields.py): validation, export
headers, import columns, ExchangeData and the model's columns all follow the declaration."""

from __future__ import annotations

import csv
import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import ValidationError
from app.core.fields import Field, FieldKind
from app.core.models import Exchange
from app.core.services.exchanges import fields as xfields
from app.core.services.exchanges import records as service
from app.core.services.exchanges import transfer as xio
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import EXCHANGE, INTERNAL_COLUMNS
from tests.core.exchange_helpers import TODAY, make_setup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reg(db):
    return make_setup(db)


def test_every_model_column_is_declared_or_deliberately_internal():
    columns = set(Exchange.__table__.columns.keys())
    declared = {f.name for f in EXCHANGE.stored()}
    assert declared <= columns, f"declared but not on the model: {declared - columns}"
    assert columns - declared == INTERNAL_COLUMNS, "a column of the model is neither declared nor internal"


def test_exchange_data_is_made_from_the_declaration():
    names = {f.name for f in dataclasses.fields(ExchangeData)}
    assert {f.name for f in EXCHANGE.stored()} <= names
    fresh = ExchangeData()
    assert fresh.kind == "book" and fresh.quantity == 1 and fresh.published is True and fresh.title_zh == ""
    assert set(xfields.INPUT_FIELDS) == {f.name for f in EXCHANGE.stored() if not f.read_only}


def test_a_text_over_its_declared_length_is_refused_with_the_field_name(reg):
    limit = EXCHANGE["reference"].max_length
    with reg.db.unit() as s, pytest.raises(ValidationError) as info:
        service.validate(s, reg.item(reference="x" * (limit + 1)), today=TODAY)
    assert info.value.field == "reference"
    assert str(limit) in info.value.message and "Reference No." in info.value.message
    with reg.db.unit() as s:
        assert service.validate(s, reg.item(reference="x" * limit), today=TODAY).reference == "x" * limit


def test_declared_ranges_and_choices_are_enforced(reg):
    cases = {
        "quantity": EXCHANGE["quantity"].maximum + 1,
        "channel": "pigeon",
        "title_original": "y" * (EXCHANGE["title_original"].max_length + 1),
    }
    for name, value in cases.items():
        with reg.db.unit() as s, pytest.raises(ValidationError) as info:
            service.validate(s, reg.item(**{name: value}), today=TODAY)
        assert info.value.field == name


def test_required_fields_and_import_columns_come_from_the_declaration():
    assert set(xio.required_fields()) == {"kind", "from_side_id", "to_side_id"}  # quantity has a default
    assert "uuid" in xio.IMPORT_FIELDS and "status" not in xio.IMPORT_FIELDS
    assert xio.export_columns() == tuple(f.name for f in EXCHANGE if f.exported)
    assert not {"title", "overdue", "attachments"} & set(xio.export_columns())


def test_a_field_added_to_the_register_appears_in_the_export_and_is_recognised_on_import(
    reg, tmp_path, monkeypatch
):
    # from_code is on ExchangeData (looked up for display) but not a field of the register
    extra = Field("from_code", "Sender code", FieldKind.TEXT, read_only=False)
    monkeypatch.setattr(xio, "EXCHANGE", EXCHANGE.with_fields(extra))
    reg.add(reference="R-1")
    path = tmp_path / "out.csv"
    with reg.db.unit() as s:
        assert xio.export_file(s, path, today=TODAY) == 1
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert rows[0][-1] == "Sender code"
    assert rows[1][-1] == "SU"
    assert xio.guess_mapping(rows[0])["from_code"] == len(rows[0]) - 1


def test_exported_headers_are_the_declared_labels():
    headers = [EXCHANGE[c].header for c in xio.export_columns()]
    assert headers[:3] == ["Reference No.", "Title in Chinese", "Title in Russian"]
    assert len(set(headers)) == len(headers)


def test_what_stays_home_is_marked():
    assert {f.name for f in EXCHANGE if not f.shared} == {"overdue", "attachments"}


def test_search_does_not_import_the_records_module():
    """records imports search (to read an item back); search must not import records."""
    code = (
        "import sys; import app.core.services.exchanges.search; "
        "assert 'app.core.services.exchanges.records' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
