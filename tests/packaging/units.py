"""Reading the packaged systemd units the way systemd does, for running their commands here."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ServiceUnit:
    settings: dict[str, list[str]] = field(default_factory=dict)  # [Service] key: values

    def one(self, key: str) -> str:
        values = self.settings.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    @property
    def command(self) -> list[str]:
        return shlex.split(self.one("ExecStart"))

    def environment(self, environment_files: dict[str, str] | None = None) -> dict[str, str]:
        """Environment= assignments, after those of EnvironmentFile= (given as their text)."""
        variables: dict[str, str] = {}
        for name in self.settings.get("EnvironmentFile", []):
            text = (environment_files or {})[name.lstrip("-")]
            for line in text.splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    key, _, value = line.partition("=")
                    variables[key.strip()] = value.strip()
        for assignments in self.settings.get("Environment", []):
            for assignment in shlex.split(assignments):
                key, _, value = assignment.partition("=")
                variables[key] = value
        return variables


def read_service(path: Path) -> ServiceUnit:
    settings: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service":
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return ServiceUnit(settings)
