"""Placeholder: routes are added here."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/open311/v2")
