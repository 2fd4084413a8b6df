"""The main window's menus and shortcuts, wired to the window's own slots."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from app import settings as prefs

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow

THEME_CHOICES = (("system", "Follow System"), ("light", "Light"), ("dark", "Dark"))
READING_CHOICES = (("app", "As the Theme"), ("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia"))


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create File, Edit, View, Go and Help; return the actions other code needs, by name."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()
    _file_menu(window, bar.addMenu("&File"), actions)
    reader = window.reader
    edit_menu = bar.addMenu("&Edit")
    actions["find"] = edit_menu.addAction("&Find…", QKeySequence.StandardKey.Find, reader.open_find)
    actions["find-next"] = edit_menu.addAction(
        "Find &Next", QKeySequence.StandardKey.FindNext, lambda: reader.step_hit(+1)
    )
    actions["find-previous"] = edit_menu.addAction(
        "Find Pre&vious", QKeySequence.StandardKey.FindPrevious, lambda: reader.step_hit(-1)
    )
    _view_menu(window, bar.addMenu("&View"), actions)
    go_menu = bar.addMenu("&Go")
    actions["back"] = go_menu.addAction("&Back", QKeySequence("Alt+Left"), reader.go_back)
    actions["forward"] = go_menu.addAction("&Forward", QKeySequence("Alt+Right"), reader.go_forward)
    help_menu = bar.addMenu("&Help")
    actions["about"] = help_menu.addAction(f"&About {window.app_name}", window.show_about)
    return actions


def _file_menu(window: MainWindow, file_menu: QMenu, actions: dict[str, QAction]) -> None:
    actions["open"] = file_menu.addAction("&Open…", QKeySequence.StandardKey.Open, window.choose_files)
    window.recent_menu = QMenu("Open &Recent", file_menu)
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    # Lambdas: `window.printing` (Qt's print support) is made on first use, not with the menu.
    print_document = lambda: window.printing.print_document()  # noqa: E731, PLW0108
    print_to_pdf = lambda: window.printing.choose_pdf()  # noqa: E731, PLW0108
    actions["print"] = file_menu.addAction("&Print…", QKeySequence.StandardKey.Print, print_document)
    actions["print-pdf"] = file_menu.addAction("Print to P&DF…", QKeySequence("Ctrl+Shift+P"), print_to_pdf)
    file_menu.addSeparator()
    actions["quit"] = file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, window.close)


def _choices(
    menu: QMenu, choices: tuple[tuple[str, str], ...], current: str, choose: Callable[[str], None]
) -> dict[str, QAction]:
    """One checkable action per choice, exclusive, the current one checked."""
    group = QActionGroup(menu)
    made = {}
    for choice, title in choices:
        action = menu.addAction(title, partial(choose, choice))
        action.setCheckable(True)
        action.setChecked(current == choice)
        group.addAction(action)
        made[choice] = action
    return made


def _view_menu(window: MainWindow, view_menu: QMenu, actions: dict[str, QAction]) -> None:
    reader = window.reader
    view_menu.addAction(reader.toolbar.page_action)
    view_menu.addAction(reader.toolbar.text_action)
    view_menu.addSeparator()
    actions["bigger"] = view_menu.addAction("&Bigger Text", window.text_bigger)
    actions["bigger"].setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    actions["smaller"] = view_menu.addAction("&Smaller Text", QKeySequence("Ctrl+-"), window.text_smaller)
    actions["reset"] = view_menu.addAction("&Actual Size", QKeySequence("Ctrl+0"), window.text_reset)
    view_menu.addSeparator()
    themes = _choices(view_menu.addMenu("&Theme"), THEME_CHOICES, window.themes.choice, window.choose_theme)
    actions.update({f"theme-{choice}": action for choice, action in themes.items()})
    colours = _choices(
        view_menu.addMenu("&Reading Colours"),
        READING_CHOICES,
        window.settings.get(prefs.READER_COLOURS),
        reader.set_reading_colours,
    )
    actions.update({f"reading-{choice}": action for choice, action in colours.items()})
    actions["font"] = view_menu.addAction("Reading &Font…", window.choose_reading_font)
    view_menu.addSeparator()
    for dock in window.docks():
        view_menu.addAction(dock.toggleViewAction())
