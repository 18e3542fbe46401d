"""Logging to stderr in a form journald understands, with personal data masked on the way out.

Under systemd (``JOURNAL_STREAM`` set) each line starts with a ``<N>`` syslog priority prefix so
the journal keeps levels; on a terminal it starts with the time and level name instead.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections import deque
from typing import TextIO

from drivers.cards.identity import mask_id, mask_name

# Mainland resident ID (GB 11643, 18 characters), Taiwan national ID, Hong Kong-style letters
# aside: patterns for numbers that might reach a message without the session knowing them.
_ID_PATTERNS = (
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9A-Za-z])[A-Z][12]\d{8}(?![0-9A-Za-z])"),
)

_SYSLOG_PRIORITY = {
    logging.DEBUG: 7,
    logging.INFO: 6,
    logging.WARNING: 4,
    logging.ERROR: 3,
    logging.CRITICAL: 2,
}


class PersonalDataRedactor:
    """Masks ID-number-shaped text, and the exact name and number of the session's citizen.

    The session calls ``protect`` when a card is read and ``forget`` when it is wiped.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replacements: dict[str, str] = {}

    def protect(self, *, name: str = "", id_number: str = "") -> None:
        with self._lock:
            if name.strip():
                self._replacements[name.strip()] = mask_name(name)
            if id_number:
                self._replacements[id_number] = mask_id(id_number)

    def forget(self) -> None:
        with self._lock:
            self._replacements.clear()

    def redact(self, text: str) -> str:
        with self._lock:
            replacements = sorted(self._replacements.items(), key=lambda kv: -len(kv[0]))
        for secret, masked in replacements:
            text = text.replace(secret, masked)
        for pattern in _ID_PATTERNS:
            text = pattern.sub(lambda match: mask_id(match.group(0)), text)
        return text


class RedactingFormatter(logging.Formatter):
    def __init__(self, redactor: PersonalDataRedactor, *, journald: bool) -> None:
        fmt = (
            "%(name)s: %(message)s"
            if journald
            else "%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        super().__init__(fmt, datefmt="%H:%M:%S")
        self._redactor = redactor
        self._journald = journald

    def format(self, record: logging.LogRecord) -> str:
        text = self._redactor.redact(super().format(record))
        if not self._journald:
            return text
        priority = _SYSLOG_PRIORITY.get(record.levelno, 6)
        # Continuation lines (tracebacks) get the prefix too, or journald files them as info.
        return "\n".join(f"<{priority}>{line}" for line in text.splitlines())


def configure_logging(
    redactor: PersonalDataRedactor, level: str = "info", stream: TextIO | None = None
) -> logging.Handler:
    """Route the root logger to ``stream`` (stderr) through the redactor; returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(redactor, journald="JOURNAL_STREAM" in os.environ))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    return handler


# Phone numbers should never reach a log; if one does, the staff screen still shows it masked.
_PHONE_PATTERNS = (
    re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])"),  # mainland mobile
    re.compile(r"(?<![0-9A-Za-z])(09\d)\d{4}(\d{3})(?![0-9A-Za-z])"),  # Taiwan mobile
)


class RecentLogLines(logging.Handler):
    """The last ``capacity`` log lines, redacted as they arrive, for the staff screen.

    Lines are redacted when logged (while the session still knows whose name to mask), so a
    line shown later never holds what the redactor has since forgotten.
    """

    def __init__(self, redactor: PersonalDataRedactor, *, capacity: int = 200) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(RedactingFormatter(redactor, journald=False))
        self._lines: deque[str] = deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a log call with bad arguments must not break the caller
            self.handleError(record)
            return
        for pattern in _PHONE_PATTERNS:
            text = pattern.sub(lambda match: f"{match.group(1)}****{match.group(2)}", text)
        with self.lock or threading.Lock():
            self._lines.extend(text.splitlines() or [""])

    def lines(self, count: int | None = None) -> list[str]:
        """The newest ``count`` lines (all kept ones by default), oldest first."""
        with self.lock or threading.Lock():
            kept = list(self._lines)
        return kept if count is None else kept[-count:]
