"""``kiosk printer status|test|reprint`` and ``kiosk receipt render`` against printer-like peers."""

from __future__ import annotations

import time
from pathlib import Path

import zxingcpp
from PIL import Image

from drivers.printers.layout import Cut, KeyValue, Receipt, Title
from kiosk.spool import ReprintSpool
from tests.integration.printers.peer import PAPER_OUT, READY, PrinterPeer
from tests.support import run_kiosk as kiosk


def start(peers: list[PrinterPeer], replies: dict[int, int]) -> str:
    peer = PrinterPeer(replies)
    peers.append(peer)
    return f"tcp://127.0.0.1:{peer.port}"


def test_status_of_a_ready_printer(peers: list[PrinterPeer]) -> None:
    result = kiosk("printer", "status", "--printer", start(peers, READY))
    assert result.returncode == 0, result.stderr
    assert "online, paper ok" in result.stdout


def test_status_of_a_printer_out_of_paper_exits_non_zero(peers: list[PrinterPeer]) -> None:
    result = kiosk("printer", "status", "--printer", start(peers, PAPER_OUT))
    assert result.returncode == 1
    assert "offline, paper out" in result.stdout


def test_status_of_a_silent_printer_says_unknown_quickly(peers: list[PrinterPeer]) -> None:
    began = time.monotonic()
    result = kiosk("printer", "status", "--printer", start(peers, {}))
    assert "unknown" in result.stdout
    assert time.monotonic() - began < 10  # process start included; the query itself is ~2 s


def test_a_bad_uri_is_a_usage_error() -> None:
    result = kiosk("printer", "status", "--printer", "lpt://1")
    assert result.returncode == 2
    assert "supported" in result.stderr


def test_test_page_reaches_the_printer_and_renders(
    peers: list[PrinterPeer], tmp_path: Path
) -> None:
    uri = start(peers, READY)
    result = kiosk("printer", "test", "--printer", uri + "?paper=58mm")
    assert result.returncode == 0, result.stderr
    peer = peers[0]
    peer.wait_for_connection_end()
    job = max(peer.jobs, key=len)
    assert b"\x1c&" in job and "繁體".encode("gb18030") in job
    assert b"\x1d(k" in job, "native QR"
    sent = tmp_path / "sent.bin"
    sent.write_bytes(job)
    png = tmp_path / "sent.png"
    rendered = kiosk("receipt", "render", str(sent), "--out", str(png), "--paper", "58mm")
    assert rendered.returncode == 0, rendered.stderr
    decoded = {code.text for code in zxingcpp.read_barcodes(Image.open(png))}
    assert {"ONESTOP-KIOSK-TEST-PAGE", "ONESTOP-TEST"} <= decoded
    assert Image.open(png).width == 384


def test_render_refuses_an_unknown_paper(tmp_path: Path) -> None:
    data = tmp_path / "x.bin"
    data.write_bytes(b"\x1b@hello\n")
    result = kiosk(
        "receipt", "render", str(data), "--out", str(tmp_path / "x.png"), "--paper", "A4"
    )
    assert result.returncode == 2 and "paper" in result.stderr


def test_kept_receipts_are_listed_and_reprinted(peers: list[PrinterPeer], tmp_path: Path) -> None:
    uri = start(peers, READY)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path}"\n[devices]\nprinter = "{uri}"\n')
    ReprintSpool(tmp_path / "reprint").keep(
        Receipt("OS20261130000009", (Title("受理回執"), KeyValue("申請編號", "OS9"), Cut())),
        "paper out",
    )
    listed = kiosk("printer", "reprint", "--config", str(config))
    assert listed.returncode == 0 and "OS20261130000009" in listed.stdout
    assert "paper out" in listed.stdout
    printed = kiosk("printer", "reprint", "--config", str(config), "--all")
    assert printed.returncode == 0, printed.stderr
    peers[0].wait_for_connection_end()
    assert any(b"OS9" in job for job in peers[0].jobs)
    again = kiosk("printer", "reprint", "--config", str(config))
    assert "no receipts are waiting" in again.stdout
