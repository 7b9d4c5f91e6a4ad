"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

There, every call of a Qt method that returns nothing gives Python's ``None`` back without taking
a new reference to it, and every ``signal.emit()`` does the same with ``True``. Each call lowers
their reference counts by one, and after some thousands of calls (typing for a few minutes in the
minutes editor is enough) Python aborts with "Fatal Python error: none_dealloc". From Python 3.12
on these objects are immortal and the bug is harmless; on 3.11 they are made as good as immortal
here, once, before the first window opens.
"""

from __future__ import annotations

import ctypes
import sys

_done = False
#: So many references that no session could ever give them all back.
HEADROOM = 1 << 40


def protect_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    _done = True
