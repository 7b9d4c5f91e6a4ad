"""The People register: CRUD, validation, search, refusing to delete a referenced person."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import i18n
from app.core.errors import ValidationError
from app.core.models import DelegationMember, Meeting, Person
from app.core.services import commission, people
from app.core.services.commission import CommissionData, SideData
from app.core.services.people import PersonData


def _setup_sides(s) -> dict[str, int]:
    commission.save_commission(
        s,
        CommissionData(
            "中苏联合委员会",
            "Советско-китайская комиссия",
            "",
            (
                SideData(1, "CN", "zh", "中华人民共和国", "Китайская Народная Республика", "", "中国", "КНР"),
                SideData(2, "SU", "ru", "苏联", "Союз ССР", "", "苏联", "СССР"),
            ),
        ),
    )
    return {side.code: side.id for side in commission.get_sides(s)}


@pytest.fixture
def sides(db):
    with db.unit() as s:
        return _setup_sides(s)


def test_add_edit_get_delete(db, sides):
    with db.unit() as s:
        p = people.add_person(s, PersonData(side_id=sides["CN"], name_zh=" 王振国 ", name_ru="Ван  Чжэньго"))
    assert p.id and p.uuid and p.side_code == "CN"
    assert (p.name_zh, p.name_ru) == ("王振国", "Ван Чжэньго")  # trimmed, inner spaces folded
    with db.unit() as s:
        people.update_person(s, PersonData(**{**p.__dict__, "position_ru": "заместитель министра"}))
    with db.unit() as s:
        assert people.get_person(s, p.id).position_ru == "заместитель министра"
        people.delete_person(s, p.id)
    with db.unit() as s:
        assert people.count_people(s) == 0


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        (dict(name_zh="王"), "side_id", "side"),
        (dict(side="CN", name_latin="Wang"), "name_zh", "Chinese or in Russian"),
        (dict(side="CN", name_zh="   ", name_ru="\t"), "name_zh", "Chinese or in Russian"),
        (dict(side="CN", name_zh="王" * 201), "name_zh", "200"),
    ],
)
def test_validation_errors_name_the_field_and_save_nothing(db, sides, data, field, fragment):
    data = dict(data)
    side = data.pop("side", None)
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            people.add_person(s, PersonData(side_id=sides.get(side), **data))
    assert info.value.field == field
    assert fragment in info.value.message
    with db.unit() as s:
        assert people.count_people(s) == 0


def test_validation_message_is_translated(db, sides):
    i18n.set_language("ru")
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            people.add_person(s, PersonData(side_id=sides["CN"]))
    assert "по-китайски" in info.value.message or "китайск" in info.value.message


def test_search_is_case_insensitive_in_every_script(db, sides):
    with db.unit() as s:
        people.add_person(
            s,
            PersonData(
                side_id=sides["SU"],
                name_zh="彼·米·奥尔洛夫",
                name_ru="П. М. Орлов",
                organisation_ru="Министерство оборонной промышленности СССР",
            ),
        )
        people.add_person(
            s,
            PersonData(
                side_id=sides["CN"], name_zh="王振国", name_ru="Ван Чжэньго", name_latin="Wang Zhenguo"
            ),
        )
    with db.unit() as s:
        assert [p.name_zh for p in people.search_people(s, "орлов")] == ["彼·米·奥尔洛夫"]
        assert [p.name_zh for p in people.search_people(s, "ОБОРОННОЙ")] == ["彼·米·奥尔洛夫"]
        assert [p.name_zh for p in people.search_people(s, "振国")] == ["王振国"]
        assert [p.name_zh for p in people.search_people(s, "wang")] == ["王振国"]
        assert people.count_people(s, "%") == 0  # LIKE wildcards are searched for literally
        assert people.count_people(s, "", sides["CN"]) == 1


def test_search_treats_yo_as_ye(db, sides):
    with db.unit() as s:
        people.add_person(s, PersonData(side_id=sides["SU"], name_ru="Пётр Фёдоров"))
    with db.unit() as s:
        assert people.count_people(s, "петр") == 1
        assert people.count_people(s, "ФЁДОР") == 1


def test_a_referenced_person_cannot_be_deleted(db, sides):
    with db.unit() as s:
        p = people.add_person(s, PersonData(side_id=sides["CN"], name_zh="王振国"))
        m = Meeting(
            ordinal=1, host_side_id=sides["CN"], start_date=dt.date(1958, 3, 3), end_date=dt.date(1958, 3, 7)
        )
        s.add(m)
        s.flush()
        s.add(DelegationMember(meeting_id=m.id, side_id=sides["CN"], person_id=p.id, role="head"))
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            people.delete_person(s, p.id)
    assert "delegations" in info.value.message
    with db.unit() as s:
        assert people.count_people(s) == 1


def test_sorting_and_paging(db, sides):
    with db.unit() as s:
        for i in range(30):
            people.add_person(
                s, PersonData(side_id=sides["CN"], name_zh=f"人{i:02d}", name_ru=f"Человек {i:02d}")
            )
    with db.unit() as s:
        page = people.search_people(s, sort="name_ru", descending=True, offset=5, limit=10)
    assert [p.name_ru for p in page] == [f"Человек {i:02d}" for i in range(24, 14, -1)]


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=250)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name_zh=names, name_ru=names)
def test_any_input_is_saved_whole_or_refused_with_nothing_saved(db, sides, name_zh, name_ru):
    with db.unit() as s:
        before = people.count_people(s)
    try:
        with db.unit() as s:
            p = people.add_person(s, PersonData(side_id=sides["CN"], name_zh=name_zh, name_ru=name_ru))
    except ValidationError as exc:
        assert exc.message
        with db.unit() as s:
            assert people.count_people(s) == before
        return
    with db.unit() as s:
        stored = s.get(Person, p.id)
        assert (stored.name_zh, stored.name_ru) == (p.name_zh, p.name_ru)
        assert stored.name_zh or stored.name_ru
