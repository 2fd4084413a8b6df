"""The loader registry: any supported file in, one `DocumentText` out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import UnreadableFile, UnsupportedFormat
from app.model import DocumentText

Loader = Callable[[Path, "str | None"], DocumentText]

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


def detect_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UnsupportedFormat(
            f"{path.name}: Quorum cannot open {path.suffix or 'this kind of'} files (it reads {known})."
        )
    return fmt


def check_readable(path: Path) -> None:
    """Raise a clear `UnreadableFile` for a missing path, a folder, an empty or unreadable file."""
    if not path.exists():
        raise UnreadableFile(f"{path}: no such file.")
    if path.is_dir():
        raise UnreadableFile(f"{path}: is a folder, not a document.")
    if not os.access(path, os.R_OK):
        raise UnreadableFile(f"{path}: permission denied (the file cannot be read).")
    if path.stat().st_size == 0:
        raise UnreadableFile(f"{path.name}: the file is empty (0 bytes).")


def _loader(fmt: str) -> Loader:
    # Imported on demand: PyMuPDF and python-docx cost start-up time.
    if fmt == "pdf":
        from app.ingest import pdf

        return pdf.load
    if fmt == "md":
        from app.ingest import markdown

        return markdown.load
    if fmt == "docx":
        from app.ingest import word

        return word.load
    if fmt == "html":
        from app.ingest import html

        return html.load
    from app.ingest import plaintext

    return plaintext.load


def load(path: Path | str, password: str | None = None) -> DocumentText:
    """Read `path` into its canonical text; raise an `AppError` for anything unreadable."""
    path = Path(path)
    fmt = detect_format(path)
    check_readable(path)
    with reading(path):
        return _loader(fmt)(path, password)


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Turn the operating system's refusals while reading `path` into a clear `UnreadableFile`."""
    try:
        yield
    except PermissionError as error:
        raise UnreadableFile(f"{path.name}: permission denied (the file cannot be read).") from error
    except OSError as error:
        raise UnreadableFile(f"{path.name}: cannot be read ({error.strerror or error}).") from error
