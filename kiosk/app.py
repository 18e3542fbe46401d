"""The composition root: every core object and driver is built here, once, from the config.

Nothing else in the project builds a device, a client or a session; they are passed in.
"""

from __future__ import annotations

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
from kiosk.forwarder import ClientSender, Forwarder
from kiosk.health import HealthProbe, ReaderWatch
from kiosk.logs import PersonalDataRedactor
from kiosk.outbox import Outbox
from kiosk.session import Session, Timeouts
from kiosk.spool import ReprintSpool

APP_NAME = "onestop-kiosk"
# The last catalog the backend sent, for browsing while it is out of reach.
CATALOG_FILE = "catalog.json"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def data_dir(config: KioskConfig) -> Path:
    return Path(config.kiosk.data_dir) if config.kiosk.data_dir else default_data_dir()


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
    desk: ApplicationDesk
    health: HealthProbe

    def start_background_work(self) -> None:
        """What runs beside the screens: the forwarder sending what the outbox holds."""
        self.forwarder.start()

    def close(self) -> None:
        self.reader.stop()
        self.forwarder.stop()
        self.outbox.close()
        self.printer.close()
        self.sender_client.close()
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


def build_kiosk(config: KioskConfig, redactor: PersonalDataRedactor) -> Kiosk:
    client = _client(config, RetryPolicy())
    outbox = Outbox.in_directory(data_dir(config))
    # One try per attempt: the forwarder spaces out its own retries, and a citizen waiting
    # for the "submitted" screen must not wait through the client's retries as well.
    sender_client = _client(config, RetryPolicy(attempts=1))
    forwarder = Forwarder(outbox, ClientSender(sender_client))
    printer = IsolatedPrinter(config.devices.printer, open_printer(config.devices.printer))
    reader_watch = ReaderWatch()
    session = Session(
        kiosk_id=config.kiosk.id,
        timeouts=Timeouts(
            idle_s=config.session.idle_timeout_s, receipt_s=config.session.receipt_timeout_s
        ),
        redactor=redactor,
        language=config.kiosk.language,
        care_timeout_factor=config.accessibility.care_timeout_factor,
    )
    return Kiosk(
        config=config,
        redactor=redactor,
        client=client,
        reader=open_reader(config.devices.card_reader),
        printer=printer,
        session=session,
        catalog=CatalogStore(CatalogSource(client, CatalogCache(data_dir(config) / CATALOG_FILE))),
        outbox=outbox,
        sender_client=sender_client,
        forwarder=forwarder,
        desk=ApplicationDesk(
            outbox,
            forwarder,
            printer,
            kiosk_id=config.kiosk.id,
            spool=reprint_spool(config),
            backend_url=config.backend.url,
        ),
        health=HealthProbe(
            reader=reader_watch,
            printer=printer,
            client=sender_client,
            outbox=outbox,
            data_dir=data_dir(config),
        ),
    )


DEMO_KIOSK_ID = "demo-kiosk-01"


def demo_defaults(
    paths: DemoPaths, backend_url: str, backend_token: str
) -> dict[str, dict[str, object]]:
    """Embedded configuration for ``kiosk demo`` and ``kiosk tour``.

    The embedded backend enrolls :data:`DEMO_KIOSK_ID` with ``backend_token`` at its start.
    """
    return {
        "kiosk": {"id": DEMO_KIOSK_ID, "demo": True, "data_dir": str(paths.data_dir)},
        "backend": {"url": backend_url, "token": backend_token},
        "devices": {
            "card_reader": "simulated://",
            "printer": paths.receipts_dir.as_uri() + "/?paper=80mm",
        },
    }
