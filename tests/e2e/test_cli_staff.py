"""``kiosk staff pin-hash`` and ``kiosk staff unlock``, run as their own processes."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from kiosk.staff_auth import LOCKOUT_FILE, MAX_TRIES, StaffGate, hash_pin, verify_pin
from tests.support import run_kiosk


def pin_hash(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", "pin-hash"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_piped_pin_gives_a_hash_the_config_takes(tmp_path: Path) -> None:
    result = pin_hash("246810\n")
    assert result.returncode == 0, result.stderr
    encoded = result.stdout.strip()
    assert verify_pin("246810", encoded) and "246810" not in result.stdout + result.stderr
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[staff]\npin_hash = "{encoded}"\n', encoding="utf-8")
    checked = run_kiosk("config", "check", str(config))
    assert checked.returncode == 0, checked.stderr


def test_a_pin_that_is_not_4_to_12_digits_is_refused() -> None:
    result = pin_hash("12ab\n")
    assert result.returncode == 1
    assert result.stdout == "" and "4 to 12 digits" in result.stderr


def _ask_on_a_terminal(first: str, second: str) -> tuple[int, str, str]:
    """Run pin-hash with a pseudo-terminal as its input; type the two PINs at the prompts."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "staff", "pin-hash"],
        stdin=secondary,
        stderr=secondary,
        stdout=subprocess.PIPE,
        start_new_session=True,  # no controlling terminal: getpass uses stdin, echo off
    )
    os.close(secondary)
    seen = b""
    try:
        for prompts, answer in enumerate((first, second), start=1):
            # Typed only once asked: turning echo off flushes whatever was typed ahead.
            deadline = time.monotonic() + 30
            while seen.count(b": ") < prompts:
                assert time.monotonic() < deadline, f"no prompt: {seen!r}"
                if select.select([primary], [], [], 1)[0]:
                    seen += os.read(primary, 1024)
            os.write(primary, answer.encode() + b"\n")
        stdout, _ = process.communicate(timeout=30)
        while select.select([primary], [], [], 0.2)[0]:
            try:
                chunk = os.read(primary, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(primary)
    return process.returncode, stdout.decode(), seen.decode(errors="replace")


def test_on_a_terminal_the_pin_is_asked_twice_without_echo() -> None:
    code, stdout, terminal = _ask_on_a_terminal("97531", "97531")
    assert code == 0, terminal
    assert verify_pin("97531", stdout.strip())
    assert "again" in terminal and "97531" not in terminal


def test_on_a_terminal_two_different_pins_write_nothing() -> None:
    code, stdout, terminal = _ask_on_a_terminal("97531", "97532")
    assert code == 1
    assert stdout == "" and "differ" in terminal


def test_unlock_ends_a_lockout(tmp_path: Path) -> None:
    data = tmp_path / "data"
    config = tmp_path / "kiosk.toml"
    encoded = hash_pin("246810", cost=2**10)
    config.write_text(
        f'[kiosk]\ndata_dir = "{data}"\n[staff]\npin_hash = "{encoded}"\n', encoding="utf-8"
    )
    gate = StaffGate(encoded, data / LOCKOUT_FILE)
    for _ in range(MAX_TRIES):
        gate.attempt("000000")
    assert gate.locked_for() > 0
    result = run_kiosk("staff", "unlock", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert StaffGate(encoded, data / LOCKOUT_FILE).locked_for() == 0
    assert "staff unlocked" in result.stderr  # audited


def test_unlock_with_a_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[staff]\npin_hash = "1234"\n', encoding="utf-8")
    result = run_kiosk("staff", "unlock", "--config", str(config))
    assert result.returncode == 2
    assert "staff.pin_hash" in result.stderr
