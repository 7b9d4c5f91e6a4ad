"""The glossary: term pairs, their validation and status, import from CSV/XLSX."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import ImportRefused, ValidationError
from app.core.services.minutes import glossary as g
from app.core.services.minutes import termbase as tb
from app.core.services.minutes.glossary import TermData


def test_add_edit_delete_and_search(db):
    with db.unit() as s:
        t = g.save_term(s, TermData(zh=" 技术条件 ", ru="технические  условия", note="ТУ"))
        assert (t.zh, t.ru) == ("技术条件", "технические условия")
        g.save_term(s, TermData(zh="验收", ru="приёмка"))
        assert [x.zh for x in g.list_terms(s, "ПРИЕМКА")] == ["验收"]
        changed = g.save_term(s, TermData(zh="技术条件", ru="технические условия", note="缩写 ТУ", id=t.id))
        assert changed.note == "缩写 ТУ"
        g.delete_term(s, t.id)
        assert [x.zh for x in g.list_terms(s)] == ["验收"]


@pytest.mark.parametrize(
    "term, field",
    [
        (TermData(zh="", ru="x"), "zh"),
        (TermData(zh="x", ru="  "), "ru"),
        (TermData(zh="x" * 301, ru="y"), "zh"),
    ],
)
def test_bad_terms_are_refused_next_to_the_field(db, term, field):
    with pytest.raises(ValidationError) as info, db.unit() as s:
        g.save_term(s, term)
    assert info.value.field == field


def test_the_same_pair_twice_is_refused(db):
    with db.unit() as s:
        g.save_term(s, TermData(zh="验收", ru="приёмка"))
    with pytest.raises(ValidationError, match="already"), db.unit() as s:
        g.save_term(s, TermData(zh="验收", ru="приёмка"))


def test_import_csv_and_xlsx(db, tmp_path):
    import openpyxl

    csv = tmp_path / "g.csv"
    csv.write_bytes("\ufeffzh,ru,note\n验收,приёмка,\n助手,помощник,俄方用语\n验收,приёмка,\n".encode())
    with db.unit() as s:
        assert tb.import_glossary(s, csv) == tb.GlossaryImport(added=2, unchanged=0)
    wb = openpyxl.Workbook()
    wb.active.append(["ru", "zh"])
    wb.active.append(["помощник", "助手"])
    wb.active.append(["журнал", "期刊"])
    wb.save(tmp_path / "g.xlsx")
    with db.unit() as s:
        assert tb.import_glossary(s, tmp_path / "g.xlsx") == tb.GlossaryImport(added=1, unchanged=1)
        assert len(g.list_terms(s)) == 3


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"zh;ru\n\xd0\xb2\xff,x\n", "UTF-8"),
        ("term,ru\n验收,приёмка\n".encode(), "“zh” is missing"),
        ("zh,ru\n验收,\n".encode(), "rows listed"),
        (b"zh,ru\n", "no term pairs"),
    ],
)
def test_malformed_glossary_files_change_nothing(db, tmp_path, content, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as info, db.unit() as s:
        tb.import_glossary(s, path)
    assert reason in info.value.message
    with db.unit() as s:
        assert g.list_terms(s) == []


def test_status_is_kept_and_deprecated_terms_are_not_looked_for(db):
    from app.core.enums import TermStatus

    with db.unit() as s:
        t = g.save_term(s, TermData(zh="专家", ru="специалист", status=TermStatus.DEPRECATED))
        g.save_term(s, TermData(zh="专家", ru="эксперт", status="admitted"))
        with pytest.raises(ValidationError) as info:
            g.save_term(s, TermData(zh="顾问", ru="советник", status="obsolete"))
        assert info.value.field == "status"
        terms = g.list_terms(s)
    assert {x.ru: x.status for x in terms} == {
        "специалист": TermStatus.DEPRECATED,
        "эксперт": TermStatus.ADMITTED,
    }
    found = g.occurrences("苏联专家", "zh", terms)
    assert [x[2].ru for x in found] == ["эксперт"]
    assert t.status is TermStatus.DEPRECATED and not t.usable


@given(text=st.text(alphabet="абвгдеёжзиклмнопрстуфхцчшщыьэюяАБВЕЁКПСТ -–\u00a0", max_size=80),
       term=st.sampled_from(["комиссия", "Совместная комиссия", "обмен", "ёлка", "техническая документация",
                             "СССР", "КНР", "план работы", "ЕС"]))  # fmt: skip
def test_the_quick_literal_test_never_hides_a_match(text, term):
    """find() skips the regular expression when the term's first word (its stem) is not in the
    text: that must find exactly what the pattern alone finds."""
    from app.core.services.minutes.glossary import _fold, find, ru_pattern

    pattern = ru_pattern(term)
    alone = [(m.start(), m.end()) for m in pattern.finditer(_fold(text))] if pattern else []
    assert find(text, term, "ru") == alone
    sample = text + " " + term.upper() + "ами"  # also where it does occur
    alone = [(m.start(), m.end()) for m in pattern.finditer(_fold(sample))] if pattern else []
    assert find(sample, term, "ru") == alone
