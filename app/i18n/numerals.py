"""Numbers written out as the documents write them: Chinese numerals (第二次会议, 一、) and Russian
ordinals that agree with заседание (второе, второго…). Used by the core (minutes templates) and
by the documents alike."""

from __future__ import annotations

_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numerals for 0-9999 (一, 十二, 二十, 一百零五); digits beyond."""
    if not 0 <= n <= 9999:
        return str(n)
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += _ZH_DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


_RU_UNITS = {
    1: "перв", 2: "втор", 3: "трет", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
    16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
}  # fmt: skip
_RU_TENS_ORDINAL = {2: "двадцат", 3: "тридцат", 4: "сороков", 5: "пятидесят", 6: "шестидесят",
                    7: "семидесят", 8: "восьмидесят", 9: "девяност"}  # fmt: skip
_RU_TENS_CARDINAL = {2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят", 6: "шестьдесят",
                     7: "семьдесят", 8: "восемьдесят", 9: "девяносто"}  # fmt: skip
#: Neuter endings (заседание) by case: nominative, genitive, dative, prepositional.
_RU_ENDINGS = {"nom": "ое", "gen": "ого", "dat": "ому", "prep": "ом"}
_RU_SHORT = {"nom": "е", "gen": "го", "dat": "му", "prep": "м"}
_RU_THIRD = {"nom": "третье", "gen": "третьего", "dat": "третьему", "prep": "третьем"}


def ru_ordinal_neuter(n: int, case: str = "nom") -> str:
    """ "второе", "второго", "двадцать третьего" (agreeing with заседание); "123-го" beyond 99."""
    if not 1 <= n <= 99:
        return f"{n}-{_RU_SHORT[case]}"
    if n < 20:
        return _RU_THIRD[case] if n == 3 else _RU_UNITS[n] + _RU_ENDINGS[case]
    tens, units = divmod(n, 10)
    if not units:
        return _RU_TENS_ORDINAL[tens] + _RU_ENDINGS[case]
    return f"{_RU_TENS_CARDINAL[tens]} {ru_ordinal_neuter(units, case)}"
