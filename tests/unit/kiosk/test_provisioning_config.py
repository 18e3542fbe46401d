"""The provisioned config's text (kiosk/provisioning_config.py) and the fleet command ledger."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import load_config
from kiosk.fleet_commands import (
    LEDGER_FILE,
    REMEMBERED_COMMANDS,
    AckOutcome,
    CommandKind,
    CommandLedger,
    FleetCommand,
    Unsupported,
    parse_command,
)
from kiosk.provisioning_config import NEW_CONFIG, config_text, set_key, toml_string

EXAMPLE = Path(__file__).resolve().parents[3] / "packaging" / "kiosk.example.toml"
VALUES = {
    "kiosk_id": "village-07",
    "url": "https://onestop.example.gov/api",
    "token": "tok-123",
    "ca_bundle": "",
    "data_dir": "/var/lib/onestop-kiosk",
}


def test_a_new_config_has_the_examples_shape_and_is_valid(tmp_path: Path) -> None:
    written = tomllib.loads(config_text(None, **VALUES))
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))

    for section, keys in written.items():
        assert section in example
        assert set(keys) <= set(example[section]), section
    path = tmp_path / "kiosk.toml"
    path.write_text(config_text(None, **VALUES), encoding="utf-8")
    config = load_config(path, environ={})
    assert (config.kiosk.id, config.backend.url, config.backend.token) == (
        "village-07",
        "https://onestop.example.gov/api",
        "tok-123",
    )
    assert tomllib.loads(NEW_CONFIG)["backend"]["token"] == ""


def test_only_the_named_key_of_the_named_section_changes() -> None:
    text = (
        "# the vendor's notes\n"
        "[devices]\n"
        'id = "not this one"\n'
        "[kiosk]   # the kiosk itself\n"
        "id = 'old'   # set by provisioning\n"
        "fullscreen = true\n"
    )

    changed = set_key(text, "kiosk", "id", "new")
    changed = set_key(changed, "kiosk", "data_dir", "/data")
    changed = set_key(changed, "backend", "token", "t")

    document = tomllib.loads(changed)
    assert document["devices"]["id"] == "not this one"
    assert document["kiosk"] == {"id": "new", "data_dir": "/data", "fullscreen": True}
    assert document["backend"] == {"token": "t"}
    assert 'id = "new"   # set by provisioning' in changed
    assert changed.startswith("# the vendor's notes\n")


# Any text a file can hold (lone surrogates cannot be written as UTF-8 at all).
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=60))
def test_any_value_survives_as_a_toml_string(value: str) -> None:
    assert tomllib.loads(f"key = {toml_string(value)}")["key"] == value
    assert (
        tomllib.loads(set_key('[backend]\ntoken = "x" # c\n', "backend", "token", value))[
            "backend"
        ]["token"]
        == value
    )


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ({"id": 3, "kind": "reset", "message": None}, FleetCommand(3, CommandKind.RESET)),
        ({"id": 4, "kind": "message", "message": "紙"}, FleetCommand(4, CommandKind.MESSAGE, "紙")),
        ({"id": 5, "kind": "self_destruct", "message": None}, Unsupported(5, "self_destruct")),
        ({"id": "5", "kind": "reset"}, None),
        ({"id": True, "kind": "reset"}, None),
        ({"id": 0, "kind": "reset"}, None),
        (["reset"], None),
    ],
)
def test_commands_are_read_strictly(raw: object, parsed: object) -> None:
    assert parse_command(raw) == parsed


def test_the_ledger_survives_a_restart_privately_and_stays_small(tmp_path: Path) -> None:
    ledger = CommandLedger.in_directory(tmp_path)
    for command_id in range(1, REMEMBERED_COMMANDS + 11):
        ledger.record(command_id, AckOutcome.DONE)
    ledger.mark_acknowledged(REMEMBERED_COMMANDS + 10)
    ledger.record(7_000, AckOutcome.FAILED, "x" * 500)

    again = CommandLedger.in_directory(tmp_path)

    assert again.get(1) is None  # the oldest are forgotten: ids only grow
    newest = again.get(REMEMBERED_COMMANDS + 10)
    assert newest is not None and newest.acknowledged
    failed = again.get(7_000)
    assert failed is not None and failed.outcome is AckOutcome.FAILED and len(failed.detail) == 200
    assert len(again.unacknowledged()) == REMEMBERED_COMMANDS - 1
    assert stat.S_IMODE((tmp_path / LEDGER_FILE).stat().st_mode) == 0o600


def test_a_damaged_ledger_does_not_stop_the_kiosk(tmp_path: Path) -> None:
    (tmp_path / LEDGER_FILE).write_text('{"commands": {"1": {"outcome": "maybe"}}}')

    ledger = CommandLedger.in_directory(tmp_path)

    assert ledger.get(1) is None and ledger.unacknowledged() == []
    ledger.record(2, AckOutcome.DONE)
    assert CommandLedger.in_directory(tmp_path).get(2) is not None
