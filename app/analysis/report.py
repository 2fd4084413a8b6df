"""An `Analysis` as the JSON the scorer and other tools read (schema "quorum.analysis/1")."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.model import Analysis, Item, Span

SCHEMA = "quorum.analysis/1"


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def _item(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "title": item.title,
        "start": item.start,
        "end": item.end,
        "page": item.page,
        "resolutions": [_span(span) for span in item.resolutions],
        "actions": [asdict(action) for action in item.actions],
    }


def to_json(analysis: Analysis, file: str, fmt: str) -> dict[str, Any]:
    """The analysis of `file` (a name, not a path) as plain JSON-ready data."""
    meeting = analysis.meeting
    return {
        "schema": SCHEMA,
        "file": file,
        "format": fmt,
        "kind": meeting.kind,
        "meeting": {
            "council": meeting.council,
            "body": meeting.body,
            "date": meeting.date,
            "time": meeting.time,
            "venue": meeting.venue,
            "chair": meeting.chair,
            "next_meeting": meeting.next_meeting,
        },
        "attendance": [
            {"name": person.name, "status": person.status, "role": person.role}
            for person in analysis.attendance
        ],
        "items": [_item(item) for item in analysis.items],
        "resolutions": [_span(span) for span in analysis.resolutions],
        "interests": [asdict(interest) for interest in analysis.interests],
        "no_interests_declared": analysis.no_interests_declared,
        "acronyms": [asdict(acronym) for acronym in analysis.acronyms],
    }


def summary(analysis: Analysis, file: str) -> str:
    """A readable outline: meeting line, then each item with its decisions and actions."""
    meeting = analysis.meeting
    head = " · ".join(part for part in (meeting.council, meeting.body, meeting.date) if part)
    out = [f"{file}: {meeting.kind}" + (f" — {head}" if head else "")]
    present = sum(1 for person in analysis.attendance if person.status == "present")
    if analysis.attendance:
        out.append(f"attendance: {present} present, {len(analysis.attendance) - present} others")
    for item in analysis.items:
        label = " ".join(part for part in (item.number, item.title) if part) or "(untitled)"
        out.append(f"  {label}" + (f"  [p{item.page}]" if item.page else ""))
        out.extend(f"      resolved: {_short(span.text)}" for span in item.resolutions)
        out.extend(
            f"      action{f' ({action.owner})' if action.owner else ''}: {_short(action.text)}"
            for action in item.actions
        )
    out.extend(f"  resolved (no item): {_short(span.text)}" for span in analysis.resolutions)
    return "\n".join(out)


def _short(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
