"""The backend's version, reported by /v1/health and in the OpenAPI document."""

VERSION = "0.2.0"
