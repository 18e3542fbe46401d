"""ApduSession against a scripted card: status-word handling and the APDUs it costs."""

from __future__ import annotations

import pytest

from drivers.cards.apdu import MAX_GET_RESPONSE_ROUNDS, ApduSession
from drivers.cards.base import CardDataError, CardRemoved


class ScriptedCard:
    """A Transmitter that expects exact C-APDUs, in order, and answers each from the script."""

    def __init__(self, script: list[tuple[str, str]]) -> None:
        self._script = [(bytes.fromhex(sent), bytes.fromhex(reply)) for sent, reply in script]
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        assert self._script, f"unexpected extra APDU {apdu.hex()}"
        expected, reply = self._script.pop(0)
        assert apdu.hex() == expected.hex()
        self.sent.append(apdu)
        return reply

    def assert_done(self) -> None:
        assert self._script == [], f"APDUs never sent: {self._script}"


def session_over(script: list[tuple[str, str]]) -> tuple[ApduSession, ScriptedCard]:
    card = ScriptedCard(script)
    return ApduSession(card), card


def test_61xx_is_followed_by_get_response_until_9000() -> None:
    session, card = session_over(
        [
            ("00CA110002", "6139"),
            ("00C0000039", "AA" * 32 + "6119"),
            ("00C0000019", "BB" * 25 + "9000"),
        ]
    )
    data, sw = session.command(bytes.fromhex("00CA110002"))
    assert (data, sw) == (b"\xaa" * 32 + b"\xbb" * 25, 0x9000)
    assert session.apdu_count == 3
    card.assert_done()


def test_6100_asks_for_256_bytes() -> None:
    session, card = session_over([("00B0000000", "6100"), ("00C0000000", "CC" * 256 + "9000")])
    assert session.expect_ok(bytes.fromhex("00B0000000"), "read") == b"\xcc" * 256
    card.assert_done()


def test_6cxx_resends_the_same_command_with_the_right_le() -> None:
    session, card = session_over([("00CA010000", "6C02"), ("00CA010002", "0100" + "9000")])
    assert session.expect_ok(bytes.fromhex("00CA010000"), "version") == b"\x01\x00"
    assert session.apdu_count == 2
    card.assert_done()


def test_6cxx_on_a_command_without_le_appends_one() -> None:
    session, card = session_over(
        [("00A4040002F001", "6C10"), ("00A4040002F00110", "11" * 16 + "9000")]
    )
    data, _ = session.command(bytes.fromhex("00A4040002F001"))
    assert data == b"\x11" * 16
    card.assert_done()


def test_a_card_answering_61xx_for_ever_is_given_up_on() -> None:
    script = [("00CA010000", "6101")]
    script += [("00C0000001", "00" + "6101")] * MAX_GET_RESPONSE_ROUNDS
    session, card = session_over(script)
    with pytest.raises(CardDataError, match="61xx"):
        session.command(bytes.fromhex("00CA010000"))
    assert session.apdu_count == 1 + MAX_GET_RESPONSE_ROUNDS
    card.assert_done()


def test_expect_ok_names_the_step_and_the_status_word() -> None:
    session, _ = session_over([("00A4040001F0", "6A82")])
    with pytest.raises(CardDataError, match="select app: status word 6A82"):
        session.expect_ok(bytes.fromhex("00A4040001F0"), "select app")


def test_a_reply_without_status_word_is_refused() -> None:
    session, _ = session_over([("00B0000000", "90")])
    with pytest.raises(CardDataError, match="no status word"):
        session.command(bytes.fromhex("00B0000000"))


def test_card_removed_from_the_transmitter_passes_through() -> None:
    class PulledCard:
        def transmit(self, apdu: bytes) -> bytes:
            raise CardRemoved("gone")

    with pytest.raises(CardRemoved):
        ApduSession(PulledCard()).read_binary()


# READ BINARY -------------------------------------------------------------------------------


def test_read_binary_stops_at_a_short_reply() -> None:
    session, card = session_over(
        [
            ("00B0000000", "01" * 256 + "9000"),
            ("00B0010000", "02" * 256 + "9000"),
            ("00B0020000", "03" * 188 + "9000"),
        ]
    )
    assert session.read_binary() == b"\x01" * 256 + b"\x02" * 256 + b"\x03" * 188
    assert session.apdu_count == 3
    card.assert_done()


def test_read_binary_takes_6b00_past_the_end_as_end_of_file() -> None:
    session, card = session_over([("00B00000FC", "01" * 252 + "9000"), ("00B000FCFC", "6B00")])
    assert session.read_binary(chunk=252) == b"\x01" * 252
    card.assert_done()


def test_read_binary_at_offset_zero_with_6b00_is_an_error() -> None:
    session, _ = session_over([("00B0000000", "6B00")])
    with pytest.raises(CardDataError, match="READ BINARY at 0: status word 6B00"):
        session.read_binary()


def test_read_binary_follows_6cxx_for_the_last_chunk() -> None:
    session, card = session_over(
        [
            ("00B0000000", "01" * 256 + "9000"),
            ("00B0010000", "6C05"),
            ("00B0010005", "02" * 5 + "9000"),
        ]
    )
    assert session.read_binary() == b"\x01" * 256 + b"\x02" * 5
    assert session.apdu_count == 3
    card.assert_done()


def test_read_binary_6282_ends_the_file_with_its_data() -> None:
    session, card = session_over([("00B0000010", "AB" * 7 + "6282")])
    assert session.read_binary(chunk=16) == b"\xab" * 7
    card.assert_done()


def test_read_binary_asks_no_more_than_the_limit() -> None:
    session, card = session_over(
        [("00B0000064", "01" * 100 + "9000"), ("00B0006432", "02" * 50 + "9000")]
    )
    assert session.read_binary(chunk=100, limit=150) == b"\x01" * 100 + b"\x02" * 50
    assert session.apdu_count == 2
    card.assert_done()


def test_read_binary_rejects_other_status_words() -> None:
    session, _ = session_over([("00B0000000", "6982")])
    with pytest.raises(CardDataError, match="6982"):
        session.read_binary()
