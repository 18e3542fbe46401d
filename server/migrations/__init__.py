"""Alembic migrations of the reference backend (a package so that it is installed)."""
