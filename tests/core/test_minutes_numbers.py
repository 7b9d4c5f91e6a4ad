"""Numbers read right in both languages: decimals, thousands marks of either habit, sections,
standards, №, ranges, percentages, fractions, Chinese numerals and Russian ordinals; an ambiguous
form is said to be ambiguous. Property tests: a number changed on one side is always found, and
the same number written in the other language's usual forms is never flagged."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.services.minutes.checks import CheckCode, check_segments
from app.core.services.minutes.numbers import differences, extract, numbers
from tests.core.test_minutes_checks import seg, to_chinese


def texts(text, lang):
    return [n.text for n in extract(text, lang)]


def values(text, lang):
    return sorted(numbers(text, lang).elements())


def same(zh, ru):
    return differences(zh, ru) == ([], [])


# --- what the issue found broken --------------------------------------------------------------


def test_decimals_and_section_numbers_are_not_cut():
    assert texts("согласно ГОСТ 8.417—2002, §4.2", "ru") == ["8.417—2002", "4.2"]
    assert texts("按照ГОСТ 8.417—2002第4.2条", "zh") == ["8.417—2002", "4.2"]
    assert same("按照ГОСТ 8.417-2002第4.2条", "согласно ГОСТ 8.417—2002, § 4.2")
    assert not same("按照ГОСТ 8.417-2002第4.2条", "согласно ГОСТ 8.417—2002, § 4.3")
    assert texts("пункт 4.2.1", "ru") == ["4.2.1"]


def test_thousands_marks_of_the_other_language_keep_the_number_whole():
    assert values("на сумму 128,450.75 долларов", "ru") == [Decimal("128450.75")]
    assert values("金额为56 300,00卢布", "zh") == [Decimal("56300")]
    assert same("金额为128,450.75美元", "на сумму 128,450.75 долларов")
    assert same("金额为128,450.75美元", "на сумму 128 450,75 долларов")
    assert same("金额为56 300,00卢布", "56 300,00 рублей")


def test_chinese_ordinals_of_parts():
    assert same("第一部分", "Часть первая")
    assert same("第二部分", "Часть вторая")
    assert not same("第一部分", "Часть вторая")


# --- forms, both directions -------------------------------------------------------------------

FORMS = [
    # (Chinese, Russian): the same numbers
    ("1957年12月14日", "14 декабря 1957 г."),
    ("一九五七年十二月十四日", "14.12.1957"),
    ("2026.3.14签订", "подписано 14 марта 2026 г."),
    ("2026-03-14", "14.03.2026"),
    ("两份", "в двух экземплярах"),
    ("六名", "шести специалистов"),
    ("十八项", "восемнадцать наименований"),
    ("第十二次会议", "двенадцатое заседание"),
    ("1 284项", "1284 наименования"),
    ("一千二百八十四项", "1 284 наименования"),
    ("12.5吨", "12,5 тонны"),
    ("1,234,567元", "1 234 567 рублей"),
    ("1,234,567元", "1\u00a0234\u00a0567 рублей"),
    ("1,234,567元", "1\u2009234\u2009567 рублей"),
    ("1,234,567元", "1\u202f234\u202f567 рублей"),
    ("1'234'567元", "1’234’567 рублей"),
    ("5–7天", "5—7 дней"),
    ("五至七天", "от 5 до 7 дней"),
    ("5至7天", "5-7 дней"),
    ("三四天", "3–4 дня"),
    ("百分之五", "5 %"),
    ("5%", "пять процентов"),
    ("百分之十二点五", "12,5%"),
    ("三分之一", "одна треть"),
    ("三分之二", "2/3"),
    ("五分之二", "две пятых"),
    ("1/2", "½"),
    ("第12号决议", "решение № 12"),
    ("第12/5号文件", "документ № 12/5"),
    ("GB/T 9704—2012", "GB/T 9704-2012"),
    ("ГОСТ 3882-61", "ГОСТ 3882—61"),
    ("二〇二六年", "2026 год"),
    ("三万五千元", "35 тыс. рублей"),
    ("三万五", "35 000"),
    ("1.5亿", "150 млн"),
    ("3万", "30 000"),
    ("第十次会议", "10-е заседание"),
    ("第十次会议", "на 10-м заседании"),
    ("第二十五次", "двадцать пятое"),
    ("1,234元", "1 234 рубля"),  # a Chinese thousands comma
    ("1.234米", "1,234 м"),  # a Russian decimal comma
    (
        "本纪要一式两份，两种文本具有同等效力。",
        "Протокол составлен в двух экземплярах, оба текста имеют одинаковую силу.",
    ),
    ("会谈于14:30开始。", "Переговоры начались в 14:30."),
    ("ГОСТ Р 1.5-2012", "ГОСТ Р 1.5—2012"),
    ("共计3.5万元", "всего 35 тыс. юаней"),
    ("在二十世纪五十年代", "в 50-е годы XX века"),
    ("第十二条第3款", "пункт 3 статьи 12"),
]


@pytest.mark.parametrize("zh, ru", FORMS)
def test_the_same_numbers_in_either_language_are_not_flagged(zh, ru):
    assert same(zh, ru), differences(zh, ru)


@pytest.mark.parametrize(
    "zh, ru",
    [
        ("12.5吨", "12,6 тонны"),
        ("56 300,00卢布", "56 301,00 рублей"),
        ("三四天", "3–5 дней"),
        ("三分之一", "две трети"),
        ("ГОСТ 3882-61", "ГОСТ 3882-62"),
        ("第12/5号", "№ 12/6"),
        ("百分之五", "6 %"),
        ("第十次会议", "11-е заседание"),
        ("三万五", "30 005"),
    ],
)
def test_a_different_number_is_found_in_either_direction(zh, ru):
    only_zh, only_ru = differences(zh, ru)
    assert only_zh and only_ru


def test_values_of_fractions_and_chinese_numerals():
    assert values("三分之一", "zh") == [Fraction(1, 3)]
    assert values("две трети", "ru") == [Fraction(2, 3)]
    assert values("一百二", "zh") == [120] and values("两千五", "zh") == [2500]
    assert values("一千零五", "zh") == [1005]


def test_an_ambiguous_form_is_said_to_be_ambiguous_instead_of_guessed():
    (finding,) = check_segments([seg(1, "金额1,234元", "на сумму 1 235 рублей")], [])
    assert finding.code is CheckCode.NUMBERS
    assert finding.items == ("1,234", "1 235")
    assert "“1,234” can be read as 1234 or as 1.234." in finding.message


def test_one_numbers_finding_per_segment_lists_every_difference_as_written():
    zh = "按照ГОСТ 8.417-2002第4.2条，交换技术资料40项，金额128,450.75卢布。"
    ru = "Согласно ГОСТ 8.417—2003, § 4.2 передать 45 наименований на сумму 128 450,70 рубля."
    found = check_segments([seg(1, zh, ru)], [])
    assert [f.code for f in found] == [CheckCode.NUMBERS]
    assert set(found[0].items) == {"40", "128,450.75", "8.417-2002", "45", "128 450,70", "8.417—2003"}


# --- properties -------------------------------------------------------------------------------

ZH_WORDS = ["双方", "同意", "提供", "技术资料", "专家", "项", "名", "个月", "每年", "会议", "在", "和"]
RU_WORDS = ["Стороны", "согласились", "передать", "материалы", "специалистов", "в", "течение", "и"]
GROUPS = [" ", "\u00a0", "\u2009", "\u202f", "'"]

amount = st.decimals(min_value=Decimal("1000"), max_value=Decimal("9999999.99"), places=2)


def zh_amount(v: Decimal, style: str) -> str:
    whole, frac = f"{v:.2f}".split(".")
    grouped = f"{int(whole):,}"
    if style == "chinese":  # 1,234,567.89
        return f"{grouped}.{frac}"
    return grouped.replace(",", " ") + "," + frac  # the Russian habit in a Chinese text


def ru_amount(v: Decimal, style: str, group: str) -> str:
    whole, frac = f"{v:.2f}".split(".")
    grouped = f"{int(whole):,}"
    if style == "russian":  # 1 234 567,89 with any space or an apostrophe
        return grouped.replace(",", group) + "," + frac
    return f"{grouped}.{frac}"  # the Chinese habit in a Russian text


def sentence(values, words, render, sep):
    parts = []
    for i, v in enumerate(values):
        parts += [words[i % len(words)], render(v)]
    parts.append(words[-1])
    return sep.join(parts)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(amount, min_size=1, max_size=4),
    zh_style=st.sampled_from(["chinese", "russian"]),
    ru_style=st.sampled_from(["chinese", "russian"]),
    group=st.sampled_from(GROUPS),
)
def test_amounts_in_either_habit_are_never_flagged(values, zh_style, ru_style, group):
    zh = sentence(values, ZH_WORDS, lambda v: zh_amount(v, zh_style), "")
    ru = sentence(values, RU_WORDS, lambda v: ru_amount(v, ru_style, group), " ")
    assert check_segments([seg(1, zh, ru)], []) == []


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(amount, min_size=1, max_size=4),
    zh_style=st.sampled_from(["chinese", "russian"]),
    ru_style=st.sampled_from(["chinese", "russian"]),
    group=st.sampled_from(GROUPS),
    which=st.integers(min_value=0, max_value=3),
    delta=st.sampled_from([Decimal("0.01"), Decimal("1"), Decimal("1000"), Decimal("-0.1")]),
    side=st.sampled_from(["zh", "ru"]),
)
def test_an_amount_changed_on_one_side_is_always_found(values, zh_style, ru_style, group, which, delta, side):
    which %= len(values)
    changed = list(values)
    changed[which] += delta
    zh_vals, ru_vals = (changed, values) if side == "zh" else (values, changed)
    zh = sentence(zh_vals, ZH_WORDS, lambda v: zh_amount(v, zh_style), "")
    ru = sentence(ru_vals, RU_WORDS, lambda v: ru_amount(v, ru_style, group), " ")
    assert [f.code for f in check_segments([seg(1, zh, ru)], [])] == [CheckCode.NUMBERS]


small = st.integers(min_value=2, max_value=9999)


def zh_form(v: int, form: str) -> str:
    return {
        "digits": str(v),
        "chinese": to_chinese(v),
        "ordinal": "第" + to_chinese(v),
        "percent": f"百分之{to_chinese(v)}",
    }[form]


def ru_form(v: int, form: str) -> str:
    return {
        "digits": str(v),
        "chinese": f"{v:,}".replace(",", "\u00a0"),
        "ordinal": f"{v}-й",
        "percent": f"{v} %",
    }[form]


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(small, min_size=1, max_size=5),
    form=st.sampled_from(["digits", "chinese", "ordinal", "percent"]),
)
def test_integers_in_their_usual_forms_are_never_flagged(values, form):
    zh = sentence(values, ZH_WORDS, lambda v: zh_form(v, form), "")
    ru = sentence(values, RU_WORDS, lambda v: ru_form(v, form), " ")
    assert check_segments([seg(1, zh, ru)], []) == []


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(small, min_size=1, max_size=5),
    form=st.sampled_from(["digits", "chinese", "ordinal", "percent"]),
    which=st.integers(min_value=0, max_value=4),
    new=small,
    side=st.sampled_from(["zh", "ru"]),
)
def test_an_integer_changed_on_one_side_is_always_found(values, form, which, new, side):
    which %= len(values)
    if new == values[which]:
        new += 1
    changed = list(values)
    changed[which] = new
    zh_vals, ru_vals = (changed, values) if side == "zh" else (values, changed)
    zh = sentence(zh_vals, ZH_WORDS, lambda v: zh_form(v, form), "")
    ru = sentence(ru_vals, RU_WORDS, lambda v: ru_form(v, form), " ")
    assert [f.code for f in check_segments([seg(1, zh, ru)], [])] == [CheckCode.NUMBERS]
