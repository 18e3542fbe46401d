"""The line above the progress results: looking up, not found, or why the backend could not
answer (and whether what is shown below is what the kiosk knew)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.api import BackendAnswerInvalid, BackendError, BackendRejected, BackendTimedOut
from ui.screens.status_card import restyle


class Notice(Enum):
    NONE = "none"
    BUSY = "busy"
    NOT_FOUND = "not-found"
    NOT_A_RECEIPT = "not-a-receipt"
    NEED_LAST4 = "need-last4"
    FAILED = "failed"  # no answer and nothing known: the reason in words
    REPORT = "report"  # results are shown below (with the reason, when offline)


class StatusNotice(QLabel):
    """Plain text (never markup); its ``role`` says how it looks: note, warning or error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "note")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = Notice.NONE
        self._by_card = False
        self._failure: BackendError | None = None
        self._found = False
        self.retranslate()

    def show_notice(
        self,
        notice: Notice,
        *,
        by_card: bool = False,
        failure: BackendError | None = None,
        found: bool = False,
    ) -> None:
        """``failure``: why the backend did not answer; ``found``: results are shown below."""
        self.notice, self._by_card, self._failure, self._found = notice, by_card, failure, found
        self.retranslate()

    def retranslate(self) -> None:
        notice, role = self.notice, "note"
        if notice is Notice.BUSY:
            text = (
                self.tr("Looking up your applications…")
                if self._by_card
                else self.tr("Looking up the application…")
            )
        elif notice is Notice.NOT_FOUND:
            role = "error"
            text = self.tr(
                "No application matches this number and these last 4 characters. "
                "Please check both and try again."
            )
        elif notice is Notice.NOT_A_RECEIPT:
            role = "error"
            text = self.tr("The scanned code is not an application receipt of this hall.")
        elif notice is Notice.NEED_LAST4:
            text = self.tr("Number scanned. Now type the last 4 characters of your ID number.")
        elif notice is Notice.FAILED:
            role = "error"
            text = self._failure_words() + " " + self.tr("Please try again later.")
        elif notice is Notice.REPORT:
            text, role = self._report_words()
        else:
            text = ""
        self.setText(text)
        self.setVisible(bool(text))
        restyle(self, role)

    def _report_words(self) -> tuple[str, str]:
        if self._failure is None:
            if self._found:
                return "", "note"
            return self.tr("There are no applications under this card."), "note"
        if self._found:
            later = self.tr("Below is what this kiosk knows; it may be out of date.")
            return f"{self._failure_words()} {later}", "warning"
        nothing = self.tr(
            "This kiosk has nothing saved about it. Please try again later, or ask the staff."
        )
        return f"{self._failure_words()} {nothing}", "error"

    def _failure_words(self) -> str:
        error = self._failure
        if isinstance(error, BackendTimedOut):
            return self.tr("The service centre is taking too long to answer.")
        if isinstance(error, BackendAnswerInvalid):
            return self.tr("The service centre sent an answer the kiosk does not understand.")
        if isinstance(error, BackendRejected):
            if error.status == 429:
                return self.tr("The service centre is busy.")
            if error.status >= 500:
                return self.tr("The service centre has a problem right now.")
            return self.tr("The service centre could not take this request.")
        return self.tr("The kiosk cannot reach the service centre right now.")
