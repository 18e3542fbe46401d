"""SAM frames: encoding against published byte strings, and reassembly from any cut of a stream."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.cards.base import CardDataError
from drivers.cards.sam_frames import (
    FIND_CARD,
    MAX_FRAME_LENGTH,
    PREAMBLE,
    READ_TEXT_AND_PHOTO,
    SAM_STATUS,
    SELECT_CARD,
    Command,
    FrameChecksumError,
    FrameReassembler,
    SamRequest,
    SamResponse,
    SamStatus,
    encode_frame,
    encode_request,
    encode_response,
    parse_request,
    parse_response,
)

FIND_ANSWER = bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")


@pytest.mark.parametrize(
    ("command", "frame"),
    [
        # The byte strings hev-idcard-reader sends to real readers.
        (FIND_CARD, "AAAAAA9669 0003 2001 22"),
        (SELECT_CARD, "AAAAAA9669 0003 2002 21"),
        (READ_TEXT_AND_PHOTO, "AAAAAA9669 0003 3001 32"),
        (SAM_STATUS, "AAAAAA9669 0003 11FF ED"),
    ],
)
def test_requests_match_what_real_readers_accept(command: Command, frame: str) -> None:
    assert encode_request(SamRequest(command)) == bytes.fromhex(frame)


def test_a_find_answer_decodes() -> None:
    reassembler = FrameReassembler()
    reassembler.feed(FIND_ANSWER)
    body = reassembler.pop_body()
    assert body is not None
    response = parse_response(body)
    assert response == SamResponse(0, 0, 0x9F, bytes(4))
    assert response.status is SamStatus.CARD_FOUND
    assert encode_response(response) == FIND_ANSWER
    assert reassembler.pop_body() is None and reassembler.buffered == 0


def test_unlisted_status_codes_are_kept_not_refused() -> None:
    assert parse_response(b"\x00\x00\x77").status is None


def test_byte_by_byte_after_noise_with_two_frames() -> None:
    second = encode_response(SamResponse(0, 0, SamStatus.OK, b"hello"))
    reassembler = FrameReassembler()
    bodies = []
    for byte in b"\x13\xaa\xaa\x00" + FIND_ANSWER + b"\xff" + second:
        reassembler.feed(bytes([byte]))
        body = reassembler.pop_body()
        if body is not None:
            bodies.append(parse_response(body))
    assert [response.sw3 for response in bodies] == [0x9F, 0x90]
    assert bodies[1].data == b"hello"


def test_a_bad_checksum_raises_and_the_next_frame_still_comes_out() -> None:
    damaged = FIND_ANSWER[:-1] + b"\x00"
    reassembler = FrameReassembler()
    reassembler.feed(damaged + FIND_ANSWER)
    with pytest.raises(FrameChecksumError, match="checksum"):
        reassembler.pop_body()
    body = reassembler.pop_body()
    assert body is not None and parse_response(body).sw3 == 0x9F


def test_a_false_preamble_with_an_absurd_length_is_skipped() -> None:
    reassembler = FrameReassembler()
    reassembler.feed(PREAMBLE + b"\xff\xff" + FIND_ANSWER)
    assert reassembler.pop_body() == FIND_ANSWER[7:-1]


def test_endless_noise_does_not_grow_the_buffer() -> None:
    reassembler = FrameReassembler()
    for _ in range(1000):
        reassembler.feed(b"\x00\xaa\x55" * 100)
        assert reassembler.pop_body() is None
    assert reassembler.buffered < len(PREAMBLE)


def test_short_bodies_are_typed_errors() -> None:
    with pytest.raises(CardDataError):
        parse_response(b"\x00\x00")
    with pytest.raises(CardDataError):
        parse_request(b"\x20")
    with pytest.raises(ValueError, match="frame body"):
        encode_frame(b"")
    with pytest.raises(ValueError, match="frame body"):
        encode_frame(bytes(MAX_FRAME_LENGTH))


def cut(data: bytes, cuts: list[int]) -> list[bytes]:
    """``data`` in pieces at the given offsets (any order, duplicates allowed)."""
    points = sorted({point % (len(data) + 1) for point in cuts} | {0, len(data)})
    return [data[a:b] for a, b in zip(points, points[1:], strict=False)]


def drain(reassembler: FrameReassembler) -> tuple[list[bytes], int]:
    """Every body the buffer holds now, and how many checksum errors were on the way."""
    bodies: list[bytes] = []
    errors = 0
    # Each pop returns, raises or shrinks the buffer, so this many calls always suffice.
    for _ in range(reassembler.buffered + 2):
        try:
            body = reassembler.pop_body()
        except FrameChecksumError:
            errors += 1
            continue
        if body is None:
            return bodies, errors
        bodies.append(body)
    raise AssertionError("pop_body kept returning frames from a finite buffer")


@settings(deadline=None)
@given(st.binary(max_size=3000), st.lists(st.integers(min_value=0, max_value=3000), max_size=40))
def test_any_bytes_in_any_pieces_give_frames_or_checksum_errors(
    stream: bytes, cuts: list[int]
) -> None:
    reassembler = FrameReassembler()
    for piece in cut(stream, cuts):
        reassembler.feed(piece)
        bodies, _ = drain(reassembler)
        for body in bodies:
            assert 1 <= len(body) < MAX_FRAME_LENGTH
            with contextlib.suppress(CardDataError):  # the only failure a parser may have
                parse_response(body)
        assert reassembler.buffered <= MAX_FRAME_LENGTH + len(PREAMBLE) + 2 + len(piece)


noise_without_preamble = st.binary(max_size=200).filter(lambda noise: PREAMBLE not in noise)
responses = st.builds(
    SamResponse,
    st.integers(0, 255),
    st.integers(0, 255),
    st.sampled_from(list(SamStatus)),
    st.binary(max_size=1400),
)


@settings(deadline=None)
@given(
    st.lists(st.tuples(noise_without_preamble, responses), min_size=1, max_size=4),
    st.lists(st.integers(min_value=0, max_value=8000), max_size=60),
)
def test_frames_survive_noise_and_any_cutting(
    framed: list[tuple[bytes, SamResponse]], cuts: list[int]
) -> None:
    stream = b"".join(noise + encode_response(response) for noise, response in framed)
    reassembler = FrameReassembler()
    received = []
    for piece in cut(stream, cuts):
        reassembler.feed(piece)
        bodies, errors = drain(reassembler)
        assert errors == 0
        received += [parse_response(body) for body in bodies]
    assert received == [response for _, response in framed]


@settings(deadline=None)
@given(st.binary(min_size=0, max_size=64), st.sampled_from([FIND_CARD, SELECT_CARD, SAM_STATUS]))
def test_requests_round_trip(data: bytes, command: Command) -> None:
    frame = encode_request(SamRequest(command, data))
    reassembler = FrameReassembler()
    reassembler.feed(frame)
    body = reassembler.pop_body()
    assert body is not None
    assert parse_request(body) == SamRequest(command, data)
