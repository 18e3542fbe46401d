"""PC/SC card reads on pcscd + vpcd: the kiosk's reader next to a bare pyscard loop.

    .venv/bin/python bench/cards.py [--runs N]

Needs root, the Debian packages pcscd and vsmartcard-vpcd, and pyscard (see
tests/integration/cards/vpcd.py). For every profile in ``drivers.cards.profiles.PROFILES``
with a virtual card in ``tests.integration.cards.virtual_cards.CARDS``, and for the tests'
own transport card, it measures:

- presented → delivered: from the card's connection to vpcd ("inserted") until the
  ``PcscReader`` (built with all of PROFILES, as the kiosk is) hands the Identity to its
  listener. The bare side: SCardGetStatusChange until the card is present, connect, send the
  same C-APDUs the card received from the kiosk's read, disconnect. Both include pcscd's
  400 ms presence polling, so read the ratio with that in mind;
- read: connect → Identity (``read_card``), against connect → replay → disconnect. This is
  the part the kiosk's code adds to, and the ratio the goal (≤ 1.2x) is about.

Prints a Markdown table (stdout) and progress (stderr); exits 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The virtual cards and the vpcd harness live with the tests, which are not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drivers.cards import pcsc_scard
from drivers.cards.pcsc import PcscReader
from drivers.cards.pcsc_card import read_card
from drivers.cards.profiles import CardProfile
from tests.integration.cards.events import RecordingListener
from tests.integration.cards.transport_cards import FileCard, FileCardProfile
from tests.integration.cards.virtual_card import VirtualCard
from tests.integration.cards.vpcd import READER_NAMES, VpcdStack

RATIO_GOAL = 1.2
READER = READER_NAMES[0]


@dataclass(frozen=True)
class Subject:
    label: str
    profile: CardProfile
    make_card: Callable[[], VirtualCard]


def subjects() -> tuple[list[Subject], list[CardProfile]]:
    """The profiles and cards to measure, and the profile list the kiosk's reader gets."""
    transport = Subject("OneStop test card (transport)", FileCardProfile(), FileCard)
    try:
        from drivers.cards.profiles import PROFILES
        from tests.integration.cards.virtual_cards import CARDS
    except ImportError as error:
        print(f"bench: no PROFILES/CARDS yet ({error}): transport card only", file=sys.stderr)
        return [transport], [transport.profile]
    found = [Subject(p.name, p, CARDS[p.kind]) for p in PROFILES if p.kind in CARDS]
    for profile in PROFILES:
        if profile.kind not in CARDS:
            print(f"bench: no virtual card for {profile.name}: skipped", file=sys.stderr)
    return [*found, transport], [*PROFILES, transport.profile]


def wait_for_card(context: int, present: bool, timeout_s: float = 5.0) -> bytes:
    """Wait until the card is in (or out of) the reader; its ATR (as the reader gets it)."""
    states = [(READER, pcsc_scard.STATE_UNAWARE)]
    deadline = time.monotonic() + timeout_s
    while (remaining_ms := int((deadline - time.monotonic()) * 1000)) > 0:
        changed = pcsc_scard.get_status_change(context, remaining_ms, states)
        if changed is None:
            break
        _name, state, atr = changed[0]
        if bool(state & pcsc_scard.STATE_PRESENT) == present:
            return atr
        states = [(READER, state & ~pcsc_scard.STATE_CHANGED)]
    raise TimeoutError(f"the card did not {'arrive' if present else 'leave'} in {timeout_s} s")


def kiosk_runs(
    stack: VpcdStack, subject: Subject, profiles: Sequence[CardProfile], runs: int
) -> tuple[list[float], list[float], list[bytes], int]:
    """(presented → delivered s, read s, the C-APDUs of one read, APDUs per read)."""
    listener = RecordingListener()
    reader = PcscReader(READER, profiles)
    reader.start(listener)
    delivered: list[float] = []
    commands: list[bytes] = []
    apdus = 0
    try:
        for _ in range(runs):
            card = _recording(subject.make_card())
            presented = time.monotonic()
            inserted = stack.insert(card)
            event = listener.next()
            if event.kind != "inserted":
                raise RuntimeError(f"{subject.label}: {event}")
            delivered.append(event.at - presented)
            inserted.remove()
            listener.expect("removed")
            commands, apdus = card.received, inserted.apdus_answered
    finally:
        reader.stop()
    reads: list[float] = []
    context = pcsc_scard.establish_context()
    try:
        for _ in range(runs):
            inserted = stack.insert(subject.make_card())
            atr = wait_for_card(context, present=True)
            started = time.monotonic()
            read_card(context, READER, profiles, atr)
            reads.append(time.monotonic() - started)
            inserted.remove()
            wait_for_card(context, present=False)
    finally:
        pcsc_scard.release_context(context)
    return delivered, reads, commands, apdus


def bare_runs(
    stack: VpcdStack, subject: Subject, commands: list[bytes], runs: int
) -> tuple[list[float], list[float]]:
    """A hand-written pyscard loop sending the same C-APDUs: the floor for both figures."""
    delivered: list[float] = []
    reads: list[float] = []
    context = pcsc_scard.establish_context()
    try:
        for _ in range(runs):
            presented = time.monotonic()
            inserted = stack.insert(subject.make_card())
            wait_for_card(context, present=True)
            started = time.monotonic()
            handle, protocol = pcsc_scard.connect(context, READER)
            for apdu in commands:
                pcsc_scard.transmit(handle, protocol, apdu)
            pcsc_scard.disconnect(handle)
            done = time.monotonic()
            delivered.append(done - presented)
            reads.append(done - started)
            inserted.remove()
            wait_for_card(context, present=False)
    finally:
        pcsc_scard.release_context(context)
    return delivered, reads


class _Recorder(VirtualCard):
    """Wraps a card to keep the C-APDUs it was sent (the bare loop replays them)."""

    def __init__(self, card: VirtualCard) -> None:
        self.atr = card.atr
        self._card = card
        self.received: list[bytes] = []

    def respond(self, apdu: bytes) -> bytes:
        self.received.append(apdu)
        return self._card.respond(apdu)


def _recording(card: VirtualCard) -> _Recorder:
    return _Recorder(card)


def ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="reads of each kind per card")
    runs = max(parser.parse_args().runs, 3)
    measured, profiles = subjects()
    stack = VpcdStack()
    rows = []
    try:
        stack.start_pcscd()
        for subject in measured:
            print(f"bench: {subject.label}", file=sys.stderr)
            delivered, reads, commands, apdus = kiosk_runs(stack, subject, profiles, runs)
            bare_delivered, bare_reads = bare_runs(stack, subject, commands, runs)
            rows.append((subject.label, apdus, delivered, bare_delivered, reads, bare_reads))
    finally:
        stack.close()
    print(
        f"| card | APDUs per read | presented → delivered ms (kiosk / bare) | ratio "
        f"| read ms (kiosk / bare) | ratio | goal ≤ {RATIO_GOAL}x |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for label, apdus, delivered, bare_delivered, reads, bare_reads in rows:
        end_ratio = ms(delivered) / ms(bare_delivered)
        read_ratio = ms(reads) / ms(bare_reads)
        verdict = "met" if read_ratio <= RATIO_GOAL else "missed"
        print(
            f"| {label} | {apdus} | {ms(delivered):.1f} / {ms(bare_delivered):.1f} "
            f"| {end_ratio:.2f}x | {ms(reads):.2f} / {ms(bare_reads):.2f} | {read_ratio:.2f}x "
            f"| {verdict} |"
        )
    print(
        f"\n(medians of {runs} reads of each kind; APDUs counted at the virtual card, probes of"
        " the profiles tried before the right one included)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
