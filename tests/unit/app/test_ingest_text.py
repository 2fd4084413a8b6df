"""Plain text: encodings, heading hints, and files too big or not text at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import ingest
from app.errors import UnreadableFile
from app.ingest import plaintext

from tests.unit.app.ingest_checks import assert_well_formed, kinds

MINUTES = (
    "MINUTES OF THE FINANCE COMMITTEE  \r\nHeld on 3 May 2024\r\n\r\n"
    "1. Apologies\r\nNone.\r\n\r\n\r\nThe meeting closed at 8pm.\r\n"
)


def test_canonical_text_is_the_file_text_with_clean_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(MINUTES.encode("utf-8"))
    doc = ingest.load(path)
    assert_well_formed(doc)
    assert doc.text == MINUTES.replace("\r\n", "\n").replace("  \n", "\n").strip("\n")
    assert kinds(doc) == [
        ("heading", "MINUTES OF THE FINANCE COMMITTEE"),
        ("paragraph", "Held on 3 May 2024"),
        ("heading", "1. Apologies"),
        ("paragraph", "None."),
        ("paragraph", "The meeting closed at 8pm."),
    ]
    assert doc.blocks[2].numbering == "1."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Caf\u00e9 \u2013 £5".encode("utf-8-sig"), "Café – £5"),
        ("Caf\u00e9 \u2013 £5".encode("utf-16"), "Café – £5"),
        ("Caf\u00e9 \u2013 £5".encode("cp1252"), "Café – £5"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert ingest.load(path).text == expected


def test_wrongly_encoded_text_is_read_without_failing(tmp_path: Path) -> None:
    # Latin-1 bytes that are invalid UTF-8 and include cp1252's undefined 0x81.
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Caf\xe9 \x81 grant of \xa3500")
    text = ingest.load(path).text
    assert text.startswith("Café") and text.endswith("£500")


def test_binary_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableFile, match="binary data, not text"):
        ingest.load(path)


def test_huge_text_file_is_refused_quickly_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        # Sparse: 200 MB declared without writing (or later reading) 200 MB.
        handle.truncate(200 * 1024 * 1024)
    limit_mb = plaintext.MAX_TEXT_BYTES // (1024 * 1024)
    with pytest.raises(UnreadableFile, match=rf"200 MB; the limit is {limit_mb} MB"):
        ingest.load(path)
    with pytest.raises(UnreadableFile, match="too large"):
        ingest.load(path.rename(tmp_path / "huge.md"))
    with pytest.raises(UnreadableFile, match="too large"):
        ingest.load(path.with_suffix(".md").rename(tmp_path / "huge.html"))


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("PLANNING APPLICATIONS", True),
        ("ITEM 5 – PARISH CAFÉ", True),  # accented capitals are capitals
        ("BUDGET 2024/25", True),  # figures and marks count neither way
        ("AGM", False),  # too few letters to tell a title from an acronym
        ("PLANNING Applications", False),
        ("PLANNINg APPLICATIONS", False),  # one small letter is enough
    ],
)
def test_a_lone_line_in_capitals_heads_its_text(tmp_path: Path, line: str, heading: bool) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(f"{line}\nThe council noted the report.\n", encoding="utf-8")
    doc = ingest.load(path)
    assert (doc.blocks[0].kind == "heading") is heading
    assert doc.blocks[-1].kind == "paragraph"
