"""What the .deb built by packaging/build-deb.sh holds and declares."""

from __future__ import annotations

import subprocess

import pytest

from kiosk import __version__
from kiosk.fleet_commands import RESTART_EXIT_CODE
from tests.packaging.conftest import REPOSITORY, BuiltDeb
from tests.packaging.debian_root import package_dependencies
from tests.packaging.units import read_service

pytestmark = pytest.mark.slow


def field(deb: BuiltDeb, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb.path), name], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_the_package_depends_on_what_the_kiosk_needs_at_run_time(built_deb: BuiltDeb) -> None:
    assert field(built_deb, "Package") == "onestop-kiosk"
    assert field(built_deb, "Version") == __version__
    depends = set(package_dependencies(built_deb.path))
    # The card service, Chinese fonts, the compositor (and the Xwayland it runs without
    # declaring it), seat access for it, and Debian's python3 the venv is made with.
    assert {"pcscd", "libpcsclite1", "fonts-noto-cjk", "fontconfig", "cage", "xwayland"} <= depends
    assert {"seatd", "python3", "python3-venv", "adduser"} <= depends
    # Qt's Wayland, xcb and EGL libraries, and PulseAudio's for the virtual keyboard.
    qt = {"libegl1", "libgl1", "libwayland-client0", "libwayland-egl1", "libxkbcommon0"}
    assert qt | {"libxcb-cursor0", "libxkbcommon-x11-0", "libpulse0"} <= depends
    # The wheels are CPython 3.11 builds: Debian 12's python3, and no other.
    assert "python3 (<< 3.12)" in field(built_deb, "Depends")


def test_the_package_ships_wrappers_units_rules_config_and_every_wheel(
    built_deb: BuiltDeb,
) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(built_deb.path)], check=True, capture_output=True, text=True
    ).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    for expected in (
        "/usr/bin/kiosk",
        "/usr/bin/kiosk-server",
        "/usr/lib/systemd/system/onestop-kiosk.service",
        "/usr/lib/systemd/system/onestop-kiosk-server.service",
        "/usr/lib/udev/rules.d/70-onestop-kiosk.rules",
        "/etc/onestop-kiosk/kiosk.toml",
        "/etc/onestop-kiosk/server.env",
        "/opt/onestop-kiosk/BUILD_ID",
    ):
        assert expected in paths, expected
    wheels = {path.rsplit("/", 1)[1].split("-")[0].lower() for path in paths if ".whl" in path}
    # The project, the GUI, the card reader binding (built here: no Linux wheel on PyPI), the
    # server: enough to install with no network at all.
    assert {"onestop_kiosk", "pyside6_essentials", "pyside6_addons", "pyscard", "uvicorn"} <= wheels
    conffiles = subprocess.run(
        ["dpkg-deb", "--info", str(built_deb.path), "conffiles"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert conffiles == ["/etc/onestop-kiosk/kiosk.toml", "/etc/onestop-kiosk/server.env"]


def test_the_kiosk_unit_restarts_always_and_watches_the_event_loop() -> None:
    unit = read_service(REPOSITORY / "packaging" / "systemd" / "onestop-kiosk.service")
    assert unit.one("Type") == "notify"
    assert unit.one("NotifyAccess") == "all", "the kiosk is cage's child, not the main process"
    assert unit.one("WatchdogSec").endswith("s")
    assert unit.one("Restart") == "always"
    assert str(RESTART_EXIT_CODE) in unit.one("SuccessExitStatus").split()
    assert unit.one("User") == "onestop-kiosk"
    assert "PAMName" not in unit.settings, "a PAM session would move the kiosk out of the unit"
    assert unit.command[0] == "/usr/bin/cage"
