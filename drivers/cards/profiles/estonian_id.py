"""Estonian ID card, 2018 and later (IDEMIA): the personal data files, readable without a PIN.

Sequence as in the ID1 developer guide and RIA's DigiDoc: select the AWP application, then
DF 5000, then each EF 50xx and READ BINARY with Le = 00. Values are UTF-8 text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from drivers.cards.apdu import SW_OK, ApduSession
from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity, Sex
from drivers.cards.idnumbers import is_valid_estonian_personal_code
from drivers.cards.profiles import CardProfile
from drivers.cards.profiles.fields import decode_text, make_date, parse_spaced_date

AWP_AID = bytes.fromhex("A0 00 00 00 77 01 08 00 07 00 00 FE 00 00 01 00")
SELECT_AWP = bytes.fromhex("00A40400") + bytes([len(AWP_AID)]) + AWP_AID
SELECT_PERSONAL_DATA = bytes.fromhex("00 A4 01 0C 02 50 00")
# "SeID" in the historical bytes of the 2018 card's ATR; ``probe`` decides all the same.
ESTEID_ATR_MARK = b"SeID"

SURNAME = 1
GIVEN_NAMES = 2
SEX = 3
CITIZENSHIP = 4
BIRTH_DATE_AND_PLACE = 5
PERSONAL_CODE = 6
DOCUMENT_NUMBER = 7
EXPIRY_DATE = 8
ISSUE_DATE_AND_AUTHORITY = 9
# Files 10..15 (residence permit type, notes) have no place in an Identity: reading them
# would cost 12 APDUs for nothing.
FILES_READ = range(SURNAME, ISSUE_DATE_AND_AUTHORITY + 1)

_SEXES = {"M": Sex.MALE, "N": Sex.FEMALE, "F": Sex.FEMALE}  # N: naine (woman)
# First digit of the personal code: the century of birth (odd male, even female).
_CENTURIES = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000, 7: 2100, 8: 2100}


class EstonianIdProfile(CardProfile):
    kind = DocumentKind.EE_ID
    name = "Estonian ID card"

    def matches_atr(self, atr: bytes) -> bool:
        return ESTEID_ATR_MARK in atr

    def probe(self, session: ApduSession) -> bool:
        _, sw = session.command(SELECT_AWP)
        return sw == SW_OK

    def read(self, session: ApduSession) -> Identity:
        session.expect_ok(SELECT_PERSONAL_DATA, "select personal data DF 5000")
        files: dict[int, bytes] = {}
        for number in FILES_READ:
            session.expect_ok(
                bytes([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x50, number]), f"select EF 50{number:02X}"
            )
            files[number] = session.read_binary()
        return identity_from_personal_data(files)


def identity_from_personal_data(files: Mapping[int, bytes]) -> Identity:
    """The ``Identity`` in the personal data files (number → content); ``CardDataError``."""

    def text(number: int, what: str) -> str:
        return decode_text(files.get(number, b""), what)

    personal_code = text(PERSONAL_CODE, "personal code")
    if not is_valid_estonian_personal_code(personal_code):
        raise CardDataError("personal code fails its check digit")
    surname = text(SURNAME, "surname")
    if not surname:
        raise CardDataError("personal data has no surname")
    sex_letter = text(SEX, "sex")
    if sex_letter not in _SEXES:
        raise CardDataError("sex is none of M, N, F")  # no value: messages reach logs
    birth_text = text(BIRTH_DATE_AND_PLACE, "birth date")
    issue_text = text(ISSUE_DATE_AND_AUTHORITY, "issue date")
    return Identity(
        kind=DocumentKind.EE_ID,
        name=f"{text(GIVEN_NAMES, 'given names')} {surname}".strip(),
        id_number=personal_code,
        birth_date=(
            parse_spaced_date(birth_text, "birth date")
            if birth_text
            else birth_date_from_personal_code(personal_code)
        ),
        sex=_SEXES[sex_letter],
        nationality=text(CITIZENSHIP, "citizenship"),
        valid_from=parse_spaced_date(issue_text, "issue date") if issue_text else None,
        valid_until=parse_spaced_date(text(EXPIRY_DATE, "expiry date"), "expiry date"),
        issuer=_authority(issue_text),
    )


def birth_date_from_personal_code(code: str) -> date:
    """GYYMMDD…: G gives the century, then year, month and day of birth."""
    century = _CENTURIES.get(int(code[0]))
    if century is None:
        raise CardDataError("personal code has no valid century digit")
    year, month, day = int(code[1:3]), int(code[3:5]), int(code[5:7])
    return make_date(century + year, month, day, "birth date in the personal code")


def _authority(issue_text: str) -> str:
    """What follows the date in "DD MM YYYY <authority>", if anything does."""
    return issue_text[len("DD MM YYYY") :].strip()
