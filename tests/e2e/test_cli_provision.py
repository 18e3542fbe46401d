"""``kiosk provision`` as a vendor runs it on a new box, against the real backend."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import requests

from kiosk.config import load_config
from kiosk.outbox_crypto import OutboxKey
from tests.faults.fault_peers import closed_port
from tests.integration.server.kiosk_test_support import (
    heartbeat_body,
    new_provisioning_token,
    staff_get,
    unique_kiosk_id,
)
from tests.support import RunningBackend, run_kiosk

TIMEOUT_S = 10


def provision(*args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return run_kiosk("provision", *args, env=clean, timeout=60)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_kiosk_is_registered_with_a_private_config_and_key(
    backend: RunningBackend, tmp_path: Path
) -> None:
    token = new_provisioning_token(backend)
    kiosk_id = unique_kiosk_id("village")
    config_path, data = tmp_path / "etc" / "kiosk.toml", tmp_path / "data"

    result = provision(
        "--server", backend.url, "--token", token, "--kiosk-id", kiosk_id,
        "--label", "東村服務點", "--config", str(config_path), "--data-dir", str(data),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert kiosk_id in result.stdout and "created" in result.stdout
    config = load_config(config_path, environ={})
    assert (config.kiosk.id, config.backend.url, config.kiosk.data_dir) == (
        kiosk_id,
        backend.url,
        str(data),
    )
    assert config.backend.token and config.backend.token != token
    assert config.backend.token not in result.stdout + result.stderr
    assert mode(config_path) == 0o600 and mode(data / "outbox.key") == 0o600
    OutboxKey.load(data / "outbox.key")
    # The kiosk's token works, and the office sees the kiosk where it stands.
    answer = requests.post(
        f"{backend.url}/v1/kiosks/heartbeat",
        json=heartbeat_body(),
        headers={"Authorization": f"Bearer {config.backend.token}"},
        timeout=TIMEOUT_S,
    )
    assert answer.status_code == 200, answer.text
    kiosks = staff_get(backend, "/v1/staff/fleet").json()["kiosks"]
    assert [k["label"] for k in kiosks if k["kiosk_id"] == kiosk_id] == ["東村服務點"]


def test_a_provisioned_config_is_replaced_only_when_forced(
    backend: RunningBackend, tmp_path: Path
) -> None:
    config_path, data = tmp_path / "kiosk.toml", tmp_path / "data"
    common = ("--server", backend.url, "--config", str(config_path), "--data-dir", str(data))
    first = provision(
        *common, "--token", new_provisioning_token(backend), "--kiosk-id", unique_kiosk_id()
    )
    assert first.returncode == 0, first.stderr
    text, key = config_path.read_text(), (data / "outbox.key").read_bytes()
    second_token, second_id = new_provisioning_token(backend), unique_kiosk_id()

    refused = provision(*common, "--token", second_token, "--kiosk-id", second_id)

    assert refused.returncode == 2
    assert "already provisioned" in refused.stderr and "--force" in refused.stderr
    assert config_path.read_text() == text

    forced = provision(*common, "--token", second_token, "--kiosk-id", second_id, "--force")

    assert forced.returncode == 0, forced.stderr  # the refused run did not spend the token
    assert "kept" in forced.stdout
    assert load_config(config_path, environ={}).kiosk.id == second_id
    assert (data / "outbox.key").read_bytes() == key  # it opens what the outbox already holds


def test_a_config_the_vendor_prepared_keeps_everything_else(
    backend: RunningBackend, tmp_path: Path
) -> None:
    config_path = tmp_path / "kiosk.toml"
    config_path.write_text(
        "# hall 3, by the door\n"
        "[kiosk]\n"
        'id = "unnamed"   # set by provisioning\n'
        f'data_dir = "{tmp_path / "data"}"\n'
        "[backend]\n"
        'token = ""\n'
        "read_timeout_s = 7\n"
        "[devices]\n"
        'printer = "tcp://192.0.2.10:9100?paper=58mm"   # the Xprinter\n'
    )
    kiosk_id = unique_kiosk_id("hall-3")

    result = provision(
        "--server", backend.url, "--token", new_provisioning_token(backend),
        "--kiosk-id", kiosk_id, "--config", str(config_path),
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    text = config_path.read_text()
    assert "# hall 3, by the door" in text and "# the Xprinter" in text
    assert f'id = "{kiosk_id}"   # set by provisioning' in text
    config = load_config(config_path, environ={})
    assert config.devices.printer == "tcp://192.0.2.10:9100?paper=58mm"
    assert config.backend.read_timeout_s == 7 and config.backend.url == backend.url
    assert (tmp_path / "data" / "outbox.key").exists()


def test_refusals_say_what_to_do_and_leave_nothing_behind(
    backend: RunningBackend, tmp_path: Path
) -> None:
    config_path = tmp_path / "kiosk.toml"
    where = ("--config", str(config_path), "--data-dir", str(tmp_path / "data"))
    spent = new_provisioning_token(backend)
    elsewhere = ("--config", str(tmp_path / "other.toml"), "--data-dir", str(tmp_path / "o"))
    used = provision(
        "--server", backend.url, "--token", spent, "--kiosk-id", unique_kiosk_id(), *elsewhere
    )
    assert used.returncode == 0, used.stderr
    fresh = new_provisioning_token(backend)

    again = provision("--server", backend.url, "--token", spent, "--kiosk-id", "k-2", *where)
    taken = provision("--server", backend.url, "--token", fresh, "--kiosk-id", backend.kiosk_id,
                      *where)  # fmt: skip
    away = f"http://127.0.0.1:{closed_port()}"
    unreachable = provision("--server", away, "--token", fresh, "--kiosk-id", "k-3", *where)
    bad_id = provision("--server", backend.url, "--token", fresh, "--kiosk-id", "kiosk 4!", *where)

    assert again.returncode == 1 and "already used or expired" in again.stderr
    assert taken.returncode == 1 and "already registered" in taken.stderr
    assert unreachable.returncode == 1 and "cannot reach" in unreachable.stderr
    assert bad_id.returncode == 2 and "kiosk id" in bad_id.stderr
    assert not config_path.exists() and not (tmp_path / "data").exists()
    for result in (again, taken, unreachable, bad_id):
        assert "Traceback" not in result.stderr
    # None of that spent the fresh token.
    last = provision("--server", backend.url, "--token", fresh, "--kiosk-id", unique_kiosk_id(),
                     *where)  # fmt: skip
    assert last.returncode == 0, last.stderr
