"""Staff cards as the config lists them (keyed hashes), and out of service kept for restarts."""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path

import pytest

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.config import ConfigError, load_config
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.session import Event, Session, State, Timeouts
from kiosk.staff_cards import (
    CARD_KEY_FILE,
    CardKey,
    CardKeyError,
    CardNumberError,
    StaffCards,
    normalise_id_number,
)
from kiosk.staff_settings import SETTINGS_FILE, OutOfServiceKeeper, StaffSettings

STAFF_NUMBER = "44030519800101123X"  # made up; a staff member's resident ID number


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / CARD_KEY_FILE


@pytest.fixture
def key(key_file: Path) -> CardKey:
    made, created = CardKey.load_or_create(key_file)
    assert created
    return made


# -- the lines -----------------------------------------------------------------------------------


def test_a_line_matches_its_card_however_the_number_is_written(key: CardKey) -> None:
    line = key.card_line(STAFF_NUMBER)
    assert re.fullmatch(r"hmac-sha256\$k=[0-9a-f]{8}\$\S+\$\S+", line)
    assert STAFF_NUMBER not in line and STAFF_NUMBER[-8:] not in line
    for written in (STAFF_NUMBER, STAFF_NUMBER.lower(), "4403 0519 8001 0112 3x"):
        assert key.matches(written, line)
    assert not key.matches(DEMO_IDENTITY.id_number, line)
    assert not key.matches("44030519800101124X", line), "one digit off"


def test_each_line_has_its_own_salt(key: CardKey) -> None:
    first, second = key.card_line(STAFF_NUMBER), key.card_line(STAFF_NUMBER)
    assert first != second, "two lines for one card do not look alike"
    assert key.matches(STAFF_NUMBER, first) and key.matches(STAFF_NUMBER, second)


def test_another_kiosks_key_matches_nothing(key: CardKey, tmp_path: Path) -> None:
    other, _ = CardKey.load_or_create(tmp_path / "other" / CARD_KEY_FILE)
    assert other.key_id != key.key_id
    assert not other.matches(STAFF_NUMBER, key.card_line(STAFF_NUMBER))


@pytest.mark.parametrize("typed", ["", "12", "4403-0519?", "陳美玲", "1" * 41])
def test_what_is_not_an_id_number_is_refused_without_repeating_it(typed: str) -> None:
    with pytest.raises(CardNumberError) as raised:
        normalise_id_number(typed)
    assert typed not in str(raised.value) or not typed


def test_the_key_file_is_private_and_kept(key: CardKey, key_file: Path) -> None:
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again, created = CardKey.load_or_create(key_file)
    assert not created and again.key_id == key.key_id
    assert "secret" not in repr(again) and key_file.read_text().strip() not in repr(again)
    os.chmod(key_file, 0o644)
    with pytest.raises(CardKeyError, match="chmod 600"):
        CardKey.load(key_file)
    key_file.write_text("not base64!\n")
    os.chmod(key_file, 0o600)
    with pytest.raises(CardKeyError, match="not base64"):
        CardKey.load(key_file)


# -- the listed cards ----------------------------------------------------------------------------


def test_listed_cards_are_found_and_others_are_not(key: CardKey, key_file: Path) -> None:
    cards = StaffCards([key.card_line("F223687147"), key.card_line(STAFF_NUMBER)], key_file)
    assert cards.configured
    assert cards.is_listed(STAFF_NUMBER) and cards.is_listed("f223687147")
    assert not cards.is_listed(DEMO_IDENTITY.id_number)


def test_without_lines_the_key_is_not_even_read(tmp_path: Path) -> None:
    cards = StaffCards([], tmp_path / "nowhere" / CARD_KEY_FILE)
    assert not cards.configured and not cards.is_listed(STAFF_NUMBER)


def test_lines_without_the_key_open_nothing_and_say_so(
    key: CardKey, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    line = key.card_line(STAFF_NUMBER)
    cards = StaffCards([line], tmp_path / "elsewhere" / CARD_KEY_FILE)
    assert not cards.configured and not cards.is_listed(STAFF_NUMBER)
    assert "staff card-hash" in caplog.text
    assert STAFF_NUMBER not in caplog.text and line not in caplog.text


def test_lines_from_another_kiosk_are_reported(
    key: CardKey, key_file: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    other, _ = CardKey.load_or_create(tmp_path / "other" / CARD_KEY_FILE)
    cards = StaffCards([key.card_line(STAFF_NUMBER), other.card_line("F223687147")], key_file)
    assert cards.is_listed(STAFF_NUMBER) and not cards.is_listed("F223687147")
    assert "1 of 2 staff.cards line(s) were made with another staff card key" in caplog.text


# -- the config ------------------------------------------------------------------------------------


def test_the_config_takes_card_lines_from_the_file_and_the_environment(
    key: CardKey, tmp_path: Path
) -> None:
    lines = [key.card_line(STAFF_NUMBER), key.card_line("F223687147")]
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[staff]\ncards = {lines!r}\n".replace("'", '"'), encoding="utf-8")
    assert load_config(path, environ={}).staff.cards == tuple(lines)
    from_environment = load_config(None, environ={"KIOSK_STAFF_CARDS": ", ".join(lines)})
    assert from_environment.staff.cards == tuple(lines)
    assert load_config(None, environ={}).staff.cards == ()


@pytest.mark.parametrize(
    "cards",
    [f'["{STAFF_NUMBER}"]', f'"{STAFF_NUMBER}"', f'["hmac-sha256$k=zz$x$y", "{STAFF_NUMBER}"]'],
)
def test_an_id_number_in_the_config_is_refused_and_never_echoed(cards: str, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[staff]\ncards = {cards}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path, environ={})
    assert raised.value.key == "staff.cards"
    assert "not shown" in str(raised.value) and "card-hash" in str(raised.value)
    assert STAFF_NUMBER not in str(raised.value) and "zz" not in str(raised.value)
    with pytest.raises(ConfigError) as from_environment:
        load_config(None, environ={"KIOSK_STAFF_CARDS": STAFF_NUMBER})
    assert STAFF_NUMBER not in str(from_environment.value)


# -- out of service across restarts ----------------------------------------------------------------


def a_session() -> Session:
    return Session(
        kiosk_id="k1", timeouts=Timeouts(idle_s=60, receipt_s=20), redactor=PersonalDataRedactor()
    )


def test_out_of_service_is_kept_until_resumed(tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE
    settings = StaffSettings(path, configured_language=Language.ZH_HANT)
    session = a_session()
    keeper = OutOfServiceKeeper(session, settings)
    assert keeper.kept is None
    session.suspend("本機維護中")
    assert (
        StaffSettings(path, configured_language=Language.ZH_HANT).out_of_service() == "本機維護中"
    )
    session.fire(Event.STAFF)  # staff in from out of service: still out of service for a restart
    assert settings.out_of_service() == "本機維護中"
    session.suspend("")  # staff chose again: no message (the general one is shown)
    assert settings.out_of_service() == ""
    session.resume()
    assert settings.out_of_service() is None
    assert StaffSettings(path, configured_language=Language.ZH_HANT).out_of_service() is None
    restarted = OutOfServiceKeeper(a_session(), settings)
    assert restarted.kept is None


def test_the_language_and_out_of_service_do_not_overwrite_each_other(tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE
    settings = StaffSettings(path, configured_language=Language.ZH_HANT)
    assert settings.set_default_language(Language.EN)
    assert settings.set_out_of_service("closed")
    assert settings.set_default_language(Language.ZH_HANS)
    again = StaffSettings(path, configured_language=Language.ZH_HANT)
    assert again.out_of_service() == "closed" and again.default_language() is Language.ZH_HANS
    assert settings.set_out_of_service(None)
    assert again.out_of_service() is None and again.default_language() is Language.ZH_HANS


def test_a_write_leaves_no_temporary_file_and_a_spoiled_file_means_in_service(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / SETTINGS_FILE
    settings = StaffSettings(path, configured_language=Language.EN)
    assert settings.set_out_of_service("closed")
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]
    path.write_text('{"out_of_service": {"mess', encoding="utf-8")  # torn by a bad disk
    with caplog.at_level(logging.WARNING):
        assert settings.out_of_service() is None
    assert "unreadable" in caplog.text
    path.write_text('{"out_of_service": "closed"}', encoding="utf-8")
    assert settings.out_of_service() is None


def test_a_settings_file_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    settings = StaffSettings(blocker / SETTINGS_FILE, configured_language=Language.EN)
    assert not settings.set_out_of_service("closed")
    session = a_session()
    keeper = OutOfServiceKeeper(session, settings)
    session.suspend("closed")
    assert session.state is State.OUT_OF_SERVICE and keeper.kept is None
