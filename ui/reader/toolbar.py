"""The reader's toolbar: page or text view, current page box, zoom and rotation."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIntValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QToolBar, QToolButton, QWidget

FIT_WIDTH_TEXT, FIT_PAGE_TEXT = "Fit width", "Fit page"
ZOOM_STEPS = (50, 75, 100, 125, 150, 200, 300, 400)


class ReaderToolbar(QToolBar):
    """Emits what the reader asked for; `show_page`, `show_zoom` and `set_mode` keep it in step."""

    mode_chosen = Signal(str)  # "page" or "text"
    page_chosen = Signal(int)  # 0-based
    zoom_chosen = Signal(object)  # a float (1.0 = 100 %), or "fit-width" / "fit-page"
    zoom_in = Signal()
    zoom_out = Signal()
    rotate = Signal(int)  # +1 clockwise, -1 counter-clockwise

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Reader", parent)
        self.setObjectName("readerToolbar")
        self.setMovable(False)
        self.setFloatable(False)
        modes = QActionGroup(self)
        self.page_action = self._action("Page view", "Page view: the printed pages (Ctrl+1)", "Ctrl+1", True)
        self.text_action = self._action("Text view", "Text view: the text reflowed (Ctrl+2)", "Ctrl+2", True)
        for action, mode in ((self.page_action, "page"), (self.text_action, "text")):
            modes.addAction(action)
            self.addAction(action)
            action.triggered.connect(lambda _checked=False, mode=mode: self.mode_chosen.emit(mode))
        self.page_separator = self.addSeparator()
        self.page_box = QLineEdit()
        self.page_total = QLabel()
        self._add_page_box()
        zoom_separator = self.addSeparator()
        self.out_action = self._action("−", "Zoom out (Ctrl+-)")
        self.out_action.triggered.connect(self.zoom_out)
        self.addAction(self.out_action)
        self.zoom_box = QComboBox()
        zoom_box_action = self._add_zoom_box()
        self.in_action = self._action("+", "Zoom in (Ctrl+=)")
        self.in_action.triggered.connect(self.zoom_in)
        self.addAction(self.in_action)
        self.zoom_widgets = (self.out_action, zoom_box_action, self.in_action)
        # Separators go with the page view's controls: a text-only paper shows no stray bars.
        self.page_view_actions = (zoom_separator, *self.zoom_widgets, self.addSeparator())
        self.left_action = self._action("⟲", "Rotate pages counter-clockwise")
        self.right_action = self._action("⟳", "Rotate pages clockwise")
        for action, step in ((self.left_action, -1), (self.right_action, +1)):
            self.addAction(action)
            action.triggered.connect(lambda _checked=False, step=step: self.rotate.emit(step))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        # As tall as with the page box, which a paper without pages hides: the legend must not jump.
        self.setMinimumHeight(self.sizeHint().height())

    def _add_page_box(self) -> None:
        self.page_box.setAccessibleName("Current page")
        self.page_box.setToolTip("Current page: type a number and press Enter to go there")
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setFixedWidth(self.page_box.fontMetrics().horizontalAdvance("00000") + 14)
        self.page_box.returnPressed.connect(self._page_entered)
        self.page_total.setAccessibleName("Page count")
        self.page_widgets = (self.addWidget(self.page_box), self.addWidget(self.page_total))

    def _add_zoom_box(self) -> QAction:
        box = self.zoom_box
        box.setEditable(True)
        box.setAccessibleName("Zoom")
        box.setToolTip("Zoom: a percentage, Fit width or Fit page")
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems([FIT_WIDTH_TEXT, FIT_PAGE_TEXT, *(f"{step} %" for step in ZOOM_STEPS)])
        box.setMinimumContentsLength(8)
        box.activated.connect(lambda index: self._zoom_entered(box.itemText(index)))
        editor = box.lineEdit()
        assert editor is not None  # the box is editable
        editor.setAccessibleName("Zoom percentage")
        editor.returnPressed.connect(lambda: self._zoom_entered(box.currentText()))
        return self.addWidget(box)

    def make_reachable(self) -> None:
        """Toolbar buttons take no focus by default: these do (Tab reaches them), with spoken names.

        Called once the window's first frame is drawn: the first `widgetForAction`
        makes PySide6 set up every QtWidgets class (~10 ms).
        """
        for action in self.actions():
            button = self.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.setAccessibleName(action.toolTip().split(" (")[0])

    def _action(self, text: str, tip: str, shortcut: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    # -- from the reader -----------------------------------------------------------------------
    def set_mode(self, mode: str, *, has_pages: bool) -> None:
        """Show the controls that apply: page, zoom and rotation belong to the page view."""
        self.page_action.setEnabled(has_pages)
        (self.page_action if mode == "page" else self.text_action).setChecked(True)
        for action in (*self.page_view_actions, self.left_action, self.right_action):
            action.setVisible(mode == "page")

    def show_page(self, page: int, count: int) -> None:
        self.page_box.setValidator(QIntValidator(1, max(count, 1), self.page_box))
        if not self.page_box.hasFocus():
            self.page_box.setText(str(page + 1) if count else "")
        self.page_total.setText(f" / {count}")
        for action in (*self.page_widgets, self.page_separator):  # a paper without pages has none to go to
            action.setVisible(count > 0)

    def show_zoom(self, zoom: float, mode: str) -> None:
        names = {"fit-width": FIT_WIDTH_TEXT, "fit-page": FIT_PAGE_TEXT}
        text = f"{round(zoom * 100)} %"
        self.zoom_box.setEditText(text)
        self.zoom_box.setToolTip(f"Zoom {text}" + (f" ({names[mode]})" if mode in names else ""))

    # -- from the user ---------------------------------------------------------------------------
    def _page_entered(self) -> None:
        text = self.page_box.text().strip()
        if text.isdigit():
            self.page_chosen.emit(int(text) - 1)
        self.page_box.clearFocus()

    def _zoom_entered(self, text: str) -> None:
        if text == FIT_WIDTH_TEXT:
            self.zoom_chosen.emit("fit-width")
        elif text == FIT_PAGE_TEXT:
            self.zoom_chosen.emit("fit-page")
        elif match := re.search(r"\d+(?:\.\d+)?", text):
            self.zoom_chosen.emit(float(match.group()) / 100)
