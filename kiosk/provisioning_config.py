"""The text of a provisioned kiosk's config: an existing file with a few keys set in place
(everything else, comments included, kept), or a new file in the shape of
``packaging/kiosk.example.toml``.
"""

from __future__ import annotations

import re

# A new kiosk's config: the example's sections and keys a vendor sets first. Every other key
# keeps its default; packaging/kiosk.example.toml lists them all.
NEW_CONFIG = """\
# OneStop Kiosk configuration, written by `kiosk provision`. Every key may be overridden by an
# environment variable KIOSK_<SECTION>_<KEY>; all keys: packaging/kiosk.example.toml.
# Check with `kiosk config check FILE` and `kiosk doctor`.

[kiosk]
id = ""                       # letters, digits, . _ - ; shown on receipts and sent to the backend
language = "zh-Hant"          # zh-Hant | zh-Hans | en: the language each new citizen starts in
fullscreen = true
data_dir = ""                 # receipts, the outbox and its key; empty: the user's data dir

[backend]
url = ""
token = ""                    # the kiosk's bearer token (from provisioning; keep it secret)
ca_bundle = ""                # a CA file for a private PKI; empty: the system's

[devices]
card_reader = "pcsc://"       # pcsc:// (any reader), sam-serial:///dev/ttyUSB0, simulated://
# The receipt printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyS0, cups://QUEUE.
printer = "file:///var/lib/onestop-kiosk/receipts/?paper=80mm"

[fleet]
heartbeat_period_s = 30       # 5..3600: how often the kiosk reports its health
"""

_SECTION = re.compile(r"^\s*\[([A-Za-z0-9_.-]+)\]\s*(#.*)?$")
# key = "basic string" | 'literal string' | bare value, then an optional comment.
_VALUE = r"""("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#]+)"""


def config_text(
    existing: str | None,
    *,
    kiosk_id: str,
    url: str,
    token: str,
    ca_bundle: str,
    data_dir: str,
) -> str:
    """``existing`` (or :data:`NEW_CONFIG`) with the provisioned keys set."""
    text = NEW_CONFIG if existing is None else existing
    values: list[tuple[str, str, str]] = [
        ("kiosk", "id", kiosk_id),
        ("kiosk", "data_dir", data_dir),
        ("backend", "url", url),
        ("backend", "token", token),
    ]
    if ca_bundle or existing is None:
        values.append(("backend", "ca_bundle", ca_bundle))
    for section, key, value in values:
        text = set_key(text, section, key, value)
    return text


def set_key(text: str, section: str, key: str, value: str) -> str:
    """``key = "value"`` in ``[section]``: the existing line's value replaced (its comment
    kept), else a new line under the section's header, else a new section at the end."""
    lines = text.splitlines()
    assignment = re.compile(rf"^(\s*{re.escape(key)}\s*=\s*){_VALUE}(\s*(#.*)?)$")
    current: str | None = None
    header: int | None = None
    for index, line in enumerate(lines):
        found = _SECTION.match(line)
        if found:
            current = found.group(1)
            if current == section:
                header = index
            continue
        if current != section:
            continue
        match = assignment.match(line)
        if match:
            lines[index] = match.group(1) + toml_string(value) + match.group(3)
            return "\n".join(lines) + "\n"
    if header is not None:
        lines.insert(header + 1, f"{key} = {toml_string(value)}")
    else:
        lines += ["", f"[{section}]", f"{key} = {toml_string(value)}"]
    return "\n".join(lines) + "\n"


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = []
    for char in value:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'
