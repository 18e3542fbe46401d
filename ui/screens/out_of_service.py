"""Out of service: the staff's (or the fleet's) message, big and calm, in the chosen language.

Staff pick one of the :class:`OutOfServiceNotice` messages on the admin screen (there is no
keyboard); the session keeps its English text, and this screen shows it in whatever language
is chosen. A message from the fleet that is none of them is shown as it came.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from kiosk.session import Session
from ui.screens.base import Screen
from ui.widgets import label


class OutOfServiceNotice(Enum):
    """Messages staff can choose; the value is the English text the session keeps."""

    MAINTENANCE = "This kiosk is being serviced. Please go to a service counter."
    NO_PAPER = "The receipt printer is out of paper. Please go to a service counter."
    NO_NETWORK = "The network is down. Please go to a service counter."
    CLOSED = "This kiosk is closed for today. Thank you for your visit."


def notice_text(notice: OutOfServiceNotice) -> str:
    """The notice in the current language (written out so the translation tools find it)."""
    translate = QCoreApplication.translate
    texts = {
        OutOfServiceNotice.MAINTENANCE: translate(
            "OutOfServiceScreen", "This kiosk is being serviced. Please go to a service counter."
        ),
        OutOfServiceNotice.NO_PAPER: translate(
            "OutOfServiceScreen",
            "The receipt printer is out of paper. Please go to a service counter.",
        ),
        OutOfServiceNotice.NO_NETWORK: translate(
            "OutOfServiceScreen", "The network is down. Please go to a service counter."
        ),
        OutOfServiceNotice.CLOSED: translate(
            "OutOfServiceScreen", "This kiosk is closed for today. Thank you for your visit."
        ),
    }
    return texts[notice]


def message_text(message: str) -> str:
    """What to show for the session's ``out_of_service_message``: a notice translated, any
    other message as it is, and a general one when there is none."""
    try:
        return notice_text(OutOfServiceNotice(message))
    except ValueError:
        pass
    if message.strip():
        return message.strip()
    return QCoreApplication.translate(
        "OutOfServiceScreen", "This kiosk is out of service. Please go to a service counter."
    )


class OutOfServiceScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.title = label("title", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("hero", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.apology = label("lead", self)
        self.apology.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addSpacing(24)
        self.body.addWidget(self.message)
        self.body.addSpacing(24)
        self.body.addWidget(self.apology)
        self.body.addStretch(2)
        self._message = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Not available at the moment"))
        self.apology.setText(self.tr("We are sorry for the inconvenience."))
        self.message.setText(message_text(self._message))

    def show_session(self, session: Session) -> None:
        self._message = session.out_of_service_message
        self.message.setText(message_text(self._message))

    def clear(self) -> None:
        # The message is the kiosk's state, not a citizen's: it stays until staff change it.
        pass
