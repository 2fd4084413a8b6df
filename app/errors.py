"""Expected problems, each carrying a message fit to show the user."""

from __future__ import annotations


class AppError(Exception):
    """A problem the user can understand and act on (bad file, wrong password…)."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class UnreadableFile(AppError):
    """The file is missing, a folder, empty, corrupt or in a format we cannot read."""


class UnsupportedFormat(UnreadableFile):
    """No loader accepts the file's format."""


class PasswordRequired(AppError):
    """The document is encrypted and no password (or a wrong one) was given."""

    def __init__(self, message: str, *, wrong: bool = False) -> None:
        super().__init__(message)
        self.wrong = wrong


class ParseTimeout(AppError):
    """Reading the file took longer than allowed."""


class NotInLibrary(AppError):
    """A document was named that the library does not hold."""
