"""Text and date fields as ID cards store them; every parser raises only ``CardDataError``.

Error messages name the field and the problem, never the value: they reach logs, and a birth
date or birth place there is the holder's personal data.
"""

from __future__ import annotations

import re
from datetime import date

from drivers.cards.base import CardDataError

ROC_YEAR_OFFSET = 1911  # 民國 year 1 is 1912

_DOTTED_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$", re.ASCII)
_SPACED_DATE = re.compile(r"^(\d{2}) (\d{2}) (\d{4})", re.ASCII)
_ROC_DATE = re.compile(r"^(\d{3})(\d{2})(\d{2})$", re.ASCII)
# "DD MMM YYYY" in French, Dutch or German; German cards may write "01.MÄR.1970" or "01. MÄR 1970".
_BELGIAN_BIRTH_DATE = re.compile(r"^(\d{1,2})[. ]+([^\d\s.]+)\.? *(\d{4})$", re.ASCII)
_BELGIAN_MONTHS: dict[str, int] = {
    "JAN": 1, "FEV": 2, "FÉV": 2, "FEB": 2, "MARS": 3, "MAAR": 3, "MÄR": 3, "AVR": 4,
    "APR": 4, "MAI": 5, "MEI": 5, "JUIN": 6, "JUN": 6, "JUIL": 7, "JUL": 7, "AOUT": 8,
    "AOÛT": 8, "AUG": 8, "SEPT": 9, "SEP": 9, "OCT": 10, "OKT": 10, "NOV": 11, "DEC": 12,
    "DÉC": 12, "DEZ": 12,
}  # fmt: skip


def decode_text(raw: bytes, what: str, encoding: str = "utf-8") -> str:
    """The field as text, stripped of NUL and space padding."""
    try:
        return raw.decode(encoding).strip("\x00 ").strip()
    except UnicodeDecodeError as error:
        raise CardDataError(f"{what}: not {encoding} text") from error


def make_date(year: int, month: int, day: int, what: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CardDataError(f"{what} is not a calendar date") from error


def parse_dotted_date(text: str, what: str) -> date:
    """``DD.MM.YYYY`` (Belgian validity dates)."""
    match = _DOTTED_DATE.match(text.strip())
    if not match:
        raise CardDataError(f"{what} is not DD.MM.YYYY")
    day, month, year = (int(part) for part in match.groups())
    return make_date(year, month, day, what)


def parse_spaced_date(text: str, what: str) -> date:
    """``DD MM YYYY`` at the start of the text (Estonian fields; a place may follow)."""
    match = _SPACED_DATE.match(text.strip())
    if not match:
        raise CardDataError(f"{what} does not start with DD MM YYYY")
    day, month, year = (int(part) for part in match.groups())
    return make_date(year, month, day, what)


def parse_roc_date(raw: bytes, what: str) -> date:
    """``YYYMMDD`` in the Republic of China calendar (year + 1911), ASCII digits."""
    match = _ROC_DATE.match(decode_text(raw, what, "ascii"))
    if not match:
        raise CardDataError(f"{what} is not a ROC date YYYMMDD")
    roc_year, month, day = (int(part) for part in match.groups())
    return make_date(roc_year + ROC_YEAR_OFFSET, month, day, what)


def parse_belgian_birth_date(text: str, what: str = "birth date") -> date | None:
    """``DD MMM YYYY`` with a FR/NL/DE month; None when the register knows only the year.

    Some people born abroad have only a birth year on record ("1968"): that is not an error,
    but no day can be invented for it either.
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}", text, re.ASCII):
        return None
    match = _BELGIAN_BIRTH_DATE.match(text)
    if not match:
        raise CardDataError(f"{what} is not DD MMM YYYY")
    day_text, month_text, year_text = match.groups()
    month = _BELGIAN_MONTHS.get(month_text.upper())
    if month is None:
        raise CardDataError(f"{what} has a month in no known language")
    return make_date(int(year_text), month, int(day_text), what)
