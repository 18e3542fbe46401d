"""The reader outlives pcscd: killed and started again, it resumes without a kiosk restart."""

from __future__ import annotations

import signal
import time

from drivers.cards.pcsc import REASON_NO_SERVICE, PcscReader
from tests.integration.cards.events import RecordingListener
from tests.integration.cards.transport_cards import TEST_PROFILES, FileCard
from tests.integration.cards.vpcd import VpcdStack

RESUME_LIMIT_S = 2.0


def test_detection_resumes_within_two_seconds_of_pcscd_coming_back(
    vpcd: VpcdStack, reader: PcscReader, listener: RecordingListener
) -> None:
    first = vpcd.insert(FileCard())
    listener.expect("inserted")

    vpcd.stop_pcscd(signal.SIGKILL)  # a crash: no clean-up, stale socket left behind
    assert first.ended.wait(5), "the virtual card's connection outlived pcscd"
    listener.expect("removed")  # the card can no longer be used: the session must end
    assert listener.expect("error").reason == REASON_NO_SERVICE

    vpcd.start_pcscd()
    back = time.monotonic()
    vpcd.insert(FileCard())
    inserted = listener.expect("inserted", timeout_s=RESUME_LIMIT_S + 3)
    assert inserted.at - back < RESUME_LIMIT_S


def test_a_reader_started_before_pcscd_reports_it_and_then_works(
    vpcd: VpcdStack, listener: RecordingListener
) -> None:
    vpcd.stop_pcscd()
    pcsc_reader = PcscReader(None, TEST_PROFILES)
    pcsc_reader.start(listener)
    try:
        assert listener.expect("error").reason == REASON_NO_SERVICE
        vpcd.start_pcscd()
        back = time.monotonic()
        vpcd.insert(FileCard())
        assert listener.expect("inserted").at - back < RESUME_LIMIT_S
    finally:
        pcsc_reader.stop()
