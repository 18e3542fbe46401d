"""``kiosk staff card-hash``, run as its own process: the ID number piped, typed on a terminal,
or read from the card in the configured reader (the simulated one here; pcscd in
tests/integration/cards/test_staff_card_cli.py)."""

from __future__ import annotations

import os
import pty
import select
import stat
import subprocess
import sys
import time
from pathlib import Path

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.cli_staff import EXIT_DEVICE, EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from kiosk.staff_cards import CARD_KEY_FILE, CardKey
from tests.support import run_kiosk

STAFF_NUMBER = "440305198001011235"


def kiosk_config(tmp_path: Path, *, cards: list[str] | None = None, reader: str = "") -> Path:
    path = tmp_path / "kiosk.toml"
    text = f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n'
    if reader:
        text += f'[devices]\ncard_reader = "{reader}"\n'
    if cards is not None:
        text += "[staff]\ncards = [" + ", ".join(f'"{line}"' for line in cards) + "]\n"
    path.write_text(text, encoding="utf-8")
    return path


def card_hash(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", "card-hash", "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_piped_id_number_gives_a_line_the_config_takes(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    result = card_hash(config, stdin="4403 0519 8001 0112 35\n")

    assert result.returncode == EXIT_OK, result.stderr
    line = result.stdout.strip()
    key_file = tmp_path / "data" / CARD_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert CardKey.load(key_file).matches(STAFF_NUMBER, line)
    assert "made this kiosk's staff card key" in result.stderr
    shown = result.stdout + result.stderr
    assert STAFF_NUMBER not in shown and STAFF_NUMBER[-4:] not in shown

    config = kiosk_config(tmp_path, cards=[line])
    checked = run_kiosk("config", "check", str(config))
    assert checked.returncode == 0, checked.stderr
    again = card_hash(config, stdin=f"{STAFF_NUMBER.lower()}\n")
    assert again.returncode == EXIT_OK, again.stderr
    assert again.stdout.strip() != line, "a fresh salt each time"
    assert "already listed" in again.stderr and "made this" not in again.stderr


def test_read_takes_the_card_in_the_configured_reader(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path, reader="simulated://")  # holds the demo card
    result = card_hash(config, "--read")

    assert result.returncode == EXIT_OK, result.stderr
    key = CardKey.load(tmp_path / "data" / CARD_KEY_FILE)
    assert key.matches(DEMO_IDENTITY.id_number, result.stdout.strip())
    assert f"card read: demo {DEMO_IDENTITY.masked_id()}" in result.stderr
    assert DEMO_IDENTITY.id_number not in result.stdout + result.stderr
    assert DEMO_IDENTITY.name not in result.stdout + result.stderr


def test_what_is_not_an_id_number_is_refused_and_makes_no_key(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    result = card_hash(config, stdin="陳美玲\n")
    assert result.returncode == EXIT_REFUSED
    assert result.stdout == "" and "not an ID number" in result.stderr
    assert "陳美玲" not in result.stderr
    assert not (tmp_path / "data" / CARD_KEY_FILE).exists()


def test_reader_and_config_problems_have_their_exit_codes(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    missing = card_hash(
        config, "--read", "--reader", "sam-serial:///dev/ttyNOPE9", "--timeout", "1"
    )
    assert missing.returncode == EXIT_DEVICE and missing.stdout == ""
    unknown = card_hash(config, "--read", "--reader", "smoke-signals://")
    assert unknown.returncode == EXIT_USAGE

    config.write_text(f'[staff]\ncards = ["{STAFF_NUMBER}"]\n', encoding="utf-8")
    refused = card_hash(config, stdin=f"{STAFF_NUMBER}\n")
    assert refused.returncode == EXIT_USAGE
    assert "staff.cards" in refused.stderr and STAFF_NUMBER not in refused.stderr


def _type_on_a_terminal(config: Path, first: str, second: str) -> tuple[int, str, str]:
    """card-hash with a pseudo-terminal as its input; the two numbers typed at the prompts."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "staff", "card-hash", "--config", str(config)],
        stdin=secondary,
        stderr=secondary,
        stdout=subprocess.PIPE,
        start_new_session=True,  # no controlling terminal: getpass uses stdin, echo off
    )
    os.close(secondary)
    seen = b""
    try:
        for prompts, answer in enumerate((first, second), start=1):
            deadline = time.monotonic() + 30
            while seen.count(b": ") < prompts:  # typed only once asked (echo off flushes)
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


def test_on_a_terminal_the_number_is_asked_twice_without_echo(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    code, stdout, terminal = _type_on_a_terminal(config, STAFF_NUMBER, STAFF_NUMBER)
    assert code == EXIT_OK, terminal
    assert CardKey.load(tmp_path / "data" / CARD_KEY_FILE).matches(STAFF_NUMBER, stdout.strip())
    assert "again" in terminal and STAFF_NUMBER not in terminal

    code, stdout, terminal = _type_on_a_terminal(config, STAFF_NUMBER, "440305198001011236")
    assert code == EXIT_REFUSED
    assert stdout == "" and "differ" in terminal
