"""The reader: a document's canonical text in a centred column of comfortable width, with its header."""

from __future__ import annotations

from collections.abc import Callable

from app.model import Document, DocumentText

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from ui.reader import rendering
from ui.theme import LIGHT, Theme

MEASURE_CHARS = 70  # characters per line: the comfortable reading measure
MIN_SIDE_MARGIN = 28
SERIF = ("Charter", "Georgia", "Noto Serif", "Source Serif 4", "DejaVu Serif", "Times New Roman", "serif")
SANS = ("Noto Sans", "Segoe UI", "Helvetica Neue", "Cantarell", "DejaVu Sans", "sans-serif")

Tips = Callable[[int, str], str]  # (position in the shown text, the word there) → its tooltip, "" for none


def reading_font(size: float, family: str = "") -> QFont:
    """The reading face at `size` points: `family` if chosen (and installed), else the first serif found."""
    font = QFont()
    font.setFamilies([family, *SERIF] if family else list(SERIF))
    font.setPointSizeF(size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


class ReaderView(QWidget):
    """Shows one document; emits `painted(document_id)` once its text has first reached the screen."""

    painted = Signal(int)
    zoom_requested = Signal(int)  # +1 bigger, -1 smaller (Ctrl + mouse wheel)

    def __init__(self, font_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.document: Document | None = None
        self._text: DocumentText | None = None
        self._theme = LIGHT
        self._size = float(font_size)
        self._family = ""
        self._awaiting_paint = False
        self._tips: Tips | None = None
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("readerTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(wordWrap=True)
        self.meta.setObjectName("readerMeta")
        rule = QFrame()
        rule.setObjectName("readerRule")
        rule.setFrameShape(QFrame.Shape.HLine)
        self.header = QWidget()
        self.header.setObjectName("readerHeader")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._header_layout = header_layout = QVBoxLayout(self.header)
        header_layout.setSpacing(4)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.meta)
        header_layout.addSpacing(10)
        header_layout.addWidget(rule)
        self.browser = QTextBrowser()
        self.browser.setObjectName("readerText")
        self.browser.setAccessibleName("Text of the paper")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the column; a table a pixel too wide must not bring a horizontal scroll bar.
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self._apply_fonts()

    # -- what is shown ---------------------------------------------------------
    def show_document(self, document: Document, text: DocumentText) -> None:
        if self._text is None:  # the first: not before, as a PDF's pages need no text view
            self.browser.viewport().installEventFilter(self)
        self.document, self._text = document, text
        self.title.setText(document.title)
        self.meta.setText(rendering.meta_line(document))
        self._render(keep_position=False)
        self._awaiting_paint = True
        self.browser.viewport().update()

    def set_tips(self, tips: Tips) -> None:
        """Where the tooltips come from: `tips(position, word)` for the word resting under the mouse."""
        self._tips = tips

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for the word at viewport point `point` ("" for none)."""
        if self._tips is None or self._text is None:
            return ""
        cursor = self.browser.cursorForPosition(point)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return self._tips(cursor.selectionStart(), cursor.selectedText())

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    @property
    def font_size(self) -> float:
        return self._size

    def set_font_size(self, size: float) -> None:
        self._size = size
        self._apply_fonts()
        self._render(keep_position=True)

    def set_font_family(self, family: str) -> None:
        """Read in `family` ("" for the default serif)."""
        self._family = family
        self._apply_fonts()
        self._render(keep_position=True)

    @property
    def font_family(self) -> str:
        return self._family

    def set_theme(self, theme: Theme) -> None:
        """Colour the text with `theme`; a theme other than the application's paints its own paper."""
        self._theme = theme
        self.setStyleSheet(rendering.paper_stylesheet(theme))
        self._render(keep_position=True)

    def _apply_fonts(self) -> None:
        self.browser.document().setDefaultFont(reading_font(self._size, self._family))
        title_font = QFont()
        title_font.setFamilies(list(SANS))
        title_font.setPointSizeF(self._size * 1.55)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        meta_font = QFont()
        meta_font.setFamilies(list(SANS))
        meta_font.setPointSizeF(max(self._size * 0.8, 8.0))
        self.meta.setFont(meta_font)
        self._fit_column()

    def _render(self, *, keep_position: bool) -> None:
        if self._text is None:
            return
        bar = self.browser.verticalScrollBar()
        share = bar.value() / bar.maximum() if keep_position and bar.maximum() else 0.0
        self.browser.document().setDefaultStyleSheet(rendering.stylesheet(self._theme, self._size))
        self.browser.setHtml(rendering.body_html(self._text))
        self._fit_column()
        bar.setValue(round(share * bar.maximum()))

    # -- layout ------------------------------------------------------------------
    def _fit_column(self) -> None:
        """Centre a column about MEASURE_CHARS wide; narrower windows get a modest margin instead.

        Not before a first document: the first `viewport()` makes PySide6 set up every QtWidgets
        class (~20 ms), which a PDF's first frame can do without."""
        if self._text is None:
            return
        measure = QFontMetricsF(reading_font(self._size, self._family)).averageCharWidth() * MEASURE_CHARS
        side = max(MIN_SIDE_MARGIN, int((self.browser.viewport().width() - measure) / 2))
        root = self.browser.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side or frame.topMargin() != 18:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            frame.setTopMargin(18)
            frame.setBottomMargin(48)
            root.setFrameFormat(frame)
        # The header lines up with the text column (the document's own margin adds a few pixels).
        inset = side + int(self.browser.document().documentMargin())
        self._header_layout.setContentsMargins(inset, 26, inset, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Zoom through the preference, not QTextEdit's own zoom, so size and setting agree.
            steps = event.angleDelta().y()
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            return True
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.browser.viewport())
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.Resize:
            self._fit_column()  # the viewport, not this widget: its width is what the column must fit
        elif event.type() == QEvent.Type.Paint and self._awaiting_paint and self.document is not None:
            self._awaiting_paint = False
            # Report after this paint has been handled, not before it.
            document_id = self.document.id
            QTimer.singleShot(0, lambda: self.painted.emit(document_id))
        return super().eventFilter(watched, event)
