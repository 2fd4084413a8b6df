"""Annotations in the main window: the dock, the selection toolbar, marks in the text, menus and dialogs.

Installed on a built `MainWindow` from the outside (`install_annotations`), so the
window and the reader need no annotation code of their own.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import NAME
from app.errors import AppError
from app.model import Annotation, Changes, Document

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ui.annotation_marks import TextAnnotations
from ui.models.annotations_model import ANNOTATION_ROLE
from ui.page_annotations import PageAnnotations
from ui.panels.annotations_panel import AnnotationsPanel, bind
from ui.reader.reader_pane import PAGE
from ui.reader.selection_toolbar import SelectionToolbar
from ui.tasks import Tasks
from ui.theme import Theme
from ui.undo import AnnotationController

if TYPE_CHECKING:
    from app.library import Library

    from ui.dialogs.all_annotations import AllAnnotationsDialog
    from ui.dialogs.restore_backup import RestoreBackupDialog
    from ui.dialogs.tags_dialog import TagsDialog
    from ui.main_window import MainWindow

log = logging.getLogger("quorum")

NO_SELECTION = "Select words in the paper first, then try again."
NOT_FOUND = "The selected words were not found in the paper's text: select them in the text view."


def _menu(bar: QMenuBar, title: str) -> QMenu | None:
    """The menu bar's menu called `title` (ignoring its & mnemonic), if there is one."""
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    return None


class AnnotationsUi(QObject):
    """Holds the annotation controller (and its undo stack) and the components that show and make
    annotations, and keeps them on the document the reader shows."""

    def __init__(self, window: MainWindow, tasks: Tasks) -> None:
        super().__init__(window)
        self.window, self.tasks, self.reader = window, tasks, window.reader
        self.controller = AnnotationController(tasks, self)
        self.controller.passwords = self.reader.passwords  # the same dict: a password typed later counts
        self.panel = AnnotationsPanel(tasks)
        bind(self.panel, self.controller)
        self.marks = TextAnnotations(self.reader, self)
        self.page_marks = PageAnnotations(self.reader)
        self.toolbar = SelectionToolbar(self.reader.text_view.browser.viewport())
        self.document_id: int | None = None
        self.pending_jump: tuple[int, int] | None = None  # (document, offset) once it is open
        self.attached: TextAnnotations | PageAnnotations | None = None  # whose selection the toolbar is by
        self.jumped: str | None = None  # the annotation last gone to from the dock
        self.tags_dialog: TagsDialog | None = None
        self.all_dialog: AllAnnotationsDialog | None = None
        self.restore_dialog: RestoreBackupDialog | None = None
        self.actions: dict[str, QAction] = {}
        window.annotations_dock.setWidget(self.panel)
        self._connect()
        self._add_menus()
        self._add_context_menu()
        self.apply_theme(window.themes.current)
        self._follow()

    def _connect(self) -> None:
        reader, panel, controller, toolbar = self.reader, self.panel, self.controller, self.toolbar
        reader.document_shown.connect(lambda _document: self._follow())
        panel.jump_requested.connect(self.go_to_passage)
        for signal in (panel.model.modelReset, panel.model.rowsInserted, panel.model.rowsRemoved,
                       panel.model.dataChanged):  # fmt: skip
            signal.connect(self._model_changed)
        controller.changed.connect(self._changed)
        controller.failed.connect(self.window.errors.show_error)
        for layer in (self.marks, self.page_marks):
            layer.selection_made.connect(partial(self._selection_made, layer))
            layer.selection_cleared.connect(self._detach_toolbar)
        self.marks.annotation_clicked.connect(self.show_card)
        self.page_marks.annotation_clicked.connect(self.show_card)
        panel.note_escaped.connect(self.back_to_passage)
        toolbar.highlight_requested.connect(lambda colour: self.annotate(kind="highlight", colour=colour))
        toolbar.underline_requested.connect(lambda: self.annotate(kind="underline"))
        toolbar.note_requested.connect(self.note_on_selection)
        toolbar.tags_requested.connect(lambda names: self.annotate(kind="highlight", tags=names))
        toolbar.dismissed.connect(self._toolbar_dismissed)
        for view in (reader.text_view.browser, reader.pages):
            for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
                bar.valueChanged.connect(self._follow_selection)
        self.window.themes.changed.connect(self.apply_theme)

    # -- menus -----------------------------------------------------------------------------
    def _add_menus(self) -> None:
        bar = self.window.menuBar()
        self._add_edit_menu(_menu(bar, "Edit") or self._new_menu_after(bar, "&Edit", "File"))
        tools = QMenu("&Annotations", bar)
        help_menu = _menu(bar, "Help")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), tools)
        else:
            bar.addMenu(tools)
        self._add(tools, "tags", "&Tags…", "", self.show_tags)
        self._add(tools, "all", "&All Annotations…", "Ctrl+Shift+A", self.show_all)
        file_menu = _menu(bar, "File")
        if file_menu is not None:
            restore = QAction("Restore from &Backup…", file_menu)
            restore.triggered.connect(self.show_restore)
            quit_action = self.window.menu_actions.get("quit")
            file_menu.insertAction(quit_action, restore)  # type: ignore[arg-type]
            file_menu.insertSeparator(quit_action)  # type: ignore[arg-type]
            self.actions["restore"] = restore

    def _add_edit_menu(self, edit: QMenu) -> None:
        """Undo and Redo first, the annotation actions after what the menu has already."""
        undo = self.controller.stack.createUndoAction(self.window, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.controller.stack.createRedoAction(self.window, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        existing = edit.actions()
        if existing:
            edit.insertActions(existing[0], [undo, redo])
            edit.insertSeparator(existing[0])
        else:
            edit.addActions([undo, redo])
        self.actions.update(undo=undo, redo=redo)
        edit.addSeparator()
        for kind, keys in (("highlight", "Ctrl+H"), ("underline", "Ctrl+U")):
            self._add(edit, kind, f"&{kind.capitalize()} Selection", keys, partial(self.annotate, kind=kind))
        self._add(edit, "note", "Add &Note to Selection", "Ctrl+Shift+N", self.note_on_selection)
        self._add(edit, "paper-note", "Note on the &Whole Paper", "", self.note_on_paper)
        go = self._add(edit, "go-to-note", "&Go to Note of Passage", "F2", self.go_to_note)
        # F2 in the dock edits the current note: here it works only while the reader has the keyboard.
        go.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reader.addAction(go)

    def _new_menu_after(self, bar: QMenuBar, title: str, after: str) -> QMenu:
        menu = QMenu(title, bar)
        actions = bar.actions()
        names = [action.text().replace("&", "") for action in actions]
        if after in names[:-1]:
            bar.insertMenu(actions[names.index(after) + 1], menu)
        else:
            bar.addMenu(menu)
        return menu

    def _add(self, menu: QMenu, name: str, text: str, keys: str, slot: Any) -> QAction:
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = action
        return action

    def _add_context_menu(self) -> None:
        for view in (self.reader.text_view.browser, self.reader.pages):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._context_menu)

    def context_menu(self, point: QPoint) -> QMenu:
        """The menu at `point` of the view shown (viewport coordinates): in the text view its own
        (Copy, Select All) first; then the annotation actions, and Go to Note over an annotation."""
        layer = self._layer()
        if isinstance(layer, TextAnnotations):
            menu = layer.browser.createStandardContextMenu(point)
            menu.addSeparator()
        else:
            menu = QMenu(self.reader.pages)
        selected = layer.selected_span() is not None
        for name in ("highlight", "underline", "note"):
            shared = self.actions[name]
            action = menu.addAction(shared.text().replace(" Selection", "").replace(" to", ""))
            action.setEnabled(selected)
            action.triggered.connect(shared.trigger)
        under = layer.annotation_at(point)
        chosen = under.id if under is not None else self.annotation_here()
        if chosen is not None:
            go = menu.addAction("Go to Note")
            go.setShortcut(self.actions["go-to-note"].shortcut())
            go.triggered.connect(lambda _checked=False: self.reveal(chosen))
        return menu

    def _context_menu(self, point: QPoint) -> None:
        self.context_menu(point).exec(_viewport(self._layer()).mapToGlobal(point))

    # -- following the reader -------------------------------------------------------------
    def _follow(self) -> None:
        document = self.reader.document
        shown = document.id if document is not None else None
        if shown != self.document_id:
            self.document_id = shown
            self._detach_toolbar()
            self.jumped = None
            self.marks.set_annotations([])
            self.page_marks.set_annotations([])
            self.panel.show_document(shown)
            if shown is not None:  # annotations made before their boxes were worked out get them now
                self.controller.fill_quads(document_id=shown)
        if self.pending_jump is not None and self.pending_jump[0] == shown:
            offset = self.pending_jump[1]
            self.pending_jump = None
            # After the reader has finished showing the document (it restores the last position).
            QTimer.singleShot(0, lambda: self.reader.jump_to_offset(offset))

    def _model_changed(self) -> None:
        model = self.panel.model
        if model.document_id == self.document_id:
            self.marks.set_annotations(model.annotations())
            self.page_marks.set_annotations(model.annotations())

    def _changed(self, changes: Changes) -> None:
        self.window.refresh(changes)
        if changes.tags:
            self.load_tags()
        if self.all_dialog is not None:
            self.all_dialog.refresh(changes)

    def apply_theme(self, theme: Theme) -> None:
        self.panel.set_theme(theme)
        self.marks.set_dark(theme.dark)

    def load_tags(self) -> None:
        """Offer the library's tags in the toolbar's tag box."""
        self.tasks.run(
            lambda library: [tag["name"] for tag in library.tags()], self.toolbar.set_tags, key="toolbar-tags"
        )

    # -- making annotations ------------------------------------------------------------------
    def _selection_made(self, layer: TextAnnotations | PageAnnotations, rect: QRect) -> None:
        if self.document_id is None:
            return
        viewport = _viewport(layer)
        if self.toolbar.parentWidget() is not viewport:  # one toolbar, over whichever view is shown
            self.toolbar.setParent(viewport)
        self.attached = layer
        self.toolbar.show_near(rect)

    def _follow_selection(self) -> None:
        """The toolbar stays by the selection as its view scrolls, and is hidden while it is out of sight."""
        layer = self.attached
        if layer is None:
            return
        if layer.selected_span() is None:
            self._detach_toolbar()
            return
        self.toolbar.follow(layer.selection_rect(), _viewport(layer).rect())

    def _detach_toolbar(self) -> None:
        self.attached = None
        self.toolbar.hide()

    def _toolbar_dismissed(self) -> None:
        self.attached = None
        self.reader.focus_view()

    def _layer(self) -> TextAnnotations | PageAnnotations:
        return self.page_marks if self.reader.mode == PAGE else self.marks

    def annotate(self, **options: Any) -> str | None:
        """Annotate the selection in the view shown (options: kind, colour, note, tags); returns its id."""
        layer = self._layer()
        span = layer.selected_span()
        if span is None or self.document_id is None:
            unmapped = self.reader.mode == PAGE and self.reader.pages.has_selection()
            self.window.status(NOT_FOUND if unmapped else NO_SELECTION)
            return None
        if isinstance(layer, PageAnnotations):  # the page's exact word boxes, drawn as they were selected
            options["quads"] = layer.selected_quads()
        annotation_id = self.controller.add(self.document_id, *span, **options)
        self._detach_toolbar()
        layer.clear_selection()
        return annotation_id

    def note_on_selection(self) -> None:
        annotation_id = self.annotate(kind="note")
        if annotation_id is not None:
            self.window.annotations_dock.show()
            self.panel.edit_note_when_shown(annotation_id)

    def note_on_paper(self) -> None:
        if self.document_id is None:
            self.window.status("Open a paper to add a note on it.")
            return
        self.window.annotations_dock.show()
        self.panel.document_note_requested.emit(self.document_id)

    def show_card(self, annotation_id: str) -> bool:
        """A click on a passage: its card selected and in sight in the dock, the keyboard left in the
        reader (so the reading keys go on scrolling the paper, not typing into the note)."""
        self.window.annotations_dock.show()
        self.window.annotations_dock.raise_()
        self.jumped = annotation_id
        return self.panel.select_annotation(annotation_id)

    def reveal(self, annotation_id: str) -> None:
        """The passage links back to its note (F2, Go to Note): card selected, the note ready for typing."""
        if self.show_card(annotation_id):
            self.panel.editor.text.setFocus()

    def back_to_passage(self, annotation_id: str) -> None:
        """Esc in a note: the keyboard back in the reader at its passage (the list, for a note on the
        whole paper), scrolling only if the passage is out of sight."""
        found = [a for a in self.panel.model.annotations() if a.id == annotation_id]
        start = found[0].anchor.start if found else None
        if start is None or self.document_id != found[0].document_id:
            self.panel.view.setFocus()
            return
        self.jumped = annotation_id
        if self.reader.mode == PAGE:
            if not self.page_marks.in_sight(found[0]):
                self.reader.jump_to_offset(start)
        else:
            self.marks.place_caret(start)  # the text view scrolls just enough to show the caret
        self.reader.focus_view()

    def annotation_here(self) -> str | None:
        """The annotation under the caret or selection in the view shown (in the page view, without a
        selection: the one last gone to from the dock)."""
        layer = self._layer()
        span = layer.selected_span()
        if span is None and isinstance(layer, TextAnnotations):
            span = layer.caret_span()
        if span is None:
            return self.jumped if layer is self.page_marks else None
        found = layer.annotation_in(*span)
        return None if found is None else found.id

    def go_to_note(self) -> None:
        """From a passage to its note in the dock (keyboard: F2 in the reader)."""
        annotation_id = self.annotation_here()
        if annotation_id is None:
            self.window.status("There is no annotation here: put the cursor in a highlighted passage.")
            return
        self.reveal(annotation_id)

    def go_to_passage(self, start: int) -> None:
        """From the dock to the passage: shown near the top, the keyboard in the view, the caret on it."""
        current = self.panel.view.currentIndex().data(ANNOTATION_ROLE)
        self.jumped = current.id if isinstance(current, Annotation) else None
        self.reader.jump_to_offset(start)
        if self.reader.mode != PAGE:
            self.marks.place_caret(start)
        self.reader.focus_view()

    # -- dialogs ----------------------------------------------------------------------------
    def show_tags(self) -> TagsDialog:
        if self.tags_dialog is None:
            from ui.dialogs.tags_dialog import TagsDialog  # loaded when first asked for, not at start-up

            self.tags_dialog = TagsDialog(self.tasks, self.controller, self.window)
        self.tags_dialog.reload()
        self.tags_dialog.show()
        self.tags_dialog.raise_()
        return self.tags_dialog

    def show_all(self) -> AllAnnotationsDialog:
        if self.all_dialog is None:
            from ui.dialogs.all_annotations import AllAnnotationsDialog  # loaded when first asked for

            self.all_dialog = AllAnnotationsDialog(self.tasks, self.window)
            self.all_dialog.open_requested.connect(self.open_in_context)
        self.all_dialog.reload()
        self.all_dialog.show()
        self.all_dialog.raise_()
        return self.all_dialog

    def open_in_context(self, document_id: int, start: int) -> None:
        """Open a document and go to `start` (-1: a note on the whole paper, its top)."""
        if start >= 0 and self.document_id == document_id:
            self.reader.jump_to_offset(start)
            return
        self.pending_jump = (document_id, start) if start >= 0 else None
        self.window.open_document(document_id)

    def show_restore(self) -> RestoreBackupDialog:
        if self.restore_dialog is None:
            from ui.dialogs.restore_backup import RestoreBackupDialog  # loaded when first asked for

            self.restore_dialog = RestoreBackupDialog(self.tasks, self.window)
            self.restore_dialog.restored.connect(self._restored)
        self.restore_dialog.reload()
        self.restore_dialog.show()
        return self.restore_dialog

    def _restored(self, aside: Path | None) -> None:
        """The library is another one now (the lane closed the database, swapped the file and reopened
        it): nothing undoable matches it, everything shown is re-read, and a paper the backup does not
        hold is closed."""
        self.controller.stack.clear()
        self.tasks.run(lambda library: library.documents(), self._reload_after_restore)
        self.load_tags()
        if self.all_dialog is not None:
            self.all_dialog.reload()
        kept = f" The library as it was is kept in {aside}." if aside else ""
        self.window.status("Library restored from the backup." + kept)

    def _reload_after_restore(self, documents: list[Document]) -> None:
        self.window.library_model.set_documents(documents)
        shown = self.reader.document
        if shown is not None and not any(d.id == shown.id and d.sha256 == shown.sha256 for d in documents):
            self.reader.close_document()  # not in the backup: nothing of it can be annotated now
            self.window.center.setCurrentWidget(self.window.welcome)
            self.window.setWindowTitle(NAME)
            return
        self.panel.show_document(self.document_id)
        if self.document_id is not None:
            self.controller.fill_quads(document_id=self.document_id)

    # -- start --------------------------------------------------------------------------------
    def back_up_if_due(self) -> None:
        """The day's backup, on the lane; a failure is logged, never shown as an error."""
        self.tasks.run(_backup, _backed_up, on_error=_backup_failed)


def _viewport(layer: TextAnnotations | PageAnnotations) -> QWidget:
    return layer.browser.viewport() if isinstance(layer, TextAnnotations) else layer.pages.viewport()


def _backup(library: Library) -> Path | None:
    return library.backup_if_due()


def _backed_up(made: Path | None) -> None:
    if made is not None:
        log.info("Backed up the library to %s", made)


def _backup_failed(error: AppError) -> None:
    log.warning("The daily backup was not made: %s", error)


def install_annotations(window: MainWindow, tasks: Tasks) -> AnnotationsUi:
    """Bring annotations into a built main window (once: a second call returns the first's);
    also starts the day's backup if due."""
    installed = window.findChild(AnnotationsUi)
    if isinstance(installed, AnnotationsUi):
        return installed
    annotations = AnnotationsUi(window, tasks)
    annotations.load_tags()
    annotations.back_up_if_due()
    return annotations
