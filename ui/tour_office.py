"""The service hall's back office for ``kiosk tour``: a staff member moves what the tour filed
along, through the backend's staff API, so the progress screen has a timeline to show."""

from __future__ import annotations

from kiosk.api import BackendClient
from kiosk.progress_model import ApplicationState

# What happens to an application at the hall before the citizen comes to ask.
STEPS = (ApplicationState.ACCEPTED, ApplicationState.IN_REVIEW)


class StaffOffice:
    """A :class:`ui.tour_journeys.HallOffice` signed in to ``backend_url`` as staff."""

    def __init__(self, backend_url: str, staff_token: str) -> None:
        self._client = BackendClient(backend_url, token=staff_token)

    def advance(self, number: str) -> None:
        for step in STEPS:
            # Not repeated on a lost answer: a second "accepted" would be refused anyway.
            self._client.post_once(
                f"/v1/staff/applications/{number}/transitions", {"to": step.value}
            )

    def close(self) -> None:
        self._client.close()
