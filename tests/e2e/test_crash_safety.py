"""SIGKILL a writer in the middle of annotation actions, hundreds of times: nothing acknowledged
is lost, no action is half applied, and the database stays intact."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from app.annotations import COLOURS
from app.library import Library
from app.paths import profile

ROOT = Path(__file__).resolve().parents[2]
RUNS = 4
KILLS_PER_RUN = 75
ACTIONS_PER_RUN = 4000
TAGS = ("budget", "planning", "urgent", "highways", "follow up")
PAPER = "".join(
    f"{n}. The committee considered item {n} on the {word} and resolved to note the report.\n"
    for n, word in enumerate(["budget", "precept", "footpath", "hall", "grant", "audit"] * 20, start=1)
)

Model = dict[str, tuple[Any, ...]]  # id -> (start, end, quote, colour, note, tags)


def make_stream(rnd: random.Random, length: int) -> list[dict[str, Any]]:
    """A plausible stream of user actions, always on annotations alive at that point."""
    live: dict[str, set[str]] = {}
    stream: list[dict[str, Any]] = []
    while len(stream) < length:
        if not live or rnd.random() < 0.35:
            start = rnd.randrange(len(PAPER) - 80)
            action = {
                "op": "add",
                "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                "start": start,
                "end": start + rnd.randint(5, 60),
                "colour": rnd.choice(COLOURS),
                "note": rnd.choice(["", "check", f"ask the clerk about {rnd.randint(1, 999)}"]),
                "tags": rnd.sample(TAGS, rnd.randint(0, 3)),
            }
            live[action["id"]] = set(action["tags"])
        elif len(live) >= 3 and rnd.random() < 0.08:  # several chosen in the dock and deleted at once
            action = {"op": "delete-many", "ids": rnd.sample(sorted(live), rnd.randint(2, min(6, len(live))))}
            for gone in action["ids"]:
                del live[gone]
        else:
            target = rnd.choice(sorted(live))
            op = rnd.choice(["note", "note", "colour", "tag", "untag", "delete"])
            action = {"op": op, "id": target, "note": f"note {len(stream)}", "colour": rnd.choice(COLOURS)}
            action["tags"] = rnd.sample(TAGS, rnd.randint(1, 2))
            if op == "tag":
                live[target] |= set(action["tags"])
            elif op == "untag":
                live[target] -= set(action["tags"])
            elif op == "delete":
                del live[target]
        stream.append(action)
    return stream


def replay(model: Model, tags: frozenset[str], action: dict[str, Any]) -> tuple[Model, frozenset[str]]:
    """What the library must hold after `action`, given what it held before."""
    model = dict(model)
    if action["op"] == "add":
        quote = PAPER[action["start"] : action["end"]]
        model[action["id"]] = (
            action["start"], action["end"], quote, action["colour"], action["note"], frozenset(action["tags"])
        )
        return model, tags | set(action["tags"])
    if action["op"] == "delete-many":
        return {key: value for key, value in model.items() if key not in action["ids"]}, tags
    start, end, quote, colour, note, present = model[action["id"]]
    op = action["op"]
    if op == "delete":
        del model[action["id"]]
        return model, tags
    if op == "note":
        note = action["note"]
    elif op == "colour":
        colour = action["colour"]
    elif op == "tag":
        present, tags = present | set(action["tags"]), tags | set(action["tags"])
    else:
        present = present - set(action["tags"])
    model[action["id"]] = (start, end, quote, colour, note, present)
    return model, tags


def snapshot(database: Path) -> tuple[Model, frozenset[str]]:
    """The library as found after the crash, checked for integrity first."""
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        links: dict[str, set[str]] = {}
        for annotation_id, name in conn.execute(
            "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
        ):
            links.setdefault(annotation_id, set()).add(name)
        model = {
            row[0]: (*row[1:], frozenset(links.get(row[0], ())))
            for row in conn.execute("SELECT id, start, [end], quote, colour, note FROM annotations")
        }
        tags = frozenset(name for (name,) in conn.execute("SELECT name FROM tags"))
    finally:
        conn.close()
    return model, tags


class Writers:
    """A process that forks a fresh writer on demand (see `crash_writer`)."""

    def __init__(self) -> None:
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.crash_writer"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def one_life(self, home: Path, stream_file: Path, first: int, delay: float) -> tuple[list[int], bool]:
        """Run a writer from action `first`, SIGKILL it `delay` s after it is ready; return its acks
        and whether it was killed (rather than dying on its own)."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(f"{home} {stream_file} {first}\n")
        self.server.stdin.flush()
        pid, ready, acks = 0, False, []
        while True:
            line = self.server.stdout.readline()
            word, _, rest = line.partition(" ")
            if word == "pid":
                pid = int(rest)
            elif line == "ready\n":
                ready = True
            elif word == "ack" and line.endswith("\n"):
                acks.append(int(rest))
            elif word == "exit":
                return acks, os.WIFSIGNALED(int(rest.split()[1]))
            if pid and ready:
                time.sleep(delay)
                with contextlib.suppress(ProcessLookupError):  # it may already have died on its own
                    os.kill(pid, signal.SIGKILL)
                ready = False

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=30)
        if self.server.stdout is not None:
            self.server.stdout.close()


def crash_run(home: Path, seed: int) -> tuple[int, int]:
    """One library, killed KILLS_PER_RUN times; returns (kills, acknowledged actions)."""
    rnd = random.Random(seed)
    paper = home / "paper.txt"
    home.mkdir(parents=True)
    paper.write_text(PAPER, encoding="utf-8")
    library = Library(profile(home))
    library.import_file(paper)
    library.close()
    stream = make_stream(rnd, ACTIONS_PER_RUN)
    stream_file = home / "stream.json"
    stream_file.write_text(json.dumps(stream), encoding="utf-8")
    model: Model = {}
    tags: frozenset[str] = frozenset()
    done = kills = 0  # actions known committed
    writers = Writers()
    for _ in range(KILLS_PER_RUN):
        acks, killed = writers.one_life(home, stream_file, done, rnd.uniform(0.0, 0.03))
        kills += killed
        assert acks == list(range(done, done + len(acks)))
        for number in acks:
            model, tags = replay(model, tags, stream[number])
        done += len(acks)
        found = snapshot(profile(home).database)
        if found != (model, tags):
            # The one action in flight may have committed before its acknowledgement was printed;
            # then it must be there in full.
            model, tags = replay(model, tags, stream[done])
            assert found == (model, tags), f"run {seed}: state is neither before nor after action {done}"
            done += 1
    writers.close()
    return kills, done


@pytest.mark.slow
def test_sigkill_loses_nothing_acknowledged_and_leaves_no_half_action(tmp_path: Path) -> None:
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda seed: crash_run(tmp_path / f"run{seed}", seed), range(RUNS)))
    kills = sum(k for k, _ in results)
    actions = sum(a for _, a in results)
    took = time.monotonic() - began
    print(f"{kills} kills over {RUNS} runs, {actions} committed actions checked, {took:.1f} s")
    assert kills >= 200
    assert actions > kills  # the writer got real work done between kills
