"""``open_reader`` for ``pcsc://`` URIs: which readers they name, and the URIs it refuses."""

from __future__ import annotations

import pytest

from drivers.cards import CardReaderError, open_reader
from drivers.cards.pcsc import PcscReader, reader_matches


def test_pcsc_uri_builds_a_pcsc_reader_over_every_profile() -> None:
    from drivers.cards.profiles import PROFILES

    reader = open_reader("pcsc://")
    assert isinstance(reader, PcscReader)
    assert reader._profiles == tuple(PROFILES)
    assert reader._filter is None
    assert not reader.is_simulated


def test_reader_query_names_part_of_a_reader_name() -> None:
    reader = open_reader("pcsc://?reader=ACS%20ACR39U")
    assert isinstance(reader, PcscReader)
    assert reader._filter == "ACS ACR39U"


@pytest.mark.parametrize(
    "uri",
    [
        "pcsc://host",
        "pcsc:///dev/x",
        "pcsc://?slot=1",
        "pcsc://?reader=",
        "pcsc://?reader=a&reader=b",
    ],
)
def test_malformed_pcsc_uris_are_refused(uri: str) -> None:
    with pytest.raises(CardReaderError, match="URI"):
        open_reader(uri)


@pytest.mark.parametrize(
    ("name", "wanted", "matches"),
    [
        ("ACS ACR39U ICC Reader 00 00", None, True),
        ("ACS ACR39U ICC Reader 00 00", "acr39u", True),
        ("ACS ACR39U ICC Reader 00 00", "Gemalto", False),
    ],
)
def test_reader_filter_matching(name: str, wanted: str | None, matches: bool) -> None:
    assert reader_matches(name, wanted) is matches
