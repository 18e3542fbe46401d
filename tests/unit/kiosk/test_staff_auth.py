"""The staff PIN gate: hashing, lockout with growing delays that survives a restart, the audit;
and the staff's kept settings and the recent-log buffer the staff screens show."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.app import DEMO_STAFF_PIN, DEMO_STAFF_PIN_HASH
from kiosk.config import ConfigError, load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor, RecentLogLines
from kiosk.staff_auth import (
    FIRST_LOCKOUT_S,
    MAX_LOCKOUT_S,
    MAX_TRIES,
    Outcome,
    PinFormatError,
    PinHashError,
    StaffAction,
    StaffGate,
    audit,
    hash_pin,
    lockout_delay_s,
    valid_pin_hash,
    verify_pin,
)
from kiosk.staff_settings import StaffSettings

PIN = "135790"
CHEAP = 2**10  # the stored cost is read back from the hash: tests need not pay the real one
HASH = hash_pin(PIN, cost=CHEAP)


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "staff-lockout.json"


def gate(state_file: Path, clock: Clock, pin_hash: str = HASH) -> StaffGate:
    return StaffGate(pin_hash, state_file, clock=clock)


# -- hashing -------------------------------------------------------------------------------------


def test_a_hash_verifies_its_pin_only() -> None:
    assert verify_pin(PIN, HASH)
    assert not verify_pin("135791", HASH)
    assert not verify_pin("", HASH)
    assert PIN not in HASH
    assert hash_pin(PIN, cost=CHEAP) != HASH, "a fresh salt each time"


def test_the_demo_pin_matches_the_demo_hash() -> None:
    assert verify_pin(DEMO_STAFF_PIN, DEMO_STAFF_PIN_HASH)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a456", "１２３４５６", " 1234"])
def test_a_pin_is_4_to_12_ascii_digits(pin: str) -> None:
    with pytest.raises(PinFormatError):
        hash_pin(pin, cost=CHEAP)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "246810",
        "scrypt$n=1000,r=8,p=1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5",  # n not a power of two
        "scrypt$n=1024,r=8,p=1$c2Fs$a2V5a2V5a2V5a2V5a2V5a2V5",  # salt too short
        "argon2$whatever",
    ],
)
def test_malformed_hashes_are_refused(encoded: str) -> None:
    assert not valid_pin_hash(encoded)
    with pytest.raises(PinHashError):
        verify_pin(PIN, encoded)


def test_the_config_takes_a_hash_and_refuses_anything_else() -> None:
    config = load_config(None, environ={}, defaults={"staff": {"pin_hash": HASH}})
    assert config.staff.pin_hash == HASH
    with pytest.raises(ConfigError) as raised:
        load_config(None, environ={}, defaults={"staff": {"pin_hash": "246810"}})
    assert raised.value.key == "staff.pin_hash"
    assert "kiosk staff pin-hash" in raised.value.problem


# -- the gate ------------------------------------------------------------------------------------


def test_the_right_pin_is_granted(state_file: Path, clock: Clock) -> None:
    attempt = gate(state_file, clock).attempt(PIN)
    assert attempt.outcome is Outcome.GRANTED


def test_wrong_pins_count_down_then_lock_out(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for left in range(MAX_TRIES - 1, 0, -1):
        attempt = staff.attempt("000000")
        assert (attempt.outcome, attempt.tries_left) == (Outcome.WRONG, left)
    attempt = staff.attempt("000000")
    assert attempt.outcome is Outcome.LOCKED
    assert attempt.locked_for_s == FIRST_LOCKOUT_S
    # Locked: even the right PIN is not checked.
    clock.now += FIRST_LOCKOUT_S - 1
    assert staff.attempt(PIN).outcome is Outcome.LOCKED
    assert staff.locked_for() == pytest.approx(1)


def test_each_lockout_after_the_first_is_longer(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        staff.attempt("000000")
    delays = [FIRST_LOCKOUT_S]
    for _ in range(3):
        clock.now += staff.locked_for()
        assert staff.tries_left() == 1
        attempt = staff.attempt("000000")  # one try after each lockout, and it was wrong
        assert attempt.outcome is Outcome.LOCKED
        delays.append(attempt.locked_for_s)
    assert delays == [30, 60, 120, 240]
    assert lockout_delay_s(30) == MAX_LOCKOUT_S


def test_the_right_pin_after_a_lockout_starts_afresh(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        staff.attempt("000000")
    clock.now += FIRST_LOCKOUT_S
    assert staff.attempt(PIN).outcome is Outcome.GRANTED
    assert staff.tries_left() == MAX_TRIES
    assert staff.attempt("000000").outcome is Outcome.WRONG


def test_a_lockout_survives_a_restart(state_file: Path, clock: Clock) -> None:
    first = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        first.attempt("000000")
    clock.now += 10
    restarted = gate(state_file, clock)
    assert restarted.locked_for() == pytest.approx(FIRST_LOCKOUT_S - 10)
    assert restarted.attempt(PIN).outcome is Outcome.LOCKED
    clock.now += 20
    assert restarted.tries_left() == 1


def test_wrong_pins_survive_a_restart(state_file: Path, clock: Clock) -> None:
    gate(state_file, clock).attempt("000000")
    gate(state_file, clock).attempt("000000")
    assert gate(state_file, clock).tries_left() == MAX_TRIES - 2


def test_a_clock_set_back_does_not_stretch_a_lockout(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        staff.attempt("000000")
    clock.now -= 86400 * 365
    assert staff.locked_for() == pytest.approx(FIRST_LOCKOUT_S)


def test_old_failures_are_forgotten_after_a_day(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES - 1):
        staff.attempt("000000")
    clock.now += 25 * 3600
    assert staff.tries_left() == MAX_TRIES


def test_a_spoiled_state_file_leaves_one_try(state_file: Path, clock: Clock) -> None:
    state_file.parent.mkdir(parents=True)
    state_file.write_text("{not json", encoding="utf-8")
    staff = gate(state_file, clock)
    assert staff.tries_left() == 1
    assert staff.attempt("000000").outcome is Outcome.LOCKED


def test_unlock_forgets_everything(state_file: Path, clock: Clock) -> None:
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        staff.attempt("000000")
    gate(state_file, clock).unlock()
    assert gate(state_file, clock).locked_for() == 0


@pytest.mark.parametrize("pin_hash", ["", "not-a-hash"])
def test_without_a_usable_hash_staff_mode_is_closed(
    state_file: Path, clock: Clock, pin_hash: str
) -> None:
    staff = gate(state_file, clock, pin_hash)
    assert not staff.configured
    assert staff.attempt(PIN).outcome is Outcome.CLOSED


# -- the audit -----------------------------------------------------------------------------------


def test_audit_lines_name_the_action_and_never_the_pin(
    state_file: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.audit")
    staff = gate(state_file, clock)
    for _ in range(MAX_TRIES):
        staff.attempt("987654")
    clock.now += FIRST_LOCKOUT_S
    staff.attempt(PIN)
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.audit"]
    assert lines == [
        "staff pin-wrong tries_left=4",
        "staff pin-wrong tries_left=3",
        "staff pin-wrong tries_left=2",
        "staff pin-wrong tries_left=1",
        "staff locked-out lockout=1 seconds=30",
        "staff signed-in",
    ]


def test_an_audit_detail_with_anything_but_plain_words_is_withheld(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.audit")
    audit(StaffAction.REPRINT, "陳美玲 11010519491231002X")
    audit(StaffAction.REPRINT, "A-20260101-0001")
    assert [r.getMessage() for r in caplog.records] == [
        "staff reprint (detail withheld)",
        "staff reprint A-20260101-0001",
    ]


# -- kept settings -------------------------------------------------------------------------------


def test_the_default_language_is_kept_while_the_config_says_the_same(tmp_path: Path) -> None:
    path = tmp_path / "staff-settings.json"
    settings = StaffSettings(path, configured_language=Language.ZH_HANT)
    assert settings.default_language() is Language.ZH_HANT
    assert settings.set_default_language(Language.ZH_HANS)
    assert StaffSettings(path, configured_language=Language.ZH_HANT).default_language() is (
        Language.ZH_HANS
    )
    # The vendor changed the config since: the config wins.
    assert StaffSettings(path, configured_language=Language.EN).default_language() is Language.EN


def test_spoiled_settings_fall_back_to_the_config(tmp_path: Path) -> None:
    path = tmp_path / "staff-settings.json"
    path.write_text('{"default_language": "klingon", "config_language": "en"}', encoding="utf-8")
    assert StaffSettings(path, configured_language=Language.EN).default_language() is Language.EN


# -- recent log lines ----------------------------------------------------------------------------


def test_recent_lines_are_bounded_and_masked_as_they_arrive() -> None:
    redactor = PersonalDataRedactor()
    recent = RecentLogLines(redactor, capacity=3)
    logger = logging.getLogger("test.recent")
    logger.addHandler(recent)
    logger.setLevel(logging.INFO)
    try:
        redactor.protect(name="王小明", id_number="X1234567")
        logger.info("card of 王小明 X1234567 read")
        redactor.forget()  # the session ended: the line stays masked
        assert "王小明" not in recent.lines()[0] and "X1234567" not in recent.lines()[0]
        logger.warning("id 44010619900101123X phone 13912345678 and 0912345678")
        logger.info("one")
        logger.info("two")
    finally:
        logger.removeHandler(recent)
    lines = recent.lines()
    assert len(lines) == 3 and lines[-1].endswith("two")
    text = "\n".join(lines)
    for secret in ("44010619900101123X", "13912345678", "0912345678"):
        assert secret not in text
    assert "4401**********123X" in text and "139****5678" in text and "091****678" in text
    assert recent.lines(1) == lines[-1:]
