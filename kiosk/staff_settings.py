"""What staff (or the fleet) set on the kiosk that outlives a restart: the default language, and
whether the kiosk is out of service (with its message).

Both live in ``<data_dir>/staff-settings.json``, written whole to a temporary file, flushed to
the disk and renamed over the old one, so a power cut leaves either the old settings or the new
ones, never half of them.

The default language is kept beside the config's own value, so a vendor who later changes
``kiosk.language`` in the config file is obeyed: the staff choice holds only while the config
still says what it said when staff made it.

Out of service is kept until staff or the fleet put the kiosk back in service: a restart (the
fleet's ``restart`` command, systemd after a crash, a power cut) brings the kiosk back out of
service with the same message. The message is staff's words or one of the staff screen's
notices, never a citizen's.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from kiosk.catalog_cache import write_atomically
from kiosk.i18n import Language
from kiosk.session import Session, State

log = logging.getLogger(__name__)

SETTINGS_FILE = "staff-settings.json"
_OUT_OF_SERVICE = "out_of_service"


class StaffSettings:
    def __init__(self, path: Path, *, configured_language: Language) -> None:
        self._path = path
        self._configured = configured_language

    def _read(self) -> dict[str, Any]:
        try:
            record = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("staff settings %s unreadable, not used: %s", self._path, error)
            return {}
        if not isinstance(record, dict):
            log.warning("staff settings %s are not a JSON object, not used", self._path)
            return {}
        return record

    def _update(self, **changes: Any) -> bool:
        """Write the settings with ``changes`` (a None value removes the key); False if the
        file could not be written."""
        record = self._read()
        for key, value in changes.items():
            if value is None:
                record.pop(key, None)
            else:
                record[key] = value
        try:
            write_atomically(self._path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError as error:
            log.error("staff settings %s not written: %s", self._path, error.strerror or error)
            return False
        return True

    # -- the default language ------------------------------------------------------------------

    def default_language(self) -> Language:
        """The staff's choice if it still applies, else the config's."""
        record = self._read()
        if "default_language" not in record:
            return self._configured
        try:
            if Language(record["config_language"]) is self._configured:
                return Language(record["default_language"])
        except (ValueError, KeyError, TypeError) as error:
            log.warning("staff default language unreadable, using the config's: %s", error)
        return self._configured

    def set_default_language(self, language: Language) -> bool:
        """Keep ``language`` for the next start; False if it could not be written."""
        return self._update(default_language=language.value, config_language=self._configured.value)

    # -- out of service ------------------------------------------------------------------------

    def out_of_service(self) -> str | None:
        """The message the kiosk was out of service with when it stopped; None: in service."""
        kept = self._read().get(_OUT_OF_SERVICE)
        if kept is None:
            return None
        if isinstance(kept, dict) and isinstance(kept.get("message"), str):
            return str(kept["message"])
        log.warning("staff settings: out of service unreadable, starting in service")
        return None

    def set_out_of_service(self, message: str | None) -> bool:
        """Keep the kiosk out of service with ``message`` across restarts (None: in service)."""
        return self._update(**{_OUT_OF_SERVICE: None if message is None else {"message": message}})


class OutOfServiceKeeper:
    """Writes the session's out-of-service state to :class:`StaffSettings` as it changes.

    Out of service begins whenever the session enters it (staff or the fleet) and ends only
    when the session resumes from it: staff signing in from the out-of-service screen leave it
    kept, as the kiosk goes back to it when they leave.
    """

    def __init__(self, session: Session, settings: StaffSettings) -> None:
        self._session = session
        self._settings = settings
        self.kept = settings.out_of_service()
        session.subscribe(self._state_changed)

    def _state_changed(self, old: State, new: State) -> None:
        if new is State.OUT_OF_SERVICE:
            self._keep(self._session.out_of_service_message)
        elif old is State.OUT_OF_SERVICE and new is State.ATTRACT:
            self._keep(None)

    def end(self) -> None:
        """Out of service ended while the session was elsewhere (staff signed in from it)."""
        self._keep(None)

    def _keep(self, message: str | None) -> None:
        if message == self.kept:
            return
        if self._settings.set_out_of_service(message):
            self.kept = message
            log.info("out of service %s for restarts", "kept" if message is not None else "ended")
