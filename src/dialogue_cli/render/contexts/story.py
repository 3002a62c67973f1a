"""The parts of the story every document tells the same way, worded from computed results.

The evidence behind each score (``grid.min_items``), the state of the analysis, each event told
in its tense at the document date (:mod:`dialogue_cli.planning.timeline`), and each retained
solution with its path from the options it answers (:mod:`dialogue_cli.analysis.decisions`).
Nothing here decides a state or a verdict: it only puts the computed ones into words, so that
two documents cannot say them differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..words import CONDITION_ORDER
from .shared import Context, verdict

if TYPE_CHECKING:
    from ...analysis.decisions import OptionVerdict, SolutionPath
    from ...analysis.scoring import Cell, ScenarioScore
    from ...planning.timeline import EventAt
    from ..results import Results
    from ..values import Fmt


def ordered(groups: Iterable[str]) -> list[str]:
    """``groups`` in the documents' order: élus, citoyens, services."""
    chosen = set(groups)
    return [g for g in CONDITION_ORDER if g in chosen]


def groups_text(groups: Iterable[str], f: Fmt) -> str:
    """``élus, citoyens et services``: lower-case group names, joined in the documents' order."""
    return f.join(f.words["groups_lower"][g] for g in ordered(groups))


# ---------------------------------------------------------------- evidence


def evidence(scenario: ScenarioScore, cell: Cell, f: Fmt) -> str:
    """How many scored items a score rests on, in words, and whether that is weak evidence."""
    if cell.score is None:
        return ""
    key = "items_weak" if scenario.weak(cell) else "items"
    return str(f.words[key]).format(n=f.number(cell.count))


def weak_list(results: Results, f: Fmt) -> str:
    """One sentence naming every weak group or condition score of the ranked options, or ''."""
    cells = []
    for s in results.scores.options:
        for kind, names in (("weak_group", s.weak_groups), ("weak_condition", s.weak_conditions)):
            for g in ordered(names):
                cell = s.groups[g] if kind == "weak_group" else s.conditions[g]
                what = str(f.words[kind]).format(group=f.words["groups_lower"][g])
                items = str(f.words["items"]).format(n=f.number(cell.count))
                cells.append(
                    str(f.words["weak_cell"]).format(option=s.title, what=what, items=items)
                )
    if not cells:
        return ""
    sentence = str(f.words["weak_list"]).format(
        n=f.number(results.engagement.grid.min_items), cells="; ".join(cells)
    )
    return f.t(sentence)


def analysis_note(results: Results, f: Fmt) -> str:
    """'Résultats provisoires…' while the analysis is not done at the document date, else ''."""
    state = results.timeline.state("analyse")
    if state == "done" or not results.scores.options:
        return ""
    key = "provisional" if state == "ongoing" else "analysis_todo"
    return f.t(str(f.words[key]).format(date=f.date(results.today)))


# ---------------------------------------------------------------- events


def event_label(event: EventAt, f: Fmt) -> str:
    if event.kind == "creativity":
        return str(f.words["creativity"])
    return str(f.words["workshop"].get(event.group or "", event.id))


def events(results: Results, f: Fmt) -> list[Context]:
    """Every workshop and the creativity session, in date order, each in its tense."""
    out = []
    for event in results.timeline.events:
        day = f.day(event.date) if event.date else str(f.words["to_be_set"])
        sentence = str(f.words["event_sentence"][event.kind][event.state]).format(date=day)
        if event.held and event.participants:
            sentence += ", " + str(f.words["participants_n"]).format(n=f.number(event.participants))
        out.append(
            {
                "label": event_label(event, f),
                "date": day,
                "place": f.t(event.place),
                "state": f.words["event_state"][event.kind][event.state],
                "sentence": f.t(sentence),
                "held": event.held,
                "upcoming": event.state in ("upcoming", "undated"),
            }
        )
    return out


def session_when(results: Results, f: Fmt) -> str:
    """The creativity session as a complement: 'du mardi 9 mars 2027' or '(date à fixer)'."""
    session = results.timeline.creativity
    if session is None or session.date is None:
        return str(f.words["session_undated"])
    return str(f.words["session_on"]).format(date=f.day(session.date))


# ---------------------------------------------------------------- the decision trail


def solutions_state(results: Results) -> str:
    """``final`` once the creativity phase is done at the document date, ``provisional`` while
    it is under way, ``upcoming`` before: retained solutions are only told as decided when final."""
    state = results.timeline.state("creativite")
    return {"done": "final", "ongoing": "provisional"}.get(state, "upcoming")


def _option_rank(option: OptionVerdict, count: int, f: Fmt) -> str:
    return str(f.words["rank_of"]).format(rank=option.rank, count=count)


def _verdict(option: OptionVerdict, f: Fmt) -> str:
    """The option's verdict exactly as the ranking tables print it (the same function)."""
    return verdict(option.viable, option.blocking, f)


def _tests(path: SolutionPath, f: Fmt, symbols: bool = False, plain: bool = False) -> str:
    """``élus favorables, citoyens réservés`` (``élus +, citoyens =`` with ``symbols``; in
    plain words for residents, ``les élus y sont favorables, …``)."""
    by_group: dict[str, str] = {t.group: t.verdict for t in path.tests}
    words = f.words["test_symbols" if symbols else "test_verdicts"]
    if plain:
        return f.join(
            str(f.words["plain_test"]).format(
                group=f.words["the_groups"][g], verdict=f.words["test_verdicts"][by_group[g]]
            )
            for g in ordered(by_group)
        )
    return ", ".join(
        f"{f.words['groups_lower'][g]} {words[by_group[g]]}" for g in ordered(by_group)
    )


def _lower(text: str) -> str:
    """A verdict inside a sentence: 'Non viable — …' -> 'non viable — …' ('Viable' likewise)."""
    return text[:1].lower() + text[1:]


def _origin(path: SolutionPath, count: int, f: Fmt) -> str:
    """'Répond à l'option « X » (rang 2 sur 4) : non viable — services sous le seuil.': the
    option's verdict in the very words of the ranking tables."""
    if not path.options:
        return str(f.words["option_none"])
    sentences = []
    for option in path.options:
        title = f.quoted(option.title)
        if option.rank is None:
            sentences.append(str(f.words["option_unscored"]).format(title=title))
            continue
        sentences.append(
            str(f.words["option_answered"]).format(
                title=title,
                rank=_option_rank(option, count, f),
                verdict=_lower(_verdict(option, f)),
            )
        )
    return " ".join(sentences)


def _summary(path: SolutionPath, f: Fmt) -> str:
    """The path in one line: « Budget participatif : non viable — services sous le seuil ;
    solution retravaillée en séance de créativité : élus +, services =, citoyens + »."""
    parts = []
    tests = _tests(path, f, symbols=True) or str(f.words["trail_untested"])
    for option in path.options or ():
        key = "trail_viable" if option.viable else "trail_blocked"
        parts.append(
            str(f.words[key]).format(
                title=option.title, verdict=_lower(_verdict(option, f)), tests=tests
            )
        )
    line = " ; ".join(parts) if f.language == "fr" else "; ".join(parts)
    if path.basis == "rationale":
        line += str(f.words["trail_rationale"])
    return line


def solution(path: SolutionPath, results: Results, f: Fmt) -> Context:
    """One retained solution with its path, for every document that names it."""
    titles = {s.id: s.title for s in results.engagement.scenarios}
    count = len(results.scores.options)
    tests_line = (
        str(f.words["tests_line"]).format(tests=_tests(path, f))
        if path.tests
        else str(f.words["tests_none"])
    )
    if path.tests and path.untested:
        tests_line += str(f.words["tests_missing"]).format(groups=groups_text(path.untested, f))
    basis = str(f.words["basis"][path.basis]).format(
        groups=f.join(f.words["the_groups"][g] for g in ordered(path.blocking)),
        rationale=path.rationale,
    )
    blocked = [o for o in path.options if not o.viable and o.rank is not None]
    if blocked:
        external = str(f.words["ext_option_blocked"]).format(
            title=f.quoted(blocked[0].title),
            groups=f.join(f.words["to_groups"][g] for g in ordered(blocked[0].blocking)),
        )
    elif path.options:
        external = str(f.words["ext_option_viable"]).format(title=f.quoted(path.options[0].title))
    else:
        external = ""
    return {
        "id": path.id,
        "title": f.t(path.title),
        "description": f.t(path.description),
        "scenarios": f.t(f.join(titles.get(o.id, o.id) for o in path.options)),
        "options": [
            {
                "title": f.t(o.title),
                "rank": str(o.rank) if o.rank is not None else "",
                "verdict": _verdict(o, f) if o.rank is not None else "",
                "viable": o.viable,
            }
            for o in path.options
        ],
        "origin": f.t(_origin(path, count, f)),
        "changes": f.t(path.changes),
        "tests": [
            {
                "group": f.group(t.group),
                "verdict": f.words["verdicts"][t.verdict],
                "note": f.t(t.note),
            }
            for t in sorted(path.tests, key=lambda t: CONDITION_ORDER.index(t.group))
        ],
        "tests_line": f.t(tests_line),
        "basis": f.t(basis),
        "justified": path.basis != "unjustified",
        "rationale": f.t(path.rationale),
        "summary": f.t(_summary(path, f)),
        "plain_origin": f.t(external),
        "plain_tests": f.t(_tests(path, f, plain=True)),
    }


def retained(results: Results, f: Fmt) -> list[Context]:
    """The retained solutions with their paths, once the creativity session has produced them
    (final or under way at the document date); none before."""
    if solutions_state(results) == "upcoming":
        return []
    return [solution(path, results, f) for path in results.decisions.retained]


def decision(results: Results, f: Fmt) -> Context:
    """What a document says of the retained scheme at the document date.

    ``intro`` introduces the solutions listed (final, or provisional while the session's phase
    is under way); ``todo`` is the placeholder shown instead when there is nothing decided yet
    (the session is to come, or retained nothing).
    """
    state = solutions_state(results)
    chosen = results.decisions.retained
    when = session_when(results, f)
    intro = todo = ""
    if state == "upcoming":
        todo = str(f.words["decision_upcoming"]).format(when=when)
    elif not chosen:
        todo = str(f.words["decision_none"])
    elif state == "provisional":
        intro = str(f.words["decision_provisional"]).format(when=when)
    else:
        intro = str(f.words["decision_final"]).format(when=when)
    return {"state": state, "intro": f.t(intro), "todo": f.t(todo)}
