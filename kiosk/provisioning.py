"""Registering a kiosk with its backend: the one-time provisioning token is exchanged for the
kiosk's own bearer token, which goes into the kiosk's config (mode 0600), and the outbox key is
made in the data directory.

Everything that can be checked is checked before the token is spent (it works once): the
config is not already provisioned (unless forced), it can be written, and the edited config is
valid. An existing config keeps everything else a vendor put in it (devices, comments); a new
one gets the shape of ``packaging/kiosk.example.toml``.
"""

from __future__ import annotations

import os
import pwd
import re
import socket
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.api import BackendClient, RetryPolicy
from kiosk.backend_errors import (
    BackendAnswerInvalid,
    BackendConnectionLost,
    BackendError,
    BackendNameNotResolved,
    BackendRejected,
    BackendTimedOut,
    BackendTlsFailed,
)
from kiosk.config import ConfigError, load_config
from kiosk.outbox import KEY_FILE
from kiosk.outbox_crypto import KeyFileError, OutboxKey
from kiosk.provisioning_config import config_text

PROVISION_PATH = "/v1/kiosks/provision"
SYSTEM_CONFIG = Path("/etc/onestop-kiosk/kiosk.toml")
SYSTEM_DATA_DIR = "/var/lib/onestop-kiosk"
# The user the kiosk's systemd unit runs as: the config and the key must be readable by it.
SYSTEM_USER = "onestop-kiosk"
KIOSK_ID_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,64}")
# Stands in for the token while the edited config is checked, before the real one exists.
_PLACEHOLDER_TOKEN = "provisioning-check-" + "x" * 24


class ProvisioningRefused(Exception):
    """Nothing was spent or written; the message says what to do (exit status 2)."""


class ProvisioningFailed(Exception):
    """The backend did not register the kiosk; the message says why (exit status 1)."""


@dataclass(frozen=True)
class Plan:
    server: str
    provisioning_token: str
    kiosk_id: str
    config_path: Path
    label: str = ""
    ca_bundle: str = ""
    data_dir: str | None = None  # None: the existing config's, else the default
    owner: str | None = None  # the user the kiosk runs as; None: nobody's but this one's
    force: bool = False


@dataclass(frozen=True)
class Provisioned:
    kiosk_id: str
    config_path: Path
    data_dir: Path
    key_path: Path
    key_created: bool


def default_kiosk_id() -> str:
    """This machine's host name, as far as a kiosk id allows."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "-", socket.gethostname())[:64].strip("-.")
    return name or "kiosk-01"


def default_owner() -> str | None:
    """Run as root on an installed kiosk: its system user, who has to read what is written."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        return None
    return SYSTEM_USER


def provision(plan: Plan) -> Provisioned:
    """Check, exchange the token, write the config, make the key (see the module docstring)."""
    if not KIOSK_ID_PATTERN.fullmatch(plan.kiosk_id):
        raise ProvisioningRefused(
            f"kiosk id {plan.kiosk_id!r}: use 1 to 64 letters, digits, '.', '_' or '-'"
        )
    if plan.ca_bundle and not Path(plan.ca_bundle).is_file():
        raise ProvisioningRefused(f"--ca-bundle {plan.ca_bundle}: no such file")
    owner = _owner_ids(plan.owner)
    existing = _existing_config(plan)
    data_dir = _data_dir(plan, existing)
    _checked_text(plan, existing, data_dir, _PLACEHOLDER_TOKEN)
    _check_writable(plan.config_path.parent)
    _check_writable(_resolved_data_dir(data_dir))

    token = exchange(plan)

    text = _checked_text(plan, existing, data_dir, token)
    try:
        _write_private(plan.config_path, text, owner)
        key_path = _resolved_data_dir(data_dir) / KEY_FILE
        key_created = not key_path.exists()
        OutboxKey.load_or_create(key_path)
        if owner is not None:
            os.chown(key_path.parent, *owner)
            os.chown(key_path, *owner)
    except (OSError, KeyFileError) as error:
        raise ProvisioningFailed(
            f"the backend registered kiosk {plan.kiosk_id}, but {error}; have staff revoke "
            f"it (POST /v1/staff/kiosks/{plan.kiosk_id}/revoke) and provision again"
        ) from None
    return Provisioned(plan.kiosk_id, plan.config_path, key_path.parent, key_path, key_created)


def exchange(plan: Plan) -> str:
    """The kiosk's bearer token for the provisioning token (one attempt: it works once)."""
    client = BackendClient(
        plan.server,
        connect_timeout_s=5.0,
        read_timeout_s=20.0,
        ca_bundle=plan.ca_bundle,
        retry=RetryPolicy(attempts=1),
    )
    body = {
        "provisioning_token": plan.provisioning_token,
        "kiosk_id": plan.kiosk_id,
        "label": plan.label,
    }
    try:
        answer = client.post_once(PROVISION_PATH, body)
    except BackendError as error:
        raise ProvisioningFailed(_explain(error, plan)) from None
    finally:
        client.close()
    token = answer.get("token") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token:
        raise ProvisioningFailed(f"{plan.server} answered without a kiosk token; is it right?")
    return token


def _explain(error: BackendError, plan: Plan) -> str:
    server = plan.server
    if isinstance(error, BackendRejected):
        if error.status == 401:
            return (
                "the provisioning token is unknown, already used or expired; ask the office "
                "for a new one (`kiosk-server provisioning-token create`)"
            )
        if error.status == 409:
            return (
                f"a kiosk with the id {plan.kiosk_id} is already registered with {server}; "
                "choose another --kiosk-id, or have staff revoke that one first"
            )
        if error.status == 429:
            return f"{server} is busy (too many requests); try again in a minute"
        if error.status in (404, 405):
            return f"{server} has no provisioning service; is the URL the backend's?"
        return f"{server} refused: {error}"
    if isinstance(error, BackendTlsFailed):
        return f"no secure connection to {server}: {error}; for a private CA pass --ca-bundle FILE"
    if isinstance(error, BackendNameNotResolved):
        return f"the server name in {server} does not resolve; check the URL and the DNS"
    if isinstance(error, BackendConnectionLost):
        return (
            f"the connection to {server} broke before its answer came; if trying again says "
            "the token was used, ask for a new one"
        )
    if isinstance(error, BackendTimedOut):
        return f"{server} did not answer in time; check the network and try again"
    if isinstance(error, BackendAnswerInvalid):
        return f"{server} answered, but not as a OneStop backend; is the URL right?"
    return f"cannot reach {server} ({error}); check the URL and the network"


def _owner_ids(owner: str | None) -> tuple[int, int] | None:
    if owner is None:
        return None
    try:
        entry = pwd.getpwnam(owner)
    except KeyError:
        raise ProvisioningRefused(f"--owner {owner}: no such user") from None
    return entry.pw_uid, entry.pw_gid


def _existing_config(plan: Plan) -> str | None:
    """The config file's text if there is one; refused if it is provisioned and not forced."""
    path = plan.config_path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise ProvisioningRefused(f"{path} cannot be read: {error}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProvisioningRefused(f"{path} is not valid TOML ({error}); fix or remove it") from None
    backend = document.get("backend", {})
    token = backend.get("token", "") if isinstance(backend, dict) else ""
    if token and not plan.force:
        kiosk = document.get("kiosk", {})
        kiosk_id = kiosk.get("id", "?") if isinstance(kiosk, dict) else "?"
        raise ProvisioningRefused(
            f"{path} is already provisioned (kiosk {kiosk_id}, backend "
            f"{backend.get('url', '?')}); nothing was changed. To replace its token, run again "
            "with --force"
        )
    return text


def _data_dir(plan: Plan, existing: str | None) -> str:
    if plan.data_dir is not None:
        return plan.data_dir
    if existing is not None:
        kiosk = tomllib.loads(existing).get("kiosk", {})
        configured = kiosk.get("data_dir") if isinstance(kiosk, dict) else None
        if isinstance(configured, str):
            return configured
    return SYSTEM_DATA_DIR if os.geteuid() == 0 else ""


def _resolved_data_dir(data_dir: str) -> Path:
    if data_dir:
        return Path(data_dir)
    from kiosk.app import default_data_dir  # the user's data directory, as the kiosk finds it

    return default_data_dir()


def _checked_text(plan: Plan, existing: str | None, data_dir: str, token: str) -> str:
    text = config_text(
        existing,
        kiosk_id=plan.kiosk_id,
        url=plan.server,
        token=token,
        ca_bundle=plan.ca_bundle,
        data_dir=data_dir,
    )
    check = plan.config_path.with_name(f".{plan.config_path.name}.check")
    try:
        check.parent.mkdir(parents=True, exist_ok=True)
        _write_private(check, text, None)
        config = load_config(check, environ={})
    except ConfigError as error:
        raise ProvisioningRefused(f"the provisioned config would not be valid: {error}") from None
    except OSError as error:
        raise ProvisioningRefused(f"cannot write next to {plan.config_path}: {error}") from None
    finally:
        check.unlink(missing_ok=True)
    written = (config.kiosk.id, config.backend.url, config.backend.token)
    if written != (plan.kiosk_id, plan.server.rstrip("/"), token):
        raise ProvisioningRefused(
            f"{plan.config_path} has a shape this command cannot edit; set kiosk.id, "
            "backend.url and backend.token there as plain keys under [kiosk] and [backend]"
        )
    return text


def _check_writable(directory: Path) -> None:
    existing = directory
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ProvisioningRefused(f"{directory} is not writable here; run as its owner or root")


def _write_private(path: Path, text: str, owner: tuple[int, int] | None) -> None:
    """``text`` in ``path``, mode 0600 from the first byte, replaced in one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        os.fchmod(descriptor, 0o600)  # whatever the umask or an old file said
        if owner is not None:
            os.fchown(descriptor, *owner)
        handle.write(text)
        handle.flush()
        os.fsync(descriptor)
    try:
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
