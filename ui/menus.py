"""The main window's menus and shortcuts, wired to the window's own slots."""

from __future__ import annotations

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
    """Create File, View and Help; return the actions other code needs, by name."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    file_menu = bar.addMenu("&File")
    actions["open"] = file_menu.addAction("&Open…", QKeySequence.StandardKey.Open, window.choose_files)
    window.recent_menu = QMenu("Open &Recent", file_menu)
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    actions["print"] = file_menu.addAction("&Print…", QKeySequence.StandardKey.Print, window.print_document)
    actions["print-pdf"] = file_menu.addAction(
        "Print to P&DF…", QKeySequence("Ctrl+Shift+P"), window.choose_pdf_to_print
    )
    file_menu.addSeparator()
    actions["quit"] = file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, window.close)

    reader = window.reader
    edit_menu = bar.addMenu("&Edit")
    actions["find"] = edit_menu.addAction("&Find…", QKeySequence.StandardKey.Find, reader.open_find)
    actions["find-next"] = edit_menu.addAction(
        "Find &Next", QKeySequence.StandardKey.FindNext, lambda: reader.step_hit(+1)
    )
    actions["find-previous"] = edit_menu.addAction(
        "Find Pre&vious", QKeySequence.StandardKey.FindPrevious, lambda: reader.step_hit(-1)
    )

    view_menu = bar.addMenu("&View")
    view_menu.addAction(reader.toolbar.page_action)
    view_menu.addAction(reader.toolbar.text_action)
    view_menu.addSeparator()
    actions["bigger"] = view_menu.addAction("&Bigger Text", window.text_bigger)
    actions["bigger"].setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    actions["smaller"] = view_menu.addAction("&Smaller Text", QKeySequence("Ctrl+-"), window.text_smaller)
    actions["reset"] = view_menu.addAction("&Actual Size", QKeySequence("Ctrl+0"), window.text_reset)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    group = QActionGroup(theme_menu)
    for choice, title in THEME_CHOICES:
        action = theme_menu.addAction(title, partial(window.choose_theme, choice))
        action.setCheckable(True)
        action.setChecked(window.themes.choice == choice)
        group.addAction(action)
        actions[f"theme-{choice}"] = action
    colours_menu = view_menu.addMenu("&Reading Colours")
    colours = QActionGroup(colours_menu)
    for choice, title in READING_CHOICES:
        action = colours_menu.addAction(title, partial(reader.set_reading_colours, choice))
        action.setCheckable(True)
        action.setChecked(window.settings.get(prefs.READER_COLOURS) == choice)
        colours.addAction(action)
        actions[f"reading-{choice}"] = action
    actions["font"] = view_menu.addAction("Reading &Font…", window.choose_reading_font)
    view_menu.addSeparator()
    for dock in window.docks():
        view_menu.addAction(dock.toggleViewAction())

    go_menu = bar.addMenu("&Go")
    actions["back"] = go_menu.addAction("&Back", QKeySequence("Alt+Left"), reader.go_back)
    actions["forward"] = go_menu.addAction("&Forward", QKeySequence("Alt+Right"), reader.go_forward)

    help_menu = bar.addMenu("&Help")
    actions["about"] = help_menu.addAction(f"&About {window.app_name}", window.show_about)
    return actions
