"""``read_once`` and ``list_readers``: the command line's way to the PC/SC readers."""

from __future__ import annotations

import time

import pytest

from drivers.cards.base import CardDataError, CardReaderError, CardRemoved, UnknownCard
from drivers.cards.pcsc import (
    NoCardPresented,
    NoReaderFound,
    PcscdNotRunning,
    list_readers,
    read_once,
)
from tests.integration.cards.transport_cards import (
    TEST_PROFILES,
    FileCard,
    ForeignCard,
    identity_file,
)
from tests.integration.cards.vpcd import READER_NAMES, VpcdStack


def test_list_readers_names_the_virtual_readers(vpcd: VpcdStack) -> None:
    assert list_readers() == list(READER_NAMES)


def test_a_card_already_inserted_is_read_at_once(vpcd: VpcdStack) -> None:
    vpcd.insert(FileCard(), slot=1)
    vpcd.wait_for_cards_in({1})
    identity = read_once("00 01", TEST_PROFILES, timeout_s=5)
    assert identity.id_number == "11010519491231002X"


def test_waiting_ends_with_no_card_presented_after_the_timeout(vpcd: VpcdStack) -> None:
    started = time.monotonic()
    with pytest.raises(NoCardPresented, match="within 0.5 s") as raised:
        read_once(None, TEST_PROFILES, timeout_s=0.5)
    assert 0.4 < time.monotonic() - started < 1.5
    assert isinstance(raised.value, TimeoutError)  # what `kiosk card read` catches


def test_a_filter_matching_no_reader_says_what_pcscd_sees(vpcd: VpcdStack) -> None:
    with pytest.raises(NoReaderFound, match="Virtual PCD 00 00"):
        read_once("Gemalto", TEST_PROFILES, timeout_s=1)


@pytest.mark.parametrize(
    ("card", "error"),
    [
        (ForeignCard(), UnknownCard),
        (FileCard(pull_at_read=1), CardRemoved),
        (FileCard(version=b"\x09\x00"), CardDataError),
    ],
    ids=["unknown", "pulled", "bad data"],
)
def test_card_problems_raise_their_typed_error(
    vpcd: VpcdStack, card: FileCard | ForeignCard, error: type[Exception]
) -> None:
    vpcd.insert(card)
    with pytest.raises(error):
        read_once(None, TEST_PROFILES, timeout_s=5)


def test_an_identity_file_cut_short_is_a_data_error(vpcd: VpcdStack) -> None:
    vpcd.insert(FileCard(identity_file()[:30]))
    with pytest.raises(CardDataError):
        read_once(None, TEST_PROFILES, timeout_s=5)


def test_without_pcscd_both_say_pcscd_is_not_running(vpcd: VpcdStack) -> None:
    vpcd.stop_pcscd()
    with pytest.raises(PcscdNotRunning, match="^pcscd is not running$") as raised:
        read_once(None, TEST_PROFILES, timeout_s=5)
    assert isinstance(raised.value, CardReaderError)
    with pytest.raises(PcscdNotRunning):
        list_readers()
