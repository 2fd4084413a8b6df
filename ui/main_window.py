"""The main window: library, reader and docks wired together; no business logic of its own."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from app import NAME, ingest
from app import settings as prefs
from app.errors import AppError, PasswordRequired
from app.model import Analysis, Changes, Document, DocumentText
from app.paths import Paths
from app.positions import Positions

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from ui import menus
from ui.importer import Batch, Importer
from ui.models.library_model import LibraryModel
from ui.reader.reader_pane import PAGE, ReaderPane
from ui.tasks import Tasks
from ui.theme import Theme, ThemeController

if TYPE_CHECKING:  # the library loads on its lane, the About box when asked for: not before the first paint
    from app.library import ImportOutcome, Library

    from PySide6.QtWidgets import QFontDialog, QInputDialog

    from ui.dialogs.about import AboutDialog
    from ui.dialogs.errors import ErrorPresenter
    from ui.panels.empty_state import EmptyState
    from ui.panels.library_panel import LibraryPanel
    from ui.panels.outline_panel import OutlinePanel
    from ui.reader.printing import PrintCommands

LAYOUT_FILE = "window.ini"
LAYOUT_VERSION = 1
STATUS_MS = 8000


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class MainWindow(QMainWindow):
    """Library on the left, the reader in the middle, outline and annotations on the right."""

    app_name = NAME

    def __init__(
        self,
        tasks: Tasks,
        settings: prefs.Settings,
        themes: ThemeController,
        paths: Paths,
        *,
        pdf_first: bool = False,
    ) -> None:
        """`pdf_first`: a PDF is about to be opened (`quorum FILE.pdf`): the reader is the first page shown,
        and the welcome page is made only if it is ever needed."""
        super().__init__()
        self.tasks, self.settings, self.themes, self.paths = tasks, settings, themes, paths
        self.importer = Importer(tasks, self)
        self.setWindowTitle(NAME)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.library_model = LibraryModel(self)
        self._errors: ErrorPresenter | None = None  # its message box class: set up when first needed
        self._library_panel: LibraryPanel | None = None  # the docks' panels: made after the first frame
        self._outline_panel: OutlinePanel | None = None
        self.center = QStackedWidget()
        self.setCentralWidget(self.center)
        # Made in its place: a widget tree moved into a styled window is styled again (~5 ms).
        self.reader = ReaderPane(settings, Positions(paths.config), self.center)
        self.center.addWidget(self.reader)
        self.passwords = self.reader.passwords  # typed this session, never stored
        self.password_dialog: QInputDialog | None = None
        self._shut_down = False
        self._welcome: EmptyState | None = None
        if not pdf_first:
            self.center.setCurrentWidget(self.welcome)
        self._later_parts_added = False
        self._make_docks()
        self._make_status_bar()
        self.recent_menu: QMenu | None = None
        self.menu_actions = menus.build_menus(self)
        self._connect()
        self.apply_theme(themes.current)

    # -- construction --------------------------------------------------------------
    def _make_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        # Their panels come in when first needed (`add_later_parts`), not before the first frame.
        self.library_dock = self._dock("Library", "libraryDock", QWidget(), left)
        self.outline_dock = self._dock("Outline", "outlineDock", QWidget(), right)
        # Its content, the annotations panel, is put in by ui.annotations_wiring.
        self.annotations_dock = self._dock("Annotations", "annotationsDock", QWidget(), right)
        self.resize(1280, 800)
        self.resizeDocks([self.library_dock, self.outline_dock], [330, 270], Qt.Orientation.Horizontal)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area, dock)
        return dock

    @property
    def welcome(self) -> EmptyState:
        """The centre's page while no paper is open, made when first asked for: a PDF opened at start
        shows without it (its icon, drawn from SVG, and the imports for it cost ~10 ms)."""
        if self._welcome is None:
            from ui.panels.empty_state import EmptyState

            self._welcome = EmptyState(
                "quorum",
                "Open your meeting papers",
                "Drop minutes, agendas or reports here, or choose File ▸ Open (Ctrl+O).\n"
                "Papers you open are kept in the library on the left.",
                icon_size=72,
                action=("Open Papers…", self.choose_files),
            )
            self._welcome.setObjectName("welcome")
            self._welcome.title.setObjectName("welcomeTitle")
            self._welcome.set_theme(self.themes.current)
            self.center.addWidget(self._welcome)
        return self._welcome

    @property
    def errors(self) -> ErrorPresenter:
        """Shows expected problems in message boxes; made when first asked for."""
        if self._errors is None:
            from ui.dialogs.errors import ErrorPresenter  # QMessageBox: not before the first paint

            self._errors = ErrorPresenter(self)
        return self._errors

    def show_error(self, error: AppError) -> None:
        self.errors.show_error(error)

    def docks(self) -> tuple[QDockWidget, ...]:
        return (self.library_dock, self.outline_dock, self.annotations_dock)

    @property
    def library(self) -> LibraryPanel:
        """The library dock's panel, made and put in its dock when first asked for."""
        if self._library_panel is None:
            from ui.panels.library_panel import LibraryPanel  # with its dock, not before the first frame

            self._library_panel = LibraryPanel(self.library_model)
            self._library_panel.document_chosen.connect(self.open_document)
            self._library_panel.set_theme(self.themes.current)
            if self.reader.document is not None:
                self._library_panel.select(self.reader.document.id)
            self.library_dock.setWidget(self._library_panel)
        return self._library_panel

    @property
    def outline(self) -> OutlinePanel:
        """The outline dock's panel, made and put in its dock when first asked for."""
        if self._outline_panel is None:
            from ui.panels.outline_panel import OutlinePanel  # with its dock, not before the first frame

            self._outline_panel = OutlinePanel()
            self._outline_panel.jump_requested.connect(self.reader.jump_to_offset)
            self.reader.position_settled.connect(self._outline_panel.set_current_offset)
            self._outline_panel.set_theme(self.themes.current)
            if self.reader.document is not None:
                self._outline_panel.set_analysis(self.reader.analysis)
            self.outline_dock.setWidget(self._outline_panel)
        return self._outline_panel

    def add_later_parts(self) -> None:
        """What the first frame does without: the library and outline panels in their docks (if not
        there yet), the reader's toolbar buttons reached by Tab, the window's icon (drawn from SVG
        at six sizes) and the status bar's progress bar (shown at once if work is running)."""
        from ui import icons  # QtSvg: not before the first frame

        _panels = (self.library, self.outline)  # each made on first access
        self.reader.toolbar.make_reachable()
        self.setWindowIcon(icons.app_icon())
        self._later_parts_added = True
        self._busy_changed(self.tasks.busy)

    def _make_status_bar(self) -> None:
        self.progress_label = QLabel()
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addPermanentWidget(self.progress_label)
        self.progress_label.hide()
        # The progress bar comes in after the first frame (`add_later_parts`): Qt styles every
        # widget of a window as it is first shown, and a styled progress bar takes ~6 ms of it.
        self._progress: QProgressBar | None = None

    @property
    def progress(self) -> QProgressBar:
        """The status bar's progress bar (hidden while nothing runs), made when first asked for."""
        if self._progress is None:
            self._progress = QProgressBar(textVisible=False)
            self._progress.setMaximumWidth(140)
            self._progress.hide()
            self.statusBar().addPermanentWidget(self._progress)
        return self._progress

    def _connect(self) -> None:
        self.reader.text_view.zoom_requested.connect(lambda step: self._set_text_size(self.text_size + step))
        self.tasks.busy_changed.connect(self._busy_changed)
        self.tasks.app_error.connect(self.show_error)
        self.importer.imported.connect(self._imported)
        self.importer.progress.connect(self._import_progress)
        self.importer.batch_finished.connect(self._batch_finished)
        self.themes.changed.connect(self.apply_theme)

    def apply_theme(self, theme: Theme) -> None:
        self.reader.set_theme(theme)
        for panel in (self._library_panel, self._outline_panel, self._welcome):
            if panel is not None:
                panel.set_theme(theme)

    # -- starting -------------------------------------------------------------------
    def start(self, files: Sequence[Path] = (), demo_files: Sequence[Path] = ()) -> None:
        """Load the library list; fill an empty demo library; then import and open `files`."""

        def loaded(documents: list[Document]) -> None:
            self.library_model.set_documents(documents)
            if demo_files and not documents:
                self.status(f"Setting up the demo library ({len(demo_files)} papers)…")
                self.importer.import_paths(demo_files, quiet=True, open_result=False)

        self.tasks.run(lambda library: library.documents(), loaded)
        if files:
            self.open_files(files)  # a PDF's pages show at once; its import queues behind the list

    # -- opening --------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(ingest.FORMATS))
        from PySide6.QtWidgets import QFileDialog  # the dialogs' classes: set up when first used

        names, _ = QFileDialog.getOpenFileNames(
            self, "Open meeting papers", str(Path.home()), f"Meeting papers ({patterns});;All files (*)"
        )
        self.open_files([Path(name) for name in names])

    def open_files(self, paths: Sequence[Path]) -> Batch | None:
        """Import the files (each once, by content) and open the last one.

        The last one, if a PDF, shows its pages straight away, before its import
        (which reads and analyses the whole file) is done; a protected one asks
        for its password first (None is returned: the import waits for it).
        """
        paths = [path.expanduser().absolute() for path in paths]
        if paths and paths[-1].suffix.lower() == ".pdf":
            return self._show_pdf_then_import(paths, None)
        return self.importer.import_paths(paths)

    def _show_pdf_then_import(self, paths: list[Path], password: str | None) -> Batch | None:
        path = paths[-1]
        try:
            self._open_pdf(path, password)
        except PasswordRequired as error:
            self.ask_password(path, wrong=error.wrong or password is not None, paths=paths)
            return None
        except AppError:
            pass  # the import says what is wrong with the file
        else:
            if password is not None:
                self.passwords[path] = password
            self.setWindowTitle(f"{path.name} — {NAME}")
            if self._outline_panel is not None:
                self._outline_panel.set_analysis(None)
            # Reading the file on the lane would slow the drawing of its first page: after it.
            return self.importer.import_paths(paths, passwords=self.passwords, after=self.reader.painted)
        return self.importer.import_paths(paths, passwords=self.passwords)

    def ask_password(self, path: Path, *, wrong: bool, paths: list[Path]) -> QInputDialog:
        """Ask for a PDF's password without blocking; a wrong one asks again, Cancel skips the file."""
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setWindowTitle("Password needed")
        first = f"The password for “{path.name}” is not right. Try again:" if wrong else ""
        dialog.setLabelText(first or f"“{path.name}” is protected by a password. Enter it to open the paper:")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: self._show_pdf_then_import(paths, text))
        dialog.rejected.connect(lambda: self._password_cancelled(paths))
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def _password_cancelled(self, paths: list[Path]) -> None:
        self.status(f"Not opened: “{paths[-1].name}” needs its password.")
        if paths[:-1]:
            self.importer.import_paths(paths[:-1])

    def open_document(self, document_id: int) -> None:
        if self.reader.document is not None and self.reader.document.id == document_id:
            return

        row = self.library_model.row_of(document_id)
        known = self.library_model.document_at(row) if row is not None else None
        shown = known is not None and known.format == "pdf" and self._show_pages_first(known)

        def load(library: Library) -> tuple[Document, DocumentText, Analysis]:
            return library.document(document_id), library.text(document_id), library.analysis(document_id)

        # A long paper's text takes a while to read: not while its first page is being drawn.
        self.tasks.run(load, self._show_document, key="open", after=self.reader.painted if shown else None)

    def _show_pages_first(self, known: Document) -> bool:
        """A PDF of the library last read on its pages shows them, at the page left, while its text
        and analysis load (a protected or moved file waits for them: the text view will say what can
        be shown). True if its pages are being drawn."""
        path, left = Path(known.path), self.reader.positions.get(known.sha256)
        if left is not None and left.view != PAGE:
            return False  # it opens in the text view, which needs the text
        if self.reader.pdf_path == path:  # already on screen (opened from its file): not drawn again
            return False
        try:  # the page now; the exact place once the text is in
            self._open_pdf(path, self.passwords.get(path), left.page if left is not None else 0)
        except PasswordRequired as error:
            self.ask_password(path, wrong=error.wrong, paths=[path])  # its text shows meanwhile
            return False
        except AppError:
            return False
        return True

    def _open_pdf(self, path: Path, password: str | None, page: int = 0) -> None:
        """The reader's `open_pdf`, the reader put on screen first (its pages are drawn for its size);
        raises as it does, the centre then left as it was (the welcome page if the reader has nothing)."""
        shown = self.center.currentWidget()
        self.center.setCurrentWidget(self.reader)
        try:
            self.reader.open_pdf(path, password, page)
        except AppError:
            empty = self.reader.document is None and self.reader.pdf_path is None
            self.center.setCurrentWidget(self.welcome if empty or shown is None else shown)
            raise

    def _show_document(self, loaded: tuple[Document, DocumentText, Analysis]) -> None:
        document, text, analysis = loaded
        self.reader.show_document(document, text, analysis)
        self.outline.set_analysis(analysis)
        self.center.setCurrentWidget(self.reader)
        self.setWindowTitle(f"{document.title} — {NAME}")
        self.library.select(document.id)

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.settings.get(prefs.RECENT_FILES)
        for name in recent:
            menu.addAction(Path(name).name, partial(self.open_files, [Path(name)])).setToolTip(name)
        if recent:
            menu.addSeparator()
        menu.addAction("Clear Menu", self.clear_recent).setEnabled(bool(recent))

    def clear_recent(self) -> None:
        self.settings.set(prefs.RECENT_FILES, ())

    # -- import results -------------------------------------------------------------
    def _imported(self, outcome: ImportOutcome) -> None:
        self.refresh(outcome.changes)

    def refresh(self, changes: Changes) -> None:
        """Re-read just the documents a write changed and update their rows."""
        if not changes.documents:
            return
        ids = sorted(changes.documents)
        self.tasks.run(
            lambda library: [library.document(i) for i in ids], self.library_model.update_documents
        )

    def _import_progress(self, batch: Batch) -> None:
        if len(batch.paths) > 1 and not batch.finished:
            self.progress_label.setText(f"Importing {batch.done + 1} of {len(batch.paths)}…")
            self.progress_label.show()
            self.progress.setRange(0, len(batch.paths))
            self.progress.setValue(batch.done)

    def _batch_finished(self, batch: Batch) -> None:
        self.progress_label.hide()
        if not batch.quiet:
            failed = {name for name, _error in batch.failures}
            for path in reversed(batch.paths):  # the last one opened comes first
                if path.name not in failed:
                    prefs.remember_file(self.settings, str(path))
        self.status(self._summary(batch))
        if batch.failures and not batch.quiet:
            self.errors.show_failures(batch.failures)
        if batch.open_result and batch.outcomes:
            shown = self.reader.document
            last = batch.outcomes[-1].document
            if shown is None or shown.id != last.id:
                self.open_document(last.id)

    @staticmethod
    def _summary(batch: Batch) -> str:
        added, failed = batch.added, batch.failures
        duplicates = [outcome.document.title for outcome in batch.outcomes if outcome.duplicate]
        parts = []
        if len(batch.paths) == 1 and duplicates:
            parts.append(f"“{duplicates[0]}” is already in your library: showing it")
        elif duplicates:
            parts.append(f"{len(duplicates)} already in your library")
        if added:
            first = added[0].document.title
            parts.insert(0, f"Added “{first}”" if len(added) == 1 else f"Added {len(added)} papers")
        if failed:
            names = ", ".join(f"{name} ({error.message.split(': ', 1)[-1]})" for name, error in failed)
            parts.append(f"could not read {names}")
        return "; ".join(parts) + "."

    # -- view -------------------------------------------------------------------------
    @property
    def text_size(self) -> float:
        return self.reader.text_view.font_size

    def text_bigger(self) -> None:
        """Bigger text, or in the page view a closer zoom (one shortcut, the view decides)."""
        if self.reader.mode == PAGE:
            self.reader.pages.zoom_in()
        else:
            self._set_text_size(self.text_size + 1)

    def text_smaller(self) -> None:
        if self.reader.mode == PAGE:
            self.reader.pages.zoom_out()
        else:
            self._set_text_size(self.text_size - 1)

    def text_reset(self) -> None:
        if self.reader.mode == PAGE:
            self.reader.pages.set_zoom(1.0)
        else:
            self._set_text_size(prefs.READER_FONT_SIZE.default)

    def _set_text_size(self, size: float) -> None:
        setting = prefs.READER_FONT_SIZE
        size = int(min(max(size, setting.minimum or 8), setting.maximum or 32))
        self.settings.set(setting, size)
        self.reader.set_font_size(size)
        self.status(f"Text size {size} pt")

    def choose_reading_font(self) -> QFontDialog:
        """The font dialog, at the reading font; a choice sets the text view's family and size."""
        from ui.reader.text_view import reading_font

        text_view = self.reader.text_view
        from PySide6.QtWidgets import QFontDialog

        dialog = QFontDialog(reading_font(text_view.font_size, text_view.font_family), self)
        dialog.setWindowTitle("Reading Font")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fontSelected.connect(self.set_reading_font)
        dialog.open()
        return dialog

    def set_reading_font(self, font: QFont) -> None:
        self.reader.set_font_family(font.family())
        self._set_text_size(round(font.pointSizeF()))

    def choose_theme(self, choice: str) -> None:
        self.themes.choose(choice)

    @cached_property
    def printing(self) -> PrintCommands:
        from ui.reader.printing import PrintCommands  # Qt's print support: not before the first paint

        return PrintCommands(self.reader, self, self.status, self.errors.show_error)

    def show_about(self) -> AboutDialog:
        from ui.dialogs.about import AboutDialog  # reads package metadata: not before the first paint

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def _busy_changed(self, busy: bool) -> None:
        if self._progress is None and not self._later_parts_added:
            return  # the first frame does without: `add_later_parts` shows it if still busy
        if busy and not self.progress_label.isVisible():
            self.progress.setRange(0, 0)  # busy, amount unknown
        self.progress.setVisible(busy)

    # -- drag and drop ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event)
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # -- layout ---------------------------------------------------------------------------
    def layout_store(self) -> QSettings:
        return QSettings(str(self.paths.config / LAYOUT_FILE), QSettings.Format.IniFormat)

    def restore_layout(self) -> bool:
        store = self.layout_store()
        geometry, state = store.value("window/geometry"), store.value("window/state")
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            restored = self.restoreState(state, LAYOUT_VERSION) and restored
        return restored

    def save_layout(self) -> None:
        store = self.layout_store()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if not self._shut_down:
            self._shut_down = True
            self.reader.shut_down()
        super().closeEvent(event)
