"""Every card profile the kiosk ships, read end to end through pcscd by the kiosk's reader."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from drivers.cards.identity import DocumentKind
from drivers.cards.pcsc import REASON_BAD_DATA, PcscReader
from drivers.cards.profiles import PROFILES
from tests.integration.cards.events import RecordingListener
from tests.integration.cards.virtual_cards import CARDS, BelgianEidCard
from tests.integration.cards.virtual_cards.belgian_eid import BelgianCitizen
from tests.integration.cards.vpcd import VpcdStack


@pytest.fixture
def kiosk_reader(vpcd: VpcdStack, listener: RecordingListener) -> Iterator[PcscReader]:
    """A reader exactly as ``pcsc://`` builds it: every profile, in PROFILES order."""
    pcsc_reader = PcscReader(None, PROFILES)
    pcsc_reader.start(listener)
    yield pcsc_reader
    pcsc_reader.stop()


def test_every_profile_has_a_virtual_card() -> None:
    assert {profile.kind for profile in PROFILES} <= set(CARDS)


@pytest.mark.parametrize("kind", [kind for kind in DocumentKind if kind in CARDS], ids=str)
def test_each_kind_of_card_is_read_by_the_kiosk_reader(
    vpcd: VpcdStack, kiosk_reader: PcscReader, listener: RecordingListener, kind: DocumentKind
) -> None:
    vpcd.insert(CARDS[kind]())
    identity = listener.expect("inserted").identity
    assert identity is not None
    assert identity.kind is kind
    assert identity.name and identity.id_number


def test_a_malformed_birth_date_stays_out_of_the_log(
    vpcd: VpcdStack,
    kiosk_reader: PcscReader,
    listener: RecordingListener,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    vpcd.insert(BelgianEidCard(citizen=BelgianCitizen(birth_date="14 XYZQ 1985")))
    assert listener.expect("error").reason == REASON_BAD_DATA
    assert "birth date" in caplog.text  # the log still says which field was wrong
    assert "XYZQ" not in caplog.text and "1985" not in caplog.text
