"""Taiwan National Health Insurance card (健保卡): one fixed-layout record, no PIN.

Layout as read by magiclen/tw-nhi-icc-service: 57 bytes. The widely copied snippet that
slices the name as 6 bytes and the dates as 6 digits is wrong on both counts.
"""

from __future__ import annotations

from drivers.cards.apdu import SW_OK, ApduSession
from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity, Sex
from drivers.cards.idnumbers import is_valid_taiwan_id
from drivers.cards.profiles import CardProfile
from drivers.cards.profiles.fields import decode_text, parse_roc_date

NHI_AID = bytes.fromhex("D1 58 00 00 01 00 00 00 00 00 00 00 00 00 11 00")
SELECT_NHI = bytes.fromhex("00A40400") + bytes([len(NHI_AID)]) + NHI_AID
# A case 3 command that still returns data: T=0 readers get it through 61 39 + GET RESPONSE,
# which ``ApduSession.command`` follows.
READ_BASIC_DATA = bytes.fromhex("00 CA 11 00 02 00 00")
BASIC_DATA_LENGTH = 57
ISSUER = "衛生福利部中央健康保險署"  # the NHI Administration issues every card

CARD_NUMBER = slice(0, 12)
NAME = slice(12, 32)
ID_NUMBER = slice(32, 42)
BIRTH_DATE = slice(42, 49)
SEX = 49
ISSUE_DATE = slice(50, 57)

_SEXES = {ord("M"): Sex.MALE, ord("F"): Sex.FEMALE}
# Big5 as Taiwan uses it: cp950 adds the ETEN characters (碁, 銹, 裏, 墻, 恒, 粧, 嫺) that
# appear in names; HKSCS covers further rare characters.
_NAME_ENCODINGS = ("cp950", "big5hkscs")
_CITIZEN_SEX_DIGITS = "12"  # second character of a citizen's number; 8/9 are residents


class TaiwanNhiProfile(CardProfile):
    kind = DocumentKind.TW_NHI_CARD
    name = "Taiwan NHI card"

    def probe(self, session: ApduSession) -> bool:
        _, sw = session.command(SELECT_NHI)
        return sw == SW_OK

    def read(self, session: ApduSession) -> Identity:
        record = session.expect_ok(READ_BASIC_DATA, "NHI basic data")
        return identity_from_basic_data(record)


def identity_from_basic_data(record: bytes) -> Identity:
    """The ``Identity`` in the 57-byte basic data record; ``CardDataError`` when malformed."""
    if len(record) < BASIC_DATA_LENGTH:
        raise CardDataError(f"NHI basic data is {len(record)} bytes, {BASIC_DATA_LENGTH} expected")
    card_number = decode_text(record[CARD_NUMBER], "card number", "ascii")
    if not (len(card_number) == 12 and card_number.isdigit()):
        raise CardDataError("card number is not 12 digits")
    id_number = decode_text(record[ID_NUMBER], "ID number", "ascii")
    if not is_valid_taiwan_id(id_number):
        raise CardDataError("ID number fails its check digit")
    sex = _SEXES.get(record[SEX])
    if sex is None:
        raise CardDataError(f"sex byte {record[SEX]:02X} is neither M nor F")
    return Identity(
        kind=DocumentKind.TW_NHI_CARD,
        name=_decode_name(record[NAME]),
        id_number=id_number,
        birth_date=parse_roc_date(record[BIRTH_DATE], "birth date"),
        sex=sex,
        nationality="TWN" if id_number[1] in _CITIZEN_SEX_DIGITS else "",
        valid_from=parse_roc_date(record[ISSUE_DATE], "issue date"),
        valid_until=None,  # an NHI card has no expiry date
        issuer=ISSUER,
    )


def _decode_name(raw: bytes) -> str:
    """The Big5 name up to its first NUL (the rest of the field is padding)."""
    raw = raw.split(b"\x00", 1)[0]
    for encoding in _NAME_ENCODINGS:
        try:
            name = raw.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
        if name:
            return name
        break
    raise CardDataError("name is empty or not Big5 text")
