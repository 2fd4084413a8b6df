"""Help ▸ About: Quorum's version and the licences of the libraries it bundles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from html import escape
from importlib import metadata

from app import NAME, __version__

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ui import icons

QUORUM_LICENCE = "AGPL-3.0-or-later"


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the installed package to read the version from
    licence: str


COMPONENTS = (
    Component("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0"),
    Component("PyMuPDF", "PyMuPDF", "AGPL-3.0"),
    Component("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    Component("whoosh-reloaded", "Whoosh-Reloaded", "BSD-2-Clause"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("python-docx", "python-docx", "MIT"),
    Component("SQLite", None, "Public domain"),
)


def component_version(component: Component) -> str:
    if component.distribution is None:
        return sqlite3.sqlite_version
    try:
        return metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def licence_rows() -> list[tuple[str, str, str]]:
    """(name, version, licence) for every bundled component, Qt's runtime version included."""
    rows = [(c.name, component_version(c), c.licence) for c in COMPONENTS]
    qt = rows[0]
    rows[0] = (qt[0], f"{PySide6.__version__} (Qt {qVersion()})", qt[2])
    return rows


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{escape(version)}</td><td>{escape(licence)}</td></tr>"
        for name, version, licence in licence_rows()
    )
    return (
        f"<p>{NAME} is free software under the {QUORUM_LICENCE} licence. It works entirely offline: "
        "your papers and notes never leave this computer.</p>"
        "<p><b>Bundled libraries</b></p>"
        f'<table cellspacing="0" cellpadding="4"><tr><th align="left">Library</th>'
        f'<th align="left">Version</th><th align="left">Licence</th></tr>{rows}</table>'
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {NAME}")
        self.setMinimumWidth(480)
        logo = QLabel()
        logo.setPixmap(icons.pixmap("quorum", 64, ratio=self.devicePixelRatioF()))
        self.heading = QLabel(
            f"<span style='font-size: 17pt; font-weight: 600'>{NAME}</span>"
            f"<br>Version {__version__}<br>Meeting papers, understood."
        )
        self.details = QTextBrowser()
        self.details.setHtml(about_html())
        self.details.setMinimumHeight(300)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 14)
        layout.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
