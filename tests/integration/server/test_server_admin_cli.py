"""``python -m server staff|provisioning-token|fleet`` as processes, on a SQLite file and on the
database of the running backend (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import requests

from tests.integration.server.kiosk_test_support import (
    provision,
    send_command,
    send_heartbeat,
    staff_get,
    unique_kiosk_id,
)
from tests.integration.server.server_test_support import TIMEOUT_S
from tests.support import RunningBackend

REPO = Path(__file__).resolve().parents[3]


def run_server_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fresh' / 'backend.sqlite3'}"


def test_provisioning_token_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)

    result = run_server_cli("provisioning-token", "create", "--hours", "2", "--database", url)

    assert result.returncode == 0, result.stderr
    [token] = result.stdout.split()
    assert len(token) >= 32
    assert "valid until" in result.stderr
    [(created_by, expires_at, used_at)] = RunningBackend("", url).rows(
        "SELECT created_by, expires_at, used_at FROM provisioning_tokens WHERE token_sha256 = ?",
        hashlib.sha256(token.encode()).hexdigest(),
    )
    assert created_by == "cli" and used_at is None
    expires = dt.datetime.fromisoformat(expires_at).replace(tzinfo=dt.UTC)
    assert before + dt.timedelta(hours=2) <= expires <= before + dt.timedelta(hours=2, seconds=5)


def test_the_fleet_of_a_fresh_database_is_empty(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)

    table = run_server_cli("fleet", "--database", url)
    as_json = run_server_cli("fleet", "--database", url, "--json")

    assert table.returncode == as_json.returncode == 0, table.stderr + as_json.stderr
    assert table.stdout.splitlines()[-1] == "0 kiosks, 0 online, 0 needing paper, 0 out of service"
    assert json.loads(as_json.stdout) == {
        "summary": {"total": 0, "online": 0, "needing_paper": 0, "out_of_service": 0},
        "kiosks": [],
    }


def test_validity_hours_are_checked(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    for hours in ("0", "721", "two"):
        result = run_server_cli("provisioning-token", "create", "--hours", hours, "--database", url)
        assert result.returncode == 2, hours
        assert "1 to 720" in result.stderr


def test_a_cli_provisioning_token_registers_a_kiosk_with_the_running_backend(
    backend: RunningBackend,
) -> None:
    created = run_server_cli("provisioning-token", "create", "--database", backend.database_url)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    kiosk_id = unique_kiosk_id("cli")

    response = provision(backend, token, kiosk_id)

    assert response.status_code == 201, response.text
    assert provision(backend, token, unique_kiosk_id("cli")).status_code == 401
    [(created_by, expires_at)] = backend.rows(
        "SELECT created_by, expires_at FROM provisioning_tokens WHERE kiosk_id = ?", kiosk_id
    )
    assert created_by == "cli"
    if isinstance(expires_at, str):  # SQLite keeps UTC as naive text
        expires_at = dt.datetime.fromisoformat(expires_at).replace(tzinfo=dt.UTC)
    assert expires_at - dt.datetime.now(dt.UTC) > dt.timedelta(hours=71)


def test_the_fleet_command_shows_the_running_backends_kiosks(backend: RunningBackend) -> None:
    kiosk_id = unique_kiosk_id("cli")
    token = backend.add_kiosk(kiosk_id)
    send_heartbeat(
        backend,
        token,
        version="9.8.7",
        printer={"state": "ok", "paper": "near_end"},
        outbox_depth=3,
    )
    send_command(backend, kiosk_id, "reset")

    as_json = run_server_cli("fleet", "--database", backend.database_url, "--json")
    table = run_server_cli("fleet", "--database", backend.database_url)

    assert as_json.returncode == table.returncode == 0, as_json.stderr + table.stderr
    listed = json.loads(as_json.stdout)
    [entry] = [kiosk for kiosk in listed["kiosks"] if kiosk["kiosk_id"] == kiosk_id]
    assert (entry["version"], entry["paper"], entry["outbox_depth"]) == ("9.8.7", "near_end", 3)
    assert entry["online"] is True and entry["pending_commands"] == 1
    assert listed["summary"]["total"] == len(listed["kiosks"])
    header, *rows = table.stdout.splitlines()
    assert header.split()[:2] == ["KIOSK", "ONLINE"]
    [row] = [row for row in rows if row.startswith(kiosk_id + " ")]
    cells = row.split()
    assert cells[0] == kiosk_id and cells[1] == "yes"
    assert cells[-4:] == ["9.8.7", "near_end", "3", "1"]
    assert rows[-1].startswith(f"{listed['summary']['total']} kiosks, ")


def test_staff_tokens_from_the_cli_work_until_revoked(backend: RunningBackend) -> None:
    name = unique_kiosk_id("clerk")
    added = run_server_cli("staff", "add", name, "--database", backend.database_url)
    assert added.returncode == 0, added.stderr
    headers = {"Authorization": f"Bearer {added.stdout.strip()}"}
    fleet_url = f"{backend.url}/v1/staff/fleet"
    assert requests.get(fleet_url, headers=headers, timeout=TIMEOUT_S).status_code == 200
    listed = run_server_cli("staff", "list", "--database", backend.database_url)
    assert f"{name}\t" in listed.stdout and "active" in listed.stdout

    revoked = run_server_cli("staff", "revoke", name, "--database", backend.database_url)

    assert revoked.returncode == 0, revoked.stderr
    assert requests.get(fleet_url, headers=headers, timeout=TIMEOUT_S).status_code == 401
    assert staff_get(backend, "/v1/staff/fleet").status_code == 200
    again = run_server_cli("staff", "revoke", name, "--database", backend.database_url)
    assert again.returncode == 1
