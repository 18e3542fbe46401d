"""The Belgian eID's TLV flavour (Fedict, not BER): 1-byte tag, 1-byte length, ``FF`` extends.

A length byte ``FF`` means "255 plus the next byte", repeated while the next byte is ``FF``
(``FF 2D`` = 300). Tag ``00`` may open a file (the file structure version); anywhere later it
marks the end, and zero padding follows it.
"""

from __future__ import annotations

from drivers.cards.base import CardDataError

END_TAG = 0x00
LENGTH_EXTENDS = 0xFF


def parse_fedict_tlv(data: bytes) -> dict[int, bytes]:
    """Tag → value. Raises ``CardDataError`` when a length runs past the end of the data."""
    fields: dict[int, bytes] = {}
    index = 0
    while index < len(data):
        tag = data[index]
        if tag == END_TAG and index > 0:
            break
        index += 1
        length, index = _read_length(data, index, tag)
        end = index + length
        if end > len(data):
            raise CardDataError(
                f"TLV tag {tag:02X}: {length} bytes announced, {len(data) - index} left"
            )
        fields[tag] = data[index:end]  # a repeated tag wins, as in eid-mw
        index = end
    return fields


def _read_length(data: bytes, index: int, tag: int) -> tuple[int, int]:
    """The length starting at ``index`` and the index of the value after it."""
    length = 0
    while True:
        if index >= len(data):
            raise CardDataError(f"TLV tag {tag:02X}: the data ends inside its length")
        byte = data[index]
        index += 1
        length += byte
        if byte != LENGTH_EXTENDS:
            return length, index
