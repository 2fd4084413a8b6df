"""`python -m ui.screenshots OUTDIR`: the README's pictures, each from a fresh demo profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app import settings as prefs

SAMPLE = "lancashire-scrutiny-2015-07-17.txt"


@dataclass(frozen=True)
class Shot:
    name: str
    theme: str
    demo: bool = True
    sample: str | None = SAMPLE


SHOTS = (
    Shot("main-window-light.png", "light"),
    Shot("main-window-dark.png", "dark"),
    Shot("welcome.png", "light", demo=False, sample=None),
)


def take(shot: Shot, out_dir: Path) -> dict[str, float]:
    """Run `quorum --screenshot` in a throw-away profile set to the shot's theme; return its timings."""
    from ui.startup import demo_files

    with tempfile.TemporaryDirectory(prefix="quorum-shot-") as home:
        profile = paths.profile(Path(home), demo=shot.demo).ensure()
        prefs.Settings(profile.config).set(prefs.THEME, shot.theme)
        command = [sys.executable, "-m", "ui.main", "--screenshot", str(out_dir / shot.name)]
        command += ["--demo"] if shot.demo else []
        if shot.sample is not None:
            command.append(str(next(path for path in demo_files() if path.name == shot.sample)))
        result = subprocess.run(
            [*command, "-platform", "offscreen"],
            env={**os.environ, paths.HOME_ENV: home},
            capture_output=True,
            text=True,
            check=False,
            timeout=180,
        )
    if result.returncode != 0:
        raise SystemExit(f"screenshot {shot.name} failed:\n{result.stderr}")
    timings: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return timings


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        timings = take(shot, out_dir)
        print(f"{out_dir / shot.name}: {json.dumps(timings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
