from __future__ import annotations

import io
import logging

import pytest

from kiosk.logs import PersonalDataRedactor, configure_logging


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> tuple[io.StringIO, PersonalDataRedactor]:
    monkeypatch.delenv("JOURNAL_STREAM", raising=False)
    stream = io.StringIO()
    redactor = PersonalDataRedactor()
    handler = configure_logging(redactor, "debug", stream)
    yield stream, redactor
    logging.getLogger().removeHandler(handler)


def test_id_numbers_are_masked_by_shape(captured: tuple[io.StringIO, PersonalDataRedactor]) -> None:
    stream, _ = captured
    logging.getLogger("t").info("read %s and A123456789", "44010619900101123X")
    text = stream.getvalue()
    assert "44010619900101123X" not in text and "4401**********123X" in text
    assert "A123456789" not in text and "A1******89" in text


def test_session_names_are_masked_once_protected(
    captured: tuple[io.StringIO, PersonalDataRedactor],
) -> None:
    stream, redactor = captured
    redactor.protect(name="王小明", id_number="X1234567")
    logging.getLogger("t").warning("applicant 王小明 id X1234567")
    text = stream.getvalue()
    assert "王小明" not in text and "王**" in text
    assert "X1234567" not in text


def test_tracebacks_are_masked_too(captured: tuple[io.StringIO, PersonalDataRedactor]) -> None:
    stream, redactor = captured
    redactor.protect(name="Chen Meiling")
    try:
        raise ValueError("bad card for Chen Meiling")
    except ValueError:
        logging.getLogger("t").exception("card failed")
    assert "Chen Meiling" not in stream.getvalue()
    assert "C*** M******" in stream.getvalue()


def test_journald_lines_carry_syslog_priorities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNAL_STREAM", "8:1234")
    stream = io.StringIO()
    handler = configure_logging(PersonalDataRedactor(), "info", stream)
    try:
        log = logging.getLogger("kiosk.test")
        log.error("printer gone")
        log.info("hello")
        log.debug("not shown at info")
    finally:
        logging.getLogger().removeHandler(handler)
    assert stream.getvalue().splitlines() == ["<3>kiosk.test: printer gone", "<6>kiosk.test: hello"]
