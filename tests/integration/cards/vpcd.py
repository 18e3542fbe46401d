"""pcscd with the vsmartcard vpcd driver, and virtual cards plugged into its readers.

``VpcdStack`` runs pcscd in the foreground inside a private network namespace (see
``netns``) with a reader configuration of its own and its own socket directory bind-mounted
over /run/pcscd (pcscd 1.9.9 ignores ``PCSCLITE_CSOCK_NAME``; the client library honours
it). A system pcscd, if any, is never touched. Each virtual card is a TCP connection to vpcd
served by a thread of the test process; ``remove()`` closes it, as pulling the card would.

Needs root and the Debian packages pcscd and vsmartcard-vpcd.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

from drivers.cards import pcsc_scard
from tests.integration.cards.netns import NetworkNamespace
from tests.integration.cards.virtual_card import CardPulled, VirtualCard

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
VPCD_PORTS = (35963, 35964)
READER_NAMES = ("Virtual PCD 00 00", "Virtual PCD 00 01")
_READER_CONF = f"""FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x{VPCD_PORTS[0]:04X}
LIBPATH      {VPCD_DRIVER}
CHANNELID    0x{VPCD_PORTS[0]:04X}
"""
_START_TIMEOUT_S = 10.0
_STOP_TIMEOUT_S = 10.0
_SOCKET_POLL_S = 0.01
# vpcd's one-byte control messages; only "get ATR" wants an answer.
_GET_ATR = b"\x04"


def check_requirements() -> None:
    if os.geteuid() != 0:
        raise RuntimeError("the pcscd/vpcd tests need root (network namespaces, bind mounts)")
    if shutil.which("pcscd") is None or not VPCD_DRIVER.exists():
        raise RuntimeError("install the Debian packages pcscd and vsmartcard-vpcd")


class Pcscd:
    """One pcscd in the foreground; ``start`` returns once it logged "daemon ready"."""

    def __init__(self, namespace: NetworkNamespace, root: Path) -> None:
        self._namespace = namespace
        self.run_dir = root / "run"
        self.config_dir = root / "reader.conf.d"
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.config_dir.mkdir(exist_ok=True)
        (self.config_dir / "vpcd").write_text(_READER_CONF)
        self.log: deque[str] = deque(maxlen=200)
        self._process: subprocess.Popen[str] | None = None
        self._log_thread: threading.Thread | None = None

    @property
    def socket_path(self) -> Path:
        return self.run_dir / "pcscd.comm"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        if self._process is not None:
            raise RuntimeError("pcscd is already running")
        # Left by a pcscd that was killed: the new one would refuse to start over them.
        for stale in ("pcscd.comm", "pcscd.pid"):
            (self.run_dir / stale).unlink(missing_ok=True)
        script = 'mkdir -p /run/pcscd && mount --bind "$0" /run/pcscd && exec pcscd "$@"'
        argv = ["sh", "-c", script, str(self.run_dir)]
        argv += ["--foreground", "--info", "--config", str(self.config_dir)]
        process = subprocess.Popen(
            self._namespace.command(argv),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        ready = threading.Event()
        self._process = process
        self._log_thread = threading.Thread(
            target=self._follow_log, args=(process, ready), name="pcscd-log", daemon=True
        )
        self._log_thread.start()
        if not (ready.wait(_START_TIMEOUT_S) and self._wait_for_clients()):
            self.stop()
            raise RuntimeError("pcscd did not become ready:\n" + "\n".join(self.log))

    def _wait_for_clients(self) -> bool:
        """pcscd 1.9.9 logs "daemon ready" before it opens its socket: ask until it answers."""
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                pcsc_scard.release_context(pcsc_scard.establish_context())
                return True
            except pcsc_scard.ScardError:
                time.sleep(_SOCKET_POLL_S)  # no event tells when the socket starts listening
        return False

    def _follow_log(self, process: subprocess.Popen[str], ready: threading.Event) -> None:
        assert process.stdout is not None
        for line in process.stdout:  # ends when pcscd exits and closes its stdout
            self.log.append(line.rstrip())
            if "daemon ready" in line:
                ready.set()

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Stop pcscd by its PID (SIGKILL plays a crash); waits until it is gone."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(sig)
        try:
            process.wait(_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(_STOP_TIMEOUT_S)
        if self._log_thread is not None:
            self._log_thread.join(_STOP_TIMEOUT_S)
        if process.stdout is not None:
            process.stdout.close()


class InsertedCard:
    """A virtual card in a reader: a thread answering vpcd over one TCP connection."""

    def __init__(self, card: VirtualCard, connection: socket.socket) -> None:
        self.card = card
        self.apdus_answered = 0
        self.ended = threading.Event()  # the connection is gone: removed, pulled or pcscd died
        self.failure: BaseException | None = None
        self._connection = connection
        # vpcd writes the length and the payload separately: without these every APDU would
        # wait ~40 ms for a delayed ACK.
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._thread = threading.Thread(target=self._serve, name="virtual-card", daemon=True)
        self._thread.start()

    def _receive(self, size: int) -> bytes | None:
        buffer = bytearray()
        while len(buffer) < size:
            # Linux turns quick ACKs off again after a while: re-arm before every read.
            self._connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            chunk = self._connection.recv(size - len(buffer))
            if not chunk:
                return None
            buffer += chunk
        return bytes(buffer)

    def _send(self, payload: bytes) -> None:
        self._connection.sendall(len(payload).to_bytes(2, "big") + payload)

    def _serve(self) -> None:
        try:
            while (header := self._receive(2)) is not None:
                message = self._receive(int.from_bytes(header, "big"))
                if message is None:
                    break
                if len(message) == 1:  # power off / on / reset need no answer
                    if message == _GET_ATR:
                        self._send(self.card.atr)
                    continue
                reply = self.card.respond(message)
                self.apdus_answered += 1
                self._send(reply)
        except CardPulled:
            pass
        except OSError:
            pass  # the connection was shut down under us: removed, or pcscd went away
        except BaseException as error:  # a bug in a test card: shown by remove()
            self.failure = error
        finally:
            self._connection.close()
            self.ended.set()

    def remove(self) -> None:
        """Take the card out (close the connection) and wait for its thread."""
        if not self.ended.is_set():
            with contextlib.suppress(OSError):  # already closed by the serving thread
                self._connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(_STOP_TIMEOUT_S)
        if self._thread.is_alive():
            raise RuntimeError("the virtual card's thread did not end")
        if self.failure is not None:
            raise RuntimeError("the virtual card failed") from self.failure


class VpcdStack:
    """Network namespace + pcscd + vpcd readers; cards plugged in by ``insert``.

    pcsc-lite's client library reads ``PCSCLITE_CSOCK_NAME`` once per process, so a process
    has at most one stack and keeps its socket path; ``start_pcscd`` after ``stop_pcscd``
    (a pcscd restart) reuses it.
    """

    def __init__(self) -> None:
        check_requirements()
        self._root = Path(tempfile.mkdtemp(prefix="onestop-vpcd-"))
        self.namespace = NetworkNamespace.for_this_process()
        self.pcscd = Pcscd(self.namespace, self._root)
        socket_name = str(self.pcscd.socket_path)
        already = os.environ.setdefault("PCSCLITE_CSOCK_NAME", socket_name)
        if already != socket_name:
            self.namespace.delete()
            raise RuntimeError(f"PCSCLITE_CSOCK_NAME is already {already}: one stack a process")
        self._cards: list[InsertedCard] = []

    def start_pcscd(self) -> None:
        self.pcscd.start()

    def stop_pcscd(self, sig: signal.Signals = signal.SIGTERM) -> None:
        self.pcscd.stop(sig)

    def insert(self, card: VirtualCard, slot: int = 0) -> InsertedCard:
        inserted = InsertedCard(card, self.namespace.connect(VPCD_PORTS[slot]))
        self._cards.append(inserted)
        return inserted

    def wait_until_readers_empty(self, timeout_s: float = 5.0) -> None:
        self.wait_for_cards_in(set(), timeout_s)

    def wait_for_cards_in(self, slots: set[int], timeout_s: float = 5.0) -> None:
        """Wait until pcscd sees cards in exactly ``slots`` (it polls vpcd every 400 ms)."""
        context = pcsc_scard.establish_context()
        try:
            deadline = time.monotonic() + timeout_s
            states = [(name, pcsc_scard.STATE_UNAWARE) for name in READER_NAMES]
            while (remaining_ms := int((deadline - time.monotonic()) * 1000)) > 0:
                changed = pcsc_scard.get_status_change(context, remaining_ms, states)
                if changed is None:
                    break
                seen = {
                    READER_NAMES.index(name)
                    for name, state, _ in changed
                    if state & pcsc_scard.STATE_PRESENT
                }
                if seen == slots:
                    return
                states = [(name, state & ~pcsc_scard.STATE_CHANGED) for name, state, _ in changed]
            raise RuntimeError(f"pcscd did not see cards in exactly slots {slots} in {timeout_s} s")
        finally:
            pcsc_scard.release_context(context)

    def remove_all(self) -> None:
        cards, self._cards = self._cards, []
        for card in cards:
            card.remove()

    def close(self) -> None:
        try:
            self.remove_all()
        finally:
            self.pcscd.stop()
            self.namespace.delete()
            # PCSCLITE_CSOCK_NAME stays set (the library has cached it anyway): with the
            # directory gone a later client finds no pcscd rather than someone else's.
            shutil.rmtree(self._root, ignore_errors=True)
