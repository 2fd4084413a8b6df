"""A calm placeholder for a panel with nothing to show yet: icon, one-line title, a hint, an action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui import icons
from ui.theme import Theme


class EmptyState(QWidget):
    """Centred icon, title and explanation; optionally one button for the obvious next step."""

    def __init__(
        self,
        icon: str,
        title: str,
        text: str,
        *,
        icon_size: int = 40,
        action: tuple[str, Callable[[], None]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._icon_name, self._icon_size = icon, icon_size
        self.icon = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("emptyTitle")
        self.text = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
        self.text.setObjectName("emptyText")
        self.title.setWordWrap(True)
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.button: QPushButton | None = None
        if action is not None:
            self.button = QPushButton(action[0])
            self.button.setObjectName("primary")
            self.button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.button.clicked.connect(action[1])
            layout.addSpacing(8)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_theme(self, theme: Theme) -> None:
        colour = theme.muted if self._icon_name != "quorum" else None
        self.icon.setPixmap(icons.pixmap(self._icon_name, self._icon_size, colour, self.devicePixelRatioF()))
