"""The reader pane: page view (PDFs) or text view, its toolbar and find bar, one reading position across both.

A reading position is an offset into the canonical text; the page view maps it to a page and height through
the blocks' pages and boxes. A PDF can be shown from its path before its text is known (the page view needs
no import), and gains highlights and find once `show_document` brings the text.
"""

from __future__ import annotations

from pathlib import Path

from app import highlights as marks
from app import settings as prefs
from app.errors import AppError
from app.find import find_all
from app.model import Analysis, Block, Document, DocumentText
from app.positions import Position, Positions

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPaintEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QStackedWidget, QTextEdit, QVBoxLayout, QWidget

from ui.reader.find_bar import FindBar, hit_colour
from ui.reader.glossary import hover_tip
from ui.reader.page_find import find_target
from ui.reader.page_view import SCROLL_KEYS, FindTarget, PageView
from ui.reader.structure_legend import StructureLegend, highlight_colour, legend_bar
from ui.reader.text_map import TextMap
from ui.reader.text_view import ReaderView
from ui.reader.toolbar import ReaderToolbar
from ui.theme import LIGHT, READING_THEMES, Theme

PAGE, TEXT = "page", "text"
SETTLE_MS = 250  # a position is taken as settled (outline follows, position saved) after this still time
JUMP_MARGIN = 36  # pixels above a jump's target, so its line is not flush with the top edge
HISTORY = 100


class ReaderPane(QWidget):
    """Shows one document; emits `painted(document_id)` (0: a PDF not yet imported) once it is on screen."""

    painted = Signal(int)
    position_settled = Signal(int)  # canonical offset at the top of the view, after scrolling stops
    mode_changed = Signal(str)
    document_shown = Signal(object)  # the Document now shown, or None once closed

    def __init__(self, settings: prefs.Settings, positions: Positions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.positions = settings, positions
        self.toolbar = ReaderToolbar(self)
        self.legend = StructureLegend(settings)
        self.text_view = ReaderView(settings.get(prefs.READER_FONT_SIZE))
        self.text_view.set_font_family(settings.get(prefs.READER_FONT_FAMILY))
        self.pages = PageView()
        self._find_bar: FindBar | None = None  # made when first asked for: the first frame does without it
        self.stack = QStackedWidget()
        self.stack.addWidget(self.pages)
        self.stack.addWidget(self.text_view)
        self._column = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(legend_bar(self.legend))
        layout.addWidget(self.stack, 1)
        self.document: Document | None = None
        self.text: DocumentText | None = None
        self.analysis = Analysis()
        self.pdf_path: Path | None = None  # the file the page view shows
        self.passwords: dict[Path, str] = {}  # of protected PDFs, as typed this session
        self._gone = False
        self.mode = TEXT
        self.kinds = self.legend.shown_kinds()
        self.back_stack: list[Position] = []
        self.forward_stack: list[Position] = []
        self.hits: list[tuple[int, int]] = []
        self.hit = -1
        self._theme = self._app_theme = LIGHT
        self._map: TextMap | None = None
        self._spans: list[marks.Highlight] = []
        self._mapper: marks.PageMapper | None = None
        self._page_blocks: dict[int, list[Block]] = {}
        self._acronyms: dict[str, str] = {}
        self._awaiting_page_paint = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._connect()
        self._update_toolbar()

    def _connect(self) -> None:
        bar = self.toolbar
        bar.mode_chosen.connect(self.set_mode)
        bar.page_chosen.connect(self.go_to_page)
        bar.zoom_chosen.connect(self._zoom_chosen)
        bar.zoom_in.connect(self.pages.zoom_in)
        bar.zoom_out.connect(self.pages.zoom_out)
        self.legend.kinds_changed.connect(self.set_kinds)
        bar.rotate.connect(lambda step: self.pages.set_rotation(self.pages.rotation + 90 * step))
        self.pages.page_changed.connect(lambda _page: self._moved())
        self.pages.verticalScrollBar().valueChanged.connect(lambda _value: self._moved())
        self.pages.zoom_changed.connect(lambda zoom: bar.show_zoom(zoom, self.pages.zoom_mode))
        self.pages.viewport().installEventFilter(self)  # to report the frame that shows a page
        self.text_view.painted.connect(self.painted)
        self.text_view.set_tips(self._text_tip)
        self.text_view.browser.verticalScrollBar().valueChanged.connect(lambda _value: self._moved())
        self.text_view.browser.installEventFilter(self)

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the view (hidden until opened), made when first asked for."""
        if self._find_bar is None:
            self._find_bar = FindBar()
            self._find_bar.searched.connect(self.search)
            self._find_bar.step.connect(self.step_hit)
            self._find_bar.closed.connect(self._find_closed)
            self._column.addWidget(self._find_bar)
        return self._find_bar

    def _find_query(self) -> str:  # without making the bar
        return self._find_bar.query if self._find_bar is not None else ""

    # -- opening ---------------------------------------------------------------------------------
    def open_pdf(self, path: Path, password: str | None = None, page: int = 0, *, draw: bool = True) -> None:
        """Show a PDF's pages from page `page` (0-based), straight from its file; raises `AppError`
        (e.g. `PasswordRequired`). With `draw`, the page view is put on screen first: its pages in
        view are then drawn at its final size, for the next frame (see `PageView.open`)."""
        shown = self.stack.currentIndex()
        if draw:
            self.stack.setCurrentWidget(self.pages)
        try:
            self.pages.open(path, password, page, draw=draw)
        except AppError:
            self.stack.setCurrentIndex(shown)
            raise
        if self.document is not None and Path(self.document.path) != path:
            self._forget_document()
        self.pdf_path = path
        self._awaiting_page_paint = True
        self._show_mode(PAGE)
        self._refresh_marks()  # the paper's own pages, once its password came: marks as in the text
        self.focus_view()

    def focus_view(self) -> None:
        """Give the keyboard to the view shown, so the reading keys work at once."""
        (self.pages if self.mode == PAGE else self.text_view.browser).setFocus()

    def show_document(self, document: Document, text: DocumentText, analysis: Analysis) -> None:
        """Show a document of the library; a PDF already on screen from its path stays as it is."""
        self._save_position()
        self.document, self.text, self.analysis = document, text, analysis
        self._map = None
        self._spans = marks.highlights(analysis, text)
        self.legend.set_counts(marks.counts(self._spans))
        self._mapper = marks.PageMapper(text)
        self._page_blocks = {}
        for block in text.blocks:
            if block.page is not None and block.bbox is not None:
                self._page_blocks.setdefault(block.page - 1, []).append(block)
        self._acronyms = {acronym.short: acronym.expansion for acronym in analysis.acronyms}
        self.pages.set_acronyms(self._acronyms)
        self.back_stack.clear()
        self.forward_stack.clear()
        path = Path(document.path)
        stored = self.positions.get(document.sha256)
        if document.format == "pdf" and self.pdf_path != path and not self._gone:
            try:  # its pages drawn at once unless it was last read as text
                self.open_pdf(path, self.passwords.get(path), draw=stored is None or stored.view == PAGE)
            except AppError:  # moved, changed or protected: the text is still readable
                self.pdf_path = None
        if self.pdf_path != path and not self._gone:
            self.pages.close_document()
            self.pdf_path = None
        self.hits, self.hit = [], -1
        mode = stored.view if stored is not None and self.pdf_path is not None else None
        self._show_mode(mode or (PAGE if self.pdf_path is not None else TEXT))
        self._refresh_marks()
        if stored is not None:
            self.go_to(stored)
        self.focus_view()
        if self._find_query():
            self.search(self._find_query())
        self.document_shown.emit(document)

    def _forget_document(self) -> None:
        self.document, self.text, self.analysis = None, None, Analysis()
        self._spans, self._mapper, self._page_blocks, self._acronyms, self._map = [], None, {}, {}, None
        self.pages.set_acronyms({})
        self.legend.set_counts({})
        self.hits, self.hit = [], -1

    def close_document(self) -> None:
        self._save_position()
        self._forget_document()
        self.pages.close_document()
        self.pdf_path = None
        self.document_shown.emit(None)

    def shut_down(self) -> None:
        """Save the position and stop the page view's thread; the pane is going for good."""
        self._save_position()
        self._gone = True
        self.pages.shut_down()

    # -- views -------------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Switch between page and text view, keeping the reading position."""
        if mode == self.mode or (mode == PAGE and self.pdf_path is None):
            self._update_toolbar()
            return
        place = self.place()
        self._show_mode(mode)
        self._refresh_marks()
        self.go_to(place)
        self.focus_view()

    def _show_mode(self, mode: str) -> None:
        self.mode = mode
        if mode == TEXT:
            self.ensure_text()
        self.stack.setCurrentWidget(self.pages if mode == PAGE else self.text_view)
        self._update_toolbar()
        self.mode_changed.emit(mode)

    def ensure_text(self) -> None:
        """Lay the text out when first shown: a long PDF read in page view never pays for it."""
        if self.text is None or self.document is None:
            return
        if self.text_view.document is not self.document:
            self.text_view.show_document(self.document, self.text)
            self._map = None
        if self._map is None:
            self._map = TextMap(self.text, self.text_view.browser.document().toRawText())

    def text_map(self) -> TextMap | None:
        """Canonical offsets ↔ positions in the text view, for the document shown (laid out on demand)."""
        if self.text is None or self.text_view.document is not self.document:
            return None
        self.ensure_text()
        return self._map

    def _update_toolbar(self) -> None:
        self.toolbar.set_mode(self.mode, has_pages=self.pdf_path is not None)
        count = self.pages.page_count if self.mode == PAGE else (len(self.text.pages) if self.text else 0)
        self.toolbar.show_page(self.place().page, count)
        self.toolbar.show_zoom(self.pages.zoom, self.pages.zoom_mode)

    def _zoom_chosen(self, choice: object) -> None:
        if choice == "fit-width":
            self.pages.fit_width()
        elif choice == "fit-page":
            self.pages.fit_page()
        elif isinstance(choice, float):
            self.pages.set_zoom(choice)
        self.pages.setFocus()

    def set_theme(self, theme: Theme) -> None:
        """Follow the application's theme (the text view too, unless it has reading colours of its own)."""
        self._app_theme = theme
        self.legend.set_theme(theme)
        self._apply_reading_colours()

    def reading_theme(self) -> Theme:
        choice = self.settings.get(prefs.READER_COLOURS)
        return self._app_theme if choice == "app" else READING_THEMES.get(choice, self._app_theme)

    def set_reading_colours(self, choice: str) -> None:
        """The text view's colours: "app" (as the application), "light", "dark" or "sepia"."""
        self.settings.set(prefs.READER_COLOURS, choice)
        self._apply_reading_colours()

    def _apply_reading_colours(self) -> None:
        self._theme = self.reading_theme()
        self.text_view.set_theme(self._theme)  # lays the same text out again: the map still holds
        self._refresh_marks()

    def set_font_family(self, family: str) -> None:
        """Read the text view in `family` ("" for the default serif); remembered."""
        self.settings.set(prefs.READER_FONT_FAMILY, family)
        self.text_view.set_font_family(family)
        self._refresh_marks()

    def set_font_size(self, size: float) -> None:
        self.text_view.set_font_size(size)
        self._refresh_marks()

    def _page_painting(self, event: QPaintEvent) -> None:
        """The first frame with the current page's own image (not its stand-in): `painted` once drawn."""
        page = self.pages.current_page
        if self.pages.is_page_ready(page) and event.rect().intersects(self.pages.page_rect(page)):
            self._awaiting_page_paint = False
            document_id = self.document.id if self.document is not None else 0
            QTimer.singleShot(0, lambda: self.painted.emit(document_id))

    # -- positions -------------------------------------------------------------------------------
    def place(self) -> Position:
        """Where the reader is now: the offset at the top of the view, its page and the view."""
        if self.mode == TEXT:
            offset = self._text_offset_at_top()
            page = (self.text.page_at(offset) or 1) - 1 if self.text is not None else 0
            return Position(offset, page, TEXT)
        page = self.pages.current_page
        return Position(self._page_offset_at_top(page), page, PAGE)

    def _text_offset_at_top(self) -> int:
        if self._map is None:
            return 0
        browser = self.text_view.browser
        # Where a jump puts its target: so a jump, then a look at the position, round-trips.
        return self._map.to_text(browser.cursorForPosition(QPoint(0, JUMP_MARGIN)).position())

    def _page_offset_at_top(self, page: int) -> int:
        """The first block on `page` (or the next pages) whose top is in view."""
        for number in range(page, min(page + 3, self.pages.page_count)):
            for block in self._page_blocks.get(number, []):
                assert block.bbox is not None
                if self.pages.page_to_view(number, block.bbox[0], block.bbox[1]).y() >= JUMP_MARGIN - 1:
                    return block.start
        if self.text is not None and page < len(self.text.pages):
            return self.text.pages[page].start
        return 0

    def go_to(self, place: Position) -> None:
        """Show `place`: by text offset where the view can map it, else by page."""
        if self.mode == PAGE:
            mapper = self._mapper
            rects = mapper.rects(place.offset, place.offset + 1) if mapper and place.offset else {}
            if rects:
                page, boxes = next(iter(rects.items()))
                self._scroll_page_to(page, boxes[0][0], boxes[0][1])
            else:
                self.pages.set_current_page(place.page)
        elif self._map is not None:
            offset = place.offset
            if not offset and self.text is not None and 0 < place.page < len(self.text.pages):
                offset = self.text.pages[place.page].start
            self._scroll_text_to(self._map.to_view(offset))
        self._moved()

    def _scroll_page_to(self, page: int, x: float, y: float) -> None:
        bar = self.pages.verticalScrollBar()
        bar.setValue(bar.value() + round(self.pages.page_to_view(page, x, y).y()) - JUMP_MARGIN)

    def _scroll_text_to(self, position: int) -> None:
        browser = self.text_view.browser
        cursor = QTextCursor(browser.document())
        cursor.setPosition(min(position, browser.document().characterCount() - 1))
        bar = browser.verticalScrollBar()
        bar.setValue(bar.value() + browser.cursorRect(cursor).top() - JUMP_MARGIN)

    def jump_to_offset(self, offset: int) -> None:
        """A jump the reader may want to undo (outline, find, page box): Back returns here."""
        self._remember()
        page = (self.text.page_at(offset) or 1) - 1 if self.text is not None else 0
        self.go_to(Position(offset, page))

    def go_to_page(self, page: int) -> None:
        self._remember()
        if self.mode == PAGE:
            self.pages.set_current_page(page)
        elif self.text is not None and 0 <= page < len(self.text.pages):
            self.go_to(Position(self.text.pages[page].start, page, TEXT))
        self._moved()

    def _remember(self) -> None:
        self.back_stack = [*self.back_stack, self.place()][-HISTORY:]
        self.forward_stack.clear()

    def go_back(self) -> None:
        if self.back_stack:
            self.forward_stack.append(self.place())
            self.go_to(self.back_stack.pop())

    def go_forward(self) -> None:
        if self.forward_stack:
            self.back_stack.append(self.place())
            self.go_to(self.forward_stack.pop())

    def _moved(self) -> None:
        self._settle.start()
        if self.mode == PAGE:
            self.toolbar.show_page(self.pages.current_page, self.pages.page_count)

    def _settled(self) -> None:
        place = self.place()
        if self.mode == TEXT and self.text is not None:
            self.toolbar.show_page(place.page, len(self.text.pages))
        if self.document is not None:
            self.position_settled.emit(place.offset)
            self._save_position(place)

    def _save_position(self, place: Position | None = None) -> None:
        if self.document is not None:
            self.positions.set(self.document.sha256, place or self.place())

    # -- highlights and find -----------------------------------------------------------------------
    def set_kinds(self, kinds: set[str]) -> None:
        """Show only these kinds of detected structure."""
        self.kinds = set(kinds)
        self._refresh_marks()

    def shown_spans(self) -> list[marks.Highlight]:
        return [span for span in self._spans if span.kind in self.kinds]

    def _refresh_marks(self) -> None:
        dark = self._theme.dark and self.mode == TEXT  # printed pages stay white in every theme
        colours = {kind.key: highlight_colour(kind.key, dark) for kind in marks.KINDS}
        if self.mode == PAGE and self._mapper is not None:
            mapper = self._mapper
            self.pages.set_highlights(
                (page, boxes, colours[span.kind], span.label)
                for span in self.shown_spans()
                for page, boxes in mapper.rects(span.start, span.end).items()
            )
            # The page view marks find hits itself, on exactly the printed letters.
            self.pages.set_find(self._find_query() if self.hits else "", self._hit_target())
            return
        passages = [(span.start, span.end, colours[span.kind]) for span in self.shown_spans()]
        for number, (start, end) in enumerate(self.hits):
            passages.append((start, end, hit_colour(number == self.hit, dark)))
        if self.mode == TEXT and self._map is not None:
            self.text_view.browser.setExtraSelections([self._selection(*passage) for passage in passages])

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        assert self._map is not None
        first, last = self._map.span_to_view(start, end)
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.browser.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(colour)
        selection.format = char_format
        return selection

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def search(self, query: str) -> None:
        """Mark every hit of `query`; the first at or after the reading position becomes current."""
        if self.text is None:  # a PDF shown from its file, still being read: searched once it is in
            self.find_bar.count.setText("Reading the text…" if query.strip() else "")
            return
        # Typing on keeps the hit shown if it still matches: search on from there, not from the top.
        here = self.hits[self.hit][0] if 0 <= self.hit < len(self.hits) else self.place().offset
        self.hits = find_all(self.text.text, query)
        self.hit = next((number for number, (start, _end) in enumerate(self.hits) if start >= here), 0)
        self.hit = self.hit if self.hits else -1
        self.find_bar.show_count(self.hit, len(self.hits))
        self._refresh_marks()
        if self.hits:
            self._show_hit()

    def step_hit(self, step: int) -> None:
        if not self.hits:
            return
        self._remember()
        self.hit = (self.hit + step) % len(self.hits)
        self.find_bar.show_count(self.hit, len(self.hits))
        self._refresh_marks()
        self._show_hit()

    def _hit_target(self) -> FindTarget | None:
        found = self._mapper is not None and 0 <= self.hit < len(self.hits)
        return find_target(self._mapper, self.hits, self.hit) if self._mapper and found else None

    def _show_hit(self) -> None:
        """Bring the current hit into view: in page view the least scroll that shows its printed words."""
        target = self._hit_target() if self.mode == PAGE else None
        if target is not None:
            self.pages.set_find(self.find_bar.query, target, reveal=True)
            self._moved()
        else:
            self.go_to(Position(self.hits[self.hit][0]))

    def _find_closed(self) -> None:
        self.hits, self.hit = [], -1
        self._refresh_marks()
        self.focus_view()

    # -- text view events: scrolling keys and tooltips ------------------------------------------------
    def _text_tip(self, position: int, word: str) -> str:
        """What resting on a word of the text view tells, worded as the page view tells it."""
        offset = self._map.to_text(position) if self._map is not None else -1
        spans = [span.label for span in self.shown_spans() if span.start <= offset < span.end]
        return hover_tip(word, self._acronyms, spans)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._awaiting_page_paint and isinstance(event, QPaintEvent) and watched is self.pages.viewport():
            self._page_painting(event)
        browser = self.text_view.browser
        if watched is browser and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            action = SCROLL_KEYS.get(Qt.Key(event.key()))
            if action is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                browser.verticalScrollBar().triggerAction(action)
                return True
        return super().eventFilter(watched, event)
