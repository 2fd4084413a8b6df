"""Frozen value types shared by every layer: document text, structure and library records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Block:
    """One structural unit of a document: `text[start:end]` of its `DocumentText`.

    `page` is 1-based (None where the source has no pages); `level` is the
    heading level (1 = top) or list depth; `size` the dominant font size in
    points; `numbering` the list/heading number as printed ("5.", "(a)").
    For table rows the cells are joined by a tab in the canonical text.
    """

    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    level: int = 0
    bold: bool = False
    size: float | None = None
    numbering: str | None = None
    style: str | None = None
    bbox: BBox | None = None


@dataclass(frozen=True)
class Page:
    """One page of a paged source: its 1-based number, span of the text and size in points."""

    number: int
    start: int
    end: int
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class DocumentText:
    """A document as Quorum reads it: the canonical text, its blocks and pages.

    Blocks are in reading order and do not overlap; consecutive blocks are
    separated by a newline in `text`. Every offset anywhere in Quorum
    (analysis, annotations, search hits) is a character offset into `text`.
    """

    text: str
    blocks: tuple[Block, ...]
    format: str
    pages: tuple[Page, ...] = ()
    title: str | None = None
    warnings: tuple[str, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for unpaged documents."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return self.pages[-1].number if self.pages and offset >= self.pages[-1].start else None


@dataclass(frozen=True)
class Meeting:
    council: str | None = None
    body: str | None = None
    kind: str = "unknown"
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    chair: str | None = None
    next_meeting: str | None = None


@dataclass(frozen=True)
class Span:
    """A passage of the canonical text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attendee:
    name: str
    status: str
    role: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Action:
    text: str
    owner: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Interest:
    who: str | None
    item: str | None
    kind: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    number: str | None
    title: str | None
    start: int
    end: int
    page: int | None
    resolutions: tuple[Span, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Acronym:
    short: str
    expansion: str


@dataclass(frozen=True)
class Analysis:
    """Everything found in one document, with offsets into its canonical text."""

    meeting: Meeting = field(default_factory=Meeting)
    attendance: tuple[Attendee, ...] = ()
    items: tuple[Item, ...] = ()
    resolutions: tuple[Span, ...] = ()
    interests: tuple[Interest, ...] = ()
    no_interests_declared: bool = False
    acronyms: tuple[Acronym, ...] = ()


@dataclass(frozen=True)
class Document:
    """A document in the library, as listed in the library panel."""

    id: int
    sha256: str
    path: str
    format: str
    title: str
    council: str | None
    body: str | None
    meeting_date: str | None
    kind: str
    pages: int
    text_length: int
    imported_at: str
    annotation_count: int = 0


AnnotationKind = Literal["highlight", "underline", "note"]
AnchorState = Literal["anchored", "moved", "orphaned"]
# One line fragment of a passage on a PDF page: (0-based page, x0, y0, x1, y1) in unrotated page points.
Quad = tuple[int, float, float, float, float]


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits: a position in the canonical text plus the words found there.

    `quote` is `text[start:end]`; `prefix`/`suffix` are up to 64 characters
    either side, so the passage can be found again when the text changes.
    A whole-document note has no position (start and end are None).
    """

    start: int | None
    end: int | None
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Annotation:
    """One highlight, underline or note, with its tags (names, sorted).

    `quads` are the exact boxes of the passage on a PDF's pages, one per line: the
    selected words' when it was made on the page, else worked out from the PDF
    (`app.quads`) soon after it was made or moved; None until then, or when the file
    cannot be read, and the page view then estimates them.
    """

    id: str
    document_id: int
    anchor: Anchor
    kind: AnnotationKind = "highlight"
    colour: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = ()
    state: AnchorState = "anchored"
    created: str = ""
    modified: str = ""
    quads: tuple[Quad, ...] | None = None


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views refresh just that."""

    documents: frozenset[int] = frozenset()
    annotations: frozenset[str] = frozenset()
    tags: frozenset[int] = frozenset()
