"""The demo service catalog: loaded from ``assets/catalog/demo-services.json`` and seeded."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import models
from server.schemas import Service

_SERVICES = TypeAdapter(list[Service])


def demo_catalog_path() -> Path:
    from assets import asset_path

    return asset_path("catalog", "demo-services.json")


def load_catalog(path: Path) -> list[Service]:
    """Parse and check a catalog file; a broken file fails here, not at a citizen's submit."""
    return _SERVICES.validate_python(json.loads(path.read_text(encoding="utf-8")))


def seed_if_empty(session: Session, services: list[Service]) -> bool:
    """Insert ``services`` in file order when the services table is empty; True if it did."""
    if session.scalar(select(func.count()).select_from(models.Service)):
        return False
    for position, service in enumerate(services):
        session.add(to_row(service, position))
    return True


def to_row(service: Service, sort_order: int) -> models.Service:
    data = service.model_dump(mode="json", exclude_none=False)
    return models.Service(
        code=data["code"],
        name=data["name"],
        department=data["department"],
        department_code=data["department_code"],
        fee_cents=data["fee_cents"],
        max_visits=data["max_visits"],
        category=data["category"],
        theme=data["theme"],
        legal_days=data["legal_days"],
        promised_days=data["promised_days"],
        materials=data["materials"],
        fields=data["fields"],
        sort_order=sort_order,
    )


def from_row(row: models.Service) -> Service:
    return Service.model_validate(
        {
            "code": row.code,
            "name": row.name,
            "department": row.department,
            "department_code": row.department_code,
            "fee_cents": row.fee_cents,
            "max_visits": row.max_visits,
            "category": row.category,
            "theme": row.theme,
            "legal_days": row.legal_days,
            "promised_days": row.promised_days,
            "materials": row.materials,
            "fields": row.fields,
        }
    )
