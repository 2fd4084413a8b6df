"""The fixture minutes under tests/fixtures/minutes and their truth files, read as the scorer reads them."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

from app import ingest
from app.analysis import analyze
from app.model import Analysis

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "minutes"


def cases() -> list[Path]:
    return sorted((FIXTURES / "truth").glob("*.json"))


def truth(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(case.read_text(encoding="utf-8"))
    return data


def analysed(case: Path) -> Analysis:
    return analyze(ingest.load(FIXTURES / truth(case)["file"]))


def norm(text: str) -> str:
    """Lower case, folded dashes and quotes, no emphasis, single spaces."""
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    text = re.sub(r"[*_#`]+", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def key(number: str | None) -> str:
    return re.sub(r"[\s.:)]+$", "", norm(str(number))).lstrip("(")


def similar(a: str | None, b: str | None) -> float:
    left = re.sub(r"[^a-z0-9]+", " ", norm(a or "")).strip()
    right = re.sub(r"[^a-z0-9]+", " ", norm(b or "")).strip()
    return difflib.SequenceMatcher(None, left, right).ratio() if left and right else 0.0


def phrase(text: str) -> str:
    """A truth phrase without a leading "RESOLVED that", as the scorer folds it."""
    folded = norm(text)
    stripped = re.sub(r"^(it was )?(resolved|agreed|decision|decided)\b[\s:;,.\-]*(that\b)?\s*", "", folded)
    return stripped if len(stripped.split()) >= 3 else folded
