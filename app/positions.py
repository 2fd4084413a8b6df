"""Where the reader left each document (text offset, page, view), kept as JSON in the config folder."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

POSITIONS_FILE = "positions.json"
KEEP = 500  # documents remembered; the least recently read are forgotten first


@dataclass(frozen=True)
class Position:
    """A reading position: canonical-text `offset`, 0-based `page` (PDFs) and the view it was read in."""

    offset: int = 0
    page: int = 0
    view: str = "page"


class Positions:
    """Reading positions by document content (sha256), so a moved or renamed file keeps its place."""

    def __init__(self, config_folder: Path) -> None:
        self.path = config_folder / POSITIONS_FILE
        self._values: dict[str, dict[str, object]] = self._read()

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("Ignoring unreadable positions file %s: %s", self.path, error)
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if isinstance(value, dict)}

    def get(self, key: str) -> Position | None:
        stored = self._values.get(key)
        if stored is None:
            return None
        offset, page, view = stored.get("offset"), stored.get("page"), stored.get("view")
        if not (isinstance(offset, int) and isinstance(page, int) and view in ("page", "text")):
            return None
        return Position(max(offset, 0), max(page, 0), str(view))

    def set(self, key: str, position: Position) -> None:
        self._values.pop(key, None)
        self._values[key] = asdict(position)  # last written last: the dict's order is recency
        while len(self._values) > KEEP:
            del self._values[next(iter(self._values))]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".json.part")
        partial.write_text(json.dumps(self._values, indent=1), encoding="utf-8")
        os.replace(partial, self.path)  # in one step: a crash never leaves half a file
