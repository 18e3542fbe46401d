"""Staff mode as ``kiosk tour`` walks it: the hidden corner, the PIN pad, every admin page, the
second confirmation before maintenance, out of service and back."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from kiosk.app import DEMO_STAFF_PIN
from kiosk.session import State
from ui.screens.admin import AdminPage
from ui.screens.admin_printer import PreviewKind
from ui.screens.out_of_service import OutOfServiceNotice
from ui.tour_guide import TourGuide

# Inside the corner ui/staff_entry.py watches, on the screen's empty margin.
CORNER = QPoint(20, 20)


def sign_in(guide: TourGuide, screen: QWidget, *, picture: str = "") -> None:
    """Taps in ``screen``'s top-left corner, then the demo PIN on the pad: staff mode."""
    journey = guide.window.staff_journey
    guide.tap(screen, CORNER, times=guide.kiosk.config.staff.entry_taps)
    pad = journey.pin_pad
    guide.settle(lambda: pad.is_open, "the PIN pad")
    for digit in DEMO_STAFF_PIN:
        guide.click(pad.digit_keys[digit])
    if picture:
        guide.snap(picture)
    guide.click(pad.ok)
    guide.reach(State.ADMIN, "checking the staff PIN")


def staff_mode(guide: TourGuide) -> None:
    """From the start screen through every admin page to out of service, and back to the start."""
    window = guide.window
    admin = window.admin
    sign_in(guide, window.attract, picture="staff-pin")
    health = admin.health
    guide.settle(health.refresh.isEnabled, "checking the device health")
    guide.snap("admin-health")

    guide.click(admin.nav_buttons[AdminPage.PRINTER])
    printer = admin.printer
    guide.click(printer.preview_keys[PreviewKind.SAMPLE_RECEIPT])
    guide.settle(lambda: printer.preview_image.pixmap().width() > 0, "previewing a receipt")
    guide.snap("admin-printer")

    guide.click(admin.nav_buttons[AdminPage.CARD])
    card = admin.card
    guide.click(card.demo_card)
    guide.settle(lambda: bool(card.id_number.text()), "reading the demo card")
    guide.snap("admin-card")
    guide.click(card.take_demo_card)

    guide.click(admin.nav_buttons[AdminPage.SERVICE])
    guide.snap("admin-service")
    guide.click(admin.nav_buttons[AdminPage.LOG])
    guide.snap("admin-log")
    guide.click(admin.maintenance)
    guide.snap("admin-maintenance-confirm")
    guide.click(admin.first_confirmation.cancel)

    guide.click(admin.nav_buttons[AdminPage.SERVICE])
    guide.click(admin.service.notice_buttons[OutOfServiceNotice.MAINTENANCE])
    guide.reach(State.OUT_OF_SERVICE, "out of service")
    guide.snap("out-of-service")
    sign_in(guide, window.out_of_service)
    guide.click(admin.nav_buttons[AdminPage.SERVICE])
    guide.click(admin.service.resume)
    guide.reach(State.ATTRACT, "back in service")
