"""Paints one annotation as a card: colour bar, quote, note preview, page, tag chips and state badge."""

from __future__ import annotations

from app.model import Annotation

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.annotation_colours import swatch
from ui.models.annotations_model import ANNOTATION_ROLE, STATE_LABELS, WHOLE_DOCUMENT, note_preview, one_line

PAD_X, PAD_Y, BAR, GAP = 12, 9, 4, 4
QUOTE_LINES, NOTE_LINES = 3, 2
BADGE_COLOURS = {"moved": "#d9822b", "orphaned": "#d64545"}

AnyIndex = QModelIndex | QPersistentModelIndex


def wrapped(text: str, font: QFont, width: int, most: int) -> list[str]:
    """`text` broken into at most `most` lines of `width` pixels, the last one elided if cut."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while len(lines) < most:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    cut = layout.createLine().isValid()
    layout.endLayout()
    if cut and lines:
        metrics = QFontMetrics(font)
        lines[-1] = metrics.elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return lines


def meta_text(annotation: Annotation) -> str:
    bits = [] if annotation.anchor.page is None else [f"p. {annotation.anchor.page}"]
    if annotation.kind != "highlight":
        bits.append(annotation.kind.capitalize())
    return " · ".join(bits)


class AnnotationCard(QStyledItemDelegate):
    """A card per row; heights follow the text, so the view relays out when it is resized."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self.tag_colours: dict[str, str] = {}  # casefolded tag name → colour, for tinted chips

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        quote = QFont(option.font)
        note = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.86))
        return quote, note, small

    def _text_width(self) -> int:
        return max(80, self._view.width() - 2 * PAD_X - BAR - GAP * 2 - 24)

    def _blocks(self, annotation: Annotation, option: QStyleOptionViewItem) -> tuple[list[str], list[str]]:
        quote_font, note_font, _small = self._fonts(option)
        width = self._text_width()
        quote = one_line(annotation.anchor.quote) or WHOLE_DOCUMENT
        note = note_preview(annotation.note)
        return (
            wrapped(quote, quote_font, width, QUOTE_LINES),
            wrapped(note, note_font, width, NOTE_LINES) if note else [],
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            return super().sizeHint(option, index)
        quote_font, note_font, small = self._fonts(option)
        quote, note = self._blocks(annotation, option)
        height = 2 * PAD_Y + len(quote) * QFontMetrics(quote_font).lineSpacing()
        if note:
            height += GAP + len(note) * QFontMetrics(note_font).lineSpacing()
        height += GAP + 2 + QFontMetrics(small).height() + 4
        return QSize(self._text_width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        card = QRect(option.rect).adjusted(4, 3, -4, -3)
        self._paint_background(painter, option, card)
        bar = QRectF(card.left() + 6, card.top() + 7, BAR, card.height() - 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(swatch(annotation.colour))
        painter.drawRoundedRect(bar, 2, 2)
        left = card.left() + 6 + BAR + GAP * 2
        y = self._paint_text(painter, option, annotation, left, card.top() + PAD_Y - 3)
        self._paint_meta(painter, option, annotation, QRect(left, y + GAP, card.right() - left - 8, 0))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.restore()

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem, card: QRect) -> None:
        palette = option.palette
        fill = palette.color(QPalette.ColorRole.Base)
        if option.state & QStyle.StateFlag.State_Selected:
            fill = palette.color(QPalette.ColorRole.Highlight)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            fill = palette.color(QPalette.ColorRole.AlternateBase)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

    def _paint_text(
        self, painter: QPainter, option: QStyleOptionViewItem, annotation: Annotation, left: int, top: int
    ) -> int:
        quote_font, note_font, _small = self._fonts(option)
        quote, note = self._blocks(annotation, option)
        text_colour = option.palette.color(QPalette.ColorRole.Text)
        if annotation.anchor.start is None and annotation.state != "orphaned":
            quote_font.setItalic(True)
        y = top
        for font, lines, colour in (
            (quote_font, quote, text_colour),
            (note_font, note, option.palette.color(QPalette.ColorRole.PlaceholderText)),
        ):
            if not lines:
                continue
            painter.setFont(font)
            painter.setPen(colour)
            metrics = QFontMetrics(font)
            for line in lines:
                painter.drawText(left, y + metrics.ascent(), line)
                y += metrics.lineSpacing()
            y += GAP
        return y - GAP

    def _paint_meta(
        self, painter: QPainter, option: QStyleOptionViewItem, annotation: Annotation, row: QRect
    ) -> None:
        _quote, _note, small = self._fonts(option)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
        row.setHeight(metrics.height() + 4)
        right = row.right()
        label = STATE_LABELS[annotation.state]
        if label:
            badge = QColor(BADGE_COLOURS[annotation.state])
            width = metrics.horizontalAdvance(label) + 12
            box = QRectF(right - width, row.top(), width, row.height())
            painter.setPen(Qt.PenStyle.NoPen)
            badge.setAlpha(40)
            painter.setBrush(badge)
            painter.drawRoundedRect(box, row.height() / 2, row.height() / 2)
            painter.setPen(QColor(BADGE_COLOURS[annotation.state]))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            right -= width + 6
        x = row.left()
        meta = meta_text(annotation)
        if meta:
            painter.setPen(muted)
            space = QRect(x, row.top(), right - x, row.height())
            painter.drawText(space, Qt.AlignmentFlag.AlignVCenter, meta)
            x += metrics.horizontalAdvance(meta) + 8
        self._paint_chips(painter, option, annotation.tags, QRect(x, row.top(), right - x, row.height()))

    def _paint_chips(
        self, painter: QPainter, option: QStyleOptionViewItem, tags: tuple[str, ...], row: QRect
    ) -> None:
        metrics = painter.fontMetrics()
        x = row.left()
        for name in tags:
            width = metrics.horizontalAdvance(name) + 12
            if x + width > row.right():
                painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QRect(x, row.top(), 30, row.height()), Qt.AlignmentFlag.AlignVCenter, "…")
                return
            box = QRectF(x, row.top(), width, row.height())
            colour = self.tag_colours.get(name.casefold())
            fill = option.palette.color(QPalette.ColorRole.AlternateBase)
            if colour:
                fill = swatch(colour)
                fill.setAlpha(90)
            painter.setPen(swatch(colour) if colour else option.palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(fill)
            painter.drawRoundedRect(box, row.height() / 2, row.height() / 2)
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
            x += width + 4
