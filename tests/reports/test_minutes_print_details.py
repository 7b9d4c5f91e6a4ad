"""Print details of the minutes: no line breaks inside numbers, between a number and its unit or
currency, or between initials and the surname; decisions imported with their own number print it
once; an imported closing formula prints once."""

from __future__ import annotations

import pytest

from app.core.enums import SegmentKind, SegmentPart
from app.core.services.minutes import signing
from app.core.services.minutes.content import Bi, ContentSegment
from app.reports.document import para
from app.reports.linebreak import NBSP, bind
from app.reports.minutes import PrintOptions
from app.reports.minutes_blocks import has_own_number, look, segment_flow, text_units
from tests.core.signing_helpers import make_minutes

P, K = SegmentPart, SegmentKind


def _lines(text: str, lang: str, width: float) -> list[str]:
    p = para(bind(text), look(lang).st.body_indent)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        if isinstance(line, tuple):
            out.append(" ".join(line[1]))
        else:
            out.append("".join(w if isinstance(w, str) else getattr(w, "text", "") for w in line.words))
    return out


def test_bind_puts_no_break_spaces_where_a_line_must_not_break():
    assert (
        bind("на сумму 56 300,00 ₽ и 128 450,75 руб.") == "на сумму 56\xa0300,00\xa0₽ и 128\xa0450,75\xa0руб."
    )
    assert bind("Н. С. Волков и A. B. Smith") == "Н.\xa0С.\xa0Волков и A.\xa0B.\xa0Smith"
    assert bind("№ 5, 1958 г., 30 %") == "№\xa05, 1958\xa0г., 30\xa0%"
    assert bind("1\u202f234 567") == "1\xa0234\xa0567"  # ReportLab breaks at U+202F
    assert bind("25 специалистов, пункт 3 Положения") == "25 специалистов, пункт 3 Положения"


RU = ("Стороны согласились оплатить поставку на сумму 56 300,00 ₽ и 128 450,75 руб., а также "
      "Н. С. Волков подписал акт № 12 от 3 марта 1958 г.")  # fmt: skip
ZH = "双方同意由苏方专家阿·彼·格罗莫夫负责，费用共计56300,00卢布，交换技术资料120项，另付1,234.50 ₽。"


@pytest.mark.parametrize("width", range(90, 260, 7))
def test_russian_lines_never_break_inside_numbers_units_or_initials(width):
    lines = _lines(RU, "ru", width)
    for a, b in zip(lines, lines[1:], strict=False):
        joint = a.rstrip()[-12:] + " | " + b.lstrip()[:12]
        for bad in ("56 | 300", "300,00 | ₽", "128 | 450", "450,75 | руб", "Н. | С.", "С. | Волков", "№ | 12",
                    "1958 | г."):  # fmt: skip
            assert bad.replace(" | ", "|") not in (a.rstrip()[-6:] + "|" + b.lstrip()[:6]).replace(
                NBSP, " "
            ), joint


@pytest.mark.parametrize("width", range(100, 240, 5))  # a line holds the longest number with its unit
def test_chinese_lines_never_break_a_number_its_unit_or_a_foreign_name_at_its_dots(width):
    lines = _lines(ZH, "zh", width)
    for a, b in zip(lines, lines[1:], strict=False):
        assert not a.endswith("·") and not b.startswith("·"), (a, b)
        assert not (a[-1:].isdigit() and (b[:1].isdigit() or b[:1] in ",.项卢")), (a, b)
        assert not a.endswith((",", ".", NBSP)) or not b[:1].isdigit(), (a, b)
        assert not b.startswith((NBSP, "₽")), (a, b)


def _decision(zh: str, ru: str, number: int = 1) -> ContentSegment:
    return ContentSegment(P.JOINT, K.DECISION, Bi(zh, ru), number)


def _text(seg: ContentSegment, lang: str) -> str:
    flow, _keep = segment_flow(seg, look(lang))
    return flow[0].getPlainText()


def test_a_decision_already_numbered_in_its_text_prints_its_own_number_only():
    assert [has_own_number(t) for t in ("一、双方", "（一）双方", "1. Стороны", "2) Стороны", "十、x")] == [
        True
    ] * 5
    assert not any(has_own_number(t) for t in ("1.5 тонны", "10 специалистов", "双方", "1958年"))
    seg = _decision("一、双方交换技术资料。", "1. Стороны обмениваются документацией.")
    assert _text(seg, "zh") == "一、双方交换技术资料。"
    assert _text(seg, "ru") == "1. Стороны обмениваются документацией."
    plain = _decision("双方交换技术资料。", "Стороны обмениваются документацией.", 3)
    assert _text(plain, "zh") == "3. 双方交换技术资料。"
    assert _text(plain, "ru") == "3. Стороны обмениваются документацией."


def test_an_imported_closing_formula_prints_once(demo_db):
    rows = [
        (P.PREAMBLE, K.PARAGRAPH, "会议于北京举行。", "Заседание состоялось в Пекине."),
        (P.JOINT, K.DECISION, "双方交换120项技术条件。", "Стороны обмениваются 120 техническими условиями."),
        (P.JOINT, K.PARAGRAPH, "本纪要于1959年3月6日在北京签订，一式两份，每份均用中文和俄文写成，两种文本具有同等效力。",
         "Совершено в Пекине 6 марта 1959 г. в двух экземплярах, каждый на китайском и русском языках, "
         "причём оба текста имеют одинаковую силу."),
    ]  # fmt: skip
    mid, _ = make_minutes(demo_db, rows=rows)
    with demo_db.unit() as s:
        src = signing.print_source(s, mid)
    for lang in ("zh", "ru"):
        lk = look(lang)
        order = (src.content.side("CN"), src.content.other("CN"))
        texts = [
            f.getPlainText()
            for u in text_units(src.content, lk, order)
            for f in u.flow
            if hasattr(f, "getPlainText")
        ]
        marker = "一式两份" if lang == "zh" else "в двух экземплярах"
        assert sum(marker in t for t in texts) == 1, texts
    assert PrintOptions("CN").copy == "CN"
