"""CupsPrinter never reports a job printed that ``lpstat -o`` could not confirm.

Fake ``lp``, ``lpstat`` and ``cancel`` scripts on PATH stand in for CUPS's clients: the real
failure (the scheduler dying, or refusing the request, between ``lp`` and ``lpstat -o``) cannot
be timed reliably against a real cupsd. Each fake ``lpstat -o`` fails (exit 1, nothing on
stdout) as often as FAKE_LPSTAT_FAILS says, then lists an empty queue; the queue report
always says the queue is ready, so only the listing's exit status tells the cases apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.printers.base import PrintFailed
from drivers.printers.cups import CupsPrinter
from drivers.printers.layout import Cut, Receipt, Title

RECEIPT = Receipt("2024-0001-ABC", (Title("Receipt"), Cut()))
JOB_ID = "kiosk-7"

_FAKES = {
    "lp": f"""#!/bin/sh
cat > /dev/null
echo "request id is {JOB_ID} (0 file(s))"
""",
    "lpstat": """#!/bin/sh
case " $* " in
*" -o "*)
    count=$(cat "$FAKE_STATE/listings" 2>/dev/null || echo 0)
    echo $((count + 1)) > "$FAKE_STATE/listings"
    if [ "$count" -lt "$FAKE_LPSTAT_FAILS" ]; then
        echo "lpstat: Bad file descriptor" >&2
        exit 1
    fi
    ;;
*)
    echo "scheduler is running"
    echo "printer kiosk is idle.  enabled since Mon 01 Jan 2024 00:00:00 UTC"
    echo "kiosk accepting requests since Mon 01 Jan 2024 00:00:00 UTC"
    ;;
esac
""",
    "cancel": """#!/bin/sh
echo "$*" >> "$FAKE_STATE/cancelled"
""",
}


@pytest.fixture
def fake_cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in _FAKES.items():
        (bin_dir / name).write_text(script)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("FAKE_STATE", str(tmp_path))
    return tmp_path


def test_a_listing_that_keeps_failing_is_not_taken_for_a_printed_job(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_LPSTAT_FAILS", "1000")
    printer = CupsPrinter("kiosk", job_timeout_s=1.0)
    with pytest.raises(PrintFailed, match="could not be confirmed.*Bad file descriptor"):
        printer.print(RECEIPT)
    assert (fake_cups / "cancelled").read_text().split() == [JOB_ID]


def test_a_listing_that_fails_once_is_asked_again(
    fake_cups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_LPSTAT_FAILS", "2")
    CupsPrinter("kiosk", job_timeout_s=5.0).print(RECEIPT)
    assert (fake_cups / "listings").read_text().strip() == "3"
    assert not (fake_cups / "cancelled").exists()
