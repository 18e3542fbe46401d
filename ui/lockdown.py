"""Lockdown: the window stays full screen and nothing a citizen presses leads out of it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def lock_down(app: QApplication, window: QWidget) -> None:
    """Close keys, the close event, context menus and dialogs lead nowhere."""
