"""``kiosk staff card-hash --read`` against pcscd with a virtual card: the line it prints is
for that card's ID number, and nothing but the masked number is shown."""

from __future__ import annotations

from pathlib import Path

from drivers.cards.identity import DocumentKind, mask_id
from kiosk.cli_staff import EXIT_OK, EXIT_REFUSED
from kiosk.staff_cards import CARD_KEY_FILE, CardKey
from tests.integration.cards.virtual_cards import CARDS
from tests.integration.cards.vpcd import VpcdStack
from tests.support import run_kiosk

NHI_NUMBER = "F223687147"  # the virtual Taiwan NHI card's


def kiosk_config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n'
        '[devices]\ncard_reader = "pcsc://?reader=virtual"\n',
        encoding="utf-8",
    )
    return path


def test_card_hash_reads_the_card_in_the_configured_reader(vpcd: VpcdStack, tmp_path: Path) -> None:
    vpcd.insert(CARDS[DocumentKind.TW_NHI_CARD]())
    config = kiosk_config(tmp_path)

    result = run_kiosk("staff", "card-hash", "--config", str(config), "--read", "--timeout", "15")

    assert result.returncode == EXIT_OK, result.stderr
    key = CardKey.load(tmp_path / "data" / CARD_KEY_FILE)
    assert key.matches(NHI_NUMBER, result.stdout.strip())
    assert f"card read: tw-nhi-card {mask_id(NHI_NUMBER)}" in result.stderr
    assert NHI_NUMBER not in result.stdout + result.stderr


def test_card_hash_without_a_card_writes_nothing(vpcd: VpcdStack, tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    result = run_kiosk("staff", "card-hash", "--config", str(config), "--read", "--timeout", "1")
    assert result.returncode == EXIT_REFUSED
    assert result.stdout == "" and "no card" in result.stderr
    assert not (tmp_path / "data" / CARD_KEY_FILE).exists()
