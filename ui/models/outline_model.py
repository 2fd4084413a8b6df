"""The outline of one paper as a tree: the meeting, then items with their resolutions and actions."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.highlights import KIND_BY_KEY, item_label, status_name
from app.model import Action, Analysis, Attendee, Item, Meeting, Span

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1  # int: where in the text the row's passage starts
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "meeting", "detail", "item", "resolution", "action", "group"

OTHER_DECISIONS = "Other decisions"
ELIDE = 90  # characters of a decision or action shown on its row; the tooltip has the rest
TOOLTIP = 600
_DECISION_WORDS = re.compile(
    r"^\W*(?:it\s+was\s+|the\s+\w+\s+)?(?:resolved|agreed)\b[\s:;,.–—-]*(?:that\b[\s:;,]*)?", re.I
)
# A decision that opens with its first sub-point: "- (i) the update…" reads "the update…".
_FIRST_POINT = re.compile(r"^(?:[-–•·*]\s*)?(?:\(?(?:[ivx]+|[a-z]|\d+)[).]\s+)?", re.I)
_ACTION_WORD = re.compile(r"^\W*action\b\s*(?:\([^)]*\))?\s*[:;–—-]\s*", re.I)  # the row says it already
# Rows of these kinds carry a dot in the kind's highlight colour; details and groups carry none.
DOTTED = frozenset({"meeting", "item", "resolution", "action"})

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class Node:
    """One row: what it says, where it points, and its place in the tree."""

    kind: str
    text: str
    offset: int
    tooltip: str = ""
    parent: Node | None = None
    row: int = 0
    key: int = 0  # the model's internal id for the node's index
    children: list[Node] = field(default_factory=list)

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _elided(text: str, limit: int = ELIDE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rich(text: str) -> str:
    """A tooltip Qt wraps to a readable width (plain text tooltips run off the screen)."""
    return f"<p>{html.escape(_elided(_one_line(text), TOOLTIP))}</p>"


def decision_row(span: Span) -> Node:
    words = _one_line(span.text)
    gist = _FIRST_POINT.sub("", _DECISION_WORDS.sub("", words)) or words
    return Node("resolution", "Resolved: " + _elided(gist), span.start, _rich(span.text))


def action_row(action: Action) -> Node:
    label = f"Action ({action.owner})" if action.owner else "Action"
    words = _one_line(action.text)
    gist = _ACTION_WORD.sub("", words) or words
    return Node("action", f"{label}: {_elided(gist)}", action.start, _rich(action.text))


def item_row(item: Item) -> Node:
    label = item_label(item)
    tooltip = f"{label}\nPage {item.page}" if item.page else label
    node = Node("item", label, item.start, tooltip)
    for span in item.resolutions:
        node.add(decision_row(span))
    for action in item.actions:
        node.add(action_row(action))
    return node


def readable_date(meeting: Meeting) -> str | None:
    try:
        day = date.fromisoformat(meeting.date or "")
    except ValueError:
        return meeting.date
    when = f"{day:%A} {day.day} {day:%B %Y}"
    return f"{when}, {meeting.time}" if meeting.time else when


def attendance_tooltip(people: Sequence[Attendee]) -> str:
    """Who was there, by status in the order the paper gives them: "Present: A Smith (Chair), B Jones"."""
    groups: dict[str, list[str]] = {}
    for person in people:
        name = f"{person.name} ({person.role})" if person.role else person.name
        groups.setdefault(person.status, []).append(name)
    lines = (f"<b>{html.escape(status_name(status))}:</b> {html.escape(', '.join(names))}"
             for status, names in groups.items())
    return "<p>" + "<br>".join(lines) + "</p>"


def meeting_row(analysis: Analysis) -> Node | None:
    """The meeting's date, venue, chair and attendance, or None when none of them was found."""
    meeting, people = analysis.meeting, analysis.attendance
    placed = [person.start for person in people if person.end > person.start]
    node = Node("meeting", "Meeting", 0, ", ".join(filter(None, (meeting.body, meeting.council))))
    when = readable_date(meeting)
    for label, value in (("Date", when), ("Venue", meeting.venue), ("Chair", meeting.chair)):
        if value:
            node.add(Node("detail", f"{label}: {value}", 0, value))
    if people:
        present = sum(person.status == "present" for person in people)
        apologies = sum(person.status == "apologies" for person in people)
        noun = "apology" if apologies == 1 else "apologies"
        summary = f"Attendance: {present} present · {apologies} {noun}"
        node.add(Node("detail", summary, min(placed, default=0), attendance_tooltip(people)))
    return node if node.children else None


def outline(analysis: Analysis) -> list[Node]:
    """The top-level rows: the meeting (if known), each item, and the decisions outside any item."""
    rows = [row for row in (meeting_row(analysis),) if row is not None]
    rows.extend(item_row(item) for item in analysis.items)
    if analysis.resolutions:
        group = Node("group", OTHER_DECISIONS, analysis.resolutions[0].start)
        for span in analysis.resolutions:
            group.add(decision_row(span))
        rows.append(group)
    for row, node in enumerate(rows):
        node.row = row
    return rows


NODE_ROLES: dict[int, Callable[[Node], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda node: node.text,
    Qt.ItemDataRole.AccessibleTextRole: lambda node: node.text,
    Qt.ItemDataRole.ToolTipRole: lambda node: node.tooltip or None,
    OFFSET_ROLE: lambda node: node.offset,
    KIND_ROLE: lambda node: node.kind,
}


def dot(colour: str, size: int = 16, ratio: float = 1.0) -> QIcon:
    """A filled circle in `colour`, centred in an icon of `size` (small beside the row's text)."""
    image = QPixmap(round(size * ratio), round(size * ratio))
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    radius = size * 0.22
    painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
    painter.end()
    return QIcon(image)


class OutlineModel(QAbstractItemModel):
    """One column; every row's `OFFSET_ROLE` is where to jump, `KIND_ROLE` what it is."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Node] = []
        self._nodes: list[Node] = []  # by `Node.key`
        self._starts: list[int] = []  # top-level rows' offsets, for `row_at`
        self._icons: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._rows = outline(analysis) if analysis is not None else []
        self._nodes = [node for row in self._rows for node in (row, *row.children)]
        for key, node in enumerate(self._nodes):
            node.key = key
        self._starts = [row.offset for row in self._rows if row.kind != "group"]
        self.endResetModel()

    def has_items(self) -> bool:
        return any(row.kind in ("item", "group") for row in self._rows)

    def counts(self) -> dict[str, int]:
        """How many items, resolutions and actions the outline lists."""
        result = {"item": 0, "resolution": 0, "action": 0}
        for node in self._nodes:
            if node.kind in result:
                result[node.kind] += 1
        return result

    def node(self, index: AnyIndex) -> Node | None:
        return self._nodes[index.internalId()] if index.isValid() else None

    def index_of(self, node: Node) -> QModelIndex:
        return self.createIndex(node.row, 0, node.key)

    def row_at(self, offset: int) -> QModelIndex:
        """The item (or the meeting, before the first item) whose passage holds `offset`."""
        position = bisect.bisect_right(self._starts, offset) - 1
        return self.index(max(position, 0), 0) if self._starts else QModelIndex()

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children(parent)
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.index_of(siblings[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(self._children(parent)) if parent.column() <= 0 else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 1

    def _children(self, parent: AnyIndex) -> list[Node]:
        node = self.node(parent)
        return self._rows if node is None else node.children

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node.kind)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if node.kind in ("item", "meeting", "group") else None
        getter = NODE_ROLES.get(role)
        return getter(node) if getter else None

    def _icon(self, kind: str) -> QIcon | None:
        if kind not in DOTTED:
            return None
        if kind not in self._icons:
            app = QGuiApplication.instance()
            ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
            self._icons[kind] = dot(KIND_BY_KEY[kind].colour, ratio=ratio)
        return self._icons[kind]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 0 and role == Qt.ItemDataRole.DisplayRole:
            return "Outline"
        return None


class OutlineFilter(QSortFilterProxyModel):
    """Rows whose text holds the filter's words, with their parents (for context) and children."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(" ".join(text.split()))
