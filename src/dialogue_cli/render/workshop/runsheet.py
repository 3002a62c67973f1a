"""The facilitator's run sheet (déroulé): sequences with their times, roles, materials, questions.

Pure: the worded session (:mod:`.info`) and its deck (for the slide numbers) in, the plain
context of the ``atelier-deroule.docx`` template out.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .info import SessionInfo, challenge, remarks, verdict_text
from .timing import Step, span

if TYPE_CHECKING:
    from ..results import Results
    from ..values import Fmt
    from .slides import Deck

# Sticky-note pads: one of each colour per table of this many participants.
TABLE_SIZE = 6


def step_label(step: Step, info: SessionInfo, f: Fmt) -> str:
    """``Scénario BP : Budget participatif``, ``Pause``..."""
    words = info.words["steps"]
    if step.scenario is not None:
        item = next(i for i in info.items if i.id == step.scenario)
        return f.t(str(words[step.key]).format(code=item.id, title=item.title))
    return f.t(words[step.key])


# Signature lines per page of the attendance sheet (with the notice above them).
ROWS_PER_PAGE = 12


def attendance_rows(participants: int) -> int:
    """Lines of the attendance sheet: the expected participants and a quarter more (at least 5
    spare lines), 15 at the least, then the last page filled (spare lines cost nothing)."""
    wanted = max(15, participants + max(5, math.ceil(participants / 4)))
    return math.ceil(wanted / ROWS_PER_PAGE) * ROWS_PER_PAGE


def _action(step: Step, info: SessionInfo, f: Fmt) -> str:
    actions = info.words["actions"]
    parts = dict(step.parts)
    if step.key in ("scenario", "option"):
        code = f"{info.code}-{step.scenario}"
        key = step.key if parts else f"{step.key}_short"
        return f.t(str(actions[key]).format(code=code, **parts))
    if step.key == "transversal":
        codes = ", ".join(f"{info.code}-{i.id}" for i in info.transversal)
        return f.t(str(actions["transversal"]).format(codes=codes))
    return f.t(actions[step.key])


def _slides(step: Step, deck: Deck, info: SessionInfo) -> str:
    numbers = deck.numbers(step.key, step.scenario) if step.scenario else deck.numbers(step.key)
    if step.key == "transversal":
        numbers = deck.numbers("transversal")
    if not numbers:
        return ""
    words = info.words
    if len(numbers) == 1:
        return str(words["slide"]).format(n=numbers[0])
    return str(words["slides"]).format(first=numbers[0], last=numbers[-1])


def run_context(
    info: SessionInfo,
    deck: Deck,
    results: Results,
    f: Fmt,
    files: dict[str, str],
    lines: int,
) -> dict[str, Any]:
    """The run sheet's own values (``roles``, ``steps``, ``questions``, ``materials``,
    ``notes``, ``after``); ``files`` names the session's other files by piece key, ``lines`` is
    the number of lines of each capture sheet."""
    e = results.engagement
    w = info.words
    start = info.session.model.time
    steps = [
        {
            "time": span(start, step.start, step.end, f.language),
            "minutes": str(w["minutes"]).format(n=step.minutes),
            "label": step_label(step, info, f),
            "action": _action(step, info, f),
            "slides": _slides(step, deck, info),
        }
        for step in info.timing.steps
    ]
    roles_words = w["roles"]
    facilitator = f.t(e.consultant.name or e.consultant.company) or str(w["to_name"])
    notes_key = "notes" if info.kind == "workshop" else "notes_creativity"
    roles = [
        ("sponsor", f.t(e.governance.sponsor) or str(w["to_name_client"])),
        ("facilitator", facilitator),
        (notes_key, str(w["to_name"])),
        ("welcome", str(w["to_name_client"])),
    ]
    participants = info.participants
    materials = [
        str(w["materials"]["deck"]).format(file=files["deck"]),
        str(w["materials"]["attendance"]).format(rows=attendance_rows(participants)),
    ]
    sheets = len(info.items) if info.kind == "workshop" else len(info.options)
    if info.kind == "workshop":
        materials.append(str(w["materials"]["capture"]).format(sheets=sheets, lines=lines))
    else:
        materials.append(str(w["materials"]["capture_creativity"]).format(sheets=sheets))
    if participants:
        pads = math.ceil(participants / TABLE_SIZE)
        materials.append(str(w["materials"]["postits"]).format(pads=pads))
    else:
        materials.append(str(w["materials"]["postits_unknown"]))
    materials += [str(w["materials"][key]) for key in ("pens", "board")]
    if info.kind == "creativity":
        materials += [str(w["materials"][key]) for key in ("dots", "sheets")]
    materials += [str(w["materials"][key]) for key in ("timer", "run")]
    notes = []
    if start is None:
        notes.append(str(w["relative"]))
    if not info.session.duration_given:
        notes.append(str(w["default_duration"]).format(n=info.minutes))
    after = (
        str(w["after"]).format(file=files["feedback"])
        if info.kind == "workshop"
        else str(w["after_creativity"])
    )
    return {
        "roles": [
            {"role": roles_words[key][0], "who": who, "task": roles_words[key][1]}
            for key, who in roles
        ],
        "steps": steps,
        "questions": _questions(info, results, f),
        "materials": [f.t(m) for m in materials],
        "notes": [f.t(n) for n in notes],
        "after": f.t(after),
    }


def _questions(info: SessionInfo, results: Results, f: Fmt) -> dict[str, Any]:
    """The questions to ask: the session's prompts and criteria once, then each scenario's own
    (the question about it, its participation level's probe, its post-it code and sheet); for
    the creativity session, each option's verdict, challenge and the workshops' ideas."""
    from .slides import prompts

    w = info.words
    if info.kind == "creativity":
        items = []
        for item in info.options:
            lines = [
                f.t(str(w["verdict"]).format(verdict=verdict_text(item, f))),
                challenge(item, f),
                *(f"{w['notes']['ideas']} {idea}" for idea in remarks(item, f, "idee", 3)),
            ]
            items.append({"title": f.t(f"{item.id} · {item.title}"), "lines": lines})
        return {"intro": "", "prompts": [], "criteria": "", "items": items}
    separator = " ; " if f.language == "fr" else "; "
    criteria = separator.join(
        f"{c.id} : {f.t(c.label)}" if f.language == "fr" else f"{c.id}: {f.t(c.label)}"
        for c in results.engagement.grid.criteria
    )
    items = []
    for item in info.items:
        lines = [f.t(str(w["question_about"]).format(title=item.title))]
        level = item.scenario.level
        if level is not None:
            lines.append(f.t(w["level_probe"][level]))
        if item.transversal:
            lines.append(f.t(w["notes"]["transversal"]))
        lines.append(
            f.t(str(w["postit_code"]).format(code=item.id, sheet=f"{info.code}-{item.id}"))
        )
        items.append({"title": f.t(f"{item.id} · {item.title}"), "lines": lines})
    return {
        "intro": f.t(w["prompts_intro"]),
        "prompts": prompts(info, f),
        "criteria": f.t(f"{w['criteria_intro']} {criteria}") if criteria else "",
        "items": items,
    }
