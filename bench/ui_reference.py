"""The reference for bench/ui.py: a minimal PySide6 window, timed the way the kiosk is.

A full-screen QStackedWidget switching between two plain pages (a heading, two big buttons; the
first page also has a QLineEdit). Nothing but PySide6 is imported (bench/ui_probe.py is PySide6
only), so what the kiosk costs beyond these figures is the kiosk's own doing.

    python -m bench.ui_reference --switches N     # prints one line: "result {json}"

In that order, in one process: the first focus of the line edit by a tap (the first thing
tapped after the first paint, as the kiosk's first text field is), ``--switches`` timed
page switches (tap → the other page painted; the first few are warm-up), then further focuses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bench.ui_probe import PaintProbe, run_events_for

WARM_UP_SWITCHES = 10
LATER_FOCUSES = 20
TIMEOUT_S = 10.0
FIELD_SETTLE_S = 0.15  # as bench/ui_walker.py waits before tapping a kiosk field


class PlainPage(QWidget):
    def __init__(self, title: str, *, with_line_edit: bool) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(QLabel(title))
        self.line_edit = QLineEdit() if with_line_edit else None
        if self.line_edit is not None:
            self.line_edit.setMinimumHeight(88)
            layout.addWidget(self.line_edit)
        self.switch = QPushButton("Next page")
        self.other = QPushButton("Another button")
        for button in (self.switch, self.other):
            button.setMinimumSize(480, 120)
            layout.addWidget(button)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="reference window for bench/ui.py")
    parser.add_argument("--switches", type=int, default=200, help="timed page switches")
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])
    stack = QStackedWidget()
    first, second = (
        PlainPage("First page", with_line_edit=True),
        PlainPage("Second", with_line_edit=False),
    )
    stack.addWidget(first)
    stack.addWidget(second)
    first.switch.clicked.connect(lambda: stack.setCurrentWidget(second))
    second.switch.clicked.connect(lambda: stack.setCurrentWidget(first))
    probe = PaintProbe()
    painted = PaintProbe()
    stack.setGeometry(app.primaryScreen().geometry())
    painted.time_to_paint(stack.showFullScreen, first, TIMEOUT_S)

    line_edit = first.line_edit
    assert line_edit is not None
    # As for the kiosk's fields: the tap, not the window's activation, gives the focus, after
    # the same glance.
    line_edit.clearFocus()
    run_events_for(FIELD_SETTLE_S)
    first_focus_ms = probe.time_tap(line_edit, line_edit, TIMEOUT_S, from_press=True)
    switches_ms: list[float] = []
    for switch in range(WARM_UP_SWITCHES + args.switches):
        shown, hidden = (first, second) if stack.currentWidget() is first else (second, first)
        elapsed = probe.time_tap(shown.switch, hidden, TIMEOUT_S)
        if switch >= WARM_UP_SWITCHES:
            switches_ms.append(elapsed)
    if stack.currentWidget() is second:
        probe.time_tap(second.switch, first, TIMEOUT_S)
    later_focuses_ms: list[float] = []
    for _ in range(LATER_FOCUSES):
        probe.time_tap(first.other, first.other, TIMEOUT_S)  # focus leaves the field
        run_events_for(FIELD_SETTLE_S)
        later_focuses_ms.append(probe.time_tap(line_edit, line_edit, TIMEOUT_S, from_press=True))
    result = {
        "first_focus_ms": first_focus_ms,
        "later_focuses_ms": later_focuses_ms,
        "switches_ms": switches_ms,
    }
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
