"""Chinese line breaking (避头尾): closing punctuation never starts a line, opening brackets and
quotes never end one.

ReportLab's CJK wrapping knows the Japanese rules only: its list of characters that cannot start a
line lacks the Chinese full-width comma, semicolon, colon, question and exclamation marks and 》,
and it ignores characters that cannot end a line. :class:`CJKParagraph` wraps with the Chinese
rules: a single closing mark that overflows hangs in the margin (标点悬挂), as ReportLab does;
otherwise the break moves back until both rules hold.

The splitting function follows ReportLab's ``cjkFragSplit`` (BSD licence), with the rule changed.
"""

from __future__ import annotations

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
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
#: Characters that cannot end a line.
CANNOT_END = frozenset(ALL_CANNOT_END) | frozenset("（「『《〈【〔〖〘〚“‘([{")


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
        and i - 1 > start + 1
        and (i >= n or chars[i] not in CANNOT_START)
        and chars[i - 2] not in CANNOT_END
    ):
        return i
    end = i - 1
    while end > start + 1 and (chars[end] in CANNOT_START or chars[end - 1] in CANNOT_END):
        end -= 1
    return max(end, start + 1)


def cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    chars = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            chars.extend([cjkU(t, f, encoding) for t in text])
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
                        if (uj and _category(uj) == "Zs") or ord(uj or " ") >= 0x3000:
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
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return cjk_frag_split(self.frags, maxWidths, auto not in ("", "off"))
