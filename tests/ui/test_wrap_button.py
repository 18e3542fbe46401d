"""A wrapping button: narrow enough for any screen, tall enough for every line it wraps to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.wrap_button import wrap_button, wrap_text

LONG = {
    "en": "Report of an economic violation\n"
    "Report unlicensed business, counterfeit goods, false advertising or other violations.",
    "zh-Hant": "經濟違法舉報\n舉報無照經營、假冒偽劣、虛假宣傳等經濟違法行為。",
}


@pytest.mark.parametrize("language", sorted(LONG))
def test_two_long_buttons_side_by_side_fit_a_narrow_window(qtbot: QtBot, language: str) -> None:
    window = QWidget()
    window.setStyleSheet("QPushButton { font-size: 30px; padding: 20px 28px; }")  # the kiosk's
    qtbot.addWidget(window)
    grid = QGridLayout(window)
    buttons = [wrap_button("service", window) for _ in range(2)]
    for column, button in enumerate(buttons):
        button.setText(LONG[language])
        grid.addWidget(button, 0, column)
    assert window.minimumSizeHint().width() < 640
    window.resize(640, 1000)  # narrow; tall enough for every line
    window.show()
    qtbot.waitExposed(window)
    clicked: list[bool] = []
    buttons[1].clicked.connect(lambda: clicked.append(True))
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert clicked == [True] and buttons[1].text() == LONG[language]
    for button in buttons:
        lines = button.shown_text().split("\n")
        assert len(lines) > 2, "wrapped"
        metrics = button.fontMetrics()
        assert all(metrics.horizontalAdvance(line) < button.width() for line in lines)
        assert button.height() >= len(lines) * metrics.height()


def test_wrapping_keeps_every_character_and_breaks_between_words() -> None:
    font = QFont()
    font.setPixelSize(30)
    text = LONG["en"]
    wrapped = wrap_text(text, font, 300)
    assert wrapped.replace("\n", " ").split() == text.split()
    assert all(QFontMetrics(font).horizontalAdvance(line) <= 300 for line in wrapped.split("\n"))
