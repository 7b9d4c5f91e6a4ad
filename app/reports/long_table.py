"""Long tables at a cost linear in their rows, drawn exactly as ReportLab draws them.

A ReportLab :class:`Table` that runs over many pages is split once per page, and every split
builds a new Table of *all* the remaining rows with all their style commands and measures it
again: the work per page grows with the rows left, and a table of thousands of rows costs a time
quadratic in its length. :class:`ChunkedTable` holds the rows and the style commands of the
table and hands ReportLab, at each page, a Table of only the header rows and the next rows down
to a little past the foot of the page (the height of every row is measured once, a block of rows
ahead of the page). ReportLab splits that chunk where it would have split the whole table; the
part that fits is drawn, and the rest is a new ChunkedTable over the remaining rows. The rows can
be made as the layout reaches them (``make_row``) and are forgotten once on their page, so that
a table of 20,000 rows does not hold 120,000 paragraphs in memory at once.

The pages are the same as with a plain Table, byte for byte: the chunk is the first rows of the
table ReportLab would have split, every style command is mapped onto it as ReportLab maps them
(the commands that run over the whole table, such as the grid, are carried from page to page by
ReportLab's own code; those of a few rows, such as a place row's span, background and NOSPLIT, are
looked up by row), and a chunk never ends inside a span or a NOSPLIT group. Tables of a kind this
does not handle (split inside rows, repeated columns, rounded corners...) stay plain Tables.
"""

from __future__ import annotations

import bisect
import itertools
import math

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import _isLineCommand

#: A table with at most this many rows under its header stays a plain Table.
CHUNK_ROWS = 150
#: Rows a chunk takes past the last row that fits on the page.
MARGIN_ROWS = 4
#: Rows measured at a time, ahead of the page being laid out.
MEASURE_ROWS = 40
#: A part of a table says it is at least this tall (points) once it has measured that much of
#: its rows, or all of them: enough for any comparison with a page.
TALL = 3000.0
#: A style command over at most this many rows is looked up by row; longer ones go from page to
#: page with ReportLab's own code.
LOCAL_ROWS = 64
#: Numbers for commands added to a part of a table once laid out: after all the others.
_LATER = itertools.count(10**9)
#: Which list of a Table holds each kind of non-line command (and whether it is a background).
KINDS = (("_bkgrndcmds", True), ("_spanCmds", False), ("_nosplitCmds", False))


def chunked(t: Table, chunk_rows: int = CHUNK_ROWS) -> Flowable:
    """``t`` as a :class:`ChunkedTable` when it is long, else ``t`` itself."""
    if type(t) is not Table or not _handled(t) or t._nrows - t.repeatRows <= chunk_rows:
        return t
    return ChunkedTable(t, chunk_rows)


def _plain_kind(t: Table) -> bool:
    """Whether ``t`` splits only between rows, with nothing this module does not map."""
    return (
        isinstance(t.repeatRows, int)
        and t.splitByRow
        and not t.splitInRow
        and not t.repeatCols
        and t._rowSplitRange is None
        and t._minRowHeights is None
        and not getattr(t, "_cornerRadii", None)
        and not t._shadow
        and t._nrows > t.repeatRows
        and all(h is None for h in t._argH)
        and all(isinstance(w, (int, float)) for w in t._argW)
    )


def _handled(t: Table) -> bool:
    """Whether every style command of ``t`` can be mapped (checked once its style is complete).
    False too if the Table lacks an attribute this module reads (another ReportLab version): the
    table is then laid out whole, as before."""
    try:
        return _mappable(t)
    except AttributeError:
        return False


def _mappable(t: Table) -> bool:
    if not _plain_kind(t) or t._srflcmds or t._sircmds:
        return False
    for attr, _bk in KINDS:
        for c in getattr(t, attr):
            sr, er = c[1][1], c[2][1]
            if not isinstance(sr, int) or not isinstance(er, int) or er < -1:
                return False
            if attr == "_spanCmds" and (sr + t._nrows if sr < 0 else sr) < t.repeatRows <= (er % t._nrows):
                return False  # a span from the header into the body
    return all(isinstance(c[1][1], int) and isinstance(c[2][1], int) for c in t._linecmds)


class _Source:
    """What all the parts of one long table share: its rows, their heights, its commands."""

    def __init__(self, t: Table, chunk_rows: int, make_row=None) -> None:
        self.t, self.chunk_rows, self.make_row = t, chunk_rows, make_row
        self.nrr, self.n = t.repeatRows, t._nrows
        #: rows before this one are on earlier pages and forgotten (:meth:`release`)
        self.released = t.repeatRows
        self.heights: list[float | None] = [None] * self.n
        #: prefix[r]: the height of the rows before row r, for the rows measured
        self.prefix: list[float] = []
        #: the rows before this one are measured
        self.done = self.nrr
        self.width = 0.0
        self.indexed = False

    def index(self) -> None:
        """Sort the commands into those of a few rows (by row) and the others."""
        t, nrr, n = self.t, self.nrr, self.n
        # the rows are the source's alone now: those on a page can be forgotten
        self.rows, self.styles = t._cellvalues, t._cellStyles
        t._cellvalues = t._cellStyles = ()
        self.made = bytearray(n)
        self.local: dict[str, list[tuple[int, int, int, tuple]]] = {}
        self.starts: dict[str, list[int]] = {}
        self.glob: dict[str, list[tuple[int, tuple]]] = {}
        #: forbid[r]: a chunk may not end just before row r (a span or NOSPLIT goes on over it)
        self.forbid = bytearray(n + 1)
        for attr, _bk in KINDS:
            local, glob = [], []
            for i, c in enumerate(getattr(t, attr)):
                sr, er = c[1][1], c[2][1]
                if attr != "_bkgrndcmds":
                    a, b = (sr + n if sr < 0 else sr), (er + n if er < 0 else er)
                    for r in range(max(a + 1, nrr), b + 1):
                        self.forbid[r] = 1
                if 0 <= sr <= er and sr >= nrr and er - sr <= LOCAL_ROWS:
                    local.append((sr, er, i, c))
                else:
                    glob.append((i, c))
            local.sort(key=lambda x: (x[0], x[2]))
            self.local[attr], self.glob[attr] = local, glob
            self.starts[attr] = [x[0] for x in local]
        self.lines = list(t._linecmds)
        self.indexed = True

    def make(self, s: int, e: int, rows: list) -> None:
        """Make the rows ``s:e`` (into ``rows``) that are still placeholders."""
        if self.make_row is None:
            return
        made = self.made
        for r in range(s, e):
            if not made[r]:
                rows[r] = self.make_row(r)
                made[r] = 1

    def make_all(self) -> None:
        """Make every row, in the table itself (for a plain Table after all)."""
        if self.make_row is not None:
            self.made = bytearray(self.n)
            self.make(self.nrr, self.n, self.t._cellvalues)
            self.make_row = None

    def release(self, s: int) -> None:
        """Forget the rows before ``s``: they are on the pages before this one (the part being
        drawn holds its own rows), and a long table's cells would otherwise stay in memory to
        the end of the document."""
        for r in range(self.released, s):
            self.rows[r] = self.styles[r] = None
        self.released = max(self.released, s)

    def boundary(self, e: int) -> int:
        """The first row at or after ``e`` before which a chunk may end."""
        while e < self.n and self.forbid[e]:
            e += 1
        return e

    def measure(self, aw: float, canv, upto: int) -> None:
        """Measure the rows down to ``upto`` (original rows), a block at a time, as ReportLab
        measures them on a plain Table's first wrap. Rows are measured only shortly before they
        go to a page: their broken lines (kept by the paragraphs) are not all in memory at once."""
        nrr, n = self.nrr, self.n
        upto = min(upto, n)
        while self.done < upto:
            b = self.done
            e = self.boundary(min(b + MEASURE_ROWS, n))
            found = self._commands("_spanCmds", self.glob["_spanCmds"], b, e)
            spans = [x for x in (_move(c, b, nrr, e, n) for _i, c in found) if x is not None]
            self.make(b, e, self.rows)
            block = self.table(b, e, None, [], {"_spanCmds": spans})
            if canv is not None:
                block.canv = canv
            block._calc(aw, math.inf)
            if not self.prefix:
                self.heights[:nrr] = block._rowHeights[:nrr]
                self.prefix = [0.0, *itertools.accumulate(self.heights[:nrr])]
                self.width = block._width
            self.heights[b:e] = block._rowHeights[nrr:]
            self.prefix += itertools.accumulate(block._rowHeights[nrr:], initial=self.prefix[-1])
            del self.prefix[-(e - b) - 1]  # the initial value, already there
            self.done = e

    def height(self, s: int, e: int) -> float:
        """The height of the header rows and the measured original rows ``s:e``."""
        if not self.prefix:
            return 0.0
        return self.prefix[self.nrr] + self.prefix[e] - self.prefix[s]

    def _commands(self, attr: str, glob, s: int, e: int) -> list[tuple[int, tuple]]:
        """The global commands ``glob`` and the local commands over rows ``s:e`` (original rows,
        local ones unmoved), in the table's order."""
        lo = bisect.bisect_left(self.starts[attr], s - LOCAL_ROWS)
        hi = bisect.bisect_left(self.starts[attr], e)
        found = [(i, c) for sr, er, i, c in self.local[attr][lo:hi] if er >= s]
        if not glob:
            found.sort(key=lambda x: x[0])
            return found
        return sorted([*glob, *found], key=lambda x: x[0])

    def table(self, s: int, e: int, heights, lines, cmds: dict[str, list], first: bool = True) -> Table:
        """A Table of the header rows and the original rows ``s:e`` with these commands."""
        t, nrr = self.t, self.nrr
        if s < self.released:
            raise RuntimeError("a part of a long table that is already on a page was laid out again")
        tab = Table(
            self.rows[:nrr] + self.rows[s:e],
            colWidths=t._argW,
            rowHeights=heights,
            repeatRows=t.repeatRows,
            normalizedData=1,
            cellStyles=self.styles[:nrr] + self.styles[s:e],
            ident=t.ident,
            spaceBefore=getattr(t, "spaceBefore", None) if first else None,
            spaceAfter=getattr(t, "spaceAfter", None),
            longTableOptimize=t._longTableOptimize,
            renderCB=getattr(t, "_renderCB", None),
        )
        tab.hAlign, tab.vAlign = t.hAlign, t.vAlign
        tab._linecmds = lines
        for attr, _bk in KINDS:
            setattr(tab, attr, cmds.get(attr, []))
        return tab


def _move(c: tuple, s: int, nrr: int, e: int, n: int) -> tuple | None:
    """A span command over original rows, on a block of the header and rows ``s:e``."""
    sr, er = c[1][1], c[2][1]
    sr, er = (sr + n if sr < 0 else sr), (er + n if er < 0 else er)
    if er < nrr:
        return c
    if sr >= e or er < s:
        return None
    sr, er = max(sr, s) - s + nrr, min(er, e - 1) - s + nrr
    return (c[0], (c[1][0], sr), (c[2][0], er), *c[3:])


class ChunkedTable(Flowable):
    """A long table that ReportLab lays out one page-sized chunk at a time (see the module)."""

    def __init__(self, t: Table, chunk_rows: int = CHUNK_ROWS, *, make_row=None, _state=None) -> None:
        """``make_row(r)``, if given, makes the cells of row ``r`` (of the rows under the repeated
        header, which ``t`` holds as placeholders) when the layout reaches it."""
        super().__init__()
        if _state is None:
            self.src = _Source(t, chunk_rows, make_row)
            #: the first remaining original row, the commands over the whole table in the
            #: coordinates of the remaining table, whether nothing has gone to a page yet
            self.s, self.lines, self.glob, self.first = t.repeatRows, None, None, True
        else:
            self.src, self.s, self.lines, self.glob = _state
            self.first = False
        self.hAlign, self.vAlign = t.hAlign, t.vAlign
        if self.first and getattr(t, "spaceBefore", None) is not None:
            self.spaceBefore = t.spaceBefore
        if getattr(t, "spaceAfter", None) is not None:
            self.spaceAfter = t.spaceAfter
        self._whole: Table | None = None

    # the Table interface the reports use
    def setStyle(self, tblstyle) -> None:  # noqa: N802 (ReportLab's name)
        """Add style commands, as on a Table: before layout to the whole table; on a part left
        for the next pages (``WithTail`` does this) in that part's rows."""
        src = self.src
        if not src.indexed:
            src.t.setStyle(tblstyle)
            return
        if self.lines is None:
            self.lines, self.glob = src.lines, src.glob
        cmds = tblstyle.getCommands() if isinstance(tblstyle, TableStyle) else list(tblstyle)
        glob, lines = {k: list(v) for k, v in self.glob.items()}, list(self.lines)
        for c in cmds:
            attr = {"BACKGROUND": "_bkgrndcmds", "SPAN": "_spanCmds", "NOSPLIT": "_nosplitCmds"}.get(c[0])
            if attr is not None and all(isinstance(x[1], int) for x in c[1:3]) and c[2][1] >= -1:
                if attr == "_nosplitCmds" and any(x == tuple(c) for _i, x in glob[attr]):
                    continue  # the same rows kept together again: no other effect (WithTail's)
                glob[attr].append((next(_LATER), c))  # after every command the table had
                if attr != "_bkgrndcmds":
                    nr, nrr = self.row_count, src.nrr
                    a, b = sorted(x[1] + nr if x[1] < 0 else x[1] for x in c[1:3])
                    for r in range(max(a + 1, nrr), b + 1):
                        src.forbid[min(r - nrr + self.s, src.n)] = 1
            elif _isLineCommand(c):
                scratch = Table.__new__(Table)
                scratch._linecmds = lines
                scratch._addCommand(c)
            else:
                raise ValueError(f"a command this table cannot take once laid out: {c!r}")
        self.glob, self.lines = glob, lines

    @property
    def row_count(self) -> int:
        return self.src.nrr + self.src.n - self.s

    def _prepare(self, aw: float):
        src = self.src
        if not src.indexed:
            if not _handled(src.t):
                src.make_all()
                return False
            src.index()
        if self.lines is None:
            self.lines, self.glob = src.lines, src.glob
        self._aw = aw
        return True

    def _measure(self, upto: int) -> None:
        self.src.measure(self._aw, getattr(self, "canv", None), upto)

    def _measure_past(self, height: float) -> None:
        """Measure rows until those from ``s`` are taller than ``height``, or all of them."""
        src = self.src
        while src.done < src.n and src.height(self.s, src.done) <= height:
            self._measure(src.done + MEASURE_ROWS)

    def _build(self, e: int) -> Table:
        """The table of the header rows and the original rows ``s:e``, with every command."""
        src, s, nrr = self.src, self.s, self.src.nrr
        k = nrr + e - s  # rows of the chunk
        nr = self.row_count  # rows of the whole remaining table
        full = e >= src.n

        def clip_line(c):
            if full:
                return c
            sr, er = c[1][1], c[2][1]
            sr, er = (sr + nr if sr < 0 else sr), (er + nr if er < 0 else er)
            if sr >= k:
                return None
            return (c[0], (c[1][0], sr), (c[2][0], min(er, k - 1)), *c[3:])

        def clip(c, local: bool):
            sr, er = c[1][1], c[2][1]
            if local:  # original rows: into the remaining table's
                sr, er = max(sr, s) - s + nrr, er - s + nrr
            elif sr < 0:
                sr += nr
            if full:
                return c if not local else (c[0], (c[1][0], sr), (c[2][0], er), *c[3:])
            if sr >= k:
                return None
            if er >= k:
                er = k - 1
            return (c[0], (c[1][0], sr), (c[2][0], er), *c[3:])

        lines = [x for x in map(clip_line, self.lines) if x is not None]
        cmds = {}
        for attr, _bk in KINDS:
            glob = [(i, c, False) for i, c in self.glob[attr]]
            local = [(i, c, True) for i, c in src._commands(attr, [], s, e)]
            merged = sorted([*glob, *local], key=lambda x: x[0]) if glob else local
            cmds[attr] = [x for x in (clip(c, loc) for _i, c, loc in merged) if x is not None]
        self._measure(e)
        heights = src.heights[:nrr] + src.heights[s:e]
        return src.table(s, e, heights, lines, cmds, self.first)

    def _rest(self, n: int) -> Flowable:
        """What is left after the first ``n`` rows (of the remaining table) went to a page."""
        src, nrr = self.src, self.src.nrr
        nr = self.row_count
        ncols = src.t._ncols
        sk = Table.__new__(Table)
        sk._nrows, sk._ncols, sk._linecmds = nr, ncols, self.lines
        split_lines = Table._splitLineCmds(sk, n)
        out = Table.__new__(Table)
        out._ncols, out._rowSplitRange = ncols, None
        out._linecmds, out._bkgrndcmds, out._spanCmds, out._nosplitCmds = [], [], [], []

        def carry(cmds, bk=False):
            if nrr:
                Table._cr_1_1(out, n, nr, list(range(nrr)), cmds, 0, _srflMode=bk)
            else:
                Table._cr_1_0(out, n, cmds, 0, _srflMode=bk)

        carry(split_lines)
        glob = {}
        for attr, bk in KINDS:
            got = []
            for i, c in self.glob[attr]:
                lst = getattr(out, attr)
                before = len(lst)
                carry([c], bk)
                got += [(i, x) for x in lst[before:]]
            glob[attr] = got
        rest = ChunkedTable(src.t, _state=(src, self.s + n - nrr, out._linecmds, glob))
        rest._aw = self._aw
        src.release(self.s)
        if src.n - rest.s <= src.chunk_rows:  # short now: the plain Table ReportLab would have made
            return rest._build(src.n)
        return rest

    def wrap(self, aw, ah):
        if not self._prepare(aw):
            self._whole = self.src.t
            return self._whole.wrap(aw, ah)
        src = self.src
        self._measure_past(max(ah + 1, TALL))
        height = src.height(self.s, src.done)
        if height <= ah + 1:  # it may fit whole: measure it as ReportLab does
            self._whole = self._build(src.n)
            return self._whole.wrap(aw, ah)
        # all of it, or as much as is needed to know that it does not fit
        self._whole = None
        self.width, self.height = src.width, height
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (ReportLab's name)
        # only a table that fitted whole is drawn; the parts of a split one are Tables
        if self._whole is None:
            self._whole = self._build(self.src.n)
            self._whole.wrap(self.width, self.height)
        self._whole.drawOn(canvas, x, y, _sW)

    def split(self, aw, ah):
        if not self._prepare(aw):
            return self.src.t.split(aw, ah)
        src, nrr = self.src, self.src.nrr
        self._measure_past(ah + 1)
        if src.height(self.s, src.done) <= ah + 1:
            return self._build(src.n).split(aw, ah)
        # the rows down to the first that does not fit, and a few more
        room = ah - src.prefix[nrr] + src.prefix[self.s]
        e = bisect.bisect_right(src.prefix, room, lo=self.s) + MARGIN_ROWS
        while True:
            e = src.boundary(min(e, src.n))
            self._measure(e)
            if e >= src.n:
                return self._build(src.n).split(aw, ah)
            if src.height(self.s, e) > ah + 1:
                break
            e += max(e - self.s, 1)
        chunk = self._build(e)
        parts = chunk.split(aw, ah)
        if len(parts) != 2:
            return parts
        return [parts[0], self._rest(parts[0]._nrows)]
