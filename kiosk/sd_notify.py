"""systemd's notification protocol (sd_notify) in plain Python: READY=1, WATCHDOG=1, STOPPING=1.

Under ``Type=notify`` systemd names a datagram socket in ``$NOTIFY_SOCKET`` (a path, or an
abstract name written with a leading ``@``), and under ``WatchdogSec=`` the period it expects
pings within in ``$WATCHDOG_USEC``. Outside systemd both are unset and every call does nothing.

``$WATCHDOG_PID`` names the process systemd armed the watchdog for. The packaged unit runs the
kiosk as the child of the cage compositor, and systemd arms it for cage, the unit's main
process; the kiosk's event loop is the one that can freeze, so the kiosk feeds it when
``$WATCHDOG_PID`` is its own PID or its parent's (the unit sets ``NotifyAccess=all``).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

READY = "READY=1"
WATCHDOG = "WATCHDOG=1"
STOPPING = "STOPPING=1"


@dataclass(frozen=True)
class NotifyTarget:
    """Where notifications go, and the watchdog period if systemd armed one for us."""

    address: str  # a file system path, or "\0name" for an abstract socket
    watchdog_usec: int | None

    @property
    def watchdog_interval_s(self) -> float | None:
        """How often to ping: half the period, as systemd's documentation advises."""
        return None if self.watchdog_usec is None else self.watchdog_usec / 2_000_000


def _watchdog_usec(environ: Mapping[str, str], pid: int, parent_pid: int) -> int | None:
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    armed_for = environ.get("WATCHDOG_PID", "")
    if armed_for:
        try:
            if int(armed_for) not in (pid, parent_pid):
                return None  # a process further down the tree: not ours to feed
        except ValueError:
            return None
    return usec


def notify_target(
    environ: Mapping[str, str] | None = None,
    *,
    pid: int | None = None,
    parent_pid: int | None = None,
) -> NotifyTarget | None:
    """The target named by the environment; None when not run by systemd with Type=notify."""
    environ = os.environ if environ is None else environ
    address = environ.get("NOTIFY_SOCKET", "")
    if not address or address[0] not in "/@":
        return None
    if address[0] == "@":
        address = "\0" + address[1:]
    pid = os.getpid() if pid is None else pid
    parent_pid = os.getppid() if parent_pid is None else parent_pid
    return NotifyTarget(address, _watchdog_usec(environ, pid, parent_pid))


class Notifier:
    """Sends notifications to one target; a failed send is logged once and never raised, since
    the kiosk must go on serving whether or not systemd hears it."""

    def __init__(self, target: NotifyTarget) -> None:
        self.target = target
        self._socket: socket.socket | None = None
        self._failing = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Notifier | None:
        target = notify_target(environ)
        return None if target is None else cls(target)

    def send(self, *assignments: str) -> bool:
        """Send ``NAME=value`` lines in one datagram; True when it was handed to the socket."""
        message = "\n".join(assignments).encode()
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.sendto(message, self.target.address)
        except OSError as error:
            if not self._failing:
                log.warning("cannot notify systemd: %s", error.strerror or error)
            self._failing = True
            self.close()
            return False
        self._failing = False
        return True

    def ready(self, status: str = "") -> bool:
        line = " ".join(status.split())  # one line: a newline would end the assignment
        return self.send(READY, *([f"STATUS={line}"] if line else []))

    def watchdog(self) -> bool:
        return self.send(WATCHDOG)

    def stopping(self) -> bool:
        return self.send(STOPPING)

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
