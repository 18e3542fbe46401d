"""The composition root: every core object and driver is built here, once, from the config.

Nothing else in the project builds a device, a client or a session; they are passed in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drivers.cards import CardReader, open_reader
from drivers.printers import open_printer
from drivers.printers.base import Printer
from drivers.printers.isolated import IsolatedPrinter
from kiosk.api import BackendClient, RetryPolicy
from kiosk.catalog_cache import CatalogCache, CatalogSource
from kiosk.config import KioskConfig
from kiosk.desk import ApplicationDesk, CatalogStore
from kiosk.fleet_commands import CommandLedger
from kiosk.forwarder import ClientSender, Forwarder
from kiosk.health import HealthProbe, ReaderWatch
from kiosk.heartbeat import Heartbeat
from kiosk.hotline_categories import HotlineCategorySource
from kiosk.hotline_desk import HotlineDesk
from kiosk.logs import PersonalDataRedactor
from kiosk.outbox import Outbox
from kiosk.printing import ReceiptPrinting
from kiosk.progress import ProgressDesk
from kiosk.progress_memory import StatusMemory
from kiosk.ratings import INDICATORS_FILE, IndicatorStore, RatingDesk
from kiosk.session import Session, State, Timeouts
from kiosk.spool import ReprintSpool
from kiosk.tickets import TicketDesk

APP_NAME = "onestop-kiosk"
# The last catalog the backend sent, for browsing while it is out of reach.
CATALOG_FILE = "catalog.json"
# The hotline's categories as last sent, for filing while the backend is out of reach.
HOTLINE_CATEGORIES_FILE = "hotline-categories.json"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def data_dir(config: KioskConfig) -> Path:
    return Path(config.kiosk.data_dir) if config.kiosk.data_dir else default_data_dir()


# Staff left the kiosk for maintenance: while this file is in the data directory the
# systemd unit does not start the kiosk again (ConditionPathExists=!... in
# packaging/systemd/onestop-kiosk.service). Deleting it and starting the unit ends maintenance.
MAINTENANCE_FILE = "maintenance"


def reprint_spool(config: KioskConfig) -> ReprintSpool:
    return ReprintSpool(data_dir(config) / "reprint")


@dataclass(frozen=True)
class DemoPaths:
    """Where the embedded demo keeps its database and receipts (the per-user data directory)."""

    data_dir: Path

    @classmethod
    def default(cls) -> DemoPaths:
        return cls(default_data_dir())

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'demo-backend.sqlite3'}"

    @property
    def receipts_dir(self) -> Path:
        return self.data_dir / "receipts"


@dataclass
class Kiosk:
    config: KioskConfig
    redactor: PersonalDataRedactor
    client: BackendClient
    reader: CardReader
    printer: Printer
    session: Session
    catalog: CatalogStore
    outbox: Outbox
    # The forwarder's own client: one try per attempt, the forwarder spacing out retries.
    sender_client: BackendClient
    forwarder: Forwarder
    # Printing receipts and tickets, keeping what could not print for a reprint.
    paper: ReceiptPrinting
    desk: ApplicationDesk
    health: HealthProbe
    heartbeat: Heartbeat
    ratings: RatingDesk
    tickets: TicketDesk
    hotline: HotlineDesk
    # Progress look-ups, and the last statuses seen for when the backend is away.
    progress: ProgressDesk

    def start_background_work(self) -> None:
        """What runs beside the screens: the forwarder sending what the outbox holds, and the
        fleet heartbeat."""
        self.forwarder.start()
        self.heartbeat.start()

    def close(self) -> None:
        self.heartbeat.stop()  # first: its last round reads the outbox and the printer
        self.reader.stop()
        self.forwarder.stop()
        self.outbox.close()
        self.printer.close()
        self.sender_client.close()
        self.health.close()
        self.client.close()


def _client(config: KioskConfig, retry: RetryPolicy) -> BackendClient:
    return BackendClient(
        config.backend.url,
        token=config.backend.token,
        connect_timeout_s=config.backend.connect_timeout_s,
        read_timeout_s=config.backend.read_timeout_s,
        ca_bundle=config.backend.ca_bundle,
        retry=retry,
    )


def build_kiosk(
    config: KioskConfig,
    redactor: PersonalDataRedactor,
    *,
    clock: Callable[[], float] = time.monotonic,  # the session's (kiosk tour stops it)
) -> Kiosk:
    client = _client(config, RetryPolicy())
    outbox = Outbox.in_directory(data_dir(config))
    # One try per attempt: the forwarder spaces out its own retries, and a citizen waiting
    # for the "submitted" screen must not wait through the client's retries as well.
    sender_client = _client(config, RetryPolicy(attempts=1))
    forwarder = Forwarder(outbox, ClientSender(sender_client))
    printer = IsolatedPrinter(config.devices.printer, open_printer(config.devices.printer))
    reader_watch = ReaderWatch()
    catalog_cache = CatalogCache(data_dir(config) / CATALOG_FILE)
    catalog = CatalogStore(CatalogSource(client, catalog_cache))
    health = HealthProbe(
        reader=reader_watch,
        printer=printer,
        # Its own client: the heartbeat thread and the staff screens read health while the
        # forwarder sends on sender_client.
        client=_client(config, RetryPolicy(attempts=1)),
        outbox=outbox,
        data_dir=data_dir(config),
    )
    session = Session(
        kiosk_id=config.kiosk.id,
        timeouts=Timeouts.from_settings(config.session),
        redactor=redactor,
        language=config.kiosk.language,
        care_timeout_factor=config.accessibility.care_timeout_factor,
        clock=clock,
    )
    paper = ReceiptPrinting(printer, reprint_spool(config))
    return Kiosk(
        config=config,
        redactor=redactor,
        client=client,
        reader=open_reader(config.devices.card_reader),
        printer=printer,
        session=session,
        catalog=catalog,
        outbox=outbox,
        sender_client=sender_client,
        forwarder=forwarder,
        paper=paper,
        desk=ApplicationDesk(
            outbox, forwarder, paper, kiosk_id=config.kiosk.id, backend_url=config.backend.url
        ),
        health=health,
        heartbeat=Heartbeat(
            _client(config, RetryPolicy(attempts=1)),  # one try a beat: the period is the retry
            health,
            CommandLedger.in_directory(data_dir(config)),
            period_s=config.fleet.heartbeat_period_s,
            out_of_service=lambda: session.state is State.OUT_OF_SERVICE,
        ),
        ratings=RatingDesk(
            outbox,
            forwarder,
            IndicatorStore(client, data_dir(config) / INDICATORS_FILE),
            kiosk_id=config.kiosk.id,
        ),
        tickets=TicketDesk(client, paper, kiosk_id=config.kiosk.id),
        hotline=HotlineDesk(
            # One try: offline, the kept categories show at once instead of after retries.
            HotlineCategorySource(sender_client, data_dir(config) / HOTLINE_CATEGORIES_FILE),
            outbox,
            forwarder,
            paper,
            kiosk_id=config.kiosk.id,
        ),
        # One try per look-up: offline, what the kiosk knows shows at once, not after retries.
        progress=ProgressDesk(
            sender_client,
            outbox,
            StatusMemory(data_dir(config)),
            printer,
            catalog=catalog,
            catalog_cache=catalog_cache,
        ),
    )


DEMO_KIOSK_ID = "demo-kiosk-01"
# The demo's staff PIN, known to everyone who reads this: never use it on a real kiosk.
DEMO_STAFF_PIN = "246810"
DEMO_STAFF_PIN_HASH = (
    "scrypt$n=32768,r=8,p=1$b25lc3RvcC1kZW1vLXBpbg==$CVxWCBYORbgxrw8XFqkbL355Z1E9iE4vnIswcVXQTFI="
)


def demo_defaults(
    paths: DemoPaths, backend_url: str, backend_token: str
) -> dict[str, dict[str, object]]:
    """Embedded configuration for ``kiosk demo`` and ``kiosk tour``.

    The embedded backend enrolls :data:`DEMO_KIOSK_ID` with ``backend_token`` at its start.
    The staff PIN is :data:`DEMO_STAFF_PIN` (five taps in the start screen's top-left corner).
    """
    return {
        "kiosk": {"id": DEMO_KIOSK_ID, "demo": True, "data_dir": str(paths.data_dir)},
        "backend": {"url": backend_url, "token": backend_token},
        "devices": {
            "card_reader": "simulated://",
            "printer": paths.receipts_dir.as_uri() + "/?paper=80mm",
        },
        "staff": {"pin_hash": DEMO_STAFF_PIN_HASH},
    }
