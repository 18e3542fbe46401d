"""The citizen journeys bench/ui.py walks on the real kiosk window, tap by tap.

Each journey starts on the attract screen and ends there (bench/ui_walker.py puts the kiosk
back: reset if needed, card taken, workers idle). Only the widgets a citizen taps are used (a
page counts as shown when the button to tap next is visible), so a screen that is not built
yet, or has changed, makes its journey skip with a note instead of stopping the bench.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QLineEdit, QWidget

from bench.ui_probe import tap, wait_until
from bench.ui_walker import (
    NOT_WALKABLE,
    STEP_TIMEOUT_S,
    SUBMIT_TIMEOUT_S,
    JourneyUnavailable,
    Walker,
)
from drivers.cards.simulated import DEMO_IDENTITY
from kiosk.catalog import FieldKind, Service
from kiosk.session import State
from ui.tour import sample_value, showcase_service

# What the bench's citizen types (made up; the demo card's holder is made up too).
HOTLINE_DESCRIPTION = "村口的路燈壞了三天，晚上很暗，請派人修理。"
HOTLINE_PHONE = "13800138000"
HOTLINE_NAME = "王小明"


class JourneyKind(Enum):
    APPLY = "apply"
    PROGRESS = "progress"
    QUEUE = "queue"
    HOTLINE = "hotline"


def _arrive_with_card(walker: Walker) -> None:
    walker.step(walker.window.attract.demo_card, State.MENU)


def _arrive_without_card(walker: Walker) -> None:
    window = walker.window
    walker.step(window.attract.start, State.IDENTIFY)
    walker.step(window.identify.skip, State.MENU)


def _rate(walker: Walker) -> None:
    """Rate on the rating screen, a good and a bad rating in turn (a bad one names a reason),
    then "finish"."""
    from kiosk.ratings import Satisfaction

    screen = walker.window.evaluate
    level = (Satisfaction.VERY_SATISFIED, Satisfaction.DISSATISFIED)[walker.ratings % 2]
    tap(screen.level_buttons[level])
    wait_until(screen.send.isVisible, "the rating's details", STEP_TIMEOUT_S)
    if level <= Satisfaction.DISSATISFIED:
        wait_until(lambda: bool(screen.indicator_buttons), "the rating's reasons", 10.0)
        tap(walker.into_view(screen.indicator_area, next(iter(screen.indicator_buttons.values()))))
    tap(screen.send)
    wait_until(screen.finish.isVisible, "the rating sent", SUBMIT_TIMEOUT_S)
    walker.step(screen.finish, State.ATTRACT)
    walker.ratings += 1


def _rate_or_leave(walker: Walker, leave: QWidget) -> None:
    """Tap ``leave`` (a transaction's "finish") to the rating screen and rate there. Should the
    rating not work on its first walk, it is noted and walked around from then on."""
    walker.step(leave, State.EVALUATE)
    if walker.rating_skipped:
        walker.window.reset()
        return
    try:
        _rate(walker)
    except NOT_WALKABLE as problem:
        if walker.recording or walker.ratings:
            raise
        walker.rating_skipped = f"{type(problem).__name__}: {problem}"
        walker.window.reset()


def _walk_to_form(walker: Walker) -> Service:
    """Demo card → menu → catalog → the form showing the most kinds of field."""
    window = walker.window
    _arrive_with_card(walker)
    walker.step(window.menu.apply, State.CATALOG)
    wait_until(lambda: bool(window.catalog.service_buttons), "the catalog", SUBMIT_TIMEOUT_S)
    service = showcase_service(walker.kiosk.catalog.services())
    button = window.catalog.service_buttons[service.code]
    walker.step(walker.into_view(window.catalog.list_area, button), State.FORM)
    return service


def walk_to_text_field(walker: Walker) -> QLineEdit:
    """To the form, and its first text field scrolled into view (not tapped yet)."""
    service = _walk_to_form(walker)
    for field in service.fields:
        edit = walker.window.form.editors[field.name].line_edit
        if field.kind is FieldKind.TEXT and edit is not None:
            walker.window.form.scroll_area.ensureWidgetVisible(edit)
            return edit
    raise JourneyUnavailable(f"the form of {service.code} has no text field")


def walk_apply(walker: Walker) -> None:
    """Demo card → menu → catalog → the broadest form, filled in → review → submit → receipt
    (printed) → rating → attract."""
    window = walker.window
    service = _walk_to_form(walker)
    for field in service.fields:
        editor = window.form.editors[field.name]
        value = sample_value(field)
        if editor.line_edit is not None:
            walker.fill(
                editor.line_edit,
                value,
                area=window.form.scroll_area,
                time_keyboard=field.kind is FieldKind.TEXT,
            )
        elif value:
            tap(walker.into_view(window.form.scroll_area, editor.choice_buttons[value]))
    walker.step(window.form.next, State.REVIEW)
    walker.step(window.review.submit, State.SUBMITTING)
    walker.wait_for(State.RECEIPT, "the receipt", SUBMIT_TIMEOUT_S)
    record = walker.session.record
    walker.last_application = record.number if record else ""
    _rate_or_leave(walker, window.receipt.finish)


def walk_progress(walker: Walker) -> None:
    """Without a card: the last application's number and the ID's last four typed → its
    timeline → printed → finish."""
    if not walker.last_application:
        raise JourneyUnavailable("progress: no application filed to look up")
    window = walker.window
    screen = window.status
    _arrive_without_card(walker)
    walker.step(window.menu.progress, State.STATUS)
    walker.fill(screen.number_field, walker.last_application)
    walker.fill(screen.last4_field, DEMO_IDENTITY.id_number[-4:])
    tap(screen.look_up)
    wait_until(lambda: bool(screen.cards), "the application's progress", SUBMIT_TIMEOUT_S)
    print_button = screen.cards[0].print_button
    if not print_button.isHidden():
        tap(walker.into_view(screen.results_area, print_button))
        wait_until(lambda: not walker.tasks.busy, "the progress printout", SUBMIT_TIMEOUT_S)
    walker.step(screen.finish, State.ATTRACT)


def walk_queue(walker: Walker) -> None:
    """Without a card: a counter category → the ticket (printed) → rating → attract."""
    window = walker.window
    screen = window.queue
    _arrive_without_card(walker)
    walker.step(window.menu.ticket, State.QUEUE)
    wait_until(lambda: bool(screen.category_buttons), "the counter categories", SUBMIT_TIMEOUT_S)
    tap(walker.into_view(screen.list_area, next(iter(screen.category_buttons.values()))))
    tap(screen.take)
    wait_until(screen.done.isVisible, "the queue ticket", SUBMIT_TIMEOUT_S)
    _rate_or_leave(walker, screen.done)


def walk_hotline(walker: Walker) -> None:
    """Without a card: a consultation with a description and a phone number → filed (ticket
    printed) → rating → attract."""
    window = walker.window
    screen = window.hotline
    _arrive_without_card(walker)
    walker.step(window.menu.hotline, State.HOTLINE)
    wait_until(lambda: bool(screen.category_buttons), "the hotline categories", SUBMIT_TIMEOUT_S)
    buttons = screen.category_buttons
    button = buttons.get("consultation") or next(iter(buttons.values()))
    tap(walker.into_view(screen.category_area, button))
    wait_until(screen.send.isVisible, "the request's details", STEP_TIMEOUT_S)
    details = screen.details
    walker.fill(details.description, HOTLINE_DESCRIPTION, area=details.area, time_keyboard=True)
    walker.fill(details.phone, HOTLINE_PHONE, area=details.area)
    walker.fill(details.name, HOTLINE_NAME, area=details.area)
    tap(screen.send)
    wait_until(screen.done.isVisible, "the request filed", SUBMIT_TIMEOUT_S)
    _rate_or_leave(walker, screen.done)


JOURNEYS: dict[JourneyKind, Callable[[Walker], None]] = {
    JourneyKind.APPLY: walk_apply,
    JourneyKind.PROGRESS: walk_progress,
    JourneyKind.QUEUE: walk_queue,
    JourneyKind.HOTLINE: walk_hotline,
}
