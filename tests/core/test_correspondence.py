"""The liaison log: letters between the agencies of the two sides, what awaits an answer and from
whom, links to decisions, the export and its command line."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from app.core.enums import LetterStatus
from app.core.errors import ValidationError
from app.core.services.correspondence import records as service
from app.core.services.correspondence import transfer
from app.core.services.correspondence.records import LetterFilter, LetterInput
from tests.core.test_cli import run_cli

TODAY = dt.date(1958, 9, 1)


@pytest.fixture
def agencies(db):
    from app.core.models import LiaisonAgency, Side
    from tests.core.expense_setup import setup_commission

    with db.unit() as s:
        sides = setup_commission(s)
        for code, zh, ru in (("CN", "二机部", "Второе министерство"), ("SU", "对外经济联络委员会", "ГКЭС")):
            s.add(LiaisonAgency(side_id=sides[code], name_zh=zh, name_ru=ru))
        s.flush()
        by_side = {s.get(Side, a.side_id).code: a.id for a in s.query(LiaisonAgency).all()}
    return by_side


def letter(agencies, **kw) -> LetterInput:
    base = dict(letter_date=dt.date(1958, 7, 1), from_agency_id=agencies["CN"], to_agency_id=agencies["SU"],
                subject_zh="关于样品", subject_ru="Об образцах", reply_by=dt.date(1958, 8, 1),
                status=LetterStatus.SENT)  # fmt: skip
    return LetterInput(**{**base, **kw})


def test_a_letter_goes_to_the_other_side_with_a_subject_and_a_sensible_reply_date(db, agencies):
    with db.unit() as s:
        for bad, field in ((dict(to_agency_id=agencies["CN"]), "to_agency_id"),
                           (dict(subject_zh=" ", subject_ru=""), "subject_zh"),
                           (dict(letter_date=None), "letter_date"),
                           (dict(reply_by=dt.date(1958, 6, 1)), "reply_by"),
                           (dict(status="lost"), "status")):  # fmt: skip
            with pytest.raises(ValidationError) as info:
                service.add_letter(s, letter(agencies, **bad))
            assert info.value.field == field


def test_what_awaits_an_answer_from_which_side_and_for_how_long(db, agencies):
    with db.unit() as s:
        late = service.add_letter(s, letter(agencies))
        service.add_letter(s, letter(agencies, from_agency_id=agencies["SU"], to_agency_id=agencies["CN"],
                                     letter_date=dt.date(1958, 8, 20), reply_by=dt.date(1958, 9, 20),
                                     status=LetterStatus.RECEIVED))  # fmt: skip
        service.add_letter(s, letter(agencies, status=LetterStatus.ANSWERED))
        service.add_letter(s, letter(agencies, reply_by=None))  # no answer expected
        waiting = service.awaiting(s, TODAY)
        from_su = service.list_letters(s, LetterFilter(awaiting_side=1, today=TODAY))
        overdue = service.list_letters(s, LetterFilter(overdue=True, today=TODAY))
    assert [w.to_side for w in waiting] == [2, 1]  # the longest-waiting first
    assert waiting[0].waiting_days(TODAY) == 62 and waiting[0].overdue(TODAY)
    assert not waiting[1].overdue(TODAY)
    assert [r.from_side for r in from_su] == [2]
    assert [r.id for r in overdue] == [late.id]


def test_links_to_decisions_and_the_export(db, agencies, tmp_path):
    from app.core.models import Decision
    from app.core.services import commission
    from tests.core.expense_setup import add_session

    with db.unit() as s:
        mid = add_session(s, {sd.code: sd.id for sd in commission.get_sides(s)}, 1, "CN")
        d = Decision(meeting_id=mid, number=1, text_zh="决定", text_ru="Решение")
        s.add(d)
        s.flush()
        saved = service.add_letter(s, letter(agencies, decision_ids=(d.id,), our_ref="二机联字第1号"))
        assert saved.decision_labels == ("1/1",)
        assert [r.id for r in service.list_letters(s, LetterFilter(decision_id=d.id))] == [saved.id]
        assert service.list_letters(s, LetterFilter(text="第1号"))[0].id == saved.id
        n = transfer.export_file(s, tmp_path / "log.csv", today=TODAY)
    assert n == 1
    rows = list(csv.reader((tmp_path / "log.csv").open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["Date", "From", "To", "Direction"]
    assert "二机联字第1号" in rows[1] and "Decision 1/1" in rows[1] and "62" in rows[1]


def test_the_export_command(demo_db_path, tmp_path):
    out = tmp_path / "log.xlsx"
    done = run_cli("export", "correspondence", "--db", str(demo_db_path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet.max_row > 20
    bad = run_cli("export", "correspondence", "--db", str(demo_db_path), "-o", str(tmp_path / "log.txt"))
    assert bad.returncode == 2
