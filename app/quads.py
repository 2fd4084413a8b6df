"""Annotations' exact boxes on their PDF's pages, worked out in the worker process for those without.

An annotation made on a PDF page keeps the boxes of the words selected; one made
in the text view or the CLI, or moved to a new version of the paper, has none
until this fills them in from the PDF's character boxes. They are derived data:
stored without an undo step, and only while the annotation still sits where they
were worked out for.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from itertools import groupby
from typing import TYPE_CHECKING, Any

from db import annotations as annotations_db

from app.errors import AppError
from app.model import Changes, DocumentText

if TYPE_CHECKING:
    from app.ingest.pdfquads import PageSlice
    from app.library import Library

log = logging.getLogger(__name__)

# Runs a function in the worker process: run(fn, *args, what=...) -> its result.
Runner = Callable[..., Any]


def page_slices(text: DocumentText, spans: Iterable[tuple[int, int]]) -> list[PageSlice]:
    """The pages (0-based, with their text) the passages `spans` touch."""
    from app.ingest.pdfquads import PageSlice  # PyMuPDF's side: loaded only when boxes are worked out

    wanted = [(start, end) for start, end in spans]
    return [
        PageSlice(page.number - 1, page.start, text.text[page.start : page.end])
        for page in text.pages
        if any(page.start < end and start < page.end for start, end in wanted)
    ]


def _work_out(
    library: Library,
    document_id: int,
    rows: list[dict[str, Any]],
    run: Runner,
    at_hand: tuple[DocumentText | None, Mapping[str, str]],
) -> list[dict[str, Any]]:
    from app.ingest.pdfquads import passage_quads

    text, passwords = at_hand
    document = library.document(document_id)
    spans = [(row["start"], row["end"]) for row in rows]
    pages = page_slices(text or library.text(document_id), spans)
    password = passwords.get(document.path)
    found = run(passage_quads, document.path, pages, spans, password, what=document.title)
    placed = zip(rows, found, strict=True)
    return [{**row, "quads": json.dumps(quads)} for row, quads in placed if quads is not None]


def fill(
    library: Library,
    run: Runner,
    annotation_ids: Iterable[str] | None = None,
    document_id: int | None = None,
    known: dict[int, DocumentText] | None = None,
    *,
    passwords: Mapping[str, str] | None = None,
) -> Changes:
    """Work out and store the boxes of the placed annotations on PDFs that have none (of
    `annotation_ids` and/or `document_id` when given; `known`: texts already read, by document;
    `passwords`: of protected PDFs, by stored path, held only for this call).
    A paper that cannot be read now (moved, protected without its password, changed) is passed
    over: its annotations keep the page view's estimate."""
    wanting = annotations_db.without_quads(library.db, annotation_ids, document_id)
    filled: list[str] = []
    for document, rows in groupby(wanting, key=lambda row: int(row["document_id"])):
        try:
            at_hand = ((known or {}).get(document), passwords or {})
            found = _work_out(library, document, list(rows), run, at_hand)
        except AppError as error:
            log.info("No exact boxes for the annotations of document %s: %s", document, error)
            continue
        filled += annotations_db.set_quads(library.db, found)
    if not filled:
        return Changes()
    done = set(filled)
    return Changes(frozenset(row["document_id"] for row in wanting if row["id"] in done), frozenset(done))
