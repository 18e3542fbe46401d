"""The fleet heartbeat against the real backend: health up, commands down, acknowledgements up,
each command carried out once, through repeats, a restart and an outage."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest

from kiosk import __version__
from kiosk.api import BackendClient, RetryPolicy
from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.fleet_commands import LEDGER_FILE, AckOutcome, CommandKind, CommandLedger, FleetCommand
from kiosk.heartbeat import Heartbeat
from kiosk.logs import PersonalDataRedactor
from kiosk.outbox import OutboxKind, new_provisional_ref
from tests.faults.fault_peers import Fault, FaultyProxy, Misbehaviour, closed_port
from tests.integration.printers.peer import PAPER_NEAR_END, PrinterPeer
from tests.integration.server.kiosk_test_support import send_command, staff_get, unique_kiosk_id
from tests.support import RunningBackend

WAIT_S = 15.0
T = TypeVar("T")


def eventually(probe: Callable[[], T | None], what: str, timeout_s: float = WAIT_S) -> T:
    """``probe()`` once it gives something other than None (it is retried until then)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = probe()
        if found is not None:
            return found
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout_s:g} s: {what}")


class Screens:
    """The heartbeat's listener, as the UI is: it records what it was handed, on any thread."""

    def __init__(self) -> None:
        self.handed: list[list[FleetCommand]] = []
        self._lock = threading.Lock()

    def __call__(self, commands: Sequence[FleetCommand]) -> None:
        with self._lock:
            self.handed.append(list(commands))

    def commands(self) -> list[FleetCommand]:
        with self._lock:
            return [command for batch in self.handed for command in batch]


@pytest.fixture
def kiosk_id(backend: RunningBackend) -> str:
    return unique_kiosk_id("heartbeat")


@pytest.fixture
def printer(peers: list[PrinterPeer]) -> PrinterPeer:
    peer = PrinterPeer(dict(PAPER_NEAR_END))
    peers.append(peer)
    return peer


@pytest.fixture
def make_kiosk(
    backend: RunningBackend, kiosk_id: str, printer: PrinterPeer, tmp_path: Path
) -> Iterator[Callable[..., Kiosk]]:
    """The kiosk as ``kiosk run`` builds it, registered as ``kiosk_id``, at ``url``."""
    token = backend.add_kiosk(kiosk_id)
    built: list[Kiosk] = []

    def make(url: str | None = None) -> Kiosk:
        config = load_config(
            None,
            environ={},
            defaults={
                "kiosk": {"id": kiosk_id, "data_dir": str(tmp_path / "data")},
                "backend": {
                    "url": url or backend.url,
                    "token": token,
                    "connect_timeout_s": 1,
                    "read_timeout_s": 3,
                },
                "devices": {"printer": f"tcp://127.0.0.1:{printer.port}?paper=80mm"},
            },
        )
        kiosk = build_kiosk(config, PersonalDataRedactor())
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.close()


def own_heartbeat(kiosk: Kiosk, **cadence: float) -> Heartbeat:
    """A second heartbeat of the same kiosk (same data directory): a restarted process."""
    backend = kiosk.config.backend
    client = BackendClient(
        backend.url,
        token=backend.token,
        connect_timeout_s=backend.connect_timeout_s,
        read_timeout_s=backend.read_timeout_s,
        retry=RetryPolicy(attempts=1),
    )
    ledger = CommandLedger.in_directory(Path(kiosk.config.kiosk.data_dir))
    return Heartbeat(
        client,
        kiosk.health,
        ledger,
        period_s=cadence.pop("period_s", 30),
        out_of_service=lambda: False,
        **cadence,
    )


def recent_command(backend: RunningBackend, kiosk_id: str, command_id: int) -> dict[str, Any]:
    detail = staff_get(backend, f"/v1/staff/kiosks/{kiosk_id}").json()
    [command] = [c for c in detail["recent_commands"] if c["id"] == command_id]
    assert isinstance(command, dict)
    return command


def acknowledged(backend: RunningBackend, kiosk_id: str, command_id: int) -> dict[str, Any]:
    return eventually(
        lambda: (c := recent_command(backend, kiosk_id, command_id))["acknowledged_at"] and c,
        f"command {command_id} acknowledged",
    )


def fleet_entry(backend: RunningBackend, kiosk_id: str) -> dict[str, Any]:
    kiosks = staff_get(backend, "/v1/staff/fleet").json()["kiosks"]
    [entry] = [kiosk for kiosk in kiosks if kiosk["kiosk_id"] == kiosk_id]
    assert isinstance(entry, dict)
    return entry


def queue_offline(kiosk: Kiosk, count: int) -> None:
    """Items waiting in the outbox (the forwarder is not running in these tests)."""
    for _ in range(count):
        ref = new_provisional_ref(kiosk.config.kiosk.id)
        payload = {"category": "consultation", "description": "路燈", "anonymous": True}
        kiosk.outbox.put(
            OutboxKind.HOTLINE, idempotency_key=f"hb-{ref}", provisional_ref=ref, payload=payload
        )


def heartbeat_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "fleet-heartbeat"]


def test_health_goes_up_and_a_command_comes_back_carried_out(
    backend: RunningBackend, make_kiosk: Callable[..., Kiosk], kiosk_id: str
) -> None:
    kiosk = make_kiosk()
    queue_offline(kiosk, 2)
    sent = send_command(backend, kiosk_id, "message", "今日下午 3 點起暫停服務").json()
    screens = Screens()
    kiosk.heartbeat.set_listener(screens)

    kiosk.heartbeat.start()
    kiosk.heartbeat.beat_now()
    [command] = eventually(lambda: screens.commands() or None, "the command handed over")
    assert command == FleetCommand(sent["id"], CommandKind.MESSAGE, "今日下午 3 點起暫停服務")
    assert recent_command(backend, kiosk_id, sent["id"])["acknowledged_at"] is None

    kiosk.heartbeat.report(command, AckOutcome.DONE)

    answer = acknowledged(backend, kiosk_id, sent["id"])
    assert (answer["outcome"], answer["detail"]) == ("done", None)
    entry = eventually(
        lambda: (e := fleet_entry(backend, kiosk_id))["last_seen_at"] and e, "the heartbeat stored"
    )
    assert entry["online"] is True and entry["version"] == __version__
    assert (entry["outbox_depth"], entry["printer"], entry["paper"]) == (2, "ok", "near_end")
    assert entry["card_reader"] == "ok" and entry["pending_commands"] == 0
    assert kiosk.heartbeat.period_s == 30  # the server's heartbeat_s, not the configured one


def test_a_repeated_command_is_carried_out_once_even_across_a_restart(
    backend: RunningBackend, make_kiosk: Callable[..., Kiosk], kiosk_id: str
) -> None:
    kiosk = make_kiosk()
    sent = send_command(backend, kiosk_id, "restart").json()
    before, screens_before = own_heartbeat(kiosk), Screens()
    before.set_listener(screens_before)

    assert before.beat_once() and before.beat_once()  # not acknowledged: the server repeats it
    assert screens_before.handed == [[FleetCommand(sent["id"], CommandKind.RESTART)]]
    # Carried out; the process ends before the acknowledgement gets out.
    before.report(screens_before.commands()[0], AckOutcome.DONE, "restarting")
    assert before.stop()
    assert recent_command(backend, kiosk_id, sent["id"])["acknowledged_at"] is None
    assert (Path(kiosk.config.kiosk.data_dir) / LEDGER_FILE).stat().st_mode & 0o077 == 0

    after, screens_after = own_heartbeat(kiosk), Screens()
    after.set_listener(screens_after)
    assert after.beat_once()

    assert screens_after.handed == []  # the restart is not run again
    answer = acknowledged(backend, kiosk_id, sent["id"])
    assert (answer["outcome"], answer["detail"]) == ("done", "restarting")
    assert after.beat_once() and screens_after.handed == []
    after.stop()


def test_a_command_reported_twice_is_acknowledged_with_its_first_outcome(
    backend: RunningBackend, make_kiosk: Callable[..., Kiosk], kiosk_id: str
) -> None:
    kiosk = make_kiosk()
    sent = send_command(backend, kiosk_id, "out_of_service_on", "維護中").json()
    heartbeat, screens = own_heartbeat(kiosk), Screens()
    heartbeat.set_listener(screens)
    assert heartbeat.beat_once()
    [command] = screens.commands()

    heartbeat.report(command, AckOutcome.DONE)
    heartbeat.report(command, AckOutcome.DONE, "already out of service")
    assert heartbeat.beat_once()

    answer = acknowledged(backend, kiosk_id, sent["id"])
    assert (answer["outcome"], answer["detail"]) == ("done", None)
    heartbeat.stop()


def test_an_outage_is_waited_out_on_one_thread_and_commands_then_arrive(
    backend: RunningBackend, make_kiosk: Callable[..., Kiosk], kiosk_id: str
) -> None:
    # The backend's address answers, but nothing is behind it: down, as the kiosk sees it.
    proxy = FaultyProxy(closed_port())
    try:
        kiosk = make_kiosk(proxy.url)
        heartbeat = own_heartbeat(kiosk, period_s=0.2, min_period_s=0.2, first_beat_delay_s=0)
        screens = Screens()
        heartbeat.set_listener(screens)
        threads_before = len(heartbeat_threads())
        heartbeat.start()

        # Each beat asks for /v1/health and posts the heartbeat: several beats, unprompted.
        eventually(lambda: proxy.requests_seen >= 8 or None, "beats every period while down")
        assert len(heartbeat_threads()) == threads_before + 1
        assert heartbeat.beats == 0 and heartbeat.last_contact is None
        sent = send_command(backend, kiosk_id, "reset").json()

        port = urlsplit(backend.url).port
        assert port is not None
        proxy.upstream_port = port  # the backend is back
        [command] = eventually(lambda: screens.commands() or None, "the command after the outage")
        assert command.id == sent["id"] and heartbeat.beats >= 1
        heartbeat.report(command, AckOutcome.DONE)
        assert acknowledged(backend, kiosk_id, sent["id"])["outcome"] == "done"
        assert len(heartbeat_threads()) == threads_before + 1

        started = time.monotonic()
        assert heartbeat.stop(timeout_s=5)
        assert time.monotonic() - started < 5
        assert len(heartbeat_threads()) == threads_before
    finally:
        proxy.stop()


def test_stopping_is_bounded_while_the_backend_hangs(
    make_kiosk: Callable[..., Kiosk], backend: RunningBackend
) -> None:
    port = urlsplit(backend.url).port
    assert port is not None
    proxy = FaultyProxy(port, stall_s=30)
    proxy.misbehave(Misbehaviour(Fault.STALL, times=100))
    try:
        kiosk = make_kiosk(proxy.url)
        heartbeat = own_heartbeat(kiosk, first_beat_delay_s=0)
        heartbeat.start()
        eventually(lambda: proxy.requests_seen >= 1 or None, "a request hanging")

        started = time.monotonic()
        ended = heartbeat.stop(timeout_s=0.5)

        assert time.monotonic() - started < 1.5
        assert ended is False  # it said so, and the kiosk goes on closing
    finally:
        proxy.stop()  # the hanging answer ends: the thread ends too
        for thread in heartbeat_threads():
            thread.join(WAIT_S)
