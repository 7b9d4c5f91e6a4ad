"""The checks that must pass before signature copies are printed.

Per segment: an empty counterpart; numbers, dates, percentages and amounts that differ between
the two texts (one finding listing them all); a glossary term used on one side whose agreed
counterpart is missing on the other; a character no font can print (``glyphs``), which cannot be
accepted: a signed original never shows a substitute glyph.
Across segments: broken numbering of list items (in each language, and between the two), and
decisions out of order.

A finding the two sides looked at and accept as intended can be marked so on its segment
(``minutes_edit.set_accepted``, by the finding's ``key``); it is then shown as accepted and no
longer fails the check. The key holds the details (the differing numbers, the term), so a new
difference is a new finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from sqlalchemy.orm import Session

from app.core.enums import SegmentKind, SegmentStatus
from app.core.services import glyphs
from app.core.services.minutes import glossary
from app.core.services.minutes.glossary import TermData
from app.core.services.minutes.numbers import Number, differences, leading_marker
from app.core.services.minutes.records import SegmentData, list_segments, minutes_row
from app.i18n import N_, _, menu_words


class CheckCode(StrEnum):
    EMPTY = "empty"
    NUMBERS = "numbers"
    GLOSSARY = "glossary"
    NUMBERING = "numbering"
    DECISIONS = "decisions"
    UNPRINTABLE = "unprintable"


#: Findings the sides cannot accept as intended.
NOT_ACCEPTABLE = frozenset({CheckCode.UNPRINTABLE})

Note = tuple[str, tuple[tuple[str, str], ...]]


def _format(msgid: str, params) -> str:
    """The message in the interface language; a parameter named ``…_label`` is itself a msgid (a
    menu item's words, quoted from the same string as the menu)."""
    text = _(msgid)
    values = {k: menu_words(v) if k.endswith("_label") else v for k, v in dict(params).items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


@dataclass(frozen=True)
class Finding:
    segment_id: int
    segment_uuid: str
    index: int  # the segment's place in the document, from 0
    code: CheckCode
    key: str
    msgid: str
    params: tuple[tuple[str, str], ...] = ()
    #: the language the finding points at ("zh", "ru"), or "" for both
    lang: str = ""
    accepted: bool = False
    #: the numbers or characters concerned, as written in the text ("8.417", "U+20000")
    items: tuple[str, ...] = ()
    #: further sentences (msgid, params), such as how an ambiguous number may be read
    notes: tuple[Note, ...] = ()

    @property
    def blocking(self) -> bool:
        """Whether the finding stops the minutes from being signed."""
        return not self.accepted

    @property
    def message(self) -> str:
        return " ".join([_format(self.msgid, self.params), *(_format(m, p) for m, p in self.notes)])


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...] = ()
    segments: int = 0
    #: segments not yet agreed by both sides (or initialled)
    not_agreed: int = 0
    failing_segments: frozenset[int] = field(default_factory=frozenset)

    @property
    def open(self) -> list[Finding]:
        return [f for f in self.findings if not f.accepted]

    @property
    def passed(self) -> bool:
        """No finding left that the sides did not accept."""
        return not self.open


def _join(found: list[Number], attr: str = "label") -> str:
    return ", ".join(getattr(n, attr) for n in found)


@lru_cache(maxsize=4096)
def _differences(text_zh: str, text_ru: str) -> tuple[list[Number], list[Number]]:
    return differences(text_zh, text_ru)


def _numbers_finding(seg: SegmentData) -> tuple[str, str, dict, list[Number]] | None:
    only_zh, only_ru = _differences(seg.text_zh, seg.text_ru)
    if not only_zh and not only_ru:
        return None
    key = f"numbers:{_join(only_zh, 'canonical')}|{_join(only_ru, 'canonical')}"
    both = [*only_zh, *only_ru]
    if only_zh and only_ru:
        return (
            key,
            N_("Numbers differ: {zh} only in the Chinese text, {ru} only in the Russian text."),
            {"zh": _join(only_zh), "ru": _join(only_ru)},
            both,
        )
    if only_zh:
        return (
            key,
            N_("Numbers differ: {numbers} only in the Chinese text."),
            {"numbers": _join(only_zh)},
            both,
        )
    return key, N_("Numbers differ: {numbers} only in the Russian text."), {"numbers": _join(only_ru)}, both


def _ambiguity_notes(found: list[Number]) -> tuple[Note, ...]:
    return tuple(
        (
            N_("“{number}” can be read as {first} or as {second}."),
            (("number", n.text), ("first", n.readings[0]), ("second", n.readings[1])),
        )
        for n in found
        if n.ambiguous
    )


class _Terms(tuple):
    """The usable terms as a cache key: hashed once, not once per segment (30 terms, 500 segments:
    15,000 term hashes per check; issue 18)."""

    def __new__(cls, terms):
        self = super().__new__(cls, terms)
        self._hash = tuple.__hash__(self)
        return self

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other) -> bool:
        return self is other or tuple.__eq__(self, other)

    def __ne__(self, other) -> bool:
        return not self == other


_last_terms: list[_Terms] = []  # the last set of usable terms: the same object while unchanged


def _usable(terms: list[TermData]) -> _Terms:
    usable = _Terms(t for t in terms if t.usable)
    if _last_terms and _last_terms[0] == usable:
        return _last_terms[0]
    _last_terms[:] = [usable]
    return usable


def _glossary_findings(seg: SegmentData, terms: tuple[TermData, ...]) -> list[tuple[str, str, dict, str]]:
    """``terms``: the usable ones (:func:`_usable`)."""
    return _glossary_findings_of(seg.text_zh, seg.text_ru, terms)


@lru_cache(maxsize=4096)
def _glossary_findings_of(text_zh: str, text_ru: str, terms: tuple[TermData, ...]) -> list:
    out = []
    by_zh: dict[str, list[TermData]] = {}
    by_ru: dict[str, list[TermData]] = {}
    for t in terms:
        by_zh.setdefault(t.zh, []).append(t)
        by_ru.setdefault(t.ru, []).append(t)
    for zh, pairs in by_zh.items():
        if glossary.find(text_zh, zh, "zh") and not any(glossary.find(text_ru, t.ru, "ru") for t in pairs):
            wanted = " / ".join(t.ru for t in pairs)
            out.append(
                (
                    f"glossary:zh:{zh}",
                    N_(
                        "“{term}” is in the Chinese text, but the agreed “{counterpart}” is not in the Russian text."
                    ),
                    {"term": zh, "counterpart": wanted},
                    "ru",
                )
            )
    for ru, pairs in by_ru.items():
        if glossary.find(text_ru, ru, "ru") and not any(glossary.find(text_zh, t.zh, "zh") for t in pairs):
            wanted = " / ".join(t.zh for t in pairs)
            out.append(
                (
                    f"glossary:ru:{ru}",
                    N_(
                        "“{term}” is in the Russian text, but the agreed “{counterpart}” is not in the Chinese text."
                    ),
                    {"term": ru, "counterpart": wanted},
                    "zh",
                )
            )
    return out


class _Numbering:
    """Follows the list numbering of one language: one counter per marker style, nested in the
    order the styles first appear (一、 then （一） then 1.); a number may always start again at 1,
    and a higher level starts the lower ones afresh."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.last: dict[str, int] = {}
        self.styles: list[str] = []

    def step(self, style: str, number: int) -> int | None:
        """The number expected instead, if ``number`` breaks the sequence; else None."""
        if style in self.styles:
            del self.styles[self.styles.index(style) + 1 :]
            for s in list(self.last):
                if s not in self.styles:
                    del self.last[s]
        else:
            self.styles.append(style)
        previous = self.last.get(style, 0)
        self.last[style] = number
        if number == 1 or number == previous + 1:
            return None
        return previous


def _unprintable_findings(seg: SegmentData, printable: glyphs.Printable) -> list[tuple[str, str, str]]:
    """(character, code point, language) of each character of the segment no font can print."""
    zh = glyphs.unprintable(seg.text_zh, printable)
    ru = glyphs.unprintable(seg.text_ru, printable)
    return [
        (ch, glyphs.code_point(ch), "" if ch in zh and ch in ru else "zh" if ch in zh else "ru")
        for ch in dict.fromkeys([*zh, *ru])
    ]


def check_segments(
    segments: list[SegmentData],
    terms: list[TermData],
    printable: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Every finding for the segments of one set of minutes, in document order. ``printable``
    says which characters the documents can print (default: :func:`glyphs.checker`, skipped if
    the reports are not loaded)."""
    findings: list[Finding] = []
    if printable is None:
        printable = glyphs.checker()
    usable = _usable(terms)

    def add(seg: SegmentData, index: int, code: CheckCode, key: str, msgid: str, params: dict, lang="",
            items=(), notes=()):  # fmt: skip
        findings.append(
            Finding(
                segment_id=seg.id,
                segment_uuid=seg.uuid,
                index=index,
                code=code,
                key=key,
                msgid=msgid,
                params=tuple((k, str(v)) for k, v in params.items()),
                lang=lang,
                accepted=key in seg.accepted_findings and code not in NOT_ACCEPTABLE,
                items=tuple(items),
                notes=tuple(notes),
            )
        )

    counters = {"zh": _Numbering(), "ru": _Numbering()}
    last_decision = 0
    for index, seg in enumerate(segments):
        zh_empty, ru_empty = not seg.text_zh.strip(), not seg.text_ru.strip()
        if zh_empty and ru_empty:
            add(seg, index, CheckCode.EMPTY, "empty:both", N_("Both texts are empty."), {})
            continue
        if zh_empty:
            add(seg, index, CheckCode.EMPTY, "empty:zh", N_("The Chinese text is empty."), {}, "zh")
        elif ru_empty:
            add(seg, index, CheckCode.EMPTY, "empty:ru", N_("The Russian text is empty."), {}, "ru")
        else:
            found = _numbers_finding(seg)
            if found:
                key, msgid, params, concerned = found
                add(seg, index, CheckCode.NUMBERS, key, msgid, params, items=[n.text for n in concerned],
                    notes=_ambiguity_notes(concerned))  # fmt: skip
        if printable is not None:
            for ch, code, lang in _unprintable_findings(seg, printable):
                add(
                    seg, index, CheckCode.UNPRINTABLE, f"unprintable:{code}",
                    N_("“{char}” ({code}) is in no font the documents are printed with: it would print as □. "
                       "Add a font that has it ({view_label} → {menu_label}), or write the text without it."),
                    {"char": ch, "code": code, "view_label": glyphs.VIEW_MENU, "menu_label": glyphs.FONTS_MENU}, lang, items=[code],
                )  # fmt: skip
        for key, msgid, params, lang in _glossary_findings(seg, usable):
            add(seg, index, CheckCode.GLOSSARY, key, msgid, params, lang)
        # list numbering, in each language and between the two
        markers = {lang: leading_marker(seg.text(lang), lang) for lang in ("zh", "ru")}
        for lang, marker in markers.items():
            if marker is None:
                continue
            previous = counters[lang].step(*marker)
            if previous is not None:
                msgid = (
                    N_("In the Chinese text, item {number} follows item {previous}.")
                    if lang == "zh"
                    else N_("In the Russian text, item {number} follows item {previous}.")
                )
                if previous == 0:
                    msgid = (
                        N_("In the Chinese text, the numbering starts at {number}, not at 1.")
                        if lang == "zh"
                        else N_("In the Russian text, the numbering starts at {number}, not at 1.")
                    )
                add(
                    seg, index, CheckCode.NUMBERING, f"numbering:{lang}:{previous}:{marker[1]}", msgid,
                    {"number": marker[1], "previous": previous}, lang,
                )  # fmt: skip
        if markers["zh"] and markers["ru"] and markers["zh"][1] != markers["ru"][1]:
            add(
                seg, index, CheckCode.NUMBERING, f"numbering:both:{markers['zh'][1]}:{markers['ru'][1]}",
                N_("The item is numbered {zh} in the Chinese text but {ru} in the Russian text."),
                {"zh": markers["zh"][1], "ru": markers["ru"][1]},
            )  # fmt: skip
        elif bool(markers["zh"]) != bool(markers["ru"]) and seg.kind is SegmentKind.ITEM:
            lang = "ru" if markers["zh"] else "zh"
            add(
                seg, index, CheckCode.NUMBERING, f"numbering:missing:{lang}",
                N_("The item is numbered in one text only."), {}, lang,
            )  # fmt: skip
        if seg.decision is not None:
            if seg.decision.number != last_decision + 1:
                add(
                    seg, index, CheckCode.DECISIONS, f"decisions:{last_decision}:{seg.decision.number}",
                    N_("Decision No. {number} follows No. {previous}: decisions are numbered in order."),
                    {"number": seg.decision.number, "previous": last_decision},
                )  # fmt: skip
            last_decision = seg.decision.number
    return findings


def report(
    segments: list[SegmentData], terms: list[TermData], printable: Callable[[str], bool] | None = None
) -> CheckReport:
    findings = check_segments(segments, terms, printable)
    not_agreed = sum(1 for s in segments if s.status.rank < SegmentStatus.AGREED.rank)
    return CheckReport(
        findings=tuple(findings),
        segments=len(segments),
        not_agreed=not_agreed,
        failing_segments=frozenset(f.segment_id for f in findings if not f.accepted),
    )


def run_checks(session: Session, minutes_id: int) -> CheckReport:
    """The check of a set of minutes, with the fonts configured in the database."""
    return report(list_segments(session, minutes_id), glossary.list_terms(session), glyphs.checker(session))


def check_meeting(session: Session, meeting_id: int) -> CheckReport:
    """The check of a session's minutes (an empty report if they have not been started)."""
    row = minutes_row(session, meeting_id)
    if row is None:
        return CheckReport()
    return run_checks(session, row.id)


def counts(findings: list[Finding]) -> Counter:
    return Counter(f.code for f in findings if not f.accepted)
