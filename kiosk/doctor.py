"""``kiosk doctor``'s checks: is this box ready to serve citizens, and if not, what to fix.

Each check returns a :class:`Finding` (ok / warn / FAIL, what was seen, what to do). Checks
look as the user running them: the packaged ``kiosk`` wrapper runs the doctor as the kiosk's own
user, so a device the kiosk may not open shows up here. Nothing here prints; the command line
(``kiosk.cli_doctor``) does. The backend and clock checks are in ``kiosk.doctor_backend``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from drivers.printers.base import PaperState, PrinterStatus
from kiosk.config import ConfigError, KioskConfig, load_config

DEFAULT_CONFIG = Path("/etc/onestop-kiosk/kiosk.toml")
# The families the screens ask for by name (Traditional and Simplified Chinese).
CJK_FAMILIES = ("Noto Sans CJK TC", "Noto Sans CJK SC")
# Printer.status promises 2 s; a USB or serial stack can hang past that, the doctor must not.
PRINTER_BUDGET_S = 5.0
# fc-list builds fontconfig's cache on a first run, which takes a few seconds with Noto CJK.
FONT_LIST_TIMEOUT_S = 60.0
DISK_FAIL_MB = 100
DISK_WARN_MB = 500


class Verdict(Enum):
    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Finding:
    check: str
    verdict: Verdict
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.verdict.value:<4}  {self.check:<11} {self.detail}"
        return f"{text}; fix: {self.fix}" if self.fix else text


def ok(check: str, detail: str) -> Finding:
    return Finding(check, Verdict.OK, detail)


def warn(check: str, detail: str, fix: str = "") -> Finding:
    return Finding(check, Verdict.WARN, detail, fix)


def fail(check: str, detail: str, fix: str) -> Finding:
    return Finding(check, Verdict.FAIL, detail, fix)


def current_user() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def check_config(path: Path) -> tuple[Finding, KioskConfig | None]:
    try:
        config = load_config(path)
    except ConfigError as error:
        if error.problem == "no such file":
            return fail(
                "config",
                f"{path}: no such file",
                "reinstall the default (apt-get install --reinstall onestop-kiosk) or run "
                "kiosk provision --server URL --token TOKEN",
            ), None
        return fail("config", str(error), f"correct it, then: kiosk config check {path}"), None
    except OSError as error:
        return fail(
            "config",
            f"{path}: cannot be read by user {current_user()} ({error.strerror})",
            f"chgrp onestop-kiosk {path} && chmod 0640 {path}",
        ), None
    return ok("config", f"{path}: kiosk {config.kiosk.id}"), config


def device_access(path: Path, check: str, what: str) -> Finding | None:
    """A FAIL when the device node ``path`` is missing or not readable and writable."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return fail(
            check,
            f"{path}: no such device",
            f"plug the {what} in (ls /dev/ttyUSB* /dev/ttyACM* lists serial adapters)",
        )
    except OSError as error:
        return fail(check, f"{path}: {error.strerror}", f"check the {what}'s device node")
    if not stat.S_ISCHR(mode):
        return fail(check, f"{path}: not a device", f"devices: name the {what}'s device node")
    if not os.access(path, os.R_OK | os.W_OK):
        return fail(
            check,
            f"{path}: user {current_user()} may not open it",
            "the package's udev rule gives USB serial adapters to group onestop-kiosk: "
            "replug the device or run udevadm trigger; other ports: adduser onestop-kiosk dialout",
        )
    return None


def check_card_reader(uri: str) -> Finding:
    parts = urlsplit(uri)
    if parts.scheme == "simulated":
        return warn(
            "card reader",
            "simulated: citizens' ID cards are not read (demo only)",
            "set devices.card_reader to pcsc:// or sam-serial:///dev/ttyUSB0",
        )
    if parts.scheme == "sam-serial":
        device = Path(unquote(parts.path))
        problem = device_access(device, "card reader", "card reader")
        # Not opened: the running kiosk holds the port, and a second reader would confuse it.
        return problem or ok("card reader", f"{device} present and usable (not opened)")
    return _check_pcsc(parts.query)


def _check_pcsc(query: str) -> Finding:
    wanted = parse_qs(query).get("reader", [""])[0]
    try:
        from drivers.cards import CardReaderError, list_pcsc_readers
        from drivers.cards.pcsc import reader_matches
    except ImportError:
        return fail(
            "card reader",
            "pyscard is not installed",
            "install the cards extra: pip install 'onestop-kiosk[cards]'",
        )
    try:
        readers = list_pcsc_readers()
    except CardReaderError:
        return fail(
            "card reader",
            "pcscd is not running or cannot be reached",
            "systemctl enable --now pcscd.socket",
        )
    matching = [name for name in readers if reader_matches(name, wanted or None)]
    if not matching:
        which = f" whose name contains {wanted!r}" if wanted else ""
        return fail(
            "card reader",
            f"pcscd sees no reader{which} (it sees: {', '.join(readers) or 'none'})",
            "plug the reader in (lsusb should list it); a reader pcscd does not know needs its "
            "driver, e.g. apt install libccid",
        )
    return ok("card reader", f"pcscd sees {', '.join(matching)}")


def describe_printer(status: PrinterStatus) -> str:
    from kiosk.cli_printer import describe

    return describe(status)


def _printer_fix(status: PrinterStatus) -> str:
    if status.cover_open:
        return "close the printer's cover"
    if status.paper is PaperState.OUT:
        return "load a paper roll"
    if status.error:
        return "clear the printer's error (a paper jam?), then switch it off and on"
    return "switch the printer on and check its cable or network address (devices.printer)"


def check_printer(uri: str) -> Finding:
    from drivers.printers import PrinterError, open_printer

    parts = urlsplit(uri)
    if parts.scheme == "serial":
        problem = device_access(Path(unquote(parts.path)), "printer", "printer")
        if problem:
            return problem
    try:
        printer = open_printer(uri)
    except PrinterError as error:
        return fail("printer", str(error), "correct devices.printer (see kiosk printer --help)")
    label = uri.split("?", 1)[0]
    answers: list[PrinterStatus | BaseException] = []

    def ask() -> None:
        try:
            answers.append(printer.status())
        except Exception as error:  # any driver failure is this check's finding
            answers.append(error)
        finally:
            printer.close()

    # A daemon thread: a driver stuck in a system call must not keep the doctor from exiting.
    asking = threading.Thread(target=ask, name="doctor-printer", daemon=True)
    asking.start()
    asking.join(PRINTER_BUDGET_S)
    if not answers:
        return fail(
            "printer",
            f"{label}: no answer within {PRINTER_BUDGET_S:g} s",
            "switch the printer on and check its cable or network address (devices.printer)",
        )
    answer = answers[0]
    if isinstance(answer, BaseException):
        return fail("printer", f"{label}: {answer}", "check the printer and devices.printer")
    if answer.online is False and answer.paper is PaperState.UNKNOWN:
        return fail(
            "printer",
            f"{label}: no answer (switched off, unplugged, or not at that address)",
            _printer_fix(answer),
        )
    if not answer.can_print:
        return fail("printer", f"{label}: {describe_printer(answer)}", _printer_fix(answer))
    if answer.paper is PaperState.NEAR_END:
        return warn("printer", f"{label}: {describe_printer(answer)}", "load a new roll soon")
    if answer.online is None and answer.paper is PaperState.UNKNOWN:
        return warn(
            "printer",
            f"{label}: {describe_printer(answer)}",
            "print a test page to be sure: kiosk printer test --printer URI",
        )
    return ok("printer", f"{label}: {describe_printer(answer)}")


def check_fonts(fc_list: str = "fc-list") -> Finding:
    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{family}\n", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=FONT_LIST_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        return fail("fonts", "fontconfig's fc-list is not installed", "apt install fontconfig")
    except subprocess.TimeoutExpired:
        return warn("fonts", f"fc-list did not answer within {FONT_LIST_TIMEOUT_S:g} s")
    families = {name.strip() for line in listing.stdout.splitlines() for name in line.split(",")}
    missing = [family for family in CJK_FAMILIES if family not in families]
    if missing:
        return fail(
            "fonts",
            f"missing {' and '.join(missing)}: Chinese would show as empty boxes",
            "apt install fonts-noto-cjk",
        )
    return ok("fonts", " and ".join(CJK_FAMILIES) + " found")


def check_disk(directory: Path) -> Finding:
    existing = directory
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    user = current_user()
    if not os.access(existing, os.W_OK | os.X_OK):
        return fail(
            "disk",
            f"{directory}: not writable by user {user}",
            f"install -d -o onestop-kiosk -g onestop-kiosk -m 0750 {directory}",
        )
    free_mb = shutil.disk_usage(existing).free // (1024 * 1024)
    if free_mb < DISK_FAIL_MB:
        return fail(
            "disk",
            f"{directory}: only {free_mb} MB free",
            "free space (journalctl --vacuum-size=100M, old receipts) or a bigger disk",
        )
    if free_mb < DISK_WARN_MB:
        return warn("disk", f"{directory}: {free_mb} MB free", "free some space soon")
    where = directory if existing == directory else f"{directory} (created at first start)"
    return ok("disk", f"{where}: {free_mb} MB free")


def check_staff(config: KioskConfig, data: Path) -> Finding:
    if not config.staff.pin_hash:
        return warn(
            "staff",
            "no staff PIN: the staff screens cannot be opened",
            "kiosk staff pin-hash, then set [staff] pin_hash",
        )
    cards = config.staff.cards
    if not cards:
        return ok("staff", "a staff PIN is set")
    from kiosk.staff_cards import CARD_KEY_FILE, CardKey, CardKeyError

    remake = "kiosk staff card-hash on this kiosk for each staff card, or copy the key the "
    try:
        key = CardKey.load(data / CARD_KEY_FILE)
    except CardKeyError as error:
        return fail(
            "staff",
            f"{len(cards)} staff card(s) listed, but {error}: they open nothing",
            remake + "lines were made with to " + str(data / CARD_KEY_FILE),
        )
    foreign = sum(f"$k={key.key_id}$" not in line for line in cards)
    if foreign:
        return warn(
            "staff",
            f"{foreign} of {len(cards)} staff card line(s) were made with another kiosk's key "
            "and never match here",
            remake + "other lines were made with",
        )
    return ok("staff", f"a staff PIN is set; {len(cards)} staff card(s) listed")


def run_checks(path: Path) -> list[Finding]:
    """Every check, in the order a vendor fixes things; a config that does not load stops all
    but the font check (the others need to know which devices and backend to look at)."""
    from kiosk.app import data_dir
    from kiosk.doctor_backend import check_backend
    from kiosk.doctor_keyboard import check_keyboard

    config_finding, config = check_config(path)
    if config is None:
        return [config_finding, check_fonts()]
    return [
        config_finding,
        check_card_reader(config.devices.card_reader),
        check_printer(config.devices.printer),
        check_fonts(),
        check_keyboard(),
        *check_backend(config.backend),
        check_disk(data_dir(config)),
        check_staff(config, data_dir(config)),
    ]
