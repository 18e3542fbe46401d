"""PcscReader on a real pcscd with vpcd: insertion, removal, T=0, wrong Le, pulled cards."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest

from drivers.cards.identity import DocumentKind, Identity
from drivers.cards.pcsc import REASON_PULLED, PcscReader
from tests.integration.cards.events import RecordingListener
from tests.integration.cards.transport_cards import (
    IDENTITY_FILE_SIZE,
    STAFF_AID,
    TEST_AID,
    TEST_PROFILES,
    FileCard,
    ForeignCard,
    identity_file,
)
from tests.integration.cards.vpcd import READER_NAMES, VpcdStack


@pytest.mark.parametrize(
    ("options", "expected_commands"),
    [
        # SELECT, GET DATA, READ BINARY at 0, 256, 512 (188 bytes: short, so the end)
        pytest.param({}, ["00A4", "00CA", "00B0", "00B0", "00B0"], id="T=1"),
        # + GET RESPONSE after 61xx, + the last READ BINARY again with the Le of its 6Cxx
        pytest.param(
            {"t0": True},
            ["00A4", "00C0", "00CA", "00B0", "00B0", "00B0", "00B0"],
            id="T=0 61xx and 6Cxx",
        ),
        # GET DATA again with the Le of its 6Cxx
        pytest.param(
            {"exact_le": True},
            ["00A4", "00CA", "00CA", "00B0", "00B0", "00B0"],
            id="6Cxx resend",
        ),
    ],
)
def test_an_inserted_card_is_read_into_an_identity(
    vpcd: VpcdStack,
    reader: PcscReader,
    listener: RecordingListener,
    options: dict[str, bool],
    expected_commands: list[str],
) -> None:
    card = FileCard(t0=options.get("t0", False), exact_le=options.get("exact_le", False))
    inserted = vpcd.insert(card)
    identity = listener.expect("inserted").identity
    assert identity is not None
    assert (identity.kind, identity.name, identity.id_number) == (
        DocumentKind.DEMO,
        "陳美玲",
        "11010519491231002X",
    )
    assert identity.birth_date == date(1949, 12, 31)
    assert [command[:2].hex().upper() for command in card.commands] == expected_commands
    assert inserted.apdus_answered == len(expected_commands)
    assert card.commands[-1][4] in (IDENTITY_FILE_SIZE - 512, 0)  # last Le: 188 (or 256)


def test_taking_the_card_out_is_reported(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    inserted = vpcd.insert(FileCard())
    listener.expect("inserted")
    inserted.remove()
    listener.expect("removed")
    assert listener.pending() == []


def test_a_card_pulled_mid_read_asks_for_it_again_and_the_next_one_is_read(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    pulled = FileCard(pull_at_read=2)
    vpcd.insert(pulled)
    error = listener.expect("error")
    assert error.reason == REASON_PULLED
    assert "insert it again" in error.reason
    assert pulled.reads == 2
    listener.expect("removed")

    vpcd.insert(FileCard())
    assert listener.expect("inserted").identity is not None


def test_an_unknown_card_is_refused_naming_the_accepted_cards(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    inserted = vpcd.insert(ForeignCard())
    reason = listener.expect("error").reason
    assert "OneStop test card" in reason
    assert "OneStop staff card" in reason
    inserted.remove()
    listener.expect("removed")


def test_a_card_with_bad_data_is_reported_without_stopping_the_reader(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    vpcd.insert(FileCard(identity_file()[:20]))  # the file ends before the ID number
    assert "could not be read" in listener.expect("error").reason
    vpcd.remove_all()
    listener.expect("removed")
    vpcd.insert(FileCard())
    listener.expect("inserted")


def test_the_second_profile_reads_its_own_card(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    card = FileCard(aid=STAFF_AID)
    vpcd.insert(card)
    listener.expect("inserted")
    # The first profile's SELECT was refused, then the second's accepted.
    assert [command[5:] for command in card.commands[:2]] == [TEST_AID, STAFF_AID]


def test_a_reader_filter_watches_only_the_readers_it_names(
    vpcd: VpcdStack, listener: RecordingListener
) -> None:
    second_reader = PcscReader("pcd 00 01", TEST_PROFILES)  # any letter case matches
    second_reader.start(listener)
    try:
        vpcd.insert(FileCard(identity_file(name="Ignored")), slot=0)
        vpcd.insert(FileCard(identity_file(name="Watched")), slot=1)
        identity = listener.expect("inserted").identity
        assert identity is not None and identity.name == "Watched"
    finally:
        second_reader.stop()


def test_a_card_already_in_the_reader_at_start_is_read(
    vpcd: VpcdStack, listener: RecordingListener
) -> None:
    vpcd.insert(FileCard(), slot=1)
    vpcd.insert(FileCard(), slot=0)
    vpcd.wait_for_cards_in({0, 1})
    pcsc_reader = PcscReader(READER_NAMES[1], TEST_PROFILES)
    pcsc_reader.start(listener)
    try:
        listener.expect("inserted")
    finally:
        pcsc_reader.stop()


def test_stop_returns_at_once_and_twice(vpcd: VpcdStack, listener: RecordingListener) -> None:
    pcsc_reader = PcscReader(None, TEST_PROFILES)
    pcsc_reader.start(listener)
    vpcd.insert(FileCard())
    listener.expect("inserted")  # the thread is in its status-change wait now
    started = time.monotonic()
    pcsc_reader.stop()
    assert time.monotonic() - started < 0.4  # SCardCancel, not the 500 ms poll timeout
    pcsc_reader.stop()
    vpcd.remove_all()
    vpcd.wait_until_readers_empty()
    assert listener.pending() == []  # nothing is sent after stop()


def test_the_listener_may_stop_the_reader_from_the_readers_thread(vpcd: VpcdStack) -> None:
    """stop() on the reader's own thread must not try to join that thread."""
    failures: list[BaseException] = []
    done = threading.Event()

    class StopOnInsert(RecordingListener):
        def card_inserted(self, identity: Identity) -> None:
            try:
                pcsc_reader.stop()
            except BaseException as error:
                failures.append(error)
            finally:
                done.set()

    pcsc_reader = PcscReader(None, TEST_PROFILES)
    pcsc_reader.start(StopOnInsert())
    vpcd.insert(FileCard())
    assert done.wait(5)
    assert failures == []
    deadline = time.monotonic() + 2
    while any(t.name == "pcsc-reader" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the reader thread did not end"
        time.sleep(0.02)
