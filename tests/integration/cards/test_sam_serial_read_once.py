"""``read_once`` (``kiosk card read``) and ``sam-serial://`` URIs, against the SAM emulator."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from drivers.cards import open_reader
from drivers.cards.base import CardDataError, CardReaderError
from drivers.cards.sam_serial import SamSerialReader, read_once, read_once_from_uri
from tests.integration.cards.sam_emulator import PHOTO, card_with
from tests.integration.cards.sam_harness import StartEmulator, descriptors_open_on, emulators


@pytest.fixture
def emulator_factory() -> Iterator[StartEmulator]:
    yield from emulators()


def test_read_once_reads_a_card(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory(chunk_size=16)
    emulator.insert()
    identity = read_once(emulator.path, timeout_s=3)
    assert (identity.name, identity.nationality, identity.photo) == ("张伟民", "汉", PHOTO)
    assert descriptors_open_on(emulator.path) == 1


def test_read_once_from_a_uri(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    emulator.insert()
    assert read_once_from_uri(f"sam-serial://{emulator.path}?baudrate=9600", 3).name == "张伟民"


def test_read_once_times_out_without_a_card(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="no ID card"):
        read_once(emulator.path, timeout_s=0.6)
    assert 0.6 <= time.monotonic() - started < 2.0
    assert descriptors_open_on(emulator.path) == 1


def test_read_once_reports_bad_card_data(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    emulator.insert(card_with(nation_code="77"))
    with pytest.raises(CardDataError, match="GB 3304"):
        read_once(emulator.path, timeout_s=3)


def test_read_once_names_a_missing_device() -> None:
    with pytest.raises(CardReaderError, match="/dev/ttyKIOSK-absent.*check its USB cable"):
        read_once("/dev/ttyKIOSK-absent", timeout_s=1)


def test_read_once_reports_a_silent_reader(emulator_factory: StartEmulator) -> None:
    emulator = emulator_factory()
    emulator.silent = True
    with pytest.raises(CardReaderError, match="did not answer"):
        read_once(emulator.path, timeout_s=1)


def test_uri_options() -> None:
    default = open_reader("sam-serial:///dev/ttyUSB0")
    assert isinstance(default, SamSerialReader)
    assert (default.device, default.baudrate) == ("/dev/ttyUSB0", 115200)
    chosen = open_reader("sam-serial:///dev/ttyS1?baudrate=9600")
    assert isinstance(chosen, SamSerialReader)
    assert (chosen.device, chosen.baudrate) == ("/dev/ttyS1", 9600)


@pytest.mark.parametrize(
    ("uri", "mentions"),
    [("sam-serial:///dev/ttyUSB0?baudrate=12345", "baudrate"), ("sam-serial://ttyUSB0", "///dev")],
)
def test_bad_uris_say_what_is_allowed(uri: str, mentions: str) -> None:
    with pytest.raises(CardReaderError, match=mentions):
        open_reader(uri)
