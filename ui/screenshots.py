"""`python -m ui.screenshots [--all] OUTDIR`: the README's pictures, each from a fresh demo profile."""

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
from app.positions import Position, Positions

SAMPLE = "uk-souldern-pc-2018-07-26.pdf"  # a PDF with every kind of detected structure
TEXT_SAMPLE = "lancashire-scrutiny-2015-07-17.txt"  # long minutes that read well reflowed


@dataclass(frozen=True)
class Shot:
    name: str
    theme: str
    demo: bool = True
    sample: str | None = SAMPLE
    view: str = "page"  # the sample's view: "page" (its printed pages) or "text"


SHOTS = (
    Shot("main-window-light.png", "light"),
    Shot("text-view-dark.png", "dark", sample=TEXT_SAMPLE, view="text"),
    Shot("welcome.png", "light", demo=False, sample=None),
)
EXTRA_SHOTS = (  # `--all`: every view in every theme, to look them over
    Shot("page-view-dark.png", "dark"),
    Shot("text-view-light.png", "light", view="text"),
    Shot("text-view-sample-light.png", "light", sample=TEXT_SAMPLE, view="text"),
)


def take(shot: Shot, out_dir: Path) -> dict[str, float]:
    """Run `quorum --screenshot` in a throw-away profile set to the shot's theme; return its timings."""
    from app.library import file_sha256

    from ui.startup import demo_files

    with tempfile.TemporaryDirectory(prefix="quorum-shot-") as home:
        profile = paths.profile(Path(home), demo=shot.demo).ensure()
        prefs.Settings(profile.config).set(prefs.THEME, shot.theme)
        command = [sys.executable, "-m", "ui.main", "--screenshot", str(out_dir / shot.name)]
        command += ["--demo"] if shot.demo else []
        if shot.sample is not None:
            sample = next(path for path in demo_files() if path.name == shot.sample)
            # The view a paper was last read in is the one it opens in.
            Positions(profile.config).set(file_sha256(sample), Position(view=shot.view))
            command.append(str(sample))
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
    every = "--all" in argv
    argv = [argument for argument in argv if argument != "--all"]
    if len(argv) != 1:
        print("usage: python -m ui.screenshots [--all] OUTDIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS + EXTRA_SHOTS if every else SHOTS:
        timings = take(shot, out_dir)
        print(f"{out_dir / shot.name}: {json.dumps(timings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
