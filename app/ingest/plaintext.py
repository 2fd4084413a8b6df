"""Plain-text files: BOM-aware decoding with a cp1252 fallback, refusing binary data and huge files."""

from __future__ import annotations

import codecs
from pathlib import Path

from app.errors import UnreadableFile
from app.ingest.textblocks import from_plain_text
from app.model import DocumentText

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
# Meeting papers are rarely above 1 MB of text; a bigger file is almost
# certainly not minutes, and reading it whole would stall the reader.
MAX_TEXT_BYTES = 50 * 1024 * 1024


def decode(data: bytes, name: str) -> str:
    """Decode text bytes: a BOM wins, then UTF-8, then Windows-1252; binary data is refused."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte in CONTROL)
    if b"\x00" in sample or controls > len(sample) // 100 + 1:
        raise UnreadableFile(f"{name}: this is binary data, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The file's bytes, refusing (before reading) a file larger than `limit`."""
    size = path.stat().st_size
    if size > limit:
        raise UnreadableFile(
            f"{path.name}: too large to read as a text document "
            f"({size / 1048576:.0f} MB; the limit is {limit / 1048576:.0f} MB)."
        )
    return path.read_bytes()


def read_text(path: Path) -> str:
    """A text file's decoded contents, within the size limit."""
    return decode(read_bytes(path), path.name)


def load(path: Path, password: str | None = None) -> DocumentText:
    return from_plain_text(read_text(path), "txt", title=None)
