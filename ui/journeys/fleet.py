"""Commands from the fleet (reset, restart, out of service, message) carried out on screen.

The heartbeat (``kiosk.heartbeat``) collects them on its own thread; a queued signal brings them
here, to the UI thread, where each is carried out as soon as the citizen in front of the kiosk
allows and then reported back for acknowledgement:

- reset: at once (the session wiped, back to the start), except while an application is being
  submitted (right after that);
- restart: once the kiosk is at rest (start screen or out of service), acknowledged first, then
  the event loop ends with :data:`~kiosk.fleet_commands.RESTART_EXIT_CODE`, which the systemd
  unit restarts on;
- out of service on: at once at the start screen, else as soon as the session returns to it;
- out of service off: at once (and it cancels an "on" still waiting); with staff signed in
  from the out-of-service screen, they leave to the start screen instead of back to it;
- message: a calm banner on the start screen for ``fleet.message_shown_s``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.app import Kiosk
from kiosk.fleet_commands import RESTART_EXIT_CODE, AckOutcome, CommandKind, FleetCommand
from kiosk.session import State
from ui.notice import Notice

log = logging.getLogger(__name__)

# A restart waits this long at most for its acknowledgement to be tried (the backend may be
# out of reach; the ledger on disk sends it after the restart then).
RESTART_ACK_WAIT_MS = 20000
_RESTART_AT = frozenset({State.ATTRACT, State.OUT_OF_SERVICE})


class _CommandsBridge(QObject):
    """The heartbeat's listener: called on its thread, delivers on the UI thread.

    Signals:
        arrived(list): new commands, oldest first.
        acknowledgement_tried(): the heartbeat tried to acknowledge a restart.
    """

    arrived = Signal(object)
    acknowledgement_tried = Signal()

    # Emitting from a foreign thread queues the call to receivers living on the UI thread.
    def deliver(self, commands: Sequence[FleetCommand]) -> None:
        self.arrived.emit(list(commands))

    def restart_acknowledged(self) -> None:
        self.acknowledgement_tried.emit()


class FleetCommands(QObject):
    """Carries out the fleet's commands; ``notice`` is the banner to put under the header.

    Signals:
        restarting(int): the event loop is about to end with this exit code.
    """

    restarting = Signal(int)

    def __init__(
        self,
        parent: QObject,
        *,
        kiosk: Kiosk,
        reset: Callable[[], bool],
        end_kept_out_of_service: Callable[[], bool] = lambda: False,
        leave_event_loop: Callable[[int], None] = QCoreApplication.exit,
    ) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._session = kiosk.session
        self._heartbeat = kiosk.heartbeat
        self._reset = reset
        self._end_kept_out_of_service = end_kept_out_of_service
        self._leave_event_loop = leave_event_loop
        self.notice = Notice()
        # Commands the session cannot take yet, retried whenever it changes state.
        self.waiting: list[FleetCommand] = []
        self._restart_code: int | None = None

        self.message_timer = QTimer(self)
        self.message_timer.setSingleShot(True)
        self.message_timer.setInterval(kiosk.config.fleet.message_shown_s * 1000)
        self.message_timer.timeout.connect(self._message_expired)
        self._restart_deadline = QTimer(self)
        self._restart_deadline.setSingleShot(True)
        self._restart_deadline.setInterval(RESTART_ACK_WAIT_MS)
        self._restart_deadline.timeout.connect(self._leave)

        self._bridge = _CommandsBridge(self)
        self._bridge.arrived.connect(self.carry_out)
        self._bridge.acknowledgement_tried.connect(self._leave)
        self._heartbeat.set_listener(self._bridge.deliver)
        self._session.subscribe(self._state_changed)

    # -- commands ----------------------------------------------------------------------------

    def carry_out(self, commands: Sequence[FleetCommand]) -> None:
        for command in commands:
            log.info("fleet command %d: %s", command.id, command.kind.value)
            self._carry_out(command)

    def _carry_out(self, command: FleetCommand) -> None:
        kind, state = command.kind, self._session.state
        if kind is CommandKind.RESET:
            if self._reset():
                self._done(command)
            elif state is State.SUBMITTING:
                self._wait(command)  # an answer on its way is never thrown away
            else:
                self._done(command, f"nothing to reset while {state.value}")
        elif kind is CommandKind.RESTART:
            if state in _RESTART_AT:
                self._restart(command)
            else:
                self._wait(command)
        elif kind is CommandKind.OUT_OF_SERVICE_ON:
            if state is State.OUT_OF_SERVICE:
                self._done(command, "already out of service")
            elif state is State.ATTRACT and self._session.suspend(command.message):
                self._done(command)
            else:
                self._wait(command)
        elif kind is CommandKind.OUT_OF_SERVICE_OFF:
            for superseded in [c for c in self.waiting if c.kind is CommandKind.OUT_OF_SERVICE_ON]:
                self.waiting.remove(superseded)
                self._report(superseded, AckOutcome.FAILED, "cancelled by out_of_service_off")
            # Staff signed in from out of service would put it back when they leave.
            resumed = self._session.resume() or self._end_kept_out_of_service()
            self._done(command, "" if resumed else f"was not out of service ({state.value})")
        elif kind is CommandKind.MESSAGE:
            self.notice.set_message(command.message)
            self.message_timer.start()
            self._show_notice_if_at_start()
            self._done(command)

    def _wait(self, command: FleetCommand) -> None:
        if command not in self.waiting:
            log.info("fleet command %d waits for the session to end", command.id)
            self.waiting.append(command)

    def _done(self, command: FleetCommand, detail: str = "") -> None:
        self._report(command, AckOutcome.DONE, detail)

    def _report(self, command: FleetCommand, outcome: AckOutcome, detail: str) -> None:
        self._heartbeat.report(command, outcome, detail)

    def _restart(self, command: FleetCommand) -> None:
        if self._restart_code is not None:
            self._done(command, "already restarting")
            return
        self._restart_code = RESTART_EXIT_CODE
        log.info("restarting for the fleet (exit code %d)", RESTART_EXIT_CODE)
        # Acknowledged before leaving: the ledger keeps it if the backend is out of reach, so
        # the restarted kiosk neither restarts again nor forgets to acknowledge.
        self._heartbeat.report(
            command, AckOutcome.DONE, "restarting", then=self._bridge.restart_acknowledged
        )
        self._restart_deadline.start()

    def _leave(self) -> None:
        code, self._restart_code = self._restart_code, None
        if code is None:
            return
        self._restart_deadline.stop()
        self.restarting.emit(code)
        self._leave_event_loop(code)

    # -- the session -------------------------------------------------------------------------

    def _state_changed(self, _old: State, _new: State) -> None:
        self._show_notice_if_at_start()
        if self.waiting:
            # Not from inside the session's notification: the other listeners (the window
            # showing the new screen) must see this change before the next one starts.
            QTimer.singleShot(0, self, self._retry_waiting)

    def _retry_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        for command in waiting:
            self._carry_out(command)

    def _show_notice_if_at_start(self) -> None:
        at_start = self._session.state is State.ATTRACT
        self.notice.setVisible(at_start and bool(self.notice.message))

    def _message_expired(self) -> None:
        self.notice.set_message("")
        self.notice.hide()
