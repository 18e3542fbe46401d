from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.i18n import Language

GOOD = """
[kiosk]
id = "hall-3-kiosk-07"
language = "zh-Hans"

[backend]
url = "https://hall.example.gov.cn/api/"

[devices]
printer = "tcp://127.0.0.1:9100?paper=58mm"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_file_values_are_read_and_normalised(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), environ={})
    assert config.kiosk.id == "hall-3-kiosk-07"
    assert config.kiosk.language is Language.ZH_HANS
    assert config.backend.url == "https://hall.example.gov.cn/api"
    assert config.devices.printer == "tcp://127.0.0.1:9100?paper=58mm"
    assert config.session.idle_timeout_s == 90  # untouched default


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, GOOD),
        environ={
            "KIOSK_BACKEND_URL": "http://127.0.0.1:9000",
            "KIOSK_SESSION_IDLE_TIMEOUT_S": "45",
        },
    )
    assert config.backend.url == "http://127.0.0.1:9000"
    assert config.session.idle_timeout_s == 45


def test_bad_value_in_file_names_key_file_and_what_is_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, '[kiosk]\nlanguage = "fr"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert caught.value.key == "kiosk.language"
    assert caught.value.source == str(path)
    assert "'zh-Hant', 'zh-Hans' or 'en'" in str(caught.value)


def test_bad_value_from_environment_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, GOOD), environ={"KIOSK_BACKEND_URL": "ftp://files"})
    assert caught.value.key == "backend.url"
    assert caught.value.source == "environment variable KIOSK_BACKEND_URL"
    assert "http:// or https://" in caught.value.problem


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("[session]\nidle_timeout_s = 2\n", "session.idle_timeout_s", "from 5 to 3600"),
        ("[devices]\nprinter = 'lpt1'\n", "devices.printer", "tcp://"),
        ("[kiosk]\ncolour = 'red'\n", "kiosk.colour", "allowed: id, language"),
        ("[printer]\nx = 1\n", "printer", "allowed: kiosk, session"),
        ("[kiosk]\nid = 'has space'\n", "kiosk.id", "letters, digits"),
        ("[kiosk]\nfullscreen = 'maybe'\n", "kiosk.fullscreen", "true or false"),
        ("[backend]\nread_timeout_s = 0\n", "backend.read_timeout_s", "more than 0"),
    ],
)
def test_each_kind_of_mistake_is_reported(tmp_path: Path, text: str, key: str, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), environ={})
    assert caught.value.key == key
    assert words in str(caught.value)


def test_unknown_environment_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="KIOSK_BACKEND_URI"):
        load_config(environ={"KIOSK_BACKEND_URI": "http://x"})


def test_config_path_variable_is_not_an_override() -> None:
    assert load_config(environ={"KIOSK_CONFIG": "/etc/kiosk.toml"}).kiosk.id == "kiosk-01"


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[kiosk\n"), environ={})
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml", environ={})


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [("staff", "pin_hash", "246810"), ("backend", "token", 12345)],
)
def test_a_rejected_secret_is_not_echoed(section: str, key: str, value: object) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(None, environ={}, defaults={section: {key: value}})
    assert str(value) not in str(raised.value)
    assert f"{section}.{key}" in str(raised.value)
