"""``kiosk card read|readers|watch`` as a vendor runs them, against pcscd with virtual cards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drivers.cards.apdu import ApduSession
from drivers.cards.identity import DocumentKind
from drivers.cards.profiles import PROFILES
from kiosk.cli_cards import identity_fields
from tests.integration.cards.virtual_cards import CARDS
from tests.integration.cards.vpcd import VpcdStack
from tests.support import run_kiosk as kiosk
from tests.unit.drivers.cards.virtual_session import VirtualCardTransmitter

KINDS = [profile.kind for profile in PROFILES]


def read_directly(kind: DocumentKind) -> dict[str, object]:
    """The same card read by its profile without pcscd, the command line or JSON."""
    profile = next(p for p in PROFILES if p.kind is kind)
    session = ApduSession(VirtualCardTransmitter(CARDS[kind]()))
    assert profile.probe(session)
    return identity_fields(profile.read(session), reveal=True)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_card_read_json_prints_each_profiles_identity(vpcd: VpcdStack, kind: DocumentKind) -> None:
    vpcd.insert(CARDS[kind]())
    result = kiosk("card", "read", "--json", "--reveal", "--timeout", "15")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed == read_directly(kind)
    assert printed["kind"] == kind.value


def test_card_read_masks_personal_data_unless_revealed(vpcd: VpcdStack) -> None:
    vpcd.insert(CARDS[DocumentKind.TW_NHI_CARD]())
    result = kiosk("card", "read", "--json", "--timeout", "15")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["name"] == "林**" and printed["id_number"] == "F2******47"
    assert "林雅婷" not in result.stdout and "F223687147" not in result.stdout


def test_no_card_times_out_with_exit_1(vpcd: VpcdStack) -> None:
    result = kiosk("card", "read", "--timeout", "1")
    assert result.returncode == 1
    assert "no card" in result.stderr


def test_readers_lists_the_virtual_readers(vpcd: VpcdStack) -> None:
    result = kiosk("card", "readers")
    assert result.returncode == 0, result.stderr
    assert "Virtual PCD" in result.stdout


def test_doctor_finds_the_reader_pcscd_sees(vpcd: VpcdStack, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[devices]\ncard_reader = "pcsc://?reader=virtual"\n', encoding="utf-8")
    result = kiosk("doctor", "--config", str(config))
    reader = next(line for line in result.stdout.splitlines() if " card reader " in line)
    assert reader.startswith("ok") and "Virtual PCD 00 00" in reader, result.stdout


def test_watch_prints_insertion_and_removal(vpcd: VpcdStack) -> None:
    watcher = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "card", "watch", "--events", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watcher.stdout is not None
        inserted = vpcd.insert(CARDS[DocumentKind.EE_ID]())
        first = watcher.stdout.readline()
        inserted.remove()
        second = watcher.stdout.readline()
        assert watcher.wait(timeout=15) == 0
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait(5)
    assert "inserted ee-id" in first and "removed" in second
