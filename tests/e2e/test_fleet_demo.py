"""The fleet demo as a vendor runs it (scripts/fleet_demo.py): one command, then the fleet page.

The demo is a real process with its own backend and kiosks; the test reads the address and
the staff token it prints, signs in on /fleet as a person would, reads the table, and stops the
demo with Ctrl+C's signal, checking that its backend went with it (one demo start: the
backend's start-up on a fresh database is most of the test's time).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests

from kiosk import __version__

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "scripts" / "fleet_demo.py"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0
HTTP_TIMEOUT_S = 10.0

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class RunningDemo:
    process: subprocess.Popen[str]
    url: str
    token: str
    backend_pid: int


def printed(output: list[str], prefix: str) -> str:
    """The rest of the line the demo printed with ``prefix``."""
    return next(line for line in output if line.startswith(prefix))[len(prefix) :]


def _lines(process: subprocess.Popen[str], into: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        into.put(line.rstrip("\n"))
    into.put(None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def start_demo(
    data_dir: Path, errors: Path, *arguments: str
) -> tuple[subprocess.Popen[str], list[str]]:
    """The demo started, and what it printed up to "Ready." (bounded); stderr to ``errors``."""
    with errors.open("w") as error_file:
        process = subprocess.Popen(
            [sys.executable, str(DEMO), "--data-dir", str(data_dir), *arguments],
            stdout=subprocess.PIPE,
            stderr=error_file,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=REPO,
        )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_lines, args=(process, lines), daemon=True).start()
    output: list[str] = []
    deadline = time.monotonic() + START_TIMEOUT_S
    while not output or not output[-1].startswith("Ready."):
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        output.append(line)
    return process, output


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[RunningDemo]:
    errors = tmp_path / "demo-stderr.txt"
    process, output = start_demo(tmp_path / "demo", errors, "--kiosks", "12")
    backend_pid: int | None = None
    try:
        if not output or not output[-1].startswith("Ready."):
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)
            shown = "\n".join(output)
            pytest.fail(f"the demo did not get ready:\n{shown}\n{errors.read_text()}")
        backend_pid = int(printed(output, "Backend process: "))
        assert backend_pid > 1
        running = RunningDemo(
            process,
            url=printed(output, "Fleet page:  ").removesuffix("/fleet"),
            token=printed(output, "Staff token: "),
            backend_pid=backend_pid,
        )
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)
        if backend_pid is not None and _alive(backend_pid):
            os.kill(backend_pid, signal.SIGKILL)


class FleetTable(HTMLParser):
    """The page's rows by kiosk id: row class, and cell (class, text) by column heading."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.rows: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {}
        self._row: tuple[str, list[tuple[str, str]]] | None = None
        self._text: list[str] | None = None
        self._class = ""
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("class") or ""
        if tag == "tr":
            self._row = (found, [])
        elif tag in ("td", "th"):
            self._text, self._class = [], found

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._text is not None:
            # "最近联系 Last seen": the English words after the Chinese one.
            self.headings.append(" ".join("".join(self._text).split()[1:]))
            self._text = None
        elif tag == "td" and self._text is not None and self._row is not None:
            self._row[1].append((self._class, " ".join(self._text)))
            self._text = None
        elif tag == "tr" and self._row is not None:
            row_class, cells = self._row
            if len(cells) == len(self.headings):
                kiosk_id = cells[0][1].split()[0]
                self.rows[kiosk_id] = (row_class, dict(zip(self.headings, cells, strict=True)))
            self._row = None

    def cell(self, kiosk_id: str, heading: str) -> tuple[str, str]:
        return self.rows[kiosk_id][1][heading]


def signed_in(demo: RunningDemo) -> requests.Session:
    browser = requests.Session()
    answer = browser.post(f"{demo.url}/fleet", data={"token": demo.token}, timeout=HTTP_TIMEOUT_S)
    assert answer.status_code == 200 and answer.url == f"{demo.url}/fleet", answer.text
    return browser


def page(browser: requests.Session, url: str) -> tuple[str, FleetTable]:
    answer = browser.get(url, timeout=HTTP_TIMEOUT_S)
    assert answer.status_code == 200
    assert "Signed in as demo office" in answer.text
    return answer.text, FleetTable(answer.text)


HEALTHY = ("hall-01", "hall-05", "hall-06")
WATCHED = ("Status", "Card reader", "Printer", "Paper", "Outbox", "Service")
NEEDING_ATTENTION = {
    "hall-03",  # paper near its end
    "hall-04",  # out of service
    "village-01",  # paper out
    "village-02",  # printer off
    "village-03",  # card reader unplugged
    "village-04",  # 14 waiting in the outbox
    "village-05",  # stopped heartbeating
    "village-06",  # never seen
}


def test_the_fleet_page_shows_each_demo_kiosk_with_the_health_it_was_given(
    demo: RunningDemo,
) -> None:
    browser = signed_in(demo)
    text, table = page(browser, f"{demo.url}/fleet")
    summary = text.split('<p class="summary">')[1].split("</p>")[0]
    assert [part.split(">")[-1] for part in summary.split("</span>") if part] == [
        "12 kiosks",
        "10 online",
        "2 offline",
        "2 needing paper",
        "1 out of service",
        "1 command pending",
    ]

    assert set(table.rows) == {*HEALTHY, "hall-02", *NEEDING_ATTENTION}
    for kiosk_id in HEALTHY:
        row_class, cells = table.rows[kiosk_id]
        assert row_class == "", kiosk_id
        assert [cells[heading] for heading in WATCHED] == [
            ("", "online"),
            ("", "ok"),
            ("", "ok"),
            ("", "ok"),
            ("", "0"),
            ("", "in service"),
        ], kiosk_id
        assert cells["Pending"] == ("", "0")
    # Every kiosk that ever ran sent its health, the one that acknowledged a command too.
    for kiosk_id in table.rows.keys() - {"village-06"}:
        assert table.cell(kiosk_id, "Version") == ("", __version__), kiosk_id
    assert "Civic centre, kiosk 1" in table.cell("hall-01", "Kiosk")[1]
    assert table.cell("hall-02", "Pending") == ("", "1")
    assert table.cell("hall-02", "Status") == ("", "online")
    assert table.cell("hall-03", "Paper") == ("warn", "将尽 near end")
    assert table.cell("hall-04", "Service") == ("warn", "OUT OF SERVICE")
    assert table.cell("hall-04", "Pending") == ("", "0")  # carried out and acknowledged
    assert table.cell("village-01", "Paper") == ("bad", "缺纸 OUT")
    assert table.cell("village-02", "Printer") == ("bad", "offline")
    assert table.cell("village-03", "Card reader") == ("bad", "absent")
    assert table.cell("village-04", "Outbox") == ("warn", "14")
    offline_class, offline = table.rows["village-05"]
    assert offline_class == "stale"
    assert offline["Status"] == ("bad", "OFFLINE")
    assert offline["Last seen"][1].endswith("min ago")
    never_class, never = table.rows["village-06"]
    assert never_class == "stale"
    assert never["Status"] == ("bad", "never seen")
    assert never["Last seen"] == ("", "-")

    _, attention = page(browser, f"{demo.url}/fleet?attention=1")
    assert set(attention.rows) == NEEDING_ATTENTION

    # Ctrl+C ends the demo and everything it started.
    demo.process.send_signal(signal.SIGINT)
    demo.process.wait(timeout=STOP_TIMEOUT_S)
    assert demo.process.returncode == 0
    assert not _alive(demo.backend_pid)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{demo.url}/v1/health", timeout=HTTP_TIMEOUT_S)


def test_a_busy_data_directory_is_refused_before_anything_starts(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("someone's files")
    result = subprocess.run(
        [sys.executable, str(DEMO), "--data-dir", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=STOP_TIMEOUT_S,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.txt"]
