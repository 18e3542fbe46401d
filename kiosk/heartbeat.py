"""The fleet heartbeat: the kiosk's health to the backend, the backend's commands to the screens.

One daemon thread, never the Qt thread. Every period it collects the kiosk's health
(``kiosk.health``, which blocks on the printer and the backend), POSTs it to
``/v1/kiosks/heartbeat`` and hands the commands in the answer to a listener (the UI wraps it in
a queued Qt signal). The UI carries each command out when it can and calls :meth:`report`;
the thread then writes the outcome to the :class:`~kiosk.fleet_commands.CommandLedger` and
acknowledges it (``POST /v1/kiosks/commands/{id}/ack``) until the backend has it.

The period is the server's ``heartbeat_s`` once it answered (its "online" view counts missed
beats of that length), ``fleet.heartbeat_period_s`` before. With the backend down the thread
keeps trying once a period: one thread, one request at a time, nothing piles up.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.api import BackendClient
from kiosk.backend_errors import BackendError, BackendRejected
from kiosk.fleet_commands import (
    AckOutcome,
    CommandLedger,
    FleetCommand,
    Unsupported,
    parse_command,
)
from kiosk.health import HealthProbe

log = logging.getLogger(__name__)

HEARTBEAT_PATH = "/v1/kiosks/heartbeat"
MIN_PERIOD_S, MAX_PERIOD_S = 5.0, 3600.0
# The first heartbeat waits for start-up to finish: a booting kiosk has its screens to paint.
FIRST_BEAT_DELAY_S = 2.0

CommandListener = Callable[[Sequence[FleetCommand]], None]


def ack_path(command_id: int) -> str:
    return f"/v1/kiosks/commands/{command_id}/ack"


@dataclass(frozen=True)
class _Report:
    command_id: int
    outcome: AckOutcome
    detail: str
    then: Callable[[], None] | None


class Heartbeat:
    """Reports health and collects commands on its own thread (see the module docstring).

    ``client`` is the heartbeat's own (one try per request: the period is the retry), closed by
    :meth:`stop`. ``out_of_service`` says whether the kiosk is out of service now; it is read
    from the heartbeat's thread.
    """

    def __init__(
        self,
        client: BackendClient,
        probe: HealthProbe,
        ledger: CommandLedger,
        *,
        period_s: float,
        out_of_service: Callable[[], bool],
        min_period_s: float = MIN_PERIOD_S,
        first_beat_delay_s: float = FIRST_BEAT_DELAY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._probe = probe
        self._ledger = ledger
        self._min_period_s = min_period_s
        self._first_beat_delay_s = first_beat_delay_s
        self._period_s = self._clamp(period_s)
        self._out_of_service = out_of_service
        self._clock = clock
        self._listener: CommandListener | None = None
        # Handed to the listener and not yet reported: a repeat must not hand them again.
        # Only the heartbeat's thread (or a caller of beat_once) touches it.
        self._handed: set[int] = set()
        self._reports: queue.SimpleQueue[_Report] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._beat_asked = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._round_lock = threading.RLock()
        self.last_contact: float | None = None  # time.time() of the last answered heartbeat
        self.beats = 0  # heartbeats answered since the start

    @property
    def period_s(self) -> float:
        return self._period_s

    def set_listener(self, listener: CommandListener | None) -> None:
        """Who carries commands out; called on the heartbeat's thread. Commands that arrive
        without a listener are left for a later heartbeat."""
        self._listener = listener

    # -- the thread --------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="fleet-heartbeat", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """End the thread (after what it is sending) and close the client; whether it ended
        within ``timeout_s``. Outcomes reported until now are written to the ledger first."""
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        ended = True
        if thread is not None:
            thread.join(timeout_s)
            ended = not thread.is_alive()
            if not ended:
                log.warning("the heartbeat thread did not end within %.0f s", timeout_s)
        if thread is None:
            self._take_reports(send=False)
        if ended:
            self._client.close()
        return ended

    def beat_now(self) -> None:
        """Send a heartbeat now rather than at the end of the period (staff asked, or a test)."""
        self._beat_asked.set()
        self._wake.set()

    def report(
        self,
        command: FleetCommand,
        outcome: AckOutcome,
        detail: str = "",
        *,
        then: Callable[[], None] | None = None,
    ) -> None:
        """``command`` was carried out (or failed): remember it and acknowledge it. Returns at
        once; ``then`` runs on the heartbeat's thread after the first try to acknowledge."""
        self._reports.put(_Report(command.id, outcome, detail, then))
        self._wake.set()

    def _run(self) -> None:
        next_beat = self._clock() + self._first_beat_delay_s
        while True:
            self._wake.wait(max(0.0, next_beat - self._clock()))
            self._wake.clear()
            if self._stopping.is_set():
                # Kept in the ledger, acknowledged after the next start: closing stays quick.
                self._take_reports(send=False)
                return
            try:
                if self._beat_asked.is_set() or self._clock() >= next_beat:
                    self._beat_asked.clear()
                    self.beat_once()
                    next_beat = self._clock() + self._period_s
                else:
                    self._take_reports(send=True)
            except Exception:  # the heartbeat must outlive any one bad round
                log.exception("heartbeat round failed")
                next_beat = self._clock() + self._period_s

    # -- one round ---------------------------------------------------------------------------

    def beat_once(self) -> bool:
        """Acknowledge what waits, collect health, send it, hand new commands to the listener.

        Whether the backend answered. Blocks (the thread, or a test, calls it).
        """
        with self._round_lock:
            self._take_reports(send=True)
            health = self._probe.collect(out_of_service=self._out_of_service())
            try:
                answer = self._client.post_repeatable(HEARTBEAT_PATH, health.heartbeat_body())
            except BackendError as error:
                log.warning("heartbeat not answered: %s", error)
                return False
            self.last_contact = time.time()
            self.beats += 1
            self._take_answer(answer)
            return True

    def _take_answer(self, answer: Any) -> None:
        if not isinstance(answer, dict):
            log.warning("heartbeat answer is not an object; ignored")
            return
        period = answer.get("heartbeat_s")
        if isinstance(period, int | float) and not isinstance(period, bool):
            self._period_s = self._clamp(float(period))
        raw_commands = answer.get("commands")
        fresh: list[FleetCommand] = []
        for raw in raw_commands if isinstance(raw_commands, list) else []:
            command = parse_command(raw)
            if command is None:
                log.warning("a command in the heartbeat answer is malformed; ignored")
            elif isinstance(command, Unsupported):
                if self._ledger.get(command.id) is None:
                    log.warning("command %d: unknown kind %r", command.id, command.kind)
                    self._ledger.record(command.id, AckOutcome.FAILED, "not supported here")
            elif (carried_out := self._ledger.get(command.id)) is not None:
                if carried_out.acknowledged:
                    # Another server process has not heard of the acknowledgement yet, or it
                    # was lost with the server's memory: repeating it is harmless.
                    self._acknowledge(command.id, carried_out.outcome, carried_out.detail)
            elif command.id not in self._handed:
                fresh.append(command)
        self.send_acknowledgements()
        if fresh:
            self._hand(fresh)

    def _hand(self, commands: list[FleetCommand]) -> None:
        listener = self._listener
        if listener is None:
            return
        self._handed.update(command.id for command in commands)
        log.info("fleet commands: %s", ", ".join(f"{c.id} {c.kind.value}" for c in commands))
        try:
            listener(commands)
        except Exception:
            # The screens are gone (shutting down): the commands wait for the next heartbeat.
            log.exception("fleet commands could not be handed to the screens")
            self._handed.difference_update(command.id for command in commands)

    def _take_reports(self, *, send: bool) -> None:
        """Write reported outcomes to the ledger, then (if ``send``) acknowledge them."""
        with self._round_lock:
            taken = self._drain_reports()
            for report in taken:
                self._ledger.record(report.command_id, report.outcome, report.detail)
                self._handed.discard(report.command_id)
                log.info("fleet command %d: %s", report.command_id, report.outcome.value)
            if send and taken:
                self.send_acknowledgements()
        for report in taken:
            if report.then is not None:
                try:
                    report.then()
                except Exception:  # the screens may be gone already (shutting down)
                    log.exception("after acknowledging command %d", report.command_id)

    def _drain_reports(self) -> list[_Report]:
        taken: list[_Report] = []
        while True:
            try:
                taken.append(self._reports.get_nowait())
            except queue.Empty:
                return taken

    def send_acknowledgements(self) -> None:
        """Acknowledge what the ledger holds unacknowledged, oldest first; stops at the first
        sign that the backend is out of reach (the next round tries again)."""
        for command_id, entry in self._ledger.unacknowledged():
            if not self._acknowledge(command_id, entry.outcome, entry.detail):
                return

    def _acknowledge(self, command_id: int, outcome: AckOutcome, detail: str) -> bool:
        """One try; whether the backend answered (it may have answered "no such command")."""
        body: dict[str, Any] = {"outcome": outcome.value}
        if detail:
            body["detail"] = detail
        try:
            self._client.post_repeatable(ack_path(command_id), body)
        except BackendRejected as error:
            if error.status != 404:
                log.warning("acknowledging command %d refused: %s", command_id, error)
                # Overloaded or failing: stop for this round. Anything else concerns this one
                # acknowledgement, which stays for the next round while the others go on.
                return error.status != 429 and error.status < 500
            # The backend no longer knows it (its database was replaced): nothing to repeat.
            log.warning("command %d unknown to the backend; forgotten", command_id)
        except BackendError as error:
            log.warning("acknowledging command %d failed: %s", command_id, error)
            return False
        self._ledger.mark_acknowledged(command_id)
        return True

    def _clamp(self, period_s: float) -> float:
        return min(MAX_PERIOD_S, max(self._min_period_s, period_s))
