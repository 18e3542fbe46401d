"""Belgian eID: identity, address and photo files, readable without a PIN.

Protocol as in Fedict's eid-mw: files under 3F00/DF01 selected by absolute path, the applet
selected first only when a card answers that path select with 6A82/6A86.
"""

from __future__ import annotations

from drivers.cards.apdu import SW_OK, ApduSession
from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity, Sex
from drivers.cards.idnumbers import is_valid_belgian_national_number
from drivers.cards.profiles import CardProfile
from drivers.cards.profiles.fields import decode_text, parse_belgian_birth_date, parse_dotted_date
from drivers.cards.profiles.tlv import parse_fedict_tlv

APPLET_AID = bytes.fromhex("A0 00 00 00 30 29 05 70 00 AD 13 10 01 01 FF")
SELECT_APPLET = bytes.fromhex("00A40400") + bytes([len(APPLET_AID)]) + APPLET_AID
IDENTITY_FILE = bytes.fromhex("3F00DF014031")
ADDRESS_FILE = bytes.fromhex("3F00DF014033")
PHOTO_FILE = bytes.fromhex("3F00DF014035")
FILE_NOT_FOUND = (0x6A82, 0x6A86)  # "select the applet first" on cards with another default
# Historical bytes of the Belpic applet's ATR; applet 1.8 cards have another ATR, so a miss
# here proves nothing and ``probe`` decides.
BELPIC_ATR_MARK = bytes.fromhex("A503010101AD13")

# eid-mw's Le. Some readers fail a 256-byte reply (Le = 00) in the transport itself, which
# looks exactly like a card pulled mid-read (CardRemoved), so there is no stepping down from
# 256 after the fact: every READ BINARY asks for 252, as eid-mw does for every card.
READ_CHUNK = 252
SW_END_OF_FILE = 0x6B00
SW_SHORT_FILE = 0x6282
MAX_FILE_BYTES = 0x8000  # short READ BINARY offsets stop here; a photo is about 3 KB

# Identity file tags.
TAG_CARD_NUMBER = 0x01
TAG_VALID_FROM = 0x03
TAG_VALID_UNTIL = 0x04
TAG_ISSUING_MUNICIPALITY = 0x05
TAG_NATIONAL_NUMBER = 0x06
TAG_SURNAME = 0x07
TAG_GIVEN_NAMES = 0x08
TAG_NATIONALITY = 0x0A
TAG_BIRTH_DATE = 0x0C
TAG_SEX = 0x0D
# Address file tags.
TAG_STREET = 0x01
TAG_ZIP = 0x02
TAG_MUNICIPALITY = 0x03

_SEXES = {"M": Sex.MALE, "F": Sex.FEMALE, "V": Sex.FEMALE, "W": Sex.FEMALE}


class BelgianEidProfile(CardProfile):
    kind = DocumentKind.BE_EID
    name = "Belgian eID"

    def matches_atr(self, atr: bytes) -> bool:
        return BELPIC_ATR_MARK in atr

    def probe(self, session: ApduSession) -> bool:
        return select_file(session, IDENTITY_FILE)

    def read(self, session: ApduSession) -> Identity:
        identity_file = read_file(session, IDENTITY_FILE)
        address_file = read_file(session, ADDRESS_FILE)
        photo = read_file(session, PHOTO_FILE)
        return identity_from_files(identity_file, address_file, photo)


def select_file(session: ApduSession, path: bytes) -> bool:
    """Select by absolute path, selecting the applet first if the card asks for it."""
    select = bytes([0x00, 0xA4, 0x08, 0x0C, len(path)]) + path
    _, sw = session.command(select)
    if sw in FILE_NOT_FOUND:
        _, applet_sw = session.command(SELECT_APPLET)
        if applet_sw != SW_OK:
            return False
        _, sw = session.command(select)
    return sw == SW_OK


def read_file(session: ApduSession, path: bytes) -> bytes:
    """The whole file at ``path``, read in chunks of ``READ_CHUNK`` bytes."""
    if not select_file(session, path):
        raise CardDataError(f"file {path[-2:].hex().upper()} cannot be selected")
    content = bytearray()
    while len(content) < MAX_FILE_BYTES:
        offset = len(content)
        read = bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, READ_CHUNK])
        data, sw = session.command(read)
        if sw == SW_END_OF_FILE and offset > 0:
            break  # the file ended exactly on a chunk boundary
        if sw not in (SW_OK, SW_SHORT_FILE):
            raise CardDataError(f"READ BINARY at {offset}: status word {sw:04X}")
        content += data
        if len(data) < READ_CHUNK or sw == SW_SHORT_FILE:
            break
    else:  # a short READ BINARY cannot reach the rest: refuse rather than truncate
        raise CardDataError(f"file {path[-2:].hex().upper()} is larger than {MAX_FILE_BYTES}")
    return bytes(content)


def identity_from_files(identity_file: bytes, address_file: bytes, photo: bytes) -> Identity:
    """The ``Identity`` in the three files; raises ``CardDataError`` on anything malformed."""
    fields = parse_fedict_tlv(identity_file)
    address = parse_fedict_tlv(address_file)

    def text(tags: dict[int, bytes], tag: int, what: str, *, required: bool = True) -> str:
        value = decode_text(tags.get(tag, b""), what)
        if required and not value:
            raise CardDataError(f"identity file has no {what}")
        return value

    national_number = text(fields, TAG_NATIONAL_NUMBER, "national number")
    if not is_valid_belgian_national_number(national_number):
        raise CardDataError("national number fails its check digits")
    sex_letter = text(fields, TAG_SEX, "sex")
    if sex_letter not in _SEXES:
        raise CardDataError("sex is none of M, F, V, W")  # no value: messages reach logs
    given_names = text(fields, TAG_GIVEN_NAMES, "given names", required=False)
    surname = text(fields, TAG_SURNAME, "surname")
    street = text(address, TAG_STREET, "street", required=False)
    locality = " ".join(
        part
        for part in (
            text(address, TAG_ZIP, "postal code", required=False),
            text(address, TAG_MUNICIPALITY, "municipality", required=False),
        )
        if part
    )
    return Identity(
        kind=DocumentKind.BE_EID,
        name=f"{given_names} {surname}".strip(),
        id_number=national_number,
        birth_date=parse_belgian_birth_date(text(fields, TAG_BIRTH_DATE, "birth date")),
        sex=_SEXES[sex_letter],
        nationality=text(fields, TAG_NATIONALITY, "nationality", required=False),
        address=", ".join(part for part in (street, locality) if part),
        valid_from=parse_dotted_date(
            text(fields, TAG_VALID_FROM, "validity start"), "validity start"
        ),
        valid_until=parse_dotted_date(
            text(fields, TAG_VALID_UNTIL, "validity end"), "validity end"
        ),
        issuer=text(fields, TAG_ISSUING_MUNICIPALITY, "issuing municipality", required=False),
        photo=photo,
    )
