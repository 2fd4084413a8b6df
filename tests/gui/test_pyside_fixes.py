"""The True/False pin: thousands of signal emits must not wear the bool singletons out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

EMIT_A_LOT = """
import sys
from PySide6.QtCore import QObject, Signal
from ui import pyside_fixes
pyside_fixes.pin_bools()
class Source(QObject):
    changed = Signal(bool)
source = Source()
seen = []
source.changed.connect(seen.append)
for number in range(200_000):
    source.changed.emit(number % 2 == 0)
print(len(seen))
"""


def test_many_emits_do_not_abort_the_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", EMIT_A_LOT], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "200000"
