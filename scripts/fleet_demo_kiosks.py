"""The kiosks of the fleet demo (scripts/fleet_demo.py): who they are and how each is doing.

Each demo kiosk is made of the kiosk's own parts, minus the hardware and the screens: the
config that ``kiosk provision`` wrote, its encrypted outbox, its command ledger, the real
:class:`~kiosk.health.HealthProbe` and :class:`~kiosk.heartbeat.Heartbeat`, so what reaches the
backend is exactly what a kiosk in a hall sends. Only the devices are stand-ins, and say so: a
printer that reports the state the demo gave it, and a card reader watch told it failed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from drivers.printers.base import PaperState, Printer, PrinterStatus, PrintFailed
from drivers.printers.layout import Receipt
from kiosk.api import BackendClient, RetryPolicy
from kiosk.config import KioskConfig
from kiosk.fleet_commands import AckOutcome, CommandKind, CommandLedger, FleetCommand
from kiosk.health import HealthProbe, ReaderWatch
from kiosk.heartbeat import Heartbeat
from kiosk.outbox import Outbox, OutboxKind, new_provisional_ref

# What a village kiosk's outbox holds after its line to the office was down for a morning.
WAITING_SUBMISSIONS = 14
# The card reader's own words when it is unplugged (kiosk.health.ReaderWatch reads "no reader").
READER_UNPLUGGED = "no reader found (USB cable unplugged?)"
OUT_OF_SERVICE_MESSAGE = (
    "打印机维修中，请到3号窗口办理 Printer being repaired: please use counter 3"
)


class Condition(Enum):
    """How a demo kiosk is doing; one of each, then healthy ones to the fleet's size."""

    HEALTHY = "healthy"
    PENDING_COMMAND = "a citizen is using it; a restart waits until they finish"
    PAPER_LOW = "paper near its end"
    OUT_OF_SERVICE = "taken out of service from the office, with a message"
    PAPER_OUT = "out of paper"
    PRINTER_OFFLINE = "printer switched off"
    READER_MISSING = "card reader unplugged"
    OUTBOX_WAITING = f"{WAITING_SUBMISSIONS} submissions waiting in its outbox"
    STOPPED = "stopped sending heartbeats (powered off)"
    NEVER_SEEN = "provisioned, never switched on"

    @property
    def beats(self) -> bool:
        """Whether it keeps sending heartbeats while the demo runs."""
        return self not in (Condition.STOPPED, Condition.NEVER_SEEN)


@dataclass(frozen=True)
class Profile:
    kiosk_id: str
    label: str
    condition: Condition


_SPECIAL = (
    Profile("hall-02", "市民中心 2号机 Civic centre, kiosk 2", Condition.PENDING_COMMAND),
    Profile("hall-03", "市民中心 3号机 Civic centre, kiosk 3", Condition.PAPER_LOW),
    Profile("hall-04", "市民中心 4号机 Civic centre, kiosk 4", Condition.OUT_OF_SERVICE),
    Profile("village-01", "东岭村服务点 Dongling village", Condition.PAPER_OUT),
    Profile("village-02", "南坪村服务点 Nanping village", Condition.PRINTER_OFFLINE),
    Profile("village-03", "西溪村服务点 Xixi village", Condition.READER_MISSING),
    Profile("village-04", "北山村服务点 Beishan village", Condition.OUTBOX_WAITING),
    Profile("village-05", "石桥村服务点 Shiqiao village", Condition.STOPPED),
    Profile("village-06", "新田村服务点 Xintian village", Condition.NEVER_SEEN),
)
MIN_KIOSKS = len(_SPECIAL) + 1
MAX_KIOSKS = 60


def fleet_profiles(count: int) -> list[Profile]:
    """``count`` kiosks: every condition once, the rest healthy (hall-01, hall-05, ...)."""
    if not MIN_KIOSKS <= count <= MAX_KIOSKS:
        raise ValueError(f"the demo fleet has {MIN_KIOSKS} to {MAX_KIOSKS} kiosks")
    healthy_numbers = [1, *range(5, 5 + count - MIN_KIOSKS)]
    healthy = [
        Profile(f"hall-{n:02d}", f"市民中心 {n}号机 Civic centre, kiosk {n}", Condition.HEALTHY)
        for n in healthy_numbers
    ]
    return sorted([*healthy, *_SPECIAL], key=lambda profile: profile.kiosk_id)


_PRINTER_STATUS = {
    Condition.PAPER_LOW: PrinterStatus(online=True, paper=PaperState.NEAR_END),
    Condition.PAPER_OUT: PrinterStatus(online=True, paper=PaperState.OUT),
    Condition.PRINTER_OFFLINE: PrinterStatus(online=False),
}
_HEALTHY_PRINTER = PrinterStatus(online=True, paper=PaperState.OK)
# A kiosk at rest carries these out at once; one in use when the citizen is done.
_WAIT_FOR_THE_CITIZEN = frozenset({CommandKind.RESTART, CommandKind.OUT_OF_SERVICE_ON})


class StandInPrinter(Printer):
    """No printer is attached in the demo: this one reports the state it was given."""

    def __init__(self, status: PrinterStatus) -> None:
        self._status = status

    def status(self) -> PrinterStatus:
        return self._status

    def print(self, receipt: Receipt) -> None:
        raise PrintFailed("the fleet demo has no printer")


class DemoKiosk:
    """One provisioned kiosk of the demo, heartbeating on its own thread once started."""

    def __init__(self, profile: Profile, config: KioskConfig) -> None:
        self.profile = profile
        self.config = config
        self.data_dir = Path(config.kiosk.data_dir)
        self.out_of_service = False
        # Commands a kiosk in use holds until its citizen is done (as ui/journeys/fleet.py).
        self.held: list[FleetCommand] = []
        self.outbox = Outbox.in_directory(self.data_dir)
        reader = ReaderWatch()
        if profile.condition is Condition.READER_MISSING:
            reader.card_failed(READER_UNPLUGGED)
        if profile.condition is Condition.OUTBOX_WAITING and self.outbox.depth() == 0:
            _fill_outbox(self.outbox, profile.kiosk_id)
        self._probe = HealthProbe(
            reader=reader,
            printer=StandInPrinter(_PRINTER_STATUS.get(profile.condition, _HEALTHY_PRINTER)),
            client=_client(config),
            outbox=self.outbox,
            data_dir=self.data_dir,
        )
        self.heartbeat = Heartbeat(
            _client(config),
            self._probe,
            CommandLedger.in_directory(self.data_dir),
            period_s=config.fleet.heartbeat_period_s,
            out_of_service=lambda: self.out_of_service,
            # The demo sends the first heartbeat itself (beat_once) before starting the thread.
            first_beat_delay_s=config.fleet.heartbeat_period_s,
        )
        self.heartbeat.set_listener(self.carry_out)

    @property
    def in_use(self) -> bool:
        return self.profile.condition is Condition.PENDING_COMMAND

    def carry_out(self, commands: Sequence[FleetCommand]) -> None:
        """The heartbeat's listener (on its thread): what the kiosk's screens would do."""
        for command in commands:
            if self.in_use and command.kind in _WAIT_FOR_THE_CITIZEN:
                self.held.append(command)
                continue
            if command.kind is CommandKind.OUT_OF_SERVICE_ON:
                self.out_of_service = True
            elif command.kind is CommandKind.OUT_OF_SERVICE_OFF:
                self.out_of_service = False
            # Reset, restart and message change nothing that the fleet page shows. The beat
            # after the acknowledgement: the server keeps no report older than an acknowledgement
            # (server/heartbeats.py), so the one that brought the command is never written.
            self.heartbeat.report(
                command,
                AckOutcome.DONE,
                "carried out by the fleet demo",
                then=self.heartbeat.beat_now,
            )

    def close(self) -> None:
        self.heartbeat.stop()  # and its client; the probe has a client of its own
        self._probe.close()
        self.outbox.close()


def _client(config: KioskConfig) -> BackendClient:
    return BackendClient(
        config.backend.url,
        token=config.backend.token,
        connect_timeout_s=config.backend.connect_timeout_s,
        read_timeout_s=config.backend.read_timeout_s,
        retry=RetryPolicy(attempts=1),  # as kiosk/app.py: the heartbeat period is the retry
    )


def _fill_outbox(outbox: Outbox, kiosk_id: str) -> None:
    """Ratings the kiosk could not send yet: no personal data, nothing the demo delivers."""
    for number in range(WAITING_SUBMISSIONS):
        outbox.put(
            OutboxKind.EVALUATION,
            idempotency_key=f"fleet-demo-{kiosk_id}-{number}",
            provisional_ref=new_provisional_ref(kiosk_id),
            payload={"level": 5, "demo": True},
        )
