"""`python -m app analyze`: the scorer's JSON, a readable summary, and one line for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.factories import write_pdf_minutes
from tests.unit.app.minutes_truth import FIXTURES

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUORUM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", "analyze", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_follows_the_schema_with_offsets_into_the_canonical_text(quorum_home: Path) -> None:
    path = FIXTURES / "uk-moderngov-cabinet.txt"
    result = run("--json", str(path), home=quorum_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "quorum.analysis/1"
    assert (data["file"], data["format"]) == ("uk-moderngov-cabinet.txt", "txt")
    assert set(data["meeting"]) >= {"council", "body", "date", "time", "venue", "chair"}
    text = subprocess.run(
        [sys.executable, "-m", "app", "text", str(path)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout[:-1]
    item = data["items"][2]
    assert (item["number"], item["title"]) == ("47", "Minutes of the Previous Meeting")
    assert text[item["start"] :].startswith("47 Minutes of the Previous Meeting")
    (decision,) = item["resolutions"]
    assert text[decision["start"] : decision["end"]] == decision["text"]
    assert decision["text"].startswith("RESOLVED – That the minutes")
    assert data["resolutions"] == []


def test_pdf_items_carry_their_page(tmp_path: Path, quorum_home: Path) -> None:
    pdf = write_pdf_minutes(tmp_path / "minutes.pdf")
    result = run("--json", str(pdf), home=quorum_home)
    assert result.returncode == 0, result.stderr
    pages = {item["title"]: item["page"] for item in json.loads(result.stdout)["items"]}
    assert pages == {"Planning applications": 1, "Finance": 1, "Date of next meeting": 2}


def test_summary_lists_items_and_their_decisions(quorum_home: Path) -> None:
    result = run(str(FIXTURES / "ca-municipal-council-regular.txt"), home=quorum_home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ca-municipal-council-regular.txt: minutes")
    assert "  3 ADOPTION OF THE AGENDA" in lines
    assert any(line.strip().startswith("resolved: THAT the agenda") for line in lines)


def test_bad_input_is_one_line_and_exit_two(tmp_path: Path, quorum_home: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a PDF")
    for path in (tmp_path / "missing.txt", broken):
        result = run("--json", str(path), home=quorum_home)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
