"""Run the real scorer on the held-out minutes set (tests/fixtures/heldout), built fresh into a folder.

Usage (from the project root):
  .venv/bin/python -m tests.heldout            # build into a temporary folder, score with -v
  .venv/bin/python -m tests.heldout OUT_DIR    # build into OUT_DIR and keep it
  extra scorer flags go after "--", e.g. .venv/bin/python -m tests.heldout -- --json
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.fixtures.heldout.build import TRUTH, build

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def score(docs: Path, extra: list[str]) -> int:
    """Run score.py on the built documents with the same interpreter; return its exit status."""
    cmd = [sys.executable, str(SCORER), "--truth", str(TRUTH), "--docs", str(docs), "--cwd", str(ROOT)]
    return subprocess.run(cmd + (extra or ["-v"]), cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = argv[: argv.index("--")] if "--" in argv else argv
    if args:
        out = Path(args[0])
        build(out)
        return score(out, extra)
    with tempfile.TemporaryDirectory(prefix="quorum-heldout-") as tmp:
        build(Path(tmp))
        return score(Path(tmp), extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
