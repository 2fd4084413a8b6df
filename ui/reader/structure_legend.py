"""The structure legend: a swatch, name and count for each kind of highlight, each a show/hide toggle."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app import settings as prefs
from app.highlights import KIND_BY_KEY, KINDS, Kind

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ui.theme import Theme

# How strongly a highlight tints the text under it: enough to see at a glance, not to hide the words.
# Dark paper needs more tint for the same contrast.
OPACITY = {False: 0.26, True: 0.42}
SWATCH = 14
LEVELS = FULL, NAMES, COUNTS = range(3)  # how much the legend writes, as room allows
# The swatch shows whether a kind is on; a pressed-button look on top of it would be noise.
# Palette roles keep this in step with the application's theme.
STYLE = """
QToolButton { background: transparent; border: 1px solid transparent; border-radius: 4px; padding: 1px 3px; }
QToolButton:checked { color: palette(window-text); }
QToolButton:!checked { color: palette(placeholder-text); }
QToolButton:hover { border-color: palette(mid); }
QToolButton:focus { border-color: palette(link); }
"""


def highlight_colour(kind: str, dark: bool = False) -> QColor:
    """The translucent colour a view paints `kind` with (the legend's swatches use the same)."""
    colour = QColor(KIND_BY_KEY[kind].colour)
    colour.setAlphaF(OPACITY[dark])
    return colour


def swatch(kind: Kind, shown: bool, dark: bool, ratio: float = 1.0) -> QPixmap:
    """A rounded square as the highlight looks on the page: tinted with a solid edge, or just the edge."""
    image = QPixmap(round(SWATCH * ratio), round(SWATCH * ratio))
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = QColor(kind.colour)
    painter.setPen(edge.lighter(150) if dark else edge)  # the pure hues sink into dark paper
    painter.setBrush(highlight_colour(kind.key, dark) if shown else Qt.GlobalColor.transparent)
    painter.drawRoundedRect(QRectF(1.5, 1.5, SWATCH - 3, SWATCH - 3), 3, 3)
    painter.end()
    return image


def legend_bar(legend: StructureLegend) -> QWidget:
    """The legend's row under the reader's toolbar, the room to spare after it."""
    bar = QWidget()
    bar.setObjectName("legendBar")
    row = QHBoxLayout(bar)
    row.setContentsMargins(8, 0, 8, 4)
    row.addWidget(legend)
    row.addStretch(1)
    # A narrow window clips the legend rather than being held wide by it.
    bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return bar


class StructureLegend(QWidget):
    """One toggle per kind ("Items 7"). `kinds_changed(set[str])` names the kinds to show.

    With `settings`, the hidden kinds are remembered for the next paper and the next start.
    """

    kinds_changed = Signal(object)  # set[str]: the kinds shown

    def __init__(self, settings: prefs.Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Structure highlights")
        self._settings = settings
        hidden: tuple[str, ...] = settings.get(prefs.HIDDEN_STRUCTURE) if settings else ()
        self._dark = False
        self._counts: dict[str, int] = {}
        self._level = FULL
        self._sizes = [QSize()] * len(LEVELS)  # the legend's size at each level of detail
        self.buttons: dict[str, QToolButton] = {}
        self._row = layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.title = QLabel("Highlights")
        self.title.setObjectName("panelCount")  # the muted caption style
        layout.addWidget(self.title)
        layout.addSpacing(4)
        for kind in KINDS:
            button = self._make_button(kind, kind.key not in hidden)
            self.buttons[kind.key] = button
            layout.addWidget(button)
        layout.addStretch(1)  # room to spare goes after the toggles, not between them
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(STYLE)
        self.set_counts({})

    def _make_button(self, kind: Kind, shown: bool) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"legend-{kind.key}")
        button.setCheckable(True)
        button.setChecked(shown)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click leaves the reader focused
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(SWATCH, SWATCH))
        button.setIcon(self._icon(kind))
        button.toggled.connect(self._toggled)
        return button

    def _icon(self, kind: Kind) -> QIcon:
        icon = QIcon()
        ratio = self.devicePixelRatioF()
        icon.addPixmap(swatch(kind, True, self._dark, ratio), QIcon.Mode.Normal, QIcon.State.On)
        icon.addPixmap(swatch(kind, False, self._dark, ratio), QIcon.Mode.Normal, QIcon.State.Off)
        return icon

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show how many of each kind the open paper has; a kind it has none of is greyed out."""
        self._counts = {kind.key: counts.get(kind.key, 0) for kind in KINDS}
        for kind in KINDS:
            count = self._counts[kind.key]
            button = self.buttons[kind.key]
            button.setEnabled(count > 0)
            noun = kind.name.lower()
            button.setAccessibleName(f"{kind.name} highlights, {count} found")
            button.setToolTip(f"Show or hide the highlights of {noun} ({count} in this paper)")
        for level in LEVELS:
            self._label(level)
            self._sizes[level] = self._row.sizeHint()
        self.updateGeometry()
        self._label(self._fitting(self.width()) if self.isVisible() else FULL)

    def _label(self, level: int) -> None:
        """Caption, names and counts ("Items 7"); with less room no caption; with little, counts only."""
        self._level = level
        self.title.setVisible(level == FULL)
        for kind in KINDS:
            count = self._counts.get(kind.key, 0)
            self.buttons[kind.key].setText(str(count) if level == COUNTS else f"{kind.name} {count}")
        self._row.invalidate()

    def _fitting(self, width: int) -> int:
        return next((level for level in LEVELS if self._sizes[level].width() <= width), COUNTS)

    def sizeHint(self) -> QSize:
        # Always the full size, so a pane that grows again gives the names their room back.
        return self._sizes[FULL]

    def minimumSizeHint(self) -> QSize:
        return self._sizes[COUNTS]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        level = self._fitting(event.size().width())
        if level != self._level:
            self._label(level)

    def set_theme(self, theme: Theme) -> None:
        """Draw the swatches as the highlights look on this theme's paper."""
        if theme.dark == self._dark:
            return  # drawn so already (at start, a light theme: not twice before the first frame)
        self._dark = theme.dark
        for kind in KINDS:
            self.buttons[kind.key].setIcon(self._icon(kind))

    def shown_kinds(self) -> set[str]:
        return {key for key, button in self.buttons.items() if button.isChecked()}

    def set_shown_kinds(self, kinds: Iterable[str]) -> None:
        """Check exactly `kinds` (emits `kinds_changed` once if that changes anything)."""
        wanted = set(kinds)
        if wanted == self.shown_kinds():
            return
        for key, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(key in wanted)
            button.blockSignals(False)
        self._toggled()

    def _toggled(self, _checked: bool = False) -> None:
        shown = self.shown_kinds()
        if self._settings is not None:
            hidden = tuple(kind.key for kind in KINDS if kind.key not in shown)
            self._settings.set(prefs.HIDDEN_STRUCTURE, hidden)
        self.kinds_changed.emit(shown)
