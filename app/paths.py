"""Where Quorum keeps its data, configuration, cache, index and logs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import NAME

HOME_ENV = "QUORUM_HOME"


@dataclass(frozen=True)
class Paths:
    """The folders of one profile; `QUORUM_HOME` puts them all under one folder."""

    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "library.sqlite3"

    @property
    def index(self) -> Path:
        return self.cache / "index"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    def ensure(self) -> Paths:
        for folder in (self.data, self.config, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def profile(home: Path | None = None, *, demo: bool = False) -> Paths:
    """The profile's folders: `home`, else `$QUORUM_HOME`, else the platform's own.

    `demo` selects a separate profile for the demo library, so trying the
    demo never mixes sample papers into the user's own library.
    """
    root = home or (Path(os.environ[HOME_ENV]) if os.environ.get(HOME_ENV) else None)
    if root is not None:
        root = root / "demo" if demo else root
        return Paths(root / "data", root / "config", root / "cache", root / "logs")
    dirs = platformdirs.PlatformDirs(NAME, appauthor=False)
    suffix = "demo" if demo else ""
    return Paths(
        Path(dirs.user_data_dir) / suffix,
        Path(dirs.user_config_dir) / suffix,
        Path(dirs.user_cache_dir) / suffix,
        Path(dirs.user_log_dir) / suffix,
    )
