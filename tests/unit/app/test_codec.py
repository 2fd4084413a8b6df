"""Model values survive the JSON round trip used for storage."""

from __future__ import annotations

import json

from app.codec import decode, encode
from app.model import Action, Analysis, Attendee, Block, DocumentText, Item, Meeting, Page, Span


def test_analysis_round_trip() -> None:
    analysis = Analysis(
        meeting=Meeting(council="Kerry County Council", date="2024-02-05", time="10:00"),
        attendance=(Attendee("M Healy-Rae", "present", "Cathaoirleach", 10, 22),),
        items=(
            Item(
                "3", "Roads", 100, 400, 2,
                resolutions=(Span("RESOLVED that…", 150, 180),),
                actions=(Action("Write", "Clerk", 1, 5),),
            ),
        ),
        no_interests_declared=True,
    )
    assert decode(Analysis, json.loads(json.dumps(encode(analysis)))) == analysis


def test_document_text_round_trip_keeps_tuples() -> None:
    text = DocumentText(
        "Heading\nBody", (Block("heading", 0, 7, 1, 1, True, 14.0, None, None, (1.0, 2.0, 3.0, 4.0)),), "pdf",
        (Page(1, 0, 12, 595.0, 842.0),), "T",
    )
    back = decode(DocumentText, json.loads(json.dumps(encode(text))))
    assert back == text
    assert isinstance(back.blocks[0].bbox, tuple)


def test_unknown_keys_are_ignored_and_missing_ones_defaulted() -> None:
    assert decode(Meeting, {"council": "X", "from_the_future": 1}) == Meeting(council="X")
