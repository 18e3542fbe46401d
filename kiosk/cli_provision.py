"""``kiosk provision --server URL --token TOKEN``: register this kiosk; write config and keys.

Exchanges the one-time provisioning token (from ``kiosk-server provisioning-token create`` or
``POST /v1/staff/provisioning-tokens``) for the kiosk's own bearer token, writes it with the
backend's URL and the kiosk's id into the config (mode 0600), and makes the outbox key in the
data directory. A config that already holds a token is left alone unless ``--force`` is given;
the outbox key, once made, is always kept (it opens what the outbox holds).

Exit codes: 0 provisioned, 1 the backend did not register the kiosk, 2 refused before
anything was spent or written (bad option, config already provisioned, not writable).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.config import CONFIG_PATH_VARIABLE

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from kiosk.provisioning import SYSTEM_CONFIG, SYSTEM_USER

    parser = argparse.ArgumentParser(
        prog="kiosk provision",
        description="Register this kiosk with a backend and write its config and outbox key.",
    )
    parser.add_argument("--server", required=True, help="the backend's URL (https://...)")
    parser.add_argument(
        "--token", required=True, help="the one-time provisioning token from the office"
    )
    parser.add_argument("--kiosk-id", help="this kiosk's id (default: the host name)")
    parser.add_argument("--label", default="", help="where the kiosk stands, for the fleet view")
    parser.add_argument(
        "--config",
        type=Path,
        help=f"the config file to write (default: ${CONFIG_PATH_VARIABLE}, else {SYSTEM_CONFIG})",
    )
    parser.add_argument("--ca-bundle", default="", help="CA file for a backend on a private PKI")
    parser.add_argument(
        "--data-dir",
        help="where the kiosk keeps its outbox and key (default: the config's, else "
        "/var/lib/onestop-kiosk as root, else the user's data directory)",
    )
    parser.add_argument(
        "--owner",
        help=f"the user the kiosk runs as, who gets the config and key (default as root: "
        f"{SYSTEM_USER} if that user exists)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the token of an already provisioned config"
    )
    return parser


def _fail(message: str, code: int) -> int:
    print(f"kiosk provision: {message}", file=sys.stderr)
    return code


def main(argv: list[str]) -> int:
    """``kiosk provision ...`` (argv starts with ``provision``)."""
    from kiosk.provisioning import (
        SYSTEM_CONFIG,
        Plan,
        ProvisioningFailed,
        ProvisioningRefused,
        default_kiosk_id,
        default_owner,
        provision,
    )

    args = _parser().parse_args(argv[1:])
    config = args.config or (
        Path(os.environ[CONFIG_PATH_VARIABLE])
        if os.environ.get(CONFIG_PATH_VARIABLE)
        else SYSTEM_CONFIG
    )
    server = args.server.strip().rstrip("/")
    if not server.startswith(("http://", "https://")):
        return _fail(f"--server {args.server!r}: expected a URL starting https://", EXIT_REFUSED)
    if server.startswith("http://"):
        print(
            "kiosk provision: warning: http:// carries the kiosk's token unencrypted; "
            "use https:// outside a test network",
            file=sys.stderr,
        )
    plan = Plan(
        server=server,
        provisioning_token=args.token.strip(),
        kiosk_id=args.kiosk_id or default_kiosk_id(),
        config_path=config,
        label=args.label,
        ca_bundle=args.ca_bundle,
        data_dir=args.data_dir,
        owner=args.owner or default_owner(),
        force=args.force,
    )
    try:
        done = provision(plan)
    except ProvisioningRefused as error:
        return _fail(str(error), EXIT_REFUSED)
    except ProvisioningFailed as error:
        return _fail(str(error), EXIT_FAILED)
    key = "created" if done.key_created else "kept"
    # Never the token: it is the kiosk's password, and the terminal may be recorded.
    print(f"kiosk {done.kiosk_id} registered with {plan.server}")
    print(f"config: {done.config_path} (mode 0600)")
    print(f"outbox key: {done.key_path} ({key})")
    print(f"check it with: kiosk config check {done.config_path}")
    return EXIT_OK
