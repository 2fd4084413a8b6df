"""The pinned Qt binding keeps Python's reference counts intact (PySide6 6.12.0 did not)."""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
    # A leak of one reference per call would show as -2000 and soon abort the interpreter.
    assert abs(sys.getrefcount(None) - before) < 50


class _Emitter(QObject):
    fired = Signal(int)


def test_signal_emits_do_not_leak_references_to_true() -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for number in range(2000):
        emitter.fired.emit(number)
    assert abs(sys.getrefcount(True) - before) < 50
