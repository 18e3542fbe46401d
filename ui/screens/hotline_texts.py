"""The hotline screen's worded messages: counts, problems, failures, the filed request."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject

from kiosk.hotline_desk import HotlineProblem
from kiosk.session import PrintOutcome


class HotlineFailure(Enum):
    """Why a request was not filed; the typed text stays on screen either way."""

    NOT_KEPT = "not-kept"  # the outbox could not keep it (a full or failing disk)
    REFUSED = "refused"  # the backend refused it for good


class HotlineTexts(QObject):
    def counter(self, length: int, limit: int) -> str:
        if length > limit:
            return (
                self.tr("%1 of %2 characters: too long. Please shorten it by %3.")
                .replace("%1", str(length))
                .replace("%2", str(limit))
                .replace("%3", str(length - limit))
            )
        return self.tr("%1 of %2 characters").replace("%1", str(length)).replace("%2", str(limit))

    def problem(self, problem: HotlineProblem) -> str:
        texts = {
            HotlineProblem.DESCRIPTION_MISSING: self.tr("Please describe your request."),
            HotlineProblem.DESCRIPTION_TOO_LONG: self.tr(
                "This is longer than the hotline accepts. Please shorten it; nothing is sent "
                "until it fits."
            ),
            HotlineProblem.PHONE_MISSING: self.tr(
                "Please enter a phone number, so the hotline can answer you."
            ),
            HotlineProblem.PHONE_INVALID: self.tr(
                "Please enter a mobile number (11 digits, starting with 1) or a landline "
                "number with its area code."
            ),
            HotlineProblem.NAME_TOO_LONG: self.tr("This name is too long."),
        }
        return texts[problem]

    def failure(self, failure: HotlineFailure) -> str:
        if failure is HotlineFailure.REFUSED:
            return self.tr(
                "The hotline did not accept the request as it is. Please check it and send it "
                "again, or call 12345."
            )
        return self.tr(
            "This kiosk cannot keep your request right now. Please ask the staff for help, "
            "or call 12345."
        )

    def filed_title(self, provisional: bool) -> str:
        if provisional:
            return self.tr("Your request is saved")
        return self.tr("Your request has been received")

    def number_caption(self, provisional: bool) -> str:
        return self.tr("Provisional number") if provisional else self.tr("Request number")

    def filed_note(self, provisional: bool) -> str:
        if provisional:
            return self.tr(
                "Saved on this kiosk. It is sent to the 12345 hotline as soon as the network "
                "is back. Keep your ticket and quote this number to follow it up."
            )
        return self.tr(
            "The 12345 hotline passes it to the department concerned. Scan the code on your "
            "ticket to follow it up."
        )

    def printed(self, outcome: PrintOutcome) -> str:
        texts = {
            PrintOutcome.PRINTED: self.tr("Please take your ticket from the printer."),
            PrintOutcome.PRINTER_UNAVAILABLE: self.tr(
                "The printer is not available. Please write down your number."
            ),
            PrintOutcome.PRINT_FAILED: self.tr(
                "The ticket could not be printed. Please write down your number."
            ),
        }
        return texts[outcome]
