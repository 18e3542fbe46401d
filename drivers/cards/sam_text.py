"""The text a China resident ID card's SAM returns, decoded into an ``Identity``.

The read answer (``30 01``) carries 2 bytes text length, 2 bytes photo length (big-endian, as
every length on this line), then the 256-byte text block and the WLT photo. The text block is
UCS-2LE, each field space padded at a fixed offset.

Anything that does not fit raises ``CardDataError``: a misread card must never become a citizen
with a wrong name or number, so each field is checked, and the ID number's check character and
embedded birth date tie the fields together.
"""

from __future__ import annotations

from datetime import date

from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity, Sex
from drivers.cards.idnumbers import is_valid_gb11643

TEXT_BLOCK_SIZE = 256
_LENGTHS_SIZE = 4
VALID_FOR_LIFE = "长期"

# (byte offset, byte length) in the text block.
_NAME = (0, 30)
_SEX = (30, 2)
_NATION = (32, 4)
_BIRTH_DATE = (36, 16)
_ADDRESS = (52, 70)
_ID_NUMBER = (122, 36)
_ISSUER = (158, 30)
_VALID_FROM = (188, 16)
_VALID_UNTIL = (204, 16)

# GB/T 2261.1: 0 not known and 9 not stated both become UNSPECIFIED.
SEXES = {"0": Sex.UNSPECIFIED, "1": Sex.MALE, "2": Sex.FEMALE, "9": Sex.UNSPECIFIED}

# GB 3304 names of nationalities as the card's codes give them (simplified, without 族).
NATIONS = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝",
    "08": "壮", "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白",
    "15": "土家", "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳", "21": "佤",
    "22": "畲", "23": "高山", "24": "拉祜", "25": "水", "26": "东乡", "27": "纳西", "28": "景颇",
    "29": "柯尔克孜", "30": "土", "31": "达斡尔", "32": "仫佬", "33": "羌", "34": "布朗",
    "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌", "40": "普米",
    "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克", "46": "德昂",
    "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙", "52": "鄂伦春",
    "53": "赫哲", "54": "门巴", "55": "珞巴", "56": "基诺", "97": "其他", "98": "外国血统",
}  # fmt: skip


def split_card_data(data: bytes) -> tuple[bytes, bytes]:
    """The text block and the raw WLT photo of a read answer's data."""
    if len(data) < _LENGTHS_SIZE:
        raise CardDataError(f"card data of {len(data)} bytes lacks its length fields")
    text_length = int.from_bytes(data[0:2], "big")
    photo_length = int.from_bytes(data[2:4], "big")
    if text_length != TEXT_BLOCK_SIZE:
        raise CardDataError(f"card text is {text_length} bytes, expected {TEXT_BLOCK_SIZE}")
    if len(data) != _LENGTHS_SIZE + text_length + photo_length:
        raise CardDataError(
            f"card data is {len(data)} bytes but its lengths announce "
            f"{_LENGTHS_SIZE + text_length + photo_length}"
        )
    text_end = _LENGTHS_SIZE + text_length
    return data[_LENGTHS_SIZE:text_end], data[text_end:]


def decode_identity(text_block: bytes, photo: bytes = b"") -> Identity:
    """The holder of the card whose text block this is; ``photo`` is kept as the raw WLT."""
    if len(text_block) != TEXT_BLOCK_SIZE:
        raise CardDataError(f"text block is {len(text_block)} bytes, expected {TEXT_BLOCK_SIZE}")

    def field(where: tuple[int, int]) -> str:
        offset, length = where
        return _decode_field(text_block[offset : offset + length])

    name = field(_NAME)
    if not name:
        raise CardDataError("the card carries no name")
    sex_code = field(_SEX)
    if sex_code not in SEXES:
        raise CardDataError("sex code is not one of GB/T 2261.1")
    nation_code = field(_NATION)
    if nation_code not in NATIONS:
        raise CardDataError("nation code is not one of GB 3304")
    birth_date = _parse_date(field(_BIRTH_DATE), "birth date")
    id_number = field(_ID_NUMBER).upper()
    # The length and ASCII tests first: the shape check alone would let a trailing newline or
    # non-ASCII digits through (its ``$`` and ``\d`` are lenient).
    if len(id_number) != 18 or not id_number.isascii() or not is_valid_gb11643(id_number):
        raise CardDataError("the ID number fails its GB 11643 check character")
    if id_number[6:14] != birth_date.strftime("%Y%m%d"):
        raise CardDataError("the ID number and the birth date disagree")
    valid_until_text = field(_VALID_UNTIL)
    return Identity(
        kind=DocumentKind.CN_RESIDENT_ID,
        name=name,
        id_number=id_number,
        birth_date=birth_date,
        sex=SEXES[sex_code],
        nationality=NATIONS[nation_code],
        address=field(_ADDRESS),
        valid_from=_parse_date(field(_VALID_FROM), "validity start"),
        valid_until=(
            None
            if valid_until_text == VALID_FOR_LIFE
            else _parse_date(valid_until_text, "validity end")
        ),
        issuer=field(_ISSUER),
        photo=bytes(photo),
    )


def encode_text_block(
    *,
    name: str,
    sex_code: str,
    nation_code: str,
    birth_date: str,
    address: str,
    id_number: str,
    issuer: str,
    valid_from: str,
    valid_until: str,
) -> bytes:
    """The text block a card with these fields holds (emulators and tests build cards with it)."""
    values = (
        (name, _NAME),
        (sex_code, _SEX),
        (nation_code, _NATION),
        (birth_date, _BIRTH_DATE),
        (address, _ADDRESS),
        (id_number, _ID_NUMBER),
        (issuer, _ISSUER),
        (valid_from, _VALID_FROM),
        (valid_until, _VALID_UNTIL),
    )
    block = bytearray(" ".encode("utf-16-le") * (TEXT_BLOCK_SIZE // 2))
    for value, (offset, length) in values:
        encoded = value.encode("utf-16-le")
        if len(encoded) > length:
            raise ValueError(f"{value!r} does not fit in {length} bytes")
        block[offset : offset + len(encoded)] = encoded
    return bytes(block)


def _decode_field(raw: bytes) -> str:
    try:
        text = raw.decode("utf-16-le")
    except UnicodeDecodeError:
        # A lone surrogate: no card writes one, so the bytes were damaged on the way.
        raise CardDataError("card text is not valid UCS-2") from None
    # Cards pad with spaces; some readers hand out NULs instead.
    return text.strip(" \x00")


def _parse_date(text: str, what: str) -> date:
    # The message names the field only: it reaches logs, and a birth date is personal data.
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise CardDataError(f"{what} is not YYYYMMDD")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise CardDataError(f"{what} is not a calendar date") from None
