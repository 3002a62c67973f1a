"""What each slide of a session's deck says, and what the facilitator says over it (its notes).

Pure: the worded session (:mod:`.info`) in, a :class:`Deck` of plain values out; ``deck.py``
places it in the template with python-pptx. A workshop's deck: title, agenda, rules of the game
(what is open to discussion and what is not), what happens to the contributions (the
commitments), the question put to the group, one slide per scenario (the transversal ones last),
next steps, thanks. The creativity session's: title, agenda, rules, contributions, what the
workshops said (the ranking), one slide per option with its verdict, its condition scores and the
challenge it sets, how the solutions are tested, next steps, thanks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..words import CONDITION_ORDER
from .info import (
    Item,
    SessionInfo,
    challenge,
    condition_scores,
    contact_line,
    next_steps,
    remarks,
    verdict_text,
)
from .timing import span

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt

Layout = Literal["title", "content", "comparison", "section", "scenario"]
IDEAS_IN_NOTES = 5
QUESTIONS_IN_NOTES = 3


@dataclass(frozen=True)
class Line:
    """A paragraph of a slide: its text, its indent level, bold or not, small or not."""

    text: str
    level: int = 0
    bold: bool = False
    small: bool = False


@dataclass(frozen=True)
class Picture:
    """A scenario's picture (checked bytes) and what it shows (its alternative text)."""

    data: bytes
    alt: str


@dataclass(frozen=True)
class Slide:
    """One slide: its layout, its title, its text and its speaker notes.

    ``columns`` (the comparison layout) holds two (heading, lines) pairs; ``step`` is the run
    sheet's sequence the slide is shown in.
    """

    layout: Layout
    title: str
    lines: tuple[Line, ...] = ()
    columns: tuple[tuple[str, tuple[Line, ...]], ...] = ()
    picture: Picture | None = None
    notes: str = ""
    step: str = ""
    scenario: str | None = None
    plain: bool = False  # paragraphs without bullets (a description, a verdict)


@dataclass(frozen=True)
class Deck:
    """A session's slides, with what every slide's footer and the file's properties say."""

    slides: tuple[Slide, ...]
    footer: str
    title: str
    subject: str
    author: str
    language: str
    color: str

    def numbers(self, step: str, scenario: str | None = None) -> list[int]:
        """The 1-based numbers of the slides shown in ``step`` (for the run sheet)."""
        return [
            n
            for n, slide in enumerate(self.slides, start=1)
            if slide.step == step and (scenario is None or slide.scenario == scenario)
        ]


def build_deck(
    info: SessionInfo, results: Results, f: Fmt, pictures: dict[str, Picture] | None = None
) -> Deck:
    """The deck of one session; ``pictures`` maps a scenario id to its checked picture."""
    e = results.engagement
    w = info.words
    notes = w["notes"]
    pictures = pictures or {}
    facilitator = f.t(e.consultant.name or e.consultant.company) or str(w["to_name"])
    slides: list[Slide] = []
    subtitle = [Line(f.t(e.engagement.title))]
    subtitle += [Line(text) for text in (info.when(), info.place, f.t(e.client.name)) if text]
    slides.append(
        Slide(
            "title",
            info.label,
            tuple(subtitle),
            notes=f.t(str(notes["title"]).format(facilitator=facilitator, end=info.end)),
            step="welcome",
        )
    )
    slides.append(
        Slide(
            "content",
            str(w["agenda"]),
            tuple(_agenda(info, f)),
            notes=f.t(str(notes["agenda"]).format(end=info.end)),
            step="opening",
        )
    )
    slides.append(_rules(info, results, f))
    slides.append(_contributions(info, results, f))
    if info.kind == "workshop":
        slides.append(
            Slide(
                "section",
                f.t(w["question"]),
                tuple(Line(f.t(text)) for text in w["question_lines"]),
                notes=f.t(notes["question"]),
                step="question",
            )
        )
        for item in info.items:
            slides.append(_scenario(item, info, results, f, pictures.get(item.id)))
    else:
        slides.append(_results(info, f))
        for item in info.options:
            slides.append(_option(item, info, f))
        symbols = f.words["test_symbols"]
        verdicts = f.words["verdicts"]
        lines = [Line(f.t(w["test_intro"]))]
        lines += [Line(f"{symbols[v]}  {verdicts[v].lower()}", level=1) for v in ("+", "=", "-")]
        slides.append(
            Slide(
                "section",
                str(w["test"]),
                tuple(lines),
                notes=f.t(notes["test"]),
                step="test",
                plain=True,
            )
        )
    slides.append(
        Slide(
            "content",
            str(w["next"]),
            tuple(Line(text) for text in next_steps(info, results, f)),
            notes=f.t(notes["next"]),
            step="close",
        )
    )
    thanks = [Line(text) for text in (contact_line(results, f), f.t(e.client.name)) if text]
    slides.append(
        Slide("section", str(w["thanks"]), tuple(thanks), notes=f.t(notes["thanks"]), step="close")
    )
    brand = f.t(e.brand.name or e.consultant.company or e.consultant.name)
    return Deck(
        slides=tuple(slides),
        footer=f.t(
            str(w["footer"]).format(client=e.client.name, session=info.label, date=info.date)
        ),
        title=f.t(f"{info.label} – {e.client.name}"),
        subject=f.t(e.engagement.title),
        author=brand,
        language=f.language,
        color=e.brand.primary_color.lstrip("#").upper(),
    )


def _agenda(info: SessionInfo, f: Fmt) -> list[Line]:
    from .runsheet import step_label

    start = info.session.model.time
    lines = []
    for step in info.timing.steps:
        when = span(start, step.start, step.end, f.language)
        lines.append(Line(f"{when}  {step_label(step, info, f)}"))
    if start is None:
        lines.append(Line(f.t(info.words["relative"]), small=True))
    return lines


def _rules(info: SessionInfo, results: Results, f: Fmt) -> Slide:
    w = info.words
    e = results.engagement.engagement
    open_items = tuple(Line(f.t(v)) for v in e.negotiable if v.strip()) or (
        Line(str(w["open_todo"]), small=True),
    )
    closed = tuple(Line(f.t(v)) for v in e.non_negotiable if v.strip()) or (
        Line(str(w["closed_todo"]), small=True),
    )
    return Slide(
        "comparison",
        str(w["rules"]),
        columns=((str(w["open"]), open_items), (f.t(w["closed"]), closed)),
        notes=f.t(w["notes"]["rules"]),
        step="opening",
    )


def _contributions(info: SessionInfo, results: Results, f: Fmt) -> Slide:
    from ...common.labels import council

    w = info.words
    e = results.engagement
    lines = [Line(str(w["anonymous"])), Line(str(w["analysed"]))]
    commitments = []
    for c in e.commitments:
        delay = f.delay(c.delay_days)
        text = str(w["commitment_delay"]).format(label=c.label, delay=delay) if delay else c.label
        commitments.append(Line(f.t(text), level=1))
    lines += commitments or [Line(f.t(w["commitments_todo"]), level=1, small=True)]
    vocabulary = council(e.client.kind, f.language)
    lines.append(
        Line(
            f.t(
                str(w["decision"]).format(
                    to_council=vocabulary["to_council"], the_council=vocabulary["the_council"]
                )
            ),
            bold=True,
        )
    )
    return Slide(
        "content",
        str(w["contributions"]),
        tuple(lines),
        notes=f.t(w["notes"]["contributions"]),
        step="opening",
    )


def _paragraphs(text: str) -> list[Line]:
    return [Line(part.strip()) for part in text.split("\n") if part.strip()]


def _scenario(
    item: Item, info: SessionInfo, results: Results, f: Fmt, picture: Picture | None
) -> Slide:
    w = info.words
    notes = w["notes"]
    lines = _paragraphs(item.description)
    if item.transversal and not lines:
        lines = [Line(str(w["transversal_hint"]))]
    level = item.scenario.level
    if level is not None:
        text = str(w["level"]).format(
            level=f.words["levels"][level], promise=f.words["promises"][level]
        )
        lines.append(Line(f.t(text), small=True))
    lines.append(Line(f.t(str(w["scenario_code"]).format(code=item.id)), small=True))
    lines.append(Line(f.t(w["question"]), bold=True))
    step = next((s for s in info.timing.steps if s.scenario == item.id), None)
    said: list[str] = []
    if step is not None:
        when = span(info.session.model.time, step.start, step.end, f.language)
        parts = dict(step.parts)
        if parts:
            said.append(
                str(notes["scenario_time"]).format(
                    minutes=step.minutes, span=when, **{k: v for k, v in parts.items()}
                )
            )
        else:
            said.append(str(notes["scenario_time_short"]).format(minutes=step.minutes, span=when))
    if item.transversal:
        said.append(str(notes["transversal"]))
    said.append(str(notes["scenario"]).format(question=w["question"]))
    said.append(str(notes["prompts"]))
    said += [f"– {q}" for q in prompts(info, f)]
    criteria = results.engagement.grid.criteria
    if criteria:
        said.append(str(notes["criteria"]).format(code=f"{info.code}-{item.id}"))
        said += [
            f"– {c.id} : {c.label}" if f.language == "fr" else f"– {c.id}: {c.label}"
            for c in criteria
        ]
    return Slide(
        "scenario",
        item.title,
        tuple(lines),
        picture=picture,
        notes="\n".join(f.t(line) for line in said),
        step="transversal" if item.transversal else "scenario",
        scenario=item.id,
        plain=True,
    )


def prompts(info: SessionInfo, f: Fmt) -> list[str]:
    """The three conditions' questions, the session's own group's first."""
    group = info.session.group
    order = [g for g in CONDITION_ORDER if g == group] + [g for g in CONDITION_ORDER if g != group]
    return [f.t(f.words["conditions"][g][1]) for g in order]


def _results(info: SessionInfo, f: Fmt) -> Slide:
    w = info.words
    lines = [
        Line(
            f.t(
                str(w["results_line"]).format(
                    rank=item.score.rank if item.score and item.score.rank else n,
                    title=item.title,
                    verdict=verdict_text(item, f),
                )
            )
        )
        for n, item in enumerate(info.options, start=1)
    ]
    if not lines or not any(_known(i) for i in info.options):
        lines = [*lines, Line(str(w["results_todo"]), small=True)]
    return Slide(
        "content",
        str(w["results"]),
        tuple(lines),
        notes=f.t(w["notes"]["results"]),
        step="results",
        plain=True,
    )


def _known(item: Item) -> bool:
    from .info import scored

    return scored(item)


def _option(item: Item, info: SessionInfo, f: Fmt) -> Slide:
    w = info.words
    notes = w["notes"]
    lines = _paragraphs(item.description)
    lines.append(Line(f.t(str(w["verdict"]).format(verdict=verdict_text(item, f))), bold=True))
    scores = condition_scores(item, f)
    if scores:
        lines.append(Line(scores, small=True))
    lines.append(Line(challenge(item, f), bold=True))
    said = []
    step = next((s for s in info.timing.steps if s.scenario == item.id), None)
    if step is not None:
        when = span(info.session.model.time, step.start, step.end, f.language)
        parts = dict(step.parts)
        if parts:
            said.append(str(notes["option_time"]).format(minutes=step.minutes, span=when, **parts))
        else:
            said.append(str(notes["scenario_time_short"]).format(minutes=step.minutes, span=when))
    said.append(str(notes["option"]).format(code=f"{info.code}-{item.id}"))
    ideas = remarks(item, f, "idee", IDEAS_IN_NOTES)
    if ideas:
        said.append(str(notes["ideas"]))
        said += [f"– {idea}" for idea in ideas]
    questions = remarks(item, f, "?", QUESTIONS_IN_NOTES)
    if questions:
        said.append(str(notes["questions"]))
        said += [f"– {question}" for question in questions]
    return Slide(
        "scenario",
        item.title,
        tuple(lines),
        notes="\n".join(f.t(line) for line in said),
        step="option",
        scenario=item.id,
        plain=True,
    )
