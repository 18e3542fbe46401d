"""The citizen's journeys as ``kiosk tour`` walks them, one picture per screen.

With the demo card: apply (the form with its problems, then filled), the receipt and its paper,
the rating; the progress of that application by card; a queue number; a hotline request and
the emergency numbers; the card left in the reader. Without a card: the menu, the idle
countdown, progress by number, and what the kiosk shows of it with the network gone.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Protocol

from PySide6.QtWidgets import QAbstractButton

from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.catalog import FieldKind, FormField, Service
from kiosk.i18n import Language
from kiosk.ratings import Satisfaction
from kiosk.session import State
from ui.screens.evaluate import RatingPage
from ui.screens.hotline import HotlinePage
from ui.screens.queue import QueuePage
from ui.tour_guide import TourError, TourGuide

# Valid answers for each kind of field, as a citizen might type them.
SAMPLE_VALUES = {
    FieldKind.TEXT: "示範文字",
    FieldKind.DATE: "2026-12-15",
    FieldKind.PHONE: "13800138000",
    FieldKind.ID_NUMBER: "11010519491231002X",
}
# What the tour writes in a hotline request, in the language on screen.
HOTLINE_WORDS = {
    Language.ZH_HANT: "中山路三號前的路燈不亮",
    Language.ZH_HANS: "中山路三号前的路灯不亮",
    Language.EN: "The street light at 3 Zhongshan Road is out",
}
HOTLINE_CATEGORY = "consumer_complaint"  # asks for a phone: the fullest form
HOTLINE_PHONE = "13800138000"
# The idle countdown shows this many seconds left in its picture.
IDLE_SECONDS_SHOWN = 12


class TourMode(Enum):
    """A display mode as the citizen turns it on at the start screen."""

    NORMAL = "normal"
    LARGE_TEXT = "large-text"
    HIGH_CONTRAST = "high-contrast"
    CARE = "care"


class HallOffice(Protocol):
    """The service hall's back office, working on what the tour filed."""

    def advance(self, number: str) -> None:
        """Move application ``number`` on, so its progress has a timeline to show."""


def sample_value(field: FormField) -> str:
    if field.kind is FieldKind.CHOICE:
        return field.choices[0].value if field.choices else ""
    if field.kind is FieldKind.NUMBER:
        number = max(field.minimum or 0, 1)
        return str(int(min(number, field.maximum) if field.maximum is not None else number))
    text = SAMPLE_VALUES[field.kind]
    return text[: field.max_length] if field.max_length else text


def showcase_service(services: tuple[Service, ...]) -> Service:
    """The service whose form shows the most kinds of field."""
    return max(services, key=lambda service: len({field.kind for field in service.fields}))


def begin(guide: TourGuide, language: Language, mode: TourMode) -> None:
    """At the start screen: the language from the header, the display mode from its toggle."""
    guide.reach(State.ATTRACT, "the start screen")
    window = guide.window
    guide.click(window.header.language_buttons[language])
    toggles: dict[TourMode, QAbstractButton] = {
        TourMode.LARGE_TEXT: window.attract.large_text,
        TourMode.HIGH_CONTRAST: window.attract.high_contrast,
        TourMode.CARE: window.attract.care_mode,
    }
    toggle = toggles.get(mode)
    if toggle is not None and not toggle.isChecked():
        guide.click(toggle)
    guide.settle(lambda: guide.session.language is language, "choosing the language")


def apply_with_card(guide: TourGuide) -> str:
    """From the start screen to the rating thanks; the application's number."""
    window, session = guide.window, guide.session
    guide.snap("attract")
    guide.click(window.attract.start)
    guide.reach(State.IDENTIFY, "the identify screen")
    guide.snap("identify")
    guide.click(window.identify.demo_card)
    guide.reach(State.MENU, "reading the demo card")
    guide.snap("menu")
    guide.click(window.menu.apply)
    guide.settle(lambda: bool(window.catalog.service_buttons), "loading the catalog")
    guide.snap("catalog")
    service = showcase_service(guide.kiosk.catalog.services())
    guide.click(window.catalog.service_buttons[service.code])
    guide.reach(State.FORM, "opening the form")
    guide.click(window.form.next)  # empty: shows what must be filled in
    guide.snap("form-problems")
    for field in service.fields:
        editor = window.form.editors[field.name]
        value = sample_value(field)
        if editor.line_edit is not None:
            editor.line_edit.clear()
            guide.type(editor.line_edit, value)
        elif value:
            guide.click(editor.choice_buttons[value])
    guide.snap("form")
    guide.click(window.form.next)
    guide.reach(State.REVIEW, "the review screen")
    guide.snap("review")
    printed = guide.printouts()
    guide.click(window.review.submit)
    if session.state is State.SUBMITTING:
        guide.snap("submitting")
    guide.reach(State.RECEIPT, "submitting the application", 60.0)
    guide.snap("receipt")
    guide.keep_printout("printed-receipt", printed)
    record = session.record
    if record is None:
        raise TourError("tour: the receipt screen shows no application")
    guide.click(window.receipt.finish)
    guide.reach(State.EVALUATE, "the rating screen")
    rate(guide)
    return record.number


def rate(guide: TourGuide) -> None:
    """Five levels, the choices the best one asks for, the thanks; then "something else"."""
    rating = guide.window.evaluate
    guide.snap("rating")
    guide.click(rating.level_buttons[Satisfaction.VERY_SATISFIED])
    guide.settle(lambda: bool(rating.indicator_buttons), "loading the rating choices")
    guide.click(next(iter(rating.indicator_buttons.values())))
    guide.snap("rating-choices")
    guide.click(rating.send)
    guide.settle(lambda: rating.current_page() is RatingPage.DONE, "sending the rating")
    guide.snap("rating-thanks")
    guide.click(rating.more)
    guide.reach(State.MENU, "back to the menu")


def decline_rating(guide: TourGuide) -> None:
    """ "No thanks" to the rating offered after a ticket; back to the menu."""
    rating = guide.window.evaluate
    guide.reach(State.EVALUATE, "the rating offered")
    guide.click(rating.decline)
    guide.settle(lambda: rating.current_page() is RatingPage.DONE, "declining the rating")
    guide.click(rating.more)
    guide.reach(State.MENU, "back to the menu")


def progress_by_card(guide: TourGuide) -> None:
    """The card's applications with their timeline, and the printout of one."""
    window = guide.window
    status = window.status
    guide.click(window.menu.progress)
    guide.reach(State.STATUS, "the progress screen")
    guide.settle(lambda: bool(status.cards), "looking up the card's applications")
    guide.snap("status-by-card")
    printed = guide.printouts()
    guide.click(status.cards[0].print_button)
    guide.settle(lambda: bool(guide.printouts() - printed), "printing the progress")
    guide.settle(status.cards[0].print_button.isEnabled, "the printout done")
    guide.keep_printout("printed-status", printed)
    guide.click(status.back)
    guide.reach(State.MENU, "back to the menu")


def queue_number(guide: TourGuide) -> None:
    window = guide.window
    queue = window.queue
    guide.click(window.menu.ticket)
    guide.reach(State.QUEUE, "the queue screen")
    guide.settle(lambda: bool(queue.category_buttons), "loading the counters")
    guide.snap("queue")
    guide.click(next(iter(queue.category_buttons.values())))
    guide.snap("queue-chosen")
    printed = guide.printouts()
    guide.click(queue.take)
    guide.settle(lambda: queue.page is QueuePage.TICKET, "taking a number")
    guide.snap("queue-ticket")
    guide.keep_printout("printed-queue-ticket", printed)
    guide.click(queue.done)
    decline_rating(guide)


def hotline_request(guide: TourGuide, language: Language) -> None:
    window = guide.window
    hotline = window.hotline
    guide.click(window.menu.hotline)
    guide.reach(State.HOTLINE, "the hotline screen")
    guide.settle(lambda: HOTLINE_CATEGORY in hotline.category_buttons, "loading the categories")
    guide.snap("hotline")
    guide.click(hotline.emergency)
    guide.settle(lambda: hotline.page is HotlinePage.EMERGENCY, "the emergency numbers")
    guide.snap("hotline-emergency")
    guide.click(hotline.back)
    guide.settle(lambda: hotline.page is HotlinePage.CATEGORY, "back to the categories")
    guide.click(hotline.category_buttons[HOTLINE_CATEGORY])
    guide.settle(lambda: hotline.page is HotlinePage.DETAILS, "the request's details")
    guide.click(hotline.send)  # nothing written yet: each problem said beside its field
    guide.snap("hotline-problems")
    details = hotline.details
    guide.type(details.description, HOTLINE_WORDS[language])
    guide.type(details.phone, HOTLINE_PHONE)
    guide.snap("hotline-details")
    printed = guide.printouts()
    guide.click(hotline.send)
    guide.settle(lambda: hotline.page is HotlinePage.FILED, "filing the request", 60.0)
    guide.snap("hotline-filed")
    guide.keep_printout("printed-hotline-ticket", printed)
    guide.click(hotline.done)
    decline_rating(guide)


def leave_with_card_in_reader(guide: TourGuide) -> None:
    window = guide.window
    guide.click(window.menu.finish)
    guide.reach(State.ATTRACT, "finishing")
    guide.settle(window.attract.take_demo_card.isVisible, "the reminder to take the card")
    guide.snap("attract-card-left-in-reader")
    guide.click(window.attract.take_demo_card)
    guide.settle(lambda: not window.attract.card_reminder.isVisible(), "taking the card")


def without_card(guide: TourGuide, number: str) -> None:
    """Skip the card; the idle countdown on the menu; progress by number, online and off."""
    window = guide.window
    guide.click(window.attract.start)
    guide.reach(State.IDENTIFY, "the identify screen")
    guide.click(window.identify.skip)
    guide.reach(State.MENU, "the menu without a card")
    guide.snap("menu-without-card")
    idle_countdown(guide)
    status = window.status
    guide.click(window.menu.progress)
    guide.reach(State.STATUS, "the progress screen")
    guide.snap("status")
    guide.type(status.number_field, number)
    guide.type(status.last4_field, DEMO_IDENTITY.id_number[-4:])
    guide.click(status.look_up)
    guide.settle(lambda: bool(status.cards), "looking up the application by its number")
    guide.snap("status-by-number")
    with _network_gone(guide):
        guide.click(status.look_up)
        guide.settle(lambda: bool(status.cards), "what the kiosk last knew")
        guide.snap("status-offline")
    guide.click(status.finish)
    guide.reach(State.ATTRACT, "finishing")


def idle_countdown(guide: TourGuide) -> None:
    """Time runs out (on the tour's clock): the countdown, then "I am still here"."""
    overlay = guide.window.idle_overlay
    # The window reads the countdown on a 250 ms tick: it must have seen this screen's full
    # time once, or the jump below looks like a screen that began with a few seconds.
    guide.pause(0.3)
    left = guide.session.seconds_left()
    if left is None:
        raise TourError("tour: this screen has no idle countdown")
    guide.clock.advance(left - IDLE_SECONDS_SHOWN)
    guide.settle(overlay.isVisible, "the idle countdown")  # the window's next tick shows it
    guide.snap("idle-countdown")
    guide.click(overlay.stay)
    guide.settle(lambda: not overlay.isVisible(), "answering the countdown")


@contextmanager
def _network_gone(guide: TourGuide) -> Iterator[None]:
    """The backend out of reach for the kiosk's look-ups, as in a village with no network."""
    client = guide.kiosk.sender_client
    online = client.base_url
    with socket.socket() as probe:  # a loopback port nobody listens on: refused at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client.base_url = f"http://127.0.0.1:{port}"
    try:
        yield
    finally:
        client.base_url = online
