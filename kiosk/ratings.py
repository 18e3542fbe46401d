"""Ratings (好差評): the indicator options each level asks for, and filing a rating once.

A rating goes through the outbox like an application (kiosk/desk.py): written to disk first,
then sent at once if the backend answers, and otherwise sent later by the forwarder. One
rating per transaction: the session never offers a rated one again, and the backend refuses a
second one (409), which the citizen is told kindly.

These calls block (network, disk) and run on a worker thread, never on the Qt thread.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from pathlib import Path
from typing import Any

from kiosk.api import BackendClient, BackendError, BackendRejected
from kiosk.forwarder import Forwarder
from kiosk.i18n import Language, pick
from kiosk.outbox import Outbox, OutboxKind, OutboxState, new_provisional_ref
from kiosk.session import Transaction, TransactionKind

log = logging.getLogger(__name__)

INDICATORS_PATH = "/v1/evaluations/indicators"
INDICATORS_FILE = "indicators.json"
# The contract's limits (server/openapi.json, EvaluationRequest).
COMMENT_MAX_LENGTH = 500
MAX_INDICATORS = 16
# How long indicators fetched from the backend are used before asking it again.
INDICATORS_MAX_AGE_S = 3600.0
# If the forwarder's thread is sending this very rating, how long to wait for that attempt.
SEND_NOW_WAIT_S = 30.0

_TRANSACTION_KINDS = {
    TransactionKind.APPLICATION: "application",
    TransactionKind.QUEUE_TICKET: "queue_ticket",
    TransactionKind.HOTLINE_REQUEST: "hotline_request",
}
# How the forwarder records the backend's "this transaction was rated already" (describe()).
_ALREADY_RATED_ERROR = f"{BackendRejected.__name__} 409 "


class Satisfaction(IntEnum):
    """The five levels, as the backend numbers them."""

    VERY_DISSATISFIED = 1
    DISSATISFIED = 2
    FAIR = 3
    SATISFIED = 4
    VERY_SATISFIED = 5


class IndicatorFormatError(ValueError):
    """The indicator catalog (from the backend or the disk) is not what the contract says."""


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Mapping[str, str]

    def label_in(self, language: Language) -> str:
        return pick(self.label, language) or self.code


@dataclass(frozen=True)
class LevelOptions:
    """What a level offers to tick; ``indicators_required``: at least one must be ticked."""

    level: Satisfaction
    indicators_required: bool
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class IndicatorCatalog:
    levels: Mapping[Satisfaction, LevelOptions]

    def options(self, level: Satisfaction) -> LevelOptions:
        """The level's options; none to tick for a level the backend did not list."""
        return self.levels.get(level, LevelOptions(level, False, ()))


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise IndicatorFormatError(f"{where}: expected texts by language")
    return {str(key): value for key, value in raw.items()}


def parse_indicators(raw: Any) -> IndicatorCatalog:
    """The ``IndicatorCatalog`` document of ``GET /v1/evaluations/indicators``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("levels"), list):
        raise IndicatorFormatError("expected an object with a list of levels")
    levels: dict[Satisfaction, LevelOptions] = {}
    for position, entry in enumerate(raw["levels"]):
        where = f"levels[{position}]"
        try:
            level = Satisfaction(entry["level"])
            required = entry["indicators_required"]
            listed = entry["indicators"]
            if not isinstance(required, bool) or not isinstance(listed, list):
                raise TypeError
            indicators = tuple(
                Indicator(str(item["code"]), _texts(item["label"], f"{where}.indicators"))
                for item in listed
            )
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, IndicatorFormatError):
                raise
            raise IndicatorFormatError(f"{where}: malformed level") from None
        levels[level] = LevelOptions(level, required, indicators)
    return IndicatorCatalog(levels)


class IndicatorStore:
    """The indicator catalog: from the backend, kept in memory for an hour and on disk for a
    kiosk that restarts while the network is away. The catalog is public: nothing personal."""

    def __init__(
        self,
        client: BackendClient,
        cache_path: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_age_s: float = INDICATORS_MAX_AGE_S,
    ) -> None:
        self._client = client
        self._cache_path = cache_path
        self._clock = clock
        self._max_age_s = max_age_s
        self._lock = threading.Lock()
        self._catalog: IndicatorCatalog | None = None
        self._fetched_at = 0.0

    def catalog(self) -> IndicatorCatalog:
        """Fresh from the backend when the kept one is old; otherwise, or when the backend
        cannot answer, the kept one. With nothing kept, the client's ``BackendError`` (or
        ``IndicatorFormatError``)."""
        with self._lock:
            if self._catalog is not None and self._clock() - self._fetched_at < self._max_age_s:
                return self._catalog
            try:
                document = self._client.get_json(INDICATORS_PATH)
                catalog = parse_indicators(document)
            except (BackendError, IndicatorFormatError) as error:
                kept = self._catalog or self._load()
                if kept is None:
                    raise
                log.info("rating indicators from the kept copy: %s", type(error).__name__)
                self._catalog = kept
                return kept
            self._catalog, self._fetched_at = catalog, self._clock()
            self._save(document)
            return catalog

    def _load(self) -> IndicatorCatalog | None:
        try:
            return parse_indicators(json.loads(self._cache_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:  # IndicatorFormatError is a ValueError
            log.warning("rating indicators cache unusable (%s); ignored", type(error).__name__)
            return None

    def _save(self, document: Any) -> None:
        data = json.dumps(document, ensure_ascii=False).encode("utf-8")
        try:
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{self._cache_path.name}.", dir=self._cache_path.parent
            )
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.replace(temporary, self._cache_path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:  # only a convenience for the next offline start
            log.warning("rating indicators could not be kept on disk: %s", error.strerror)


@dataclass(frozen=True, repr=False)
class Rater:
    """The card the citizen rated with; the backend keeps only a keyed hash of it."""

    document_kind: str
    id_number: str


def clean_comment(text: str) -> str:
    """One line of plain text within the contract's limit: control characters and lone
    surrogates (which the backend refuses) dropped, surrounding spaces trimmed."""
    kept = []
    for char in text:
        if char in "\n\r\t":
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    return "".join(kept).strip()[:COMMENT_MAX_LENGTH]


@dataclass(frozen=True, repr=False)
class Rating:
    """One citizen's rating of one transaction. Its idempotency key is fixed when it is made,
    so a second tap or a retry files nothing twice."""

    transaction: Transaction
    level: Satisfaction
    indicators: tuple[str, ...] = ()
    comment: str = ""
    rater: Rater | None = None
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "transaction_kind": _TRANSACTION_KINDS[self.transaction.kind],
            "transaction_ref": self.transaction.reference,
            "level": int(self.level),
            "indicators": list(dict.fromkeys(self.indicators))[:MAX_INDICATORS],
            "comment": clean_comment(self.comment),
        }
        if self.rater is not None:
            body["rater"] = {
                "document_kind": self.rater.document_kind,
                "id_number": self.rater.id_number,
            }
        return body

    def __repr__(self) -> str:  # the comment and the rater are the citizen's
        return (
            f"Rating({self.transaction.kind.value} {self.transaction.reference}, "
            f"level={int(self.level)}, key={self.idempotency_key})"
        )


class RatingOutcome(Enum):
    RECORDED = "recorded"  # the backend has it
    KEPT = "kept"  # kept on the kiosk; sent when the network is back
    ALREADY_RATED = "already-rated"  # the backend has a rating of this transaction already
    REFUSED = "refused"  # the backend refused it (e.g. it does not know the transaction)


class RatingDesk:
    """Files ratings through the outbox, and gives the indicator options for each level."""

    def __init__(
        self, outbox: Outbox, forwarder: Forwarder, indicators: IndicatorStore, *, kiosk_id: str
    ) -> None:
        self._outbox = outbox
        self._forwarder = forwarder
        self._indicators = indicators
        self._kiosk_id = kiosk_id

    def indicators(self) -> IndicatorCatalog:
        """See :meth:`IndicatorStore.catalog` (blocks on the network)."""
        return self._indicators.catalog()

    def submit(self, rating: Rating) -> RatingOutcome:
        """Keep the rating in the outbox (raises ``OutboxError``: nothing was kept), then try
        to send it at once."""
        item = self._outbox.put(
            OutboxKind.EVALUATION,
            idempotency_key=rating.idempotency_key,
            provisional_ref=new_provisional_ref(self._kiosk_id),
            payload=rating.body(),
        )
        item = self._forwarder.send_now(item.id, wait_s=SEND_NOW_WAIT_S)
        if item.state is OutboxState.SENT:
            outcome = RatingOutcome.RECORDED
        elif item.state is OutboxState.REJECTED:
            # The forwarder settles "already rated" for good, here and in the background.
            already = (item.last_error or "").startswith(_ALREADY_RATED_ERROR)
            outcome = RatingOutcome.ALREADY_RATED if already else RatingOutcome.REFUSED
        else:
            outcome = RatingOutcome.KEPT
        log.info(
            "rating of %s %s: %s",
            rating.transaction.kind.value,
            rating.transaction.reference,
            outcome.value,
        )
        return outcome
