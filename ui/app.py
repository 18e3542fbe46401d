"""The Qt side's own small composition step: QApplication, theme, bridge, workers, window."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from ui.bridge import CardEventsBridge
from ui.keyboard import prepare_input_method
from ui.lockdown import lock_down
from ui.main_window import MainWindow
from ui.theme import LanguageSwitcher, apply_theme
from ui.watchdog import start_watchdog
from ui.worker import BackgroundTasks


@dataclass
class Shell:
    app: QApplication
    window: MainWindow
    tasks: BackgroundTasks
    card_events: CardEventsBridge
    languages: LanguageSwitcher

    def shut_down(self) -> None:
        self.window.close()
        self.tasks.wait(15000)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    prepare_input_method()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("OneStop Kiosk")
    app.setOrganizationName("onestop-kiosk")
    return app


def build_shell(kiosk: Kiosk, app: QApplication) -> Shell:
    apply_theme(app)
    languages = LanguageSwitcher(app)
    tasks = BackgroundTasks(app)
    card_events = CardEventsBridge(app)
    window = MainWindow(kiosk, languages=languages, tasks=tasks, card_events=card_events)
    lock_down(app, window)
    kiosk.reader.start(card_events)
    kiosk.start_background_work()
    return Shell(app, window, tasks, card_events, languages)


def show_on_screen(app: QApplication, window: MainWindow, *, fullscreen: bool) -> None:
    if fullscreen:
        # Under bare X without a window manager showFullScreen alone picks a wrong size.
        screen = app.primaryScreen()
        window.setGeometry(screen.geometry())
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)  # a touch screen shows no pointer
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()


def run_window(kiosk: Kiosk, *, exit_after_first_paint: bool = False) -> int:
    app = application()
    shell = build_shell(kiosk, app)
    window = shell.window
    if exit_after_first_paint:
        # For bench/startup.py: the moment start-up ends, on the clock every process shares.
        def report() -> None:
            print(f"first-paint {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
            QTimer.singleShot(0, app.quit)

        window.first_painted.connect(report)
    show_on_screen(app, window, fullscreen=kiosk.config.kiosk.fullscreen)
    start_watchdog(app)
    try:
        return app.exec()
    finally:
        shell.shut_down()
