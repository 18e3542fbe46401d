"""A made-up Taiwan NHI card (健保卡): one 57-byte basic data record behind 00 CA 11 00."""

from __future__ import annotations

from tests.integration.cards.virtual_cards.iso import (
    INS_SELECT,
    SW_CONDITIONS_NOT_SATISFIED,
    SW_FILE_NOT_FOUND,
    SW_INS_NOT_SUPPORTED,
    SW_OK,
    SW_WRONG_P1_P2,
    Faults,
    IsoCard,
    command_data,
    expected_length,
    status,
)

NHI_AID = bytes.fromhex("D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00")
READ_BASIC_DATA_HEADER = bytes.fromhex("00 CA 11 00")
BASIC_DATA_LENGTH = 57

CARD_NUMBER = "000098765432"
NAME = "林雅婷"
ID_NUMBER = "F223687147"
BIRTH_DATE_ROC = "0760521"  # 民國 76 = 1987
SEX = "F"
ISSUE_DATE_ROC = "1080315"  # 民國 108 = 2019


def basic_data_record(
    *, name: str = NAME, id_number: str = ID_NUMBER, birth_date: str = BIRTH_DATE_ROC
) -> bytes:
    record = (
        CARD_NUMBER.encode("ascii")
        + name.encode("big5").ljust(20, b"\x00")
        + id_number.encode("ascii")
        + birth_date.encode("ascii")
        + SEX.encode("ascii")
        + ISSUE_DATE_ROC.encode("ascii")
    )
    assert len(record) == BASIC_DATA_LENGTH
    return record


class TaiwanNhiCard(IsoCard):
    # A T=0 card: TA1 = 96 (Fi 512, Di 32), 10 historical bytes, no TCK under T=0 alone.
    atr = bytes.fromhex("3B1A96") + b"TWNHI-VIC1"
    # An NHI card has no expiry date, so "expired_document" has nothing to act on.
    supported_faults = frozenset(
        {"t0_get_response", "wrong_le", "malformed_data", "truncated_file", "bad_check_digits"}
    )

    def __init__(self, faults: Faults | None = None) -> None:
        super().__init__(faults)
        id_number = ID_NUMBER[:-1] + "0" if self.faults.bad_check_digits else ID_NUMBER
        birth_date = "0761321" if self.faults.malformed_data else BIRTH_DATE_ROC  # month 13
        record = basic_data_record(id_number=id_number, birth_date=birth_date)
        self.record = record[:40] if self.faults.truncated_file else record
        self._selected = False

    def handle(self, apdu: bytes) -> bytes:
        if apdu[1] == INS_SELECT and apdu[2] == 0x04:
            self._selected = command_data(apdu) == NHI_AID
            return status(SW_OK if self._selected else SW_FILE_NOT_FOUND)
        if apdu[1] == INS_SELECT:  # by path or file identifier: this card has no file tree
            return status(SW_WRONG_P1_P2)
        if apdu[:4] == READ_BASIC_DATA_HEADER:
            if not self._selected:
                return status(SW_CONDITIONS_NOT_SATISFIED)
            if self.faults.wrong_le and expected_length(apdu) != len(self.record):
                return status(0x6C00 | len(self.record))
            return self.reply(self.record)
        return status(SW_INS_NOT_SUPPORTED)
