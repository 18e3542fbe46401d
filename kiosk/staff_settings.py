"""What staff set on the kiosk's screens that outlives a restart: the default language.

Kept beside the config's own value, so a vendor who later changes ``kiosk.language`` in the
config file is obeyed: the staff choice holds only while the config still says what it said
when staff made it.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from kiosk.i18n import Language

log = logging.getLogger(__name__)

SETTINGS_FILE = "staff-settings.json"


class StaffSettings:
    def __init__(self, path: Path, *, configured_language: Language) -> None:
        self._path = path
        self._configured = configured_language

    def default_language(self) -> Language:
        """The staff's choice if it still applies, else the config's."""
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
            if Language(raw["config_language"]) is self._configured:
                return Language(raw["default_language"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("staff settings unreadable, using the config's language: %s", error)
        return self._configured

    def set_default_language(self, language: Language) -> bool:
        """Keep ``language`` for the next start; False if it could not be written."""
        record = {"default_language": language.value, "config_language": self._configured.value}
        temporary = self._path.with_suffix(".tmp")
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(record, handle)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self._path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            log.error("default language not saved for the next start: %s", error)
            return False
        return True
