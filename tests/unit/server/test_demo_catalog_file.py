"""The demo catalog file loads under the Service schema and follows the catalog's own rules."""

from __future__ import annotations

import re

from server.catalog import demo_catalog_path, load_catalog

# The applicant's own name and ID come from the card, never from the form.
APPLICANT_FIELD_NAMES = {"name", "applicant_name", "id_number", "applicant_id_number"}
# Characters that only exist in Traditional script and so must not appear in zh-Hans.
TRADITIONAL_ONLY = set("個體戶證書請記錄發稅險醫養護業營務區縣號碼聯電話遷層報書資")


def test_catalog_loads_and_is_large_enough() -> None:
    services = load_catalog(demo_catalog_path())

    assert len(services) >= 22
    assert len({service.code for service in services}) == len(services)


def test_fields_materials_and_days_follow_the_rules() -> None:
    for service in load_catalog(demo_catalog_path()):
        assert 2 <= len(service.materials) <= 5, service.code
        assert 2 <= len(service.fields) <= 6, service.code
        assert service.legal_days >= service.promised_days, service.code
        names = {field.name for field in service.fields}
        assert not names & APPLICANT_FIELD_NAMES, service.code
        assert any(field.required for field in service.fields), service.code
        for field in service.fields:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", field.name)
            if field.kind == "text":
                assert field.max_length is not None, (service.code, field.name)


def test_simplified_texts_use_simplified_characters() -> None:
    for service in load_catalog(demo_catalog_path()):
        texts = [service.name, service.department, *service.materials]
        texts += [field.label for field in service.fields]
        for text in texts:
            assert not set(text["zh-Hans"]) & TRADITIONAL_ONLY, text["zh-Hans"]
