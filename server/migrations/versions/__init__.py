"""Alembic revisions (a package so that they are installed with the server)."""
