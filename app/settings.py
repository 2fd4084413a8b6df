"""Every user preference declared once (type, default, title), kept as JSON in the config folder."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its key in the file, type, default, a title for people, and its limits."""

    key: str
    type: type[T]
    default: T
    title: str
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def accepts(self, value: object) -> bool:
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            return False
        if self.choices and value not in self.choices:
            return False
        # For a number the limits bound its value; for a list, its length.
        size = len(value) if isinstance(value, tuple) else value
        if not isinstance(size, int):
            return True
        if self.minimum is not None and size < self.minimum:
            return False
        return self.maximum is None or size <= self.maximum


READER_FONT_SIZE: Setting[int] = Setting(
    "reader.font_size", int, 13, "Reader text size (points)", minimum=8, maximum=32
)
THEME: Setting[str] = Setting(
    "appearance.theme", str, "system", "Colour theme", choices=("system", "light", "dark")
)
RECENT_FILES: Setting[tuple[str, ...]] = Setting(
    "files.recent", tuple, (), "Recently opened files", maximum=10
)
READER_COLOURS: Setting[str] = Setting(
    "reader.colours", str, "app", "Reading colours", choices=("app", "light", "dark", "sepia")
)
READER_FONT_FAMILY: Setting[str] = Setting("reader.font_family", str, "", "Reading font (empty: a serif)")
HIDDEN_STRUCTURE: Setting[tuple[str, ...]] = Setting(
    "reader.hidden_structure", tuple, (), "Kinds of detected structure not highlighted", maximum=12
)

ALL: tuple[Setting[Any], ...] = (
    READER_FONT_SIZE,
    READER_COLOURS,
    READER_FONT_FAMILY,
    THEME,
    RECENT_FILES,
    HIDDEN_STRUCTURE,
)


class Settings:
    """The preferences of one profile; a missing, damaged or out-of-range value reads as its default."""

    def __init__(self, config_folder: Path) -> None:
        self.path = config_folder / SETTINGS_FILE
        self._values: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            # A damaged settings file must never stop the app: defaults are a safe start.
            log.warning("Ignoring unreadable settings file %s: %s", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.key, setting.default)
        if setting.type is tuple and isinstance(value, list):
            value = tuple(value)  # JSON has no tuples
        return cast(T, value) if setting.accepts(value) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if not setting.accepts(value):
            raise ValueError(f"{value!r} is not a valid value for {setting.title!r}")
        self._values[setting.key] = list(value) if isinstance(value, tuple) else value
        self._write()

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".json.part")
        partial.write_text(json.dumps(self._values, indent=2, ensure_ascii=False), encoding="utf-8")
        # Replace in one step so a crash mid-write never leaves half a file.
        os.replace(partial, self.path)


def remember_file(settings: Settings, path: str) -> tuple[str, ...]:
    """Put `path` first in the recent-files list (at most `RECENT_FILES.maximum` entries)."""
    limit = RECENT_FILES.maximum or 10
    recent = (path, *(item for item in settings.get(RECENT_FILES) if item != path))[:limit]
    settings.set(RECENT_FILES, recent)
    return recent
