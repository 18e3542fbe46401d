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
from tests.integration.server.server_test_support import (
    TIMEOUT_S,
    access_code,
    file_application,
    individual_business_request,
    pension_certification_request,
)
from tests.support import start_backend

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
    token = uuid.uuid4().hex + uuid.uuid4().hex
    token_file = tmp_path / "kiosk-token"
    token_file.write_text(token)
    command = [sys.executable, "-m", "server", "--port", "0", "--ready-file", str(ready)]
    command += ["--database", f"sqlite:///{tmp_path}/db.sqlite3"]
    command += ["--enroll-kiosk", f"kiosk-under-test={token_file}"]
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
            headers={"Idempotency-Key": uuid.uuid4().hex, "Authorization": f"Bearer {token}"},
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
    assert token not in log
    assert not list(tmp_path.glob(".ready*")), "temporary ready file left behind"


def test_no_demo_catalog_leaves_the_catalog_empty(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/db.sqlite3"
    with BackendProcess(url, extra_args=("--no-demo-catalog",)) as backend:
        response = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S)

    assert response.json() == {"services": []}


def test_restart_keeps_data_and_does_not_reseed(tmp_path: Path) -> None:
    database = tmp_path / "nested" / "db.sqlite3"
    process, backend = start_backend(f"sqlite:///{database}")
    try:
        receipt = file_application(backend)
        services_url = f"{backend.url}/v1/services"
        first_count = len(requests.get(services_url, timeout=TIMEOUT_S).json()["services"])
    finally:
        process.stop()

    process, backend = start_backend(f"sqlite:///{database}")
    try:
        status = requests.get(
            f"{backend.url}/v1/applications/{receipt['number']}",
            params={"code": access_code(receipt)},
            timeout=TIMEOUT_S,
        )
        services = requests.get(f"{backend.url}/v1/services", timeout=TIMEOUT_S).json()["services"]
        # The enrolled kiosk got a new token at the restart; numbering carries on.
        refiled = file_application(backend)
    finally:
        process.stop()

    assert status.status_code == 200
    assert status.json()["promised_by"] == receipt["promised_by"]
    assert first_count >= 22
    assert len(services) == first_count
    with sqlite3.connect(database) as connection:
        [(journal_mode,)] = connection.execute("PRAGMA journal_mode").fetchall()
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert journal_mode == "wal"
    assert revision == "0003"
    assert refiled["number"][:10] == receipt["number"][:10]
    assert int(refiled["number"][10:]) == int(receipt["number"][10:]) + 1


def test_holidays_and_make_up_days_move_the_promised_date(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    public_url = "https://hall.example.gov.cn/kiosk-api"
    today = dt.datetime.now(HALL_TIMEZONE).date()
    first_saturday = next(
        today + dt.timedelta(days=n)
        for n in range(1, 8)
        if (today + dt.timedelta(days=n)).weekday() == SATURDAY
    )
    process, be = start_backend(f"sqlite:///{database}", "--public-url", public_url)
    try:
        # Every day up to the first Saturday is a holiday; that Saturday is a make-up working
        # day. One working day after filing can then only be that Saturday.
        calendar = [
            (today + dt.timedelta(days=n), False, "测试假日")
            for n in range(1, (first_saturday - today).days)
        ] + [(first_saturday, True, "调休上班")]
        for day, is_workday, name in calendar:
            answer = requests.put(
                f"{be.url}/v1/staff/holidays/{day.isoformat()}",
                json={"is_workday": is_workday, "name": name},
                headers=be.staff_headers(),
                timeout=TIMEOUT_S,
            )
            assert answer.status_code == 200, answer.text
        receipt = file_application(be, pension_certification_request())
        # Only staff keep the calendar: a kiosk's token or none at all changes nothing.
        for headers in ({}, be.kiosk_headers()):
            refused = requests.put(
                f"{be.url}/v1/staff/holidays/{first_saturday.isoformat()}",
                json={"is_workday": False, "name": "不算"},
                headers=headers,
                timeout=TIMEOUT_S,
            )
            assert refused.status_code == 401
        calendar_now = requests.get(
            f"{be.url}/v1/holidays", params={"year": first_saturday.year}, timeout=TIMEOUT_S
        ).json()["holidays"]
    finally:
        process.stop()

    assert {"date": first_saturday.isoformat(), "is_workday": True, "name": "调休上班"} in (
        calendar_now
    )

    assert receipt["promised_by"] == first_saturday.isoformat()
    assert receipt["status_url"] == (
        f"{public_url}/v1/applications/{receipt['number']}?code={access_code(receipt)}"
    )
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
