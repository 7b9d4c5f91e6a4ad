"""The checks of the minutes: numbers in both languages, glossary terms, numbering, empty texts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.services.minutes.checks import CheckCode, check_segments, report
from app.core.services.minutes.glossary import TermData, find
from app.core.services.minutes.numbers import chinese_numeral, leading_marker, numbers
from app.core.services.minutes.records import SegmentData


def nums(text, lang):
    return sorted(numbers(text, lang).elements())


def D(*values):
    return sorted(Decimal(v) for v in values)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("三十名专家", D(30)),
        ("二〇二六年", D(2026)),
        ("一九五七年十二月十四日", D(1957, 12, 14)),
        ("每年交换两次", D(2)),
        ("十二项", D(12)),
        ("百分之五", D(5)),
        ("百分之十二点五", D("12.5")),
        ("三万五千元", D(35000)),
        ("3万元", D(30000)),
        ("1,234.50元", D("1234.5")),
        ("１２０项", D(120)),
        ("第一次会议", D(1)),
        ("首批技术条件", D(1)),
        ("二十五名技术专家和十名助手", D(25, 10)),
        ("一百二十项", D(120)),
        ("双方一致同意统一标准，一般不超过，之一，一些，唯一的", []),
        ("提出一项建议", []),  # a lone "one" is left out
        ("两国政府", []),
        ("星期一", []),
    ],
)
def test_chinese_numbers(text, expected):
    assert nums(text, "zh") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14 марта 2026 г.", D(14, 3, 2026)),
        ("14.03.2026", D(14, 3, 2026)),
        ("в количестве 120 наименований", D(120)),
        ("1 234,50 руб.", D("1234.5")),
        ("1\u00a0234,50 руб.", D("1234.5")),
        ("30 тыс. рублей", D(30000)),
        ("двадцать пять специалистов", D(25)),
        ("двух экземплярах", D(2)),
        ("дважды в год", D(2)),
        ("первое заседание", D(1)),
        ("третьего заседания", D(3)),
        ("две тысячи двадцать шестого года", D(2026)),
        ("5 %", D(5)),
        ("одно из решений, одна сторона", []),
        ("Стороны согласились", []),
        ("II заседание", D(2)),
        ("в мае", D(5)),
    ],
)
def test_russian_numbers(text, expected):
    assert nums(text, "ru") == expected


def test_chinese_numeral_values():
    assert chinese_numeral("十") == 10
    assert chinese_numeral("两千") == 2000
    assert chinese_numeral("三千零五") == 3005
    assert chinese_numeral("一亿二千万") == 120000000


@pytest.mark.parametrize(
    "text, lang, marker",
    [
        ("1. 双方", "zh", ("digit", 1)),
        ("（三）双方", "zh", ("paren", 3)),
        ("二、决议", "zh", ("word", 2)),
        ("3) Стороны", "ru", ("digit", 3)),
        ("II. Решения", "ru", ("roman", 2)),
        ("б) пункт", "ru", ("letter", 2)),
        ("1.5 тонны", "ru", None),
        ("双方同意", "zh", None),
    ],
)
def test_leading_markers(text, lang, marker):
    assert leading_marker(text, lang) == marker


def seg(i, zh, ru, kind=SegmentKind.PARAGRAPH, part=SegmentPart.JOINT, accepted=()):
    return SegmentData(
        id=i, uuid=f"u{i}", minutes_id=1, position=i, part=part, kind=kind, text_zh=zh, text_ru=ru,
        status=SegmentStatus.DRAFT, accepted_findings=tuple(accepted),
    )  # fmt: skip


def codes(findings):
    return [(f.segment_id, f.code) for f in findings]


def test_empty_counterpart_and_differing_numbers():
    found = check_segments(
        [
            seg(1, "双方同意。", ""),
            seg(2, "", ""),
            seg(3, "中方派遣专家40名。", "Китайская сторона направляет 40 специалистов."),
            seg(
                4,
                "中方派遣专家40名，期限3个月。",
                "Китайская сторона направляет 45 специалистов на 3 месяца.",
            ),
        ],
        [],
    )
    assert codes(found) == [(1, CheckCode.EMPTY), (2, CheckCode.EMPTY), (4, CheckCode.NUMBERS)]
    assert found[0].lang == "ru"
    assert found[2].message == "Numbers differ: 40 only in the Chinese text, 45 only in the Russian text."


def test_accepted_finding_no_longer_fails_until_the_difference_changes():
    base = seg(1, "每年两次", "ежегодно")
    (finding,) = check_segments([base], [])
    ok = seg(1, "每年两次", "ежегодно", accepted=[finding.key])
    assert report([ok], []).passed
    changed = seg(1, "每年三次", "ежегодно", accepted=[finding.key])
    assert not report([changed], []).passed


GLOSSARY = [
    TermData("第二机械工业部", "Второе министерство машиностроения"),
    TermData("技术条件", "технические условия"),
    TermData("联络机构", "орган связи"),
]


def test_glossary_term_in_any_case_form():
    assert find("передать Второму министерству машиностроения КНР", GLOSSARY[0].ru, "ru")
    assert find("первую партию технических условий", GLOSSARY[1].ru, "ru")
    assert not find("технология", GLOSSARY[1].ru, "ru")


def test_glossary_counterpart_missing():
    found = check_segments(
        [
            seg(1, "由第二机械工业部负责。", "Ответственный — Второе министерство машиностроения."),
            seg(2, "提供技术条件。", "Передать технические нормы."),
            seg(3, "通过外交途径。", "Через органы связи."),
        ],
        GLOSSARY,
    )
    assert codes(found) == [(2, CheckCode.GLOSSARY), (3, CheckCode.GLOSSARY)]
    assert found[0].lang == "ru" and "технические условия" in found[0].message
    assert found[1].lang == "zh" and "联络机构" in found[1].message


def test_broken_numbering():
    item = SegmentKind.ITEM
    found = check_segments(
        [
            seg(1, "1. 甲", "1. А", item),
            seg(2, "2. 乙", "2. Б", item),
            seg(3, "4. 丙", "3. В", item),
            seg(4, "标题", "Заголовок", SegmentKind.HEADING),
            seg(5, "1. 丁", "1) Г", item),
            seg(6, "戊", "2) Д", item),
            seg(7, "（一）", "1)", item, SegmentPart.SECOND),
        ],
        [],
    )
    assert [f.key for f in found if f.code is CheckCode.NUMBERING] == [
        "numbering:zh:2:4",
        "numbering:both:4:3",
        "numbering:missing:zh",
    ]


def test_decisions_out_of_order_are_found():
    from app.core.services.minutes.records import DecisionFields

    def dec(i, n):
        return SegmentData(
            id=i, uuid=f"u{i}", minutes_id=1, position=i, part=SegmentPart.JOINT, kind=SegmentKind.DECISION,
            text_zh="决议", text_ru="Решение", status=SegmentStatus.DRAFT,
            decision=DecisionFields(id=i, uuid=f"d{i}", number=n),
        )  # fmt: skip

    found = check_segments([dec(1, 1), dec(2, 3), dec(3, 2)], [])
    assert [f.code for f in found] == [CheckCode.DECISIONS, CheckCode.DECISIONS]


# --- properties ------------------------------------------------------------------------------

ZH_WORDS = ["双方", "同意", "提供", "技术资料", "专家", "项", "名", "个月", "每年", "会议", "在", "和"]
RU_WORDS = ["Стороны", "согласились", "передать", "материалы", "специалистов", "в", "течение", "и"]
DIGITS_CN = "〇一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write n (2 … 99999) in Chinese numerals, as a clerk would."""
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = to_chinese(low) if low >= 10 else (DIGITS_CN[low] if low else "")
        return (
            to_chinese(high) + "万" + ("零" if 0 < low < 1000 else "") + rest if high > 1 else "一万" + rest
        )
    out, started, zero = "", False, False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out += "零"
            out += ("" if (unit == 10 and d == 1 and not started) else DIGITS_CN[d]) + name
            started, zero = True, False
        elif started:
            zero = True
    if n:
        out += ("零" if zero else "") + DIGITS_CN[n]
    return out


def test_to_chinese_helper_agrees_with_the_parser():
    for n in (2, 10, 12, 20, 35, 101, 110, 1005, 2026, 10000, 35000, 99999):
        assert chinese_numeral(to_chinese(n)) == n, (n, to_chinese(n))


number = st.integers(min_value=2, max_value=99999)
forms = st.sampled_from(["digits", "chinese"])


def sentence(values, words, render):
    parts = []
    for i, v in enumerate(values):
        parts.append(words[i % len(words)])
        parts.append(render(v))
    parts.append(words[-1])
    return parts


@settings(max_examples=150, deadline=None)
@given(values=st.lists(number, min_size=1, max_size=5), form=forms)
def test_identical_numbers_are_never_flagged(values, form):
    zh = "".join(sentence(values, ZH_WORDS, lambda v: str(v) if form == "digits" else to_chinese(v)))
    ru = " ".join(sentence(values, RU_WORDS, lambda v: f"{v:,}".replace(",", "\u00a0")))
    assert check_segments([seg(1, zh, ru)], []) == []


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(number, min_size=1, max_size=5),
    form=forms,
    which=st.integers(min_value=0, max_value=4),
    new=number,
    side=st.sampled_from(["zh", "ru"]),
)
def test_a_number_changed_on_one_side_is_always_found(values, form, which, new, side):
    which %= len(values)
    if new == values[which]:
        new = new + 1
    changed = list(values)
    changed[which] = new
    zh_vals, ru_vals = (changed, values) if side == "zh" else (values, changed)
    zh = "".join(sentence(zh_vals, ZH_WORDS, lambda v: str(v) if form == "digits" else to_chinese(v)))
    ru = " ".join(sentence(ru_vals, RU_WORDS, lambda v: f"{v:,}".replace(",", "\u00a0")))
    found = check_segments([seg(1, zh, ru)], [])
    assert [f.code for f in found] == [CheckCode.NUMBERS]
