"""The annotation commands: annotate, annotations --json, import --replaces, backup and restore."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MINUTES = (
    "Minutes of the Highways Committee\n"
    "1. The Clerk reported on the precept.\n"
    "2. The Clerk reported on the\nfootpath at Mill Lane.\n"
    "3. Resolved: to repair the bench by the pond.\n"
)


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUORUM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _listed(paper: Path, home: Path) -> list[dict[str, object]]:
    result = run("annotations", str(paper), "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_annotate_imports_the_file_and_lists_it_as_json(tmp_path: Path, quorum_home: Path) -> None:
    paper = tmp_path / "highways.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    made = run(
        "annotate", str(paper), "--quote", "The Clerk reported", "--occurrence", "2",
        "--colour", "green", "--tag", "roads", "--tag", "urgent", "--note", "Chase the county",
        home=quorum_home,
    )
    assert made.returncode == 0, made.stderr
    # A quote typed on one line still finds words the document breaks across lines.
    assert run("annotate", str(paper), "--quote", "on the footpath", home=quorum_home).returncode == 0
    listed = _listed(paper, quorum_home)
    assert [entry["quote"] for entry in listed] == ["The Clerk reported", "on the\nfootpath"]
    first = listed[0]
    assert MINUTES[first["start"] : first["end"]] == "The Clerk reported"  # type: ignore[index,misc]
    assert first["start"] == MINUTES.index("2. The Clerk") + 3
    assert (first["colour"], first["tags"], first["note"], first["state"], first["page"]) == (
        "green", ["roads", "urgent"], "Chase the county", "anchored", None
    )
    assert set(first) >= {"id", "quote", "start", "end", "page", "colour", "tags", "note", "state"}


def test_missing_or_ambiguous_quote_is_a_clear_error(tmp_path: Path, quorum_home: Path) -> None:
    paper = tmp_path / "highways.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    for args, message in (
        (("--quote", "The Clerk reported"), "occurs 2 times"),
        (("--quote", "bypass"), "is not in"),
        (("--quote", "The Clerk reported", "--occurrence", "3"), "occurs only 2"),
    ):
        result = run("annotate", str(paper), *args, home=quorum_home)
        assert result.returncode == 2
        assert message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert _listed(paper, quorum_home) == []


def test_import_replaces_moves_annotations_to_the_new_version(tmp_path: Path, quorum_home: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(MINUTES, encoding="utf-8")
    assert run("annotate", str(draft), "--quote", "repair the bench", home=quorum_home).returncode == 0
    assert run("annotate", str(draft), "--quote", "precept", home=quorum_home).returncode == 0
    approved = tmp_path / "approved.txt"
    approved.write_text(MINUTES.replace("the precept.\n", "").replace("bench", "benches"), encoding="utf-8")
    result = run("import", str(approved), "--replaces", str(draft), home=quorum_home)
    assert result.returncode == 0, result.stderr
    assert "0 anchored, 1 moved (please confirm), 1 orphaned" in result.stdout
    states = {entry["quote"]: entry["state"] for entry in _listed(approved, quorum_home)}
    assert states == {"repair the benches": "moved", "precept": "orphaned"}
    assert run("import", str(approved), "--replaces", "99", home=quorum_home).returncode == 2


def test_backup_then_restore_from_the_command_line(tmp_path: Path, quorum_home: Path) -> None:
    paper = tmp_path / "highways.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    run("annotate", str(paper), "--quote", "repair the bench", home=quorum_home)
    made = run("backup", home=quorum_home)
    assert made.returncode == 0 and "backup: " in made.stdout
    assert "not due" in run("backup", "--if-due", home=quorum_home).stdout
    name = Path(run("backup", "--list", home=quorum_home).stdout.strip()).name
    run("annotate", str(paper), "--quote", "precept", home=quorum_home)
    assert len(_listed(paper, quorum_home)) == 2
    restored = run("backup", "--restore", name, home=quorum_home)
    assert restored.returncode == 0, restored.stderr
    assert [entry["quote"] for entry in _listed(paper, quorum_home)] == ["repair the bench"]
    assert run("backup", "--restore", "nope.sqlite3", home=quorum_home).returncode == 2
