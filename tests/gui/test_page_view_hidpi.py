"""The page view on a 2× screen: pages drawn at the screen's pixel density, and everything on them in place.

Qt fixes the device pixel ratio when the application starts, so the view runs
in a child process started with QT_SCALE_FACTOR=2 and reports what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf

SCRIPT = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(["hidpi"])
from app.render import PageRenderer
from ui.reader.page_find import FindTarget
from ui.reader.page_view import PageView

path = Path(sys.argv[1])
words = PageRenderer(path).words(0)
view = PageView()
view.resize(700, 600)
view.show()
view.open(path)
view.set_zoom(1.5)

def wait(condition):
    deadline = time.monotonic() + 10
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    return condition()

wait(lambda: view.is_page_ready(0))
report = {"dpr": view.devicePixelRatioF(), "page_px": view.page_rect(0).width()}
image = view.cache.get(view._key(0))
report["image_px"] = image.width() if image is not None else 0

def centre(text):
    word = next(w for w in words if w.text == text)
    return view.page_to_view(0, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2).toPoint(), word

# A double click on a word selects that word, with the selection drawn over it.
point, budget = centre("budget")
QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
wait(view.has_selection)
report["selected"] = view.selected_text()

def tinted(page_x, page_y):
    # The grab is in device pixels: twice the logical coordinates.
    grab = view.viewport().grab().toImage()
    spot = view.page_to_view(0, page_x, page_y)
    assert view.viewport().rect().contains(spot.toPoint()), (page_x, page_y)
    return grab.pixelColor(round(spot.x() * 2), round(spot.y() * 2)) != QColor(Qt.GlobalColor.white)

report["selection_over_word"] = tinted(budget.x0 + 1, budget.y0 + 1)
report["selection_not_beside"] = not tinted(budget.x0 - 3, budget.y0 + 1)
view.clear_selection()

# A find hit's box lies on exactly its word.
approved = next(w for w in words if w.text == "approved")
view.set_find("approved", FindTarget(0, 0, 1, (72, approved.y0, 500, approved.y1)))
wait(lambda: view.current_hit() is not None)
x0, y0, x1, y1 = view.current_hit()[0]
report["hit_matches_word"] = abs(x0 - approved.x0) < 1 and abs(x1 - approved.x1) < 1
report["hit_tinted"] = tinted(x0 + 1, y0 + 1) and not tinted(x0 - 4, y0 + 1)

# A highlight in page points lands on the same spot.
view.set_find("")
view.set_highlights([(0, [(300, 240, 400, 255)], QColor(255, 200, 0, 120), "Item 1")])
report["highlight_in_place"] = tinted(302, 242) and not tinted(298, 242) and not tinted(302, 257)
print(json.dumps(report))
view.shut_down()
"""


def write_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 200), "Minutes of the parish council", fontsize=14)
    page.insert_text((72, 230), "Resolved that the budget be approved", fontsize=14)
    doc.save(path)
    return path


def test_a_2x_screen_renders_sharp_pages_and_keeps_selection_find_and_highlights_in_place(
    tmp_path: Path,
) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["dpr"] == 2.0
    assert abs(seen["image_px"] - 2 * seen["page_px"]) <= 1  # one image pixel a device pixel
    assert seen["selected"] == "budget"
    assert seen["selection_over_word"] and seen["selection_not_beside"]
    assert seen["hit_matches_word"] and seen["hit_tinted"]
    assert seen["highlight_in_place"]
