"""An answer that comes after the driver gave up on it must never pass for the next command's.

The SAM emulator answers late on purpose (``answer_delay_s``): the driver's exchange times out
(ReaderSilent), then the answer arrives while the driver starts its next command.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.cards.sam_frames import (
    FIND_CARD,
    READ_TEXT_AND_PHOTO,
    SELECT_CARD,
    SamRequest,
    SamStatus,
)
from drivers.cards.sam_link import ReaderSilent, SamLink, open_port
from tests.integration.cards.sam_emulator import SamEmulator
from tests.integration.cards.sam_harness import StartEmulator, emulators

TIMEOUT_S = 0.3


@pytest.fixture
def emulator_factory() -> Iterator[StartEmulator]:
    yield from emulators()


@pytest.fixture
def emulator(emulator_factory: StartEmulator) -> SamEmulator:
    emulator = emulator_factory()
    emulator.insert()
    return emulator


@pytest.fixture
def link(emulator: SamEmulator) -> Iterator[SamLink]:
    link = SamLink(open_port(emulator.path, 115200), emulator.path)
    yield link
    link.close()


def test_a_late_answer_is_drained_before_the_next_command(
    emulator: SamEmulator, link: SamLink
) -> None:
    """A late select answer (SW3 90) looks just like a read answer: only draining helps."""
    emulator.answer_delay_s = TIMEOUT_S + 0.1  # arrives inside the drain that follows
    with pytest.raises(ReaderSilent):
        link.exchange(SamRequest(SELECT_CARD), TIMEOUT_S)
    emulator.answer_delay_s = 0.0
    answer = link.exchange(SamRequest(READ_TEXT_AND_PHOTO), 2.0)
    assert answer.sw3 == SamStatus.OK
    assert len(answer.data) > 1000  # the text and photo, not the select's 8 bytes


def test_a_late_answer_with_another_commands_status_is_ignored(
    emulator: SamEmulator, link: SamLink
) -> None:
    """A find answer (SW3 9F) coming even after the drain cannot be a select's answer."""
    emulator.answer_delay_s = TIMEOUT_S + 0.35  # after the drain, during the select
    with pytest.raises(ReaderSilent):
        link.exchange(SamRequest(FIND_CARD), TIMEOUT_S)
    emulator.answer_delay_s = 0.0
    answer = link.exchange(SamRequest(SELECT_CARD), 2.0)
    assert answer.sw3 == SamStatus.OK
    assert emulator.count(SELECT_CARD) == 1
