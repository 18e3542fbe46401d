"""The dependency direction of DESIGN.md, read from the source: ui → kiosk → drivers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "drivers": {"kiosk", "ui", "server", "PySide6"},
    "kiosk": {"ui", "server", "PySide6"},
    "server": {"kiosk", "ui", "drivers", "PySide6"},
}
# The command line is the outermost edge: its window and server commands import lazily.
EXEMPT = {Path("kiosk/cli.py")}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_against_the_dependency_direction(package: str) -> None:
    offences = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative in EXEMPT:
            continue
        bad = imported_packages(path) & FORBIDDEN[package]
        if bad:
            offences.append(f"{relative} imports {', '.join(sorted(bad))}")
    assert not offences, "\n".join(offences)


def test_the_check_can_see_an_offence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from ui.app import run_window\nimport PySide6.QtWidgets\n")
    assert imported_packages(sample) == {"ui", "PySide6"}
