"""Kiosk configuration: one TOML file plus ``KIOSK_<SECTION>_<KEY>`` environment overrides.

Validated once at start. A bad value stops the kiosk with a ``ConfigError`` that names the key,
where the value came from (the file or the environment variable) and what is allowed.

The schema is frozen dataclasses whose fields carry their own check. (pydantic did this job
first; importing it and building the models cost ~200 ms and ~18 MiB, most of the kiosk's
start-up budget, for fifteen settings.)
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk.i18n import Language

ENV_PREFIX = "KIOSK_"
CONFIG_PATH_VARIABLE = "KIOSK_CONFIG"  # names the file; not itself an override

Check = Callable[[object], Any]


class ConfigError(Exception):
    """A configuration value is missing, malformed or not allowed."""

    def __init__(self, key: str, source: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.key = key
        self.source = source
        self.problem = problem


def _listing(values: list[str]) -> str:
    quoted = [f"'{value}'" for value in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def whole_number(low: int, high: int) -> Check:
    def check(raw: object) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ValueError(f"expected a whole number from {low} to {high}")
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"expected a whole number from {low} to {high}") from None
        if not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}")
        return value

    return check


def seconds(low_exclusive: float, high: float) -> Check:
    def check(raw: object) -> float:
        problem = f"expected seconds, more than {low_exclusive:g} and at most {high:g}"
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise ValueError(problem)
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(problem) from None
        if not low_exclusive < value <= high:
            raise ValueError(problem)
        return value

    return check


def boolean(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    words = {"true": True, "yes": True, "on": True, "1": True}
    words |= {"false": False, "no": False, "off": False, "0": False}
    if isinstance(raw, str) and raw.strip().lower() in words:
        return words[raw.strip().lower()]
    raise ValueError("expected true or false")


def one_of(enum: type[Enum]) -> Check:
    def check(raw: object) -> Enum:
        try:
            return enum(raw)
        except ValueError:
            raise ValueError(f"expected {_listing([str(m.value) for m in enum])}") from None

    return check


def text(pattern: str = r"^.*$", *, hint: str = "text") -> Check:
    compiled = re.compile(pattern, re.DOTALL)

    def check(raw: object) -> str:
        if not isinstance(raw, str) or not compiled.fullmatch(raw):
            raise ValueError(f"expected {hint}")
        return raw

    return check


def uri(schemes: tuple[str, ...], *, need_host: bool = False) -> Check:
    hint = "a URI starting " + " or ".join(f"{scheme}://" for scheme in schemes)

    def check(raw: object) -> str:
        if not isinstance(raw, str):
            raise ValueError(f"expected {hint}")
        parts = urlsplit(raw)
        if parts.scheme not in schemes or (need_host and not parts.hostname):
            raise ValueError(f"expected {hint}" + (" with a host name" if need_host else ""))
        return raw.rstrip("/") if need_host else raw

    return check


def setting(default: Any, check: Check, *, secret: bool = False) -> Any:
    """A key with its default and its check; a ``secret`` value is never echoed in errors
    (a PIN typed where its hash belongs, a token: errors reach the terminal and the journal)."""
    return dataclasses.field(default=default, metadata={"check": check, "secret": secret})


@dataclass(frozen=True)
class KioskSection:
    id: str = setting(
        "kiosk-01", text(r"[A-Za-z0-9_.-]{1,64}", hint="1 to 64 letters, digits, '.', '_' or '-'")
    )
    language: Language = setting(Language.ZH_HANT, one_of(Language))
    fullscreen: bool = setting(False, boolean)
    demo: bool = setting(False, boolean)
    # Where the kiosk keeps receipts waiting for a reprint; empty: the user's data directory.
    data_dir: str = setting("", text(hint="a directory path"))


@dataclass(frozen=True)
class SessionSection:
    idle_timeout_s: int = setting(90, whole_number(5, 3600))
    receipt_timeout_s: int = setting(30, whole_number(3, 3600))
    # A card left in the reader after the session: beep as well as show the reminder.
    card_reminder_beep: bool = setting(False, boolean)
    # Taps this soon after a screen changed are dropped: a double tap must not also press
    # whatever the next screen has under the finger.
    tap_guard_ms: int = setting(350, whole_number(0, 2000))
    # The countdown overlay appears this long before any idle timeout.
    countdown_s: int = setting(15, whole_number(3, 120))
    # Screens with their own idle timeout: typing on the on-screen keyboard takes longer; the
    # rating, offered after the citizen is done, should not keep a session open for long.
    form_timeout_s: int = setting(180, whole_number(3, 3600))
    hotline_timeout_s: int = setting(180, whole_number(3, 3600))
    evaluate_timeout_s: int = setting(60, whole_number(3, 3600))


@dataclass(frozen=True)
class BackendSection:
    url: str = setting("http://127.0.0.1:8080", uri(("http", "https"), need_host=True))
    token: str = setting("", text(), secret=True)
    connect_timeout_s: float = setting(3.0, seconds(0, 60))
    read_timeout_s: float = setting(10.0, seconds(0, 300))
    ca_bundle: str = setting("", text())


@dataclass(frozen=True)
class DevicesSection:
    card_reader: str = setting("simulated://", uri(("simulated", "pcsc", "sam-serial")))
    printer: str = setting(
        "file:///var/lib/onestop-kiosk/receipts/?paper=80mm",
        uri(("file", "tcp", "usb", "serial", "cups")),
    )


@dataclass(frozen=True)
class AccessibilitySection:
    # Spoken prompts (Qt TextToSpeech, where a speech engine is installed): each screen's
    # title, read out in the language on screen when it appears.
    speech: bool = setting(False, boolean)
    # Which engine speaks; empty: the first installed one that works (speechd, i.e.
    # speech-dispatcher). "mock" is Qt's test engine: it reads nothing aloud.
    speech_engine: str = setting(
        "", text(r"[a-z0-9_-]{0,32}", hint="an engine name such as 'speechd', or empty")
    )
    # Care mode for the elderly multiplies every idle timeout by this.
    care_timeout_factor: float = setting(2.0, seconds(0.99, 10))


_CARD_LINE = re.compile(r"hmac-sha256\$k=[0-9a-f]{8}\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*")
MAX_STAFF_CARDS = 200


def card_lines(raw: object) -> tuple[str, ...]:
    """A TOML list of ``kiosk staff card-hash`` lines, or (from the environment) one string
    of them separated by commas or spaces. Problems name an entry by its place, never its text."""
    hint = "a list of lines from `kiosk staff card-hash` (never an ID number itself)"
    if isinstance(raw, str):
        items: list[object] = [part for part in re.split(r"[\s,]+", raw) if part]
    elif isinstance(raw, list | tuple):
        items = list(raw)
    else:
        raise ValueError(f"expected {hint}")
    if len(items) > MAX_STAFF_CARDS:
        raise ValueError(f"expected at most {MAX_STAFF_CARDS} staff cards")
    for place, item in enumerate(items, start=1):
        if not isinstance(item, str) or not _CARD_LINE.fullmatch(item.strip()):
            raise ValueError(f"expected {hint}; entry {place} is not one")
    return tuple(str(item).strip() for item in items)


@dataclass(frozen=True)
class StaffSection:
    # The staff PIN as a hash (`kiosk staff pin-hash`); empty: the staff screens are closed.
    pin_hash: str = setting(
        "",
        text(
            r"(scrypt\$n=[0-9]+,r=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*)?",
            hint="empty, or the line `kiosk staff pin-hash` prints",
        ),
        secret=True,
    )
    # Taps in the top-left corner of the start (or out-of-service) screen, within 3 s, that
    # open the PIN pad.
    entry_taps: int = setting(5, whole_number(3, 12))
    # Staff cards (`kiosk staff card-hash`): inserted at the start or out-of-service screen,
    # one of them opens the PIN pad instead of a citizen's session. Keyed hashes, never the
    # ID numbers; secret all the same, as an ID number typed here by mistake must not be echoed.
    cards: tuple[str, ...] = setting((), card_lines, secret=True)
    # How long after a receipt failed to print staff may reprint it (older ones: not any more).
    reprint_window_s: int = setting(600, whole_number(0, 86400))


@dataclass(frozen=True)
class FleetSection:
    # How often the kiosk reports its health to the backend and collects commands, until the
    # backend names its own period in its first answer.
    heartbeat_period_s: int = setting(30, whole_number(5, 3600))
    # How long a message from the fleet stays on the start screen.
    message_shown_s: int = setting(1800, whole_number(5, 7 * 86400))


class LogLevel(Enum):
    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class LoggingSection:
    level: LogLevel = setting(LogLevel.INFO, one_of(LogLevel))


@dataclass(frozen=True)
class KioskConfig:
    kiosk: KioskSection = KioskSection()
    session: SessionSection = SessionSection()
    backend: BackendSection = BackendSection()
    devices: DevicesSection = DevicesSection()
    accessibility: AccessibilitySection = AccessibilitySection()
    staff: StaffSection = StaffSection()
    fleet: FleetSection = FleetSection()
    logging: LoggingSection = LoggingSection()


SECTIONS: Mapping[str, type[Any]] = {
    "kiosk": KioskSection,
    "session": SessionSection,
    "backend": BackendSection,
    "devices": DevicesSection,
    "accessibility": AccessibilitySection,
    "staff": StaffSection,
    "fleet": FleetSection,
    "logging": LoggingSection,
}


def _keys(section: type[Any]) -> dict[str, dataclasses.Field[Any]]:
    return {field.name: field for field in dataclasses.fields(section)}


def _env_overrides(environ: Mapping[str, str]) -> dict[str, dict[str, tuple[object, str]]]:
    """``KIOSK_BACKEND_URL=...`` becomes ``{"backend": {"url": (value, source)}}``."""
    overrides: dict[str, dict[str, tuple[object, str]]] = {}
    for var, value in environ.items():
        if not var.startswith(ENV_PREFIX) or var == CONFIG_PATH_VARIABLE:
            continue
        source = f"environment variable {var}"
        section, _, key = var[len(ENV_PREFIX) :].lower().partition("_")
        if section not in SECTIONS or key not in _keys(SECTIONS[section]):
            raise ConfigError(var, source, "not a configuration key")
        overrides.setdefault(section, {})[key] = (value, source)
    return overrides


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("(file)", str(path), "no such file") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("(syntax)", str(path), f"not valid TOML: {error}") from None


def _build_section(name: str, values: Mapping[str, tuple[object, str]]) -> Any:
    fields = _keys(SECTIONS[name])
    checked: dict[str, Any] = {}
    for key, (raw, source) in values.items():
        if key not in fields:
            allowed = ", ".join(fields)
            raise ConfigError(f"{name}.{key}", source, f"unknown key; allowed: {allowed}")
        try:
            checked[key] = fields[key].metadata["check"](raw)
        except ValueError as error:
            shown = "the value (not shown)" if fields[key].metadata["secret"] else repr(raw)
            raise ConfigError(f"{name}.{key}", source, f"{shown} is not allowed: {error}") from None
    return SECTIONS[name](**checked)


def load_config(
    path: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    defaults: Mapping[str, Mapping[str, object]] | None = None,
) -> KioskConfig:
    """Defaults, then ``defaults`` (embedded demo values), then the file, then the environment."""
    environ = os.environ if environ is None else environ
    merged: dict[str, dict[str, tuple[object, str]]] = {
        section: {key: (value, "embedded defaults") for key, value in values.items()}
        for section, values in (defaults or {}).items()
    }
    if path is not None:
        for section, values in _read_toml(path).items():
            if section not in SECTIONS:
                allowed = ", ".join(SECTIONS)
                raise ConfigError(section, str(path), f"unknown section; allowed: {allowed}")
            if not isinstance(values, dict):
                raise ConfigError(section, str(path), "expected a [section] table")
            merged.setdefault(section, {}).update(
                {key: (value, str(path)) for key, value in values.items()}
            )
    for section, values in _env_overrides(environ).items():
        merged.setdefault(section, {}).update(values)
    return KioskConfig(**{name: _build_section(name, values) for name, values in merged.items()})
