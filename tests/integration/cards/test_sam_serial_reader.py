"""SamSerialReader through a real pseudo-terminal: the test plays the SAM on the master side."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from drivers.cards import open_reader
from drivers.cards.identity import DocumentKind, Sex
from drivers.cards.sam_frames import FIND_CARD, READ_TEXT_AND_PHOTO, SamStatus
from drivers.cards.sam_serial import SamSerialReader
from tests.integration.cards.sam_emulator import PHOTO, EmulatedCard, card_with
from tests.integration.cards.sam_harness import (
    POLL_S,
    RecordingListener,
    StartEmulator,
    StartReader,
    descriptors_open_on,
    emulators,
    readers,
)


@pytest.fixture
def emulator_factory() -> Iterator[StartEmulator]:
    yield from emulators()


@pytest.fixture
def reader_factory() -> Iterator[StartReader]:
    yield from readers()


def test_a_card_is_read_into_an_identity(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    emulator.insert()
    reader = open_reader(f"sam-serial://{emulator.path}")
    listener = RecordingListener()
    reader.start(listener)
    try:
        identity = listener.identity()
    finally:
        reader.stop()
    assert identity.kind is DocumentKind.CN_RESIDENT_ID
    assert (identity.name, identity.id_number) == ("张伟民", "110105198503170036")
    assert (identity.sex, identity.nationality) == (Sex.MALE, "汉")
    assert identity.birth_date == date(1985, 3, 17)
    assert identity.address == "示范省示范市幸福区人民路88号3栋201室"
    assert identity.issuer == "示范市公安局幸福分局"
    assert (identity.valid_from, identity.valid_until) == (date(2015, 6, 1), date(2035, 6, 1))
    assert identity.photo == PHOTO and len(identity.photo) == 1024
    assert listener.kinds() == ["inserted"]


@pytest.mark.parametrize(
    ("chunk_size", "noise"),
    [(1, b""), (7, b""), (64, b"\x00\xaa\xaa\xaa\x96\x13\xff"), (None, b"\xaa\x55" * 40)],
    ids=["byte-by-byte", "7-byte-writes", "noise-and-false-preamble", "noise"],
)
def test_answers_in_pieces_and_after_noise(
    emulator_factory: StartEmulator,
    reader_factory: StartReader,
    chunk_size: int | None,
    noise: bytes,
) -> None:
    emulator = emulator_factory(chunk_size=chunk_size, chunk_delay_s=0.0002)
    emulator.noise_before_answers = noise
    emulator.insert()
    _, listener = reader_factory(emulator.path)
    assert listener.identity().id_number == "110105198503170036"
    assert listener.of("error") == []


def test_one_garbled_answer_is_retried_silently(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    emulator.corrupt_reads = 1
    emulator.insert()
    _, listener = reader_factory(emulator.path)
    assert listener.identity().name == "张伟民"
    assert emulator.count(READ_TEXT_AND_PHOTO) == 2
    assert listener.of("error") == []


def test_answers_that_stay_garbled_give_one_error(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    emulator.corrupt_reads = 1000
    emulator.insert()
    _, listener = reader_factory(emulator.path)
    (reason,) = listener.wait_for("error")
    assert "garbled" in str(reason) and "place it again" in str(reason)
    finds = emulator.count(FIND_CARD)
    assert emulator.wait_for_requests(FIND_CARD, finds + 5)
    # The card still lies there: not read again and not reported again until it is lifted.
    assert emulator.count(READ_TEXT_AND_PHOTO) == 3
    assert listener.kinds() == ["error"]


def test_no_card_keeps_polling_quietly(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    _, listener = reader_factory(emulator.path)
    assert emulator.wait_for_requests(FIND_CARD, 6)
    assert listener.kinds() == []
    emulator.insert()
    assert listener.identity().name == "张伟民"


def test_a_card_staying_on_the_reader_is_read_once(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    emulator.insert()
    _, listener = reader_factory(emulator.path)
    listener.identity()
    assert emulator.wait_for_requests(FIND_CARD, emulator.count(FIND_CARD) + 8)
    assert emulator.count(READ_TEXT_AND_PHOTO) == 1
    assert listener.kinds() == ["inserted"]

    emulator.remove()
    listener.wait_for("removed")
    emulator.insert(
        card_with(
            name="李秀英", sex_code="2", birth_date="19620704", id_number="44030419620704562X"
        )
    )
    second = listener.identity(1)
    assert (second.name, second.sex) == ("李秀英", Sex.FEMALE)
    assert listener.kinds() == ["inserted", "removed", "inserted"]


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        (EmulatedCard(read_status=SamStatus.SAM_TIMEOUT), "timed out"),
        (EmulatedCard(select_status=SamStatus.UNKNOWN_CARD_TYPE), "not a resident ID card"),
        (EmulatedCard(read_status=SamStatus.AUTHENTICATION_FAILED), "authenticity"),
        (card_with(id_number="110105198503170037"), "GB 11643"),
    ],
    ids=["sam-timeout", "unknown-card-type", "authentication-failed", "bad-check-character"],
)
def test_unreadable_cards_give_one_error_each_placement(
    emulator_factory: StartEmulator,
    reader_factory: StartReader,
    card: EmulatedCard,
    expected: str,
) -> None:
    emulator = emulator_factory()
    emulator.insert(card)
    _, listener = reader_factory(emulator.path)
    (reason,) = listener.wait_for("error")
    assert expected in str(reason)
    assert emulator.wait_for_requests(FIND_CARD, emulator.count(FIND_CARD) + 5)
    assert listener.kinds() == ["error"]  # not repeated while the card lies there

    emulator.remove()
    assert emulator.wait_for_requests(FIND_CARD, emulator.count(FIND_CARD) + 3)
    emulator.insert()
    assert listener.identity().name == "张伟民"
    assert listener.kinds() == ["error", "inserted"]  # no removal for a card never announced


def test_an_expired_card_is_still_read(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    """Expiry is the kiosk's decision: renewing an expired card is itself a service."""
    emulator = emulator_factory()
    emulator.insert(card_with(valid_from="20000101", valid_until="20200101"))
    _, listener = reader_factory(emulator.path)
    identity = listener.identity()
    assert identity.valid_until == date(2020, 1, 1)
    assert identity.is_expired(date.today())


def test_a_card_valid_for_life(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    emulator.insert(card_with(valid_from="20150601", valid_until="长期"))
    _, listener = reader_factory(emulator.path)
    assert listener.identity().valid_until is None


def test_a_sam_failing_to_find_is_reported_once(
    emulator_factory: StartEmulator, reader_factory: StartReader
) -> None:
    emulator = emulator_factory()
    emulator.find_status = SamStatus.SAM_TIMEOUT
    _, listener = reader_factory(emulator.path)
    (reason,) = listener.wait_for("error")
    assert "timed out" in str(reason)
    assert emulator.wait_for_requests(FIND_CARD, emulator.count(FIND_CARD) + 8)
    assert listener.kinds() == ["error"]
    emulator.find_status = None
    emulator.insert()
    assert listener.identity().name == "张伟民"


@pytest.mark.slow
def test_a_silent_reader_is_reported_once_and_stops_promptly(
    emulator_factory: StartEmulator,
) -> None:
    emulator = emulator_factory()
    emulator.silent = True
    reader = SamSerialReader(emulator.path, poll_interval_s=POLL_S)
    listener = RecordingListener()
    reader.start(listener)
    try:
        (reason,) = listener.wait_for("error")
        assert "did not answer" in str(reason) and "115200 baud" in str(reason)
        assert emulator.wait_for_requests(FIND_CARD, 3)  # one per second-long wait
    finally:
        started = time.monotonic()
        reader.stop()
        assert time.monotonic() - started < 0.5  # stop() interrupts the wait for an answer
    assert listener.kinds() == ["error"]
    assert descriptors_open_on(emulator.path) == 1  # only the emulator's own slave side


@pytest.mark.slow
def test_a_missing_reader_is_reported_once_then_used_when_plugged_in(
    emulator_factory: StartEmulator, reader_factory: StartReader, tmp_path: Path
) -> None:
    device = tmp_path / "ttySAM"  # a symlink stands in for the name udev gives the adapter
    _, listener = reader_factory(str(device))
    (reason,) = listener.wait_for("error")
    assert str(device) in str(reason) and "not found" in str(reason)
    time.sleep(2.5)  # two more reopen attempts
    assert listener.kinds() == ["error"]

    emulator = emulator_factory()
    emulator.insert()
    device.symlink_to(emulator.path)
    assert listener.identity().name == "张伟民"


@pytest.mark.slow
def test_an_unplugged_reader_is_reopened_when_it_comes_back(
    emulator_factory: StartEmulator, reader_factory: StartReader, tmp_path: Path
) -> None:
    device = tmp_path / "ttySAM"
    first = emulator_factory()
    first.insert()
    device.symlink_to(first.path)
    _, listener = reader_factory(str(device))
    listener.identity()

    first.close()
    device.unlink()
    listener.wait_for("removed")  # nobody can vouch for the card without its reader
    (reason,) = listener.wait_for("error")
    assert "disconnected" in str(reason)
    time.sleep(2.5)
    assert listener.kinds() == ["inserted", "removed", "error"]

    second = emulator_factory()
    second.insert()
    device.symlink_to(second.path)
    listener.identity(1)
    assert listener.kinds() == ["inserted", "removed", "error", "inserted"]


def test_stop_ends_the_thread_and_closes_the_port(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    emulator.insert()
    reader = SamSerialReader(emulator.path, poll_interval_s=POLL_S)
    listener = RecordingListener()
    reader.start(listener)
    listener.identity()
    assert descriptors_open_on(emulator.path) == 2
    reader.stop()
    reader.stop()  # twice is fine
    assert descriptors_open_on(emulator.path) == 1
    assert not [t for t in threading.enumerate() if t.name.startswith("sam-serial")]
    finds = emulator.count(FIND_CARD)
    time.sleep(5 * POLL_S)
    assert emulator.count(FIND_CARD) == finds


def test_a_malformed_birth_date_stays_out_of_the_reason_and_the_log(
    emulator_factory: StartEmulator, reader_factory: StartReader, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    emulator = emulator_factory()
    emulator.insert(card_with(birth_date="19850399"))
    _, listener = reader_factory(emulator.path)
    (reason,) = listener.wait_for("error")
    assert "birth date" in str(reason)
    assert "19850399" not in str(reason)
    assert "19850399" not in caplog.text
