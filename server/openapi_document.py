"""The OpenAPI document: error responses described as problem details, and its export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.constants import REF_TEMPLATE
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from server.problems import PROBLEM_MEDIA_TYPE

IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9_-]{8,128}$"

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
# FastAPI documents its validation errors with these; ours are Problem documents instead.
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def build_openapi(app: FastAPI, body_models: Sequence[type[BaseModel]] = ()) -> dict[str, Any]:
    """FastAPI's document, with every 4xx/5xx answer typed as ``application/problem+json``.

    ``body_models``: bodies that routes read themselves (:mod:`server.api.direct_routes`) and
    document with a ``$ref``; their schemas join the components as FastAPI would write them.
    """
    if app.openapi_schema is not None:
        return app.openapi_schema
    document = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    for model in body_models:
        schema = model.model_json_schema(ref_template=REF_TEMPLATE, mode="validation")
        document["components"]["schemas"].setdefault(model.__name__, schema)
    for operation in _operations(document):
        if "requestBody" in operation:
            # Starlette refuses a body it cannot parse at all before any route code runs.
            operation["responses"].setdefault("400", {"description": "The body cannot be parsed"})
        for status, response in operation.get("responses", {}).items():
            if status[0] in "45":
                response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": dict(_PROBLEM_REF)}}
                if response.get("description") == "Validation Error":
                    response["description"] = "Validation error"
        for parameter in operation.get("parameters", []):
            if parameter.get("in") == "header" and parameter.get("name") == IDEMPOTENCY_HEADER:
                # The handler reads the header as optional only to answer 400 rather than 422
                # when it is missing; to clients it is required, with this exact shape.
                parameter["required"] = True
                parameter["schema"] = {
                    "type": "string",
                    "pattern": IDEMPOTENCY_KEY_PATTERN,
                    "title": IDEMPOTENCY_HEADER,
                }
    schemas = document.get("components", {}).get("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        schemas.pop(name, None)
    app.openapi_schema = document
    return document


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for path_item in document.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict)
    ]


def render_openapi(app: FastAPI) -> str:
    """The committed form: pretty, sorted keys, real UTF-8 text, trailing newline."""
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_openapi(app: FastAPI, path: Path) -> None:
    path.write_text(render_openapi(app), encoding="utf-8")
