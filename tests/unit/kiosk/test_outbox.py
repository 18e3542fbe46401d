"""The outbox store on real SQLite files: durable, ordered, sealed at rest, wiped once settled."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.outbox import (
    KEY_FILE,
    OUTBOX_FILE,
    Outbox,
    OutboxConflict,
    OutboxKind,
    OutboxState,
    OutboxUnavailable,
    PayloadGone,
    PayloadUnreadable,
    new_provisional_ref,
)
from kiosk.outbox_crypto import OutboxKey

NAME, ID_NUMBER, PHONE = "王小明", "11010519491231002X", "13800138000"
SERVER_REFERENCE = re.compile(r"^[A-Za-z0-9-]{8,40}$")
ROOT = Path(__file__).resolve().parents[3]


def application(**extra: Any) -> dict[str, Any]:
    return {
        "service_code": "HL-002",
        "language": "zh-Hans",
        "applicant": {"name": NAME, "id_number": ID_NUMBER, "document_kind": "resident_id"},
        "form": {"contact_phone": PHONE, "content": "中山路 3 號前路燈不亮"},
        **extra,
    }


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def put(outbox: Outbox, n: int, kind: OutboxKind = OutboxKind.APPLICATION) -> Any:
    ref = new_provisional_ref("kiosk-01")
    return outbox.put(
        kind,
        idempotency_key=f"key-{n:08d}",
        provisional_ref=ref,
        payload=application(provisional_ref=ref),
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Any:
    with Outbox.in_directory(tmp_path / "data", clock=clock) as opened:
        yield opened


def test_an_item_survives_reopening_with_its_payload(tmp_path: Path, clock: Clock) -> None:
    with Outbox.in_directory(tmp_path, clock=clock) as first:
        item = put(first, 1)
    with Outbox.in_directory(tmp_path, clock=clock) as again:
        assert again.get(item.id) == item
        assert again.payload(item.id)["applicant"]["name"] == NAME
        assert again.depth() == 1


def test_put_is_on_disk_when_it_returns_even_if_the_process_dies_at_once(tmp_path: Path) -> None:
    child = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from kiosk.outbox import Outbox, OutboxKind
        outbox = Outbox.in_directory(Path(sys.argv[1]))
        item = outbox.put(OutboxKind.HOTLINE, idempotency_key="key-killed-1",
                          provisional_ref="P260101-TEST-KILLED1", payload={{"name": {NAME!r}}})
        print(item.id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == -9, result.stderr
    with Outbox.in_directory(tmp_path) as reopened:
        found = reopened.find("P260101-TEST-KILLED1")
        assert found is not None and found.id == int(result.stdout)
        assert reopened.payload(found.id) == {"name": NAME}


def test_due_items_come_oldest_first_and_only_once_due(outbox: Outbox, clock: Clock) -> None:
    items = [put(outbox, n) for n in range(4)]
    assert [item.id for item in outbox.due(clock.now)] == [item.id for item in items]
    outbox.note_failure(items[1].id, "BackendUnreachable", retry_at=clock.now + 60)
    assert [i.id for i in outbox.due(clock.now)] == [items[0].id, items[2].id, items[3].id]
    assert [i.id for i in outbox.due(clock.now + 60)] == [item.id for item in items]
    assert outbox.next_attempt_at() == clock.now
    failed = outbox.get(items[1].id)
    assert (failed.attempts, failed.last_error) == (1, "BackendUnreachable")


def test_sent_keeps_number_and_link_and_wipes_the_payload(outbox: Outbox, clock: Clock) -> None:
    item = put(outbox, 1)
    clock.now += 5
    sent = outbox.mark_sent(item.id, "OS20270115000007", "http://hall/status/OS20270115000007")
    assert sent.state is OutboxState.SENT
    assert (sent.official_number, sent.settled_at) == ("OS20270115000007", clock.now)
    assert sent.status_url == "http://hall/status/OS20270115000007"
    assert sent.provisional_ref == item.provisional_ref
    with pytest.raises(PayloadGone):
        outbox.payload(item.id)
    assert outbox.depth() == 0 and outbox.due(clock.now + 999) == []
    # settled is settled: a late second report changes nothing
    assert outbox.mark_sent(item.id, "OS-OTHER", "") == sent


def test_the_wiped_ciphertext_is_gone_from_the_files(outbox: Outbox) -> None:
    item = put(outbox, 1)
    with contextlib.closing(sqlite3.connect(outbox.path)) as raw:
        ((sealed,),) = raw.execute("SELECT sealed_payload FROM items").fetchall()
    assert sealed in disk_bytes(outbox.path)
    outbox.mark_sent(item.id, "OS20270115000001", "")
    assert sealed[:24] not in disk_bytes(outbox.path)


def test_rejected_is_permanent_and_wipes_the_payload(outbox: Outbox, clock: Clock) -> None:
    item = put(outbox, 1)
    rejected = outbox.mark_rejected(item.id, "BackendRejected 404 Unknown service")
    assert rejected.state is OutboxState.REJECTED
    assert rejected.last_error == "BackendRejected 404 Unknown service"
    with pytest.raises(PayloadGone):
        outbox.payload(item.id)
    assert outbox.due(clock.now) == []
    assert outbox.counts() == {OutboxState.PENDING: 0, OutboxState.SENT: 0, OutboxState.REJECTED: 1}


def test_find_by_provisional_reference_or_official_number(outbox: Outbox) -> None:
    first, second = put(outbox, 1), put(outbox, 2)
    outbox.mark_sent(second.id, "OS20270115000002", "")
    assert outbox.find(first.provisional_ref) == first
    found = outbox.find("OS20270115000002")
    assert found is not None and found.id == second.id
    assert outbox.find(second.provisional_ref) == found
    assert outbox.find("OS-NOBODY") is None


def test_depth_age_listing_and_forgetting(outbox: Outbox, clock: Clock) -> None:
    assert outbox.oldest_pending_age_s(clock.now) is None
    items = [put(outbox, n) for n in range(3)]
    clock.now += 100
    assert outbox.oldest_pending_age_s(clock.now + 20) == 120
    outbox.mark_sent(items[0].id, "OS1", "")
    outbox.mark_rejected(items[1].id, "BackendRejected 422 Invalid request")
    assert outbox.depth() == 1
    assert [i.id for i in outbox.items(10)] == [items[2].id, items[1].id, items[0].id]
    assert [i.id for i in outbox.items(10, OutboxState.SENT)] == [items[0].id]
    assert outbox.forget_delivered(older_than=clock.now) == 0
    assert outbox.forget_delivered(older_than=clock.now + 1) == 2
    assert [i.id for i in outbox.items(10)] == [items[2].id]


def test_a_repeated_key_or_reference_is_a_conflict(outbox: Outbox) -> None:
    item = put(outbox, 1)
    with pytest.raises(OutboxConflict):
        outbox.put(
            OutboxKind.APPLICATION,
            idempotency_key=item.idempotency_key,
            provisional_ref="P260101-OTHER-REF",
            payload={},
        )
    with pytest.raises(OutboxConflict):
        outbox.put(
            OutboxKind.APPLICATION,
            idempotency_key="another-key-1",
            provisional_ref=item.provisional_ref,
            payload={},
        )
    assert outbox.depth() == 1


def test_another_key_does_not_open_the_outbox(tmp_path: Path) -> None:
    with Outbox.in_directory(tmp_path) as first:
        put(first, 1)
    (tmp_path / KEY_FILE).unlink()
    with pytest.raises(OutboxUnavailable, match="key does not fit"):
        Outbox.in_directory(tmp_path)


def test_a_key_file_open_to_others_makes_the_outbox_unavailable(tmp_path: Path) -> None:
    Outbox.in_directory(tmp_path).close()
    (tmp_path / KEY_FILE).chmod(0o644)
    with pytest.raises(OutboxUnavailable, match="chmod 600"):
        Outbox.in_directory(tmp_path)


def test_a_payload_moved_to_another_row_does_not_open(outbox: Outbox) -> None:
    first, second = put(outbox, 1), put(outbox, 2)
    with contextlib.closing(sqlite3.connect(outbox.path)) as raw, raw:
        raw.execute(
            "UPDATE items SET sealed_payload = (SELECT sealed_payload FROM items WHERE id = ?) "
            "WHERE id = ?",
            (first.id, second.id),
        )
    with pytest.raises(PayloadUnreadable):
        outbox.payload(second.id)


def disk_bytes(database: Path) -> bytes:
    """Everything SQLite keeps for this database on disk: the file, its WAL and shared memory."""
    return b"".join(
        path.read_bytes()
        for path in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm")))
        if path.exists()
    )


def test_a_stolen_disk_shows_no_name_id_number_or_phone(tmp_path: Path) -> None:
    secrets_in_clear = [
        text.encode(encoding)
        for text in (NAME, ID_NUMBER, PHONE, "中山路")
        for encoding in ("utf-8", "utf-16-le", "gb18030")
    ] + [json.dumps(NAME).strip('"').encode()]  # the \\u escapes of an ASCII-only JSON dump
    with Outbox.in_directory(tmp_path) as outbox:
        items = [put(outbox, n) for n in range(20)]
        outbox.mark_sent(items[0].id, "OS20270115000001", "")
        stolen = disk_bytes(tmp_path / OUTBOX_FILE)
        assert len(stolen) > 4096
        assert [s for s in secrets_in_clear if s in stolen] == []
    closed = disk_bytes(tmp_path / OUTBOX_FILE)  # after the last checkpoint on close
    assert [s for s in secrets_in_clear if s in closed] == []
    assert b"HL-002" not in closed  # the whole payload is sealed, not only the personal fields


def test_the_files_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0)
    try:
        with Outbox.in_directory(tmp_path) as outbox:
            put(outbox, 1)
            modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    finally:
        os.umask(old_umask)
    assert modes == {
        KEY_FILE: 0o600,
        OUTBOX_FILE: 0o600,
        OUTBOX_FILE + "-wal": 0o600,
        OUTBOX_FILE + "-shm": 0o600,
    }


def test_provisional_references_fit_the_server_and_do_not_repeat() -> None:
    now = 1_800_000_000.0
    references = {new_provisional_ref("kiosk-01", now=now) for _ in range(20_000)}
    assert len(references) == 20_000
    assert all(SERVER_REFERENCE.match(ref) and len(ref) <= 24 for ref in references)
    day = time.strftime("%y%m%d", time.localtime(now))
    assert len({ref[:12] for ref in references}) == 1  # one day, one kiosk: one prefix
    assert next(iter(references)).startswith(f"P{day}-")
    other_kiosk = new_provisional_ref("kiosk-02", now=now)
    assert other_kiosk[:12] != next(iter(references))[:12]


DISK_FULL_CHILD = """
import json, os, subprocess, sys
from pathlib import Path
from kiosk.outbox import Outbox, OutboxFull, OutboxKind

mount = Path(sys.argv[1])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
report = {"full": None, "stored": 0}
with Outbox.in_directory(mount) as outbox:
    (mount / "filler").write_bytes(os.urandom(256 * 1024))
    for n in range(500):
        payload = {"name": "王小明", "notes": os.urandom(300).hex()}
        try:
            outbox.put(OutboxKind.APPLICATION, idempotency_key=f"key-{n:08d}",
                       provisional_ref=f"P270115-FULL-{n:06d}", payload=payload)
        except OutboxFull as error:
            report["full"] = str(error)
            report["failed_ref"] = f"P270115-FULL-{n:06d}"
            break
        report["stored"] += 1
    report["depth_after"] = outbox.depth()
    report["failed_found"] = outbox.find(report.get("failed_ref", "-")) is not None
    report["payloads_ok"] = all(
        outbox.payload(item.id)["name"] == "王小明" for item in outbox.pending())
    (mount / "filler").unlink()
    outbox.put(OutboxKind.APPLICATION, idempotency_key="key-after-space",
               provisional_ref="P270115-FULL-AFTER", payload={"name": "x"})
    report["depth_after_space"] = outbox.depth()
with Outbox.in_directory(mount) as reopened:
    report["integrity"] = reopened._query("PRAGMA integrity_check")[0][0]
    report["depth_reopened"] = reopened.depth()
print(json.dumps(report))
"""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root")
def test_a_full_disk_keeps_nothing_half_written_and_loses_nothing(tmp_path: Path) -> None:
    """A real full filesystem: a 1 MiB tmpfs mounted in a private mount namespace."""
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(
        ["unshare", "--mount", sys.executable, "-c", DISK_FULL_CHILD, str(mount)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["full"] == "the outbox's disk is full"
    assert report["stored"] >= 10, "the disk filled up before the outbox could take anything"
    assert report["depth_after"] == report["stored"]
    assert report["failed_found"] is False
    assert report["payloads_ok"] is True
    assert report["depth_after_space"] == report["stored"] + 1
    assert (report["integrity"], report["depth_reopened"]) == ("ok", report["stored"] + 1)
    assert not any(mount.iterdir()), "the tmpfs stayed in the child's own mount namespace"


def test_a_key_file_other_than_the_outboxs_is_refused_before_any_write(tmp_path: Path) -> None:
    with Outbox.in_directory(tmp_path) as outbox:
        put(outbox, 1)
    with pytest.raises(OutboxUnavailable):
        Outbox(tmp_path / OUTBOX_FILE, OutboxKey.generate())
