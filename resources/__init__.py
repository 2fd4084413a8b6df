"""Icons, stylesheets and the demo library: files beside this module (a folder, installed or frozen)."""

from __future__ import annotations

from pathlib import Path


def read_text(*parts: str) -> str:
    """The UTF-8 text of a file here (`read_text("styles", "quorum.qss")`). Read from the folder
    directly: importlib.resources would load zipfile, shutil and tempfile before the first frame (~8 ms)."""
    return Path(__file__).parent.joinpath(*parts).read_text(encoding="utf-8")
