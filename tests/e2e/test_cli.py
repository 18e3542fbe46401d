"""The ``kiosk`` command as staff and vendors run it: a real process, its output and exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk import __version__
from tests.support import run_kiosk as kiosk


def headless_env() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }


def test_version() -> None:
    result = kiosk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"OneStop Kiosk {__version__}"


def test_config_check_accepts_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "hall-1"\n[backend]\nurl = "https://api.example.gov"\n')
    result = kiosk("config", "check", str(path))
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout and "hall-1" in result.stdout


def test_config_check_names_key_file_and_allowed_values(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nlanguage = "klingon"\n')
    result = kiosk("config", "check", str(path))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert str(path) in line and "kiosk.language" in line and "'zh-Hant'" in line


def test_run_stops_on_a_bad_environment_override(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\n")
    env = {**headless_env(), "KIOSK_SESSION_IDLE_TIMEOUT_S": "forever"}
    result = kiosk("run", "--config", str(path), env=env)
    assert result.returncode == 2
    assert "KIOSK_SESSION_IDLE_TIMEOUT_S" in result.stderr


def test_demo_without_a_display_says_so_in_one_line() -> None:
    result = kiosk("demo", env=headless_env())
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "kiosk tour" in lines[0]


def test_config_check_loads_neither_qt_nor_device_or_http_libraries(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\n")
    probe = (
        "import sys; from kiosk.cli import main; main(['config', 'check', sys.argv[1]]);"
        "print(sorted(m for m in ('PySide6', 'requests', 'escpos', 'PIL', 'server', 'fastapi')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_building_the_kiosk_imports_no_printer_or_http_library(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from kiosk.app import build_kiosk\n"
        "from kiosk.config import load_config\n"
        "from kiosk.logs import PersonalDataRedactor\n"
        f"printer = {tmp_path.as_uri() + '/'!r}\n"
        "config = load_config(environ={}, defaults={'devices': {'printer': printer}})\n"
        "build_kiosk(config, PersonalDataRedactor())\n"
        "print(sorted(m for m in ('requests', 'escpos', 'PIL', 'qrcode') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_tour_refuses_a_language_mode_or_size_it_does_not_know(tmp_path: Path) -> None:
    """(The tour itself, every screen in each language and mode: tests/e2e/test_tour.py.)"""
    for wrong in (["--language", "fr"], ["--mode", "dark"]):
        result = kiosk("tour", "--out", str(tmp_path), *wrong, env=headless_env())
        assert result.returncode == 2
        assert "invalid choice" in result.stderr and wrong[1] in result.stderr
    for size in ("1280", "1280x", "0x800", "big"):
        result = kiosk("tour", "--out", str(tmp_path), "--size", size, env=headless_env())
        assert result.returncode == 2 and "--size" in result.stderr, size
    assert not any(tmp_path.iterdir())


def test_the_shipped_example_configuration_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "packaging" / "kiosk.example.toml"
    result = kiosk("config", "check", str(example))
    assert result.returncode == 0, result.stderr
