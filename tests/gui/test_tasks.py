"""The library lane: results on the GUI thread, in order; overtaken work dropped; errors routed."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from app.errors import AppError, NotInLibrary
from app.library import Library

from ui.tasks import Tasks


def test_results_are_delivered_on_the_gui_thread_in_order(tasks: Tasks, qtbot: QtBot) -> None:
    seen: list[tuple[int, bool]] = []
    workers: set[str] = set()

    def work(number: int) -> int:
        workers.add(threading.current_thread().name)
        return number

    for number in range(5):
        tasks.run(
            lambda _library, n=number: work(n),
            lambda n: seen.append((n, threading.current_thread() is threading.main_thread())),
        )
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [(n, True) for n in range(5)]
    assert len(workers) == 1 and threading.main_thread().name not in workers


def test_overtaken_work_is_dropped(tasks: Tasks, qtbot: QtBot) -> None:
    gate = threading.Event()
    ran: list[str] = []
    delivered: list[str] = []
    tasks.run(lambda _library: gate.wait(10), lambda _ok: None)  # hold the lane
    for name in ("first", "second", "third"):
        tasks.run(lambda _library, n=name: ran.append(n) or n, delivered.append, key="selection")
    gate.set()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert delivered == ["third"]
    assert ran == ["third"]  # the overtaken ones never even ran


def test_busy_is_reported_while_work_is_queued(tasks: Tasks, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tasks.busy_changed) as started:
        tasks.run(lambda library: library.documents(), lambda _documents: None)
    assert started.args == [True]
    assert tasks.busy
    with qtbot.waitSignal(tasks.busy_changed) as stopped:
        pass
    assert stopped.args == [False]


def test_app_errors_go_to_the_handler_or_the_app_error_signal(tasks: Tasks, qtbot: QtBot) -> None:
    handled: list[AppError] = []
    tasks.run(lambda library: library.document(404), lambda _d: None, on_error=handled.append)
    qtbot.waitUntil(lambda: bool(handled))
    assert isinstance(handled[0], NotInLibrary)
    with qtbot.waitSignal(tasks.app_error) as unhandled:
        tasks.run(lambda library: library.text(404), lambda _t: None)
    assert "no document 404" in str(unhandled.args[0])


def test_a_bug_in_background_work_reaches_the_excepthook(
    tasks: Tasks, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    caught: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _kind, error, _trace: caught.append(error))

    def broken(_library: Library) -> None:
        raise ZeroDivisionError("a bug")

    tasks.run(broken, lambda _none: None)
    qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0], ZeroDivisionError)


def test_work_after_close_is_ignored(tasks: Tasks) -> None:
    tasks.close()
    called: list[object] = []
    tasks.run(lambda library: library.documents(), called.append)
    assert not tasks.busy and called == []
