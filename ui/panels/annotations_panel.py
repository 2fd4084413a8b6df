"""The Annotations dock: a document's annotations in reading order, filtered, jumped to, edited, copied."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.annotations import COLOURS, KINDS
from app.errors import AppError
from app.model import Annotation, Changes

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.annotation_colours import swatch_icon
from ui.models.annotations_model import ANNOTATION_ROLE, AnnotationsFilter, AnnotationsModel, markdown
from ui.panels.annotation_card import AnnotationCard
from ui.panels.empty_state import EmptyState
from ui.panels.note_editor import NoteEditor
from ui.tasks import Tasks
from ui.theme import Theme
from ui.undo import AnnotationController

if TYPE_CHECKING:  # the library (sqlite, analysis) loads on the lane, not before the first paint
    from app.library import Library

LIST, EMPTY, NO_MATCH, NO_DOCUMENT = range(4)
SHORTEST_LIST = 120  # pixels: about two cards
KIND_LABELS = {"highlight": "Highlights", "underline": "Underlines", "note": "Notes"}


def _combo(name: str, everything: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(everything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(1)
    return combo


class AnnotationsPanel(QWidget):
    """Lists one document's annotations; emits intents, never writes itself.

    `jump_requested(start)` on click or Enter; `delete_requested(ids)` on Del;
    `note_edit_requested(id, text)` and `tags_edit_requested(id, names)` when edits are saved;
    `recolour_requested(ids, colour)` and `confirm_requested(id)` from the context menu;
    `annotation_selected(id)` when the current row changes;
    `document_note_requested(document_id)` from the "Note on this paper" button;
    `discard_requested(id)` when a note just made with "+ Note" is left with nothing written;
    `note_escaped(id)` on Esc in a note with nothing to put back.
    """

    jump_requested = Signal(int)
    delete_requested = Signal(list)
    note_edit_requested = Signal(str, str)
    tags_edit_requested = Signal(str, list)
    recolour_requested = Signal(list, str)
    confirm_requested = Signal(str)
    annotation_selected = Signal(str)
    document_note_requested = Signal(int)
    discard_requested = Signal(str)
    note_escaped = Signal(str)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.model = AnnotationsModel(self)
        self.proxy = AnnotationsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_list()
        self.editor = NoteEditor()
        self.editor.save_requested.connect(self.note_edit_requested)
        self.editor.tags_save_requested.connect(self.tags_edit_requested)
        self.editor.left.connect(self._note_left)
        self.editor.escaped.connect(self.note_escaped)
        # Written once (note or tags sent for saving), a note is the user's: never discarded.
        self.editor.save_requested.connect(lambda done, text: self._written(done, bool(text.strip())))
        self.editor.tags_save_requested.connect(lambda done, names: self._written(done, bool(names)))
        self._fresh: set[str] = set()  # notes made with "+ Note" and not written yet
        self.count = QLabel()
        self.count.setObjectName("annotationCount")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(
            EmptyState("annotations", "No annotations yet", "Select words in the paper and pick a colour.")
        )
        clear = ("Clear filters", self.clear_filters)
        self.pages.addWidget(
            EmptyState("annotations", "Nothing matches", "No annotation here fits the filters.", action=clear)
        )
        self.pages.addWidget(EmptyState("annotations", "No paper open", "Open a paper to see its notes."))
        # A short dock clips an empty state's words rather than holding a small window tall.
        self.pages.setMinimumHeight(SHORTEST_LIST)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        top.addWidget(self.paper_note)
        layout.addLayout(top)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for combo in (self.colours, self.kinds, self.tags):
            filters.addWidget(combo, 1)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.editor)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):  # fmt: skip
            signal.connect(self._model_changed)
        self._show_state()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by words in quote, note or tags")
        self.search.setAccessibleName("Filter annotations")
        self.search.setClearButtonEnabled(True)
        # Named like filter menus ("Colour ▾"): "All colours" and the like are cut short in a narrow dock.
        self.colours = _combo("Colour", "Colour")
        for colour in COLOURS:
            self.colours.addItem(swatch_icon(colour), colour.capitalize(), colour)
        self.kinds = _combo("Kind", "Kind")
        for kind in KINDS:
            self.kinds.addItem(KIND_LABELS[kind], kind)
        self.tags = _combo("Tag", "Tag")
        self.search.textChanged.connect(self._filter)
        self.paper_note = QToolButton()
        self.paper_note.setText("+ Note")
        self.paper_note.setToolTip("Add a note on the whole paper")
        self.paper_note.setAccessibleName("Add a note on the whole paper")
        self.paper_note.clicked.connect(self._request_document_note)
        self._pending_note: str | None = None
        for combo in (self.colours, self.kinds, self.tags):
            combo.currentIndexChanged.connect(self._filter)

    def _build_list(self) -> None:
        self.view = QListView()
        self.view.setAccessibleName("Annotations")
        self.view.setModel(self.proxy)
        self.card = AnnotationCard(self.view)
        self.view.setItemDelegate(self.card)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.actions_: dict[str, QAction] = {}
        for text, keys, slot in (
            ("Delete", QKeySequence.StandardKey.Delete, self.request_delete),
            ("Copy as Markdown", QKeySequence.StandardKey.Copy, self.copy_markdown),
            ("Edit note", QKeySequence(Qt.Key.Key_F2), self.editor_focus),
        ):
            action = QAction(text, self.view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
            self.actions_[text] = action
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def context_menu(self) -> QMenu:
        """The menu for the selected annotations: go to, colour, confirm, copy, delete."""
        menu = QMenu(self)
        chosen = self.selected()
        current = self.view.currentIndex()
        go = menu.addAction("Go to passage", lambda: self._jump(current))
        go.setEnabled(len(chosen) == 1 and chosen[0].anchor.start is not None)
        colours = menu.addMenu("Colour")
        for colour in COLOURS:
            colours.addAction(swatch_icon(colour), colour.capitalize(), lambda c=colour: self._recolour(c))
        colours.setEnabled(bool(chosen))
        if len(chosen) == 1 and chosen[0].state == "moved":
            menu.addAction("Confirm new position", lambda: self.confirm_requested.emit(chosen[0].id))
        menu.addSeparator()
        menu.addAction(self.actions_["Edit note"])
        menu.addAction(self.actions_["Copy as Markdown"])
        menu.addAction(self.actions_["Delete"])
        return menu

    def _context_menu(self, point: QPoint) -> None:
        if self.selected():
            self.context_menu().exec(self.view.viewport().mapToGlobal(point))

    def _recolour(self, colour: str) -> None:
        changing = [annotation.id for annotation in self.selected() if annotation.colour != colour]
        if changing:
            self.recolour_requested.emit(changing, colour)

    # -- loading and refreshing ----------------------------------------------------
    def show_document(self, document_id: int | None) -> None:
        """Show the annotations of `document_id` (None: no paper open)."""
        if document_id is None:
            self.model.set_annotations(None, [])
            return
        self._load_known_tags()
        self.tasks.run(
            lambda library: library.annotations(document_id),
            lambda found: self.model.set_annotations(document_id, found),
            key="annotations-panel",
        )

    def refresh(self, changes: Changes) -> None:
        """Re-read just the annotations `changes` names, if they concern the document shown."""
        document_id = self.model.document_id
        if changes.tags:
            self._load_known_tags()
        if document_id is None or document_id not in changes.documents:
            return
        if not changes.annotations:
            self.show_document(document_id)
            return
        wanted = sorted(changes.annotations)
        self.tasks.run(lambda library: _fetch(library, wanted), self.model.update)

    def _load_known_tags(self) -> None:
        self.tasks.run(lambda library: library.tags(), self._known_tags, key="annotations-panel-tags")

    def _known_tags(self, tags: list[dict[str, Any]]) -> None:
        self.editor.set_known_tags([tag["name"] for tag in tags])
        self.card.tag_colours = {tag["name"].casefold(): tag["colour"] for tag in tags if tag["colour"]}
        self.view.viewport().update()

    # -- user actions --------------------------------------------------------------
    def selected(self) -> list[Annotation]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)
        return [index.data(ANNOTATION_ROLE) for index in rows]

    def request_delete(self) -> None:
        chosen = self.selected()
        if chosen:
            self.delete_requested.emit([annotation.id for annotation in chosen])

    def copy_markdown(self) -> None:
        chosen = self.selected()
        if chosen:
            QGuiApplication.clipboard().setText("\n\n---\n\n".join(markdown(a) for a in chosen) + "\n")

    def editor_focus(self) -> None:
        if self.view.currentIndex().isValid():
            self.editor.text.setFocus()

    def edit_note_when_shown(self, annotation_id: str) -> None:
        """Select a note about to be added and put the cursor in it; left with nothing written,
        it is discarded (`discard_requested`)."""
        self._pending_note = annotation_id
        self._fresh.add(annotation_id)
        self._focus_pending_note()

    def _written(self, annotation_id: str, something: bool) -> None:
        if something:
            self._fresh.discard(annotation_id)

    def _note_left(self, annotation_id: str, empty: bool) -> None:
        if annotation_id not in self._fresh:
            return  # an annotation that was there before: a cleared note leaves it as it is
        self._fresh.discard(annotation_id)
        if empty:
            self.discard_requested.emit(annotation_id)
            focused = QApplication.focusWidget()
            if focused is not None and self.editor.isAncestorOf(focused):
                self.view.setFocus()  # Esc in the note: back to the list

    def _focus_pending_note(self) -> None:
        if self._pending_note is not None and self.select_annotation(self._pending_note):
            self._pending_note = None
            self.editor.text.setFocus()

    def _request_document_note(self) -> None:
        if self.model.document_id is not None:
            self.document_note_requested.emit(self.model.document_id)

    def select_annotation(self, annotation_id: str) -> bool:
        """Make an annotation current and visible (the passage links back to its note)."""
        row = self.model.row_of(annotation_id)
        index = self.proxy.mapFromSource(self.model.index(row)) if row is not None else QModelIndex()
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.colours, self.kinds, self.tags):
            combo.setCurrentIndex(0)

    def set_theme(self, theme: Theme) -> None:
        for page in range(1, self.pages.count()):
            widget = self.pages.widget(page)
            if isinstance(widget, EmptyState):
                widget.set_theme(theme)

    # -- internals -----------------------------------------------------------------
    def _jump(self, index: QModelIndex) -> None:
        annotation = index.data(ANNOTATION_ROLE)
        if isinstance(annotation, Annotation) and annotation.anchor.start is not None:
            self.jump_requested.emit(annotation.anchor.start)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        annotation = current.data(ANNOTATION_ROLE)
        self.editor.show_annotation(annotation if isinstance(annotation, Annotation) else None)
        self._show_editor()
        if isinstance(annotation, Annotation):
            self.annotation_selected.emit(annotation.id)

    def _show_editor(self) -> None:
        """The note editor only below a chosen card (an empty, disabled one only takes the list's room)."""
        current = self.view.currentIndex()
        wanted = self.pages.currentIndex() == LIST and current.isValid()
        if wanted == self.editor.isHidden():  # hidden by us, not merely not shown yet
            self.editor.setVisible(wanted)
            if wanted:
                self.view.scrollTo(current)  # the list just got shorter: keep the card in sight

    def _filter(self) -> None:
        self.proxy.set_criteria(
            colour=self.colours.currentData(),
            kind=self.kinds.currentData(),
            tag=self.tags.currentData(),
            text=self.search.text(),
        )
        self._show_state()

    def _model_changed(self) -> None:
        names = sorted({name for a in self.model.annotations() for name in a.tags}, key=str.casefold)
        chosen = self.tags.currentData()
        self.tags.blockSignals(True)
        while self.tags.count() > 1:
            self.tags.removeItem(1)
        for name in names:
            self.tags.addItem(f"#{name}", name)
        self.tags.setCurrentIndex(max(0, self.tags.findData(chosen)) if chosen else 0)
        self.tags.blockSignals(False)
        if chosen and self.tags.currentIndex() == 0:
            self._filter()
        current = self.view.currentIndex().data(ANNOTATION_ROLE)
        self.editor.show_annotation(current if isinstance(current, Annotation) else None)
        self._show_state()
        self._focus_pending_note()

    def _show_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self.model.document_id is None:
            page = NO_DOCUMENT
        else:
            page = LIST if shown else (NO_MATCH if total else EMPTY)
        self.pages.setCurrentIndex(page)
        self.paper_note.setEnabled(self.model.document_id is not None)
        self._show_editor()
        noun = "annotation" if total == 1 else "annotations"
        self.count.setText(f"{shown} of {total} {noun}" if shown != total else f"{total} {noun}")
        self.count.setVisible(self.model.document_id is not None and total > 0)


def _fetch(library: Library, annotation_ids: list[str]) -> dict[str, Annotation | None]:
    found: dict[str, Annotation | None] = {}
    for annotation_id in annotation_ids:
        try:
            found[annotation_id] = library.annotation(annotation_id)
        except AppError:  # deleted since: its row goes
            found[annotation_id] = None
    return found


def bind(panel: AnnotationsPanel, controller: AnnotationController) -> None:
    """Wire the panel's intents to the controller, and the controller's changes back to the panel."""
    panel.delete_requested.connect(controller.delete)
    panel.note_edit_requested.connect(controller.edit_note)
    panel.tags_edit_requested.connect(controller.set_tags)
    panel.recolour_requested.connect(controller.recolour_all)
    panel.confirm_requested.connect(controller.confirm_position)
    panel.discard_requested.connect(controller.discard_empty_note)
    controller.changed.connect(panel.refresh)

    def note_on_paper(document_id: int) -> None:
        panel.edit_note_when_shown(controller.add(document_id, None, None, kind="note"))

    panel.document_note_requested.connect(note_on_paper)
