from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.errors import ValidationError
from app.core.services import commission
from app.core.services.commission import AgencyData, CommissionData, SideData


def _data(**changes) -> CommissionData:
    cn = SideData(
        1,
        "CN",
        "zh",
        "中华人民共和国",
        "Китайская Народная Республика",
        "",
        "中国",
        "КНР",
        agencies=(AgencyData("第二机械工业部", "Второе министерство машиностроения"),),
    )
    su = SideData(2, "SU", "ru", "苏联", "Союз ССР", "", "苏联", "СССР")
    data = CommissionData("中苏国防工业联合委员会", "Советско-китайская комиссия", "", (cn, su))
    return replace(data, **changes)


def test_save_and_read_back(db):
    with db.unit() as s:
        saved = commission.save_commission(s, _data())
    assert saved.is_set_up
    assert saved.side("CN").agencies[0].name_zh == "第二机械工业部"
    assert saved.side("SU").short_name("zh") == "苏联"
    assert saved.other(saved.side("CN")).code == "SU"


def test_codes_can_be_swapped(db):
    with db.unit() as s:
        saved = commission.save_commission(s, _data())
    cn, su = saved.sides
    with db.unit() as s:
        again = commission.save_commission(
            s, replace(saved, sides=(replace(cn, code="SU"), replace(su, code="CN")))
        )
    assert [x.code for x in again.sides] == ["SU", "CN"]


def test_agencies_are_replaced_and_blank_rows_dropped(db):
    with db.unit() as s:
        saved = commission.save_commission(s, _data())
    cn, su = saved.sides
    cn2 = replace(cn, agencies=(*cn.agencies, AgencyData("", " "), AgencyData("商务参赞处", "Торгпредство")))
    with db.unit() as s:
        again = commission.save_commission(s, replace(saved, sides=(cn2, su)))
    assert [a.name_zh for a in again.side("CN").agencies] == ["第二机械工业部", "商务参赞处"]


@pytest.mark.parametrize(
    ("side_changes", "field"),
    [
        ({"code": ""}, "side1.code"),
        ({"code": "cn1!"}, "side1.code"),
        ({"name_full_ru": ""}, "side1.name_full_ru"),
        ({"name_short_zh": "  "}, "side1.name_short_zh"),
        ({"code": "SU"}, "side2.code"),
        ({"language": "ru"}, "side2.language"),
    ],
)
def test_bad_sides_are_refused_and_nothing_is_saved(db, side_changes, field):
    data = _data()
    cn, su = data.sides
    with pytest.raises(ValidationError) as info:
        with db.unit() as s:
            commission.save_commission(s, replace(data, sides=(replace(cn, **side_changes), su)))
    assert info.value.field == field
    with db.unit() as s:
        assert not commission.get_commission(s).is_set_up
