"""Numbers in Chinese and Russian text, for checking that both texts of a segment say the same.

:func:`extract` finds every number a reader would see, as a :class:`Number` with its readings:
Arabic digits (also full-width) with the thousands and decimal marks of either language's habit
(1 234,5 = 1,234.5; thousands grouped by space, no-break or thin space, comma or apostrophe),
section numbers (§4.2, 4.2.1), standard numbers and № as one token (ГОСТ 8.417—2002 = GOST
8.417-2002, GB/T 9704—2012, № 12/5), fractions (1/3 = 三分之一 = одна треть, ½), percentages
(百分之五 = 5 %), Chinese numerals (三十, 二〇二六 read digit by digit, 两, 三万五 = 35000, 第一部分,
三四天 = 3–4 days), Russian number words in any case or gender (двух, двадцать пять, третьего,
10-й), dates (1958年3月14日 = 14 марта 1958 г. = 14.03.1958) and multipliers (3万 = 30 тыс. =
30 000). Words that merely contain a numeral character (统一, 一般, 一致, 之一, 一些, 唯一 …) are not
numbers, and neither is a lone "one" (一项, одно решение), which the two languages say or leave
out freely; "first" (第一, первый) is.

A form that can be read two ways (1,234: a thousands comma, or a decimal comma) keeps both
readings: the other text decides, and a finding says so when it cannot. :func:`differences`
pairs the numbers of the two texts.

:func:`leading_marker` reads the number of a list item ("1.", "（一）", "二、", "II.", "а)").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

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
    "两方", "两种文本", "两种文字", "三番五次", "五花八门", "七嘴八舌", "九死一生", "不三不四", "一五一十", "百般", "百货",
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
_CN_PERCENT = re.compile(f"[百千]分之([{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?|\\d+(?:\\.\\d+)?)")
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
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,\-/])(?:(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})|(\d{4})([.\-/])(\d{1,2})\5(\d{1,2}))(?![\d])"
)
_RU_TOKEN = re.compile(r"[А-Яа-яЁё]+\.?")
#: Roman numerals of sessions, parts and chapters (I … XXXIX); C, L, D, M are too often units.
_ROMAN = re.compile(r"(?<![\w°])(?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))(?![\w])")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％～／", "0123456789.%~/")

#: What separates groups of thousands: space, no-break space, thin space, narrow no-break space,
#: apostrophe (1'234, 1’234). A comma does too (1,234,567), or is the decimal mark (12,5).
_GROUP = " \u00a0\u2009\u202f'’"
_ARABIC = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?![\d])")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})
#: Standard numbers (ГОСТ 3882-61, GB/T 9704—2012, ISO 9001:2015) and № 12/5: one token each,
#: compared by their number only (ГОСТ and GOST, 国家标准 and GB are the same standard).
_STANDARD = re.compile(
    r"(?<![A-Za-zА-Яа-яЁё])(?:ГОСТ(?:\s?Р)?|GOST(?:\s?R)?|ОСТ|OST|СТ\s?СЭВ|ST\s?SEV|ТУ|TU|GB(?:/[TZ])?"
    r"|ГБ(?:/Т)?|ISO|ИСО|IEC|МЭК|СНиП|SNiP|JB(?:/T)?|DIN)\s*(?P<n>\d+(?:\s?[.\-–—/:]\s?\d+)*)"
)
_NUMERO = re.compile(r"(?:№|No\.|N°)\s*(?P<n>\d+(?:[/\-–—.]\d+)*)|第(?P<z>\d+(?:[/\-–—.]\d+)+)号")
_FRACTION = re.compile(r"(?<![\d/.,])(\d+)\s*/\s*(\d+)(?![\d/])")
_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅛": (1, 8)}
_CN_FRACTION = re.compile(f"([{_CN_CHARS}]+|\\d+)分之([{_CN_CHARS}]+|\\d+)")
_RU_NUMERATOR = (
    r"одн(?:а|ой|у)|дв(?:е|ух|ум)|тр(?:и|[её]х|[её]м)|четыр(?:е|[её]х)|пят[ьи]|шест[ьи]|сем[ьи]|восемь|восьми"
    r"|девят[ьи]|десят[ьи]|\d+"
)
_RU_DENOMINATOR = (
    (r"трет(?:ь|и|ей|ью|ям|ья|ьих|ьей)", 3), (r"четверт(?:ь|и|ей|ью|ям)|четв[её]рт(?:ая|ых|ой|ую)", 4),
    (r"пят(?:ая|ых|ой|ую)", 5), (r"шест(?:ая|ых|ой|ую)", 6), (r"седьм(?:ая|ых|ой|ую)", 7),
    (r"восьм(?:ая|ых|ой|ую)", 8), (r"девят(?:ая|ых|ой|ую)", 9), (r"десят(?:ая|ых|ой|ую)", 10),
    (r"сот(?:ая|ых|ой|ую)", 100), (r"тысячн(?:ая|ых|ой|ую)", 1000),
)  # fmt: skip
_RU_FRACTION = re.compile(
    rf"(?<![\w])(?:({_RU_NUMERATOR})\s+)?({'|'.join(p for p, _ in _RU_DENOMINATOR)})(?![\w])", re.IGNORECASE
)
_RU_DEN_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), v) for p, v in _RU_DENOMINATOR]
_RU_MULTIPLIER = re.compile(
    r"\s*(тыс\.?|тысяч\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*)(?!\w)", re.IGNORECASE
)
_CN_MULTIPLIER = re.compile(r"\s*([万亿千])")


@dataclass(frozen=True)
class Number:
    """A number as written in a text: ``keys`` are its readings (exact values, or "id:…" for
    section and standard numbers), ``value`` its usual reading (None for an identifier);
    ``readings`` says how a form that can be read two ways may be read (1,234)."""

    text: str
    keys: frozenset
    value: Decimal | Fraction | None = None
    start: int = 0
    readings: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    @property
    def canonical(self) -> str:
        """How the number is shown in a finding's key: 120, 12.5, 1/3, or as written."""
        if self.value is None or self.ambiguous:
            return self.text
        return show(self.value)

    @property
    def label(self) -> str:
        """How the number is shown to a person: as written, with its value if written in words."""
        if self.value is None or not re.search(r"[^\d\s.,'’%/№§\-–—~\u00a0\u2009\u202f]", self.text):
            return self.text
        return f"{self.text} ({self.canonical})"

    def sort_key(self):
        return (self.value is None, self.value if self.value is not None else 0, self.text)


def _num(text: str, value, start: int, *more) -> Number:
    return Number(text, frozenset((value, *more)), value, start)


def _id(text: str, start: int) -> Number:
    return Number(text, frozenset({"id:" + re.sub(r"\s", "", text.translate(_DASHES))}), None, start)


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _grouped(groups: list[str]) -> bool:
    """1,234,567: a first group of 1-3 digits (not 0), then groups of exactly three."""
    return 1 <= len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 for g in groups[1:])


def _arabic(body: str, start: int, lang: str) -> list[Number]:
    """The number(s) of a run of digits and separators, in either language's habits."""
    if any(c in _GROUP for c in body):
        v = Decimal(re.sub(f"[{_GROUP}]", "", body).replace(",", "."))
        return [_num(body, v, start)]
    parts = re.split(r"([.,])", body)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return [_num(body, Decimal(body), start)]
    if len(set(seps)) == 2:  # 128,450.75 or 1.234,5: the last mark is the decimal one
        mark = seps[-1]
        if mark not in seps[:-1] and _grouped(groups[:-1]):
            return [_num(body, Decimal("".join(groups[:-1]) + "." + groups[-1]), start)]
    elif len(seps) >= 2:
        if _grouped(groups):  # 1,234,567 (or 1.234.567, which may also be a section number)
            v = Decimal("".join(groups))
            return [_num(body, v, start, "id:" + body)] if seps[0] == "." else [_num(body, v, start)]
        if seps[0] == ".":  # 4.2.1: a section number
            return [_id(body, start)]
    else:
        whole, frac = groups
        v = Decimal(f"{whole}.{frac}")
        if seps[0] == ".":  # 4.2: a decimal, or a section
            return [_num(body, v, start, "id:" + body)]
        if _grouped(groups):  # 1,234: thousands the Chinese way, or a decimal comma the Russian way
            thousands = Decimal(whole + frac)
            usual, other = (thousands, v) if lang == "zh" else (v, thousands)
            return [Number(body, frozenset({usual, other}), usual, start, (show(usual), show(other)))]
        return [_num(body, v, start)]
    # 1,2,3 (a list) or a form no habit writes: each group is a number
    out, pos = [], start
    for g, sep in zip(groups, [*seps, ""], strict=True):
        out.append(_num(g, Decimal(g), pos))
        pos += len(g) + len(sep)
    return out


def _scaled(n: Number, factor: int, text: str) -> Number:
    keys = frozenset(k * factor if not isinstance(k, str) else k for k in n.keys)
    value = n.value * factor if n.value is not None else None
    readings = tuple(show(Decimal(r) * factor) for r in n.readings)
    return Number(text, keys, value, n.start, readings)


def _tokens_common(text: str, out: list[Number]) -> str:
    """Standard numbers, № and digit fractions (both languages); returns the text with them masked."""
    for rx in (_STANDARD, _NUMERO):
        for m in list(rx.finditer(text)):
            g = "n" if m.group("n") else "z"
            body = m.group(g)
            out.append(_num(body, Decimal(body), m.start(g)) if body.isdigit() else _id(body, m.start(g)))
            text = _mask(text, m.start(), m.end())
    for m in list(_NUMERIC_DATE.finditer(text)):  # 14.03.2026, 2026-03-14, 2026.3.14: three numbers
        groups = (1, 2, 3) if m.group(1) else (7, 6, 4)  # day, month, year
        day, month = int(m.group(groups[0])), int(m.group(groups[1]))
        if 1 <= month <= 12 and 1 <= day <= 31:
            for g in sorted(groups):
                out.append(_num(m.group(g), Decimal(int(m.group(g))), m.start(g)))
            text = _mask(text, m.start(), m.end())
    for m in list(_FRACTION.finditer(text)):
        a, b = int(m.group(1)), int(m.group(2))
        if b:
            out.append(_num(m.group(), Fraction(a, b), m.start(), f"id:{a}/{b}"))
            text = _mask(text, m.start(), m.end())
    for ch, (a, b) in _VULGAR.items():
        for m in list(re.finditer(ch, text)):
            out.append(_num(ch, Fraction(a, b), m.start()))
            text = _mask(text, m.start(), m.end())
    return text


def chinese_numeral(run: str) -> Decimal | None:
    """The value of a run of Chinese numeral characters: 三十 → 30, 十二 → 12, 两千 → 2000,
    二〇二六 → 2026 (digit by digit), 三万五千 → 35000, 三万五 → 35000, 一百二 → 120, 三点五 → 3.5."""
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
        # 三万五 is 35000 and 一百二 is 120: a last digit right after 百, 千, 万 or 亿 counts a tenth of it
        if len(run) > 1 and run[-1] in CN_DIGITS and run[-2] in "百千万亿":
            whole += CN_DIGITS[run[-1]] * (
                {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}[run[-2]] // 10 - 1
            )
    return _dec(f"{whole}.{frac}" if frac else str(whole))


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _cn_value(body: str) -> Decimal | None:
    return _dec(body) if body[0].isdigit() else chinese_numeral(body)


def _unmask_after_di(m: re.Match) -> str:
    """第一部分 is "part one": a word of :data:`CN_NOT_NUMBERS` right after 第 is a number."""
    if m.start() and m.string[m.start() - 1] == "第":
        return m.group()
    return " " * len(m.group())


def _numbers_zh(text: str) -> list[Number]:
    out: list[Number] = []
    for word, same in CN_ORDINAL_WORDS.items():
        text = text.replace(word, same)
    text = _tokens_common(text, out)
    for m in list(_CN_PERCENT.finditer(text)):
        v = _cn_value(m.group(1))
        if v is not None:
            out.append(_num(m.group(), v, m.start()))
        text = _mask(text, m.start(), m.end())
    for m in list(_CN_FRACTION.finditer(text)):
        den, num = _cn_value(m.group(1)), _cn_value(m.group(2))
        if den and num is not None:
            out.append(_num(m.group(), Fraction(num) / Fraction(den), m.start()))
        text = _mask(text, m.start(), m.end())
    text = _CN_MASK.sub(_unmask_after_di, text)
    for m in list(_ARABIC.finditer(text)):
        found = _arabic(m.group(), m.start(), "zh")
        end = m.end()
        mult = _CN_MULTIPLIER.match(text, end)
        if mult and len(found) == 1:
            factor = {"万": 10**4, "亿": 10**8, "千": 1000}[mult.group(1)]
            found = [_scaled(found[0], factor, text[m.start() : mult.end()])]
            end = mult.end()
        out.extend(found)
        text = _mask(text, m.start(), end)
    for m in _CN_RUN.finditer(text):
        run = m.group()
        if run == "一":
            before = text[max(0, m.start() - 1) : m.start()]
            after = text[m.end() : m.end() + 1]
            if before not in _CN_ONE_BEFORE and after != "月":
                continue
        if all(c in CN_BIG for c in run):  # 万 or 亿 on its own is a word, not a number
            continue
        a, b = CN_DIGITS.get(run[0]), CN_DIGITS.get(run[-1])
        if len(run) == 2 and a and b == a + 1 and text[m.end() : m.end() + 1] != "年":
            # 三四天: three or four days (3–4 дня), not 34
            out.extend((_num(run[0], Decimal(a), m.start()), _num(run[1], Decimal(b), m.start() + 1)))
            continue
        v = chinese_numeral(run)
        if v is not None:
            out.append(_num(run, v, m.start()))
    return out


@lru_cache(maxsize=16384)
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


def _ru_fractions(text: str, out: list[Number]) -> str:
    """две трети, одна пятая, три десятых: fractions written in words."""
    for m in list(_RU_FRACTION.finditer(text)):
        num_word = m.group(1)
        if num_word is None:
            numerator = 1
            if not re.match(r"(?i)трет|четверт", m.group(2)):  # пятая alone is "fifth", not a fraction
                continue
        elif num_word.isdigit():
            numerator = int(num_word)
        elif num_word.lower().startswith("одн"):
            numerator = 1
        else:
            found = _ru_word_value(num_word)
            if found is None:
                continue
            numerator = found[1]
        den = next(v for rx, v in _RU_DEN_RES if rx.match(m.group(2).lower().replace("ё", "е")))
        out.append(_num(m.group(), Fraction(numerator, den), m.start()))
        text = _mask(text, m.start(), m.end())
    return text


def _numbers_ru(text: str) -> list[Number]:
    out: list[Number] = []
    text = _tokens_common(text, out)
    text = _ru_fractions(text, out)
    for m in list(_ARABIC.finditer(text)):
        found = _arabic(m.group(), m.start(), "ru")
        end = m.end()
        mult = _RU_MULTIPLIER.match(text, end)
        if mult and len(found) == 1:
            word = mult.group(1).lower()
            factor = (
                1000 if word.startswith("тыс") else 10**6 if word.startswith(("млн", "миллион")) else 10**9
            )
            found = [_scaled(found[0], factor, text[m.start() : mult.end()])]
            end = mult.end()
        out.extend(found)
        text = _mask(text, m.start(), end)
    for m in list(_ROMAN.finditer(text)):
        if m.group(1):
            out.append(_num(m.group(1), Decimal(roman_value(m.group(1))), m.start()))
    # words: runs of number words make one number (двадцать пять → 25, две тысячи → 2000)
    state = {"total": 0, "current": 0, "start": -1, "end": -1}

    def flush() -> None:
        if state["start"] >= 0:
            value = Decimal(state["total"] + state["current"])
            out.append(_num(text[state["start"] : state["end"]], value, state["start"]))
        state.update(total=0, current=0, start=-1)

    last_end = -1
    for m in _RU_TOKEN.finditer(text):
        value = _ru_word_value(m.group())
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        if state["start"] >= 0 and (value is None or value[0] == "month" or gap.strip()):
            flush()
        last_end = m.end()
        if value is None:
            continue
        kind, v = value
        if kind == "month":
            out.append(_num(m.group(), Decimal(v), m.start()))
            continue
        if state["start"] < 0:
            state["start"] = m.start()
        state["end"] = m.end()
        if kind == "mult":
            state["total"] += (state["current"] or 1) * v
            state["current"] = 0
        else:
            state["current"] += v
    flush()
    return out


def roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def extract(text: str, lang: str) -> list[Number]:
    """Every number in ``text`` ("zh" or "ru"), in the order written (leading list markers left
    out: :func:`leading_marker` reads those)."""
    text = (text or "").translate(_FULLWIDTH)
    marker = _marker_match(text, lang)
    if marker is not None:
        text = " " * marker.end() + text[marker.end() :]
    found = _numbers_zh(text) if lang.startswith("zh") else _numbers_ru(text)
    return sorted(found, key=lambda n: n.start)


def numbers(text: str, lang: str) -> Counter:
    """The usual readings of the numbers in ``text``, as a Counter of exact values."""
    return Counter(
        (n.value.normalize() if isinstance(n.value, Decimal) else n.value)
        for n in extract(text, lang)
        if n.value is not None
    )


def differences(text_zh: str, text_ru: str) -> tuple[list[Number], list[Number]]:
    """The numbers of the Chinese text that the Russian text lacks, and the other way round.

    Two numbers are the same when they share a reading (1,234 in one text is 1 234 or 1,234 in
    the other); the pairing is a maximum matching, so that no pair is missed by the order in
    which the numbers are looked at."""
    zh, ru = extract(text_zh, "zh"), extract(text_ru, "ru")
    partner: dict[int, int] = {}  # ru index -> zh index

    def pair(i: int, seen: set[int]) -> bool:
        for j, r in enumerate(ru):
            if j not in seen and zh[i].keys & r.keys:
                seen.add(j)
                if j not in partner or pair(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    for i in sorted(range(len(zh)), key=lambda i: zh[i].ambiguous):
        pair(i, set())
    matched = set(partner.values())
    only_zh = sorted((n for i, n in enumerate(zh) if i not in matched), key=Number.sort_key)
    only_ru = sorted((n for j, n in enumerate(ru) if j not in partner), key=Number.sort_key)
    return only_zh, only_ru


def show(value) -> str:
    """A number as a person writes it: 120, 12.5, 30000, 1/3."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        d = Decimal(value.numerator) / Decimal(value.denominator)
        if d * value.denominator == value.numerator:
            return format(d.normalize(), "f")
        return f"{value.numerator}/{value.denominator}"
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
