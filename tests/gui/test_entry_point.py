"""The `quorum` command: screenshot mode end to end, and subcommands that never load Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.gui.conftest import DEMO

ROOT = Path(__file__).resolve().parents[2]


def quorum(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUORUM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "ui.main", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_screenshot_mode_opens_the_file_saves_a_png_and_reports_timings(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "window.png"
    paper = DEMO / "uk-souldern-pc-2018-07-26.pdf"
    result = quorum("--screenshot", str(out), "-platform", "offscreen", str(paper), home=tmp_path / "home")

    assert result.returncode == 0, result.stderr
    timings = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(timings) == {"startup_s", "first_paint_s", "first_paint_cpu_s"}
    assert 0 < timings["startup_s"] <= timings["first_paint_s"] < 60
    assert 0 < timings["first_paint_cpu_s"] < 60
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # The paper was imported into the profile on the way.
    listed = subprocess.run(
        [sys.executable, "-m", "app", "--home", str(tmp_path / "home"), "list", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert [entry["format"] for entry in json.loads(listed.stdout)] == ["pdf"]


def test_screenshot_mode_still_finishes_when_the_file_cannot_be_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    out = tmp_path / "window.png"
    result = quorum(
        "--screenshot", str(out), "-platform", "offscreen", str(empty), home=tmp_path / "home", timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1280


def test_a_subcommand_runs_the_cli_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ui.main import main\n"
        "status = main(['quorum', 'list', '--json'])\n"
        "print('qt loaded' if 'PySide6' in sys.modules else 'no qt', status)\n"
    )
    env = {**os.environ, "QUORUM_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "no qt 0"


def test_bad_subcommand_input_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    result = quorum("import", str(empty), home=tmp_path / "home")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "empty" in result.stderr and "Traceback" not in result.stderr


def test_readme_screenshots_come_out_in_the_chosen_theme(tmp_path: Path) -> None:
    from ui.screenshots import TEXT_SAMPLE, Shot, take

    def mean_lightness(name: str) -> float:
        image = QImage(str(tmp_path / name))
        samples = [image.pixelColor(x, y).lightnessF() for x in range(0, 1280, 16) for y in range(0, 800, 16)]
        return sum(samples) / len(samples)

    # The text view: the printed pages of the page view stay white in either theme.
    for shot in (Shot("dark.png", "dark", sample=TEXT_SAMPLE, view="text"), Shot("light.png", "light")):
        assert take(shot, tmp_path)["first_paint_s"] > 0
    assert mean_lightness("dark.png") < 0.3
    assert mean_lightness("light.png") > 0.8
