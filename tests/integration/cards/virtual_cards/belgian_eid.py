"""A made-up Belgian eID (applet 1.7 layout): identity, address and photo files under DF01."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

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

APPLET_AID = bytes.fromhex("A0 00 00 00 30 29 05 70 00 AD 13 10 01 01 FF")
MF = "3F00"
DIRECTORIES = {MF, "3F00DF00", "3F00DF01"}
SW_NO_CURRENT_EF = 0x6986
ADDRESS_FILE_SIZE = 117  # the address file is fixed size: zero padding follows the TLVs


@dataclass(frozen=True)
class BelgianCitizen:
    card_number: str = "592123456732"  # 10 digits + their value mod 97
    valid_from: str = "12.06.2021"
    valid_until: str = "12.06.2031"
    issuing_municipality: str = "Leuven"
    national_number: str = "85031412401"
    surname: str = "Peeters"
    given_names: str = "Anna Maria"
    third_initial: str = "J"
    nationality: str = "Belg"
    birth_place: str = "Leuven"
    birth_date: str = "14 MAAR 1985"
    sex: str = "V"
    street: str = "Bondgenotenlaan 12 bus 3"
    zip_code: str = "3000"
    municipality: str = "Leuven"
    photo_size: int = 3064


EXPIRED_VALIDITY = ("03.02.2009", "03.02.2019")


def tlv(tag: int, value: bytes) -> bytes:
    """One Fedict TLV: a length of 255 or more continues in the next bytes."""
    length, remaining = bytearray(), len(value)
    while remaining >= 0xFF:
        length.append(0xFF)
        remaining -= 0xFF
    length.append(remaining)
    return bytes([tag]) + bytes(length) + value


def fake_jpeg(size: int) -> bytes:
    """JPEG markers around deterministic filler: enough to look like a photo file."""
    header = bytes.fromhex("FFD8FFE000104A46494600010101004800480000")
    filler = bytes((index * 37 + 11) % 251 for index in range(size - len(header) - 2))
    return header + filler + bytes.fromhex("FFD9")


class BelgianEidCard(IsoCard):
    atr = bytes.fromhex("3B9813400AA503010101AD1311")
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

    def __init__(
        self,
        faults: Faults | None = None,
        *,
        citizen: BelgianCitizen | None = None,
        max_le: int = 256,
        applet_preselected: bool = True,
    ) -> None:
        super().__init__(faults)
        self.citizen = citizen or BelgianCitizen()
        self.max_le = max_le
        # False: a card whose default application is another one, so path selects fail
        # (6A82) until the eID applet is selected by AID.
        self._applet_selected = applet_preselected
        self._current_df = MF
        self._current_ef: str | None = None
        self.photo = fake_jpeg(self.citizen.photo_size)
        self.files = {
            "3F00DF014031": self._identity_file(),
            "3F00DF014032": bytes(range(256)),  # its signature: opaque here
            "3F00DF014033": self._address_file(),
            "3F00DF014034": bytes(reversed(range(256))),
            "3F00DF014035": self.photo,
        }

    def _identity_file(self) -> bytes:
        person, faults = self.citizen, self.faults
        valid_from, valid_until = (
            EXPIRED_VALIDITY if faults.expired_document else (person.valid_from, person.valid_until)
        )
        national_number = person.national_number
        if faults.bad_check_digits:
            national_number = national_number[:-1] + str((int(national_number[-1]) + 1) % 10)
        before_number = b"".join(
            (
                tlv(0x01, person.card_number.encode()),
                tlv(0x02, bytes.fromhex("534C494E33660013930D2B0C1A5F2E01")),
                tlv(0x03, valid_from.encode()),
                tlv(0x04, valid_until.encode()),
                tlv(0x05, person.issuing_municipality.encode()),
            )
        )
        content = before_number + b"".join(
            (
                tlv(0x06, national_number.encode()),
                tlv(0x07, person.surname.encode()),
                tlv(0x08, person.given_names.encode()),
                tlv(0x09, person.third_initial.encode()),
                tlv(0x0A, person.nationality.encode()),
                tlv(0x0B, person.birth_place.encode()),
                tlv(0x0C, person.birth_date.encode()),
                tlv(0x0D, person.sex.encode()),
                tlv(0x0F, b"01"),  # document type: Belgian citizen's eID
                tlv(0x10, b"0"),  # no special status
                tlv(0x11, hashlib.sha1(self.photo).digest()),
            )
        )
        if faults.truncated_file:  # cut inside the national number's value
            return content[: len(before_number) + 2 + 5]
        if faults.malformed_data:  # a last field announcing more bytes than the file has
            return content + bytes([0x12, 0x30]) + b"abc"
        return content

    def _address_file(self) -> bytes:
        person = self.citizen
        content = (
            tlv(0x01, person.street.encode())
            + tlv(0x02, person.zip_code.encode())
            + tlv(0x03, person.municipality.encode())
        )
        return content.ljust(ADDRESS_FILE_SIZE, b"\x00")

    def handle(self, apdu: bytes) -> bytes:
        if apdu[1] == INS_SELECT:
            return self._select(apdu[2], command_data(apdu))
        if apdu[1] == INS_READ_BINARY:
            if self._current_ef is None:
                return status(SW_NO_CURRENT_EF)
            return self.read_binary(self.files[self._current_ef], apdu)
        return status(SW_INS_NOT_SUPPORTED)

    def _select(self, p1: int, data: bytes) -> bytes:
        if p1 == 0x04:  # by AID
            if data != APPLET_AID:
                return status(SW_FILE_NOT_FOUND)
            self._applet_selected, self._current_df, self._current_ef = True, MF, None
            return status(SW_OK)
        if not self._applet_selected:
            return status(SW_FILE_NOT_FOUND)
        path = data.hex().upper()
        if p1 == 0x08:  # absolute path; eid-mw includes the MF, ISO leaves it out
            target = path if path.startswith(MF) else MF + path
        elif p1 in (0x00, 0x01, 0x02) and len(data) == 2:  # one step from the current DF
            target = MF if path == MF else self._current_df + path
        else:
            return status(SW_FILE_NOT_FOUND)
        if target in DIRECTORIES:
            self._current_df, self._current_ef = target, None
            return status(SW_OK)
        if target in self.files:
            self._current_df, self._current_ef = target[:-4], target
            return status(SW_OK)
        return status(SW_FILE_NOT_FOUND)
