"""The sequences of a session and their timings, computed from its duration (the run sheet).

A workshop (default 120 minutes) opens with fixed sequences (welcome and attendance 10 min,
opening and rules of the game 10, the question and the method 5), closes with others (the
transversal remarks 10 when the engagement has a transversal scenario, a synthesis 10, next steps
and closing 5), and shares what remains equally among its scenarios in whole 5-minute steps; the
minutes left over go to the synthesis. A session of 150 minutes or more gets a break (10 minutes,
halfway through the scenarios). The creativity session (default 180) is built the same way:
welcome 10, opening 10, what the workshops said 15, one sequence per option, a break of 15, the
test of the solutions with the groups 30, synthesis 10, closing 5.

When fewer than 10 minutes per scenario (15 per option) remain, the fixed sequences shrink to
5 minutes each (the test to 10) and the break goes; if that is still too little, the scenarios
share what remains in whole minutes and a warning says how long the session should be. Every
timing adds up to the session's duration exactly. Pure: no clock, no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STEP = 5  # minutes: scenario sequences are whole multiples of it when the session allows
PAUSE_FROM = 150  # minutes: a session this long or longer gets a break

# (key, ideal minutes, shortest minutes) of the sequences before and after the scenarios.
WORKSHOP_HEAD = (("welcome", 10, 5), ("opening", 10, 5), ("question", 5, 5))
WORKSHOP_TAIL = (("transversal", 10, 5), ("synthesis", 10, 5), ("close", 5, 5))
CREATIVITY_HEAD = (("welcome", 10, 5), ("opening", 10, 5), ("results", 15, 5))
CREATIVITY_TAIL = (("pause", 15, 0), ("test", 30, 10), ("synthesis", 10, 5), ("close", 5, 5))
WORKSHOP_PAUSE = 10
# The shortest useful time for one scenario (workshop) or one option (creativity).
SHORTEST = {"workshop": 10, "creativity": 15}


@dataclass(frozen=True)
class Step:
    """One sequence: what it is, when it starts (minutes from the start) and how long it lasts.

    ``scenario`` is the scenario (or option) id of a scenario sequence; ``parts`` splits it into
    its moments: present, write, exchange (workshop) or recall, ideas, share (creativity).
    """

    key: str
    start: int
    minutes: int
    scenario: str | None = None
    parts: tuple[tuple[str, int], ...] = ()

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Timing:
    """The sequences of a session, in order, and what the consultant should know about them."""

    minutes: int
    steps: tuple[Step, ...]
    warnings: tuple[str, ...] = ()

    def scenario_minutes(self) -> int:
        """The minutes of one scenario sequence (they all have the same), or 0 without any."""
        return next((s.minutes for s in self.steps if s.scenario is not None), 0)


def workshop_timing(minutes: int, scenarios: list[str], transversal: bool) -> Timing:
    """The sequences of a workshop of ``minutes`` presenting ``scenarios`` (ids), in order."""
    tail = [b for b in WORKSHOP_TAIL if transversal or b[0] != "transversal"]
    return _timing("workshop", minutes, scenarios, list(WORKSHOP_HEAD), tail)


def creativity_timing(minutes: int, options: list[str]) -> Timing:
    """The sequences of a creativity session of ``minutes`` working on ``options`` (ids)."""
    return _timing("creativity", minutes, options, list(CREATIVITY_HEAD), list(CREATIVITY_TAIL))


Block = tuple[str, int, int]


def _timing(
    kind: str, minutes: int, items: list[str], head: list[Block], tail: list[Block]
) -> Timing:
    shortest = SHORTEST[kind]
    pause: list[Block] = []
    if kind == "workshop" and minutes >= PAUSE_FROM and len(items) >= 2:
        pause = [("pause", WORKSHOP_PAUSE, 0)]
    if kind == "creativity" and minutes < PAUSE_FROM:
        tail = [b for b in tail if b[0] != "pause"]
    warnings: list[str] = []
    fixed = head + pause + tail
    sizes = {key: ideal for key, ideal, _least in fixed}
    count = len(items)
    rest = minutes - sum(sizes.values())
    each = (rest // count) // STEP * STEP if count else 0
    if count and each < shortest:
        # Shorten the fixed sequences to their least, drop the break.
        fixed = [b for b in fixed if b[2] > 0]
        sizes = {key: least for key, _ideal, least in fixed}
        rest = minutes - sum(sizes.values())
        each = rest // count if rest > 0 else 0
        need = sum(sizes.values()) + shortest * count
        noun = "scenario" if kind == "workshop" else "option"
        if each >= 1:
            warnings.append(
                f"{count} {noun}s in {minutes} minutes: the fixed sequences are shortened to their "
                f"least and each {noun} gets {each} minutes; plan at least {need} minutes "
                f"({shortest} per {noun})"
            )
        else:
            warnings.append(
                f"{count} {noun}s cannot be presented in {minutes} minutes; every sequence is "
                f"shortened in proportion: plan at least {need} minutes ({shortest} per {noun})"
            )
            return _proportional(kind, minutes, items, head + pause + tail, tuple(warnings))
    if not count:
        warnings.append(
            "no scenario to present: add scenarios to the engagement"
            if kind == "workshop"
            else "no option to work on: add scenarios to the engagement"
        )
    leftover = minutes - sum(sizes.values()) - each * count
    if leftover < 0:  # no scenario, and even the fixed sequences do not fit
        return _proportional(kind, minutes, items, head + pause + tail, tuple(warnings))
    sizes["synthesis"] += leftover
    keys = [key for key, _i, _l in fixed]
    return Timing(minutes, tuple(_steps(kind, keys, sizes, items, each)), tuple(warnings))


def _steps(
    kind: str, keys: list[str], sizes: dict[str, int], items: list[str], each: int
) -> list[Step]:
    order: list[tuple[str, str | None]] = []
    heads = {"welcome", "opening", "question", "results"}
    order += [(key, None) for key in keys if key in heads]
    scenario_key = "scenario" if kind == "workshop" else "option"
    middle: list[tuple[str, str | None]] = [(scenario_key, item) for item in items]
    if kind == "workshop" and "pause" in keys:
        half = (len(middle) + 1) // 2
        middle = [*middle[:half], ("pause", None), *middle[half:]]
    order += middle
    order += [
        (key, None)
        for key in keys
        if key not in heads and not (kind == "workshop" and key == "pause")
    ]
    steps = []
    start = 0
    for key, item in order:
        length = each if item is not None else sizes[key]
        parts = _parts(kind, length) if item is not None else ()
        steps.append(Step(key, start, length, item, parts))
        start += length
    return steps


def _parts(kind: str, minutes: int) -> tuple[tuple[str, int], ...]:
    """The moments of a scenario sequence: a fifth to present, a third to write, the rest to talk
    (workshop); a fifth to recall the verdict, half to find ideas, the rest to share (creativity)."""
    if minutes < 3:
        return ()
    if kind == "workshop":
        first, second = max(1, round(minutes / 5)), max(1, round(minutes / 3))
        names = ("present", "write", "exchange")
    else:
        first, second = max(1, round(minutes / 5)), max(1, round(minutes / 2))
        names = ("recall", "ideas", "share")
    third = minutes - first - second
    return ((names[0], first), (names[1], second), (names[2], third))


def _proportional(
    kind: str, minutes: int, items: list[str], fixed: list[Block], warnings: tuple[str, ...]
) -> Timing:
    """Every sequence in proportion to its ideal length (largest remainders), in whole minutes."""
    shortest = SHORTEST[kind]
    scenario_key = "scenario" if kind == "workshop" else "option"
    blocks = [(key, ideal, None) for key, ideal, _least in fixed if key != "pause"]
    heads = {"welcome", "opening", "question", "results"}
    ordered: list[tuple[str, int, str | None]] = [b for b in blocks if b[0] in heads]
    ordered += [(scenario_key, shortest, item) for item in items]
    ordered += [b for b in blocks if b[0] not in heads]
    total = sum(ideal for _k, ideal, _i in ordered)
    exact = [minutes * ideal / total for _k, ideal, _i in ordered]
    lengths = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - lengths[i]), i))
    for index in by_remainder[: minutes - sum(lengths)]:
        lengths[index] += 1
    steps = []
    start = 0
    for (key, _ideal, item), length in zip(ordered, lengths, strict=True):
        steps.append(Step(key, start, length, item, ()))
        start += length
    return Timing(minutes, tuple(steps), warnings)


# ---------------------------------------------------------------- clock times


def clock(start: dt.time | None, offset: int, language: str) -> str:
    """The time ``offset`` minutes after ``start``: ``18 h 30``, ``19 h`` (French), ``18:30``.

    Without a start time, the minutes from the start: ``10 min``.
    """
    if start is None:
        return f"{offset}\u00a0min"
    total = (start.hour * 60 + start.minute + offset) % (24 * 60)
    hours, minutes = divmod(total, 60)
    if language == "en":
        return f"{hours:02d}:{minutes:02d}"
    return f"{hours}\u00a0h" + (f"\u00a0{minutes:02d}" if minutes else "")


def span(start: dt.time | None, begin: int, end: int, language: str) -> str:
    """``18 h 30 – 18 h 40`` (or ``0 – 10 min`` without a start time)."""
    if start is None:
        return f"{begin}\u00a0–\u00a0{end}\u00a0min" if language == "fr" else f"{begin}–{end} min"
    dash = "\u00a0–\u00a0" if language == "fr" else "–"
    return clock(start, begin, language) + dash + clock(start, end, language)
