"""OCR of scanned PDF pages through PyMuPDF's Tesseract, with the language data located automatically."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pymupdf

INSTALL_HINT = (
    "Tesseract OCR is needed to read it: install it (Linux: sudo apt install tesseract-ocr "
    "tesseract-ocr-eng; macOS: brew install tesseract; Windows: the installer from "
    "https://github.com/UB-Mannheim/tesseract/wiki) and open the file again."
)
LANGUAGE = "eng"
OCR_DPI = 300
# OCR takes about this long a page here; reading must end well within the parse timeout (120 s).
SECONDS_PER_PAGE = 7
MAX_PAGES = 12


def _candidates(executable: Path) -> list[Path]:
    """Where installers put the language data relative to the tesseract program."""
    prefix = executable.resolve().parent.parent
    found = [executable.resolve().parent / "tessdata", prefix / "share" / "tessdata"]
    found += sorted((prefix / "share" / "tesseract-ocr").glob("*/tessdata"), reverse=True)
    found.append(prefix / "share" / "tesseract-ocr" / "tessdata")
    return found


def find_tessdata() -> Path | None:
    """The folder holding `eng.traineddata`: from TESSDATA_PREFIX, else beside `tesseract` on PATH."""
    declared = os.environ.get("TESSDATA_PREFIX")
    folders = [Path(declared), Path(declared) / "tessdata"] if declared else []
    executable = shutil.which("tesseract")
    if executable is None and sys.platform == "win32":
        executable = shutil.which("tesseract", path=r"C:\Program Files\Tesseract-OCR")
    if executable is not None:
        folders += _candidates(Path(executable))
    return next((folder for folder in folders if (folder / f"{LANGUAGE}.traineddata").is_file()), None)


def page_dict(page: pymupdf.Page, tessdata: Path, flags: int) -> dict[str, Any]:
    """The page's text as `get_text("dict")` gives it, recognised from its rendered image."""
    textpage = page.get_textpage_ocr(
        flags=flags, language=LANGUAGE, dpi=OCR_DPI, full=True, tessdata=str(tessdata)
    )
    return dict(page.get_text("dict", textpage=textpage, flags=flags))
