"""Fixtures for the PC/SC tests: one pcscd + vpcd stack for the session (see ``vpcd``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.cards.pcsc import PcscReader
from tests.integration.cards.events import RecordingListener
from tests.integration.cards.transport_cards import TEST_PROFILES
from tests.integration.cards.vpcd import VpcdStack


@pytest.fixture(scope="session")
def vpcd_stack() -> Iterator[VpcdStack]:
    stack = VpcdStack()
    try:
        stack.start_pcscd()
        yield stack
    finally:
        stack.close()


@pytest.fixture
def vpcd(vpcd_stack: VpcdStack) -> Iterator[VpcdStack]:
    """The stack with pcscd running; afterwards no card is left in a reader (as pcscd sees
    it) and pcscd runs again even if the test stopped it."""
    if vpcd_stack.pcscd.pid is None:
        vpcd_stack.start_pcscd()
    yield vpcd_stack
    vpcd_stack.remove_all()
    if vpcd_stack.pcscd.pid is None:
        vpcd_stack.start_pcscd()
    vpcd_stack.wait_until_readers_empty()


@pytest.fixture
def listener() -> RecordingListener:
    return RecordingListener()


@pytest.fixture
def reader(vpcd: VpcdStack, listener: RecordingListener) -> Iterator[PcscReader]:
    """A started PcscReader over the transport test profiles, watching any reader."""
    pcsc_reader = PcscReader(None, TEST_PROFILES)
    pcsc_reader.start(listener)
    yield pcsc_reader
    pcsc_reader.stop()
