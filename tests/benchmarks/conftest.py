"""Benchmark fixtures: the generated 500-page agenda pack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = 500


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 500-page pack, written by another process so the generator's memory does not count in ours."""
    path = tmp_path_factory.mktemp("pack") / "pack.pdf"
    script = (
        "from pathlib import Path; from tests.factories import write_agenda_pack as w; "
        f"w(Path({str(path)!r}), {PAGES})"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    return path
