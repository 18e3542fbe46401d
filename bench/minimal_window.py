"""The reference for bench/startup.py: the smallest PySide6 app that looks like a kiosk page.

One full-screen QWidget with two QPushButtons (the "two-button page" of the Qt baselines in
/work/shared/reference/qt.md). It imports nothing but PySide6, so whatever the kiosk costs beyond
this window is the kiosk's own doing, not Qt's.

    python bench/minimal_window.py          # prints "first-paint <CLOCK_MONOTONIC seconds>", exits
    python bench/minimal_window.py --rss    # prints "rss-kib <VmRSS>" once shown, exits

Needs a display; bench/startup.py runs it with QT_QPA_PLATFORM=offscreen at 1920x1080.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget

# Long enough for the events that follow the first paint to settle, short next to start-up.
RSS_SETTLE_MS = 200


class TwoButtonPage(QWidget):
    """A page with two big buttons; calls ``after_first_paint`` once its first paint is done."""

    def __init__(self, after_first_paint: Callable[[], None]) -> None:
        super().__init__()
        self.setWindowTitle("minimal PySide6 window")
        layout = QHBoxLayout(self)
        for label in ("Apply for a service", "Check an application"):
            button = QPushButton(label)
            button.setMinimumSize(480, 240)
            layout.addWidget(button)
        self._after_first_paint = after_first_paint
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Report from the event loop once this paint pass (buttons included) is over: the
            # kiosk reports its first paint the same way, so both stop the clock at one point.
            QTimer.singleShot(0, self._after_first_paint)


def vm_rss_kib() -> int:
    """Resident set size in KiB, from the /proc field the kiosk's ``--report-rss`` also reads."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS line in /proc/self/status")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="minimal PySide6 window for bench/startup.py")
    parser.add_argument(
        "--rss", action="store_true", help="print 'rss-kib N' after show instead of 'first-paint T'"
    )
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])

    def report_first_paint() -> None:
        # Same clock and line format as `kiosk run --exit-after-first-paint`, so the parent can
        # subtract the CLOCK_MONOTONIC reading it took just before spawning this process.
        print(f"first-paint {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        QTimer.singleShot(0, app.quit)

    def report_rss() -> None:
        print(f"rss-kib {vm_rss_kib()}", flush=True)
        app.quit()

    def report_rss_once_settled() -> None:
        QTimer.singleShot(RSS_SETTLE_MS, report_rss)

    page = TwoButtonPage(report_rss_once_settled if args.rss else report_first_paint)
    # Geometry first, as the kiosk does: under bare X showFullScreen alone can pick a wrong size.
    page.setGeometry(app.primaryScreen().geometry())
    page.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
