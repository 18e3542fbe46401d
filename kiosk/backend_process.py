"""Run the reference backend as a child process on a loopback port (demo, tour, tests).

The kiosk never imports ``server``: it starts ``python -m server`` and talks HTTP to it, as it
would to a province's backend. The child writes its base URL to a ready file once it listens.
"""

from __future__ import annotations

import os
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
    ) -> None:
        self.database_url = database_url
        self.host = host
        self.ready_timeout_s = ready_timeout_s
        self.extra_args = extra_args
        self.url = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> str:
        self._workdir = tempfile.TemporaryDirectory(prefix="onestop-backend-")
        ready_file = Path(self._workdir.name) / "ready"
        log_path = Path(self._workdir.name) / "log"
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
