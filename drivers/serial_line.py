"""What can go wrong on a serial line, shared by the serial printer and the SAM card reader."""

from __future__ import annotations

try:
    from termios import error as _TermiosError
except ImportError:  # not POSIX: pyserial's own errors are OSErrors there
    _TermiosError = OSError  # type: ignore[assignment,misc]

# pyserial's SerialException is an OSError, but its buffer resets call tcflush directly, and on a
# line that hung up under us (adapter unplugged, pty master closed) that raises termios.error.
PORT_ERRORS: tuple[type[Exception], ...] = (OSError, _TermiosError)
