"""Run the reference backend as a child process on a loopback port (demo, tour, tests).

The kiosk never imports ``server``: it starts ``python -m server`` and talks HTTP to it, as it
would to a province's backend. The child writes its base URL to a ready file once it listens.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType


class BackendStartError(RuntimeError):
    """The backend process exited or did not get ready in time; ``log`` holds what it printed."""

    def __init__(self, message: str, log: str) -> None:
        super().__init__(f"{message}\n{log}" if log else message)
        self.log = log


class BackendProcess:
    """``with BackendProcess(database_url) as backend: backend.url``; stopped by PID on exit."""

    def __init__(
        self,
        database_url: str,
        *,
        host: str = "127.0.0.1",
        ready_timeout_s: float = 30.0,
        extra_args: tuple[str, ...] = (),
        enroll_kiosk: str | None = None,
        enroll_staff: str | None = None,
    ) -> None:
        self.database_url = database_url
        self.host = host
        self.ready_timeout_s = ready_timeout_s
        self.extra_args = extra_args
        self.enroll_kiosk = enroll_kiosk
        self.enroll_staff = enroll_staff
        self.url = ""
        # Fresh tokens for the enrolled kiosk and staff member, made at each start.
        self.kiosk_token = ""
        self.staff_token = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> str:
        self._workdir = tempfile.TemporaryDirectory(prefix="onestop-backend-")
        ready_file = Path(self._workdir.name) / "ready"
        log_path = Path(self._workdir.name) / "log"
        enrollments = self._enrollment_args(Path(self._workdir.name))
        command = [
            sys.executable,
            "-m",
            "server",
            "--host",
            self.host,
            "--port",
            "0",
            "--database",
            self.database_url,
            "--ready-file",
            str(ready_file),
            "--exit-with-parent",
            *enrollments,
            *self.extra_args,
        ]
        with log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        deadline = time.monotonic() + self.ready_timeout_s
        while time.monotonic() < deadline:
            if ready_file.exists() and ready_file.stat().st_size:
                self.url = ready_file.read_text().strip()
                return self.url
            if self._process.poll() is not None:
                break
            time.sleep(0.05)
        output = log_path.read_text(errors="replace")
        exited = self._process.poll() is not None
        self.stop()
        raise BackendStartError(
            "the backend exited before it was ready"
            if exited
            else f"the backend was not ready within {self.ready_timeout_s:.0f} s",
            output,
        )

    def _enrollment_args(self, workdir: Path) -> list[str]:
        arguments: list[str] = []
        if self.enroll_kiosk:
            self.kiosk_token = secrets.token_urlsafe(32)
            path = _private_file(workdir / "kiosk-token", self.kiosk_token)
            arguments += ["--enroll-kiosk", f"{self.enroll_kiosk}={path}"]
        if self.enroll_staff:
            self.staff_token = secrets.token_urlsafe(32)
            path = _private_file(workdir / "staff-token", self.staff_token)
            arguments += ["--enroll-staff", f"{self.enroll_staff}={path}"]
        return arguments

    def log_text(self) -> str:
        if self._workdir is None:
            return ""
        path = Path(self._workdir.name) / "log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> BackendProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _private_file(path: Path, text: str) -> Path:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return path
