"""WORKAROUND: keep PySide6's lost references to True/False from aborting Python 3.11."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# PySide6 6.12.0's SignalInstance.emit() returns True without a new reference, so every
# emit from Python takes one reference from the `True` singleton. On Python < 3.12 (where
# True is not yet immortal) a few thousand emits bring its count to zero and the process
# aborts with "Fatal Python error: bool_dealloc". Raising the singletons' counts far out of
# reach is what Python 3.12 does for them anyway; they are static and never freed.
PIN = 1 << 40

_pinned = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """Whether this PySide6 has the bug: one emit, and True's count goes down."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


def pin_bools() -> bool:
    """Make True and False effectively immortal if this PySide6 needs it; say whether it is done."""
    global _pinned
    if _pinned:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not emit_loses_references():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += PIN
    _pinned = True
    return True
