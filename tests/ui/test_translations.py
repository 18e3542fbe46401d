"""Every string the screens show has a translation, and the shipped .qm files match the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "assets" / "translations"
LANGUAGES = ("zh-Hant", "zh-Hans", "en")
BIN = Path(sys.executable).parent


def ui_sources() -> list[str]:
    return [str(path) for path in sorted((ROOT / "ui").rglob("*.py"))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_string_is_translated(language: str, tmp_path: Path) -> None:
    updated = tmp_path / f"kiosk_{language}.ts"
    shutil.copyfile(TRANSLATIONS / updated.name, updated)
    subprocess.run(
        [BIN / "pyside6-lupdate", *ui_sources(), "-ts", str(updated)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(updated).iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}  # type: ignore[union-attr]
    ]
    assert not untranslated, (
        f"run `make translations` and translate in assets/translations/kiosk_{language}.ts: "
        f"{untranslated}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [
            BIN / "pyside6-lrelease",
            str(TRANSLATIONS / f"kiosk_{language}.ts"),
            "-qm",
            str(compiled),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    shipped = TRANSLATIONS / f"kiosk_{language}.qm"
    assert compiled.read_bytes() == shipped.read_bytes(), "run `make translations`"
