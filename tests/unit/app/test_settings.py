"""Preferences: declared defaults, validation, persistence, and surviving a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import settings as prefs


def test_defaults_when_nothing_is_saved(tmp_path: Path) -> None:
    settings = prefs.Settings(tmp_path)
    assert settings.get(prefs.READER_FONT_SIZE) == 13
    assert settings.get(prefs.THEME) == "system"
    assert settings.get(prefs.RECENT_FILES) == ()


def test_values_persist_for_the_next_start(tmp_path: Path) -> None:
    prefs.Settings(tmp_path).set(prefs.THEME, "dark")
    prefs.Settings(tmp_path).set(prefs.READER_FONT_SIZE, 16)
    again = prefs.Settings(tmp_path)
    assert (again.get(prefs.THEME), again.get(prefs.READER_FONT_SIZE)) == ("dark", 16)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (prefs.THEME, "purple"),
        (prefs.READER_FONT_SIZE, 200),
        (prefs.READER_FONT_SIZE, True),
        (prefs.READER_FONT_SIZE, "14"),
    ],
)
def test_invalid_values_are_refused(tmp_path: Path, setting: prefs.Setting[object], value: object) -> None:
    with pytest.raises(ValueError, match="not a valid value"):
        prefs.Settings(tmp_path).set(setting, value)


def test_damaged_or_hand_edited_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / prefs.SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    assert prefs.Settings(tmp_path).get(prefs.THEME) == "system"
    (tmp_path / prefs.SETTINGS_FILE).write_text(
        '{"reader.font_size": 99, "appearance.theme": "dark"}', encoding="utf-8"
    )
    settings = prefs.Settings(tmp_path)
    assert settings.get(prefs.READER_FONT_SIZE) == 13  # out of range: default
    assert settings.get(prefs.THEME) == "dark"


def test_recent_files_keep_the_latest_ten_without_repeats(tmp_path: Path) -> None:
    settings = prefs.Settings(tmp_path)
    for number in range(12):
        prefs.remember_file(settings, f"/papers/{number}.pdf")
    prefs.remember_file(settings, "/papers/5.pdf")
    recent = prefs.Settings(tmp_path).get(prefs.RECENT_FILES)
    assert recent[0] == "/papers/5.pdf"
    assert len(recent) == 10 and len(set(recent)) == 10
    assert "/papers/0.pdf" not in recent
