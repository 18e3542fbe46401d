"""The citizen's session: one state machine, its transition table, and the data it holds.

Navigation is a table in plain Python (tested without a GUI); the Qt screens attach from
outside by subscribing to state changes and forwarding the citizen's actions. Returning to
``State.ATTRACT`` wipes everything personal the session held.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from drivers.cards.identity import Identity
from kiosk.api import ApplicationDraft, ApplicationRecord
from kiosk.catalog import FieldProblem, Service
from kiosk.i18n import Language
from kiosk.logs import PersonalDataRedactor
from kiosk.outbox import new_access_code, new_provisional_ref

if TYPE_CHECKING:
    from kiosk.config import SessionSection

log = logging.getLogger(__name__)


class State(Enum):
    ATTRACT = "attract"
    IDENTIFY = "identify"
    MENU = "menu"
    CATALOG = "catalog"
    FORM = "form"
    REVIEW = "review"
    SUBMITTING = "submitting"
    RECEIPT = "receipt"
    STATUS = "status"
    QUEUE = "queue"
    HOTLINE = "hotline"
    EVALUATE = "evaluate"
    ADMIN = "admin"
    OUT_OF_SERVICE = "out-of-service"


class Event(Enum):
    TOUCH = "touch"
    CARD_ACCEPTED = "card-accepted"
    APPLY = "apply"
    SERVICE_CHOSEN = "service-chosen"
    FORM_COMPLETED = "form-completed"
    EDIT = "edit"
    SUBMIT = "submit"
    SUBMITTED = "submitted"
    SUBMIT_FAILED = "submit-failed"
    BACK = "back"
    FINISH = "finish"
    TIMEOUT = "timeout"
    CARD_REMOVED = "card-removed"
    SKIP_CARD = "skip-card"  # on without a card: progress by number, queue, hotline
    NEED_CARD = "need-card"  # applying needs the card the citizen skipped
    CHECK_PROGRESS = "check-progress"
    TAKE_TICKET = "take-ticket"
    FILE_HOTLINE = "file-hotline"
    RATE = "rate"  # a transaction completed: offer its rating
    STAFF = "staff"  # the hidden staff entry was used
    LEAVE = "leave"  # staff leave the admin screens
    SUSPEND = "suspend"  # out of service (staff, or a command from the fleet)
    RESUME = "resume"
    RESET = "reset"  # staff or the fleet reset the kiosk: wipe, back to the start


S, E = State, Event
_NAVIGATION: dict[tuple[State, Event], State] = {
    (S.ATTRACT, E.TOUCH): S.IDENTIFY,
    (S.ATTRACT, E.CARD_ACCEPTED): S.MENU,
    (S.IDENTIFY, E.CARD_ACCEPTED): S.MENU,
    (S.IDENTIFY, E.BACK): S.ATTRACT,
    (S.IDENTIFY, E.SKIP_CARD): S.MENU,
    (S.MENU, E.APPLY): S.CATALOG,
    (S.MENU, E.NEED_CARD): S.IDENTIFY,
    (S.MENU, E.CARD_ACCEPTED): S.MENU,  # a citizen who skipped the card inserts it after all
    (S.MENU, E.CHECK_PROGRESS): S.STATUS,
    (S.MENU, E.TAKE_TICKET): S.QUEUE,
    (S.MENU, E.FILE_HOTLINE): S.HOTLINE,
    (S.MENU, E.FINISH): S.ATTRACT,
    (S.STATUS, E.CARD_ACCEPTED): S.STATUS,  # look up by the card inserted here
    (S.STATUS, E.BACK): S.MENU,
    (S.STATUS, E.FINISH): S.ATTRACT,
    (S.QUEUE, E.BACK): S.MENU,
    (S.QUEUE, E.FINISH): S.ATTRACT,
    (S.QUEUE, E.RATE): S.EVALUATE,
    (S.HOTLINE, E.BACK): S.MENU,
    (S.HOTLINE, E.FINISH): S.ATTRACT,
    (S.HOTLINE, E.RATE): S.EVALUATE,
    (S.EVALUATE, E.BACK): S.MENU,
    (S.EVALUATE, E.FINISH): S.ATTRACT,
    (S.CATALOG, E.SERVICE_CHOSEN): S.FORM,
    (S.CATALOG, E.BACK): S.MENU,
    (S.FORM, E.FORM_COMPLETED): S.REVIEW,
    (S.FORM, E.BACK): S.CATALOG,
    (S.REVIEW, E.EDIT): S.FORM,
    (S.REVIEW, E.SUBMIT): S.SUBMITTING,
    (S.SUBMITTING, E.SUBMITTED): S.RECEIPT,
    (S.SUBMITTING, E.SUBMIT_FAILED): S.REVIEW,
    (S.RECEIPT, E.FINISH): S.ATTRACT,
    (S.RECEIPT, E.APPLY): S.CATALOG,
    (S.RECEIPT, E.RATE): S.EVALUATE,
    (S.ATTRACT, E.STAFF): S.ADMIN,
    (S.OUT_OF_SERVICE, E.STAFF): S.ADMIN,
    (S.ADMIN, E.LEAVE): S.ATTRACT,
    (S.ADMIN, E.SUSPEND): S.OUT_OF_SERVICE,
    (S.ATTRACT, E.SUSPEND): S.OUT_OF_SERVICE,
    (S.OUT_OF_SERVICE, E.RESUME): S.ATTRACT,
}
# Every state a citizen can walk away from times out to attract; submitting is bounded by the
# client's own timeouts instead, so an answer is never thrown away half-received.
NO_IDLE_TIMEOUT = frozenset({S.ATTRACT, S.SUBMITTING, S.OUT_OF_SERVICE})
# Taking the card ends a session the card opened; during submitting and on the receipt
# screen taking it is expected (the citizen leaves with card and receipt).
CARD_SESSION = frozenset({S.MENU, S.CATALOG, S.FORM, S.REVIEW, S.STATUS})
# A reset (staff, or a command from the fleet) ends whatever is going on, except out of
# service: that ends only by RESUME. Submitting is left alone so an answer is never lost.
NO_RESET = frozenset({S.SUBMITTING, S.OUT_OF_SERVICE})
TRANSITIONS: Mapping[tuple[State, Event], State] = {
    **_NAVIGATION,
    **{(state, E.CARD_REMOVED): S.ATTRACT for state in CARD_SESSION},
    **{(state, E.TIMEOUT): S.ATTRACT for state in State if state not in NO_IDLE_TIMEOUT},
    **{(state, E.RESET): S.ATTRACT for state in State if state not in NO_RESET},
}


class InvalidTransition(Exception):
    def __init__(self, state: State, event: Event) -> None:
        super().__init__(f"no transition from {state.value} on {event.value}")
        self.state = state
        self.event = event


class CardRefusal(Enum):
    EXPIRED = "expired"
    UNREADABLE = "unreadable"  # pulled mid-read, unknown kind of card, damaged data


class SubmitFailure(Enum):
    """Why the last submission did not go through; the UI words it for the citizen."""

    # The outbox could not keep it (disk full or failing): nothing was sent or kept.
    NOT_KEPT = "not-kept"
    # The backend refused it (the form, as the backend checks it).
    REJECTED = "rejected"


class TransactionKind(Enum):
    APPLICATION = "application"
    QUEUE_TICKET = "queue-ticket"
    HOTLINE_REQUEST = "hotline-request"


@dataclass(frozen=True)
class Transaction:
    """A completed transaction the citizen may rate (once): its kind and its number."""

    kind: TransactionKind
    reference: str


class PrintOutcome(Enum):
    PRINTED = "printed"
    PRINTER_UNAVAILABLE = "printer-unavailable"
    PRINT_FAILED = "print-failed"


@dataclass(frozen=True)
class Timeouts:
    """How long each screen waits for the citizen: ``idle_s`` unless the screen has its own
    (``receipt_s``, and ``per_state``: e.g. longer on the form, where typing takes time)."""

    idle_s: float
    receipt_s: float
    per_state: Mapping[State, float] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: SessionSection) -> Timeouts:
        return cls(
            idle_s=settings.idle_timeout_s,
            receipt_s=settings.receipt_timeout_s,
            per_state={
                State.FORM: settings.form_timeout_s,
                State.HOTLINE: settings.hotline_timeout_s,
                State.EVALUATE: settings.evaluate_timeout_s,
            },
        )

    def for_state(self, state: State) -> float | None:
        if state in NO_IDLE_TIMEOUT:
            return None
        if state is State.RECEIPT:
            return self.receipt_s
        return self.per_state.get(state, self.idle_s)


StateListener = Callable[[State, State], None]


class Session:
    """What the citizen in front of the kiosk has done so far.

    Listeners get ``(old_state, new_state)`` after every transition, on the caller's thread
    (the UI thread: device events reach the session through the Qt bridge). ``old == new``
    means the state stayed but what it shows changed (a refused card).
    """

    def __init__(
        self,
        *,
        kiosk_id: str,
        timeouts: Timeouts,
        redactor: PersonalDataRedactor,
        language: Language = Language.ZH_HANT,
        care_timeout_factor: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.kiosk_id = kiosk_id
        self.default_language = language
        self._timeouts = timeouts
        self._care_timeout_factor = care_timeout_factor
        self._redactor = redactor
        self._clock = clock
        self._today = today
        self._listeners: list[StateListener] = []
        self.state = State.ATTRACT
        self._deadline: float | None = None
        # What the out-of-service screen says (staff's or the fleet's words; never personal).
        self.out_of_service_message = ""
        self._wipe()

    def _wipe(self) -> None:
        self.language = self.default_language
        # Care mode (for the elderly): bigger, fewer choices, slower timeouts; per citizen.
        self.care_mode = False
        self.identity: Identity | None = None
        self.card_refusal: CardRefusal | None = None
        self.service: Service | None = None
        self.form_values: dict[str, str] = {}
        self.form_problems: dict[str, FieldProblem] = {}
        self.draft: ApplicationDraft | None = None
        self.record: ApplicationRecord | None = None
        self.submit_failure: SubmitFailure | None = None
        self.submit_failure_detail = ""
        self.print_outcome: PrintOutcome | None = None
        # The last completed transaction, and those already rated (one rating each).
        self.transaction: Transaction | None = None
        self.rated: set[Transaction] = set()
        self._redactor.forget()

    def subscribe(self, listener: StateListener) -> None:
        self._listeners.append(listener)

    def fire(self, event: Event) -> State:
        old = self.state
        new = TRANSITIONS.get((old, event))
        if new is None:
            raise InvalidTransition(old, event)
        if new is State.ATTRACT:
            self._wipe()
        self.state = new
        self.touch()
        log.info("session %s -> %s (%s)", old.value, new.value, event.value)
        self._notify(old, new)
        return new

    def _notify(self, old: State, new: State) -> None:
        for listener in list(self._listeners):
            listener(old, new)

    def can(self, event: Event) -> bool:
        return (self.state, event) in TRANSITIONS

    # -- idle timeout ------------------------------------------------------------------------

    def touch(self) -> None:
        """The citizen did something: restart the idle countdown."""
        limit = self._timeouts.for_state(self.state)
        if limit is not None and self.care_mode:
            limit *= self._care_timeout_factor
        self._deadline = None if limit is None else self._clock() + limit

    def seconds_left(self) -> float | None:
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - self._clock())

    def tick(self) -> bool:
        """Time out when the countdown ran out; True if it did."""
        left = self.seconds_left()
        if left is None or left > 0:
            return False
        self.fire(Event.TIMEOUT)
        return True

    # -- the citizen's actions ---------------------------------------------------------------

    def set_language(self, language: Language) -> None:
        self.language = language
        self.touch()

    def suspend(self, message: str) -> bool:
        """Out of service with ``message``; only from the start or the staff screens (a
        citizen mid-session finishes first: the caller tries again once back at the start)."""
        if not self.can(Event.SUSPEND):
            return False
        self.out_of_service_message = message
        self.fire(Event.SUSPEND)
        return True

    def resume(self) -> bool:
        if not self.can(Event.RESUME):
            return False
        self.out_of_service_message = ""
        self.fire(Event.RESUME)
        return True

    def set_care_mode(self, on: bool) -> None:
        self.care_mode = on
        self.touch()

    def accept_card(self, identity: Identity) -> bool:
        """A card was read. Moves on unless the document is expired or no card is expected."""
        if not self.can(Event.CARD_ACCEPTED):
            return False
        if identity.is_expired(self._today()):
            self.card_refusal = CardRefusal.EXPIRED
            if self.state is State.ATTRACT:
                self.fire(Event.TOUCH)  # show the identify screen, which explains the refusal
            else:
                self.touch()
                self._notify(self.state, self.state)
            return False
        self.card_refusal = None
        self.identity = identity
        self._redactor.protect(name=identity.name, id_number=identity.id_number)
        self.fire(Event.CARD_ACCEPTED)
        return True

    def card_unreadable(self) -> None:
        """A card was inserted but could not be read: explain on the identify screen."""
        if not self.can(Event.CARD_ACCEPTED):
            return
        self.card_refusal = CardRefusal.UNREADABLE
        if self.state is State.ATTRACT:
            self.fire(Event.TOUCH)
        else:
            self.touch()
            self._notify(self.state, self.state)

    def choose_service(self, service: Service) -> None:
        if self.service is None or self.service.code != service.code:
            self.form_values = {}
            self.draft = None
        self.service = service
        self.form_problems = {}
        self.fire(Event.SERVICE_CHOSEN)

    def complete_form(self, values: Mapping[str, str]) -> bool:
        """Keep the values; move to review when every field is acceptable."""
        if self.service is None:
            raise InvalidTransition(self.state, Event.FORM_COMPLETED)
        cleaned = {name: value.strip() for name, value in values.items()}
        if cleaned != self.form_values:
            self.draft = None  # a changed form is a different application: new idempotency key
        self.form_values = cleaned
        self.form_problems = self.service.problems(cleaned)
        if self.form_problems:
            self.touch()
            return False
        self.fire(Event.FORM_COMPLETED)
        return True

    def begin_submit(self) -> ApplicationDraft:
        """Freeze the draft (and its idempotency key: a retry repeats it) and go to submitting."""
        if self.service is None or self.identity is None:
            raise InvalidTransition(self.state, Event.SUBMIT)
        if self.draft is None:
            self.draft = new_draft(
                self.kiosk_id,
                service_code=self.service.code,
                language=self.language,
                applicant_name=self.identity.name,
                applicant_id_number=self.identity.id_number,
                document_kind=self.identity.kind.value,
                form=dict(self.form_values),
            )
        self.submit_failure = None
        self.fire(Event.SUBMIT)
        return self.draft

    def submission_succeeded(self, record: ApplicationRecord, printed: PrintOutcome) -> None:
        self.record = record
        self.print_outcome = printed
        self.transaction = Transaction(TransactionKind.APPLICATION, record.number)
        # Filed: another application, even for the same service, is a new one with a new key.
        self.draft = None
        self.form_values = {}
        self.fire(Event.SUBMITTED)

    def transaction_completed(self, transaction: Transaction) -> None:
        """A transaction finished (filed, ticket taken, request filed): it may be rated."""
        self.transaction = transaction
        self.touch()

    def offer_rating(self) -> bool:
        """Go to the rating screen for the last transaction unless it was rated already."""
        transaction = self.transaction
        if transaction is None or transaction in self.rated or not self.can(Event.RATE):
            return False
        self.fire(Event.RATE)
        return True

    def rating_given(self) -> None:
        """The last transaction was rated (or the citizen declined): never offered again."""
        if self.transaction is not None:
            self.rated.add(self.transaction)

    def card_removed(self) -> bool:
        """The card left the reader: mid-session that ends the session (True), so the next
        person cannot act under the first one's identity. A session without a card is not
        ended by someone taking a card left in the reader before it began."""
        if self.identity is None or not self.can(Event.CARD_REMOVED):
            return False
        self.fire(Event.CARD_REMOVED)
        return True

    def submission_failed(self, failure: SubmitFailure, detail: str = "") -> None:
        self.submit_failure = failure
        self.submit_failure_detail = detail
        if failure is SubmitFailure.REJECTED:
            # That filing is settled (refused); trying again is a new one with a new key.
            self.draft = None
        self.fire(Event.SUBMIT_FAILED)


def new_draft(
    kiosk_id: str,
    *,
    service_code: str,
    language: Language,
    applicant_name: str,
    applicant_id_number: str,
    document_kind: str,
    form: Mapping[str, str],
) -> ApplicationDraft:
    """A draft with everything a retry must repeat fixed now: its idempotency key, its
    provisional reference and the access code its receipt link carries."""
    return ApplicationDraft(
        service_code=service_code,
        language=language,
        applicant_name=applicant_name,
        applicant_id_number=applicant_id_number,
        document_kind=document_kind,
        form=form,
        provisional_ref=new_provisional_ref(kiosk_id),
        access_code=new_access_code(),
    )
