"""A guard against a reference-counting defect of the PySide6 build in use (6.12.0) on CPython 3.11.

Every call from Python to a Qt method that returns nothing (``label.setText(…)``) hands back
``None`` without taking a reference to it, so each such call lowers ``None``'s reference count by
one, for good. Python 3.12 made ``None``, ``True`` and ``False`` immortal (PEP 683) and does not
care; on 3.11 a few thousand calls bring the count to zero and the interpreter aborts with
"Fatal Python error: none_dealloc: deallocating None" (at exit, or in the middle of a session).

These three objects are static and never freed, so giving them a very large number of extra
references is harmless and makes them as good as immortal, as they are on 3.12. The guard does
nothing on 3.12 and later, or on another Python implementation.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def protect_singletons() -> None:
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    _done = True
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
