"""Speed and memory of a large Exchanges import: 100,000 rows × 28 columns of XLSX, read (python-
calamine, a part of the sheet at a time), checked and written in batches, in a child process so that
its peak memory is its own (VmHWM: ``ru_maxrss`` keeps the parent's peak across exec). The baseline, in the same run: python-calamine alone reading the same
sheet whole into Python lists (what any import must at least do), in a child process too.
Target (issue 16): under 15 s and under 200 MB; the time is checked as a ratio to the baseline
(a loaded machine slows both). A million rows are refused before being read.

Run with ``python -m pytest -m benchmark tests/benchmarks/test_import_benchmark.py -s``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

N = 100_000
ROOT = Path(__file__).resolve().parents[2]


def _write_workbook(path: Path, n: int) -> None:
    from app.core.services import tables
    from app.core.services.exchanges import transfer as xio
    from app.core.services.exchanges.fields import EXCHANGE

    columns = xio.export_columns()
    samples = {
        "kind": lambda i: "Book", "from_side_id": lambda i: "SU", "to_side_id": lambda i: "CN",
        "title_zh": lambda i: f"机械制造手册 第{i}号", "title_ru": lambda i: f"Справочник машиностроителя № {i}",
        "quantity": lambda i: 1 + i % 20, "reference": lambda i: f"СК-{i:06d}",
        "requested_on": lambda i: dt.date(2026, 1, 1) - dt.timedelta(days=i % 3000),
        "notes": lambda i: "Примечание к записи. " * 3,
    }  # fmt: skip
    rows = ([samples[c](i) if c in samples else None for c in columns] for i in range(n))
    tables.write_table(path, [EXCHANGE[c].header for c in columns], rows)


_CHILD = textwrap.dedent(
    """
    import resource, sys, time
    from app.core.db import Database
    from app.core.services.exchanges import transfer as xio
    from tests.core.exchange_helpers import TODAY, make_setup

    db = Database.open(sys.argv[2])
    make_setup(db)
    start = time.perf_counter()
    cpu = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    with db.unit() as s:
        result = xio.import_file(s, sys.argv[1], today=TODAY)
    took = time.perf_counter() - start
    use = resource.getrusage(resource.RUSAGE_SELF)
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    print(result.added, round(took, 2), round(peak / 1024), round(use.ru_utime + use.ru_stime - cpu, 2))
    """
)


_BASELINE = textwrap.dedent(
    """
    import resource, sys, time
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    cpu = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    with CalamineWorkbook.from_path(sys.argv[1]) as wb:
        rows = wb.get_sheet_by_index(0).to_python()
    took = time.perf_counter() - start
    use = resource.getrusage(resource.RUSAGE_SELF)
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    print(len(rows) - 1, round(took, 2), round(peak / 1024), round(use.ru_utime + use.ru_stime - cpu, 2))
    """
)
#: The import's CPU time against python-calamine reading the sheet alone (CPU time: what a machine
#: loaded by other programs does not inflate as much as the wall clock). 15 s of a 2-core laptop
#: where calamine takes about 2.1 s: 7×. Measured (6 December 2026, load average 2.4 to 2.8, alternating
#: with the code before): 10.3-11.4 s CPU, peak 167-171 MB (VmHWM), against 14.3-14.8 s before; the
#: benchmark 9.8 s, 5.3×. What remains is mostly SQLite's own (the rows into ``exchanges`` with its
#: ~20 indexes, 200 rows a statement, into ``audit_log``, and the search index), calamine's reading,
#: the sheet's pre-scan and the rows' checks in Python.
MAX_RATIO = 7.0
MAX_MEGABYTES = 200


def test_importing_100000_rows(tmp_path):
    from tests.benchmarks.conftest import Targets, load

    workbook = tmp_path / "big.xlsx"
    _write_workbook(workbook, N)

    def child(code: str, *args: str) -> tuple[int, float, int, float]:
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                             check=True)  # fmt: skip
        n, seconds, megabytes, cpu = out.stdout.split()
        return int(n), float(seconds), int(megabytes), float(cpu)

    read, base_seconds, base_megabytes, base_cpu = child(_BASELINE, str(workbook))
    added, seconds, megabytes, cpu = child(_CHILD, str(workbook), str(tmp_path / "db.sqlite3"))
    ratio = cpu / base_cpu
    print(
        f"\nimport of {N} rows: {seconds} s ({cpu} s CPU), peak {megabytes} MB; python-calamine reading the "
        f"sheet whole: {base_seconds} s ({base_cpu} s CPU), peak {base_megabytes} MB; CPU ratio {ratio:.1f} "
        f"(target 15 s, {MAX_MEGABYTES} MB, ratio {MAX_RATIO}); {load()}"
    )
    assert added == read == N
    assert megabytes < MAX_MEGABYTES
    targets = Targets(room=1.0)
    targets.check("import CPU time against python-calamine's", ratio, MAX_RATIO)
    targets.done()


def test_a_million_rows_are_refused_before_being_read(tmp_path):
    import zipfile

    from app.core.errors import ImportRefused
    from app.core.services import tables

    small = tmp_path / "small.xlsx"
    _write_workbook(small, 10)
    big = tmp_path / "declared.xlsx"
    with zipfile.ZipFile(small) as zin, zipfile.ZipFile(big, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name.startswith("xl/worksheets/"):
                data = data.replace(b"<sheetViews>", b'<dimension ref="A1:AB1000001"/><sheetViews>')
            zout.writestr(name, data)
    start = time.perf_counter()
    with pytest.raises(ImportRefused):
        tables.read_table(big)
    print(f"\na million declared rows refused in {(time.perf_counter() - start) * 1000:.0f} ms")
