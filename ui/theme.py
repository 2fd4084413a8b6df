"""Light and dark themes: palette, stylesheet and reader colours, following the OS unless overridden."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from string import Template

from app import settings as prefs

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

import resources

SYSTEM = "system"


@dataclass(frozen=True)
class Theme:
    """The colours of one theme; names match the `$placeholders` of quorum.qss."""

    name: str
    window: str
    base: str
    paper: str
    text: str
    muted: str
    accent: str
    accent_hover: str
    on_accent: str
    border: str
    selection: str
    group: str
    heading: str

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Theme(
    name="light",
    window="#f3f2ee",
    base="#ffffff",
    paper="#fdfcfa",
    text="#22252a",
    muted="#6a6f78",
    accent="#2d6a9f",
    accent_hover="#245a88",
    on_accent="#ffffff",
    border="#dedbd3",
    selection="#d9e7f4",
    group="#f1efea",
    heading="#1b3b5a",
)

DARK = Theme(
    name="dark",
    window="#1d1f22",
    base="#25282c",
    paper="#212327",
    text="#e3e1dc",
    muted="#9a9fa7",
    accent="#79aee0",
    accent_hover="#93bfe8",
    on_accent="#10263a",
    border="#383b41",
    selection="#2e4a66",
    group="#2c2f34",
    heading="#a9cdee",
)

# For reading only (the text view's paper): warm paper, brown ink, gentler than white at night.
SEPIA = Theme(
    name="sepia",
    window="#efe6d2",
    base="#f8f1e1",
    paper="#f4ecd8",
    text="#3b2f23",
    muted="#7a6a55",
    accent="#8a5a2b",
    accent_hover="#734a22",
    on_accent="#fffaf0",
    border="#dccfb2",
    selection="#e6d3ad",
    group="#ece2cb",
    heading="#5a3818",
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}
READING_THEMES = {**THEMES, SEPIA.name: SEPIA}


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> Theme:
    """The theme for a preference value: `light`, `dark`, or `system` (the OS colour scheme)."""
    if choice == SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return THEMES.get(choice, LIGHT)


def palette(theme: Theme) -> QPalette:
    result = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.group,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.selection,
        QPalette.ColorRole.HighlightedText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.Mid: theme.border,
    }
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return result


def stylesheet(theme: Theme) -> str:
    source = resources.read_text("styles", "quorum.qss")
    return Template(source).substitute(asdict(theme))


class ThemeController(QObject):
    """Keeps the application's look in step with the preference and the OS colour scheme."""

    changed = Signal(object)  # Theme

    def __init__(self, app: QApplication, settings: prefs.Settings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self.current = resolve(settings.get(prefs.THEME))
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._apply()

    @property
    def choice(self) -> str:
        return self._settings.get(prefs.THEME)

    def choose(self, choice: str) -> None:
        self._settings.set(prefs.THEME, choice)
        self._update()

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self._update()

    def _update(self) -> None:
        theme = resolve(self.choice)
        if theme != self.current:
            self.current = theme
            self._apply()
            self.changed.emit(theme)

    def _apply(self) -> None:
        self._app.setPalette(palette(self.current))
        self._app.setStyleSheet(stylesheet(self.current))
