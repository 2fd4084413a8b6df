"""Run the real scorer on the held-out minutes set (tests/fixtures/heldout), built fresh into a folder.

Usage (from the project root):
  .venv/bin/python -m tests.heldout                  # build into a temporary folder, score with -v
  .venv/bin/python -m tests.heldout OUT_DIR          # build into OUT_DIR and keep it
  .venv/bin/python -m tests.heldout OUT_DIR -- --json   # extra scorer flags go after "--"
  .venv/bin/python -m tests.heldout --details [OUT_DIR] # what score.py -v does not list: extra
                                                        # resolutions, attendance and meeting-field misses
  .venv/bin/python -m tests.heldout --batch 4 [OUT_DIR] # one batch alone (withheld or in the default set)
  .venv/bin/python -m tests.heldout --all [OUT_DIR]     # the default set and every withheld batch
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from tests.fixtures.heldout.build import build_selection

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def score(docs: Path, truth: Path, extra: list[str]) -> int:
    """Run score.py on the built documents with the same interpreter; return its exit status."""
    cmd = [sys.executable, str(SCORER), "--truth", str(truth), "--docs", str(docs), "--cwd", str(ROOT)]
    return subprocess.run(cmd + (extra or ["-v"]), cwd=ROOT, check=False).returncode


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quorum_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _analyse(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "app", "analyze", "--json", str(path)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    return json.loads(out.stdout) if out.returncode == 0 else {}


def _differences(sc: ModuleType, truth: dict, result: dict) -> list[str]:
    """The misses score.py -v leaves out, in the scorer's own terms (folded text, surnames)."""
    lines = []
    items = result.get("items") or []
    texts = [r.get("text", "") for it in items for r in it.get("resolutions") or []]
    texts += [r.get("text", "") for r in result.get("resolutions") or []]
    phrases = [sc.phrase_key(p) for it in truth["items"]
               for key in ("resolutions", "actions", "optional") for p in it.get(key, [])]
    lines += [f"extra resolution: {t[:110]!r}" for t in texts if not any(p in sc.norm(t) for p in phrases)]
    attendance = result.get("attendance") or []
    for key, got in (("present", sc.names(attendance, None, sc.NOT_MEMBERS_PRESENT)),
                     ("apologies", sc.names(attendance, {"apologies"}, None))):
        if truth.get(key) is not None:
            want = {sc.surname(n) for n in truth[key]}
            if want != got:
                lines.append(f"{key}: missing {sorted(want - got)} extra {sorted(got - want)}")
    meeting = result.get("meeting") or {}
    if truth.get("date") and meeting.get("date") != truth["date"]:
        lines.append(f"date: got {meeting.get('date')!r} want {truth['date']!r}")
    for key in ("body", "venue"):
        got_text = sc.norm(meeting.get(key) or "")
        if truth.get(key) and not (got_text and (sc.norm(truth[key]) in got_text
                                                 or sc.similar(got_text, truth[key]) >= 0.8)):
            lines.append(f"{key}: got {meeting.get(key)!r} want {truth[key]!r}")
    return lines


def details(docs: Path, truth_dir: Path) -> int:
    """Print, per document, the differences score.py -v does not show."""
    sc = _scorer()
    for truth_file in sorted(truth_dir.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        lines = _differences(sc, truth, _analyse(docs / truth["file"]))
        if lines:
            print(truth["file"])
            print("\n".join(f"  {line}" for line in lines))
    return 0


def main(argv: list[str]) -> int:
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = argv[: argv.index("--")] if "--" in argv else argv
    run = details if "--details" in args else (lambda docs, truth: score(docs, truth, extra))
    selection = "all" if "--all" in args else "default"
    if "--batch" in args:
        at = args.index("--batch")
        selection = args[at + 1] if at + 1 < len(args) else "?"
        args = args[:at] + args[at + 2:]
    args = [a for a in args if a not in ("--details", "--all")]
    if args:
        out = Path(args[0])
        return run(out, build_selection(out, selection))
    with tempfile.TemporaryDirectory(prefix="quorum-heldout-") as tmp:
        return run(Path(tmp), build_selection(Path(tmp), selection))


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except ValueError as exc:  # an unknown --batch
        sys.exit(str(exc))
