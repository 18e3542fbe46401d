"""``kiosk doctor`` against real parts: the running backend, printer-like TCP peers, closed
ports, a TLS proxy with a CA of the test's own, real fontconfig, real (small) file systems."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kiosk.doctor import Finding, Verdict, check_card_reader, check_disk, check_fonts, run_checks
from kiosk.doctor_backend import Answer, check_clock
from tests.faults.fault_peers import FaultyProxy, TlsMaterial, closed_port, make_tls_material
from tests.integration.printers.peer import PAPER_NEAR_END, PAPER_OUT, READY, PrinterPeer
from tests.support import RunningBackend, run_kiosk


def write_config(
    directory: Path,
    *,
    backend_url: str,
    token: str,
    printer: str,
    card_reader: str = "simulated://",
    ca_bundle: str = "",
) -> Path:
    path = directory / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "doctor-kiosk"\ndata_dir = "{directory / "data"}"\n'
        f'[backend]\nurl = "{backend_url}"\ntoken = "{token}"\nca_bundle = "{ca_bundle}"\n'
        "connect_timeout_s = 2\nread_timeout_s = 5\n"
        f'[devices]\ncard_reader = "{card_reader}"\nprinter = "{printer}"\n',
        encoding="utf-8",
    )
    return path


def by_check(findings: list[Finding]) -> dict[str, Finding]:
    return {finding.check: finding for finding in findings}


@pytest.fixture
def ready_printer(peers: list[PrinterPeer]) -> PrinterPeer:
    peer = PrinterPeer(READY)
    peers.append(peer)
    return peer


def test_a_healthy_kiosk_passes_every_check(
    tmp_path: Path, backend: RunningBackend, ready_printer: PrinterPeer
) -> None:
    config = write_config(
        tmp_path,
        backend_url=backend.url,
        token=backend.kiosk_token,
        printer=f"tcp://127.0.0.1:{ready_printer.port}",
    )
    found = by_check(run_checks(config))
    assert list(found) == [
        "config",
        "card reader",
        "printer",
        "fonts",
        "keyboard",
        "backend",
        "token",
        "clock",
        "disk",
        "staff",
    ]
    for name in ("config", "printer", "fonts", "keyboard", "backend", "token", "clock", "disk"):
        assert found[name].verdict is Verdict.OK, found[name].line()
    assert "online, paper ok" in found["printer"].detail
    # A demo reader and a missing staff PIN work, but a vendor must see them.
    assert found["card reader"].verdict is Verdict.WARN
    assert found["staff"].verdict is Verdict.WARN
    assert "pin-hash" in found["staff"].fix


def test_a_token_the_backend_does_not_know_fails_with_how_to_provision(
    tmp_path: Path, backend: RunningBackend, ready_printer: PrinterPeer
) -> None:
    printer = f"tcp://127.0.0.1:{ready_printer.port}"
    wrong = write_config(tmp_path, backend_url=backend.url, token="not-a-token", printer=printer)
    token = by_check(run_checks(wrong))["token"]
    assert token.verdict is Verdict.FAIL
    assert "refuses" in token.detail and "kiosk provision" in token.fix
    assert "not-a-token" not in token.line(), "a token is never printed"

    unprovisioned = write_config(tmp_path, backend_url=backend.url, token="", printer=printer)
    token = by_check(run_checks(unprovisioned))["token"]
    assert token.verdict is Verdict.FAIL and "not provisioned" in token.detail


def test_a_closed_backend_port_fails_the_backend_and_skips_token_and_clock(
    tmp_path: Path, ready_printer: PrinterPeer
) -> None:
    config = write_config(
        tmp_path,
        backend_url=f"http://127.0.0.1:{closed_port()}",
        token="whatever",
        printer=f"tcp://127.0.0.1:{ready_printer.port}",
    )
    found = by_check(run_checks(config))
    assert found["backend"].verdict is Verdict.FAIL
    assert "cannot connect" in found["backend"].detail
    assert "firewall" in found["backend"].fix
    assert found["token"].verdict is Verdict.WARN
    assert found["clock"].verdict is Verdict.WARN


@pytest.fixture(scope="module")
def tls_material(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    return make_tls_material(tmp_path_factory.mktemp("tls"), "127.0.0.1")


@pytest.fixture
def tls_backend(backend: RunningBackend, tls_material: TlsMaterial) -> Iterator[FaultyProxy]:
    port = urlsplit(backend.url).port
    assert port is not None
    proxy = FaultyProxy(port, tls=tls_material.server_context())
    yield proxy
    proxy.stop()


def test_an_untrusted_certificate_fails_until_the_ca_bundle_is_set(
    tmp_path: Path,
    backend: RunningBackend,
    tls_backend: FaultyProxy,
    tls_material: TlsMaterial,
    ready_printer: PrinterPeer,
) -> None:
    https_url = tls_backend.url.replace("http://", "https://")
    printer = f"tcp://127.0.0.1:{ready_printer.port}"
    untrusted = write_config(
        tmp_path, backend_url=https_url, token=backend.kiosk_token, printer=printer
    )
    found = by_check(run_checks(untrusted))["backend"]
    assert found.verdict is Verdict.FAIL
    assert "not trusted" in found.detail and "ca_bundle" in found.fix

    trusting = write_config(
        tmp_path,
        backend_url=https_url,
        token=backend.kiosk_token,
        printer=printer,
        ca_bundle=str(tls_material.ca_file),
    )
    found_all = by_check(run_checks(trusting))
    assert found_all["backend"].verdict is Verdict.OK
    assert "TLS verified" in found_all["backend"].detail
    assert found_all["token"].verdict is Verdict.OK


PRINTER_CASES = {
    # name: (what the peer answers, verdict, words in the detail, words in the fix)
    "paper-out": (PAPER_OUT, Verdict.FAIL, "paper out", "load a paper roll"),
    "near-end": (PAPER_NEAR_END, Verdict.WARN, "paper near-end", "new roll"),
    "silent": ({}, Verdict.WARN, "status unknown", "test page"),
}


@pytest.mark.parametrize("case", PRINTER_CASES)
def test_printer_states_each_say_what_to_do(
    tmp_path: Path, backend: RunningBackend, peers: list[PrinterPeer], case: str
) -> None:
    replies, verdict, words, fix = PRINTER_CASES[case]
    peer = PrinterPeer(replies)
    peers.append(peer)
    printer = f"tcp://127.0.0.1:{peer.port}"
    config = write_config(tmp_path, backend_url=backend.url, token="", printer=printer)
    found = by_check(run_checks(config))["printer"]
    assert found.verdict is verdict, found.line()
    assert words in found.detail and fix in found.fix


def test_a_printer_nobody_answers_for_fails(tmp_path: Path, backend: RunningBackend) -> None:
    printer = f"tcp://127.0.0.1:{closed_port()}"
    config = write_config(tmp_path, backend_url=backend.url, token="", printer=printer)
    found = by_check(run_checks(config))["printer"]
    assert found.verdict is Verdict.FAIL
    assert "no answer" in found.detail and "switch the printer on" in found.fix


def test_serial_devices_must_exist_and_be_character_devices(tmp_path: Path) -> None:
    missing = check_card_reader("sam-serial:///dev/ttyUSB97")
    assert missing.verdict is Verdict.FAIL and "no such device" in missing.detail
    regular = tmp_path / "ttyFAKE"
    regular.write_bytes(b"")
    assert check_card_reader(f"sam-serial://{regular}").verdict is Verdict.FAIL
    controller, terminal = os.openpty()  # a real character device
    try:
        found = check_card_reader(f"sam-serial://{os.ttyname(terminal)}")
    finally:
        os.close(controller)
        os.close(terminal)
    assert found.verdict is Verdict.OK, found.line()


def test_fonts_found_by_fontconfig_and_missing_when_it_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check_fonts().verdict is Verdict.OK
    # A fontconfig with no font folders: Noto CJK is genuinely absent for it.
    empty = tmp_path / "fonts.conf"
    empty.write_text(
        f"<fontconfig><dir>{tmp_path / 'none'}</dir><cachedir>{tmp_path}</cachedir></fontconfig>"
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    missing = check_fonts()
    assert missing.verdict is Verdict.FAIL
    assert "Noto Sans CJK TC and Noto Sans CJK SC" in missing.detail
    assert missing.fix == "apt install fonts-noto-cjk"
    assert check_fonts("/nonexistent/fc-list").verdict is Verdict.FAIL


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted for the test (room is only taken when written): a nearly full disk."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=50m", "tmpfs", mount_point], check=True)
    yield mount_point
    subprocess.run(["umount", mount_point], check=True)


def test_disk_space_in_the_data_directory(tmp_path: Path, small_disk: Path) -> None:
    assert check_disk(tmp_path / "data").verdict is Verdict.OK
    nearly_full = check_disk(small_disk / "data")
    assert nearly_full.verdict is Verdict.FAIL
    assert "MB free" in nearly_full.detail and "free space" in nearly_full.fix


def test_clock_compared_with_the_backends_date() -> None:
    def answer(server_minus_local_s: float) -> Answer:
        local = 1_780_000_000.0
        from email.utils import formatdate

        return Answer(200, formatdate(local + server_minus_local_s, usegmt=True), local, local)

    assert check_clock(answer(0)).verdict is Verdict.OK
    assert check_clock(answer(3)).verdict is Verdict.OK
    slow = check_clock(answer(40))
    assert slow.verdict is Verdict.WARN and "40 s behind" in slow.detail
    assert "timedatectl set-ntp true" in slow.fix
    assert check_clock(answer(-3600)).verdict is Verdict.FAIL
    assert check_clock(Answer(200, None, 0.0, 0.0)).verdict is Verdict.WARN


def test_a_config_that_does_not_load_stops_the_device_and_backend_checks(tmp_path: Path) -> None:
    found = by_check(run_checks(tmp_path / "absent.toml"))
    assert list(found) == ["config", "fonts"]
    assert found["config"].verdict is Verdict.FAIL and "no such file" in found["config"].detail
    bad = tmp_path / "bad.toml"
    bad.write_text('[session]\nidle_timeout_s = 2\n[devices]\ncard_reader = "simulated://"\n')
    config = by_check(run_checks(bad))["config"]
    assert config.verdict is Verdict.FAIL
    assert "session.idle_timeout_s" in config.detail and "kiosk config check" in config.fix


def test_the_command_prints_a_line_per_check_and_exits_1_on_a_failure(
    tmp_path: Path, backend: RunningBackend, ready_printer: PrinterPeer
) -> None:
    printer = f"tcp://127.0.0.1:{ready_printer.port}"
    healthy = write_config(
        tmp_path, backend_url=backend.url, token=backend.kiosk_token, printer=printer
    )
    result = run_kiosk("doctor", "--config", str(healthy), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"kiosk doctor: {healthy}, checked as user ")
    assert [line.split()[0] for line in lines[1:-1]] == [
        "ok", "warn", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "warn"
    ]  # fmt: skip
    assert lines[-1] == "ready: nothing to fix, 2 to look at"

    # pcscd that cannot be reached (the client library's socket, moved where nothing listens).
    pcsc = write_config(
        tmp_path, backend_url=backend.url, token=backend.kiosk_token, printer=printer,
        card_reader="pcsc://",
    )  # fmt: skip
    environment = dict(os.environ, PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm"))
    result = run_kiosk("doctor", "--config", str(pcsc), env=environment, timeout=60)
    assert result.returncode == 1
    reader_line = next(line for line in result.stdout.splitlines() if "card reader" in line)
    assert reader_line.startswith("FAIL") and "pcscd is not running" in reader_line
    assert "systemctl enable --now pcscd.socket" in reader_line
    assert result.stdout.splitlines()[-1] == "1 to fix, 1 to look at"


def test_staff_cards_need_this_kiosks_card_key(tmp_path: Path) -> None:
    from kiosk.config import load_config
    from kiosk.doctor import check_staff
    from kiosk.staff_cards import CARD_KEY_FILE, CardKey
    from tests.ui.staff_helpers import PIN_HASH

    data = tmp_path / "data"
    other_key, _ = CardKey.load_or_create(tmp_path / "other.key")
    foreign_line = other_key.card_line("A123456789")

    def staff_finding(lines: list[str]) -> Finding:
        config = load_config(
            None,
            environ={},
            defaults={
                "kiosk": {"id": "doctor-kiosk", "data_dir": str(data)},
                "staff": {"pin_hash": PIN_HASH, "cards": lines},
            },
        )
        return check_staff(config, data)

    assert staff_finding([]).verdict is Verdict.OK
    missing = staff_finding([foreign_line])
    assert missing.verdict is Verdict.FAIL and "card-hash" in missing.fix
    key, made = CardKey.load_or_create(data / CARD_KEY_FILE)
    assert made
    foreign = staff_finding([foreign_line, key.card_line("A123456789")])
    assert foreign.verdict is Verdict.WARN and "1 of 2" in foreign.detail
    listed = staff_finding([key.card_line("A123456789")])
    assert listed.verdict is Verdict.OK and "1 staff card" in listed.detail
    assert "A123456789" not in f"{missing}{foreign}{listed}"
