"""On-screen input: Qt Virtual Keyboard for text, a large keypad for numbers."""

from __future__ import annotations


def prepare_input_method() -> None:
    """Choose the input method before the QApplication exists (Qt reads it at start-up)."""
