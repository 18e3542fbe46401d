"""A named network namespace of the tests' own, and TCP connections made inside it.

vpcd listens on TCP 35963/35964 on every address, so pcscd and the virtual cards share a
private namespace: nothing outside it can reach the virtual readers, and a second test run
(or a real vpcd) on the same machine cannot collide with this one. The tests themselves stay
in the machine's namespace: pyscard reaches pcscd over a Unix socket, which namespaces of the
network kind do not separate.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import subprocess
import threading

_CLONE_NEWNET = 0x40000000
NAME_PREFIX = "onestop-cards-"


class NetworkNamespace:
    def __init__(self, name: str) -> None:
        self.name = name
        _delete_abandoned_namespaces()
        subprocess.run(["ip", "netns", "add", name], check=True, capture_output=True)
        try:
            self.run(["ip", "link", "set", "lo", "up"])
        except BaseException:
            self.delete()  # a half-made namespace must not outlive the failed set-up
            raise

    @classmethod
    def for_this_process(cls) -> NetworkNamespace:
        return cls(f"{NAME_PREFIX}{os.getpid()}")

    def command(self, argv: list[str]) -> list[str]:
        """``argv`` run inside the namespace (``ip netns exec`` execs it: one PID, no shell)."""
        return ["ip", "netns", "exec", self.name, *argv]

    def run(self, argv: list[str]) -> None:
        subprocess.run(self.command(argv), check=True, capture_output=True, timeout=10)

    def connect(self, port: int, timeout_s: float = 5.0) -> socket.socket:
        """A TCP connection to 127.0.0.1:``port`` inside the namespace.

        The socket is made by a short-lived thread that enters the namespace with setns(2):
        a socket keeps the namespace it was created in, and only that thread ever switches.
        """
        outcome: list[socket.socket | BaseException] = []

        def enter_and_connect() -> None:
            try:
                libc = ctypes.CDLL(None, use_errno=True)
                with open(f"/run/netns/{self.name}", "rb") as namespace:
                    if libc.setns(namespace.fileno(), _CLONE_NEWNET) != 0:
                        errno = ctypes.get_errno()
                        raise OSError(errno, f"setns into {self.name}: {os.strerror(errno)}")
                outcome.append(socket.create_connection(("127.0.0.1", port), timeout=timeout_s))
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=enter_and_connect, name=f"netns-connect-{port}")
        worker.start()
        worker.join(timeout_s + 1)
        if not outcome:
            raise TimeoutError(f"connecting to port {port} in {self.name} did not finish")
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        result.settimeout(None)
        return result

    def delete(self) -> None:
        subprocess.run(["ip", "netns", "delete", self.name], check=False, capture_output=True)


def _delete_abandoned_namespaces() -> None:
    """Namespaces left by test runs that were killed before they could clean up."""
    listing = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        found = re.match(rf"{NAME_PREFIX}(\d+)\b", line)
        if found and not _process_exists(int(found.group(1))):
            subprocess.run(
                ["ip", "netns", "delete", found.group(0)], check=False, capture_output=True
            )


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True
