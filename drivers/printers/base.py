"""The few things every printer backend supplies."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import Enum

from drivers.printers.layout import Receipt


class PaperState(Enum):
    OK = "ok"
    NEAR_END = "near-end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrinterStatus:
    online: bool | None  # None: the printer did not say
    paper: PaperState = PaperState.UNKNOWN
    cover_open: bool = False
    error: bool = False

    @property
    def can_print(self) -> bool:
        return (
            self.online is not False
            and self.paper is not PaperState.OUT
            and not self.cover_open
            and not self.error
        )


class PrinterError(Exception):
    """A job could not be printed; the message is fit for a staff member's screen."""


class PrinterUnavailable(PrinterError):
    """Offline, out of paper, cover open: nothing was sent."""


class PrintFailed(PrinterError):
    """The job started but did not finish; it should be kept for a reprint."""


class Printer(ABC):
    @abstractmethod
    def status(self) -> PrinterStatus:
        """Ask the printer how it is; returns within 2 s even when it stays silent."""

    @abstractmethod
    def print(self, receipt: Receipt) -> None:
        """Print ``receipt`` or raise ``PrinterError``."""

    def close(self) -> None:  # noqa: B027 - most backends hold nothing open
        """Release the connection. Safe to call twice."""
