"""Counts and find/replace for the minutes editor."""

from __future__ import annotations

from app.core.services.minutes.text import Counts, count, find_all, replace_all


def test_counts_per_language():
    assert count("双方同意。") == Counts(words=4, characters=5)
    assert count("Стороны согласились: 2 раза в год.") == Counts(words=6, characters=29)
    assert count("научно-исследовательских работ") == Counts(words=2, characters=29)
    assert count("  \n ") == Counts(0, 0)
    assert count("GOST 2026 标准") == Counts(words=4, characters=10)


def test_find_ignores_case_and_yo():
    text = "Приёмка и ПРИЕМКА, приемка"
    assert find_all(text, "приемка") == [(0, 7), (10, 17), (19, 26)]
    assert find_all(text, "Приёмка", match_case=True) == [(0, 7)]
    assert replace_all(text, "приёмка", "передача") == ("передача и передача, передача", 3)
    assert replace_all("技术条件和技术条件", "技术条件", "技术规格") == ("技术规格和技术规格", 2)
    assert find_all("", "x") == [] and find_all("x", "") == []
