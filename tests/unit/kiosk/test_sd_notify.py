"""sd_notify over a real AF_UNIX datagram socket, as systemd listens on one."""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.sd_notify import Notifier, notify_target


class NotifySocket:
    """A bound datagram socket standing where systemd's would; reads with a bounded wait."""

    def __init__(self, address: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(address)
        self.sock.settimeout(5)

    def receive(self) -> str:
        return self.sock.recv(4096).decode()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listening(tmp_path: Path) -> Iterator[tuple[str, NotifySocket]]:
    path = str(tmp_path / "notify.sock")
    listener = NotifySocket(path)
    yield path, listener
    listener.close()


def test_without_notify_socket_nothing_is_set_up() -> None:
    assert notify_target({}) is None
    assert Notifier.from_environment({"WATCHDOG_USEC": "30000000"}) is None
    assert notify_target({"NOTIFY_SOCKET": "relative/path"}) is None


def test_ready_watchdog_and_stopping_reach_the_socket(
    listening: tuple[str, NotifySocket],
) -> None:
    path, listener = listening
    notifier = Notifier.from_environment({"NOTIFY_SOCKET": path})
    assert notifier is not None
    assert notifier.target.watchdog_interval_s is None
    assert notifier.ready("showing\nthe start screen")
    assert listener.receive() == "READY=1\nSTATUS=showing the start screen"
    assert notifier.watchdog()
    assert listener.receive() == "WATCHDOG=1"
    assert notifier.stopping()
    assert listener.receive() == "STOPPING=1"
    notifier.close()


def test_an_abstract_socket_name_is_written_with_an_at_sign() -> None:
    name = f"onestop-test-{uuid.uuid4().hex}"
    listener = NotifySocket("\0" + name)
    try:
        notifier = Notifier.from_environment({"NOTIFY_SOCKET": "@" + name})
        assert notifier is not None and notifier.ready()
        assert listener.receive() == "READY=1"
        notifier.close()
    finally:
        listener.close()


def test_the_watchdog_interval_is_half_the_period_for_this_process_or_its_parent() -> None:
    def interval(environ: dict[str, str]) -> float | None:
        target = notify_target({"NOTIFY_SOCKET": "/run/x", **environ}, pid=500, parent_pid=400)
        assert target is not None
        return target.watchdog_interval_s

    assert interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "500"}) == 15.0
    # Under cage systemd arms the watchdog for cage, the kiosk's parent.
    assert interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "400"}) == 15.0
    assert interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "999"}) is None
    assert interval({"WATCHDOG_USEC": "0"}) is None
    assert interval({"WATCHDOG_USEC": "soon"}) is None
    assert interval({}) is None


def test_a_vanished_socket_is_logged_once_and_never_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = str(tmp_path / "notify.sock")
    notifier = Notifier.from_environment({"NOTIFY_SOCKET": path})
    assert notifier is not None
    with caplog.at_level(logging.WARNING, logger="kiosk.sd_notify"):
        assert not notifier.watchdog()
        assert not notifier.watchdog()
    assert len(caplog.records) == 1 and "cannot notify systemd" in caplog.records[0].message
    # systemd back (a daemon-reexec makes the socket anew): notifications flow again.
    listener = NotifySocket(path)
    try:
        assert notifier.watchdog()
        assert listener.receive() == "WATCHDOG=1"
    finally:
        listener.close()
        notifier.close()
        os.unlink(path)
