"""``python -m server`` as a process: ready file, SIGTERM, logging, options, restarts."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import requests

from kiosk.backend_process import BackendProcess
from tests.integration.server.server_test_support import TIMEOUT_S, individual_business_request

HALL_TIMEZONE = ZoneInfo("Asia/Shanghai")
SATURDAY = 5


def wait_for_file(path: Path, process: subprocess.Popen[bytes], timeout_s: float = 30) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.exists():
            return path.read_text()
        assert process.poll() is None, "the server exited before it was ready"
        time.sleep(0.05)
    raise AssertionError("no ready file")


def test_sigterm_stops_cleanly_and_logs_go_to_stderr_without_bodies(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    command = [sys.executable, "-m", "server", "--port", "0", "--ready-file", str(ready)]
    command += ["--database", f"sqlite:///{tmp_path}/db.sqlite3"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = wait_for_file(ready, process)
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
        marker = f"Marker{uuid.uuid4().hex}"
        body = individual_business_request(business_name=marker)
        body["applicant"]["name"] = marker
        response = requests.post(
            f"{url}/v1/applications",
            json=body,
            headers={"Idempotency-Key": uuid.uuid4().hex},
            timeout=TIMEOUT_S,
        )
        assert response.status_code == 201
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=15)

    assert process.returncode == 0, stderr.decode(errors="replace")
    assert stdout == b""
    log = stderr.decode()
    assert "POST /v1/applications" in log
    assert marker not in log
    assert not list(tmp_path.glob(".ready*")), "temporary ready file left behind"


def test_no_demo_catalog_leaves_the_catalog_empty(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/db.sqlite3"
    with BackendProcess(url, extra_args=("--no-demo-catalog",)) as backend:
        response = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S)

    assert response.json() == {"services": []}


def test_restart_keeps_data_and_does_not_reseed(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "db.sqlite3"
    with BackendProcess(f"sqlite:///{database}") as backend:
        receipt = requests.post(
            f"{backend.url}/v1/applications",
            json=individual_business_request(),
            headers={"Idempotency-Key": uuid.uuid4().hex},
            timeout=TIMEOUT_S,
        ).json()
        services_url = f"{backend.url}/v1/services"
        first_count = len(requests.get(services_url, timeout=TIMEOUT_S).json()["services"])

    with BackendProcess(f"sqlite:///{database}") as backend:
        status = requests.get(f"{backend.url}/v1/applications/{receipt['number']}", timeout=10)
        services = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S).json()["services"]

    assert status.status_code == 200
    assert status.json()["promised_by"] == receipt["promised_by"]
    assert first_count >= 22
    assert len(services) == first_count
    with sqlite3.connect(database) as connection:
        [(journal_mode,)] = connection.execute("PRAGMA journal_mode").fetchall()
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert journal_mode == "wal"
    assert revision == "0001"


def test_holidays_and_make_up_days_move_the_promised_date(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    public_url = "https://hall.example.gov.cn/kiosk-api"
    today = dt.datetime.now(HALL_TIMEZONE).date()
    first_saturday = next(
        today + dt.timedelta(days=n)
        for n in range(1, 8)
        if (today + dt.timedelta(days=n)).weekday() == SATURDAY
    )
    with BackendProcess(f"sqlite:///{database}", extra_args=("--public-url", public_url)) as be:
        # Every day up to the first Saturday is a holiday; that Saturday is a make-up working
        # day. One working day after filing can then only be that Saturday.
        with sqlite3.connect(database) as connection:
            connection.executemany(
                "INSERT INTO holidays (date, is_workday, name) VALUES (?, ?, ?)",
                [
                    ((today + dt.timedelta(days=n)).isoformat(), False, "测试假日")
                    for n in range(1, (first_saturday - today).days)
                ]
                + [(first_saturday.isoformat(), True, "调休上班")],
            )
        body = individual_business_request()
        body["service_code"] = "SA-001"
        body["form"] = {
            "certification_year": "2026",
            "residence_address": "城关镇幸福路8号",
            "contact_phone": "13900139000",
        }
        response = requests.post(
            f"{be.url}/v1/applications",
            json=body,
            headers={"Idempotency-Key": uuid.uuid4().hex},
            timeout=TIMEOUT_S,
        )

    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["promised_by"] == first_saturday.isoformat()
    assert receipt["status_url"] == f"{public_url}/v1/applications/{receipt['number']}"
    hall_date = dt.datetime.fromisoformat(receipt["submitted_at"]).astimezone(HALL_TIMEZONE)
    assert receipt["number"][2:10] == hall_date.strftime("%Y%m%d")


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has stopped; only its reaping is left


def test_an_embedded_backend_stops_when_its_starter_is_killed(tmp_path: Path) -> None:
    starter = (
        "import os, signal, sys\n"
        "from kiosk.backend_process import BackendProcess\n"
        f"backend = BackendProcess('sqlite:///{tmp_path}/orphan.sqlite3')\n"
        "backend.start()\n"
        "print(backend.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)  # no clean-up runs\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", starter], check=False, capture_output=True, text=True, timeout=60
    )
    backend_pid = int(result.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(backend_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(backend_pid), "the orphaned backend kept running"
