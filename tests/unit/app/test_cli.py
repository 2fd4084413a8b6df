"""The command line: text, import, list, and one clear line for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUORUM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def make_pdf(path: Path, pages: list[str]) -> Path:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        page.insert_text((72, 72), text, fontsize=11)
    doc.save(path)
    return path


def test_text_prints_canonical_text_of_a_pdf(tmp_path: Path, quorum_home: Path) -> None:
    pdf = make_pdf(tmp_path / "minutes.pdf", ["Minutes of the Finance Committee", "Item 2 Budget"])
    result = run("text", str(pdf), home=quorum_home)
    assert result.returncode == 0, result.stderr
    assert "Minutes of the Finance Committee" in result.stdout
    assert result.stdout.index("Finance") < result.stdout.index("Budget")


def test_import_then_list_json(tmp_path: Path, quorum_home: Path) -> None:
    paper = tmp_path / "harbour-board-2024-03-01.txt"
    paper.write_text("HARBOUR BOARD\nMinutes of the meeting\n\n1. Apologies\nNone.\n", encoding="utf-8")
    first = run("import", str(paper), home=quorum_home)
    assert first.returncode == 0, first.stderr
    assert "imported" in first.stdout
    again = run("import", str(paper), home=quorum_home)
    assert "already in the library" in again.stdout
    listing = json.loads(run("list", "--json", home=quorum_home).stdout)
    assert len(listing) == 1
    assert listing[0]["format"] == "txt"
    assert listing[0]["text_length"] > 20


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("folder.txt", "dir", "folder"),
        ("notes.xyz", b"hello", "cannot open"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    tmp_path: Path, quorum_home: Path, name: str, content: bytes | str | None, message: str
) -> None:
    target = tmp_path / name
    if content == "dir":
        target.mkdir()
    elif isinstance(content, bytes):
        target.write_bytes(content)
    result = run("import", str(target), home=quorum_home)
    assert result.returncode == 2
    assert message in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(run("list", "--json", home=quorum_home).stdout) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path, quorum_home: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("x")
    target.chmod(0)
    result = run("import", str(target), home=quorum_home)
    assert result.returncode == 2
    assert "permission" in result.stderr.lower()


def test_corrupt_pdf_is_refused_cleanly(tmp_path: Path, quorum_home: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    result = run("text", str(bad), home=quorum_home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "broken.pdf" in result.stderr
