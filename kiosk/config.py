"""Kiosk configuration: one TOML file plus ``KIOSK_<SECTION>_<KEY>`` environment overrides.

Validated once at start. A bad value stops the kiosk with a ``ConfigError`` that names the key,
where the value came from (the file or the environment variable) and what is allowed.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.i18n import Language

ENV_PREFIX = "KIOSK_"
CONFIG_PATH_VARIABLE = "KIOSK_CONFIG"  # names the file; not itself an override


class ConfigError(Exception):
    """A configuration value is missing, malformed or not allowed."""

    def __init__(self, key: str, source: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.key = key
        self.source = source
        self.problem = problem


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KioskSection(_Section):
    id: str = Field("kiosk-01", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    language: Language = Language.ZH_HANT
    fullscreen: bool = False
    demo: bool = False


class SessionSection(_Section):
    idle_timeout_s: int = Field(90, ge=5, le=3600)
    receipt_timeout_s: int = Field(30, ge=3, le=3600)


class BackendSection(_Section):
    url: str = "http://127.0.0.1:8080"
    token: str = ""
    connect_timeout_s: float = Field(3.0, gt=0, le=60)
    read_timeout_s: float = Field(10.0, gt=0, le=300)
    ca_bundle: str = ""

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("expected an http:// or https:// URL with a host name")
        return value.rstrip("/")


class DevicesSection(_Section):
    card_reader: str = "simulated://"
    printer: str = "file:///var/lib/onestop-kiosk/receipts/?paper=80mm"

    @field_validator("card_reader")
    @classmethod
    def _reader_scheme(cls, value: str) -> str:
        allowed = ("simulated", "pcsc", "sam-serial")
        if urlsplit(value).scheme not in allowed:
            raise ValueError("expected a URI starting " + ", ".join(f"{s}://" for s in allowed))
        return value

    @field_validator("printer")
    @classmethod
    def _printer_scheme(cls, value: str) -> str:
        allowed = ("file", "tcp", "usb", "serial", "cups")
        if urlsplit(value).scheme not in allowed:
            raise ValueError("expected a URI starting " + ", ".join(f"{s}://" for s in allowed))
        return value


class LoggingSection(_Section):
    level: Literal["debug", "info", "warning", "error"] = "info"


class KioskConfig(_Section):
    kiosk: KioskSection = KioskSection()
    session: SessionSection = SessionSection()
    backend: BackendSection = BackendSection()
    devices: DevicesSection = DevicesSection()
    logging: LoggingSection = LoggingSection()


SECTIONS: Mapping[str, type[_Section]] = {
    name: field.annotation  # type: ignore[misc]
    for name, field in KioskConfig.model_fields.items()
}


def _env_overrides(environ: Mapping[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Split ``KIOSK_BACKEND_URL=...`` into ``{"backend": {"url": ...}}``; also map key → var."""
    overrides: dict[str, dict[str, str]] = {}
    sources: dict[str, str] = {}
    for var, value in environ.items():
        if not var.startswith(ENV_PREFIX) or var == CONFIG_PATH_VARIABLE:
            continue
        section, _, key = var[len(ENV_PREFIX) :].lower().partition("_")
        if section not in SECTIONS or key not in SECTIONS[section].model_fields:
            raise ConfigError(var, f"environment variable {var}", "not a configuration key")
        overrides.setdefault(section, {})[key] = value
        sources[f"{section}.{key}"] = f"environment variable {var}"
    return overrides, sources


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("(file)", str(path), "no such file") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("(syntax)", str(path), f"not valid TOML: {error}") from None


def load_config(
    path: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    defaults: Mapping[str, Mapping[str, object]] | None = None,
) -> KioskConfig:
    """Defaults, then ``defaults`` (embedded demo values), then the file, then the environment."""
    environ = os.environ if environ is None else environ
    merged: dict[str, dict[str, object]] = {k: dict(v) for k, v in (defaults or {}).items()}
    file_source = str(path) if path else "embedded defaults"
    if path is not None:
        for section, values in _read_toml(path).items():
            if not isinstance(values, dict):
                raise ConfigError(section, file_source, "expected a [section] table")
            merged.setdefault(section, {}).update(values)
    overrides, sources = _env_overrides(environ)
    for section, values in overrides.items():
        merged.setdefault(section, {}).update(values)
    try:
        return KioskConfig.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        section, _, field = key.partition(".")
        if first["type"] == "extra_forbidden":
            allowed = (
                ", ".join(SECTIONS[section].model_fields)
                if section in SECTIONS and field
                else ", ".join(SECTIONS)
            )
            raise ConfigError(key, file_source, f"unknown key; allowed: {allowed}") from None
        value = first.get("input")
        raise ConfigError(
            key,
            sources.get(key, file_source),
            f"{value!r} is not allowed: {first['msg'].removeprefix('Value error, ')}",
        ) from None
