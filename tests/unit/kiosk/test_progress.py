"""Progress look-ups against the real backend, and what the kiosk still knows when it is away."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from drivers.printers.file import FilePrinter
from drivers.printers.layout import Receipt, Text
from kiosk.api import BackendAnswerInvalid, BackendTimedOut, BackendUnreachable
from kiosk.i18n import Language
from kiosk.outbox import new_access_code
from kiosk.progress import (
    ApplicationNotFound,
    ApplicationState,
    InputProblem,
    QueryField,
    QueryInvalid,
    ReceiptLink,
    ScannedNumber,
    Source,
    read_scan,
    reference_query,
)
from kiosk.progress_memory import MEMORY_FILE, MEMORY_KEY_FILE, StatusMemory, reference_key
from kiosk.progress_model import parse_progress
from kiosk.session import PrintOutcome
from tests.integration.server.server_test_support import move, set_application_columns
from tests.progress_support import (
    NOTE,
    Citizen,
    Kit,
    Kits,
    garbage_backend,
    silent_backend,
)
from tests.support import RunningBackend


@pytest.fixture
def citizen() -> Citizen:
    return Citizen.new()


@pytest.fixture
def kits(tmp_path: Path) -> Iterator[Kits]:
    built = Kits(tmp_path)
    yield built
    built.close()


@pytest.fixture
def online(kits: Kits, backend: RunningBackend) -> Kit:
    return kits.make(backend.url, backend.kiosk_token)


# -- typed and scanned input ------------------------------------------------------------------


def test_typed_input_is_tidied_and_its_problems_named_per_field() -> None:
    query = reference_query(" os2026 1129000001 ", "002x")
    assert (query.reference, query.id_last4) == ("OS20261129000001", "002X")
    assert "002X" not in repr(query)
    with pytest.raises(QueryInvalid) as missing:
        reference_query("", " ")
    assert missing.value.problems == {
        QueryField.REFERENCE: InputProblem.MISSING,
        QueryField.ID_LAST4: InputProblem.MISSING,
    }
    with pytest.raises(QueryInvalid) as malformed:
        reference_query("OS2026/11", "12345")
    assert malformed.value.problems == {
        QueryField.REFERENCE: InputProblem.MALFORMED,
        QueryField.ID_LAST4: InputProblem.MALFORMED,
    }


def test_a_scan_is_a_receipt_link_a_bare_number_or_nothing() -> None:
    link = "https://hall.example.gov/v1/applications/P260301-7KQD-M4XH2CZA?code=ABCDEFGH23"
    assert read_scan(link) == ReceiptLink("P260301-7KQD-M4XH2CZA", "ABCDEFGH23")
    assert "ABCDEFGH23" not in repr(read_scan(link))
    assert read_scan("OS20261129000001\r") == ScannedNumber("OS20261129000001")
    assert read_scan("os20261129000001") == ScannedNumber("OS20261129000001")
    for other in (
        "https://hall.example.gov/v1/applications/OS20261129000001?code=short",
        "https://hall.example.gov/v1/applications/OS20261129000001",
        "https://hall.example.gov/v1/hotline/H20261129000001?code=ABCDEFGH23",
        "http://example.com/anything",
        "短",
    ):
        assert read_scan(other) is None, other


def test_garbage_in_an_answer_is_an_invalid_answer() -> None:
    garbage: Any
    for garbage in (None, [], {"number": "x"}, {"timeline": "no"}, "<html>"):
        with pytest.raises(BackendAnswerInvalid):
            parse_progress(garbage)


# -- online ------------------------------------------------------------------------------------


def test_by_number_and_last_four_the_whole_timeline_with_notes(
    online: Kit, backend: RunningBackend, citizen: Citizen
) -> None:
    receipt = citizen.file_reviewed(backend)
    report = online.desk.by_reference(reference_query(receipt["number"], citizen.last4.lower()))
    assert report.unavailable is None
    [known] = report.applications
    assert known.source is Source.LIVE
    application = known.application
    assert application.number == receipt["number"]
    assert application.status is ApplicationState.IN_REVIEW
    assert [step.status for step in application.timeline] == [
        ApplicationState.SUBMITTED,
        ApplicationState.ACCEPTED,
        ApplicationState.IN_REVIEW,
    ]
    assert application.timeline[1].note == NOTE
    assert application.promised_by == date.fromisoformat(receipt["promised_by"])
    assert not application.overdue
    assert report.services["BR-001"].name_in(Language.ZH_HANT)  # named from the catalog


def test_a_wrong_last_four_and_an_unknown_number_are_the_same_not_found(
    online: Kit, backend: RunningBackend, citizen: Citizen
) -> None:
    receipt = citizen.file(backend)
    with pytest.raises(ApplicationNotFound) as wrong_last4:
        online.desk.by_reference(reference_query(receipt["number"], citizen.wrong_last4))
    with pytest.raises(ApplicationNotFound) as unknown:
        online.desk.by_reference(reference_query("OS19990101999999", citizen.last4))
    assert str(wrong_last4.value) == str(unknown.value) == ""


def test_by_the_receipt_qr_link(online: Kit, backend: RunningBackend, citizen: Citizen) -> None:
    receipt = citizen.file_reviewed(backend)
    link = read_scan(receipt["status_url"])
    assert isinstance(link, ReceiptLink)
    [known] = online.desk.by_receipt_link(link).applications
    assert known.application.number == receipt["number"]
    assert known.application.status is ApplicationState.IN_REVIEW
    with pytest.raises(ApplicationNotFound):
        online.desk.by_receipt_link(ReceiptLink(link.reference, new_access_code()))


def test_by_card_the_holders_own_applications_newest_first(
    online: Kit, backend: RunningBackend, citizen: Citizen
) -> None:
    first = citizen.file(backend)
    second = citizen.file(backend)
    Citizen.new().file(backend)  # someone else's
    report = online.desk.by_identity(citizen.identity)
    assert [k.application.number for k in report.applications] == [
        second["number"],
        first["number"],
    ]
    assert {k.source for k in report.applications} == {Source.LIVE}
    assert online.desk.by_identity(Citizen.new().identity).applications == ()


def test_late_is_overdue(online: Kit, backend: RunningBackend, citizen: Citizen) -> None:
    receipt = citizen.file(backend)
    set_application_columns(backend, receipt["number"], promised_by=date(2020, 1, 2))
    query = reference_query(receipt["number"], citizen.last4)
    [known] = online.desk.by_reference(query).applications
    assert known.application.overdue
    assert known.application.promised_by == date(2020, 1, 2)


# -- offline -----------------------------------------------------------------------------------


def test_offline_the_last_status_looked_up_here_with_its_time_even_after_a_restart(
    online: Kit, kits: Kits, backend: RunningBackend, citizen: Citizen
) -> None:
    receipt = citizen.file_reviewed(backend)
    query = reference_query(receipt["number"], citizen.last4)
    before = datetime.now(UTC)
    online.desk.by_reference(query)
    link = read_scan(receipt["status_url"])
    assert isinstance(link, ReceiptLink)
    online.desk.by_receipt_link(link)
    online.desk.by_identity(citizen.identity)
    # The hall moves on meanwhile; the kiosk cannot know.
    assert move(backend, receipt["number"], "approved").status_code == 200

    away = kits.offline().desk  # a new memory object: what it knows comes from the disk
    for report in (
        away.by_reference(query),
        away.by_receipt_link(link),
        away.by_identity(citizen.identity),
    ):
        assert isinstance(report.unavailable, BackendUnreachable)
        [known] = report.applications
        assert known.source is Source.REMEMBERED
        assert before - timedelta(seconds=1) <= known.known_at <= datetime.now(UTC)
        assert known.application.status is ApplicationState.IN_REVIEW
        assert known.application.timeline[1].note == NOTE
        assert "BR-001" in report.services  # named from the catalog's disk cache

    nothing = away.by_reference(reference_query(receipt["number"], citizen.wrong_last4))
    assert nothing.applications == () and nothing.unavailable is not None


def test_the_memory_holds_no_numbers_names_or_notes_in_clear(
    online: Kit, backend: RunningBackend, citizen: Citizen, tmp_path: Path
) -> None:
    receipt = citizen.file_reviewed(backend)
    online.desk.by_identity(citizen.identity)
    online.desk.by_reference(reference_query(receipt["number"], citizen.last4))
    stored = (tmp_path / MEMORY_FILE).read_bytes()
    for secret in (citizen.id_number, receipt["number"], NOTE, "BR-001", "in_review"):
        assert secret.encode() not in stored, secret
    for name in (MEMORY_FILE, MEMORY_KEY_FILE):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_offline_an_application_still_in_the_outbox_is_waiting_to_be_sent(
    kits: Kits, citizen: Citizen
) -> None:
    away = kits.offline()
    item, code = citizen.put_waiting(away.outbox)
    filed_at = datetime.fromtimestamp(item.created_at, UTC)
    for report in (
        away.desk.by_reference(reference_query(item.provisional_ref, citizen.last4)),
        away.desk.by_receipt_link(ReceiptLink(item.provisional_ref, code)),
        away.desk.by_identity(citizen.identity),
    ):
        assert isinstance(report.unavailable, BackendUnreachable)
        [known] = report.applications
        assert known.source is Source.WAITING
        assert known.known_at == filed_at
        assert known.application.number == item.provisional_ref
        assert known.application.service_code == "BR-001"
    # Only for whoever proves what the backend would ask for.
    query = reference_query(item.provisional_ref, citizen.wrong_last4)
    assert away.desk.by_reference(query).applications == ()
    other_code = ReceiptLink(item.provisional_ref, new_access_code())
    assert away.desk.by_receipt_link(other_code).applications == ()
    assert away.desk.by_identity(Citizen.new().identity).applications == ()


def test_online_an_application_not_sent_yet_is_waiting_not_missing(
    online: Kit, citizen: Citizen
) -> None:
    item, _code = citizen.put_waiting(online.outbox)
    report = online.desk.by_reference(reference_query(item.provisional_ref, citizen.last4))
    assert report.unavailable is None
    assert [k.source for k in report.applications] == [Source.WAITING]
    by_card = online.desk.by_identity(citizen.identity)
    assert [k.source for k in by_card.applications] == [Source.WAITING]


def test_a_slow_backend_times_out_into_what_is_known(kits: Kits, citizen: Citizen) -> None:
    with silent_backend() as url:
        slow = kits.make(url, read_timeout_s=0.3)
        item, _code = citizen.put_waiting(slow.outbox)
        report = slow.desk.by_reference(reference_query(item.provisional_ref, citizen.last4))
    assert isinstance(report.unavailable, BackendTimedOut)
    assert [k.source for k in report.applications] == [Source.WAITING]


def test_a_backend_answering_garbage_is_not_believed(
    online: Kit, kits: Kits, backend: RunningBackend, citizen: Citizen
) -> None:
    receipt = citizen.file(backend)
    query = reference_query(receipt["number"], citizen.last4)
    online.desk.by_reference(query)
    with garbage_backend() as url:
        report = kits.make(url).desk.by_reference(query)
    assert isinstance(report.unavailable, BackendAnswerInvalid)
    assert [k.source for k in report.applications] == [Source.REMEMBERED]


def test_a_remembered_status_becomes_overdue_when_its_date_passes(
    online: Kit, kits: Kits, backend: RunningBackend, citizen: Citizen
) -> None:
    receipt = citizen.file(backend)
    query = reference_query(receipt["number"], citizen.last4)
    online.desk.by_reference(query)
    [today] = kits.offline().desk.by_reference(query).applications
    assert not today.application.overdue
    promised = date.fromisoformat(receipt["promised_by"])
    later = kits.offline(today=lambda: promised + timedelta(days=1))
    [after] = later.desk.by_reference(query).applications
    assert after.application.overdue


# -- the memory itself -------------------------------------------------------------------------


def test_the_memory_stays_small_forgets_old_entries_and_survives_damage(tmp_path: Path) -> None:
    now = [1_000_000.0]
    memory = StatusMemory(tmp_path, max_entries=3, max_age_days=1, clock=lambda: now[0])
    keys = [reference_key(f"OS2026000000{n}", "1234") for n in range(5)]
    for n, key in enumerate(keys):
        now[0] += 1
        memory.keep([key], [{"n": n}])
    assert len(memory) == 3
    assert memory.recall(keys[0]) is None and memory.recall(keys[1]) is None
    recalled = memory.recall(keys[4])
    assert recalled is not None and recalled.documents == ({"n": 4},)
    assert memory.recall(reference_key("OS20260000004", "9999")) is None
    now[0] += 2 * 86400
    assert memory.recall(keys[4]) is None

    (tmp_path / MEMORY_FILE).write_text("{not json")
    damaged = StatusMemory(tmp_path)
    assert damaged.recall(keys[4]) is None
    damaged.keep([keys[0]], [{"n": 0}])
    assert StatusMemory(tmp_path).recall(keys[0]) is not None


# -- printing ----------------------------------------------------------------------------------


def test_a_status_printout_is_printed_or_its_failure_said(kits: Kits, tmp_path: Path) -> None:
    receipt = Receipt(reference="OS20260000001", elements=(Text("進度"),))
    assert kits.offline().desk.print_status(receipt) is PrintOutcome.PRINTED
    assert list((tmp_path / "receipts").glob("*.bin"))
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the printer's directory should be")
    jammed = kits.offline(printer=FilePrinter(blocked / "receipts"))
    assert jammed.desk.print_status(receipt) is PrintOutcome.PRINTER_UNAVAILABLE
