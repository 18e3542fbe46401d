"""Cards and profiles of the tests' own, for the PC/SC transport rather than any real card.

The "OneStop test card" holds one application (``TEST_AID``) with a 2-byte format version
(GET DATA) and an identity file read with READ BINARY, long enough to need several reads.
Variants play T=0 (``61xx`` then GET RESPONSE; ``6Cxx`` for a too-long READ BINARY), a card
insisting on the exact Le (``6Cxx``), and a card pulled out in the middle of the file.
"""

from __future__ import annotations

from datetime import date

from drivers.cards.apdu import ApduSession
from drivers.cards.base import CardDataError
from drivers.cards.identity import DocumentKind, Identity
from drivers.cards.profiles import CardProfile
from tests.integration.cards.virtual_card import CardPulled, VirtualCard

TEST_AID = bytes.fromhex("F04F4E4553544F50")  # proprietary RID F0 + "ONESTOP"
STAFF_AID = bytes.fromhex("F04F4E4553544F51")
FORMAT_VERSION = bytes.fromhex("0100")
SW_OK = b"\x90\x00"
ATR_T1 = bytes.fromhex("3B800181")  # T=1 only
ATR_T0 = bytes.fromhex("3B00")  # no interface bytes: T=0
IDENTITY_FILE_SIZE = 700  # 256 + 256 + 188: three READ BINARY of Le 256


def identity_file(name: str = "陳美玲", id_number: str = "11010519491231002X") -> bytes:
    """``key=value`` lines in UTF-8, padded with a note to exactly IDENTITY_FILE_SIZE bytes."""
    text = f"name={name}\nid={id_number}\nbirth=1949-12-31\nnote=".encode()
    return text + b"x" * (IDENTITY_FILE_SIZE - len(text))


class FileCard(VirtualCard):
    def __init__(
        self,
        content: bytes | None = None,
        *,
        t0: bool = False,
        exact_le: bool = False,
        pull_at_read: int | None = None,
        aid: bytes = TEST_AID,
        version: bytes = FORMAT_VERSION,
    ) -> None:
        self.content = identity_file() if content is None else content
        self.atr = ATR_T0 if t0 else ATR_T1
        self.t0 = t0
        self.exact_le = exact_le
        self.pull_at_read = pull_at_read
        self.aid = aid
        self.version = version
        self.reads = 0
        self.commands: list[bytes] = []
        self._pending = b""  # T=0: response data waiting for GET RESPONSE

    def respond(self, apdu: bytes) -> bytes:
        self.commands.append(apdu)
        ins = apdu[1]
        if ins == 0xA4:
            return self._select(apdu)
        if ins == 0xC0:
            return self._get_response(apdu[4] or 256)
        if ins == 0xCA:
            if self.exact_le and apdu[4] != len(self.version):
                return bytes([0x6C, len(self.version)])
            return self.version + SW_OK
        if ins == 0xB0:
            return self._read_binary(apdu)
        return bytes.fromhex("6D00")

    def _select(self, apdu: bytes) -> bytes:
        if apdu[5 : 5 + apdu[4]] != self.aid:
            return bytes.fromhex("6A82")
        fci = bytes([0x6F, 2 + len(self.aid), 0x84, len(self.aid)]) + self.aid
        if self.t0:  # a T=0 card cannot send data with a case 4 command: it announces it
            self._pending = fci
            return bytes([0x61, len(fci)])
        return fci + SW_OK

    def _get_response(self, le: int) -> bytes:
        data, self._pending = self._pending[:le], self._pending[le:]
        if self._pending:
            return data + bytes([0x61, min(len(self._pending), 255)])
        return data + SW_OK

    def _read_binary(self, apdu: bytes) -> bytes:
        self.reads += 1
        if self.pull_at_read == self.reads:
            raise CardPulled
        offset = (apdu[2] << 8) | apdu[3]
        le = apdu[4] or 256
        if offset >= len(self.content):
            return bytes.fromhex("6B00")
        left = len(self.content) - offset
        if self.t0 and le > left:  # T=0 cards tell the exact length rather than fall short
            return bytes([0x6C, left])
        return self.content[offset : offset + le] + SW_OK


class ForeignCard(VirtualCard):
    """A card no profile knows: every SELECT answers "file not found"."""

    atr = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")

    def respond(self, apdu: bytes) -> bytes:
        return bytes.fromhex("6A82") if apdu[1] == 0xA4 else bytes.fromhex("6D00")


class FileCardProfile(CardProfile):
    """Reads a ``FileCard``: SELECT the application, GET DATA the version, READ BINARY."""

    kind = DocumentKind.DEMO

    def __init__(self, name: str = "OneStop test card", aid: bytes = TEST_AID) -> None:
        self.name = name
        self.aid = aid

    def probe(self, session: ApduSession) -> bool:
        _fci, sw = session.command(bytes([0x00, 0xA4, 0x04, 0x00, len(self.aid)]) + self.aid)
        return sw == 0x9000

    def read(self, session: ApduSession) -> Identity:
        version = session.expect_ok(bytes.fromhex("00CA010000"), "GET DATA version")
        if version != FORMAT_VERSION:
            raise CardDataError(f"unknown format version {version.hex()}")
        content = session.read_binary()
        try:
            fields = dict(line.split("=", 1) for line in content.decode().splitlines())
            return Identity(
                kind=self.kind,
                name=fields["name"],
                id_number=fields["id"],
                birth_date=date.fromisoformat(fields["birth"]),
            )
        except (KeyError, ValueError) as error:
            raise CardDataError(f"identity file: {error!r}") from error


TEST_PROFILES: tuple[CardProfile, ...] = (
    FileCardProfile(),
    FileCardProfile("OneStop staff card", STAFF_AID),
)
