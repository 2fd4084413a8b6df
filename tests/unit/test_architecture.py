"""The layers hold: app/ and db/ import without PySide6, and db/ never imports app/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _modules(package: str) -> list[str]:
    names = []
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_core_imports_with_pyside6_blocked() -> None:
    modules = _modules("app") + _modules("db")
    script = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m] is not None)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(modules) > 10


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_layers_point_one_way() -> None:
    for path in (ROOT / "db").rglob("*.py"):
        assert not _imported(path) & {"app", "ui", "PySide6"}, path
    for path in (ROOT / "app").rglob("*.py"):
        assert not _imported(path) & {"ui", "PySide6"}, path


def test_heavy_libraries_stay_in_their_modules() -> None:
    allowed = {"pymupdf": ("app/ingest", "app/render"), "docx": ("app/ingest",), "whoosh": ("app/search",)}
    for path in (ROOT / "app").rglob("*.py"):
        where = path.relative_to(ROOT).as_posix()
        for library, homes in allowed.items():
            if library in _imported(path):
                assert where.startswith(homes), f"{where} imports {library}"
