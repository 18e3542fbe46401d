"""The .deb installed by apt into a throwaway Debian 12 root: what a vendor's box gets.

The root shares this machine's network, so the kiosk inside reaches the test backend and the
printer peers on loopback. The units' own commands and environments are run as their users,
as systemd would run them (no systemd runs here): the kiosk inside cage (headless), the
backend under uvicorn.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import requests

from tests.faults.fault_peers import closed_port
from tests.integration.printers.peer import READY, PrinterPeer
from tests.packaging.conftest import KIOSK_USER, SERVER_USER
from tests.packaging.debian_root import DebianRoot
from tests.packaging.units import read_service
from tests.support import RunningBackend

pytestmark = pytest.mark.slow

UNITS = "/usr/lib/systemd/system"
# cage on no screen at all, drawing in memory: what changes from the unit to run it here.
HEADLESS = {
    "WLR_BACKENDS": "headless",
    "WLR_RENDERER": "pixman",
    "WLR_LIBINPUT_NO_DEVICES": "1",
}


def owner(root: DebianRoot, path: str) -> tuple[str, str, int]:
    """(user, group, mode) of ``path`` in the root, by the root's own user database."""
    info = root.run(["stat", "--format", "%U %G %a", path])
    assert info.returncode == 0, info.stderr
    user, group, mode = info.stdout.split()
    return user, group, int(mode, 8)


def uid_in(root: DebianRoot, user: str) -> int:
    return int(root.run(["id", "-u", user]).stdout)


def write_kiosk_config(
    root: DebianRoot, path: str, *, backend_url: str, token: str, printer: str
) -> None:
    """A provisioned config as ``kiosk provision`` leaves it: readable by the kiosk only."""
    target = root.inside(path)
    target.write_text(
        f'[kiosk]\nid = "root-kiosk-01"\ndata_dir = "/var/lib/onestop-kiosk"\n'
        f'[backend]\nurl = "{backend_url}"\ntoken = "{token}"\n'
        "connect_timeout_s = 2\nread_timeout_s = 5\n"
        f'[devices]\ncard_reader = "simulated://"\nprinter = "{printer}"\n',
        encoding="utf-8",
    )
    os.chown(target, uid_in(root, KIOSK_USER), 0)
    target.chmod(0o600)


def test_kiosk_version_runs_from_the_installed_venv(kiosk_root: DebianRoot) -> None:
    version = kiosk_root.run(["kiosk", "--version"])
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == "OneStop Kiosk 0.1.0"
    link = os.readlink(kiosk_root.inside("/opt/onestop-kiosk/venv"))
    build_id = kiosk_root.inside("/opt/onestop-kiosk/BUILD_ID").read_text().strip()
    assert link == f"venvs/{build_id}"


def test_users_groups_and_private_files(kiosk_root: DebianRoot) -> None:
    groups = kiosk_root.run(["id", "-nG", KIOSK_USER]).stdout.split()
    # Its own group (udev gives it the printers and USB serial readers), serial ports, USB
    # printer nodes, the screen and touch input.
    assert {KIOSK_USER, "dialout", "lp", "video", "input"} <= set(groups)
    assert kiosk_root.run(["id", SERVER_USER]).returncode == 0
    assert owner(kiosk_root, "/var/lib/onestop-kiosk") == (KIOSK_USER, KIOSK_USER, 0o750)
    assert owner(kiosk_root, "/var/lib/onestop-kiosk-server") == (SERVER_USER, SERVER_USER, 0o750)
    # The config holds the kiosk's token: not for every local user to read.
    assert owner(kiosk_root, "/etc/onestop-kiosk/server.env") == ("root", SERVER_USER, 0o640)
    assert owner(kiosk_root, "/opt/onestop-kiosk/venv/bin/python")[0] == "root"


def test_doctor_from_the_package_against_the_backend(
    kiosk_root: DebianRoot, backend: RunningBackend, peers: list[PrinterPeer]
) -> None:
    printer = PrinterPeer(READY)
    peers.append(printer)
    write_kiosk_config(
        kiosk_root,
        "/etc/onestop-kiosk/doctor-ok.toml",
        backend_url=backend.url,
        token=backend.kiosk_token,
        printer=f"tcp://127.0.0.1:{printer.port}",
    )
    # Run as root, the wrapper runs the doctor as the kiosk's user.
    result = kiosk_root.run(["kiosk", "doctor", "--config", "/etc/onestop-kiosk/doctor-ok.toml"])
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(f"checked as user {KIOSK_USER}")
    verdicts = {line[6:17].strip(): line.split()[0] for line in lines[1:-1]}
    assert verdicts == {
        "config": "ok",
        "card reader": "warn",  # simulated
        "printer": "ok",
        "fonts": "ok",  # fonts-noto-cjk came in as a dependency
        "keyboard": "ok",  # Qt Virtual Keyboard and the libraries it and Wayland need
        "backend": "ok",
        "token": "ok",
        "clock": "ok",
        "disk": "ok",
        "staff": "warn",  # no PIN yet
    }


def test_doctor_from_the_package_names_what_to_fix(kiosk_root: DebianRoot) -> None:
    write_kiosk_config(
        kiosk_root,
        "/etc/onestop-kiosk/doctor-broken.toml",
        backend_url=f"http://127.0.0.1:{closed_port()}",
        token="t",
        printer=f"tcp://127.0.0.1:{closed_port()}",
    )
    config = kiosk_root.inside("/etc/onestop-kiosk/doctor-broken.toml")
    config.write_text(config.read_text().replace("simulated://", "pcsc://"))
    result = kiosk_root.run(
        ["kiosk", "doctor", "--config", "/etc/onestop-kiosk/doctor-broken.toml"]
    )
    assert result.returncode == 1
    failed = {line[6:17].strip(): line for line in result.stdout.splitlines() if line[:4] == "FAIL"}
    assert set(failed) == {"card reader", "printer", "backend"}
    # pcscd is installed but not running in the root (no systemd to start its socket).
    assert "systemctl enable --now pcscd.socket" in failed["card reader"]
    assert "fix: switch the printer on" in failed["printer"]
    assert "cannot connect" in failed["backend"]


def test_provision_then_doctor_as_the_vendor_does(
    kiosk_root: DebianRoot, backend: RunningBackend
) -> None:
    issued = requests.post(
        f"{backend.url}/v1/staff/provisioning-tokens",
        json={},
        headers=backend.staff_headers(),
        timeout=10,
    )
    assert issued.status_code == 201, issued.text
    kiosk_id = f"village-{uuid.uuid4().hex[:8]}"
    provisioned = kiosk_root.run(
        ["kiosk", "provision", "--server", backend.url, "--token", issued.json()["token"]]
        + ["--kiosk-id", kiosk_id]
    )
    assert provisioned.returncode == 0, provisioned.stdout + provisioned.stderr
    assert owner(kiosk_root, "/etc/onestop-kiosk/kiosk.toml") == (KIOSK_USER, KIOSK_USER, 0o600)

    result = kiosk_root.run(["kiosk", "doctor"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("kiosk doctor: /etc/onestop-kiosk/kiosk.toml, ")
    verdicts = {line[6:17].strip(): line for line in lines[1:-1]}
    assert verdicts["config"].startswith("ok") and kiosk_id in verdicts["config"]
    assert verdicts["backend"].startswith("ok") and verdicts["token"].startswith("ok")
    # The sample config's printer stands at a documentation address: the one thing left.
    assert verdicts["printer"].startswith("FAIL") and "192.0.2.10" in verdicts["printer"]
    assert result.returncode == 1


def test_units_pass_systemd_analyze_verify(kiosk_root: DebianRoot) -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", f"--root={kiosk_root.path}"]
        + ["onestop-kiosk.service", "onestop-kiosk-server.service"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # Its exit status alone proves little: unknown keys and bad values are only printed.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_udev_rules_parse_and_name_an_existing_group(kiosk_root: DebianRoot) -> None:
    # udevadm test reads every rules file and reports what it cannot parse, for any device.
    result = kiosk_root.run(["udevadm", "test", "--action=add", "/sys/class/tty/tty0"])
    assert result.returncode == 0, result.stderr[-2000:]
    ours = [line for line in result.stderr.splitlines() if "70-onestop-kiosk.rules" in line]
    assert ours == ["Reading rules file: /usr/lib/udev/rules.d/70-onestop-kiosk.rules"], ours


def test_qt_plugins_find_every_library_they_link(kiosk_root: DebianRoot) -> None:
    qt = "/opt/onestop-kiosk/venv/lib/python3.11/site-packages/PySide6/Qt"
    wanted = [
        "plugins/platforms/libqwayland.so",
        "plugins/platforms/libqxcb.so",
        "plugins/platforms/libqoffscreen.so",
        "plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "lib/libQt6VirtualKeyboard.so.6",
        "lib/libQt6WaylandClient.so.6",
    ]
    folders = ["plugins/wayland-shell-integration", "plugins/wayland-graphics-integration-client"]
    for folder in folders:
        wanted += [f"{folder}/{name}" for name in os.listdir(kiosk_root.inside(f"{qt}/{folder}"))]
    for library in wanted:
        linked = kiosk_root.run(["ldd", f"{qt}/{library}"])
        assert linked.returncode == 0, library
        assert "not found" not in linked.stdout, f"{library}:\n{linked.stdout}"


class NotifyListener:
    """systemd's side of sd_notify: a datagram socket inside the root, recorded by a thread."""

    def __init__(self, root: DebianRoot, path: str) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(root.inside(path)))
        root.inside(path).chmod(0o666)  # the kiosk's user sends to it
        self.sock.settimeout(0.2)
        self.messages: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._record, daemon=True)
        self._thread.start()

    def _record(self) -> None:
        while not self._stop.is_set():
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except TimeoutError:
                continue

    def wait_for(self, count: int, message: str, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if sum(m.startswith(message) for m in self.messages) >= count:
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def notify_listener(kiosk_root: DebianRoot) -> Iterator[NotifyListener]:
    listener = NotifyListener(kiosk_root, "/run/test-notify.sock")
    yield listener
    listener.close()


def stop(process: subprocess.Popen[str]) -> str:
    """SIGTERM to the process group, SIGKILL if it lingers; what it printed."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
            output, _ = process.communicate(timeout=10)
            return output
        except subprocess.TimeoutExpired:
            continue
        except ProcessLookupError:
            break
    output, _ = process.communicate(timeout=10)
    return output


def test_the_unit_runs_the_kiosk_in_cage_and_feeds_the_watchdog(
    kiosk_root: DebianRoot, backend: RunningBackend, notify_listener: NotifyListener
) -> None:
    unit = read_service(kiosk_root.inside(f"{UNITS}/onestop-kiosk.service"))
    # A config of its own, leaving the installed one as it came for the provisioning test.
    write_kiosk_config(
        kiosk_root,
        "/etc/onestop-kiosk/cage-test.toml",
        backend_url=backend.url,
        token=backend.kiosk_token,
        printer="file:///var/lib/onestop-kiosk/receipts/",
    )
    # What systemd makes before starting it: the runtime and cache directories.
    kiosk_uid = uid_in(kiosk_root, KIOSK_USER)
    for directory in ("/run/onestop-kiosk", "/var/cache/onestop-kiosk"):
        kiosk_root.inside(directory).mkdir(mode=0o700, exist_ok=True)
        os.chown(kiosk_root.inside(directory), kiosk_uid, kiosk_uid)
    environment = unit.environment() | HEADLESS
    # As systemd does for a WatchdogSec= unit, with a period short enough for a test; the
    # watchdog is armed for the main process, cage, whose PID the shell hands on with exec.
    environment |= {"NOTIFY_SOCKET": notify_listener.path, "WATCHDOG_USEC": "1000000"}
    assert environment["KIOSK_CONFIG"] == "/etc/onestop-kiosk/kiosk.toml"
    environment["KIOSK_CONFIG"] = "/etc/onestop-kiosk/cage-test.toml"
    launch = ["sh", "-c", 'WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"', "sh", *unit.command]
    process = subprocess.Popen(
        kiosk_root.command(launch, user=unit.one("User"), environment=environment),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        ready = notify_listener.wait_for(1, "READY=1", timeout_s=90)
        pinged = ready and notify_listener.wait_for(3, "WATCHDOG=1", timeout_s=10)
    finally:
        output = stop(process)
    assert ready, f"no READY=1 from the kiosk; it said:\n{output[-3000:]}"
    assert pinged, f"no watchdog pings: {notify_listener.messages}"
    assert notify_listener.messages[0].startswith("READY=1\nSTATUS=")


def test_the_server_unit_serves_as_its_own_user(kiosk_root: DebianRoot) -> None:
    unit = read_service(kiosk_root.inside(f"{UNITS}/onestop-kiosk-server.service"))
    settings = kiosk_root.inside("/etc/onestop-kiosk/server.env").read_text()
    environment = unit.environment({"/etc/onestop-kiosk/server.env": settings})
    assert environment["ONESTOP_SERVER_WORKERS"] == "2"
    port = closed_port()
    environment["ONESTOP_SERVER_PORT"] = str(port)
    process = subprocess.Popen(
        kiosk_root.command(unit.command, user=unit.one("User"), environment=environment),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline, health = time.monotonic() + 60, None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=5)
                break
            except requests.RequestException:  # not listening yet, or no worker up yet
                time.sleep(0.2)
    finally:
        output = stop(process)
    assert health is not None and health.json()["status"] == "ok", output[-3000:]
    database = "/var/lib/onestop-kiosk-server/backend.sqlite3"
    assert owner(kiosk_root, database)[:2] == (SERVER_USER, SERVER_USER)
    # An admin command run as root (the wrapper drops to the service's user) keeps it so.
    added = kiosk_root.run(["kiosk-server", "staff", "add", "vendor-tech"])
    assert added.returncode == 0, added.stderr
    for name in os.listdir(kiosk_root.inside("/var/lib/onestop-kiosk-server")):
        path = f"/var/lib/onestop-kiosk-server/{name}"
        assert owner(kiosk_root, path)[0] == SERVER_USER, path
