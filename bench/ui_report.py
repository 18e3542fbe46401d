"""The figures bench/ui.py collects from its children, and the Markdown tables it prints."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.ui_probe import TAP_HOLD_S

RSS_GROWTH_GOAL_MIB = 10.0  # from journey 50 to journey 500 (issue 7)
RSS_CHECKPOINTS = 10  # RSS printed after this many evenly spaced journeys
RATINGS = "rating"  # counted in the kiosk child's "walked" beside the journeys


def percentile(samples: Sequence[float], percent: int) -> float:
    """Linear interpolation between the closest ranks (numpy's default method)."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _ratio(kiosk: float, reference: float) -> str:
    return f"{kiosk / reference:.1f}x" if reference > 0 else "n/a"


def _verdict(met: bool) -> str:
    return "PASS" if met else "MISS"


def growth_window(journeys: int) -> tuple[int, int]:
    """The journeys whose RSS is compared: the 50th and the 500th of 500, the same tenth of
    any other count (journey numbers from 1)."""
    return max(1, journeys // 10), journeys


@dataclass
class Figures:
    journeys: int
    keyboard: str = ""
    keyboard_first_ms: list[float] = field(default_factory=list)
    keyboard_later_ms: list[float] = field(default_factory=list)
    transitions_ms: dict[str, list[float]] = field(default_factory=dict)
    rss_kib: list[int] = field(default_factory=list)
    walked: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    reference_switches_ms: list[float] = field(default_factory=list)
    reference_first_focus_ms: list[float] = field(default_factory=list)
    reference_later_focuses_ms: list[float] = field(default_factory=list)
    minimal_rss_kib: list[int] = field(default_factory=list)

    def add_keyboard_first(self, result: dict[str, Any]) -> None:
        self.keyboard = result["keyboard"]
        self.keyboard_first_ms.append(result["keyboard_first_ms"])

    def add_reference(self, result: dict[str, Any]) -> None:
        self.reference_switches_ms += result["switches_ms"]
        self.reference_first_focus_ms.append(result["first_focus_ms"])
        self.reference_later_focuses_ms += result["later_focuses_ms"]

    def add_journeys(self, result: dict[str, Any]) -> None:
        self.keyboard = result["keyboard"]
        if result["keyboard_first_ms"] is not None:
            self.keyboard_first_ms.append(result["keyboard_first_ms"])
        self.keyboard_later_ms += result["keyboard_later_ms"]
        self.transitions_ms = result["transitions_ms"]
        self.rss_kib = result["rss_kib"]
        self.walked = result["walked"]
        self.skipped = result["skipped"]
        self.failures = result["failures"]

    def add_minimal_rss(self, stdout: str, command: Sequence[str]) -> None:
        for line in reversed(stdout.splitlines()):
            if line.startswith("rss-kib "):
                self.minimal_rss_kib.append(int(line.split()[1]))
                return
        raise ValueError(f"{' '.join(command)}: no 'rss-kib N' line on stdout")


def _transition_table(figures: Figures) -> list[str]:
    reference = figures.reference_switches_ms
    reference_p50 = percentile(reference, 50)
    lines = [
        "| screen change: tap → new screen painted (ms) | N | p50 | p95 | max "
        "| p50 / reference p50 |",
        "|---|---|---|---|---|---|",
    ]
    every: list[float] = []
    for name, samples in figures.transitions_ms.items():  # in the order the journeys meet them
        every += samples
        lines.append(
            f"| {name} | {len(samples)} | {_ms(percentile(samples, 50))} "
            f"| {_ms(percentile(samples, 95))} | {_ms(max(samples))} "
            f"| {_ratio(percentile(samples, 50), reference_p50)} |"
        )
    if every:
        lines.append(
            f"| **every kiosk screen change** | {len(every)} | {_ms(percentile(every, 50))} "
            f"| {_ms(percentile(every, 95))} | {_ms(max(every))} "
            f"| {_ratio(percentile(every, 50), reference_p50)} |"
        )
    lines.append(
        f"| reference: QStackedWidget, two plain pages | {len(reference)} | {_ms(reference_p50)} "
        f"| {_ms(percentile(reference, 95))} | {_ms(max(reference))} | 1.0x |"
    )
    return lines


def _keyboard_table(figures: Figures) -> list[str]:
    first, reference_first = figures.keyboard_first_ms, figures.reference_first_focus_ms
    later, reference_later = figures.keyboard_later_ms, figures.reference_later_focuses_ms
    lines = [
        f"Keyboard measured as: {figures.keyboard}. Reference: a tap on a QLineEdit → "
        "its next paint (focus and cursor), no input method loaded. Both from the press: a tap "
        f"rests {TAP_HOLD_S * 1000:.0f} ms before the release, and a field inside a "
        "flick-scrollable area (QScroller) takes the focus only when the finger lifts.",
        "",
        "| on-screen keyboard (ms) | kiosk | reference: QLineEdit focus | ratio (median / p50) |",
        "|---|---|---|---|",
        f"| first show in a fresh process, min / median / max (N = {len(first)} kiosk, "
        f"{len(reference_first)} reference) "
        f"| {_ms(min(first))} / {_ms(statistics.median(first))} / {_ms(max(first))} "
        f"| {_ms(min(reference_first))} / {_ms(statistics.median(reference_first))} / "
        f"{_ms(max(reference_first))} "
        f"| {_ratio(statistics.median(first), statistics.median(reference_first))} |",
    ]
    if later:
        lines.append(
            f"| later shows, p50 / p95 (N = {len(later)} kiosk, {len(reference_later)} reference) "
            f"| {_ms(percentile(later, 50))} / {_ms(percentile(later, 95))} "
            f"| {_ms(percentile(reference_later, 50))} / {_ms(percentile(reference_later, 95))} "
            f"| {_ratio(percentile(later, 50), percentile(reference_later, 50))} |"
        )
    return lines


def _memory_table(figures: Figures) -> list[str]:
    rss = [kib / 1024 for kib in figures.rss_kib]
    minimal = statistics.median(figures.minimal_rss_kib) / 1024
    start, end = growth_window(len(rss))
    growth = rss[end - 1] - rss[start - 1]
    step = max(1, len(rss) // RSS_CHECKPOINTS)
    checkpoints = ", ".join(
        f"{number}: {rss[number - 1]:.1f}" for number in range(step, len(rss) + 1, step)
    )
    return [
        "| memory (VmRSS, MiB) | kiosk | minimal PySide6 window (after show) | ratio |",
        "|---|---|---|---|",
        f"| after journey {start} | {rss[start - 1]:.1f} | {minimal:.1f} "
        f"| {_ratio(rss[start - 1], minimal)} |",
        f"| after journey {end} | {rss[end - 1]:.1f} | {minimal:.1f} "
        f"| {_ratio(rss[end - 1], minimal)} |",
        f"| highest after any journey | {max(rss):.1f} | | |",
        f"| growth, journey {start} → {end} | {growth:+.1f} | | |",
        "",
        f"RSS after journey N (MiB): {checkpoints}",
        "",
        f"Goal: RSS growth from journey {start} to journey {end} under "
        f"{RSS_GROWTH_GOAL_MIB:g} MiB: {growth:+.1f} MiB "
        f"→ {_verdict(growth < RSS_GROWTH_GOAL_MIB)}",
    ]


def _journey_lines(figures: Figures) -> list[str]:
    journeys = {kind: count for kind, count in figures.walked.items() if kind != RATINGS}
    walked = ", ".join(f"{kind} {count}" for kind, count in journeys.items())
    lines = [
        f"Journeys walked: {sum(journeys.values())} of {figures.journeys} ({walked}); "
        f"ratings given at their end: {figures.walked.get(RATINGS, 0)}"
    ]
    lines += [f"Skipped: {kind}: {reason}" for kind, reason in figures.skipped.items()]
    if figures.failures:
        lines.append(f"Failed journeys: {len(figures.failures)}; the first: {figures.failures[0]}")
    return lines


def report(machine: str, figures: Figures) -> str:
    lines = [
        machine,
        "",
        *_journey_lines(figures),
        "",
        *_transition_table(figures),
        "",
        *_keyboard_table(figures),
        "",
        *_memory_table(figures),
    ]
    return "\n".join(lines)
