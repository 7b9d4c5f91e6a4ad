"""Line breaking: Chinese rules (避头尾), and places where no line may break.

Closing punctuation never starts a line, opening brackets and quotes never end one. A number is
never broken between its digit groups (``56 300,00``, ``1,234.50``), nor separated from its unit or
currency sign (``300,00 ₽``, ``120项``), and initials stay with the surname (``Н. С. Волков``,
``阿·彼·格罗莫夫``): :func:`bind` puts no-break spaces there when the text is laid out (the stored
text is never changed), and the Chinese breaker never breaks at a no-break space, inside a number,
after a number before what it counts, or at the middle dot of a foreign name.

ReportLab's CJK wrapping knows the Japanese rules only: its list of characters that cannot start a
line lacks the Chinese full-width comma, semicolon, colon, question and exclamation marks and 》,
and it ignores characters that cannot end a line. :class:`CJKParagraph` wraps with the Chinese
rules: a single closing mark that overflows hangs in the margin (标点悬挂), as ReportLab does;
otherwise the break moves back until both rules hold.

The splitting function follows ReportLab's ``cjkFragSplit`` (BSD licence), with the rule changed.
"""

from __future__ import annotations

import re

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)
from reportlab.platypus.paragraph import category as _category

_FUZZ = 1e-6

#: Characters that cannot start a line (GB/T 15834 punctuation, plus ReportLab's own list).
CANNOT_START = frozenset(ALL_CANNOT_START) | frozenset(
    "。，、；：？！）」』》〉】〕〗〙〛…—·’”％‰℃．,.;:?!)]}～"
)
#: Characters that cannot end a line (the middle dot joins the parts of a foreign name).
CANNOT_END = frozenset(ALL_CANNOT_END) | frozenset("（「『《〈【〔〖〘〚“‘([{·・")
#: The no-break space :func:`bind` puts in (ReportLab breaks at U+202F, never at U+00A0).
NBSP = "\u00a0"
_GLUE_AFTER_DIGIT = frozenset(",.%‰℃°")

_SPACE = "[ \u202f\u00a0]"
#: Between digit groups: 56 300 / 1 234 567.
_GROUPS = re.compile(rf"(?<=\d){_SPACE}(?=\d{{3}}(?!\d))")
#: Between a number and its unit or currency: 300,00 ₽ / 25 кг / 1958 г. / 10 млн.
_UNIT = re.compile(rf"(?<=\d){_SPACE}(?=(?:[%‰°℃₽$€¥£₸]|[^\W\d_]{{1,4}}\.?)(?![^\W\d_]))")
#: After the number sign: № 5.
_NUMERO = re.compile(rf"(?<=[№§]){_SPACE}(?=\d)")
#: After an initial: Н. С. Волков / N. S. Volkov.
_INITIAL = re.compile(rf"(?<![^\W\d_])([A-ZА-ЯЁ]\.){_SPACE}+(?=[A-ZА-ЯЁ])")


def bind(text: str) -> str:
    """The text with no-break spaces where no line may break: inside numbers, between a number and
    its unit or currency, after the number sign and after initials."""
    if not text:
        return text
    text = _GROUPS.sub(NBSP, text)
    text = _UNIT.sub(NBSP, text)
    text = _NUMERO.sub(NBSP, text)
    return _INITIAL.sub(lambda m: m.group(1) + NBSP, text)


#: A Russian word long enough to hyphenate (pyphen leaves two letters on each side).
_RU_WORD = re.compile(r"[А-Яа-яЁё]{5,}")
#: Where a line may break inside a word, shown as a hyphen when it does (ReportLab breaks there).
SHY = "\u00ad"


def hyphenate(text: str) -> str:
    """Russian text with soft hyphens at the hyphenation points of pyphen's Russian dictionary.

    Table cells are narrow: a word is broken only there, with a visible hyphen, never between any
    two letters. People's names are not passed through this (a surname is never hyphenated)."""
    if not text:
        return text
    import pyphen

    dic = pyphen.Pyphen(lang="ru_RU")
    return _RU_WORD.sub(lambda m: dic.inserted(m.group(0), hyphen=SHY), text)


def _glued(a: str, b: str) -> bool:
    """Whether a line may not break between the characters ``a`` and ``b``."""
    if not a or not b:
        return False
    if a == NBSP or b == NBSP:
        return True
    if a.isdigit():  # a number, its decimals, and what it counts (120项, 1958年, 30%)
        return b.isdigit() or b in _GLUE_AFTER_DIGIT or ord(b) >= 0x3000
    return a in ",." and b.isdigit()


def _width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def break_position(chars, start: int, i: int) -> int:
    """Where the line chars[start:i] should end, ``chars[i-1]`` being the character that overflowed.

    Returns ``i`` to let a lone closing mark hang in the margin, or an earlier index.
    """
    n = len(chars)
    u = chars[i - 1]
    if (
        u in CANNOT_START
        and u not in CANNOT_END
        and i - 1 > start + 1
        and (i >= n or (chars[i] not in CANNOT_START and not _glued(u, chars[i])))
        and chars[i - 2] not in CANNOT_END
    ):
        return i
    end = _back(chars, start, i - 1, glue=True)
    if end <= start + 1:  # a number or a name longer than the line: break it rather than leave a stub
        end = _back(chars, start, i - 1, glue=False)
    return max(end, start + 1)


def _back(chars, start: int, end: int, glue: bool) -> int:
    while end > start + 1 and (
        chars[end] in CANNOT_START
        or chars[end - 1] in CANNOT_END
        or (glue and _glued(chars[end - 1], chars[end]))
    ):
        end -= 1
    return end


#: (font name, size) -> {character: width}: a document measures the same few thousand characters
#: in a few fonts over and over (ReportLab measures each occurrence).
_widths: dict[tuple[str, float], dict[str, float]] = {}


def _measured(text: str, frag, encoding: str) -> list:
    """The characters of ``text`` as ReportLab's ``cjkU`` (a character with its fragment and
    width), each width measured once per font and size."""
    if hasattr(frag, "cbDefn"):  # an inline image or a link's anchor: ReportLab's own way
        return [cjkU(t, frag, encoding) for t in text]
    widths = _widths.setdefault((frag.fontName, frag.fontSize), {})
    out = []
    for t in text:
        u = str.__new__(cjkU, t)
        u._frag = frag
        w = widths.get(t)
        if w is None:
            w = widths[t] = stringWidth(t, frag.fontName, frag.fontSize)
        u._width = w
        out.append(u)
    return out


def cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    chars = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            chars.extend(_measured(text, f, encoding))
        else:
            chars.append(cjkU(text, f, encoding))
    lines = []
    i = width_used = line_start = 0
    max_width = max_widths[0]
    n = len(chars)
    while i < n:
        u = chars[i]
        i += 1
        width_used += _width(u, max_width)
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            if not line_break:
                if ord(u or " ") < 0x3000:
                    # inside a run of Latin or Cyrillic: break after a space or a CJK character,
                    # at worst about half way back along the line (ReportLab's heuristic)
                    limit = (line_start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = chars[j]
                        if (uj and _category(uj) == "Zs" and uj != NBSP) or ord(uj or " ") >= 0x3000:
                            if j + 1 < i:
                                i = j + 2
                            break
                i = break_position(chars, line_start, i)
            used = sum(_width(c, max_width) for c in chars[line_start:i])
            lines.append(makeCJKParaLine(chars[line_start:i], max_width, used, max_width - used, line_break,
                                         calc_bounds))  # fmt: skip
            try:
                max_width = max_widths[len(lines)]
            except IndexError:
                max_width = max_widths[-1]
            line_start = i
            width_used = 0
    if line_start < n:
        used = sum(_width(c, max_width) for c in chars[line_start:])
        lines.append(
            makeCJKParaLine(chars[line_start:], max_width, used, max_width - used, False, calc_bounds)
        )
    return ParaLines(kind=1, lines=lines)


def split_cjk_lines(bl_para, start: int, stop: int) -> list:
    """The fragments of lines ``start:stop``, to make the part of a paragraph that goes on to the
    next page. ReportLab's own function (``_split_blParaHard``) appends a space to the last fragment
    of every line, right for words broken at spaces, wrong for Chinese, broken between characters:
    the continuation then shows stray gaps (交换 有关), and the first part's fragments are changed too."""
    return [w for line in bl_para.lines[start:stop] for w in line.words]


class CJKParagraph(Paragraph):
    """A paragraph of Chinese text, wrapped by the Chinese rules."""

    def _get_split_blParaFunc(self):  # noqa: N802 (ReportLab's name)
        if self.blPara.kind == 1:
            return split_cjk_lines
        return super()._get_split_blParaFunc()

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (ReportLab's names)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)  # fmt: skip
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        # A table cell is wrapped again at the same width each time the table is laid out anew
        # (split over a page, or measured for the page it moves to): break its lines once.
        widths = tuple(maxWidths)
        broken = getattr(self, "_broken", None)
        if broken is not None and broken[0] == widths and broken[1] is self.frags:
            return broken[2]
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        lines = cjk_frag_split(self.frags, maxWidths, auto not in ("", "off"))
        self._broken = (widths, self.frags, lines)
        return lines


class TextParagraph(Paragraph):
    """A paragraph of Russian (or other spaced) text whose lines are broken once per width: a table
    cell is wrapped again at the same width each time its table is laid out anew."""

    def breakLines(self, width):  # noqa: N802 (ReportLab's name)
        widths = tuple(width) if isinstance(width, (list, tuple)) else (width,)
        broken = getattr(self, "_broken", None)
        if broken is not None and broken[0] == widths and broken[1] is self.frags:
            self._width_max, self._splitLongWordCount, self._hyphenations = broken[3]
            return broken[2]
        lines = super().breakLines(width)
        state = (self._width_max, self._splitLongWordCount, self._hyphenations)
        self._broken = (widths, self.frags, lines, state)
        return lines
