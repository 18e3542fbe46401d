"""``kiosk tour`` over every language and display mode: every screen, translated, whole.

One process walks the twelve combinations (the language from the header, the mode from the
start screen), as a reviewer runs it. Beside it, every screen of a real window is measured in
each language and mode: none may ask for more room than a 1920x1080 kiosk screen has (Qt would
grow the window past the display and cut the right edge off every screen).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import State
from tests.support import RunningBackend
from ui.app import Shell, build_shell
from ui.theme import DisplayModes

TOUR_TIMEOUT_S = 900
DOES_NOT_FIT = "kiosk tour: does not fit: "
LANGUAGES = ("zh-Hant", "zh-Hans", "en")
MODES = ("normal", "large-text", "high-contrast", "care")
SCREEN = QSize(1920, 1080)
# The demo's window where it is not full screen (ui/app.py): the narrowest the kiosk runs in.
DEMO_WINDOW = QSize(1280, 800)
LEFT = Qt.MouseButton.LeftButton
# Every picture one language and mode must have, in the order walked.
SCREENS = (
    "attract",
    "identify",
    "menu",
    "catalog",
    "form-problems",
    "form",
    "review",
    "submitting",
    "receipt",
    "printed-receipt",
    "rating",
    "rating-choices",
    "rating-thanks",
    "status-by-card",
    "printed-status",
    "queue",
    "queue-chosen",
    "queue-ticket",
    "printed-queue-ticket",
    "hotline",
    "hotline-emergency",
    "hotline-problems",
    "hotline-details",
    "hotline-filed",
    "printed-hotline-ticket",
    "attract-card-left-in-reader",
    "menu-without-card",
    "idle-countdown",
    "status",
    "status-by-number",
    "status-offline",
    "staff-pin",
    "admin-health",
    "admin-printer",
    "admin-card",
    "admin-service",
    "admin-log",
    "admin-maintenance-confirm",
    "out-of-service",
)
# Shown once the session is over: in the kiosk's own language and looks, for whoever is next.
NEXT_CITIZENS = frozenset({"attract-card-left-in-reader"})
DISPLAY_MODES = {
    "normal": DisplayModes(),
    "large-text": DisplayModes(large_text=True),
    "high-contrast": DisplayModes(high_contrast=True),
    "care": DisplayModes(care=True),
}


def headless_env() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }


def screen_name(path: Path) -> str:
    return path.stem.split("-", 1)[1]


def differs(folder_a: Path, folder_b: Path, name: str) -> bool:
    """Whether the pictures of screen ``name`` in the two folders are not the same."""
    (first,) = folder_a.glob(f"[0-9][0-9]-{name}.png")
    (second,) = folder_b.glob(f"[0-9][0-9]-{name}.png")
    with Image.open(first) as a, Image.open(second) as b:
        return ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is not None


@dataclass(frozen=True)
class Tour:
    out: Path
    written: list[Path]
    # "<language>/<mode>/<screen>": what is cut off or squeezed on it
    problems: dict[str, list[str]]


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Tour:
    """Every mode of each language, as a reviewer runs it: one process a language, side by
    side (zh-Hant as the default invocation picks it)."""
    out = tmp_path_factory.mktemp("tour")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "kiosk", "tour", "--out", str(out), "--mode", "all", *language],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=headless_env(),
        )
        for language in ([], ["--language", "zh-Hans"], ["--language", "en"])
    ]
    written: list[Path] = []
    problems: dict[str, list[str]] = {}
    for run in runs:
        try:
            stdout, stderr = run.communicate(timeout=TOUR_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            for other in runs:
                other.kill()
                other.communicate()
            raise
        for line in stderr.splitlines():
            if line.startswith(DOES_NOT_FIT):
                picture, problem = line.removeprefix(DOES_NOT_FIT).split(": ", 1)
                scene, name = picture.rsplit("/", 1)
                problems.setdefault(f"{scene}/{screen_name(Path(name))}", []).append(problem)
        # 1: every picture written, some with text cut off (checked below, to say where).
        assert run.returncode == 0 or (run.returncode == 1 and problems), stderr[-4000:]
        written += [Path(line) for line in stdout.split()]
    return Tour(out, written, problems)


@pytest.mark.slow
def test_every_screen_in_every_language_and_mode(tour: Tour) -> None:
    out, written = tour.out, tour.written
    assert all(path.is_file() for path in written)
    scenes = {(path.parent.parent.name, path.parent.name) for path in written}
    assert scenes == set(itertools.product(LANGUAGES, MODES))
    for language, mode in scenes:
        shown = sorted((out / language / mode).glob("*.png"))
        assert [screen_name(path) for path in shown] == list(SCREENS), (language, mode)
        for path in shown:
            with Image.open(path) as image:
                if "printed-" in path.name:
                    assert image.width in (384, 576), path  # 58 or 80 mm paper
                    continue
                assert image.size == (SCREEN.width(), SCREEN.height()), path
                # Not a blank frame: a screen with text has many shades.
                assert max(ImageStat.Stat(image.convert("L")).stddev) > 10, path


@pytest.mark.slow
def test_each_language_and_each_mode_shows_differently(tour: Tour) -> None:
    """A language or mode that did not take would leave the same picture as another's."""
    out = tour.out
    for name in SCREENS:
        if name.startswith("printed-") or name in NEXT_CITIZENS:
            continue
        for language in LANGUAGES[1:]:
            assert differs(out / "zh-Hant" / "normal", out / language / "normal", name), language
        for mode in MODES[1:]:
            assert differs(out / "zh-Hant" / "normal", out / "zh-Hant" / mode, name), mode


@pytest.mark.slow
def test_the_printed_receipt_is_what_the_printer_was_sent(tour: Tour) -> None:
    for language in LANGUAGES:
        (receipt,) = (tour.out / language / "normal").glob("*-printed-receipt.png")
        with Image.open(receipt) as image:
            decoded = [code.text for code in zxingcpp.read_barcodes(image)]
        assert any("/v1/applications/OS" in text for text in decoded), language


@pytest.mark.slow
def test_nothing_is_cut_off(tour: Tour) -> None:
    """No screen shows text cut off or squeezed, in any language or mode (the tour's stderr
    says which widget, by how much)."""
    assert not tour.problems, "\n".join(
        f"{where}: {problem}"
        for where, problems in sorted(tour.problems.items())
        for problem in problems
    )


@pytest.fixture
def shell(
    qtbot: QtBot, qapp: QApplication, backend: RunningBackend, tmp_path: Path
) -> Iterator[tuple[Shell, Kiosk]]:
    config = load_config(
        None,
        environ={},
        defaults={
            "kiosk": {"id": "size-kiosk", "demo": True, "data_dir": str(tmp_path)},
            "backend": {"url": backend.url, "token": backend.kiosk_token},
            "devices": {"printer": (tmp_path / "receipts").as_uri() + "/"},
        },
    )
    built = build_kiosk(config, PersonalDataRedactor())
    made = build_shell(built, qapp)
    qtbot.addWidget(made.window)
    made.window.resize(SCREEN)
    with qtbot.waitSignal(made.window.first_painted, timeout=10000):
        made.window.show()
    yield made, built
    made.tasks.wait(10000)
    built.close()


def test_no_screen_is_wider_than_the_window_it_runs_in(
    qtbot: QtBot, shell: tuple[Shell, Kiosk]
) -> None:
    """In every language and mode, every citizen's screen fits the width of the demo's
    1280x800 window; the staff pages (built on first use), a kiosk's own 1920x1080 screen.

    Taller than the room left is each screen's own business (it scrolls, or the tour says
    what is cut off): the window itself never grows taller than the screen.
    """
    made, _ = shell
    window = made.window
    assert window.admin.pages  # builds them
    too_big: dict[str, tuple[int, int]] = {}
    for language, (mode, modes) in itertools.product(Language, DISPLAY_MODES.items()):
        window.accessibility.choose(modes)
        qtbot.mouseClick(window.header.language_buttons[language], LEFT)
        QApplication.processEvents()
        for state, screen in window.screens.items():
            window.stack.setCurrentWidget(screen)  # a hidden screen keeps its old style
            QApplication.processEvents()
            needed = screen.minimumSizeHint()
            room = SCREEN if state is State.ADMIN else DEMO_WINDOW
            if needed.width() > room.width():
                too_big[f"{language.value}/{mode}/{state.value}"] = needed.toTuple()
        needed = window.minimumSizeHint()
        if needed.width() > SCREEN.width() or needed.height() > DEMO_WINDOW.height():
            too_big[f"{language.value}/{mode}/window"] = needed.toTuple()
    assert too_big == {}
    assert window.size() == SCREEN
