"""Which input method the kiosk asks Qt for, before Qt starts (``prepare_input_method``).

Qt 6.7 and later read ``QT_IM_MODULES`` (a list) before ``QT_IM_MODULE``: a choice made in
either is a vendor's and stays; only where neither is set does the kiosk choose its keyboard.
"""

from __future__ import annotations

import logging
import os

import pytest

from ui.keyboard import prepare_input_method

VARIABLES = ("QT_IM_MODULE", "QT_IM_MODULES", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE")


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in VARIABLES:
        # Set first: monkeypatch restores only what it saw, and an unset variable the test
        # sets would outlive it (and load the keyboard into the QApplication made next).
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return monkeypatch


def test_a_list_that_leaves_the_keyboard_out_stays_and_says_so(
    clean_environment: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    clean_environment.setenv("QT_IM_MODULES", "wayland;fcitx")
    with caplog.at_level(logging.WARNING, logger="ui.keyboard"):
        prepare_input_method()
    # Setting QT_IM_MODULE would change nothing: Qt reads the list first.
    assert "QT_IM_MODULE" not in os.environ
    assert "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE" not in os.environ
    assert [record.getMessage() for record in caplog.records] == [
        "no on-screen keyboard: the environment chooses input method ['wayland', 'fcitx']"
    ]


def test_a_list_with_the_keyboard_keeps_it_inside_the_window(
    clean_environment: pytest.MonkeyPatch,
) -> None:
    clean_environment.setenv("QT_IM_MODULES", "qtvirtualkeyboard")
    prepare_input_method()
    environ = os.environ
    assert "QT_IM_MODULE" not in environ
    assert environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1"


def test_with_nothing_chosen_the_kiosk_chooses_its_keyboard(
    clean_environment: pytest.MonkeyPatch,
) -> None:
    prepare_input_method()
    environ = os.environ
    assert environ["QT_IM_MODULE"] == "qtvirtualkeyboard"
    assert environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1"
