"""Numbers in Chinese and Russian text, for checking that both texts of a segment say the same.

:func:`numbers` finds every number a reader would see, as exact decimals: Arabic digits (also
full-width, with the thousands and decimal separators of each language), Chinese numerals
(三十, 十二, 两, 二〇二六 read digit by digit, 三万五千, 百分之五), Russian number words in any case
or gender (двух, двадцать пять, третьего), dates (1958年3月14日 = 14 марта 1958 г. = 14.03.1958) and
multipliers (3万 = 30 тыс. = 30 000). Words that merely contain a numeral character (统一, 一般,
一致, 之一, 一些, 唯一 …) are not numbers, and neither is a lone "one" (一项, одно решение), which the
two languages say or leave out freely; "first" (第一, первый) is.

:func:`leading_marker` reads the number of a list item ("1.", "（一）", "二、", "II.", "а)").
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

# --- Chinese ---------------------------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)
_CN_RUN = re.compile(f"[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?")

#: Words that contain a numeral character but are not numbers (longest first when masking).
CN_NOT_NUMBERS = (
    "统一", "一般", "一致", "之一", "一些", "唯一", "一切", "一起", "一定", "一直", "一样", "进一步",
    "一方面", "万一", "一律", "同一", "单一", "一旦", "一贯", "逐一", "一下", "一道", "一同", "一并",
    "一再", "一向", "一经", "一番", "一系列", "一体", "一揽子", "一齐", "一概", "一连", "一流", "不一",
    "划一", "专一", "一手", "一心", "一带", "千万", "万分", "十分", "一一", "千方百计", "四面八方",
    "一如既往", "一目了然", "一览", "一时", "一度", "一面", "二者", "两者", "两国", "两党", "两岸",
    "两方", "三番五次", "五花八门", "七嘴八舌", "九死一生", "不三不四", "一五一十", "百般", "百货",
    "万岁", "一行", "之二", "之三", "一部分", "一环", "一方", "另一", "每一", "任何一", "第一手",
    "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "周一", "周二", "周三", "周四", "周五",
    "周六", "礼拜一", "礼拜二", "礼拜三", "礼拜四", "礼拜五", "礼拜六",
)  # fmt: skip
#: Words that say "first" without a numeral: 首批 (the first batch) = первая партия.
CN_ORDINAL_WORDS = {"首批": "第一批", "首届": "第一届"}
_CN_MASK = re.compile(
    f"(?<![{_CN_CHARS}])(?:"
    + "|".join(sorted(map(re.escape, CN_NOT_NUMBERS), key=len, reverse=True))
    + f")(?![{_CN_CHARS}])"
)
_CN_PERCENT = re.compile(f"百分之([{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?|\\d+(?:\\.\\d+)?)")
_CN_ARABIC = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])\s*([万亿千])?")
#: A lone 一 counts after 第 (first), in a date (年一月, 一日 after 月) or as a month.
_CN_ONE_BEFORE = ("第", "年", "月")

# --- Russian ---------------------------------------------------------------------------------

_ADJ = r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ому|ему|ым|им|ом|ем|ых|их|ыми|ими|ую|юю)"
_CARD = r"(?:ь|и|ью)"
RU_WORDS: tuple[tuple[str, int], ...] = (
    (r"нол[ьяюе]|нул[ьяюе]|нулев" + _ADJ, 0),
    (r"перв" + _ADJ, 1),
    (r"дв(?:а|е|ух|ум|умя)|втор" + _ADJ + r"|двое|двоих|дважды", 2),
    (r"тр(?:и|[её]х|[её]м|емя)|трет(?:ий|ья|ье|ьи|ьего|ьей|ьему|ьим|ьем|ьих|ьими|ью)|трое|троих|трижды", 3),
    (r"четыр(?:е|[её]х|[её]м|ьмя)|четв[её]рт" + _ADJ + r"|четверо|четверых|четырежды", 4),
    (r"пят" + _CARD + "|пят" + _ADJ + "|пятеро", 5),
    (r"шест" + _CARD + "|шест" + _ADJ + "|шестеро", 6),
    (r"сем" + _CARD + "|седьм" + _ADJ + "|семеро", 7),
    (r"восемь|восьми|восемью|восьмью|восьм" + _ADJ + "|восьмеро", 8),
    (r"девят" + _CARD + "|девят" + _ADJ, 9),
    (r"десят" + _CARD + "|десят" + _ADJ + "|десятеро", 10),
    (r"одиннадцат(?:ь|и|ью)|одиннадцат" + _ADJ, 11),
    (r"двенадцат(?:ь|и|ью)|двенадцат" + _ADJ, 12),
    (r"тринадцат(?:ь|и|ью)|тринадцат" + _ADJ, 13),
    (r"четырнадцат(?:ь|и|ью)|четырнадцат" + _ADJ, 14),
    (r"пятнадцат(?:ь|и|ью)|пятнадцат" + _ADJ, 15),
    (r"шестнадцат(?:ь|и|ью)|шестнадцат" + _ADJ, 16),
    (r"семнадцат(?:ь|и|ью)|семнадцат" + _ADJ, 17),
    (r"восемнадцат(?:ь|и|ью)|восемнадцат" + _ADJ, 18),
    (r"девятнадцат(?:ь|и|ью)|девятнадцат" + _ADJ, 19),
    (r"двадцат(?:ь|и|ью)|двадцат" + _ADJ, 20),
    (r"тридцат(?:ь|и|ью)|тридцат" + _ADJ, 30),
    (r"сорок|сорока|сороков" + _ADJ, 40),
    (r"пятьдесят|пятидесяти|пятьюдесятью|пятидесят" + _ADJ, 50),
    (r"шестьдесят|шестидесяти|шестьюдесятью|шестидесят" + _ADJ, 60),
    (r"семьдесят|семидесяти|семьюдесятью|семидесят" + _ADJ, 70),
    (r"восемьдесят|восьмидесяти|восемьюдесятью|восьмидесят" + _ADJ, 80),
    (r"девяносто|девяноста|девяност" + _ADJ, 90),
    (r"сто|ста|сот" + _ADJ, 100),
    (r"двести|двухсот|двумстам|двумястами|двухстах|двухсот" + _ADJ, 200),
    (r"триста|тр[её]хсот|тр[её]мстам|тремястами|тр[её]хстах|тр[её]хсот" + _ADJ, 300),
    (r"четыреста|четыр[её]хсот|четыр[её]мстам|четырьмястами|четыр[её]хстах|четыр[её]хсот" + _ADJ, 400),
    (r"пятьсот|пятисот|пятистам|пятьюстами|пятистах|пятисот" + _ADJ, 500),
    (r"шестьсот|шестисот|шестистам|шестьюстами|шестистах|шестисот" + _ADJ, 600),
    (r"семьсот|семисот|семистам|семьюстами|семистах|семисот" + _ADJ, 700),
    (r"восемьсот|восьмисот|восьмистам|восемьюстами|восьмистах|восьмисот" + _ADJ, 800),
    (r"девятьсот|девятисот|девятистам|девятьюстами|девятистах|девятисот" + _ADJ, 900),
)
RU_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    (r"тысяч(?:а|и|у|ей|е|ами|ах|ам)?|тыс\.?|тысячн" + _ADJ, 1000),
    (r"миллион(?:а|у|ом|е|ов|ы|ами|ах|ам)?|млн\.?|миллионн" + _ADJ, 10**6),
    (r"миллиард(?:а|у|ом|е|ов|ы|ами|ах|ам)?|млрд\.?|миллиардн" + _ADJ, 10**9),
)
RU_MONTHS: tuple[tuple[str, int], ...] = (
    (r"январ[ьяюеё]м?", 1), (r"феврал[ьяюеё]м?", 2), (r"март(?:а|е|у|ом)?", 3), (r"апрел[ьяюеё]м?", 4),
    (r"ма(?:й|я|е|ю|ем)", 5), (r"июн[ьяюеё]м?", 6), (r"июл[ьяюеё]м?", 7), (r"август(?:а|е|у|ом)?", 8),
    (r"сентябр[ьяюеё]м?", 9), (r"октябр[ьяюеё]м?", 10), (r"ноябр[ьяюеё]м?", 11), (r"декабр[ьяюеё]м?", 12),
)  # fmt: skip
_RU_WORD_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), v) for p, v in RU_WORDS]
_RU_MULT_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), v) for p, v in RU_MULTIPLIERS]
_RU_MONTH_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), v) for p, v in RU_MONTHS]
_RU_NUMERIC_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{2,4})(?![\d])")
_RU_ARABIC = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?![\d])"
    r"(?:\s*(тыс\.?|тысяч\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*)(?!\w))?",
    re.IGNORECASE,
)
_RU_TOKEN = re.compile(r"[А-Яа-яЁё]+\.?")
#: Roman numerals of sessions, parts and chapters (I … XXXIX); C, L, D, M are too often units.
_ROMAN = re.compile(r"(?<![\w°])(?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))(?![\w])")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def chinese_numeral(run: str) -> Decimal | None:
    """The value of a run of Chinese numeral characters: 三十 → 30, 十二 → 12, 两千 → 2000,
    二〇二六 → 2026 (digit by digit), 三万五千 → 35000, 三点五 → 3.5."""
    frac = ""
    if "点" in run:
        run, frac_part = run.split("点", 1)
        frac = "".join(str(CN_DIGITS[c]) for c in frac_part if c in CN_DIGITS)
    if not run:
        return None
    if len(run) > 1 and all(c in CN_DIGITS for c in run):
        whole = int("".join(str(CN_DIGITS[c]) for c in run))
    else:
        total = section = num = 0
        for c in run:
            if c in CN_DIGITS:
                num = CN_DIGITS[c]
            elif c in CN_UNITS:
                section += (num or 1) * CN_UNITS[c]
                num = 0
            elif c in CN_BIG:
                total += (section + num or 1) * CN_BIG[c]
                section = num = 0
        whole = total + section + num
    return _dec(f"{whole}.{frac}" if frac else str(whole))


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _numbers_zh(text: str) -> list[Decimal]:
    out: list[Decimal] = []
    for word, same in CN_ORDINAL_WORDS.items():
        text = text.replace(word, same)
    text = _CN_MASK.sub(lambda m: " " * len(m.group()), text)
    for m in list(_CN_PERCENT.finditer(text)):
        body = m.group(1)
        v = _dec(body) if body[0].isdigit() else chinese_numeral(body)
        if v is not None:
            out.append(v)
        text = _mask(text, m.start(), m.end())
    for m in list(_CN_ARABIC.finditer(text)):
        whole = m.group(1).replace(",", "")
        v = _dec(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        if v is not None:
            if m.group(3):
                v *= {"万": 10**4, "亿": 10**8, "千": 1000}[m.group(3)]
            out.append(v)
        text = _mask(text, m.start(), m.end())
    for m in _CN_RUN.finditer(text):
        run = m.group()
        if run == "一":
            before = text[max(0, m.start() - 1) : m.start()]
            after = text[m.end() : m.end() + 1]
            if before not in _CN_ONE_BEFORE and after != "月":
                continue
        if all(c in CN_BIG for c in run):  # 万 or 亿 on its own is a word, not a number
            continue
        v = chinese_numeral(run)
        if v is not None:
            out.append(v)
    return out


def _ru_word_value(word: str) -> tuple[str, int] | None:
    w = word.lower().replace("ё", "е")
    for rx, v in _RU_MULT_RES:
        if rx.match(w):
            return "mult", v
    w = w.rstrip(".")
    for rx, v in _RU_WORD_RES:
        if rx.match(w):
            return "num", v
    for rx, v in _RU_MONTH_RES:
        if rx.match(w):
            return "month", v
    return None


def _numbers_ru(text: str) -> list[Decimal]:
    out: list[Decimal] = []
    for m in list(_RU_NUMERIC_DATE.finditer(text)):
        out.extend(Decimal(int(g)) for g in m.groups())
        text = _mask(text, m.start(), m.end())
    for m in list(_RU_ARABIC.finditer(text)):
        whole = re.sub(r"[ \u00a0\u202f]", "", m.group(1))
        v = _dec(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        if v is not None:
            mult = (m.group(3) or "").lower()
            if mult.startswith("тыс"):
                v *= 1000
            elif mult.startswith(("млн", "миллион")):
                v *= 10**6
            elif mult.startswith(("млрд", "миллиард")):
                v *= 10**9
            out.append(v)
        text = _mask(text, m.start(), m.end())
    for m in list(_ROMAN.finditer(text)):
        if m.group(1):
            out.append(Decimal(roman_value(m.group(1))))
    # words: runs of number words make one number (двадцать пять → 25, две тысячи → 2000)
    total = current = 0
    in_number = False
    last_end = -1

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            out.append(Decimal(total + current))
        total = current = 0
        in_number = False

    for m in _RU_TOKEN.finditer(text):
        value = _ru_word_value(m.group())
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        if in_number and (value is None or value[0] == "month" or gap.strip()):
            flush()
        if value is None:
            last_end = m.end()
            continue
        kind, v = value
        if kind == "month":
            out.append(Decimal(v))
        elif kind == "mult":
            total += (current or 1) * v
            current = 0
            in_number = True
        else:
            current += v
            in_number = True
        last_end = m.end()
    flush()
    return out


def roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def numbers(text: str, lang: str) -> Counter:
    """The numbers in ``text`` ("zh" or "ru"), as a Counter of exact decimals (leading list
    markers left out: :func:`leading_marker` reads those)."""
    text = (text or "").translate(_FULLWIDTH)
    marker = _marker_match(text, lang)
    if marker is not None:
        text = text[marker.end() :]
    found = _numbers_zh(text) if lang.startswith("zh") else _numbers_ru(text)
    return Counter(v.normalize() for v in found)


def show(value: Decimal) -> str:
    """A number as a person writes it: 120, 12.5, 30000."""
    return format(value.normalize(), "f")


# --- list markers ----------------------------------------------------------------------------

_ZH_MARKER = re.compile(
    rf"^\s*(?:[（(]\s*(?P<p>[{_CN_CHARS}]+|\d+)\s*[)）]|(?P<c>[{_CN_CHARS}]+)\s*、|(?P<d>\d+)\s*[、.．)）](?!\d))"
)
_RU_MARKER = re.compile(
    r"^\s*(?:\(\s*(?P<p>\d+)\s*\)|(?P<d>\d+)\s*[.)](?!\d)|(?P<r>[IVXLC]+)\s*\.|(?P<l>[а-яё])\s*\))"
)
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _marker_match(text: str, lang: str):
    return (_ZH_MARKER if lang.startswith("zh") else _RU_MARKER).match(text)


def leading_marker(text: str, lang: str) -> tuple[str, int] | None:
    """(style, number) of a list item's leading marker, or None.

    Styles: "paren" for (1)/（一）, "word" for 一、, "digit" for 1. 1) 1、, "roman" for II.,
    "letter" for а) б)."""
    text = (text or "").translate(_FULLWIDTH)
    m = _marker_match(text, lang)
    if m is None:
        return None
    g = m.groupdict()
    if g.get("p"):
        v = g["p"]
        return "paren", int(v) if v.isdigit() else int(chinese_numeral(v) or 0)
    if g.get("c"):
        return "word", int(chinese_numeral(g["c"]) or 0)
    if g.get("d"):
        return "digit", int(g["d"])
    if g.get("r"):
        return "roman", roman_value(g["r"])
    if g.get("l"):
        letter = g["l"].lower().replace("ё", "е")
        return ("letter", _RU_LETTERS.index(letter) + 1) if letter in _RU_LETTERS else None
    return None
