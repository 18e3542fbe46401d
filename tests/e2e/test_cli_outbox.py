"""``kiosk outbox status|flush|export|import`` as staff and vendors run them, on a real backend."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.outbox import Outbox, OutboxItem, OutboxKind, new_provisional_ref
from tests.support import RunningBackend, run_kiosk

NAME, ID_NUMBER, PHONE = "王小明", "11010519491231002X", "13800138000"
PERSONAL = (NAME, ID_NUMBER, PHONE, "中山路")


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return {**clean, **extra}


def kiosk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    result = run_kiosk(*args, env=environment(**env), timeout=60)
    leaked = [text for text in PERSONAL if text in result.stdout + result.stderr]
    assert leaked == [], "personal data on the terminal"
    return result


def write_config(tmp_path: Path, url: str, token: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "village-07"\ndata_dir = "{tmp_path / "data"}"\n'
        f'[backend]\nurl = "{url}"\ntoken = "{token}"\nconnect_timeout_s = 1\n'
    )
    return path


def queue(tmp_path: Path) -> list[OutboxItem]:
    """What an offline kiosk filed: an application and a hotline request."""
    with Outbox.in_directory(tmp_path / "data") as outbox:
        first, second = new_provisional_ref("village-07"), new_provisional_ref("village-07")
        application = {
            "service_code": "HL-002",
            "language": "zh-Hant",
            "applicant": {"name": NAME, "id_number": ID_NUMBER, "document_kind": "resident_id"},
            "form": {"subject": "路燈不亮", "content": "中山路 3 號前", "contact_phone": PHONE},
            "provisional_ref": first,
        }
        hotline = {
            "category": "suggestion",
            "language": "zh-Hant",
            "description": "中山路的路燈晚上不亮",
            "contact_name": NAME,
            "contact_phone": PHONE,
            "anonymous": False,
            "provisional_ref": second,
        }
        return [
            outbox.put(
                OutboxKind.APPLICATION,
                idempotency_key=f"cli-{first}",
                provisional_ref=first,
                payload=application,
            ),
            outbox.put(
                OutboxKind.HOTLINE,
                idempotency_key=f"cli-{second}",
                provisional_ref=second,
                payload=hotline,
            ),
        ]


def numbers(output: str) -> dict[str, str]:
    return dict(re.findall(r"^(P\S+) -> (\S+)$", output, re.MULTILINE))


def test_status_without_an_outbox_creates_nothing(tmp_path: Path) -> None:
    config = write_config(tmp_path, closed_port_url(), "token")
    result = kiosk("outbox", "status", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "nothing was ever queued" in result.stdout
    assert not (tmp_path / "data").exists()


def test_status_needs_a_configuration() -> None:
    result = kiosk("outbox", "status")
    assert result.returncode == 2
    assert "--config FILE or $KIOSK_CONFIG" in result.stderr


def test_flush_offline_keeps_items_and_online_delivers_them_once(
    tmp_path: Path, backend: RunningBackend
) -> None:
    config = write_config(tmp_path, closed_port_url(), backend.kiosk_token)
    items = queue(tmp_path)
    offline = kiosk("outbox", "flush", "--config", str(config))
    assert offline.returncode == 1
    assert "still pending 2" in offline.stdout and "BackendUnreachable" in offline.stdout

    status = kiosk("outbox", "status", "--config", str(config))
    assert status.returncode == 0
    assert "pending 2, sent 0, rejected 0" in status.stdout
    assert "oldest pending:" in status.stdout
    assert all(item.provisional_ref in status.stdout for item in items)
    assert "last error: BackendUnreachable" in status.stdout

    online = kiosk("outbox", "flush", KIOSK_CONFIG=str(config), KIOSK_BACKEND_URL=backend.url)
    assert online.returncode == 0, online.stdout + online.stderr
    delivered = numbers(online.stdout)
    assert set(delivered) == {item.provisional_ref for item in items}
    application, hotline = (delivered[item.provisional_ref] for item in items)
    assert backend.rows(
        "SELECT number FROM applications WHERE provisional_ref = ?", items[0].provisional_ref
    ) == [(application,)]
    assert backend.rows(
        "SELECT number FROM hotline_requests WHERE provisional_ref = ?", items[1].provisional_ref
    ) == [(hotline,)]
    after = kiosk("outbox", "status", KIOSK_CONFIG=str(config))
    assert "pending 0, sent 2, rejected 0" in after.stdout and application in after.stdout


def test_export_carried_to_a_connected_machine_files_each_item_once(
    tmp_path: Path, backend: RunningBackend
) -> None:
    config = write_config(tmp_path, closed_port_url(), backend.kiosk_token)
    items = queue(tmp_path)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a long line the vendor keeps apart\n")
    stick = tmp_path / "usb" / "outbox.export"
    stick.parent.mkdir()

    exported = kiosk(
        "outbox",
        "export",
        str(stick),
        "--passphrase-file",
        str(passphrase),
        "--config",
        str(config),
    )
    assert exported.returncode == 0, exported.stderr
    assert "2 pending items" in exported.stdout
    sealed = stick.read_bytes()
    assert stick.stat().st_mode & 0o777 == 0o600
    assert not [s for s in (NAME, ID_NUMBER, PHONE, backend.kiosk_token) if s.encode() in sealed]

    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    refused = kiosk("outbox", "import", str(stick), "--passphrase-file", str(wrong))
    assert refused.returncode == 2 and "wrong passphrase" in refused.stderr

    args = ("outbox", "import", str(stick), "--passphrase-file", str(passphrase))
    first = kiosk(*args, "--backend", backend.url)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "delivered 2 of 2" in first.stdout
    again = kiosk(*args, "--backend", backend.url)
    assert again.returncode == 0 and numbers(again.stdout) == numbers(first.stdout)
    for item, table in zip(items, ("applications", "hotline_requests"), strict=True):
        rows = backend.rows(
            f"SELECT number FROM {table} WHERE provisional_ref = ?", item.provisional_ref
        )
        assert rows == [(numbers(first.stdout)[item.provisional_ref],)]

    # the kiosk's own link comes back: it sends the same items and gets the same numbers
    home = kiosk("outbox", "flush", KIOSK_CONFIG=str(config), KIOSK_BACKEND_URL=backend.url)
    assert home.returncode == 0 and numbers(home.stdout) == numbers(first.stdout)


def test_export_refuses_a_missing_passphrase_file(tmp_path: Path) -> None:
    config = write_config(tmp_path, closed_port_url(), "token")
    queue(tmp_path)
    result = kiosk(
        "outbox",
        "export",
        str(tmp_path / "x"),
        "--passphrase-file",
        str(tmp_path / "none"),
        "--config",
        str(config),
    )
    assert result.returncode == 2 and "cannot read the passphrase file" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("action", ["status", "flush"])
def test_outbox_commands_load_no_qt_and_no_server(tmp_path: Path, action: str) -> None:
    config = write_config(tmp_path, closed_port_url(), "token")
    probe = (
        "import sys; from kiosk.cli import main; main(['outbox', sys.argv[1], '--config', "
        "sys.argv[2]]); print(sorted(m for m in ('PySide6', 'server', 'fastapi') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, action, str(config)],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        env=environment(),
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
