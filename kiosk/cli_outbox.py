"""``kiosk outbox status|flush|export|import``: what staff and vendors run at a stuck outbox.

``status`` and ``flush`` work on the kiosk's own outbox (``<data_dir>/outbox.sqlite3``) and
print references, numbers, counts and error classes, never personal data. ``export`` seals the
pending items (payloads, kiosk id, backend URL and bearer token) under a passphrase for a USB
stick; ``import`` files them from a connected machine with the bundled token and each item's own
idempotency key, so running it twice, or the kiosk sending the same items later, files nothing
twice.

Exit codes: 0 done, 1 something is still not delivered, 2 a bad option, file, key or passphrase.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.config import CONFIG_PATH_VARIABLE, ConfigError, KioskConfig, load_config
from kiosk.outbox import KEY_FILE, OUTBOX_FILE, Outbox, OutboxError, OutboxKind, OutboxState
from kiosk.outbox_crypto import (
    KeyFileError,
    OutboxKey,
    SealError,
    open_with_passphrase,
    seal_with_passphrase,
)

EXIT_OK, EXIT_NOT_DELIVERED, EXIT_USAGE = 0, 1, 2
EXPORT_FORMAT = "onestop-outbox-export"
EXPORT_VERSION = 1


class UsageError(Exception):
    """A bad option, file or passphrase: exit 2 with this message."""


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outbox = commands.add_parser("outbox", help="the offline outbox: status, flush, export, import")
    actions = outbox.add_subparsers(dest="outbox_command", required=True, metavar="ACTION")
    config_help = f"the kiosk's TOML file (default: ${CONFIG_PATH_VARIABLE})"
    status = actions.add_parser("status", help="depth, oldest pending item, errors (no content)")
    status.add_argument("--config", type=Path, help=config_help)
    status.add_argument("--limit", type=int, default=30, help="items listed (default 30)")
    flush = actions.add_parser("flush", help="send every pending item now (exit 1: some remain)")
    flush.add_argument("--config", type=Path, help=config_help)
    flush.add_argument("--timeout", type=float, default=120.0, help="seconds (default 120)")
    export = actions.add_parser("export", help="seal the pending items in a file for a USB stick")
    export.add_argument("file", type=Path)
    export.add_argument("--passphrase-file", type=Path, required=True)
    export.add_argument("--config", type=Path, help=config_help)
    imported = actions.add_parser("import", help="file an export's items from a connected machine")
    imported.add_argument("file", type=Path)
    imported.add_argument("--passphrase-file", type=Path, required=True)
    imported.add_argument("--backend", help="backend URL (default: the one in the export)")
    imported.add_argument("--ca-bundle", default="", help="CA bundle for an https backend")


def main(argv: list[str]) -> int:
    """``kiosk outbox ...`` (argv starts with ``outbox``)."""
    parser = argparse.ArgumentParser(prog="kiosk")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    try:
        if args.outbox_command == "import":
            return _import(
                args.file, _passphrase(args.passphrase_file), args.backend, args.ca_bundle
            )
        config = _config(args.config)
        if args.outbox_command == "status":
            return _status(config, args.limit)
        if args.outbox_command == "flush":
            return _flush(config, args.timeout)
        return _export(config, args.file, _passphrase(args.passphrase_file))
    except (UsageError, ConfigError, KeyFileError, SealError) as error:
        return _fail(str(error), EXIT_USAGE)
    except OutboxError as error:
        return _fail(str(error), EXIT_NOT_DELIVERED)


def _fail(message: str, code: int) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return code


def _config(path: Path | None) -> KioskConfig:
    if path is None and CONFIG_PATH_VARIABLE in os.environ:
        path = Path(os.environ[CONFIG_PATH_VARIABLE])
    if path is None:
        raise UsageError(f"outbox needs --config FILE or ${CONFIG_PATH_VARIABLE}")
    return load_config(path)


def _passphrase(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read the passphrase file {path}: {error.strerror}") from None
    passphrase = raw.removesuffix(b"\n").removesuffix(b"\r")
    if not passphrase:
        raise UsageError(f"the passphrase file {path} is empty")
    return passphrase


def _existing_outbox(config: KioskConfig) -> Outbox | None:
    """The kiosk's outbox if it has one; a status never creates one (nor its key)."""
    from kiosk.app import data_dir

    directory = data_dir(config)
    if not (directory / OUTBOX_FILE).exists():
        print(f"no outbox at {directory / OUTBOX_FILE}: nothing was ever queued")
        return None
    return Outbox(directory / OUTBOX_FILE, OutboxKey.load(directory / KEY_FILE))


def _age(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min" if minutes else f"{int(seconds)} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours < 48 else f"{hours // 24} days {hours % 24} h"


def _clock_time(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def _status(config: KioskConfig, limit: int) -> int:
    outbox = _existing_outbox(config)
    if outbox is None:
        return EXIT_OK
    with outbox:
        now = time.time()
        counts = outbox.counts()
        print(f"outbox {outbox.path} (kiosk {config.kiosk.id}, backend {config.backend.url})")
        print(", ".join(f"{state.value} {counts[state]}" for state in OutboxState))
        oldest = outbox.oldest_pending_age_s(now)
        print(f"oldest pending: {_age(oldest)} ago" if oldest is not None else "nothing pending")
        shown = outbox.pending()[:limit]
        shown += outbox.items(max(0, limit - len(shown)), OutboxState.SENT)
        shown += outbox.items(max(0, limit - len(shown)), OutboxState.REJECTED)
        for item in shown:
            line = f"{item.provisional_ref}  {item.kind.value:<11} {item.state.value:<8}"
            if item.state is OutboxState.PENDING:
                line += f" attempts {item.attempts}, next try {_clock_time(item.next_attempt_at)}"
            elif item.state is OutboxState.SENT:
                line += f" {item.official_number} at {_clock_time(item.settled_at or 0)}"
            if item.last_error:
                line += f"  last error: {item.last_error}"
            print(line)
    return EXIT_OK


def _flush(config: KioskConfig, timeout_s: float) -> int:
    from kiosk.api import BackendClient
    from kiosk.forwarder import ClientSender, Forwarder

    outbox = _existing_outbox(config)
    if outbox is None:
        return EXIT_OK
    client = BackendClient(
        config.backend.url,
        token=config.backend.token,
        connect_timeout_s=config.backend.connect_timeout_s,
        read_timeout_s=config.backend.read_timeout_s,
        ca_bundle=config.backend.ca_bundle,
    )
    try:
        report = Forwarder(outbox, ClientSender(client)).flush(timeout_s)
    finally:
        client.close()
        outbox.close()
    for item in report.attempted:
        if item.state is OutboxState.SENT:
            print(f"{item.provisional_ref} -> {item.official_number}")
        else:
            print(f"{item.provisional_ref} {item.state.value}: {item.last_error}")
    print(f"sent {report.sent}, rejected {report.rejected}, still pending {report.pending}")
    if report.stopped_by:
        print(f"stopped early: {report.stopped_by}")
    return EXIT_NOT_DELIVERED if report.pending else EXIT_OK


def _export(config: KioskConfig, target: Path, passphrase: bytes) -> int:
    outbox = _existing_outbox(config)
    if outbox is None:
        return EXIT_OK
    with outbox:
        pending = outbox.pending()
        items = [
            {
                "kind": item.kind.value,
                "idempotency_key": item.idempotency_key,
                "provisional_ref": item.provisional_ref,
                "created_at": item.created_at,
                "payload": outbox.payload(item.id),
            }
            for item in pending
        ]
    if not items:
        print("nothing pending: no export written")
        return EXIT_OK
    bundle = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "kiosk_id": config.kiosk.id,
        "backend_url": config.backend.url,
        "token": config.backend.token,
        "exported_at": time.time(),
        "items": items,
    }
    sealed = seal_with_passphrase(json.dumps(bundle, ensure_ascii=False).encode(), passphrase)
    _write_private(target, sealed)
    print(f"{len(items)} pending items sealed in {target}")
    return EXIT_OK


def _write_private(target: Path, data: bytes) -> None:
    """Write ``data`` whole (mode 0600), or leave no file at ``target``."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"cannot write {target}: {error.strerror}") from None


def _read_bundle(source: Path, passphrase: bytes) -> dict[str, Any]:
    try:
        sealed = source.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {source}: {error.strerror}") from None
    try:
        bundle = json.loads(open_with_passphrase(sealed, passphrase))
    except ValueError:
        raise UsageError(f"{source} opened but is not an outbox export") from None
    if not isinstance(bundle, dict) or bundle.get("format") != EXPORT_FORMAT:
        raise UsageError(f"{source} opened but is not an outbox export")
    if bundle.get("version") != EXPORT_VERSION:
        raise UsageError(f"{source} is export version {bundle.get('version')}, not 1")
    return bundle


def _import(source: Path, passphrase: bytes, backend_url: str | None, ca_bundle: str) -> int:
    from kiosk.api import BackendClient, BackendError
    from kiosk.forwarder import ClientSender
    from kiosk.forwarder_rules import describe, is_backend_wide, is_permanent

    bundle = _read_bundle(source, passphrase)
    url = backend_url or str(bundle["backend_url"])
    items = list(bundle["items"])
    print(f"{len(items)} items from kiosk {bundle['kiosk_id']} to {url}")
    client = BackendClient(url, token=str(bundle["token"]), ca_bundle=ca_bundle)
    sender = ClientSender(client)
    delivered = 0
    try:
        for index, entry in enumerate(items):
            reference = str(entry["provisional_ref"])
            try:
                answer = sender.deliver(
                    OutboxKind(entry["kind"]), str(entry["idempotency_key"]), entry["payload"]
                )
            except BackendError as error:
                verdict = "rejected" if is_permanent(error) else "not sent"
                print(f"{reference} {verdict}: {describe(error)}")
                if is_backend_wide(error):
                    print(f"stopped: {len(items) - index - 1} more not tried; run it again later")
                    break
                continue
            delivered += 1
            print(f"{reference} -> {answer.official_number}")
    finally:
        client.close()
    print(f"delivered {delivered} of {len(items)}")
    return EXIT_OK if delivered == len(items) else EXIT_NOT_DELIVERED
