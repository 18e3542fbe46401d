"""A made-up Estonian ID card (2018 IDEMIA layout): personal data files 5001..500F under 5000."""

from __future__ import annotations

from tests.integration.cards.virtual_cards.iso import (
    INS_READ_BINARY,
    INS_SELECT,
    SW_FILE_NOT_FOUND,
    SW_INS_NOT_SUPPORTED,
    SW_OK,
    Faults,
    IsoCard,
    command_data,
    status,
)

AWP_AID = bytes.fromhex("A0 00 00 00 77 01 08 00 07 00 00 FE 00 00 01 00")
PERSONAL_DATA_DF = bytes.fromhex("5000")
SW_NO_CURRENT_EF = 0x6986

# File number → content, as the card stores it (UTF-8, no padding). Files 10..15 hold the
# residence permit type and notes: empty for a citizen.
PERSONAL_DATA: dict[int, str] = {
    1: "JÕEORG",
    2: "MARI-LIIS",
    3: "N",
    4: "EST",
    5: "14 02 1987 EST",
    6: "48702140270",
    7: "AC0041735",
    8: "09 08 2028",
    9: "09 08 2023 Politsei- ja Piirivalveamet",
    **dict.fromkeys(range(10, 16), ""),
}
EXPIRED_DATES = {8: "17 05 2021", 9: "17 05 2016 Politsei- ja Piirivalveamet"}


class EstonianIdCard(IsoCard):
    # The 2018 card's ATR: T=1, historical bytes carrying "SeID".
    atr = bytes.fromhex("3BDB960080B1FE451F830012233F536549440F9000F1")
    supported_faults = frozenset(
        {
            "t0_get_response",
            "wrong_le",
            "malformed_data",
            "truncated_file",
            "bad_check_digits",
            "expired_document",
        }
    )

    def __init__(self, faults: Faults | None = None) -> None:
        super().__init__(faults)
        texts = dict(PERSONAL_DATA)
        if self.faults.expired_document:
            texts.update(EXPIRED_DATES)
        if self.faults.bad_check_digits:
            texts[6] = texts[6][:-1] + str((int(texts[6][-1]) + 3) % 10)
        if self.faults.truncated_file:
            texts[6] = texts[6][:7]
        self.files = {number: text.encode() for number, text in texts.items()}
        if self.faults.malformed_data:  # the surname in Latin-1, not UTF-8
            self.files[1] = texts[1].encode("latin-1")
        self._awp_selected = False
        self._in_personal_data = False
        self._current_ef: int | None = None

    def handle(self, apdu: bytes) -> bytes:
        if apdu[1] == INS_SELECT:
            return self._select(apdu[2], command_data(apdu))
        if apdu[1] == INS_READ_BINARY:
            if self._current_ef is None:
                return status(SW_NO_CURRENT_EF)
            return self.read_binary(self.files[self._current_ef], apdu)
        return status(SW_INS_NOT_SUPPORTED)

    def _select(self, p1: int, data: bytes) -> bytes:
        if p1 == 0x04:
            self._awp_selected = data == AWP_AID
            self._in_personal_data, self._current_ef = False, None
            return status(SW_OK if self._awp_selected else SW_FILE_NOT_FOUND)
        if p1 == 0x00 and not data:  # the MF: some readers start here instead of the AID
            self._awp_selected, self._in_personal_data, self._current_ef = True, False, None
            return status(SW_OK)
        if not self._awp_selected or p1 not in (0x01, 0x02) or len(data) != 2:
            return status(SW_FILE_NOT_FOUND)
        if data == PERSONAL_DATA_DF:
            self._in_personal_data, self._current_ef = True, None
            return status(SW_OK)
        # DigiDoc selects the EFs with P1 = 01, the ID1 guide with 02: the card takes both.
        if self._in_personal_data and data[0] == 0x50 and data[1] in self.files:
            self._current_ef = data[1]
            return status(SW_OK)
        return status(SW_FILE_NOT_FOUND)
